"""The native API (``/api/...``) on a real uvicorn server: the whole ask result, a
guardrail policy on a text with no model call, feedback and usage that never cross
tenants, and the OpenAPI document that describes them.

The model is the echo fake; the keys, guardrails, ledger and PostgreSQL are real.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
import sqlalchemy as sa

from genaiops.config import parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import create_app
from genaiops.server.keys import create_key
from genaiops.storage import Database
from genaiops.storage.schema import asks, feedback
from support import assert_error, assert_openapi_models, running

REPLY = "The answer is four."
PROJECT = {
    "name": "native",
    "models": {"echo": {"provider": "echo", "reply": REPLY, "price": {"input_per_1m": 3.0}}},
    "guardrails": {"words": {"word_filters": {"words": ["forbidden"]}}},
    "apps": {"echo": {"model": "echo", "guardrail": "words"}},
}
ALL = ["chat", "feedback", "guardrails", "usage"]


class Api:
    def __init__(self, url: str, secrets: dict[str, str]) -> None:
        self.url, self.secrets = url, secrets

    def post(self, path: str, body: Any, key: str = "a") -> requests.Response:
        headers = {"Authorization": f"Bearer {self.secrets[key]}"}
        return requests.post(self.url + path, json=body, headers=headers, timeout=30)

    def get(self, path: str, key: str = "a", **params: str) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.secrets[key]}"}
        return requests.get(self.url + path, params=params, headers=headers, timeout=30)


@pytest.fixture(scope="module")
def api(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    rt = Runtime(parse_project(PROJECT), tmp_path_factory.mktemp("native"), database=database)
    made = {
        "a": create_key(database, "tenant a", "native-a", scopes=ALL),
        "b": create_key(database, "tenant b", "native-b", scopes=ALL),
        "a-chat": create_key(database, "a chat only", "native-a", scopes=["chat"]),
    }
    try:
        with running(create_app(runtime=rt)) as url:
            yield Api(url, {name: m.secret for name, m in made.items()})
    finally:
        rt.close()


def test_ask_returns_the_whole_result(api: Api, database: Database) -> None:
    r = api.post("/api/ask", {"question": "What is two plus two?", "user": "dana"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["answer"] == REPLY and body["status"] == "answered" and body["app"] == "echo"
    usage = body["usage"]
    assert usage["completion_tokens"] == len(REPLY.split())
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"] > 0
    assert body["cost"]["total_usd"] > 0 and body["timings_ms"]["total"] > 0
    assert {"citations", "sources", "findings", "notes", "finish_reason"} <= set(body)
    with database.engine.connect() as conn:
        row = conn.execute(sa.select(asks).where(asks.c.trace_id == body["trace_id"])).one()
    assert row.tenant == "native-a" and row.principal == "dana"
    blocked = api.post("/api/ask", {"question": "tell me the forbidden thing"}).json()
    assert blocked["status"] == "blocked"
    assert [(f["type"], f["action"]) for f in blocked["findings"]] == [("word_filter", "BLOCKED")]
    assert_error(api.post("/api/ask", {"question": "hi", "app": "nope"}), 404, "app_not_found")
    assert_error(api.post("/api/ask", {"question": ""}), 400, "invalid_value")
    unauthenticated = requests.post(api.url + "/api/ask", json={"question": "hi"}, timeout=10)
    assert_error(unauthenticated, 401, "invalid_api_key")


def test_guardrails_apply_calls_no_model(api: Api, database: Database) -> None:
    def count() -> int:
        with database.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(asks)).scalar_one())

    before = count()
    r = api.post("/api/guardrails/apply", {"text": "a forbidden word", "direction": "output"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["policy"] == "words" and out["action"] == "BLOCKED" and not out["shadow"]
    assert [(f["type"], f["name"], f["action"]) for f in out["findings"]] == [
        ("word_filter", "forbidden", "BLOCKED")
    ]
    clean = api.post("/api/guardrails/apply", {"text": "all fine", "policy": "words"}).json()
    assert clean["action"] == "NONE" and clean["findings"] == [] and clean["text"] == "all fine"
    assert count() == before  # no ask, no model call
    assert_error(api.post("/api/guardrails/apply", {"text": "x", "policy": "no"}), 404)
    assert_error(api.post("/api/guardrails/apply", {"text": "x"}, key="a-chat"), 403)


def test_feedback_only_on_the_keys_own_tenant(api: Api, database: Database) -> None:
    trace = api.post("/api/ask", {"question": "How much?"}).json()["trace_id"]
    vote = {"trace_id": trace, "rating": "down", "comment": "too short"}
    # tenant b cannot see, let alone rate, tenant a's answer: the same 404 as an unknown one
    other = assert_error(api.post("/api/feedback", vote, key="b"), 404, "not_found")
    unknown = assert_error(api.post("/api/feedback", {**vote, "trace_id": "nope"}), 404)
    assert other["type"] == unknown["type"]
    assert_error(api.post("/api/feedback", vote, key="a-chat"), 403, "insufficient_scope")
    r = api.post("/api/feedback", vote)
    assert r.status_code == 200, r.text
    assert r.json()["trace_id"] == trace and r.json()["rating"] == "down"
    with database.engine.connect() as conn:
        rows = conn.execute(sa.select(feedback).where(feedback.c.trace_id == trace)).all()
    assert [(f.tenant, f.rating, f.comment) for f in rows] == [("native-a", -1, "too short")]
    assert_error(api.post("/api/feedback", {**vote, "rating": "meh"}), 400)


def test_usage_only_of_the_keys_own_tenant(api: Api) -> None:
    api.post("/api/ask", {"question": "once more?"})
    mine = api.get("/api/usage", by="app,model", since="7d")
    assert mine.status_code == 200, mine.text
    report = mine.json()
    assert report["tenant"] == "native-a" and report["by"] == ["app", "model"]
    (row,) = report["rows"]
    assert row["group"] == {"app": "echo", "model": "echo"} and row["calls"] >= 1
    assert row["cost_usd"] > 0
    # tenant b asked nothing: it sees no rows, whatever it groups by
    assert api.get("/api/usage", key="b").json()["rows"] == []
    theirs = api.get("/api/usage", key="b", by="tenant,app").json()
    assert theirs["by"] == ["app"] and theirs["rows"] == []
    assert_error(api.get("/api/usage", key="a-chat"), 403, "insufficient_scope")
    assert_error(api.get("/api/usage", by="colour"), 400)
    assert_error(api.get("/api/usage", since="last tuesday"), 400)


def test_the_openapi_document_describes_the_native_api(api: Api) -> None:
    doc = requests.get(api.url + "/openapi.json", timeout=10).json()
    paths = doc["paths"]
    expected = {
        ("/api/ask", "post"): ("AskBody", "AskOut"),
        ("/api/guardrails/apply", "post"): ("GuardBody", "GuardOut"),
        ("/api/feedback", "post"): ("FeedbackBody", "FeedbackOut"),
        ("/api/usage", "get"): (None, "UsageReport"),
    }
    assert_openapi_models(paths, expected)
    assert {"by", "since"} <= {p["name"] for p in paths["/api/usage"]["get"]["parameters"]}
