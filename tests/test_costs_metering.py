"""K1: every ledger row is exactly tokens x price (+ its instance time x the hourly price),
over many random calls of every provider kind: an OpenAI-compatible remote with token
prices, a llama.cpp server (OpenAI-compatible, on a loopback stub) priced by instance
time, and the echo fake with both. Rows carry the caller's app, tenant, key and tags,
and ``genaiops usage`` groups them by any of those over a period."""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from genaiops.apps.metering import MeteredProvider, MeterSink, metering
from genaiops.cli.main import app as cli
from genaiops.config import OpenAIModelConfig, get_settings
from genaiops.costs.ledger import Attribution, Ledger
from genaiops.costs.pricing import Price
from genaiops.errors import InputError
from genaiops.models.base import ChatOptions, Message, ModelProvider
from genaiops.models.echo import EchoModelConfig, EchoProvider
from genaiops.models.openai_compat import OpenAICompatibleProvider
from genaiops.storage import Database

runner = CliRunner()


class _Stub(BaseHTTPRequestHandler):
    """An OpenAI-compatible chat endpoint that streams ``C`` words and reports ``P`` prompt
    tokens, both read from the last message (``tokens P C``), as a real server reports
    its own tokenizer's counts."""

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _, p, c = body["messages"][-1]["content"].split()[:3]
        prompt, completion = int(p), min(int(c), body["max_tokens"])
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()

        def send(obj: object) -> None:
            self.wfile.write(f"data: {json.dumps(obj)}\n\n".encode())

        base = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m"}
        for i in range(completion):
            delta = {"index": 0, "delta": {"content": f"w{i} "}, "finish_reason": None}
            send({**base, "choices": [delta]})
        send({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        usage = {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }
        send({**base, "choices": [], "usage": usage})
        self.wfile.write(b"data: [DONE]\n\n")


@pytest.fixture(scope="module")
def stub_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def _expected(row: dict[str, object], price: Price) -> dict[str, float]:
    """The row's cost recomputed in exact decimal arithmetic from its own inputs."""
    per_1m = Decimal(1_000_000)
    pi, po = Decimal(str(row["prompt_tokens"])), Decimal(str(row["completion_tokens"]))
    latency_s = Decimal(repr(row["latency_ms"])) / 1000
    inp = pi * Decimal(repr(price.input_per_1m)) / per_1m
    out = po * Decimal(repr(price.output_per_1m)) / per_1m
    inst = latency_s * Decimal(repr(price.instance_per_hour)) / 3600 / price.concurrency
    return {
        "input_usd": float(inp),
        "output_usd": float(out),
        "instance_usd": float(inst),
        "cost_usd": float(inp + out + inst),
    }


def test_every_ledger_row_is_tokens_times_price(database: Database, stub_url: str) -> None:
    rng = random.Random(10)
    ledger = Ledger(database)
    run = uuid.uuid4().hex[:8]
    remote = OpenAIModelConfig(base_url=stub_url, model="m", max_retries=0)
    kinds: list[tuple[str, ModelProvider, Price]] = [
        (
            "openai-remote",
            OpenAICompatibleProvider("remote", remote),
            Price(input_per_1m=2.5, output_per_1m=10.0, source="test", as_of="2026-12-01"),
        ),
        (
            "llamacpp-server",
            OpenAICompatibleProvider("local-server", remote),
            Price(instance_per_hour=0.0832, concurrency=2, tokens_per_s=20.0),
        ),
        (
            "echo",
            EchoProvider("fake", EchoModelConfig(seconds_per_token=0.0005)),
            Price(input_per_1m=0.15, output_per_1m=0.6, instance_per_hour=1.7),
        ),
    ]
    calls: list[tuple[str, Price, Attribution]] = []
    for i in range(90):
        kind, provider, price = kinds[i % 3]
        metered = MeteredProvider(provider, price, ledger, purpose="answer")
        prompt, completion = rng.randint(1, 50_000), rng.randint(0, 400)
        text = f"tokens {prompt} {completion}" + " pad" * rng.randint(0, 30)
        attribution = Attribution(
            trace_id=f"{run}-{i}",
            app=rng.choice(["shop", "support"]),
            tenant=rng.choice([f"{run}-acme", f"{run}-globex"]),
            principal="ann",
            api_key_id=rng.choice([f"{run}-k1", f"{run}-k2", None]),
            tags={"team": rng.choice(["sales", "ops"]), "kind": kind},
        )
        sink = MeterSink(attribution)
        with metering(sink):
            metered.chat([Message(role="user", content=text)], ChatOptions(max_tokens=500))
        ledger.record(sink.entries)
        calls.append((kind, price, attribution))
    worst = 0.0
    for kind, price, a in calls:
        (row,) = ledger.calls(a.trace_id)
        assert (row["app"], row["tenant"], row["api_key_id"], row["tags"]) == (
            a.app,
            a.tenant,
            a.api_key_id,
            a.tags,
        )
        assert row["status"] == "ok" and row["tokens_estimated"] is False
        for field, value in _expected(row, price).items():
            worst = max(worst, abs(row[field] - value))
            assert row[field] == pytest.approx(value, abs=1e-9), (kind, field)
        if kind != "echo":  # the stub reported these counts: they are the billed ones
            assert row["completion_tokens"] <= 500
    assert worst < 1e-6  # K1: exact to the micro-dollar (in fact to ~1e-15)

    # usage groups by any attribution, over a period
    by_tag: dict[tuple[str, str], float] = defaultdict(float)
    for _, _, a in calls:
        (row,) = ledger.calls(a.trace_id)
        by_tag[(a.tenant, a.tags["team"])] += row["cost_usd"]
    summary = ledger.summary(group_by=["tenant", "tag:team"], since=_ago(days=1))
    got = {
        (s.group["tenant"], s.group["tag:team"]): s.cost_usd
        for s in summary
        if str(s.group["tenant"]).startswith(run)
    }
    assert got.keys() == by_tag.keys()
    for k, v in by_tag.items():
        assert got[k] == pytest.approx(v, abs=1e-9)
    keys = {
        s.group["key"]: s.calls
        for s in ledger.summary(group_by=["key"])
        if str(s.group["key"]).startswith(run)
    }
    assert sum(keys.values()) == sum(1 for _, _, a in calls if a.api_key_id)
    days = ledger.summary(group_by=["tag:kind", "day"], tenant=f"{run}-acme")
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert {s.group["day"] for s in days} <= {today, _ago(days=1).date().isoformat()}
    assert ledger.summary(group_by=["app"], tenant=f"{run}-acme", until=_ago(days=1)) == []
    with pytest.raises(InputError, match="--by: unknown group 'colour'.*tag:NAME"):
        ledger.summary(group_by=["colour"])


def _ago(**span: float) -> dt.datetime:
    return dt.datetime.now(dt.UTC) - dt.timedelta(**span)


def test_usage_groups_by_key_tag_and_day_over_a_period(
    database: Database, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = uuid.uuid4().hex[:8]
    ledger = Ledger(database)
    provider = MeteredProvider(
        EchoProvider("fake", EchoModelConfig(reply="one two three")),
        Price(input_per_1m=1.0, output_per_1m=1.0),
        ledger,
    )
    for i, team in enumerate(["sales", "sales", "ops"]):
        sink = MeterSink(Attribution(f"{run}-{i}", app="shop", tenant=run, tags={"team": team}))
        with metering(sink):
            provider.chat([Message(role="user", content="hello")])
        ledger.record(sink.entries)
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump({"name": "usage"}), "utf-8")
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        p = ["-p", str(tmp_path)]
        result = runner.invoke(
            cli, ["usage", "--by", "tenant,tag:team,day", "--since", "1d", "--json", *p]
        )
        assert result.exit_code == 0, result.output
        rows = [r for r in json.loads(result.stdout) if r["group"]["tenant"] == run]
        today = dt.datetime.now(dt.UTC).date().isoformat()
        assert [(r["group"]["tag:team"], r["group"]["day"], r["calls"]) for r in rows] == [
            ("ops", today, 1),
            ("sales", today, 2),
        ]
        until = runner.invoke(cli, ["usage", "--by", "tenant", "--until", "2020-01-01", *p])
        assert until.exit_code == 0 and run not in until.stdout
        bad = runner.invoke(cli, ["usage", "--since", "last week", *p])
        assert bad.exit_code != 0 and "--since: 'last week' is not a date" in str(bad.exception)
    finally:
        get_settings.cache_clear()
