"""The runtime and the ask pipeline, on the shipped fake model (``provider: echo``, a
documented component) with the real MiniLM embedder, guardrails and PostgreSQL.

Fast: no real model runs here (the same paths run on SmolLM2 in test_apps.py).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from conftest import EXAMPLE
from genaiops.apps import AskOptions, AskRequest, Caller
from genaiops.config import parse_project
from genaiops.errors import ContextLengthError, InputError, RateLimitError
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.knowledge.embedders import MiniLMEmbedder
from genaiops.runtime import Runtime
from genaiops.storage import Database

EMAIL = "jane.doe@example.org"


def project_data(reply: str | None = None, **model: Any) -> dict[str, Any]:
    """The example project with its model replaced by the echo fake."""
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {
        "local-small": {"provider": "echo", "reply": reply, **model},
        "judge": {"provider": "echo", "reply": "8", "price": {"input_per_1m": 1.0}},
    }
    return data


@pytest.fixture(scope="module")
def kb_runtime(example_dir: Path, database: Database) -> Iterator[Runtime]:
    """The example handbook ingested once (shared by the runtimes below)."""
    rt = Runtime(parse_project(project_data()), example_dir, database=database)
    rt.knowledge_base("handbook").ingest()
    yield rt
    rt.close()


def make(example_dir: Path, database: Database, data: dict[str, Any]) -> Runtime:
    return Runtime(parse_project(data), example_dir, database=database)


def test_a_second_ask_builds_nothing(
    kb_runtime: Runtime, example_dir: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    original = GuardrailEngine.__init__

    def counting(self: GuardrailEngine, *args: Any, **kwargs: Any) -> None:
        built.append(args[0] if args else kwargs["name"])
        original(self, *args, **kwargs)

    monkeypatch.setattr(GuardrailEngine, "__init__", counting)
    rt = make(example_dir, database, project_data("The Trailhawk 2 costs $2,899."))
    try:
        first = rt.app("assistant")
        first.ask("How much does the Trailhawk 2 cost?")
        after_first = dict(rt.builds)
        second = rt.app("assistant")
        second.ask("How much does the Cityline cost?")
        assert second is first
        assert built == ["company-default"]  # the engine was compiled once
        assert dict(rt.builds) == after_first  # nothing at all was built for the second ask
        assert rt.builds["guard"] == 1 and rt.builds["app"] == 1 and rt.builds["embedder"] == 1
    finally:
        rt.close()


def test_the_question_is_embedded_once_per_ask(
    example_dir: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedded: list[str] = []
    original = MiniLMEmbedder.embed

    def counting(self: MiniLMEmbedder, texts: Any) -> Any:
        embedded.extend(texts)
        return original(self, texts)

    monkeypatch.setattr(MiniLMEmbedder, "embed", counting)
    rt = make(example_dir, database, project_data("The shipping fee is $129."))
    try:
        question = "What is the flat shipping fee for a bike?"
        r = rt.app("assistant").ask(question)
        assert r.status == "answered" and r.retrieved  # retrieval and checks both ran
        assert r.findings == [] or all(f["type"] != "error" for f in r.findings)
        assert embedded.count(question) == 1, embedded.count(question)
        # retrieval and the input checks (topics, content) asked for it; the cache served one
        assert rt.embedder("minilm-l6-int8").hits >= 1
    finally:
        rt.close()


def test_a_blocked_stream_releases_nothing_of_the_blocked_part(
    example_dir: Path, database: Database
) -> None:
    reply = (
        "Our stores open at nine. Returns take thirty days. Here is the password dump you "
        "asked for: admin hunter2. More secrets follow here and never stop."
    )
    rt = make(example_dir, database, project_data(reply))
    try:
        released: list[str] = []
        r = rt.app("assistant").ask("When do the stores open?", on_text=released.append)
        text = "".join(released)
        assert r.status == "blocked" and r.answer.startswith("I can't share that answer")
        assert "password dump" not in text and "hunter2" not in text and "secrets" not in text
        assert text.startswith("Our stores open at nine.")  # what passed was released
        assert r.finish_reason == "cancelled"  # the blocked generation was stopped
        assert any(f["type"] == "word_filter" for f in r.findings)
        row = rt.ledger.calls(r.trace_id)[0]
        assert row["status"] == "cancelled" and row["completion_tokens"] < len(reply.split())
    finally:
        rt.close()


def test_pii_is_masked_before_it_is_released(example_dir: Path, database: Database) -> None:
    rt = make(example_dir, database, project_data(f"Write to {EMAIL} for a refund. Thanks."))
    try:
        released: list[str] = []
        r = rt.app("assistant").ask("How do I get a refund?", on_text=released.append)
        text = "".join(released)
        assert EMAIL not in text and "[EMAIL_ADDRESS]" in text
        assert EMAIL not in r.answer
        pii = [f for f in r.findings if f["type"] == "pii"]
        assert pii and pii[0]["start"] == len("Write to ")  # spans are offsets in the answer
    finally:
        rt.close()


def test_buffered_mode_releases_nothing_until_every_check_passed(
    example_dir: Path, database: Database
) -> None:
    data = project_data("Fine words first. Then the password dump.")
    data["guardrails"]["company-default"]["stream"] = {"mode": "buffered"}
    rt = make(example_dir, database, data)
    try:
        released: list[str] = []
        r = rt.app("assistant").ask("What do you have?", on_text=released.append)
        assert r.status == "blocked" and released == []
        ok = rt.app("assistant").provider.inner  # the echo fake, reconfigured below
        ok.config = ok.config.model_copy(update={"reply": "Stores open at nine. See you."})
        r2 = rt.app("assistant").ask("When do stores open?", on_text=released.append)
        assert r2.status == "answered" and released == [r2.answer]  # all at once, at the end
    finally:
        rt.close()


def test_the_audit_keeps_no_pii(example_dir: Path, database: Database) -> None:
    rt = make(example_dir, database, project_data(f"We will reply to {EMAIL} soon."))
    try:
        question = f"My email is {EMAIL}, can you check the return window for me?"
        r = rt.app("assistant").ask(question)
        row = rt.ledger.ask(r.trace_id)
        assert row is not None
        dumped = json.dumps(row, default=str)
        assert EMAIL not in dumped, dumped
        assert "[EMAIL_ADDRESS]" in row["question"] and row["redaction"] == "policy"
        assert row["sources"] and all("text" in s for s in row["sources"])
    finally:
        rt.close()


def test_a_blocked_question_is_withheld_from_the_audit(
    example_dir: Path, database: Database
) -> None:
    rt = make(example_dir, database, project_data("unused"))
    try:
        r = rt.app("assistant").ask("Give me the password dump please")
        row = rt.ledger.ask(r.trace_id)
        assert r.status == "blocked" and row is not None
        assert "password dump" not in row["question"] and row["status"] == "blocked"
        assert row["findings"][0]["type"] == "word_filter"
    finally:
        rt.close()


def test_every_call_is_attributed_to_its_caller_judge_included(
    example_dir: Path, database: Database
) -> None:
    data = project_data("The Trailhawk 2 costs $2,899.")
    grounding = data["guardrails"]["company-default"]["contextual_grounding"]
    grounding["judge_model"] = "judge"
    rt = make(example_dir, database, data)
    try:
        caller = Caller(principal="ana", tenant="acme", api_key_id="key-1", tags={"team": "cx"})
        r = rt.app("assistant").ask("How much does the Trailhawk 2 cost?", caller=caller)
        rows = rt.ledger.calls(r.trace_id)
        assert sorted(row["purpose"] for row in rows) == ["answer", "judge"]
        for row in rows:
            assert (row["tenant"], row["principal"], row["api_key_id"]) == ("acme", "ana", "key-1")
            assert row["tags"] == {"team": "cx"} and row["app"] == "assistant"
        judge = next(row for row in rows if row["purpose"] == "judge")
        assert judge["cost_usd"] == pytest.approx(judge["prompt_tokens"] / 1e6)
        assert r.cost_usd == pytest.approx(sum(row["cost_usd"] for row in rows))
        audit = rt.ledger.ask(r.trace_id)
        assert audit is not None and audit["tenant"] == "acme" and audit["principal"] == "ana"
        summary = rt.ledger.summary(group_by=["tenant", "purpose"], tenant="acme")
        assert {(s.group["tenant"], s.group["purpose"]) for s in summary} >= {
            ("acme", "answer"),
            ("acme", "judge"),
        }
    finally:
        rt.close()


def test_cancel_stops_the_ask(example_dir: Path, database: Database) -> None:
    rt = make(
        example_dir, database, project_data("One. Two. Three. Four. Five.", seconds_per_token=0.01)
    )
    try:
        request = AskRequest("Count for me please.")
        r = rt.app("assistant").run(request, on_text=lambda _t: request.cancel.set())
        assert r.status == "cancelled" and r.answer == "One."
        assert rt.ledger.calls(r.trace_id)[0]["status"] == "cancelled"
        assert rt.ledger.ask(r.trace_id)["status"] == "cancelled"  # type: ignore[index]
    finally:
        rt.close()


def test_provider_errors_are_metered_audited_and_typed(
    example_dir: Path, database: Database
) -> None:
    rt = make(example_dir, database, project_data("x", fail_with="rate_limit"))
    try:
        request = AskRequest("When do the stores open?")
        with pytest.raises(RateLimitError) as caught:
            rt.app("assistant").run(request)
        assert caught.value.to_dict()["error"]["retry_after_s"] == 1.0
        row = rt.ledger.calls(request.trace_id)[0]
        assert row["status"] == "error" and "rate limited" in row["error"]
        assert rt.ledger.ask(request.trace_id)["status"] == "error"  # type: ignore[index]
    finally:
        rt.close()


@pytest.mark.parametrize("question", ["", "   \n\t "])
def test_an_empty_question_never_reaches_the_model(question: str) -> None:
    with pytest.raises(InputError, match="empty"):
        AskRequest(question)


def test_sources_that_do_not_fit_are_dropped_and_said(
    example_dir: Path, database: Database
) -> None:
    data = project_data("Fine.", context_window=160)
    data["apps"]["assistant"]["top_k"] = 3
    data["apps"]["assistant"]["max_tokens"] = 16
    rt = make(example_dir, database, data)
    try:
        r = rt.app("assistant").ask("What does the Trailhawk 2 battery hold?")
        assert len(r.retrieved) == 3 and len(r.sources) < 3
        assert r.notes and "dropped to fit the context window" in r.notes[0]
        with pytest.raises(ContextLengthError, match="shorten the question"):
            rt.app("assistant").ask("word " * 400)
    finally:
        rt.close()


def test_per_request_options(example_dir: Path, database: Database) -> None:
    rt = make(example_dir, database, project_data("one two three four five six seven"))
    try:
        r = rt.app("assistant").ask("Count?", options=AskOptions(top_k=1, max_tokens=3))
        assert len(r.retrieved) == 1 and r.usage.completion_tokens == 3
    finally:
        rt.close()


def test_one_compiled_app_serves_many_threads(example_dir: Path, database: Database) -> None:
    rt = make(example_dir, database, project_data("Stores open at nine."))
    try:
        apps: list[object] = []
        answers: list[str] = []
        errors: list[BaseException] = []

        def work() -> None:
            try:
                app = rt.app("assistant")
                apps.append(app)
                answers.append(app.ask("When do the stores open?").answer)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        assert len({id(a) for a in apps}) == 1 and rt.builds["app"] == 1
        assert answers == ["Stores open at nine."] * 8
    finally:
        rt.close()


def test_the_embedding_cache_is_shared_and_thread_safe() -> None:
    from genaiops.knowledge.embedders import CachingEmbedder, HashEmbedder

    cache = CachingEmbedder(HashEmbedder(), size=64)
    texts = [f"text number {i}" for i in range(200)]
    results: list[np.ndarray[Any, Any]] = []

    def work() -> None:
        results.append(cache.embed(texts))

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = HashEmbedder().embed(texts)
    assert all(np.allclose(r, expected) for r in results)
    assert len(cache._cache) <= 64
    # white space does not change a text's vector, so it does not miss the cache
    assert np.allclose(cache.embed(["text  number\n1"])[0], expected[1])
