"""``genaiops kb eval KB --beir DIR``: retrieval quality and latency on a BEIR dataset.

A BEIR folder holds ``corpus.jsonl`` (or ``.jsonl.gz``: ``_id``, ``title``, ``text``),
``queries.jsonl`` (or ``queries_<split>.jsonl``) and ``qrels/<split>.tsv``
(``query-id  corpus-id  score``, with a header line). The corpus is evaluated with the
settings of knowledge base ``KB`` (embedder, chunking, retrieval) but stored apart from
its documents, as the knowledge base ``KB.beir.<folder name>``, so an evaluation never
mixes with or prunes the real one. Its documents are written once as Markdown (``# title``
then the text: the title becomes every chunk's heading, as a real document's would) under
``<data_dir>/beir/<folder name>/`` and ingested through the ordinary ingest, which skips
them all on the next run; the ingest is skipped outright when every corpus document is
already stored.

Each query's retrieved chunks are folded into documents (a document ranks where its best
chunk ranks) and scored against the qrels: nDCG@10, recall@k (k documents), MRR@10, and
the latency of the retrieval itself, p50/p95 (:func:`genaiops.stats.percentile`); queries
are embedded once beforehand (embedding p50/p95 reported apart), so every mode's latency
is its database time plus the fixed cost of a call.

Registered on the ``kb`` group by :func:`register`.
"""

from __future__ import annotations

import gzip
import json
import math
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import quote, unquote

import typer
from rich.console import Console
from rich.markup import escape

from genaiops.config import PROJECT_FILE
from genaiops.errors import InputError

if TYPE_CHECKING:
    from genaiops.config import RetrievalConfig
    from genaiops.knowledge.base import KnowledgeBase
    from genaiops.runtime import Runtime

__all__ = [
    "BeirDataset",
    "ModeScore",
    "beir_knowledge_base",
    "evaluate",
    "kb_eval",
    "mrr",
    "ndcg",
    "recall",
    "register",
]

console = Console()
err_console = Console(stderr=True)

MODES = ("dense", "keyword", "hybrid")


# -- the dataset --------------------------------------------------------------------------


@dataclass(frozen=True)
class BeirDataset:
    """A BEIR folder, its queries of one split and their relevance judgements."""

    root: Path
    split: str
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]

    @property
    def name(self) -> str:
        return self.root.resolve().name

    @classmethod
    def load(cls, root: Path, split: str = "test") -> BeirDataset:
        qrels_file = root / "qrels" / f"{split}.tsv"
        queries_file = next(
            (p for p in (root / f"queries_{split}.jsonl", root / "queries.jsonl") if p.exists()),
            None,
        )
        if queries_file is None or not qrels_file.exists():
            raise InputError(
                f"{root}: not a BEIR folder for split {split!r}; it needs queries.jsonl (or "
                f"queries_{split}.jsonl) and qrels/{split}.tsv"
            )
        qrels: dict[str, dict[str, int]] = {}
        for i, line in enumerate(qrels_file.read_text("utf-8").splitlines()):
            parts = line.split("\t")
            if (i == 0 and parts[0] == "query-id") or len(parts) < 3:
                continue
            qrels.setdefault(parts[0], {})[parts[1]] = int(parts[2])
        queries = {}
        with queries_file.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    if str(row["_id"]) in qrels:  # judged queries only, as BEIR scores
                        queries[str(row["_id"])] = str(row["text"])
        if not queries:
            raise InputError(f"{queries_file}: no query has a judgement in {qrels_file}")
        return cls(root, split, queries, qrels)

    def corpus(self) -> Iterator[tuple[str, str, str]]:
        """(id, title, text) of every corpus document."""
        plain, packed = self.root / "corpus.jsonl", self.root / "corpus.jsonl.gz"
        if not plain.exists() and not packed.exists():
            raise InputError(f"{self.root}: no corpus.jsonl or corpus.jsonl.gz")
        with (
            plain.open(encoding="utf-8")
            if plain.exists()
            else gzip.open(packed, "rt", encoding="utf-8")
        ) as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    yield str(row["_id"]), str(row.get("title") or ""), str(row.get("text") or "")


def _file_name(doc_id: str) -> str:
    return quote(doc_id, safe="") + ".md"


def _doc_id(source: str) -> str:
    return unquote(source.rsplit("/", 1)[-1].removesuffix(".md"))


def beir_knowledge_base(
    ws: Runtime, kb: str, data: BeirDataset, ingest: bool = True
) -> tuple[KnowledgeBase, int]:
    """The knowledge base that holds ``data``'s corpus with ``kb``'s settings, ingested
    where documents are missing (``ingest``); returns it and the number of documents
    that had to be ingested."""
    from genaiops.knowledge.base import KnowledgeBase

    cfg = ws.config.knowledge_bases.get(kb)
    if cfg is None:
        known = ", ".join(sorted(ws.config.knowledge_bases)) or "(none declared)"
        raise InputError(
            f"knowledge base {kb!r} is not in the project; its settings are what is "
            f"evaluated. Declared: {known}"
        )
    folder = ws.data_dir / "beir" / data.name
    name = f"{kb}.beir.{data.name}"
    settings = cfg.model_copy(
        update={"paths": [str(folder)], "sources": [], "include": ["*.md"], "access": None}
    )
    base = KnowledgeBase(name, settings, ws.embedder(cfg.embedder), ws.store, ws.base_dir)
    stored = {_doc_id(s) for s in ws.store.checksums(name)}
    missing = 0
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, title, text in data.corpus():
        if doc_id in stored:
            continue
        missing += 1
        heading = " ".join(title.split())
        body = f"# {heading}\n\n{text.strip()}\n" if heading else f"{text.strip()}\n"
        path = folder / _file_name(doc_id)
        if not path.exists() or path.read_text("utf-8") != body:
            path.write_text(body, "utf-8")
    if missing and ingest:
        base.ingest(prune=False)
    return base, missing


# -- the metrics ---------------------------------------------------------------------------


def ndcg(ranked: Sequence[str], relevant: Mapping[str, int], at: int = 10) -> float:
    """Normalized discounted cumulative gain at ``at`` with graded relevance (BEIR's)."""
    gain = sum(relevant.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:at]))
    ideal = sorted((g for g in relevant.values() if g > 0), reverse=True)[:at]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return gain / best if best > 0 else 0.0


def recall(ranked: Sequence[str], relevant: Mapping[str, int], at: int) -> float:
    wanted = {d for d, g in relevant.items() if g > 0}
    return len(wanted & set(ranked[:at])) / len(wanted) if wanted else 0.0


def mrr(ranked: Sequence[str], relevant: Mapping[str, int], at: int = 10) -> float:
    return next((1.0 / (i + 1) for i, d in enumerate(ranked[:at]) if relevant.get(d, 0) > 0), 0.0)


@dataclass
class ModeScore:
    mode: str
    queries: int
    ndcg_at_10: float
    recall_at_k: float
    mrr_at_10: float
    latency_ms_p50: float
    latency_ms_p95: float
    k: int
    settings: dict[str, Any] = field(default_factory=dict)


def _fold(sources: Sequence[str]) -> list[str]:
    """Chunk sources -> document ids, each where its best chunk ranks."""
    seen: dict[str, None] = {}
    for s in sources:
        seen.setdefault(_doc_id(s), None)
    return list(seen)


def evaluate(
    kb: KnowledgeBase,
    data: BeirDataset,
    modes: Sequence[str] = MODES,
    k: int = 100,
    retrieval: RetrievalConfig | None = None,
    limit: int | None = None,
) -> tuple[list[ModeScore], dict[str, float]]:
    """Score each mode over the dataset's queries (the first ``limit``); ``k`` chunks
    are retrieved per query, which fold into at most ``k`` documents. Returns the scores
    and the query-embedding latency (p50/p95, ms)."""
    from genaiops.stats import percentile

    base = retrieval or kb.config.retrieval
    items = list(data.queries.items())[:limit]
    embed_ms = []
    for _, text in items:  # embedded once: every mode then reads the embedder's cache
        t0 = time.perf_counter()
        kb.embedder.embed_query(text)
        embed_ms.append((time.perf_counter() - t0) * 1e3)
    scores = []
    for mode in modes:
        settings = base.model_copy(update={"mode": mode})
        per_query: list[tuple[float, float, float]] = []
        latency = []
        for qid, text in items:
            t0 = time.perf_counter()
            hits = kb.retrieve(text, k, retrieval=settings)
            latency.append((time.perf_counter() - t0) * 1e3)
            ranked, rel = _fold([h.source for h in hits]), data.qrels[qid]
            per_query.append((ndcg(ranked, rel, 10), recall(ranked, rel, k), mrr(ranked, rel, 10)))
        n = len(per_query)
        scores.append(
            ModeScore(
                mode=mode,
                queries=n,
                ndcg_at_10=sum(p[0] for p in per_query) / n,
                recall_at_k=sum(p[1] for p in per_query) / n,
                mrr_at_10=sum(p[2] for p in per_query) / n,
                latency_ms_p50=percentile(latency, 50),
                latency_ms_p95=percentile(latency, 95),
                k=k,
                settings=settings.model_dump(),
            )
        )
    embedding = {"p50": percentile(embed_ms, 50), "p95": percentile(embed_ms, 95)}
    return scores, embedding


# -- the command --------------------------------------------------------------------------


def kb_eval(
    name: Annotated[str, typer.Argument(help="knowledge base whose settings are evaluated")],
    beir: Annotated[
        Path,
        typer.Option(
            "--beir", exists=True, file_okay=False, help="BEIR folder: corpus, queries, qrels"
        ),
    ],
    split: Annotated[str, typer.Option(help="qrels/<split>.tsv to score against")] = "test",
    modes: Annotated[
        list[str] | None,
        typer.Option("--mode", help="dense, keyword or hybrid (repeatable; default: all)"),
    ] = None,
    k: Annotated[int, typer.Option("-k", min=10, help="chunks retrieved per query")] = 100,
    limit: Annotated[int | None, typer.Option(min=1, help="score the first N queries")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    project: Annotated[
        Path | None,
        typer.Option("--project", "-p", help=f"project file or folder (default ./{PROJECT_FILE})"),
    ] = None,
) -> None:
    """Score retrieval on a BEIR dataset: nDCG@10, recall@k, MRR@10 and latency per mode.

    The corpus is ingested with KB's settings into its own knowledge base (KB.beir.NAME)
    the first time, and only what is missing after that."""
    from genaiops.runtime import Runtime

    chosen = modes or list(MODES)
    bad = [m for m in chosen if m not in MODES]
    if bad:
        err_console.print(f"error: --mode {bad[0]!r}: use dense, keyword or hybrid")
        raise typer.Exit(2)
    data = BeirDataset.load(beir, split)
    with Runtime.open(project) as ws:
        with console.status(f"checking that {escape(data.name)} is ingested..."):
            kb, missing = beir_knowledge_base(ws, name, data, ingest=False)
        if missing and as_json:  # stdout carries the JSON only
            kb.ingest(prune=False)
        elif missing:
            from genaiops.cli.main import _ingest_with_progress, _print_ingest

            _print_ingest(_ingest_with_progress(kb, prune=False))
        with console.status(f"scoring {len(data.queries)} queries..."):
            scores, embedding = evaluate(kb, data, chosen, k=k, limit=limit)
    if as_json:
        payload = {
            "kb": name,
            "dataset": data.name,
            "split": split,
            "query_embedding_ms": embedding,
            "modes": [asdict(s) for s in scores],
        }
        print(json.dumps(payload, indent=2))  # noqa: T201 - pure JSON on stdout
        return
    from genaiops.cli.main import _table

    table = _table(f"{escape(name)} on {escape(data.name)} ({split}, {scores[0].queries} queries)")
    for col in ("mode", "nDCG@10", f"recall@{k}", "MRR@10", "p50 ms", "p95 ms"):
        table.add_column(col, justify="left" if col == "mode" else "right")
    for s in scores:
        table.add_row(
            s.mode,
            f"{s.ndcg_at_10:.4f}",
            f"{s.recall_at_k:.4f}",
            f"{s.mrr_at_10:.4f}",
            f"{s.latency_ms_p50:.1f}",
            f"{s.latency_ms_p95:.1f}",
        )
    console.print(table)
    console.print(
        f"[dim]query embedding (not in the latencies): p50 {embedding['p50']:.1f} ms, "
        f"p95 {embedding['p95']:.1f} ms[/]"
    )


def register(kb_app: typer.Typer) -> None:
    """Add ``eval`` to the ``kb`` command group."""
    kb_app.command("eval")(kb_eval)
