"""Lifecycle cost projection, sensitivity and break-even: every figure checked against
arithmetic done by hand; then the measured inputs read from a real evaluation run and
the cost sections in its decision report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from genaiops.cli.costs_project import load_scenario, project_command
from genaiops.costs.pricing import Price
from genaiops.costs.tco import (
    CandidateInputs,
    Scenario,
    break_even,
    instances_needed,
    project,
    sensitivity,
)
from genaiops.errors import ConfigError

API = Price(input_per_1m=1.0, output_per_1m=4.0)
HOSTED = Price(instance_per_hour=0.10, concurrency=1)


def inputs(price: Price = API, **kw: Any) -> CandidateInputs:
    base: dict[str, Any] = dict(
        name="c", price=price, prompt_tokens=1000, completion_tokens=100, model_s_per_ask=0.5,
        cost_per_ask=0.001, guard_ms_per_ask=40.0, documents=100, stored_bytes=1e9,
        seconds_per_document=0.5, asks_per_eval_run=30,
    )  # fmt: skip
    return CandidateInputs(**(base | kw))


SCENARIO = {
    "months": 3,
    "volume": {"asks_per_month": 10_000, "growth_per_month": 0.1},
    "data_preparation": {"hours": 10, "recurring_hours_per_month": 2, "rate_per_hour": 50},
    "ingestion": {"changed_per_month": 0.1, "instance_per_hour": 0.1},
    "storage": {"usd_per_gb_month": 0.25, "overhead": 3},
    "customization": {"fine_tuning_hours": 2, "instance_per_hour": 3.0, "retrain_every_months": 2},
    "testing": {"eval_runs_per_month": 4, "red_team_runs_per_month": 1, "red_team_asks": 50},
    "guardrails": {"instance_per_hour": 0.0832},
    "operations_per_month": 100,
}


def test_a_projection_matches_the_arithmetic_by_hand() -> None:
    p = project(Scenario.model_validate(SCENARIO), inputs())
    assert p.asks == pytest.approx([10_000, 11_000, 12_100])
    m = p.monthly
    assert m["data_preparation"] == pytest.approx([600, 100, 100])  # (10 + 2) x 50, then 2 x 50
    assert m["ingestion"][0] == pytest.approx(100 * 0.5 / 3600 * 0.1)  # all 100 documents
    assert m["ingestion"][1] == pytest.approx(10 * 0.5 / 3600 * 0.1)  # 10% changed
    assert m["vector_storage"] == pytest.approx([0.75] * 3)  # 1 GB x 3 overhead x $0.25
    assert m["customization"] == pytest.approx([6, 0, 6])  # 2 h x $3, retrained every 2 months
    assert m["testing"] == pytest.approx([0.17] * 3)  # (4 x 30 + 50) asks x $0.001
    assert m["guardrails"][0] == pytest.approx(10_000 * 40 / 3.6e6 * 0.0832)
    assert m["inference"] == pytest.approx([14.0, 15.4, 16.94])  # $0.0014 per ask
    assert m["operations"] == [100, 100, 100]
    assert p.month_total(0) == pytest.approx(
        600 + 100 * 0.5 / 3600 * 0.1 + 0.75 + 6 + 0.17 + 10_000 * 40 / 3.6e6 * 0.0832 + 14 + 100
    )
    assert p.total == pytest.approx(sum(p.month_total(i) for i in range(3)))


def test_self_hosted_inference_is_sized_in_whole_instances() -> None:
    hosted = inputs(HOSTED, model_s_per_ask=2.0)
    # 1M asks x 2 s = 2M busy seconds; one instance at 50% busy gives 1,314,000 s
    assert instances_needed(1e6, 2.0, HOSTED, 0.5) == 2
    assert instances_needed(10, 2.0, HOSTED, 0.5) == 1  # one runs all month regardless
    s = Scenario.model_validate({"months": 1, "volume": {"asks_per_month": 1e6},
                                 "inference": {"utilisation": 0.5}})  # fmt: skip
    p = project(s, hosted)
    assert p.monthly["inference"][0] == pytest.approx(2 * 0.10 * 730) and p.instances == [2]


def test_break_even_volume_and_utilisation() -> None:
    be = break_even(inputs(HOSTED), API, HOSTED, 0.6)
    # an instance-month is $73; the API costs $0.0014 per ask: even at 73 / 0.0014 asks
    assert be.asks_per_month == pytest.approx(73 / 0.0014)
    assert be.instances == 1
    assert be.utilisation == pytest.approx(73 / 0.0014 * 0.5 / (730 * 3600))
    below = next(p for p in be.curve if p["asks"] < be.asks_per_month * 0.8)
    assert below["api_usd"] < below["self_hosted_usd"]
    # a slow model on a cheap API never pays off: one instance serves too few asks
    slow = break_even(inputs(HOSTED, model_s_per_ask=60.0), Price(input_per_1m=0.01), HOSTED, 0.6)
    assert slow.asks_per_month is None and slow.curve


def test_sensitivity_ranks_the_driver_that_moves_the_total_most() -> None:
    s = Scenario.model_validate(SCENARIO | {"operations_per_month": 10_000, "sensitivity": 0.1})
    rows = sensitivity(s, inputs())
    assert rows[0]["driver"] == "operations"
    assert rows[0]["high"] - rows[0]["low"] == pytest.approx(2 * 0.1 * 3 * 10_000)
    assert [r["swing"] for r in rows] == sorted((r["swing"] for r in rows), reverse=True)


def test_scenario_errors_name_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "s.yaml"
    bad.write_text(yaml.safe_dump({"volume": {"asks_per_month": -5}, "months": 99}))
    with pytest.raises(ConfigError) as err:
        load_scenario(bad)
    assert "volume.asks_per_month" in str(err.value) and "months" in str(err.value)
    bad.write_text("volume: {asks_per_month: 10}\nwhat: 1\n")
    with pytest.raises(ConfigError, match="what: Extra inputs"):
        load_scenario(bad)


def test_the_command_projects_a_stored_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           database_url: str, runtime: Any) -> None:  # fmt: skip
    """The measured figures of a real (echo-model) evaluation run, projected from the CLI,
    and the same sections inside that run's decision report."""
    import json

    import typer

    from genaiops.config import get_settings
    from genaiops.evaluation.decision_report import build_decision_report
    from genaiops.evaluation.runner import EvalRunner
    from genaiops.evaluation.store import EvalStore
    from genaiops.evaluation.suite import SuiteConfig
    from genaiops.runtime import Runtime
    from test_eval_decision import dataset, project_data

    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        data = project_data()
        data["apps"]["assistant"]["guardrail"] = "company-default"  # measured: its time
        data["value"] = {"kpis": [{"name": "tickets", "per_good_answer": 0.5,
                                   "unit_value_usd": 4.0}]}  # fmt: skip
        (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
        dataset(tmp_path, 2)
        suite = SuiteConfig.model_validate({
            "name": "tco", "dataset": "items.jsonl", "metrics": ["contains"],
            "matrix": {"models": ["good", "bad"], "strategies": ["none", "rag@2"]},
        })  # fmt: skip
        with Runtime.open(tmp_path) as rt:
            outcome = EvalRunner(rt).start(suite, tmp_path)
            store = EvalStore(rt.db)
            report = build_decision_report(
                {"id": outcome.run_id, "suite": "tco"}, outcome.summary,
                store.results(outcome.run_id), store.items(outcome.run_id), runtime=rt,
            )  # fmt: skip
        ids = [s.id for s in report.ordered()]
        assert ids.index("cost") < ids.index("tco") < ids.index("examples")
        tco = next(s for s in report.sections if s.id == "tco")
        assert tco.source == "costs" and set(tco.data["projections"]) == set(
            outcome.summary["candidates"]
        )
        value = next(s for s in report.sections if s.id == "value")
        chosen = outcome.summary["decision"]["recommended"]
        assert value.source == "value" and value.data["candidate"] == chosen
        assert value.data["usd_per_good_answer"] == 2.0
        rag = tco.data["projections"]["good/rag@2/app"]
        assert rag["totals"]["vector_storage"] > 0 and rag["totals"]["guardrails"] > 0
        scenario = tmp_path / "scenario.yaml"
        scenario.write_text(yaml.safe_dump({"name": "fenwick", "months": 12,
                                            "volume": {"asks_per_month": 5000}}))  # fmt: skip
        cli = typer.Typer()
        cli.command()(project_command)
        ran = CliRunner().invoke(cli, [str(scenario), "-p", str(tmp_path), "--json"])
        assert ran.exit_code == 0, ran.output
        out = json.loads(ran.stdout)
        assert out["run"] == outcome.run_id and len(out["projections"]) == 4
        good = next(p for p in out["projections"] if p["candidate"] == "good/none/app")
        # good is priced $3 per 1M prompt tokens: inference is exactly its tokens x price
        tokens = outcome.summary["candidates"]["good/none/app"]["ops"]["prompt_tokens_mean"]
        assert good["totals"]["inference"] == pytest.approx(12 * 5000 * tokens * 3 / 1e6)
        assert (tmp_path / "reports" / "costs-fenwick.html").is_file()
        from genaiops.cli.main import app as main_cli

        valued = CliRunner().invoke(
            main_cli, ["value", "report", "--scenario", str(scenario), "-p", str(tmp_path),
                       "--candidate", "good/none/app", "--json"],
        )  # fmt: skip
        assert valued.exit_code == 0, valued.output
        v = json.loads(valued.stdout)
        # good/none/app: blocked by the grounding check, so contains 0: no value at all
        assert v["rate"] == 0.0 and v["payback_month"] is None and len(v["roi"]) == 12
    finally:
        get_settings.cache_clear()
