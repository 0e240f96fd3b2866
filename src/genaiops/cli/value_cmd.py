"""`genaiops feedback TRACE up|down` and `genaiops value report`.

Thin: parse, call :mod:`genaiops.value` and :mod:`genaiops.costs`, render.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

console = Console()

__all__ = ["feedback_command", "value_app"]

value_app = typer.Typer(help="Value: KPIs, ROI and payback next to cost.")
ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON only")]


def feedback_command(
    trace_id: Annotated[str, typer.Argument(help="the answer's trace id (ask --json: trace_id)")],
    rating: Annotated[str, typer.Argument(help="up or down")],
    comment: Annotated[str | None, typer.Option("--comment", "-m", help="why")] = None,
    as_user: Annotated[str | None, typer.Option("--as", help="who gives it")] = None,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Record a thumbs up or down (and a comment) on an answer."""
    from genaiops.runtime import Runtime
    from genaiops.value.feedback import record_feedback, votes

    with Runtime.open(project) as rt:
        fb = record_feedback(rt.db, trace_id, rating, comment, principal=as_user)
        up, down = votes(rt.db, fb.app)
    if as_json:
        print(json.dumps({"id": fb.id, "trace_id": trace_id, "app": fb.app,  # noqa: T201
                          "rating": fb.rating, "app_votes": {"up": up, "down": down}}))  # fmt: skip
        return
    word = "up" if fb.rating > 0 else "down"
    console.print(
        f"recorded: {word} on {trace_id} (app {fb.app}: {up} up, {down} down)",
        markup=False, highlight=False,
    )  # fmt: skip


@value_app.command("report")
def report(
    scenario: Annotated[
        Path | None,
        typer.Option("--scenario", help="a costs scenario (default: the suite's volume)"),
    ] = None,
    run: Annotated[
        str | None, typer.Option("--run", help="the evaluation run (default: latest)")
    ] = None,
    candidate: Annotated[
        str | None, typer.Option("--candidate", help="default: the run's recommendation")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="report folder (default: reports/)")
    ] = None,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Value, lifecycle cost and ROI over time, and the payback month, for a candidate of
    an evaluation run (its measured cost per ask and quality) at a scenario's volume."""
    from genaiops.cli.costs_project import load_scenario
    from genaiops.costs.measure import candidate_inputs
    from genaiops.costs.tco import Scenario
    from genaiops.costs.tco import project as do_project
    from genaiops.errors import ConfigError, NotFoundError
    from genaiops.evaluation.store import EvalStore
    from genaiops.reports.page import Report, write_report
    from genaiops.runtime import Runtime
    from genaiops.value.feedback import votes
    from genaiops.value.roi import good_rate
    from genaiops.value.sections import roi_section

    with Runtime.open(project) as rt:
        vc = rt.config.value
        if not vc.kpis:
            raise ConfigError(
                "value.kpis: none declared; say what a good answer is worth in genaiops.yaml "
                "(see README, Value)"
            )
        store = EvalStore(rt.db)
        done = [r for r in store.runs() if r.status == "done" and r.summary]
        info = store.run(run) if run else (done[0] if done else None)
        if info is None or not info.summary or "candidates" not in info.summary:
            raise NotFoundError("no finished evaluation run: run `genaiops eval run SUITE.yaml`")
        summary: dict[str, Any] = info.summary
        decision = summary.get("decision") or {}
        name = str(candidate or decision.get("recommended") or "")
        if name not in summary["candidates"]:
            valid = ", ".join(summary["candidates"])
            raise NotFoundError(f"run {info.id}: no candidate {name!r}; its candidates: {valid}")
        s = load_scenario(scenario) if scenario else Scenario.model_validate(
            {"name": "default", "volume": {"asks_per_month": float(
                decision.get("constraints", {}).get("requests_per_month") or 10_000)}}
        )  # fmt: skip
        apps = {n: a for n, _, a in store.candidates(info.id)}
        inputs = {c.name: c for c in candidate_inputs(summary, rt.config, rt.db, apps=apps)}
        metric = decision.get("metric", "")
        quality = summary["candidates"][name]["metrics"].get(metric, {}).get("mean")
        app = summary.get("candidates_spec", {}).get(name, {}).get("app")
        evaluation = (float(quality), f"run {info.id} ({metric})") if quality is not None else None
        rate = good_rate(vc, votes(rt.db, app), evaluation)
        projection = do_project(s, inputs[name])
        section, series = roi_section(projection, rate, vc, app)
        page = Report(title=f"Value and return: {name}",
                      subtitle=f"{s.months} months · measured in evaluation run {info.id}",
                      meta={"kind": "value", "run": info.id})  # fmt: skip
        page.add(section)
        files = write_report(page, out or rt.base_dir / "reports", f"value-{s.name}")
    if as_json:
        print(json.dumps({"candidate": name, "rate": rate.rate, "rate_source": rate.source,  # noqa: T201
                          **series.to_dict(), "report": [str(f) for f in files]}))  # fmt: skip
        return
    payback = f"month {series.payback_month}" if series.payback_month else "not within the horizon"
    lines = [
        f"{name}: {rate.rate:.0%} good answers ({rate.source})",
        f"value ${series.cumulative_value[-1]:,.0f} against cost ${series.cumulative_cost[-1]:,.0f}"
        f" over {s.months} months: ROI {series.roi[-1]:+.0%}, payback {payback}",
        f"report: {files.html} (and .json, .md)",
    ]
    for line in lines:
        console.print(line, markup=False, highlight=False)
