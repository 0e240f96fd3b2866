"""Incremental, durable sync of a knowledge base with its sources.

An ingest compares what the connectors read with what the store holds
(:class:`~genaiops.knowledge.store.StoredDocument`) and redoes only what changed:

==========  ==============================================================================
added       a source the store does not hold
updated     its content changed (the document's checksum)
rechunked   same content, but the knowledge base's chunking, embedder or PII handling
            changed (the ``chunker`` fingerprint), or it was never fingerprinted
access      same content and fingerprint, but who may read it changed: updated in place,
            nothing is re-embedded
unchanged   nothing to do
==========  ==============================================================================

Each document is written in its own transaction (chunks replaced with the row), so an
ingest killed at any point leaves every document either as it was or fully replaced, and
the next run picks up exactly the documents still to do. :class:`BackgroundWriter` runs
those transactions on one thread while the caller embeds the next document: the embedder
holds one core and the database round trips, commit and HNSW insertion the other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from genaiops.knowledge.chunking import ChunkSettings
from genaiops.knowledge.store import PUBLIC, Access, StoredDocument

if TYPE_CHECKING:
    from genaiops.config import KnowledgeBaseConfig
    from genaiops.knowledge.connectors import SourceDocument
    from genaiops.knowledge.embedders import Embedder

__all__ = [
    "EXECUTION_OPTIONS",
    "BackgroundWriter",
    "SyncPlan",
    "Work",
    "access_resolver",
    "chunk_settings",
    "fingerprint",
    "plan_sync",
]

#: embedder options that change how fast vectors are computed, not what they are: a
#: change of threads must not re-embed a knowledge base
EXECUTION_OPTIONS = frozenset({"threads", "batch_size", "batch_tokens"})

Reason = Literal["added", "updated", "rechunked"]


def chunk_settings(config: KnowledgeBaseConfig) -> ChunkSettings:
    return ChunkSettings(
        config.chunking, config.chunk_size, config.chunk_overlap, config.window_sentences
    )


def fingerprint(config: KnowledgeBaseConfig, embedder: Embedder) -> str:
    """What a document's stored chunks depend on besides its content: the chunking
    settings that matter to the strategy, the embedder and the options that change its
    vectors, and the PII handling (turning masking on must reach documents already stored)."""
    options = {k: v for k, v in config.embedder_options.items() if k not in EXECUTION_OPTIONS}
    return chunk_settings(config).fingerprint(
        {
            "embedder": embedder.name,
            "dim": embedder.dim,
            "embedder_options": options,
            "pii": config.pii.model_dump() if config.pii is not None else None,
        }
    )


def access_resolver(config: KnowledgeBaseConfig) -> Callable[[SourceDocument], Access]:
    """Who may read each document, by the knowledge base's ``access`` block
    (:func:`genaiops.knowledge.acl.resolve_access`); everyone, where that module is absent."""
    try:
        from genaiops.knowledge.acl import resolve_access
    except ImportError:  # access control ships on its own; until then documents are public
        return lambda doc: PUBLIC
    return lambda doc: resolve_access(doc, config)


@dataclass(frozen=True)
class Work:
    """A document to chunk, embed and write, and why."""

    doc: SourceDocument
    access: Access
    reason: Reason


@dataclass
class SyncPlan:
    work: list[Work] = field(default_factory=list)
    access: list[tuple[str, Access]] = field(default_factory=list)  # changed readers only
    unchanged: list[str] = field(default_factory=list)


def plan_sync(
    docs: Iterable[SourceDocument],
    stored: Mapping[str, StoredDocument],
    chunker: str,
    access_of: Callable[[SourceDocument], Access],
) -> SyncPlan:
    """What to do with each document read, given what the store holds (see the table at
    the top of this module). Documents the store holds and the sources no longer yield
    are the caller's to prune."""
    plan = SyncPlan()
    for doc in docs:
        access = access_of(doc)
        old = stored.get(doc.source)
        if old is None:
            plan.work.append(Work(doc, access, "added"))
        elif old.checksum != doc.checksum:
            plan.work.append(Work(doc, access, "updated"))
        elif old.chunker != chunker:
            plan.work.append(Work(doc, access, "rechunked"))
        elif old.access != access:
            plan.access.append((doc.source, access))
        else:
            plan.unchanged.append(doc.source)
    return plan


class BackgroundWriter:
    """Runs writes in order on one background thread, at most ``depth`` queued, so the
    caller prepares the next document while the last one is written, and memory holds no
    more than a few documents' vectors.

    A failed write stops the ingest: the next :meth:`submit` (or leaving the ``with``
    block) raises its error. Leaving the block on an error of the caller's cancels the
    queued writes and waits for the one running; either way every write that started
    commits or rolls back whole."""

    def __init__(self, depth: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="genaiops-ingest")
        self._pending: list[Future[None]] = []
        self._depth = depth
        self._failed = threading.Event()

    def submit(self, write: Callable[..., None], *args: Any, **kwargs: Any) -> None:
        self._reap(block=len(self._pending) >= self._depth)
        self._pending.append(self._pool.submit(self._run, write, args, kwargs))

    def _run(self, write: Callable[..., None], args: Any, kwargs: Any) -> None:
        """One write, skipped once an earlier one failed: the writes queued behind a
        failure must not land after it (the caller stops at the failure)."""
        if self._failed.is_set():
            return
        try:
            write(*args, **kwargs)
        except BaseException:
            self._failed.set()
            raise

    def _reap(self, block: bool) -> None:
        """Drop finished writes, raising the first failure; with ``block``, wait for the
        oldest first."""
        if block and self._pending:
            self._pending[0].result()
        while self._pending and self._pending[0].done():
            self._pending.pop(0).result()

    def __enter__(self) -> BackgroundWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            return
        try:
            while self._pending:
                self._pending.pop(0).result()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
