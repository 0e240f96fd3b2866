"""knowledge: the keyword arm indexes each chunk's heading with its text

A chunk's heading ("Trailhawk 2 Electric Mountain Bike > Key Specifications") was embedded
with its text but left out of the full-text vector, so a keyword query naming the product
matched every product's specification chunk equally. The generated column is rebuilt from
``heading || text`` (PostgreSQL recomputes it for every stored chunk; nothing is re-embedded).

Revision ID: 0015_keyword_heading
Revises: 0014_rate_limits
"""

from alembic import op

revision = "0015_keyword_heading"
down_revision = "0014_rate_limits"
branch_labels = None
depends_on = None


def _tsv(expression: str) -> None:
    op.execute("DROP INDEX IF EXISTS chunks_tsv")
    op.execute("ALTER TABLE chunks DROP COLUMN tsv")
    op.execute(
        "ALTER TABLE chunks ADD COLUMN tsv tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('english', {expression})) STORED"
    )
    op.execute("CREATE INDEX chunks_tsv ON chunks USING gin (tsv)")


def upgrade() -> None:
    _tsv("heading || E'\\n' || text")


def downgrade() -> None:
    _tsv("text")
