"""The open-loop load generator: schedules, latency measured from the scheduled arrival,
errors, the breaking rate; against the echo model with ``seconds_per_token``."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLE
from genaiops.cli.main import app as cli
from genaiops.config import get_settings, parse_project
from genaiops.errors import RateLimitError
from genaiops.evaluation.load import app_sender, arrival_times, run_load, step_load
from genaiops.runtime import Runtime
from genaiops.storage import Database

REPLY = "Every bike ships for a flat fee of $129 anywhere."  # 10 pieces


def test_schedules() -> None:
    fixed = arrival_times(4, 2.0, "fixed")
    assert fixed == pytest.approx([0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75])
    poisson = arrival_times(50, 20.0, "poisson", seed=3)
    assert poisson == arrival_times(50, 20.0, "poisson", seed=3)  # seeded
    assert len(poisson) == pytest.approx(1000, rel=0.1)
    gaps = [b - a for a, b in itertools.pairwise(poisson)]
    assert sum(gaps) / len(gaps) == pytest.approx(0.02, rel=0.1)
    assert len(arrival_times(100, 10.0, max_requests=7)) == 7  # bounded total


def sleeper(seconds: float, fail_every: int = 0) -> Callable[[str, Callable[[], None]], None]:
    count = {"n": 0}

    def send(question: str, first_text: Callable[[], None]) -> None:
        count["n"] += 1
        if fail_every and count["n"] % fail_every == 0:
            raise RateLimitError("slow down", 1.0)
        time.sleep(seconds / 2)
        first_text()
        time.sleep(seconds / 2)

    return send


def test_latency_counts_the_queue_an_open_loop_builds() -> None:
    # one worker, 50 ms each, 40 arrivals/s: work piles up, and the latency shows it
    step = run_load(sleeper(0.05), ["q"], 40, 0.5, arrivals="fixed", max_in_flight=1)
    assert step.sent == 20 and step.completed == 20 and step.errors == 0
    assert step.latency_ms["p50"] > 150  # a closed loop would report ~50 ms
    assert step.queue_ms["p95"] > 300
    assert 12 < step.achieved_rps <= 21  # what one worker can do (20/s), not the 40 sent
    assert step.ttft_ms["p50"] < step.latency_ms["p50"]


def test_errors_are_counted_by_kind() -> None:
    step = run_load(sleeper(0.01, fail_every=3), ["q"], 50, 0.3, arrivals="fixed")
    assert step.errors == 5 and step.error_kinds == {"RateLimitError": 5}
    assert step.completed == step.sent - 5


def test_the_rate_that_breaks_the_p95_target() -> None:
    report = step_load(
        sleeper(0.05), ["q"], [40, 5, 10], 0.6, target_p95_ms=150, arrivals="fixed", max_in_flight=1
    )
    assert [s.rps for s in report.steps] == [5, 10, 40]
    assert report.max_ok_rps == 10 and report.breaking_rps == 40


@pytest.fixture
def slow_echo(runtime: Runtime, example_dir: Path, database: Database) -> Iterator[Runtime]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {
        "local-small": {"provider": "echo", "reply": REPLY, "seconds_per_token": 0.01}
    }
    rt = Runtime(parse_project(data), example_dir, database=database)
    yield rt
    rt.close()


def test_load_against_the_echo_model(slow_echo: Runtime) -> None:
    app = slow_echo.warm_up("assistant")
    send = app_sender(app, {"eval_load": "t1"})
    step = run_load(send, ["What is the flat shipping fee for a bike?"], 4, 1.0, arrivals="fixed")
    assert step.completed == step.sent == 4 and step.errors == 0
    assert step.latency_ms["p50"] >= 100  # 10 pieces at 10 ms each, plus the pipeline
    assert 0 < step.ttft_ms["p50"] < step.latency_ms["p50"]
    calls = slow_echo.ledger.summary(group_by=("principal",))
    assert any(c.group["principal"] == "eval-load" and c.calls >= 4 for c in calls)


def test_the_load_cli(
    slow_echo: Runtime, tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {"local-small": {"provider": "echo", "reply": REPLY}}
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
    try:
        args = ["eval", "load", "assistant", "--rps", "5,10", "--duration", "0.5"]
        result = CliRunner().invoke(
            cli, [*args, "--target-p95-ms", "5000", "--json", "-p", str(tmp_path)]
        )
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [s["rps"] for s in out["steps"]] == [5.0, 10.0]
    assert out["max_ok_rps"] == 10.0 and out["breaking_rps"] is None
