"""``genaiops kb report``: the data-readiness report of a knowledge base (HTML + JSON).

Registered on the ``kb`` group by :func:`register` (``main.py`` calls it once), so this
module does not import ``main`` and ``main`` stays the one place the groups are built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from genaiops.config import PROJECT_FILE

__all__ = ["kb_report", "register"]

console = Console()

_MARK = {"bad": "[red]fix[/]  ", "warn": "[yellow]check[/]", "ok": "[green]ok[/]   "}


def kb_report(
    name: Annotated[str, typer.Argument(help="knowledge base")],
    questions: Annotated[
        Path | None,
        typer.Option(
            "--questions",
            exists=True,
            dir_okay=False,
            help="YAML list of questions (question:, optional source:) to check coverage",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", file_okay=False, help="folder to write into (default: reports/)"),
    ] = None,
    stale_days: Annotated[
        int, typer.Option("--stale-days", min=1, help="a document older than this is stale")
    ] = 365,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score", min=-1.0, max=1.0, help="score a question's best passage must reach"
        ),
    ] = 0.5,
    k: Annotated[int, typer.Option("-k", min=1, help="passages retrieved per question")] = 5,
    project: Annotated[
        Path | None,
        typer.Option("--project", "-p", help=f"project file or folder (default ./{PROJECT_FILE})"),
    ] = None,
) -> None:
    """Write a data-readiness report: unreadable files, duplicates, stale and empty
    documents, personal data, languages, passage sizes and, with --questions, coverage.

    The page (HTML with its charts inline, viewable offline) and a JSON with the same
    figures go to --out (default: the project's reports/ folder). The store is only read."""
    from genaiops.knowledge.report import build_report, load_questions, write_report
    from genaiops.runtime import Runtime

    asked = load_questions(questions) if questions else None
    with Runtime.open(project) as ws:
        kb = ws.knowledge_base(name)
        with console.status(f"reading {escape(name)}, its files and its passages..."):
            report = build_report(
                kb, ws.db, questions=asked, stale_days=stale_days, min_score=min_score, k=k
            )
        html, data = write_report(report, out or ws.base_dir / "reports")
    console.print(f"[bold]{escape(name)}[/]: data readiness")
    for f in report.findings:
        detail = f" [dim]{escape(f.detail)}[/]" if f.detail else ""
        console.print(f"  {_MARK[f.level]} {escape(f.title)}.{detail}", soft_wrap=True)
    console.print(f"Report: {escape(str(html))}\nFigures: {escape(str(data))}", soft_wrap=True)


def register(kb_app: typer.Typer) -> None:
    """Add ``report`` to the ``kb`` command group."""
    kb_app.command("report")(kb_report)
