"""The OpenAI-compatible API: ``/v1/chat/completions``, ``/v1/models``, ``/v1/embeddings``.

Point any OpenAI SDK at the server (``base_url=http://HOST:PORT/v1``, ``api_key=gai_...``)
and each of the project's apps is a "model". A chat completion is one guarded, metered
ask of that app: the same compiled app as ``genaiops ask`` and evaluation, with the key's
tenant, groups and id as the caller (retrieval returns only what they may read; the
ledger and budgets count them). The answer carries an extension field ``genaiops``:
trace id, status (answered or blocked), citations, the sources used, findings and cost.

The apps are single-turn retrieval pipelines: **the last user message is the question**.
Earlier turns and system messages are not sent to the model (the app's own prompt
applies, as it did when the app was evaluated); a follow-up question that depends on an
earlier turn should restate what it refers to. A blocked question or answer is a normal
200 answer with the policy's message and ``finish_reason: "content_filter"``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import asdict
from typing import Annotated, Any, Literal, Protocol

import numpy as np
from anyio import CapacityLimiter, to_thread
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from genaiops.apps.app import CompiledApp
from genaiops.apps.request import AskOptions, AskRequest, AskResult, Caller
from genaiops.costs.budgets import budget_targets
from genaiops.costs.ledger import Attribution, MeterEntry
from genaiops.costs.pricing import CostBreakdown, Price, cost_of
from genaiops.errors import GenAIOpsError
from genaiops.knowledge.embedders import CachingEmbedder
from genaiops.runtime import GUARD_EMBEDDER, Runtime
from genaiops.server.errors import ApiError, error_body, genaiops_error_response
from genaiops.server.keys import ApiKey, authenticate, hash_secret
from genaiops.server.metrics import metrics_of
from genaiops.server.ratelimit import RateLimitError, admit, settle
from genaiops.server.tracing import Tracing, trace_id_of

__all__ = ["BearerAuth", "ChatCompletionRequest", "EmbeddingRequest", "KeyCache", "router"]

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1", tags=["openai"])
_bearer = HTTPBearer(auto_error=False, description="an API key: genaiops keys create")
MAX_EMBEDDING_INPUTS = 2048


def runtime_of(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


class KeyCache:
    """Keys that authenticated in the last ``ttl_s`` seconds, by their secret's hash, so
    a busy key costs one database look-up per ``ttl_s`` rather than one per request.

    The bound this puts on revocation (and on a change of scopes, limits or groups): a
    revoked key is refused by every server process within ``ttl_s`` seconds
    (``GENAIOPS_SERVER_KEY_CACHE_S``; 0 checks the database on every request). Unknown
    and refused keys are never cached. Used from the event loop only (no lock)."""

    def __init__(self, ttl_s: float, size: int = 4096) -> None:
        self.ttl_s = ttl_s
        self.size = size
        self._keys: dict[str, tuple[float, ApiKey]] = {}

    def get(self, secret: str) -> ApiKey | None:
        if self.ttl_s <= 0:
            return None
        found = self._keys.get(hash_secret(secret))
        if found is None or found[0] < time.monotonic():
            return None
        return found[1]

    def put(self, secret: str, key: ApiKey) -> None:
        if self.ttl_s <= 0:
            return
        if len(self._keys) >= self.size:  # drop the expired, else the oldest
            now = time.monotonic()
            self._keys = {h: v for h, v in self._keys.items() if v[0] >= now}
            while len(self._keys) >= self.size:
                del self._keys[next(iter(self._keys))]
        self._keys[hash_secret(secret)] = (time.monotonic() + self.ttl_s, key)


class BearerAuth:
    """Authenticates every ``/v1`` and ``/api`` request before anything else reads it (its body
    included): a missing, unknown or revoked key is a 401 at once. The key goes to
    ``request.state.api_key``; each endpoint then requires its scope (403). A key that
    authenticated in the last ``key_cache_s`` seconds is taken from :class:`KeyCache`."""

    def __init__(
        self,
        app: ASGIApp,
        prefix: tuple[str, ...] = ("/v1/", "/api/"),
        key_cache_s: float = 0.0,
    ) -> None:
        self.app = app
        self.prefix = prefix
        self.cache = KeyCache(key_cache_s)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] == "OPTIONS"  # CORS preflights carry no credentials
            or not scope["path"].startswith(self.prefix)
        ):
            await self.app(scope, receive, send)
            return
        scheme, _, token = Headers(scope=scope).get("authorization", "").partition(" ")
        secret = token.strip() if scheme.lower() == "bearer" else ""
        key = self.cache.get(secret) if secret else None
        if key is None:
            db = scope["app"].state.runtime.db
            try:
                key = await to_thread.run_sync(authenticate, db, secret or None)
            except GenAIOpsError as exc:
                await genaiops_error_response(exc)(scope, receive, send)
                return
            self.cache.put(secret, key)
        scope.setdefault("state", {})["api_key"] = key
        await self.app(scope, receive, send)


def _authorized(scope: str) -> Any:
    """A dependency: the request's API key (see :class:`BearerAuth`), which must have
    ``scope``, and be under its rate limits (:func:`~genaiops.server.ratelimit.admit`:
    429 otherwise). ``_bearer`` declares the scheme in the OpenAPI document. It runs on
    the event loop; only a database call (a key without BearerAuth, a limited key's
    count) goes to a worker thread."""

    async def check(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> ApiKey:
        key: ApiKey | None = getattr(request.state, "api_key", None)
        db = runtime_of(request).db
        if key is None:  # the app runs without BearerAuth in front
            secret = credentials.credentials if credentials else None
            key = await to_thread.run_sync(authenticate, db, secret)
        key.require(scope)
        if key.rpm is None and key.tpm is None:
            return key
        try:
            await to_thread.run_sync(admit, db, key)
        except RateLimitError:
            if (metrics := metrics_of(request.app)) is not None:
                metrics.rate_limit_rejections.inc()
            raise
        return key

    return Depends(check)


# -- request bodies -----------------------------------------------------------------------


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")  # clients send fields we do not use


class ContentPart(_Open):
    type: str
    text: str | None = None


class ChatMessage(_Open):
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content if p.type == "text")
        return self.content or ""


class StreamOptions(_Open):
    include_usage: bool = False


class ChatCompletionRequest(_Open):
    model: str = Field(min_length=1, description="an app of the project (GET /v1/models)")
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    temperature: float | None = Field(None, ge=0.0, le=2.0)
    n: int = Field(1, ge=1, description="only 1 is supported")
    user: str | None = Field(None, description="the end user: recorded as the principal")

    def question(self) -> str:
        users = [m for m in self.messages if m.role == "user"]
        if not users:
            raise ApiError(400, "messages: there is no user message to answer", "invalid_value",
                           "messages")  # fmt: skip
        return users[-1].text()


class EmbeddingRequest(_Open):
    input: (  # what the endpoint takes; token arrays are refused with a 400
        Annotated[str, Field(min_length=1)]
        | Annotated[
            list[Annotated[str, Field(min_length=1)]],
            Field(min_length=1, max_length=MAX_EMBEDDING_INPUTS),
        ]
    ) = Field(description="a string, or a list of 1 to 2048 strings (no token arrays)")
    model: str | None = None
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: int | None = Field(None, ge=1)
    user: str | None = None

    @field_validator("input", mode="before")
    @classmethod
    def _no_token_arrays(cls, value: Any) -> Any:
        """OpenAI's SDK sends token ids when asked to (and LangChain's OpenAIEmbeddings by
        default): say so, and how to send text instead."""
        if isinstance(value, list) and any(isinstance(v, int | list) for v in value):
            raise ValueError(
                "token arrays are not supported: send the texts as strings (LangChain's "
                "OpenAIEmbeddings: check_embedding_ctx_length=False)"
            )
        return value


# -- chat completions ---------------------------------------------------------------------


def _app_or_404(rt: Runtime, name: str) -> CompiledApp:
    if name not in rt.config.apps:
        valid = ", ".join(sorted(rt.config.apps)) or "(none declared)"
        raise ApiError(
            404,
            f"the model {name!r} does not exist: models are this project's apps ({valid})",
            "model_not_found",
            "model",
        )
    return rt.app(name)


def _ask_request(body: ChatCompletionRequest, key: ApiKey, trace_id: str | None) -> AskRequest:
    if body.n != 1:
        raise ApiError(400, "n: only n=1 is supported", "invalid_value", "n")
    caller = Caller(principal=body.user, tenant=key.tenant, groups=key.groups, api_key_id=key.id)
    options = AskOptions(
        max_tokens=body.max_completion_tokens or body.max_tokens, temperature=body.temperature
    )
    ask = AskRequest(body.question(), caller, options)
    if trace_id is not None:  # the request's span's: one id in traces, audit and ledger
        ask.trace_id = trace_id
    return ask


def _finish_reason(result: AskResult) -> str:
    if result.status == "blocked":
        return "content_filter"
    return "length" if result.finish_reason == "length" else "stop"


def _extension(result: AskResult) -> dict[str, Any]:
    return {
        "trace_id": result.trace_id,
        "status": result.status,
        "model": result.model,
        "citations": [asdict(c) for c in result.citations],
        "sources": [
            {"source": s.source, "chunk": s.ordinal, "score": round(s.score, 4)}
            for s in result.sources
        ],
        "findings": result.findings,
        "notes": result.notes,
        "cost_usd": result.cost_usd,
        "latency_ms": round(result.latency_ms, 1),
    }


def _usage(result: AskResult) -> dict[str, int]:
    p, c = result.usage.prompt_tokens, result.usage.completion_tokens
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


def _completion(result: AskResult, created: int) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{result.trace_id}",
        "object": "chat.completion",
        "created": created,
        "model": result.app,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": result.answer, "refusal": None},
                "finish_reason": _finish_reason(result),
                "logprobs": None,
            }
        ],
        "usage": _usage(result),
        "genaiops": _extension(result),
    }


def _chunk(
    trace_id: str,
    app: str,
    created: int,
    delta: dict[str, Any] | None,
    finish_reason: str | None = None,
    **more: Any,
) -> str:
    """One server-sent event of ``chat.completion.chunk``; ``delta=None``: no choices
    (the usage chunk)."""
    choices = (
        [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}]
        if delta is not None
        else []
    )
    body = {
        "id": f"chatcmpl-{trace_id}",
        "object": "chat.completion.chunk",
        "created": created,
        "model": app,
        "choices": choices,
        **more,
    }
    return f"data: {json.dumps(body, default=str)}\n\n"


def ask_limiter(request: Request) -> CapacityLimiter | None:
    """The threads answers run on (``ServerSettings.ask_threads``), apart from the default
    pool that key checks, rate limits and health checks use (None before the lifespan ran:
    the default pool)."""
    limiter: CapacityLimiter | None = getattr(request.app.state, "ask_limiter", None)
    return limiter


async def _next(
    items: Iterator[str | AskResult], limiter: CapacityLimiter | None
) -> str | AskResult | None:
    return await to_thread.run_sync(next, items, None, abandon_on_cancel=True, limiter=limiter)


async def _sse(
    items: Iterator[str | AskResult],
    first: str | AskResult | None,
    request: AskRequest,
    app: str,
    include_usage: bool,
    answered: Callable[[AskResult], None],
    limiter: CapacityLimiter | None = None,
) -> AsyncIterator[str]:
    """The chunks of a streamed answer: the text as the guarded stream releases it, then
    the finish reason (with the ``genaiops`` extension), the usage if asked, ``[DONE]``.
    A client that goes away cancels the ask (what was generated is metered)."""
    created = int(time.time())
    tid = request.trace_id
    released = False
    try:
        yield _chunk(tid, app, created, {"role": "assistant", "content": ""})
        item = first
        while True:
            if isinstance(item, AskResult):
                break
            if item is None:  # the iterator ended without a result: it was closed
                return
            released = True
            yield _chunk(tid, app, created, {"content": item})
            try:
                item = await _next(items, limiter)
            except GenAIOpsError as exc:  # the status line is gone: an error event
                yield f"data: {bytes(genaiops_error_response(exc).body).decode()}\n\n"
                return
            except Exception:
                log.exception("chat completion %s failed while streaming", tid)
                message = f"internal server error while streaming (trace {tid})"
                yield f"data: {json.dumps(error_body(500, message, 'internal_error'))}\n\n"
                return
        result = item
        await to_thread.run_sync(answered, result)
        if result.status == "blocked":  # the policy's message, after what passed the checks
            text = ("\n\n" if released else "") + result.answer
            yield _chunk(tid, app, created, {"content": text})
        yield _chunk(tid, app, created, {}, _finish_reason(result), genaiops=_extension(result))
        if include_usage:
            yield _chunk(tid, app, created, None, usage=_usage(result))
        yield "data: [DONE]\n\n"
    finally:
        request.cancel.set()
        close = getattr(items, "close", None)
        if close is not None:
            # ValueError: still running in the worker thread; the cancel stops it
            with contextlib.suppress(ValueError):
                close()


@router.post("/chat/completions", response_model=None)
async def chat_completions(
    body: ChatCompletionRequest,
    request: Request,
    response: Response,
    key: Annotated[ApiKey, _authorized("chat")],
) -> dict[str, Any] | StreamingResponse:
    """A guarded, metered answer from the app that ``model`` names (OpenAI's shape, plus
    the ``genaiops`` extension); ``stream: true`` for server-sent events.

    The last user message is the question. Earlier turns and system messages are not sent
    to the model: an app is a single-turn retrieval pipeline with its own prompt (the one
    it was evaluated with), so a follow-up must restate what it refers to."""
    rt = runtime_of(request)
    found = rt.compiled_app(body.model)  # a plain look-up once compiled
    # compiled once (it may load a model): off the event loop
    app = found if found is not None else await to_thread.run_sync(_app_or_404, rt, body.model)
    tracing: Tracing | None = request.app.state.tracing
    if tracing is not None:  # a span per stage
        app = tracing.traced(app)
    ask = _ask_request(body, key, trace_id_of(request))
    response.headers["X-Trace-Id"] = ask.trace_id

    def answered(result: AskResult) -> None:  # its tokens count against the key's limit
        settle(rt.db, key, result.usage.total_tokens)  # a no-op without a tpm limit
        if (metrics := metrics_of(request.app)) is not None:
            metrics.observe_result(result)

    limiter = ask_limiter(request)
    if not body.stream:
        result = await to_thread.run_sync(app.run, ask, limiter=limiter)
        if key.tpm is None:
            answered(result)  # no database call: no worker thread
        else:
            await to_thread.run_sync(answered, result)
        return _completion(result, int(time.time()))
    items = app.stream(ask)
    # wait for the first checked text (or the result, or an error) before the status line,
    # so an error before any text (a budget, a model that is down) has its own status
    try:
        first = await _next(items, limiter)
    except BaseException:
        ask.cancel.set()
        raise
    include_usage = bool(body.stream_options and body.stream_options.include_usage)
    return StreamingResponse(
        _sse(items, first, ask, body.model, include_usage, answered, limiter),
        media_type="text/event-stream",
        headers={
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",
            "X-Trace-Id": ask.trace_id,
        },
    )


# -- models and embeddings ----------------------------------------------------------------


@router.get("/models")
async def list_models(
    request: Request, key: Annotated[ApiKey, _authorized("models")]
) -> dict[str, Any]:
    """The project's apps, as OpenAI model objects."""
    rt = runtime_of(request)
    created = int(getattr(request.app.state, "started", 0))
    data = [
        {
            "id": name,
            "object": "model",
            "created": created,
            "owned_by": rt.config.name,
            "genaiops": {
                "model": cfg.model,
                "knowledge_base": cfg.knowledge_base,
                "guardrail": cfg.guardrail,
                "description": cfg.description,
            },
        }
        for name, cfg in sorted(rt.config.apps.items())
    ]
    return {"object": "list", "data": data}


@router.post("/embeddings")
def embeddings(
    body: EmbeddingRequest,
    request: Request,
    response: Response,
    key: Annotated[ApiKey, _authorized("embeddings")],
) -> dict[str, Any]:
    """Vectors from the runtime's embedder (MiniLM-L6, 384 dimensions, L2-normalised).
    Metered like an answer: a ledger row (tokens, cost at the server's embedding price,
    the key's tenant), the key's budgets (402 before anything is embedded) and its
    tokens-per-minute limit."""
    rt = runtime_of(request)
    name = body.model or GUARD_EMBEDDER
    if name != GUARD_EMBEDDER:
        raise ApiError(404, f"the embedding model {name!r} does not exist; this server has "
                       f"{GUARD_EMBEDDER!r}", "model_not_found", "model")  # fmt: skip
    # the schema admits 1 to MAX_EMBEDDING_INPUTS non-empty strings, no token arrays
    strings = [body.input] if isinstance(body.input, str) else list(body.input)
    embedder = rt.embedder(name)
    if body.dimensions is not None and body.dimensions != embedder.dim:
        raise ApiError(400, f"dimensions: {name} has {embedder.dim} only", "invalid_value",
                       "dimensions")  # fmt: skip
    tokens = sum(embedder.count_tokens(t) for t in strings)
    trace_id = trace_id_of(request) or uuid.uuid4().hex
    response.headers["X-Trace-Id"] = trace_id
    attribution = Attribution(
        trace_id, app=None, tenant=key.tenant, principal=body.user, api_key_id=key.id
    )
    settings: _PricedSettings = request.app.state.server_settings
    price = Price(
        input_per_1m=settings.embedding_input_per_1m,
        source="GENAIOPS_SERVER_EMBEDDING_INPUT_PER_1M",
    )
    vectors, cost = _metered_embed(rt, embedder, name, strings, tokens, price, attribution)
    settle(rt.db, key, tokens)
    if (metrics := metrics_of(request.app)) is not None:
        metrics.tokens.labels(name, "embedding").inc(tokens)
        metrics.cost.labels(name).inc(cost)

    def encode(v: np.ndarray[Any, Any]) -> list[float] | str:
        if body.encoding_format == "base64":
            return base64.b64encode(v.astype("<f4").tobytes()).decode("ascii")
        return [float(x) for x in v]

    data = [
        {"object": "embedding", "index": i, "embedding": encode(v)} for i, v in enumerate(vectors)
    ]
    return {
        "object": "list",
        "data": data,
        "model": name,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }


class _PricedSettings(Protocol):
    embedding_input_per_1m: float


def _metered_embed(
    rt: Runtime,
    embedder: CachingEmbedder,
    name: str,
    strings: list[str],
    tokens: int,
    price: Price,
    attribution: Attribution,
) -> tuple[np.ndarray[Any, Any], float]:
    """Embed ``strings`` with the caller's budgets enforced around it (the exact cost is
    reserved first: BudgetExceededError, 402, before any work) and one ledger row after,
    as the metering wrapper does for a model call. Returns the vectors and their cost."""
    ledger = rt.ledger
    a = attribution
    targets = budget_targets(a.tenant, a.api_key_id, a.app, a.tags)
    cost = cost_of(price, tokens, 0, 0.0)
    hold = None
    if cost.total_usd > 0 and ledger.budgets.has_budgets(targets):
        hold = ledger.budgets.reserve(targets, cost.total_usd, trace_id=a.trace_id)
    charged = 0.0
    start = time.perf_counter()
    try:
        try:
            vectors = np.asarray(embedder.embed(strings), dtype=np.float32)
        except GenAIOpsError as exc:  # nothing embedded: recorded as a failed call, free
            elapsed = (time.perf_counter() - start) * 1e3
            free = CostBreakdown(0.0, 0.0, 0.0)
            ledger.record([_entry(a, name, "error", 0, free, elapsed, str(exc))])
            raise
        elapsed = (time.perf_counter() - start) * 1e3
        ledger.record([_entry(a, name, "ok", tokens, cost, elapsed, None)])
        charged = cost.total_usd
        return vectors, charged
    finally:
        if hold is not None:
            ledger.budgets.settle(hold, charged)


def _entry(
    attribution: Attribution,
    name: str,
    status: Literal["ok", "error"],
    tokens: int,
    cost: CostBreakdown,
    latency_ms: float,
    error: str | None,
) -> MeterEntry:
    return MeterEntry(
        attribution, name, "embedder", "embedding", status, tokens, 0, False, cost,
        latency_ms, latency_ms, None, error,
    )  # fmt: skip
