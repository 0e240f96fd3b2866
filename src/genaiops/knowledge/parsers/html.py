"""HTML: the page's main text as headings, paragraphs, list items and table rows.

A web page carries its content inside navigation bars, cookie banners, headers and
footers that are the same on every page; stored, they would match every query about
"stores" or "service" and crowd out the real answers. The rules, in order:

- never text: ``script``, ``style``, ``template``, ``svg``, ``nav``, ``aside``, ``form``
  and the like, anything ``hidden`` or ``aria-hidden``, ARIA landmarks that are not
  content (``navigation``, ``banner``, ``contentinfo``, ``search``, ``complementary``),
  and elements whose class or id names a navigation part (``nav``, ``menu``,
  ``breadcrumb``, ``footer``, ``cookie``, ``sidebar`` ...);
- ``header`` and ``footer`` are page chrome outside ``main``/``article`` (inside an
  article, a header holds its title and is kept);
- where the page marks its main content (``main``, ``article``, ``role=main``), only
  that is kept.

The standard library's tolerant ``html.parser`` does the tokenizing. Measured in
``benchmarks/parsers.py`` (51 pages), selectolax and lxml with the same rules, and
trafilatura with its own, find the same text and leak no boilerplate; html.parser takes
2.6 ms a page (selectolax 0.25, lxml 1.2, trafilatura 8), which embedding the page's
chunks dwarfs, and needs no dependency.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import PurePosixPath

from genaiops.knowledge.parsers.base import Outline, Parsed, Unreadable, clean_inline

__all__ = ["parse_html"]

_SKIP = frozenset(
    "script style noscript template svg math canvas iframe object embed head nav aside form "
    "button select textarea dialog menu".split()
)
_CHROME = frozenset({"header", "footer"})
_MAIN = frozenset({"main", "article"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCKS = frozenset(
    "p div section li dt dd blockquote pre table tr ul ol dl figcaption caption address "
    "details summary main article header footer nav aside body".split()
) | frozenset(_HEADINGS)
_NOT_CONTENT_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar"}
)
_NOT_CONTENT_NAMES = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs footer sidebar cookie cookies "
    "skip skiplink newsletter share social".split()
)
_NAME_TOKEN = re.compile(r"[a-z]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _decode(data: bytes) -> str:
    """Text by the page's byte-order mark or declared charset; UTF-8 otherwise."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data:
        raise Unreadable("binary content (NUL bytes), not HTML")
    declared = _CHARSET.search(data[:4096])
    codec = "utf-8"
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            codec = "utf-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"not valid {codec} (byte {exc.start}), the page's charset; fix the page's "
            f"<meta charset> or convert it"
        ) from None


def _not_content(tag: str, attrs: dict[str, str | None]) -> bool:
    if tag in _SKIP or "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if (attrs.get("role") or "").lower() in _NOT_CONTENT_ROLES:
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return bool(_NOT_CONTENT_NAMES.intersection(_NAME_TOKEN.findall(names)))


class _Extractor(HTMLParser):
    """Collects blocks (kind, text, in_main) while keeping a stack of open elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, "skip" | "chrome" | "main" | "")
        self.blocks: list[tuple[str, str, bool]] = []  # kind: "h1".."h6", "li", "pre", "p"
        self.buffer: list[str] = []
        self.buffer_has_text = False
        self.buffer_in_main = False  # where the buffer's first text was
        self.kind = "p"
        self.title: list[str] = []
        self.in_title = False

    # the state of the position in the document, from the open elements
    def _skipped(self) -> bool:
        in_main = False
        for _, role in self.stack:
            if role == "skip" or (role == "chrome" and not in_main):
                return True
            in_main = in_main or role == "main"
        return False

    def _in_main(self) -> bool:
        return any(role == "main" for _, role in self.stack)

    def _flush(self, next_kind: str = "p") -> None:
        text = "".join(self.buffer)
        self.buffer = []
        self.buffer_has_text = False
        if text.strip():
            self.blocks.append((self.kind, text, self.buffer_in_main))
        self.kind = next_kind

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
            return
        if tag in _VOID:
            if tag == "br" and self.buffer:
                self.buffer.append("\n" if self.kind == "pre" else " ")
            return
        named = dict(attrs)
        if tag in _BLOCKS:
            self._flush(tag if tag in _HEADINGS or tag in ("li", "pre") else "p")
        elif tag in ("td", "th") and self.buffer_has_text:
            self.buffer.append(" | ")
        role = ""
        if _not_content(tag, named):
            role = "skip"
        elif tag in _CHROME:
            role = "chrome"
        elif tag in _MAIN or (named.get("role") or "").lower() == "main":
            role = "main"
        self.stack.append((tag, role))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if not any(t == tag for t, _ in self.stack):
            return  # a stray end tag: browsers ignore it too
        if tag in _BLOCKS:
            self._flush()
        while self.stack:  # close what the page left open inside it
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self._skipped():  # checked per text run: a skipped span inside a kept
            if data.strip() and not self.buffer_has_text:  # paragraph leaves it whole
                self.buffer_in_main = self._in_main()
                self.buffer_has_text = True
            self.buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(data: bytes, name: str) -> Parsed:
    extractor = _Extractor()
    extractor.feed(_decode(data))
    extractor.close()
    blocks = extractor.blocks
    if any(in_main for _, _, in_main in blocks):
        blocks = [b for b in blocks if b[2]]
    outline = Outline()
    for kind, text, _ in blocks:
        if kind in _HEADINGS:
            outline.heading(_HEADINGS[kind], text)
        else:
            outline.block(text, item=kind == "li", keep_lines=kind == "pre")
    text, sections = outline.build()
    if not text.strip():
        raise Unreadable("no text in the page's main content")
    # the page's own h1 names it better than <title>, which often ends in the site's name
    h1 = next((clean_inline(t) for kind, t, _ in blocks if kind == "h1"), "")
    title = h1 or clean_inline("".join(extractor.title)) or PurePosixPath(name).stem
    return Parsed(text, title, "text/html", sections)
