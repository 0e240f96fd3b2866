"""Metrics that use a model: semantic similarity (an embedder) and LLM-as-judge.

``semantic_similarity``
    The MiniLM cosine between the answer and its closest reference answer (or, with
    ``against: sources``, the closest source passage), clipped to 0..1. It credits
    paraphrases that token F1 misses ("thirty days" for "30 days" does not, numbers are
    not its strength: use ``numeric_match`` with it). It uses the runtime's shared caching
    embedder, so a text is embedded once per run.

``judge``
    Any configured model grades the answer against a rubric: a 1-10 rating
    (``scale: "1-10"``, mapped to 0..1 as (r - 1) / 9) or a verdict (``scale:
    pass_fail``). The prompt carries the question, the reference answers (or, for an
    unanswerable question, the fact that the documents do not answer it) and, with
    ``use_sources``, the sources the answer saw. Judge calls go through the runtime's
    metered provider with purpose ``judge``; the runner also caches them, so a re-run
    makes no judge call. A failed call or a reply that cannot be parsed does not apply
    (it is counted and shown, never scored as 0).
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from genaiops.errors import ConfigError, GenAIOpsError
from genaiops.evaluation.metrics import Metric, MetricScore, MetricServices, Prediction, Sample

if TYPE_CHECKING:
    from genaiops.knowledge.embedders import Embedder

__all__ = [
    "DEFAULT_RUBRIC",
    "Judge",
    "JudgeOptions",
    "SemanticOptions",
    "SemanticSimilarity",
    "parse_rating",
]


class SemanticOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    against: Literal["references", "sources"] = Field(
        "references", description="compare with the reference answers or the sources seen"
    )


class SemanticSimilarity(Metric):
    """MiniLM cosine of the answer with its closest reference (or source), in 0..1."""

    name = "semantic_similarity"
    config_model = SemanticOptions

    def __init__(
        self, options: BaseModel | None = None, services: MetricServices | None = None
    ) -> None:
        super().__init__(options, services)
        self._embedder: Embedder | None = self.services.embedder
        self._lock = threading.Lock()

    def _get_embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                from genaiops.knowledge.embedders import CachingEmbedder, MiniLMEmbedder

                self._embedder = CachingEmbedder(MiniLMEmbedder())
            return self._embedder

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        assert isinstance(self.options, SemanticOptions)
        if self.options.against == "references":
            targets = list(sample.references)
            if not targets:
                return MetricScore.not_applicable("no reference answer")
        else:
            targets = [p.text for p in prediction.sources]
            if not targets:
                return MetricScore.not_applicable("no sources")
        if not prediction.text.strip():
            return MetricScore(0.0, "empty answer")
        vectors = self._get_embedder().embed([prediction.text, *targets])
        cosines = vectors[1:] @ vectors[0]
        best = int(np.argmax(cosines))
        value = float(min(1.0, max(0.0, float(cosines[best]))))
        return MetricScore(value, f"cosine {value:.2f} with {self.options.against[:-1]} {best + 1}")


DEFAULT_RUBRIC = (
    "The answer is correct: it states the same facts as the reference answer (wording may "
    "differ), adds nothing false, and answers the question asked. When the documents do not "
    "answer the question, a correct answer says it does not know."
)


class JudgeOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(description="the judge: any model of the catalog or the project")
    rubric: str = Field(DEFAULT_RUBRIC, min_length=1)
    scale: Literal["1-10", "pass_fail"] = "1-10"
    use_sources: bool = Field(True, description="show the judge the sources the answer saw")
    max_tokens: int = Field(16, ge=1, le=512)
    max_source_chars: int = Field(4000, ge=0, description="sources are cut to this length")


_PROMPT = """You are grading an answer.

Rubric: {rubric}

{sources}Question: {question}
{reference}
Answer to grade: {answer}

{instruction}"""

_INSTRUCTIONS = {
    "1-10": 'Reply with one line: "RATING: <1-10>", where 10 fully meets the rubric and 1 '
    "does not meet it at all.",
    "pass_fail": 'Reply with one line: "VERDICT: PASS" if the answer meets the rubric, '
    'otherwise "VERDICT: FAIL".',
}

_RATING = re.compile(r"RATING\s*[:=]?\s*(\d+(?:\.\d+)?)", re.IGNORECASE)
# a bare rating: the reply starts with it ("7", "8/10 - ..."), or "N/10" anywhere; never
# any number in the reply ("The Trailhawk 2 ..." is not a rating of 2)
_BARE = re.compile(r"^\W*(\d+(?:\.\d+)?)\b|\b(\d+(?:\.\d+)?)\s*/\s*10\b")
_VERDICT = re.compile(r"\b(PASS(?:ED|ES)?|FAIL(?:ED|S)?)\b", re.IGNORECASE)


def parse_rating(reply: str, scale: str) -> float | None:
    """The judge's reply as 0..1, or None when it says nothing parseable.

    1-10: ``RATING: 7`` (or a reply that starts with the number, or says ``7/10``) ->
    (7 - 1) / 9. pass_fail: the first PASS or FAIL."""
    if scale == "pass_fail":
        m = _VERDICT.search(reply)
        return None if m is None else float(m.group(1).upper().startswith("PASS"))
    m = _RATING.search(reply)
    if m is not None:
        rating = float(m.group(1))
    else:
        bare = _BARE.search(reply.strip())
        if bare is None:
            return None
        rating = float(bare.group(1) or bare.group(2))
    if not 1.0 <= rating <= 10.0:
        return None
    return (rating - 1.0) / 9.0


class Judge(Metric):
    """LLM-as-judge: a configured model grades the answer against a rubric."""

    name = "judge"
    config_model = JudgeOptions
    calls_model = True

    def prompt(self, prediction: Prediction, sample: Sample) -> str:
        assert isinstance(self.options, JudgeOptions)
        o = self.options
        sources = ""
        if o.use_sources and prediction.sources:
            text = "\n".join(f"[{i}] {p.text}" for i, p in enumerate(prediction.sources, 1))
            sources = f"Sources:\n{text[: o.max_source_chars]}\n\n"
        if not sample.answerable:
            reference = "Reference: the documents do not answer this question."
        elif sample.references:
            reference = "Reference answer: " + " | ".join(sample.references)
        else:
            reference = ""
        return _PROMPT.format(
            rubric=o.rubric,
            sources=sources,
            question=sample.question,
            reference=reference,
            answer=prediction.text,
            instruction=_INSTRUCTIONS[o.scale],
        )

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        from genaiops.models.base import ChatOptions, Message

        assert isinstance(self.options, JudgeOptions)
        if prediction.status == "error":
            return MetricScore.not_applicable("the ask failed")
        if self.services.provider is None:
            raise ConfigError(
                "metrics.judge: the judge needs the runtime's models; run it through "
                "`genaiops eval run` (or pass MetricServices(provider=runtime.provider))"
            )
        judge = self.services.provider(self.options.model, "judge")
        messages = [Message(role="user", content=self.prompt(prediction, sample))]
        try:
            reply = judge.chat(
                messages, ChatOptions(max_tokens=self.options.max_tokens, temperature=0.0)
            ).text
        except GenAIOpsError as exc:
            return MetricScore.not_applicable(f"judge call failed: {exc}", error=type(exc).__name__)
        value = parse_rating(reply, self.options.scale)
        if value is None:
            return MetricScore.not_applicable(f"judge reply not understood: {reply[:60]!r}")
        return MetricScore(value, f"judge: {reply.strip()[:80]}", {"reply": reply.strip()})
