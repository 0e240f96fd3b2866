"""Where ingestion spends its time: documents/s and the share of each stage.

What it measures
    The Fenwick example's Markdown and text files, copied ``--copies`` times (23: 506
    files) with every number shifted per copy so no two texts are alike, ingested by
    :meth:`genaiops.knowledge.base.KnowledgeBase.ingest` into a fresh embedded PostgreSQL
    (started and migrated before the clock starts), with the embedder warmed up. Reported:
    documents/s and chunks/s on the wall clock, the process's CPU time, and per stage its
    wall and thread CPU time: ``embed`` (the embedder's calls), ``chunk`` (the chunker),
    ``db write`` (one transaction per document; on its own thread, so overlapped with
    the embedding). On a shared machine the wall clock moves with the load; the CPU
    seconds are the figures to compare.

How to run
    .venv/bin/python benchmarks/ingest_profile.py                      # MiniLM, batch 32
    .venv/bin/python benchmarks/ingest_profile.py --batch-size 4       # smaller batches
    .venv/bin/python benchmarks/ingest_profile.py --embedder hash      # the pipeline alone
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import genaiops.knowledge.base as base_module
from genaiops.config import KnowledgeBaseConfig
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.embedders import create_embedder
from genaiops.knowledge.store import PgDocumentStore
from genaiops.storage import Database

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "fenwick" / "docs"
SPENT: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # stage: [wall, cpu]
LOCK = threading.Lock()


def timed(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            with LOCK:
                SPENT[stage][0] += time.perf_counter() - wall
                SPENT[stage][1] += time.thread_time() - cpu

    return wrapper


def make_corpus(target: Path, copies: int) -> int:
    target.mkdir(parents=True)
    files = sorted(EXAMPLE.glob("*.md")) + sorted(EXAMPLE.glob("*.txt"))
    for copy in range(copies):
        for path in files:
            text = re.sub(
                r"\d+", lambda m, c=copy: str(int(m.group()) + c), path.read_text("utf-8")
            )
            (target / f"{path.stem}-{copy:03d}{path.suffix}").write_text(text, "utf-8")
    return copies * len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=23)
    parser.add_argument("--embedder", default="minilm-l6-int8")
    parser.add_argument("--batch-size", type=int, help="the embedder's batch size")
    parser.add_argument("--chunking", default="structure")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="ingest-profile-"))
    try:
        n = make_corpus(root / "docs", args.copies)
        db = Database(data_dir=root)
        db.engine  # noqa: B018 - start and migrate the database before the clock starts
        options = {"batch_size": args.batch_size} if args.batch_size else {}
        embedder = create_embedder(args.embedder, options)
        embedder.warm_up()
        config = KnowledgeBaseConfig(
            paths=["docs"],
            include=["*.md", "*.txt"],
            chunking=args.chunking,
            embedder=args.embedder,
            embedder_options=options,
        )
        store = PgDocumentStore(db)
        kb = KnowledgeBase("profile", config, embedder, store, root)
        embedder.embed = timed("embed", embedder.embed)  # type: ignore[method-assign]
        store.upsert = timed("db write", store.upsert)  # type: ignore[method-assign]
        base_module.chunk_text = timed("chunk", base_module.chunk_text)  # type: ignore[attr-defined]
        wall, cpu = time.perf_counter(), time.process_time()
        report = kb.ingest()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"{n} documents, {report.chunks} chunks, {report.tokens} tokens in {wall:.1f} s "
            f"({cpu:.1f} s CPU in this process): {n / wall:.2f} documents/s, "
            f"{report.chunks / wall:.1f} chunks/s"
        )
        for stage, (stage_wall, stage_cpu) in sorted(SPENT.items(), key=lambda kv: -kv[1][0]):
            print(
                f"  {stage:9s} {stage_wall:7.1f} s wall ({100 * stage_wall / wall:4.1f}%) "
                f"{stage_cpu:7.1f} s CPU"
            )
        db.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
