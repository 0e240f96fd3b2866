"""Evaluation statistics on synthetic data with known answers: a clear difference is
significant, identical candidates tie, too few items cannot be significant."""

from __future__ import annotations

import math

import numpy as np
import pytest

from genaiops.evaluation.report import summarize
from genaiops.evaluation.stats import bootstrap_ci, paired_test, repeat_stats
from genaiops.evaluation.store import ResultRow, ScoreRow


def test_bootstrap_interval_is_seeded_and_covers_the_mean() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(0.6, 0.1, 200)
    ci = bootstrap_ci(x, seed=3)
    assert ci.low < 0.6 < ci.high and ci.n == 200
    assert ci.mean == pytest.approx(float(x.mean()))
    # the interval's width is close to 2 x 1.96 x standard error
    se = x.std(ddof=1) / math.sqrt(len(x))
    assert ci.high - ci.low == pytest.approx(2 * 1.96 * se, rel=0.15)
    assert bootstrap_ci(x, seed=3) == ci  # reproducible
    constant = bootstrap_ci([1.0, 1.0, 1.0])
    assert (constant.mean, constant.low, constant.high) == (1.0, 1.0, 1.0)
    assert bootstrap_ci([0.0, float("nan"), 1.0]).n == 2  # not applicable: dropped
    assert math.isnan(bootstrap_ci([]).mean)


def test_a_clear_difference_is_significant_and_its_sign_is_right() -> None:
    rng = np.random.default_rng(7)
    base = rng.uniform(0, 1, 60)  # item difficulty, shared by both candidates
    a = np.clip(base + 0.15 + rng.normal(0, 0.05, 60), 0, 1)
    b = base
    t = paired_test(a, b, seed=1)
    assert t.verdict == "a" and t.p_value < 0.001 and t.low > 0
    assert paired_test(b, a, seed=1).verdict == "b"
    # the same means compared unpaired would be lost in the items' spread
    assert bootstrap_ci(a).low < bootstrap_ci(b).high


def test_identical_candidates_tie() -> None:
    x = np.random.default_rng(2).uniform(0, 1, 40)
    t = paired_test(x, x.copy())
    assert t.verdict == "tie" and t.p_value == 1.0 and t.mean_diff == 0.0


def test_a_small_noisy_difference_is_a_tie() -> None:
    rng = np.random.default_rng(5)
    a = rng.integers(0, 2, 30).astype(float)
    b = a.copy()
    b[:2] = 1 - b[:2]  # two items flipped: nothing the data can support
    assert paired_test(a, b).verdict == "tie"


def test_five_items_can_never_be_significant() -> None:
    # exact sign-flip test: all 5 differences positive gives p = 2 / 2**5 = 0.0625
    t = paired_test([1, 1, 1, 1, 1], [0, 0, 0, 0, 0])
    assert t.p_value == pytest.approx(2 / 32) and t.verdict == "tie"
    assert paired_test([1] * 6, [0] * 6).verdict == "a"  # p = 2 / 64


def test_paired_items_with_a_missing_score_are_dropped() -> None:
    t = paired_test([1.0, float("nan"), 0.5], [0.5, 0.2, float("nan")])
    assert t.n == 1
    with pytest.raises(ArithmeticError):
        paired_test([1.0], [1.0, 2.0])


def test_repeat_variation() -> None:
    m = [[1.0, 0.0, 1.0], [1.0, 1.0, 1.0], [0.0, 0.0, float("nan")]]
    rs = repeat_stats(m)
    assert rs.repeats == 3
    assert rs.run_means == pytest.approx((2 / 3, 1 / 3, 1.0))
    assert rs.sd_between_runs == pytest.approx(float(np.std([2 / 3, 1 / 3, 1.0], ddof=1)))
    assert rs.mean_item_sd == pytest.approx(float(np.mean([np.std([1, 0, 1], ddof=1), 0.0, 0.0])))


def _row(candidate: str, item: str, repeat: int, value: float | None, **kw: float) -> ResultRow:
    fields = {"total_ms": 100.0, "model_ms": 80.0, "ttft_ms": 20.0, "cost_usd": 0.001} | kw
    return ResultRow(
        candidate, item, repeat, "t", "answered", "a", None, False, [], [], 10, 6,
        fields["total_ms"], fields["model_ms"], fields["ttft_ms"], fields["cost_usd"], 0.0,
        (ScoreRow("m", value),),
    )  # fmt: skip


def test_summary_averages_repeats_per_item_and_ties_indistinguishable_candidates() -> None:
    items = [f"i{k}" for k in range(40)]
    rows = []
    for k, item in enumerate(items):
        good = 1.0 if k % 10 else 0.0  # 0.9
        for r in range(2):
            rows.append(_row("strong", item, r, good))
            rows.append(_row("twin", item, r, good))
            rows.append(_row("weak", item, r, 1.0 if k % 2 else 0.0))  # 0.5
    s = summarize(rows, ["strong", "twin", "weak"], ["m"], items, 2, n_boot=500)
    assert s["candidates"]["strong"]["metrics"]["m"]["mean"] == pytest.approx(0.9)
    comp = s["comparisons"]["m"]
    assert comp["best"] == "strong" and comp["tied_with_best"] == ["strong", "twin"]
    ops = s["candidates"]["weak"]["ops"]
    assert ops["latency_p50_ms"] == 100.0 and ops["ttft_p95_ms"] == 20.0
    assert ops["tokens_per_s"] == pytest.approx(6 / 0.060)
    assert ops["cost_per_1k_usd"] == pytest.approx(1.0)
    assert s["candidates"]["weak"]["repeats"]["m"]["sd_between_runs"] == 0.0
