"""The costs room's report sections: lifecycle cost (TCO), its sensitivity, and the API
vs self-hosting break-even.

Registered in the entry point group ``genaiops.report_sections`` (as ``costs``): they join
the evaluation's decision report, projected with a default scenario at the volume the
suite states (24 months, no growth, no people costs; say yours with a scenario file and
``genaiops costs project``), and make up the page that command writes alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from genaiops.costs.pricing import Price
from genaiops.costs.tco import (
    CATEGORIES,
    BreakEven,
    CandidateInputs,
    Projection,
    Scenario,
    break_even,
    project,
    sensitivity,
)
from genaiops.reports.page import (
    BLUE,
    GREEN,
    PALETTE,
    RED,
    Bullets,
    Figure,
    Paragraph,
    Section,
    Table,
)

if TYPE_CHECKING:
    from genaiops.config import ProjectConfig
    from genaiops.reports.sections import ReportContext

__all__ = ["cost_sections", "sections"]

LABELS = {
    "data_preparation": "data preparation", "ingestion": "ingestion and embedding",
    "vector_storage": "vector storage", "customization": "customization",
    "testing": "testing", "guardrails": "guardrails", "inference": "inference",
    "operations": "operations",
}  # fmt: skip


def _usd(x: float | None) -> str:
    if x is None:
        return "-"
    if x == 0:
        return "$0"
    return f"${x:,.0f}" if abs(x) >= 100 else f"${x:,.2f}" if abs(x) >= 0.01 else "<$0.01"


def sections(ctx: ReportContext) -> list[Section]:
    """The decision report's cost sections (nothing for other reports)."""
    if ctx.kind != "decision" or ctx.project is None:
        return []
    from genaiops.costs.measure import candidate_inputs

    summary: Mapping[str, Any] = ctx.data.get("summary", {})
    decision: Mapping[str, Any] = ctx.data.get("decision", {})
    if not summary.get("candidates"):
        return []
    volume = float(decision.get("constraints", {}).get("requests_per_month") or 10_000)
    scenario = Scenario.model_validate({"name": "default", "volume": {"asks_per_month": volume}})
    db = ctx.runtime.db if ctx.runtime is not None else None
    apps = _apps(ctx)
    inputs = candidate_inputs(summary, ctx.project, db, apps=apps)
    return cost_sections(scenario, inputs, ctx.project, focus=decision.get("recommended"))


def _apps(ctx: ReportContext) -> dict[str, Mapping[str, Any]]:
    """Each candidate's app configuration (for its knowledge base), from the run."""
    if ctx.runtime is None:
        return {}
    run = ctx.data.get("run", {}).get("id")
    if not run:
        return {}
    import sqlalchemy as sa

    from genaiops.storage.schema import eval_candidates

    c = eval_candidates.c
    with ctx.runtime.db.engine.connect() as conn:
        return {
            r.name: r.app for r in conn.execute(sa.select(c.name, c.app).where(c.run_id == run))
        }


def api_reference(scenario: Scenario, project: ProjectConfig) -> Price | None:
    if scenario.api_reference is not None:
        return scenario.api_reference
    model = project.all_models().get(scenario.api_reference_model)
    return model.price if model is not None else None


def cost_sections(
    scenario: Scenario,
    inputs: Sequence[CandidateInputs],
    project_config: ProjectConfig,
    *,
    focus: str | None = None,
) -> list[Section]:
    """Lifecycle cost, sensitivity and break-even sections for ``inputs`` under
    ``scenario``; the sensitivity and break-even of ``focus`` (default: the cheapest)."""
    if not inputs:
        return []
    projections = {c.name: project(scenario, c) for c in inputs}
    by_name = {c.name: c for c in inputs}
    if focus not in by_name:
        focus = min(projections, key=lambda n: projections[n].total)
    assert focus is not None
    out = [_tco(scenario, projections, by_name, focus), _sensitivity(scenario, by_name[focus])]
    reference = api_reference(scenario, project_config)
    be = _break_even(scenario, by_name[focus], reference, project_config)
    if be is not None:
        out.append(be)
    return out


def _tco(
    s: Scenario,
    projections: Mapping[str, Projection],
    inputs: Mapping[str, CandidateInputs],
    focus: str,
) -> Section:
    names = list(projections)
    p = projections[focus]
    totals = p.totals
    top = max(totals, key=lambda k: totals[k])
    share = totals[top] / p.total if p.total else 0.0
    lead = Paragraph(
        f"Over {s.months} months at {s.volume.asks_per_month:,.0f} asks a month"
        + (f" growing {s.volume.growth_per_month:.0%} a month" if s.volume.growth_per_month else "")
        + f", {focus} costs {_usd(p.total)} in all ({_usd(p.cost_per_ask * 1000)} per 1,000 "
        f"asks); {LABELS[top]} is {share:.0%} of it.",
        "lead",
    )
    stacked = Figure(
        "tco-categories", f"Lifecycle cost over {s.months} months, by category",
        "Each candidate's total, split by what it pays for.",
        [{"type": "bar", "name": LABELS[k], "x": names,
          "y": [projections[n].totals[k] for n in names], "marker": {"color": PALETTE[i]}}
         for i, k in enumerate(CATEGORIES) if any(projections[n].totals[k] for n in names)],
        {"barmode": "stack", "yaxis": {"title": {"text": "USD"}},
         "legend": {"orientation": "h", "y": -0.3}, "height": 380},
    )  # fmt: skip
    months = list(range(1, s.months + 1))
    over_time = Figure(
        "tco-months", f"{focus}: cost per month, by category",
        "Stacked: what each month costs. The first month carries the one-off costs "
        "(data preparation, the first ingestion, fine-tuning).",
        [{"type": "scatter", "mode": "lines", "stackgroup": "one", "name": LABELS[k],
          "x": months, "y": p.monthly[k], "line": {"color": PALETTE[i]}}
         for i, k in enumerate(CATEGORIES) if any(p.monthly[k])],
        {"xaxis": {"title": {"text": "month"}}, "yaxis": {"title": {"text": "USD per month"}},
         "legend": {"orientation": "h", "y": -0.3}, "height": 380},
    )  # fmt: skip
    rows = []
    for n in names:
        t = projections[n].totals
        rows.append((n, *(_usd(t[k]) for k in CATEGORIES), _usd(projections[n].total)))
    table = Table(
        ("candidate", *(LABELS[k] for k in CATEGORIES), "total"), tuple(rows),
        caption=f"USD over {s.months} months.", numeric=(False, *([True] * (len(CATEGORIES) + 1))),
        strong=frozenset(i for i, n in enumerate(names) if n == focus), id="tco",
    )  # fmt: skip
    c = inputs[focus]
    first = project(s.model_copy(update={"months": 1}), c)
    math_lines = [f"{LABELS[k]}: {_usd(v[0])}" for k, v in first.monthly.items() if v[0]]
    basis = Bullets(
        (
            f"Measured per ask ({c.source}): {c.prompt_tokens:,.0f} prompt + "
            f"{c.completion_tokens:,.0f} completion tokens, {c.model_s_per_ask:.2f} s of model "
            f"time, {c.guard_ms_per_ask:,.0f} ms of guardrails, {_usd(c.cost_per_ask * 1000)} "
            "per 1,000 asks as metered.",
            f"The knowledge base: {c.documents:,} documents, {c.stored_bytes / 1e6:,.1f} MB of "
            f"text and embeddings (x{s.storage.overhead:g} for indexes).",
            "The first month: " + "; ".join(math_lines) + f"; total {_usd(first.total)}.",
        )
    )
    return Section(
        "tco", "Lifecycle cost", (lead, stacked, over_time, table, basis), order=55,
        data={"scenario": s.model_dump(mode="json"),
              "projections": {n: pr.to_dict() for n, pr in projections.items()}},
    )  # fmt: skip


def _sensitivity(s: Scenario, c: CandidateInputs) -> Section:
    rows = [r for r in sensitivity(s, c) if r["swing"] > 0]
    base = rows[0]["base"] if rows else project(s, c).total
    x = s.sensitivity
    drivers = [r["driver"] for r in rows][::-1]  # largest on top
    figure = Figure(
        "tornado", f"{c.name}: what moves the total most",
        f"The {s.months}-month total when each driver moves by -{x:.0%} (left) and +{x:.0%} "
        f"(right) of its value; the line: {_usd(base)}.",
        [
            {"type": "bar", "orientation": "h", "name": f"-{x:.0%}", "y": drivers,
             "x": [r["low"] - base for r in rows][::-1], "base": base, "marker": {"color": BLUE}},
            {"type": "bar", "orientation": "h", "name": f"+{x:.0%}", "y": drivers,
             "x": [r["high"] - base for r in rows][::-1], "base": base, "marker": {"color": RED}},
        ],
        {"barmode": "overlay", "xaxis": {"title": {"text": "USD over the horizon"}},
         "margin": {"t": 10, "r": 10, "b": 50, "l": 220}, "height": max(220, 40 * len(rows) + 90),
         "legend": {"orientation": "h", "y": -0.35}},
    )  # fmt: skip
    text = Paragraph(
        f"The total moves most with {rows[0]['driver']} "
        f"({_usd(rows[0]['low'])} to {_usd(rows[0]['high'])})." if rows else
        "No driver moves the total."
    )  # fmt: skip
    return Section("sensitivity", "Sensitivity", (text, figure), order=56,
                   data={"candidate": c.name, "drivers": rows})  # fmt: skip


def _break_even(
    s: Scenario, c: CandidateInputs, reference: Price | None, project_config: ProjectConfig
) -> Section | None:
    if c.self_hosted:
        if reference is None:
            return None
        api, hosted, api_name = (
            reference,
            c.price,
            ("the API reference" if s.api_reference else s.api_reference_model),
        )
    else:
        return None  # an API candidate: the self-hosted alternative is not measured here
    be: BreakEven = break_even(c, api, hosted, s.inference.utilisation)
    xs = [p["asks"] for p in be.curve]
    figure = Figure(
        "break-even", f"{c.name} self-hosted against {api_name} prices",
        "Monthly cost against volume: the API at the measured tokens per ask, self-hosting "
        "as the instances that volume needs (each step: one more instance).",
        [
            {"type": "scatter", "mode": "lines", "name": f"API ({api_name})", "x": xs,
             "y": [p["api_usd"] for p in be.curve], "line": {"color": BLUE}},
            {"type": "scatter", "mode": "lines", "name": "self-hosted", "x": xs,
             "y": [p["self_hosted_usd"] for p in be.curve], "line": {"color": GREEN,
                                                                      "shape": "hv"}},
        ],
        {"xaxis": {"title": {"text": "asks per month"}, "type": "log"},
         "yaxis": {"title": {"text": "USD per month"}, "type": "log"},
         "legend": {"orientation": "h", "y": -0.25}},
    )  # fmt: skip
    if be.asks_per_month is None:
        text = Paragraph(
            f"At the measured {c.prompt_tokens:,.0f} + {c.completion_tokens:,.0f} tokens and "
            f"{c.model_s_per_ask:.2f} s of model time per ask, one instance costs more per ask "
            f"than {api_name}'s prices at any volume: the API is cheaper.", "warn",
        )  # fmt: skip
    else:
        text = Paragraph(
            f"Self-hosting is cheaper above about {be.asks_per_month:,.0f} asks a month "
            f"({be.instances} instance at {be.utilisation:.0%} utilisation; instances kept "
            f"at most {s.inference.utilisation:.0%} busy). Below it, {api_name}'s prices cost "
            "less.", "ok",
        )  # fmt: skip
    return Section("break-even", "API or self-hosting", (text, figure), order=57,
                   data=be.to_dict())  # fmt: skip
