"""Parsers: the bytes of one file in, its text and structure out; one small module per format.

A connector reads a file once, within its size limit, and hands the bytes here, so the
folder and S3 connectors read every format the same way and no parser opens a file or the
network. :func:`parse` picks the parser by the file's suffix and returns one
:class:`Parsed` per document (one for most formats; one per row for a table read with
``rows_as_documents``). A file that cannot be read raises :class:`Unreadable` with a reason
a person can act on; the connector lists it as skipped and goes on with the next file.

=============  ==============================  =============================================
suffix         module                          text
=============  ==============================  =============================================
.md .txt ...   :mod:`.text`                    UTF-8 as is (a NUL byte means binary)
.html .htm     :mod:`.html`                    main content as Markdown-style headings and
                                               paragraphs; navigation, scripts, styles,
                                               headers and footers dropped
.pdf           :mod:`.pdf`                     one section per page (pypdfium2)
.docx          :mod:`.docx`                    paragraphs, lists and tables; one section per
                                               heading (zipfile + a streaming XML reader)
.csv .jsonl    :mod:`.tables`                  one document per file, or per row
=============  ==============================  =============================================

Why these parsers and not others is measured in ``benchmarks/parsers.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import PurePosixPath

from genaiops.knowledge.connectors import SkippedFile, SourceDocument
from genaiops.knowledge.parsers.base import Outline, Parsed, Unreadable
from genaiops.knowledge.parsers.tables import TableOptions

__all__ = [
    "SUFFIXES",
    "Outline",
    "Parsed",
    "TableOptions",
    "Unreadable",
    "parse",
    "to_documents",
]

Parser = Callable[[bytes, str, TableOptions], list[Parsed]]


def _text(data: bytes, name: str, _: TableOptions) -> list[Parsed]:
    from genaiops.knowledge.parsers.text import parse_text

    return [parse_text(data, name)]


def _html(data: bytes, name: str, _: TableOptions) -> list[Parsed]:
    from genaiops.knowledge.parsers.html import parse_html

    return [parse_html(data, name)]


def _pdf(data: bytes, name: str, _: TableOptions) -> list[Parsed]:
    from genaiops.knowledge.parsers.pdf import parse_pdf

    return [parse_pdf(data, name)]


def _docx(data: bytes, name: str, _: TableOptions) -> list[Parsed]:
    from genaiops.knowledge.parsers.docx import parse_docx

    return [parse_docx(data, name)]


def _csv(data: bytes, name: str, options: TableOptions) -> list[Parsed]:
    from genaiops.knowledge.parsers.tables import parse_csv

    return parse_csv(data, name, options)


def _jsonl(data: bytes, name: str, options: TableOptions) -> list[Parsed]:
    from genaiops.knowledge.parsers.tables import parse_jsonl

    return parse_jsonl(data, name, options)


#: the parser of each suffix (lower case); a file with another suffix is read as text
SUFFIXES: dict[str, Parser] = {
    ".md": _text,
    ".markdown": _text,
    ".txt": _text,
    ".text": _text,
    ".html": _html,
    ".htm": _html,
    ".pdf": _pdf,
    ".docx": _docx,
    ".csv": _csv,
    ".jsonl": _jsonl,
}


def parse(data: bytes, name: str, options: TableOptions | None = None) -> list[Parsed]:
    """The documents in one file's bytes; ``name`` (a file name or key) picks the parser.

    Raises :class:`Unreadable` for a file that is not what its suffix says, is encrypted,
    damaged, empty or too large once unpacked. A suffix with no parser of its own is read
    as UTF-8 text, so an ``include`` pattern may name any text format; a binary file there
    is reported as unsupported."""
    suffix = PurePosixPath(name).suffix.lower()
    parser = SUFFIXES.get(suffix)
    if parser is not None:
        return parser(data, name, options or TableOptions())
    try:
        return _text(data, name, options or TableOptions())
    except Unreadable as exc:
        known = " ".join(sorted(SUFFIXES))
        raise Unreadable(
            f"unsupported file type {suffix or '(no suffix)'!r} ({exc}); "
            f"supported: {known}, or any UTF-8 text"
        ) from None


def to_documents(
    data: bytes,
    source: str,
    uri: str,
    modified: datetime | None,
    options: TableOptions,
    skipped: list[SkippedFile],
) -> list[SourceDocument]:
    """A connector's documents from one file's bytes (``source`` is the file's id, its
    name picks the parser); a file that cannot be parsed goes to ``skipped``. A row of a
    table is ``<source>/<row id>``, under its file's id."""
    name = PurePosixPath(source).name
    try:
        found = parse(data, name, options)
    except Unreadable as exc:
        skipped.append(SkippedFile(source, str(exc)))
        return []
    except Exception as exc:
        # the one per-file boundary: a parser library can raise anything on a malformed
        # file (PDFium and zipfile have no single error type for "damaged"), and one bad
        # file must not stop the batch; the type names what failed
        skipped.append(SkippedFile(source, f"could not parse it: {type(exc).__name__}: {exc}"))
        return []
    stem = PurePosixPath(name).stem
    return [
        SourceDocument(
            f"{source}/{p.key}" if p.key else source,
            p.title or stem,
            p.text,
            p.sections,
            uri=f"{uri}#{p.key}" if p.key else uri,
            mime=p.mime,
            modified=modified,
            meta=dict(p.meta),
        )
        for p in found
    ]
