"""The document store contract and its PostgreSQL + pgvector implementation.

One ``chunks`` table holds every knowledge base; the embedding column is an untyped
``vector`` so knowledge bases with different embedders coexist. Each knowledge base gets
a partial HNSW index on ``embedding::vector(dim)`` restricted to its rows, built
concurrently when the knowledge base is first written (never in a constructor, never
blocking writes to other knowledge bases).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects.postgresql import insert as pg_insert

from genaiops.errors import ConfigError, InputError, NotFoundError
from genaiops.knowledge.chunking import Chunk
from genaiops.knowledge.connectors import SourceDocument
from genaiops.storage import Database
from genaiops.storage.schema import HNSW_INDEX_PREFIX, chunks, documents, knowledge_bases

__all__ = ["PUBLIC", "Access", "DocumentStore", "KBStats", "PgDocumentStore", "RetrievedChunk"]


@dataclass(frozen=True)
class RetrievedChunk:
    chunk_id: int
    source: str
    title: str
    ordinal: int
    heading: str
    text: str
    start_char: int
    end_char: int
    score: float


@dataclass(frozen=True)
class Access:
    """Who may read a document: its tenant, the groups allowed, or everyone (``public``)."""

    tenant: str = "default"
    groups: tuple[str, ...] = ()
    public: bool = False


#: readable by every caller of the default tenant (what documents were before access)
PUBLIC = Access(public=True)


@dataclass(frozen=True)
class KBStats:
    documents: int
    chunks: int
    tokens: int


class DocumentStore(Protocol):
    """What a knowledge base needs from storage.

    ``search`` returns at most ``k`` chunks of knowledge base ``kb`` by descending cosine
    similarity between their embeddings and ``query`` (a unit vector of the knowledge
    base's ``dim``). ``upsert`` replaces a document's chunks atomically.
    """

    def ensure_kb(self, kb: str, embedder: str, dim: int) -> None: ...

    def checksums(self, kb: str) -> dict[str, str]: ...

    def upsert(
        self,
        kb: str,
        doc: SourceDocument,
        doc_chunks: Sequence[Chunk],
        embeddings: npt.NDArray[np.float32],
        access: Access = ...,
        chunker: str = "",
    ) -> None: ...

    def delete(self, kb: str, sources: Sequence[str]) -> int: ...

    def search(self, kb: str, query: npt.NDArray[np.float32], k: int) -> list[RetrievedChunk]: ...

    def stats(self, kb: str) -> KBStats: ...


def _index_name(kb: str) -> str:
    return HNSW_INDEX_PREFIX + hashlib.md5(kb.encode()).hexdigest()[:12]


class PgDocumentStore:
    """The store on PostgreSQL + pgvector, in SQLAlchemy Core over
    :mod:`genaiops.storage.schema`; vectors bound by pgvector's own type adapter."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._dims: dict[str, int] = {}

    def ensure_kb(self, kb: str, embedder: str, dim: int) -> None:
        with self.db.engine.begin() as conn:
            row = conn.execute(
                sa.select(knowledge_bases.c.embedder, knowledge_bases.c.dim).where(
                    knowledge_bases.c.name == kb
                )
            ).first()
            if row is None:
                conn.execute(
                    pg_insert(knowledge_bases)
                    .values(name=kb, embedder=embedder, dim=dim)
                    .on_conflict_do_nothing()
                )
            elif row.embedder != embedder or row.dim != dim:
                raise ConfigError(
                    f"knowledge_bases.{kb}.embedder: the stored knowledge base was built with "
                    f"{row.embedder} ({row.dim} dims), not {embedder}; re-ingest it with "
                    f"'genaiops kb ingest {kb} --rebuild' or restore the embedder"
                )
        self._ensure_index(kb, dim)
        self._dims[kb] = dim

    def _ensure_index(self, kb: str, dim: int) -> None:
        """The knowledge base's HNSW index, built ``CONCURRENTLY`` (outside a transaction)
        so writes to this and every other knowledge base go on while it builds. An index
        left invalid by an interrupted build is dropped and built again."""
        name = _index_name(kb)
        with self.db.engine.connect() as conn:
            valid = conn.execute(
                sa.text(
                    "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "WHERE c.relname = :n"
                ),
                {"n": name},
            ).scalar()
        if valid:
            return
        literal = kb.replace("'", "''")
        with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if valid is False:
                conn.execute(sa.text(f"DROP INDEX CONCURRENTLY IF EXISTS {name}"))
            conn.execute(
                sa.text(
                    f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON chunks USING hnsw "
                    f"((embedding::vector({int(dim)})) vector_cosine_ops) WHERE kb = '{literal}'"
                )
            )

    def drop_kb(self, kb: str) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(sa.delete(chunks).where(chunks.c.kb == kb))
            conn.execute(sa.delete(documents).where(documents.c.kb == kb))
            conn.execute(sa.delete(knowledge_bases).where(knowledge_bases.c.name == kb))
        with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text(f"DROP INDEX CONCURRENTLY IF EXISTS {_index_name(kb)}"))
        self._dims.pop(kb, None)

    def _dim(self, kb: str) -> int:
        if kb not in self._dims:
            with self.db.engine.connect() as conn:
                dim = conn.execute(
                    sa.select(knowledge_bases.c.dim).where(knowledge_bases.c.name == kb)
                ).scalar()
            if dim is None:
                raise NotFoundError(
                    f"knowledge base {kb!r} has not been ingested yet; "
                    f"run 'genaiops kb ingest {kb}'"
                )
            self._dims[kb] = int(dim)
        return self._dims[kb]

    def checksums(self, kb: str) -> dict[str, str]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                sa.select(documents.c.source, documents.c.checksum).where(documents.c.kb == kb)
            )
            return {r.source: r.checksum for r in rows}

    def upsert(
        self,
        kb: str,
        doc: SourceDocument,
        doc_chunks: Sequence[Chunk],
        embeddings: npt.NDArray[np.float32],
        access: Access = PUBLIC,
        chunker: str = "",
    ) -> None:
        """Replace the document and its chunks in one transaction; ``access`` (tenant,
        groups, public) is stored on the document and copied onto each chunk so that
        retrieval filters inside the index scan; ``chunker`` fingerprints the chunking and
        embedder settings the chunks were made with."""
        if len(doc_chunks) != len(embeddings):
            raise InputError(
                f"{doc.source}: {len(doc_chunks)} chunks but {len(embeddings)} embeddings"
            )
        with self.db.engine.begin() as conn:
            conn.execute(
                sa.delete(documents).where(documents.c.kb == kb, documents.c.source == doc.source)
            )
            doc_id = conn.execute(
                sa.insert(documents)
                .values(
                    kb=kb,
                    source=doc.source,
                    title=doc.title,
                    checksum=doc.checksum,
                    n_chars=len(doc.text),
                    uri=doc.uri,
                    mime=doc.mime,
                    modified_at=doc.modified,
                    owner=doc.owner,
                    size_bytes=len(doc.text.encode("utf-8")),
                    meta=dict(doc.meta),
                    tenant=access.tenant,
                    acl_groups=list(access.groups),
                    public=access.public,
                    chunker=chunker,
                )
                .returning(documents.c.id)
            ).scalar_one()
            if doc_chunks:
                conn.execute(
                    sa.insert(chunks),
                    [
                        {
                            "document_id": doc_id,
                            "kb": kb,
                            "ordinal": c.ordinal,
                            "heading": c.heading,
                            "text": c.text,
                            "start_char": c.start_char,
                            "end_char": c.end_char,
                            "n_tokens": c.n_tokens,
                            "embedding": embeddings[i],
                            "page": c.page,
                            "tenant": access.tenant,
                            "acl_groups": list(access.groups),
                            "public": access.public,
                        }
                        for i, c in enumerate(doc_chunks)
                    ],
                )

    def delete(self, kb: str, sources: Sequence[str]) -> int:
        if not sources:
            return 0
        with self.db.engine.begin() as conn:
            result = conn.execute(
                sa.delete(documents).where(
                    documents.c.kb == kb, documents.c.source.in_(list(sources))
                )
            )
            return int(result.rowcount)

    def search(self, kb: str, query: npt.NDArray[np.float32], k: int) -> list[RetrievedChunk]:
        dim = self._dim(kb)
        if query.shape != (dim,):
            raise InputError(
                f"the query vector has shape {query.shape}; knowledge base {kb} holds {dim} dims "
                f"(was it embedded with the knowledge base's embedder?)"
            )
        distance = sa.cast(chunks.c.embedding, Vector(dim)).cosine_distance(
            sa.cast(sa.bindparam("q", query, type_=Vector(dim)), Vector(dim))
        )
        sql = (
            sa.select(
                chunks.c.id,
                documents.c.source,
                documents.c.title,
                chunks.c.ordinal,
                chunks.c.heading,
                chunks.c.text,
                chunks.c.start_char,
                chunks.c.end_char,
                (1 - distance).label("score"),
            )
            .join(documents, documents.c.id == chunks.c.document_id)
            .where(chunks.c.kb == kb)
            .order_by(distance)
            .limit(k)
        )
        with self.db.engine.begin() as conn:
            conn.execute(sa.text(f"SET LOCAL hnsw.ef_search = {max(40, 2 * int(k))}"))
            rows = conn.execute(sql).all()
        return [
            RetrievedChunk(
                chunk_id=r.id,
                source=r.source,
                title=r.title,
                ordinal=r.ordinal,
                heading=r.heading,
                text=r.text,
                start_char=r.start_char,
                end_char=r.end_char,
                score=float(r.score),
            )
            for r in rows
        ]

    def stats(self, kb: str) -> KBStats:
        n_docs = (
            sa.select(sa.func.count()).select_from(documents).where(documents.c.kb == kb)
        ).scalar_subquery()
        query = sa.select(
            n_docs.label("docs"),
            sa.func.count().label("chunks"),
            sa.func.coalesce(sa.func.sum(chunks.c.n_tokens), 0).label("tokens"),
        ).where(chunks.c.kb == kb)
        with self.db.engine.connect() as conn:
            row = conn.execute(query).one()
        return KBStats(int(row.docs), int(row.chunks), int(row.tokens))
