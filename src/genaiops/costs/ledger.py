"""The metering ledger: one row per model call, with who asked and why; and the audit
row of each ask.

Rows are written with SQLAlchemy Core against :mod:`genaiops.storage.schema`. Every
figure of a row can be traced to its inputs: tokens x the catalog price, or wall time x
the instance price (:func:`genaiops.costs.pricing.cost_of`). :meth:`Ledger.summary` groups
the rows by any of their attribution (app, tenant, key, ``tag:NAME``, model, day) over a
period; the ledger also holds the database's price table (:attr:`Ledger.prices`) and
budgets (:attr:`Ledger.budgets`), which the metering wrapper enforces.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast

import sqlalchemy as sa

from genaiops.costs.budget_config import BudgetConfig
from genaiops.costs.budgets import BudgetBook
from genaiops.costs.prices import PriceTable
from genaiops.costs.pricing import CostBreakdown
from genaiops.errors import InputError
from genaiops.storage import Database
from genaiops.storage.schema import asks, usage_ledger

__all__ = [
    "GROUP_KEYS",
    "Attribution",
    "AuditRecord",
    "Ledger",
    "MeterEntry",
    "UsageSummary",
    "check_group_keys",
    "parse_when",
]

#: what ``Ledger.summary`` (and ``genaiops usage --by``) groups by, besides ``tag:NAME``
GROUP_KEYS = ("app", "model", "tenant", "key", "api_key_id", "principal", "purpose", "day")


@dataclass(frozen=True)
class Attribution:
    """Who a call is charged to: copied onto every ledger and audit row."""

    trace_id: str
    app: str | None = None
    tenant: str = "default"
    principal: str | None = None
    api_key_id: str | None = None
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MeterEntry:
    """One model call as the ledger stores it."""

    attribution: Attribution
    model: str
    provider: str
    purpose: str  # answer | judge | bench | eval ...
    status: Literal["ok", "error", "cancelled"]
    prompt_tokens: int
    completion_tokens: int
    tokens_estimated: bool
    cost: CostBreakdown
    latency_ms: float
    ttft_ms: float
    finish_reason: str | None = None
    error: str | None = None

    def row(self) -> dict[str, Any]:
        a = self.attribution
        return {
            "trace_id": a.trace_id,
            "app": a.app,
            "tenant": a.tenant,
            "principal": a.principal,
            "api_key_id": a.api_key_id,
            "tags": dict(a.tags),
            "model": self.model,
            "provider": self.provider,
            "purpose": self.purpose,
            "status": self.status,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "tokens_estimated": self.tokens_estimated,
            "input_usd": self.cost.input_usd,
            "output_usd": self.cost.output_usd,
            "instance_usd": self.cost.instance_usd,
            "cost_usd": self.cost.total_usd,
            "latency_ms": self.latency_ms,
            "ttft_ms": self.ttft_ms,
            "finish_reason": self.finish_reason,
            "error": self.error,
        }


@dataclass(frozen=True)
class AuditRecord:
    """One ask as the audit keeps it; texts are already redacted by the caller."""

    attribution: Attribution
    question: str
    answer: str
    status: str
    citations: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    timings: dict[str, float]
    cost_usd: float
    redaction: str


@dataclass(frozen=True)
class UsageSummary:
    group: dict[str, str | None]
    calls: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    latency_p50_ms: float
    latency_p95_ms: float

    @property
    def app(self) -> str | None:
        return self.group.get("app")

    @property
    def model(self) -> str | None:
        return self.group.get("model")


def _group_column(key: str) -> sa.ColumnElement[Any]:
    """The SQL of one ``--by`` key: a column, the UTC day, or one tag's value."""
    c = usage_ledger.c
    if key.startswith("tag:") and len(key) > 4:
        return cast(sa.ColumnElement[Any], c.tags[key[4:]].astext)
    if key == "day":
        return sa.func.to_char(sa.func.timezone("UTC", c.ts), "YYYY-MM-DD")
    if key in ("key", "api_key_id"):
        return c.api_key_id
    if key in GROUP_KEYS:
        return c[key]
    raise InputError(
        f"--by: unknown group {key!r}; valid: {', '.join(GROUP_KEYS)} or tag:NAME "
        f"(e.g. --by tenant,tag:team)"
    )


def check_group_keys(keys: Sequence[str]) -> None:
    """Raise :class:`~genaiops.errors.InputError` naming a ``--by`` key that
    :meth:`Ledger.summary` cannot group by (before any database is opened)."""
    if not keys:
        raise InputError(f"--by: name at least one group of {', '.join(GROUP_KEYS)}")
    for key in keys:
        _group_column(key)


class Ledger:
    """The metering ledger of one database, with its price table and budgets.

    ``budgets`` are the project file's declarations (written on first use)."""

    def __init__(self, db: Database, budgets: Sequence[BudgetConfig] = ()) -> None:
        self.db = db
        self._declared = tuple(budgets)
        self._budgets: BudgetBook | None = None
        self._lock = threading.Lock()

    @property
    def budgets(self) -> BudgetBook:
        """The budgets enforced on the calls metered into this ledger."""
        if self._budgets is None:
            with self._lock:
                if self._budgets is None:
                    self._budgets = BudgetBook(self.db, self._declared)
        return self._budgets

    @property
    def prices(self) -> PriceTable:
        return PriceTable(self.db)

    def record(self, entries: Sequence[MeterEntry]) -> None:
        """Write the calls of one request in one transaction."""
        if entries:
            with self.db.engine.begin() as conn:
                conn.execute(sa.insert(usage_ledger), [e.row() for e in entries])

    def record_ask(self, entries: Sequence[MeterEntry], record: AuditRecord) -> None:
        """An ask's model calls and its audit row, in one transaction."""
        a = record.attribution
        with self.db.engine.begin() as conn:
            if entries:
                conn.execute(sa.insert(usage_ledger), [e.row() for e in entries])
            conn.execute(
                sa.insert(asks).values(
                    trace_id=a.trace_id,
                    app=a.app or "",
                    tenant=a.tenant,
                    principal=a.principal,
                    api_key_id=a.api_key_id,
                    tags=dict(a.tags),
                    question=record.question,
                    answer=record.answer,
                    status=record.status,
                    citations=record.citations,
                    findings=record.findings,
                    sources=record.sources,
                    timings=record.timings,
                    cost_usd=record.cost_usd,
                    redaction=record.redaction,
                )
            )

    def calls(self, trace_id: str) -> list[dict[str, Any]]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                sa.select(usage_ledger)
                .where(usage_ledger.c.trace_id == trace_id)
                .order_by(usage_ledger.c.id)
            )
            return [dict(r._mapping) for r in rows]

    def ask(self, trace_id: str) -> dict[str, Any] | None:
        with self.db.engine.connect() as conn:
            row = conn.execute(sa.select(asks).where(asks.c.trace_id == trace_id)).first()
            return dict(row._mapping) if row is not None else None

    def summary(
        self,
        group_by: Sequence[str] = ("app", "model"),
        tenant: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
    ) -> list[UsageSummary]:
        """Calls, tokens, cost and latency percentiles (``percentile_cont``, the same
        definition as :func:`genaiops.stats.percentile`) per group of successful calls.
        Fine-tuning runs (purpose ``customization``) add their cost and tokens, not calls
        or latency.

        ``group_by`` takes any of :data:`GROUP_KEYS` (``key`` is the API key id, ``day``
        the UTC date) and ``tag:NAME`` (the value of one tag); ``since`` is inclusive,
        ``until`` exclusive."""
        check_group_keys(group_by)
        cols = [_group_column(k).label(f"g{i}") for i, k in enumerate(group_by)]
        latency = usage_ledger.c.latency_ms
        # a fine-tuning run's row (purpose customization) is no model call: its cost
        # counts, its hours of wall time are no call's latency
        call = usage_ledger.c.purpose != "customization"
        query = sa.select(
            *cols,
            sa.func.count().filter(call).label("calls"),
            sa.func.sum(usage_ledger.c.prompt_tokens).label("pi"),
            sa.func.sum(usage_ledger.c.completion_tokens).label("po"),
            sa.func.sum(usage_ledger.c.cost_usd).label("cost"),
            sa.func.percentile_cont(0.5).within_group(latency).filter(call).label("p50"),
            sa.func.percentile_cont(0.95).within_group(latency).filter(call).label("p95"),
        ).where(usage_ledger.c.status == "ok")
        if tenant is not None:
            query = query.where(usage_ledger.c.tenant == tenant)
        if since is not None:
            query = query.where(usage_ledger.c.ts >= since)
        if until is not None:
            query = query.where(usage_ledger.c.ts < until)
        positions: list[sa.ColumnElement[Any]] = [
            sa.literal_column(str(i + 1)) for i in range(len(cols))
        ]
        query = query.group_by(*positions).order_by(*positions)
        with self.db.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            UsageSummary(
                {k: getattr(r, f"g{i}") for i, k in enumerate(group_by)},
                int(r.calls),
                int(r.pi),
                int(r.po),
                float(r.cost),
                float(r.p50 or 0.0),  # a group of training runs only has no latency
                float(r.p95 or 0.0),
            )
            for r in rows
        ]


_AGO = re.compile(r"^(\d+)([dhm])$")


def parse_when(text: str | None, option: str) -> dt.datetime | None:
    """``2026-12-01``, ``2026-12-01T08:00`` (UTC unless it names a zone) or ``7d``,
    ``24h``, ``30m`` ago; ``None`` stays ``None``."""
    if text is None or not text.strip():
        return None
    ago = _AGO.match(text.strip())
    if ago:
        unit = {"d": "days", "h": "hours", "m": "minutes"}[ago.group(2)]
        return dt.datetime.now(dt.UTC) - dt.timedelta(**{unit: int(ago.group(1))})
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"{option}: {text!r} is not a date; write 2026-12-01, 2026-12-01T08:00 or a span "
            f"ago such as 7d, 24h, 30m"
        ) from None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
