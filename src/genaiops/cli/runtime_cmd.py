"""`genaiops runtime start|stop|status`: a warm runtime in the background.

Each `genaiops ask` otherwise pays the start-up (database, model, guardrail artifacts,
embedder: seconds) before its first token. A started runtime keeps them warm and
`genaiops ask` attaches to it. It stops on `genaiops runtime stop`, or by itself after
``--idle`` seconds without an ask.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from genaiops.errors import StorageError

runtime_app = typer.Typer(help="A warm runtime in the background, which `genaiops ask` uses.")
console = Console()

ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]


def _locate(project: Path | None) -> tuple[Path, Path]:
    """(project file, data folder)."""
    from genaiops.config import PROJECT_FILE, load_project

    config, base = load_project(project)
    if project is not None and project.is_file():
        project_file = project.resolve()
    else:
        project_file = base / PROJECT_FILE
    return project_file, (base / config.data_dir).resolve()


@runtime_app.command("start")
def start(
    idle: Annotated[float, typer.Option(help="stop after this many seconds without an ask")] = 1800,
    wait: Annotated[float, typer.Option(help="seconds to wait for it to be warm")] = 180,
    project: ProjectOpt = None,
) -> None:
    """Start a warm runtime for the project (model, guardrails and database loaded)."""
    from genaiops.server.warm import read_info

    project_file, data_dir = _locate(project)
    info = read_info(data_dir)
    if info is not None and info.alive():
        console.print(f"already running (pid {info.pid})")
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / "runtime.log"
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "genaiops.server.warm_main", str(project_file), str(idle)],
            stdout=out,
            stderr=out,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in this terminal does not reach it
        )
    deadline = time.monotonic() + wait
    with console.status("warming up: database, model, guardrails..."):
        while time.monotonic() < deadline:
            info = read_info(data_dir)
            if info is not None and info.pid == proc.pid and info.alive():
                console.print(f"warm runtime started (pid {proc.pid}); log: {log}", soft_wrap=True)
                return
            if proc.poll() is not None:
                raise StorageError(
                    f"the runtime exited with code {proc.returncode} while starting; see {log}"
                )
            time.sleep(0.2)
    proc.terminate()
    raise StorageError(f"the runtime was not warm within {wait:g} s; see {log}")


@runtime_app.command("status")
def status(
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    project: ProjectOpt = None,
) -> None:
    """Whether a warm runtime runs for the project, and what it has served."""
    from genaiops.server.warm import connect, read_info, request_lines

    _, data_dir = _locate(project)
    info = read_info(data_dir)
    state: dict[str, object] = {"running": False}
    if info is not None and info.alive():
        with connect(info) as sock:
            state = {
                "running": True,
                "current": info.current(),
                **next(request_lines(sock, {"op": "status"})),
            }
    if as_json:
        console.print_json(json.dumps(state))
        return
    if not state["running"]:
        console.print("no warm runtime (start one: genaiops runtime start)")
        return
    stale = "" if state["current"] else " (genaiops.yaml changed since: restart it)"
    console.print(
        f"running: pid {state['pid']}, up {state['uptime_s']} s, {state['asks']} asks, "
        f"idle {state['idle_s']} s{stale}",
        soft_wrap=True,
    )


@runtime_app.command("stop")
def stop(project: ProjectOpt = None) -> None:
    """Stop the project's warm runtime (it finishes the asks in flight)."""
    from genaiops.server.warm import connect, read_info, request_lines

    _, data_dir = _locate(project)
    info = read_info(data_dir)
    if info is None or not info.alive():
        console.print("no warm runtime is running")
        return
    with connect(info) as sock:
        next(request_lines(sock, {"op": "shutdown"}))
    for _ in range(150):
        try:
            os.kill(info.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    console.print(f"stopped (pid {info.pid})")
