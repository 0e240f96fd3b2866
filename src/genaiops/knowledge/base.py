"""A knowledge base: ingest (read -> chunk -> screen PII -> embed -> store) and retrieve.

Where an ingest's time goes (``benchmarks/ingest_profile.py``: 506 Markdown files, 3,197
chunks, MiniLM int8 on one onnxruntime thread): the embedder takes about 94% of the CPU,
chunking 1-2%, and the database writes (one transaction per document, most of it the
server inserting into the HNSW index) 7-13% of the wall time when done inline, which is
why they run on a background thread (:class:`~genaiops.knowledge.sync.BackgroundWriter`)
while the next document is embedded. The embedder batches by padded tokens, not by count
(:class:`~genaiops.knowledge.embedders.MiniLMEmbedder`): on a CPU a long chunk is cheapest
alone, which cut the embedding CPU of SciFact abstracts by about 35%. Embed calls never
mix documents: once batches are sized by tokens, embedding the chunks of 32 documents
together (sorted by length) measured no gain on 300 SciFact abstracts (30.8 and 30.0 s
of CPU against 30.6 and 31.7 s), so progress events keep naming one file each.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from genaiops.config import KnowledgeBaseConfig
from genaiops.errors import ConfigError
from genaiops.knowledge import sync
from genaiops.knowledge.chunking import Chunk, chunk_text
from genaiops.knowledge.connectors import Connector, SkippedFile, SourceDocument, create_connector
from genaiops.knowledge.embedders import Embedder, Vectors
from genaiops.knowledge.ingest_pii import PiiFilter
from genaiops.knowledge.store import DocumentStore, KBStats, RetrievedChunk, StoredDocument

if TYPE_CHECKING:
    from genaiops.config import RetrievalConfig
    from genaiops.knowledge.acl import Reader
    from genaiops.knowledge.retrieval import Filters

__all__ = ["EMBED_BATCH", "IngestProgress", "IngestReport", "KnowledgeBase", "ProgressCallback"]

#: chunks embedded per call, so a large file reports progress while it is embedded
EMBED_BATCH = 64


@dataclass(frozen=True)
class IngestProgress:
    """Where an ingest stands. A file's first event comes *before* its work starts
    (``chunks == 0``: it is being chunked), then one after each embedded batch, so a
    progress bar names the file that is actually being worked on.

    ``file``/``files`` count only the files to (re)process (unchanged ones cost nothing);
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
    """What an ingest did, by source. ``rechunked``: same content, re-chunked and
    re-embedded because the chunking, embedder or PII settings changed; ``access_updated``:
    only who may read it changed; ``reembedded_from``: the embedder the knowledge base was
    switched from (every document re-embedded); ``pii_found``: per source, how many of
    each PII entity were found (and masked or their chunks dropped, ``pii_dropped``)."""

    kb: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    rechunked: list[str] = field(default_factory=list)
    access_updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    chunks: int = 0
    tokens: int = 0
    seconds: float = 0.0
    reembedded_from: str | None = None
    pii_found: dict[str, dict[str, int]] = field(default_factory=dict)
    pii_dropped: int = 0

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class _Prepared:
    """A document ready to write: its (screened) title, chunks and their vectors."""

    title: str
    chunks: list[Chunk]
    vectors: Vectors


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
        """The folder connector of ``paths``; :meth:`connectors` lists every source."""
        if not self.config.paths:
            raise ConfigError(
                f"knowledge_bases.{self.name}.paths: none; its sources are connectors"
            )
        folder = {
            "paths": self.config.paths,
            "include": self.config.include,
            "max_file_mb": self.config.max_file_mb,
        }
        return create_connector("folder", folder, self.base_dir)

    def connectors(self) -> list[Connector]:
        """The folder connector of ``paths`` (when there are any), then one per entry of
        ``sources``, each built from its options by its registered kind."""
        out: list[Connector] = [self.connector()] if self.config.paths else []
        for entry in self.config.sources:
            options = {k: v for k, v in entry.items() if k != "kind"}
            out.append(create_connector(str(entry["kind"]), options, self.base_dir))
        return out

    def read(self) -> tuple[list[SourceDocument], list[SkippedFile]]:
        """Every document every connector yields, and what could not be read. A source id
        yielded twice (two connectors naming documents alike) is kept once and listed."""
        docs: list[SourceDocument] = []
        skipped: list[SkippedFile] = []
        seen: set[str] = set()
        for connector in self.connectors():
            for doc in connector.documents():
                if doc.source in seen:
                    skipped.append(SkippedFile(doc.source, "read twice; the first was kept"))
                    continue
                seen.add(doc.source)
                docs.append(doc)
            skipped += connector.skipped
        return docs, skipped

    def check_paths(self) -> None:
        """Raise :class:`ConfigError` if a configured path does not exist.

        Called before anything touches the store (and by the CLI before ``--rebuild``
        drops it): a mistyped folder reads as "no documents", which pruning would turn
        into deleting every stored document."""
        errors = self.config.missing_paths(self.name, self.base_dir)
        if errors:
            raise ConfigError("\n".join(errors) + "; nothing was ingested or removed")

    def check_finds_documents(self) -> None:
        """Raise :class:`ConfigError` if the sources yield no document while the store
        holds some: the check ``ingest`` makes before pruning, for callers that are about
        to drop the knowledge base (``--rebuild``) and would otherwise drop it for nothing."""
        stored = len(self.store.checksums(self.name))
        if not stored:
            return
        skipped: list[SkippedFile] = []
        for connector in self.connectors():
            if next(iter(connector.documents()), None) is not None:  # stops at the first
                return
            skipped += connector.skipped
        raise ConfigError(self._empty_message(stored, skipped))

    def fingerprint(self) -> str:
        """The ``chunker`` fingerprint stored with each document (see :mod:`.sync`)."""
        return sync.fingerprint(self.config, self.embedder)

    def ingest(
        self,
        progress: ProgressCallback | None = None,
        prune: bool = True,
        allow_empty: bool = False,
    ) -> IngestReport:
        """Bring the store in line with the sources: add new documents, redo changed ones
        (by checksum) and those chunked or embedded with other settings (by fingerprint),
        update who may read the others, skip the rest, remove documents that disappeared
        (``prune``), and list what could not be read without failing the batch. An
        embedder change re-embeds every document (:meth:`DocumentStore.ensure_kb`).

        Each document is written in its own transaction: an ingest killed at any point
        loses no more than the documents in flight, which the next ingest redoes.

        Nothing in the store changes when a configured path is missing, nor when the
        sources yield no document at all while pruning would remove stored ones (an
        include pattern that matches nothing empties no knowledge base by accident);
        ``allow_empty`` permits the latter on purpose. Both raise :class:`ConfigError`."""
        start = time.perf_counter()
        report = IngestReport(self.name)
        self.check_paths()
        docs, report.skipped = self.read()
        stored = self.store.document_states(self.name)
        if prune:
            report.removed = self._gone(stored, docs, report.skipped)
        if not docs and report.removed and not allow_empty:
            raise ConfigError(self._empty_message(len(report.removed), report.skipped))
        report.reembedded_from = self.store.ensure_kb(
            self.name, self.embedder.name, self.embedder.dim, reembed=True
        )
        if report.reembedded_from is not None:  # every fingerprint was cleared
            stored = self.store.document_states(self.name)
        plan = sync.plan_sync(docs, stored, self.fingerprint(), sync.access_resolver(self.config))
        report.unchanged = plan.unchanged
        for source, access in plan.access:
            self.store.set_access(self.name, source, access)
            report.access_updated.append(source)
        self._write(plan.work, report, progress)
        self.store.delete(self.name, report.removed)
        report.seconds = time.perf_counter() - start
        return report

    @staticmethod
    def _gone(
        stored: Mapping[str, StoredDocument], docs: list[SourceDocument], skipped: list[SkippedFile]
    ) -> list[str]:
        seen = {d.source for d in docs}
        failed = {s.source for s in skipped}
        return sorted(
            s
            for s, state in stored.items()
            if s not in seen and not _kept(s, failed) and state.from_sources
        )  # a document uploaded through the API is not one of the sources: never pruned

    def _write(
        self, work: list[sync.Work], report: IngestReport, progress: ProgressCallback | None
    ) -> None:
        """Prepare each document (chunk, screen, embed) and hand it to the background
        writer, which stores it while the next one is prepared."""
        chunker = self.fingerprint()
        screen = PiiFilter(self.config.pii, self.name) if self.config.pii else None
        sizes = [len(w.doc.text.encode("utf-8")) for w in work]
        bytes_total, bytes_done = sum(sizes), 0
        with sync.BackgroundWriter() as writer:
            for i, (item, size) in enumerate(zip(work, sizes, strict=True), 1):
                at = IngestProgress(item.doc.source, i, len(work), 0, 0, bytes_done, bytes_total)
                ready = self._prepare(item.doc, screen, report, at, size, progress)
                writer.submit(
                    self.store.upsert,
                    self.name,
                    item.doc,
                    ready.chunks,
                    ready.vectors,
                    item.access,
                    chunker,
                    title=ready.title,
                )
                getattr(report, item.reason).append(item.doc.source)
                report.chunks += len(ready.chunks)
                report.tokens += sum(c.n_tokens for c in ready.chunks)
                bytes_done += size

    def _prepare(
        self,
        doc: SourceDocument,
        screen: PiiFilter | None,
        report: IngestReport,
        at: IngestProgress,
        size: int,
        progress: ProgressCallback | None,
    ) -> _Prepared:
        """One document's chunks (PII masked or dropped) and their vectors; ``at`` is
        reported before chunking starts."""
        if progress is not None:
            progress(at)
        count = self.embedder.count_tokens
        settings = sync.chunk_settings(self.config)
        chunks = chunk_text(doc.text, doc.title, count, settings, doc.sections)
        title = doc.title
        if screen is not None:
            screened = screen.screen(doc.text, doc.title, chunks, count)
            title, chunks = screened.title, screened.chunks
            report.pii_dropped += screened.dropped
            if screened.found:
                report.pii_found[doc.source] = screened.found
        return _Prepared(title, chunks, self._embed(chunks, at, size, progress))

    def _embed(
        self,
        chunks: list[Chunk],
        at: IngestProgress,
        size: int,
        progress: ProgressCallback | None,
    ) -> Vectors:
        """One document's vectors, ``EMBED_BATCH`` chunks a call with a progress event
        after each, so a 600 KB file shows its own name and moves while it is embedded.
        Calls never mix documents (measured: see the module docstring), so each progress
        event is about one file."""
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
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.concatenate(parts)

    def _empty_message(self, n_gone: int, skipped: list[SkippedFile]) -> str:
        roots = ", ".join(str(path) for _, path in self.config.resolved_paths(self.base_dir))
        patterns = ", ".join(self.config.include)
        where = f"under {roots}" if roots else "in the knowledge base's sources"
        found = (
            f"the include patterns ({patterns}) matched no file {where}"
            if not skipped and roots
            else f"no document {where} could be read ({len(skipped)} skipped)"
        )
        return (
            f"knowledge_bases.{self.name}.include: {found}, so this ingest would remove "
            f"{n_gone} stored document{'s' if n_gone != 1 else ''}; nothing was changed. "
            f"Fix the include patterns or paths, or pass --allow-empty (allow_empty=True) "
            f"to empty the knowledge base on purpose"
        )

    def retrieve(
        self,
        query: str,
        k: int = 4,
        min_score: float = -1.0,
        *,
        caller: Reader | None = None,
        filters: Filters | None = None,
        retrieval: RetrievalConfig | None = None,
    ) -> list[RetrievedChunk]:
        """The top ``k`` chunks for ``query`` that ``caller`` may read (no caller: the
        public documents of the default tenant), by the knowledge base's retrieval settings
        or ``retrieval`` (an app's override), narrowed by ``filters``.

        ``min_score`` drops chunks whose cosine similarity to the query is lower; it needs
        the query's vector, so keyword mode (which does not embed the query) ignores it."""
        settings = retrieval or self.config.retrieval  # validated: ``rerank`` is unset
        vector = None if settings.mode == "keyword" else self.embedder.embed_query(query)
        hits = self.store.search(
            self.name,
            vector,
            k,
            text=query,
            mode=settings.mode,
            reader=caller,
            filters=filters,
            candidates=settings.candidates,
            rrf_k=settings.rrf_k,
            mmr=settings.mmr,
        )
        return [c for c in hits if c.dense_score is None or c.dense_score >= min_score]

    def stats(self) -> KBStats:
        return self.store.stats(self.name)
