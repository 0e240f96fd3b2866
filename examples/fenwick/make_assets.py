"""Regenerate the example's binary documents in docs/: the warranty and service handbook
(PDF), the dealer onboarding guide (DOCX) and the service centre database (SQLite).

    .venv/bin/python examples/fenwick/make_assets.py

The PDF needs reportlab (BSD; in the `dev` extra); the DOCX is written with zipfile as
Word's own XML, so no library stands between the file and what the parser must read; the
database with the standard library's sqlite3. The output is byte-for-byte reproducible
(fixed dates, reportlab's invariant mode), so a rerun leaves git clean. The HTML page
and the CSV price list are plain text and edited by hand.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

DOCS = Path(__file__).resolve().parent / "docs"

# -- PDF: a 3-page handbook; the settling-in check (a question's answer) is on page 2 ----

HANDBOOK: list[list[tuple[str, str]]] = [
    [  # page 1
        ("title", "Fenwick Cycles Warranty and Service Handbook"),
        ("p", "Edition 2025, for owners of the Trailhawk 2, Cityline, Packmule and Sparrow."),
        ("h", "1. How to use this handbook"),
        (
            "p",
            "This handbook explains what the Fenwick warranty covers and how to keep your "
            "bike in good condition with regular service. Keep it with your bike's papers. "
            "The full warranty terms are also published on our website.",
        ),
        ("h", "2. What the warranty covers"),
        (
            "p",
            "The frame and fork, the electric system (motor, battery, display and "
            "controller) and all other parts each have their own warranty period, set out "
            "in the Fenwick Warranty Policy. The warranty covers manufacturing defects; it "
            "starts on the date of purchase.",
        ),
        (
            "p",
            "Parts that wear out with normal use, such as tyres, brake pads, chains and "
            "cassettes, are not covered. Neither is damage from crashes, pressure washing "
            "or chargers not made by Fenwick Cycles.",
        ),
    ],
    [  # page 2
        ("h", "3. Your new bike's first service"),
        (
            "p",
            "A new bike's first service is due after 300 km or 6 weeks of riding, whichever "
            "comes first. This first service, the settling-in check, is free at any Fenwick "
            "store or authorised partner shop, with or without a service plan. During the "
            "first rides, brake and gear cables stretch and spokes settle; the check adjusts "
            "them before they cause wear. It takes about 45 minutes.",
        ),
        ("h", "4. Regular service"),
        (
            "p",
            "After the first service, have your bike serviced once a year or every 2,000 km, "
            "whichever comes first. A service plan covers these services; without one, a "
            "standard tune-up costs $89.",
        ),
    ],
    [  # page 3
        ("h", "5. Between services"),
        ("li", "Check the tyre pressure every week."),
        ("li", "Clean and oil the chain after every wet ride."),
        ("li", "Have the brake pads checked every 1,000 km."),
        ("li", "Keep the battery between 20% and 80% charge when you store the bike."),
        ("h", "6. Keeping your warranty valid"),
        (
            "p",
            "Register your bike in the Fenwick Ride app or on our website. Have repairs "
            "done by Fenwick Cycles or an authorised partner shop, use only Fenwick "
            "chargers and batteries, and do not modify the motor or its speed limit.",
        ),
        ("h", "7. Making a warranty claim"),
        (
            "p",
            "Email warranty@fenwick-cycles.example with your order number, the bike's "
            "serial number and photos of the problem. A warranty specialist replies with a "
            "decision within 5 business days. Approved repairs and replacement parts are "
            "free of charge, including shipping.",
        ),
        ("h", "8. Questions"),
        (
            "p",
            "Ask at any Fenwick store, or, for partner shops and mechanics, call the "
            "technical line at 555-0164.",
        ),
    ],
]


def make_pdf(path: Path) -> None:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        ListFlowable,
        ListItem,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
    )

    rl_config.invariant = 1  # no creation date or random id: the same bytes every run
    styles = getSampleStyleSheet()
    story: list[object] = []
    for number, page in enumerate(HANDBOOK, 1):
        items: list[ListItem] = []
        for kind, text in page:
            if kind != "li" and items:
                story.append(ListFlowable(items, bulletType="bullet"))
                items = []
            if kind == "title":
                story.append(Paragraph(escape(text), styles["Title"]))
            elif kind == "h":
                story.append(Paragraph(escape(text), styles["Heading2"]))
            elif kind == "li":
                items.append(ListItem(Paragraph(escape(text), styles["BodyText"])))
            else:
                story.append(Paragraph(escape(text), styles["BodyText"]))
                story.append(Spacer(1, 6))
        if items:
            story.append(ListFlowable(items, bulletType="bullet"))
        if number < len(HANDBOOK):
            story.append(PageBreak())

    def footer(canvas: Any, doc: Any) -> None:
        # drawn when the page ends, as a footer comes last in most PDFs' text
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, 40, f"Fenwick Cycles - page {doc.page} of {len(HANDBOOK)}")

    doc = BaseDocTemplate(
        str(path),
        pagesize=LETTER,
        title="Fenwick Cycles Warranty and Service Handbook",
        author="Fenwick Cycles",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height)
    doc.addPageTemplates([PageTemplate("page", frames=[frame], onPageEnd=footer)])
    doc.build(story)


# -- DOCX: Word's XML by hand (styles named as Word names them) --------------------------

GUIDE: list[tuple[str, str | list[str]]] = [
    ("Title", "Dealer Onboarding Guide"),
    (
        "p",
        "This guide is for bike shops that join the Fenwick Cycles partner network. "
        "Partner shops service Fenwick bikes for riders who live far from a Fenwick store.",
    ),
    ("Heading1", "Becoming an authorised partner shop"),
    (
        "p",
        "A shop becomes an authorised partner when it signs the partner agreement and "
        "completes the steps in this guide within 60 days. Partner shops are listed on the "
        "Fenwick website and in the Fenwick Ride app.",
    ),
    ("Heading1", "Certified mechanics"),
    (
        "p",
        "Every partner shop must employ at least two mechanics who have passed the Fenwick "
        "Certified Mechanic course. The course takes two days and is held every month at "
        "the Portland workshop. It is hands-on, so it cannot be taken remotely.",
    ),
    ("Heading1", "Ordering parts"),
    (
        "p",
        "Order parts and tools through the Fenwick Dealer Portal. Orders placed before "
        "14:00 Pacific Time on a working day leave the Portland workshop the same day.",
    ),
    ("li", "Wear parts (brake pads, chains, tyres): in stock, delivered in 2 to 4 days"),
    ("li", "Batteries: shipped by ground freight only, delivered in 5 to 8 days"),
    ("li", "Motors and controllers: ordered with the bike's serial number"),
    ("Heading2", "Partner discounts"),
    ("table", ["Level", "Bikes sold or serviced per year", "Discount on parts"]),
    ("table", ["Bronze", "fewer than 50", "20%"]),
    ("table", ["Silver", "50 to 149", "25%"]),
    ("table", ["Gold", "150 or more", "30%"]),
    ("Heading1", "Warranty repairs"),
    (
        "p",
        "Submit a warranty claim in the Dealer Portal with the bike's serial number and "
        "photos before you start the repair. Approved warranty repairs are paid at a flat "
        "labour rate of $75 per hour, and the parts are sent free of charge.",
    ),
    ("Heading1", "Technical support"),
    (
        "p",
        "Mechanics at partner shops can call the technical line at 555-0164, Monday to "
        "Friday during phone support hours.",
    ),
]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FIXED = (2025, 3, 1, 9, 0, 0)  # the zip entries' date: reproducible bytes


def _para(text: str, style: str | None = None, numbered: bool = False) -> str:
    ppr = ""
    if style or numbered:
        num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else ""
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f"<w:pPr>{pstyle}{num}</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _styles() -> str:
    def style(sid: str, name: str, size: int, outline: int | None) -> str:
        lvl = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        return (
            f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/><w:pPr><w:keepNext/>{lvl}</w:pPr>'
            f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>'
        )

    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{_W}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "</w:style>"
        + style("Title", "Title", 48, None)
        + style("Heading1", "heading 1", 32, 0)
        + style("Heading2", "heading 2", 26, 1)
        + '<w:style w:type="paragraph" w:styleId="ListParagraph">'
        '<w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>'
        "</w:styles>"
    )


def make_docx(path: Path) -> None:
    body: list[str] = []
    rows: list[list[str]] = []
    for kind, content in [*GUIDE, ("end", "")]:
        if kind != "table" and rows:
            cells = "".join(
                "<w:tr>" + "".join(f"<w:tc>{_para(c)}</w:tc>" for c in row) + "</w:tr>"
                for row in rows
            )
            grid = '<w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'
            body.append(f"<w:tbl>{grid}{cells}</w:tbl>")
            rows = []
        if kind == "table":
            assert isinstance(content, list)
            rows.append(content)
        elif kind == "li":
            body.append(_para(str(content), "ListParagraph", numbered=True))
        elif kind == "p":
            body.append(_para(str(content)))
        elif kind != "end":
            body.append(_para(str(content), kind))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f"<w:body>{''.join(body)}<w:sectPr/></w:body></w:document>"
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{pkg}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.'
            'openxmlformats-package.core-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
            f'<Relationship Id="rId2" Type="{pkg}/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/styles" Target="styles.xml"/></Relationships>'
        ),
        "word/document.xml": document,
        "word/styles.xml": _styles(),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="'
            f'{pkg}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<dc:title>Fenwick Cycles Dealer Onboarding Guide</dc:title>"
            "<dc:creator>Fenwick Cycles</dc:creator></cp:coreProperties>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            zf.writestr(zipfile.ZipInfo(name, _FIXED), xml, zipfile.ZIP_DEFLATED)


# -- SQLite: the service centres, Fenwick's stores and its partner shops -----------------

CENTRES = [
    # id, name, kind, city, state, address, phone, services, hours, updated_at
    (
        1,
        "Fenwick Portland Flagship Store",
        "Fenwick store",
        "Portland",
        "OR",
        "1820 SE Division Street, Portland, OR 97202",
        "555-0121",
        "full service workshop, warranty repairs, battery checks, bike fitting",
        "Monday to Saturday 9:30 to 19:00, Sunday 11:00 to 17:00",
        "2025-01-15 09:00:00",
    ),
    (
        2,
        "Fenwick Seattle Store",
        "Fenwick store",
        "Seattle",
        "WA",
        "2417 Eastlake Avenue East, Seattle, WA 98102",
        "555-0133",
        "full service workshop, warranty repairs, battery checks, bike fitting",
        "Tuesday to Saturday 10:30 to 18:30, Sunday 12:00 to 16:00",
        "2025-01-15 09:00:00",
    ),
    (
        3,
        "Fenwick Denver Store",
        "Fenwick store",
        "Denver",
        "CO",
        "3156 Larimer Street, Denver, CO 80205",
        "555-0156",
        "full service workshop, warranty repairs, battery checks, bike fitting",
        "Monday to Friday 11:00 to 19:30, Saturday 9:00 to 18:00",
        "2025-01-15 09:00:00",
    ),
    (
        4,
        "Spokes and Volts Bike Works",
        "authorised partner shop",
        "Boise",
        "ID",
        "905 West Grove Street, Boise, ID 83702",
        "555-0187",
        "tune-ups, warranty repairs, battery checks",
        "Tuesday to Saturday 9:00 to 18:00",
        "2025-02-03 14:30:00",
    ),
    (
        5,
        "High Desert Cycles",
        "authorised partner shop",
        "Bend",
        "OR",
        "61 NW Oregon Avenue, Bend, OR 97703",
        "555-0192",
        "tune-ups, warranty repairs",
        "Monday to Saturday 10:00 to 18:00",
        "2025-02-10 11:00:00",
    ),
    (
        6,
        "Salt Flats Bicycle Co.",
        "authorised partner shop",
        "Salt Lake City",
        "UT",
        "440 South 400 West, Salt Lake City, UT 84101",
        "555-0178",
        "tune-ups, warranty repairs, battery checks, settling-in checks",
        "Monday to Friday 10:00 to 19:00, Saturday 10:00 to 16:00",
        "2025-03-01 08:15:00",
    ),
]


def make_sqlite(path: Path) -> None:
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE service_centres (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "kind TEXT NOT NULL, city TEXT NOT NULL, state TEXT NOT NULL, address TEXT, "
            "phone TEXT, services TEXT, hours TEXT, updated_at TEXT NOT NULL)"
        )
        db.executemany(f"INSERT INTO service_centres VALUES ({', '.join('?' * 10)})", CENTRES)
    db.close()


if __name__ == "__main__":
    make_pdf(DOCS / "warranty-service-handbook.pdf")
    make_docx(DOCS / "dealer-onboarding-guide.docx")
    make_sqlite(DOCS / "service-centres.sqlite")
    for name in (
        "warranty-service-handbook.pdf",
        "dealer-onboarding-guide.docx",
        "service-centres.sqlite",
    ):
        print(f"{name}: {(DOCS / name).stat().st_size:,} bytes")  # noqa: T201
