"""`genaiops eval ...`: datasets, test-set generation, matrix runs, reports, load tests.

Thin: parse, call :mod:`genaiops.evaluation`, render with rich (or JSON with --json).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from rich.table import Table

    from genaiops.evaluation.load import LoadStep
    from genaiops.runtime import Runtime

eval_app = typer.Typer(
    help="Evaluation: datasets, test-set generation, candidate matrices, load tests."
)
console = Console()
err_console = Console(stderr=True)

ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON only")]


def _runtime(project: Path | None) -> Runtime:
    from genaiops.runtime import Runtime

    return Runtime.open(project)


def _plain(out: Console, text: str) -> None:
    out.print(text, markup=False, highlight=False, soft_wrap=True)


def _json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))  # noqa: T201 - pure JSON


def _table(title: str) -> Table:
    from rich import box
    from rich.table import Table

    return Table(
        title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True
    )


def _num(x: Any, fmt: str = ".2f") -> str:
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, fmt)


def _usd(x: Any) -> str:
    from genaiops.cli.main import _money

    return "-" if x is None else _money(float(x))


def _check_out(path: Path) -> None:
    from genaiops.errors import InputError

    if not path.parent.is_dir():
        raise InputError(f"{path}: the folder {path.parent} does not exist; create it first")
    if path.is_dir():
        raise InputError(f"{path} is a folder; pass a file path to --out")


# -- datasets --------------------------------------------------------------------------------


@eval_app.command("check")
def check(
    dataset: Annotated[Path, typer.Argument(help="a JSONL dataset")],
    strict: Annotated[bool, typer.Option("--strict", help="exit 1 on any malformed line")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Load a dataset and report its items and malformed lines."""
    from genaiops.evaluation.datasets import load_dataset

    ds = load_dataset(dataset)
    info = {
        "path": str(dataset),
        "items": len(ds.items),
        "answerable": sum(i.answerable for i in ds.items),
        "unanswerable": sum(not i.answerable for i in ds.items),
        "labelled_answers": sum(len(i.labels) for i in ds.items),
        "generated": sum(i.generated for i in ds.items),
        "errors": [{"line": e.line, "error": e.message} for e in ds.errors],
    }
    if as_json:
        _json(info)
    else:
        console.print(
            f"{info['items']} items ({info['answerable']} answerable, {info['unanswerable']} "
            f"unanswerable, {info['labelled_answers']} labelled answers, "
            f"{info['generated']} generated)"
        )
        if ds.errors:
            _plain(err_console, ds.error_report())
    if ds.errors and strict:
        raise typer.Exit(1)


@eval_app.command("generate")
def generate(
    kb: Annotated[str, typer.Argument(help="the knowledge base to draw questions from")],
    n: Annotated[int, typer.Option("-n", help="answerable questions wanted", min=1)] = 20,
    out: Annotated[Path, typer.Option("--out", help="the JSONL file to write")] = Path(
        "generated.jsonl"
    ),
    model: Annotated[str | None, typer.Option(help="generator (default: the app's)")] = None,
    distractors: Annotated[
        int | None, typer.Option(help="unanswerable questions (default: n/4)", min=0)
    ] = None,
    top_k: Annotated[int | None, typer.Option(help="retrievability check's k")] = None,
    seed: Annotated[int, typer.Option(help="which chunks are drawn")] = 0,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Generate a test set of answerable, retrievable questions and unanswerable ones.

    Questions are drawn from the knowledge base's chunks by the model and kept when the
    answer is in the chunk and retrieval finds it; distractors come from templates."""
    from genaiops.evaluation.datasets import write_dataset
    from genaiops.evaluation.generate import generate_testset

    _check_out(out)
    with _runtime(project) as rt:
        if as_json:
            report = generate_testset(
                rt, kb, n, model=model, seed=seed, top_k=top_k, distractors=distractors
            )
        else:
            with console.status(f"generating from {escape(kb)}...") as status:

                def tick(kept: int, tried: int) -> None:
                    status.update(f"generating from {escape(kb)}: {kept}/{n} kept, {tried} tried")

                report = generate_testset(
                    rt,
                    kb,
                    n,
                    model=model,
                    seed=seed,
                    top_k=top_k,
                    distractors=distractors,
                    on_progress=tick,
                )
    write_dataset(out, report.items)
    info = {
        "out": str(out),
        "answerable": len(report.items) - report.distractors,
        "unanswerable": report.distractors,
        "chunks_tried": report.tried,
        "rejected": dict(report.rejected),
        "distractor_threshold": report.distractor_threshold,
    }
    if as_json:
        _json(info)
        return
    rejected = ", ".join(f"{k} {v}" for k, v in report.rejected.most_common()) or "none"
    _plain(
        console,
        f"wrote {out}: {info['answerable']} answerable questions from {report.tried} chunks "
        f"(rejected: {rejected}) and {report.distractors} unanswerable ones "
        f"(best retrieval cosine < {report.distractor_threshold:.2f})",
    )


# -- runs ------------------------------------------------------------------------------------


@eval_app.command("run")
def run(
    suite: Annotated[Path | None, typer.Argument(help="the suite (YAML)")] = None,
    resume: Annotated[str | None, typer.Option("--resume", help="finish this run")] = None,
    concurrency: Annotated[
        int | None, typer.Option(help="asks in flight (default: the suite's)", min=1)
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="call the models even where cached")
    ] = False,
    out: Annotated[Path | None, typer.Option("--out", help="also write the summary JSON")] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option("--report-dir", help="where the decision report goes (default: reports/)"),
    ] = None,
    no_report: Annotated[
        bool, typer.Option("--no-report", help="write no decision report")
    ] = False,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Run a suite: every candidate on every item, scored, stored, decided, reported;
    or --resume a run."""
    from genaiops.errors import InputError
    from genaiops.evaluation.runner import EvalRunner, Progress, RunOutcome

    if (suite is None) == (resume is None):
        raise InputError("name a suite file, or --resume RUN_ID (not both)")
    if out is not None:
        _check_out(out)
    with _runtime(project) as rt:
        outcome: RunOutcome
        if as_json:
            runner = EvalRunner(rt, concurrency=concurrency, use_cache=not no_cache)
            outcome = _start_or_resume(runner, suite, resume)
        else:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            with Bar(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=err_console,
                transient=True,
            ) as bar:
                task = bar.add_task("evaluating", total=None)

                def tick(p: Progress) -> None:
                    note = f"{p.cached} cached, {p.errors} failed"
                    if p.skipped:
                        note += f", {p.skipped} already done"
                    bar.update(task, completed=p.done, total=p.total, description=note)

                runner = EvalRunner(
                    rt, concurrency=concurrency, on_progress=tick, use_cache=not no_cache
                )
                outcome = _start_or_resume(runner, suite, resume)
        files: list[Path] = []
        if outcome.summary and not no_report:
            folder = report_dir if report_dir is not None else rt.base_dir / "reports"
            files = _write_report(rt, outcome.run_id, outcome.summary, folder)
    if out is not None:
        out.write_text(json.dumps(outcome.summary, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if as_json:
        extra = {"report": [str(f) for f in files]} if files else {}
        _json({"run": outcome.run_id, **outcome.summary, **extra})
        return
    for line in outcome.dataset_errors[:10]:
        _plain(err_console, f"skipped {line}")
    _print_summary(outcome.run_id, outcome.summary)
    for f in files[:1]:
        _plain(console, f"report: {f} (and .json, .md)")
    if outcome.summary.get("decision", {}).get("recommended"):
        best = outcome.summary["decision"]["recommended"]
        _plain(console, f"Next: genaiops eval promote {outcome.run_id} '{best}'")


def _start_or_resume(runner: Any, suite: Path | None, resume: str | None) -> Any:
    from genaiops.evaluation.suite import load_suite

    if resume is not None:
        return runner.resume(resume)
    assert suite is not None
    config, base = load_suite(suite)
    return runner.start(config, base)


@eval_app.command("report")
def report(
    run_id: Annotated[str, typer.Argument(help="a run id (see `genaiops eval runs`)")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="write the decision report (HTML, JSON, Markdown) here"),
    ] = None,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """The summary and decision of a stored run (unfinished: of what it has so far)."""
    from genaiops.errors import InputError

    if out is not None and out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file; --out takes a folder")
    with _runtime(project) as rt:
        summary = _stored_summary(rt, run_id)
        files = _write_report(rt, run_id, summary, out) if out is not None else []
    if as_json:
        _json({"run": run_id, **summary, **({"report": [str(f) for f in files]} if files else {})})
        return
    _print_summary(run_id, summary)
    for f in files[:1]:
        _plain(console, f"report: {f} (and .json, .md)")


def _stored_summary(rt: Runtime, run_id: str) -> dict[str, Any]:
    from genaiops.evaluation.report import summarize
    from genaiops.evaluation.store import EvalStore
    from genaiops.evaluation.suite import SuiteConfig

    store = EvalStore(rt.db)
    info = store.run(run_id)
    suite = SuiteConfig.model_validate(info.suite)
    stored = store.candidates(run_id)
    items = [str(i["id"]) for i in store.items(run_id)]
    if info.summary and "candidates" in info.summary:
        summary: dict[str, Any] = dict(info.summary)
    else:
        summary = {
            **(info.summary or {}),
            **summarize(
                store.results(run_id), [name for name, _, _ in stored],
                [m.label for m in suite.all_metrics()], items, info.repeats,
                n_boot=suite.bootstrap, seed=suite.seed,
            ),
            "run": run_id, "suite": info.name,
            "candidates_spec": {name: spec for name, spec, _ in stored},
        }  # fmt: skip
    if "decision" not in summary:  # unfinished, or stored by an older version
        from genaiops.config import AppConfig
        from genaiops.costs.prices import resolve_price
        from genaiops.evaluation.decision import decide
        from genaiops.evaluation.report import finite

        def price(app: dict[str, Any]) -> Any:
            model = AppConfig.model_validate(app).model
            return resolve_price(rt.model_config(model).price, model, rt.db)

        prices = {name: price(app) for name, _, app in stored}
        decision = decide(
            summary, store.results(run_id), items, info.repeats, suite.decision, prices,
            n_boot=suite.bootstrap, seed=suite.seed,
        )  # fmt: skip
        summary["decision"] = finite(decision.to_dict())
    return {"status": info.status, **summary}


def _write_report(rt: Runtime, run_id: str, summary: dict[str, Any], out_dir: Path) -> list[Path]:
    """The decision report of a run: HTML, JSON and Markdown under ``out_dir``."""
    from genaiops.evaluation.decision_report import build_decision_report
    from genaiops.evaluation.store import EvalStore
    from genaiops.reports.page import write_report

    store = EvalStore(rt.db)
    info = store.run(run_id)
    dataset = Path(info.dataset)
    if dataset.is_absolute() and dataset.is_relative_to(rt.base_dir):
        dataset = dataset.relative_to(rt.base_dir)  # a report says no path of this machine
    run = {"id": run_id, "suite": info.name, "dataset": str(dataset),
           "created_at": info.created_at.isoformat()}  # fmt: skip
    report = build_decision_report(
        run, summary, store.results(run_id), store.items(run_id), runtime=rt
    )
    return list(write_report(report, out_dir, f"eval-{run_id}"))


@eval_app.command("runs")
def runs(as_json: JsonOpt = False, project: ProjectOpt = None) -> None:
    """The evaluation runs of this project, newest first."""
    from genaiops.evaluation.store import EvalStore

    with _runtime(project) as rt:
        rows = EvalStore(rt.db).runs()
    data: list[dict[str, Any]] = [
        {
            "run": r.id,
            "suite": r.name,
            "status": r.status,
            "created_at": r.created_at.isoformat(),
            "dataset": r.dataset,
            "repeats": r.repeats,
        }
        for r in rows
    ]
    if as_json:
        _json(data)
        return
    table = _table("Evaluation runs")
    for col in ("run", "suite", "status", "created", "dataset"):
        table.add_column(col, overflow="fold")
    for d in data:
        table.add_row(
            d["run"], escape(d["suite"]), d["status"], d["created_at"][:19], escape(d["dataset"])
        )
    console.print(table)


def _print_summary(run_id: str, summary: dict[str, Any]) -> None:
    cands: dict[str, Any] = summary.get("candidates", {})
    if not cands:
        _plain(console, f"run {run_id}: no results")
        return
    metrics = list(next(iter(cands.values()))["metrics"])
    comparisons = summary.get("comparisons", {})
    table = _table(f"Run {run_id}: {summary.get('items', 0)} items x {len(cands)} candidates")
    table.add_column("metric", overflow="fold")
    for name in cands:
        table.add_column(escape(name), justify="right", overflow="fold")
    for metric in metrics:
        best = set(comparisons.get(metric, {}).get("tied_with_best", []))
        cells = []
        for name, c in cands.items():
            s = c["metrics"][metric]
            if s["mean"] is None:
                cells.append("-")
                continue
            cell = f"{s['mean']:.2f} [{_num(s['low'])}-{_num(s['high'])}]"
            cells.append(f"[bold]{cell}[/]" if name in best and len(cands) > 1 else cell)
        table.add_row(escape(metric), *cells)
    ops = [
        ("TTFT p50 ms", "ttft_p50_ms", ".0f"),
        ("latency p50 ms", "latency_p50_ms", ".0f"),
        ("latency p95 ms", "latency_p95_ms", ".0f"),
        ("tokens/s", "tokens_per_s", ".1f"),
    ]
    for label, key, fmt in ops:
        table.add_row(label, *[_num(c["ops"][key], fmt) for c in cands.values()])
    table.add_row("cost / 1k asks", *[_usd(c["ops"]["cost_per_1k_usd"]) for c in cands.values()])
    table.add_row(
        "blocked/failed/cached",
        *[
            f"{c['ops']['blocked']}/{c['ops']['errors']}/{c['ops']['cached']}"
            for c in cands.values()
        ],
    )
    console.print(table)
    if len(cands) > 1:
        console.print(
            "[dim]mean [95% bootstrap interval]; bold: best, or tied with it (paired test, "
            "95%): the data cannot separate them[/]"
        )
    decision = summary.get("decision") or {}
    if decision:
        style = "bold green" if decision.get("recommended") else "bold red"
        console.print(f"[{style}]{escape(decision['headline'])}[/]")
        for reason in decision.get("reasons", []):
            _plain(console, f"  - {reason}")
    for p in summary.get("promotions", []):
        _plain(console, f"promoted {p['candidate']} into app {p['app']} on {p['at']}")
    agreement = summary.get("agreement") or {}
    if agreement:
        rows = ", ".join(
            f"{m} AUC {_num(a['auc'])}" for m, a in agreement.items() if a.get("auc") is not None
        )
        _plain(console, f"agreement with human labels (in-sample): {rows}")


@eval_app.command("promote")
def promote(
    run_id: Annotated[str, typer.Argument(help="a finished run (see `genaiops eval runs`)")],
    candidate: Annotated[str, typer.Argument(help="the candidate to serve")],
    app_name: Annotated[
        str | None, typer.Option("--app", help="the app to change (default: the candidate's)")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="only show what changes")] = False,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Write a candidate of a run into its app in the project file (comments kept);
    `genaiops ask` then serves it."""
    from genaiops.evaluation.promote import project_file
    from genaiops.evaluation.promote import promote as do_promote
    from genaiops.evaluation.store import EvalStore

    path = project_file(project)
    with _runtime(project) as rt:
        result = do_promote(
            EvalStore(rt.db), run_id, candidate, path, app=app_name, dry_run=dry_run
        )
    if as_json:
        _json(result.to_dict())
        return
    if not result.changes:
        _plain(console, f"app {result.app} already serves {candidate}: nothing to change")
        return
    verb = "would change" if dry_run else "changed"
    _plain(console, f"{path.name}: app {result.app} {verb} (run {run_id}, {candidate}):")
    for key, (before, after) in result.changes.items():
        _plain(console, f"  {key}: {_brief(before)} -> {_brief(after)}")
    if result.written:
        _plain(console, f"Next: genaiops ask --app {result.app} 'a question'")


def _brief(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


# -- load ------------------------------------------------------------------------------------


@eval_app.command("load")
def load(
    candidate: Annotated[str, typer.Argument(help="an app, or a candidate of --suite")],
    rps: Annotated[
        str, typer.Option("--rps", help="requests per second; several (1,2,4) step the rate")
    ] = "1",
    duration: Annotated[float, typer.Option(help="seconds of arrivals per rate", min=0.1)] = 10.0,
    arrivals: Annotated[str, typer.Option(help="poisson | fixed")] = "poisson",
    max_requests: Annotated[
        int | None, typer.Option(help="at most this many requests per rate", min=1)
    ] = None,
    max_in_flight: Annotated[int, typer.Option(help="concurrent requests at most", min=1)] = 64,
    target_p95_ms: Annotated[
        float | None, typer.Option(help="report the rate at which p95 breaks this")
    ] = None,
    dataset: Annotated[
        Path | None, typer.Option(help="questions to send (JSONL; default: one fixed question)")
    ] = None,
    suite: Annotated[Path | None, typer.Option(help="take the candidate from this suite")] = None,
    seed: Annotated[int, typer.Option(help="the Poisson schedule's seed")] = 0,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Open-loop load on a candidate: throughput, latency, errors, breaking rate.

    Arrivals follow a Poisson (or fixed) schedule; latencies are measured from the
    scheduled arrival. Several --rps step the rate; --target-p95-ms names where it breaks."""
    from genaiops.errors import InputError
    from genaiops.evaluation.load import app_sender, step_load

    if arrivals not in ("poisson", "fixed"):
        raise InputError(f"--arrivals must be poisson or fixed (got {arrivals!r})")
    try:
        rates = [float(r) for r in rps.split(",") if r.strip()]
    except ValueError:
        raise InputError(f"--rps: numbers separated by commas (got {rps!r})") from None
    if not rates or min(rates) <= 0:
        raise InputError("--rps: give one or more positive rates")
    questions = _load_questions(dataset)
    with _runtime(project) as rt:
        app = _load_target(rt, candidate, suite)
        app.warm_up()
        import uuid

        tag = {"eval_load": uuid.uuid4().hex[:8], "candidate": candidate}

        def on_step(step: LoadStep) -> None:
            if not as_json:
                _plain(
                    err_console,
                    f"{step.rps:g} rps: {step.completed}/{step.sent} done, "
                    f"p95 {_num(step.latency_ms['p95'], '.0f')} ms",
                )

        result = step_load(
            app_sender(app, tag),
            questions,
            rates,
            duration,
            target_p95_ms=target_p95_ms,
            arrivals=arrivals,  # type: ignore[arg-type]
            max_requests=max_requests,
            max_in_flight=max_in_flight,
            seed=seed,
            on_step=on_step,
        )
    if as_json:
        _json({"candidate": candidate, **result.to_dict()})
        return
    table = _table(f"Load on {candidate} ({arrivals} arrivals, {duration:g} s per rate)")
    for col in ("rps", "sent", "done", "errors", "achieved", "p50 ms", "p95 ms", "p99 ms"):
        table.add_column(col, justify="right")
    table.add_column("TTFT p95 ms", justify="right")
    for s in result.steps:
        table.add_row(
            f"{s.rps:g}",
            str(s.sent),
            str(s.completed),
            str(s.errors),
            f"{s.achieved_rps:.2f}",
            _num(s.latency_ms["p50"], ".0f"),
            _num(s.latency_ms["p95"], ".0f"),
            _num(s.latency_ms["p99"], ".0f"),
            _num(s.ttft_ms["p95"], ".0f"),
        )
    console.print(table)
    if target_p95_ms is not None:
        broke = f"{result.breaking_rps:g} rps" if result.breaking_rps else "no rate tried"
        held = f"{result.max_ok_rps:g} rps" if result.max_ok_rps else "none"
        _plain(console, f"p95 target {target_p95_ms:g} ms: broken at {broke}; held up to {held}")


def _load_questions(dataset: Path | None) -> list[str]:
    from genaiops.errors import InputError
    from genaiops.evaluation.datasets import load_dataset

    if dataset is None:
        return ["What can you help me with?"]
    ds = load_dataset(dataset)
    if not ds.items:
        raise InputError(f"{dataset}: no questions\n{ds.error_report()}")
    return [i.question for i in ds.items]


def _load_target(rt: Runtime, candidate: str, suite: Path | None) -> Any:
    """An app of the project (what it serves), or a suite's candidate, uncached."""
    from genaiops.errors import NotFoundError
    from genaiops.evaluation.candidates import build_app
    from genaiops.evaluation.suite import load_suite, resolve_candidates

    if suite is None:
        return rt.app(candidate)
    config, _ = load_suite(suite)
    found = {c.name: c for c in resolve_candidates(rt.config, config)}
    if candidate not in found:
        raise NotFoundError(f"{suite}: no candidate {candidate!r}; candidates: {', '.join(found)}")
    return build_app(rt, candidate, found[candidate].config)
