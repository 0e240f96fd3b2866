"""Content filters: hate, insults, sexual, violence and misconduct, with a strength per
category and direction, in the vocabulary of Amazon Bedrock Guardrails.

Each category is a logistic regression over two feature groups of the same text: its
MiniLM embedding (384-d, from the shared embedder) and hashed word 1-2-grams
(:func:`hashed_ngrams`). The weights were trained with scikit-learn
(``scripts/train/train_content_filter.py``) and ship as numpy arrays in
``models/content_filter.npz``; inference is numpy and the standard library only. Long
texts are scored per sentence window, and as a whole while they fit the embedder
(:func:`window_spans`; no window has more than 240 of the embedder's tokens, so no part of
a text falls past MiniLM's truncation at 256); a text's score is its worst window, and a
finding carries that window's span. Long texts go through the static screen first
(:mod:`genaiops.guardrails.screen`): only the windows that could reach a threshold are
embedded with MiniLM. ``strength`` picks a threshold per category: the highest of the
thresholds that meet the strength's false-positive target on each kind of benign text
(predictions on the val split of ``scripts/train/splits.py``; ``low`` blocks the least,
``high`` the most).
``models/content_filter.md`` is the model card with the data, the split, the thresholds
and the held-out metrics. Sexual, violence and misconduct have no human-labelled training
data here: their heads learn from weak labels (see the card).

A text of one window (a question, a request: up to 64 words) is also compared with the
labelled training requests nearest to it (:class:`Neighbours`,
``models/content_neighbours.npz``, card ``content_neighbours.md``): for violence and
misconduct, a vote of the ten nearest (weighted by cosine) moves the logit by up to 4
either way, and that category is then held to the thresholds chosen for the combined
score. The training set pairs harmful requests with benign look-alikes worded alike (a
"kill a Python process" beside a "kill my neighbour"), which a linear head cannot keep
apart and a nearest-neighbour vote can. Windows of longer texts are scored by the heads
alone (their screen's margins bound the heads' logits, not the vote).
"""

from __future__ import annotations

import html
import itertools
import logging
import math
import re
import threading
import weakref
import zlib
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from genaiops.config_guardrails import ContentFiltersConfig
from genaiops.guardrails.base import Check, CheckServices, Direction, Finding, Lazy
from genaiops.guardrails.screen import StaticScreen, screen_for

if TYPE_CHECKING:
    from genaiops.knowledge.embedders import Embedder

__all__ = [
    "ARTIFACT",
    "CATEGORIES",
    "NEIGHBOURS",
    "N_HASH",
    "STRENGTHS",
    "ContentFilterCheck",
    "LinearHeads",
    "Neighbours",
    "Windows",
    "clean_text",
    "hashed_ngrams",
    "screened_windows",
    "text_windows",
    "token_counter",
    "window_spans",
]

ARTIFACT = Path(__file__).resolve().parent / "models" / "content_filter.npz"
#: the labelled requests whose nearest ones vote on a one-window text (:class:`Neighbours`)
NEIGHBOURS = ARTIFACT.with_name("content_neighbours.npz")
CATEGORIES = ("hate", "insults", "sexual", "violence", "misconduct")
STRENGTHS = ("low", "medium", "high")
N_HASH = 1 << 15
SHORT_TEXT_WORDS = 64
WINDOW_WORDS = 48
WINDOW_STRIDE = 24
MIN_WINDOW_WORDS = 8
WHOLE_TEXT_WORDS = 128

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"(?<!\w)@\w+")
_TOKEN = re.compile(r"[a-z0-9']+")

Floats = npt.NDArray[np.float32]
log = logging.getLogger(__name__)


def clean_text(text: str) -> str:
    """HTML entities decoded; URLs and @mentions dropped; whitespace collapsed."""
    text = html.unescape(text)
    text = _MENTION.sub(" ", _URL.sub(" ", text))
    return " ".join(text.split())


def hashed_ngrams(text: str, n_hash: int = N_HASH) -> tuple[npt.NDArray[np.int64], Floats]:
    """Word unigrams and bigrams of the lower-cased text, hashed (CRC-32) into ``n_hash``
    buckets: (bucket indices, log(1 + count) values, L2-normalised). Sparse."""
    words = _TOKEN.findall(clean_text(text).lower())
    feats = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
    counts: dict[int, int] = {}
    for f in feats:
        bucket = zlib.crc32(f.encode("utf-8")) % n_hash
        counts[bucket] = counts.get(bucket, 0) + 1
    if not counts:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    idx = np.fromiter(counts.keys(), np.int64, len(counts))
    val = np.log1p(np.fromiter(counts.values(), np.float32, len(counts)))
    val /= float(np.linalg.norm(val))
    return idx, val


_WORD_SPAN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


#: the most tokens of a window (MiniLM truncates at 256, special tokens included): a
#: window never has a part the embedder does not see
WINDOW_TOKENS = 240
#: a word of at least this many characters and over this many tokens is opaque (a hash,
#: a key): it is a sentence of its own, so that it does not dilute the sentence around it
OPAQUE_CHARS = 24
OPAQUE_TOKENS = 12
#: a buffer of short sentences over this many tokens is not joined to a full sentence
HEAVY_TOKENS = 60

#: counts the tokens of a piece of text, special tokens excluded
TokenCounter = Callable[[str], int]


def token_counter(embedder: Embedder) -> tuple[TokenCounter, int]:
    """A counter of the tokens ``embedder`` sees in a piece of text (its special tokens
    left out, so counts of pieces split at whitespace add up) and the window budget:
    :data:`WINDOW_TOKENS`, or less for an embedder that truncates sooner."""
    special = embedder.count_tokens("")

    def count(piece: str) -> int:
        return max(0, embedder.count_tokens(piece) - special)

    return count, max(1, min(WINDOW_TOKENS, embedder.max_tokens - special - 8))


def _word_windows(
    words: list[tuple[int, int]], sizes: list[int] | None = None, budget: int = WINDOW_TOKENS
) -> list[tuple[int, int]]:
    """Overlapping windows of up to 48 words (and, with ``sizes``, the tokens of each
    word, up to ``budget`` tokens; a single word is a window however long), each
    starting half a window after the last; the last ends at the last word."""
    out = []
    start = 0
    while True:
        end = min(len(words), start + WINDOW_WORDS)
        if sizes is not None:
            total = 0
            for j in range(start, end):
                total += sizes[j]
                if total > budget and j > start:
                    end = j
                    break
        out.append((words[start][0], words[end - 1][1]))
        if end >= len(words):
            break
        start += max(1, (end - start) // 2) if end - start < WINDOW_WORDS else WINDOW_STRIDE
    return out


def _opaque(word: str, count: TokenCounter) -> bool:
    """A long word of many tokens that is not a URL: a hash, a key, a base64 blob."""
    return len(word) >= OPAQUE_CHARS and _URL.search(word) is None and count(word) > OPAQUE_TOKENS


def window_spans(
    text: str, count: TokenCounter | None = None, budget: int = WINDOW_TOKENS
) -> list[tuple[int, int]]:
    """The (start, end) character spans in ``text`` of :func:`text_windows`: the whole
    text when short (<= 64 words); otherwise its sentences, short ones joined to the next
    (at least 8 words a window) and long ones cut into overlapping windows of 48 words,
    and the whole text too while it fits the embedder (<= 128 words).

    With ``count`` (the embedder's token counter, :func:`token_counter`) no window has
    more than ``budget`` tokens, so that no part of the text falls past the embedder's
    truncation: the whole text is a window only while it fits, sentences are joined only
    while they fit, and a sentence or window over the budget is cut into shorter windows.
    Tokens are counted once per sentence, and per word only in a sentence over the
    budget."""
    words = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(text)]
    if not words:
        return [(0, len(text))]
    whole = (words[0][0], words[-1][1])
    total = count(text[whole[0] : whole[1]]) if count is not None else 0
    if len(words) <= SHORT_TEXT_WORDS and total <= budget:
        return [whole]
    sentences: list[list[tuple[int, int]]] = [[]]
    for i, (a, b) in enumerate(words):
        if count is not None and _opaque(text[a:b], count):  # a hash, a key: apart
            sentences += [[(a, b)], []]
            continue
        sentences[-1].append((a, b))
        after = text[b : words[i + 1][0]] if i + 1 < len(words) else ""
        if _SENTENCE_END.search(text[a:b]) or "\n" in after:
            sentences.append([])
    sentences = [s for s in sentences if s]

    def tokens(part: list[tuple[int, int]]) -> int:
        return count(text[part[0][0] : part[-1][1]]) if count is not None else 0

    def cut(part: list[tuple[int, int]], n_tokens: int) -> list[tuple[int, int]]:
        if count is None or n_tokens <= budget:
            return _word_windows(part)
        return _word_windows(part, [count(text[a:b]) for a, b in part], budget)

    out: list[tuple[int, int]] = []
    buffer: list[tuple[int, int]] = []
    held = 0  # tokens in the buffer
    for sentence in sentences:
        n = tokens(sentence)
        # joined, they would not fit, or a few opaque words would drown the sentence: the
        # buffer alone
        heavy = held > HEAVY_TOKENS and len(sentence) >= MIN_WINDOW_WORDS
        if buffer and (held + n > budget or heavy):
            out.append((buffer[0][0], buffer[-1][1]))
            buffer, held = [], 0
        if len(sentence) > WINDOW_WORDS or n > budget:
            out.extend(cut(buffer + sentence, held + n))
            buffer, held = [], 0
            continue
        buffer.extend(sentence)
        held += n
        if len(buffer) >= MIN_WINDOW_WORDS:
            out.append((buffer[0][0], buffer[-1][1]))
            buffer, held = [], 0
    if buffer:
        out.append((buffer[0][0], buffer[-1][1]))
    if len(words) <= WHOLE_TEXT_WORDS and total <= budget:
        out.append(whole)
    return out


def text_windows(text: str) -> list[str]:
    """The cleaned texts of :func:`window_spans`. One harmful sentence in a long answer
    is scored on its own, not diluted."""
    return [clean_text(text[a:b]) for a, b in window_spans(text)]


@dataclass(frozen=True)
class LinearHeads:
    """Logistic-regression heads over [embedding | hashed n-grams]: ``p = sigmoid(W_e e +
    W_h h + b)``, one row per head."""

    names: tuple[str, ...]
    w_emb: Floats  # (heads, dim)
    w_hash: Floats  # (heads, n_hash)
    bias: Floats  # (heads,)

    @classmethod
    def from_arrays(cls, names: Sequence[str], arrays: dict[str, Floats]) -> LinearHeads:
        return cls(
            tuple(names),
            arrays["w_emb"].astype(np.float32),
            arrays["w_hash"].astype(np.float32),
            arrays["bias"].astype(np.float32),
        )

    def hash_logits(self, texts: Sequence[str]) -> Floats:
        """(len(texts), heads): the hashed n-gram part of the logits."""
        out = np.zeros((len(texts), len(self.names)), np.float32)
        n_hash = self.w_hash.shape[1]
        for row, text in enumerate(texts):
            idx, val = hashed_ngrams(text, n_hash)
            if idx.size:
                out[row] = self.w_hash[:, idx] @ val
        return out

    def logits(self, texts: Sequence[str], vectors: Floats, hashed: Floats | None = None) -> Floats:
        """(len(texts), heads) logits for texts and their embeddings."""
        part = self.hash_logits(texts) if hashed is None else hashed
        out: Floats = (vectors @ self.w_emb.T + self.bias + part).astype(np.float32)
        return out

    def probabilities(self, texts: Sequence[str], vectors: Floats) -> Floats:
        """(len(texts), heads) probabilities for texts and their embeddings."""
        return sigmoid(self.logits(texts, vectors))


@dataclass(frozen=True)
class Neighbours:
    """A vote of the nearest labelled training requests, added to some heads' logits.

    For each of :attr:`names`, the ``k`` bank vectors with a label for that category that
    are nearest to a text's vector (cosine) vote with weights ``exp((cos - best) / tau)``;
    the share of harmful votes ``v`` moves the head's logit by ``weight * (v - 0.5)``.
    :attr:`thresholds` are the probability thresholds per strength chosen for that
    combined score (``scripts/train/train_content_filter.py``, val split). The bank's
    vectors are stored as int8 with a scale per row; its labels are 1 (harmful), 0
    (benign) or -1 (no label for that category). The vote is only meaningful beside the
    heads it was tuned with: :attr:`head_sha256` is the sha256 of that
    ``content_filter.npz`` (:func:`neighbours_for`)."""

    names: tuple[str, ...]
    vectors: Floats  # (bank, dim), dequantized
    labels: npt.NDArray[np.int8]  # (bank, len(names))
    k: int
    tau: float
    weight: float
    thresholds: dict[str, dict[str, float]]  # category -> strength -> probability
    head_sha256: str

    @classmethod
    def load(cls, path: Path = NEIGHBOURS) -> Neighbours:
        with np.load(path, allow_pickle=False) as data:
            return cls.from_arrays({k: data[k] for k in data.files})

    @classmethod
    def from_arrays(cls, data: dict[str, npt.NDArray[Any]]) -> Neighbours:
        """The vote of the arrays the training script writes (``content_neighbours.npz``)."""
        names = tuple(str(c) for c in data["categories"])
        strengths = [str(s) for s in data["strengths"]]
        table = data["thresholds"].astype(float)
        return cls(
            names,
            (data["vectors"].astype(np.float32) * data["scale"][:, None]).astype(np.float32),
            data["labels"].astype(np.int8),
            int(data["k"]),
            float(data["tau"]),
            float(data["weight"]),
            {
                c: {s: float(table[i, j]) for j, s in enumerate(strengths)}
                for i, c in enumerate(names)
            },
            str(data["head_sha256"]),
        )

    def votes(self, vectors: Floats) -> Floats:
        """(len(vectors), len(names)): the weighted share of harmful neighbours."""
        if len(vectors) > 256:  # bounded memory: (texts, bank) similarities per chunk
            return np.concatenate(
                [self.votes(vectors[i : i + 256]) for i in range(0, len(vectors), 256)]
            )
        sims = vectors @ self.vectors.T  # (texts, bank): one pass over the bank
        out = np.full((len(vectors), len(self.names)), 0.5, np.float32)
        for j in range(len(self.names)):
            # the bank texts without a label for this category cannot be neighbours
            known = self.labels[:, j] >= 0
            s = np.where(known, sims, -np.inf)
            k = min(self.k, int(known.sum()))
            if k == 0:
                continue
            top = np.argpartition(-s, k - 1, axis=1)[:, :k]
            near = np.take_along_axis(s, top, axis=1)
            w = np.exp((near - near.max(axis=1, keepdims=True)) / self.tau)
            harmful = (self.labels[top, j] == 1).astype(np.float32)
            out[:, j] = (w * harmful).sum(axis=1) / w.sum(axis=1)
        return out

    def adjust(self, logits: Floats, vectors: Floats, heads: Sequence[str]) -> Floats:
        """``logits`` (texts, heads) with the vote added to the heads it covers."""
        out = logits.copy()
        votes = self.votes(vectors)
        for j, name in enumerate(self.names):
            out[:, heads.index(name)] += self.weight * (votes[:, j] - 0.5)
        return out


_neighbours: dict[Path, Neighbours] = {}
_warned: set[tuple[Path, Path]] = set()
_neighbours_lock = threading.Lock()


def neighbours_for(head: Path, path: Path | None = None) -> Neighbours | None:
    """The vote of ``path`` (by default ``content_neighbours.npz`` beside the head file)
    when it was tuned with ``head`` (same sha256), else ``None``: one-window texts are then
    scored by the heads alone, at their own thresholds. Loaded once per process."""
    path = path or head.with_name(NEIGHBOURS.name)
    with _neighbours_lock:
        found = _neighbours.get(path)
        if found is None:
            if not path.is_file():
                return None
            found = _neighbours[path] = Neighbours.load(path)
    from genaiops.guardrails.screen import file_sha256

    try:
        fits = found.head_sha256 == file_sha256(head)
    except OSError:
        fits = False
    if not fits:
        with _neighbours_lock:
            if (path, head) in _warned:
                return None
            _warned.add((path, head))
        log.warning(
            "%s was tuned with another %s (sha256 differs): one-window texts are scored "
            "without the neighbour vote; retrain with scripts/train/train_content_filter.py",
            path.name,
            head.name,
        )
        return None
    return found


def sigmoid(logits: Floats) -> Floats:
    out: Floats = (1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))).astype(np.float32)
    return out


def logit(p: float) -> float:
    """The logit of a probability threshold (+inf for a threshold that cannot be met)."""
    if p >= 1.0:
        return math.inf
    if p <= 0.0:
        return -math.inf
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class Windows:
    """A text's windows (:func:`window_spans`), their cleaned texts, their vectors (real
    MiniLM vectors where ``exact``, the screen's approximations elsewhere) and the hashed
    part of each head's logits."""

    spans: list[tuple[int, int]]
    texts: list[str]
    vectors: Floats
    exact: npt.NDArray[np.bool_]


_SPANS_KEPT = 8
# per embedder (its tokenizer counts the tokens): the last few texts' windows
_spans_memo: weakref.WeakKeyDictionary[
    Embedder, OrderedDict[str, tuple[list[tuple[int, int]], list[str]]]
] = weakref.WeakKeyDictionary()
_spans_lock = threading.Lock()


def _windows_of(text: str, embedder: Embedder) -> tuple[list[tuple[int, int]], list[str]]:
    """:func:`window_spans` (with the embedder's token budget) and the cleaned window
    texts, remembered for the last few texts: the topic and content checks cut the same
    text in turn, and counting its tokens is a few milliseconds for 3,000 characters."""
    with _spans_lock:
        try:
            memo = _spans_memo.setdefault(embedder, OrderedDict())
        except TypeError:  # an embedder that cannot be weakly referenced: no memo
            memo = OrderedDict()
        hit = memo.get(text)
        if hit is not None:
            memo.move_to_end(text)
            return list(hit[0]), list(hit[1])
    spans = window_spans(text, *token_counter(embedder))
    texts = [clean_text(text[a:b]) for a, b in spans]
    with _spans_lock:
        memo[text] = (spans, texts)
        while len(memo) > _SPANS_KEPT:
            memo.popitem(last=False)
    return list(spans), list(texts)


def screened_windows(
    text: str,
    embedder: Embedder,
    needs: Callable[[list[str], Floats], npt.NDArray[np.bool_]] | None,
    screen: StaticScreen | None,
    long_embedder: Embedder | None = None,
) -> Windows:
    """The windows of ``text`` with vectors. A single window is always embedded. With a
    screen, longer texts' windows are approximated first and only those for which
    ``needs(texts, approximate vectors)`` is true are embedded for real. A text of more
    than one window is embedded with ``long_embedder`` when given (the policy's
    ``long_text_encoder``: MiniLM on 8-bit integer products, about twice as fast)."""
    spans, texts = _windows_of(text, embedder)
    if len(texts) > 1 and long_embedder is not None:
        embedder = long_embedder
    if screen is None or needs is None or len(texts) == 1:
        return Windows(spans, texts, embedder.embed(texts), np.ones(len(texts), bool))
    vectors = screen.approximate(texts)
    need = needs(texts, vectors)
    if need.any():
        chosen = [texts[i] for i in np.flatnonzero(need)]
        vectors[need] = embedder.embed(chosen)
    return Windows(spans, texts, vectors, need)


@dataclass(frozen=True)
class _Model:
    heads: LinearHeads
    thresholds: dict[str, dict[str, float]]  # category -> strength -> probability


def _load(path: Path) -> _Model:
    with np.load(path, allow_pickle=False) as data:
        names = [str(n) for n in data["categories"]]
        strengths = [str(s) for s in data["strengths"]]
        arrays = {k: data[k] for k in ("w_emb", "w_hash", "bias")}
        table = data["thresholds"].astype(float)  # (categories, strengths)
    thresholds = {
        c: {s: float(table[i, j]) for j, s in enumerate(strengths)} for i, c in enumerate(names)
    }
    return _Model(LinearHeads.from_arrays(names, arrays), thresholds)


class ContentFilterCheck(Check):
    """Blocks hateful, insulting, sexual, violent or misconduct content per category.

    ``config`` gives each category a strength per direction (``none`` switches it off).
    The artifact is loaded and the texts embedded on first use; the constructor does no
    I/O. :meth:`scores` gives every category's probability whatever the config says.
    """

    type = "content_filter"
    directions = frozenset({"input", "output"})

    def __init__(
        self,
        config: ContentFiltersConfig,
        embedder: Embedder,
        artifact: Path | None = None,
        *,
        screen: bool = True,
        long_embedder: Embedder | None = None,
        neighbours: bool = True,
    ) -> None:
        self.config = config
        self.embedder = embedder
        self.long_embedder = long_embedder or embedder
        path = artifact or ARTIFACT
        self._model = Lazy(lambda: _load(path))
        self._screen = Lazy(lambda: screen_for(path) if screen else None)
        self._neighbours = Lazy(lambda: neighbours_for(path) if neighbours else None)

    @property
    def model(self) -> _Model:
        return self._model.get()

    @classmethod
    def from_config(cls, config: Any, services: CheckServices) -> Check | None:
        """The ``content_filters`` policy key (every category ``none``: no check)."""
        assert isinstance(config, ContentFiltersConfig)
        if all(
            s.input == "none" and s.output == "none"
            for s in (getattr(config, c) for c in type(config).model_fields)
        ):
            return None
        if services.embedder is None:
            from genaiops.knowledge.embedders import CachingEmbedder, MiniLMEmbedder

            services.embedder = CachingEmbedder(MiniLMEmbedder())
        return cls(config, services.embedder, long_embedder=services.long_text_embedder())

    @property
    def neighbours(self) -> Neighbours | None:
        """The neighbour vote for one-window texts (``None``: absent, or tuned with other
        heads)."""
        return self._neighbours.get()

    def warm_up(self) -> None:
        self.scores("warm up")
        self._screen.get()
        self._neighbours.get()
        self.long_embedder.warm_up()

    def strength(self, category: str, direction: Direction) -> str:
        setting = getattr(self.config, category)
        return str(setting.output if direction == "output" else setting.input)

    def threshold(self, category: str, direction: Direction, *, voted: bool = False) -> float:
        """The category's probability threshold at its strength for ``direction``; with
        ``voted``, the one chosen for the heads' score plus the neighbour vote (used for
        a one-window text, when the vote covers the category)."""
        strength = self.strength(category, direction)
        if strength == "none" or direction not in self.directions:
            return math.inf
        vote = self.neighbours if voted else None
        if vote is not None and category in vote.thresholds:
            return vote.thresholds[category][strength]
        return self.model.thresholds[category][strength]

    def scores(self, text: str) -> dict[str, float]:
        """Each category's probability: the highest over the text's windows (for a text
        of one window, with the neighbour vote)."""
        probs, _ = self.window_scores(text)
        return {c: float(p) for c, p in zip(self.model.heads.names, probs.max(axis=0), strict=True)}

    def _floors(self) -> Floats:
        """Per head, the lowest logit threshold any enabled direction uses (+inf: off)."""
        model = self.model
        out = np.full(len(model.heads.names), np.inf, np.float32)
        for j, category in enumerate(model.heads.names):
            for direction in ("input", "output"):
                out[j] = min(out[j], logit(self.threshold(category, direction)))
        return out

    def window_scores(self, text: str) -> tuple[Floats, list[tuple[int, int]]]:
        """(windows, categories) probabilities and the windows' spans in ``text``. Long
        texts go through the screen (:mod:`genaiops.guardrails.screen`): a window the
        screen clears keeps its approximate scores, which stay below every threshold. A
        text of one window (always embedded for real) gets the neighbour vote
        (:class:`Neighbours`) on the categories it covers."""
        model = self.model
        screen = self._screen.get()
        hashed: dict[str, Floats] = {}

        def needs(texts: list[str], approx: Floats) -> npt.NDArray[np.bool_]:
            assert screen is not None
            margins = np.array(
                [screen.margin_logit.get(c, np.inf) for c in model.heads.names], np.float32
            )
            part = model.heads.hash_logits(texts)
            hashed.update(zip(texts, part, strict=True))
            rough = model.heads.logits(texts, approx, part)
            return np.asarray((rough + margins >= self._floors()).any(axis=1), dtype=bool)

        windows = screened_windows(text, self.embedder, needs, screen, self.long_embedder)
        part = (
            np.stack([hashed[t] for t in windows.texts])
            if hashed
            else model.heads.hash_logits(windows.texts)
        )
        logits = model.heads.logits(windows.texts, windows.vectors, part)
        vote = self.neighbours
        if vote is not None and len(windows.texts) == 1:
            logits = vote.adjust(logits, windows.vectors, model.heads.names)
        return sigmoid(logits), windows.spans

    def _enabled(self, direction: Direction) -> list[str]:
        if direction not in self.directions:
            return []
        return [c for c in CATEGORIES if self.strength(c, direction) != "none"]

    def risk(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> float | None:
        enabled = self._enabled(direction)
        if not enabled or not text.strip():
            return None if not enabled else 0.0
        scores = self.scores(text)
        return max(scores[c] for c in enabled)

    def check(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> list[Finding]:
        enabled = self._enabled(direction)
        if not enabled or not text.strip():
            return []
        probs, spans = self.window_scores(text)
        names = self.model.heads.names
        vote = self.neighbours if len(spans) == 1 else None
        voted = vote is not None
        covered = vote.names if vote is not None else ()
        note = ", with the nearest labelled requests"
        findings = []
        for category in enabled:
            j = names.index(category)
            worst = int(probs[:, j].argmax())
            score = float(probs[worst, j])
            threshold = self.threshold(category, direction, voted=voted)
            if score >= threshold:
                start, end = spans[worst]
                findings.append(
                    Finding(
                        type=self.type,
                        name=category,
                        score=round(score, 4),
                        action="BLOCKED",
                        start=start,
                        end=end,
                        explanation=(
                            f"{category} score {score:.2f} >= {threshold:.2f} "
                            f"({self.strength(category, direction)} strength, {direction}"
                            f"{note if category in covered else ''})"
                        ),
                    )
                )
        return findings
