"""Cross-tenant isolation under randomized traffic, on a real uvicorn server on a loopback
port over real PostgreSQL: keys of three tenants, each with no group, one group or two,
upload documents (each with a codeword of its own, some readable by a group only), then
send a random mix of requests to every endpoint that returns documents, answers, usage or
feedback: chat completions (whole and streamed), ask, knowledge base search and list,
document delete, feedback, usage and the dashboard. No response ever holds a codeword the
key may not read, a usage row of another tenant, another tenant's trace id, or feedback on
another tenant's answer; a delete or a vote aimed at another tenant's document or answer
is a 404 and changes nothing.

The seed is new each run and printed in every failure (``GENAIOPS_TEST_SEED`` replays
one). The model is the echo "parrot", which repeats its prompt: an answer shows exactly
which chunks retrieval let through. Keys, retrieval's access control, the ledger and
PostgreSQL are real.
"""

from __future__ import annotations

import json
import os
import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
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
from genaiops.storage.schema import asks, feedback
from support import running

KB = "shared"
PROJECT = {
    "name": "tenants",
    "models": {"parrot": {"provider": "echo"}},
    "knowledge_bases": {KB: {"paths": ["docs"], "embedder": "hash"}},
    "apps": {"docs": {"model": "parrot", "knowledge_base": KB, "top_k": 8}},
}
SCOPES = ["chat", "feedback", "usage", "kb:read", "kb:write"]
GROUPS: list[tuple[str, ...]] = [(), ("red",), ("blue",), ("red", "blue")]
CODEWORD = re.compile(r"CW[0-9a-f]{10}")
REQUESTS = 160


@dataclass
class Doc:
    source: str
    tenant: str
    groups: tuple[str, ...]  # none: every key of the tenant
    codeword: str
    deleted: bool = False


@dataclass
class Key:
    name: str
    tenant: str
    groups: tuple[str, ...]
    secret: str
    id: str

    def may_read(self, doc: Doc) -> bool:
        return doc.tenant == self.tenant and (
            not doc.groups or bool(set(doc.groups) & set(self.groups))
        )


@dataclass
class World:
    url: str
    keys: list[Key]
    docs: dict[str, Doc] = field(default_factory=dict)  # by codeword
    traces: dict[str, str] = field(default_factory=dict)  # trace id -> tenant
    seen: int = 0  # codewords found that the key may read: retrieval did find things
    dashboard_own: int = 0  # the tenant's own trace ids the dashboard showed

    def call(self, key: Key, method: str, path: str, **kw: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {key.secret}"}
        return requests.request(method, self.url + path, headers=headers, timeout=60, **kw)


@pytest.fixture(scope="module")
def world(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp: Path = tmp_path_factory.mktemp("tenants")
    (tmp / "docs").mkdir()
    rt = Runtime(parse_project(PROJECT), tmp, database=database)
    tag = uuid.uuid4().hex[:6]  # tenants of this module only (the database is the session's)
    keys = []
    for t in ("north", "south", "west"):
        for groups in GROUPS:
            name = f"{t}-{'+'.join(groups) or 'all'}"
            made = create_key(database, name, f"{t}-{tag}", groups=list(groups), scopes=SCOPES)
            keys.append(Key(name, f"{t}-{tag}", groups, made.secret, made.key.id))
    try:
        with running(create_app(runtime=rt)) as url:
            yield World(url, keys)
    finally:
        rt.close()


def _leaks(key: Key, text: str, world: World, query: str) -> list[str]:
    """The codewords in ``text`` that ``key`` may not read (the question, which may name
    one and which the answer repeats, left out)."""
    found = CODEWORD.findall(text.replace(query, ""))
    leaks = [cw for cw in found if not key.may_read(world.docs[cw])]
    world.seen += len(found) - len(leaks)
    return leaks


def _upload(world: World, rng: random.Random, n: int) -> None:
    for i in range(n):
        key = rng.choice(world.keys)
        own: list[tuple[str, ...]] = [(g,) for g in key.groups] or [()]
        groups = rng.choice([(), (), *own, ("red", "blue")])
        codeword = f"CW{rng.getrandbits(40):010x}"
        source = f"note-{i}-{codeword[2:8]}.md"
        body = {
            "id": source,
            "text": f"# Note {i}\n\nThe codeword of note {i} is {codeword}. Ask about it.",
            "groups": list(groups),
        }
        r = world.call(key, "POST", f"/api/kb/{KB}/documents", json=body)
        assert r.status_code == 200, r.text
        world.docs[codeword] = Doc(source, key.tenant, groups, codeword)


def _dashboard(world: World, key: Key) -> str:
    """Logged in with the key, the dashboard lists the tenant's latest asks: never another's."""
    with requests.Session() as browser:
        r = browser.post(world.url + "/dashboard/login", data={"key": key.secret}, timeout=60)
    if r.status_code != 200 or 'name="key"' in r.text:
        return f"dashboard: {r.status_code} {r.text[:200]}"
    shown = [(t, tenant) for t, tenant in world.traces.items() if t in r.text]
    foreign = [t for t, tenant in shown if tenant != key.tenant]
    world.dashboard_own += len(shown) - len(foreign)
    return f"dashboard showed {foreign}" if foreign else ""


def _step(world: World, rng: random.Random, key: Key) -> str:
    """One random request; what went wrong ('' when nothing)."""
    kinds = ["chat", "stream", "ask", "search", "list", "delete", "feedback", "usage", "dashboard"]
    kind = rng.choice(kinds)
    live = [d for d in world.docs.values() if not d.deleted]
    query = rng.choice([f"What is {rng.choice(live).codeword}?", "What is the codeword?"])
    if kind in ("chat", "stream"):
        stream = kind == "stream"
        body = {"model": "docs", "stream": stream, "messages": [{"role": "user", "content": query}]}
        r = world.call(key, "POST", "/v1/chat/completions", json=body)
        if r.status_code != 200:
            return f"{kind}: {r.status_code} {r.text[:200]}"
        text = r.text
        if stream:  # the answer put together, and every event whole (the extension's sources)
            events = [json.loads(e[6:]) for e in text.split("\n") if e[6:].startswith("{")]
            answer = "".join(c["delta"].get("content") or "" for e in events for c in e["choices"])
            text = answer + json.dumps([e.get("genaiops") for e in events])
            trace = events[0]["id"].removeprefix("chatcmpl-")
        else:
            trace = r.json()["genaiops"]["trace_id"]
        world.traces[trace] = key.tenant
        return f"{kind} leaked {leaks}" if (leaks := _leaks(key, text, world, query)) else ""
    if kind == "ask":
        r = world.call(key, "POST", "/api/ask", json={"question": query, "app": "docs"})
        if r.status_code != 200:
            return f"ask: {r.status_code} {r.text[:200]}"
        world.traces[r.json()["trace_id"]] = key.tenant
        return f"ask leaked {leaks}" if (leaks := _leaks(key, r.text, world, query)) else ""
    if kind == "search":
        r = world.call(key, "POST", f"/api/kb/{KB}/search", json={"query": query, "k": 100})
        if r.status_code != 200:
            return f"search: {r.status_code} {r.text[:200]}"
        return f"search leaked {leaks}" if (leaks := _leaks(key, r.text, world, query)) else ""
    if kind == "list":
        r = world.call(key, "GET", f"/api/kb/{KB}/documents")
        if r.status_code != 200:
            return f"list: {r.status_code} {r.text[:200]}"
        by_source = {d.source: d for d in world.docs.values()}
        listed = [by_source[d["source"]] for d in r.json()["documents"]]
        foreign = [d.source for d in listed if not key.may_read(d)]
        return f"list showed {foreign}" if foreign else ""
    if kind == "delete":
        doc = rng.choice(live)
        r = world.call(key, "DELETE", f"/api/kb/{KB}/documents/{doc.source}")
        if doc.tenant != key.tenant:  # another tenant's: as if it did not exist
            return "" if r.status_code == 404 else f"foreign delete: {r.status_code} {r.text}"
        if r.status_code != 200:
            return f"own delete: {r.status_code} {r.text[:200]}"
        doc.deleted = True
        return ""
    if kind == "feedback":
        if not world.traces:
            return ""
        trace, tenant = rng.choice(sorted(world.traces.items()))
        r = world.call(key, "POST", "/api/feedback", json={"trace_id": trace, "rating": "up"})
        expected = 200 if tenant == key.tenant else 404
        return "" if r.status_code == expected else f"feedback: {r.status_code} {r.text[:200]}"
    if kind == "dashboard":
        return _dashboard(world, key)
    r = world.call(key, "GET", "/api/usage", params={"by": "key,app"})
    if r.status_code != 200:
        return f"usage: {r.status_code} {r.text[:200]}"
    own = {k.id for k in world.keys if k.tenant == key.tenant}
    body = r.json()
    foreign = [row for row in body["rows"] if row["group"].get("key") not in own]
    return f"usage showed {foreign}" if foreign or body["tenant"] != key.tenant else ""


def test_randomized_requests_never_cross_tenants(world: World, database: Database) -> None:
    seed = int(os.environ.get("GENAIOPS_TEST_SEED") or random.randrange(2**32))
    rng = random.Random(seed)
    _upload(world, rng, 24)
    assert len({d.tenant for d in world.docs.values()}) >= 2, f"seed {seed}"
    problems = []
    for i in range(REQUESTS):
        key = rng.choice(world.keys)
        if problem := _step(world, rng, key):
            problems.append(f"request {i} by {key.name}: {problem}")
    problems += [f"{k.name}: {p}" for k in world.keys if (p := _dashboard(world, k))]
    assert not problems, f"seed {seed}:\n" + "\n".join(problems[:10])
    # the kinds that can see other tenants' data were all tried, and saw their own
    assert len(world.traces) >= 10 and world.seen >= 10, f"seed {seed}: {world.seen}"
    assert world.dashboard_own > 0, f"seed {seed}: the dashboard showed no ask at all"
    # in the database: every ask is its key's tenant's, every vote on its own tenant's ask
    ids = {k.id: k.tenant for k in world.keys}
    with database.engine.connect() as conn:
        rows = conn.execute(
            sa.select(asks.c.api_key_id, asks.c.tenant).where(asks.c.api_key_id.in_(ids))
        ).all()
        votes = conn.execute(
            sa.select(feedback.c.principal, feedback.c.tenant, asks.c.tenant.label("asked"))
            .join(asks, asks.c.trace_id == feedback.c.trace_id)
            .where(asks.c.trace_id.in_(list(world.traces)))
        ).all()
    assert rows and all(ids[r.api_key_id] == r.tenant for r in rows), f"seed {seed}"
    assert votes, f"seed {seed}: no vote recorded"
    for principal, tenant, asked in votes:
        voter = ids[principal.removeprefix("api_key:")]
        assert voter == tenant == asked, f"seed {seed}: {principal} {tenant} {asked}"
    # a foreign delete removed nothing: every document not deleted by its tenant is listed
    for key in world.keys:
        r = world.call(key, "GET", f"/api/kb/{KB}/documents")
        listed = {d["source"] for d in r.json()["documents"]}
        readable = {d.source for d in world.docs.values() if not d.deleted and key.may_read(d)}
        assert listed == readable, f"seed {seed}: {key.name}"
