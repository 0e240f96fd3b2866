"""Parsers: which library reads PDF, HTML and DOCX for the connectors, by speed and text
quality on the same files, and by licence.

What it measures
    A corpus is made in a temporary folder: PDFs with reportlab (the Fenwick handbook; a
    30-page justified report with lists and tables; a 10-page two-column layout), HTML
    pages (the Fenwick events page; 50 generated pages with navigation, cookie banners,
    sidebars, footers and scripts around the content), DOCX files (the Fenwick dealer
    guide; a 30-section document from python-docx's Word template, when python-docx is
    installed). Every generated paragraph holds a probe sentence with a unique word.

    quality, per candidate and format:
      found       share of probe sentences found whole in the text (whitespace collapsed)
      on_page     PDF: share found on the page they were drawn on (citations name pages)
      leaked      HTML: boilerplate phrases (navigation, footer, cookie, sidebar, script)
                  found in the text; the target is 0
      headings    HTML/DOCX: share of headings found as headings (a line of their own)
    speed: median seconds over --repeats runs of the whole corpus, and per page/file.
    bad input: what each PDF candidate raises on a corrupt and an encrypted PDF, and
    python-docx's time and memory on a DOCX zip bomb (the genaiops reader refuses it
    from the zip's directory).

    A candidate that is not installed is reported as such. The connectors' own parsers
    run as "genaiops"; the others are what a parser built on them would start from
    (HTML rules re-implemented on each tree for a like-for-like comparison).

How to run
    pip install pypdf pdfminer.six selectolax lxml trafilatura python-docx  # candidates
    python benchmarks/parsers.py [--repeats 3]   # writes benchmarks/results/parsers.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DOCS = ROOT / "examples" / "fenwick" / "docs"
RESULT = Path(__file__).resolve().parent / "results" / "parsers.json"
LICENCES = {
    "genaiops": "Apache-2.0 (this repo: the Python standard library only)",
    "pypdfium2": "Apache-2.0 OR BSD-3-Clause (PDFium: BSD-3)",
    "pypdf": "BSD-3-Clause",
    "pdfminer.six": "MIT",
    "PyMuPDF": "AGPL-3.0 (excluded: not measured)",
    "selectolax": "MIT",
    "lxml": "BSD-3-Clause",
    "trafilatura": "Apache-2.0 (13 dependencies, incl. lxml, dateparser, regex, babel)",
    "python-docx": "MIT (needs lxml)",
}
WORDS = (
    "battery frame motor service rider store warranty charger wheel brake chain trail city "
    "cargo folding commute range torque workshop mechanic pedal saddle light rack tyre"
).split()


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def sentence(rng: random.Random, probe: str | None = None) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 16))]
    if probe:
        words.insert(rng.randint(1, len(words) - 1), probe)
    return " ".join(words).capitalize() + "."


# -- corpus ------------------------------------------------------------------------------


def make_pdfs(folder: Path, rng: random.Random) -> dict[str, dict[int, list[str]]]:
    """PDF name -> page -> probe sentences on that page."""
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
        SimpleDocTemplate,
        Table,
    )

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    body.alignment = 4  # justified: word spacing is where extractors glue or split words
    probes: dict[str, dict[int, list[str]]] = {}

    def story(pages: int, name: str) -> list[Any]:
        out: list[Any] = []
        probes[name] = {}
        for page in range(1, pages + 1):
            out.append(Paragraph(f"Section {page}: {rng.choice(WORDS)} notes", styles["Heading2"]))
            found = probes[name].setdefault(page, [])
            for n in range(3):
                probe = sentence(rng, f"zq{page}x{n}")
                found.append(probe)
                text = " ".join([sentence(rng), probe, sentence(rng), sentence(rng)])
                out.append(Paragraph(text, body))
            items = [ListItem(Paragraph(sentence(rng), body)) for _ in range(3)]
            out.append(ListFlowable(items, bulletType="bullet"))
            if page % 5 == 0:
                out.append(Table([["Part", "Price"], ["Chain", "45.00"], ["Tyre", "69.00"]]))
            out.append(PageBreak())
        return out[:-1]

    SimpleDocTemplate(str(folder / "report.pdf"), pagesize=LETTER).build(story(30, "report.pdf"))
    w, h = LETTER
    columns = [
        Frame(50, 50, (w - 120) / 2, h - 100),
        Frame(70 + (w - 120) / 2, 50, (w - 120) / 2, h - 100),
    ]
    doc = BaseDocTemplate(str(folder / "columns.pdf"), pagesize=LETTER)
    doc.addPageTemplates([PageTemplate("two", frames=columns)])
    doc.build(story(10, "columns.pdf"))
    return probes


NAV = "".join(f'<li><a href="/p{i}">navlink{i} catalogue</a></li>' for i in range(30))
BOILERPLATE = [
    "navlink",
    "cookie consent text",
    "sidebar promo text",
    "footer legal text",
    "newsletter signup text",
    "script text",
    "share this page",
]


def make_html(folder: Path, rng: random.Random) -> dict[str, tuple[list[str], list[str]]]:
    """HTML name -> (probe sentences, headings)."""
    truth: dict[str, tuple[list[str], list[str]]] = {}
    for i in range(50):
        probes, headings, parts = [], [], []
        for s in range(4):
            heading = f"Topic {i}-{s} {rng.choice(WORDS)}"
            headings.append(heading)
            probe = sentence(rng, f"zh{i}x{s}")
            probes.append(probe)
            parts.append(
                f"<h2>{heading}</h2><p>{sentence(rng)} {probe} <span class='share'>share this "
                f"page</span></p><ul><li>{sentence(rng)}</li><li>{sentence(rng)}</li></ul>"
            )
        page = (
            f"<!doctype html><html><head><title>Page {i}</title><style>.nav{{color:red}}</style>"
            f"<script>var s = 'script text';</script></head><body>"
            f"<div id='cookie-banner'>cookie consent text <button>OK</button></div>"
            f"<header class='site-header'><nav class='main-nav'><ul>{NAV}</ul></nav></header>"
            f"<div class='layout'><aside class='sidebar'><p>sidebar promo text</p></aside>"
            f"<main><article><h1>Article {i}</h1>{''.join(parts)}"
            f"<table><tr><th>Part</th><th>Price</th></tr><tr><td>Chain</td><td>45</td></tr>"
            f"</table></article></main></div><footer><p>footer legal text</p><form>"
            f"newsletter signup text<input name='e'></form></footer></body></html>"
        )
        (folder / f"page{i}.html").write_text(page, "utf-8")
        truth[f"page{i}.html"] = (probes, [f"Article {i}", *headings])
    return truth


def make_docx(folder: Path, rng: random.Random) -> dict[str, tuple[list[str], list[str]]]:
    """DOCX name -> (probe sentences, headings); the Word-template one needs python-docx."""
    try:
        import docx
    except ImportError:
        return {}
    document = docx.Document()
    probes, headings = [], []
    document.add_heading("Generated report", 0)
    for s in range(30):
        heading = f"Chapter {s} {rng.choice(WORDS)}"
        headings.append(heading)
        document.add_heading(heading, 1)
        for n in range(3):
            probe = sentence(rng, f"zd{s}x{n}")
            probes.append(probe)
            para = document.add_paragraph(sentence(rng) + " ")
            para.add_run(probe).bold = n == 1
        document.add_paragraph(sentence(rng), style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(1, 1).text = "Part", "45.00"
    document.save(str(folder / "report.docx"))
    return {"report.docx": (probes, ["Generated report", *headings])}


# -- candidates --------------------------------------------------------------------------


def pdf_genaiops(data: bytes) -> list[str]:
    from genaiops.knowledge.parsers.pdf import parse_pdf

    doc = parse_pdf(data, "x.pdf")
    pages: dict[int, str] = {s.page or 0: s.text for s in doc.sections}
    return [pages.get(i, "") for i in range(1, max(pages) + 1)]


def pdf_pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdf_pdfminer(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return [
        "".join(el.get_text() for el in page if isinstance(el, LTTextContainer))
        for page in extract_pages(io.BytesIO(data))
    ]


SKIP_SELECTOR = (
    "script, style, noscript, template, svg, nav, aside, form, button, header, footer, "
    "[role=navigation], [hidden], .cookie, #cookie-banner, .sidebar, .share"
)


SKIP_XPATH = "|".join(
    [f"//{t}" for t in SKIP_SELECTOR.split(", ") if t.isalpha()]
    + ["//*[@role='navigation']", "//*[@hidden]", "//*[@id='cookie-banner']"]
    + [f"//*[contains(concat(' ', @class, ' '), ' {c} ')]" for c in ("cookie", "sidebar", "share")]
)


def html_genaiops(data: bytes) -> str:
    from genaiops.knowledge.parsers.html import parse_html

    return parse_html(data, "x.html").text


def html_selectolax(data: bytes) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data.decode("utf-8"))
    for node in tree.css(SKIP_SELECTOR):
        node.decompose()
    root = tree.css_first("main") or tree.body
    blocks = []
    for node in root.css("h1, h2, h3, h4, h5, h6, p, li, tr"):
        text = " ".join(node.text(separator=" ").split())
        blocks.append(("#" * int(node.tag[1]) + " " if node.tag[0] == "h" else "") + text)
    return "\n\n".join(blocks)


def html_lxml(data: bytes) -> str:
    import lxml.html

    tree = lxml.html.fromstring(data)
    for node in tree.xpath(SKIP_XPATH):
        node.drop_tree()
    root = (tree.xpath("//main") or [tree])[0]
    blocks = []
    for node in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr"):
        text = " ".join(node.text_content().split())
        blocks.append(("#" * int(node.tag[1]) + " " if node.tag[0] == "h" else "") + text)
    return "\n\n".join(blocks)


def html_trafilatura(data: bytes) -> str:
    import trafilatura

    return (
        trafilatura.extract(
            data.decode("utf-8"), output_format="markdown", include_tables=True, favor_recall=True
        )
        or ""
    )


def docx_genaiops(data: bytes) -> str:
    from genaiops.knowledge.parsers.docx import parse_docx

    return parse_docx(data, "x.docx").text


def docx_python_docx(data: bytes) -> str:
    import docx
    from docx.table import Table

    out = []
    for block in docx.Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            out += [" | ".join(c.text for c in row.cells) for row in block.rows]
        elif block.style is not None and block.style.name.lower().startswith(("heading", "title")):
            out.append("# " + block.text)
        else:
            out.append(block.text)
    return "\n\n".join(out)


CANDIDATES: dict[str, dict[str, tuple[str, Callable[[bytes], Any]]]] = {
    "pdf": {
        "genaiops (pypdfium2)": ("pypdfium2", pdf_genaiops),
        "pypdf": ("pypdf", pdf_pypdf),
        "pdfminer.six": ("pdfminer.six", pdf_pdfminer),
    },
    "html": {
        "genaiops (html.parser)": ("genaiops", html_genaiops),
        "selectolax (same rules)": ("selectolax", html_selectolax),
        "lxml (same rules)": ("lxml", html_lxml),
        "trafilatura": ("trafilatura", html_trafilatura),
    },
    "docx": {
        "genaiops (zipfile + XML)": ("genaiops", docx_genaiops),
        "python-docx": ("python-docx", docx_python_docx),
    },
}


def installed(dist: str) -> dict[str, Any] | None:
    try:
        d = distribution(dist)
    except PackageNotFoundError:
        return None
    size = sum(f.size or 0 for f in d.files or [])
    return {"version": d.version, "installed_mb": round(size / 1e6, 1)}


def timed(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """The median of ``repeats`` runs after one untimed run (imports, library start-up)."""
    times, out = [], fn()
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def heading_found(text: str, heading: str) -> bool:
    return any(norm(line).lstrip("# ") == norm(heading) for line in text.splitlines())


def bench_pdf(
    folder: Path, probes: dict[str, dict[int, list[str]]], repeats: int
) -> dict[str, Any]:
    files = {n: (folder / n).read_bytes() for n in probes}
    n_pages = sum(len(p) for p in probes.values())
    out: dict[str, Any] = {}
    for label, (dist, fn) in CANDIDATES["pdf"].items():
        meta = installed(dist)
        if meta is None:
            out[label] = {"installed": False}
            continue
        seconds, pages = timed(lambda fn=fn: {n: fn(d) for n, d in files.items()}, repeats)
        total = found = on_page = 0
        for name, by_page in probes.items():
            whole = norm(" ".join(pages[name]))
            for page, sentences in by_page.items():
                for s in sentences:
                    total += 1
                    found += norm(s) in whole
                    on_page += page <= len(pages[name]) and norm(s) in norm(pages[name][page - 1])
        out[label] = {
            **meta,
            "licence": LICENCES[dist],
            "seconds": round(seconds, 4),
            "ms_per_page": round(seconds / n_pages * 1000, 2),
            "found": round(found / total, 3),
            "on_page": round(on_page / total, 3),
            "bad_input": bad_pdf_errors(fn, folder),
        }
    return {
        "pages": n_pages,
        "probes": sum(len(s) for p in probes.values() for s in p.values()),
        "candidates": out,
    }


def bad_pdf_errors(fn: Callable[[bytes], Any], folder: Path) -> dict[str, str]:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(folder / "enc.pdf"), encrypt="secret")
    canvas.drawString(72, 720, "Encrypted text.")
    canvas.save()
    inputs = {
        "corrupt": b"%PDF-1.7\n1 0 obj <<>>\n%%EOF garbage",
        "encrypted": (folder / "enc.pdf").read_bytes(),
    }
    result = {}
    for name, data in inputs.items():
        try:
            text = fn(data)
            result[name] = f"no error; text: {norm(' '.join(text))[:40]!r}"
        except Exception as exc:  # what each library raises is the point of the measure
            result[name] = f"{type(exc).__module__}.{type(exc).__name__}: {str(exc)[:80]}"
    return result


def bench_text(
    fmt: str, folder: Path, truth: dict[str, tuple[list[str], list[str]]], repeats: int
) -> dict[str, Any]:
    files = {n: (folder / n).read_bytes() for n in truth}
    out: dict[str, Any] = {}
    for label, (dist, fn) in CANDIDATES[fmt].items():
        meta = installed(dist) if dist != "genaiops" else {"version": "this repo"}
        if meta is None:
            out[label] = {"installed": False}
            continue
        seconds, texts = timed(lambda fn=fn: {n: fn(d) for n, d in files.items()}, repeats)
        probes = [(n, s) for n, (ps, _) in truth.items() for s in ps]
        heads = [(n, h) for n, (_, hs) in truth.items() for h in hs]
        result = {
            **meta,
            "licence": LICENCES[dist],
            "seconds": round(seconds, 4),
            "ms_per_file": round(seconds / len(files) * 1000, 2),
            "found": round(sum(norm(s) in norm(texts[n]) for n, s in probes) / len(probes), 3),
            "headings": round(sum(heading_found(texts[n], h) for n, h in heads) / len(heads), 3),
        }
        if fmt == "html":
            result["leaked"] = sum(norm(b) in norm(t) for t in texts.values() for b in BOILERPLATE)
        out[label] = result
    return {"files": len(files), "candidates": out}


BOMB_SCRIPT = """
import io, resource, sys, time, zipfile
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    if sys.argv[2] == "python-docx":
        import docx
        docx.Document(io.BytesIO(data))
    else:
        from genaiops.knowledge.parsers.docx import parse_docx
        parse_docx(data, "bomb.docx")
    outcome = "read"
except Exception as exc:
    outcome = f"{type(exc).__name__}: {str(exc)[:90]}"
grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(f"{time.perf_counter() - start:.2f}|{grew / 1024:.0f}|{outcome}")
"""


def bench_bomb(folder: Path) -> dict[str, Any]:
    """A 1 GB document.xml packed in ~1 MB, with Word's other parts beside it."""
    import zipfile

    path = folder / "bomb.docx"
    guide = zipfile.ZipFile(EXAMPLE_DOCS / "dealer-onboarding-guide.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in guide.infolist():
            if info.filename != "word/document.xml":
                zf.writestr(info, guide.read(info))
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            )
            for _ in range(1000):
                f.write(b" " * 1_000_000)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    out: dict[str, Any] = {"packed_mb": round(path.stat().st_size / 1e6, 2), "unpacked_mb": 1000}
    for reader in ("genaiops", "python-docx"):
        if reader == "python-docx" and installed("python-docx") is None:
            continue
        run = subprocess.run(
            [sys.executable, "-c", BOMB_SCRIPT, str(path), reader],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        seconds, grew, outcome = (run.stdout.strip() or f"0|0|{run.stderr[-200:]}").split("|", 2)
        out[reader] = {
            "seconds": float(seconds),
            "peak_rss_growth_mb": int(grew),
            "outcome": outcome,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20250301)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf_probes = make_pdfs(folder, rng)
        handbook = "warranty-service-handbook.pdf"
        (folder / handbook).write_bytes((EXAMPLE_DOCS / handbook).read_bytes())
        pdf_probes[handbook] = {
            2: ["A new bike's first service is due after 300 km or 6 weeks of riding"]
        }
        html_truth = make_html(folder, rng)
        (folder / "store-events.html").write_bytes(
            (EXAMPLE_DOCS / "store-events.html").read_bytes()
        )
        html_truth["store-events.html"] = (
            ["The commuter maintenance clinic runs every Wednesday from 18:30 to 20:00."],
            ["Store Events 2025", "Seattle Store", "Group test ride events"],
        )
        docx_truth = make_docx(folder, rng)
        guide = "dealer-onboarding-guide.docx"
        (folder / guide).write_bytes((EXAMPLE_DOCS / guide).read_bytes())
        docx_truth[guide] = (
            [
                "Every partner shop must employ at least two mechanics who have passed the Fenwick "
                "Certified Mechanic course."
            ],
            ["Dealer Onboarding Guide", "Certified mechanics", "Partner discounts"],
        )
        result = {
            "benchmark": "document parsers: speed, text quality, licence",
            "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "usable_cores": len(os.sched_getaffinity(0)),
            "repeats": args.repeats,
            "pdf": bench_pdf(folder, pdf_probes, args.repeats),
            "html": bench_text("html", folder, html_truth, args.repeats),
            "docx": bench_text("docx", folder, docx_truth, args.repeats),
            "docx_zip_bomb": bench_bomb(folder),
            "excluded": {"PyMuPDF": LICENCES["PyMuPDF"]},
        }
    for fmt in ("pdf", "html", "docx"):
        print(f"\n{fmt}:")
        for label, r in result[fmt]["candidates"].items():
            print(f"  {label:28} {json.dumps(r)}")
    print(f"\ndocx zip bomb: {json.dumps(result['docx_zip_bomb'])}")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {RESULT}")


if __name__ == "__main__":
    main()
