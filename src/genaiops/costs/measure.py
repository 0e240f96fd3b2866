"""The measured per-ask figures a projection stands on, read from the project's database.

From an evaluation run's stored summary (plain data: this module imports no evaluation
code): each candidate's mean prompt and completion tokens, model seconds and metered
cost per ask. From the asks the run made (the ``asks`` table, tagged with the run and
candidate): the guardrails' milliseconds per ask (``guard_input`` + ``guard_documents``
+ ``guard_output`` + the checks run while streaming). From the store: the documents and
bytes of the knowledge base a candidate reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from genaiops.costs.pricing import Price
from genaiops.costs.tco import CandidateInputs
from genaiops.storage.schema import asks, chunks, documents, usage_ledger

if TYPE_CHECKING:
    from genaiops.config import ProjectConfig
    from genaiops.storage import Database

__all__ = [
    "GUARD_STAGES",
    "MINILM_DIMENSIONS",
    "candidate_inputs",
    "fine_tuning_usd",
    "guard_ms",
    "kb_size",
]

GUARD_STAGES = ("guard_input", "guard_documents", "guard_output", "stream_checks")
MINILM_DIMENSIONS = 384
#: seconds to ingest one document at 1 thread (benchmarks/p5_ingest.py on SciFact:
#: 2.36 documents/s), used when a scenario states none
SECONDS_PER_DOCUMENT = 1 / 2.36


def guard_ms(db: Database, run_id: str) -> dict[str, float]:
    """Mean guardrail milliseconds per ask, per candidate of ``run_id``."""
    total = sum(
        (sa.func.coalesce(asks.c.timings[k].as_float(), 0.0) for k in GUARD_STAGES),
        sa.literal(0.0),
    )
    candidate = asks.c.tags["candidate"].as_string()
    query = (
        sa.select(candidate, sa.func.avg(total))
        .where(asks.c.tags["eval_run"].as_string() == run_id)
        .group_by(candidate)
    )
    with db.engine.connect() as conn:
        return {str(c): float(v or 0.0) for c, v in conn.execute(query)}


def kb_size(db: Database, kb: str, dimensions: int = MINILM_DIMENSIONS) -> tuple[int, float]:
    """Documents, and the bytes of their chunks' text and embeddings (float32)."""
    with db.engine.connect() as conn:
        docs = conn.execute(
            sa.select(sa.func.count()).select_from(documents).where(documents.c.kb == kb)
        ).scalar_one()
        n, text = conn.execute(
            sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(sa.func.octet_length(
                chunks.c.text)), 0)).where(chunks.c.kb == kb)
        ).one()  # fmt: skip
    return int(docs), float(text) + int(n) * dimensions * 4


def fine_tuning_usd(db: Database) -> dict[str, float]:
    """The measured cost of training each tuned model: the ledger's ``customization``
    rows (``genaiops tune create``: wall time x instance price) of the model's latest
    tune, by model. A tune's rows share its ``tune_run`` tag (a fresh start; its resumes
    add rows to it), so a re-tune or a retry under the same model name replaces the
    earlier training's cost instead of adding to it. Rows written before the tag carry
    only ``tune``, which then stands for the run."""
    run = sa.func.coalesce(
        usage_ledger.c.tags["tune_run"].astext, usage_ledger.c.tags["tune"].astext, ""
    )
    query = (
        sa.select(usage_ledger.c.model, run.label("run"), usage_ledger.c.cost_usd)
        .where(usage_ledger.c.purpose == "customization")
        .order_by(usage_ledger.c.id)
    )
    latest: dict[str, str] = {}
    totals: dict[tuple[str, str], float] = {}
    with db.engine.connect() as conn:
        for model, tune_run, usd in conn.execute(query):
            latest[str(model)] = str(tune_run)
            key = (str(model), str(tune_run))
            totals[key] = totals.get(key, 0.0) + float(usd or 0.0)
    return {m: totals[(m, r)] for m, r in latest.items()}


def candidate_inputs(
    summary: Mapping[str, Any],
    project: ProjectConfig,
    db: Database | None = None,
    *,
    apps: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[CandidateInputs]:
    """Each candidate of a run's ``summary`` as projection inputs. ``apps`` maps a
    candidate to its app configuration (for its knowledge base); without a database,
    guardrail time and storage are 0 (unmeasured)."""
    run_id = str(summary.get("run", ""))
    guards = guard_ms(db, run_id) if db is not None and run_id else {}
    tuned = fine_tuning_usd(db) if db is not None else {}
    specs: Mapping[str, Any] = summary.get("candidates_spec", {})
    models = project.all_models()
    sizes: dict[str, tuple[int, float]] = {}
    out = []
    for name, c in summary.get("candidates", {}).items():
        ops = c["ops"]
        model = specs.get(name, {}).get("model")
        price = models[model].price if model in models else Price()
        if price.from_table and db is not None:
            from genaiops.costs.prices import resolve_price

            price = resolve_price(price, str(model), db)
        kb = (apps or {}).get(name, {}).get("knowledge_base")
        if kb and db is not None and kb not in sizes:
            sizes[kb] = kb_size(db, kb)
        docs, stored = sizes.get(kb, (0, 0.0)) if kb else (0, 0.0)
        out.append(
            CandidateInputs(
                name=name,
                price=price,
                prompt_tokens=float(ops.get("prompt_tokens_mean") or 0.0),
                completion_tokens=float(ops.get("completion_tokens_mean") or 0.0),
                model_s_per_ask=float(ops.get("model_ms_mean") or 0.0) / 1e3,
                cost_per_ask=float(ops.get("cost_per_1k_usd") or 0.0) / 1e3,
                guard_ms_per_ask=guards.get(name, 0.0),
                documents=docs,
                stored_bytes=stored,
                seconds_per_document=SECONDS_PER_DOCUMENT,
                asks_per_eval_run=int(summary.get("items", 0)) * int(summary.get("repeats", 1)),
                source=f"evaluation run {run_id}",
                fine_tuning_usd=tuned.get(str(model), 0.0),
            )
        )
    return out
