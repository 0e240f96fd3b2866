"""A newcomer's first hour, end to end, in a folder with spaces in its name: init,
validate, ingest, ask (the real local model), usage, and the database stopped after."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _cli(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("GENAIOPS_")}
    return subprocess.run(
        [sys.executable, "-m", "genaiops.cli.main", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**base, "COLUMNS": "80", **(env or {})},
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_the_whole_newcomer_path_in_a_folder_with_spaces(tmp_path: Path) -> None:
    project = tmp_path / "My Company Docs" / "proj"
    steps = []
    init = _cli("init", project, cwd=tmp_path)
    steps.append(init)
    assert init.returncode == 0, init.stderr
    (project / "docs" / "hours.md").write_text(
        "# Opening hours\n\nThe Leeds store opens at 9 am and closes at 6 pm, Monday to "
        "Saturday. It is closed on Sundays.\n",
        "utf-8",
    )
    for args in (("validate",), ("kb", "ingest")):
        out = _cli(*args, "-p", project, cwd=tmp_path)
        steps.append(out)
        assert out.returncode == 0, out.stderr
    ask = _cli("ask", "--json", "-p", project, "When does the Leeds store open?", cwd=tmp_path)
    assert ask.returncode == 0, ask.stderr
    payload = json.loads(ask.stdout)
    assert payload["status"] in ("answered", "blocked")  # a 135M model; both are honest
    assert payload["retrieved"][0]["source"] == "docs/hours.md"
    assert payload["cost_usd"] > 0
    usage = _cli("usage", "--json", "-p", project, cwd=tmp_path)
    assert usage.returncode == 0 and "local-small" in usage.stdout, usage.stderr
    status = _cli("db", "status", "--json", "-p", project, cwd=tmp_path)
    assert json.loads(status.stdout)["running"] is False  # stopped when the last user ended
    for out in [*steps, ask, usage, status]:
        assert "Traceback" not in out.stderr


def test_bad_settings_and_project_files_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "genaiops.yaml").write_bytes(b"version: 1\nname: caf\xe9\n")
    bad = _cli("usage", "-p", tmp_path, cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "UTF-8" in bad.stderr
    assert "Traceback" not in bad.stderr
    (tmp_path / "genaiops.yaml").write_text("version: 1\nname: ok\n", "utf-8")
    mysql = _cli("usage", "-p", tmp_path, cwd=tmp_path, env={"GENAIOPS_DATABASE_URL": "mysql://x"})
    assert mysql.returncode == 2, mysql.stderr
    assert mysql.stderr.startswith("error: GENAIOPS_DATABASE_URL: a 'mysql' URL is not PostgreSQL")
    assert len(mysql.stderr.strip().splitlines()) == 1
