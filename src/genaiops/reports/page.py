"""A report page made of sections: paragraphs, lists, tables and Plotly charts.

Every report genaiops writes for a person (the evaluation's decision report, and the
sections that the costs and value rooms add to it) is a :class:`Report`: a title and
ordered :class:`Section` s, each a list of blocks. One model renders three ways:

* :func:`render_html`: one self-contained page (plotly.js inline, no request leaves the
  page: it opens offline and from an e-mail attachment), styled for reading;
* :func:`render_markdown`: the same text and tables, for a pull request or a wiki (a
  chart becomes its caption and a pointer to the page);
* :func:`to_json`: the sections' data and every figure's Plotly spec, for machines.

A block is data, never HTML: the page escapes all text, so a model's answer or a file
name shown in a table cannot inject markup.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from genaiops.errors import InputError

__all__ = [
    "Block",
    "Bullets",
    "Figure",
    "Paragraph",
    "Report",
    "ReportEncoder",
    "ReportFiles",
    "Section",
    "Table",
    "Tiles",
    "render_html",
    "render_markdown",
    "script_json",
    "to_json",
    "write_report",
]

Tone = Literal["plain", "lead", "ok", "warn", "bad"]

#: the palette the charts share
BLUE, RED, GREEN, GREY, AMBER = "#3b6ea8", "#b33", "#3a8a4a", "#9aa3ad", "#b87a00"
PALETTE = ("#3b6ea8", "#d9822b", "#3a8a4a", "#8e5ea2", "#b33", "#2b9bb3", "#7a6a3a", "#9aa3ad")


@dataclass(frozen=True)
class Paragraph:
    """Text; ``lead`` is set large (a section's conclusion), ``ok``/``warn``/``bad`` as a
    callout."""

    text: str
    tone: Tone = "plain"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    tone: Tone = "plain"


@dataclass(frozen=True)
class Tiles:
    """Headline figures: (value, label) pairs."""

    tiles: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """Rows of text cells. ``numeric[i]`` right-aligns column i; ``strong`` rows are set
    bold (the best, or tied with it); ``muted`` rows grey (excluded)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    numeric: tuple[bool, ...] = ()
    strong: frozenset[int] = frozenset()
    muted: frozenset[int] = frozenset()
    id: str = ""

    def __post_init__(self) -> None:
        numeric = tuple(self.numeric[: len(self.columns)])
        object.__setattr__(self, "numeric", numeric + (False,) * (len(self.columns) - len(numeric)))
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise InputError(f"table row {i} has {len(row)} cells for {len(self.columns)}")


@dataclass(frozen=True)
class Figure:
    """A Plotly chart: ``data`` (traces) and ``layout``, as Plotly's JSON."""

    id: str
    title: str
    caption: str
    data: list[dict[str, Any]]
    layout: dict[str, Any] = field(default_factory=dict)
    wide: bool = False

    def spec(self) -> dict[str, Any]:
        base: dict[str, Any] = {
            "template": "plotly_white",
            "height": 320,
            "margin": {"t": 10, "r": 10, "b": 50, "l": 60},
        }
        return {"data": self.data, "layout": base | self.layout}


Block = Paragraph | Bullets | Tiles | Table | Figure


@dataclass(frozen=True)
class Section:
    """A part of a report, contributed by one room. ``order`` places it (lower first);
    ``data`` is what the section says, for the JSON."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    order: int = 100
    data: dict[str, Any] = field(default_factory=dict)
    source: str = "genaiops"

    def figures(self) -> Iterator[Figure]:
        return (b for b in self.blocks if isinstance(b, Figure))


@dataclass
class Report:
    title: str
    subtitle: str = ""
    sections: list[Section] = field(default_factory=list)
    generated_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())
    meta: dict[str, Any] = field(default_factory=dict)

    def add(self, *sections: Section) -> None:
        ids = {s.id for s in self.sections}
        for s in sections:
            if s.id in ids:
                raise InputError(f"report {self.title!r}: two sections with id {s.id!r}")
            ids.add(s.id)
            self.sections.append(s)

    def ordered(self) -> list[Section]:
        return sorted(self.sections, key=lambda s: s.order)  # stable: ties keep their order

    def figures(self) -> list[Figure]:
        return [f for s in self.ordered() for f in s.figures()]


# -- JSON -------------------------------------------------------------------------------------


class ReportEncoder(json.JSONEncoder):
    """numpy arrays and scalars, and sets, as JSON."""

    def default(self, o: Any) -> Any:
        if isinstance(o, np.ndarray):
            return o.tolist()
        if isinstance(o, np.generic):
            return o.item()
        if isinstance(o, frozenset | set):
            return sorted(o)
        return super().default(o)


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    return json.dumps(value, cls=ReportEncoder).replace("<", "\\u003c")


def _block_json(b: Block) -> dict[str, Any]:
    if isinstance(b, Figure):
        return {"type": "figure", "id": b.id, "title": b.title, "caption": b.caption, **b.spec()}
    if isinstance(b, Table):
        return {
            "type": "table", "id": b.id, "caption": b.caption, "columns": list(b.columns),
            "rows": [list(r) for r in b.rows],
        }  # fmt: skip
    if isinstance(b, Tiles):
        return {"type": "tiles", "tiles": [{"value": v, "label": k} for v, k in b.tiles]}
    if isinstance(b, Bullets):
        return {"type": "bullets", "items": list(b.items), "tone": b.tone}
    return {"type": "paragraph", "text": b.text, "tone": b.tone}


def to_json(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data: each section's data, blocks and figures' specs."""
    out: dict[str, Any] = {
        "title": report.title,
        "subtitle": report.subtitle,
        "generated_at": report.generated_at,
        **report.meta,
        "sections": [
            {
                "id": s.id, "title": s.title, "source": s.source, "data": s.data,
                "blocks": [_block_json(b) for b in s.blocks],
            }
            for s in report.ordered()
        ],
        "figures": {f.id: f.spec() for f in report.figures()},
    }  # fmt: skip
    parsed: dict[str, Any] = _finite(json.loads(json.dumps(out, cls=ReportEncoder)))  # plain types
    return parsed


def _finite(x: Any) -> Any:
    """NaN and infinities as None, recursively: JSON has no NaN."""
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_finite(v) for v in x]
    return x


# -- Markdown ---------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    if report.subtitle:
        lines += [f"_{report.subtitle}_", ""]
    for s in report.ordered():
        lines += [f"## {s.title}", ""]
        for b in s.blocks:
            if isinstance(b, Paragraph):
                lines += [f"**{b.text}**" if b.tone == "lead" else b.text, ""]
            elif isinstance(b, Bullets):
                lines += [*(f"- {x}" for x in b.items), ""]
            elif isinstance(b, Tiles):
                lines += [*(f"- **{v}** {label}" for v, label in b.tiles), ""]
            elif isinstance(b, Table):
                if b.caption:
                    lines += [b.caption, ""]
                lines.append("| " + " | ".join(_md_cell(c) for c in b.columns) + " |")
                aligns = [
                    "---:" if i < len(b.numeric) and b.numeric[i] else "---"
                    for i in range(len(b.columns))
                ]
                lines.append("| " + " | ".join(aligns) + " |")
                for i, row in enumerate(b.rows):
                    cells = [_md_cell(c) for c in row]
                    if i in b.strong:
                        cells[0] = f"**{cells[0]}**"
                    lines.append("| " + " | ".join(cells) + " |")
                lines.append("")
            else:
                lines += [f"_Chart: {b.title}. {b.caption} (see the HTML page)._", ""]
    return "\n".join(lines).rstrip() + "\n"


# -- HTML -------------------------------------------------------------------------------------


def render_html(report: Report) -> str:
    """The self-contained page: plotly.js inline. Figures go to plotly.js as written
    (validating them with ``plotly.graph_objects`` cost a quarter of a second per report;
    the browser test checks that every chart draws)."""
    import jinja2
    from markupsafe import Markup
    from plotly.offline import get_plotlyjs

    specs = {f.id: _finite(json.loads(script_json(f.spec()))) for f in report.figures()}
    sections = [
        {"id": s.id, "title": s.title, "source": s.source, "grouped": _grouped(s.blocks)}
        for s in report.ordered()
    ]
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["script_json"] = lambda v: Markup(script_json(v))
    env.tests["kind"] = lambda b, name: type(b).__name__ == name
    template = resources.files("genaiops").joinpath("templates/report.html.j2")
    generated = dt.datetime.fromisoformat(report.generated_at)
    return env.from_string(template.read_text("utf-8")).render(
        report=report,
        sections=sections,
        specs=specs,
        plotly_js=Markup(get_plotlyjs()),
        generated=generated.strftime("%d %b %Y %H:%M %Z"),
    )


@dataclass(frozen=True)
class ReportFiles:
    html: Path
    json: Path
    markdown: Path

    def __iter__(self) -> Iterator[Path]:
        return iter((self.html, self.json, self.markdown))


def safe_stem(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "report"


def write_report(report: Report, out_dir: Path, stem: str) -> ReportFiles:
    """Write ``<stem>.html``, ``<stem>.json`` and ``<stem>.md`` under ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = safe_stem(stem)
    files = ReportFiles(out_dir / f"{stem}.html", out_dir / f"{stem}.json", out_dir / f"{stem}.md")
    files.html.write_text(render_html(report), "utf-8")
    files.json.write_text(json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n", "utf-8")
    files.markdown.write_text(render_markdown(report), "utf-8")
    return files


def _grouped(blocks: Sequence[Block]) -> list[Block | tuple[Figure, ...]]:
    """Blocks in order, with each run of consecutive figures as one tuple (a grid)."""
    out: list[Block | tuple[Figure, ...]] = []
    for b in blocks:
        if isinstance(b, Figure) and out and isinstance(out[-1], tuple):
            out[-1] = (*out[-1], b)
        else:
            out.append((b,) if isinstance(b, Figure) else b)
    return out
