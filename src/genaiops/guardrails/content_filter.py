"""Content filters: hate, insults, sexual, violence and misconduct, with a strength per
category and direction, in the vocabulary of Amazon Bedrock Guardrails.

Each category is a logistic regression over two feature groups of the same text: its
MiniLM embedding (384-d, from the shared embedder) and hashed word 1-2-grams
(:func:`hashed_ngrams`). The weights were trained with scikit-learn
(``scripts/train/train_content_filter.py``) and ship as numpy arrays in
``models/content_filter.npz``; inference is numpy and the standard library only. Long
texts are scored per sentence (:func:`text_windows`); a text's score is its highest
window. ``strength`` picks a threshold per category: the highest of the thresholds that
meet the strength's false-positive target on each kind of benign text (out-of-fold
training predictions; ``low`` blocks the least, ``high`` the most).
``models/content_filter.md`` is the model card with the data, the split, the thresholds
and the held-out metrics. Sexual, violence and misconduct have no
human-labelled training data here: their heads learn from weak labels (see the card).
"""

from __future__ import annotations

import html
import itertools
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from genaiops.config_guardrails import ContentFiltersConfig
from genaiops.guardrails.base import Check, CheckServices, Direction, Finding, Lazy

if TYPE_CHECKING:
    from genaiops.knowledge.embedders import Embedder

__all__ = [
    "ARTIFACT",
    "CATEGORIES",
    "N_HASH",
    "STRENGTHS",
    "ContentFilterCheck",
    "LinearHeads",
    "clean_text",
    "hashed_ngrams",
    "text_windows",
]

ARTIFACT = Path(__file__).resolve().parent / "models" / "content_filter.npz"
CATEGORIES = ("hate", "insults", "sexual", "violence", "misconduct")
STRENGTHS = ("low", "medium", "high")
N_HASH = 1 << 15
SHORT_TEXT_WORDS = 64
WINDOW_WORDS = 48
WINDOW_STRIDE = 24
MIN_WINDOW_WORDS = 8

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"(?<!\w)@\w+")
_TOKEN = re.compile(r"[a-z0-9']+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")

Floats = npt.NDArray[np.float32]


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


def _word_windows(words: list[str]) -> list[str]:
    out = []
    for start in range(0, len(words), WINDOW_STRIDE):
        out.append(" ".join(words[start : start + WINDOW_WORDS]))
        if start + WINDOW_WORDS >= len(words):
            break
    return out


def text_windows(text: str) -> list[str]:
    """The text itself when short (<= 64 words); otherwise its sentences, short ones joined
    to the next (at least 8 words a window) and long ones cut into overlapping windows of
    48 words. One harmful sentence in a long answer is scored on its own, not diluted."""
    cleaned = clean_text(text)
    if len(cleaned.split()) <= SHORT_TEXT_WORDS:
        return [cleaned]
    out: list[str] = []
    buffer: list[str] = []
    for sentence in _SENTENCE.split(cleaned):
        words = sentence.split()
        if len(words) > WINDOW_WORDS:
            out.extend(_word_windows(buffer + words))
            buffer = []
            continue
        buffer.extend(words)
        if len(buffer) >= MIN_WINDOW_WORDS:
            out.append(" ".join(buffer))
            buffer = []
    if buffer:
        out.append(" ".join(buffer))
    return out


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

    def probabilities(self, texts: Sequence[str], vectors: Floats) -> Floats:
        """(len(texts), heads) probabilities for texts and their embeddings."""
        logits = vectors @ self.w_emb.T + self.bias
        n_hash = self.w_hash.shape[1]
        for row, text in enumerate(texts):
            idx, val = hashed_ngrams(text, n_hash)
            if idx.size:
                logits[row] += self.w_hash[:, idx] @ val
        probs: Floats = (1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))).astype(np.float32)
        return probs


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
        self, config: ContentFiltersConfig, embedder: Embedder, artifact: Path | None = None
    ) -> None:
        self.config = config
        self.embedder = embedder
        path = artifact or ARTIFACT
        self._model = Lazy(lambda: _load(path))

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
        return cls(config, services.embedder)

    def warm_up(self) -> None:
        self.scores("warm up")

    def strength(self, category: str, direction: Direction) -> str:
        setting = getattr(self.config, category)
        return str(setting.output if direction == "output" else setting.input)

    def threshold(self, category: str, direction: Direction) -> float:
        strength = self.strength(category, direction)
        if strength == "none" or direction not in self.directions:
            return math.inf
        return self.model.thresholds[category][strength]

    def scores(self, text: str) -> dict[str, float]:
        """Each category's probability: the highest over the text's windows."""
        model = self.model
        windows = text_windows(text)
        probs = model.heads.probabilities(windows, self.embedder.embed(windows)).max(axis=0)
        return {c: float(p) for c, p in zip(model.heads.names, probs, strict=True)}

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
        scores = self.scores(text)
        findings = []
        for category in enabled:
            threshold = self.threshold(category, direction)
            if scores[category] >= threshold:
                findings.append(
                    Finding(
                        type=self.type,
                        name=category,
                        score=round(scores[category], 4),
                        action="BLOCKED",
                        explanation=(
                            f"{category} score {scores[category]:.2f} >= {threshold:.2f} "
                            f"({self.strength(category, direction)} strength, {direction})"
                        ),
                    )
                )
        return findings
