"""`genaiops ask` end to end: guarded streaming through the CLI, and Ctrl-C on the real
model (the process stops within a second, exit 130, the call metered as cancelled)."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLE
from genaiops.cli.main import app
from genaiops.config import get_settings
from genaiops.costs.ledger import Ledger
from genaiops.runtime import Runtime
from genaiops.storage import Database

runner = CliRunner()


@pytest.fixture
def shared_db(
    database_url: str, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The session's database (its handbook already ingested), reached by URL."""
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def _project(tmp_path: Path, model: dict[str, Any], max_tokens: int = 96) -> Path:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {"local-small": model}
    data["apps"]["assistant"]["max_tokens"] = max_tokens
    data["knowledge_bases"]["handbook"]["paths"] = [str(EXAMPLE / "docs")]
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
    return tmp_path


def test_the_cli_streams_only_checked_text(tmp_path: Path, shared_db: str) -> None:
    reply = "Our stores open at nine. Here is the password dump: admin hunter2. And more."
    project = _project(tmp_path, {"provider": "echo", "reply": reply})
    result = runner.invoke(
        app,
        ["ask", "--stream", "-p", str(project), "When do the stores open?"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    streamed, _, rest = result.output.partition("blocked:")
    assert streamed.strip() == "Our stores open at nine."  # only what passed was printed
    assert "hunter2" not in result.output
    assert "word_filter:password dump -> BLOCKED" in rest


@pytest.mark.slow
def test_ctrl_c_stops_an_ask_on_the_real_model_within_a_second(
    tmp_path: Path, shared_db: str, database: Database
) -> None:
    model = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))["models"]
    project = _project(tmp_path, {**model["local-small"], "n_threads": 1}, max_tokens=1500)
    env = {**os.environ, "GENAIOPS_DATABASE_URL": shared_db, "COLUMNS": "300"}
    question = "Describe every bike Fenwick Cycles sells, in great detail, and then repeat it."
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "genaiops.cli.main",
            "ask",
            "--stream",
            "-p",
            str(project),
            question,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 120)  # the first released text
        assert ready, "no text was streamed within 120 s"
        first = os.read(proc.stdout.fileno(), 4096)
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        stopped = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
    text = (first + out).decode()
    assert proc.returncode == 130, (text, err.decode())
    assert stopped < 3.0, stopped  # the model stops at its next token; exit adds a little
    assert "Traceback" not in err.decode() and "Exception ignored" not in err.decode()
    assert "cancelled:" in text
    trace = re.search(r"trace ([0-9a-f]{32})", text)
    assert trace is not None, text
    rows = Ledger(database).calls(trace.group(1))
    assert rows and rows[0]["status"] == "cancelled"
    assert 0 < rows[0]["completion_tokens"] < 1500 and rows[0]["cost_usd"] > 0
    audit = Ledger(database).ask(trace.group(1))
    assert audit is not None and audit["status"] == "cancelled"
