from pathlib import Path

import pytest
import sqlalchemy as sa

from genaiops.config import Settings
from genaiops.errors import StorageError
from genaiops.runtime import Runtime
from genaiops.storage import Database


def test_schema_is_migrated_to_head(database: Database) -> None:
    assert database.schema_version() == "0002_attribution"
    with database.engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        ext = conn.execute(sa.text("SELECT extversion FROM pg_extension WHERE extname='vector'"))
        assert ext.scalar() is not None
    assert {"knowledge_bases", "documents", "chunks", "usage_ledger", "asks"} <= tables


def test_external_url_is_used_instead_of_the_embedded_server(
    database_url: str,
    project,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    settings = Settings(database_url=database_url)  # type: ignore[arg-type]
    ws = Runtime(project, tmp_path, settings=settings)
    try:
        assert not ws.db.embedded
        assert ws.db.schema_version() == "0002_attribution"  # migrating again is a no-op
        assert "external PostgreSQL" in ws.db.describe()
        assert not (tmp_path / ".genaiops").exists()  # no embedded data folder was made
    finally:
        ws.close()


def test_unreachable_database_gives_a_clear_error() -> None:
    db = Database("postgresql://nobody:pw@127.0.0.1:1/none")
    with pytest.raises(StorageError, match="cannot connect to PostgreSQL .*GENAIOPS_DATABASE_URL"):
        db.engine  # noqa: B018
