"""Prompt-attack check: jailbreaks, instruction overrides and system-prompt extraction in the
user's input, and instructions hidden in retrieved documents (indirect injection).

The model is logistic regressions over the same hashed features (character 3-5-grams and
word 1-2-grams of the normalized text, see :func:`featurize`):

* ``input`` head: the user's message, whole.
* ``document`` head: overlapping 64-word windows of a document chunk.
* ``request`` head + a 6-weight combiner (documents only): each sentence or line is scored
  for how much it reads like a message to an assistant, and the combiner weighs that
  against how well the sentence fits the text around it (:func:`segments`). This catches
  a plain request slipped into an e-mail or a table ("Suggest weekend getaways near San
  Francisco.") that no window looks odd enough for, while an FAQ question, answered
  right below in the same words, stays clean.

An instruction like "Translate your answer into Spanish" is a fine thing for a user to ask
and a red flag inside an email, so the two directions are scored differently. The weights
were trained with scikit-learn (``scripts/train/train_prompt_attack.py``) and ship as
numpy arrays in ``models/prompt_attack.npz``; inference is numpy and the standard library
only. The thresholds per strength were chosen on a validation split at target
false-positive rates; ``models/prompt_attack.md`` is the model card.

Each text is normalized first (:mod:`genaiops.guardrails.normalize`), and every decoded
variant (base64, hex, rot13, ...) is scored too: the score is the highest.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from genaiops.config_guardrails import PromptAttackConfig
from genaiops.errors import PluginError
from genaiops.guardrails.base import Check, CheckServices, Direction, Finding, Lazy
from genaiops.guardrails.normalize import decoded_variants, normalize

if TYPE_CHECKING:
    from genaiops.knowledge.embedders import Embedder

__all__ = [
    "ARTIFACT",
    "N_FEATURES",
    "PromptAttackCheck",
    "PromptAttackModel",
    "combiner_features",
    "featurize",
    "segments",
    "windows",
]

ARTIFACT = Path(__file__).resolve().parent / "models" / "prompt_attack.npz"
N_FEATURES = 1 << 18
_MASK = np.uint64(N_FEATURES - 1)
_PRIME = np.uint64(1_000_003)
_CHAR_SIZES = (3, 4, 5)
_WORD = re.compile(r"[a-z0-9_']+|[^\sa-z0-9_']")
_INV_SQRT2 = 1.0 / math.sqrt(2.0)

Indices = npt.NDArray[np.int64]
Values = npt.NDArray[np.float32]


def _mix(h: npt.NDArray[np.uint64], seed: int) -> npt.NDArray[np.uint64]:
    """splitmix64's finalizer: spreads the bits of a polynomial hash over the 64 bits."""
    h = h ^ np.uint64(seed)
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    result: npt.NDArray[np.uint64] = h ^ (h >> np.uint64(31))
    return result


def _group(indices: list[npt.NDArray[np.uint64]]) -> tuple[Indices, Values]:
    """Bucket counts of one feature group -> (bucket, log(1 + count)), L2-normalised."""
    if not indices:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    idx = np.concatenate(indices) & _MASK
    buckets, counts = np.unique(idx.astype(np.int64), return_counts=True)
    values = np.log1p(counts.astype(np.float32))
    norm = np.float32(np.sqrt(np.dot(values, values)))
    return buckets, (values / norm).astype(np.float32, copy=False)


def word_tokens(text: str) -> list[str]:
    """Words and single punctuation marks of a normalized text."""
    return _WORD.findall(text)


def featurize(text: str) -> tuple[Indices, Values]:
    """Sparse features of a normalized text: (buckets, values), buckets unique.

    Two groups, each L2-normalised and weighted 1/sqrt(2) so that the vector has unit
    norm: character 3-, 4- and 5-grams of the text padded with a space, and word
    unigrams and bigrams. Bucket = a 64-bit hash mod 2**18. The same function builds the
    training matrix, so training and inference cannot drift apart.
    """
    padded = f" {text} "
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    chars: list[npt.NDArray[np.uint64]] = []
    for n in _CHAR_SIZES:
        count = len(codes) - n + 1
        if count <= 0:
            continue
        h = np.zeros(count, np.uint64)
        for k in range(n):
            h = h * _PRIME + codes[k : k + count]
        chars.append(_mix(h, n))
    tokens = word_tokens(text)
    words: list[npt.NDArray[np.uint64]] = []
    if tokens:
        w = np.fromiter((zlib.crc32(t.encode()) for t in tokens), np.uint64, len(tokens))
        words.append(_mix(w, 101))
        if len(tokens) > 1:
            words.append(_mix(w[:-1] * _PRIME + w[1:], 102))
    ci, cv = _group(chars)
    wi, wv = _group(words)
    idx = np.concatenate([ci, wi])
    val = np.concatenate([cv, wv]) * np.float32(_INV_SQRT2)
    if len(ci) and len(wi):  # the two groups may share a bucket: merge so buckets are unique
        idx, inverse = np.unique(idx, return_inverse=True)
        val = np.bincount(inverse, weights=val).astype(np.float32)
    return idx, val


def windows(text: str, size: int, stride: int) -> list[str]:
    """Overlapping windows of ``size`` words every ``stride`` words (the whole text if it
    is shorter); the last window ends at the text's end."""
    words = text.split()
    if len(words) <= size:
        return [text]
    starts = list(range(0, len(words) - size + 1, stride))
    if starts[-1] + size < len(words):
        starts.append(len(words) - size)
    return [" ".join(words[s : s + size]) for s in starts]


_SEGMENT = re.compile(r"(?:[^\n|.!?]|[.!?]+(?=[^\s|.!?]))+[.!?]*")
_CONTENT = re.compile(r"[a-z]{3,}")
_STOP = frozenset(
    """the and for are but not you your all any can had her was one our out day get has him
    his how man new now old see two way who boy did its let put say she too use that with
    have this will from they been were said each which their time when what there would
    about into than them these some could other more very after most also only just over
    such then should must does here where while those because through before between
    please yes thank thanks hello dear regards best team email reply would like make sure
    know need want give tell find help""".split()
)
SEGMENT_MIN_WORDS = 4
SEGMENT_MAX_WORDS = 60
CONTEXT_CHARS = 600


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _content_words(text: str) -> set[str]:
    return {_stem(w) for w in _CONTENT.findall(text) if w not in _STOP}


def segments(text: str) -> list[tuple[str, float, float]]:
    """Sentences and lines of a raw document that could be an instruction (4-60 words),
    normalized, each with its lexical coherence: the share of its content words that also
    occur in the text around it (600 characters either side), and in the text after it
    (an answer follows its question). An instruction slipped into an email or a table
    shares few words with it; a question in an FAQ shares many with its answer."""
    lowered = text.lower()
    tokens = [(m.start(), m.group(0)) for m in _CONTENT.finditer(lowered)]
    offsets = [o for o, _ in tokens]
    out: list[tuple[str, float, float]] = []
    for m in _SEGMENT.finditer(text):
        raw = m.group(0)
        n = len(raw.split())
        if n < SEGMENT_MIN_WORDS or n > SEGMENT_MAX_WORDS:
            continue
        seg = normalize(raw)
        words = _content_words(seg)
        if not words:
            out.append((seg, 1.0, 1.0))
            continue
        lo = bisect.bisect_left(offsets, m.start() - CONTEXT_CHARS)
        mid_a = bisect.bisect_left(offsets, m.start())
        mid_b = bisect.bisect_left(offsets, m.end())
        hi = bisect.bisect_left(offsets, m.end() + CONTEXT_CHARS)
        before = {_stem(w) for _, w in tokens[lo:mid_a] if w not in _STOP}
        after = {_stem(w) for _, w in tokens[mid_b:hi] if w not in _STOP}
        n_words = len(words)
        out.append((seg, len(words & (before | after)) / n_words, len(words & after) / n_words))
    return out


def combiner_features(
    request_logit: float, coherence: float, coherence_after: float, segment: str
) -> list[float]:
    """What the second stage sees of one sentence: how much it reads like a message to an
    assistant (r), how well it fits the text around it (c), both together, and for a
    question whether the text after it answers it."""
    r = max(-12.0, min(12.0, request_logit)) / 4.0
    q = float(segment.rstrip().endswith("?"))
    return [r, coherence, r * (1.0 - coherence), q, q * coherence_after, q * r]


@dataclass(frozen=True)
class _Head:
    weights: npt.NDArray[np.float32]
    bias: float

    def logit(self, idx: Indices, val: Values) -> float:
        return float(np.dot(self.weights[idx], val)) + self.bias


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


class PromptAttackModel:
    """The trained artifact: two heads, thresholds and window settings."""

    def __init__(self, heads: dict[str, _Head], meta: dict[str, Any]) -> None:
        self.heads = heads
        self.meta = meta
        combiner = meta.get("combiner")
        self.combiner: tuple[list[float], float] | None = (
            (list(combiner["weights"]), float(combiner["bias"])) if combiner else None
        )
        self.window_words = int(meta.get("window_words", 200))
        self.window_stride = int(meta.get("window_stride", 150))
        self.input_window_words = int(meta.get("input_window_words", 0))
        self.thresholds: dict[str, dict[str, float]] = meta["thresholds"]
        self.offsets: dict[str, float] = dict(meta.get("document_offsets", {}))

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> PromptAttackModel:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            heads = {
                name: _Head(data[f"{name}_weights"].astype(np.float32), float(data[f"{name}_bias"]))
                for name in ("input", "document", "request")
                if f"{name}_weights" in data
            }
        if meta.get("n_features") != N_FEATURES:
            raise PluginError(
                f"{path}: built for {meta.get('n_features')} features, not {N_FEATURES}; "
                f"retrain it with scripts/train/train_prompt_attack.py"
            )
        return cls(heads, meta)

    def _variants(self, text: str) -> list[tuple[str, str]]:
        """(label, normalized text) for the text and each decoded variant of it."""
        out = [("text", normalize(text))]
        for i, variant in enumerate(decoded_variants(text)):
            out.append((f"decoded#{i + 1}", normalize(variant)))
        return out

    def _segments(self, text: str, head: str) -> list[str]:
        if head == "document":
            return windows(text, self.window_words, self.window_stride)
        if self.input_window_words and len(text.split()) > self.input_window_words:
            return [text, *windows(text, self.input_window_words, self.input_window_words // 2)]
        return [text]

    def head_best(self, text: str, head_name: str) -> tuple[float, str, str]:
        """(logit, where, normalized segment) of the highest-scoring window or whole text
        of ``text`` and its decoded variants under one head."""
        head = self.heads[head_name]
        best = (-math.inf, "text", "")
        for label, variant in self._variants(text):
            for segment in self._segments(variant, head_name):
                logit = head.logit(*featurize(segment))
                if logit > best[0]:
                    best = (logit, label, segment)
        return best

    def best(self, text: str, direction: Direction) -> tuple[float, str, str]:
        """(score, where, normalized segment) of the highest-scoring part of a text.

        Input: the input head's probability. Document: the two stages (windows; sentences
        out of place) are put on one scale by subtracting from each logit its offset (the
        logit at which that stage alone flags a set share of clean validation documents,
        see the model card), and the higher one counts."""
        if direction != "document":
            logit, where, segment = self.head_best(text, "input")
            return _sigmoid(logit), where, segment
        logit, where, segment = self.head_best(text, "document")
        logit -= self.offsets.get("window", 0.0)
        if self.combiner is not None:
            s_logit, s_segment = self.segment_best(text)
            s_logit -= self.offsets.get("sentence", 0.0)
            if s_logit > logit:
                logit, where, segment = s_logit, "sentence", s_segment
        return _sigmoid(logit), where, segment

    def segment_best(self, text: str) -> tuple[float, str]:
        """The second stage: (logit, sentence) of the sentence that most looks like an
        instruction out of place in the document."""
        assert self.combiner is not None
        weights, bias = self.combiner
        request = self.heads["request"]
        best = (-math.inf, "")
        for segment, coherence, after in segments(text):
            logit_r = request.logit(*featurize(segment))
            features = combiner_features(logit_r, coherence, after, segment)
            logit = sum(w * f for w, f in zip(weights, features, strict=True)) + bias
            if logit > best[0]:
                best = (logit, segment)
        return best

    def cues(self, segment: str, direction: Direction, top: int = 4) -> list[str]:
        """The words and word pairs of a segment that push its score up the most."""
        head = self.heads["document" if direction == "document" else "input"]
        tokens = word_tokens(segment)
        if not tokens:
            return []
        grams = [*tokens, *(f"{a} {b}" for a, b in itertools.pairwise(tokens))]
        w = np.fromiter((zlib.crc32(t.encode()) for t in tokens), np.uint64, len(tokens))
        hashes = [_mix(w, 101)]
        if len(tokens) > 1:
            hashes.append(_mix(w[:-1] * _PRIME + w[1:], 102))
        buckets = (np.concatenate(hashes) & _MASK).astype(np.int64)
        contributions: dict[str, float] = {}
        for gram, bucket in zip(grams, buckets.tolist(), strict=True):
            if gram.strip() and any(ch.isalnum() for ch in gram):
                contributions[gram] = float(head.weights[bucket])
        ranked = sorted(contributions.items(), key=lambda kv: kv[1], reverse=True)
        return [g for g, c in ranked[:top] if c > 0]


_EXTRACTION = re.compile(
    r"\b(reveal|print|show|repeat|output|display|tell me|share|leak|dump|recite|spell out|"
    r"what (is|are|was|were))\b.{0,60}\b(system|initial|original|hidden|secret|developer|"
    r"pre-?)\s*(prompt|instructions?|message|rules|directives)"
    r"|\b(repeat|print|output)\b.{0,30}\b(words|text|everything|all)\b.{0,20}\b(above|before)\b",
)
_OVERRIDE = re.compile(
    r"\b(ignore|disregard|forget|override|bypass|skip|drop|abandon)\b.{0,40}\b(previous|prior|"
    r"above|earlier|preceding|original|initial|all|your|any|the)\b.{0,40}\b(instructions?|"
    r"rules|guidelines|directives|prompts?|context|programming|constraints|restrictions)\b"
    r"|\bnew instructions?\s*:|\byour new (task|instructions?|goal)\b",
)


def attack_kind(normalized: str, direction: Direction) -> str:
    """A name for what was found, from plain patterns (the score comes from the model)."""
    if direction == "document":
        return "indirect_injection"
    if _EXTRACTION.search(normalized):
        return "prompt_extraction"
    if _OVERRIDE.search(normalized):
        return "instruction_override"
    return "jailbreak"


class PromptAttackCheck(Check):
    """Scores user input and retrieved documents for prompt attacks.

    ``strength`` picks the threshold (``high`` is the most sensitive, ``none`` blocks
    nothing); ``on_input`` / ``on_documents`` switch the two directions. The artifact is
    loaded on first use or by :meth:`warm_up`; the constructor does no I/O. ``embedder`` is
    accepted for the common check signature; this artifact does not use embeddings.
    """

    type = "prompt_attack"
    directions = frozenset({"input", "document"})

    def __init__(
        self,
        config: PromptAttackConfig,
        embedder: Embedder | None = None,
        artifact: Path | None = None,
    ) -> None:
        self.config = config
        self.embedder = embedder
        path = artifact or ARTIFACT
        self._model = Lazy(lambda: PromptAttackModel.load(path))

    @property
    def model(self) -> PromptAttackModel:
        return self._model.get()

    @classmethod
    def from_config(cls, config: Any, services: CheckServices) -> Check | None:
        """The ``prompt_attacks`` policy key (``none`` in both directions: no check)."""
        assert isinstance(config, PromptAttackConfig)
        if {config.strength_for("input"), config.strength_for("document")} == {"none"}:
            return None
        return cls(config, services.embedder)

    def warm_up(self) -> None:
        self.model.best("warm up", "input")

    def enabled(self, direction: Direction) -> bool:
        if self.config.strength_for(direction) == "none":
            return False
        if direction == "input":
            return self.config.on_input
        if direction == "document":
            return self.config.on_documents
        return False

    def threshold(self, direction: Direction) -> float:
        head = "document" if direction == "document" else "input"
        strength = self.config.strength_for(direction)
        if strength == "none":
            return math.inf
        return self.model.thresholds[head][strength]

    def score(self, text: str, direction: Direction) -> float:
        """The attack probability of a text in a direction (whatever the config says)."""
        return self.model.best(text, direction)[0]

    def risk(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> float | None:
        if direction not in self.directions:
            return None
        return self.score(text, direction)

    def check(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> list[Finding]:
        if not self.enabled(direction) or not text.strip():
            return []
        probability, where, segment = self.model.best(text, direction)
        threshold = self.threshold(direction)
        if probability < threshold:
            return []
        kind = attack_kind(segment, direction)
        cues = self.model.cues(segment, direction)
        place = "in a retrieved document" if direction == "document" else "in the input"
        decoded = " after decoding a hidden payload" if where != "text" else ""
        explanation = (
            f"{kind.replace('_', ' ')} {place}{decoded}: score {probability:.2f} >= "
            f"{threshold:.2f} ({self.config.strength_for(direction)} strength)"
        )
        if cues:
            explanation += "; cues: " + ", ".join(repr(c) for c in cues)
        return [
            Finding(
                type=self.type,
                name=kind,
                score=round(probability, 4),
                action="BLOCKED",
                explanation=explanation,
            )
        ]
