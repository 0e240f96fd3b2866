"""The embedded PostgreSQL's lifecycle on the real server: it stops with its last user however
that user ends (clean exit, SIGTERM, SIGKILL followed by another user), any project path
works, and `genaiops db status|stop` report and stop it. Every test stops what it started."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from genaiops.errors import StorageError
from genaiops.storage import Database
from genaiops.storage.embedded import PGDATA_DIR, server_status, stop_server

runner = CliRunner()

# a user of the database that holds it open until it is signalled
CHILD = """
import sys, time
from pathlib import Path
from genaiops.storage import Database
db = Database(data_dir=Path(sys.argv[1]))
db.schema_version()
print("ready", flush=True)
time.sleep(60)
"""


class Lab:
    """Project folders and user processes of one test, all cleaned up after it."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.children: list[subprocess.Popen[str]] = []
        self.pgdatas: list[Path] = []

    def project(self, *parts: str) -> Path:
        folder = self.tmp_path.joinpath(*parts) if parts else self.tmp_path / "proj"
        folder.mkdir(parents=True)
        (folder / "genaiops.yaml").write_text("name: lifecycle\n", "utf-8")
        self.pgdatas.append(folder / ".genaiops" / PGDATA_DIR)
        return folder

    def user(self, project: Path) -> subprocess.Popen[str]:
        """A process that opened the project's database and holds it."""
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(project / ".genaiops")],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.children.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", "the user process did not start"
        return proc

    def close(self) -> None:
        for proc in self.children:
            if proc.poll() is None:
                proc.kill()
            proc.wait(10)
            if proc.stdout:
                proc.stdout.close()
        for pgdata in self.pgdatas:
            if pgdata.exists():
                stop_server(pgdata, force=True)
                assert not server_status(pgdata).running


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = Lab(tmp_path)
    try:
        yield lab
    finally:
        lab.close()


def pgdata_of(project: Path) -> Path:
    return project / ".genaiops" / PGDATA_DIR


@pytest.mark.timeout(60)
def test_sigterm_ends_the_user_cleanly_and_stops_the_server(lab: Lab) -> None:
    project = lab.project()
    user = lab.user(project)
    status = server_status(pgdata_of(project))
    assert status.running and status.users == [user.pid]

    user.send_signal(signal.SIGTERM)
    assert user.wait(30) == 128 + signal.SIGTERM  # SystemExit, so atexit ran

    status = server_status(pgdata_of(project))
    assert not status.running
    assert status.users == [] and status.stale_users == []


@pytest.mark.timeout(60)
def test_a_sigkilled_user_leaves_a_stale_handle_the_next_user_clears(lab: Lab) -> None:
    project = lab.project()
    user = lab.user(project)
    user.kill()
    user.wait(10)
    status = server_status(pgdata_of(project))
    assert status.running and status.stale_users == [user.pid] and status.users == []

    db = Database(data_dir=project / ".genaiops")
    try:
        assert db.schema_version()
        status = server_status(pgdata_of(project))
        assert status.users == [os.getpid()] and status.stale_users == []  # pruned on start
    finally:
        db.close()
    assert not server_status(pgdata_of(project)).running  # this process was the last user


@pytest.mark.timeout(60)
def test_a_project_path_with_spaces_starts_and_stops(lab: Lab) -> None:
    project = lab.project("My Company Docs", "proj")
    db = Database(data_dir=project / ".genaiops")
    try:
        assert db.schema_version()
        status = server_status(pgdata_of(project))
        assert status.running
        assert status.data_dir == pgdata_of(project).resolve()  # the data stays in the project
        assert (pgdata_of(project) / "PG_VERSION").is_file()
        assert status.socket_dir is not None and " " not in status.socket_dir
    finally:
        db.close()
    assert not server_status(pgdata_of(project)).running


@pytest.mark.timeout(60)
def test_a_failed_start_is_one_line_naming_the_log(
    lab: Lab, capfd: pytest.CaptureFixture[str]
) -> None:
    project = lab.project()
    db = Database(data_dir=project / ".genaiops")
    db.schema_version()
    db.close()
    with (pgdata_of(project) / "postgresql.conf").open("a") as conf:
        conf.write("\nno_such_setting_here = 1\n")
    capfd.readouterr()

    with pytest.raises(StorageError) as info:
        Database(data_dir=project / ".genaiops").schema_version()

    message = str(info.value)
    assert "\n" not in message
    assert str(pgdata_of(project) / "log") in message and "no_such_setting_here" in message
    assert "genaiops db stop --force" in message
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # no pg_ctl output or server log dumped on the user


@pytest.mark.timeout(60)
def test_db_status_and_stop_through_the_cli(lab: Lab) -> None:
    from genaiops.cli.main import app

    project = lab.project("My Company Docs", "proj")
    status = runner.invoke(app, ["db", "status", "--json", "-p", str(project)])
    assert status.exit_code == 0, status.output
    assert json.loads(status.output)["running"] is False

    user = lab.user(project)
    status = runner.invoke(app, ["db", "status", "--json", "-p", str(project)])
    assert status.exit_code == 0, status.output
    report = json.loads(status.output)
    assert report["running"] and report["users"] == [user.pid] and report["size_bytes"] > 0
    assert report["data_dir"] == str(pgdata_of(project).resolve())

    refused = runner.invoke(app, ["db", "stop", "-p", str(project)])
    assert refused.exit_code == 1
    assert f"in use by process {user.pid}" in refused.output and "--force" in refused.output
    assert server_status(pgdata_of(project)).running

    user.kill()  # a stale handle does not block a plain stop
    user.wait(10)
    stopped = runner.invoke(app, ["db", "stop", "-p", str(project)])
    assert stopped.exit_code == 0, stopped.output
    assert "stopped the embedded PostgreSQL" in stopped.output and str(user.pid) in stopped.output
    after = server_status(pgdata_of(project))
    assert not after.running and after.users == [] and after.stale_users == []


@pytest.mark.timeout(60)
def test_db_stop_force_stops_under_a_live_user(lab: Lab) -> None:
    project = lab.project()
    user = lab.user(project)
    out = subprocess.run(
        [sys.executable, "-m", "genaiops.cli.main", "db", "stop", "--force", "-p", str(project)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert not server_status(pgdata_of(project)).running
    user.send_signal(signal.SIGTERM)  # its exit must not fail on the server being gone
    assert user.wait(30) == 128 + signal.SIGTERM
    assert server_status(pgdata_of(project)).stale_users == []
