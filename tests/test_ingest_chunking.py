"""Chunking strategies per knowledge base, and what a change of settings or embedder does
to what is stored: re-chunked and re-embedded on the next ingest, the knowledge base kept,
no chunk of the old settings left behind. The strategies are measured with the real MiniLM
tokenizer; ingestion runs on the session's PostgreSQL."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from genaiops.config import KnowledgeBaseConfig
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.chunking import Chunk, ChunkSettings, chunk_text
from genaiops.knowledge.connectors import Connector, Section, SourceDocument
from genaiops.knowledge.embedders import Embedder, HashEmbedder, MiniLMEmbedder
from genaiops.knowledge.store import PgDocumentStore, _index_name
from genaiops.storage import Database
from genaiops.storage.schema import chunks, documents, knowledge_bases

SENTENCES = " ".join(f"Fact number {i} is about the battery." for i in range(40))
DOC = (
    "# Manual\n\nThe Trailhawk 2 is an e-bike. It has a 720 Wh battery.\n\n"
    f"## Charging\n\n{SENTENCES}\n\n## Care\n\n- Wipe the frame.\n- Check the tyres.\n"
)


@pytest.fixture(scope="module")
def minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def _spans_hold(text: str, found: list[Chunk]) -> None:
    assert [c.ordinal for c in found] == list(range(len(found)))
    for c in found:
        assert text[c.start_char : c.end_char] == c.text  # offsets into the whole text


@pytest.mark.parametrize("strategy", ["structure", "fixed", "sentences"])
def test_every_strategy_fits_the_budget_and_points_into_the_text(
    strategy: str, minilm: MiniLMEmbedder
) -> None:
    settings = ChunkSettings(strategy, chunk_size=48, chunk_overlap=8, window_sentences=3)  # type: ignore[arg-type]
    found = chunk_text(DOC, "Manual", minilm.count_tokens, settings)
    assert len(found) > 3
    _spans_hold(DOC, found)
    for c in found:  # heading, text and the special tokens: what the model reads
        assert minilm.count_tokens(c.embed_text) <= 48
        assert c.n_tokens == minilm.count_tokens(c.text) - 2  # without [CLS] and [SEP]
    words = re.findall(r"\w+", DOC.split("\n", 1)[1])
    covered = set(re.findall(r"\w+", " ".join(c.embed_text for c in found)))
    assert set(words) <= covered  # nothing is lost


def test_fixed_windows_overlap_by_the_configured_tokens(minilm: MiniLMEmbedder) -> None:
    text = " ".join(f"w{i}" for i in range(300))  # "w12": 2 tokens a word with MiniLM
    settings = ChunkSettings("fixed", chunk_size=64, chunk_overlap=16)
    found = chunk_text(text, "", minilm.count_tokens, settings)
    _spans_hold(text, found)
    assert all(c.n_tokens <= 62 for c in found)  # 64 less [CLS] and [SEP]
    for a, b in itertools.pairwise(found):
        shared = text[b.start_char : a.end_char]
        assert b.start_char < a.end_char and 8 <= minilm.count_tokens(shared) - 2 <= 16
    assert found[-1].text.endswith("w299")


def test_sentence_windows_share_one_sentence(minilm: MiniLMEmbedder) -> None:
    text = " ".join(f"Sentence {i} is short." for i in range(10))
    settings = ChunkSettings("sentences", chunk_size=200, window_sentences=3)
    found = chunk_text(text, "T", minilm.count_tokens, settings)
    sentences = [re.findall(r"Sentence \d+", c.text) for c in found]
    assert sentences[0] == ["Sentence 0", "Sentence 1", "Sentence 2"]
    for a, b in itertools.pairwise(sentences):
        assert a[-1] == b[0] and len(b) <= 3
    assert sentences[-1][-1] == "Sentence 9"
    capped = chunk_text(text, "T", minilm.count_tokens, ChunkSettings("sentences", 16, 0, 3))
    assert all(minilm.count_tokens(c.embed_text) <= 16 for c in capped)  # cut short to fit


PAGES = ["Page one is about brakes. " * 30, "Page two is about tyres. " * 30, "Short third."]


def paged_document() -> SourceDocument:
    """A PDF as the parsers give it: pages joined by blank lines, one section a page."""
    text = "\n\n".join(PAGES)
    sections, at = [], 0
    for number, page in enumerate(PAGES, 1):
        sections.append(Section(page, page=number, start_char=at))
        at += len(page) + 2
    return SourceDocument("docs/manual.pdf", "Manual", text, tuple(sections))


@pytest.mark.parametrize("strategy", ["structure", "fixed", "sentences"])
def test_sections_are_chunked_apart_with_their_page(strategy: str, minilm: MiniLMEmbedder) -> None:
    doc = paged_document()
    settings = ChunkSettings(strategy, chunk_size=64, chunk_overlap=16)  # type: ignore[arg-type]
    found = chunk_text(doc.text, doc.title, minilm.count_tokens, settings, doc.sections)
    _spans_hold(doc.text, found)
    for c in found:  # never across a page: each chunk lies inside its page's section
        section = doc.sections[(c.page or 0) - 1]
        assert section.start_char <= c.start_char < c.end_char
        assert c.end_char <= section.start_char + len(section.text)
    assert {c.page for c in found} == {1, 2, 3}
    assert [c.page for c in found] == sorted(c.page or 0 for c in found)


def test_a_section_heading_leads_with_the_title(minilm: MiniLMEmbedder) -> None:
    text = "Intro text.\n\n## Setup\n\nPlug it in."
    sections = (
        Section("Intro text.", heading="", start_char=0),
        Section("Plug it in.", heading="Setup", start_char=text.index("Plug")),
    )
    found = chunk_text(text, "Guide", minilm.count_tokens, None, sections)
    assert [(c.heading, c.text) for c in found] == [
        ("Guide", "Intro text."),
        ("Guide > Setup", "Plug it in."),
    ]


# -- ingestion: settings and embedder changes ---------------------------------------------


class SectionsConnector(Connector):
    """Yields prepared documents (the test's stand-in for a format with sections)."""

    config_model = KnowledgeBaseConfig  # unused: built directly

    def __init__(self, docs: list[SourceDocument]) -> None:
        self.docs = docs
        self.skipped = []

    @classmethod
    def from_config(cls, config: Any, base_dir: Path) -> Connector:
        raise NotImplementedError

    def documents(self) -> Iterator[SourceDocument]:
        yield from self.docs


def write_docs(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i}.md").write_text(f"# Doc {i}\n\n{SENTENCES}\n", "utf-8")


def knowledge_base(
    name: str, root: Path, database: Database, embedder: Embedder | None = None, **options: Any
) -> KnowledgeBase:
    embedder = embedder or HashEmbedder()
    config = KnowledgeBaseConfig(paths=["docs"], embedder=embedder.name, **options)
    return KnowledgeBase(name, config, embedder, PgDocumentStore(database), root)


def stored_chunks(database: Database, kb: str) -> dict[int, tuple[str, int, int]]:
    """Chunk id -> (source, ordinal, vector dims) of every chunk of ``kb``."""
    query = (
        sa.select(
            chunks.c.id,
            documents.c.source,
            chunks.c.ordinal,
            sa.func.vector_dims(chunks.c.embedding).label("dims"),
        )
        .join(documents, documents.c.id == chunks.c.document_id)
        .where(chunks.c.kb == kb)
    )
    with database.engine.connect() as conn:
        return {r.id: (r.source, r.ordinal, r.dims) for r in conn.execute(query)}


def document_ids(database: Database, kb: str) -> dict[str, int]:
    with database.engine.connect() as conn:
        rows = conn.execute(
            sa.select(documents.c.source, documents.c.id).where(documents.c.kb == kb)
        )
        return {r.source: r.id for r in rows}


def test_changing_the_chunking_rechunks_only_on_a_real_change(
    tmp_path: Path, database: Database
) -> None:
    write_docs(tmp_path / "docs", 3)
    name = "ing-rechunk"
    first = knowledge_base(name, tmp_path, database, chunk_size=40, chunk_overlap=8).ingest()
    assert len(first.added) == 3
    before, ids = stored_chunks(database, name), document_ids(database, name)

    # window_sentences means nothing to the structure strategy: nothing is redone
    same = knowledge_base(
        name, tmp_path, database, chunk_size=40, chunk_overlap=8, window_sentences=7
    )
    assert same.ingest().unchanged == sorted(ids) and stored_chunks(database, name) == before

    again = knowledge_base(name, tmp_path, database, chunking="sentences", window_sentences=2)
    report = again.ingest()
    assert sorted(report.rechunked) == sorted(ids) and not report.added and not report.updated
    after = stored_chunks(database, name)
    assert not set(after) & set(before)  # the old chunks are gone, none left dangling
    assert document_ids(database, name) == ids  # the same documents, not re-created
    assert report.chunks == len(after) > len(before)
    for source in ids:  # each document's chunks numbered from 0 without gaps
        ordinals = sorted(o for s, o, _ in after.values() if s == source)
        assert ordinals == list(range(len(ordinals)))
    hit = again.retrieve("Fact number 7 is about the battery", k=1)[0]
    assert hit.chunk_id in after and "Fact number 7" in hit.text
    assert again.ingest().unchanged == sorted(ids)  # and then it is settled
    PgDocumentStore(database).drop_kb(name)


def test_an_embedder_change_reembeds_everything_and_rebuilds_the_index(
    tmp_path: Path, database: Database, minilm: MiniLMEmbedder
) -> None:
    write_docs(tmp_path / "docs", 2)
    name = "ing-embedder"
    store = PgDocumentStore(database)
    assert knowledge_base(name, tmp_path, database).ingest().reembedded_from is None
    old = stored_chunks(database, name)
    assert {dims for _, _, dims in old.values()} == {HashEmbedder.dim}

    kb = knowledge_base(name, tmp_path, database, embedder=minilm)
    report = kb.ingest()
    assert report.reembedded_from == "hash" and len(report.rechunked) == 2
    new = stored_chunks(database, name)
    assert {dims for _, _, dims in new.values()} == {384} and not set(new) & set(old)
    with database.engine.connect() as conn:
        row = conn.execute(sa.select(knowledge_bases).where(knowledge_bases.c.name == name)).one()
        definition = conn.execute(
            sa.text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"),
            {"n": _index_name(name)},
        ).scalar_one()
    assert (row.embedder, row.dim) == ("minilm-l6-int8", 384) and "vector(384)" in definition
    hits = kb.retrieve("Fact number 3 is about the battery", k=2)
    assert len(hits) == 2 and all(h.chunk_id in new for h in hits)

    # killed right after the switch: the next ingest re-embeds what the switch cleared
    store.ensure_kb(name, "hash", HashEmbedder.dim, reembed=True)
    assert stored_chunks(database, name) == {}
    resumed = knowledge_base(name, tmp_path, database).ingest()
    assert resumed.reembedded_from is None and len(resumed.rechunked) == 2
    assert {dims for _, _, dims in stored_chunks(database, name).values()} == {256}
    store.drop_kb(name)


def test_paged_documents_keep_their_pages_in_the_store(tmp_path: Path, database: Database) -> None:
    name = "ing-pages"
    kb = knowledge_base(name, tmp_path, database, chunk_size=64, chunk_overlap=0)
    kb.connectors = lambda: [SectionsConnector([paged_document()])]  # type: ignore[method-assign]
    kb.config = kb.config.model_copy(update={"paths": []})  # no folder to check
    report = kb.ingest()
    assert report.added == ["docs/manual.pdf"]
    hits = kb.retrieve("Page two is about tyres", k=3)
    assert hits and all(h.page == 2 for h in hits)
    PgDocumentStore(database).drop_kb(name)
