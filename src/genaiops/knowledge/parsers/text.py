"""Markdown and plain text: UTF-8 (a byte-order mark is dropped), read as is.

No charset guessing: a file that is not UTF-8 is listed with the byte offset where it
stops being so, which points to the fix (convert it) instead of storing mojibake."""

from __future__ import annotations

from pathlib import PurePosixPath

from genaiops.knowledge.parsers.base import Parsed, Unreadable

__all__ = ["decode_utf8", "parse_text"]


def decode_utf8(data: bytes) -> str:
    """The bytes as text, or :class:`Unreadable` for binary content and invalid UTF-8."""
    if b"\x00" in data:
        # NUL never occurs in text; checked before decoding so that a binary file is named
        # as such rather than as a decoding error somewhere in its first bytes
        raise Unreadable("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 text (byte {exc.start}); convert it to UTF-8") from None


def parse_text(data: bytes, name: str) -> Parsed:
    from genaiops.knowledge.chunking import document_title

    text = decode_utf8(data)
    if not text.strip():
        raise Unreadable("empty")
    suffix = PurePosixPath(name).suffix.lower()
    mime = "text/markdown" if suffix in (".md", ".markdown") else "text/plain"
    return Parsed(text, document_title(text, PurePosixPath(name).stem), mime)
