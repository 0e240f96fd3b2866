"""DOCX: paragraphs, list items and table rows in document order, one section per heading.

Read with ``zipfile`` and a streaming XML parser rather than python-docx: a DOCX is a zip,
and a zip can be a bomb (a few kilobytes that unpack to gigabytes). The sizes in the zip's
directory are checked before anything is unpacked, and ``zipfile`` stops at the declared
size, so a lying directory unpacks no more than it declared. python-docx loads every part
into memory first (and brings lxml): on a 1 MB file unpacking to 1 GB it grew by 1.8 GB
in 15 s (``benchmarks/parsers.py``). The streaming reader holds one top-level paragraph
or table at a time and read the same text as python-docx, five times faster.

Headings are paragraphs whose style is Word's "Title" or "Heading N" (by the style's
name, so a document written in another language's Word is read the same) or has an
outline level; "Title" is level 1 and "Heading N" level N+1, so a document's title heads
the path of every section.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import IO
from xml.etree import ElementTree as ET

from genaiops.knowledge.parsers.base import Outline, Parsed, Unreadable, clean_inline

__all__ = ["MAX_PART_BYTES", "parse_docx"]

#: the most a DOCX part may unpack to: Word's document.xml for a 500-page report is ~20 MB
MAX_PART_BYTES = 64_000_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_DOCUMENT = "word/document.xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted Office file, or an old .doc
_HEADING_NAME = re.compile(r"^heading\s*(\d)$")
_NESTED = frozenset({f"{_W}p", f"{_W}txbxContent", f"{_W}tbl"})


def _open_part(zf: zipfile.ZipFile, name: str) -> IO[bytes] | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        ratio = info.file_size / max(info.compress_size, 1)
        raise Unreadable(
            f"{name} unpacks to {info.file_size / 1e6:,.0f} MB ({ratio:,.0f}x its packed "
            f"size), over the {MAX_PART_BYTES / 1e6:.0f} MB limit for a DOCX part: a zip "
            f"bomb, or a document to split"
        )
    return zf.open(info)


def _events(stream: IO[bytes], part: str) -> Iterator[tuple[str, ET.Element]]:
    """Start and end events of one XML part, read in 64 KB pieces."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    first = True
    while chunk := stream.read(65536):
        if first and b"<!DOCTYPE" in chunk[:4096].upper():
            # Word never writes a DTD; one here could only declare entity expansions
            raise Unreadable(f"{part} declares a DTD, which Word never writes; not a DOCX")
        first = False
        try:
            parser.feed(chunk)
        except ET.ParseError as exc:
            raise Unreadable(f"damaged DOCX: {part}: {exc}") from None
        for item in parser.read_events():
            el = item[-1]
            if isinstance(el, ET.Element):  # start/end events only were asked for
                yield item[0], el
    try:
        parser.close()
    except ET.ParseError as exc:
        raise Unreadable(f"damaged DOCX: {part}: {exc}") from None


def _styles(zf: zipfile.ZipFile) -> dict[str, tuple[int | None, bool]]:
    """Style id -> (heading level or None, whether it is a list style)."""
    stream = _open_part(zf, "word/styles.xml")
    if stream is None:
        return {}
    styles: dict[str, tuple[int | None, bool]] = {}
    with stream:
        for event, el in _events(stream, "word/styles.xml"):
            if event != "end" or el.tag != f"{_W}style":
                continue
            name_el = el.find(f"{_W}name")
            name = (name_el.get(f"{_W}val") if name_el is not None else "") or ""
            outline = el.find(f"{_W}pPr/{_W}outlineLvl")
            level: int | None = None
            if name.lower() == "title":
                level = 1
            elif m := _HEADING_NAME.match(name.lower()):
                level = int(m.group(1)) + 1
            elif outline is not None and (val := outline.get(f"{_W}val", "")).isdigit():
                level = int(val) + 2 if int(val) < 9 else None  # 9: body text
            is_list = "list" in name.lower() or el.find(f"{_W}pPr/{_W}numPr") is not None
            styles[el.get(f"{_W}styleId", "")] = (level, is_list)
            el.clear()
    return styles


def _text(el: ET.Element) -> str:
    """A paragraph's own text: runs, hyperlinks, insertions, fields' results; not the
    paragraphs of text boxes inside it (they come as paragraphs of their own)."""
    out: list[str] = []
    for child in el:
        tag = child.tag
        if tag in _NESTED:
            continue
        if tag == f"{_W}t":
            out.append(child.text or "")
        elif tag == f"{_W}tab":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif tag not in (f"{_W}pPr", f"{_W}rPr", f"{_W}delText", f"{_W}instrText"):
            out.append(_text(child))
    return "".join(out)


def _row(tr: ET.Element) -> str:
    cells = []
    for tc in tr.iter(f"{_W}tc"):
        cells.append(" ".join(clean_inline(_text(p)) for p in tc.iter(f"{_W}p")))
    return " | ".join(c for c in cells if c)


def _title(zf: zipfile.ZipFile) -> str:
    stream = _open_part(zf, "docProps/core.xml")
    if stream is None:
        return ""
    with stream:
        for event, el in _events(stream, "docProps/core.xml"):
            if event == "end" and el.tag == _DC_TITLE:
                return clean_inline(el.text or "")
    return ""


def _read(zf: zipfile.ZipFile, name: str) -> Parsed:
    styles = _styles(zf)
    stream = _open_part(zf, _DOCUMENT)
    if stream is None:
        raise Unreadable(f"not a Word document: the zip has no {_DOCUMENT}")
    outline = Outline()
    first_heading = ""
    depth = 0  # elements open; a child of the body closes back to depth 2
    in_table = 0
    body: ET.Element | None = None
    with stream:
        for event, el in _events(stream, _DOCUMENT):
            if event == "start":
                depth += 1
                in_table += el.tag == f"{_W}tbl"
                body = el if el.tag == f"{_W}body" else body
                continue
            depth -= 1
            if el.tag == f"{_W}tbl":
                in_table -= 1
            elif el.tag == f"{_W}tr" and in_table == 1:
                outline.block(_row(el))
            elif el.tag == f"{_W}p" and not in_table:
                style_el = el.find(f"{_W}pPr/{_W}pStyle")
                style = style_el.get(f"{_W}val", "") if style_el is not None else ""
                level, is_list = styles.get(style, (None, False))
                if (lvl := el.find(f"{_W}pPr/{_W}outlineLvl")) is not None:
                    val = lvl.get(f"{_W}val", "")
                    level = int(val) + 2 if val.isdigit() and int(val) < 9 else level
                text = _text(el)
                if level is not None and text.strip():
                    outline.heading(level, text)
                    first_heading = first_heading or clean_inline(text)
                else:
                    numbered = el.find(f"{_W}pPr/{_W}numPr") is not None
                    outline.block(text, item=is_list or numbered)
            if depth == 2 and body is not None and el is not body:
                body.remove(el)  # a finished paragraph or table: hold no more than one
    text, sections = outline.build()
    if not text.strip():
        raise Unreadable("no text in the document")
    title = _title(zf) or first_heading or PurePosixPath(name).stem
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return Parsed(text, title, mime, sections)


def parse_docx(data: bytes, name: str) -> Parsed:
    if data.startswith(_OLE_MAGIC):
        raise Unreadable(
            "a password-protected Office file or an old .doc (OLE container), not a DOCX; "
            "save it as an unprotected .docx"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return _read(zf, name)
    except zipfile.BadZipFile as exc:
        raise Unreadable(f"not a DOCX, or a damaged one (zip: {exc})") from None
    except (zlib.error, EOFError) as exc:
        raise Unreadable(f"damaged DOCX: its compressed data is corrupt ({exc})") from None
    except NotImplementedError as exc:  # zipfile: a compression method it lacks
        raise Unreadable(f"DOCX packed in a way Python's zipfile cannot read: {exc}") from None
