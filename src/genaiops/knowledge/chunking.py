"""Chunking strategies: how a document is cut into the passages that are embedded.

Three strategies, chosen per knowledge base (``chunking``):

* ``structure`` (the default): Markdown headings cut a document into sections; each
  section into units (list items, sentences); units are packed greedily into chunks of at
  most ``chunk_size`` tokens, never across a section, with ``chunk_overlap`` tokens of
  trailing units repeated at the start of the next chunk of the same section. A unit longer
  than a chunk is cut into word windows.
* ``fixed``: windows of ``chunk_size`` tokens over the words, each starting
  ``chunk_overlap`` tokens before the previous one ended; the layout is ignored.
* ``sentences``: windows of ``window_sentences`` sentences (or list items) that overlap by
  one sentence, shortened to fit ``chunk_size`` tokens, never across a section.

Whatever the strategy, a document whose connector gives ``sections`` (a PDF's pages, a
DOCX's headings) is chunked section by section, so no chunk spans two pages and each
chunk of a paged format knows its ``page``. Tokens are counted by the embedder's own
tokenizer, heading included, so nothing is truncated silently when it is embedded. Every
chunk's ``text`` is exactly ``document_text[start_char:end_char]``: citations and PII
masking rely on it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

__all__ = [
    "CHUNKER_VERSION",
    "Chunk",
    "ChunkSettings",
    "Part",
    "Strategy",
    "chunk_document",
    "chunk_text",
    "document_title",
]

#: bumped whenever a strategy cuts the same text differently: stored documents whose
#: fingerprint names another version are re-chunked on the next ingest
CHUNKER_VERSION = 2

Strategy = Literal["structure", "fixed", "sentences"]
Counter = Callable[[str], int]

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_WORD = re.compile(r"\S+")
_MIN_BUDGET = 8  # tokens left for text under a very long heading


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


@dataclass(frozen=True)
class ChunkSettings:
    """A knowledge base's chunking: the strategy and its sizes, in embedder tokens."""

    strategy: Strategy = "structure"
    chunk_size: int = 200
    chunk_overlap: int = 32
    window_sentences: int = 3

    def describe(self) -> dict[str, object]:
        """Only the settings that change what this strategy produces (``window_sentences``
        means nothing to ``structure``), so changing an unused one re-chunks nothing."""
        out: dict[str, object] = {"strategy": self.strategy, "chunk_size": self.chunk_size}
        if self.strategy == "sentences":
            out["window_sentences"] = self.window_sentences
        else:
            out["chunk_overlap"] = self.chunk_overlap
        out["version"] = CHUNKER_VERSION
        return out

    def fingerprint(self, extra: dict[str, object] | None = None) -> str:
        """A short stable id of these settings and ``extra`` (the embedder, PII
        handling): readable at the front, a hash of everything at the end."""
        payload = json.dumps({"chunking": self.describe(), **(extra or {})}, sort_keys=True)
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]
        sizes = (
            f"{self.window_sentences}s/{self.chunk_size}"
            if self.strategy == "sentences"
            else f"{self.chunk_size}/{self.chunk_overlap}"
        )
        return f"{self.strategy}:{sizes}:{digest}"


class Part(Protocol):
    """What the chunker reads of a connector's ``Section`` (a page, a heading's body):
    declared here so that the chunker imports nothing of the connectors."""

    @property
    def text(self) -> str: ...

    @property
    def heading(self) -> str: ...

    @property
    def page(self) -> int | None: ...

    @property
    def start_char(self) -> int: ...


@dataclass(frozen=True)
class _WholeText:
    text: str
    heading: str = ""
    page: int | None = None
    start_char: int = 0


def document_title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m and len(m.group(1)) == 1:
            return m.group(2).strip()
        if line.strip() and not m:
            break
    return fallback


# -- token counting -----------------------------------------------------------------------


class _Tokens:
    """Token counts of pieces of text, without the special tokens (``[CLS]``, ``[SEP]``)
    a tokenizer adds to every text it encodes: those are paid once per chunk, in the
    heading's count, so pieces add up to the chunk's true size instead of overcounting
    two tokens per sentence (which made chunks about a tenth smaller than asked)."""

    def __init__(self, count: Counter) -> None:
        self.count = count
        self.special = max(0, count(""))
        self._words: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return max(0, self.count(text) - self.special)

    def word(self, word: str) -> int:
        """One word's count, cached: words repeat, and counting is the chunker's cost."""
        n = self._words.get(word)
        if n is None:
            n = self._words[word] = max(1, self(word))
        return n

    def budget(self, heading: str, chunk_size: int) -> int:
        """Tokens left for the text once the heading (and the special tokens) are paid."""
        return max(_MIN_BUDGET, chunk_size - self.count(heading))


Span = tuple[int, int, int]  # (start, end, tokens) in the text being chunked


# -- sections and units (structure and sentences) -----------------------------------------


def _sections(text: str, title: str) -> Iterator[tuple[str, list[Span]]]:
    """Yield (heading path, units) per Markdown section; units are the char spans of
    sentences and list items, their token counts still 0 (the caller counts them)."""
    path: list[tuple[int, str]] = []
    units: list[Span] = []
    para: list[tuple[int, int]] = []  # line spans of the current paragraph

    def heading() -> str:
        names = [t for _, t in path]
        if not names or names[0] != title:
            names = [title, *names] if title else names
        return " > ".join(names)

    def flush_para() -> None:
        if not para:
            return
        start, end = para[0][0], para[-1][1]
        block = text[start:end]
        pos = 0
        for m in _SENTENCE_END.finditer(block):
            units.append((start + pos, start + m.start(), 0))
            pos = m.end()
        if block[pos:].strip():
            units.append((start + pos, end, 0))
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


def _counted(text: str, units: list[Span], tokens: _Tokens, budget: int) -> list[Span]:
    """Units with their token counts; one longer than ``budget`` cut into word windows."""
    out: list[Span] = []
    for start, end, _ in units:
        n = tokens(text[start:end])
        out += [(start, end, n)] if n <= budget else _word_windows(text, start, end, budget, tokens)
    return out


def _take(counts: Sequence[int], i: int, budget: int, limit: int | None = None) -> int:
    """The end (exclusive) of the longest run of items from ``i`` whose counts fit
    ``budget``, at most ``limit`` items and never fewer than one (an item too long for
    any chunk stands alone rather than stalling the chunker)."""
    n, j = counts[i], i + 1
    stop = len(counts) if limit is None else min(len(counts), i + limit)
    while j < stop and n + counts[j] <= budget:
        n += counts[j]
        j += 1
    return j


def _word_windows(text: str, start: int, end: int, budget: int, tokens: _Tokens) -> list[Span]:
    """Cut ``text[start:end]`` at spaces into windows of at most ``budget`` tokens (a
    single word longer than that stays whole: the embedder truncates it)."""
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    counts = [tokens.word(text[a:b]) for a, b in words]
    out: list[Span] = []
    i = 0
    while i < len(words):
        j = _take(counts, i, budget)
        out.append((words[i][0], words[j - 1][1], tokens(text[words[i][0] : words[j - 1][1]])))
        i = j
    return out


# -- the strategies -------------------------------------------------------------------------

Piece = tuple[str, int, int]  # (heading, start, end) in the text being chunked


def _structure(text: str, title: str, tokens: _Tokens, s: ChunkSettings) -> Iterator[Piece]:
    """Greedy packing of a section's units, the last ``chunk_overlap`` tokens of units
    carried into the next chunk."""
    for heading, raw in _sections(text, title):
        budget = tokens.budget(heading, s.chunk_size)
        spans: list[Span] = []
        for piece in _counted(text, raw, tokens, budget):
            if spans and sum(u[2] for u in spans) + piece[2] > budget:
                yield heading, spans[0][0], spans[-1][1]
                spans = _carried(spans, piece, s.chunk_overlap, budget)
            spans.append(piece)
        if spans:
            yield heading, spans[0][0], spans[-1][1]


def _carried(spans: list[Span], piece: Span, overlap: int, budget: int) -> list[Span]:
    """The trailing units of the last chunk that fit ``overlap`` tokens, kept only if the
    next unit still fits after them."""
    carried: list[Span] = []
    for unit in reversed(spans):
        if sum(c[2] for c in carried) + unit[2] > overlap:
            break
        carried.insert(0, unit)
    return carried if sum(c[2] for c in carried) + piece[2] <= budget else []


def _fixed(text: str, title: str, tokens: _Tokens, s: ChunkSettings) -> Iterator[Piece]:
    """Windows of ``chunk_size`` tokens over the words; the next window starts at the
    first word of the last ``chunk_overlap`` tokens of this one (always moving on)."""
    heading = title
    budget = tokens.budget(heading, s.chunk_size)
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    counts = [tokens.word(text[a:b]) for a, b in words]
    i = 0
    while i < len(words):
        j = _take(counts, i, budget)
        yield heading, words[i][0], words[j - 1][1]
        if j >= len(words):
            return
        back, k = 0, j
        while k - 1 > i and back + counts[k - 1] <= s.chunk_overlap:
            k -= 1
            back += counts[k]
        i = k


def _sentences(text: str, title: str, tokens: _Tokens, s: ChunkSettings) -> Iterator[Piece]:
    """Windows of ``window_sentences`` units within a section, each starting at the last
    sentence of the one before; a window that would pass ``chunk_size`` tokens ends early."""
    for heading, raw in _sections(text, title):
        budget = tokens.budget(heading, s.chunk_size)
        units = _counted(text, raw, tokens, budget)
        counts = [u[2] for u in units]
        i = 0
        while i < len(units):
            j = _take(counts, i, budget, s.window_sentences)
            yield heading, units[i][0], units[j - 1][1]
            if j >= len(units):
                break
            i = j - 1 if j - i > 1 else j


_STRATEGIES: dict[str, Callable[[str, str, _Tokens, ChunkSettings], Iterator[Piece]]] = {
    "structure": _structure,
    "fixed": _fixed,
    "sentences": _sentences,
}


# -- assembling chunks ------------------------------------------------------------------------


def _root_heading(title: str, heading: str) -> str:
    """A section's heading path, led by the document's title."""
    if not heading:
        return title
    return (
        heading
        if not title or heading.split(" > ", maxsplit=1)[0] == title
        else f"{title} > {heading}"
    )


def chunk_text(
    text: str,
    title: str,
    count_tokens: Counter,
    settings: ChunkSettings | None = None,
    sections: Sequence[Part] = (),
) -> list[Chunk]:
    """The chunks of a document, numbered from 0, by ``settings.strategy``; with
    ``sections``, section by section (only the sections are read: a format's headings
    are in their ``heading``), each chunk's offsets taken in the whole ``text``."""
    settings = settings or ChunkSettings()
    tokens = _Tokens(count_tokens)
    cut = _STRATEGIES[settings.strategy]
    parts: Sequence[Part] = sections or (_WholeText(text),)
    chunks: list[Chunk] = []
    for part in parts:
        for heading, start, end in cut(
            part.text, _root_heading(title, part.heading), tokens, settings
        ):
            body = part.text[start:end]
            lead = len(body) - len(body.lstrip())
            body = body.strip()
            if not body:
                continue
            first = part.start_char + start + lead
            chunks.append(
                Chunk(len(chunks), body, heading, first, first + len(body), tokens(body), part.page)
            )
    return chunks


def chunk_document(
    text: str,
    title: str,
    count_tokens: Counter,
    chunk_size: int = 200,
    chunk_overlap: int = 32,
) -> list[Chunk]:
    """Cut ``text`` into ``structure`` chunks of at most ``chunk_size`` tokens (heading
    included); :func:`chunk_text` with the default strategy."""
    return chunk_text(
        text, title, count_tokens, ChunkSettings("structure", chunk_size, chunk_overlap)
    )
