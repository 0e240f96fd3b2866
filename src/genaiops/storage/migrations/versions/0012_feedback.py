"""value: feedback on answers

Revision ID: 0012_feedback
Revises: 0011_costs
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0012_feedback"
down_revision = "0011_costs"
branch_labels = None
depends_on = None

NOW = sa.text("now()")


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("trace_id", sa.Text, nullable=False),
        sa.Column("app", sa.Text, nullable=False),
        sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
        sa.Column("rating", sa.SmallInteger, nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("principal", sa.Text),
        sa.Column("tags", JSONB, nullable=False, server_default="{}"),
        sa.CheckConstraint("rating IN (-1, 1)", name="feedback_rating"),
    )
    op.create_index("feedback_trace", "feedback", ["trace_id"])
    op.create_index("feedback_app_ts", "feedback", ["app", "ts"])


def downgrade() -> None:
    op.drop_table("feedback")
