"""Sections that other rooms contribute to a report.

A report is built by its owner (the evaluation room builds the decision report) and then
offered to every registered contributor: a function that takes a :class:`ReportContext`
and returns the sections it has to add (none when the report is not its business). The
costs and value rooms add theirs to the decision report this way; a third party does
the same through the entry point group ``genaiops.report_sections``::

    [project.entry-points."genaiops.report_sections"]
    carbon = "my_package.carbon:sections"   # def sections(ctx) -> list[Section]

A contributor that fails does not lose the report: its failure becomes a short section
saying what went wrong, and the rest of the page is written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from genaiops.plugins import Registry
from genaiops.reports.page import Paragraph, Report, Section

if TYPE_CHECKING:
    from genaiops.config import ProjectConfig
    from genaiops.runtime import Runtime

__all__ = ["ReportContext", "SectionProvider", "add_contributed", "contributors"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReportContext:
    """What a contributor may read.

    ``kind`` names the report (``"decision"``); ``data`` is what its owner computed (for
    the decision report: ``summary``, ``decision``, ``run``); ``project`` and
    ``runtime`` are there when the report is written inside a project (a contributor
    that needs the ledger reads it through the runtime)."""

    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)
    project: ProjectConfig | None = None
    runtime: Runtime | None = None


SectionProvider = Callable[[ReportContext], Sequence[Section]]

#: contributors of report sections, by name
contributors: Registry[SectionProvider] = Registry("genaiops.report_sections", "report section")


def add_contributed(report: Report, ctx: ReportContext) -> list[str]:
    """Offer ``report`` to every contributor (by name order) and add what they return;
    the names of those that added something."""
    added: list[str] = []
    try:
        names = contributors.names()
    except Exception as exc:  # a plug-in that does not load must not lose the report
        log.warning("report sections could not be loaded: %s", exc)
        report.add(_failed("plug-ins", exc))
        return added
    for name in names:
        try:
            sections = list(contributors.get(name)(ctx))
        except Exception as exc:  # a broken contributor must not lose the report
            log.warning("report section %r failed: %s", name, exc, exc_info=True)
            sections = [_failed(name, exc)]
        if sections:
            report.add(
                *(s if s.source != "genaiops" else replace(s, source=name) for s in sections)
            )
            added.append(name)
    return added


def _failed(name: str, exc: Exception) -> Section:
    text = f"This section could not be made: {type(exc).__name__}: {exc}"
    return Section(f"failed-{name}", f"{name} (not available)", (Paragraph(text, "warn"),),
                   order=1_000, source=name)  # fmt: skip
