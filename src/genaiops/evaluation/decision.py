"""The decision: which candidate to serve, given the suite's constraints, and why.

Three axes decide: **quality** (the mean of one metric, with its bootstrap interval),
**latency** (p95 of a whole ask, guardrails and retrieval included) and **cost per
month** at the volume the suite projects. A month is priced from what was measured,
never guessed:

* tokens: the mean prompt and completion tokens per ask x the catalog's price per token
  x the volume;
* instance time (self-hosted models): the instances the volume needs, each serving
  ``concurrency`` asks at once and kept busy ``utilisation`` of the month, given the
  measured model time per ask; at least one instance runs all month (730 hours).

The rules, in order:

1. A candidate is *eligible* when it meets every constraint (minimum quality, maximum
   p95, maximum monthly cost, maximum share of failed asks).
2. The eligible candidate with the best quality is the reference. Every other eligible
   candidate is compared with it item by item (:func:`~genaiops.evaluation.stats.paired_test`);
   those the data cannot separate from it are *tied* with it.
3. Among the reference and its ties, the cheapest month wins; equal costs (within 1%)
   go to the lower p95, then to the higher mean.

So a cheaper model is recommended over a better-scoring one only when the data cannot
tell their quality apart, and the reasons say so. The Pareto frontier (no other
candidate is at least as good on all three axes and better on one) is reported for all
candidates, eligible or not.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from genaiops.evaluation.report import _item_means, score_matrix
from genaiops.evaluation.stats import paired_test
from genaiops.evaluation.store import ResultRow
from genaiops.evaluation.suite import DecisionSpec

if TYPE_CHECKING:
    from genaiops.config import Price

__all__ = ["CandidateFigures", "Decision", "decide", "monthly_cost", "quality_metric"]

HOURS_PER_MONTH = 730.0
SAME_COST = 0.01  # relative difference under which two monthly costs count as equal


@dataclass(frozen=True)
class CandidateFigures:
    name: str
    quality: float | None
    quality_low: float | None
    quality_high: float | None
    p95_ms: float | None
    monthly_usd: float | None
    cost_basis: str
    error_rate: float
    eligible: bool
    failures: tuple[str, ...] = ()
    pareto: bool = False
    tied_with_best: bool = False


@dataclass(frozen=True)
class Decision:
    metric: str
    recommended: str | None
    headline: str
    reasons: tuple[str, ...]
    candidates: tuple[CandidateFigures, ...]
    constraints: dict[str, Any]
    comparisons: tuple[dict[str, Any], ...] = ()  # the reference vs each eligible candidate
    ties: tuple[str, ...] = ()  # candidates tied with the reference (itself first)
    notes: tuple[str, ...] = field(default=())

    def figures(self, name: str) -> CandidateFigures:
        return next(c for c in self.candidates if c.name == name)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for c in d["candidates"]:
            c["failures"] = list(c["failures"])
        return d


def quality_metric(spec: DecisionSpec, metrics: Sequence[str], summary: Mapping[str, Any]) -> str:
    """The metric quality is ranked on: the suite's choice, else ``judge``, else the first
    metric that scored anything."""
    if spec.metric:
        return spec.metric
    if "judge" in metrics:
        return "judge"
    for m in metrics:
        if any(c["metrics"][m]["mean"] is not None for c in summary["candidates"].values()):
            return m
    return metrics[0] if metrics else ""


def monthly_cost(
    price: Price | None, ops: Mapping[str, Any], volume: int, utilisation: float
) -> tuple[float | None, str]:
    """The cost of ``volume`` asks a month at the measured usage, and how it was priced."""
    if price is None:
        return None, "no price in the catalog"
    prompt, completion = ops.get("prompt_tokens_mean"), ops.get("completion_tokens_mean")
    if prompt is None or completion is None:
        return None, "no successful ask to measure"
    parts: list[str] = []
    tokens_usd = (prompt * price.input_per_1m + completion * price.output_per_1m) / 1e6 * volume
    if price.input_per_1m or price.output_per_1m:
        parts.append(
            f"{prompt:,.0f} + {completion:,.0f} tokens per ask at ${price.input_per_1m:g} / "
            f"${price.output_per_1m:g} per 1M"
        )
    instance_usd = 0.0
    if price.instance_per_hour:
        busy_s = (ops.get("model_ms_mean") or ops.get("latency_mean_ms") or 0.0) / 1e3
        capacity_s = HOURS_PER_MONTH * 3600 * price.concurrency * utilisation
        instances = max(1, math.ceil(busy_s * volume / capacity_s))
        instance_usd = instances * price.instance_per_hour * HOURS_PER_MONTH
        parts.append(
            f"{instances} instance{'s' if instances > 1 else ''} x ${price.instance_per_hour:g}/h "
            f"x {HOURS_PER_MONTH:.0f} h ({busy_s:.2f} s of model time per ask, "
            f"{price.concurrency} at once, {utilisation:.0%} busy)"
        )
    return tokens_usd + instance_usd, "; ".join(parts) or "free"


def _pareto(points: Mapping[str, tuple[float, float, float]]) -> set[str]:
    """Names no other point dominates: (quality up, cost down, p95 down)."""
    front = set()
    for a, (qa, ca, la) in points.items():
        dominated = any(
            qb >= qa and cb <= ca and lb <= la and (qb > qa or cb < ca or lb < la)
            for b, (qb, cb, lb) in points.items()
            if b != a
        )
        if not dominated:
            front.add(a)
    return front


def _usd(x: float | None) -> str:
    if x is None:
        return "unknown"
    return "$0" if x == 0 else f"${x:,.0f}" if x >= 100 else f"${x:,.2f}"


def _s(ms: float | None) -> str:
    if ms is None:
        return "unknown"
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


def decide(
    summary: Mapping[str, Any],
    results: Sequence[ResultRow],
    items: Sequence[str],
    repeats: int,
    spec: DecisionSpec,
    prices: Mapping[str, Price | None],
    *,
    n_boot: int = 2000,
    seed: int = 0,
) -> Decision:
    """The recommendation for a run's ``summary`` (:func:`~genaiops.evaluation.report.summarize`);
    ``prices`` maps each candidate to its model's price."""
    cands: Mapping[str, Any] = summary.get("candidates", {})
    metrics = list(next(iter(cands.values()))["metrics"]) if cands else []
    metric = quality_metric(spec, metrics, summary) if cands else (spec.metric or "")
    volume = spec.requests_per_month
    constraints = {
        "metric": metric,
        "min_quality": spec.min_quality,
        "max_p95_ms": spec.max_p95_ms,
        "max_monthly_usd": spec.max_monthly_usd,
        "max_error_rate": spec.max_error_rate,
        "requests_per_month": volume,
        "utilisation": spec.utilisation,
    }
    rows: dict[str, CandidateFigures] = {}
    for name, c in cands.items():
        q = c["metrics"].get(metric, {})
        ops = c["ops"]
        monthly, basis = monthly_cost(prices.get(name), ops, volume, spec.utilisation)
        error_rate = ops["errors"] / ops["requests"] if ops["requests"] else 1.0
        failures = []
        mean, p95 = q.get("mean"), ops.get("latency_p95_ms")
        if mean is None:
            failures.append(f"no {metric} score")
        elif spec.min_quality is not None and mean < spec.min_quality:
            failures.append(f"{metric} {mean:.2f} below the minimum {spec.min_quality:g}")
        if spec.max_p95_ms is not None and (p95 is None or p95 > spec.max_p95_ms):
            failures.append(f"p95 {_s(p95)} above the limit of {_s(spec.max_p95_ms)}")
        if spec.max_monthly_usd is not None and (monthly is None or monthly > spec.max_monthly_usd):
            failures.append(
                f"{_usd(monthly)} a month above the budget of {_usd(spec.max_monthly_usd)}"
            )
        if error_rate > spec.max_error_rate:
            failures.append(f"{error_rate:.0%} of asks failed (limit {spec.max_error_rate:.0%})")
        rows[name] = CandidateFigures(
            name, mean, q.get("low"), q.get("high"), p95, monthly, basis, error_rate,
            not failures, tuple(failures),
        )  # fmt: skip
    points = {
        n: (r.quality, r.monthly_usd, r.p95_ms)
        for n, r in rows.items()
        if r.quality is not None and r.monthly_usd is not None and r.p95_ms is not None
    }
    front = _pareto(points)
    rows = {n: replace(r, pareto=n in front) for n, r in rows.items()}
    eligible = [r for r in rows.values() if r.eligible]
    if not cands:
        return Decision(metric, None, "No results to decide on.", (), (), constraints)
    if not eligible:
        return _no_winner(metric, rows, constraints)

    vectors = {
        r.name: _item_means(score_matrix(results, r.name, metric, items, repeats)) for r in eligible
    }
    best = max(eligible, key=lambda r: r.quality or -math.inf)
    comparisons: list[dict[str, Any]] = []
    ties = [best.name]
    for r in eligible:
        if r.name == best.name:
            continue
        t = paired_test(vectors[best.name], vectors[r.name], n_boot=n_boot, seed=seed)
        comparisons.append({"reference": best.name, "candidate": r.name, **t.to_dict()})
        if t.verdict == "tie" or t.n == 0:
            ties.append(r.name)
    rows = {n: replace(r, tied_with_best=n in ties) for n, r in rows.items()}
    contenders = [rows[n] for n in ties]

    def key(r: CandidateFigures) -> tuple[float, float, float]:
        return (r.monthly_usd or 0.0, r.p95_ms or math.inf, -(r.quality or 0.0))

    cheapest = min(contenders, key=key)
    same = [r for r in contenders if _same_cost(r.monthly_usd or 0.0, cheapest.monthly_usd or 0.0)]
    chosen = min(same, key=lambda r: (r.p95_ms or math.inf, -(r.quality or 0.0)))
    reasons = _reasons(chosen, best, contenders, comparisons, rows, metric, volume, spec)
    spec_of = summary.get("candidates_spec", {}).get(chosen.name, {})
    what = _describe(chosen.name, spec_of)
    headline = (
        f"Serve {what}. It scores {chosen.quality:.2f} on {metric} "
        f"(95% interval {chosen.quality_low:.2f} to {chosen.quality_high:.2f}), answers within "
        f"{_s(chosen.p95_ms)} for 95% of asks, and costs about {_usd(chosen.monthly_usd)} a "
        f"month at {volume:,} asks."
    )
    return Decision(
        metric, chosen.name, headline, tuple(reasons), tuple(rows.values()), constraints,
        tuple(comparisons), tuple(ties),
    )  # fmt: skip


def _same_cost(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_COST * max(abs(a), abs(b)) or abs(a - b) < 0.005


def _describe(name: str, spec: Mapping[str, Any]) -> str:
    """In words: ``qwen2.5-coder-0.5b with retrieval (rag@3)``."""
    model, strategy, prompt = spec.get("model"), spec.get("strategy"), spec.get("prompt")
    if not model:
        return name
    how = {"none": "without retrieval", "app": "as its app is configured"}.get(
        str(strategy), f"with retrieval ({strategy})"
    )
    words = f"{model} {how}" + (f", prompt {prompt}" if prompt not in (None, "app") else "")
    return words if name == f"{model}/{strategy}/{prompt}" else f"{name}: {words}"


def _reasons(
    chosen: CandidateFigures,
    best: CandidateFigures,
    contenders: Sequence[CandidateFigures],
    comparisons: Sequence[Mapping[str, Any]],
    rows: Mapping[str, CandidateFigures],
    metric: str,
    volume: int,
    spec: DecisionSpec,
) -> list[str]:
    n_eligible = sum(r.eligible for r in rows.values())
    out: list[str] = []
    if chosen.name == best.name:
        out.append(
            f"Highest {metric} of the {n_eligible} candidate{'s' if n_eligible > 1 else ''} "
            f"that meet the constraints: {chosen.quality:.2f}."
        )
    else:
        cmp = next(c for c in comparisons if c["candidate"] == chosen.name)
        out.append(
            f"Its {metric}, {chosen.quality:.2f}, cannot be told apart from the highest, "
            f"{best.name}'s {best.quality:.2f}: paired difference {cmp['mean_diff']:+.2f} "
            f"(95% interval {cmp['low']:+.2f} to {cmp['high']:+.2f}, p = {cmp['p_value']:.2f} "
            f"over {cmp['n']} items), a tie."
        )
    others = [r for r in contenders if r.name != chosen.name]
    if others:
        listed = ", ".join(f"{r.name} ({_usd(r.monthly_usd)}, p95 {_s(r.p95_ms)})" for r in others)
        same = all(_same_cost(r.monthly_usd or 0.0, chosen.monthly_usd or 0.0) for r in others)
        why = (
            f"they cost the same ({_usd(chosen.monthly_usd)} a month) and it is the fastest"
            if same
            else f"it is the cheapest of these ({_usd(chosen.monthly_usd)} a month)"
        )
        out.append(f"Tied on quality with {listed}; {why}.")
    month = _usd(chosen.monthly_usd)
    out.append(f"Cost: {month} a month at {volume:,} asks ({chosen.cost_basis}).")
    limit = f" (limit {_s(spec.max_p95_ms)})" if spec.max_p95_ms else ""
    out.append(f"Latency: p95 {_s(chosen.p95_ms)}{limit}.")
    if chosen.pareto:
        out.append("On the Pareto frontier: no candidate is better on quality, cost and latency.")
    beaten = [c for c in comparisons if c["verdict"] == "a" and c["reference"] == best.name]
    if beaten:
        out.append(
            "Scored lower with statistical support (paired test): "
            + ", ".join(f"{c['candidate']} ({c['mean_diff']:+.2f})" for c in beaten)
            + "."
        )
    excluded = [r for r in rows.values() if not r.eligible]
    for r in excluded:
        out.append(f"Excluded {r.name}: {'; '.join(r.failures)}.")
    return out


def _no_winner(
    metric: str, rows: Mapping[str, CandidateFigures], constraints: dict[str, Any]
) -> Decision:
    def key(r: CandidateFigures) -> tuple[int, float]:
        return len(r.failures), -(r.quality if r.quality is not None else -1.0)

    ranked = sorted(rows.values(), key=key)
    closest = ranked[0]
    reasons = [f"{r.name}: {'; '.join(r.failures)}." for r in ranked]
    headline = (
        f"No candidate meets the constraints. The closest is {closest.name} "
        f"({'; '.join(closest.failures)}): relax that constraint, or add a candidate."
    )
    return Decision(metric, None, headline, tuple(reasons), tuple(rows.values()), constraints)
