"""Retrieval in PostgreSQL: dense (pgvector HNSW), keyword (full text) or hybrid (both,
fused by reciprocal rank fusion), filtered by access and metadata, in one statement.

The statement for ``hybrid`` (``dense`` and ``keyword`` keep one arm)::

    WITH dense AS MATERIALIZED (            -- the knowledge base's partial HNSW index
        SELECT id, embedding::vector(dim) <=> :q AS distance FROM chunks
        WHERE kb = '<kb>' AND <reader> AND <filters> ORDER BY distance LIMIT :n),
    terms AS (the query's lexemes, each as a one-lexeme tsquery),
    postings AS MATERIALIZED (              -- the GIN index on tsv, one lookup per term
        SELECT lexeme, id FROM terms, LATERAL (SELECT id FROM chunks WHERE tsv @@ term
        AND kb = '<kb>' AND <reader> AND <filters> LIMIT :term_cap)),
    df AS (SELECT lexeme, count(*) FROM postings GROUP BY lexeme),
    keyword AS MATERIALIZED (SELECT id, sum(idf) FROM postings JOIN df GROUP BY id
        ORDER BY sum DESC LIMIT :n),
    fused AS (SELECT id, rank in each arm, sum of 1 / (rrf_k + rank) FROM dense FULL JOIN keyword)
    SELECT chunk, document, both arms' ranks and scores, exact cosine FROM fused ...

Why it is shaped so:

* **One round trip.** Both arms and the fusion run in the database; only the ``k`` rows
  returned (or the candidates, for MMR) cross the wire, with both arms' ranks and scores
  for debugging (:class:`~genaiops.knowledge.store.RetrievedChunk`).
* **Access and filters inside each arm.** ``<reader>``
  (:func:`genaiops.knowledge.acl.reader_clause`) is on both arms, so nothing the caller
  may not read is ranked, fused or returned; the chunk carries its document's tenant,
  groups and public flag so the dense arm filters inside the HNSW scan. pgvector >= 0.8
  then scans on (``hnsw.iterative_scan = relaxed_order``) until the filtered top ``n``
  is full, instead of returning the few rows of the unfiltered top ``ef_search`` that
  pass; ``MATERIALIZED`` plus the re-sort by rank restores the exact order that relaxed
  ordering gives up. Where the filter is selective enough, the planner takes the btree
  on ``(kb, tenant)`` and computes distances exactly instead; both return ``k`` rows
  whenever ``k`` readable rows exist.
* **The knowledge base name is inlined** (as a literal, like the index predicate) so the
  partial index ``WHERE kb = '<kb>'`` is provably usable even from a cached generic plan.
* **Keyword ranking is BM25's IDF, computed in the statement.** A chunk scores the sum
  of ``ln(1 + (N - df + 0.5) / (df + 0.5))`` over the query terms it contains
  (:func:`keyword_arm`). PostgreSQL's own ``ts_rank``/``ts_rank_cd`` have no IDF, and
  ``plainto_tsquery``/``websearch_to_tsquery`` AND every word, which finds almost nothing
  for a natural-language question. Measured on SciFact's train queries (half the corpus
  ingested): ``ts_rank_cd`` over the any-term query 0.477 nDCG@10, ``ts_rank`` 0.639,
  this sum of IDF 0.686. ``df`` is counted over the chunks the reader may read that pass
  the filters, so the weights reflect no hidden document. A term in ``term_cap`` of them
  or more counts as a stop word, which bounds a query's cost; terms that common in the
  whole knowledge base (the store's ``ts_stat`` list, a cost decision that does see
  every document) are not even looked up.
* **Scores keep their meaning**: ``score`` is the cosine similarity (dense), the sum
  of IDF (keyword) or the RRF sum (hybrid); ``dense_score`` is the exact
  cosine of every returned chunk whenever a query vector was given, so ``min_score``
  ("drop chunks below this cosine") means the same in dense and hybrid modes.

MMR (:func:`mmr`) re-orders the fused candidates for diversity in numpy over their
embeddings, fetched in the same statement only when MMR is on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSQUERY

from genaiops.errors import ConfigError, InputError
from genaiops.knowledge.acl import Reader, glob_regex, reader_clause
from genaiops.knowledge.store import RetrievedChunk
from genaiops.storage.schema import chunks, documents

__all__ = [
    "MODES",
    "TERM_CAP",
    "Filters",
    "Mode",
    "SearchPlan",
    "keyword_arm",
    "mmr",
    "rows_to_chunks",
    "search_statement",
    "session_settings",
]

Mode = Literal["dense", "keyword", "hybrid"]
MODES: tuple[Mode, ...] = ("dense", "keyword", "hybrid")

#: postings read per query term by the keyword arm (see :func:`keyword_arm`)
TERM_CAP = 1000
#: the full-text configuration of ``chunks.tsv`` (schema.py); queries must use the same
TS_CONFIG = "english"


@dataclass(frozen=True)
class Filters:
    """Metadata filters of a retrieval; every one given must hold (empty: no filter).

    ``sources``: globs on the source id, any may match (``docs/hr/**``); ``mimes``: globs
    on the MIME type (``text/*``, ``application/pdf``); ``meta``: tags every matching
    document carries with these values (``documents.meta @> meta``); ``modified_after``:
    documents modified at or after this instant (documents without a date are left out)."""

    sources: tuple[str, ...] = ()
    mimes: tuple[str, ...] = ()
    meta: Mapping[str, str] = field(default_factory=dict)
    modified_after: dt.datetime | None = None

    def __post_init__(self) -> None:
        if isinstance(self.sources, str) or isinstance(self.mimes, str):
            raise InputError("filters: sources and mimes are lists of globs, not one string")
        if self.modified_after is not None and self.modified_after.tzinfo is None:
            raise InputError(
                "filters.modified_after: give a timezone (e.g. 2026-01-01T00:00:00+00:00)"
            )

    @property
    def empty(self) -> bool:
        return not (self.sources or self.mimes or self.meta or self.modified_after)

    def clauses(self) -> list[sa.ColumnElement[bool]]:
        """Predicates on ``documents`` (joined to the chunks being ranked)."""
        out: list[sa.ColumnElement[bool]] = []
        if self.sources:
            out.append(sa.or_(*(documents.c.source.op("~")(glob_regex(g)) for g in self.sources)))
        if self.mimes:
            out.append(sa.or_(*(documents.c.mime.op("~")(glob_regex(g)) for g in self.mimes)))
        if self.meta:
            tags = sa.cast(sa.literal(json.dumps(dict(self.meta))), JSONB)
            out.append(documents.c.meta.op("@>")(tags))
        if self.modified_after is not None:
            out.append(documents.c.modified_at >= self.modified_after)
        return out


@dataclass(frozen=True)
class SearchPlan:
    """One retrieval: what to rank with (``vector`` and/or ``text``), how many, for whom."""

    kb: str
    dim: int
    k: int
    mode: Mode = "dense"
    vector: npt.NDArray[np.float32] | None = None
    text: str = ""
    candidates: int = 50  # per arm, before fusion (and the pool MMR picks from)
    rrf_k: int = 10  # RetrievalConfig.rrf_k: chosen on SciFact train (A1)
    mmr: float | None = None  # relevance weight; None: off
    reader: Reader | None = None
    filters: Filters = field(default_factory=Filters)
    kb_size: int = 1  # chunks in the knowledge base: the N of the keyword arm's IDF
    term_cap: int = TERM_CAP  # postings read per query term; a term past it is a stop word
    #: lexemes in ``term_cap`` chunks or more of the knowledge base: not looked up at all
    common_terms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"retrieval.mode: {self.mode!r} is not one of {', '.join(MODES)}")
        if self.k < 1:
            raise InputError(f"k must be at least 1 (got {self.k})")
        if self.mode != "keyword" and self.vector is None:
            raise InputError(f"{self.mode} retrieval needs the query's vector")
        if self.mode != "dense" and not self.text.strip():
            raise InputError(f"{self.mode} retrieval needs the query's text")
        if self.vector is not None and self.vector.shape != (self.dim,):
            raise InputError(
                f"the query vector has shape {self.vector.shape}; knowledge base {self.kb} "
                f"holds {self.dim} dims (was it embedded with the knowledge base's embedder?)"
            )

    @property
    def fetch(self) -> int:
        """Rows the statement returns: ``k``, or the whole candidate pool for MMR."""
        return max(self.k, self.candidates) if self.mmr is not None else self.k

    @property
    def per_arm(self) -> int:
        """Rows each arm ranks: enough for fusion (``candidates``) and for ``fetch``."""
        return self.fetch if self.mode != "hybrid" else max(self.candidates, self.fetch)


def session_settings(plan: SearchPlan, iterative_scan: bool) -> dict[str, str]:
    """Transaction-local settings for the statement: ``ef_search`` wide enough for the
    arm's ``LIMIT`` (HNSW returns at most ``ef_search`` rows per pass), iterative scans
    where pgvector has them (>= 0.8), no JIT: compiling this short query would cost
    more than running it (tens of ms at the planner's cost estimates for 100k rows), and
    a plan made for this query's own values. psycopg prepares a statement run five
    times, and PostgreSQL then settles on a generic plan that cannot see the query's
    terms: on SciFact (13,564 chunks, 100 per arm) the keyword arm took 75 ms p50 that
    way and 25 ms re-planned each time (hybrid 85 and 24 ms), for well under a
    millisecond of planning."""
    out = {
        "hnsw.ef_search": str(min(1000, max(40, plan.per_arm))),
        "jit": "off",
        "plan_cache_mode": "force_custom_plan",
    }
    if iterative_scan:
        out["hnsw.iterative_scan"] = "relaxed_order"
    return out


def _query_terms(text: str, common: Sequence[str]) -> sa.CTE:
    """The query's distinct lexemes (``to_tsvector``: stemmed, stop words dropped), each
    with a one-lexeme tsquery (quoted, so no lexeme is parsed or normalized again) and
    whether it is one of the knowledge base's ``common`` lexemes."""
    config: sa.ColumnElement[Any] = sa.literal_column(f"'{TS_CONFIG}'::regconfig")
    vector = sa.func.to_tsvector(config, sa.bindparam("text", text, type_=sa.Text))
    raw = (
        sa.func.unnest(sa.func.tsvector_to_array(vector))
        .table_valued("lexeme")
        .render_derived(name="query_lexemes")
    )
    escaped = sa.func.replace(sa.func.replace(raw.c.lexeme, "\\", "\\\\"), "'", "''")
    one = sa.cast(sa.literal("'") + escaped + sa.literal("'"), TSQUERY)
    common_list = sa.bindparam("common", list(common), type_=ARRAY(sa.Text))
    is_common = raw.c.lexeme == sa.func.any(sa.cast(common_list, ARRAY(sa.Text)))
    return (
        sa.select(raw.c.lexeme, one.label("q"), is_common.label("common"))
        .distinct()
        .cte("terms")
        .prefix_with("MATERIALIZED")
    )


def keyword_arm(
    plan: SearchPlan,
    readable: sa.ColumnElement[bool],
    doc_filters: list[sa.ColumnElement[bool]],
    kb: sa.BindParameter[str],
) -> sa.CTE:
    """The keyword arm: chunks containing any query term, ranked by the sum of the IDF
    of the terms they contain, ``ln(1 + (N - df + 0.5) / (df + 0.5))`` (BM25's IDF with
    term frequency saturated at one occurrence; SciFact's chunks are short enough that
    repetitions add little, and length normalization measured worse on the train split).

    Each term's postings come from the GIN index (``terms x LATERAL (chunks WHERE tsv @@
    term LIMIT term_cap)``), and ``df`` is counted on those rows: the chunks this reader
    may read that pass the filters. IDF therefore never reflects documents the reader
    cannot see (global statistics would let the ranking hint at hidden documents' words),
    and it needs no statistics table to keep current. ``N`` is the knowledge base's chunk
    count (``plan.kb_size``).

    A term found in ``term_cap`` readable chunks or more is treated as a stop word (weight
    0) unless every term of the query is that common: the cost of a query is then at most
    ``term_cap`` rows per term (each read from the heap to check the knowledge base and
    the reader), where a term in half of 100,000 chunks would otherwise cost a second, and
    such a term's IDF is too low to change a ranking much (SciFact train, hybrid nDCG@10:
    0.7168 without a cap, 0.7159 at 1,000). Terms the store already knows to be that
    common in the whole knowledge base (``plan.common_terms``, from ``ts_stat``) are not
    looked up at all: the GIN bitmap of a term in 30,000 chunks alone costs milliseconds."""
    terms = _query_terms(plan.text, plan.common_terms)
    # common terms are not looked up (weight 0), unless the query has nothing else
    rare_exists = sa.select(terms.c.lexeme).where(sa.not_(terms.c.common)).exists()
    looked_up = sa.or_(sa.not_(terms.c.common), sa.not_(rare_exists))
    source: Any = chunks
    if doc_filters:
        source = chunks.join(documents, documents.c.id == chunks.c.document_id)
    hits = (
        sa.select(chunks.c.id)
        .select_from(source)
        .where(chunks.c.tsv.op("@@")(terms.c.q), chunks.c.kb == kb, readable, *doc_filters)
        .limit(plan.term_cap)
        .lateral("hits")
    )
    postings = (
        sa.select(terms.c.lexeme, hits.c.id)
        .select_from(terms.join(hits, sa.true()))
        .where(looked_up)
        .cte("postings")
        .prefix_with("MATERIALIZED")
    )
    df = (
        sa.select(postings.c.lexeme, sa.func.count().label("n"))
        .group_by(postings.c.lexeme)
        .cte("df")
    )
    n = sa.cast(plan.kb_size, sa.Float)
    idf = sa.func.ln(1.0 + (n - df.c.n + 0.5) / (df.c.n + 0.5))
    informative = sa.select(df.c.lexeme).where(df.c.n < plan.term_cap).exists()
    weight = sa.case((sa.and_(df.c.n >= plan.term_cap, informative), 0.0), else_=idf)
    value = sa.func.sum(weight)
    return (
        sa.select(postings.c.id, value.label("value"))
        .select_from(postings.join(df, df.c.lexeme == postings.c.lexeme))
        .group_by(postings.c.id)
        .having(value > 0)
        .order_by(value.desc(), postings.c.id)
        .limit(plan.per_arm)
        .cte("keyword")
        .prefix_with("MATERIALIZED")
    )


def search_statement(plan: SearchPlan, with_vectors: bool = False) -> sa.Select[Any]:
    """The one SQL statement of a retrieval (see the module docstring)."""
    # inlined as a literal, so the partial index's predicate provably holds
    kb: sa.BindParameter[str] = sa.bindparam("kb", plan.kb, literal_execute=True)
    doc_filters = plan.filters.clauses()
    readable = reader_clause(chunks, plan.reader)

    def source(*cols: Any) -> sa.Select[Any]:
        stmt = sa.select(*cols).where(chunks.c.kb == kb, readable, *doc_filters)
        if doc_filters:
            stmt = stmt.select_from(chunks.join(documents, documents.c.id == chunks.c.document_id))
        return stmt

    vec = sa.cast(chunks.c.embedding, Vector(plan.dim))
    query_vec = (
        sa.bindparam("q", plan.vector, type_=Vector(plan.dim)) if plan.vector is not None else None
    )
    arms: list[tuple[str, sa.CTE, Any, bool]] = []  # name, CTE, ordering column, descending
    if plan.mode in ("dense", "hybrid"):
        assert query_vec is not None
        distance = vec.cosine_distance(query_vec)
        dense = (
            source(chunks.c.id, distance.label("value"))
            .order_by(distance)
            .limit(plan.per_arm)
            .cte("dense")
            .prefix_with("MATERIALIZED")
        )
        arms.append(("dense", dense, dense.c.value, False))
    if plan.mode in ("keyword", "hybrid"):
        keyword = keyword_arm(plan, readable, doc_filters, kb)
        arms.append(("keyword", keyword, keyword.c.value, True))

    ranked = []
    for name, cte, value, descending in arms:
        order = (value.desc() if descending else value.asc(), cte.c.id)
        ranked.append(
            sa.select(
                cte.c.id,
                cte.c.value,
                sa.func.row_number().over(order_by=order).label("rank"),
            ).cte(f"{name}_ranked")
        )
    cols: dict[str, Any] = {}
    if len(ranked) == 2:
        d, kw = ranked
        joined: Any = d.join(kw, d.c.id == kw.c.id, full=True)
        cols["id"] = sa.func.coalesce(d.c.id, kw.c.id)
        cols["dense_rank"], cols["keyword_rank"] = d.c.rank, kw.c.rank
        cols["keyword_score"] = kw.c.value
        cols["score"] = sa.func.coalesce(1.0 / (plan.rrf_k + d.c.rank), 0.0) + sa.func.coalesce(
            1.0 / (plan.rrf_k + kw.c.rank), 0.0
        )
    else:
        (only,) = ranked
        joined = only
        name = arms[0][0]
        cols["id"] = only.c.id
        cols["dense_rank" if name == "dense" else "keyword_rank"] = only.c.rank
        cols["dense_rank" if name == "keyword" else "keyword_rank"] = sa.null()
        if name == "dense":
            cols["keyword_score"] = sa.null()
            cols["score"] = 1.0 - only.c.value
        else:
            cols["keyword_score"] = only.c.value
            cols["score"] = only.c.value
    fused = (
        sa.select(*(c.label(n) for n, c in cols.items()))
        .select_from(joined)
        .order_by(sa.desc("score"), sa.asc("id"))
        .limit(plan.fetch)
        .cte("fused")
    )
    dense_score = (1.0 - vec.cosine_distance(query_vec)) if query_vec is not None else sa.null()
    out = [
        chunks.c.id,
        documents.c.source,
        documents.c.title,
        chunks.c.ordinal,
        chunks.c.heading,
        chunks.c.text,
        chunks.c.start_char,
        chunks.c.end_char,
        chunks.c.page,
        fused.c.score,
        fused.c.dense_rank,
        sa.cast(dense_score, sa.Float).label("dense_score"),
        fused.c.keyword_rank,
        sa.cast(fused.c.keyword_score, sa.Float).label("keyword_score"),
    ]
    if with_vectors:
        out.append(vec.label("vector"))
    return (
        sa.select(*out)
        .select_from(
            fused.join(chunks, chunks.c.id == fused.c.id).join(
                documents, documents.c.id == chunks.c.document_id
            )
        )
        .order_by(fused.c.score.desc(), fused.c.id)
    )


def rows_to_chunks(rows: Sequence[sa.Row[Any]]) -> list[RetrievedChunk]:
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
            page=r.page,
            dense_rank=r.dense_rank,
            dense_score=None if r.dense_score is None else float(r.dense_score),
            keyword_rank=r.keyword_rank,
            keyword_score=None if r.keyword_score is None else float(r.keyword_score),
        )
        for r in rows
    ]


def mmr(
    relevance: npt.NDArray[np.floating[Any]],
    vectors: npt.NDArray[np.floating[Any]],
    k: int,
    weight: float,
) -> list[int]:
    """Maximal marginal relevance: the indexes of ``k`` candidates, each the one that
    maximizes ``weight * relevance - (1 - weight) * (max cosine to those already
    picked)``. ``weight`` 1 keeps the ranking; lower values trade relevance for
    diversity (fewer near-duplicate chunks, e.g. overlapping chunks of one section)."""
    n = len(relevance)
    if n == 0 or k <= 0:
        return []
    v = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    v = v / np.clip(norms, 1e-12, None)
    rel = np.asarray(relevance, dtype=np.float64)
    picked: list[int] = []
    max_sim = np.full(n, -np.inf)
    available = np.ones(n, dtype=bool)
    for _ in range(min(k, n)):
        redundancy = np.where(np.isfinite(max_sim), max_sim, 0.0)
        value = weight * rel - (1.0 - weight) * redundancy
        value[~available] = -np.inf
        best = int(np.argmax(value))
        picked.append(best)
        available[best] = False
        max_sim = np.maximum(max_sim, v @ v[best])
    return picked
