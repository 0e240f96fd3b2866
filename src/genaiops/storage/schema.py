"""Table definitions used by queries. Migrations (``migrations/versions``) create them."""

from __future__ import annotations

import sqlalchemy as sa
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR

metadata = sa.MetaData()

knowledge_bases = sa.Table(
    "knowledge_bases",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("embedder", sa.Text, nullable=False),
    sa.Column("dim", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("kb", sa.Text, sa.ForeignKey("knowledge_bases.name", ondelete="CASCADE")),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("checksum", sa.Text, nullable=False),
    sa.Column("acl_groups", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("meta", JSONB, nullable=False, server_default="{}"),
    sa.Column("n_chars", sa.Integer, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    sa.UniqueConstraint("kb", "source"),
)

chunks = sa.Table(
    "chunks",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("document_id", sa.BigInteger, sa.ForeignKey("documents.id", ondelete="CASCADE")),
    sa.Column("kb", sa.Text, nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("heading", sa.Text, nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("n_tokens", sa.Integer, nullable=False),
    sa.Column("embedding", Vector(), nullable=False),
    sa.Column("tsv", TSVECTOR, sa.Computed("to_tsvector('english', text)", persisted=True)),
)

usage_ledger = sa.Table(
    "usage_ledger",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
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
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("error", sa.Text),
)

asks = sa.Table(
    "asks",
    metadata,
    sa.Column("trace_id", sa.Text, primary_key=True),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.Column("app", sa.Text, nullable=False),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("citations", JSONB, nullable=False),
    sa.Column("findings", JSONB, nullable=False),
    sa.Column("timings", JSONB, nullable=False),
    sa.Column("cost_usd", sa.Float, nullable=False),
)

__all__ = ["asks", "chunks", "documents", "knowledge_bases", "metadata", "usage_ledger"]
