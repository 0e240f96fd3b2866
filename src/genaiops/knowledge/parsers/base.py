"""What every parser returns (:class:`Parsed`), raises (:class:`Unreadable`) and builds
its text with (:class:`Outline`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from genaiops.errors import InputError
from genaiops.knowledge.connectors import Section

__all__ = ["Outline", "Parsed", "Unreadable", "clean_inline"]

_SPACE = re.compile(r"\s+")


class Unreadable(InputError):
    """The file cannot be read as its type; the message is the reason the connector lists
    in ``skipped`` (what is wrong and, where there is one, the fix)."""


@dataclass(frozen=True)
class Parsed:
    """One document found in a file: its text, and the sections its format gives."""

    text: str
    title: str = ""  # "": the connector uses the file's name
    mime: str = "text/plain"
    sections: tuple[Section, ...] = ()
    key: str = ""  # a row's id within its file; "" for the file as a whole
    meta: Mapping[str, str] = field(default_factory=dict)


def clean_inline(text: str) -> str:
    """Runs of whitespace (line breaks of the source layout included) as one space."""
    return _SPACE.sub(" ", text).strip()


class Outline:
    """A document's text built block by block in Markdown style (``## Heading`` lines,
    ``- item`` lines, blank lines between paragraphs), with one :class:`Section` per
    heading: the heading path ("Title > Section") and the offset of its body in the text.

    Markdown style keeps the text readable on its own and lets a chunker that only knows
    Markdown find the same structure the sections give; a section's ``text`` is its body
    only (the heading is in ``heading``), so a chunk never repeats its heading line."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0
        self._path: list[tuple[int, str]] = []
        self._spans: list[tuple[str, int, int]] = []  # (heading path, start, end)
        self._start: int | None = None  # body start of the open section
        self._end = 0
        self._last_item = False

    def _write(self, text: str, sep: str) -> int:
        if self._parts:
            self._parts.append(sep)
            self._size += len(sep)
        start = self._size
        self._parts.append(text)
        self._size += len(text)
        return start

    def _close(self) -> None:
        if self._start is not None and self._end > self._start:
            path = " > ".join(t for _, t in self._path)
            self._spans.append((path, self._start, self._end))
        self._start = None

    def heading(self, level: int, text: str) -> None:
        text = clean_inline(text)
        if not text:
            return
        self._close()
        level = max(1, min(level, 6))
        self._path = [(lv, t) for lv, t in self._path if lv < level] + [(level, text)]
        self._write("#" * level + " " + text, "\n\n")
        self._last_item = False

    def block(self, text: str, *, item: bool = False, keep_lines: bool = False) -> None:
        """A paragraph (whitespace collapsed unless ``keep_lines``) or a list item."""
        text = text.strip("\n") if keep_lines else clean_inline(text)
        if not text.strip():
            return
        if item:
            text = "- " + text
        start = self._write(text, "\n" if item and self._last_item else "\n\n")
        if self._start is None:
            self._start = start
        self._end = self._size
        self._last_item = item

    def build(self) -> tuple[str, tuple[Section, ...]]:
        """The text and its sections; every section's text is ``text[start:start+len]``."""
        self._close()
        text = "".join(self._parts)
        sections = tuple(
            Section(text[start:end], heading=path, start_char=start)
            for path, start, end in self._spans
        )
        return text, sections
