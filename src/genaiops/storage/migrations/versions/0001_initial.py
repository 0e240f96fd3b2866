"""initial: knowledge bases, documents, chunks (pgvector + full text), usage ledger, asks

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

NOW = sa.text("now()")


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS vector")
    op.create_table(
        "knowledge_bases",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("embedder", sa.Text, nullable=False),
        sa.Column("dim", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW),
    )
    op.create_table(
        "documents",
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
        sa.UniqueConstraint("kb", "source"),
    )
    op.create_table(
        "chunks",
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
    )
    op.create_index("chunks_kb", "chunks", ["kb"])
    op.create_index("chunks_document", "chunks", ["document_id"])
    op.create_index("chunks_tsv", "chunks", ["tsv"], postgresql_using="gin")
    op.create_table(
        "usage_ledger",
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
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("error", sa.Text),
    )
    op.create_index("usage_ledger_ts", "usage_ledger", ["ts"])
    op.create_index("usage_ledger_trace", "usage_ledger", ["trace_id"])
    op.create_table(
        "asks",
        sa.Column("trace_id", sa.Text, primary_key=True),
        sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("app", sa.Text, nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("citations", JSONB, nullable=False),
        sa.Column("findings", JSONB, nullable=False),
        sa.Column("timings", JSONB, nullable=False),
        sa.Column("cost_usd", sa.Float, nullable=False),
    )
