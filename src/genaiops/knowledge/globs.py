"""Glob patterns on source ids and keys, as regular expressions.

One translation serves the folder and S3 connectors (which files a knowledge base reads)
and access rules and retrieval filters (which documents a caller may read, applied in
Python and, with PostgreSQL's ``~``, in SQL), so a pattern means the same everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["glob_regex"]


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> str:
    """An anchored regular expression, valid in Python and in PostgreSQL (``~``), that
    matches source ids the glob ``pattern`` matches: ``**/`` is zero or more folders,
    ``**`` anything, ``*`` anything within a segment, ``?`` one character of a segment."""
    out, i = ["^"], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    out.append("$")
    return "".join(out)
