"""Structure-aware chunking of Markdown and plain text.

A document is cut into sections at Markdown headings; each section into units (list
items, sentences); units are packed greedily into chunks of at most ``chunk_size`` tokens
(as the embedder counts them), never across a section, with ``chunk_overlap`` tokens of
trailing units repeated at the start of the next chunk of the same section. A unit longer
than a chunk is cut into word windows. Every chunk keeps its character span in the
document and its heading path, which is prepended when it is embedded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["Chunk", "chunk_document", "document_title"]

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Chunk:
    ordinal: int
    text: str
    heading: str  # "Title > Section > Subsection"
    start_char: int
    end_char: int
    n_tokens: int
    page: int | None = None  # 1-based page of a paged source (PDF)

    @property
    def embed_text(self) -> str:
        return f"{self.heading}\n{self.text}" if self.heading else self.text


def document_title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m and len(m.group(1)) == 1:
            return m.group(2).strip()
        if line.strip() and not m:
            break
    return fallback


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int


def _sections(text: str, title: str) -> Iterator[tuple[str, list[_Unit]]]:
    """Yield (heading path, units) per section; units are char spans of sentences/items."""
    path: list[tuple[int, str]] = []
    units: list[_Unit] = []
    para: list[tuple[int, int]] = []  # line spans of the current paragraph

    def heading() -> str:
        names = [t for _, t in path]
        if not names or names[0] != title:
            names = [title, *names]
        return " > ".join(names)

    def flush_para() -> None:
        if not para:
            return
        start, end = para[0][0], para[-1][1]
        block = text[start:end]
        pos = 0
        for m in _SENTENCE_END.finditer(block):
            units.append(_Unit(start + pos, start + m.start()))
            pos = m.end()
        if block[pos:].strip():
            units.append(_Unit(start + pos, end))
        para.clear()

    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start, end = offset, offset + len(body)
        offset += len(line)
        m = _HEADING.match(body)
        if m:
            flush_para()
            if units:
                yield heading(), units
                units = []
            level = len(m.group(1))
            path = [(lv, t) for lv, t in path if lv < level]
            path.append((level, m.group(2).strip()))
        elif not body.strip():
            flush_para()
        elif _LIST_ITEM.match(body):
            flush_para()
            para.append((start, end))
            flush_para()
        else:
            para.append((start, end))
    flush_para()
    if units:
        yield heading(), units


def chunk_document(
    text: str,
    title: str,
    count_tokens: Callable[[str], int],
    chunk_size: int = 200,
    chunk_overlap: int = 32,
) -> list[Chunk]:
    """Cut ``text`` into chunks of at most ``chunk_size`` tokens (heading included)."""
    chunks: list[Chunk] = []

    def emit(heading: str, spans: list[tuple[int, int, int]]) -> None:
        start, end = spans[0][0], spans[-1][1]
        body = text[start:end].strip()
        if body:
            n = sum(s[2] for s in spans)
            chunks.append(Chunk(len(chunks), body, heading, start, end, n))

    for heading, units in _sections(text, title):
        budget = max(8, chunk_size - count_tokens(heading))
        spans: list[tuple[int, int, int]] = []  # (start, end, tokens)
        for unit in units:
            n = count_tokens(text[unit.start : unit.end])
            pieces = (
                [(unit.start, unit.end, n)]
                if n <= budget
                else _split_long(text, unit, budget, count_tokens)
            )
            for piece in pieces:
                if spans and sum(s[2] for s in spans) + piece[2] > budget:
                    emit(heading, spans)
                    carried: list[tuple[int, int, int]] = []
                    for s in reversed(spans):  # overlap: trailing units of the last chunk
                        if sum(c[2] for c in carried) + s[2] > chunk_overlap:
                            break
                        carried.insert(0, s)
                    spans = carried if sum(c[2] for c in carried) + piece[2] <= budget else []
                spans.append(piece)
        if spans:
            emit(heading, spans)
    return chunks


def _split_long(
    text: str, unit: _Unit, budget: int, count_tokens: Callable[[str], int]
) -> list[tuple[int, int, int]]:
    """Cut one over-long unit into word windows that fit the budget."""
    words = [
        (m.start() + unit.start, m.end() + unit.start)
        for m in re.finditer(r"\S+", text[unit.start : unit.end])
    ]
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(words):
        lo, hi = i + 1, len(words)
        while lo < hi:  # the most words from i that fit
            mid = (lo + hi + 1) // 2
            if count_tokens(text[words[i][0] : words[mid - 1][1]]) <= budget:
                lo = mid
            else:
                hi = mid - 1
        j = max(lo, i + 1)
        span_text = text[words[i][0] : words[j - 1][1]]
        out.append((words[i][0], words[j - 1][1], count_tokens(span_text)))
        i = j
    return out
