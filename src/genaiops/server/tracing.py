"""OpenTelemetry traces of the server, when configured (``pip install 'genaiops[otel]'``).

Off unless configured: with no ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or
``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``) and no ``GENAIOPS_SERVER_OTEL=true``, the server
imports nothing of OpenTelemetry's SDK and pays nothing per request. Configured, each
worker process exports its spans over OTLP/HTTP (protobuf) with a batching processor; the
standard ``OTEL_*`` variables apply (endpoint, headers, timeout, ``OTEL_SERVICE_NAME``,
``OTEL_RESOURCE_ATTRIBUTES``, ``OTEL_TRACES_SAMPLER``). ``GENAIOPS_SERVER_OTEL=false``
or ``OTEL_SDK_DISABLED=true`` turn it off whatever else is set.

What is traced:

* one ``SERVER`` span per HTTP request (``POST /v1/chat/completions``, by route template),
  with its method, route, status and the API key's tenant; a 5xx marks it as an error;
* for a chat completion, one child span per stage of the ask, named for what it does:
  ``guardrails input``, ``retrieval``, ``guardrails documents``, ``fit context``,
  ``model call``, ``guardrails output``, ``citations``, ``meter``, ``audit`` (attributes:
  the model, tokens, chunks retrieved, findings, the ask's status);
* the trace id is the ask's: the span's trace id (32 hex digits) is the ``trace_id`` of
  the answer's ``genaiops`` field, of the ledger and audit rows, and every response's
  ``X-Trace-Id`` header, so one id finds a request in the trace store, the audit log and
  the usage ledger.

A request's span is a new trace: an incoming ``traceparent`` is recorded as a span link
(not a parent), since a trace id names exactly one ask in the audit log.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from genaiops import __version__
from genaiops.errors import DependencyError

if TYPE_CHECKING:
    from genaiops.apps.app import CompiledApp
    from genaiops.apps.stages import AskState, Stage

__all__ = [
    "OTLP_ENDPOINT_VARIABLES",
    "STAGE_SPANS",
    "Tracing",
    "TracingMiddleware",
    "configured",
    "trace_id_of",
]

#: the standard variables whose presence turns tracing on
OTLP_ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")

#: the span of each stage of an ask (see :mod:`genaiops.apps.stages`)
STAGE_SPANS = {
    "guard_input": "guardrails input",
    "retrieve": "retrieval",
    "guard_documents": "guardrails documents",
    "fit": "fit context",
    "generate": "model call",
    "guard_output": "guardrails output",
    "cite": "citations",
    "meter": "meter",
    "audit": "audit",
}


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def configured(setting: bool | None, environ: dict[str, str] | None = None) -> bool:
    """Whether traces are on: ``setting`` (``GENAIOPS_SERVER_OTEL``) when stated, else
    whether an OTLP endpoint variable is set; never with ``OTEL_SDK_DISABLED=true``."""
    env = os.environ if environ is None else environ
    if _truthy(env.get("OTEL_SDK_DISABLED")):
        return False
    if setting is not None:
        return setting
    return any(env.get(v, "").strip() for v in OTLP_ENDPOINT_VARIABLES)


def trace_id_of(scope_or_request: Any) -> str | None:
    """The trace id (32 hex digits) of the request's span, or None when not traced."""
    state = getattr(scope_or_request, "state", None)
    span = getattr(state, "otel_span", None) if state is not None else None
    if span is None:
        return None
    return format(span.get_span_context().trace_id, "032x")


class Tracing:
    """A tracer over ``provider`` (an OpenTelemetry ``TracerProvider``), and the traced
    copies of the compiled apps."""

    def __init__(self, provider: Any, *, owned: bool = False) -> None:
        from opentelemetry import trace
        from opentelemetry.context import Context
        from opentelemetry.propagate import extract

        self._trace, self._context, self._extract = trace, Context, extract
        self.provider = provider
        self.owned = owned  # built here from the environment: shut down with the app
        self.tracer = provider.get_tracer("genaiops.server", __version__)
        self._apps: weakref.WeakKeyDictionary[CompiledApp, CompiledApp] = (
            weakref.WeakKeyDictionary()
        )

    @classmethod
    def from_environment(cls) -> Tracing:
        """An SDK tracer provider exporting over OTLP/HTTP, configured by ``OTEL_*``."""
        try:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
            from opentelemetry.sdk.resources import Resource
            from opentelemetry.sdk.trace import TracerProvider
            from opentelemetry.sdk.trace.export import BatchSpanProcessor
        except ImportError as exc:
            raise DependencyError(
                f"OpenTelemetry traces are configured (OTEL_EXPORTER_OTLP_ENDPOINT or "
                f"GENAIOPS_SERVER_OTEL) but the SDK is not installed ({exc.name}): pip install "
                f"'genaiops[otel]', or unset those variables"
            ) from exc
        resource = Resource.create({"service.version": __version__})  # + OTEL_* attributes
        if str(resource.attributes.get("service.name", "")).startswith("unknown_service"):
            resource = resource.merge(Resource({"service.name": "genaiops"}))
        provider = TracerProvider(resource=resource)
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
        return cls(provider, owned=True)

    def shutdown(self) -> None:
        """Export what is queued and stop (only a provider built here)."""
        if self.owned:
            self.provider.shutdown()

    # -- stages -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def stage_span(self, stage: str, state: AskState) -> Iterator[None]:
        """A child span of the current (request) span for one stage of an ask."""
        with self.tracer.start_as_current_span(STAGE_SPANS.get(stage, stage)) as span:
            span.set_attribute("genaiops.stage", stage)
            span.set_attribute("genaiops.app", state.app.name)
            try:
                yield
            finally:
                _stage_attributes(span, stage, state)

    def traced(self, app: CompiledApp) -> CompiledApp:
        """``app`` with a span around each of its stages (one copy per compiled app)."""
        found = self._apps.get(app)
        if found is None:
            from genaiops.apps.app import CompiledApp

            stages = [cast("Stage", _TracedStage(s, self)) for s in app.stages]
            found = CompiledApp(
                app.name,
                app.config,
                app.provider,
                knowledge_base=app.knowledge_base,
                guard=app.guard,
                ledger=app.ledger,
                stages=stages,
            )
            self._apps[app] = found
        return found


def _stage_attributes(span: Any, stage: str, state: AskState) -> None:
    if stage == "retrieve":
        span.set_attribute("genaiops.retrieval.chunks", len(state.result.retrieved))
    elif stage == "generate":
        span.set_attribute("gen_ai.request.model", state.app.provider.name)
        if state.chat is not None:
            span.set_attribute("gen_ai.usage.input_tokens", state.chat.usage.prompt_tokens)
            span.set_attribute("gen_ai.usage.output_tokens", state.chat.usage.completion_tokens)
            span.set_attribute("gen_ai.response.finish_reasons", [state.chat.finish_reason])
    elif stage.startswith("guard_"):
        span.set_attribute("genaiops.guardrails.findings", len(state.findings))
        span.set_attribute("genaiops.guardrails.blocked", state.result.status == "blocked")
    elif stage == "audit":
        span.set_attribute("genaiops.ask.status", state.result.status)


class _TracedStage:
    """A stage run inside a span of its own (the same name, ``always`` and work)."""

    def __init__(self, inner: Stage, tracing: Tracing) -> None:
        self.inner = inner
        self.name = inner.name
        self.always = inner.always
        self.tracing = tracing

    def run(self, state: AskState) -> None:
        with self.tracing.stage_span(self.name, state):
            self.inner.run(state)


class TracingMiddleware:
    """One ``SERVER`` span per HTTP request, current while the app handles it; every
    response carries its trace id in ``X-Trace-Id``."""

    def __init__(self, app: ASGIApp, tracing: Tracing) -> None:
        self.app = app
        self.tracing = tracing

    def _links(self, scope: Scope) -> list[Any]:
        carrier = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        if "traceparent" not in carrier:
            return []
        context = self.tracing._extract(carrier)
        remote = self.tracing._trace.get_current_span(context).get_span_context()
        return [self.tracing._trace.Link(remote)] if remote.is_valid else []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        trace = self.tracing._trace
        method = scope["method"]
        span = self.tracing.tracer.start_span(
            f"{method} {scope['path']}",
            context=self.tracing._context(),  # a root: the trace id is the ask's own
            kind=trace.SpanKind.SERVER,
            links=self._links(scope),
            attributes={
                "http.request.method": method,
                "url.path": scope["path"],
                "user_agent.original": Headers(scope=scope).get("user-agent", ""),
            },
        )
        scope.setdefault("state", {})["otel_span"] = span
        trace_id = format(span.get_span_context().trace_id, "032x").encode("ascii")
        status = 500
        ended = False

        def end() -> None:
            nonlocal ended
            if ended:
                return
            ended = True
            route = getattr(scope.get("route"), "path", None)
            if isinstance(route, str) and route:
                span.update_name(f"{method} {route}")
                span.set_attribute("http.route", route)
            span.set_attribute("http.response.status_code", status)
            key = scope.get("state", {}).get("api_key")
            if key is not None:
                span.set_attribute("genaiops.tenant", key.tenant)
                span.set_attribute("genaiops.api_key_id", key.id)
            if status >= 500:
                span.set_status(trace.Status(trace.StatusCode.ERROR, f"HTTP {status}"))
            span.end()

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"x-trace-id"]
                message = {**message, "headers": [*headers, (b"x-trace-id", trace_id)]}
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                end()  # before the last byte leaves: the client's next look finds the span
            await send(message)

        try:
            with trace.use_span(span, end_on_exit=False, record_exception=True):
                await self.app(scope, receive, sending)
        finally:
            end()
