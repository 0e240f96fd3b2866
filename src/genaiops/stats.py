"""Descriptive statistics used wherever genaiops reports a latency or a score.

:func:`percentile` is the one percentile of the project: linear interpolation between
the two nearest ranks, the definition of PostgreSQL's ``percentile_cont`` and of numpy's
default, so a p95 in the CLI, the ledger (computed in SQL) and a benchmark agree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["mean", "percentile", "summarize"]


def percentile(values: Iterable[float], q: float) -> float:
    """The ``q``-th percentile (``q`` in 0..100) of ``values``; NaN for no values.

    ``percentile([1, 2, 3, 4], 50) == 2.5``, as ``percentile_cont(0.5)`` gives.
    """
    if not 0.0 <= q <= 100.0:
        raise ArithmeticError(f"percentile q must be within 0..100 (got {q})")
    data = sorted(float(v) for v in values)
    if not data:
        return math.nan
    pos = (len(data) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def mean(values: Iterable[float]) -> float:
    data = [float(v) for v in values]
    return sum(data) / len(data) if data else math.nan


def summarize(values: Iterable[float]) -> dict[str, float]:
    """n, mean, p50, p95 and max of ``values`` (NaN figures for none)."""
    data = [float(v) for v in values]
    return {
        "n": float(len(data)),
        "mean": mean(data),
        "p50": percentile(data, 50),
        "p95": percentile(data, 95),
        "max": max(data) if data else math.nan,
    }
