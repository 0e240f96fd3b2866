"""documents: source metadata, tenant and access, chunking fingerprint; chunks: page and
access copied for filtered retrieval

Revision ID: 0003_documents_meta_acl
Revises: 0002_attribution
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY

revision = "0003_documents_meta_acl"
down_revision = "0002_attribution"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("uri", sa.Text, nullable=False, server_default=""))
    op.add_column(
        "documents", sa.Column("mime", sa.Text, nullable=False, server_default="text/plain")
    )
    op.add_column("documents", sa.Column("modified_at", sa.DateTime(timezone=True)))
    op.add_column("documents", sa.Column("owner", sa.Text))
    op.add_column(
        "documents", sa.Column("size_bytes", sa.BigInteger, nullable=False, server_default="0")
    )
    op.add_column(
        "documents", sa.Column("tenant", sa.Text, nullable=False, server_default="default")
    )
    op.add_column(
        "documents", sa.Column("public", sa.Boolean, nullable=False, server_default=sa.false())
    )
    op.add_column("documents", sa.Column("chunker", sa.Text, nullable=False, server_default=""))
    op.add_column("chunks", sa.Column("page", sa.Integer))
    op.add_column("chunks", sa.Column("tenant", sa.Text, nullable=False, server_default="default"))
    op.add_column(
        "chunks", sa.Column("acl_groups", ARRAY(sa.Text), nullable=False, server_default="{}")
    )
    op.add_column(
        "chunks", sa.Column("public", sa.Boolean, nullable=False, server_default=sa.false())
    )
    op.create_index("chunks_kb_tenant", "chunks", ["kb", "tenant"])
    op.create_index("chunks_acl", "chunks", ["acl_groups"], postgresql_using="gin")
