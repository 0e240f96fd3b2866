"""The metering ledger: one row per model call, and the audit row of each ask."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from genaiops.models.base import ChatResult
from genaiops.models.catalog import CostBreakdown
from genaiops.storage import Database

__all__ = ["Ledger", "UsageSummary"]


@dataclass(frozen=True)
class UsageSummary:
    app: str | None
    model: str
    calls: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    latency_p50_ms: float
    latency_p95_ms: float


class Ledger:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record_call(
        self,
        *,
        trace_id: str,
        app: str | None,
        provider: str,
        result: ChatResult,
        cost: CostBreakdown,
    ) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO usage_ledger (trace_id, app, model, provider, prompt_tokens, "
                    "completion_tokens, tokens_estimated, input_usd, output_usd, instance_usd, "
                    "cost_usd, latency_ms, ttft_ms, status) VALUES (:t, :a, :m, :p, :pi, :po, "
                    ":est, :ci, :co, :cx, :c, :lat, :ttft, 'ok')"
                ),
                {
                    "t": trace_id,
                    "a": app,
                    "m": result.model,
                    "p": provider,
                    "pi": result.usage.prompt_tokens,
                    "po": result.usage.completion_tokens,
                    "est": result.usage.estimated,
                    "ci": cost.input_usd,
                    "co": cost.output_usd,
                    "cx": cost.instance_usd,
                    "c": cost.total_usd,
                    "lat": result.latency_s * 1e3,
                    "ttft": result.ttft_s * 1e3,
                },
            )

    def record_failure(
        self,
        *,
        trace_id: str,
        app: str | None,
        model: str,
        provider: str,
        error: str,
        latency_s: float,
    ) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO usage_ledger (trace_id, app, model, provider, prompt_tokens, "
                    "completion_tokens, input_usd, output_usd, instance_usd, cost_usd, "
                    "latency_ms, ttft_ms, status, error) VALUES (:t, :a, :m, :p, 0, 0, 0, 0, 0, "
                    "0, :lat, :lat, 'error', :e)"
                ),
                {
                    "t": trace_id,
                    "a": app,
                    "m": model,
                    "p": provider,
                    "lat": latency_s * 1e3,
                    "e": error,
                },
            )

    def record_ask(self, row: dict[str, Any]) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO asks (trace_id, app, question, answer, status, citations, "
                    "findings, timings, cost_usd) VALUES (:trace_id, :app, :question, :answer, "
                    ":status, CAST(:citations AS jsonb), CAST(:findings AS jsonb), "
                    "CAST(:timings AS jsonb), :cost_usd)"
                ),
                {
                    **row,
                    "citations": json.dumps(row["citations"]),
                    "findings": json.dumps(row["findings"]),
                    "timings": json.dumps(row["timings"]),
                },
            )

    def calls(self, trace_id: str) -> list[dict[str, Any]]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT * FROM usage_ledger WHERE trace_id = :t ORDER BY id"),
                {"t": trace_id},
            )
            return [dict(r._mapping) for r in rows]

    def summary(self) -> list[UsageSummary]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT app, model, count(*) AS calls, sum(prompt_tokens) AS pi, "
                    "sum(completion_tokens) AS po, sum(cost_usd) AS cost, "
                    "percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50, "
                    "percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95 "
                    "FROM usage_ledger WHERE status = 'ok' GROUP BY app, model ORDER BY app, model"
                )
            )
            return [
                UsageSummary(
                    r.app,
                    r.model,
                    r.calls,
                    int(r.pi),
                    int(r.po),
                    float(r.cost),
                    float(r.p50),
                    float(r.p95),
                )
                for r in rows
            ]
