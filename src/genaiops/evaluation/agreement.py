"""How well a metric agrees with human labels: AUC and accuracy at a threshold.

A dataset's ``labels`` are human judgements of answers (1 good, 0 bad). Each metric
scores every labelled answer (with the item's ``context`` as the sources it saw); the
agreement is

* the AUC: the probability that a random good answer scores above a random bad one
  (ties count half; 0.5 is chance), which needs no threshold;
* the accuracy at the best threshold, and that threshold. On one dataset the threshold
  is chosen on the same answers it is measured on (optimistic: the report says
  ``in_sample``); a benchmark chooses it on a dev split and reports on a test split
  (``benchmarks/e1_halueval_agreement.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from genaiops.errors import GenAIOpsError
from genaiops.evaluation.datasets import EvalItem
from genaiops.evaluation.metrics import Metric, Passage, Prediction

__all__ = ["accuracy_at", "auc", "best_threshold", "label_agreement", "score_labels"]


def auc(scores: Sequence[float], labels: Sequence[float]) -> float:
    """Area under the ROC curve (Mann-Whitney, ties half); NaN without both classes."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64) > 0.5
    keep = ~np.isnan(s)
    s, y = s[keep], y[keep]
    pos, neg = s[y], s[~y]
    if len(pos) == 0 or len(neg) == 0:
        return math.nan
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))


def accuracy_at(scores: Sequence[float], labels: Sequence[float], threshold: float) -> float:
    """Share of answers classified right by ``score >= threshold`` (good) (NaN dropped)."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64) > 0.5
    keep = ~np.isnan(s)
    if not keep.any():
        return math.nan
    return float(np.mean((s[keep] >= threshold) == y[keep]))


def best_threshold(scores: Sequence[float], labels: Sequence[float]) -> tuple[float, float]:
    """The threshold with the highest accuracy (the lowest such), and that accuracy."""
    s = np.asarray(scores, dtype=np.float64)
    finite = np.unique(s[~np.isnan(s)])
    if len(finite) == 0:
        return math.nan, math.nan
    candidates = np.concatenate([finite, [np.inf]])  # inf: call everything bad
    accs = [accuracy_at(scores, labels, float(t)) for t in candidates]
    i = int(np.argmax(accs))
    return float(candidates[i]), float(accs[i])


def score_labels(metric: Metric, items: Sequence[EvalItem]) -> tuple[list[float], list[float]]:
    """The metric's score of every labelled answer (NaN where it does not apply), and the
    labels."""
    scores: list[float] = []
    labels: list[float] = []
    for item in items:
        sources = tuple(Passage(f"context-{i}", t) for i, t in enumerate(item.context, 1))
        sample = item.sample()
        for labelled in item.labels:
            prediction = Prediction(labelled.answer, sources=sources, retrieval=bool(sources))
            try:
                s = metric.evaluate(prediction, sample)
                scores.append(s.value if s.applies else math.nan)
            except GenAIOpsError:
                scores.append(math.nan)
            labels.append(labelled.label)
    return scores, labels


def label_agreement(
    metrics: Sequence[tuple[str, Metric]], items: Sequence[EvalItem]
) -> dict[str, dict[str, Any]]:
    """Per metric: AUC, best threshold and its (in-sample) accuracy, answers scored."""
    labelled = [i for i in items if i.labels]
    out: dict[str, dict[str, Any]] = {}
    if not labelled:
        return out
    for label, metric in metrics:
        scores, labels = score_labels(metric, labelled)
        threshold, accuracy = best_threshold(scores, labels)
        out[label] = {
            "auc": auc(scores, labels),
            "threshold": threshold,
            "accuracy": accuracy,
            "scored": int(np.sum(~np.isnan(np.asarray(scores, dtype=np.float64)))),
            "answers": len(scores),
            "in_sample": True,
        }
    return out
