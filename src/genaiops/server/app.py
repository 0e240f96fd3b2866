"""The production server: one FastAPI app per worker process over a warm Runtime.

``genaiops serve`` runs :func:`create_app` on uvicorn, once per worker process. The app's
lifespan opens the project's :class:`~genaiops.runtime.Runtime` (database, model,
guardrails and embedder warmed for the default app, so the first request costs what the
next ones do) and closes it on shutdown, after uvicorn has let the requests in flight
finish (graceful shutdown on SIGTERM or Ctrl-C).

* ``GET /healthz``: liveness, with no I/O: the process answers.
* ``GET /readyz``: readiness: the database answers and the default app is compiled
  (503 with the reason otherwise), for a load balancer's health check.
* ``/v1/...``: the OpenAI-compatible API (:mod:`genaiops.server.openai_api`), behind
  API keys (:mod:`genaiops.server.keys`).

Settings come from ``GENAIOPS_SERVER_*`` variables (:class:`ServerSettings`): the body
size limit (``MAX_BODY_BYTES``, default 2 MiB: 413 above it) and the CORS origins
(``CORS_ORIGINS``, comma-separated; none by default: browsers on other origins are
refused, which is right for an API that takes bearer keys), how long an authenticated
key is reused without a database look-up (``KEY_CACHE_S``, default 1 s: a revoked key is
refused by every process within it), OpenTelemetry traces
(``OTEL``; see :mod:`genaiops.server.tracing`) and the price of ``/v1/embeddings``
(``EMBEDDING_INPUT_PER_1M``, USD per 1M tokens; default 0: metered, not charged), and
the worker threads answers run on (``ASK_THREADS``, default 64), apart from the pool that
checks keys, limits and health (measured before they were apart: under 100 two-second asks
``/readyz`` took 3.9 s instead of 4 ms).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from genaiops import __version__
from genaiops.errors import GenAIOpsError, NotFoundError
from genaiops.runtime import Runtime
from genaiops.server.dashboard import router as dashboard_router
from genaiops.server.errors import error_body, install_error_handlers
from genaiops.server.metrics import install_metrics
from genaiops.server.native import router as native_router
from genaiops.server.native_kb_eval import router as native_kb_eval_router
from genaiops.server.openai_api import BearerAuth
from genaiops.server.openai_api import router as openai_router
from genaiops.server.tracing import Tracing, TracingMiddleware, configured

__all__ = ["BodySizeLimit", "ServerSettings", "create_app"]

log = logging.getLogger(__name__)


class ServerSettings(BaseSettings):
    """Server settings from ``GENAIOPS_SERVER_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="GENAIOPS_SERVER_", extra="ignore")

    max_body_bytes: int = Field(2 * 1024 * 1024, ge=1024, description="larger bodies get 413")
    cors_origins: str = Field(
        "", description="comma-separated origins allowed by CORS (e.g. https://app.example.com)"
    )
    otel: bool | None = Field(
        None,
        description="OpenTelemetry traces: true or false; unset: on when "
        "OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set",
    )
    key_cache_s: float = Field(
        1.0,
        ge=0,
        le=300,
        description="seconds an authenticated API key is reused without a database look-up "
        "(a revoked key is refused within this; 0: look up every request)",
    )
    ask_threads: int = Field(
        64,
        ge=1,
        le=1024,
        description="worker threads for answers (model calls, streamed chunks), apart from "
        "the threads that check keys, limits and health, so a busy model never delays those",
    )
    embedding_input_per_1m: float = Field(
        0.0, ge=0, description="USD per 1M tokens embedded through /v1/embeddings (ledger, budgets)"
    )

    def origins(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]


class BodySizeLimit:
    """413 for a request body over ``limit`` bytes: at once from its Content-Length, or as
    soon as a chunked body passes the limit (before the endpoint sees any of it)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _message(self) -> str:
        return (
            f"the request body is over the limit of {self.limit:,} bytes; send less (the "
            f"server's operator sets GENAIOPS_SERVER_MAX_BODY_BYTES)"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            response = JSONResponse(
                error_body(413, self._message(), "request_too_large"),
                status_code=413,
                headers={"Connection": "close"},
            )
            await response(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise StarletteHTTPException(413, self._message())
            return message

        await self.app(scope, limited, send)


def _served_first(rt: Runtime) -> list[str]:
    """The apps to have warm before serving: the default app, or (with none named and
    several declared) every app."""
    try:
        return [rt.default_app_name()] if rt.config.apps else []
    except NotFoundError:
        return sorted(rt.config.apps)


def _warm(rt: Runtime) -> None:
    """Start and migrate the database and warm the apps served first (model loaded,
    guardrail artifacts read, embedder ready): the first request pays no start-up."""
    rt.db.engine  # noqa: B018 - starts and migrates the database
    for name in _served_first(rt):
        rt.warm_up(name)


def create_app(
    project: str | Path | None = None,
    runtime: Runtime | None = None,
    settings: ServerSettings | None = None,
    tracer_provider: Any | None = None,
) -> FastAPI:
    """The server app for ``project`` (default: ``GENAIOPS_PROJECT`` or ``./genaiops.yaml``).

    With ``runtime``, the app serves that runtime and leaves it open at shutdown (tests,
    embedding the server in another program); otherwise each app (each worker process)
    opens its own in its lifespan and closes it. uvicorn calls this with no arguments
    (``--factory``). With ``tracer_provider`` (an OpenTelemetry ``TracerProvider``) the
    app traces into it; otherwise it traces only when configured
    (:mod:`genaiops.server.tracing`)."""
    cfg = settings or ServerSettings()
    tracing: Tracing | None = None
    if tracer_provider is not None or configured(cfg.otel):
        tracing = (
            Tracing(tracer_provider) if tracer_provider is not None else Tracing.from_environment()
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from anyio import CapacityLimiter, to_thread

        # answers wait on the model for seconds: they get threads of their own, so the
        # default pool (40) stays free for key checks, rate limits, /readyz and /v1/models
        app.state.ask_limiter = CapacityLimiter(cfg.ask_threads)
        own = runtime is None
        rt = runtime if runtime is not None else Runtime.open(project)
        try:
            await to_thread.run_sync(_warm, rt)
            app.state.runtime = rt
            app.state.started = int(time.time())
            yield
        finally:
            if own:
                await to_thread.run_sync(rt.close)
            if tracing is not None:
                await to_thread.run_sync(tracing.shutdown)  # export what is queued

    app = FastAPI(
        title="genaiops",
        version=__version__,
        summary="Guarded, metered answers from your own data; OpenAI-compatible.",
        lifespan=lifespan,
    )
    app.state.server_settings = cfg
    app.state.tracing = tracing
    install_error_handlers(app)
    app.include_router(openai_router)
    app.include_router(native_router)
    app.include_router(native_kb_eval_router)
    app.include_router(dashboard_router)

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        """Liveness: the process answers (no database or model call)."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"], response_model=None)
    def readyz() -> dict[str, Any] | JSONResponse:
        """Readiness: the database answers and the default app is compiled."""
        rt: Runtime = app.state.runtime
        try:
            with rt.db.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            names = _served_first(rt)
            for name in names:
                rt.app(name)
        except (GenAIOpsError, sa.exc.SQLAlchemyError) as exc:
            body = error_body(503, f"not ready: {exc}", "not_ready")
            return JSONResponse(body, status_code=503)
        default = names[0] if len(names) == 1 else None
        return {"status": "ready", "default_app": default, "apps": sorted(rt.config.apps)}

    # the last added runs first: size, then CORS, then keys
    app.add_middleware(BearerAuth, key_cache_s=cfg.key_cache_s)
    if cfg.origins():
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=cfg.origins(),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodySizeLimit, limit=cfg.max_body_bytes)
    if tracing is not None:  # a span around all of it but the metrics
        app.add_middleware(TracingMiddleware, tracing=tracing)
    install_metrics(app)  # GET /metrics; added last: it runs first and sees every answer
    return app
