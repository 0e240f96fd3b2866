"""The decision report: a page a business leader can read, from a stored evaluation run.

Recommendation first, in words; then the trade-off (Pareto) charts, quality with
intervals and which differences are real, latency, cost at the projected volume,
answers side by side where the candidates differ most, guardrail findings, the metrics'
agreement with human labels, and how the run was made. Other rooms add their sections
(:mod:`genaiops.reports.sections`, report kind ``"decision"``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from genaiops.evaluation.store import ResultRow
from genaiops.reports.page import (
    BLUE,
    GREEN,
    GREY,
    PALETTE,
    RED,
    Bullets,
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    Tiles,
)

if TYPE_CHECKING:
    from genaiops.runtime import Runtime

__all__ = ["build_decision_report"]

EXAMPLES = 8  # items shown side by side
ANSWER_CHARS = 320


def _num(x: Any, fmt: str = ".2f") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return format(x, fmt)


def _usd(x: Any) -> str:
    if x is None:
        return "-"
    if x == 0:
        return "$0"
    return f"${x:,.0f}" if x >= 100 else f"${x:,.2f}" if x >= 0.01 else f"${x:.4f}"


def _sec(ms: Any) -> str:
    if ms is None:
        return "-"
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def _short(text: str, n: int = ANSWER_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _ci(m: Mapping[str, Any]) -> str:
    if m.get("mean") is None:
        return "-"
    return f"{m['mean']:.2f} [{_num(m.get('low'))}–{_num(m.get('high'))}]"


def build_decision_report(
    run: Mapping[str, Any],
    summary: Mapping[str, Any],
    results: Sequence[ResultRow],
    items: Sequence[Mapping[str, Any]],
    *,
    runtime: Runtime | None = None,
) -> Report:
    """The report of one run. ``run``: ``id``, ``suite``, ``dataset``, ``created_at``;
    ``summary``: the stored summary with its ``decision``; ``items``: the run's items."""
    from genaiops.reports.sections import ReportContext, add_contributed

    decision: Mapping[str, Any] = summary.get("decision") or {}
    cands: Mapping[str, Any] = summary.get("candidates", {})
    report = Report(
        title=f"Which model to serve: {run.get('suite', '')}",
        subtitle=f"evaluation run {run.get('id', '')} · {summary.get('items', 0)} questions × "
        f"{len(cands)} candidates",
        meta={"run": run.get("id"), "kind": "decision"},
    )
    report.add(_recommendation(decision, summary))
    if cands:
        report.add(
            _tradeoffs(decision, summary),
            _quality(decision, summary),
            _latency(summary),
            _cost(decision, summary),
            _examples(decision, summary, results, items),
            _guardrails(summary, results),
        )
        if summary.get("agreement"):
            report.add(_agreement(summary))
    report.add(_method(run, summary, decision))
    ctx = ReportContext(
        "decision",
        {"run": dict(run), "summary": summary, "decision": decision},
        project=runtime.config if runtime is not None else None,
        runtime=runtime,
    )
    add_contributed(report, ctx)
    return report


# -- sections ---------------------------------------------------------------------------------


def _recommendation(decision: Mapping[str, Any], summary: Mapping[str, Any]) -> Section:
    if not decision:
        blocks: tuple[Any, ...] = (
            Paragraph("This run has no decision yet (it is unfinished, or was stored by an "
                      "older version): run `genaiops eval report RUN` again when it is done.",
                      "warn"),
        )  # fmt: skip
        return Section("recommendation", "Recommendation", blocks, order=10)
    chosen = decision.get("recommended")
    rows = {c["name"]: c for c in decision.get("candidates", [])}
    lead = Paragraph(decision["headline"], "lead" if chosen else "bad")
    blocks = (lead,)
    if chosen:
        c = rows[chosen]
        volume = decision["constraints"]["requests_per_month"]
        eligible = sum(r["eligible"] for r in rows.values())
        blocks += (
            Tiles((
                (chosen, "recommended"),
                (_num(c["quality"]), f"{decision['metric']} (mean)"),
                (_sec(c["p95_ms"]), "latency p95"),
                (_usd(c["monthly_usd"]), f"a month at {volume:,} asks"),
                (f"{eligible} of {len(rows)}", "candidates meet the constraints"),
            )),
        )  # fmt: skip
    blocks += (Bullets(tuple(decision.get("reasons", ())), "ok" if chosen else "bad"),)
    if len(decision.get("ties", ())) > 1:
        blocks += (
            Paragraph(
                "Tied: " + ", ".join(decision["ties"]) + ". The questions asked cannot separate "
                "their quality (paired test, 95%); more questions, or repeats, would.",
                "warn",
            ),
        )
    return Section("recommendation", "Recommendation", blocks, order=10, data=dict(decision))


def _names(summary: Mapping[str, Any]) -> list[str]:
    return list(summary.get("candidates", {}))


def _tradeoffs(decision: Mapping[str, Any], summary: Mapping[str, Any]) -> Section:
    rows = [c for c in decision.get("candidates", []) if c["quality"] is not None]
    chosen = decision.get("recommended")
    metric = decision.get("metric", "")

    def trace(x_key: str, x_scale: float) -> list[dict[str, Any]]:
        out = []
        groups = (
            ("recommended", [r for r in rows if r["name"] == chosen], GREEN, "star", 18),
            ("Pareto frontier", [r for r in rows if r["pareto"] and r["name"] != chosen], BLUE,
             "circle", 12),
            ("dominated", [r for r in rows if not r["pareto"] and r["name"] != chosen and
                           r["eligible"]], GREY, "circle", 10),
            ("excluded by a constraint", [r for r in rows if not r["eligible"] and
                                          r["name"] != chosen], RED, "x", 10),
        )  # fmt: skip
        for label, group, color, symbol, size in groups:
            if not group:
                continue
            out.append({
                "type": "scatter", "mode": "markers+text", "name": label,
                "x": [(r[x_key] or 0) * x_scale for r in group], "y": [r["quality"] for r in group],
                "text": [r["name"] for r in group], "textposition": "top center",
                "cliponaxis": False,
                "marker": {"color": color, "symbol": symbol, "size": size},
                "error_y": {
                    "type": "data", "symmetric": False,
                    "array": [_gap(r["quality_high"], r["quality"]) for r in group],
                    "arrayminus": [_gap(r["quality"], r["quality_low"]) for r in group],
                    "color": color, "thickness": 1,
                },
            })  # fmt: skip
        return out

    costs = [r["monthly_usd"] for r in rows if r["monthly_usd"]]
    log_x = bool(costs) and min(costs) > 0 and max(costs) / min(costs) > 20
    layout = {"yaxis": {"title": {"text": f"{metric} (mean, 95% interval)"}},
              "legend": {"orientation": "h", "y": -0.25}, "height": 380}  # fmt: skip
    volume = decision.get("constraints", {}).get("requests_per_month", 0)
    figs = (
        Figure(
            "pareto-cost", "Quality and cost",
            f"Each candidate's quality against its cost for a month of {volume:,} asks. Up and "
            "left is better. Blue: no other candidate is at least as good on quality, cost and "
            "latency together (the Pareto frontier).",
            trace("monthly_usd", 1.0),
            layout | {"xaxis": {"title": {"text": "USD per month"},
                                "type": "log" if log_x else "linear"}},
        ),
        Figure(
            "pareto-latency", "Quality and latency",
            "Each candidate's quality against its latency p95 (a whole ask: guardrails, "
            "retrieval and the model). Up and left is better.",
            trace("p95_ms", 1e-3),
            layout | {"xaxis": {"title": {"text": "latency p95 (s)"}}},
        ),
    )  # fmt: skip
    text = Paragraph(
        "The frontier: "
        + (", ".join(r["name"] for r in rows if r["pareto"]) or "none")
        + ". A candidate off it is beaten on every axis by one on it."
    )
    return Section("tradeoffs", "Trade-offs", (text, *figs), order=20)


def _quality(decision: Mapping[str, Any], summary: Mapping[str, Any]) -> Section:
    cands: Mapping[str, Any] = summary["candidates"]
    names = _names(summary)
    metrics = list(next(iter(cands.values()))["metrics"])
    comparisons: Mapping[str, Any] = summary.get("comparisons", {})
    chosen = decision.get("recommended")
    metric = decision.get("metric") or (metrics[0] if metrics else "")
    rows = []
    for name in names:
        cells = [name]
        for m in metrics:
            best = name in comparisons.get(m, {}).get("tied_with_best", [])
            cell = _ci(cands[name]["metrics"][m])
            cells.append(f"{cell} ▲" if best and len(names) > 1 and cell != "-" else cell)
        rows.append(tuple(cells))
    table = Table(
        ("candidate", *metrics), tuple(rows),
        caption="Mean [95% bootstrap interval] per metric. ▲: the best, or tied with it "
        "(the paired test cannot separate them).",
        numeric=(False, *([True] * len(metrics))),
        strong=frozenset(i for i, n in enumerate(names) if n == chosen), id="metrics",
    )  # fmt: skip
    q = [cands[n]["metrics"].get(metric, {}) for n in names]
    bars = Figure(
        "quality", f"Quality: {metric}",
        "Mean with its 95% bootstrap interval (resampling the questions).",
        [{
            "type": "bar", "x": names, "y": [m.get("mean") for m in q],
            "marker": {"color": [GREEN if n == chosen else BLUE for n in names]},
            "error_y": {
                "type": "data", "symmetric": False,
                "array": [_gap(m.get("high"), m.get("mean")) for m in q],
                "arrayminus": [_gap(m.get("mean"), m.get("low")) for m in q],
            },
        }],
        {"yaxis": {"title": {"text": metric}}},
    )  # fmt: skip
    blocks: list[Any] = [table, bars]
    cmp_rows = []
    for c in decision.get("comparisons", []):
        verdict = {"a": f"{c['reference']} better", "b": f"{c['candidate']} better",
                   "tie": "tie: cannot tell"}[c["verdict"]]  # fmt: skip
        cmp_rows.append((
            c["candidate"], f"{c['mean_diff']:+.3f}", f"{c['low']:+.3f} to {c['high']:+.3f}",
            "< 0.001" if c["p_value"] < 0.001 else f"{c['p_value']:.3f}", str(c["n"]), verdict,
        ))  # fmt: skip
    if cmp_rows:
        ref = decision["comparisons"][0]["reference"]
        blocks.append(
            Table(
                ("candidate", f"{ref} minus it", "95% interval", "p", "items", "verdict"),
                tuple(cmp_rows),
                caption=f"Paired comparisons on {metric} against the best eligible candidate, "
                f"{ref}: a difference counts only when its interval excludes 0 and p < 0.05.",
                numeric=(False, True, True, True, True, False), id="comparisons",
            )
        )  # fmt: skip
    variation = [(n, cands[n].get("repeats", {}).get(metric)) for n in names]
    if any(v for _, v in variation):
        blocks.append(
            Table(
                ("candidate", "mean of each repeat", "sd between runs", "mean sd per question"),
                tuple(
                    (n, ", ".join(_num(x) for x in v["run_means"]), _num(v["sd_between_runs"],
                     ".3f"), _num(v["mean_item_sd"], ".3f"))
                    for n, v in variation if v
                ),
                caption=f"Run-to-run variation of {metric} over the repeats.",
                numeric=(False, False, True, True),
            )
        )  # fmt: skip
    return Section("quality", "Quality", tuple(blocks), order=30)


def _gap(a: Any, b: Any) -> float:
    return 0.0 if a is None or b is None else max(0.0, float(a) - float(b))


def _latency(summary: Mapping[str, Any]) -> Section:
    cands: Mapping[str, Any] = summary["candidates"]
    names = _names(summary)
    series = (("TTFT p50", "ttft_p50_ms"), ("latency p50", "latency_p50_ms"),
              ("latency p95", "latency_p95_ms"))  # fmt: skip
    chart = Figure(
        "latency", "Latency per ask",
        "Time to the first token and to the whole answer (guardrails and retrieval included).",
        [
            {"type": "bar", "name": label, "x": names, "marker": {"color": PALETTE[i]},
             "y": [None if cands[n]["ops"][key] is None else cands[n]["ops"][key] / 1e3
                   for n in names]}
            for i, (label, key) in enumerate(series)
        ],
        {"barmode": "group", "yaxis": {"title": {"text": "seconds"}},
         "legend": {"orientation": "h", "y": -0.2}},
    )  # fmt: skip
    table = Table(
        ("candidate", "TTFT p50", "p50", "p95", "tokens/s", "tokens in", "tokens out", "asks",
         "failed", "cached"),
        tuple(
            (n, _sec(o["ttft_p50_ms"]), _sec(o["latency_p50_ms"]), _sec(o["latency_p95_ms"]),
             _num(o["tokens_per_s"], ".1f"), _num(o["prompt_tokens_mean"], ".0f"),
             _num(o["completion_tokens_mean"], ".0f"), str(o["requests"]), str(o["errors"]),
             str(o["cached"]))
            for n in names for o in [cands[n]["ops"]]
        ),
        caption="Measured during the run (a cached answer carries its first call's timings).",
        numeric=(False, *([True] * 9)), id="operations",
    )  # fmt: skip
    return Section("latency", "Latency and throughput", (chart, table), order=40)


def _cost(decision: Mapping[str, Any], summary: Mapping[str, Any]) -> Section:
    rows = decision.get("candidates", [])
    cands: Mapping[str, Any] = summary["candidates"]
    volume = decision.get("constraints", {}).get("requests_per_month", 0)
    limit = decision.get("constraints", {}).get("max_monthly_usd")
    chart = Figure(
        "cost", f"Cost of a month at {volume:,} asks",
        "From the measured tokens and model time per ask and the catalog's prices"
        + (f"; dashed: the budget, {_usd(limit)}" if limit is not None else "") + ".",
        [{"type": "bar", "x": [r["name"] for r in rows], "y": [r["monthly_usd"] for r in rows],
          "marker": {"color": [GREEN if r["name"] == decision.get("recommended") else BLUE
                               for r in rows]}}],
        {"yaxis": {"title": {"text": "USD per month"}},
         "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": limit, "y1": limit,
                     "line": {"dash": "dash", "color": RED}}] if limit is not None else []},
    )  # fmt: skip
    table = Table(
        ("candidate", "per 1,000 asks (run)", "a month", "how it is priced"),
        tuple(
            (r["name"], _usd(cands[r["name"]]["ops"]["cost_per_1k_usd"]), _usd(r["monthly_usd"]),
             r["cost_basis"])
            for r in rows
        ),
        caption="Per 1,000 asks: as metered during the run (instance time at the run's "
        "concurrency). A month: sized for the projected volume.",
        numeric=(False, True, True, False), id="costs",
    )  # fmt: skip
    return Section("cost", "Cost", (chart, table), order=50)


def _examples(
    decision: Mapping[str, Any],
    summary: Mapping[str, Any],
    results: Sequence[ResultRow],
    items: Sequence[Mapping[str, Any]],
) -> Section:
    metric = decision.get("metric") or ""
    names = _names(summary)[:6]
    by: dict[tuple[str, str], ResultRow] = {}
    for r in results:
        if r.repeat == 0:
            by[(r.item_id, r.candidate)] = r

    def score(r: ResultRow | None) -> float | None:
        if r is None:
            return None
        return next((s.value for s in r.scores if s.metric == metric), None)

    ranked = []
    chosen = decision.get("recommended")
    for item in items:
        iid = str(item["id"])
        vals = [score(by.get((iid, n))) for n in names]
        known = [v for v in vals if v is not None]
        if not known:
            continue
        spread = max(known) - min(known)
        mine = score(by.get((iid, chosen))) if chosen else None
        worst_for_chosen = 1.0 - mine if mine is not None else 0.0
        ranked.append((spread + 0.5 * worst_for_chosen, iid, item))
    ranked.sort(key=lambda t: -t[0])
    rows = []
    for _, iid, item in ranked[:EXAMPLES]:
        cells = [_short(str(item.get("question", "")), 200),
                 _short(" | ".join(item.get("reference") or []) or "-", 160)]  # fmt: skip
        for n in names:
            got = by.get((iid, n))
            if got is None:
                cells.append("-")
                continue
            r = got
            text = r.answer if r.status != "error" else f"(failed: {r.error})"
            if r.status == "blocked":
                text = f"(blocked) {text}"
            cells.append(f"[{_num(score(r))}] {_short(text)}")
        rows.append(tuple(cells))
    if not rows:
        return Section("examples", "Answers side by side",
                       (Paragraph(f"No answer was scored on {metric}."),), order=60)  # fmt: skip
    table = Table(
        ("question", "reference", *names), tuple(rows),
        caption=f"The questions where the candidates' {metric} differs most (and where the "
        "recommended one did worst); [score] before each answer.",
        id="examples",
    )  # fmt: skip
    return Section("examples", "Answers side by side", (table,), order=60)


def _guardrails(summary: Mapping[str, Any], results: Sequence[ResultRow]) -> Section:
    names = _names(summary)
    counts: dict[str, Counter[str]] = {n: Counter() for n in names}
    blocked: Counter[str] = Counter()
    for r in results:
        if r.candidate not in counts:
            continue
        blocked[r.candidate] += r.status == "blocked"
        for f in r.findings:
            counts[r.candidate][f"{f.get('type', '?')} {str(f.get('action', '')).lower()}"] += 1
    kinds = sorted({k for c in counts.values() for k in c})
    if not kinds and not any(blocked.values()):
        return Section("guardrails", "Guardrail findings",
                       (Paragraph("No guardrail finding on any answer of this run.", "ok"),),
                       order=70)  # fmt: skip
    table = Table(
        ("candidate", "asks blocked", *kinds),
        tuple((n, str(blocked[n]), *(str(counts[n][k]) for k in kinds)) for n in names),
        caption="Findings of the guardrails on the questions, retrieved passages and answers "
        "(by check and action), over all repeats.",
        numeric=(False, *([True] * (len(kinds) + 1))), id="guardrails",
    )  # fmt: skip
    return Section("guardrails", "Guardrail findings", (table,), order=70)


def _agreement(summary: Mapping[str, Any]) -> Section:
    rows = [
        (
            m,
            _num(a.get("auc")),
            str(a.get("scored", "-")),
            _num(a.get("accuracy")),
            _num(a.get("threshold")),
        )
        for m, a in summary["agreement"].items()
    ]
    table = Table(
        ("metric", "AUC", "labelled answers scored", "accuracy", "at threshold"), tuple(rows),
        caption="How well each automatic metric agrees with the dataset's human labels "
        "(in-sample: the threshold is chosen on the same answers).",
        numeric=(False, True, True, True, True),
    )  # fmt: skip
    return Section("agreement", "Agreement with human labels", (table,), order=80)


def _constraints(c: Mapping[str, Any]) -> str:
    parts = []
    if c.get("min_quality") is not None:
        parts.append(f"{c.get('metric')} at least {c['min_quality']:g}")
    if c.get("max_p95_ms") is not None:
        parts.append(f"latency p95 at most {_sec(c['max_p95_ms'])}")
    if c.get("max_monthly_usd") is not None:
        parts.append(f"at most {_usd(c['max_monthly_usd'])} a month")
    if c.get("max_error_rate") is not None:
        parts.append(f"at most {c['max_error_rate']:.0%} of asks failed")
    volume, busy = c.get("requests_per_month"), c.get("utilisation")
    if volume:
        parts.append(f"priced at {volume:,} asks a month, instances {busy:.0%} busy")
    return "; ".join(parts) or "none"


def _method(
    run: Mapping[str, Any], summary: Mapping[str, Any], decision: Mapping[str, Any]
) -> Section:
    c = decision.get("constraints", {})
    boot = summary.get("bootstrap", {})
    facts = [
        f"Run {run.get('id', '')} of suite {run.get('suite', '')}, dataset {run.get('dataset', '')}"
        f" ({summary.get('items', 0)} questions, {summary.get('repeats', 1)} repeat(s)).",
        f"Quality is ranked on {decision.get('metric', '-')}; intervals are percentile bootstrap "
        f"({boot.get('resamples', '-')} resamples, seed {boot.get('seed', '-')}) over questions.",
        "Differences are paired tests on the same questions (bootstrap interval of the mean "
        "difference and a sign-flip permutation p-value); both must agree, otherwise: a tie.",
        "Constraints: " + _constraints(c) + ".",
    ]  # fmt: skip
    return Section("method", "How this was measured", (Bullets(tuple(facts)),), order=900)
