"""The OpenAI-compatible server, on a real uvicorn server on a loopback port, driven by the
official ``openai`` SDK (unchanged) and by plain HTTP: chat completions (whole and
streamed, answered and blocked), models, embeddings, API keys and their scopes, every
error in OpenAI's shape, and tenants that never see each other's documents.

The models are the echo fake (``provider: echo``): "grounded" says a fact of the handbook,
"leaky" says one good sentence and then a phrase the policy's word filter blocks, and
"parrot" repeats its prompt, so the answer shows exactly which documents retrieval let
through. The guardrails, the embedder, retrieval, the ledger and PostgreSQL are real.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import openai
import pytest
import requests
import sqlalchemy as sa
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLE
from genaiops.cli.main import app as cli
from genaiops.config import get_settings, parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import ServerSettings, create_app
from genaiops.server.keys import create_key, revoke_key
from genaiops.storage import Database
from genaiops.storage.schema import asks, usage_ledger
from support import running

GROUNDED = "The Trailhawk 2 costs $2,899."
LEAKY = "Our stores open at nine. Here is the password dump: hunter2. Bye."
LIMIT = 64 * 1024


def project_data(tmp: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {
        "grounded": {"provider": "echo", "reply": GROUNDED, "price": {"input_per_1m": 3.0}},
        "leaky": {"provider": "echo", "reply": LEAKY},
        "parrot": {"provider": "echo"},  # repeats its prompt: the sources retrieval let through
        "slow": {"provider": "echo", "reply": "tick " * 100, "seconds_per_token": 0.05},
        "down": {"provider": "echo", "fail_with": "unavailable"},
        "busy": {"provider": "echo", "fail_with": "rate_limit"},
    }
    data["knowledge_bases"]["handbook"]["paths"] = [str(EXAMPLE / "docs")]
    tenant_kb = {"embedder": "hash", "include": ["**/*.md"]}
    data["knowledge_bases"]["srv-acme"] = {
        **tenant_kb,
        "paths": [str(tmp / "acme")],
        "access": {
            "default": "public",
            "tenant": "acme",
            "rules": [{"match": "**/payroll*", "groups": ["finance"]}],
        },
    }
    data["knowledge_bases"]["srv-globex"] = {
        **tenant_kb,
        "paths": [str(tmp / "globex")],
        "access": {"default": "public", "tenant": "globex"},
    }
    assistant = data["apps"]["assistant"]
    data["apps"] = {
        "assistant": {**assistant, "model": "grounded"},
        "leaky": {**assistant, "model": "leaky"},
        "acme-docs": {"model": "parrot", "knowledge_base": "srv-acme", "top_k": 5},
        "globex-docs": {"model": "parrot", "knowledge_base": "srv-globex", "top_k": 5},
        "slow": {"model": "slow"},
        "down": {"model": "down"},
        "busy": {"model": "busy"},
    }
    # tenant "broke" can afford no answer of the priced model
    data["budgets"] = [{"tenant": "broke", "period": "day", "limit_usd": 0.000001}]
    return data


def write_docs(tmp: Path) -> None:
    (tmp / "acme").mkdir()
    (tmp / "globex").mkdir()
    (tmp / "acme" / "news.md").write_text("# Acme news\n\nThe codeword is ZEPHYR-ACME.\n")
    (tmp / "acme" / "payroll.md").write_text("# Payroll\n\nThe payroll codeword is KESTREL.\n")
    (tmp / "globex" / "news.md").write_text("# Globex news\n\nThe codeword is ORCHID-GLOBEX.\n")


class Served:
    def __init__(self, url: str, rt: Runtime, db: Database, keys: dict[str, str], ids: Any):
        self.url, self.rt, self.db, self.keys, self.ids = url, rt, db, keys, ids

    def client(self, key: str = "main") -> openai.OpenAI:
        return openai.OpenAI(base_url=self.url + "/v1", api_key=self.keys[key], max_retries=0)

    def post(self, path: str, body: Any, key: str | None = "main", **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.keys[key]}"} if key else {}
        return requests.post(self.url + path, json=body, headers=headers, timeout=30, **kw)

    def asks(self) -> int:
        with self.db.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(asks)).scalar_one())


@pytest.fixture(scope="module")
def served(
    runtime: Runtime, database: Database, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("server")
    write_docs(tmp)
    data = project_data(tmp)
    (tmp / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
    rt = Runtime(parse_project(data), tmp, database=database)
    for kb in ("srv-acme", "srv-globex"):
        rt.knowledge_base(kb).ingest()
    made = {
        "main": create_key(database, "main", "default"),
        "embed-only": create_key(database, "embed-only", "default", scopes=["embeddings"]),
        "acme": create_key(database, "acme app", "acme"),
        "acme-finance": create_key(database, "acme payroll", "acme", groups=["finance"]),
        "globex": create_key(database, "globex app", "globex", groups=["finance"]),
        "revoked": create_key(database, "old", "default"),
        "broke": create_key(database, "broke", "broke"),
    }
    revoke_key(database, made["revoked"].key.id)
    # key_cache_s=0: a revoked key is refused at once (test_server_scaleout tests the cache)
    app = create_app(runtime=rt, settings=ServerSettings(max_body_bytes=LIMIT, key_cache_s=0))
    try:
        with running(app) as url:
            yield Served(
                url,
                rt,
                database,
                {name: m.secret for name, m in made.items()},
                {name: m.key.id for name, m in made.items()},
            )
    finally:
        rt.close()


def assert_openai_error(response: requests.Response, status: int, code: str | None = None) -> Any:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert {"message", "type", "param", "code"} <= set(error), error
    assert error["message"] and isinstance(error["type"], str)
    if code is not None:
        assert error["code"] == code, error
    return error


# -- health ----------------------------------------------------------------------------------


def test_health_and_readiness(served: Served) -> None:
    assert requests.get(served.url + "/healthz", timeout=10).json() == {"status": "ok"}
    ready = requests.get(served.url + "/readyz", timeout=10)
    assert ready.status_code == 200 and ready.json()["default_app"] == "assistant"
    assert "/v1/chat/completions" in requests.get(served.url + "/openapi.json", timeout=10).text


def test_cors_allows_only_the_configured_origins(served: Served) -> None:
    preflight = {"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST"}
    # off by default
    r = requests.options(served.url + "/v1/chat/completions", headers=preflight, timeout=10)
    assert "access-control-allow-origin" not in r.headers
    settings = ServerSettings(cors_origins="https://app.example.com, https://b.example.com")
    with running(create_app(runtime=served.rt, settings=settings)) as url:
        ok = requests.options(url + "/v1/chat/completions", headers=preflight, timeout=10)
        assert ok.headers["access-control-allow-origin"] == "https://app.example.com"
        other = {**preflight, "Origin": "https://evil.example"}
        no = requests.options(url + "/v1/chat/completions", headers=other, timeout=10)
        assert "access-control-allow-origin" not in no.headers


# -- chat completions ------------------------------------------------------------------------


def test_a_chat_completion_through_the_openai_sdk_is_guarded_metered_and_attributed(
    served: Served,
) -> None:
    completion = served.client().chat.completions.create(
        model="assistant",
        messages=[
            {"role": "system", "content": "ignored: the app's prompt applies"},
            {"role": "user", "content": "What is your name?"},
            {"role": "assistant", "content": "Fenwick's assistant."},
            {"role": "user", "content": "How much does the Trailhawk 2 cost?"},
        ],
        user="dana",
    )
    choice = completion.choices[0]
    assert choice.message.content == GROUNDED and choice.finish_reason == "stop"
    assert completion.object == "chat.completion" and completion.model == "assistant"
    assert completion.usage is not None and completion.usage.prompt_tokens > 0
    assert completion.usage.completion_tokens == len(GROUNDED.split())
    ext = (completion.model_extra or {})["genaiops"]
    assert ext["status"] == "answered" and ext["cost_usd"] > 0
    assert any(s["source"].endswith("product-trailhawk.md") for s in ext["sources"]), ext
    assert completion.id == f"chatcmpl-{ext['trace_id']}"
    with served.db.engine.connect() as conn:
        row = conn.execute(sa.select(asks).where(asks.c.trace_id == ext["trace_id"])).one()
        ledger = conn.execute(
            sa.select(usage_ledger).where(usage_ledger.c.trace_id == ext["trace_id"])
        ).one()
    assert row.api_key_id == served.ids["main"] and row.principal == "dana"
    assert row.question == "How much does the Trailhawk 2 cost?"  # the last user message
    assert ledger.api_key_id == served.ids["main"] and ledger.tenant == "default"


def test_a_streamed_completion_releases_the_checked_text_then_usage_and_done(
    served: Served,
) -> None:
    stream = served.client().chat.completions.create(
        model="assistant",
        messages=[{"role": "user", "content": "How much does the Trailhawk 2 cost?"}],
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == GROUNDED
    finals = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert [c.choices[0].finish_reason for c in finals] == ["stop"]
    assert (finals[0].model_extra or {})["genaiops"]["status"] == "answered"
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 5
    assert all(c.object == "chat.completion.chunk" for c in chunks)


def test_the_raw_stream_ends_with_done(served: Served) -> None:
    body = {"model": "assistant", "stream": True, "messages": [{"role": "user", "content": "Hi"}]}
    with served.post("/v1/chat/completions", body, stream=True) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = [line for line in r.iter_lines(decode_unicode=True) if line]
    assert events[-1] == "data: [DONE]" and all(e.startswith("data: ") for e in events)


def test_a_client_that_goes_away_cancels_the_ask(served: Served) -> None:
    body = {"model": "slow", "stream": True, "messages": [{"role": "user", "content": "Go"}]}
    with served.post("/v1/chat/completions", body, stream=True) as r:
        first = json.loads(next(line for line in r.iter_lines() if line)[len("data: ") :])
    trace_id = first["id"].removeprefix("chatcmpl-")
    deadline = time.monotonic() + 10  # 100 tokens at 50 ms: 5 s if it were not cancelled
    status = None
    while status is None and time.monotonic() < deadline:
        with served.db.engine.connect() as conn:
            status = conn.execute(
                sa.select(asks.c.status).where(asks.c.trace_id == trace_id)
            ).scalar_one_or_none()
        time.sleep(0.1)
    assert status == "cancelled"


def test_a_blocked_answer_is_a_200_with_the_policy_message(served: Served) -> None:
    message = served.rt.config.guardrails["company-default"].messages
    client = served.client()
    whole = client.chat.completions.create(
        model="leaky", messages=[{"role": "user", "content": "When do the stores open?"}]
    )
    assert whole.choices[0].finish_reason == "content_filter"
    assert whole.choices[0].message.content == message.blocked_output
    assert (whole.model_extra or {})["genaiops"]["status"] == "blocked"
    # streamed: the sentence that passed the checks, then the policy's message; never the rest
    chunks = list(
        client.chat.completions.create(
            model="leaky",
            messages=[{"role": "user", "content": "When do the stores open?"}],
            stream=True,
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text.startswith("Our stores open at nine.") and text.endswith(message.blocked_output)
    assert "hunter2" not in text and "password dump" not in text
    assert chunks[-1].choices[0].finish_reason == "content_filter"
    # a blocked question
    asked = client.chat.completions.create(
        model="assistant",
        messages=[{"role": "user", "content": "Should I buy Fenwick Cycles stock?"}],
    )
    assert asked.choices[0].finish_reason == "content_filter"
    assert asked.choices[0].message.content == message.blocked_input


def test_the_readme_example_runs(served: Served, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("## The server", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(code.strip().splitlines()) == 3
    code = code.replace("http://127.0.0.1:8000/v1", served.url + "/v1")
    exec(code.replace('"gai_..."', repr(served.keys["main"])), {})
    assert capsys.readouterr().out.strip() == GROUNDED


# -- models and embeddings -------------------------------------------------------------------


def test_models_lists_the_apps(served: Served) -> None:
    models = served.client().models.list()
    assert [m.id for m in models.data] == sorted(served.rt.config.apps)
    assert all(m.object == "model" and m.owned_by == served.rt.config.name for m in models.data)


def test_embeddings_are_the_runtime_minilm_vectors(served: Served) -> None:
    client = served.client()
    texts = ["When do the stores open?", "Trailhawk 2 price"]
    got = client.embeddings.create(model="minilm-l6-int8", input=texts)  # base64 on the wire
    assert [d.index for d in got.data] == [0, 1] and got.model == "minilm-l6-int8"
    expected = served.rt.embedder("minilm-l6-int8").embed(texts)
    for d, e in zip(got.data, expected, strict=True):
        assert len(d.embedding) == 384
        assert float(np.dot(np.asarray(d.embedding), e)) > 0.9999
    one = client.embeddings.create(model="minilm-l6-int8", input="hello", encoding_format="float")
    assert len(one.data) == 1 and got.usage.prompt_tokens > 0
    r = served.post("/v1/embeddings", {"input": "hello"})  # model may be left out
    assert r.status_code == 200 and len(r.json()["data"][0]["embedding"]) == 384
    tokens = assert_openai_error(served.post("/v1/embeddings", {"input": [1, 2]}), 400)
    assert "token arrays are not supported" in tokens["message"], tokens
    assert "check_embedding_ctx_length=False" in tokens["message"] and tokens["param"] == "input"
    wrong = served.post("/v1/embeddings", {"input": "x", "model": "ada"})
    assert "minilm-l6-int8" in assert_openai_error(wrong, 404, "model_not_found")["message"]


# -- errors: in OpenAI's shape, and nothing asked ---------------------------------------------


def test_rejected_requests_answer_in_openai_shape_and_ask_nothing(served: Served) -> None:
    before = served.asks()
    chat = {"model": "assistant", "messages": [{"role": "user", "content": "Hi"}]}
    missing = assert_openai_error(
        served.post("/v1/chat/completions", chat, key=None), 401, "invalid_api_key"
    )
    assert missing["type"] == "authentication_error" and "keys create" in missing["message"]
    bogus = requests.post(
        served.url + "/v1/chat/completions",
        json=chat,
        headers={"Authorization": "Bearer gai_not-a-key"},
        timeout=10,
    )
    assert_openai_error(bogus, 401, "invalid_api_key")
    revoked = assert_openai_error(served.post("/v1/chat/completions", chat, "revoked"), 401)
    assert "revoked" in revoked["message"]
    scope = assert_openai_error(
        served.post("/v1/chat/completions", chat, "embed-only"), 403, "insufficient_scope"
    )
    assert scope["type"] == "permission_error" and "'chat'" in scope["message"]
    unknown = assert_openai_error(
        served.post("/v1/chat/completions", {**chat, "model": "gpt-4"}), 404, "model_not_found"
    )
    assert all(name in unknown["message"] for name in served.rt.config.apps)
    assert unknown["param"] == "model"
    malformed = requests.post(
        served.url + "/v1/chat/completions",
        data=b'{"model": "assistant", "messages": [',
        headers={
            "Authorization": f"Bearer {served.keys['main']}",
            "Content-Type": "application/json",
        },
        timeout=10,
    )
    assert_openai_error(malformed, 400, "invalid_json")
    typed = served.post("/v1/chat/completions", {"model": "assistant", "messages": "Hi"})
    assert assert_openai_error(typed, 400, "invalid_value")["param"].startswith("messages")
    hot = served.post("/v1/chat/completions", {**chat, "temperature": "hot"})
    assert assert_openai_error(hot, 400)["param"] == "temperature"
    no_user = served.post(
        "/v1/chat/completions",
        {"model": "assistant", "messages": [{"role": "system", "content": "x"}]},
    )
    assert_openai_error(no_user, 400)
    empty = served.post(
        "/v1/chat/completions",
        {"model": "assistant", "messages": [{"role": "user", "content": " "}]},
    )
    assert_openai_error(empty, 400, "invalid_input")
    huge = {**chat, "messages": [{"role": "user", "content": "x" * (LIMIT + 10)}]}
    assert_openai_error(served.post("/v1/chat/completions", huge), 413, "request_too_large")
    chunked = requests.post(  # no Content-Length: counted as it arrives
        served.url + "/v1/chat/completions",
        data=iter([json.dumps(huge).encode()[i : i + 8192] for i in range(0, LIMIT + 8192, 8192)]),
        headers={
            "Authorization": f"Bearer {served.keys['main']}",
            "Content-Type": "application/json",
        },
        timeout=10,
    )
    assert_openai_error(chunked, 413, "request_too_large")
    nothing = requests.get(
        served.url + "/v1/nothing",
        headers={"Authorization": f"Bearer {served.keys['main']}"},
        timeout=10,
    )
    assert_openai_error(nothing, 404)
    # the key is checked before the body is read
    no_key = requests.post(
        served.url + "/v1/chat/completions",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert_openai_error(no_key, 401)
    form = requests.post(
        served.url + "/v1/chat/completions",
        data=json.dumps(chat).encode(),
        headers={"Authorization": f"Bearer {served.keys['main']}", "Content-Type": "text/plain"},
        timeout=10,
    )
    assert "Content-Type: application/json" in assert_openai_error(form, 400)["message"]
    assert served.asks() == before


def test_the_openai_sdk_raises_its_own_error_classes(served: Served) -> None:
    messages: Any = [{"role": "user", "content": "Hi"}]
    with pytest.raises(openai.AuthenticationError):
        served.client("revoked").chat.completions.create(model="assistant", messages=messages)
    with pytest.raises(openai.PermissionDeniedError):
        served.client("embed-only").models.list()
    with pytest.raises(openai.NotFoundError, match="model_not_found|does not exist"):
        served.client().chat.completions.create(model="nope", messages=messages)
    with pytest.raises(openai.NotFoundError):
        served.client().chat.completions.create(model="nope", messages=messages, stream=True)


def test_a_budget_that_refuses_the_call_is_a_402(served: Served) -> None:
    chat = {"model": "assistant", "messages": [{"role": "user", "content": "Trailhawk 2 price?"}]}
    for body in (chat, {**chat, "stream": True}):
        error = assert_openai_error(
            served.post("/v1/chat/completions", body, "broke"), 402, "budget_exceeded"
        )
        assert error["type"] == "insufficient_quota" and error["budget"] == "tenant:broke/day"
        assert "genaiops costs budgets set tenant:broke" in error["message"]
    with pytest.raises(openai.APIStatusError) as raised:
        served.client("broke").chat.completions.create(model="assistant", messages=chat["messages"])
    assert raised.value.status_code == 402


def test_a_model_that_fails_answers_with_its_own_status(served: Served) -> None:
    for stream in (False, True):
        chat = {"model": "down", "stream": stream, "messages": [{"role": "user", "content": "Hi"}]}
        down = assert_openai_error(
            served.post("/v1/chat/completions", chat), 503, "model_unavailable"
        )
        assert down["type"] == "server_error"
        busy = served.post("/v1/chat/completions", {**chat, "model": "busy"})
        assert assert_openai_error(busy, 429, "rate_limited")["type"] == "rate_limit_error"
        assert busy.headers["retry-after"] == "1"


# -- tenants -----------------------------------------------------------------------------------


def _answer(served: Served, key: str, app: str, stream: bool = False) -> str:
    messages: Any = [{"role": "user", "content": "What is the codeword?"}]
    client = served.client(key)
    if stream:
        chunks = client.chat.completions.create(model=app, messages=messages, stream=True)
        return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    return (
        client.chat.completions.create(model=app, messages=messages).choices[0].message.content
        or ""
    )


def test_a_key_never_retrieves_another_tenants_documents(served: Served) -> None:
    acme = _answer(served, "acme", "acme-docs")
    assert "ZEPHYR-ACME" in acme and "KESTREL" not in acme  # payroll: the finance group only
    assert "KESTREL" in _answer(served, "acme-finance", "acme-docs", stream=True)
    for key in ("main", "globex"):  # another tenant, with the finance group or without
        leaked = _answer(served, key, "acme-docs") + _answer(served, key, "acme-docs", True)
        assert "ZEPHYR" not in leaked and "KESTREL" not in leaked
    assert "ORCHID-GLOBEX" in _answer(served, "globex", "globex-docs")
    for key in ("acme", "acme-finance", "main"):
        assert "ORCHID" not in _answer(served, key, "globex-docs", stream=True)


# -- the keys CLI ------------------------------------------------------------------------------


def test_keys_cli_creates_lists_and_revokes(
    served: Served, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    project = str(served.rt.base_dir)
    runner = CliRunner()
    try:
        made = runner.invoke(
            cli,
            ["keys", "create", "--name", "ci", "--tenant", "acme", "--groups", "finance,ops",
             "--scopes", "chat,models", "-p", project, "--json"],
        )  # fmt: skip
        assert made.exit_code == 0, made.output
        key = json.loads(made.stdout)
        assert key["secret"].startswith("gai_") and key["groups"] == ["finance", "ops"]
        assert key["scopes"] == ["chat", "models"] and key["tenant"] == "acme"
        client = openai.OpenAI(base_url=served.url + "/v1", api_key=key["secret"], max_retries=0)
        assert client.models.list().data
        listed = runner.invoke(cli, ["keys", "list", "-p", project, "--json"])
        entry = next(k for k in json.loads(listed.stdout) if k["id"] == key["id"])
        assert "secret" not in entry and entry["last_used_at"] is not None
        shown = runner.invoke(cli, ["keys", "list", "-p", project], env={"COLUMNS": "160"})
        assert key["id"] in shown.output and key["secret"] not in shown.output
        revoked = runner.invoke(cli, ["keys", "revoke", key["id"], "-p", project])
        assert revoked.exit_code == 0 and "revoked" in revoked.output
        with pytest.raises(openai.AuthenticationError):
            client.models.list()
        bad = runner.invoke(
            cli, ["keys", "create", "--name", "x", "--tenant", "t", "--scopes", "root"]
        )
        assert bad.exit_code != 0 and "admin" in str(bad.exception)
    finally:
        get_settings.cache_clear()
