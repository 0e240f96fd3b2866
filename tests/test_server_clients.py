"""Third-party clients, unchanged, against the server on a real uvicorn server on a loopback
port: LangChain's ``ChatOpenAI`` (langchain-openai) invokes and streams, sync and async,
sees the policy's message when the guardrails block, and raises the OpenAI SDK's error
classes for the server's errors.

tiktoken comes with langchain-openai and would download its encodings on first use; none of
the calls tested here counts tokens (the server reports usage), and the test makes sure of
it: tiktoken's loaders raise if anything calls them.

The models are the echo fake (``provider: echo``); the guardrails, keys, ledger and
PostgreSQL are real.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
import sqlalchemy as sa
from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI

from genaiops.config import parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import create_app
from genaiops.server.keys import create_key
from genaiops.storage import Database
from genaiops.storage.schema import asks
from support import running

REPLY = "The Trailhawk 2 costs $2,899. It ships in two days. Ask us about fitting."
LEAKY = "Our stores open at nine. Here is the forbidden dump: hunter2. Bye."
PROJECT = {
    "name": "clients",
    "models": {
        "fact": {"provider": "echo", "reply": REPLY, "price": {"input_per_1m": 3.0}},
        "leaky": {"provider": "echo", "reply": LEAKY},
    },
    "guardrails": {"words": {"word_filters": {"words": ["forbidden"]}}},
    "apps": {
        "answer": {"model": "fact", "guardrail": "words"},
        "leaky": {"model": "leaky", "guardrail": "words"},
    },
}
STREAMED = "Streamed: how much does the Trailhawk 2 cost?"
BLOCKED_OUTPUT = "Sorry, I can't provide that answer."  # the policy's default message


class Served:
    def __init__(self, url: str, secret: str, key_id: str, db: Database) -> None:
        self.url, self.secret, self.key_id, self.db = url, secret, key_id, db

    def chat(self, model: str = "answer", **kw: Any) -> ChatOpenAI:
        return ChatOpenAI(
            model=model, base_url=self.url + "/v1", api_key=self.secret, max_retries=0, **kw
        )

    def asked(self, trace_id: str) -> Any:
        with self.db.engine.connect() as conn:
            return conn.execute(sa.select(asks).where(asks.c.trace_id == trace_id)).one()


@pytest.fixture(autouse=True)
def _no_tiktoken(monkeypatch: pytest.MonkeyPatch) -> None:
    """tiktoken must not be needed: its loaders would download encodings."""
    import tiktoken

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"tiktoken was called {args}: it would download its encodings")

    monkeypatch.setattr(tiktoken, "get_encoding", refuse)
    monkeypatch.setattr(tiktoken, "encoding_for_model", refuse)
    monkeypatch.delenv("LANGSMITH_TRACING", raising=False)
    monkeypatch.delenv("LANGCHAIN_TRACING_V2", raising=False)


@pytest.fixture(scope="module")
def served(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tmp: Path = tmp_path_factory.mktemp("clients")
    rt = Runtime(parse_project(PROJECT), tmp, database=database)
    made = create_key(database, "langchain", "clients", groups=["staff"])
    try:
        with running(create_app(runtime=rt)) as url:
            yield Served(url, made.secret, made.key.id, database)
    finally:
        rt.close()


def _trace_id(message: AIMessage | AIMessageChunk) -> str:
    """The response's id (``chatcmpl-<trace id>``), which LangChain keeps in the metadata."""
    response_id = message.response_metadata.get("id") or message.id
    assert str(response_id).startswith("chatcmpl-"), message.response_metadata
    return str(response_id).removeprefix("chatcmpl-")


def test_chatopenai_invokes_and_the_ask_is_the_keys(served: Served) -> None:
    reply = served.chat(temperature=0.2, max_tokens=64).invoke(
        [SystemMessage("be brief"), HumanMessage("How much does the Trailhawk 2 cost?")]
    )
    assert isinstance(reply, AIMessage) and reply.content == REPLY
    meta = reply.response_metadata
    assert meta["finish_reason"] == "stop" and meta["model_name"] == "answer"
    assert reply.usage_metadata is not None
    assert reply.usage_metadata["output_tokens"] == len(REPLY.split())
    assert reply.usage_metadata["input_tokens"] > 0
    row = served.asked(_trace_id(reply))
    assert row.api_key_id == served.key_id and row.status == "answered"
    assert row.question == "How much does the Trailhawk 2 cost?"


def test_chatopenai_streams_the_checked_text_with_usage(served: Served) -> None:
    chunks = list(served.chat(stream_usage=True).stream(STREAMED))
    assert len([c for c in chunks if c.content]) >= 2  # streamed, not one block
    assert "".join(str(c.content) for c in chunks) == REPLY
    whole = chunks[0]
    for c in chunks[1:]:
        whole = whole + c
    assert isinstance(whole, AIMessageChunk)
    assert whole.response_metadata.get("finish_reason") == "stop"
    assert whole.usage_metadata is not None
    assert whole.usage_metadata["output_tokens"] == len(REPLY.split())
    # LangChain keeps no response id of a stream: the ask is found by its question
    with served.db.engine.connect() as conn:
        rows = conn.execute(
            sa.select(asks.c.status).where(
                asks.c.api_key_id == served.key_id, asks.c.question == STREAMED
            )
        ).all()
    assert [r.status for r in rows] == ["answered"]


def test_chatopenai_streams_a_blocked_answer_without_the_blocked_text(served: Served) -> None:
    chunks = list(served.chat("leaky").stream("When do the stores open?"))
    text = "".join(str(c.content) for c in chunks)
    assert text.startswith("Our stores open at nine.") and text.endswith(BLOCKED_OUTPUT)
    assert "hunter2" not in text and "forbidden" not in text
    finish = [c.response_metadata.get("finish_reason") for c in chunks]
    assert "content_filter" in finish
    whole = served.chat("leaky").invoke("When do the stores open?")
    assert whole.content == BLOCKED_OUTPUT
    assert whole.response_metadata["finish_reason"] == "content_filter"


def test_chatopenai_async_invoke_and_stream(served: Served) -> None:
    async def both() -> tuple[AIMessage, str]:
        llm = served.chat()
        reply = await llm.ainvoke("Trailhawk 2 price?")
        text = "".join([str(c.content) async for c in llm.astream("Trailhawk 2 price?")])
        return reply, text

    reply, text = asyncio.run(both())
    assert reply.content == REPLY and text == REPLY


def test_chatopenai_raises_the_sdks_errors(served: Served) -> None:
    with pytest.raises(openai.NotFoundError, match="does not exist"):
        served.chat("gpt-4o").invoke("Hi")
    with pytest.raises(openai.NotFoundError):
        list(served.chat("gpt-4o").stream("Hi"))
    wrong = ChatOpenAI(
        model="answer", base_url=served.url + "/v1", api_key="gai_not-a-key", max_retries=0
    )
    with pytest.raises(openai.AuthenticationError, match="invalid API key.*keys create"):
        wrong.invoke("Hi")
    with pytest.raises(openai.BadRequestError, match="user message"):
        served.chat().invoke([SystemMessage("only a system message")])
