"""Server settings of the embedded PostgreSQL, sized from the machine's memory.

``initdb`` leaves PostgreSQL's defaults, made for a server that shares a small machine:
``shared_buffers`` 128 MB and ``effective_cache_size`` 4 GB. A knowledge base of 100,000
chunks is a database of about 560 MB (the heap holds each chunk's text and vector, plus
the HNSW and full-text indexes), so with 128 MB most pages a hybrid query touches come
from the operating system's cache through a buffer replacement each, and the keyword
arm, which reads up to a thousand random heap rows per query term to check the reader's
access, paid for it (``benchmarks/p6_retrieval_100k.py``: see the README).

:func:`write_settings` writes ``genaiops.conf`` into the data folder, included from
``postgresql.conf``, before the server starts:

* ``shared_buffers``: an eighth of the memory (the machine's, or the container's cgroup
  limit where lower), at least 128 MB and at most 1 GB. Linux maps the segment lazily,
  so pages that are never used cost nothing.
* ``effective_cache_size``: half the memory, a planner hint (nothing is allocated).

A change takes effect at the server's next start. ``ALTER SYSTEM`` still wins
(``postgresql.auto.conf`` is read after ``postgresql.conf``), so an operator can
override either setting; an external server (``GENAIOPS_DATABASE_URL``) is never touched.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["SETTINGS_FILE", "memory_bytes", "server_settings", "write_settings"]

SETTINGS_FILE = "genaiops.conf"
_INCLUDE = f"include_if_exists = '{SETTINGS_FILE}'"
_MB = 2**20
_CGROUP_LIMITS = (
    Path("/sys/fs/cgroup/memory.max"),  # cgroup v2
    Path("/sys/fs/cgroup/memory/memory.limit_in_bytes"),  # cgroup v1
)


def memory_bytes() -> int | None:
    """The memory this process may use: the machine's, or its cgroup's limit if lower;
    ``None`` where the platform does not say (the defaults are kept then)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None
    for path in _CGROUP_LIMITS:
        try:
            text = path.read_text().strip()
        except OSError:
            continue
        if text.isdigit():
            total = min(total, int(text))
    return total if total > 0 else None


def server_settings(memory: int | None) -> dict[str, str]:
    """The settings for a machine with ``memory`` bytes (none: keep the defaults)."""
    if memory is None:
        return {}
    shared = min(max(memory // 8, 128 * _MB), 1024 * _MB)
    cache = max(memory // 2, shared)
    return {
        "shared_buffers": f"{shared // _MB}MB",
        "effective_cache_size": f"{cache // _MB}MB",
    }


def write_settings(pgdata: Path, settings: dict[str, str] | None = None) -> None:
    """Write ``settings`` (default: :func:`server_settings` of this machine) to the data
    folder's ``genaiops.conf`` and include that file from ``postgresql.conf`` once. Only
    rewrites what changed; a folder that is not initialized yet is left alone."""
    conf = pgdata / "postgresql.conf"
    if not conf.exists():
        return
    if settings is None:
        settings = server_settings(memory_bytes())
    lines = ["# written by genaiops at each start (see genaiops.storage.pgsettings)"]
    lines += [f"{name} = '{value}'" for name, value in sorted(settings.items())]
    text = "\n".join(lines) + "\n"
    target = pgdata / SETTINGS_FILE
    if not target.exists() or target.read_text("utf-8") != text:
        tmp = target.with_name(SETTINGS_FILE + ".tmp")
        tmp.write_text(text, "utf-8")
        tmp.chmod(0o644)  # the server may run as another OS user (pgserver, under root)
        os.replace(tmp, target)
    current = conf.read_text("utf-8")
    if _INCLUDE not in current.splitlines():
        with conf.open("a", encoding="utf-8") as f:
            f.write(("" if current.endswith("\n") else "\n") + _INCLUDE + "\n")
