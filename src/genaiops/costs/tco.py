"""Lifecycle cost (TCO) projection, API vs self-hosting break-even, and sensitivity.

Inference tokens are only a part of what a generative AI service costs. A projection
adds, month by month over 12 to 36 months and for each candidate:

==================  ==========================================================================
category            how a month is priced
==================  ==========================================================================
data_preparation    one-off hours x rate in the first month, then recurring hours x rate
ingestion           documents (re)ingested x measured seconds per document x instance price
vector_storage      stored chunks x (embedding + text bytes) x overhead x price per GB-month
customization       fine-tuning hours x instance price, once and at each retraining; a
                    tuned candidate adds its model's measured training (the ledger's
                    ``customization`` rows: wall time x instance price)
testing             evaluation runs x asks per run x the candidate's measured cost per ask
guardrails          asks x measured guardrail milliseconds per ask x instance price
inference           API: asks x (prompt x input + completion x output prices); self-hosted:
                    the instances the month's asks need (measured model seconds per ask,
                    ``concurrency`` asks at once, ``utilisation`` busy), 730 hours each
operations          a fixed monthly amount (people, monitoring, on-call)
==================  ==========================================================================

Asks grow by ``growth_per_month`` (compound). Every per-ask figure is measured, never
guessed: tokens, model time and cost per ask from an evaluation run's candidates (or the
ledger), guardrail time from the stored asks' stage timings, storage from the store. The
scenario file states the rest (rates, hours, volumes), each with its unit.

:func:`sensitivity` moves each driver by +-X% and ranks them by how much the total
moves (a tornado); :func:`break_even` finds the monthly volume above which a
self-hosted instance is cheaper than an API at the same tokens, with the utilisation
that volume implies. This module is arithmetic over plain data: it imports no provider,
database or evaluation code (:mod:`genaiops.costs.measure` reads the measurements).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from genaiops.costs.pricing import Price

__all__ = [
    "CATEGORIES",
    "HOURS_PER_MONTH",
    "BreakEven",
    "CandidateInputs",
    "Projection",
    "Scenario",
    "break_even",
    "inference_month",
    "instances_needed",
    "project",
    "sensitivity",
]

HOURS_PER_MONTH = 730.0
SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600
CATEGORIES = (
    "data_preparation", "ingestion", "vector_storage", "customization", "testing",
    "guardrails", "inference", "operations",
)  # fmt: skip


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Volume(_Strict):
    asks_per_month: float = Field(gt=0, description="interactions in the first month")
    growth_per_month: float = Field(0.0, ge=-0.5, le=1.0, description="0.05: +5% a month")


class DataPreparation(_Strict):
    hours: float = Field(0.0, ge=0, description="one-off, in the first month")
    recurring_hours_per_month: float = Field(0.0, ge=0)
    rate_per_hour: float = Field(0.0, ge=0, description="USD per hour of a person")


class Ingestion(_Strict):
    documents: int | None = Field(None, ge=0, description="default: measured from the store")
    changed_per_month: float = Field(0.1, ge=0, le=1, description="share re-ingested monthly")
    seconds_per_document: float | None = Field(
        None, gt=0, description="default: measured (benchmarks/p5_ingest.py)"
    )
    instance_per_hour: float = Field(0.0832, ge=0)


class Storage(_Strict):
    usd_per_gb_month: float = Field(0.25, ge=0)
    overhead: float = Field(3.0, ge=1, description="indexes and tables over the raw bytes")


class Customization(_Strict):
    fine_tuning_hours: float = Field(0.0, ge=0)
    instance_per_hour: float = Field(0.0, ge=0)
    retrain_every_months: int | None = Field(None, ge=1)


class Testing(_Strict):
    eval_runs_per_month: float = Field(4.0, ge=0)
    asks_per_run: int | None = Field(None, ge=0, description="default: the run's items x repeats")
    red_team_runs_per_month: float = Field(1.0, ge=0)
    red_team_asks: int = Field(50, ge=0)


class Guardrails(_Strict):
    instance_per_hour: float = Field(0.0832, ge=0, description="where the checks run")
    ms_per_ask: float | None = Field(None, ge=0, description="default: measured")


class Inference(_Strict):
    utilisation: float = Field(0.6, gt=0, le=1, description="how busy an instance is kept")


class Scenario(_Strict):
    """A projection's assumptions (the file ``genaiops costs project`` reads)."""

    name: str = "scenario"
    months: int = Field(24, ge=1, le=60)
    volume: Volume
    data_preparation: DataPreparation = DataPreparation()
    ingestion: Ingestion = Ingestion()
    storage: Storage = Storage()
    customization: Customization = Customization()
    testing: Testing = Testing()
    guardrails: Guardrails = Guardrails()
    inference: Inference = Inference()
    operations_per_month: float = Field(0.0, ge=0)
    sensitivity: float = Field(0.2, gt=0, lt=1, description="+-20% per driver")
    eval_run: str = Field("latest", description="the run whose measurements are used")
    candidates: list[str] = Field(default_factory=list, description="default: all of the run's")
    api_reference: Price | None = Field(
        None, description="the API price a self-hosted candidate's break-even compares with"
    )
    api_reference_model: str = Field("gpt-4o-mini", description="else: this catalog model's price")


@dataclass(frozen=True)
class CandidateInputs:
    """What was measured for one candidate (per ask), and its price."""

    name: str
    price: Price
    prompt_tokens: float
    completion_tokens: float
    model_s_per_ask: float
    cost_per_ask: float  # as metered (what an evaluation ask cost)
    guard_ms_per_ask: float = 0.0
    documents: int = 0
    stored_bytes: float = 0.0  # embeddings + text of the knowledge base it reads
    seconds_per_document: float = 0.0
    asks_per_eval_run: int = 0
    source: str = ""  # where the figures come from
    fine_tuning_usd: float = 0.0  # its model's measured training (ledger: customization)

    @property
    def self_hosted(self) -> bool:
        return self.price.instance_per_hour > 0


def instances_needed(asks: float, model_s_per_ask: float, price: Price, utilisation: float) -> int:
    """Instances that serve ``asks`` a month: at least one runs all month."""
    capacity = SECONDS_PER_MONTH * price.concurrency * utilisation
    return max(1, math.ceil(asks * model_s_per_ask / capacity)) if capacity > 0 else 1


def inference_month(
    asks: float, c: CandidateInputs, utilisation: float
) -> tuple[float, dict[str, Any]]:
    """The inference cost of a month of ``asks``, and how it was priced."""
    p = c.price
    tokens = asks * (c.prompt_tokens * p.input_per_1m + c.completion_tokens * p.output_per_1m)
    usd, detail = tokens / 1e6, {}
    if p.instance_per_hour:
        n = instances_needed(asks, c.model_s_per_ask, p, utilisation)
        usd += n * p.instance_per_hour * HOURS_PER_MONTH
        busy = asks * c.model_s_per_ask / (n * SECONDS_PER_MONTH * p.concurrency)
        detail = {"instances": n, "utilisation": busy}
    return usd, detail


@dataclass(frozen=True)
class Projection:
    candidate: str
    months: int
    monthly: dict[str, list[float]]  # category -> USD per month
    asks: list[float]
    instances: list[int] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, float]:
        return {k: sum(v) for k, v in self.monthly.items()}

    @property
    def total(self) -> float:
        return sum(self.totals.values())

    def month_total(self, m: int) -> float:
        return sum(v[m] for v in self.monthly.values())

    @property
    def cost_per_ask(self) -> float:
        return self.total / sum(self.asks) if sum(self.asks) else math.nan

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["totals"] = self.totals
        d["total"] = self.total
        return d


def project(s: Scenario, c: CandidateInputs) -> Projection:
    """The month-by-month cost of ``c`` under ``s``."""
    months = s.months
    asks = [s.volume.asks_per_month * (1 + s.volume.growth_per_month) ** m for m in range(months)]
    out: dict[str, list[float]] = {k: [0.0] * months for k in CATEGORIES}
    dp = s.data_preparation
    docs = s.ingestion.documents if s.ingestion.documents is not None else c.documents
    sec_doc = s.ingestion.seconds_per_document or c.seconds_per_document
    gb = c.stored_bytes * s.storage.overhead / 1e9
    cz = s.customization
    t = s.testing
    run_asks = t.asks_per_run if t.asks_per_run is not None else c.asks_per_eval_run
    guard_ms = (
        s.guardrails.ms_per_ask if s.guardrails.ms_per_ask is not None else c.guard_ms_per_ask
    )
    instances: list[int] = []
    for m in range(months):
        out["data_preparation"][m] = (dp.hours * (m == 0) + dp.recurring_hours_per_month) * (
            dp.rate_per_hour
        )
        share = 1.0 if m == 0 else s.ingestion.changed_per_month
        out["ingestion"][m] = docs * share * sec_doc / 3600 * s.ingestion.instance_per_hour
        out["vector_storage"][m] = gb * s.storage.usd_per_gb_month
        retrain = m == 0 or (
            cz.retrain_every_months is not None and m % cz.retrain_every_months == 0
        )
        training = cz.fine_tuning_hours * cz.instance_per_hour + c.fine_tuning_usd
        out["customization"][m] = training * retrain
        testing_asks = (
            t.eval_runs_per_month * run_asks + t.red_team_runs_per_month * t.red_team_asks
        )
        out["testing"][m] = testing_asks * c.cost_per_ask
        out["guardrails"][m] = asks[m] * guard_ms / 3.6e6 * s.guardrails.instance_per_hour
        usd, detail = inference_month(asks[m], c, s.inference.utilisation)
        out["inference"][m] = usd
        instances.append(int(detail.get("instances", 0)))
        out["operations"][m] = s.operations_per_month
    return Projection(c.name, months, out, asks, instances)


# -- sensitivity ------------------------------------------------------------------------------

Driver = Callable[[Scenario, CandidateInputs, float], tuple[Scenario, CandidateInputs]]


def _scale_price(p: Price, f: float) -> Price:
    return p.model_copy(
        update={
            "input_per_1m": p.input_per_1m * f,
            "output_per_1m": p.output_per_1m * f,
            "instance_per_hour": p.instance_per_hour * f,
        }
    )


DRIVERS: dict[str, Driver] = {
    "asks per month": lambda s, c, f: (
        s.model_copy(update={"volume": s.volume.model_copy(
            update={"asks_per_month": s.volume.asks_per_month * f})}), c),
    "tokens per ask": lambda s, c, f: (
        s, replace(c, prompt_tokens=c.prompt_tokens * f, completion_tokens=c.completion_tokens * f,
                   model_s_per_ask=c.model_s_per_ask * f)),
    "model price (tokens or instance)": lambda s, c, f: (
        s, replace(c, price=_scale_price(c.price, f))),
    "data preparation hours": lambda s, c, f: (
        s.model_copy(update={"data_preparation": s.data_preparation.model_copy(update={
            "hours": s.data_preparation.hours * f,
            "recurring_hours_per_month": s.data_preparation.recurring_hours_per_month * f})}), c),
    "guardrail time per ask": lambda s, c, f: (
        s, replace(c, guard_ms_per_ask=c.guard_ms_per_ask * f)),
    "evaluation runs": lambda s, c, f: (
        s.model_copy(update={"testing": s.testing.model_copy(update={
            "eval_runs_per_month": s.testing.eval_runs_per_month * f})}), c),
    "operations": lambda s, c, f: (
        s.model_copy(update={"operations_per_month": s.operations_per_month * f}), c),
}  # fmt: skip


def sensitivity(s: Scenario, c: CandidateInputs) -> list[dict[str, Any]]:
    """Each driver's total at -X% and +X%, largest swing first."""
    base = project(s, c).total
    rows = []
    for name, move in DRIVERS.items():
        low = project(*move(s, c, 1 - s.sensitivity)).total
        high = project(*move(s, c, 1 + s.sensitivity)).total
        rows.append({"driver": name, "low": low, "high": high, "base": base,
                     "swing": abs(high - low)})  # fmt: skip
    return sorted(rows, key=lambda r: -r["swing"])


# -- break-even -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakEven:
    candidate: str
    api: Price
    self_hosted: Price
    asks_per_month: float | None  # above this, self-hosting is cheaper; None: never in range
    utilisation: float | None  # of the instances at that volume
    instances: int | None
    curve: list[dict[str, float]]  # asks, api_usd, self_hosted_usd

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if k not in ("api", "self_hosted")}
        d["api"] = self.api.model_dump(mode="json", exclude_defaults=True)
        d["self_hosted"] = self.self_hosted.model_dump(mode="json", exclude_defaults=True)
        return d


def break_even(
    c: CandidateInputs,
    api: Price,
    self_hosted: Price,
    utilisation: float,
    *,
    max_asks: float = 1e8,
) -> BreakEven:
    """The monthly volume above which ``self_hosted`` (instances sized from the measured
    model seconds per ask) costs less than ``api`` at the measured tokens per ask."""
    per_ask_api = (
        c.prompt_tokens * api.input_per_1m + c.completion_tokens * api.output_per_1m
    ) / 1e6

    def hosted(asks: float) -> float:
        n = instances_needed(asks, c.model_s_per_ask, self_hosted, utilisation)
        return n * self_hosted.instance_per_hour * HOURS_PER_MONTH

    curve = []
    asks = 1000.0
    while asks <= max_asks:
        curve.append({"asks": asks, "api_usd": asks * per_ask_api, "self_hosted_usd": hosted(asks)})
        asks *= 1.25
    found: float | None = None
    if per_ask_api > 0:
        # cost per instance-month over the asks one instance serves: cheaper per ask
        # than the API only if a full instance costs less than its asks at API prices
        capacity = (
            SECONDS_PER_MONTH * self_hosted.concurrency * utilisation / max(c.model_s_per_ask, 1e-9)
        )
        one = self_hosted.instance_per_hour * HOURS_PER_MONTH
        if one / capacity < per_ask_api:
            found = one / per_ask_api  # the first instance pays off here
    if found is None or found > max_asks:
        return BreakEven(c.name, api, self_hosted, None, None, None, curve)
    n = instances_needed(found, c.model_s_per_ask, self_hosted, utilisation)
    busy = found * c.model_s_per_ask / (n * SECONDS_PER_MONTH * self_hosted.concurrency)
    return BreakEven(c.name, api, self_hosted, found, busy, n, curve)
