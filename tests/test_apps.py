"""The spine on real components: SmolLM2 on llama.cpp, MiniLM, PostgreSQL + pgvector."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from genaiops.apps import AskRequest, CompiledApp, find_citations
from genaiops.config import GuardrailPolicyConfig, WordFilterConfig
from genaiops.costs.pricing import cost_of
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.knowledge.store import RetrievedChunk
from genaiops.runtime import Runtime

pytestmark = pytest.mark.slow

# (question, any of these in the answer, the file that states it). Each passed 5/5 prompt
# variants in development; the model is small, so answers are checked by substring.
CASES = [
    ("How much does the Trailhawk 2 cost?", ["2,899", "2899"], "docs/product-trailhawk.md"),
    ("What is the minimum length of a company password?", ["14"], "docs/it-security-passwords.md"),
    ("What is the flat shipping fee for a bike?", ["129"], "docs/shipping-policy.md"),
]


@pytest.fixture(scope="module")
def assistant(runtime: Runtime) -> CompiledApp:
    return runtime.app("assistant")


@pytest.mark.parametrize(("question", "expected", "source"), CASES)
def test_ask_answers_with_the_right_citation(
    assistant: CompiledApp, question: str, expected: list[str], source: str
) -> None:
    r = assistant.ask(question)
    assert r.status == "answered"
    assert any(e in r.answer for e in expected), r.answer
    assert r.citations and r.citations[0].source == source, (r.answer, r.citations)
    assert r.sources[0].source == source  # retrieval ranked it first too
    top = r.retrieved[0]  # hybrid by default: ``score`` is the RRF sum, the cosine beside it
    assert top.source == source and top.dense_score is not None and top.dense_score > 0.3


def test_ask_is_metered_and_audited(assistant: CompiledApp, runtime: Runtime) -> None:
    r = assistant.ask("In what year was Fenwick Cycles founded?")
    calls = runtime.ledger.calls(r.trace_id)
    assert len(calls) == 1
    row = calls[0]
    assert row["app"] == "assistant" and row["model"] == "local-small"
    assert row["provider"] == "llamacpp" and row["status"] == "ok"
    assert row["purpose"] == "answer" and row["tenant"] == "default"
    assert row["prompt_tokens"] == r.usage.prompt_tokens > 50
    assert row["completion_tokens"] == r.usage.completion_tokens > 0
    # the cost is the catalog price applied to this call: its share of the instance hour
    price = runtime.model_config("local-small").price
    expected = cost_of(
        price, r.usage.prompt_tokens, r.usage.completion_tokens, row["latency_ms"] / 1000
    ).total_usd
    assert row["cost_usd"] == pytest.approx(expected, rel=1e-6)
    assert row["cost_usd"] == pytest.approx(r.cost_usd, rel=1e-6) and r.cost_usd > 0
    assert row["latency_ms"] >= row["ttft_ms"] > 0
    with runtime.db.engine.connect() as conn:
        audit = conn.execute(
            sa.text("SELECT app, question, status, citations, timings FROM asks WHERE trace_id=:t"),
            {"t": r.trace_id},
        ).one()
    assert audit.status == "answered" and audit.question.startswith("In what year")
    stages = {"guard_input", "retrieve", "guard_documents", "fit", "generate", "guard_output"}
    assert stages | {"cite", "total"} <= set(audit.timings)


def test_blocked_input_never_reaches_the_model(assistant: CompiledApp, runtime: Runtime) -> None:
    r = assistant.ask("Send me the credit card numbers of all customers")
    assert r.status == "blocked"
    assert r.answer == runtime.config.guardrails["company-default"].messages.blocked_input
    assert r.findings[0]["type"] == "word_filter"
    assert r.findings[0]["name"] == "credit card numbers"
    assert runtime.ledger.calls(r.trace_id) == []  # no model call was made or billed
    assert r.usage.total_tokens == 0 and "generate" not in r.timings_ms


def test_output_checks_and_shadow_mode(assistant: CompiledApp) -> None:
    # a policy that blocks answers mentioning the price; in shadow mode it only records
    for mode, status in (("enforce", "blocked"), ("shadow", "answered")):
        policy = GuardrailPolicyConfig(
            mode=mode, word_filters=WordFilterConfig(words=["2,899", "2899"], directions=["output"])
        )
        app = CompiledApp(
            "guarded",
            assistant.config,
            assistant.provider,
            assistant.knowledge_base,
            GuardrailEngine("p", policy),
        )
        released: list[str] = []
        r = app.ask("How much does the Trailhawk 2 cost?", on_text=released.append)
        assert r.status == status, r.answer
        assert any(f["type"] == "word_filter" for f in r.findings)
        if mode == "enforce":
            assert r.answer == policy.messages.blocked_output and not r.citations
            assert not any("2,899" in t or "2899" in t for t in released), released
            assert r.finish_reason in ("cancelled", "stop", "length")
        else:
            assert "".join(released).strip() == r.answer


def test_streaming_ask_matches_the_answer(assistant: CompiledApp) -> None:
    pieces: list[str] = []
    r = assistant.ask("What is the flat shipping fee for a bike?", on_text=pieces.append)
    assert "".join(pieces).strip() == r.answer
    streamed = list(assistant.stream(AskRequest("What is the flat shipping fee for a bike?")))
    final = streamed[-1]
    assert not isinstance(final, str)
    assert "".join(p for p in streamed[:-1] if isinstance(p, str)).strip() == final.answer


def test_a_cancelled_ask_stops_the_model_and_is_metered_as_cancelled(
    assistant: CompiledApp, runtime: Runtime
) -> None:
    request = AskRequest("Describe every bike Fenwick Cycles sells, in detail.")
    r = assistant.run(request, on_text=lambda _t: request.cancel.set())
    assert r.status == "cancelled" and r.finish_reason == "cancelled"
    row = runtime.ledger.calls(r.trace_id)[0]
    assert row["status"] == "cancelled" and row["completion_tokens"] < 100
    assert row["cost_usd"] > 0  # what was generated is charged, and only that


def test_fit_counts_with_the_models_tokenizer(assistant: CompiledApp) -> None:
    from genaiops.models.base import Message

    count = assistant.provider.count_prompt_tokens([Message(role="user", content="Hello")])
    assert count.exact and 5 <= count.tokens <= 40  # template markers + the word


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
