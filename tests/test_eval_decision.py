"""The decision: monthly cost arithmetic, eligibility, ties decided by cost, the Pareto
frontier, and no winner when nothing meets the constraints. Synthetic results (numbers
known in advance), then one real run on echo models through the whole pipeline."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLE
from genaiops.config import Price, parse_project
from genaiops.evaluation.decision import _pareto, decide, monthly_cost
from genaiops.evaluation.report import summarize
from genaiops.evaluation.runner import EvalRunner
from genaiops.evaluation.store import ResultRow, ScoreRow
from genaiops.evaluation.suite import DecisionSpec, SuiteConfig
from genaiops.runtime import Runtime
from genaiops.storage import Database

API = Price(input_per_1m=1.0, output_per_1m=4.0)
LOCAL = Price(instance_per_hour=0.10, concurrency=1)


def row(cand: str, item: int, value: float, *, ms: float = 1000.0, tokens: tuple[int, int] = (
        1000, 100), status: str = "answered") -> ResultRow:  # fmt: skip
    return ResultRow(
        cand, f"q{item}", 0, f"t-{cand}-{item}", status, f"answer {item}", None, False, [], [],
        tokens[0], tokens[1], ms, ms * 0.9, ms * 0.1, 0.0, 0.0, (ScoreRow("f1", value),),
    )  # fmt: skip


def run(
    scores: dict[str, list[float]], spec: DecisionSpec, prices: dict[str, Price], **rows: Any
) -> tuple[dict[str, Any], Any]:
    results = [
        row(c, i, v, **rows.get(c, {}))
        for c, values in scores.items()
        for i, v in enumerate(values)
    ]
    items = [f"q{i}" for i in range(len(next(iter(scores.values()))))]
    summary = summarize(results, list(scores), ["f1"], items, 1, n_boot=500)
    return summary, decide(summary, results, items, 1, spec, prices, n_boot=500)


def test_monthly_cost_tokens_and_instances_by_hand() -> None:
    ops = {"prompt_tokens_mean": 1000, "completion_tokens_mean": 100, "model_ms_mean": 2000.0}
    usd, basis = monthly_cost(API, ops, 100_000, 0.6)
    # (1000 x $1 + 100 x $4) / 1M per ask = $0.0014; x 100,000 = $140
    assert usd == pytest.approx(140.0) and "per 1M" in basis
    usd, basis = monthly_cost(LOCAL, ops, 100_000, 0.6)
    # 2 s x 100,000 = 200,000 busy s; one instance gives 730 h x 3600 x 0.6 = 1,576,800 s
    assert usd == pytest.approx(0.10 * 730) and basis.startswith("1 instance")
    usd, basis = monthly_cost(LOCAL, ops, 10_000_000, 0.6)  # 20M busy s: 13 instances
    assert usd == pytest.approx(13 * 0.10 * 730) and basis.startswith("13 instances")
    assert monthly_cost(None, ops, 1, 0.6) == (None, "no price in the catalog")


def test_a_clearly_better_candidate_wins_and_the_others_are_beaten() -> None:
    scores = {"big": [0.9] * 15 + [0.8] * 5, "small": [0.2] * 15 + [0.3] * 5}
    _, d = run(scores, DecisionSpec(metric="f1"), {"big": API, "small": LOCAL})
    assert d.recommended == "big" and d.ties == ("big",)
    assert any("Highest f1" in r for r in d.reasons)
    assert any("small (+" in r for r in d.reasons)  # lower with statistical support
    assert "Serve big" in d.headline


def test_a_tie_goes_to_the_cheaper_and_says_so() -> None:
    # the same scores but for two items out of 20: the data cannot separate them
    a = [0.8, 0.6] * 10
    b = [*a[:18], 0.7, 0.5]
    _, d = run(
        {"pricey": a, "cheap": b}, DecisionSpec(metric="f1"), {"pricey": API, "cheap": LOCAL}
    )
    assert d.recommended == "cheap" and set(d.ties) == {"pricey", "cheap"}
    assert any("a tie" in r for r in d.reasons)
    cmp = d.comparisons[0]
    assert cmp["verdict"] == "tie" and cmp["reference"] == "pricey"


def test_constraints_exclude_and_name_the_reason() -> None:
    scores = {"slow": [0.9] * 20, "fast": [0.5] * 20}
    spec = DecisionSpec(metric="f1", max_p95_ms=2000)
    _, d = run(scores, spec, {"slow": LOCAL, "fast": LOCAL}, slow={"ms": 5000.0})
    assert d.recommended == "fast"
    slow = d.figures("slow")
    assert not slow.eligible and "p95 5.0 s above the limit of 2.0 s" in slow.failures[0]
    assert any(r.startswith("Excluded slow") for r in d.reasons)
    spec = DecisionSpec(metric="f1", max_p95_ms=2000, min_quality=0.6)
    _, d = run(scores, spec, {"slow": LOCAL, "fast": LOCAL}, slow={"ms": 5000.0})
    assert d.recommended is None and "No candidate meets the constraints" in d.headline
    spec = DecisionSpec(metric="f1", max_monthly_usd=50)  # one instance is $73 a month
    _, d = run(scores, spec, {"slow": LOCAL, "fast": API}, fast={"tokens": (10, 1)})
    assert d.recommended == "fast"  # 10 x $1 + 1 x $4 per 1M x 100k = $1.40


def test_failed_asks_count_against_a_candidate() -> None:
    scores = {"flaky": [0.9] * 20, "steady": [0.7] * 20}
    results = [row("flaky", i, 0.9, status="error" if i < 4 else "answered") for i in range(20)]
    results += [row("steady", i, 0.7) for i in range(20)]
    items = [f"q{i}" for i in range(20)]
    summary = summarize(results, list(scores), ["f1"], items, 1, n_boot=200)
    d = decide(summary, results, items, 1, DecisionSpec(metric="f1"), {"flaky": API, "steady": API})
    assert d.recommended == "steady" and "20% of asks failed" in d.figures("flaky").failures[0]


def test_pareto_frontier() -> None:
    pts = {
        "a": (0.9, 100.0, 3000.0),  # best quality
        "b": (0.5, 10.0, 1000.0),  # cheapest and fastest
        "c": (0.5, 20.0, 2000.0),  # dominated by b
        "d": (0.9, 100.0, 3000.0),  # equal to a: neither dominates
    }
    assert _pareto(pts) == {"a", "b", "d"}


# -- a real run ------------------------------------------------------------------------------

GOOD = "The Trailhawk 2 costs $2,899, shipping is $129 and the frame warranty is 7 years."
QUESTIONS = [
    ("How much does the Trailhawk 2 cost?", "$2,899"),
    ("What is the flat shipping fee for a bike?", "$129"),
    ("How many years does the frame warranty last?", "7 years"),
]


def project_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {
        "good": {"provider": "echo", "reply": GOOD, "price": {"input_per_1m": 3.0}},
        "bad": {"provider": "echo", "reply": "Bikes are fun."},
    }
    data["apps"]["assistant"]["model"] = "good"
    del data["apps"]["assistant"]["guardrail"]  # its grounding check would block these answers
    return data


@pytest.fixture
def rt(example_dir: Path, database: Database, runtime: Runtime) -> Iterator[Runtime]:
    with Runtime(parse_project(project_data()), example_dir, database=database) as r:
        yield r


def dataset(tmp_path: Path, copies: int) -> None:
    lines = [
        json.dumps({"id": f"{k}-{i}", "question": q, "reference": ref})
        for k in range(copies)
        for i, (q, ref) in enumerate(QUESTIONS)
    ]
    (tmp_path / "items.jsonl").write_text("\n".join(lines) + "\n", "utf-8")


def suite(copies: int, tmp_path: Path, **decision: Any) -> SuiteConfig:
    dataset(tmp_path, copies)
    return SuiteConfig.model_validate({
        "name": "decide", "dataset": "items.jsonl", "metrics": ["contains"],
        "matrix": {"models": ["good", "bad"], "strategies": ["none"]},
        "decision": {"requests_per_month": 50_000, **decision}, "concurrency": 2,
    })  # fmt: skip


@pytest.fixture
def decided(rt: Runtime, tmp_path: Path) -> Callable[..., dict[str, Any]]:
    def go(copies: int, **decision: Any) -> dict[str, Any]:
        outcome = EvalRunner(rt).start(suite(copies, tmp_path, **decision), tmp_path)
        summary: dict[str, Any] = outcome.summary
        return summary

    return go


def test_enough_questions_separate_the_good_model(decided: Callable[..., dict[str, Any]]) -> None:
    d = decided(4)["decision"]  # 12 items: every one a difference of 1
    assert d["recommended"] == "good/none/app" and d["metric"] == "contains"
    assert d["comparisons"][0]["verdict"] == "a" and d["ties"] == ["good/none/app"]
    assert "good without retrieval" in d["headline"]


def test_three_questions_cannot_and_the_free_model_is_chosen(
    decided: Callable[..., dict[str, Any]],
) -> None:
    d = decided(1)["decision"]  # 3 items: sign-flip p = 0.25, a tie
    assert d["recommended"] == "bad/none/app"
    assert set(d["ties"]) == {"good/none/app", "bad/none/app"}
    assert any("cannot be told apart" in r for r in d["reasons"])


def test_a_quality_floor_makes_the_decision(decided: Callable[..., dict[str, Any]]) -> None:
    d = decided(1, min_quality=0.5)["decision"]
    assert d["recommended"] == "good/none/app"
    bad = next(c for c in d["candidates"] if c["name"] == "bad/none/app")
    assert bad["failures"] == ["contains 0.00 below the minimum 0.5"]
