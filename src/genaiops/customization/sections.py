"""The customization room's section of the decision report: each tuned candidate's
training cost (the ledger's ``customization`` rows), amortized over the volume the suite
states, next to what the candidate costs a month to serve.

Registered in the entry point group ``genaiops.report_sections`` (as ``customization``).
Nothing is added when no candidate's model was tuned. Torch-free.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from genaiops.reports.page import Paragraph, Section, Table

if TYPE_CHECKING:
    from genaiops.reports.sections import ReportContext

__all__ = ["AMORTIZE_MONTHS", "amortized_rows", "sections"]

#: the period a training run is spread over in the report (a year of the stated volume)
AMORTIZE_MONTHS = 12


def _usd(x: float) -> str:
    return f"${x:,.2f}" if abs(x) >= 0.01 else f"${x:.2g}" if x else "$0"


def amortized_rows(
    candidates: Mapping[str, Mapping[str, Any]],
    training_usd: Mapping[str, float],
    requests_per_month: float,
    months: int = AMORTIZE_MONTHS,
) -> list[dict[str, Any]]:
    """Per candidate (``{name: {"model": m, "monthly_usd": x}}``): its model's training
    cost, that cost per ask over ``months`` of ``requests_per_month``, and the first
    month's total (serving plus the whole training)."""
    out = []
    asks = max(requests_per_month, 1.0) * months
    for name, c in candidates.items():
        train = float(training_usd.get(str(c.get("model")), 0.0))
        monthly = float(c.get("monthly_usd") or 0.0)
        out.append(
            {
                "candidate": name,
                "model": c.get("model"),
                "training_usd": train,
                "per_ask_usd": train / asks,
                "monthly_usd": monthly,
                "amortized_monthly_usd": monthly + train / months,
                "first_month_usd": monthly + train,
            }
        )
    return out


def sections(ctx: ReportContext) -> list[Section]:
    if ctx.kind != "decision" or ctx.runtime is None:
        return []
    from genaiops.costs.measure import fine_tuning_usd

    summary: Mapping[str, Any] = ctx.data.get("summary", {})
    decision: Mapping[str, Any] = ctx.data.get("decision", {})
    specs: Mapping[str, Any] = summary.get("candidates_spec", {})
    trained = fine_tuning_usd(ctx.runtime.db)
    if not any(str(s.get("model")) in trained for s in specs.values()):
        return []
    volume = float(decision.get("constraints", {}).get("requests_per_month") or 10_000)
    monthly = {
        str(c.get("name")): c.get("monthly_usd")
        for c in decision.get("candidates", [])
        if isinstance(c, Mapping)
    }
    cands = {n: {"model": s.get("model"), "monthly_usd": monthly.get(n)} for n, s in specs.items()}
    rows = amortized_rows(cands, trained, volume)
    table = Table(
        columns=("candidate", "training", f"per ask over {AMORTIZE_MONTHS} months",
                 "a month, training amortized", "first month, training paid"),
        rows=tuple((r["candidate"], _usd(r["training_usd"]), _usd(r["per_ask_usd"]),
                    _usd(r["amortized_monthly_usd"]), _usd(r["first_month_usd"]))
                   for r in rows),
        numeric=(False, True, True, True, True),
        caption=f"training cost (wall time x instance price, from the ledger) at "
        f"{volume:,.0f} asks a month",
    )  # fmt: skip
    text = (
        "A tuned model's training is paid once (and at each retraining): here spread over "
        f"{AMORTIZE_MONTHS} months of the suite's volume, beside the month of serving."
    )
    return [
        Section(
            id="customization",
            title="Fine-tuning cost",
            blocks=(Paragraph(text), table),
            order=75,
            data={"rows": rows, "requests_per_month": volume, "months": AMORTIZE_MONTHS},
        )
    ]
