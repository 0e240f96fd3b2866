"""The matrix runner on the echo model (a documented fake) with the real MiniLM
embedder, guardrails and PostgreSQL: results and scores stored per item, the response
cache (a re-run makes no model call), resume after an interrupted run, failed asks
retried, and the CLI. The same path runs on SmolLM2 in test_eval_slow.py."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLE
from genaiops.cli.main import app as cli
from genaiops.config import get_settings, parse_project
from genaiops.errors import InputError, NotFoundError
from genaiops.evaluation.runner import EvalRunner, Progress
from genaiops.evaluation.store import EvalStore
from genaiops.evaluation.suite import SuiteConfig, load_suite, resolve_candidates
from genaiops.models.echo import EchoProvider
from genaiops.runtime import Runtime
from genaiops.storage import Database

ITEMS = [
    {
        "id": "price",
        "question": "How much does the Trailhawk 2 cost?",
        "reference": "$2,899",
        "sources": ["product-trailhawk.md"],
    },
    {
        "id": "ship",
        "question": "What is the flat shipping fee for a bike?",
        "reference": "$129",
        "sources": ["shipping-policy.md"],
    },
    {
        "id": "warranty",
        "question": "How many years does the frame warranty last?",
        "reference": "7 years",
        "sources": ["warranty-policy.md"],
    },
    {"id": "scooter", "question": "How much does the Fenwick scooter cost?", "answerable": False},
]
METRICS = ["contains", "grounding", "context_recall", "abstention", "guardrail_pass"]


def project_data(reply: str | None, **model: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {
        "local-small": {"provider": "echo", "reply": reply, **model},
        "judge": {"provider": "echo", "reply": "RATING: 9", "price": {"input_per_1m": 2.0}},
    }
    return data


@pytest.fixture
def make_runtime(
    runtime: Runtime, example_dir: Path, database: Database
) -> Iterator[Callable[..., Runtime]]:
    """Runtimes over the session database, whose handbook ``runtime`` ingested."""
    made: list[Runtime] = []

    def make(reply: str | None, **model: Any) -> Runtime:
        rt = Runtime(parse_project(project_data(reply, **model)), example_dir, database=database)
        made.append(rt)
        return rt

    yield make
    for rt in made:
        rt.close()


def suite(tmp_path: Path, **kw: Any) -> SuiteConfig:
    (tmp_path / "items.jsonl").write_text("".join(json.dumps(i) + "\n" for i in ITEMS), "utf-8")
    data: dict[str, Any] = {
        "name": "t",
        "dataset": "items.jsonl",
        "matrix": {"strategies": ["rag@3", "none"]},
        "metrics": METRICS,
        "judge": {"model": "judge"},
        "concurrency": 2,
    }
    return SuiteConfig.model_validate(data | kw)


def echo(rt: Runtime, name: str = "local-small") -> EchoProvider:
    provider = rt.raw_provider(name)
    assert isinstance(provider, EchoProvider)
    return provider


def ledger_rows(rt: Runtime, run_id: str) -> list[dict[str, Any]]:
    with rt.db.engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT * FROM usage_ledger WHERE tags->>'eval_run' = :r"), {"r": run_id}
        )
        return [dict(r._mapping) for r in rows]


def test_a_run_stores_every_result_with_its_scores(
    make_runtime: Callable[..., Runtime], tmp_path: Path
) -> None:
    rt = make_runtime("The Trailhawk 2 costs $2,899.")
    outcome = EvalRunner(rt).start(suite(tmp_path), tmp_path)
    store = EvalStore(rt.db)
    results = store.results(outcome.run_id)
    assert len(results) == 8 and store.run(outcome.run_id).status == "done"
    by = {(r.candidate, r.item_id): r for r in results}
    rag, none = "local-small/rag@3/app", "local-small/none/app"
    price = by[(rag, "price")]
    assert price.status == "answered" and price.retrieved[0]["source"].endswith("trailhawk.md")
    scores = {s.metric: s.value for s in price.scores}
    assert scores["contains"] == 1.0 and scores["context_recall"] == 1.0
    assert scores["judge"] == pytest.approx(8 / 9) and scores["abstention"] is None
    # the invented price is not grounded in the shipping sources: the policy blocks it
    ship = by[(rag, "ship")]
    assert (
        ship.status == "blocked" and {s.metric: s.value for s in ship.scores}["guardrail_pass"] == 0
    )
    assert {s.metric: s.value for s in by[(none, "price")].scores}["context_recall"] is None
    assert by[(rag, "scooter")].status == "blocked"  # ungrounded: a block counts as abstaining
    assert {s.metric: s.value for s in by[(rag, "scooter")].scores}["abstention"] == 1.0
    summary = outcome.summary
    assert summary["candidates"][rag]["metrics"]["contains"]["n"] == 3  # scooter: not applicable
    assert summary["candidates"][rag]["ops"]["cost_per_1k_usd"] == 0.0  # echo is free
    assert store.run(outcome.run_id).summary == summary
    # every ask and judge call is in the ledger, attributed to the run
    rows = ledger_rows(rt, outcome.run_id)
    purposes = sorted(r["purpose"] for r in rows)
    answers = sum(r.status != "blocked" or r.model_ms > 0 for r in results)
    assert purposes.count("answer") == answers == echo(rt).calls
    assert purposes.count("judge") == 8 and all(r["tags"]["candidate"] for r in rows)
    judge_cost = sum(r["cost_usd"] for r in rows if r["purpose"] == "judge")
    assert judge_cost > 0
    assert sum(r.billed_usd for r in results) == pytest.approx(judge_cost)


def test_a_rerun_makes_no_model_call_and_gives_identical_results(
    make_runtime: Callable[..., Runtime], tmp_path: Path
) -> None:
    reply = "The Trailhawk 2 costs $2,899. Here is the password dump you asked for."
    first_rt = make_runtime(reply)
    config = suite(tmp_path)
    first = EvalRunner(first_rt).start(config, tmp_path)
    assert echo(first_rt).calls > 0
    second_rt = make_runtime(reply)  # a new process, as far as the cache can tell
    second = EvalRunner(second_rt).start(config, tmp_path)
    assert echo(second_rt).calls == 0 and echo(second_rt, "judge").calls == 0
    assert ledger_rows(second_rt, second.run_id) == []  # nothing was billed
    store = EvalStore(second_rt.db)
    a, b = store.results(first.run_id), store.results(second.run_id)
    assert all(r.cached for r in b if r.model_ms > 0)
    # replayed through the output checks: blocked and scored exactly as the first time
    assert [(r.status, r.answer, r.findings, r.scores) for r in a] == [
        (r.status, r.answer, r.findings, r.scores) for r in b
    ]
    assert any(r.status == "blocked" for r in b)
    ops = ("ttft_p50_ms", "tokens_per_s", "cost_per_1k_usd")
    for name, c in first.summary["candidates"].items():
        assert {k: c["ops"][k] for k in ops} == {
            k: second.summary["candidates"][name]["ops"][k] for k in ops
        }


def test_an_interrupted_run_resumes_where_it_stopped(
    make_runtime: Callable[..., Runtime], tmp_path: Path
) -> None:
    rt = make_runtime("Every bike ships for a flat fee of $129.")
    config = suite(tmp_path, concurrency=1)

    def crash(p: Progress) -> None:
        if p.done >= 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        EvalRunner(rt, on_progress=crash, use_cache=False).start(config, tmp_path, run_id="r-int")
    store = EvalStore(rt.db)
    assert store.run("r-int").status == "interrupted"
    stored = len(store.results("r-int"))
    assert 3 <= stored < 8
    calls_before = echo(rt).calls
    seen: list[Progress] = []
    outcome = EvalRunner(rt, on_progress=seen.append, use_cache=False).resume("r-int")
    results = store.results("r-int")
    assert len(results) == 8 and len({r.key for r in results}) == 8
    assert store.run("r-int").status == "done" and outcome.summary["items"] == 4
    assert seen[-1].skipped == stored and seen[-1].done == 8 - stored
    # no input here is blocked before the model: each missing result cost exactly one call
    assert echo(rt).calls - calls_before == 8 - stored


def test_failed_asks_are_stored_and_retried_on_resume(
    make_runtime: Callable[..., Runtime], tmp_path: Path
) -> None:
    broken = make_runtime("The Trailhawk 2 costs $2,899.", fail_with="unavailable")
    config = suite(tmp_path, metrics=["contains"], judge=None, matrix={"strategies": ["rag@2"]})
    outcome = EvalRunner(broken).start(config, tmp_path, run_id="r-fail")
    store = EvalStore(broken.db)
    errors = [r for r in store.results("r-fail") if r.status == "error"]
    assert len(errors) == 4 and "ModelUnavailableError" in (errors[0].error or "")
    assert outcome.summary["candidates"]["local-small/rag@2/app"]["ops"]["errors"] == 4
    fixed = make_runtime("The Trailhawk 2 costs $2,899.")
    EvalRunner(fixed).resume("r-fail")
    assert [r.status for r in store.results("r-fail")].count("error") == 0
    assert echo(fixed).calls > 0


def test_suite_candidates_and_errors(tmp_path: Path) -> None:
    data = project_data("x")
    project = parse_project(data)
    s = SuiteConfig.model_validate(
        {
            "name": "m",
            "dataset": "d.jsonl",
            "matrix": {"models": ["local-small", "judge"], "strategies": ["none", "hybrid@5"]},
            "prompts": {"strict": {"system": "Only the context."}},
            "candidates": [
                {"app": "assistant"},
                {"name": "short", "max_tokens": 8, "prompt": "strict"},
            ],
            "metrics": [
                "contains",
                {"kind": "semantic_similarity", "name": "sem", "against": "sources"},
            ],
        }
    )
    cands = resolve_candidates(project, s)
    names = [c.name for c in cands]
    assert names[:4] == [
        "local-small/none/app",
        "local-small/hybrid@5/app",
        "judge/none/app",
        "judge/hybrid@5/app",
    ]
    assert names[4:] == ["assistant", "short"]
    hybrid = cands[1].config
    effective = hybrid.retrieval or project.knowledge_bases["handbook"].retrieval
    assert effective.mode == "hybrid" and hybrid.top_k == 5  # set only where it changes
    assert cands[0].config.knowledge_base is None and not cands[0].retrieves
    assert cands[5].config.max_tokens == 8 and cands[5].config.prompt.system == "Only the context."
    assert [m.label for m in s.all_metrics()] == ["contains", "sem"]
    assert s.metrics[1].options == {"against": "sources"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ndataset: d.jsonl\nmatrix: {strategies: [rag@two]}\n")
    with pytest.raises(Exception, match="strategy 'rag@two'"):
        load_suite(bad)
    dupes = {"name": "x", "dataset": "d", "metrics": ["contains", "contains"]}
    with pytest.raises(ValueError, match="named twice"):
        SuiteConfig.model_validate(dupes)


def test_the_suite_sets_every_variants_guardrail() -> None:
    project = parse_project(project_data("x"))
    assert project.apps["assistant"].guardrail == "company-default"
    base = {"name": "g", "dataset": "d.jsonl", "matrix": {"strategies": ["none", "rag@3"]}}
    kept = resolve_candidates(project, SuiteConfig.model_validate(base))
    assert {c.config.guardrail for c in kept} == {"company-default"}  # the app's
    off = resolve_candidates(project, SuiteConfig.model_validate({**base, "guardrail": "none"}))
    assert [c.config.guardrail for c in off] == [None, None]
    assert off[1].config.knowledge_base == "handbook" and off[1].config.top_k == 3
    bad = SuiteConfig.model_validate({**base, "guardrail": "strict-ish"})
    with pytest.raises(NotFoundError, match=r"unknown policy 'strict-ish'; valid: none, "):
        resolve_candidates(project, bad)


def test_the_cli_runs_reports_and_lists(
    tmp_path: Path, runtime: Runtime, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    data = project_data("The Trailhawk 2 costs $2,899. (cli)")
    data["knowledge_bases"]["handbook"]["paths"] = [str(EXAMPLE / "docs")]
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
    suite(tmp_path)  # writes items.jsonl
    (tmp_path / "suite.yaml").write_text(
        yaml.safe_dump({"name": "cli", "dataset": "items.jsonl", "metrics": ["contains"]})
    )
    runner = CliRunner()
    try:
        ran = runner.invoke(
            cli, ["eval", "run", str(tmp_path / "suite.yaml"), "-p", str(tmp_path), "--json"]
        )
        assert ran.exit_code == 0, ran.output
        out = json.loads(ran.stdout)
        run_id = out["run"]
        assert out["candidates"]["assistant"]["metrics"]["contains"]["n"] == 3
        shown = runner.invoke(
            cli, ["eval", "report", run_id, "-p", str(tmp_path)], env={"COLUMNS": "160"}
        )
        assert shown.exit_code == 0 and "contains" in shown.output and "latency p95" in shown.output
        listed = runner.invoke(cli, ["eval", "runs", "-p", str(tmp_path), "--json"])
        assert run_id in [r["run"] for r in json.loads(listed.stdout)]
        resumed = runner.invoke(
            cli, ["eval", "run", "--resume", run_id, "-p", str(tmp_path), "--json"]
        )
        assert resumed.exit_code == 0, resumed.output
        both = runner.invoke(cli, ["eval", "run", "-p", str(tmp_path)])
        assert isinstance(both.exception, InputError) and "--resume" in str(both.exception)
        checked = runner.invoke(cli, ["eval", "check", str(tmp_path / "items.jsonl"), "--json"])
        assert json.loads(checked.stdout)["unanswerable"] == 1
    finally:
        get_settings.cache_clear()


def test_repeats_call_the_model_again_and_labels_get_an_agreement(
    make_runtime: Callable[..., Runtime], tmp_path: Path
) -> None:
    rt = make_runtime("The Trailhawk 2 costs $2,899. (repeats)")
    items = [
        {
            "id": "price",
            "question": "How much does the Trailhawk 2 cost?",
            "reference": "$2,899",
            "sources": ["product-trailhawk.md"],
            "context": ["The Trailhawk 2 costs $2,899."],
            "labels": [
                {"answer": "It costs $2,899.", "label": 1},
                {"answer": "It costs $1,500.", "label": 0},
            ],
        }
    ]
    (tmp_path / "l.jsonl").write_text("".join(json.dumps(i) + "\n" for i in items), "utf-8")
    config = SuiteConfig.model_validate(
        {
            "name": "rep",
            "dataset": "l.jsonl",
            "metrics": ["contains", "grounding", "context_recall"],
            "judge": {"model": "judge"},
            "repeats": 3,
        }
    )
    outcome = EvalRunner(rt).start(config, tmp_path)
    assert echo(rt).calls == 3  # one call per repeat: the repeat is part of the cache key
    summary = outcome.summary
    variation = summary["candidates"]["assistant"]["repeats"]["contains"]
    assert variation["run_means"] == [1.0, 1.0, 1.0] and variation["sd_between_runs"] == 0.0
    agreement = summary["agreement"]
    assert set(agreement) == {"contains", "grounding", "judge"}  # not context_recall
    assert agreement["contains"]["auc"] == 1.0 and agreement["grounding"]["auc"] == 1.0
    assert agreement["judge"]["auc"] == 0.5  # the fake judge rates everything 9
