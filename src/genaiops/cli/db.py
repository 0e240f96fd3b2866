"""`genaiops db ...`: the project's embedded PostgreSQL: is it running, who uses it, stop it.

The server normally stops with the last command that uses it; these commands are for when
something went wrong (a process killed with SIGKILL, a server of a deleted checkout) or
to free the data folder before copying or deleting it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

db_app = typer.Typer(help="The embedded PostgreSQL: status, stop.")
console = Console()
err_console = Console(stderr=True)

ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]


def _pgdata(project: Path | None) -> Path:
    from genaiops.config import load_project
    from genaiops.storage.embedded import PGDATA_DIR

    cfg, base = load_project(project)
    return (base / cfg.data_dir).resolve() / PGDATA_DIR


def _size(n_bytes: int) -> str:
    if n_bytes < 1024:
        return f"{n_bytes} B"
    size = n_bytes / 1024
    for unit in ("kB", "MB"):
        if size < 1024:
            return f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def _pids(pids: list[int]) -> str:
    return ", ".join(map(str, pids)) or "-"


@db_app.command("status")
def status(
    as_json: Annotated[bool, typer.Option("--json", help="print the status as JSON")] = False,
    project: ProjectOpt = None,
) -> None:
    """Whether the embedded server runs, its pid, socket or port, size and users."""
    from genaiops.storage.embedded import server_status

    st = server_status(_pgdata(project))
    if as_json:
        console.print_json(json.dumps(st.to_dict()))
        return
    if st.running:
        console.print(f"embedded PostgreSQL: [green]running[/] (pid {st.pid})")
    else:
        state = "not running" if st.initialized else "not created yet"
        console.print(f"embedded PostgreSQL: [yellow]{state}[/]")
    rows = [("data folder", f"{st.data_dir} ({_size(st.size_bytes)})")]
    if st.running:
        if st.socket_dir:
            rows.append(("socket", f"{st.socket_dir}/.s.PGSQL.{st.port}"))
        else:
            rows.append(("port", f"127.0.0.1:{st.port}"))
        rows.append(("url", st.url or "-"))
    rows.append(("users", f"{len(st.users)} live: {_pids(st.users)}"))
    if st.stale_users:
        rows.append(
            ("stale", f"{_pids(st.stale_users)} (ended; cleared by the next start or db stop)")
        )
    rows.append(("log", str(st.log_file)))
    for key, value in rows:
        console.print(f"  {key:<12} {value}", markup=False, highlight=False, soft_wrap=True)


@db_app.command("stop")
def stop(
    force: Annotated[
        bool, typer.Option("--force", help="stop it even while live processes use it")
    ] = False,
    project: ProjectOpt = None,
) -> None:
    """Stop the embedded server of the project; handles of ended processes never block it."""
    from genaiops.storage.embedded import ServerInUseError, stop_server

    pgdata = _pgdata(project)
    try:
        result = stop_server(pgdata, force=force)
    except ServerInUseError as exc:
        err_console.print(
            f"not stopped: {exc}; end {'it' if len(exc.pids) == 1 else 'them'} first, "
            f"or pass --force to stop the server under {'it' if len(exc.pids) == 1 else 'them'}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None
    if result.stopped_pid is not None:
        msg = f"stopped the embedded PostgreSQL (pid {result.stopped_pid}) in {pgdata}"
    else:
        msg = f"the embedded PostgreSQL in {pgdata} was not running"
    if result.cleared:
        msg += f"; cleared the handles of processes {_pids(result.cleared)}"
    console.print(msg, markup=False, highlight=False, soft_wrap=True)
