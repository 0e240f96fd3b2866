"""Rate limits per API key, on two real uvicorn servers over the same PostgreSQL (each
with its own runtime and connection pool, as two worker processes would have): a key's
requests and tokens per minute are counted in the database, so the servers share them.
And the Prometheus metrics each server exposes at ``/metrics``.

The model is the echo fake; the keys, the counters and PostgreSQL are real.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import openai
import pytest
import requests
import sqlalchemy as sa
import yaml
from prometheus_client.parser import text_string_to_metric_families
from typer.testing import CliRunner

from genaiops.cli.main import app as cli
from genaiops.config import get_settings, parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import create_app
from genaiops.server.keys import create_key
from genaiops.storage import Database
from genaiops.storage.schema import rate_windows
from support import running

REPLY = "one two three"
PROJECT = {
    "name": "limits",
    "models": {"echo": {"provider": "echo", "reply": REPLY, "price": {"input_per_1m": 3.0}}},
    "guardrails": {"words": {"word_filters": {"words": ["forbidden"]}}},
    "apps": {"echo": {"model": "echo"}, "guarded": {"model": "echo", "guardrail": "words"}},
    # tenant "broke" can afford no answer
    "budgets": [{"tenant": "broke", "period": "day", "limit_usd": 0.000001}],
}


@pytest.fixture(scope="module")
def two_servers(
    database: Database, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    tmp = tmp_path_factory.mktemp("limits")
    other = Database(url=database_url)  # a second pool, as a second process has
    first = Runtime(parse_project(PROJECT), tmp, database=database)
    second = Runtime(parse_project(PROJECT), tmp, database=other)
    try:
        with running(create_app(runtime=first)) as a, running(create_app(runtime=second)) as b:
            yield a, b
    finally:
        first.close()
        second.close()
        other.close()


def away_from_the_minute_boundary(db: Database) -> None:
    """Wait while the database's minute ends in under 5 s, so one test stays in one window."""
    with db.engine.connect() as conn:
        left = float(conn.execute(sa.text("SELECT 60 - extract(second FROM now())")).scalar_one())
    if left < 5:
        time.sleep(left + 0.2)


def chat(url: str, secret: str, **body: Any) -> requests.Response:
    return requests.post(
        url + "/v1/chat/completions",
        json={"model": "echo", "messages": [{"role": "user", "content": "hi"}], **body},
        headers={"Authorization": f"Bearer {secret}"},
        timeout=30,
    )


def assert_rate_limited(r: requests.Response) -> dict[str, Any]:
    assert r.status_code == 429, r.text
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    error: dict[str, Any] = r.json()["error"]
    assert error["type"] == "rate_limit_error" and error["code"] == "rate_limited"
    assert {"message", "param"} <= set(error) and 0 < error["retry_after_s"] <= 60
    return error


def test_requests_per_minute_are_shared_by_two_servers(
    two_servers: tuple[str, str], database: Database
) -> None:
    rpm, extra = 5, 3
    limited = create_key(database, "limited", "acme", rpm=rpm)
    free = create_key(database, "free", "acme")
    assert limited.key.rpm == rpm and limited.key.tpm is None
    away_from_the_minute_boundary(database)
    urls = [two_servers[i % 2] for i in range(rpm + extra)]
    with ThreadPoolExecutor(len(urls)) as pool:  # at once: the counting must be atomic
        answers = list(pool.map(lambda url: chat(url, limited.secret), urls))
    statuses = sorted(r.status_code for r in answers)
    assert statuses == [200] * rpm + [429] * extra, [r.text for r in answers]
    for r in answers:
        if r.status_code == 429:
            assert f"{rpm} requests per minute" in assert_rate_limited(r)["message"]
    # every endpoint counts, on either server, and the SDK sees its RateLimitError
    client = openai.OpenAI(base_url=two_servers[1] + "/v1", api_key=limited.secret, max_retries=0)
    with pytest.raises(openai.RateLimitError):
        client.models.list()
    # a key without limits is not counted at all
    assert all(chat(url, free.secret).status_code == 200 for url in two_servers * 4)
    with database.engine.connect() as conn:
        counted = conn.execute(
            sa.select(rate_windows.c.key_id, rate_windows.c.requests).where(
                rate_windows.c.key_id.in_([limited.key.id, free.key.id])
            )
        ).all()
    assert [(k, n) for k, n in counted] == [(limited.key.id, rpm + extra + 1)]


def test_tokens_per_minute_are_settled_after_the_answer_streamed_or_not(
    two_servers: tuple[str, str], database: Database
) -> None:
    made = create_key(database, "thrifty", "acme", tpm=1)
    away_from_the_minute_boundary(database)
    # under the limit: answered (streamed), and its tokens are counted afterwards
    client = openai.OpenAI(base_url=two_servers[0] + "/v1", api_key=made.secret, max_retries=0)
    stream = client.chat.completions.create(
        model="echo", messages=[{"role": "user", "content": "hi"}], stream=True
    )
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices) == REPLY
    # the other server now refuses the key: the window's tokens reached the limit
    error = assert_rate_limited(chat(two_servers[1], made.secret))
    assert "1 tokens per minute" in error["message"]
    with database.engine.connect() as conn:
        tokens = conn.execute(
            sa.select(rate_windows.c.tokens).where(rate_windows.c.key_id == made.key.id)
        ).scalar_one()
    assert tokens > len(REPLY.split())  # prompt and completion


def test_keys_create_takes_the_limits(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(PROJECT), "utf-8")
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        args = ["keys", "create", "--name", "n", "--tenant", "t", "--project", str(tmp_path)]
        made = runner.invoke(cli, [*args, "--rpm", "60", "--tpm", "1000", "--json"])
        assert made.exit_code == 0, made.output
        assert {k: json.loads(made.stdout)[k] for k in ("rpm", "tpm")} == {"rpm": 60, "tpm": 1000}
        text = runner.invoke(cli, [*args, "--rpm", "60"])
        assert text.exit_code == 0 and "at most 60 requests a minute" in text.stdout
        listed = runner.invoke(cli, ["keys", "list", "--json", "--project", str(tmp_path)])
        assert any(k["rpm"] == 60 and k["tpm"] == 1000 for k in json.loads(listed.stdout))
        assert runner.invoke(cli, [*args, "--rpm", "0"]).exit_code != 0
    finally:
        get_settings.cache_clear()


def scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of ``/metrics``, parsed by prometheus-client's own parser."""
    r = requests.get(url + "/metrics", timeout=10)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(r.text)
        for s in family.samples
    }


def test_metrics_move_with_requests(two_servers: tuple[str, str], database: Database) -> None:
    url = two_servers[0]
    main = create_key(database, "metered", "acme").secret
    broke = create_key(database, "broke", "broke").secret
    limited = create_key(database, "one a minute", "acme", rpm=1).secret
    away_from_the_minute_boundary(database)
    before = scrape(url)
    assert chat(url, main).status_code == 200
    blocked = chat(url, main, model="guarded", messages=[{"role": "user", "content": "forbidden"}])
    assert blocked.json()["choices"][0]["finish_reason"] == "content_filter"
    assert chat(url, broke).status_code == 402
    assert [chat(url, limited).status_code for _ in range(2)] == [200, 429]
    assert chat(url, "gai_wrong").status_code == 401
    after = scrape(url)

    def moved(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    chat_path = {"endpoint": "/v1/chat/completions", "method": "POST"}
    assert moved("genaiops_http_requests_total", **chat_path, status="200") == 3
    assert moved("genaiops_http_requests_total", **chat_path, status="402") == 1
    assert moved("genaiops_http_requests_total", **chat_path, status="429") == 1
    assert moved("genaiops_http_requests_total", **chat_path, status="401") == 1
    latency = "genaiops_http_request_duration_seconds"
    assert moved(f"{latency}_count", endpoint="/v1/chat/completions") == 6
    assert moved(f"{latency}_bucket", endpoint="/v1/chat/completions", le="+Inf") == 6
    assert moved("genaiops_budget_rejections_total") == 1
    assert moved("genaiops_rate_limit_rejections_total") == 1
    assert moved("genaiops_tokens_total", app="echo", kind="completion") == 2 * len(REPLY.split())
    assert moved("genaiops_tokens_total", app="echo", kind="prompt") > 0
    assert moved("genaiops_cost_usd_total", app="echo") > 0
    assert moved("genaiops_guardrail_actions_total", check="word_filter", action="BLOCKED") == 1
    # an unknown path is one label, whatever it is
    requests.get(url + "/no/such/thing", timeout=10)
    assert moved("genaiops_http_requests_total", endpoint="other", method="GET", status="404") == 0
    assert (
        scrape(url)[
            (
                "genaiops_http_requests_total",
                (("endpoint", "other"), ("method", "GET"), ("status", "404")),
            )
        ]
        >= 1
    )
