"""server: rate limits per API key

Revision ID: 0014_rate_limits
Revises: 0013_api_keys
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_rate_limits"
down_revision = "0013_api_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("api_keys", sa.Column("rpm", sa.Integer))
    op.add_column("api_keys", sa.Column("tpm", sa.Integer))
    op.create_table(
        "rate_windows",
        sa.Column("key_id", sa.Text, primary_key=True),
        sa.Column("window_start", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("requests", sa.Integer, nullable=False, server_default="0"),
        sa.Column("tokens", sa.BigInteger, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("rate_windows")
    op.drop_column("api_keys", "tpm")
    op.drop_column("api_keys", "rpm")
