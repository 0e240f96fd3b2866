"""The folder connector's formats (Markdown, text, HTML, PDF, DOCX, CSV, JSON Lines) and
its bad input: each bad file is one clear line in ``skipped`` and the rest is read.

Files are made here (PDFs with reportlab, DOCX as Word's XML in a zip), plus the Fenwick
example's committed ones, and read through ``documents()``: no model, no database.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from genaiops.knowledge import connectors
from genaiops.knowledge.connectors import (
    DEFAULT_INCLUDE,
    FolderConnector,
    SourceDocument,
    create_connector,
)
from genaiops.knowledge.parsers import SUFFIXES, parse
from genaiops.knowledge.parsers.docx import MAX_PART_BYTES

EXAMPLE_DOCS = Path(__file__).resolve().parents[1] / "examples" / "fenwick" / "docs"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# -- makers ------------------------------------------------------------------------------


def make_pdf(path: Path, pages: list[str], user_password: str | None = None) -> Path:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=LETTER, encrypt=user_password)
    for text in pages:
        y = 720
        for line in text.splitlines():
            canvas.drawString(72, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return path


def docx_bytes(body: list[tuple[str, str]], document_xml: bytes | None = None) -> bytes:
    """A DOCX with Word's structure: ("Heading1" | "Title" | "p" | "li" | "cell", text)."""
    paras = []
    for style, text in body:
        ppr = ""
        if style == "li":
            ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        elif style != "p":
            ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        run = f"<w:r><w:t>{escape(text)}</w:t></w:r>"
        paras.append(f"<w:p>{ppr}{run}</w:p>")
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/></w:style>'
        for sid, name in (("Title", "Title"), ("Heading1", "heading 1"), ("Heading2", "heading 2"))
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(
            "word/document.xml",
            document_xml
            or f'<w:document xmlns:w="{W}"><w:body>{"".join(paras)}</w:body></w:document>'.encode(),
        )
        zf.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
    return buf.getvalue()


def zip_bomb(path: Path, unpacked: int) -> Path:
    """A DOCX whose document.xml unpacks to ``unpacked`` bytes of spaces (~1000x packed)."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("word/document.xml", "w", force_zip64=True) as f,
    ):
        block = b" " * 1_000_000
        for _ in range(unpacked // len(block)):
            f.write(block)
    return path


PAGE_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Events | Shop</title>
<style>.nav{color:red}</style><script>var menu = "Script text";</script></head><body>
<div class="cookie-banner">We use cookies. <button>Accept all cookies</button></div>
<header><nav><a href="/">Home</a> <a href="/bikes">Bikes catalogue</a></nav></header>
<main><h1>Store events</h1><p>Open to everyone. <span class="share-links">Share on X</span>
Bring a friend.</p><h2>Seattle</h2><p>The clinic starts at 18:30 on Wednesdays.</p>
<ul><li>Fix a flat</li><li>Adjust brakes</li></ul>
<table><tr><th>Day</th><th>Event</th></tr><tr><td>Wed</td><td>Clinic</td></tr></table>
</main><aside><p>Spring sale: 10% off helmets</p></aside>
<footer><p>Sign up for our newsletter</p><p>&copy; 2025 Shop</p></footer></body></html>"""


def folder(root: Path, **options: object) -> FolderConnector:
    connector = create_connector("folder", {"paths": ["docs"], **options}, root)
    assert isinstance(connector, FolderConnector)
    return connector


def check_sections(doc: SourceDocument) -> None:
    for s in doc.sections:
        assert doc.text[s.start_char : s.start_char + len(s.text)] == s.text


# -- each format -------------------------------------------------------------------------


def test_default_include_reads_every_format(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.md").write_text("# Alpha\n\nAlpha text.\n", "utf-8")
    (docs / "b.txt").write_text("Beta text.\n", "utf-8")
    (docs / "sub" / "c.html").write_text(PAGE_HTML, "utf-8")
    make_pdf(docs / "d.pdf", ["Delta page one.", "Delta page two."])
    (docs / "e.docx").write_bytes(docx_bytes([("Title", "Echo"), ("p", "Echo text.")]))
    (docs / "f.csv").write_text("id,text\n1,Foxtrot one\n2,Foxtrot two\n", "utf-8")
    (docs / "g.jsonl").write_text('{"id": 1, "text": "Golf"}\n', "utf-8")
    (docs / "h.htm").write_text("<p>Hotel text.</p>", "utf-8")
    (docs / "notes.bin").write_bytes(b"\x00\x01")  # not matched by the default include
    connector = folder(tmp_path)
    got = {d.source: d for d in connector.documents()}
    assert sorted(got) == [
        f"docs/{n}"
        for n in (
            "a.md",
            "b.txt",
            "d.pdf",
            "e.docx",
            "f.csv",
            "g.jsonl",
            "h.htm",
            "sub/c.html",
        )
    ]
    assert connector.skipped == []
    assert {d.mime for d in got.values()} >= {"application/pdf", "text/html", "text/csv"}
    assert got["docs/a.md"].title == "Alpha" and got["docs/d.pdf"].title == "d"
    # the default include names every suffix with a parser of its own
    assert {p.rsplit(".", 1)[1] for p in DEFAULT_INCLUDE} == {s[1:] for s in SUFFIXES} - {"text"}


def test_html_keeps_main_text_and_headings_drops_boilerplate(tmp_path: Path) -> None:
    [doc] = parse(PAGE_HTML.encode(), "events.html")
    assert doc.title == "Store events"
    assert "The clinic starts at 18:30 on Wednesdays." in doc.text
    assert "Open to everyone. Bring a friend." in doc.text  # a skipped span inside a paragraph
    assert "- Fix a flat\n- Adjust brakes" in doc.text
    assert "Day | Event" in doc.text and "Wed | Clinic" in doc.text
    for boilerplate in (
        "cookies",
        "Bikes catalogue",
        "Script text",
        "color:red",
        "Share on",
        "Spring sale",
        "newsletter",
        "© 2025",
    ):
        assert boilerplate not in doc.text, boilerplate
    assert [s.heading for s in doc.sections] == ["Store events", "Store events > Seattle"]
    assert doc.sections[1].text.startswith("The clinic starts")
    # no <main>: everything but the boilerplate; a header outside an article is chrome
    page = b"<body><header>Site name</header><div><h2>Prices</h2><p>Ten dollars.</p></div>"
    [plain] = parse(page + b"<footer>Legal</footer></body>", "p.html")
    assert plain.text == "## Prices\n\nTen dollars." and plain.title == "p"


def test_pdf_has_one_section_per_page(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "h.pdf", ["Cover page.", "", "The fact is on page three.\nNext line."]
    )
    [doc] = parse(pdf.read_bytes(), "h.pdf")
    assert [s.page for s in doc.sections] == [1, 3]  # an empty page has no section
    assert doc.sections[1].text == "The fact is on page three.\nNext line."
    assert doc.mime == "application/pdf"
    # the example handbook: the settling-in check, which a quickstart question asks about,
    # is on page 2, so a citation can name the page
    [handbook] = parse((EXAMPLE_DOCS / "warranty-service-handbook.pdf").read_bytes(), "w.pdf")
    assert handbook.title == "Fenwick Cycles Warranty and Service Handbook"
    assert [s.page for s in handbook.sections] == [1, 2, 3]
    assert "300 km or 6 weeks" in handbook.sections[1].text
    assert "300 km" not in handbook.sections[0].text + handbook.sections[2].text
    for doc_ in (doc, handbook):
        check_sections(SourceDocument("x", doc_.title, doc_.text, doc_.sections))


def test_docx_headings_lists_and_tables() -> None:
    data = docx_bytes(
        [
            ("Title", "Guide"),
            ("p", "Intro."),
            ("Heading1", "Ordering"),
            ("p", "Order by 14:00."),
            ("li", "First"),
            ("li", "Second"),
            ("Heading2", "Discounts"),
            ("p", "Gold: 30%."),
        ]
    )
    [doc] = parse(data, "guide.docx")
    assert doc.title == "Guide"
    assert doc.text.startswith("# Guide\n\nIntro.\n\n## Ordering\n\nOrder by 14:00.\n\n- First\n")
    assert [s.heading for s in doc.sections] == [
        "Guide",
        "Guide > Ordering",
        "Guide > Ordering > Discounts",
    ]
    check_sections(SourceDocument("x", doc.title, doc.text, doc.sections))
    [guide] = parse((EXAMPLE_DOCS / "dealer-onboarding-guide.docx").read_bytes(), "g.docx")
    assert guide.title == "Fenwick Cycles Dealer Onboarding Guide"
    assert "Gold | 150 or more | 30%" in guide.text
    mechanics = next(s for s in guide.sections if s.heading.endswith("Certified mechanics"))
    assert "at least two mechanics" in mechanics.text


def test_tables_per_file_and_per_row(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "parts.csv").write_text(
        "sku;name;price;colour\nA-1;Brake pads;34.00;black\nB-2;Chain;45.00;\n", "utf-8"
    )  # a semicolon-separated export: the delimiter is sniffed
    (docs / "faq.jsonl").write_text(
        json.dumps({"id": "q1", "q": "Rain?", "a": "Yes, IPX5.", "tags": ["care"]})
        + "\n\n"
        + json.dumps({"id": "q2", "q": "Gift cards?", "a": "Up to $1,500."})
        + "\n",
        "utf-8",
    )
    whole = {d.source: d for d in folder(tmp_path).documents()}
    assert whole["docs/parts.csv"].text == (
        "- sku: A-1; name: Brake pads; price: 34.00; colour: black\n"
        "- sku: B-2; name: Chain; price: 45.00"
    )
    rows = folder(
        tmp_path,
        rows_as_documents=True,
        id_column="sku",
        title_column="name",
        text_columns=["name", "price"],
        include=["**/*.csv"],
    )
    got = {d.source: d for d in rows.documents()}
    assert list(got) == ["docs/parts.csv/A-1", "docs/parts.csv/B-2"]  # rows under the file
    a1 = got["docs/parts.csv/A-1"]
    assert (a1.title, a1.text) == ("Brake pads", "name: Brake pads\nprice: 34.00")
    assert a1.meta == {"sku": "A-1", "colour": "black"}  # the other columns
    assert a1.uri.endswith("parts.csv#A-1")
    faq = folder(
        tmp_path,
        rows_as_documents=True,
        id_column="id",
        text_columns=["a"],
        title_column="q",
        include=["*.jsonl"],
    )
    q1, q2 = faq.documents()
    assert (q1.source, q1.title, q1.text) == ("docs/faq.jsonl/q1", "Rain?", "Yes, IPX5.")
    assert q1.meta == {"id": "q1", "q": "Rain?", "tags": '["care"]'} and q2.meta["tags"] == ""
    # without an id column, rows are numbered; a row's change changes only its checksum
    numbered = list(folder(tmp_path, rows_as_documents=True, include=["*.csv"]).documents())
    assert [d.source for d in numbered] == ["docs/parts.csv/row-1", "docs/parts.csv/row-2"]


@pytest.mark.parametrize(
    ("content", "options", "reason"),
    [
        ("sku,name\nA,x\nA,y\n", {"id_column": "sku"}, "line 3: the id 'A' repeats line 2"),
        ("sku,name\nA,x\n", {"id_column": "id"}, "has no column 'id'; its columns: sku, name"),
        ("sku,name\n,x\n", {"id_column": "sku"}, "line 2: the id column 'sku' is empty"),
    ],
)
def test_a_bad_table_is_skipped_whole(
    tmp_path: Path, content: str, options: dict[str, str], reason: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "t.csv").write_text(content, "utf-8")
    (tmp_path / "docs" / "ok.md").write_text("Fine.\n", "utf-8")
    connector = folder(tmp_path, rows_as_documents=True, **options)
    assert [d.source for d in connector.documents()] == ["docs/ok.md"]
    [skipped] = connector.skipped
    assert skipped.source == "docs/t.csv" and reason in skipped.reason


# -- bad input: one line each, the rest read ---------------------------------------------


def bad_inputs(docs: Path) -> dict[str, str]:
    """Bad files in ``docs`` and a phrase their skip reason must contain."""
    (docs / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage")
    make_pdf(docs / "encrypted.pdf", ["Secret page."], user_password="hunter2")
    truncated = make_pdf(docs / "whole.pdf", ["Page."]).read_bytes()
    (docs / "whole.pdf").unlink()
    (docs / "truncated.pdf").write_bytes(truncated[: len(truncated) // 3])
    zip_bomb(docs / "bomb.docx", unpacked=MAX_PART_BYTES + 36_000_000)
    (docs / "not-a-zip.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")
    (docs / "no-body.docx").write_bytes(docx_bytes([], document_xml=b"<w:document"))
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (docs / "latin1.md").write_bytes("# Caf\xe9\n\nCr\xe8me br\xfbl\xe9e.\n".encode("latin-1"))
    (docs / "empty.md").write_text("  \n", "utf-8")
    (docs / "broken.jsonl").write_text('{"a": 1}\n{"a": 2,\n', "utf-8")
    with (docs / "huge.txt").open("wb") as f:
        f.truncate(200_000_000)  # sparse: 200 MB on paper, no disk, never read
    return {
        "corrupt.pdf": "not a PDF, or a damaged one",
        "encrypted.pdf": "encrypted PDF: it needs a password",
        "truncated.pdf": "not a PDF, or a damaged one",
        "bomb.docx": "word/document.xml unpacks to 100 MB",
        "not-a-zip.docx": "not a DOCX, or a damaged one",
        "no-body.docx": "damaged DOCX: word/document.xml",
        "binary.txt": "binary content (NUL bytes)",
        "latin1.md": "not UTF-8 text (byte 5); convert it to UTF-8",
        "empty.md": "empty",
        "broken.jsonl": "line 2: invalid JSON",
        "huge.txt": "200.00 MB, over the max_file_mb limit of 20 MB",
    }


def test_each_bad_file_is_one_clear_line_and_the_rest_is_read(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    expected = bad_inputs(docs)
    (docs / "good.md").write_text("# Good\n\nStill read.\n", "utf-8")
    make_pdf(docs / "good.pdf", ["Also read."])
    connector = folder(tmp_path)
    assert [d.source for d in connector.documents()] == ["docs/good.md", "docs/good.pdf"]
    reasons = {s.source.removeprefix("docs/"): s.reason for s in connector.skipped}
    assert sorted(reasons) == sorted(expected)
    for name, phrase in expected.items():
        assert phrase in reasons[name], (name, reasons[name])
        assert "\n" not in reasons[name]
    assert "bomb" in reasons["bomb.docx"] and "1,0" in reasons["bomb.docx"]  # ~1000x packed


def test_huge_file_is_not_read_and_an_allowed_one_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    with (docs / "huge.txt").open("wb") as f:
        f.truncate(200_000_000)
    big = "# Big\n\n" + "A long line of plain text that repeats.\n" * 300_000  # ~12 MB
    (docs / "big.md").write_text(big, "utf-8")
    make_pdf(docs / "p.pdf", ["Page one."])
    reads: list[tuple[str, int]] = []
    real: Callable[[Path, int], bytes | None] = connectors.read_at_most

    def counting(path: Path, limit: int) -> bytes | None:
        reads.append((path.name, limit))
        return real(path, limit)

    def no_second_read(self: Path, *args: object, **kwargs: object) -> bytes:
        raise AssertionError(f"{self} read a second time")

    monkeypatch.setattr(connectors, "read_at_most", counting)
    monkeypatch.setattr(Path, "read_bytes", no_second_read)
    monkeypatch.setattr(Path, "read_text", no_second_read)
    connector = folder(tmp_path)
    got = list(connector.documents())
    assert [d.source for d in got] == ["docs/big.md", "docs/p.pdf"]
    assert got[0].text == big
    assert sorted(reads) == [("big.md", 20_000_000), ("p.pdf", 20_000_000)]  # once each
    assert [s.source for s in connector.skipped] == ["docs/huge.txt"]
    # a file that grew past the limit between the size check and the read is not kept
    (docs / "grown.txt").write_text("x" * 200, "utf-8")
    assert real(docs / "grown.txt", 100) is None


def test_unknown_suffix_is_read_as_text_or_named_unsupported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.rst").write_text("Title\n=====\n\nBody.\n", "utf-8")
    (docs / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    connector = folder(tmp_path, include=["*"])
    assert [d.source for d in connector.documents()] == ["docs/notes.rst"]
    [skipped] = connector.skipped
    assert skipped.source == "docs/logo.png"
    assert skipped.reason.startswith("unsupported file type '.png' (binary content")


def test_the_example_html_page_keeps_its_content_not_its_chrome() -> None:
    [page] = parse((EXAMPLE_DOCS / "store-events.html").read_bytes(), "store-events.html")
    assert page.title == "Store Events 2025"
    assert "commuter maintenance clinic runs every Wednesday from 18:30" in page.text
    for chrome in (
        "Accept all cookies",
        "Service plans",
        "Sign in",
        "Skip to main",
        "SPRING10",
        "newsletter",
        "Instagram",
        "All rights reserved",
        "dataLayer",
    ):
        assert chrome not in page.text, chrome
