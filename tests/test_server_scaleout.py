"""Scale-out: two `genaiops serve` processes over one PostgreSQL, as two replicas behind a
load balancer would run. Each process has its own runtime and connection pool and knows
nothing of the other; the database is all they share. They are pointed at it the way an
operator points replicas at an external PostgreSQL: ``GENAIOPS_DATABASE_URL``.

* a budget spent through one replica is refused (402) through the other, and the audit
  log holds the asks of both;
* a budget race through the API: many concurrent requests over both replicas against a
  small budget overspend it by no more than one request's maximum cost;
* the rate limit of a key holds across both;
* ``/v1/embeddings`` is metered and budgeted like chat, on either replica.

The model is the echo fake (its token counts are exact, so the costs are known); the
processes, keys, budgets, ledger and PostgreSQL are real.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
import sqlalchemy as sa
import yaml

from genaiops.server.keys import ApiKey, create_key, revoke_key
from genaiops.server.openai_api import KeyCache
from genaiops.storage import Database
from genaiops.storage.schema import asks, budget_reservations, budget_windows, usage_ledger
from support import assert_error
from test_server_limits import away_from_the_minute_boundary
from test_server_process import free_port

REPLY = "one two three"
INPUT_PER_1M, OUTPUT_PER_1M = 1000.0, 3000.0  # USD: a token costs $0.001 in, $0.003 out
MAX_TOKENS = 5  # each request asks for at most 5 completion tokens (the reply has 3)
EMBEDDING_PER_1M = 500.0
PROJECT: dict[str, Any] = {
    "version": 1,
    "name": "scaleout",
    "models": {
        "echo": {
            "provider": "echo",
            "reply": REPLY,
            "price": {"input_per_1m": INPUT_PER_1M, "output_per_1m": OUTPUT_PER_1M},
        }
    },
    "apps": {"echo": {"model": "echo"}},
    "budgets": [
        {"tenant": "shared", "period": "day", "limit_usd": 0.25},
        {"tenant": "race", "period": "day", "limit_usd": 0.5},
        {"tenant": "embed", "period": "day", "limit_usd": 0.01},
    ],
}


def _wait_ready(proc: subprocess.Popen[str], url: str, deadline: float) -> None:
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"the server exited: {proc.communicate()[0]}")
        assert time.monotonic() < deadline, f"{url} not ready in time"
        try:
            if requests.get(url + "/readyz", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)


@pytest.fixture(scope="module")
def replicas(
    tmp_path_factory: pytest.TempPathFactory, database: Database, database_url: str
) -> Iterator[tuple[str, str]]:
    """Two `genaiops serve` processes on the session's PostgreSQL, by its URL."""
    folder = tmp_path_factory.mktemp("scaleout")
    (folder / "genaiops.yaml").write_text(yaml.safe_dump(PROJECT), "utf-8")
    env = {
        **os.environ,
        "GENAIOPS_DATABASE_URL": database_url,
        "GENAIOPS_SERVER_EMBEDDING_INPUT_PER_1M": str(EMBEDDING_PER_1M),
    }
    env.pop("GENAIOPS_PROJECT", None)
    procs: list[subprocess.Popen[str]] = []
    urls: list[str] = []
    try:
        for _ in range(2):
            port = free_port()
            urls.append(f"http://127.0.0.1:{port}")
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "genaiops.cli.main",
                        "serve",
                        "-p",
                        str(folder),
                        "--port",
                        str(port),
                    ],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            )
        deadline = time.monotonic() + 120
        for proc, url in zip(procs, urls, strict=True):
            _wait_ready(proc, url, deadline)
        # the URL is honoured: neither replica started an embedded server of its own
        assert not (folder / ".genaiops" / "pgdata").exists()
        yield urls[0], urls[1]
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()


def chat(url: str, secret: str, **body: Any) -> requests.Response:
    payload = {
        "model": "echo",
        "messages": [{"role": "user", "content": "what does it cost?"}],
        "max_tokens": MAX_TOKENS,
        **body,
    }
    return requests.post(
        url + "/v1/chat/completions",
        json=payload,
        headers={"Authorization": f"Bearer {secret}"},
        timeout=60,
    )


def max_cost(prompt_tokens: int) -> float:
    """What a budget reserves for one request: its exact prompt and MAX_TOKENS out."""
    return (prompt_tokens * INPUT_PER_1M + MAX_TOKENS * OUTPUT_PER_1M) / 1e6


def spent(db: Database, tenant: str) -> tuple[float, float, int]:
    """The tenant's budget window (spent, reserved) and the holds still in the table."""
    name = f"tenant:{tenant}/day"
    with db.engine.connect() as conn:
        row = conn.execute(
            sa.select(budget_windows.c.spent_usd, budget_windows.c.reserved_usd).where(
                budget_windows.c.budget == name
            )
        ).one()
        held = conn.execute(
            sa.select(sa.func.count()).where(budget_reservations.c.budget == name)
        ).scalar_one()
    return float(row.spent_usd), float(row.reserved_usd), int(held)


def ledger_total(db: Database, tenant: str) -> tuple[int, float]:
    with db.engine.connect() as conn:
        row = conn.execute(
            sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(usage_ledger.c.cost_usd), 0))
            .where(usage_ledger.c.tenant == tenant)
        ).one()  # fmt: skip
    return int(row[0]), float(row[1])


def test_a_budget_spent_through_one_replica_is_refused_by_the_other(
    replicas: tuple[str, str], database: Database
) -> None:
    a, b = replicas
    secret = create_key(database, "shared", "shared").secret
    answered: list[tuple[str, str]] = []  # (trace id, replica)
    refused: requests.Response | None = None
    for i in range(40):  # alternate until the budget runs out (about 4 answers fit)
        url, name = (a, "via-a") if i % 2 == 0 else (b, "via-b")
        r = chat(url, secret, user=name)
        if r.status_code == 402:
            refused = r
            break
        assert r.status_code == 200, r.text
        answered.append((r.json()["genaiops"]["trace_id"], name))
    assert refused is not None, "the budget never ran out"
    assert len(answered) >= 2, answered  # both replicas answered before it ran out
    error = assert_error(refused, 402, "budget_exceeded")
    assert "tenant:shared/day" in error["message"]
    # whichever replica refused, the other refuses too, and says why
    for url in (a, b):
        assert "tenant:shared/day" in assert_error(chat(url, secret), 402)["message"]
    total, reserved, held = spent(database, "shared")
    assert total <= 0.25 and reserved == 0 and held == 0
    # the audit log holds the asks of both replicas, each under its trace id and caller
    with database.engine.connect() as conn:
        rows = conn.execute(
            sa.select(asks.c.trace_id, asks.c.principal, asks.c.status).where(
                asks.c.tenant == "shared"
            )
        ).all()
    audited = {r.trace_id: (r.principal, r.status) for r in rows}
    for trace_id, name in answered:
        assert audited[trace_id] == (name, "answered")
    assert {p for p, s in audited.values() if s == "answered"} == {"via-a", "via-b"}
    assert sum(s == "error" for _, s in audited.values()) == 3  # the refusals are audited too
    # and the ledger agrees with the budget, to the cent's millionth
    calls, cost = ledger_total(database, "shared")
    assert calls == len(answered) and math.isclose(cost, total, abs_tol=1e-9)


def test_budget_race_through_the_api_overspends_by_no_more_than_one_request(
    replicas: tuple[str, str], database: Database
) -> None:
    limit = 0.5
    secret = create_key(database, "racer", "race").secret
    probe = chat(replicas[0], create_key(database, "probe", "unbudgeted").secret)
    assert probe.status_code == 200, probe.text
    most = max_cost(probe.json()["usage"]["prompt_tokens"])  # what each request reserves
    assert limit / most < 12, most  # 48 requests are far more than the budget covers
    urls = [replicas[i % 2] for i in range(48)]
    with ThreadPoolExecutor(24) as pool:  # at once, over both replicas
        answers = list(pool.map(lambda url: chat(url, secret), urls))
    statuses = [r.status_code for r in answers]
    assert set(statuses) == {200, 402}, [r.text for r in answers if r.status_code not in (200, 402)]
    ok = statuses.count(200)
    total, reserved, held = spent(database, "race")
    calls, cost = ledger_total(database, "race")
    assert reserved == 0 and held == 0  # every hold was settled
    assert calls == ok and math.isclose(cost, total, abs_tol=1e-9)  # ledger == budget
    assert total - limit <= most  # the bound the issue asks for ...
    assert total <= limit  # ... and in fact none: reservations cover the actual cost
    # a refusal means the holds in flight left no room: the budget was not refused early
    assert ok >= math.floor(limit / most), (ok, limit, most)
    print(f"budget race: {ok} of {len(urls)} answered, spent ${total:.6f} of ${limit}, "
          f"max cost ${most:.6f}")  # fmt: skip


def test_rate_limits_hold_across_replicas(replicas: tuple[str, str], database: Database) -> None:
    secret = create_key(database, "three a minute", "acme", rpm=3).secret
    away_from_the_minute_boundary(database)
    urls = [replicas[i % 2] for i in range(6)]
    with ThreadPoolExecutor(6) as pool:
        statuses = sorted(r.status_code for r in pool.map(lambda u: chat(u, secret), urls))
    assert statuses == [200] * 3 + [429] * 3


def embed(url: str, secret: str, texts: list[str], user: str | None = None) -> requests.Response:
    return requests.post(
        url + "/v1/embeddings",
        json={"input": texts, "user": user},
        headers={"Authorization": f"Bearer {secret}"},
        timeout=60,
    )


def test_embeddings_are_metered_and_budgeted_on_either_replica(
    replicas: tuple[str, str], database: Database
) -> None:
    a, b = replicas
    made = create_key(database, "embedder", "embed")
    r = embed(a, made.secret, ["the first text", "a second one"], user="etl")
    assert r.status_code == 200, r.text
    tokens = r.json()["usage"]["total_tokens"]
    assert tokens > 4 and len(r.json()["data"]) == 2
    trace_id = r.headers["x-trace-id"]
    with database.engine.connect() as conn:
        rows = conn.execute(
            sa.select(usage_ledger).where(usage_ledger.c.trace_id == trace_id)
        ).all()
    assert len(rows) == 1
    row = rows[0]._mapping
    assert row["tenant"] == "embed" and row["api_key_id"] == made.key.id
    assert row["principal"] == "etl" and row["purpose"] == "embedding"
    assert row["prompt_tokens"] == tokens and row["completion_tokens"] == 0
    assert row["app"] is None and row["status"] == "ok"
    assert math.isclose(row["cost_usd"], tokens * EMBEDDING_PER_1M / 1e6)
    # the tenant's $0.01 covers 20 tokens at $0.0005: the other replica refuses 40 texts
    first, _, _ = spent(database, "embed")
    assert math.isclose(first, row["cost_usd"], abs_tol=1e-9) and first < 0.01
    refused = embed(b, made.secret, [f"text number {i}" for i in range(40)])
    assert "tenant:embed/day" in assert_error(refused, 402, "budget_exceeded")["message"]
    assert ledger_total(database, "embed")[0] == 1  # nothing recorded for the refusal


def test_a_revoked_key_is_refused_by_every_replica_within_the_key_cache(
    replicas: tuple[str, str], database: Database
) -> None:
    made = create_key(database, "soon revoked", "acme")
    assert all(chat(url, made.secret).status_code == 200 for url in replicas)  # now cached
    revoke_key(database, made.key.id)
    # each replica reuses a key for GENAIOPS_SERVER_KEY_CACHE_S (1 s) at most: wait it out
    deadline = time.monotonic() + 30
    pending = set(replicas)
    while pending and time.monotonic() < deadline:
        pending = {url for url in pending if chat(url, made.secret).status_code != 401}
        time.sleep(0.2)
    assert not pending, "a replica still accepts the revoked key"
    assert "revoked" in assert_error(chat(replicas[0], made.secret), 401)["message"]


def test_the_key_cache_reuses_a_key_for_its_ttl_only(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    key = ApiKey("k1", "n", "acme", (), ("chat",))
    cache = KeyCache(ttl_s=1.0, size=2)
    assert cache.get("gai_a") is None  # unknown: the database decides
    cache.put("gai_a", key)
    assert cache.get("gai_a") is key and cache.get("gai_b") is None
    now[0] += 0.99
    assert cache.get("gai_a") is key
    now[0] += 0.02
    assert cache.get("gai_a") is None  # expired: looked up again
    for name in ("gai_b", "gai_c", "gai_d"):  # bounded: the oldest goes
        cache.put(name, key)
    assert cache.get("gai_b") is None and cache.get("gai_d") is key
    off = KeyCache(ttl_s=0.0)
    off.put("gai_a", key)
    assert off.get("gai_a") is None  # 0: every request is looked up
