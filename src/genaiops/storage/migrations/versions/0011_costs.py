"""costs: the price table; budgets, their spend per period, reservations and events

Revision ID: 0011_costs
Revises: 0010_evaluation
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_costs"
down_revision = "0010_evaluation"
branch_labels = None
depends_on = None

NOW = sa.text("now()")
MONEY = sa.Numeric(24, 12)


def upgrade() -> None:
    op.create_table(
        "prices",
        sa.Column("model", sa.Text, primary_key=True),
        sa.Column("provider", sa.Text),
        sa.Column("mode", sa.Text),
        sa.Column("input_per_1m", sa.Float, nullable=False),
        sa.Column("output_per_1m", sa.Float, nullable=False),
        sa.Column("cached_input_per_1m", sa.Float),
        sa.Column("batch_input_per_1m", sa.Float),
        sa.Column("batch_output_per_1m", sa.Float),
        sa.Column("instance_per_hour", sa.Float, nullable=False, server_default="0"),
        sa.Column("concurrency", sa.Integer, nullable=False, server_default="1"),
        sa.Column("tokens_per_s", sa.Float),
        sa.Column("max_call_s", sa.Float),
        sa.Column("max_input_tokens", sa.Integer),
        sa.Column("max_output_tokens", sa.Integer),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("as_of", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    )
    op.create_table(
        "budgets",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("scope", sa.Text, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("limit_usd", MONEY, nullable=False),
        sa.Column("alert_at", sa.Float, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    )
    op.create_index("budgets_target", "budgets", ["scope", "subject"])
    op.create_table(
        "budget_windows",
        sa.Column("budget", sa.Text, sa.ForeignKey("budgets.name", ondelete="CASCADE")),
        sa.Column("window_start", sa.DateTime(timezone=True)),
        sa.Column("spent_usd", MONEY, nullable=False, server_default="0"),
        sa.Column("reserved_usd", MONEY, nullable=False, server_default="0"),
        sa.Column("alerted", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("budget", "window_start"),
    )
    op.create_table(
        "budget_reservations",
        sa.Column("id", sa.Text),
        sa.Column("budget", sa.Text),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("amount_usd", MONEY, nullable=False),
        sa.Column("trace_id", sa.Text),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", "budget"),
        sa.ForeignKeyConstraint(
            ["budget", "window_start"],
            ["budget_windows.budget", "budget_windows.window_start"],
            ondelete="CASCADE",
        ),
    )
    op.create_index("budget_reservations_expiry", "budget_reservations", ["expires_at"])
    op.create_index("budget_reservations_budget", "budget_reservations", ["budget"])
    op.create_table(
        "budget_events",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("budget", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True)),
        sa.Column("spent_usd", MONEY),
        sa.Column("limit_usd", MONEY),
        sa.Column("trace_id", sa.Text),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("budget_events_budget_ts", "budget_events", ["budget", "ts"])
