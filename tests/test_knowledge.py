"""Chunking, the real MiniLM embedder, ingestion into the real PostgreSQL, retrieval."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from genaiops.config import KnowledgeBaseConfig
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.chunking import chunk_document
from genaiops.knowledge.embedders import HashEmbedder, MiniLMEmbedder
from genaiops.knowledge.store import PgDocumentStore
from genaiops.runtime import Runtime
from genaiops.storage import Database

DOC = (
    """# Handbook

Intro paragraph about the company. It has two sentences.

## Returns

Returns are accepted within 30 days. Refunds take 6 days. A fee may apply.

- item one is short
- item two is short too

### Details

"""
    + " ".join(f"word{i}" for i in range(400))
    + "\n"
)


@pytest.fixture(scope="module")
def minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def test_chunks_follow_headings_and_spans(minilm: MiniLMEmbedder) -> None:
    chunks = chunk_document(DOC, "Handbook", minilm.count_tokens, chunk_size=64, chunk_overlap=8)
    assert chunks[0].heading == "Handbook"
    assert any(c.heading == "Handbook > Returns" for c in chunks)
    assert any(c.heading == "Handbook > Returns > Details" for c in chunks)
    for c in chunks:
        assert DOC[c.start_char : c.end_char].strip() == c.text  # spans point into the doc
        assert minilm.count_tokens(c.embed_text) <= 64 + 2  # heading + text fit the budget
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))


def test_long_sections_are_split_with_overlap(minilm: MiniLMEmbedder) -> None:
    chunks = chunk_document(DOC, "Handbook", minilm.count_tokens, chunk_size=64, chunk_overlap=8)
    details = [c for c in chunks if c.heading.endswith("Details")]
    assert len(details) > 3  # 400 words cannot fit one chunk
    text = " ".join(c.text for c in details)
    assert "word0" in text and "word399" in text


def test_overlap_repeats_trailing_sentences() -> None:
    doc = "# T\n\n" + " ".join(f"Sentence number {i} is here." for i in range(30))
    emb = HashEmbedder()
    chunks = chunk_document(doc, "T", emb.count_tokens, chunk_size=30, chunk_overlap=6)
    assert len(chunks) > 2
    first_tail = chunks[0].text.split(". ")[-1]
    assert first_tail.rstrip(".") in chunks[1].text


def test_minilm_embeddings(minilm: MiniLMEmbedder) -> None:
    v = minilm.embed(
        [
            "How long is the return window?",
            "Returns are accepted within 30 days.",
            "The Packmule carries two batteries.",
        ]
    )
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.1
    # batching (padding to the longest) does not change a text's vector
    alone = minilm.embed(["Returns are accepted within 30 days."])[0]
    assert float(alone @ v[1]) > 0.999


def test_ingest_is_incremental_and_reports_bad_files(tmp_path: Path, database: Database) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    src = Path(__file__).resolve().parents[1] / "examples" / "fenwick" / "docs"
    for name in ("returns-policy.md", "shipping-policy.md", "support-hours-contact.txt"):
        shutil.copy2(src / name, docs / name)
    (docs / "broken.md").write_bytes(b"# Broken\n\xff\xfe not utf-8 \x81\n")
    (docs / "empty.txt").write_text("  \n")
    kb = KnowledgeBase(
        "incremental-test",
        KnowledgeBaseConfig(paths=["docs"], embedder="hash"),
        HashEmbedder(),
        PgDocumentStore(database),
        tmp_path,
    )
    first = kb.ingest()
    assert sorted(first.added) == [
        "docs/returns-policy.md",
        "docs/shipping-policy.md",
        "docs/support-hours-contact.txt",
    ]
    reasons = {s.source: s.reason for s in first.skipped}
    assert "not UTF-8" in reasons["docs/broken.md"] and reasons["docs/empty.txt"] == "empty"
    assert kb.stats().documents == 3 and kb.stats().chunks == first.chunks > 3

    (docs / "shipping-policy.md").write_text("# Shipping\n\nWe ship to the moon for $5.\n")
    (docs / "returns-policy.md").unlink()
    second = kb.ingest()
    assert second.updated == ["docs/shipping-policy.md"]
    assert second.unchanged == ["docs/support-hours-contact.txt"]
    assert second.removed == ["docs/returns-policy.md"]
    hits = kb.retrieve("ship to the moon", k=1)
    assert hits[0].source == "docs/shipping-policy.md" and "moon" in hits[0].text
    PgDocumentStore(database).drop_kb("incremental-test")


@pytest.mark.parametrize(
    ("query", "source"),
    [
        ("How many days do customers have to return a bike?", "docs/returns-policy.md"),
        ("What is the battery capacity of the Packmule?", "docs/product-packmule.md"),
        ("How much is the daily meal allowance when travelling?", "docs/travel-expenses-policy.md"),
        ("What number do I call for customer support?", "docs/support-hours-contact.txt"),
    ],
)
def test_retrieval_finds_the_right_file(runtime: Runtime, query: str, source: str) -> None:
    hits = runtime.knowledge_base("handbook").retrieve(query, k=3)
    assert hits[0].source == source
    assert hits[0].score >= hits[-1].score


def test_example_ingest_is_complete(runtime: Runtime) -> None:
    stats = runtime.knowledge_base("handbook").stats()
    assert stats.documents == 51  # 25 files, 20 spare-part rows (CSV), 6 service centres (SQL)
    assert stats.chunks >= 22 and stats.tokens > 5000


def test_minilm_batches_by_padded_tokens() -> None:
    e = MiniLMEmbedder(batch_size=3, batch_tokens=256)
    # sorted by length; a batch pads to its longest text and stays within 256 tokens
    assert e.batches([256, 10, 10, 10, 100, 120, 30, 10]) == [
        [1, 2, 3],  # batch_size 3
        [7, 6],  # 2 x 30
        [4, 5],  # 2 x 120
        [0],  # a long text alone
    ]
    assert MiniLMEmbedder(batch_tokens=1).batches([5, 3]) == [[1], [0]]


def test_minilm_vectors_do_not_depend_on_the_batching(minilm: MiniLMEmbedder) -> None:
    texts = ["short", "a somewhat longer sentence about bikes and their batteries", "", "x " * 300]
    together = minilm.embed(texts)
    alone = np.stack([minilm.embed([t])[0] for t in texts])
    wide = MiniLMEmbedder(batch_size=32, batch_tokens=100_000)
    assert np.abs(together - alone).max() < 1e-5
    assert np.abs(wide.embed(texts) - alone).max() < 1e-5  # padded in one batch
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
