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
