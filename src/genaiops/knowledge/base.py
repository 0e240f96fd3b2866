"""A knowledge base: ingest (read -> chunk -> embed -> store) and retrieve top-k."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from genaiops.config import KnowledgeBaseConfig
from genaiops.errors import ConfigError
from genaiops.knowledge.chunking import Chunk, chunk_document
from genaiops.knowledge.connectors import Connector, SkippedFile, create_connector
from genaiops.knowledge.embedders import Embedder, Vectors
from genaiops.knowledge.store import DocumentStore, KBStats, RetrievedChunk

__all__ = ["EMBED_BATCH", "IngestProgress", "IngestReport", "KnowledgeBase", "ProgressCallback"]

#: chunks embedded per call, so a large file reports progress while it is embedded
EMBED_BATCH = 64


@dataclass(frozen=True)
class IngestProgress:
    """Where an ingest stands. A file's first event comes *before* its work starts
    (``chunks == 0``: it is being chunked), then one after each embedded batch, so a
    progress bar names the file that is actually being worked on.

    ``file``/``files`` count only the new or changed files (unchanged ones cost nothing);
    ``bytes_done``/``bytes_total`` are their UTF-8 sizes, with the current file counted
    in proportion to its chunks embedded."""

    source: str
    file: int
    files: int
    chunks_done: int
    chunks: int
    bytes_done: int
    bytes_total: int


ProgressCallback = Callable[[IngestProgress], None]


@dataclass
class IngestReport:
    kb: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    chunks: int = 0
    tokens: int = 0
    seconds: float = 0.0

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.seconds if self.seconds > 0 else 0.0


def _kept(source: str, failed: set[str]) -> bool:
    """Whether a stored source must survive pruning: it, or a folder above it, could not
    be read this time (a read failure is not a deletion)."""
    return source in failed or any(source.startswith(f.rstrip("/") + "/") for f in failed)


class KnowledgeBase:
    def __init__(
        self,
        name: str,
        config: KnowledgeBaseConfig,
        embedder: Embedder,
        store: DocumentStore,
        base_dir: Path,
    ) -> None:
        self.name = name
        self.config = config
        self.embedder = embedder
        self.store = store
        self.base_dir = base_dir

    def connector(self) -> Connector:
        return create_connector(
            "folder",
            {
                "paths": self.config.paths,
                "include": self.config.include,
                "max_file_mb": self.config.max_file_mb,
            },
            self.base_dir,
        )

    def check_paths(self) -> None:
        """Raise :class:`ConfigError` if a configured path does not exist.

        Called before anything touches the store (and by the CLI before ``--rebuild``
        drops it): a mistyped folder reads as "no documents", which pruning would turn
        into deleting every stored document."""
        errors = self.config.missing_paths(self.name, self.base_dir)
        if errors:
            raise ConfigError("\n".join(errors) + "; nothing was ingested or removed")

    def check_finds_documents(self) -> None:
        """Raise :class:`ConfigError` if the folders yield no document while the store
        holds some: the check ``ingest`` makes before pruning, for callers that are about
        to drop the knowledge base (``--rebuild``) and would otherwise drop it for nothing."""
        stored = len(self.store.checksums(self.name))
        if not stored:
            return
        connector = self.connector()
        if next(iter(connector.documents()), None) is None:  # stops at the first document
            raise ConfigError(self._empty_message(stored, connector.skipped))

    def ingest(
        self,
        progress: ProgressCallback | None = None,
        prune: bool = True,
        allow_empty: bool = False,
    ) -> IngestReport:
        """Bring the store in line with the folders: add new and changed files, skip
        unchanged ones (by checksum), remove files that disappeared (``prune``), and list
        files that could not be read without failing the batch.

        Nothing in the store changes when a configured path is missing, nor when the
        folders yield no document at all while pruning would remove stored ones (an
        include pattern that matches nothing empties no knowledge base by accident);
        ``allow_empty`` permits the latter on purpose. Both raise :class:`ConfigError`."""
        start = time.perf_counter()
        report = IngestReport(self.name)
        self.check_paths()
        known = self.store.checksums(self.name)
        connector = self.connector()
        docs = list(connector.documents())
        report.skipped = list(connector.skipped)
        seen = {d.source for d in docs}
        failed = {s.source for s in report.skipped}
        gone = sorted(s for s in known if s not in seen and not _kept(s, failed)) if prune else []
        if not docs and gone and not allow_empty:
            raise ConfigError(self._empty_message(len(gone), report.skipped))
        self.store.ensure_kb(self.name, self.embedder.name, self.embedder.dim)
        todo = []
        for doc in docs:
            if known.get(doc.source) == doc.checksum:
                report.unchanged.append(doc.source)
            else:
                todo.append(doc)
        sizes = [len(doc.text.encode("utf-8")) for doc in todo]
        bytes_total, bytes_done = sum(sizes), 0
        for i, (doc, size) in enumerate(zip(todo, sizes, strict=True), 1):
            at = IngestProgress(doc.source, i, len(todo), 0, 0, bytes_done, bytes_total)
            chunks, vectors = self._chunk_and_embed(doc.text, doc.title, at, size, progress)
            self.store.upsert(self.name, doc, chunks, vectors)
            (report.updated if doc.source in known else report.added).append(doc.source)
            report.chunks += len(chunks)
            report.tokens += sum(c.n_tokens for c in chunks)
            bytes_done += size
        if gone:
            self.store.delete(self.name, gone)
        report.removed = gone
        report.seconds = time.perf_counter() - start
        return report

    def _chunk_and_embed(
        self,
        text: str,
        title: str,
        at: IngestProgress,
        size: int,
        progress: ProgressCallback | None,
    ) -> tuple[list[Chunk], Vectors]:
        """One file's chunks and vectors, embedded ``EMBED_BATCH`` chunks at a time.

        ``at`` is reported before chunking starts, then again after each batch, so a
        600 KB file shows its own name and moves while it is embedded."""
        if progress is not None:
            progress(at)
        chunks = chunk_document(
            text,
            title,
            self.embedder.count_tokens,
            self.config.chunk_size,
            self.config.chunk_overlap,
        )
        texts = [c.embed_text for c in chunks]
        parts: list[Vectors] = []
        for b in range(0, len(texts), EMBED_BATCH):
            parts.append(self.embedder.embed(texts[b : b + EMBED_BATCH]))
            if progress is not None:
                done = min(b + EMBED_BATCH, len(texts))
                share = size * done // len(texts)
                progress(
                    replace(
                        at, chunks_done=done, chunks=len(texts), bytes_done=at.bytes_done + share
                    )
                )
        if not parts:
            return chunks, np.zeros((0, self.embedder.dim), dtype=np.float32)
        return chunks, np.concatenate(parts)

    def _empty_message(self, n_gone: int, skipped: list[SkippedFile]) -> str:
        roots = ", ".join(str(path) for _, path in self.config.resolved_paths(self.base_dir))
        patterns = ", ".join(self.config.include)
        found = (
            f"the include patterns ({patterns}) matched no file under {roots}"
            if not skipped
            else f"no file under {roots} could be read ({len(skipped)} skipped)"
        )
        return (
            f"knowledge_bases.{self.name}.include: {found}, so this ingest would remove "
            f"{n_gone} stored document{'s' if n_gone != 1 else ''}; nothing was changed. "
            f"Fix the include patterns or paths, or pass --allow-empty (allow_empty=True) "
            f"to empty the knowledge base on purpose"
        )

    def retrieve(self, query: str, k: int = 4, min_score: float = -1.0) -> list[RetrievedChunk]:
        vector = self.embedder.embed_query(query)
        return [c for c in self.store.search(self.name, vector, k) if c.score >= min_score]

    def stats(self) -> KBStats:
        return self.store.stats(self.name)
