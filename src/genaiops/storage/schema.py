"""The one schema definition: SQLAlchemy Core tables used by every query.

Migrations (``migrations/versions``, forward-only) bring a database to this shape; a
test migrates an empty database and compares it with :data:`metadata` (alembic's
``compare_metadata``), so the two cannot drift. The only objects outside it are the
per-knowledge-base HNSW indexes (``chunks_hnsw_*``): each is a partial index on
``embedding::vector(dim)`` for one knowledge base's dimension, created concurrently when
that knowledge base is first written, so building it never blocks writes elsewhere.
"""

from __future__ import annotations

import sqlalchemy as sa
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR

__all__ = [
    "HNSW_INDEX_PREFIX",
    "asks",
    "chunks",
    "documents",
    "eval_candidates",
    "eval_items",
    "eval_response_cache",
    "eval_results",
    "eval_runs",
    "eval_scores",
    "knowledge_bases",
    "metadata",
    "usage_ledger",
]

HNSW_INDEX_PREFIX = "chunks_hnsw_"

metadata = sa.MetaData()
NOW = sa.text("now()")

knowledge_bases = sa.Table(
    "knowledge_bases",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("embedder", sa.Text, nullable=False),
    sa.Column("dim", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column(
        "kb", sa.Text, sa.ForeignKey("knowledge_bases.name", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("checksum", sa.Text, nullable=False),
    sa.Column("acl_groups", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("meta", JSONB, nullable=False, server_default="{}"),
    sa.Column("n_chars", sa.Integer, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), server_default=NOW),
    # 0003: where it came from, who may read it, and how it was chunked
    sa.Column("uri", sa.Text, nullable=False, server_default=""),
    sa.Column("mime", sa.Text, nullable=False, server_default="text/plain"),
    sa.Column("modified_at", sa.DateTime(timezone=True)),
    sa.Column("owner", sa.Text),
    sa.Column("size_bytes", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("public", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("chunker", sa.Text, nullable=False, server_default=""),  # config fingerprint
    sa.UniqueConstraint("kb", "source"),
)

chunks = sa.Table(
    "chunks",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column(
        "document_id",
        sa.BigInteger,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("kb", sa.Text, nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("heading", sa.Text, nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("n_tokens", sa.Integer, nullable=False),
    sa.Column("embedding", Vector(), nullable=False),
    sa.Column("tsv", TSVECTOR, sa.Computed("to_tsvector('english', text)", persisted=True)),
    # 0003: the page it is on, and its document's access (copied so that retrieval filters
    # in the same index scan: tenant, groups allowed to read, public)
    sa.Column("page", sa.Integer),
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("acl_groups", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("public", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("chunks_kb", "kb"),
    sa.Index("chunks_document", "document_id"),
    sa.Index("chunks_tsv", "tsv", postgresql_using="gin"),
    sa.Index("chunks_kb_tenant", "kb", "tenant"),
    sa.Index("chunks_acl", "acl_groups", postgresql_using="gin"),
)

usage_ledger = sa.Table(
    "usage_ledger",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("trace_id", sa.Text, nullable=False),
    sa.Column("app", sa.Text),
    sa.Column("model", sa.Text, nullable=False),
    sa.Column("provider", sa.Text, nullable=False),
    sa.Column("prompt_tokens", sa.Integer, nullable=False),
    sa.Column("completion_tokens", sa.Integer, nullable=False),
    sa.Column("tokens_estimated", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("input_usd", sa.Float, nullable=False),
    sa.Column("output_usd", sa.Float, nullable=False),
    sa.Column("instance_usd", sa.Float, nullable=False),
    sa.Column("cost_usd", sa.Float, nullable=False),
    sa.Column("latency_ms", sa.Float, nullable=False),
    sa.Column("ttft_ms", sa.Float, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # ok | error | cancelled
    sa.Column("error", sa.Text),
    # 0002: who asked, and why the call was made
    sa.Column("purpose", sa.Text, nullable=False, server_default="answer"),  # answer | judge ...
    sa.Column("finish_reason", sa.Text),
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("principal", sa.Text),
    sa.Column("api_key_id", sa.Text),
    sa.Column("tags", JSONB, nullable=False, server_default="{}"),
    sa.Index("usage_ledger_ts", "ts"),
    sa.Index("usage_ledger_trace", "trace_id"),
    sa.Index("usage_ledger_tenant_ts", "tenant", "ts"),
)

asks = sa.Table(
    "asks",
    metadata,
    sa.Column("trace_id", sa.Text, primary_key=True),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("app", sa.Text, nullable=False),
    sa.Column("question", sa.Text, nullable=False),  # redacted per the policy
    sa.Column("answer", sa.Text, nullable=False),  # redacted per the policy
    sa.Column("status", sa.Text, nullable=False),  # answered | blocked | cancelled | error
    sa.Column("citations", JSONB, nullable=False),
    sa.Column("findings", JSONB, nullable=False),
    sa.Column("timings", JSONB, nullable=False),
    sa.Column("cost_usd", sa.Float, nullable=False),
    # 0002: the caller, the chunks the answer saw (redacted), and how the row was redacted
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("principal", sa.Text),
    sa.Column("api_key_id", sa.Text),
    sa.Column("tags", JSONB, nullable=False, server_default="{}"),
    sa.Column("sources", JSONB, nullable=False, server_default="[]"),
    sa.Column("redaction", sa.Text, nullable=False, server_default="none"),
    sa.Index("asks_tenant_ts", "tenant", "ts"),
)

# -- evaluation (0010) ----------------------------------------------------------------------
# A run evaluates candidates (app variants) over items (a dataset, copied in so a resumed
# run sees the same items), ``repeats`` times each. One result row per (candidate, item,
# repeat) is committed as soon as it is scored, with its scores in ``eval_scores``: a
# crashed run resumes by running only the missing rows. Model responses are cached by
# model, parameters and the exact messages, so a re-run makes no model call.

eval_runs = sa.Table(
    "eval_runs",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("status", sa.Text, nullable=False),  # running | done | interrupted | failed
    sa.Column("name", sa.Text, nullable=False),  # the suite's name
    sa.Column("suite", JSONB, nullable=False),  # the suite as resolved (metrics, judge, seed)
    sa.Column("dataset", sa.Text, nullable=False),  # its path, as given
    sa.Column("dataset_sha", sa.Text, nullable=False),  # checksum of the items as loaded
    sa.Column("repeats", sa.Integer, nullable=False),
    sa.Column("summary", JSONB),  # the report, once the run is done
    sa.Index("eval_runs_created", "created_at"),
)

eval_candidates = sa.Table(
    "eval_candidates",
    metadata,
    sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
    sa.Column("name", sa.Text),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("spec", JSONB, nullable=False),  # model, strategy, prompt: the matrix cell
    sa.Column("app", JSONB, nullable=False),  # the AppConfig it ran (what promote would serve)
    sa.PrimaryKeyConstraint("run_id", "name"),
)

eval_items = sa.Table(
    "eval_items",
    metadata,
    sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
    sa.Column("item_id", sa.Text),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("item", JSONB, nullable=False),  # the dataset line as loaded
    sa.PrimaryKeyConstraint("run_id", "item_id"),
)

eval_results = sa.Table(
    "eval_results",
    metadata,
    sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
    sa.Column("candidate", sa.Text),
    sa.Column("item_id", sa.Text),
    sa.Column("repeat", sa.Integer),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("trace_id", sa.Text, nullable=False),  # the ask (audit, ledger) it came from
    sa.Column("status", sa.Text, nullable=False),  # answered | blocked | cancelled | error
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("cached", sa.Boolean, nullable=False),  # the model's response came from the cache
    sa.Column("retrieved", JSONB, nullable=False),  # [{source, chunk, score}] before checks
    sa.Column("findings", JSONB, nullable=False),
    sa.Column("prompt_tokens", sa.Integer, nullable=False),
    sa.Column("completion_tokens", sa.Integer, nullable=False),
    sa.Column("total_ms", sa.Float, nullable=False),  # the ask, with the model's own time
    sa.Column("model_ms", sa.Float, nullable=False),  # the model call (as first measured)
    sa.Column("ttft_ms", sa.Float, nullable=False),
    sa.Column("cost_usd", sa.Float, nullable=False),  # the answer at the catalog price
    sa.Column("billed_usd", sa.Float, nullable=False),  # what this run paid (0 when cached)
    sa.PrimaryKeyConstraint("run_id", "candidate", "item_id", "repeat"),
)

eval_scores = sa.Table(
    "eval_scores",
    metadata,
    sa.Column("run_id", sa.Text),
    sa.Column("candidate", sa.Text),
    sa.Column("item_id", sa.Text),
    sa.Column("repeat", sa.Integer),
    sa.Column("metric", sa.Text),
    sa.Column("value", sa.Float),  # 0..1; NULL where the metric does not apply to the item
    sa.Column("reason", sa.Text, nullable=False, server_default=""),
    sa.Column("detail", JSONB, nullable=False, server_default="{}"),
    sa.PrimaryKeyConstraint("run_id", "candidate", "item_id", "repeat", "metric"),
    sa.ForeignKeyConstraint(
        ["run_id", "candidate", "item_id", "repeat"],
        [
            "eval_results.run_id",
            "eval_results.candidate",
            "eval_results.item_id",
            "eval_results.repeat",
        ],
        ondelete="CASCADE",
    ),
)

eval_response_cache = sa.Table(
    "eval_response_cache",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),  # sha256 of model, parameters, messages
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("model", sa.Text, nullable=False),
    sa.Column("request", JSONB, nullable=False),  # what the key was computed from
    sa.Column("pieces", JSONB, nullable=False),  # the text as streamed, piece by piece
    sa.Column("text", sa.Text, nullable=False),  # the reply as the provider returned it
    sa.Column("prompt_tokens", sa.Integer, nullable=False),
    sa.Column("completion_tokens", sa.Integer, nullable=False),
    sa.Column("tokens_estimated", sa.Boolean, nullable=False),
    sa.Column("finish_reason", sa.Text, nullable=False),
    sa.Column("latency_ms", sa.Float, nullable=False),
    sa.Column("ttft_ms", sa.Float, nullable=False),
    sa.Index("eval_response_cache_model", "model"),
)
