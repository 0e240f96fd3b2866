"""`genaiops serve`: the OpenAI-compatible API on uvicorn.

Thin: check the project file here (so a mistake is one line, not a worker's traceback),
then hand over to uvicorn, which imports :func:`genaiops.server.app.create_app` in each
worker process. The project reaches the workers as ``GENAIOPS_PROJECT``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["serve_command"]

ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]


def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on (0.0.0.0: every interface)")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="worker processes, each with its own warm runtime")
    ] = 1,
    project: ProjectOpt = None,
) -> None:
    """Serve the project's apps as an OpenAI-compatible API (/v1/chat/completions,
    /v1/embeddings, /v1/models) with API keys, /healthz and /readyz. Ctrl-C or SIGTERM
    stop it once the requests in flight are answered."""
    import uvicorn

    from genaiops.config import PROJECT_FILE, get_settings, load_project

    config, base = load_project(project)  # a broken project file fails here, in one line
    project_file = project.resolve() if project is not None and project.is_file() else None
    os.environ["GENAIOPS_PROJECT"] = str(project_file or base / PROJECT_FILE)
    get_settings.cache_clear()  # a worker in this process (--workers 1) reads it afresh
    apps = ", ".join(sorted(config.apps)) or "(none)"
    typer.echo(f"serving {config.name} (apps: {apps}) on http://{host}:{port}/v1", err=True)
    uvicorn.run(
        "genaiops.server.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        timeout_graceful_shutdown=30,
        proxy_headers=False,
        server_header=False,
        log_level="info",
    )
