"""`genaiops costs project SCENARIO.yaml`: the lifecycle cost of an evaluation's candidates.

Thin: read the scenario, take the measured per-ask figures of an evaluation run
(:mod:`genaiops.costs.measure`), project (:mod:`genaiops.costs.tco`), print the totals and
write the report (the costs room's sections alone).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from genaiops.costs.tco import Scenario

console = Console()

__all__ = ["load_scenario", "project_command"]


def load_scenario(path: Path) -> Scenario:
    from genaiops.costs.tco import Scenario
    from genaiops.yamlfile import load_model

    return load_model(path, Scenario, "scenario")


def project_command(
    scenario: Annotated[Path, typer.Argument(help="the scenario (YAML)")],
    run: Annotated[
        str | None,
        typer.Option("--run", help="evaluation run to measure (default: the scenario's)"),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="report folder (default: reports/)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON only")] = False,
    project: Annotated[
        Path | None, typer.Option("--project", "-p", help="project file or folder")
    ] = None,
) -> None:
    """Project lifecycle cost (TCO) per candidate and category over 12 to 36 months, with
    sensitivity and API vs self-hosting break-even, from an evaluation's measurements."""
    from genaiops.costs.measure import candidate_inputs
    from genaiops.costs.sections import cost_sections
    from genaiops.costs.tco import project as do_project
    from genaiops.errors import InputError, NotFoundError
    from genaiops.evaluation.store import EvalStore
    from genaiops.reports.page import Report, write_report
    from genaiops.runtime import Runtime

    s = load_scenario(scenario)
    with Runtime.open(project) as rt:
        store = EvalStore(rt.db)
        run_id = run or s.eval_run
        if run_id == "latest":
            done = [r for r in store.runs() if r.status == "done" and r.summary]
            if not done:
                raise NotFoundError(
                    "no finished evaluation run to measure; run `genaiops eval run SUITE.yaml` "
                    "first (the projection uses its tokens, model time and cost per ask)"
                )
            run_id = done[0].id
        info = store.run(run_id)
        if not info.summary or "candidates" not in info.summary:
            raise InputError(f"run {run_id} is {info.status}; finish it before projecting")
        apps = {name: app for name, _, app in store.candidates(run_id)}
        inputs = candidate_inputs(info.summary, rt.config, rt.db, apps=apps)
        if s.candidates:
            unknown = sorted(set(s.candidates) - {c.name for c in inputs})
            if unknown:
                raise NotFoundError(
                    f"{scenario}: candidates: {', '.join(unknown)} not in run {run_id}; "
                    f"its candidates: {', '.join(c.name for c in inputs)}"
                )
            inputs = [c for c in inputs if c.name in s.candidates]
        focus = (info.summary.get("decision") or {}).get("recommended")
        report = Report(
            title=f"Lifecycle cost: {s.name}",
            subtitle=f"{s.months} months · measured in evaluation run {run_id}",
            meta={"kind": "costs", "run": run_id},
        )
        report.add(*cost_sections(s, inputs, rt.config, focus=focus))
        files = write_report(report, out or rt.base_dir / "reports", f"costs-{s.name}")
    projections = [do_project(s, c) for c in inputs]
    if as_json:
        data: dict[str, Any] = {
            "scenario": s.model_dump(mode="json"),
            "run": run_id,
            "projections": [p.to_dict() for p in projections],
            "report": [str(f) for f in files],
        }
        print(json.dumps(data, indent=2))  # noqa: T201 - pure JSON
        return
    from rich import box
    from rich.table import Table

    from genaiops.costs.sections import LABELS

    table = Table(
        title=f"{s.name}: USD over {s.months} months (measured in run {run_id})",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("category")
    for p in projections:
        table.add_column(p.candidate, justify="right", overflow="fold")
    for key, label in LABELS.items():
        table.add_row(label, *(f"{p.totals[key]:,.2f}" for p in projections))
    table.add_row("total", *(f"[bold]{p.total:,.2f}[/]" for p in projections))
    table.add_row("first month", *(f"{p.month_total(0):,.2f}" for p in projections))
    console.print(table)
    console.print(f"report: {files.html} (and .json, .md)", markup=False, highlight=False)
