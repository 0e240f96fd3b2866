"""evaluation: runs, their candidates, items, results and scores; the response cache

Revision ID: 0010_evaluation
Revises: 0003_documents_meta_acl
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0010_evaluation"
down_revision = "0003_documents_meta_acl"
branch_labels = None
depends_on = None

NOW = sa.text("now()")
RESULT_KEY = ["run_id", "candidate", "item_id", "repeat"]


def upgrade() -> None:
    op.create_table(
        "eval_runs",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("suite", JSONB, nullable=False),
        sa.Column("dataset", sa.Text, nullable=False),
        sa.Column("dataset_sha", sa.Text, nullable=False),
        sa.Column("repeats", sa.Integer, nullable=False),
        sa.Column("summary", JSONB),
    )
    op.create_index("eval_runs_created", "eval_runs", ["created_at"])
    op.create_table(
        "eval_candidates",
        sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
        sa.Column("name", sa.Text),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("spec", JSONB, nullable=False),
        sa.Column("app", JSONB, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "name"),
    )
    op.create_table(
        "eval_items",
        sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
        sa.Column("item_id", sa.Text),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("item", JSONB, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "item_id"),
    )
    op.create_table(
        "eval_results",
        sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
        sa.Column("candidate", sa.Text),
        sa.Column("item_id", sa.Text),
        sa.Column("repeat", sa.Integer),
        sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("trace_id", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("cached", sa.Boolean, nullable=False),
        sa.Column("retrieved", JSONB, nullable=False),
        sa.Column("findings", JSONB, nullable=False),
        sa.Column("prompt_tokens", sa.Integer, nullable=False),
        sa.Column("completion_tokens", sa.Integer, nullable=False),
        sa.Column("total_ms", sa.Float, nullable=False),
        sa.Column("model_ms", sa.Float, nullable=False),
        sa.Column("ttft_ms", sa.Float, nullable=False),
        sa.Column("cost_usd", sa.Float, nullable=False),
        sa.Column("billed_usd", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint(*RESULT_KEY),
    )
    op.create_table(
        "eval_scores",
        sa.Column("run_id", sa.Text),
        sa.Column("candidate", sa.Text),
        sa.Column("item_id", sa.Text),
        sa.Column("repeat", sa.Integer),
        sa.Column("metric", sa.Text),
        sa.Column("value", sa.Float),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("detail", JSONB, nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint(*RESULT_KEY, "metric"),
        sa.ForeignKeyConstraint(
            RESULT_KEY, [f"eval_results.{c}" for c in RESULT_KEY], ondelete="CASCADE"
        ),
    )
    op.create_table(
        "eval_response_cache",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("model", sa.Text, nullable=False),
        sa.Column("request", JSONB, nullable=False),
        sa.Column("pieces", JSONB, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("prompt_tokens", sa.Integer, nullable=False),
        sa.Column("completion_tokens", sa.Integer, nullable=False),
        sa.Column("tokens_estimated", sa.Boolean, nullable=False),
        sa.Column("finish_reason", sa.Text, nullable=False),
        sa.Column("latency_ms", sa.Float, nullable=False),
        sa.Column("ttft_ms", sa.Float, nullable=False),
    )
    op.create_index("eval_response_cache_model", "eval_response_cache", ["model"])
