"""A knowledge base: ingest (read -> chunk -> embed -> store) and retrieve top-k."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from genaiops.config import KnowledgeBaseConfig
from genaiops.knowledge.chunking import chunk_document
from genaiops.knowledge.connectors import Connector, SkippedFile, create_connector
from genaiops.knowledge.embedders import Embedder
from genaiops.knowledge.store import DocumentStore, KBStats, RetrievedChunk

__all__ = ["IngestReport", "KnowledgeBase"]

ProgressCallback = Callable[[str, int, int], None]  # (source, done, total)


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
            "folder", {"paths": self.config.paths, "include": self.config.include}, self.base_dir
        )

    def ingest(self, progress: ProgressCallback | None = None, prune: bool = True) -> IngestReport:
        """Bring the store in line with the folders: add new and changed files, skip
        unchanged ones (by checksum), remove files that disappeared (``prune``), and list
        files that could not be read without failing the batch."""
        start = time.perf_counter()
        report = IngestReport(self.name)
        self.store.ensure_kb(self.name, self.embedder.name, self.embedder.dim)
        known = self.store.checksums(self.name)
        connector = self.connector()
        docs = list(connector.documents())
        seen: set[str] = set()
        for i, doc in enumerate(docs):
            seen.add(doc.source)
            if known.get(doc.source) == doc.checksum:
                report.unchanged.append(doc.source)
            else:
                chunks = chunk_document(
                    doc.text,
                    doc.title,
                    self.embedder.count_tokens,
                    self.config.chunk_size,
                    self.config.chunk_overlap,
                )
                vectors = self.embedder.embed([c.embed_text for c in chunks])
                self.store.upsert(self.name, doc, chunks, vectors)
                (report.updated if doc.source in known else report.added).append(doc.source)
                report.chunks += len(chunks)
                report.tokens += sum(c.n_tokens for c in chunks)
            if progress is not None:
                progress(doc.source, i + 1, len(docs))
        report.skipped = list(connector.skipped)
        if prune:
            # a file that failed to read this time keeps its previous chunks
            failed = {s.source for s in report.skipped}
            gone = sorted(set(known) - seen - failed)
            self.store.delete(self.name, gone)
            report.removed = gone
        report.seconds = time.perf_counter() - start
        return report

    def retrieve(self, query: str, k: int = 4, min_score: float = -1.0) -> list[RetrievedChunk]:
        vector = self.embedder.embed_query(query)
        return [c for c in self.store.search(self.name, vector, k) if c.score >= min_score]

    def stats(self) -> KBStats:
        return self.store.stats(self.name)
