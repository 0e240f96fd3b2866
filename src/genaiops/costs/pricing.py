"""The cost of one model call, from its price and what it used.

API models price tokens (USD per 1M prompt and completion tokens); a self-hosted model
prices instance time, and each call is charged its wall time divided by the instance's
``concurrency`` (the requests one instance serves at once). Both may be combined. This
module imports no provider code: the ledger, budgets and projections stand on it alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from genaiops.config import Price

__all__ = ["CostBreakdown", "cost_of"]


@dataclass(frozen=True)
class CostBreakdown:
    input_usd: float
    output_usd: float
    instance_usd: float

    @property
    def total_usd(self) -> float:
        return self.input_usd + self.output_usd + self.instance_usd

    def __add__(self, other: CostBreakdown) -> CostBreakdown:
        return CostBreakdown(
            self.input_usd + other.input_usd,
            self.output_usd + other.output_usd,
            self.instance_usd + other.instance_usd,
        )


def cost_of(
    price: Price, prompt_tokens: int, completion_tokens: int, latency_s: float
) -> CostBreakdown:
    """The cost of one call: tokens at the token prices plus its share of instance time."""
    return CostBreakdown(
        input_usd=prompt_tokens * price.input_per_1m / 1_000_000,
        output_usd=completion_tokens * price.output_per_1m / 1_000_000,
        instance_usd=max(latency_s, 0.0) * price.instance_per_hour / 3600 / price.concurrency,
    )
