"""`genaiops guard ...`: apply a policy without a model call, in batch, as tests, red-team
it and calibrate it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from genaiops.guardrails.engine import GuardrailEngine

guard_app = typer.Typer(help="Guardrails: apply a policy, batch-check, test, red-team, calibrate.")
console = Console()
err_console = Console(stderr=True)

ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]
PolicyOpt = Annotated[
    str | None, typer.Option("--policy", help="policy name (default: the only one)")
]


def _engine(project: Path | None, policy: str | None) -> GuardrailEngine:
    """The one place the CLI's guard commands build an engine from the project file."""
    from genaiops.errors import NotFoundError
    from genaiops.runtime import Runtime

    ws = Runtime.open(project)
    if policy is None:
        names = list(ws.config.guardrails)
        if len(names) != 1:
            raise NotFoundError(f"name a policy with --policy; declared: {', '.join(names) or '-'}")
        policy = names[0]
    return ws.guard(policy)


def _check_out(path: Path | None) -> None:
    """Fail before a long run, not after it, when --out cannot be written."""
    from genaiops.errors import InputError

    if path is not None and not path.parent.is_dir():
        raise InputError(
            f"{path}: the folder {path.parent} does not exist; create it or pass another --out"
        )
    if path is not None and path.is_dir():
        raise InputError(f"{path} is a folder; pass a file path to --out")


def _write_report(path: Path, text: str) -> None:
    from genaiops.errors import InputError

    try:
        path.write_text(text, "utf-8")
    except OSError as exc:  # a folder, permission denied, a file where a folder should be
        raise InputError(f"{path}: cannot write the report: {exc.strerror or exc}") from None


def _plain(out: Console, text: str) -> None:
    """Print text as it is: no markup, no highlighting, no wrapping at the console width."""
    out.print(text, markup=False, highlight=False, soft_wrap=True)


@guard_app.command("apply")
def apply(
    text: Annotated[str, typer.Argument(help="the text to check")],
    source: Annotated[str, typer.Option("--source", help="input | output | document")] = "input",
    context: Annotated[
        list[Path] | None, typer.Option("--context", help="a source file (repeatable)")
    ] = None,
    query: Annotated[str | None, typer.Option("--query", help="the user's question")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
    policy: PolicyOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Apply a policy to one text, with no model call (like Bedrock's ApplyGuardrail)."""
    from genaiops.errors import InputError
    from genaiops.guardrails.batch import outcome_record, read_text_file

    if source not in ("input", "output", "document"):
        raise InputError(f"--source must be input, output or document (got {source!r})")
    direction: Literal["input", "output", "document"] = source  # type: ignore[assignment]
    sources = [read_text_file(p, "--context file") for p in context or []]
    outcome = _engine(project, policy).apply(text, direction, sources, query)
    record = outcome_record(None, outcome)
    if as_json:
        console.print_json(json.dumps(record, ensure_ascii=False))
        return
    colour = {"NONE": "green", "MASKED": "yellow", "BLOCKED": "red"}[outcome.action]
    console.print(f"[{colour}]{outcome.action}[/]" + (" (shadow mode)" if outcome.shadow else ""))
    _plain(console, outcome.text_out)
    for f in outcome.findings:
        span = f" [{f.start}:{f.end}]" if f.start is not None else ""
        _plain(
            console, f"  {f.type}:{f.name} score={f.score:.3f} -> {f.action}{span} {f.explanation}"
        )
    timing = ", ".join(f"{k} {v:.1f} ms" for k, v in outcome.latency_ms.items())
    console.print(f"[dim]{timing}[/]")


@guard_app.command("check")
def check(
    in_path: Annotated[Path, typer.Option("--in", help="input JSONL (UTF-8)")],
    out_path: Annotated[Path, typer.Option("--out", help="output JSONL")],
    strict: Annotated[
        bool, typer.Option("--strict", help="exit 1 when any line is malformed")
    ] = False,
    policy: PolicyOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Check every line of a JSONL file; write one result line per input line.

    A malformed line gets an error row ({id, line, error}) and the batch goes on; it fails
    the run only with --strict. Blank lines are skipped."""
    from genaiops.guardrails.batch import check_jsonl

    report = check_jsonl(_engine(project, policy), in_path, out_path)
    counts = [f"{v} {k}" for k, v in sorted(report.actions.items())]
    if report.errors:
        counts.append(f"{len(report.errors)} malformed")
    summary = f"{report.lines} lines -> {out_path}: {', '.join(counts) or 'nothing checked'}"
    if report.blank:
        summary += f"; {report.blank} blank line{'s' * (report.blank != 1)} skipped"
    _plain(console, summary)
    if not report.errors:
        return
    shown = 5
    for e in report.errors[:shown]:
        _plain(err_console, f"malformed {e}")
    if len(report.errors) > shown:
        _plain(err_console, f"... and {len(report.errors) - shown} more malformed lines")
    n = len(report.errors)
    what = f"{n} malformed line{'s' * (n != 1)} answered with an error row in {out_path}"
    if strict:
        err_console.print(
            "[red]error:[/] " + escape(f"{what}; fix them or drop --strict"),
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    _plain(err_console, f"warning: {what}; --strict makes them fail the run")


@guard_app.command("test")
def test(
    suite: Annotated[Path, typer.Argument(help="YAML suite of policy test cases")],
    policy: PolicyOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Run a policy test suite; exit non-zero on any failure (so it can gate CI)."""
    from genaiops.guardrails.policy_tests import load_suite, run_suite

    cases = load_suite(suite)
    results = run_suite(_engine(project, policy or cases.policy), cases)
    table = Table(
        title=escape(f"{suite.name}: {sum(r.passed for r in results)}/{len(results)} passed")
    )
    for col in ("", "case", "direction", "expected", "got", "findings", "why"):
        table.add_column(col)
    for r in results:
        names = ", ".join(f"{f.type}:{f.name}" for f in r.outcome.findings) or "-"
        table.add_row(
            "[green]PASS[/]" if r.passed else "[red]FAIL[/]",
            escape(r.label),
            r.case.direction,
            r.case.expect,
            r.outcome.action.lower().replace("none", "allowed"),
            escape(names),
            escape(r.reason),
        )
    console.print(table)
    failed = sum(not r.passed for r in results)
    if failed:
        err_console.print(f"{failed} policy test(s) failed")
        raise typer.Exit(1)


@guard_app.command("redteam")
def redteam_cmd(
    seeds: Annotated[
        Path | None, typer.Option("--seeds", help="a text file of seed attacks, one per line")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="write the report as JSON")] = None,
    policy: PolicyOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Mutate seed attacks (encodings, role-play, payload splitting, character tricks) and
    report the catch rate per mutation."""
    from genaiops.guardrails.redteam import SEED_ATTACKS, load_seeds, redteam

    _check_out(out)
    seed_list = load_seeds(seeds) if seeds else SEED_ATTACKS
    reports = redteam(_engine(project, policy), seed_list)
    table = Table(title=f"Red team: {len(seed_list)} seed attacks x {len(reports)} mutations")
    for col in ("mutation", "caught", "rate", "first miss"):
        table.add_column(col)
    for r in reports:
        table.add_row(
            r.mutation,
            f"{r.caught}/{r.total}",
            f"{r.rate:.0%}",
            escape((r.missed or ["-"])[0][:70]),
        )
    console.print(table)
    total = sum(r.caught for r in reports), sum(r.total for r in reports)
    console.print(f"overall {total[0]}/{total[1]} caught ({total[0] / max(total[1], 1):.0%})")
    if out:
        _write_report(out, json.dumps([asdict(r) for r in reports], indent=2))


@guard_app.command("calibrate")
def calibrate_cmd(
    labelled: Annotated[Path, typer.Option("--labelled", help="labelled JSONL (UTF-8)")],
    target_fpr: Annotated[float, typer.Option(min=0.0, max=0.5, help="target FP rate")] = 0.05,
    out: Annotated[Path | None, typer.Option("--out", help="write the report as JSON")] = None,
    policy: PolicyOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Per check: false-positive/negative rates, latency p50/p95, and the threshold that
    meets a target false-positive rate."""
    from genaiops.guardrails.batch import read_text_file
    from genaiops.guardrails.calibrate import as_dict, calibrate, read_labelled

    _check_out(out)
    read_text_file(labelled, "labelled JSONL file")  # one error line if it cannot be read
    examples, errors = read_labelled(labelled)
    for e in errors:
        _plain(err_console, f"skipped {e}")
    rows = calibrate(_engine(project, policy), examples, target_fpr)
    table = Table(
        title=f"Calibration on {len(examples)} labelled texts (target FPR {target_fpr:.1%})"
    )
    for col in (
        "check",
        "pos/neg",
        "FPR",
        "FNR",
        "p50 ms",
        "p95 ms",
        "risk threshold",
        "recall there",
        "FPR there",
    ):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r.check,
            f"{r.positives}/{r.negatives}",
            f"{r.false_positive_rate:.1%}",
            f"{r.false_negative_rate:.1%}",
            f"{r.latency_ms_p50:.1f}",
            f"{r.latency_ms_p95:.1f}",
            "-" if r.risk_threshold is None else f"{r.risk_threshold:.3f}",
            "-" if r.recall_at_threshold is None else f"{r.recall_at_threshold:.1%}",
            "-" if r.fpr_at_threshold is None else f"{r.fpr_at_threshold:.1%}",
        )
    console.print(table)
    if out:
        _write_report(out, json.dumps(as_dict(rows), indent=2))
