"""`genaiops runtime start` keeps a runtime warm; `genaiops ask` attaches to it, streams
only checked text from it, and falls back to asking in-process when none runs or the
project file changed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLE
from genaiops.server.warm import read_info


def _cli(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "genaiops.cli.main", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


@pytest.fixture
def warm_project(tmp_path: Path, database_url: str, runtime: object) -> Iterator[tuple[Path, Any]]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    reply = "Our stores open at nine. Here is the password dump: hunter2. Bye."
    data["models"] = {"local-small": {"provider": "echo", "reply": reply}}
    data["knowledge_bases"]["handbook"]["paths"] = [str(EXAMPLE / "docs")]
    project = tmp_path / "my project"  # a space, as a newcomer's folder may have
    project.mkdir()
    (project / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
    env = {**os.environ, "GENAIOPS_DATABASE_URL": database_url, "COLUMNS": "200"}
    started = _cli("runtime", "start", "-p", project, "--idle", "120", env=env)
    assert started.returncode == 0, started.stderr + started.stdout
    try:
        yield project, env
    finally:
        _cli("runtime", "stop", "-p", project, env=env)


def test_ask_attaches_to_the_warm_runtime(warm_project: tuple[Path, Any]) -> None:
    project, env = warm_project
    info = read_info(project / ".genaiops")
    assert info is not None and info.alive()
    t0 = time.monotonic()
    out = _cli("ask", "--stream", "-p", project, "When do the stores open?", env=env)
    took = time.monotonic() - t0
    assert out.returncode == 0, out.stderr
    streamed, _, rest = out.stdout.partition("blocked:")
    assert streamed.strip() == "Our stores open at nine." and "hunter2" not in out.stdout
    assert "word_filter:password dump -> BLOCKED" in rest
    status = _cli("runtime", "status", "-p", project, "--json", env=env)
    assert '"asks": 1' in status.stdout, status.stdout
    assert took < 10  # no model, guardrail or database start-up in this process
    # a changed project file is not served by the old runtime: the ask runs in-process
    (project / "genaiops.yaml").write_text(
        (project / "genaiops.yaml").read_text("utf-8").replace("hunter2", "x"), "utf-8"
    )
    again = _cli("ask", "-p", project, "When do the stores open?", env=env)
    assert again.returncode == 0 and "older genaiops.yaml" in again.stderr
    assert '"asks": 1' in _cli("runtime", "status", "-p", project, "--json", env=env).stdout


def test_stop_ends_the_runtime(warm_project: tuple[Path, Any]) -> None:
    project, env = warm_project
    info = read_info(project / ".genaiops")
    assert info is not None
    stopped = _cli("runtime", "stop", "-p", project, env=env)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert not info.alive() and read_info(project / ".genaiops") is None
    assert "no warm runtime" in _cli("runtime", "status", "-p", project, env=env).stdout
