"""Evaluation runs in PostgreSQL: what ran, on what, and every scored result.

Tables (:mod:`genaiops.storage.schema`): ``eval_runs`` (one per run: the suite as
resolved, the dataset checksum, status), ``eval_candidates`` (the app configuration each
candidate ran), ``eval_items`` (the dataset's items, copied in, so a resumed run and a
later report see exactly the items that were run), ``eval_results`` (one row per
candidate x item x repeat: the answer, status, retrieved sources, findings, tokens,
timings, cost) and ``eval_scores`` (one row per result and metric).

A result and its scores are committed together, as soon as the item is scored: a run
that dies loses at most the items in flight, and ``--resume`` runs only the keys with no
row (and the rows whose ask failed, which it retries).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from genaiops.errors import NotFoundError
from genaiops.storage import Database
from genaiops.storage.schema import (
    eval_candidates,
    eval_items,
    eval_results,
    eval_runs,
    eval_scores,
)

__all__ = ["EvalStore", "ResultRow", "RunInfo", "ScoreRow"]

ResultKey = tuple[str, str, int]  # candidate, item id, repeat


@dataclass(frozen=True)
class ScoreRow:
    metric: str
    value: float | None  # None: the metric does not apply to this item
    reason: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ResultRow:
    candidate: str
    item_id: str
    repeat: int
    trace_id: str
    status: str
    answer: str
    error: str | None
    cached: bool
    retrieved: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    prompt_tokens: int
    completion_tokens: int
    total_ms: float
    model_ms: float
    ttft_ms: float
    cost_usd: float
    billed_usd: float
    scores: tuple[ScoreRow, ...] = ()

    @property
    def key(self) -> ResultKey:
        return (self.candidate, self.item_id, self.repeat)


@dataclass(frozen=True)
class RunInfo:
    id: str
    name: str
    status: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    suite: dict[str, Any]
    dataset: str
    dataset_sha: str
    repeats: int
    summary: dict[str, Any] | None


class EvalStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- runs ---------------------------------------------------------------------------------

    def create_run(
        self,
        run_id: str,
        name: str,
        suite: dict[str, Any],
        dataset: str,
        dataset_sha: str,
        repeats: int,
        candidates: Sequence[tuple[str, dict[str, Any], dict[str, Any]]],
        items: Sequence[tuple[str, dict[str, Any]]],
    ) -> None:
        """The run, its candidates ``(name, spec, app config)`` and items ``(id, item)``,
        in one transaction."""
        with self.db.engine.begin() as conn:
            conn.execute(
                sa.insert(eval_runs).values(
                    id=run_id,
                    status="running",
                    name=name,
                    suite=suite,
                    dataset=dataset,
                    dataset_sha=dataset_sha,
                    repeats=repeats,
                )
            )
            conn.execute(
                sa.insert(eval_candidates),
                [
                    {"run_id": run_id, "name": n, "position": i, "spec": s, "app": a}
                    for i, (n, s, a) in enumerate(candidates)
                ],
            )
            conn.execute(
                sa.insert(eval_items),
                [
                    {"run_id": run_id, "item_id": k, "position": i, "item": item}
                    for i, (k, item) in enumerate(items)
                ],
            )

    def run(self, run_id: str) -> RunInfo:
        with self.db.engine.connect() as conn:
            row = conn.execute(sa.select(eval_runs).where(eval_runs.c.id == run_id)).first()
        if row is None:
            raise NotFoundError(
                f"no evaluation run {run_id!r}; `genaiops eval runs` lists the runs of this project"
            )
        return _run_info(row)

    def runs(self, limit: int = 50) -> list[RunInfo]:
        query = sa.select(eval_runs).order_by(eval_runs.c.created_at.desc()).limit(limit)
        with self.db.engine.connect() as conn:
            return [_run_info(r) for r in conn.execute(query)]

    def set_status(self, run_id: str, status: str, summary: dict[str, Any] | None = None) -> None:
        values: dict[str, Any] = {"status": status}
        if status in ("done", "failed", "interrupted"):
            values["finished_at"] = sa.func.now()
        if summary is not None:
            values["summary"] = summary
        with self.db.engine.begin() as conn:
            conn.execute(sa.update(eval_runs).where(eval_runs.c.id == run_id).values(values))

    def record_promotion(self, run_id: str, record: dict[str, Any]) -> None:
        """Append ``record`` to the run's promotions (kept in its summary)."""
        summary = sa.func.coalesce(eval_runs.c.summary, sa.text("'{}'::jsonb"))
        promotions = sa.func.coalesce(summary.op("->")("promotions"), sa.text("'[]'::jsonb"))
        value = sa.func.jsonb_set(
            summary,
            sa.text("'{promotions}'"),
            promotions.op("||")(sa.func.jsonb_build_array(sa.cast(record, JSONB))),
        )
        with self.db.engine.begin() as conn:
            conn.execute(sa.update(eval_runs).where(eval_runs.c.id == run_id).values(summary=value))

    def candidates(self, run_id: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        c = eval_candidates.c
        query = sa.select(c.name, c.spec, c.app).where(c.run_id == run_id).order_by(c.position)
        with self.db.engine.connect() as conn:
            return [(r.name, r.spec, r.app) for r in conn.execute(query)]

    def items(self, run_id: str) -> list[dict[str, Any]]:
        c = eval_items.c
        query = sa.select(c.item).where(c.run_id == run_id).order_by(c.position)
        with self.db.engine.connect() as conn:
            return [r.item for r in conn.execute(query)]

    # -- results ------------------------------------------------------------------------------

    def done_keys(self, run_id: str) -> set[ResultKey]:
        """Keys with a result whose ask did not fail (what a resume skips)."""
        c = eval_results.c
        query = sa.select(c.candidate, c.item_id, c.repeat).where(
            c.run_id == run_id, c.status != "error"
        )
        with self.db.engine.connect() as conn:
            return {(r.candidate, r.item_id, r.repeat) for r in conn.execute(query)}

    def drop_failed(self, run_id: str) -> int:
        """Delete the rows whose ask failed (their scores go with them), to retry them."""
        c = eval_results.c
        with self.db.engine.begin() as conn:
            query = sa.delete(eval_results).where(c.run_id == run_id, c.status == "error")
            return int(conn.execute(query).rowcount)

    def write_result(self, run_id: str, row: ResultRow) -> None:
        """A result and its scores, in one transaction."""
        values = {
            k: getattr(row, k)
            for k in (
                "candidate",
                "item_id",
                "repeat",
                "trace_id",
                "status",
                "answer",
                "error",
                "cached",
                "retrieved",
                "findings",
                "prompt_tokens",
                "completion_tokens",
                "total_ms",
                "model_ms",
                "ttft_ms",
                "cost_usd",
                "billed_usd",
            )
        }
        with self.db.engine.begin() as conn:
            conn.execute(sa.insert(eval_results).values(run_id=run_id, **values))
            if row.scores:
                conn.execute(
                    sa.insert(eval_scores),
                    [
                        {
                            "run_id": run_id,
                            "candidate": row.candidate,
                            "item_id": row.item_id,
                            "repeat": row.repeat,
                            "metric": s.metric,
                            "value": s.value,
                            "reason": s.reason,
                            "detail": s.detail,
                        }
                        for s in row.scores
                    ],
                )

    def results(self, run_id: str) -> list[ResultRow]:
        """Every result of the run with its scores, in a stable order."""
        r, s = eval_results.c, eval_scores.c
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                sa.select(eval_results)
                .where(r.run_id == run_id)
                .order_by(r.candidate, r.item_id, r.repeat)
            ).all()
            scores = conn.execute(
                sa.select(eval_scores).where(s.run_id == run_id).order_by(s.metric)
            ).all()
        by_key: dict[ResultKey, list[ScoreRow]] = {}
        for x in scores:
            by_key.setdefault((x.candidate, x.item_id, x.repeat), []).append(
                ScoreRow(x.metric, x.value, x.reason, x.detail)
            )
        return [_result_row(x, by_key.get((x.candidate, x.item_id, x.repeat), [])) for x in rows]


def _run_info(row: Any) -> RunInfo:
    return RunInfo(
        row.id,
        row.name,
        row.status,
        row.created_at,
        row.finished_at,
        row.suite,
        row.dataset,
        row.dataset_sha,
        row.repeats,
        row.summary,
    )


def _result_row(x: Any, scores: Iterable[ScoreRow]) -> ResultRow:
    return ResultRow(
        x.candidate,
        x.item_id,
        x.repeat,
        x.trace_id,
        x.status,
        x.answer,
        x.error,
        x.cached,
        x.retrieved,
        x.findings,
        x.prompt_tokens,
        x.completion_tokens,
        x.total_ms,
        x.model_ms,
        x.ttft_ms,
        x.cost_usd,
        x.billed_usd,
        tuple(scores),
    )
