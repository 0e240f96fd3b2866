"""Denied topics, as in Amazon Bedrock Guardrails: each topic has a name, a plain-language
definition and example phrases, and a text about a denied topic is blocked.

Two signals decide, both from the text's MiniLM embedding (one embedding, shared with the
other checks):

* **topic similarity** ``s``: the highest cosine between the text and the topic's
  definition and examples (embedded once, on first use);
* **harm** ``h``: the probability that the text asks for something harmful, from a small
  logistic regression over the embedding and hashed word 1-2-grams, trained with
  scikit-learn (``scripts/train/train_content_filter.py``) and shipped as numpy arrays in
  ``models/denied_topics_head.npz`` (card: ``models/denied_topics_head.md``).

A topic is blocked when ``s >= strong_similarity`` (a near paraphrase of an example), or
when ``s >= min_similarity`` and ``h >= harm_threshold`` (a harmful request that is about
the topic), unless the topic's ``allowed_examples`` hold a text at least as close to it
(``a >= s``, ``a`` the highest cosine to an allowed example): ordinary questions that
share a business topic's words ("Do you offer financing?" beside "How do I get out of my
financing contract?") are declared where the topic is, and the topic yields to them.
The harm signal is what tells "How do I kill a Python process?" from a request to hurt
someone, which similarity alone cannot. The three parameters come from the artifact
(chosen on the val split; see the card) and can be overridden. Long texts are scored per
sentence window and as a whole while they fit the embedder
(``content_filter.window_spans``); a topic's score is its worst window, whose span the
finding carries. Long texts go through the static screen first
(:mod:`genaiops.guardrails.screen`), so only windows that could reach a topic's decision
are embedded with MiniLM; topic scoring is vectorized over windows and phrases.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from genaiops.config_guardrails import DeniedTopicConfig
from genaiops.guardrails.base import Check, CheckServices, Direction, Finding
from genaiops.guardrails.content_filter import (
    Floats,
    LinearHeads,
    logit,
    screened_windows,
    sigmoid,
)
from genaiops.guardrails.screen import WordOverlap, screen_for

if TYPE_CHECKING:
    from genaiops.guardrails.screen import StaticScreen
    from genaiops.knowledge.embedders import Embedder

__all__ = ["ARTIFACT", "DeniedTopicCheck", "TopicScore"]

ARTIFACT = Path(__file__).resolve().parent / "models" / "denied_topics_head.npz"
#: (min_similarity, strong_similarity, harm_threshold) per topic strength; "high" is the
#: artifact's operating point (tuned on the A5 dev split for harmful-content topics).
#: "medium" was chosen on the A5 dev split and the Fenwick example's own questions: it
#: keeps ordinary customer questions ("Can I return my bike after 20 days?") clear of
#: business topics such as legal advice, at about half of "high"'s recall on A5.
STRENGTH_POINTS = {"low": (2.0, 0.72, 1.0), "medium": (0.45, 0.65, 0.70)}
_SHARPNESS = 0.04  # similarity units per logit in the reported score


@dataclass(frozen=True)
class TopicScore:
    """One topic's evidence for one text: similarity, harm, and the combined score
    (>= 0.5 exactly when the topic is blocked)."""

    topic: str
    similarity: float
    harm: float
    score: float
    matched: str  # the definition or example that was closest
    start: int = 0  # the span of the window that scored highest
    end: int = 0
    allowed_similarity: float | None = None  # closest allowed example (None: the topic has none)


@dataclass(frozen=True)
class _Model:
    head: LinearHeads
    min_similarity: float
    strong_similarity: float
    harm_threshold: float


def _load(path: Path) -> _Model:
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in ("w_emb", "w_hash", "bias")}
        return _Model(
            LinearHeads.from_arrays(["harm"], arrays),
            float(data["min_similarity"]),
            float(data["strong_similarity"]),
            float(data["harm_threshold"]),
        )


class DeniedTopicCheck(Check):
    """Blocks texts about the policy's denied topics, in each topic's directions.

    The constructor does no I/O: the head is loaded and the topics embedded on first use
    (or by :meth:`warm_up`). ``min_similarity``, ``strong_similarity`` and
    ``harm_threshold`` override the artifact's operating point; ``harm_threshold=1.0``
    (or more) turns the harm signal off, leaving similarity alone.
    """

    type = "denied_topic"
    directions = frozenset({"input", "output"})

    def __init__(
        self,
        topics: list[DeniedTopicConfig],
        embedder: Embedder,
        *,
        artifact: Path | None = None,
        min_similarity: float | None = None,
        strong_similarity: float | None = None,
        harm_threshold: float | None = None,
        screen: bool = True,
        long_embedder: Embedder | None = None,
    ) -> None:
        self.topics = list(topics)
        self._use_screen = screen
        self.embedder = embedder
        self.long_embedder = long_embedder or embedder
        self._artifact = artifact or ARTIFACT
        self._overrides = (min_similarity, strong_similarity, harm_threshold)
        self._model: _Model | None = None
        self._phrases: list[list[str]] = []
        self._vectors: list[Floats] = []
        self._allowed: list[Floats | None] = []
        self._points: dict[str, _Model] = {}
        self._screen: StaticScreen | None = None
        self._overlap = WordOverlap([])
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config: Any, services: CheckServices) -> Check | None:
        """The ``denied_topics`` policy key (a list of topics)."""
        topics = list(config or [])
        if not topics:
            return None
        if services.embedder is None:
            from genaiops.knowledge.embedders import CachingEmbedder, MiniLMEmbedder

            services.embedder = CachingEmbedder(MiniLMEmbedder())
        return cls(topics, services.embedder, long_embedder=services.long_text_embedder())

    def warm_up(self) -> None:
        if self._model is not None:
            return
        with self._lock:
            if self._model is not None:
                return
            loaded = _load(self._artifact)
            lo, strong, harm = self._overrides
            phrases = [[t.definition, *t.examples] for t in self.topics]
            groups = phrases + [list(t.allowed_examples) for t in self.topics]
            flat = [p for group in groups for p in group]
            vectors = self.embedder.embed(flat) if flat else np.zeros((0, self.embedder.dim))
            bounds = np.cumsum([0, *(len(g) for g in groups)])
            parts = [vectors[a:b].astype(np.float32) for a, b in itertools.pairwise(bounds)]
            self._phrases = phrases
            self._vectors = parts[: len(self.topics)]
            self._allowed = [p if len(p) else None for p in parts[len(self.topics) :]]
            # on similarity the strengths nest: high takes the smaller of its own and
            # medium's strong similarity (see _point for the harm threshold)
            nested_strong = min(loaded.strong_similarity, STRENGTH_POINTS["medium"][1])
            model = _Model(
                loaded.head,
                loaded.min_similarity if lo is None else lo,
                nested_strong if strong is None else strong,
                loaded.harm_threshold if harm is None else harm,
            )
            self._screen = screen_for(self._artifact) if self._use_screen else None
            # the screen's lexical backstop: the topics' examples (not the definitions,
            # whose many words any business text shares)
            self._overlap = WordOverlap([list(t.examples) for t in self.topics])
            self._points = {
                t.name: model
                if t.strength == "high" or any(o is not None for o in self._overrides)
                else self._point(loaded, t.strength)
                for t in self.topics
            }
            self._model = model  # last: a reader that sees it sees every other field
        # outside the lock and after every field is set: a failure here (the twin
        # falls back rather than raise) can never leave the check half-initialised
        self.long_embedder.warm_up()

    @staticmethod
    def _point(loaded: _Model, strength: str) -> _Model:
        """A fixed operating point of a strength other than ``high``: never a looser
        similarity gate or strong similarity than ``high`` (which takes medium's strong
        similarity, see :meth:`warm_up`), so on similarity alone the strengths nest. The
        harm threshold does not nest: medium's 0.70 (for business topics, whose in-topic
        requests the harm head rates moderately: "Should I buy shares of Fenwick Cycles
        this year?" 0.76) is below high's operating point (0.93, for harmful-content
        topics). Raising medium's to high's lost such requests; making high the union of
        both points raised A5's XSTest-safe blocks from 1.6% to 6.2%. Both measured,
        neither kept."""
        lo, strong, harm = STRENGTH_POINTS[strength]
        return _Model(
            loaded.head,
            max(lo, loaded.min_similarity),
            max(strong, min(loaded.strong_similarity, STRENGTH_POINTS["medium"][1])),
            harm,
        )

    @property
    def model(self) -> _Model:
        self.warm_up()
        assert self._model is not None
        return self._model

    def evaluate(self, text: str) -> list[TopicScore]:
        """Every topic's similarity, harm and combined score for a text (all directions),
        from its highest-scoring window. Long texts go through the screen
        (:mod:`genaiops.guardrails.screen`): only windows that could reach a topic's
        decision are embedded for real."""
        model = self.model
        if not self.topics:
            return []
        screen = self._screen
        head = model.head
        hashed: dict[str, float] = {}

        def needs(texts: list[str], approx: Floats) -> npt.NDArray[np.bool_]:
            assert screen is not None
            part = head.hash_logits(texts)[:, 0]
            hashed.update(zip(texts, part.tolist(), strict=True))
            harm = head.logits(texts, approx, part[:, None])[:, 0]
            harm = harm + screen.margin_logit.get("harm", np.inf)
            need = self._overlap.hits(texts)
            for topic, tv in zip(self.topics, self._vectors, strict=True):
                sims = (approx @ tv.T).max(axis=1) + screen.margin_similarity
                need |= self._combine_many(self._points[topic.name], sims, harm) >= 0.5
            return need

        windows = screened_windows(text, self.embedder, needs, screen, self.long_embedder)
        part = np.array(
            [hashed[t] for t in windows.texts] if hashed else head.hash_logits(windows.texts)[:, 0],
            np.float32,
        )
        harm_logits = head.logits(windows.texts, windows.vectors, part.reshape(-1, 1))[:, 0]
        harm = 1.0 / (1.0 + np.exp(-np.clip(harm_logits, -30.0, 30.0)))
        out = []
        for topic, phrases, tv, av in zip(
            self.topics, self._phrases, self._vectors, self._allowed, strict=True
        ):
            sims = windows.vectors @ tv.T  # (windows, phrases)
            best_phrase = sims.argmax(axis=1)
            best_sim = sims.max(axis=1)
            scores = self._combine_many(self._points[topic.name], best_sim, harm_logits)
            allowed = None
            if av is not None:
                # the topic yields where an allowed example is at least as close
                allowed = (windows.vectors @ av.T).max(axis=1)
                yields = sigmoid((best_sim - allowed) / _SHARPNESS)
                scores = np.minimum(scores, np.where(best_sim > allowed, yields, 0.0))
            w = int(scores.argmax())
            start, end = windows.spans[w]
            out.append(
                TopicScore(
                    topic.name,
                    float(best_sim[w]),
                    float(harm[w]),
                    float(scores[w]),
                    phrases[int(best_phrase[w])],
                    start,
                    end,
                    None if allowed is None else float(allowed[w]),
                )
            )
        return out

    @staticmethod
    def _combine_many(model: _Model, similarity: Floats, harm_logit: Floats) -> Floats:
        """max(min(about the topic, harmful), near paraphrase), each as a sigmoid that
        crosses 0.5 at its threshold, over arrays of similarities and harm logits."""

        about = sigmoid((similarity - model.min_similarity) / _SHARPNESS)
        strong = sigmoid((similarity - model.strong_similarity) / _SHARPNESS)
        if model.harm_threshold >= 1.0:
            harmful = np.zeros_like(about)
        else:
            harmful = sigmoid(harm_logit - logit(model.harm_threshold))
        combined: Floats = np.maximum(np.minimum(about, harmful), strong)
        return combined

    def scores(self, text: str) -> dict[str, float]:
        """Each topic's combined score in [0, 1]; a topic is blocked at >= 0.5."""
        return {s.topic: s.score for s in self.evaluate(text)}

    def _active(self, direction: Direction) -> set[str]:
        return {t.name for t in self.topics if direction in t.directions}

    def risk(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> float | None:
        active = self._active(direction)
        if not active:
            return None
        if not text.strip():
            return 0.0
        return max(s.score for s in self.evaluate(text) if s.topic in active)

    def check(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> list[Finding]:
        active = self._active(direction)
        if not active or not text.strip():
            return []
        blocked = [s for s in self.evaluate(text) if s.topic in active and s.score >= 0.5]
        blocked.sort(key=lambda s: s.similarity, reverse=True)
        points = self._points
        # a harmful request passes the loose topic gate of several topics: name the closest
        # one, and any other topic the text is a near paraphrase of
        blocked = blocked[:1] + [
            s for s in blocked[1:] if s.similarity >= points[s.topic].strong_similarity
        ]
        findings = []
        for s in blocked:
            model = points[s.topic]
            reason = (
                f"close to {s.matched!r} (similarity {s.similarity:.2f} >= "
                f"{model.strong_similarity:.2f})"
                if s.similarity >= model.strong_similarity
                else (
                    f"a harmful request (harm {s.harm:.2f} >= {model.harm_threshold:.2f}) "
                    f"about the topic (similarity {s.similarity:.2f} to {s.matched!r})"
                )
            )
            if s.allowed_similarity is not None:
                reason += f"; no allowed example is as close ({s.allowed_similarity:.2f})"
            findings.append(
                Finding(
                    type=self.type,
                    name=s.topic,
                    score=round(s.score, 4),
                    action="BLOCKED",
                    start=s.start,
                    end=s.end,
                    explanation=f"denied topic {s.topic!r}: {reason}",
                )
            )
        return findings
