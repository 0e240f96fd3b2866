"""The dashboard: one server-rendered page of a tenant's usage, cost, latency, guardrail
actions, asks, feedback and (for admin keys) evaluation runs.

``GET /dashboard`` shows a login form until an API key logs in (``POST /dashboard/login``
with the key's secret). The login sets an HttpOnly, SameSite=Strict cookie that holds the
key's id, an expiry and an HMAC of both keyed by the key's stored sha256: the secret never
reaches the page or the cookie, any worker process can check the cookie (no server-side
session), and a revoked key's cookie stops working at once (the key is read on every
request). ``POST /dashboard/logout`` clears it.

Everything shown belongs to the key's tenant: every query below filters on
``tenant = :tenant`` in SQL (:data:`TENANT_QUERIES`). Evaluation runs are not
tenant-scoped in the database, so they are shown only to keys with the ``admin`` scope,
and the page says so. plotly.js is served by this router from the installed plotly
package (``/dashboard/plotly.js``): the page makes no request to another host.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

import sqlalchemy as sa
from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from genaiops.errors import GenAIOpsError
from genaiops.reports.page import AMBER, BLUE, GREEN, GREY, PALETTE, RED, script_json
from genaiops.server.keys import ApiKey, authenticate
from genaiops.storage import Database

__all__ = ["COOKIE", "TENANT_QUERIES", "DashboardData", "load", "router"]

router = APIRouter(prefix="/dashboard", tags=["dashboard"], include_in_schema=False)

COOKIE = "genaiops_dashboard"
SESSION_SECONDS = 8 * 3600
DAYS = 30
_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src data:; connect-src 'none'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
_HEADERS = {
    "Content-Security-Policy": _CSP,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

# -- the queries: each filters on the key's tenant in SQL ----------------------------------

_DAY = "date_trunc('day', ts AT TIME ZONE 'UTC')"
TENANT_QUERIES: dict[str, str] = {
    "usage": f"""
        SELECT {_DAY} AS day, coalesce(app, '(no app)') AS app, model,
               sum(prompt_tokens + completion_tokens) AS tokens, sum(cost_usd) AS cost,
               count(*) AS calls
        FROM usage_ledger
        WHERE tenant = :tenant AND ts >= :since
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""",
    "latency": f"""
        SELECT {_DAY} AS day,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(timings->>'total' AS float)),
               percentile_cont(0.95) WITHIN GROUP (ORDER BY CAST(timings->>'total' AS float)),
               count(*)
        FROM asks
        WHERE tenant = :tenant AND ts >= :since AND timings->>'total' IS NOT NULL
        GROUP BY 1 ORDER BY 1""",
    "status": """
        SELECT app, status, count(*)
        FROM asks
        WHERE tenant = :tenant AND ts >= :since
        GROUP BY 1, 2 ORDER BY 1, 2""",
    "guardrails": """
        SELECT coalesce(f->>'type', '?') AS check_type, coalesce(f->>'action', '?') AS action,
               count(*)
        FROM asks AS a
        CROSS JOIN LATERAL jsonb_array_elements(
            CASE WHEN jsonb_typeof(a.findings) = 'array' THEN a.findings
                 ELSE CAST('[]' AS jsonb) END) AS f
        WHERE a.tenant = :tenant AND a.ts >= :since
        GROUP BY 1, 2 ORDER BY 1, 2""",
    "feedback": """
        SELECT app, count(*) FILTER (WHERE rating > 0), count(*) FILTER (WHERE rating < 0)
        FROM feedback
        WHERE tenant = :tenant AND ts >= :since
        GROUP BY 1 ORDER BY 1""",
    "recent": """
        SELECT trace_id, ts, app, status, CAST(timings->>'total' AS float), cost_usd,
               CASE WHEN jsonb_typeof(findings) = 'array' THEN jsonb_array_length(findings)
                    ELSE 0 END
        FROM asks
        WHERE tenant = :tenant
        ORDER BY ts DESC LIMIT 20""",
}
#: not tenant-scoped (eval_runs has no tenant): admin keys only
EVAL_RUNS_QUERY = """
    SELECT id, name, created_at, status, summary->'decision'->>'recommended',
           summary->'decision'->>'headline'
    FROM eval_runs
    ORDER BY created_at DESC LIMIT 20"""
_KEY_QUERY = "SELECT secret_sha256, revoked_at FROM api_keys WHERE id = :id"


@dataclass
class DashboardData:
    """What the page shows, read for one tenant."""

    tenant: str
    since: dt.datetime
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    eval_runs: list[tuple[Any, ...]] | None = None  # None: the key is not an admin


def load(db: Database, key: ApiKey, days: int = DAYS) -> DashboardData:
    """Every figure of the page, for ``key``'s tenant only."""
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    data = DashboardData(key.tenant, since)
    params = {"tenant": key.tenant, "since": since}
    with db.engine.connect() as conn:
        for name, sql in TENANT_QUERIES.items():
            data.rows[name] = [tuple(r) for r in conn.execute(sa.text(sql), params)]
        if "admin" in key.scopes:
            data.eval_runs = [tuple(r) for r in conn.execute(sa.text(EVAL_RUNS_QUERY))]
    return data


# -- the session cookie ------------------------------------------------------------------


def _mac(secret_sha256: str, key_id: str, expires: int) -> str:
    msg = f"{key_id}.{expires}".encode()
    return hmac.new(secret_sha256.encode(), msg, hashlib.sha256).hexdigest()


def _session_token(db: Database, key: ApiKey) -> str:
    with db.engine.connect() as conn:
        stored = conn.execute(sa.text(_KEY_QUERY), {"id": key.id}).one()
    expires = int(time.time()) + SESSION_SECONDS
    return f"{key.id}.{expires}.{_mac(stored[0], key.id, expires)}"


def _session_key(db: Database, token: str | None) -> tuple[ApiKey | None, str]:
    """The key a session cookie stands for, or None and why not."""
    if not token:
        return None, ""
    key_id, _, rest = token.partition(".")
    expires_text, _, mac = rest.partition(".")
    if not expires_text.isdigit() or int(expires_text) < time.time():
        return None, "your session ended; log in again"
    with db.engine.connect() as conn:
        stored = conn.execute(sa.text(_KEY_QUERY), {"id": key_id}).one_or_none()
        if stored is None or not hmac.compare_digest(
            _mac(stored[0], key_id, int(expires_text)), mac
        ):
            return None, "your session is not valid; log in again"
        if stored[1] is not None:
            return None, "this API key was revoked; log in with another key"
        row = conn.execute(
            sa.text("SELECT id, name, tenant, groups, scopes FROM api_keys WHERE id = :id"),
            {"id": key_id},
        ).one()
    return ApiKey(
        id=row[0], name=row[1], tenant=row[2], groups=tuple(row[3]), scopes=tuple(row[4])
    ), ""


# -- the page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    caption: str
    data: list[dict[str, Any]]
    layout: dict[str, Any]


def _day(value: Any) -> str:
    return value.date().isoformat() if isinstance(value, dt.datetime) else str(value)


def _usd(x: float) -> str:
    return f"${x:,.4f}" if x < 1 else f"${x:,.2f}"


#: fixed colours for statuses and guardrail actions; other series take the palette's
_COLOURS = {
    "answered": GREEN, "blocked": AMBER, "error": RED, "cancelled": GREY,
    "BLOCKED": RED, "MASKED": AMBER, "DETECTED": BLUE,
}  # fmt: skip


def _bars(by: dict[str, dict[str, float]], xs: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "type": "bar",
            "name": name,
            "x": xs,
            "y": [values.get(x, 0) for x in xs],
            "marker": {"color": _COLOURS.get(name, PALETTE[i % len(PALETTE)])},
        }
        for i, (name, values) in enumerate(sorted(by.items()))
    ]


def _layout(y: str, stacked: bool = True, x: str = "") -> dict[str, Any]:
    return {
        "template": "plotly_white",
        "height": 300,
        "margin": {"t": 10, "r": 10, "b": 50, "l": 60},
        "barmode": "stack" if stacked else "group",
        "yaxis": {"title": {"text": y}, "rangemode": "tozero"},
        "xaxis": {"title": {"text": x}},
        "showlegend": True,  # name the app or model even when there is one
        "legend": {"orientation": "h", "y": -0.25},
    }


def _context(data: DashboardData, key: ApiKey) -> dict[str, Any]:
    usage = data.rows["usage"]
    days = sorted({_day(r[0]) for r in usage})
    cost_by_app: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    tokens_by_model: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    cost_by_model: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for day, app, model, tokens, cost, _calls in usage:
        cost_by_app[app][_day(day)] += float(cost)
        cost_by_model[model][_day(day)] += float(cost)
        tokens_by_model[model][_day(day)] += int(tokens)
    total_cost = sum(float(r[4]) for r in usage)
    total_tokens = sum(int(r[3]) for r in usage)

    lat = data.rows["latency"]
    lat_days = [_day(r[0]) for r in lat]
    status_by: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for app, status, n in data.rows["status"]:
        status_by[status][app] += int(n)
    apps = sorted({r[0] for r in data.rows["status"]})
    n_asks = sum(int(r[2]) for r in data.rows["status"])
    guard_by: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for check, action, n in data.rows["guardrails"]:
        guard_by[action][check] += int(n)
    checks = sorted({r[0] for r in data.rows["guardrails"]})
    fb = data.rows["feedback"]
    up, down = sum(int(r[1]) for r in fb), sum(int(r[2]) for r in fb)

    charts = [
        Chart("cost-by-app", "Cost by app", "USD a day, from the usage ledger",
              _bars(cost_by_app, days), _layout("USD")),
        Chart("cost-by-model", "Cost by model", "USD a day, from the usage ledger",
              _bars(cost_by_model, days), _layout("USD")),
        Chart("tokens-by-model", "Tokens by model", "prompt and completion tokens a day",
              _bars(tokens_by_model, days), _layout("tokens")),
        Chart("latency", "Latency of asks", "p50 and p95 of the whole ask, a day (ms)",
              [
                  {"type": "scatter", "mode": "lines+markers", "name": "p50", "x": lat_days,
                   "y": [round(float(r[1]), 1) for r in lat], "line": {"color": PALETTE[0]}},
                  {"type": "scatter", "mode": "lines+markers", "name": "p95", "x": lat_days,
                   "y": [round(float(r[2]), 1) for r in lat], "line": {"color": PALETTE[1]}},
              ],
              _layout("ms")),
        Chart("asks-by-status", "Asks by status", "answered, blocked and failed asks, per app",
              _bars(status_by, apps), _layout("asks")),
        Chart("guardrails", "Guardrail actions by check",
              "findings recorded with the asks, by check and action",
              _bars(guard_by, checks), _layout("findings")),
        Chart("feedback", "Feedback by app", "thumbs up and down, per app",
              [
                  {"type": "bar", "name": "up", "x": [r[0] for r in fb],
                   "y": [int(r[1]) for r in fb], "marker": {"color": GREEN}},
                  {"type": "bar", "name": "down", "x": [r[0] for r in fb],
                   "y": [int(r[2]) for r in fb], "marker": {"color": RED}},
              ],
              _layout("votes", stacked=False)),
    ]  # fmt: skip
    feedback_rows = [
        (app, str(u), str(d), f"{u / (u + d):.0%}" if u + d else "n/a") for app, u, d in fb
    ]
    recent = [
        (
            str(trace),
            ts.strftime("%Y-%m-%d %H:%M") if isinstance(ts, dt.datetime) else str(ts),
            str(app),
            str(status),
            f"{total:,.0f} ms" if total is not None else "",
            _usd(float(cost)),
            str(n_findings),
        )
        for trace, ts, app, status, total, cost, n_findings in data.rows["recent"]
    ]
    eval_rows = (
        [
            (
                str(run_id),
                str(name),
                created.strftime("%Y-%m-%d %H:%M") if isinstance(created, dt.datetime) else "",
                str(status),
                str(recommended or "none"),
                str(headline or ""),
            )
            for run_id, name, created, status, recommended, headline in data.eval_runs
        ]
        if data.eval_runs is not None
        else None
    )
    return {
        "since": data.since.date().isoformat(),
        "tiles": [
            (f"{n_asks:,}", "asks"),
            (_usd(total_cost), "cost"),
            (f"{total_tokens:,}", "tokens"),
            (f"{up / (up + down):.0%}" if up + down else "n/a", "good answers (feedback)"),
        ],
        "charts": charts,
        "specs": {c.id: {"data": c.data, "layout": c.layout} for c in charts},
        "feedback_rows": feedback_rows,
        "recent": recent,
        "eval_rows": eval_rows,
    }


@functools.cache
def _template(name: str) -> Any:
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["script_json"] = lambda v: Markup(script_json(v))
    text = resources.files("genaiops").joinpath(f"templates/{name}").read_text("utf-8")
    return env.from_string(text)


def _page(status: int = 200, **context: Any) -> HTMLResponse:
    html = _template("dashboard.html.j2").render(
        error=context.pop("error", ""), key=context.pop("key", None), **context
    )
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


def _login(error: str = "", status: int = 200) -> HTMLResponse:
    response = _page(status, error=error, view="login")
    if error:
        response.delete_cookie(COOKIE, path="/dashboard")
    return response


@functools.cache
def _plotly_js() -> bytes:
    from plotly.offline import get_plotlyjs

    js: str = get_plotlyjs()
    return js.encode("utf-8")


_INIT_JS = b"""(function () {
  var el = document.getElementById("figures");
  if (!el) { return; }
  var specs = JSON.parse(el.textContent);
  Object.keys(specs).forEach(function (id) {
    Plotly.newPlot("chart-" + id, specs[id].data, specs[id].layout,
                   {displaylogo: false, responsive: true});
  });
})();
"""


def _db(request: Request) -> Database:
    db: Database = request.app.state.runtime.db
    return db


@router.get("/plotly.js")
def plotly_js() -> Response:
    return Response(
        _plotly_js(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )


@router.get("/dashboard.js")
def dashboard_js() -> Response:
    return Response(_INIT_JS, media_type="text/javascript", headers={"Cache-Control": "no-cache"})


@router.get("", response_class=HTMLResponse)
async def dashboard(request: Request) -> HTMLResponse:
    db = _db(request)
    key, why = await to_thread.run_sync(_session_key, db, request.cookies.get(COOKIE))
    if key is None:
        return _login(why, 401 if why else 200)
    data = await to_thread.run_sync(load, db, key)
    return _page(view="dashboard", key=key, **_context(data, key))


@router.post("/login", response_class=HTMLResponse, response_model=None)
async def login(request: Request) -> Response:
    body = (await request.body()).decode("utf-8", "replace")
    secret = (parse_qs(body).get("key") or [""])[0]
    if not secret.strip():
        return _login("enter an API key (gai_...): genaiops keys create makes one", 401)
    db = _db(request)
    try:
        key = await to_thread.run_sync(authenticate, db, secret)
    except GenAIOpsError as exc:
        return _login(str(exc), 401)
    token = await to_thread.run_sync(_session_token, db, key)
    response = RedirectResponse("/dashboard", status_code=303, headers=_HEADERS)
    response.set_cookie(
        COOKIE,
        token,
        max_age=SESSION_SECONDS,
        path="/dashboard",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout", response_model=None)
async def logout() -> Response:
    response = RedirectResponse("/dashboard", status_code=303, headers=_HEADERS)
    response.delete_cookie(COOKIE, path="/dashboard", httponly=True, samesite="strict")
    return response
