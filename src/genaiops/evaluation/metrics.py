"""The metric contract and the reference-based built-ins.

A metric scores one prediction against one :class:`Sample` (the question, the reference
answers, the reference sources) with a value in [0, 1] and a short reason. Metric kinds
are registered in the entry point group ``genaiops.metrics``
(:data:`genaiops.plugins.metrics`); ``config_model`` is the schema of a suite's options
for the kind. The evaluation runner (a later issue) drives them over datasets.
"""

from __future__ import annotations

import re
import string
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from genaiops.errors import PluginError

__all__ = [
    "Contains",
    "ExactMatch",
    "Metric",
    "MetricScore",
    "NoOptions",
    "NumericMatch",
    "Sample",
    "TokenF1",
    "create_metric",
    "normalize_answer",
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
class MetricScore:
    value: float  # 0..1, higher is better
    reason: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Metric(ABC):
    name: ClassVar[str]
    config_model: ClassVar[type[BaseModel]] = NoOptions

    def __init__(self, options: BaseModel | None = None) -> None:
        self.options = options or self.config_model()

    @abstractmethod
    def score(self, prediction: str, sample: Sample) -> MetricScore: ...


_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans("", "", string.punctuation)


def normalize_answer(text: str) -> str:
    """Lower case, no punctuation, no articles, single spaces (SQuAD's normalization)."""
    return " ".join(_ARTICLES.sub(" ", text.lower().translate(_PUNCT)).split())


class ExactMatch(Metric):
    """1 when the normalized prediction equals a normalized reference."""

    name = "exact_match"

    def score(self, prediction: str, sample: Sample) -> MetricScore:
        p = normalize_answer(prediction)
        hit = next((r for r in sample.references if normalize_answer(r) == p), None)
        return MetricScore(float(hit is not None), f"equals {hit!r}" if hit else "no reference")


class Contains(Metric):
    """1 when a normalized reference appears in the normalized prediction."""

    name = "contains"

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


def create_metric(kind: str, options: dict[str, Any] | None = None) -> Metric:
    """A metric of a registered kind, its options validated by the kind's schema."""
    from genaiops.plugins import metrics, validate_options

    cls = metrics.get(kind, key="metrics")
    if not (isinstance(cls, type) and issubclass(cls, Metric)):
        raise PluginError(f"the metric {kind!r} ({cls!r}) is not a genaiops Metric")
    return cls(validate_options(cls.config_model, options or {}, f"metrics.{kind}"))


def score_all(metrics: Sequence[Metric], prediction: str, sample: Sample) -> dict[str, float]:
    return {m.name: m.score(prediction, sample).value for m in metrics}
