"""The document store contract and its PostgreSQL + pgvector implementation.

One ``chunks`` table holds every knowledge base; the embedding column is an untyped
``vector`` so knowledge bases with different embedders coexist. Each knowledge base gets
a partial HNSW index on ``embedding::vector(dim)`` restricted to its rows, built
concurrently when the knowledge base is first written (never in a constructor, never
blocking writes to other knowledge bases).
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert

from genaiops.errors import ConfigError, InputError, NotFoundError
from genaiops.knowledge.chunking import Chunk
from genaiops.knowledge.connectors import SourceDocument
from genaiops.storage import Database
from genaiops.storage.schema import HNSW_INDEX_PREFIX, chunks, documents, knowledge_bases

if TYPE_CHECKING:
    from genaiops.knowledge.acl import Reader
    from genaiops.knowledge.retrieval import Filters, Mode

__all__ = [
    "PUBLIC",
    "Access",
    "DocumentStore",
    "KBStats",
    "PgDocumentStore",
    "RetrievedChunk",
    "StoredDocument",
]


@dataclass(frozen=True)
class RetrievedChunk:
    """A chunk as retrieval returns it, with where it is in its document (character span,
    page) for citations, and how it was found.

    ``score`` is the mode's own: cosine similarity (dense), the sum of the IDF of the query
    terms it contains (keyword) or the reciprocal-rank-fusion sum (hybrid). Each arm's
    1-based rank (``None``: that arm did not rank it) and score are kept for debugging a
    ranking; ``dense_score`` is the exact cosine to the query whenever the query was
    embedded, also for chunks only the keyword arm found.
    """

    chunk_id: int
    source: str
    title: str
    ordinal: int
    heading: str
    text: str
    start_char: int
    end_char: int
    score: float
    page: int | None = None
    dense_rank: int | None = None
    dense_score: float | None = None
    keyword_rank: int | None = None
    keyword_score: float | None = None


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


@dataclass(frozen=True)
class StoredDocument:
    """What an ingest compares with a document it reads: the content it was made from
    (``checksum``), how it was chunked and embedded (``chunker``, a fingerprint; empty:
    unknown, or to be re-embedded) and who may read it."""

    checksum: str
    chunker: str
    access: Access
    uploaded: bool = False  # put through the API (``uri`` api:...), not read from a source

    @property
    def from_sources(self) -> bool:
        return not self.uploaded


#: the ``uri`` prefix of a document uploaded through the server's API: an ingest of the
#: knowledge base's sources never removes it
UPLOADED_URI_PREFIX = "api:"


class DocumentStore(Protocol):
    """What a knowledge base needs from storage.

    ``search`` returns at most ``k`` chunks of knowledge base ``kb`` by descending cosine
    similarity between their embeddings and ``query`` (a unit vector of the knowledge
    base's ``dim``). ``upsert`` replaces a document's chunks atomically.
    """

    def ensure_kb(
        self, kb: str, embedder: str, dim: int, *, reembed: bool = False
    ) -> str | None: ...

    def checksums(self, kb: str) -> dict[str, str]: ...

    def document_states(self, kb: str) -> dict[str, StoredDocument]: ...

    def set_access(self, kb: str, source: str, access: Access) -> None: ...

    def upsert(
        self,
        kb: str,
        doc: SourceDocument,
        doc_chunks: Sequence[Chunk],
        embeddings: npt.NDArray[np.float32],
        access: Access = ...,
        chunker: str = "",
        *,
        title: str | None = None,
    ) -> None: ...

    def delete(self, kb: str, sources: Sequence[str]) -> int: ...

    def search(
        self,
        kb: str,
        query: npt.NDArray[np.float32] | None,
        k: int,
        *,
        text: str = "",
        mode: Mode = "dense",
        reader: Reader | None = None,
        filters: Filters | None = None,
        candidates: int = 50,
        rrf_k: int = 10,
        mmr: float | None = None,
    ) -> list[RetrievedChunk]: ...

    def stats(self, kb: str) -> KBStats: ...


#: how long a knowledge base's chunk count (keyword IDF's N) is reused
KB_SIZE_TTL_S = 60.0
#: the shortest time between two counts of a knowledge base's common lexemes
COMMON_TERMS_TTL_S = 600.0


def _index_name(kb: str) -> str:
    return HNSW_INDEX_PREFIX + hashlib.md5(kb.encode()).hexdigest()[:12]


_DOCUMENT_FIELDS = (
    "kb", "source", "title", "checksum", "n_chars", "uri", "mime", "modified_at", "owner",
    "size_bytes", "meta", "tenant", "acl_groups", "public", "chunker",
)  # fmt: skip


@functools.cache
def _document_upsert() -> sa.Executable:
    """Insert a document or update it in place, returning its id; built once, with bind
    parameters, since building the statement cost about as much as running it."""
    insert = pg_insert(documents).values(
        {name: sa.bindparam(name, type_=documents.c[name].type) for name in _DOCUMENT_FIELDS}
    )
    updated = {n: insert.excluded[n] for n in _DOCUMENT_FIELDS if n not in ("kb", "source")}
    return insert.on_conflict_do_update(
        index_elements=[documents.c.kb, documents.c.source],
        set_={**updated, "ingested_at": sa.func.now()},
    ).returning(documents.c.id)


class PgDocumentStore:
    """The store on PostgreSQL + pgvector, in SQLAlchemy Core over
    :mod:`genaiops.storage.schema`; vectors bound by pgvector's own type adapter."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._dims: dict[str, int] = {}
        self._iterative: bool | None = None  # pgvector has iterative index scans
        self._sizes: dict[str, tuple[int, float]] = {}  # kb -> (chunks, when counted)
        self._common: dict[str, tuple[int, float, tuple[str, ...]]] = {}  # see _common_terms

    def ensure_kb(self, kb: str, embedder: str, dim: int, *, reembed: bool = False) -> str | None:
        """Register ``kb`` with its embedder, or check that it is stored with this one.

        Stored with another embedder, it is an error (nothing changes) unless ``reembed``:
        then it is switched in one transaction (the row takes the new embedder and dim,
        every chunk is removed, since vectors of two models cannot be ranked together nor
        two dims share an index, and every document's fingerprint is cleared so the ingest
        re-embeds it) and its HNSW index is rebuilt for the new dim. A process killed
        half-way leaves either the old knowledge base or the switched one, whose documents
        the next ingest re-embeds. Returns the embedder it was switched from, if it was."""
        previous: str | None = None
        with self.db.engine.begin() as conn:
            row = conn.execute(
                sa.select(knowledge_bases.c.embedder, knowledge_bases.c.dim)
                .where(knowledge_bases.c.name == kb)
                .with_for_update()
            ).first()
            if row is None:
                conn.execute(
                    pg_insert(knowledge_bases)
                    .values(name=kb, embedder=embedder, dim=dim)
                    .on_conflict_do_nothing()
                )
            elif row.embedder != embedder or row.dim != dim:
                if not reembed:
                    raise ConfigError(
                        f"knowledge_bases.{kb}.embedder: the stored knowledge base was built "
                        f"with {row.embedder} ({row.dim} dims), not {embedder} ({dim} dims); "
                        f"'genaiops kb ingest {kb}' re-embeds every document with the new one "
                        f"(--rebuild starts it over), or restore the embedder"
                    )
                self._switch_embedder(conn, kb, embedder, dim)
                previous = str(row.embedder)
        self._ensure_index(kb, dim)
        self._dims[kb] = dim
        return previous

    @staticmethod
    def _switch_embedder(conn: sa.Connection, kb: str, embedder: str, dim: int) -> None:
        conn.execute(
            sa.update(knowledge_bases)
            .where(knowledge_bases.c.name == kb)
            .values(embedder=embedder, dim=dim)
        )
        conn.execute(sa.delete(chunks).where(chunks.c.kb == kb))
        conn.execute(sa.update(documents).where(documents.c.kb == kb).values(chunker=""))

    def _ensure_index(self, kb: str, dim: int) -> None:
        """The knowledge base's HNSW index on ``embedding::vector(dim)``, built
        ``CONCURRENTLY`` (outside a transaction) so writes to this and every other
        knowledge base go on while it builds. An index left invalid by an interrupted
        build, or made for another dim (the embedder changed), is dropped and built again:
        rows of the new dim could not even be inserted under the old one."""
        name = _index_name(kb)
        with self.db.engine.connect() as conn:
            row = conn.execute(
                sa.text(
                    "SELECT i.indisvalid AS valid, pg_get_indexdef(i.indexrelid) AS definition "
                    "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = :n"
                ),
                {"n": name},
            ).first()
        if row is not None and row.valid and f"vector({int(dim)})" in row.definition:
            return
        literal = kb.replace("'", "''")
        with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if row is not None:
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

    def document_states(self, kb: str) -> dict[str, StoredDocument]:
        """Each stored document's checksum, chunker fingerprint and access, by source."""
        d = documents.c
        query = sa.select(d.source, d.checksum, d.chunker, d.tenant, d.acl_groups, d.public, d.uri)
        with self.db.engine.connect() as conn:
            rows = conn.execute(query.where(d.kb == kb))
            return {
                r.source: StoredDocument(
                    r.checksum,
                    r.chunker,
                    Access(r.tenant, tuple(r.acl_groups), r.public),
                    uploaded=bool(r.uri) and str(r.uri).startswith(UPLOADED_URI_PREFIX),
                )
                for r in rows
            }

    def set_access(self, kb: str, source: str, access: Access) -> None:
        """Change who may read a stored document, on it and its chunks in one transaction:
        an access rule that changed needs no re-embedding."""
        values = {
            "tenant": access.tenant,
            "acl_groups": list(access.groups),
            "public": access.public,
        }
        with self.db.engine.begin() as conn:
            doc_id = conn.execute(
                sa.update(documents)
                .where(documents.c.kb == kb, documents.c.source == source)
                .values(**values)
                .returning(documents.c.id)
            ).scalar()
            if doc_id is not None:
                conn.execute(
                    sa.update(chunks).where(chunks.c.document_id == doc_id).values(**values)
                )

    def upsert(
        self,
        kb: str,
        doc: SourceDocument,
        doc_chunks: Sequence[Chunk],
        embeddings: npt.NDArray[np.float32],
        access: Access = PUBLIC,
        chunker: str = "",
        *,
        title: str | None = None,
    ) -> None:
        """Replace the document and its chunks in one transaction; ``access`` (tenant,
        groups, public) is stored on the document and copied onto each chunk so that
        retrieval filters inside the index scan; ``chunker`` fingerprints the chunking and
        embedder settings the chunks were made with; ``title`` replaces the document's own
        (with its PII masked) while its checksum stays that of the source.

        The document row is updated in place (``ON CONFLICT``), so its id is stable and two
        ingests writing the same document at once serialize on the row instead of failing
        on the unique key; the old chunks go in the same transaction, so a reader sees
        either the old chunks or the new ones, never both or neither."""
        if len(doc_chunks) != len(embeddings):
            raise InputError(
                f"{doc.source}: {len(doc_chunks)} chunks but {len(embeddings)} embeddings"
            )
        row = {
            "kb": kb,
            "source": doc.source,
            "title": doc.title if title is None else title,
            "checksum": doc.checksum,
            "n_chars": len(doc.text),
            "uri": doc.uri,
            "mime": doc.mime,
            "modified_at": doc.modified,
            "owner": doc.owner,
            "size_bytes": len(doc.text.encode("utf-8")),
            "meta": dict(doc.meta),
            "tenant": access.tenant,
            "acl_groups": list(access.groups),
            "public": access.public,
            "chunker": chunker,
        }
        with self.db.engine.begin() as conn:
            doc_id = conn.execute(_document_upsert(), row).scalar_one()
            conn.execute(sa.delete(chunks).where(chunks.c.document_id == doc_id))
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

    def search(
        self,
        kb: str,
        query: npt.NDArray[np.float32] | None,
        k: int,
        *,
        text: str = "",
        mode: Mode = "dense",
        reader: Reader | None = None,
        filters: Filters | None = None,
        candidates: int = 50,
        rrf_k: int = 10,
        mmr: float | None = None,
    ) -> list[RetrievedChunk]:
        """The top ``k`` chunks of ``kb`` that ``reader`` may read (no reader: the public
        documents of the default tenant), in one SQL statement; see
        :mod:`genaiops.knowledge.retrieval` for the modes, the fusion and the filters.

        ``mmr`` (a relevance weight) re-orders the fused candidates for diversity; it
        needs their embeddings, which the same statement then returns."""
        from genaiops.knowledge import retrieval

        plan = retrieval.SearchPlan(
            kb=kb,
            dim=self._dim(kb),
            k=k,
            mode=mode,
            vector=query,
            text=text,
            candidates=candidates,
            rrf_k=rrf_k,
            mmr=mmr,
            reader=reader,
            filters=filters or retrieval.Filters(),
            kb_size=self._kb_size(kb) if mode != "dense" else 1,
            common_terms=self._common_terms(kb) if mode != "dense" else (),
        )
        statement = retrieval.search_statement(plan, with_vectors=mmr is not None)
        settings = retrieval.session_settings(plan, self._has_iterative_scan())
        with self.db.engine.begin() as conn:
            conn.execute(sa.select(*(sa.func.set_config(n, v, True) for n, v in settings.items())))
            rows = conn.execute(statement).all()
        found = retrieval.rows_to_chunks(rows)
        if mmr is None or len(found) <= 1:
            return found[:k]
        vectors = np.stack([np.asarray(r.vector, dtype=np.float32) for r in rows])
        if query is not None:
            relevance = vectors @ query  # cosine: both are unit vectors
        else:  # keyword mode: its own scores, scaled to 0..1 like a cosine
            scores = np.array([c.score for c in found], dtype=np.float64)
            relevance = scores / max(float(scores.max()), 1e-12)
        return [found[i] for i in retrieval.mmr(relevance, vectors, k, mmr)]

    def _kb_size(self, kb: str) -> int:
        """The knowledge base's chunk count, the N of keyword IDF: re-counted at most once
        a minute (an approximate N moves every term's weight alike)."""
        now = time.monotonic()
        cached = self._sizes.get(kb)
        if cached is None or now - cached[1] > KB_SIZE_TTL_S:
            with self.db.engine.connect() as conn:
                n = conn.execute(
                    sa.select(sa.func.count()).select_from(chunks).where(chunks.c.kb == kb)
                ).scalar()
            cached = (max(1, int(n or 0)), now)
            self._sizes[kb] = cached
        return cached[0]

    def _common_terms(self, kb: str) -> tuple[str, ...]:
        """The knowledge base's lexemes found in ``term_cap`` chunks or more, which keyword
        retrieval weighs 0 and so need not look up. Counted by ``ts_stat`` over the whole
        knowledge base (a second or two at 100,000 chunks), again only once its size has
        changed and ``COMMON_TERMS_TTL_S`` has passed: a stale list costs speed, not
        results, since a term missing from it is looked up and weighed from its postings."""
        from genaiops.knowledge.retrieval import TERM_CAP

        size, now = self._kb_size(kb), time.monotonic()
        cached = self._common.get(kb)
        if cached is not None and (cached[0] == size or now - cached[1] < COMMON_TERMS_TTL_S):
            return cached[2]
        query = sa.text(
            "SELECT word FROM ts_stat(format('SELECT tsv FROM chunks WHERE kb = %L', "
            "CAST(:kb AS text))) WHERE ndoc >= :cap ORDER BY word"
        )
        with self.db.engine.connect() as conn:
            words = tuple(conn.execute(query, {"kb": kb, "cap": TERM_CAP}).scalars())
        self._common[kb] = (size, now, words)
        return words

    def _has_iterative_scan(self) -> bool:
        """Whether pgvector has iterative index scans (0.8 and later); an external server
        may run an older one, which then gets a wider ``ef_search`` only."""
        if self._iterative is None:
            with self.db.engine.connect() as conn:
                version = conn.execute(
                    sa.text("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
                ).scalar()
            parts = tuple(int(p) for p in str(version or "0").split(".")[:2] if p.isdigit())
            self._iterative = parts >= (0, 8)
        return self._iterative

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
