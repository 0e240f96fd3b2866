"""`genaiops kb eval --beir` on a small generated BEIR folder, its metrics, and
`genaiops ask --as USER --groups ... --tenant ...` retrieving only what that user may read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from genaiops.cli.kb_eval import mrr, ndcg, recall
from genaiops.cli.main import app
from genaiops.config import AccessConfig, AccessRule, KnowledgeBaseConfig, get_settings
from genaiops.errors import InputError
from genaiops.knowledge.acl import resolve_access
from genaiops.knowledge.chunking import chunk_document
from genaiops.knowledge.connectors import SourceDocument
from genaiops.knowledge.embedders import HashEmbedder
from genaiops.knowledge.store import PgDocumentStore
from genaiops.storage import Database

runner = CliRunner()

CORPUS = [
    ("d1", "Volcano eruptions", "Lava flows from a volcano cool into basalt rock."),
    ("d2", "Coral reefs", "Coral reefs bleach when the ocean water warms."),
    ("d3", "Honey bees", "Honey bees dance to tell the hive where flowers grow."),
    ("d4", "Glaciers", "Glaciers carve valleys as the ice moves downhill."),
    ("d5", "Tides", "The moon pulls the ocean and makes the tides."),
]
QUERIES = {"q1": "why do coral reefs bleach", "q2": "bees dance hive", "q3": "ice carves valleys"}
QRELS = {"q1": "d2", "q2": "d3", "q3": "d4"}


@pytest.fixture
def store(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[PgDocumentStore]:
    """The session's database, reached by URL as a deployment with a server would, for
    the CLI (through the environment) and for the test (this store)."""
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    db = Database(database_url)
    yield PgDocumentStore(db)
    db.close()
    get_settings.cache_clear()


def test_metrics() -> None:
    assert ndcg(["a", "b", "c"], {"b": 1}) == pytest.approx(1 / 1.5849625)
    assert ndcg(["b", "a"], {"b": 1}) == 1.0 and ndcg(["x"], {"b": 1}) == 0.0
    assert ndcg(["a", "b"], {"a": 1, "b": 2}) < ndcg(["b", "a"], {"a": 1, "b": 2}) == 1.0
    assert recall(["a", "b", "c"], {"c": 1, "d": 1}, 2) == 0.0
    assert recall(["a", "b", "c"], {"c": 1, "d": 1}, 3) == 0.5
    assert mrr(["a", "b", "c"], {"c": 1}) == pytest.approx(1 / 3)
    assert mrr(["a"], {"c": 1}) == 0.0


def _beir(root: Path) -> Path:
    (root / "qrels").mkdir(parents=True)
    with (root / "corpus.jsonl").open("w") as f:
        for doc_id, title, text in CORPUS:
            f.write(json.dumps({"_id": doc_id, "title": title, "text": text}) + "\n")
    with (root / "queries.jsonl").open("w") as f:
        for qid, text in QUERIES.items():
            f.write(json.dumps({"_id": qid, "text": text}) + "\n")
    lines = ["query-id\tcorpus-id\tscore"] + [f"{q}\t{d}\t1" for q, d in QRELS.items()]
    (root / "qrels" / "test.tsv").write_text("\n".join(lines) + "\n")
    return root


def test_kb_eval_scores_every_mode_and_ingests_once(tmp_path: Path, store: PgDocumentStore) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    data = {
        "version": 1,
        "name": "eval-test",
        "knowledge_bases": {"tiny": {"paths": ["docs"], "embedder": "hash"}},
    }
    (project / "genaiops.yaml").write_text(yaml.safe_dump(data))
    beir = _beir(tmp_path / "nature")
    store.drop_kb("tiny.beir.nature")
    args = ["kb", "eval", "tiny", "--beir", str(beir), "-k", "10", "--json", "-p", str(project)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["dataset"] == "nature" and payload["split"] == "test"
    scores = {m["mode"]: m for m in payload["modes"]}
    assert set(scores) == {"dense", "keyword", "hybrid"}
    for s in scores.values():
        assert s["queries"] == 3 and s["latency_ms_p95"] >= s["latency_ms_p50"] > 0
        assert s["ndcg_at_10"] == 1.0 and s["recall_at_k"] == 1.0 and s["mrr_at_10"] == 1.0
    assert store.stats("tiny.beir.nature").documents == len(CORPUS)
    again = runner.invoke(app, [*args[:-3], "--mode", "keyword", "-p", str(project)])
    assert again.exit_code == 0, again.output
    assert "keyword" in again.output and "hybrid" not in again.output
    assert "added" not in again.output  # nothing ingested the second time
    bad = runner.invoke(app, ["kb", "eval", "tiny", "--beir", str(tmp_path), "-p", str(project)])
    assert isinstance(bad.exception, InputError) and "not a BEIR folder" in str(bad.exception)
    assert bad.exception.status == 400  # a caller's mistake: `genaiops` exits 2
    store.drop_kb("tiny.beir.nature")


def test_ask_as_a_user_retrieves_only_what_they_may_read(
    tmp_path: Path, store: PgDocumentStore
) -> None:
    access = {
        "default": "private",
        "tenant": "acme",
        "rules": [{"match": "hr/**", "groups": ["hr"]}, {"match": "pub/**", "public": True}],
    }
    data = {
        "version": 1,
        "name": "acl-cli",
        "models": {"echo": {"provider": "echo", "reply": "It depends."}},
        "knowledge_bases": {"acl-cli": {"paths": ["docs"], "embedder": "hash", "access": access}},
        "apps": {
            "assistant": {"model": "echo", "knowledge_base": "acl-cli", "min_score": -1},
            "by-words": {  # the app's retrieval settings override the knowledge base's
                "model": "echo",
                "knowledge_base": "acl-cli",
                "retrieval": {"mode": "keyword"},
            },
        },
        "default_app": "assistant",
    }
    (tmp_path / "docs").mkdir()
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(data))
    cfg = KnowledgeBaseConfig(
        paths=["docs"],
        embedder="hash",
        access=AccessConfig(
            default="private",
            tenant="acme",
            rules=[
                AccessRule(match="hr/**", groups=["hr"]),
                AccessRule(match="pub/**", public=True),
            ],
        ),
    )
    embedder = HashEmbedder()
    store.drop_kb("acl-cli")
    store.ensure_kb("acl-cli", embedder.name, embedder.dim)
    for source in ("hr/bonus.md", "pub/holidays.md", "exec/plan.md"):
        doc = SourceDocument(source, source, f"The bonus policy in {source}.")
        chunks = chunk_document(doc.text, doc.title, embedder.count_tokens, 64, 0)
        vectors = embedder.embed([c.embed_text for c in chunks])
        store.upsert("acl-cli", doc, chunks, vectors, access=resolve_access(doc, cfg))

    def ask(*options: str) -> dict[str, object]:
        args = ["ask", "--json", "--no-stream", "-p", str(tmp_path), *options, "bonus policy"]
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        payload: dict[str, object] = json.loads(result.output)
        return payload

    def sources(payload: dict[str, object]) -> set[str]:
        return {str(c["source"]) for c in payload["retrieved"]}  # type: ignore[attr-defined]

    hr = ask("--as", "alice", "--groups", "hr, sales", "--tenant", "acme")
    assert sources(hr) == {"hr/bonus.md", "pub/holidays.md"}
    assert hr["caller"] == {
        "principal": "alice",
        "tenant": "acme",
        "groups": ["hr", "sales"],
        "api_key_id": None,
        "tags": {},
    }
    assert sources(ask("--as", "bob", "--tenant", "acme")) == {"pub/holidays.md"}
    assert sources(ask("--groups", "hr", "--tenant", "globex")) == set()
    assert sources(ask()) == set()  # the default tenant owns none of these documents
    words = ask("--app", "by-words", "--groups", "hr", "--tenant", "acme")
    assert sources(words) == {"hr/bonus.md", "pub/holidays.md"}
    for chunk in words["retrieved"]:  # type: ignore[attr-defined]
        assert chunk["dense_rank"] is None and chunk["keyword_rank"] >= 1
    store.drop_kb("acl-cli")
