"""CSV and JSON Lines: one document per file, or one per row.

A price list or a product table answers questions row by row ("how much is the 540 Wh
battery?"), so ``rows_as_documents`` makes each row its own document: its text is the
``text_columns`` (all columns when none are named, as ``column: value`` lines so the
column names carry their meaning into retrieval), its title the ``title_column``, its key
the ``id_column`` (the row number otherwise, which shifts when rows are inserted: name an
id column for stable ids), and the other columns go to ``meta``. Read as one document,
each row is one ``- column: value; ...`` line, which the chunker keeps whole.

A file whose named columns are missing, whose ids repeat, or with a malformed line is
skipped whole with the line named: half a table is a wrong answer waiting to happen.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from genaiops.knowledge.parsers.base import Parsed, Unreadable
from genaiops.knowledge.parsers.text import decode_utf8

__all__ = ["TableOptions", "parse_csv", "parse_jsonl", "render_rows"]


@dataclass(frozen=True)
class TableOptions:
    rows_as_documents: bool = False
    text_columns: tuple[str, ...] = ()  # empty: every column
    title_column: str | None = None
    id_column: str | None = None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return json.dumps(value, ensure_ascii=False)


def _check_columns(columns: list[str], options: TableOptions, where: str) -> None:
    named = [*options.text_columns, options.title_column, options.id_column]
    missing = [c for c in named if c is not None and c not in columns]
    if missing:
        raise Unreadable(
            f"{where} has no column {missing[0]!r}; its columns: {', '.join(columns) or '(none)'}"
        )


def render_rows(
    rows: Iterable[tuple[int, Mapping[str, str]]],
    columns: list[str],
    name: str,
    mime: str,
    options: TableOptions,
) -> list[Parsed]:
    """Documents from (line number, row) pairs, per :class:`TableOptions`."""
    stem = PurePosixPath(name).stem
    shown = list(options.text_columns) or columns

    def text_of(row: Mapping[str, str], sep: str) -> str:
        if len(shown) == 1:
            return row.get(shown[0], "")
        return sep.join(f"{c}: {row[c]}" for c in shown if row.get(c))

    if not options.rows_as_documents:
        lines = [f"- {t}" for _, row in rows if (t := text_of(row, "; "))]
        if not lines:
            raise Unreadable("no rows with text")
        return [Parsed("\n".join(lines), stem, mime)]
    docs: list[Parsed] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        text = text_of(row, "\n")
        if not text.strip():
            continue
        key = row.get(options.id_column, "") if options.id_column else f"row-{len(docs) + 1}"
        if not key:
            raise Unreadable(f"line {line}: the id column {options.id_column!r} is empty")
        if key in seen:
            raise Unreadable(
                f"line {line}: the id {key!r} repeats line {seen[key]}; the id column "
                f"{options.id_column!r} must be unique"
            )
        seen[key] = line
        title = row.get(options.title_column, "") if options.title_column else ""
        meta = {c: row.get(c, "") for c in columns if c not in shown}
        docs.append(Parsed(text, title or f"{stem} {key}", mime, key=key, meta=meta))
    if not docs:
        raise Unreadable("no rows with text")
    return docs


def parse_csv(data: bytes, name: str, options: TableOptions) -> list[Parsed]:
    text = decode_utf8(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=",;\t|"
        )
    except csv.Error:  # one column, or too little to tell: the standard comma
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        columns = [c.strip() for c in reader.fieldnames or [] if c is not None]
    except csv.Error as exc:
        raise Unreadable(f"line 1: malformed CSV ({exc})") from None
    if not columns:
        raise Unreadable("empty")
    _check_columns(columns, options, "the header")

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for row in reader:
                yield (
                    reader.line_num,
                    {(k or "").strip(): _cell(v) for k, v in row.items() if k is not None},
                )
        except csv.Error as exc:
            raise Unreadable(f"line {reader.line_num}: malformed CSV ({exc})") from None

    return render_rows(rows(), columns, name, "text/csv", options)


def parse_jsonl(data: bytes, name: str, options: TableOptions) -> list[Parsed]:
    text = decode_utf8(data)
    records: list[tuple[int, dict[str, str]]] = []
    columns: dict[str, None] = {}  # every key, in the order first seen
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise Unreadable(f"line {number}: invalid JSON ({exc.msg})") from None
        if not isinstance(value, dict):
            raise Unreadable(f"line {number}: a JSON {type(value).__name__}, not an object")
        columns.update(dict.fromkeys(value))
        records.append((number, {k: _cell(v) for k, v in value.items()}))
    if not records:
        raise Unreadable("empty")
    _check_columns(list(columns), options, "no line")
    return render_rows(records, list(columns), name, "application/jsonl", options)
