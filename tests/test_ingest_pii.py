"""PII at ingestion: the guardrails' PII check masks entities or drops their chunks before
anything is embedded or stored, and the ingest report counts what it found per document
and entity. Real PII recognizers and tagger, the session's PostgreSQL, the hash embedder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from typer.testing import CliRunner

from genaiops.cli.main import app
from genaiops.config import KnowledgeBaseConfig, get_settings
from genaiops.errors import ConfigError
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.embedders import HashEmbedder
from genaiops.knowledge.store import PgDocumentStore
from genaiops.storage import Database
from genaiops.storage.schema import chunks, documents

runner = CliRunner()

EMAIL, PHONE = "jane.doe@example.com", "(555) 014-2233"
CONTACT = (
    f"# Contact\n\nWrite to {EMAIL} with your order number.\n\n"
    f"## Phone\n\nCall {PHONE} on weekdays. Our team answers within a day.\n\n"
    "## Hours\n\nStores open at nine and close at six.\n"
)
PLAIN = "# Warranty\n\nFrames carry a lifetime warranty. Batteries carry two years.\n"


def write_docs(root: Path) -> None:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "contact.md").write_text(CONTACT, "utf-8")
    (root / "docs" / "warranty.md").write_text(PLAIN, "utf-8")


def knowledge_base(name: str, root: Path, database: Database, **options: Any) -> KnowledgeBase:
    config = KnowledgeBaseConfig(paths=["docs"], embedder="hash", **options)
    return KnowledgeBase(name, config, HashEmbedder(), PgDocumentStore(database), root)


def stored(database: Database, kb: str) -> list[tuple[str, int, str, str]]:
    """(source, ordinal, heading, text) of every chunk, in order."""
    query = (
        sa.select(documents.c.source, chunks.c.ordinal, chunks.c.heading, chunks.c.text)
        .join(chunks, chunks.c.document_id == documents.c.id)
        .where(documents.c.kb == kb)
        .order_by(documents.c.source, chunks.c.ordinal)
    )
    with database.engine.connect() as conn:
        return [(r.source, r.ordinal, r.heading, r.text) for r in conn.execute(query)]


def test_mask_replaces_entities_before_they_are_stored_and_counts_them(
    tmp_path: Path, database: Database
) -> None:
    write_docs(tmp_path)
    kb = knowledge_base("pii-mask", tmp_path, database, pii={"action": "mask"})
    report = kb.ingest()
    assert report.pii_found == {"docs/contact.md": {"EMAIL_ADDRESS": 1, "PHONE_NUMBER": 1}}
    assert report.pii_dropped == 0
    texts = " ".join(text for _, _, _, text in stored(database, "pii-mask"))
    assert "[EMAIL_ADDRESS]" in texts and "[PHONE_NUMBER]" in texts
    assert EMAIL not in texts and "014-2233" not in texts
    hit = kb.retrieve(f"write to {EMAIL}", k=1)[0]  # the vectors were made from masked text
    assert hit.source == "docs/contact.md" and EMAIL not in hit.text
    kb.store.drop_kb("pii-mask")


def test_drop_leaves_out_the_chunks_with_pii(tmp_path: Path, database: Database) -> None:
    write_docs(tmp_path)
    kb = knowledge_base("pii-drop", tmp_path, database, pii={"action": "drop"})
    report = kb.ingest()
    rows = stored(database, "pii-drop")
    contact = [(ordinal, text) for source, ordinal, _, text in rows if source == "docs/contact.md"]
    assert [text for _, text in contact] == ["Stores open at nine and close at six."]
    assert [ordinal for ordinal, _ in contact] == [0]  # numbered without gaps
    assert report.pii_dropped == 2 and report.chunks == len(rows)
    assert any(source == "docs/warranty.md" for source, *_ in rows)
    kb.store.drop_kb("pii-drop")


def test_an_entity_cut_by_a_window_and_repeated_by_overlap_is_masked_and_counted_once(
    tmp_path: Path, database: Database
) -> None:
    filler = " ".join(f"word{i}" for i in range(30))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(f"{filler} call {PHONE} now {filler}\n", "utf-8")
    kb = knowledge_base(
        "pii-windows",
        tmp_path,
        database,
        chunking="fixed",
        chunk_size=34,  # the first window ends inside the number, the second repeats it
        chunk_overlap=8,
        pii={"action": "mask", "entities": ["PHONE_NUMBER"]},
    )
    report = kb.ingest()
    texts = [text for *_, text in stored(database, "pii-windows")]
    assert report.pii_found == {"docs/a.md": {"PHONE_NUMBER": 1}}
    assert texts[0].endswith("call [PHONE_NUMBER]") and "call [PHONE_NUMBER] now" in texts[1]
    assert not any("555" in text or "2233" in text for text in texts)
    kb.store.drop_kb("pii-windows")


def test_turning_pii_on_rechunks_what_is_already_stored(tmp_path: Path, database: Database) -> None:
    write_docs(tmp_path)
    knowledge_base("pii-later", tmp_path, database).ingest()
    assert any(EMAIL in text for *_, text in stored(database, "pii-later"))
    report = knowledge_base("pii-later", tmp_path, database, pii={"action": "mask"}).ingest()
    assert sorted(report.rechunked) == ["docs/contact.md", "docs/warranty.md"]
    assert not any(EMAIL in text for *_, text in stored(database, "pii-later"))
    PgDocumentStore(database).drop_kb("pii-later")


def test_headings_and_titles_are_screened_too(tmp_path: Path, database: Database) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "t.md").write_text(f"# Ask {EMAIL}\n\nWe answer fast.\n", "utf-8")
    kb = knowledge_base("pii-title", tmp_path, database, pii={"action": "mask"})
    kb.ingest()
    [(_, _, heading, text)] = stored(database, "pii-title")
    assert heading == "Ask [EMAIL_ADDRESS]" and text == "We answer fast."
    with database.engine.connect() as conn:
        title = conn.execute(
            sa.select(documents.c.title).where(documents.c.kb == "pii-title")
        ).scalar_one()
    assert title == "Ask [EMAIL_ADDRESS]"
    kb.store.drop_kb("pii-title")


def test_an_unknown_entity_is_a_config_error_naming_the_key(
    tmp_path: Path, database: Database
) -> None:
    write_docs(tmp_path)
    kb = knowledge_base("pii-bad", tmp_path, database, pii={"entities": ["EMAIL"]})
    with pytest.raises(ConfigError, match=r"knowledge_bases\.pii-bad\.pii\.entities.*EMAIL"):
        kb.ingest()
    assert stored(database, "pii-bad") == []
    kb.store.drop_kb("pii-bad")


@pytest.fixture
def cli_db(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_the_cli_reports_pii_and_rechunked_documents(
    tmp_path: Path, cli_db: None, database: Database
) -> None:
    write_docs(tmp_path)
    kb: dict[str, Any] = {"paths": ["docs"], "embedder": "hash"}
    project = {"version": 1, "name": "pii", "knowledge_bases": {"pii-cli": kb}}
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(project), "utf-8")
    args = ["kb", "ingest", "-p", str(tmp_path)]
    assert runner.invoke(app, args).exit_code == 0
    kb["pii"] = {"action": "mask"}
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(project), "utf-8")
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "0 added, 0 updated, 2 re-chunked, 0 unchanged" in result.stdout
    assert "PII in 1 document: 1 EMAIL_ADDRESS, 1 PHONE_NUMBER" in result.stdout
    PgDocumentStore(database).drop_kb("pii-cli")
