"""Durable incremental sync: only new, changed and deleted documents are redone, one
transaction per document, so an ingest killed with SIGKILL at any point and run again
leaves exactly what a clean ingest leaves: one document per source, all of its chunks, no
orphan, no duplicate, no half-written document. On the session's PostgreSQL, with the
hash embedder (the subject is the sync, not the vectors)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml

from genaiops.config import KnowledgeBaseConfig
from genaiops.errors import StorageError
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.chunking import Chunk
from genaiops.knowledge.connectors import SourceDocument
from genaiops.knowledge.embedders import HashEmbedder
from genaiops.knowledge.store import PUBLIC, Access, PgDocumentStore
from genaiops.knowledge.sync import BackgroundWriter
from genaiops.storage import Database
from genaiops.storage.schema import chunks, documents

KB_OPTIONS: dict[str, Any] = {
    "paths": ["docs"],
    "embedder": "hash",
    "chunk_size": 40,
    "chunk_overlap": 8,
}


def write_doc(folder: Path, i: int, version: int = 0) -> None:
    body = " ".join(f"Doc {i} fact {k} in version {version} holds." for k in range(1 + i % 9))
    (folder / f"doc{i:04d}.md").write_text(f"# Doc {i}\n\n{body}\n\n## More\n\n{body}\n", "utf-8")


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        write_doc(folder, i)


def snapshot(database: Database, kb: str) -> dict[str, tuple[str, str, list[tuple[Any, ...]]]]:
    """Per source: checksum, chunker fingerprint and its chunks (ordinal, text, span)."""
    query = (
        sa.select(
            documents.c.source,
            documents.c.checksum,
            documents.c.chunker,
            chunks.c.ordinal,
            chunks.c.text,
            chunks.c.start_char,
            chunks.c.end_char,
        )
        .join(chunks, chunks.c.document_id == documents.c.id, isouter=True)
        .where(documents.c.kb == kb)
        .order_by(documents.c.source, chunks.c.ordinal)
    )
    out: dict[str, tuple[str, str, list[tuple[Any, ...]]]] = {}
    with database.engine.connect() as conn:
        for r in conn.execute(query):
            entry = out.setdefault(r.source, (r.checksum, r.chunker, []))
            if r.ordinal is not None:
                entry[2].append((r.ordinal, r.text, r.start_char, r.end_char))
    return out


def assert_consistent(database: Database, kb: str) -> None:
    """No chunk without its document or of another knowledge base, no ordinal twice."""
    with database.engine.connect() as conn:
        orphans = conn.execute(
            sa.text(
                "SELECT count(*) FROM chunks c LEFT JOIN documents d ON d.id = c.document_id "
                "WHERE (c.kb = :kb OR d.kb = :kb) AND (d.id IS NULL OR d.kb <> c.kb)"
            ),
            {"kb": kb},
        ).scalar_one()
        twice = conn.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT document_id, ordinal FROM chunks WHERE kb = :kb "
                "GROUP BY 1, 2 HAVING count(*) > 1) t"
            ),
            {"kb": kb},
        ).scalar_one()
    assert (orphans, twice) == (0, 0)


def written_since(database: Database, kb: str, since: Any) -> int:
    with database.engine.connect() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count())
                .select_from(documents)
                .where(documents.c.kb == kb, documents.c.ingested_at > since)
            ).scalar_one()
        )


def server_now(database: Database) -> Any:
    with database.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.now())).scalar_one()


def ingest_command(root: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from genaiops.cli.main import main; main()",
        "kb",
        "ingest",
        "-p",
        str(root),
    ]


def kill_mid_ingest(
    root: Path,
    env: dict[str, str],
    database: Database,
    kb: str,
    rng: random.Random,
    wait_for_a_write: bool = True,
) -> bool:
    """Start an ingest, wait until it has written a document (or not: then the kill lands
    after a random delay, while it starts, builds the index or writes its first documents,
    and at the latest just after its first write), then SIGKILL it after a short random
    delay. Whether it was still running when killed.

    The delays are bounded by the first write, not by the clock alone: a whole ingest of
    the corpus with the hash embedder can take less than the random delay on a fast
    machine, and an ingest that finishes leaves the next ones nothing to be killed in."""
    since = server_now(database)
    proc = subprocess.Popen(
        ingest_command(root), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    delay = None if wait_for_a_write else rng.uniform(0.3, 2.5)
    started = time.monotonic()
    deadline = started + 30
    while proc.poll() is None and time.monotonic() < deadline:
        if delay is not None and time.monotonic() - started >= delay:
            break
        if written_since(database, kb, since):
            time.sleep(rng.uniform(0.0, 0.1))
            break
        time.sleep(0.02)
    running = proc.poll() is None
    if running:
        proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=30)
    assert running or proc.returncode == 0, err.decode()
    return running


def test_kill_9_mid_ingest_then_rerun_leaves_exactly_a_clean_ingest(
    tmp_path: Path, database: Database, database_url: str
) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    kb, clean = "sync-kill", "sync-clean"
    store = PgDocumentStore(database)
    store.drop_kb(kb)
    root = tmp_path / "project"
    write_corpus(root / "docs", 250)
    data = {"version": 1, "name": "sync", "knowledge_bases": {kb: KB_OPTIONS}}
    (root / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
    env = {**os.environ, "GENAIOPS_DATABASE_URL": database_url, "COLUMNS": "200"}

    kills = [kill_mid_ingest(root, env, database, kb, rng, wait_for_a_write=False)]
    kills += [kill_mid_ingest(root, env, database, kb, rng) for _ in range(2)]
    assert_consistent(database, kb)
    docs = root / "docs"  # then changes: new, changed and deleted files, killed again
    for i in range(0, 40, 2):
        write_doc(docs, i, version=1)
    for i in range(240, 250):
        (docs / f"doc{i:04d}.md").unlink()
    for i in range(250, 260):
        write_doc(docs, i)
    kills += [kill_mid_ingest(root, env, database, kb, rng) for _ in range(2)]
    assert_consistent(database, kb)
    done = subprocess.run(
        ingest_command(root), check=False, env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()
    assert sum(kills) >= 2, f"seed {seed}: the ingests finished before they could be killed"

    reference = KnowledgeBase(
        clean, KnowledgeBaseConfig(**KB_OPTIONS), HashEmbedder(), store, root
    ).ingest()
    assert len(reference.added) == 250
    resumed, expected = snapshot(database, kb), snapshot(database, clean)
    assert sorted(resumed) == sorted(expected), f"seed {seed}"
    assert resumed == expected, f"seed {seed}"  # checksums, fingerprints, every chunk
    assert sum(len(c) for _, _, c in resumed.values()) == reference.chunks
    assert_consistent(database, kb)
    store.drop_kb(kb)
    store.drop_kb(clean)


class FailingStore(PgDocumentStore):
    """Fails the ``fail_at``-th document write, as a lost connection would."""

    def __init__(self, database: Database, fail_at: int) -> None:
        super().__init__(database)
        self.writes = 0
        self.fail_at = fail_at

    def upsert(
        self,
        kb: str,
        doc: SourceDocument,
        doc_chunks: Sequence[Chunk],
        embeddings: Any,
        access: Access = PUBLIC,
        chunker: str = "",
        *,
        title: str | None = None,
    ) -> None:
        self.writes += 1
        if self.writes == self.fail_at:
            raise StorageError("the connection to the database was lost")
        super().upsert(kb, doc, doc_chunks, embeddings, access, chunker, title=title)


def test_a_failed_write_stops_the_ingest_and_a_rerun_finishes_it(
    tmp_path: Path, database: Database
) -> None:
    write_corpus(tmp_path / "docs", 12)
    config = KnowledgeBaseConfig(**KB_OPTIONS)
    failing = KnowledgeBase(
        "sync-fail", config, HashEmbedder(), FailingStore(database, 5), tmp_path
    )
    with pytest.raises(StorageError, match="connection"):
        failing.ingest()
    partial = snapshot(database, "sync-fail")
    assert sorted(partial) == [f"docs/doc{i:04d}.md" for i in range(4)]  # none after the failure
    assert_consistent(database, "sync-fail")
    kb = KnowledgeBase("sync-fail", config, HashEmbedder(), PgDocumentStore(database), tmp_path)
    report = kb.ingest()
    assert sorted(report.added + report.unchanged) == [f"docs/doc{i:04d}.md" for i in range(12)]
    assert len(report.unchanged) == len(partial)  # what was written is not redone
    assert len(snapshot(database, "sync-fail")) == 12
    kb.store.drop_kb("sync-fail")


def test_the_background_writer_raises_the_first_failure_and_keeps_order() -> None:
    done: list[int] = []

    def write(i: int) -> None:
        if i == 3:
            raise StorageError("lost")
        done.append(i)

    with pytest.raises(StorageError), BackgroundWriter(depth=2) as writer:
        for i in range(10):
            writer.submit(write, i)
    assert done == [0, 1, 2]  # nothing after the failure was written


def test_a_changed_access_rule_updates_readers_without_reembedding(
    tmp_path: Path, database: Database
) -> None:
    write_corpus(tmp_path / "docs", 3)
    name = "sync-access"
    rules = [{"match": "docs/doc0000.md", "groups": ["hr"]}]
    config = KnowledgeBaseConfig(**KB_OPTIONS, access={"default": "public", "rules": rules})
    store = PgDocumentStore(database)
    KnowledgeBase(name, config, HashEmbedder(), store, tmp_path).ingest()
    before = snapshot(database, name)
    rules[0]["groups"] = ["hr", "legal"]
    config = KnowledgeBaseConfig(**KB_OPTIONS, access={"default": "public", "rules": rules})
    report = KnowledgeBase(name, config, HashEmbedder(), store, tmp_path).ingest()
    assert (
        report.access_updated == ["docs/doc0000.md"] and not report.rechunked and report.chunks == 0
    )
    assert snapshot(database, name) == before
    with database.engine.connect() as conn:
        groups = conn.execute(
            sa.select(chunks.c.acl_groups)
            .join(documents, documents.c.id == chunks.c.document_id)
            .where(documents.c.kb == name, documents.c.source == "docs/doc0000.md")
        ).scalars()
        assert {tuple(g) for g in groups} == {("hr", "legal")}
    store.drop_kb(name)
