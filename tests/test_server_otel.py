"""OpenTelemetry traces of the server: off unless configured; when on, one span per
request with a child span per stage of the ask (retrieval, model call, guardrails ...),
and the trace id is the one in the answer's ``genaiops`` field, the ``X-Trace-Id``
header, the audit log and the ledger.

The spans are caught by the SDK's in-memory exporter, and, for the configured path, by a
real OTLP/HTTP collector on a loopback port (protobuf, decoded with opentelemetry-proto).
The model is the echo fake; the server, PostgreSQL, retrieval and guardrails are real.
"""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import openai
import pytest
import requests
import sqlalchemy as sa
import yaml
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from genaiops.config import parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import ServerSettings, create_app
from genaiops.server.keys import create_key
from genaiops.server.tracing import STAGE_SPANS, configured
from genaiops.storage import Database
from genaiops.storage.schema import asks, usage_ledger
from support import running

REPLY = "Tuesday is when the river ferry runs."
QUESTION = "When does the river ferry run?"


def project(tmp: Path) -> dict[str, Any]:
    return {
        "version": 1,
        "name": "traced",
        "models": {"echo": {"provider": "echo", "reply": REPLY, "price": {"input_per_1m": 2.0}}},
        "knowledge_bases": {
            "otel-docs": {
                "paths": [str(tmp / "docs")],
                "embedder": "hash",
                "include": ["**/*.md"],
                "access": {"default": "public", "tenant": "traced"},
            }
        },
        "guardrails": {"words": {"word_filters": {"words": ["forbidden"]}}},
        "apps": {"ferry": {"model": "echo", "knowledge_base": "otel-docs", "guardrail": "words"}},
    }


def attrs(span: ReadableSpan) -> dict[str, Any]:
    return dict(span.attributes or {})


class Traced:
    def __init__(self, url: str, exporter: InMemorySpanExporter, secret: str) -> None:
        self.url, self.exporter, self.secret = url, exporter, secret

    def spans_of(self, trace_id: str) -> list[ReadableSpan]:
        return [
            s
            for s in self.exporter.get_finished_spans()
            if s.context is not None and format(s.context.trace_id, "032x") == trace_id
        ]


@pytest.fixture(scope="module")
def runtime_with_docs(
    database: Database, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Runtime]:
    tmp = tmp_path_factory.mktemp("otel")
    (tmp / "docs").mkdir()
    (tmp / "docs" / "ferry.md").write_text("# Ferry\n\nThe river ferry runs on Tuesdays.\n")
    rt = Runtime(parse_project(project(tmp)), tmp, database=database)
    rt.knowledge_base("otel-docs").ingest()
    try:
        yield rt
    finally:
        rt.close()


@pytest.fixture(scope="module")
def traced(runtime_with_docs: Runtime, database: Database) -> Iterator[Traced]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    secret = create_key(database, "traced", "traced").secret
    app = create_app(runtime=runtime_with_docs, tracer_provider=provider)
    with running(app) as url:
        yield Traced(url, exporter, secret)
    provider.shutdown()


def check_request_trace(traced: Traced, trace_id: str, route: str) -> dict[str, ReadableSpan]:
    """The request's spans: one SERVER root for ``route``, every other span its child;
    returns the children by name."""
    spans = traced.spans_of(trace_id)
    roots = [s for s in spans if s.parent is None]
    assert len(roots) == 1, [s.name for s in spans]
    root = roots[0]
    assert root.kind == SpanKind.SERVER and root.name == f"POST {route}"
    assert root.attributes is not None and root.attributes["http.route"] == route
    assert root.context is not None
    children = {s.name: s for s in spans if s is not root}
    assert len(children) == len(spans) - 1  # one span per stage
    for child in children.values():
        assert child.parent is not None and child.parent.span_id == root.context.span_id
        assert root.start_time is not None and child.start_time is not None
        assert root.end_time is not None and child.end_time is not None
        assert root.start_time <= child.start_time <= child.end_time <= root.end_time
    return children


def test_a_chat_completion_is_one_trace_with_a_span_per_stage(
    traced: Traced, database: Database
) -> None:
    client = openai.OpenAI(base_url=traced.url + "/v1", api_key=traced.secret, max_retries=0)
    raw = client.chat.completions.with_raw_response.create(
        model="ferry", messages=[{"role": "user", "content": QUESTION}]
    )
    completion = raw.parse()
    trace_id = completion.model_extra["genaiops"]["trace_id"]  # type: ignore[index]
    assert len(trace_id) == 32 and raw.headers["x-trace-id"] == trace_id
    assert completion.choices[0].message.content == REPLY
    children = check_request_trace(traced, trace_id, "/v1/chat/completions")
    assert set(children) == set(STAGE_SPANS.values())
    assert attrs(children["retrieval"])["genaiops.retrieval.chunks"] >= 1
    model = attrs(children["model call"])
    assert model["gen_ai.request.model"] == "echo"
    assert model["gen_ai.usage.output_tokens"] == completion.usage.completion_tokens  # type: ignore[union-attr]
    assert model["gen_ai.usage.input_tokens"] == completion.usage.prompt_tokens  # type: ignore[union-attr]
    assert attrs(children["guardrails output"])["genaiops.guardrails.blocked"] is False
    root = next(s for s in traced.spans_of(trace_id) if s.parent is None)
    assert root.attributes is not None and root.attributes["genaiops.tenant"] == "traced"
    assert root.attributes["http.response.status_code"] == 200
    # the same id in the audit log and the ledger
    with database.engine.connect() as conn:
        audited = conn.execute(sa.select(asks.c.status).where(asks.c.trace_id == trace_id)).all()
        metered = conn.execute(
            sa.select(usage_ledger.c.model).where(usage_ledger.c.trace_id == trace_id)
        ).all()
    assert [r.status for r in audited] == ["answered"] and [r.model for r in metered] == ["echo"]


def test_a_streamed_answer_and_a_blocked_question_are_traced_too(traced: Traced) -> None:
    headers = {"Authorization": f"Bearer {traced.secret}"}
    body: dict[str, Any] = {
        "model": "ferry",
        "stream": True,
        "messages": [{"role": "user", "content": QUESTION}],
    }
    with requests.post(
        traced.url + "/v1/chat/completions", json=body, headers=headers, stream=True, timeout=30
    ) as r:
        assert r.status_code == 200
        trace_id = r.headers["x-trace-id"]
        lines = [line for line in r.iter_lines(decode_unicode=True) if line]
    assert lines[-1] == "data: [DONE]" and any(trace_id in line for line in lines)
    children = check_request_trace(traced, trace_id, "/v1/chat/completions")
    assert {"retrieval", "model call", "guardrails output"} <= set(children)
    # a blocked question: the input guardrail's span says so, and no model was called
    body = {"model": "ferry", "messages": [{"role": "user", "content": "say forbidden"}]}
    blocked = requests.post(traced.url + "/v1/chat/completions", json=body, headers=headers)
    assert blocked.json()["choices"][0]["finish_reason"] == "content_filter"
    trace_id = blocked.headers["x-trace-id"]
    assert blocked.json()["genaiops"]["trace_id"] == trace_id
    children = check_request_trace(traced, trace_id, "/v1/chat/completions")
    guard = attrs(children["guardrails input"])
    assert guard["genaiops.guardrails.blocked"] is True
    assert guard["genaiops.guardrails.findings"] == 1
    assert "model call" not in children and "audit" in children


def test_every_request_has_a_span_and_a_trace_id_header(traced: Traced) -> None:
    refused = requests.post(
        traced.url + "/v1/embeddings",
        json={"input": "x"},
        headers={"Authorization": "Bearer gai_wrong"},
        timeout=30,
    )
    assert refused.status_code == 401
    spans = traced.spans_of(refused.headers["x-trace-id"])
    assert [s.name for s in spans] == ["POST /v1/embeddings"]
    assert spans[0].attributes is not None
    assert spans[0].attributes["http.response.status_code"] == 401
    assert spans[0].status.status_code != StatusCode.ERROR  # a 4xx is the client's
    # an embedding's ledger row carries its span's trace id
    ok = requests.post(
        traced.url + "/v1/embeddings",
        json={"input": ["ferry times"]},
        headers={"Authorization": f"Bearer {traced.secret}", "traceparent": "00-"
                 "0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
        timeout=30,
    )  # fmt: skip
    assert ok.status_code == 200, ok.text
    (span,) = traced.spans_of(ok.headers["x-trace-id"])
    assert span.parent is None  # a new trace: the caller's is a link
    assert [format(link.context.trace_id, "032x") for link in span.links] == [
        "0af7651916cd43dd8448eb211c80319c"
    ]


def test_tracing_is_off_unless_configured(tmp_path: Path) -> None:
    assert not configured(None, {})
    assert configured(None, {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"})
    assert configured(None, {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://c:4318/v1/traces"})
    assert not configured(False, {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"})
    assert configured(True, {})
    assert not configured(True, {"OTEL_SDK_DISABLED": "true"})
    # an unconfigured server imports none of the SDK; a configured one builds its exporter
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump({"version": 1, "name": "x"}))
    code = (
        "import sys; from genaiops.server.app import create_app; "
        f"app = create_app({str(tmp_path)!r}); "
        "print(app.state.tracing is not None, 'opentelemetry.sdk' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "GENAIOPS_SERVER"))}
    off = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert off.stdout.split() == ["False", "False"], off.stderr
    env["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9"
    on = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert on.stdout.split() == ["True", "True"], on.stderr


class _Collector(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list[ExportTraceServiceRequest]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path == "/v1/traces":
            message = ExportTraceServiceRequest()
            message.ParseFromString(body)
            self.received.append(message)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_a_configured_server_exports_over_otlp(
    runtime_with_docs: Runtime, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    collector = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=collector.serve_forever, daemon=True).start()
    _Collector.received.clear()
    try:
        endpoint = f"http://127.0.0.1:{collector.server_address[1]}"
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
        monkeypatch.setenv("OTEL_SERVICE_NAME", "genaiops-test")
        secret = create_key(database, "exported", "traced").secret
        app = create_app(runtime=runtime_with_docs, settings=ServerSettings())
        with running(app) as url:
            r = requests.post(
                url + "/v1/chat/completions",
                json={"model": "ferry", "messages": [{"role": "user", "content": QUESTION}]},
                headers={"Authorization": f"Bearer {secret}"},
                timeout=30,
            )
            assert r.status_code == 200, r.text
        # the server's shutdown flushed its batch to the collector
        trace_id = r.json()["genaiops"]["trace_id"]
        spans = [
            (span.name, resource.resource)
            for message in _Collector.received
            for resource in message.resource_spans
            for scope in resource.scope_spans
            for span in scope.spans
            if span.trace_id.hex() == trace_id
        ]
        assert {name for name, _ in spans} == {"POST /v1/chat/completions", *STAGE_SPANS.values()}
        service = {a.value.string_value for a in spans[0][1].attributes if a.key == "service.name"}
        assert service == {"genaiops-test"}
    finally:
        collector.shutdown()
        collector.server_close()
