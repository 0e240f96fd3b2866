from pathlib import Path

import pytest
import sqlalchemy as sa

from genaiops.config import Settings
from genaiops.errors import StorageError
from genaiops.runtime import Runtime
from genaiops.storage import Database


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    import genaiops.storage.database as database_module

    cfg = Config()
    folder = Path(database_module.__file__).parent / "migrations"
    cfg.set_main_option("script_location", str(folder))
    heads = ScriptDirectory.from_config(cfg).get_heads()
    assert len(heads) == 1, f"migrations must form one chain; heads: {heads}"
    return str(heads[0])


HEAD = _head()


def test_schema_is_migrated_to_head(database: Database) -> None:
    assert database.schema_version() == HEAD
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
        assert ws.db.schema_version() == HEAD  # migrating again is a no-op
        assert "external PostgreSQL" in ws.db.describe()
        assert not (tmp_path / ".genaiops").exists()  # no embedded data folder was made
    finally:
        ws.close()


def test_unreachable_database_gives_a_clear_error() -> None:
    db = Database("postgresql://nobody:pw@127.0.0.1:1/none")
    with pytest.raises(StorageError, match="cannot connect to PostgreSQL .*GENAIOPS_DATABASE_URL"):
        db.engine  # noqa: B018


def test_migrations_and_the_schema_definition_agree(database: Database) -> None:
    """A database migrated to head has exactly the tables, columns, types and indexes of
    ``storage/schema.py``, which every query uses."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from genaiops.storage.schema import HNSW_INDEX_PREFIX, metadata

    def include(obj: object, name: str | None, kind: str, reflected: bool, compare: object) -> bool:
        if kind == "table" and name == "alembic_version":
            return False
        return not (kind == "index" and name is not None and name.startswith(HNSW_INDEX_PREFIX))

    with database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include}
        )
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_percentiles_agree_with_postgres(database: Database) -> None:
    from genaiops.stats import percentile

    values = [3.0, 1.0, 4.0, 1.5, 9.0, 2.6, 5.0]
    with database.engine.connect() as conn:
        for q in (0.0, 0.25, 0.5, 0.95, 1.0):
            sql = conn.execute(
                sa.text(
                    "SELECT percentile_cont(:q) WITHIN GROUP (ORDER BY v) "
                    "FROM unnest(CAST(:vals AS float8[])) AS v"
                ),
                {"q": q, "vals": values},
            ).scalar()
            assert percentile(values, q * 100) == pytest.approx(sql)


def test_server_memory_settings_scale_with_the_machine() -> None:
    from genaiops.storage.pgsettings import server_settings

    gb = 2**30
    assert server_settings(None) == {}  # unknown memory: PostgreSQL's defaults
    assert server_settings(512 * 2**20)["shared_buffers"] == "128MB"  # never below the default
    assert server_settings(4 * gb) == {
        "shared_buffers": "512MB",
        "effective_cache_size": "2048MB",
    }
    assert server_settings(64 * gb)["shared_buffers"] == "1024MB"  # at most 1 GB


def test_server_settings_are_written_once_and_included(tmp_path: Path) -> None:
    from genaiops.storage.pgsettings import SETTINGS_FILE, write_settings

    write_settings(tmp_path)  # not an initialized data folder: nothing is written
    assert not (tmp_path / SETTINGS_FILE).exists()
    conf = tmp_path / "postgresql.conf"
    conf.write_text("max_connections = 100")
    for _ in range(2):
        write_settings(tmp_path, {"shared_buffers": "256MB"})
    assert conf.read_text().splitlines() == [
        "max_connections = 100",
        f"include_if_exists = '{SETTINGS_FILE}'",
    ]
    assert "shared_buffers = '256MB'" in (tmp_path / SETTINGS_FILE).read_text()


def test_the_embedded_server_runs_with_the_sized_settings(database: Database) -> None:
    from genaiops.storage.pgsettings import memory_bytes, server_settings

    if not database.embedded:
        pytest.skip("an external server keeps its own settings")
    expected = server_settings(memory_bytes())
    query = sa.text(
        "SELECT setting::bigint * pg_size_bytes(unit) = pg_size_bytes(:value) "
        "FROM pg_settings WHERE name = :name"
    )
    with database.engine.connect() as conn:
        for name, value in expected.items():
            assert conn.execute(query, {"name": name, "value": value}).scalar(), name
