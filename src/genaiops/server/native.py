"""The native API under ``/api``: what the OpenAI shape has no room for.

* ``POST /api/ask`` (scope ``chat``): one guarded, metered ask, answered with the whole
  result: answer, status, citations, sources, findings, usage, cost, timings, trace id.
* ``POST /api/guardrails/apply`` (scope ``guardrails``): a policy's checks on a text,
  with no model call: the findings and what the policy would do (block, mask, nothing).
* ``POST /api/feedback`` (scope ``feedback``): a vote (and comment) on an answer, by its
  trace id; only on an answer of the key's own tenant (another tenant's is a 404, as if
  it did not exist).
* ``GET /api/usage?by=app,model&since=7d`` (scope ``usage``): calls, tokens, cost and
  latency of the key's tenant only, grouped.

The same API keys, errors (OpenAI's shape) and rate limits as ``/v1``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from anyio import to_thread
from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from genaiops.apps.request import MAX_QUESTION_CHARS, AskOptions, AskRequest, AskResult, Caller
from genaiops.costs.ledger import parse_when
from genaiops.errors import NotFoundError
from genaiops.server.errors import ApiError
from genaiops.server.keys import ApiKey
from genaiops.server.metrics import metrics_of
from genaiops.server.openai_api import _authorized, ask_limiter, runtime_of
from genaiops.server.ratelimit import settle
from genaiops.storage.schema import asks

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["native"])


# -- models -------------------------------------------------------------------------------


class AskBody(BaseModel):
    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    app: str | None = Field(None, description="an app of the project; default: the default app")
    user: str | None = Field(None, description="the end user: recorded as the principal")
    max_tokens: int | None = Field(None, ge=1)
    temperature: float | None = Field(None, ge=0.0, le=2.0)
    top_k: int | None = Field(None, ge=1, le=100)


class UsageOut(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    estimated: bool


class CostOut(BaseModel):
    input_usd: float
    output_usd: float
    instance_usd: float
    total_usd: float


class CitationOut(BaseModel):
    index: int
    source: str
    title: str
    chunk: int
    score: float
    support: float
    how: str
    page: int | None = None
    start_char: int | None = None
    end_char: int | None = None


class SourceOut(BaseModel):
    source: str
    title: str
    chunk: int
    score: float


class AskOut(BaseModel):
    trace_id: str
    app: str
    model: str
    answer: str
    status: Literal["answered", "blocked", "cancelled"]
    finish_reason: str | None
    citations: list[CitationOut]
    sources: list[SourceOut]
    findings: list[dict[str, Any]]
    notes: list[str]
    usage: UsageOut
    cost: CostOut
    timings_ms: dict[str, float]


class GuardBody(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS * 4)
    direction: Literal["input", "document", "output"] = "input"
    policy: str | None = Field(None, description="a guardrail policy; default: the app's")
    app: str | None = Field(None, description="whose policy applies; default: the default app")
    sources: list[str] = Field(default_factory=list, description="for grounding (output)")
    query: str | None = Field(None, description="the question, for relevance (output)")


class FindingOut(BaseModel):
    type: str
    name: str
    score: float
    action: str
    start: int | None = None
    end: int | None = None
    explanation: str = ""


class GuardOut(BaseModel):
    policy: str
    direction: str
    action: Literal["NONE", "BLOCKED", "MASKED"]
    text: str = Field(description="the text after the policy: its message if blocked, masked")
    shadow: bool = Field(description="the policy only records (mode: shadow): action is NONE")
    findings: list[FindingOut]
    latency_ms: dict[str, float]


class FeedbackBody(BaseModel):
    trace_id: str = Field(min_length=1, max_length=200)
    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=4000)


class FeedbackOut(BaseModel):
    id: int
    trace_id: str
    app: str
    rating: Literal["up", "down"]


class UsageRow(BaseModel):
    """A :class:`~genaiops.costs.ledger.UsageSummary` row, as the API shows it."""

    group: dict[str, str | None]
    calls: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    latency_p50_ms: float
    latency_p95_ms: float


class UsageReport(BaseModel):
    tenant: str
    by: list[str]
    since: dt.datetime | None
    rows: list[UsageRow]


# -- endpoints ----------------------------------------------------------------------------


def _app_name(rt: Any, name: str | None) -> str:
    if name is None:
        return str(rt.default_app_name())
    if name not in rt.config.apps:
        valid = ", ".join(sorted(rt.config.apps)) or "(none declared)"
        raise ApiError(404, f"no app {name!r}; the apps are: {valid}", "app_not_found", "app")
    return name


def _ask_out(r: AskResult) -> AskOut:
    return AskOut(
        trace_id=r.trace_id,
        app=r.app,
        model=r.model,
        answer=r.answer,
        status=r.status,
        finish_reason=r.finish_reason,
        citations=[CitationOut(**asdict(c)) for c in r.citations],
        sources=[
            SourceOut(source=s.source, title=s.title, chunk=s.ordinal, score=round(s.score, 4))
            for s in r.sources
        ],
        findings=[dict(f) for f in r.findings],
        notes=list(r.notes),
        usage=UsageOut(
            prompt_tokens=r.usage.prompt_tokens,
            completion_tokens=r.usage.completion_tokens,
            total_tokens=r.usage.total_tokens,
            estimated=r.usage.estimated,
        ),
        cost=CostOut(
            input_usd=r.cost.input_usd,
            output_usd=r.cost.output_usd,
            instance_usd=r.cost.instance_usd,
            total_usd=r.cost.total_usd,
        ),
        timings_ms={k: round(v, 2) for k, v in r.timings_ms.items()},
    )


@router.post("/ask", response_model=AskOut)
async def ask(
    body: AskBody, request: Request, key: Annotated[ApiKey, _authorized("chat")]
) -> AskOut:
    """One guarded, metered answer, with everything the ask produced."""
    rt = runtime_of(request)
    name = await to_thread.run_sync(_app_name, rt, body.app)
    app = await to_thread.run_sync(rt.app, name)
    caller = Caller(principal=body.user, tenant=key.tenant, groups=key.groups, api_key_id=key.id)
    options = AskOptions(top_k=body.top_k, max_tokens=body.max_tokens, temperature=body.temperature)
    result: AskResult = await to_thread.run_sync(
        app.run, AskRequest(body.question, caller, options), limiter=ask_limiter(request)
    )
    await to_thread.run_sync(settle, rt.db, key, result.usage.total_tokens)
    if (metrics := metrics_of(request.app)) is not None:
        metrics.observe_result(result)
    return _ask_out(result)


@router.post("/guardrails/apply", response_model=GuardOut)
def apply_guardrails(
    body: GuardBody, request: Request, key: Annotated[ApiKey, _authorized("guardrails")]
) -> GuardOut:
    """A policy's checks on ``text`` (no model call): the findings and the action."""
    rt = runtime_of(request)
    policy = body.policy
    if policy is None:
        app = _app_name(rt, body.app)
        policy = rt.config.apps[app].guardrail
        if policy is None:
            raise ApiError(400, f"the app {app!r} has no guardrail policy; name one in "
                           "'policy'", "no_policy", "policy")  # fmt: skip
    elif policy not in rt.config.guardrails:
        valid = ", ".join(sorted(rt.config.guardrails)) or "(none declared)"
        raise ApiError(404, f"no guardrail policy {policy!r}; the policies are: {valid}",
                       "policy_not_found", "policy")  # fmt: skip
    outcome = rt.guard(policy).apply(body.text, body.direction, body.sources, body.query)
    if (metrics := metrics_of(request.app)) is not None:
        for f in outcome.findings:
            metrics.guardrail_actions.labels(f.type, f.action).inc()
    return GuardOut(
        policy=policy,
        direction=body.direction,
        action=outcome.action,
        text=outcome.text_out,
        shadow=outcome.shadow,
        findings=[FindingOut(**f.to_dict()) for f in outcome.findings],
        latency_ms={k: round(v, 3) for k, v in outcome.latency_ms.items()},
    )


@router.post("/feedback", response_model=FeedbackOut)
def give_feedback(
    body: FeedbackBody, request: Request, key: Annotated[ApiKey, _authorized("feedback")]
) -> FeedbackOut:
    """A vote on an answer of the key's tenant (another tenant's answer is a 404)."""
    from genaiops.value.feedback import record_feedback

    rt = runtime_of(request)
    with rt.db.engine.connect() as conn:
        tenant = conn.execute(
            sa.select(asks.c.tenant).where(asks.c.trace_id == body.trace_id)
        ).scalar_one_or_none()
    if tenant != key.tenant:  # unknown, or another tenant's: the same answer
        raise NotFoundError(f"no answer with trace id {body.trace_id!r} for this key's tenant")
    made = record_feedback(
        rt.db, body.trace_id, body.rating, body.comment, principal=f"api_key:{key.id}"
    )
    return FeedbackOut(id=made.id, trace_id=made.trace_id, app=made.app, rating=body.rating)


@router.get("/usage", response_model=UsageReport)
def usage(
    request: Request,
    key: Annotated[ApiKey, _authorized("usage")],
    by: Annotated[
        str, Query(description="comma-separated: app, model, key, principal, day, tag:NAME")
    ] = "app,model",
    since: Annotated[str | None, Query(description="7d, 24h, 30m or a date")] = None,
) -> UsageReport:
    """Calls, tokens, cost and latency of the key's tenant (never another's), grouped."""
    groups = [g.strip() for g in by.split(",") if g.strip()]
    if "tenant" in groups:
        groups.remove("tenant")  # always the key's own
    start = parse_when(since, "since")
    rows = runtime_of(request).ledger.summary(group_by=groups, tenant=key.tenant, since=start)
    return UsageReport(
        tenant=key.tenant,
        by=groups,
        since=start,
        rows=[UsageRow(**asdict(r)) for r in rows],
    )
