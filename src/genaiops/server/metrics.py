"""Prometheus metrics at ``GET /metrics`` (text exposition, prometheus-client).

* ``genaiops_http_requests_total{endpoint,method,status}`` and
  ``genaiops_http_request_duration_seconds{endpoint}`` (a histogram): every request, by
  its route's path template (``/v1/chat/completions``; ``other`` for unknown paths, so a
  scanner cannot grow the label set).
* ``genaiops_tokens_total{app,kind}`` (``prompt``, ``completion``) and
  ``genaiops_cost_usd_total{app}``: what the answers used and cost.
* ``genaiops_guardrail_actions_total{check,action}``: the findings of every answer, by the
  check's family (``word_filter``, ``pii``, ...) and action (``BLOCKED``, ``MASKED``,
  ``DETECTED``).
* ``genaiops_budget_rejections_total`` (402s) and ``genaiops_rate_limit_rejections_total``
  (429s of :mod:`genaiops.server.ratelimit`, not a model endpoint's own 429).

Each app (each worker process) has its own registry: with ``--workers N`` a scrape
reaches one process and sees its counts only. Either scrape each worker, or set
``PROMETHEUS_MULTIPROC_DIR`` to an empty folder before ``genaiops serve`` starts (it must
be emptied between runs): prometheus-client then writes every process's values there and
``/metrics`` adds them up for all workers.

``/metrics`` takes no API key (Prometheus scrapes without one): keep it on a private
network, or block the path at the proxy in front.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from genaiops.apps.request import AskResult

__all__ = ["Metrics", "MetricsMiddleware", "install_metrics", "metrics_of"]

_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class Metrics:
    """The server's metrics, in a registry of their own (one per app)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "genaiops_http_requests", "HTTP requests", ["endpoint", "method", "status"], registry=r
        )
        self.latency = Histogram(
            "genaiops_http_request_duration_seconds",
            "HTTP request latency (to the end of the response body)",
            ["endpoint"],
            buckets=_BUCKETS,
            registry=r,
        )
        self.tokens = Counter("genaiops_tokens", "tokens of answers", ["app", "kind"], registry=r)
        self.cost = Counter("genaiops_cost_usd", "cost of answers in USD", ["app"], registry=r)
        self.guardrail_actions = Counter(
            "genaiops_guardrail_actions",
            "guardrail findings of answers, by check family and action",
            ["check", "action"],
            registry=r,
        )
        self.budget_rejections = Counter(
            "genaiops_budget_rejections", "requests a budget refused (402)", registry=r
        )
        self.rate_limit_rejections = Counter(
            "genaiops_rate_limit_rejections",
            "requests an API key's rate limit refused (429)",
            registry=r,
        )

    def observe_result(self, result: AskResult) -> None:
        """Count an answer's tokens, cost and guardrail findings."""
        self.tokens.labels(result.app, "prompt").inc(result.usage.prompt_tokens)
        self.tokens.labels(result.app, "completion").inc(result.usage.completion_tokens)
        self.cost.labels(result.app).inc(max(0.0, result.cost_usd))
        for finding in result.findings:
            check = str(finding.get("type", "unknown"))
            action = str(finding.get("action", "unknown"))
            self.guardrail_actions.labels(check, action).inc()

    def exposition(self) -> bytes:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            from prometheus_client import multiprocess

            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            return generate_latest(registry)
        return generate_latest(self.registry)


def metrics_of(app: Any) -> Metrics | None:
    """The metrics of a FastAPI app (None when it has none)."""
    metrics: Metrics | None = getattr(app.state, "metrics", None)
    return metrics


class MetricsMiddleware:
    """Counts and times every HTTP request, by route template and status."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics
        self._paths: frozenset[str] | None = None  # the OpenAPI document's, once

    def _endpoint(self, scope: Scope) -> str:
        """The path template of the route that served the request (the router leaves it
        in ``scope["route"]``), else the request's path when it is one of the API's (a
        request refused before routing, e.g. a 401), else ``other``."""
        path = getattr(scope.get("route"), "path", None)
        if isinstance(path, str) and path:
            return path
        if self._paths is None:
            try:
                self._paths = frozenset(scope["app"].openapi().get("paths", {}))
            except Exception:  # a metric's label is never worth a failed request
                self._paths = frozenset()
        return str(scope["path"]) if scope["path"] in self._paths else "other"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500
        recorded = False

        def record() -> None:
            nonlocal recorded
            if recorded:
                return
            recorded = True
            endpoint = self._endpoint(scope)
            m = self.metrics
            m.requests.labels(endpoint, scope["method"], str(status)).inc()
            m.latency.labels(endpoint).observe(time.perf_counter() - start)
            if status == 402:
                m.budget_rejections.inc()

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                record()  # before the last byte leaves: a client's next scrape sees it
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            record()


def install_metrics(app: FastAPI) -> None:
    """``GET /metrics`` and the middleware that counts every request (add it last, so it
    runs first and sees every answer, 401s and 413s included)."""
    metrics = Metrics()
    app.state.metrics = metrics

    @app.get("/metrics", tags=["health"], response_class=Response)
    def prometheus_metrics() -> Response:
        """Prometheus metrics of this process (text exposition format)."""
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    app.add_middleware(MetricsMiddleware, metrics=metrics)
