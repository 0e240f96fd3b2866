"""Connectors: where documents come from. First cut: folders of Markdown and text files.

The contract (:class:`Connector`): ``documents()`` yields :class:`SourceDocument` objects
with stable ``source`` ids, and reports what it could not read in ``skipped`` instead of
failing the batch: a malformed file is listed with its reason and the rest is ingested.
Connector kinds are registered in the entry point group ``genaiops.connectors``
(:data:`genaiops.plugins.connectors`); ``from_config`` builds one from its options.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from genaiops.knowledge.chunking import document_title

__all__ = [
    "Connector",
    "FolderConnector",
    "FolderConnectorConfig",
    "Section",
    "SkippedFile",
    "SourceDocument",
    "create_connector",
]

#: the default of ``max_file_mb`` (knowledge base key and folder connector option)
DEFAULT_MAX_FILE_MB = 20.0


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


class FolderConnectorConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    paths: list[str] = Field(min_length=1)
    include: list[str] = ["**/*.md", "**/*.markdown", "**/*.txt"]
    max_file_mb: float = Field(DEFAULT_MAX_FILE_MB, gt=0)


def create_connector(kind: str, options: dict[str, Any], base_dir: Path) -> Connector:
    """A connector of a registered kind, its options validated by the kind's schema."""
    from genaiops.errors import PluginError
    from genaiops.plugins import connectors, validate_options

    cls = connectors.get(kind, key="connector")
    if not (isinstance(cls, type) and issubclass(cls, Connector)):
        raise PluginError(f"the connector {kind!r} ({cls!r}) is not a genaiops Connector")
    return cls.from_config(validate_options(cls.config_model, options, "connector"), base_dir)


class FolderConnector(Connector):
    """Files under one or more folders matching glob patterns, read as UTF-8 text."""

    config_model = FolderConnectorConfig

    @classmethod
    def from_config(cls, config: Any, base_dir: Path) -> Connector:
        assert isinstance(config, FolderConnectorConfig)
        paths = [
            p if (p := Path(raw).expanduser()).is_absolute() else base_dir / p
            for raw in config.paths
        ]
        return cls(paths, config.include, base_dir, max_file_mb=config.max_file_mb)

    def __init__(
        self,
        paths: Sequence[Path],
        include: Sequence[str],
        base_dir: Path,
        max_file_mb: float = DEFAULT_MAX_FILE_MB,
    ) -> None:
        self.paths = list(paths)
        self.include = list(include)
        self.base_dir = base_dir
        self.max_file_mb = max_file_mb
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
        self.skipped = []
        for path in self._files():
            source = self._rel(path)
            try:
                size = path.stat().st_size
                if size > self.max_file_mb * 1_000_000:
                    # a huge file is usually an export or a log, not a document; the limit
                    # keeps one from stalling an ingest, and the reason names the key
                    self.skipped.append(
                        SkippedFile(
                            source,
                            f"{size / 1_000_000:.2f} MB, over the max_file_mb limit of "
                            f"{self.max_file_mb:g} MB; raise the knowledge base's max_file_mb "
                            f"to ingest it",
                        )
                    )
                    continue
                raw = path.read_bytes()
            except OSError as exc:
                self.skipped.append(SkippedFile(source, f"unreadable: {exc.strerror or exc}"))
                continue
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                self.skipped.append(
                    SkippedFile(source, f"not UTF-8 text (byte {exc.start}); convert it to UTF-8")
                )
                continue
            if "\x00" in text:
                self.skipped.append(SkippedFile(source, "binary content (NUL bytes)"))
                continue
            if not text.strip():
                self.skipped.append(SkippedFile(source, "empty"))
                continue
            yield SourceDocument(source, document_title(text, path.stem), text)
