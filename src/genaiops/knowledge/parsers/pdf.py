"""PDF: the text layer of each page, one :class:`Section` per page with ``page`` set, so a
citation can name the page an answer came from.

pypdfium2 (PDFium, Chrome's PDF engine; Apache-2.0/BSD-3, no dependencies) was chosen by
measurement (``benchmarks/parsers.py``, 41 pages): every probe sentence found on its page,
as with pypdf, at 1.7 ms a page against pypdf's 7.6 and pdfminer.six's 45 (which also
missed one in a two-column layout); and it says why a file fails (an error code for
"needs a password"). PyMuPDF is AGPL, so not an option. PDFium is not thread-safe, so
calls go through one lock.
"""

from __future__ import annotations

import re
import threading
from pathlib import PurePosixPath

from genaiops.knowledge.connectors import Section
from genaiops.knowledge.parsers.base import Parsed, Unreadable

__all__ = ["parse_pdf"]

_LOCK = threading.Lock()
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
# titles that tools write when the author gave none: "untitled", "Microsoft Word - a.docx"
_NO_TITLE = re.compile(r"^(untitled( document)?|document\d*|.*\.(docx?|pdf|txt|odt))$", re.I)


def _clean(text: str) -> str:
    # PDFium ends lines with CRLF and marks a hyphen it joined at a line end with U+FFFE
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.replace("\ufffe", "-")
    return _BLANK_LINES.sub("\n\n", _TRAILING_SPACE.sub("\n", text)).strip()


def _reason(err_code: int | None, message: str) -> str:
    import pypdfium2.raw as pdfium_c

    if err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return "encrypted PDF: it needs a password; store a copy without one to ingest it"
    if err_code == pdfium_c.FPDF_ERR_SECURITY:
        return "PDF with an unsupported security handler (DRM); store an unprotected copy"
    if err_code == pdfium_c.FPDF_ERR_FORMAT:
        return "not a PDF, or a damaged one (PDFium cannot read its structure)"
    return f"PDFium cannot read it: {message}"


def parse_pdf(data: bytes, name: str) -> Parsed:
    import pypdfium2 as pdfium

    pages: list[str] = []
    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise Unreadable(_reason(exc.err_code, str(exc))) from None
        try:
            title = str(pdf.get_metadata_dict(skip_empty=True).get("Title", "")).strip()
            title = "" if _NO_TITLE.match(title) else title
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        pages.append(_clean(textpage.get_text_bounded()))
                    finally:
                        textpage.close()
                finally:
                    page.close()
        except pdfium.PdfiumError as exc:
            raise Unreadable(f"damaged PDF: page {len(pages) + 1}: {exc}") from None
        finally:
            pdf.close()
    parts: list[str] = []
    sections: list[Section] = []
    offset = 0
    for number, text in enumerate(pages, 1):
        if not text:
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        sections.append(Section(text, page=number, start_char=offset))
        parts.append(text)
        offset += len(text)
    if not sections:
        raise Unreadable(
            f"no text layer on its {len(pages)} page(s): a scan? run OCR on it "
            f"(e.g. ocrmypdf) and ingest the result"
        )
    return Parsed("".join(parts), title or PurePosixPath(name).stem, "application/pdf",
                  tuple(sections))  # fmt: skip
