"""Connectors: where documents come from. Folders, SQL databases and S3-compatible buckets.

The contract (:class:`Connector`): ``documents()`` yields :class:`SourceDocument` objects
with stable ``source`` ids, and reports what it could not read in ``skipped`` instead of
failing the batch: a malformed file is listed with its reason and the rest is ingested.
Connector kinds are registered in the entry point group ``genaiops.connectors``
(:data:`genaiops.plugins.connectors`); ``from_config`` builds one from its options.

======  ===========================  ======================================================
kind    class                        source ids
======  ===========================  ======================================================
folder  :class:`FolderConnector`     the path relative to the project folder: docs/a.pdf
sql     :class:`SqlConnector`        <name>/<id> (name: the table's, unless set)
s3      :class:`S3Connector`         s3://<bucket>/<key> (the ``s3`` extra: s3fs)
======  ===========================  ======================================================

A row of a table read with ``rows_as_documents`` is ``<file's id>/<row id>``: the row ids
sit under their file's, so when a file or a database cannot be read this time, the rows
stored from it are kept rather than pruned (a read failure is not a deletion). Folders and
buckets share the format parsers of :mod:`genaiops.knowledge.parsers`, fed with bytes read
once, within ``max_file_mb``.
"""

from __future__ import annotations

import hashlib
import os
import re
import string
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, model_validator

from genaiops.knowledge.globs import glob_regex

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from genaiops.knowledge.parsers import TableOptions

__all__ = [
    "DEFAULT_INCLUDE",
    "Connector",
    "FolderConnector",
    "FolderConnectorConfig",
    "S3Connector",
    "S3ConnectorConfig",
    "Section",
    "SkippedFile",
    "SourceDocument",
    "SqlConnector",
    "SqlConnectorConfig",
    "create_connector",
]

#: the default of ``max_file_mb`` (knowledge base key and folder connector option)
DEFAULT_MAX_FILE_MB = 20.0

#: every format the parsers read (see :mod:`genaiops.knowledge.parsers`)
DEFAULT_INCLUDE = [
    "**/*.md", "**/*.markdown", "**/*.txt", "**/*.html", "**/*.htm", "**/*.pdf", "**/*.docx",
    "**/*.csv", "**/*.jsonl",
]  # fmt: skip

_ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"


@dataclass(frozen=True)
class Section:
    """A part of a document as its format gives it: a PDF page, a DOCX heading's section.
    ``start_char`` is its offset in the document's ``text``."""

    text: str
    heading: str = ""  # "Title > Section"
    page: int | None = None  # 1-based page of a paged format
    start_char: int = 0


@dataclass(frozen=True)
class SourceDocument:
    """One document from a connector: its text (and, for paged or sectioned formats, its
    sections) with the metadata that retrieval filters and citations use."""

    source: str  # stable id: the path relative to the project folder, '/'-separated
    title: str
    text: str
    sections: tuple[Section, ...] = ()  # empty: the chunker finds sections in ``text``
    uri: str = ""  # where it came from: file path, s3://..., table + key
    mime: str = "text/plain"
    modified: datetime | None = None
    owner: str | None = None
    groups: tuple[str, ...] | None = None  # readers the source itself names; None: unknown
    meta: dict[str, str] = field(default_factory=dict)  # e.g. CSV columns

    @property
    def checksum(self) -> str:
        """Content and metadata that change what is stored: a changed ACL re-ingests."""
        h = hashlib.sha256(self.text.encode("utf-8"))
        h.update(repr((self.title, self.groups, sorted(self.meta.items()))).encode("utf-8"))
        return h.hexdigest()


@dataclass(frozen=True)
class SkippedFile:
    source: str
    reason: str


class Connector(ABC):
    """Where a knowledge base's documents come from."""

    config_model: ClassVar[type[BaseModel]]
    skipped: list[SkippedFile]

    @classmethod
    @abstractmethod
    def from_config(cls, config: Any, base_dir: Path) -> Connector:
        """Build from options validated by ``config_model``; paths relative to ``base_dir``."""

    @abstractmethod
    def documents(self) -> Iterator[SourceDocument]:
        """Every readable document, each ``source`` stable across runs; what cannot be read
        goes to ``skipped`` (reset at the start of each iteration), never raised."""


def create_connector(kind: str, options: dict[str, Any], base_dir: Path) -> Connector:
    """A connector of a registered kind, its options validated by the kind's schema."""
    from genaiops.errors import PluginError
    from genaiops.plugins import connectors, validate_options

    cls = connectors.get(kind, key="connector")
    if not (isinstance(cls, type) and issubclass(cls, Connector)):
        raise PluginError(f"the connector {kind!r} ({cls!r}) is not a genaiops Connector")
    return cls.from_config(validate_options(cls.config_model, options, "connector"), base_dir)


# -- files: shared by the folder and S3 connectors ---------------------------------------


class _TableFields(BaseModel):
    """How CSV and JSON Lines files become documents (see :mod:`.parsers.tables`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rows_as_documents: bool = Field(False, description="a document per row, not per file")
    text_columns: list[str] = Field(
        default_factory=list, description="the columns that make a row's text; none: all"
    )
    title_column: str | None = None
    id_column: str | None = Field(None, description="a unique column: stable row ids")

    def table_options(self) -> TableOptions:
        from genaiops.knowledge.parsers import TableOptions

        return TableOptions(
            self.rows_as_documents, tuple(self.text_columns), self.title_column, self.id_column
        )


def _too_large(size: int, max_file_mb: float) -> str:
    # a huge file is usually an export or a log, not a document; the limit keeps one from
    # stalling an ingest (or filling memory), and the reason names the key to raise
    return (
        f"{size / 1_000_000:.2f} MB, over the max_file_mb limit of {max_file_mb:g} MB; "
        f"raise the knowledge base's max_file_mb to ingest it"
    )


class FolderConnectorConfig(_TableFields):
    paths: list[str] = Field(min_length=1)
    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    max_file_mb: float = Field(DEFAULT_MAX_FILE_MB, gt=0)


class FolderConnector(Connector):
    """Files under one or more folders matching glob patterns, each read by the parser of
    its suffix (:mod:`genaiops.knowledge.parsers`; any other suffix as UTF-8 text)."""

    config_model = FolderConnectorConfig

    @classmethod
    def from_config(cls, config: Any, base_dir: Path) -> Connector:
        assert isinstance(config, FolderConnectorConfig)
        paths = [
            p if (p := Path(raw).expanduser()).is_absolute() else base_dir / p
            for raw in config.paths
        ]
        return cls(paths, config.include, base_dir, config.max_file_mb, config.table_options())

    def __init__(
        self,
        paths: Sequence[Path],
        include: Sequence[str] = DEFAULT_INCLUDE,
        base_dir: Path = Path(),
        max_file_mb: float = DEFAULT_MAX_FILE_MB,
        tables: TableOptions | None = None,
    ) -> None:
        self.paths = list(paths)
        self.include = list(include)
        self.base_dir = base_dir
        self.max_file_mb = max_file_mb
        self.tables = tables
        self.skipped: list[SkippedFile] = []

    def _files(self) -> list[Path]:
        found: set[Path] = set()
        for root in self.paths:
            if root.is_file():
                found.add(root)
            elif root.is_dir():
                for pattern in self.include:
                    found.update(p for p in root.glob(pattern) if p.is_file())
            else:
                self.skipped.append(SkippedFile(self._rel(root), "path does not exist"))
        return sorted(found)

    def _rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.base_dir.resolve()).as_posix()
        except ValueError:
            return path.resolve().as_posix()

    def documents(self) -> Iterator[SourceDocument]:
        from genaiops.knowledge.parsers import TableOptions, to_documents

        self.skipped = []
        limit = int(self.max_file_mb * 1_000_000)
        for path in self._files():
            source = self._rel(path)
            try:
                stat = path.stat()
                if stat.st_size > limit:
                    reason = _too_large(stat.st_size, self.max_file_mb)
                    self.skipped.append(SkippedFile(source, reason))
                    continue
                data = read_at_most(path, limit)
            except OSError as exc:
                self.skipped.append(SkippedFile(source, f"unreadable: {exc.strerror or exc}"))
                continue
            if data is None:  # grew past the limit since stat()
                self.skipped.append(SkippedFile(source, _too_large(limit + 1, self.max_file_mb)))
                continue
            modified = datetime.fromtimestamp(stat.st_mtime, UTC)
            yield from to_documents(
                data, source, path.resolve().as_uri(), modified,
                self.tables or TableOptions(), self.skipped,
            )  # fmt: skip


def read_at_most(path: Path, limit: int) -> bytes | None:
    """The file's bytes, read once; None when it holds more than ``limit`` bytes (it may
    have grown since its size was checked): memory stays bounded by the limit."""
    with path.open("rb") as f:
        data = f.read(limit + 1)
    return None if len(data) > limit else data


# -- SQL ---------------------------------------------------------------------------------


class SqlConnectorConfig(BaseModel):
    """A table or a query of any database SQLAlchemy reaches; one document per row.

    The password never sits in the project file: ``url`` has none and ``password_env``
    names the environment variable that holds it, or ``url_env`` names one holding the
    whole URL. A relative SQLite path is relative to the project folder."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str | None = Field(None, description="SQLAlchemy URL without a password")
    password_env: str | None = Field(None, pattern=_ENV_NAME)
    url_env: str | None = Field(None, pattern=_ENV_NAME, description="a variable with the URL")
    table: str | None = Field(None, description="a table (schema.table) or view, read whole")
    query: str | None = Field(None, description="a SELECT; the rows become documents")
    name: str | None = Field(None, description="the prefix of source ids; default: table")
    id_column: str = Field(description="a unique column: stable source ids")
    title_column: str | None = None
    template: str | None = Field(
        None, description="a Python format string over the row's columns; none: all columns"
    )
    changed_column: str | None = Field(
        None, description="a change marker (updated_at): a new value re-ingests the row"
    )

    @model_validator(mode="after")
    def _check(self) -> SqlConnectorConfig:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        if (self.url is None) == (self.url_env is None):
            raise ValueError("give exactly one of url (with password_env) and url_env")
        if self.url_env and self.password_env:
            raise ValueError("password_env goes with url; url_env holds the whole URL")
        if self.url is not None:
            try:
                password = make_url(self.url).password
            except (ArgumentError, ValueError):  # their message may repeat the URL
                raise ValueError(
                    "url: not an SQLAlchemy URL (dialect+driver://user@host:port/database)"
                ) from None
            if password is not None:
                raise ValueError(
                    "url holds a password: secrets never belong in the project file; remove "
                    "it and name the environment variable that holds it in password_env "
                    "(or put the whole URL in a variable named by url_env)"
                )
        if (self.table is None) == (self.query is None):
            raise ValueError("give exactly one of table and query")
        if self.query is not None and not self.name:
            raise ValueError("name: required with query (the prefix of the rows' source ids)")
        if self.template is not None:
            try:
                list(string.Formatter().parse(self.template))
            except ValueError as exc:
                raise ValueError(f"template: not a format string ({exc})") from None
        return self


def _template_fields(template: str) -> set[str]:
    fields = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name:
            fields.add(re.split(r"[.\[]", name, maxsplit=1)[0])
    return fields


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None


class SqlConnector(Connector):
    """Rows of a table or query as documents, rendered by ``template``.

    Reading opens one connection (no pool), streams the rows, and closes. SQLite files are
    opened read-only, so a mistyped path is reported as unreadable instead of creating an
    empty database that would read as "every row was deleted". A database that cannot be
    reached is one ``skipped`` entry naming the URL without its password; nothing raises.
    """

    config_model = SqlConnectorConfig

    @classmethod
    def from_config(cls, config: Any, base_dir: Path) -> Connector:
        assert isinstance(config, SqlConnectorConfig)
        return cls(config, base_dir)

    def __init__(self, config: SqlConnectorConfig, base_dir: Path) -> None:
        self.config = config
        self.base_dir = base_dir
        self.name = config.name or str(config.table)
        self.skipped: list[SkippedFile] = []

    def _url(self) -> tuple[URL, str]:
        """The URL to connect with, its secret read from the environment now, and how to
        name it in messages (no password; a SQLite file by its absolute path)."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        cfg = self.config
        if cfg.url_env:
            try:
                url = make_url(os.environ.get(cfg.url_env) or "")
            except (ArgumentError, ValueError):  # the message would repeat the URL
                raise _NotConfigured(
                    f"the environment variable {cfg.url_env} (url_env) is not set to an "
                    f"SQLAlchemy URL"
                ) from None
        else:
            url = make_url(str(cfg.url))
            if cfg.password_env:
                password = os.environ.get(cfg.password_env)
                if password is None:
                    raise _NotConfigured(
                        f"the environment variable {cfg.password_env} (password_env) is not "
                        f"set; set it to the password of {url.render_as_string()}"
                    )
                url = url.set(password=password)
        db = url.database
        if url.get_backend_name() != "sqlite" or not db or db == ":memory:":
            return url, url.render_as_string(hide_password=True)
        if db.startswith("file:"):
            return url, url.render_as_string(hide_password=True)
        path = Path(db).expanduser()
        path = (path if path.is_absolute() else self.base_dir / path).resolve()
        # read-only: a mistyped path fails instead of creating an empty database
        read_only = url.set(
            database=f"file:{quote(str(path))}", query={**url.query, "mode": "ro", "uri": "true"}
        )
        return read_only, url.set(database=str(path)).render_as_string(hide_password=True)

    def _statement(self) -> Any:
        import sqlalchemy as sa

        cfg = self.config
        if cfg.query is not None:
            return sa.text(cfg.query)
        schema, _, table = str(cfg.table).rpartition(".")
        return (
            sa.select(sa.text("*"))
            .select_from(sa.table(table, schema=schema or None))
            .order_by(sa.column(cfg.id_column))
        )

    def _missing(self, columns: list[str]) -> str | None:
        cfg = self.config
        wanted = [cfg.id_column, cfg.title_column, cfg.changed_column]
        wanted += sorted(_template_fields(cfg.template or ""))
        missing = [c for c in wanted if c is not None and c not in columns]
        if not missing:
            return None
        return f"the rows have no column {missing[0]!r}; their columns: {', '.join(columns)}"

    def _document(self, row: Mapping[Any, Any], columns: list[str], where: str) -> SourceDocument:
        cfg = self.config
        values = {k: "" if v is None else v for k, v in row.items()}
        key = str(values[cfg.id_column])
        if cfg.template is not None:
            text = cfg.template.format_map(values)
            shown = _template_fields(cfg.template)
        else:
            text = "\n".join(f"{c}: {values[c]}" for c in columns if str(values[c]).strip())
            shown = set(columns)
        title = str(values[cfg.title_column]) if cfg.title_column else ""
        meta = {c: str(values[c]) for c in columns if c not in shown}
        modified = None
        if cfg.changed_column:
            meta[cfg.changed_column] = str(values[cfg.changed_column])
            modified = _as_datetime(row[cfg.changed_column])
        return SourceDocument(
            f"{self.name}/{key}",
            title or f"{self.name} {key}",
            text,
            uri=f"{where}#{self.name}/{key}",
            modified=modified,
            meta=meta,
        )

    def documents(self) -> Iterator[SourceDocument]:
        import sqlalchemy as sa
        from sqlalchemy.exc import SQLAlchemyError

        self.skipped = []
        where = self.config.url or f"${self.config.url_env}"
        try:
            url, where = self._url()
            engine = sa.create_engine(url, poolclass=sa.NullPool)
        except _NotConfigured as exc:
            self.skipped.append(SkippedFile(self.name, str(exc)))
            return
        except (SQLAlchemyError, ImportError) as exc:  # a bad URL, or no driver installed
            self.skipped.append(SkippedFile(self.name, f"cannot use {where}: {_brief(exc, None)}"))
            return
        try:
            with engine.connect() as conn:
                result = conn.execution_options(stream_results=True, yield_per=500).execute(
                    self._statement()
                )
                columns = list(result.keys())
                if problem := self._missing(columns):
                    self.skipped.append(SkippedFile(self.name, problem))
                    return
                for row in result.mappings():
                    source = f"{self.name}/{row[self.config.id_column]}"
                    try:
                        yield self._document(row, columns, where)
                    except (KeyError, IndexError, ValueError, TypeError, AttributeError) as exc:
                        # a row the template cannot render (a NULL in a {price:.2f}): that row
                        self.skipped.append(
                            SkippedFile(source, f"template: {type(exc).__name__}: {exc}")
                        )
        except SQLAlchemyError as exc:
            self.skipped.append(SkippedFile(self.name, f"cannot read {where}: {_brief(exc, url)}"))
        finally:
            engine.dispose()


class _NotConfigured(Exception):
    """A secret the connector needs is not in the environment."""


def _brief(exc: BaseException, url: URL | None) -> str:
    """The driver's own first line, without SQLAlchemy's statement echo, and never the
    password, even when a driver repeats the URL in its message."""
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    text = f"{type(exc).__name__}: {detail[0] if detail else ''}"
    if url is not None and url.password:
        text = text.replace(str(url.password), "***")
    return text


# -- S3 ----------------------------------------------------------------------------------


class S3ConnectorConfig(_TableFields):
    """Objects in an S3-compatible bucket (AWS, MinIO, Ceph, R2 ...), read like a folder's
    files. Credentials come from the environment variables named here; when those are not
    set, from the AWS default chain (profile, instance role)."""

    bucket: str = Field(min_length=1)
    prefix: str = Field("", description="only keys under this prefix (a 'folder')")
    endpoint_url: str | None = Field(None, description="for S3-compatible stores")
    region: str | None = None
    access_key_env: str = Field("AWS_ACCESS_KEY_ID", pattern=_ENV_NAME)
    secret_key_env: str = Field("AWS_SECRET_ACCESS_KEY", pattern=_ENV_NAME)
    session_token_env: str = Field("AWS_SESSION_TOKEN", pattern=_ENV_NAME)
    anonymous: bool = Field(False, description="a public bucket: no credentials")
    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    max_file_mb: float = Field(DEFAULT_MAX_FILE_MB, gt=0)


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A key pattern as ``Path.glob`` reads it (see :mod:`genaiops.knowledge.globs`)."""
    return re.compile(glob_regex(pattern))


class S3Connector(Connector):
    """Objects under a bucket's prefix matching ``include``, through fsspec/s3fs (the
    ``s3`` extra), parsed by the same parsers as a folder's files."""

    config_model = S3ConnectorConfig

    @classmethod
    def from_config(cls, config: Any, base_dir: Path) -> Connector:
        import importlib.util

        from genaiops.errors import DependencyError

        assert isinstance(config, S3ConnectorConfig)
        if importlib.util.find_spec("s3fs") is None:
            raise DependencyError(
                "the s3 connector needs s3fs; install it with: pip install 'genaiops[s3]'"
            )
        return cls(config)

    def __init__(self, config: S3ConnectorConfig) -> None:
        self.config = config
        self.root = f"{config.bucket}/{config.prefix.strip('/')}".rstrip("/")
        self.skipped: list[SkippedFile] = []

    def _filesystem(self) -> Any:
        import s3fs

        cfg = self.config
        key, secret = os.environ.get(cfg.access_key_env), os.environ.get(cfg.secret_key_env)
        credentials = {"key": key, "secret": secret} if key and secret else {}
        if credentials and (token := os.environ.get(cfg.session_token_env)):
            credentials["token"] = token
        return s3fs.S3FileSystem(
            anon=cfg.anonymous,
            endpoint_url=cfg.endpoint_url,
            client_kwargs={"region_name": cfg.region} if cfg.region else {},
            # a fresh client and listing each time: a cached one would miss new objects
            skip_instance_cache=True,
            use_listings_cache=False,
            config_kwargs={"connect_timeout": 10, "retries": {"max_attempts": 2}},
            **(credentials if not cfg.anonymous else {}),
        )

    def documents(self) -> Iterator[SourceDocument]:
        from botocore.exceptions import BotoCoreError, ClientError

        from genaiops.knowledge.parsers import to_documents

        self.skipped = []
        cfg = self.config
        where = f"s3://{self.root}" + (f" at {cfg.endpoint_url}" if cfg.endpoint_url else "")
        patterns = [_glob_regex(p) for p in cfg.include]
        limit = int(cfg.max_file_mb * 1_000_000)
        try:
            fs = self._filesystem()
            listing: dict[str, dict[str, Any]] = fs.find(self.root, detail=True)
        except (OSError, BotoCoreError, ClientError) as exc:
            reason = f"cannot list {where}: {type(exc).__name__}: {exc}"
            self.skipped.append(SkippedFile(f"s3://{self.root}", reason))
            return
        for path, info in sorted(listing.items()):
            rel = path[len(self.root) :].lstrip("/")
            if info.get("type") != "file" or not any(p.match(rel) for p in patterns):
                continue
            source = f"s3://{path}"
            size = int(info.get("size") or 0)
            if size > limit:
                self.skipped.append(SkippedFile(source, _too_large(size, cfg.max_file_mb)))
                continue
            try:
                data: bytes = fs.cat_file(path, start=0, end=limit + 1)
            except (OSError, BotoCoreError, ClientError) as exc:
                self.skipped.append(SkippedFile(source, f"unreadable: {type(exc).__name__}: {exc}"))
                continue
            if len(data) > limit:  # replaced by a larger object since the listing
                self.skipped.append(SkippedFile(source, _too_large(len(data), cfg.max_file_mb)))
                continue
            modified = info.get("LastModified")
            yield from to_documents(
                data, source, source, modified if isinstance(modified, datetime) else None,
                cfg.table_options(), self.skipped,
            )  # fmt: skip
