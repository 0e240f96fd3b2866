"""The dashboard (``/dashboard``), on a real uvicorn server over the session database: the
login form, the session cookie, and a page that shows the logged-in key's tenant only.

Two tenants get asks, ledger rows, findings and feedback, each with marker strings and
numbers of its own (app and model names, trace ids, a check's name, a latency, a token
count); tenant B's page must show none of A's. Headless Chromium then logs in through the
form and checks that every chart draws, the console stays clean and no request leaves
127.0.0.1 (skipped where Debian's chromium is absent).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from genaiops.config import parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import create_app
from genaiops.server.dashboard import COOKIE, TENANT_QUERIES, load
from genaiops.server.keys import create_key, revoke_key
from genaiops.storage import Database
from genaiops.storage.schema import asks, eval_runs, feedback, usage_ledger
from support import chromium_page, running

N_FIGURES = 7


@dataclass
class Tenant:
    name: str
    app: str
    model: str
    check: str
    traces: list[str]
    latency: str  # as the page would print the day's p50
    tokens: str

    def markers(self) -> list[str]:
        return [self.name, self.app, self.model, self.check, *self.traces, self.latency,
                self.tokens]  # fmt: skip


@dataclass
class Dash:
    url: str
    db: Database
    secrets: dict[str, str]
    a: Tenant
    b: Tenant
    run_id: str


def seed(db: Database, t: Tenant, latency_ms: float, tokens: int) -> None:
    now = dt.datetime.now(dt.UTC)
    statuses = ["answered", "answered", "blocked", "error"]
    with db.engine.begin() as conn:
        for i, trace in enumerate(t.traces):
            ts = now - dt.timedelta(days=i, minutes=5)
            findings = (
                [{"type": t.check, "name": "w", "score": 1.0, "action": "BLOCKED"}]
                if statuses[i] == "blocked"
                else []
            )
            conn.execute(
                asks.insert().values(
                    trace_id=trace, ts=ts, app=t.app, question="q", answer="a",
                    status=statuses[i], citations=[], findings=findings,
                    timings={"total": latency_ms}, cost_usd=0.5, tenant=t.name,
                )
            )  # fmt: skip
            conn.execute(
                usage_ledger.insert().values(
                    ts=ts, trace_id=trace, app=t.app, model=t.model, provider="echo",
                    prompt_tokens=tokens, completion_tokens=0, input_usd=0.5, output_usd=0.0,
                    instance_usd=0.0, cost_usd=0.5, latency_ms=latency_ms, ttft_ms=1.0,
                    status="ok", tenant=t.name,
                )
            )  # fmt: skip
        for rating in (1, 1, 1, -1):
            conn.execute(
                feedback.insert().values(
                    trace_id=t.traces[0], app=t.app, tenant=t.name, rating=rating
                )
            )


def tenant(label: str) -> Tenant:
    tag = secrets.token_hex(4)
    return Tenant(
        name=f"{label}-tenant-{tag}",
        app=f"{label}-app-{tag}",
        model=f"{label}-model-{tag}",
        check=f"{label}_check_{tag}",
        traces=[f"{label}-trace-{tag}-{i}" for i in range(4)],
        latency="",
        tokens="",
    )


@pytest.fixture(scope="module")
def dash(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dash]:
    tmp = tmp_path_factory.mktemp("dashboard")
    project = {
        "name": "dashboard",
        "models": {"echo": {"provider": "echo"}},
        "apps": {"echo": {"model": "echo"}},
    }
    rt = Runtime(parse_project(project), tmp, database=database)
    a, b = tenant("alpha"), tenant("beta")
    a.latency, a.tokens = "98765.4", "7777777"
    b.latency, b.tokens = "1234.5", "3333333"
    seed(database, a, 98765.4321, 7777777)
    seed(database, b, 1234.5, 3333333)
    run_id = "run-" + secrets.token_hex(4)
    with database.engine.begin() as conn:
        conn.execute(
            eval_runs.insert().values(
                id=run_id, status="done", name="suite", suite={}, dataset="d.jsonl",
                dataset_sha="0", repeats=1,
                summary={"decision": {"recommended": f"cand-{run_id}", "headline": "serve it"}},
            )
        )  # fmt: skip
    made = {
        "a": create_key(database, "a", a.name),
        "a-admin": create_key(database, "a admin", a.name, scopes=["admin"]),
        "b": create_key(database, "b", b.name),
        "revoked": create_key(database, "old", a.name),
    }
    revoke_key(database, made["revoked"].key.id)
    try:
        with running(create_app(runtime=rt)) as url:
            yield Dash(url, database, {k: m.secret for k, m in made.items()}, a, b, run_id)
    finally:
        rt.close()


def logged_in(dash: Dash, key: str) -> requests.Session:
    s = requests.Session()
    r = s.post(dash.url + "/dashboard/login", data={"key": dash.secrets[key]}, timeout=30,
               allow_redirects=False)  # fmt: skip
    assert r.status_code == 303, r.text
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert dash.secrets[key] not in cookie
    return s


def page(s: requests.Session, dash: Dash) -> str:
    r = s.get(dash.url + "/dashboard", timeout=30)
    assert r.status_code == 200, r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    return r.text


def test_every_tenant_query_filters_on_the_tenant_in_sql(dash: Dash) -> None:
    for name, sql in TENANT_QUERIES.items():
        assert re.search(r"\btenant = :tenant\b", sql), name
    from genaiops.server.keys import authenticate

    data = load(dash.db, authenticate(dash.db, dash.secrets["b"]))
    flat = repr(data.rows)
    assert dash.b.app in flat
    assert not [m for m in dash.a.markers() if m in flat]
    assert data.eval_runs is None  # not an admin
    # B's latencies alone: another tenant's asks would move the percentiles
    assert data.rows["latency"] and all(r[1] == r[2] == 1234.5 for r in data.rows["latency"])


def test_a_tenant_sees_its_own_data_and_none_of_another_tenants(dash: Dash) -> None:
    a_html = page(logged_in(dash, "a"), dash)
    for marker in dash.a.markers():
        assert marker in a_html, marker
    assert dash.b.app not in a_html and dash.b.traces[0] not in a_html
    assert "75%" in a_html  # 3 up of 4 votes
    b_html = page(logged_in(dash, "b"), dash)
    leaked = [m for m in dash.a.markers() if m in b_html]
    assert leaked == [], leaked
    for marker in dash.b.markers():
        assert marker in b_html, marker
    # evaluation runs: admin keys only, and the page says why
    assert dash.run_id not in a_html and "admin scope" in a_html
    admin_html = page(logged_in(dash, "a-admin"), dash)
    assert dash.run_id in admin_html and f"cand-{dash.run_id}" in admin_html
    assert "not recorded per tenant" in admin_html


def test_a_bad_or_revoked_key_gets_the_login_form_with_an_error(dash: Dash) -> None:
    first = requests.get(dash.url + "/dashboard", timeout=30)
    assert first.status_code == 200 and 'name="key"' in first.text
    assert 'id="login-error"' not in first.text
    for secret in ("gai_" + "0" * 64, dash.secrets["revoked"], ""):
        r = requests.post(dash.url + "/dashboard/login", data={"key": secret}, timeout=30)
        assert r.status_code == 401 and 'id="login-error"' in r.text, secret
        assert 'name="key"' in r.text and COOKIE not in r.cookies
        assert not [m for m in dash.a.markers() + dash.b.markers() if m in r.text]
    # a forged or tampered cookie
    for token in ("key_x.9999999999.00", "garbage"):
        r = requests.get(dash.url + "/dashboard", cookies={COOKIE: token}, timeout=30)
        assert r.status_code == 401 and 'id="login-error"' in r.text
        assert dash.a.app not in r.text
    # a key revoked after its login: its session stops at once
    key = create_key(dash.db, "short-lived", dash.a.name)
    s = requests.Session()
    s.post(dash.url + "/dashboard/login", data={"key": key.secret}, timeout=30)
    assert dash.a.app in page(s, dash)
    revoke_key(dash.db, key.key.id)
    r = s.get(dash.url + "/dashboard", timeout=30)
    assert r.status_code == 401 and "revoked" in r.text and dash.a.app not in r.text
    # logout clears the cookie
    s = logged_in(dash, "b")
    out = s.post(dash.url + "/dashboard/logout", timeout=30)
    assert out.status_code == 200 and 'name="key"' in out.text and dash.b.app not in out.text


def test_the_dashboard_renders_in_a_browser(dash: Dash, tmp_path: Path) -> None:
    drawn_js = (
        "[...document.querySelectorAll('.js-plotly-plot')]"
        ".filter(e => e.querySelector('.main-svg')).length"
    )
    with chromium_page() as b:
        b.page.goto(dash.url + "/dashboard")
        b.page.fill("#key", dash.secrets["a"])
        b.page.click("button[type=submit]")
        b.page.wait_for_function(f"{drawn_js} >= {N_FIGURES}", timeout=30_000)
        drawn = b.page.evaluate(drawn_js)
        charts = b.page.evaluate("document.querySelectorAll('.chart').length")
        bars = b.page.evaluate("document.querySelectorAll('.js-plotly-plot .point').length")
        text: Any = b.page.inner_text("main")
        cookie_js = b.page.evaluate("document.cookie")
        b.page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    errors, urls = b.errors, b.requests
    assert drawn == charts == N_FIGURES
    assert bars >= 10  # the bars themselves were drawn, not only the axes
    assert dash.a.traces[0] in text and dash.b.app not in text
    assert cookie_js == ""  # HttpOnly: the page's scripts cannot read the session
    assert errors == []
    outside = [u for u in urls if not u.startswith(dash.url + "/") and not u.startswith("data:")]
    assert outside == [], outside
