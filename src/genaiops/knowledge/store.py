"""The document store contract and its PostgreSQL + pgvector implementation.

One ``chunks`` table holds every knowledge base; the embedding column is an untyped
``vector`` so knowledge bases with different embedders coexist. Each knowledge base gets
a partial HNSW index on ``embedding::vector(dim)`` restricted to its rows, created when
the knowledge base is first written (never in a constructor).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

from genaiops.errors import ConfigError
from genaiops.knowledge.chunking import Chunk
from genaiops.knowledge.connectors import SourceDocument
from genaiops.storage import Database

__all__ = ["DocumentStore", "KBStats", "PgDocumentStore", "RetrievedChunk"]


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
        chunks: Sequence[Chunk],
        embeddings: npt.NDArray[np.float32],
    ) -> None: ...

    def delete(self, kb: str, sources: Sequence[str]) -> int: ...

    def search(self, kb: str, query: npt.NDArray[np.float32], k: int) -> list[RetrievedChunk]: ...

    def stats(self, kb: str) -> KBStats: ...


def _vec(v: npt.NDArray[np.float32]) -> str:
    return "[" + ",".join(f"{x:.7g}" for x in v.tolist()) + "]"


class PgDocumentStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._dims: dict[str, int] = {}

    def ensure_kb(self, kb: str, embedder: str, dim: int) -> None:
        with self.db.engine.begin() as conn:
            row = conn.execute(
                sa.text("SELECT embedder, dim FROM knowledge_bases WHERE name = :n"), {"n": kb}
            ).first()
            if row is None:
                conn.execute(
                    sa.text(
                        "INSERT INTO knowledge_bases (name, embedder, dim) VALUES (:n, :e, :d)"
                    ),
                    {"n": kb, "e": embedder, "d": dim},
                )
                index = "chunks_hnsw_" + hashlib.md5(kb.encode()).hexdigest()[:12]
                literal = kb.replace("'", "''")
                conn.execute(
                    sa.text(
                        f"CREATE INDEX IF NOT EXISTS {index} ON chunks USING hnsw "
                        f"((embedding::vector({int(dim)})) vector_cosine_ops) "
                        f"WHERE kb = '{literal}'"
                    )
                )
            elif row.embedder != embedder or row.dim != dim:
                raise ConfigError(
                    f"knowledge_bases.{kb}.embedder: the stored knowledge base was built with "
                    f"{row.embedder} ({row.dim} dims), not {embedder}; re-ingest it with "
                    f"'genaiops kb ingest {kb} --rebuild' or restore the embedder"
                )
        self._dims[kb] = dim

    def drop_kb(self, kb: str) -> None:
        index = "chunks_hnsw_" + hashlib.md5(kb.encode()).hexdigest()[:12]
        with self.db.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM chunks WHERE kb = :kb"), {"kb": kb})
            conn.execute(sa.text("DELETE FROM knowledge_bases WHERE name = :kb"), {"kb": kb})
            conn.execute(sa.text(f"DROP INDEX IF EXISTS {index}"))
        self._dims.pop(kb, None)

    def _dim(self, kb: str) -> int:
        if kb not in self._dims:
            with self.db.engine.connect() as conn:
                dim = conn.execute(
                    sa.text("SELECT dim FROM knowledge_bases WHERE name = :n"), {"n": kb}
                ).scalar()
            if dim is None:
                raise ConfigError(
                    f"knowledge base {kb!r} has not been ingested yet; "
                    f"run 'genaiops kb ingest {kb}'"
                )
            self._dims[kb] = int(dim)
        return self._dims[kb]

    def checksums(self, kb: str) -> dict[str, str]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT source, checksum FROM documents WHERE kb = :kb"), {"kb": kb}
            )
            return {r.source: r.checksum for r in rows}

    def upsert(
        self,
        kb: str,
        doc: SourceDocument,
        chunks: Sequence[Chunk],
        embeddings: npt.NDArray[np.float32],
    ) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(
                sa.text("DELETE FROM documents WHERE kb = :kb AND source = :s"),
                {"kb": kb, "s": doc.source},
            )
            doc_id = conn.execute(
                sa.text(
                    "INSERT INTO documents (kb, source, title, checksum, n_chars) "
                    "VALUES (:kb, :s, :t, :c, :n) RETURNING id"
                ),
                {"kb": kb, "s": doc.source, "t": doc.title, "c": doc.checksum, "n": len(doc.text)},
            ).scalar_one()
            if chunks:
                conn.execute(
                    sa.text(
                        "INSERT INTO chunks (document_id, kb, ordinal, heading, text, start_char, "
                        "end_char, n_tokens, embedding) VALUES (:d, :kb, :o, :h, :t, :s, :e, :n, "
                        "CAST(:v AS vector))"
                    ),
                    [
                        {
                            "d": doc_id,
                            "kb": kb,
                            "o": c.ordinal,
                            "h": c.heading,
                            "t": c.text,
                            "s": c.start_char,
                            "e": c.end_char,
                            "n": c.n_tokens,
                            "v": _vec(embeddings[i]),
                        }
                        for i, c in enumerate(chunks)
                    ],
                )

    def delete(self, kb: str, sources: Sequence[str]) -> int:
        if not sources:
            return 0
        with self.db.engine.begin() as conn:
            result = conn.execute(
                sa.text("DELETE FROM documents WHERE kb = :kb AND source = ANY(:s)"),
                {"kb": kb, "s": list(sources)},
            )
            return int(result.rowcount)

    def search(self, kb: str, query: npt.NDArray[np.float32], k: int) -> list[RetrievedChunk]:
        dim = self._dim(kb)
        if query.shape != (dim,):
            raise ValueError(f"query has shape {query.shape}; knowledge base {kb} holds {dim} dims")
        sql = sa.text(
            f"SELECT c.id, d.source, d.title, c.ordinal, c.heading, c.text, c.start_char, "
            f"c.end_char, 1 - (c.embedding::vector({dim}) <=> CAST(:q AS vector({dim}))) AS score "
            f"FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.kb = :kb "
            f"ORDER BY c.embedding::vector({dim}) <=> CAST(:q AS vector({dim})) LIMIT :k"
        )
        with self.db.engine.begin() as conn:
            conn.execute(sa.text(f"SET LOCAL hnsw.ef_search = {max(40, 2 * int(k))}"))
            rows = conn.execute(sql, {"q": _vec(query), "kb": kb, "k": k}).all()
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
        with self.db.engine.connect() as conn:
            row = conn.execute(
                sa.text(
                    "SELECT (SELECT count(*) FROM documents WHERE kb = :kb) AS docs, "
                    "count(*) AS chunks, coalesce(sum(n_tokens), 0) AS tokens "
                    "FROM chunks WHERE kb = :kb"
                ),
                {"kb": kb},
            ).one()
        return KBStats(int(row.docs), int(row.chunks), int(row.tokens))
