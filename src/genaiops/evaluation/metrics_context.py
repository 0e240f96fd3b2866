"""Metrics that need the ask's context: grounding, relevance, retrieval, abstention, guards.

They read the :class:`~genaiops.evaluation.metrics.Prediction` an ask produced, not just
its text:

* ``grounding`` and ``relevance``: the guardrail :class:`GroundingCheck` scores (every
  claim supported by the sources the prompt used; the answer addresses the question),
  whatever the policy's thresholds. One definition of "grounded" for guardrails and
  evaluation, so a candidate's grounding score predicts what the policy will block.
* ``context_recall``: the share of the reference sources among the retrieved chunks;
  ``context_precision``: average precision of the retrieved ranking (RAGAS' definition:
  the mean, over the ranks that hold a reference source, of the precision at that rank),
  so a relevant chunk ranked first counts more than one ranked last.
* ``abstention``: on a question the documents cannot answer, saying so (or a block) is
  right and any answer is wrong. On answerable questions it does not apply, unless
  ``include_answerable`` is set: then answering is right and abstaining is wrong.
* ``guardrail_pass``: 1 when the output reached the user (not blocked).
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from genaiops.evaluation.metrics import (
    Metric,
    MetricScore,
    MetricServices,
    Prediction,
    Sample,
    same_source,
)

if TYPE_CHECKING:
    from genaiops.guardrails.grounding import GroundingCheck, GroundingReport

__all__ = [
    "Abstention",
    "ContextPrecision",
    "ContextRecall",
    "Grounding",
    "GuardrailPass",
    "Relevance",
    "is_abstention",
]

# "I don't know", "the context does not mention ...", "there is no information about ..."
_ABSTAIN = re.compile(
    r"|".join(
        [
            r"\b(?:i|we)\s+(?:do\s+not|don'?t|cannot|can'?t)\s+(?:know|have\s+(?:that|this|any|"
            r"enough|the)?\s*(?:information|details|data))",
            r"\b(?:is|are|was|were)\s+not\s+(?:mentioned|stated|specified|provided|given|"
            r"available|included|found|covered|listed|described)\b",
            r"\bno\s+(?:information|mention|details?|data|answer|record)\b",
            r"\b(?:cannot|can'?t|can\s+not|unable\s+to|could\s+not|couldn'?t)\s+(?:find|answer|"
            r"determine|say|tell|provide|locate|confirm|be\s+determined|be\s+answered)\b",
            r"\b(?:does|do|did)\s*(?:not|n'?t)\s+(?:say|mention|specify|state|contain|include|"
            r"provide|cover|list|describe|tell)\b",
            r"\bnot\s+(?:sure|certain|aware)\b",
            r"\b(?:unknown|unanswerable)\b",
        ]
    ),
    re.IGNORECASE,
)


def is_abstention(text: str) -> bool:
    """Whether an answer declines: says it does not know or the sources do not say."""
    return bool(_ABSTAIN.search(text.replace("\u2019", "'")))


class _GroundingBase(Metric):
    """Shares one :class:`GroundingCheck`, built on first use with the runtime's embedder
    (relevance needs MiniLM; grounding alone is lexical)."""

    def __init__(
        self, options: BaseModel | None = None, services: MetricServices | None = None
    ) -> None:
        super().__init__(options, services)
        self._check: GroundingCheck | None = None
        self._lock = threading.Lock()

    def _report(
        self, prediction: Prediction, sample: Sample, *, relevance: bool
    ) -> GroundingReport:
        from genaiops.config_guardrails import GroundingConfig
        from genaiops.guardrails.grounding import GroundingCheck

        with self._lock:
            if self._check is None:
                self._check = GroundingCheck(
                    GroundingConfig(grounding_threshold=0.5, relevance_threshold=0.5),
                    self.services.embedder,
                )
        sources = [f"{p.heading}\n{p.text}" if p.heading else p.text for p in prediction.sources]
        return self._check.analyze(
            prediction.text,
            sources,
            sample.question,
            grounding=not relevance,
            relevance=relevance,
        )


class Grounding(_GroundingBase):
    """The grounding check's score: the support of the answer's weakest claim in the
    sources the prompt used (1.0 for an answer that claims nothing, e.g. "I don't know")."""

    name = "grounding"

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        if prediction.status in ("blocked", "error"):
            return MetricScore.not_applicable(f"no answer to judge ({prediction.status})")
        report = self._report(prediction, sample, relevance=False)
        value = 1.0 if report.grounding is None else report.grounding
        weak = report.weakest
        reason = f"grounding {value:.2f}"
        if weak is not None and weak.unsupported:
            reason += "; unsupported: " + ", ".join(weak.unsupported[:5])
        return MetricScore(value, reason, {"claims": len(report.claims)})


class Relevance(_GroundingBase):
    """The relevance check's score: does the answer address the question (MiniLM cosine
    of the question with the answer or the source sentences it rests on)?"""

    name = "relevance"

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        if prediction.status in ("blocked", "error"):
            return MetricScore.not_applicable(f"no answer to judge ({prediction.status})")
        if not prediction.text.strip():
            return MetricScore(0.0, "empty answer")
        report = self._report(prediction, sample, relevance=True)
        value = 0.0 if report.relevance is None else report.relevance
        return MetricScore(value, f"relevance {value:.2f}")


def _relevant(source: str, sample: Sample) -> bool:
    return any(same_source(source, ref) for ref in sample.sources)


def _retrieval_applies(prediction: Prediction, sample: Sample) -> MetricScore | None:
    if not prediction.retrieval:
        return MetricScore.not_applicable("the candidate does not retrieve")
    if not sample.sources:
        return MetricScore.not_applicable("no reference sources")
    if prediction.status == "error":
        return MetricScore.not_applicable("the ask failed")
    return None


class ContextRecall(Metric):
    """The share of the reference sources that the retrieved chunks come from."""

    name = "context_recall"
    judges_answer = False

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        skip = _retrieval_applies(prediction, sample)
        if skip is not None:
            return skip
        got = [p.source for p in prediction.retrieved]
        found = [r for r in sample.sources if any(same_source(r, g) for g in got)]
        value = len(found) / len(sample.sources)
        missing = [r for r in sample.sources if r not in found]
        reason = f"{len(found)}/{len(sample.sources)} reference sources retrieved"
        return MetricScore(value, reason + (f"; missing {', '.join(missing)}" if missing else ""))


class ContextPrecision(Metric):
    """Average precision of the retrieved ranking against the reference sources."""

    name = "context_precision"
    judges_answer = False

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        skip = _retrieval_applies(prediction, sample)
        if skip is not None:
            return skip
        hits = [_relevant(p.source, sample) for p in prediction.retrieved]
        if not any(hits):
            return MetricScore(0.0, f"none of {len(hits)} retrieved chunks is a reference source")
        total, seen = 0.0, 0
        for rank, hit in enumerate(hits, 1):
            if hit:
                seen += 1
                total += seen / rank
        value = total / seen
        return MetricScore(value, f"{seen}/{len(hits)} retrieved chunks relevant, AP {value:.2f}")


class AbstentionOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    include_answerable: bool = Field(
        False, description="also score answerable questions: answering right, abstaining wrong"
    )


class Abstention(Metric):
    """Correct abstention: a block or "I don't know" on a question the documents cannot
    answer is right; an answer is wrong (it was made up)."""

    name = "abstention"
    config_model = AbstentionOptions

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        assert isinstance(self.options, AbstentionOptions)
        if prediction.status == "error":
            return MetricScore.not_applicable("the ask failed")
        declined = prediction.status == "blocked" or is_abstention(prediction.text)
        how = "blocked" if prediction.status == "blocked" else "abstained"
        if not sample.answerable:
            if declined:
                return MetricScore(1.0, f"{how} on an unanswerable question")
            return MetricScore(0.0, "answered a question the documents cannot answer")
        if not self.options.include_answerable:
            return MetricScore.not_applicable("answerable question")
        if declined:
            return MetricScore(0.0, f"{how} on an answerable question")
        return MetricScore(1.0, "answered an answerable question")


class GuardrailPass(Metric):
    """1 when the answer reached the user: not blocked by the input or output checks."""

    name = "guardrail_pass"
    judges_answer = False

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        if prediction.status == "error":
            return MetricScore.not_applicable("the ask failed")
        blocking = sorted(
            {
                f"{f.get('type')}:{f.get('name')}"
                for f in prediction.findings
                if f.get("action") == "BLOCKED"
            }
        )
        if prediction.status == "blocked":
            return MetricScore(0.0, "blocked by " + (", ".join(blocking) or "the policy"))
        return MetricScore(1.0, "passed", {"findings": len(prediction.findings)})
