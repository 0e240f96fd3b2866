"""Value and return on investment over time, next to cost.

A month's value is its asks x the good-answer rate x what a good answer is worth (the
sum of the KPIs' ``per_good_answer x unit_value_usd`` that apply to the app). ROI at
month m is (cumulative value - cumulative cost) / cumulative cost; the payback month is
the first whose cumulative value reaches the cumulative cost. Plain arithmetic: the
figures come from :mod:`genaiops.value.feedback` (the measured rate) and
:mod:`genaiops.costs.tco` (the cost).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from genaiops.errors import ConfigError, InputError
from genaiops.value.config import KpiConfig, ValueConfig

__all__ = ["GoodRate", "RoiSeries", "good_rate", "roi_series", "usd_per_good_answer"]


@dataclass(frozen=True)
class GoodRate:
    rate: float
    source: str  # "feedback (212 votes)", "evaluation run X (contains)", "stated"


def good_rate(
    config: ValueConfig,
    feedback: tuple[int, int] | None,
    evaluation: tuple[float, str] | None,
) -> GoodRate:
    """The share of good answers: ``feedback`` is (up, down) votes, ``evaluation`` the
    (quality, run and metric) of the run that chose the model."""
    how = config.good_answer_rate
    if isinstance(how, float):
        return GoodRate(how, "stated in the project file")
    votes = sum(feedback) if feedback else 0
    if how in ("feedback", "auto") and feedback and votes >= config.min_feedback:
        return GoodRate(feedback[0] / votes, f"feedback ({feedback[0]} up of {votes} votes)")
    if how == "feedback":
        raise ConfigError(
            f"value.good_answer_rate: feedback has {votes} votes, fewer than min_feedback "
            f"({config.min_feedback}); collect more, or use auto"
        )
    if evaluation is not None:
        return GoodRate(evaluation[0], f"evaluation: {evaluation[1]}")
    raise ConfigError(
        "value.good_answer_rate: no feedback votes and no evaluation run to measure the "
        "share of good answers; run `genaiops eval run`, collect feedback, or state a number"
    )


def usd_per_good_answer(kpis: Sequence[KpiConfig], app: str | None) -> float:
    return sum(k.usd_per_good_answer for k in kpis if k.app is None or app is None or k.app == app)


@dataclass(frozen=True)
class RoiSeries:
    value: list[float]
    cost: list[float]
    cumulative_value: list[float]
    cumulative_cost: list[float]
    roi: list[float]  # (cum value - cum cost) / cum cost
    payback_month: int | None  # 1-based

    @property
    def net(self) -> float:
        return self.cumulative_value[-1] - self.cumulative_cost[-1] if self.value else 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"net": self.net}


def roi_series(value: Sequence[float], cost: Sequence[float]) -> RoiSeries:
    if len(value) != len(cost):
        raise InputError(f"{len(value)} months of value for {len(cost)} of cost")
    cum_v: list[float] = []
    cum_c: list[float] = []
    v_sum = c_sum = 0.0
    payback = None
    for m, (v, c) in enumerate(zip(value, cost, strict=True), 1):
        v_sum += v
        c_sum += c
        cum_v.append(v_sum)
        cum_c.append(c_sum)
        if payback is None and c_sum > 0 and v_sum >= c_sum:
            payback = m
    roi = [(v - c) / c if c else 0.0 for v, c in zip(cum_v, cum_c, strict=True)]
    return RoiSeries(list(value), list(cost), cum_v, cum_c, roi, payback)
