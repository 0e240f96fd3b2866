"""Prices, and the cost of one model call from its price and what it used.

API models price tokens (USD per 1M prompt and completion tokens; cached-input and batch
prices where the vendor has them); a self-hosted model prices instance time, and each
call is charged its wall time divided by the instance's ``concurrency`` (the requests one
instance serves at once). Both may be combined. A price says where it comes from
(``source``) and when it was valid (``as_of``), or names an entry of the price table
(``from_table``, see :mod:`genaiops.costs.prices`) that holds all of that.

:class:`Price` is the ``price:`` key of a model in the project file; the project file
imports it from here, and this module imports nothing else of genaiops: the ledger,
budgets and projections stand on it alone, and no provider code is reachable from it.

:func:`max_cost_of` is the most a call can cost before it is made, what a budget
reserves. For token prices it is exact: the prompt's tokens (or a bound on them) times the
input price plus ``max_tokens`` times the output price. For instance time it needs a bound
on the call's duration: ``max_call_s`` when the price states one; otherwise
``max_tokens / tokens_per_s`` (the measured generation speed; a typical figure, so a call
on a loaded machine can run longer and cost more than it reserved); otherwise
:data:`DEFAULT_MAX_CALL_S`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "DEFAULT_MAX_CALL_S",
    "CostBreakdown",
    "Price",
    "cost_of",
    "max_call_seconds",
    "max_cost_of",
]

#: the duration a budget reserves for an instance-priced call whose price states neither
#: ``max_call_s`` nor ``tokens_per_s``
DEFAULT_MAX_CALL_S = 60.0


class Price(BaseModel):
    """What a model costs. API models price tokens; self-hosted ones price instance time.

    ``instance_per_hour`` is charged for the wall time of each call divided by
    ``concurrency`` (the requests one instance serves at once), so a call's cost is its
    share of the instance it ran on. Both kinds may be combined. ``from_table: NAME``
    takes the whole price from the price table instead (``genaiops costs prices import``
    or ``set``), resolved when the model is first called.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    input_per_1m: float = Field(0.0, ge=0, description="USD per 1M prompt tokens")
    output_per_1m: float = Field(0.0, ge=0, description="USD per 1M completion tokens")
    cached_input_per_1m: float | None = Field(
        None, ge=0, description="USD per 1M prompt tokens served from the vendor's cache"
    )
    batch_input_per_1m: float | None = Field(
        None, ge=0, description="USD per 1M prompt tokens through the vendor's batch API"
    )
    batch_output_per_1m: float | None = Field(
        None, ge=0, description="USD per 1M completion tokens through the vendor's batch API"
    )
    instance_per_hour: float = Field(
        0.0, ge=0, description="USD per hour of a self-hosted instance"
    )
    concurrency: int = Field(1, ge=1, description="requests one instance serves at once")
    tokens_per_s: float | None = Field(
        None, gt=0, description="measured generation speed of the instance (budget bound)"
    )
    max_call_s: float | None = Field(
        None, gt=0, description="the longest a call runs: the budget bound for instance time"
    )
    source: str = Field("", description="where the price comes from (a URL, a file, a quote)")
    as_of: str = Field("", description="when the price was valid, e.g. 2026-10-01")
    from_table: str | None = Field(
        None, min_length=1, description="take the price from this entry of the price table"
    )

    @model_validator(mode="after")
    def _table_alone(self) -> Price:
        if self.from_table is not None:
            own = sorted(k for k in self.model_fields_set if k != "from_table")
            if own:
                raise ValueError(
                    f"from_table takes the whole price from the price table; drop "
                    f"{', '.join(own)} (or drop from_table and state the price here)"
                )
        return self

    @property
    def is_free(self) -> bool:
        return (
            self.from_table is None
            and self.input_per_1m == 0
            and self.output_per_1m == 0
            and self.instance_per_hour == 0
        )


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


def max_call_seconds(price: Price, max_tokens: int) -> float:
    """The duration a budget reserves instance time for (see the module's docstring)."""
    if price.max_call_s is not None:
        return price.max_call_s
    if price.tokens_per_s is not None:
        return max_tokens / price.tokens_per_s
    return DEFAULT_MAX_CALL_S


def max_cost_of(price: Price, prompt_tokens: int, max_tokens: int) -> CostBreakdown:
    """The most a call of ``prompt_tokens`` (or a bound on them) that may generate
    ``max_tokens`` costs: what a budget reserves before the call."""
    instance_s = max_call_seconds(price, max_tokens) if price.instance_per_hour else 0.0
    return cost_of(price, prompt_tokens, max_tokens, instance_s)
