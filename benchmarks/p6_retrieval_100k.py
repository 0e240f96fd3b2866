"""P6: retrieval p95 at 100,000 chunks on the embedded PostgreSQL (target <= 20 ms).

What is timed is ``PgDocumentStore.search`` as ``KnowledgeBase.retrieve`` calls it (the
one statement, its settings, the pool), hybrid, by a caller whose tenant and groups
filter the chunks in SQL. The query embedding is excluded and measured apart (MiniLM on
the same query texts), since the synthetic chunks were not embedded by a model.

The load: 10,000 documents of 10 chunks each (100,000 chunks) inserted in bulk through
SQLAlchemy Core, not through the embedder: vectors are random unit vectors of dim 384
drawn around 2,000 random centres (so a query has true neighbours), text is 60-120 words
from a Zipf-distributed vocabulary of 20,000 made-up words. Access: tenant ``acme`` holds
90% of the documents, ``globex`` the rest; 30% are public, the others readable by 1-2 of
8 groups; group ``rare`` alone reads 0.5% of the documents. Queries are near copies of a
stored vector (noise added) with 3-8 words of that chunk's text plus 1-2 random words.

The HNSW index is built after the load with ``maintenance_work_mem = 1GB`` (the same
index ``PgDocumentStore.ensure_kb`` builds, under its name, so ``ensure_kb`` then finds
it valid). Peak memory is the peak, sampled every 0.25 s, of this process's RSS plus the
PostgreSQL processes' proportional set size (PSS: shared buffers counted once).

The embedded server sizes ``shared_buffers`` and ``effective_cache_size`` from the
machine's memory (:mod:`genaiops.storage.pgsettings`; 1 GB and half the memory here);
``--shared-buffers`` overrides the first through ``ALTER SYSTEM`` for comparisons. The
plan recorded is ``EXPLAIN (ANALYZE, BUFFERS)`` of the first query, planned as
``PgDocumentStore.search`` plans it (with the knowledge base's common terms).

The database is kept in a data folder under /tmp between runs (``--data``); ``--reload``
starts over. Run: ``.venv/bin/python benchmarks/p6_retrieval_100k.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shlex
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import psutil
import sqlalchemy as sa

from bench_common import RESULTS, result_header, table, write_result
from genaiops.apps.request import Caller
from genaiops.knowledge.store import PgDocumentStore, _index_name
from genaiops.stats import percentile
from genaiops.storage import Database
from genaiops.storage.schema import chunks, documents, knowledge_bases

KB = "p6-synthetic"
DIM = 384
N_DOCS = 10_000
CHUNKS_PER_DOC = 10
GROUPS = [f"g{i}" for i in range(8)]
SEED = 6


class PeakMemory:
    """Samples this process's RSS plus PostgreSQL's PSS until stopped."""

    def __init__(self, pgdata: Path) -> None:
        self.pgdata = pgdata
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _pg_processes(self) -> list[psutil.Process]:
        pid_file = self.pgdata / "postmaster.pid"
        try:
            main = psutil.Process(int(pid_file.read_text().split()[0]))
            return [main, *main.children(recursive=True)]
        except (OSError, ValueError, psutil.Error):
            return []

    def sample(self) -> int:
        total = psutil.Process().memory_info().rss
        for p in self._pg_processes():
            with contextlib.suppress(psutil.Error):
                total += p.memory_full_info().pss
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.sample())
            self._stop.wait(0.25)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def make_corpus(rng: np.random.Generator) -> dict[str, Any]:
    syllables = np.array(["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "dro"])
    vocab: list[str] = []
    seen: set[str] = set()
    while len(vocab) < 20_000:
        w = "".join(rng.choice(syllables, rng.integers(2, 5)))
        if w not in seen:
            seen.add(w)
            vocab.append(w)
    zipf = 1.0 / np.arange(1, len(vocab) + 1) ** 1.07
    zipf /= zipf.sum()
    centres = _unit(rng.standard_normal((2000, DIM)))
    n = N_DOCS * CHUNKS_PER_DOC
    owner = rng.integers(0, len(centres), n)
    vectors = _unit(centres[owner] + rng.standard_normal((n, DIM)) / np.sqrt(DIM))
    lengths = rng.integers(60, 121, n)
    words = np.asarray(vocab)[rng.choice(len(vocab), int(lengths.sum()), p=zipf)]
    ends = np.cumsum(lengths)
    texts = [" ".join(words[end - length : end]) for end, length in zip(ends, lengths, strict=True)]
    docs = []
    for _ in range(N_DOCS):
        tenant = "acme" if rng.random() < 0.9 else "globex"
        public = bool(rng.random() < 0.3)
        if rng.random() < 0.005:
            groups, public = ["rare"], False
        elif public:
            groups = []
        else:
            groups = list(rng.choice(GROUPS, rng.integers(1, 3), replace=False))
        docs.append({"tenant": tenant, "public": public, "groups": sorted(set(groups))})
    return {"vocab": vocab, "vectors": vectors, "texts": texts, "docs": docs}


def load(db: Database, corpus: dict[str, Any]) -> dict[str, float]:
    """Insert documents and chunks in bulk, then build the HNSW index; timings in s."""
    timings = {}
    t0 = time.perf_counter()
    with db.engine.begin() as conn:
        conn.execute(sa.delete(documents).where(documents.c.kb == KB))
        conn.execute(sa.delete(knowledge_bases).where(knowledge_bases.c.name == KB))
        conn.execute(sa.insert(knowledge_bases).values(name=KB, embedder="synthetic", dim=DIM))
        ids = (
            conn.execute(
                sa.insert(documents).returning(documents.c.id, sort_by_parameter_order=True),
                [
                    {
                        "kb": KB,
                        "source": f"docs/{d:05d}.md",
                        "title": f"Document {d}",
                        "checksum": str(d),
                        "n_chars": 1000,
                        "tenant": doc["tenant"],
                        "acl_groups": doc["groups"],
                        "public": doc["public"],
                    }
                    for d, doc in enumerate(corpus["docs"])
                ],
            )
            .scalars()
            .all()
        )
    batch = 5_000
    vectors, texts = corpus["vectors"], corpus["texts"]
    for start in range(0, len(texts), batch):
        rows = []
        for i in range(start, min(start + batch, len(texts))):
            d = i // CHUNKS_PER_DOC
            doc = corpus["docs"][d]
            rows.append(
                {
                    "document_id": ids[d],
                    "kb": KB,
                    "ordinal": i % CHUNKS_PER_DOC,
                    "heading": f"Document {d}",
                    "text": texts[i],
                    "start_char": 0,
                    "end_char": len(texts[i]),
                    "n_tokens": len(texts[i].split()),
                    "embedding": vectors[i],
                    "tenant": doc["tenant"],
                    "acl_groups": doc["groups"],
                    "public": doc["public"],
                }
            )
        with db.engine.begin() as conn:
            conn.execute(sa.insert(chunks), rows)
        print(f"  inserted {min(start + batch, len(texts)):,} chunks", flush=True)
    timings["insert_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    name = _index_name(KB)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("SET maintenance_work_mem = '1GB'"))
        conn.execute(sa.text("SET max_parallel_maintenance_workers = 1"))
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))
        conn.execute(
            sa.text(
                f"CREATE INDEX {name} ON chunks USING hnsw ((embedding::vector({DIM})) "
                f"vector_cosine_ops) WHERE kb = '{KB}'"
            )
        )
        conn.execute(sa.text("VACUUM ANALYZE chunks"))
        conn.execute(sa.text("VACUUM ANALYZE documents"))
    timings["index_s"] = time.perf_counter() - t0
    return timings


def queries(rng: np.random.Generator, corpus: dict[str, Any], n: int) -> list[tuple[Any, str]]:
    out = []
    vocab = corpus["vocab"]
    for _ in range(n):
        i = int(rng.integers(len(corpus["texts"])))
        vec = _unit(corpus["vectors"][i] + 0.5 * rng.standard_normal(DIM) / np.sqrt(DIM))
        words = corpus["texts"][i].split()
        picked = list(rng.choice(words, rng.integers(3, 9)))
        picked += list(rng.choice(vocab, rng.integers(1, 3)))
        out.append((vec, " ".join(picked)))
    return out


def time_search(
    store: PgDocumentStore, qs: list[tuple[Any, str]], mode: str, caller: Caller, k: int = 10
) -> tuple[list[float], list[int]]:
    latencies, counts = [], []
    for vec, text in qs:
        t0 = time.perf_counter()
        hits = store.search(KB, vec if mode != "keyword" else None, k, text=text, mode=mode,
                            reader=caller)  # fmt: skip
        latencies.append((time.perf_counter() - t0) * 1e3)
        counts.append(len(hits))
    return latencies, counts


def recall_at_10(
    store: PgDocumentStore, corpus: dict[str, Any], qs: list[tuple[Any, str]], caller: Caller
) -> float:
    """The filtered dense arm's recall@10 against exact search over the readable chunks."""
    readable = np.array(
        [
            doc["tenant"] == caller.tenant
            and (doc["public"] or bool(set(doc["groups"]) & set(caller.groups)))
            for doc in corpus["docs"]
            for _ in range(CHUNKS_PER_DOC)
        ]
    )
    idx = np.flatnonzero(readable)
    with store.db.engine.connect() as conn:
        ids = (
            conn.execute(sa.select(chunks.c.id).where(chunks.c.kb == KB).order_by(chunks.c.id))
            .scalars()
            .all()
        )
    ids_arr = np.asarray(ids)
    found = 0
    for vec, _ in qs:
        sims = corpus["vectors"][idx] @ vec
        truth = set(ids_arr[idx[np.argsort(-sims)[:10]]].tolist())
        got = {h.chunk_id for h in store.search(KB, vec, 10, reader=caller)}
        found += len(truth & got)
    return found / (10 * len(qs))


def explain(
    store: PgDocumentStore, vec: Any, text: str, caller: Caller, full: bool = False
) -> list[str]:
    from sqlalchemy.dialects import postgresql

    from genaiops.knowledge import retrieval

    plan = retrieval.SearchPlan(
        kb=KB,
        dim=DIM,
        k=10,
        mode="hybrid",
        vector=vec,
        text=text,
        reader=caller,
        kb_size=N_DOCS * CHUNKS_PER_DOC,
        common_terms=store._common_terms(KB),  # as store.search plans it
    )
    sql = str(
        retrieval.search_statement(plan).compile(
            dialect=postgresql.psycopg.dialect(),
            compile_kwargs={"literal_binds": True, "render_postcompile": True},
        )
    )
    with store.db.engine.begin() as conn:
        for name, value in retrieval.session_settings(plan, True).items():
            conn.execute(sa.select(sa.func.set_config(name, value, True)))
        rows = conn.execute(sa.text("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql))
        lines = rows.scalars().all()
    if full:
        return list(lines)
    keep = ("Scan", "Time", "Buffers")
    return [r for r in lines if any(word in r for word in keep)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/genaiops-p6"))
    parser.add_argument("--reload", action="store_true", help="drop and load the chunks again")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument(
        "--shared-buffers",
        help="set the embedded server's shared_buffers (e.g. 1GB) and restart it first; "
        "'default' resets it to the server's default",
    )
    args = parser.parse_args()

    rng = np.random.default_rng(SEED)
    t0 = time.perf_counter()
    corpus = make_corpus(rng)
    print(f"generated {len(corpus['texts']):,} chunks in {time.perf_counter() - t0:.0f} s")
    db = Database(data_dir=args.data)
    if args.shared_buffers:  # a server setting: applied by a restart
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if args.shared_buffers == "default":
                conn.execute(sa.text("ALTER SYSTEM RESET shared_buffers"))
            else:
                value = args.shared_buffers.replace("'", "")
                conn.execute(sa.text(f"ALTER SYSTEM SET shared_buffers = '{value}'"))
        db.close()  # the last user: the server stops
        db = Database(data_dir=args.data)
    store = PgDocumentStore(db)
    with db.engine.connect() as conn:
        have = conn.execute(
            sa.select(sa.func.count()).select_from(chunks).where(chunks.c.kb == KB)
        ).scalar()
    load_figures: dict[str, float] = {}
    peak_mb = None
    if args.reload or have != N_DOCS * CHUNKS_PER_DOC:
        from genaiops.storage.embedded import PGDATA_DIR

        with PeakMemory(args.data / PGDATA_DIR) as mem:
            load_figures = load(db, corpus)
        peak_mb = mem.peak / 2**20
        print(f"loaded: {load_figures}, peak memory {peak_mb:.0f} MB")
        saved = {**load_figures, "peak_memory_mb": peak_mb}
        (args.data / "p6_load.json").write_text(json.dumps(saved))
    elif (args.data / "p6_load.json").exists():  # the figures of the run that loaded it
        load_figures = json.loads((args.data / "p6_load.json").read_text())
        peak_mb = load_figures.pop("peak_memory_mb", None)
    store.ensure_kb(KB, "synthetic", DIM)  # finds the index valid
    with db.engine.connect() as conn:
        size = conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar()
        shared_buffers = conn.execute(sa.text("SHOW shared_buffers")).scalar()

    acme = Caller(principal="bench", tenant="acme", groups=("g1", "g4"))
    rare = Caller(principal="bench", tenant="acme", groups=("rare",))
    qs = queries(np.random.default_rng(SEED + 1), corpus, args.queries)
    time_search(store, qs[:50], "hybrid", acme)  # warm the caches and the pool
    rows = [["mode", "caller", "p50 ms", "p95 ms", "max ms", "mean hits"]]
    figures: dict[str, Any] = {}
    for mode, caller, label in [
        ("hybrid", acme, "acme g1,g4"),
        ("dense", acme, "acme g1,g4"),
        ("keyword", acme, "acme g1,g4"),
        ("hybrid", rare, "acme rare (0.5%)"),
        ("dense", rare, "acme rare (0.5%)"),
    ]:
        lat, counts = time_search(store, qs, mode, caller)
        fig = {
            "p50_ms": percentile(lat, 50),
            "p95_ms": percentile(lat, 95),
            "max_ms": max(lat),
            "mean_hits": float(np.mean(counts)),
        }
        figures[f"{mode} {label}"] = fig
        rows.append(
            [mode, label, f"{fig['p50_ms']:.1f}", f"{fig['p95_ms']:.1f}", f"{fig['max_ms']:.1f}",
             f"{fig['mean_hits']:.1f}"]
        )  # fmt: skip
    recall = recall_at_10(store, corpus, qs[:100], acme)
    recall_rare = recall_at_10(store, corpus, qs[:100], rare)

    from genaiops.knowledge.embedders import MiniLMEmbedder

    embedder = MiniLMEmbedder()
    embedder.warm_up()
    embed_ms = []
    for _, text in qs[:200]:
        t = time.perf_counter()
        embedder.embed_query(text)
        embed_ms.append((time.perf_counter() - t) * 1e3)
    plan_lines = explain(store, qs[0][0], qs[0][1], acme)

    print()
    print(table(rows, right_from=2))
    print(
        f"\ndense recall@10 vs exact search over the readable chunks: {recall:.3f} "
        f"(acme g1,g4), {recall_rare:.3f} (rare)"
    )
    print(
        f"query embedding (MiniLM, excluded above): p50 {percentile(embed_ms, 50):.1f} ms, "
        f"p95 {percentile(embed_ms, 95):.1f} ms"
    )
    peak = f", load peak memory {peak_mb:.0f} MB" if peak_mb else ""
    print(f"database size {size / 2**20:.0f} MB, shared_buffers {shared_buffers}{peak}")
    print("plan (hybrid, acme):\n  " + "\n  ".join(plan_lines))
    target = figures["hybrid acme g1,g4"]["p95_ms"]
    print(f"\nP6 hybrid + ACL p95 {target:.1f} ms (target <= 20 ms)")
    result = result_header("p6_retrieval_100k") | {
        "command": shlex.join(["python", "benchmarks/p6_retrieval_100k.py", *sys.argv[1:]])
    }
    result.update(
        {
            "chunks": N_DOCS * CHUNKS_PER_DOC,
            "dim": DIM,
            "queries": len(qs),
            "k": 10,
            "candidates_per_arm": 50,
            "search": figures,
            "p95_ms_hybrid_acl": target,
            "target_ms": 20,
            "dense_recall_at_10": {"acme g1,g4": recall, "rare": recall_rare},
            "query_embedding_ms": {
                "p50": percentile(embed_ms, 50),
                "p95": percentile(embed_ms, 95),
            },
            "load": load_figures or "reused from an earlier run (--reload to measure)",
            "load_peak_memory_mb": peak_mb,
            "database_mb": size / 2**20,
            "shared_buffers": shared_buffers,
            "term_cap": 1000,
            "plan": plan_lines,
        }
    )
    write_result(RESULTS / "p6_retrieval_100k.json", result)
    db.close()


if __name__ == "__main__":
    main()
