"""The metric contract and the reference-based built-ins.

A metric scores one prediction against one :class:`Sample` (the question, the reference
answers, the reference sources) with a value in [0, 1] and a short reason. Metric kinds
are registered in the entry point group ``genaiops.metrics``
(:data:`genaiops.plugins.metrics`); ``config_model`` is the schema of a suite's options
for the kind. The evaluation runner (:mod:`genaiops.evaluation.runner`) drives them over
datasets.

Two forms of one contract
    A metric implements :meth:`Metric.score` (the answer's text only: exact match, token
    F1) or :meth:`Metric.evaluate` (a :class:`Prediction`: the text *and* the ask it came
    from: status, the sources the prompt used, the chunks retrieved, the findings). Each
    defaults to the other, so a text metric works wherever a context metric does and a
    plug-in written against ``score`` keeps working; the runner always calls
    ``evaluate``. Context is what grounding, context recall or abstention need: a metric
    cannot judge "is this supported by the sources" from the text alone.

Not applicable
    A score with ``applies=False`` says the metric has nothing to judge on this item
    (context recall of an item with no reference sources, token F1 of an unanswerable
    question, a judge reply that could not be parsed); it is left out of means and counts,
    never averaged in as 0.

Services
    Metrics that need a model or an embedder get them from :class:`MetricServices` (the
    runtime's shared embedder, and its metered providers for judges), never by building
    their own: a judge's calls land in the ledger with purpose ``judge``.
"""

from __future__ import annotations

import re
import string
from abc import ABC
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from genaiops.errors import PluginError

if TYPE_CHECKING:
    from genaiops.apps.request import AskResult
    from genaiops.knowledge.embedders import Embedder
    from genaiops.models.base import ModelProvider

__all__ = [
    "Contains",
    "ExactMatch",
    "Metric",
    "MetricScore",
    "MetricServices",
    "NoOptions",
    "NumericMatch",
    "Passage",
    "Prediction",
    "Sample",
    "TokenF1",
    "create_metric",
    "normalize_answer",
    "same_source",
    "score_all",
]


@dataclass(frozen=True)
class Sample:
    question: str
    references: tuple[str, ...] = ()  # acceptable answers
    sources: tuple[str, ...] = ()  # the documents that hold the answer
    tags: tuple[str, ...] = ()
    answerable: bool = True


@dataclass(frozen=True)
class Passage:
    """A source text an answer saw: its document id, text and retrieval score."""

    source: str
    text: str
    score: float = 0.0
    heading: str = ""


@dataclass(frozen=True)
class Prediction:
    """What a metric sees of an answer: its text and, from an ask, the ask's context.

    ``sources`` are the passages the prompt used (after the document checks, fitted to
    the context window); ``retrieved`` the top-k in rank order before the checks;
    ``retrieval`` is False for a candidate that retrieves nothing on purpose (strategy
    ``none``), so that context metrics do not count that as a miss."""

    text: str
    status: str = "answered"  # answered | blocked | cancelled | error
    sources: tuple[Passage, ...] = ()
    retrieved: tuple[Passage, ...] = ()
    findings: tuple[Mapping[str, Any], ...] = ()
    retrieval: bool = True
    result: AskResult | None = None  # the whole ask, for plug-ins that want more

    @classmethod
    def from_result(cls, result: AskResult, *, retrieval: bool = True) -> Prediction:
        def passages(chunks: Sequence[Any]) -> tuple[Passage, ...]:
            return tuple(Passage(c.source, c.text, float(c.score), c.heading) for c in chunks)

        return cls(
            text=result.answer,
            status=result.status,
            sources=passages(result.sources),
            retrieved=passages(result.retrieved),
            findings=tuple(result.findings),
            retrieval=retrieval,
            result=result,
        )


@dataclass(frozen=True)
class MetricScore:
    value: float  # 0..1, higher is better (0 when the metric does not apply)
    reason: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    applies: bool = True  # False: nothing to judge here; left out of means

    @classmethod
    def not_applicable(cls, reason: str, **detail: Any) -> MetricScore:
        return cls(0.0, reason, dict(detail), applies=False)


@dataclass
class MetricServices:
    """What the runtime shares with metrics: its caching embedder (MiniLM) and its
    metered providers, ``provider(model_name, purpose)``."""

    embedder: Embedder | None = None
    provider: Callable[[str, str], ModelProvider] | None = None


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Metric(ABC):
    """Base class of metrics: implement :meth:`score` or :meth:`evaluate` (or both).

    ``reference_based`` metrics compare with the reference answers, so they do not apply
    to an item without any (an unanswerable question). ``calls_model`` marks metrics that
    call a model (a judge): the runner meters and caches those calls. ``judges_answer``
    is False for metrics of the retrieval or the pipeline (context recall, guardrail
    pass), which say nothing about an answer's text: they are left out of the agreement
    with human labels of answers."""

    name: ClassVar[str]
    config_model: ClassVar[type[BaseModel]] = NoOptions
    reference_based: ClassVar[bool] = False
    calls_model: ClassVar[bool] = False
    judges_answer: ClassVar[bool] = True

    def __init__(
        self, options: BaseModel | None = None, services: MetricServices | None = None
    ) -> None:
        cls = type(self)
        if cls.score is Metric.score and cls.evaluate is Metric.evaluate:
            raise PluginError(
                f"the metric {cls.__name__} implements neither score(prediction, sample) nor "
                f"evaluate(prediction, sample); implement one of them"
            )
        self.options = options or self.config_model()
        self.services = services or MetricServices()

    def score(self, prediction: str, sample: Sample) -> MetricScore:
        """Score an answer's text alone (no ask context)."""
        return self.evaluate(Prediction(prediction), sample)

    def evaluate(self, prediction: Prediction, sample: Sample) -> MetricScore:
        """Score an answer with its ask's context; the runner calls this form."""
        if self.reference_based and not sample.references:
            return MetricScore.not_applicable("no reference answer")
        return self.score(prediction.text, sample)


_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans("", "", string.punctuation)


def normalize_answer(text: str) -> str:
    """Lower case, no punctuation, no articles, single spaces (SQuAD's normalization)."""
    return " ".join(_ARTICLES.sub(" ", text.lower().translate(_PUNCT)).split())


class ExactMatch(Metric):
    """1 when the normalized prediction equals a normalized reference."""

    name = "exact_match"
    reference_based = True

    def score(self, prediction: str, sample: Sample) -> MetricScore:
        p = normalize_answer(prediction)
        hit = next((r for r in sample.references if normalize_answer(r) == p), None)
        return MetricScore(float(hit is not None), f"equals {hit!r}" if hit else "no reference")


class Contains(Metric):
    """1 when a normalized reference appears in the normalized prediction."""

    name = "contains"
    reference_based = True

    def score(self, prediction: str, sample: Sample) -> MetricScore:
        p = normalize_answer(prediction)
        hit = next((r for r in sample.references if normalize_answer(r) in p), None)
        return MetricScore(float(hit is not None), f"contains {hit!r}" if hit else "none found")


_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _numbers(text: str) -> set[float]:
    out = set()
    for m in _NUMBER.findall(text):
        try:
            out.add(float(m.replace(",", "")))
        except ValueError:
            continue
    return out


class NumericMatch(Metric):
    """1 when every number of a reference appears in the prediction ($2,899 = 2899)."""

    name = "numeric_match"
    reference_based = True

    def score(self, prediction: str, sample: Sample) -> MetricScore:
        have = _numbers(prediction)
        for ref in sample.references:
            want = _numbers(ref)
            if want and want <= have:
                return MetricScore(1.0, f"numbers of {ref!r} found")
        return MetricScore(0.0, "reference numbers missing")


class TokenF1(Metric):
    """The best token-overlap F1 between the prediction and a reference."""

    name = "token_f1"
    reference_based = True

    def score(self, prediction: str, sample: Sample) -> MetricScore:
        p = normalize_answer(prediction).split()
        best = 0.0
        for ref in sample.references:
            r = normalize_answer(ref).split()
            common = sum((Counter(p) & Counter(r)).values())
            if common:
                precision, recall = common / len(p), common / len(r)
                best = max(best, 2 * precision * recall / (precision + recall))
        return MetricScore(best, f"F1 {best:.2f}")


def same_source(a: str, b: str) -> bool:
    """Whether two source ids name one document: equal, or one is the other's path tail
    (a dataset says ``returns-policy.md`` where the store says ``docs/returns-policy.md``)."""
    a, b = a.strip("/"), b.strip("/")
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def create_metric(
    kind: str, options: dict[str, Any] | None = None, services: MetricServices | None = None
) -> Metric:
    """A metric of a registered kind, its options validated by the kind's schema."""
    from genaiops.plugins import metrics, validate_options

    cls = metrics.get(kind, key="metrics")
    if not (isinstance(cls, type) and issubclass(cls, Metric)):
        raise PluginError(f"the metric {kind!r} ({cls!r}) is not a genaiops Metric")
    return cls(validate_options(cls.config_model, options or {}, f"metrics.{kind}"), services)


def score_all(metrics: Sequence[Metric], prediction: str, sample: Sample) -> dict[str, float]:
    return {m.name: m.score(prediction, sample).value for m in metrics}
