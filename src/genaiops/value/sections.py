"""The value room's report section: value, cost and ROI over time, and the payback month.

Registered in ``genaiops.report_sections`` (as ``value``): in the decision report it
projects the recommended candidate's value against its lifecycle cost (the default
scenario of :mod:`genaiops.costs.sections`) when the project declares value KPIs; the
same section makes up ``genaiops value report``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from genaiops.costs.tco import Projection
from genaiops.reports.page import BLUE, GREEN, RED, Bullets, Figure, Paragraph, Section, Tiles
from genaiops.value.config import ValueConfig
from genaiops.value.roi import GoodRate, RoiSeries, roi_series, usd_per_good_answer

if TYPE_CHECKING:
    from genaiops.reports.sections import ReportContext

__all__ = ["roi_section", "sections"]


def _usd(x: float) -> str:
    return f"${x:,.0f}" if abs(x) >= 100 else f"${x:,.2f}"


def roi_section(
    projection: Projection, rate: GoodRate, value_config: ValueConfig, app: str | None
) -> tuple[Section, RoiSeries]:
    """Value against the projection's cost, month by month."""
    per_good = usd_per_good_answer(value_config.kpis, app)
    value = [a * rate.rate * per_good for a in projection.asks]
    cost = [projection.month_total(m) for m in range(projection.months)]
    r = roi_series(value, cost)
    months = list(range(1, projection.months + 1))
    payback = (
        f"pays back in month {r.payback_month}" if r.payback_month else
        f"does not pay back within {projection.months} months"
    )  # fmt: skip
    lead = Paragraph(
        f"{projection.candidate} {payback}: over {projection.months} months it returns "
        f"{_usd(r.cumulative_value[-1])} of value for {_usd(r.cumulative_cost[-1])} of cost "
        f"(ROI {r.roi[-1]:+.0%}).",
        "lead" if r.payback_month else "bad",
    )
    tiles = Tiles((
        (f"{rate.rate:.0%}", f"good answers ({rate.source})"),
        (_usd(per_good), "worth of a good answer"),
        (f"month {r.payback_month}" if r.payback_month else "none", "payback"),
        (f"{r.roi[-1]:+.0%}", f"ROI after {projection.months} months"),
    ))  # fmt: skip
    chart = Figure(
        "roi", "Value and cost over time",
        "Cumulative value (asks x good-answer rate x the KPIs) against cumulative lifecycle "
        "cost; where they cross, the service has paid for itself.",
        [
            {"type": "scatter", "mode": "lines", "name": "cumulative value", "x": months,
             "y": r.cumulative_value, "line": {"color": GREEN}},
            {"type": "scatter", "mode": "lines", "name": "cumulative cost", "x": months,
             "y": r.cumulative_cost, "line": {"color": RED}},
            {"type": "bar", "name": "ROI", "x": months, "y": r.roi, "yaxis": "y2",
             "marker": {"color": BLUE}, "opacity": 0.35},
        ],
        {"xaxis": {"title": {"text": "month"}}, "yaxis": {"title": {"text": "USD"}},
         "yaxis2": {"title": {"text": "ROI"}, "overlaying": "y", "side": "right",
                    "tickformat": ".0%"},
         "legend": {"orientation": "h", "y": -0.25}, "height": 380},
        wide=True,
    )  # fmt: skip
    kpis = Bullets(tuple(
        f"{k.name}: {k.per_good_answer:g} per good answer x ${k.unit_value_usd:g}"
        + (f" ({k.description})" if k.description else "")
        for k in value_config.kpis if k.app is None or app is None or k.app == app
    ))  # fmt: skip
    data: dict[str, Any] = {"candidate": projection.candidate, "rate": rate.rate,
                            "rate_source": rate.source, "usd_per_good_answer": per_good,
                            **r.to_dict()}  # fmt: skip
    return Section("value", "Value and return", (lead, tiles, chart, kpis), order=58,
                   data=data), r  # fmt: skip


def sections(ctx: ReportContext) -> list[Section]:
    """In the decision report: the recommended candidate's ROI, when the project declares
    value KPIs."""
    if ctx.kind != "decision" or ctx.project is None:
        return []
    value_config: ValueConfig | None = getattr(ctx.project, "value", None)
    if value_config is None or not value_config.kpis:
        return []
    decision: Mapping[str, Any] = ctx.data.get("decision", {})
    chosen = decision.get("recommended")
    summary: Mapping[str, Any] = ctx.data.get("summary", {})
    if not chosen or chosen not in summary.get("candidates", {}):
        return []
    from genaiops.costs.measure import candidate_inputs
    from genaiops.costs.tco import Scenario, project
    from genaiops.value.feedback import votes
    from genaiops.value.roi import good_rate

    volume = float(decision.get("constraints", {}).get("requests_per_month") or 10_000)
    scenario = Scenario.model_validate({"name": "default", "volume": {"asks_per_month": volume}})
    db = ctx.runtime.db if ctx.runtime is not None else None
    inputs = {c.name: c for c in candidate_inputs(summary, ctx.project, db)}
    quality = summary["candidates"][chosen]["metrics"].get(decision.get("metric", ""), {})
    app = summary.get("candidates_spec", {}).get(chosen, {}).get("app")
    evaluation = (
        (float(quality["mean"]), f"run {summary.get('run')} ({decision.get('metric')})")
        if quality.get("mean") is not None else None
    )  # fmt: skip
    rate = good_rate(value_config, votes(db, app) if db is not None else None, evaluation)
    section, _ = roi_section(project(scenario, inputs[chosen]), rate, value_config, app)
    return [section]
