"""attribution: caller columns on the ledger and the audit, redacted sources, call purpose

Revision ID: 0002_attribution
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002_attribution"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _caller_columns(table: str) -> None:
    op.add_column(table, sa.Column("tenant", sa.Text, nullable=False, server_default="default"))
    op.add_column(table, sa.Column("principal", sa.Text))
    op.add_column(table, sa.Column("api_key_id", sa.Text))
    op.add_column(table, sa.Column("tags", JSONB, nullable=False, server_default="{}"))


def upgrade() -> None:
    op.add_column(
        "usage_ledger", sa.Column("purpose", sa.Text, nullable=False, server_default="answer")
    )
    op.add_column("usage_ledger", sa.Column("finish_reason", sa.Text))
    _caller_columns("usage_ledger")
    op.create_index("usage_ledger_tenant_ts", "usage_ledger", ["tenant", "ts"])
    _caller_columns("asks")
    op.add_column("asks", sa.Column("sources", JSONB, nullable=False, server_default="[]"))
    op.add_column("asks", sa.Column("redaction", sa.Text, nullable=False, server_default="none"))
    op.create_index("asks_tenant_ts", "asks", ["tenant", "ts"])
