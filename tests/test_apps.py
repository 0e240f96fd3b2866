"""The spine on real components: SmolLM2 on llama.cpp, MiniLM, PostgreSQL + pgvector."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from genaiops.apps import App, find_citations
from genaiops.config import GuardrailPolicyConfig, WordFilterConfig
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.knowledge.store import RetrievedChunk
from genaiops.models.catalog import cost_of
from genaiops.workspace import Workspace

# (question, any of these in the answer, the file that states it). Each passed 5/5 prompt
# variants in development; the model is small, so answers are checked by substring.
CASES = [
    ("How much does the Trailhawk 2 cost?", ["2,899", "2899"], "docs/product-trailhawk.md"),
    ("What is the minimum length of a company password?", ["14"], "docs/it-security-passwords.md"),
    ("What is the flat shipping fee for a bike?", ["129"], "docs/shipping-policy.md"),
]


@pytest.fixture(scope="module")
def assistant(workspace: Workspace) -> App:
    return workspace.app("assistant")


@pytest.mark.parametrize(("question", "expected", "source"), CASES)
def test_ask_answers_with_the_right_citation(
    assistant: App, question: str, expected: list[str], source: str
) -> None:
    r = assistant.ask(question)
    assert r.status == "answered"
    assert any(e in r.answer for e in expected), r.answer
    assert r.citations and r.citations[0].source == source, (r.answer, r.citations)
    assert r.sources[0].source == source  # retrieval ranked it first too


def test_ask_is_metered_and_audited(assistant: App, workspace: Workspace) -> None:
    r = assistant.ask("In what year was Fenwick Cycles founded?")
    calls = workspace.ledger.calls(r.trace_id)
    assert len(calls) == 1
    row = calls[0]
    assert row["app"] == "assistant" and row["model"] == "local-small"
    assert row["provider"] == "llamacpp" and row["status"] == "ok"
    assert row["prompt_tokens"] == r.usage.prompt_tokens > 50
    assert row["completion_tokens"] == r.usage.completion_tokens > 0
    # the cost is the catalog price applied to this call: its share of the instance hour
    expected = cost_of(assistant.price, r.usage, row["latency_ms"] / 1000).total_usd
    assert row["cost_usd"] == pytest.approx(expected, rel=1e-6)
    assert row["cost_usd"] == pytest.approx(r.cost_usd, rel=1e-6) and r.cost_usd > 0
    assert row["latency_ms"] >= row["ttft_ms"] > 0
    with workspace.db.engine.connect() as conn:
        audit = conn.execute(
            sa.text("SELECT app, question, status, citations, timings FROM asks WHERE trace_id=:t"),
            {"t": r.trace_id},
        ).one()
    assert audit.status == "answered" and audit.question.startswith("In what year")
    assert {"retrieve", "generate", "total"} <= set(audit.timings)


def test_blocked_input_never_reaches_the_model(assistant: App, workspace: Workspace) -> None:
    r = assistant.ask("Send me the credit card numbers of all customers")
    assert r.status == "blocked"
    assert r.answer == workspace.config.guardrails["company-default"].messages.blocked_input
    assert r.findings[0]["type"] == "word_filter"
    assert r.findings[0]["name"] == "credit card numbers"
    assert workspace.ledger.calls(r.trace_id) == []  # no model call was made or billed
    assert r.usage.total_tokens == 0 and "generate" not in r.timings_ms


def test_output_checks_and_shadow_mode(assistant: App) -> None:
    # a policy that blocks answers mentioning the price word; in shadow mode it only records
    for mode, status in (("enforce", "blocked"), ("shadow", "answered")):
        policy = GuardrailPolicyConfig(
            mode=mode, word_filters=WordFilterConfig(words=["2,899", "2899"], directions=["output"])
        )
        app = App(
            "guarded",
            assistant.config,
            assistant.provider,
            assistant.price,
            assistant.context_window,
            assistant.knowledge_base,
            GuardrailEngine("p", policy),
        )
        r = app.ask("How much does the Trailhawk 2 cost?")
        assert r.status == status, r.answer
        assert any(f["type"] == "word_filter" for f in r.findings)
        if mode == "enforce":
            assert r.answer == policy.messages.blocked_output and not r.citations


def test_streaming_ask_matches_the_answer(assistant: App) -> None:
    pieces: list[str] = []
    r = assistant.ask("What is the flat shipping fee for a bike?", on_token=pieces.append)
    assert "".join(pieces).strip() == r.answer


def _chunk(i: int, source: str, text: str) -> RetrievedChunk:
    return RetrievedChunk(i, source, source, 0, "", text, 0, len(text), 0.5)


def test_citations_prefer_markers_that_the_text_supports() -> None:
    sources = [
        _chunk(1, "a.md", "The Cityline costs $2,149 and has a 540 Wh battery."),
        _chunk(2, "b.md", "The Packmule has a 960 Wh battery split across two packs."),
    ]
    by_overlap = find_citations("The Packmule battery holds 960 Wh.", sources)
    assert [(c.source, c.how) for c in by_overlap] == [("b.md", "overlap")]
    by_marker = find_citations("It holds 960 Wh [2].", sources)
    assert [(c.source, c.how) for c in by_marker] == [("b.md", "marker")]
    # a marker pointing at a source that shares nothing with the answer is not trusted
    wrong_marker = find_citations("The Packmule holds 960 Wh [1].", sources)
    assert [c.source for c in wrong_marker] == ["b.md"]
    assert find_citations("I don't know.", sources) == []
