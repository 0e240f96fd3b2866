"""The server under concurrent load, short (the CI version of ``benchmarks/p3_load.py``):
50 clients for a few seconds against a guarded app on a real uvicorn server on a loopback
port over real PostgreSQL, streamed and whole completions mixed. Every request gets an
answer; the only refusals are the 429s of a key's rate limit and the 402s of an exhausted
budget; every answer is complete and right; every answered ask is recorded once, for its
key, and no refused one is.

The model is the echo fake; guardrails, keys, rate limits, budgets, the ledger and
PostgreSQL are real. No timing is asserted.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
import sqlalchemy as sa

from genaiops.config import parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import create_app
from genaiops.server.keys import create_key
from genaiops.storage import Database
from genaiops.storage.schema import asks
from support import running

REPLY = "The Trailhawk 2 costs $2,899. It ships in two days."
PROJECT = {
    "name": "load",
    "models": {
        "echo": {
            "provider": "echo",
            "reply": REPLY,
            "seconds_per_token": 0.002,  # a little generation time, so requests overlap
            "price": {"input_per_1m": 3.0},
        }
    },
    "guardrails": {"words": {"word_filters": {"words": ["forbidden"]}}},
    "apps": {"guarded": {"model": "echo", "guardrail": "words"}},
    # tenant "load-broke" can afford no answer
    "budgets": [{"tenant": "load-broke", "period": "day", "limit_usd": 0.000001}],
}
CLIENTS = 50
SECONDS = 4.0
LIMITED_RPM = 20


@dataclass
class Outcome:
    key: str
    status: int  # 0: no answer at all (a connection error or a timeout)
    ok: bool  # a 200 whose body is a complete, right answer; or a refusal in OpenAI's shape
    detail: str = ""


class Load:
    def __init__(self, url: str, secrets: dict[str, str], ids: dict[str, str]) -> None:
        self.url, self.secrets, self.ids = url, secrets, ids


@pytest.fixture(scope="module")
def load(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Load]:
    tmp: Path = tmp_path_factory.mktemp("load")
    rt = Runtime(parse_project(PROJECT), tmp, database=database)
    made = {
        "free": create_key(database, "load free", "load-a"),
        "limited": create_key(database, "load limited", "load-b", rpm=LIMITED_RPM),
        "broke": create_key(database, "load broke", "load-broke"),
    }
    try:
        with running(create_app(runtime=rt)) as url:
            yield Load(
                url,
                {k: m.secret for k, m in made.items()},
                {k: m.key.id for k, m in made.items()},
            )
    finally:
        rt.close()


def _check(key: str, stream: bool, r: requests.Response) -> Outcome:
    if r.status_code in (402, 429):
        error = r.json().get("error", {})
        wanted = "budget_exceeded" if r.status_code == 402 else "rate_limited"
        return Outcome(key, r.status_code, error.get("code") == wanted, r.text[:200])
    if r.status_code != 200:
        return Outcome(key, r.status_code, False, r.text[:300])
    if not stream:
        body = r.json()
        return Outcome(key, 200, body["choices"][0]["message"]["content"] == REPLY, r.text[:200])
    events = [line for line in r.text.splitlines() if line]
    if not events or events[-1] != "data: [DONE]":
        return Outcome(key, 200, False, r.text[-300:])
    text = ""
    for event in events[:-1]:
        chunk = json.loads(event.removeprefix("data: "))
        if "error" in chunk:
            return Outcome(key, 200, False, event)
        text += "".join(c["delta"].get("content") or "" for c in chunk["choices"])
    return Outcome(key, 200, text == REPLY, text)


def _client(load: Load, n: int, deadline: float, out: list[Outcome], lock: threading.Lock) -> None:
    key = ("free", "free", "limited", "broke")[n % 4]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {load.secrets[key]}"
    i = 0
    while i == 0 or time.monotonic() < deadline:  # at least one request, however late it starts
        i += 1
        stream = (n + i) % 2 == 0
        body: dict[str, Any] = {
            "model": "guarded",
            "stream": stream,
            "messages": [{"role": "user", "content": f"Client {n}, ask {i}: Trailhawk 2 price?"}],
        }
        try:
            r = session.post(load.url + "/v1/chat/completions", json=body, timeout=120)
            outcome = _check(key, stream, r)
        except requests.RequestException as exc:
            outcome = Outcome(key, 0, False, repr(exc))
        with lock:
            out.append(outcome)
    session.close()


ALLOWED = {("free", 200), ("limited", 200), ("limited", 429), ("broke", 402)}


def test_concurrent_clients_get_answers_or_the_refusals_limits_require(
    load: Load, database: Database
) -> None:
    out: list[Outcome] = []
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS
    with ThreadPoolExecutor(CLIENTS) as pool:
        for f in [pool.submit(_client, load, n, deadline, out, lock) for n in range(CLIENTS)]:
            f.result()
    by = Counter((o.key, o.status) for o in out)
    bad = [o for o in out if not o.ok or (o.key, o.status) not in ALLOWED]
    assert not bad, (by, bad[:5])
    # the limits did refuse: the limited key beyond its rpm, the broke tenant always
    # (windows are whole minutes: a run across a minute's end may use two)
    assert by[("limited", 429)] > 0 and by[("limited", 200)] <= 2 * LIMITED_RPM
    assert by[("broke", 402)] > 0 and by[("broke", 200)] == 0
    free_clients = sum(1 for n in range(CLIENTS) if n % 4 < 2)
    assert by[("free", 200)] >= free_clients  # each was answered, at least once
    # each answer is one recorded ask of its key; a refused request stored no ask
    with database.engine.connect() as conn:
        counts: dict[str, int] = dict(
            conn.execute(
                sa.select(asks.c.api_key_id, sa.func.count())
                .where(asks.c.api_key_id.in_(load.ids.values()))
                .group_by(asks.c.api_key_id)
            ).all()
        )
    assert counts.get(load.ids["free"], 0) == by[("free", 200)]
    assert counts.get(load.ids["limited"], 0) == by[("limited", 200)]


def test_health_and_models_answer_while_every_default_thread_would_be_busy_answering(
    database: Database, tmp_path: Path
) -> None:
    """Answers run on threads of their own (``ServerSettings.ask_threads``): with more asks
    in flight than anyio's default pool has threads (40), ``/readyz`` and ``/v1/models``
    still answer before the first ask does. Had the asks taken the default pool, both
    would queue behind a model that is busy for seconds (the order is asserted, not a
    time)."""
    slow = {**PROJECT, "models": {"echo": {**PROJECT["models"]["echo"], "seconds_per_token": 0.25}}}  # type: ignore[dict-item]
    rt = Runtime(parse_project(slow), tmp_path, database=database)
    made = create_key(database, "busy", "load-busy")
    done: list[tuple[float, str]] = []
    lock = threading.Lock()

    def call(what: str) -> None:
        headers = {"Authorization": f"Bearer {made.secret}"}
        if what == "ask":
            body = {"model": "guarded", "messages": [{"role": "user", "content": "price?"}]}
            r = requests.post(url + "/v1/chat/completions", json=body, headers=headers, timeout=120)
        else:
            path = "/readyz" if what == "readyz" else "/v1/models"
            r = requests.get(url + path, headers=headers, timeout=120)
        assert r.status_code == 200, (what, r.text)
        with lock:
            done.append((time.monotonic(), what))

    try:
        with running(create_app(runtime=rt)) as url, ThreadPoolExecutor(48) as pool:
            asks = [pool.submit(call, "ask") for _ in range(44)]
            time.sleep(1.0)  # every ask is in the model by now (a reply takes ~3 s)
            probes = [pool.submit(call, "readyz"), pool.submit(call, "models")]
            for f in [*probes, *asks]:
                f.result()
    finally:
        rt.close()
    order = [what for _, what in sorted(done)]
    assert order.index("ask") > max(order.index("readyz"), order.index("models")), order
