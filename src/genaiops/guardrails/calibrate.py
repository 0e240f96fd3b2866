"""Calibration of a policy on labelled data (`genaiops guard calibrate`).

Input: JSONL lines ``{"text", "source": "input"|"document"|"output", "label":
"block"|"allow", "context": [...] (optional), "query": ... (optional)}``. For each check of
the policy: false-positive and false-negative rates as configured, latency p50/p95, and,
for checks with a continuous risk score, the risk threshold that meets a target
false-positive rate and the recall it gives there.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from genaiops.errors import InputError
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.stats import percentile

__all__ = ["CheckCalibration", "LabelledExample", "calibrate", "read_labelled"]


class LabelledExample(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    text: str
    source: Literal["input", "document", "output"] = "input"
    label: Literal["block", "allow"]
    context: list[str] = Field(default_factory=list)
    query: str | None = None


def read_labelled(path: Path) -> tuple[list[LabelledExample], list[str]]:
    """The valid examples, and one error line per malformed line (nothing else is lost)."""
    examples: list[LabelledExample] = []
    errors: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                examples.append(LabelledExample.model_validate(json.loads(line)))
            except (json.JSONDecodeError, ValidationError) as exc:
                errors.append(f"{path}:{n}: {str(exc).splitlines()[0]}")
    if not examples:
        raise InputError(f"{path}: no valid labelled lines" + (f" ({errors[0]})" if errors else ""))
    return examples, errors


@dataclass(frozen=True)
class CheckCalibration:
    check: str
    positives: int
    negatives: int
    false_positive_rate: float
    false_negative_rate: float
    latency_ms_p50: float
    latency_ms_p95: float
    target_fpr: float
    risk_threshold: float | None  # risk >= this blocks; None for match-only checks
    recall_at_threshold: float | None
    fpr_at_threshold: float | None


def _pct(values: list[float], q: float) -> float:
    """The project's one percentile (q in 0..1 here); 0 for no values."""
    return percentile(values, q * 100) if values else 0.0


def _threshold(
    risks: list[tuple[float, bool]], target_fpr: float
) -> tuple[float, float, float] | None:
    """The lowest threshold whose false-positive rate is <= target: (t, recall, fpr)."""
    neg = sorted((r for r, pos in risks if not pos), reverse=True)
    pos = [r for r, p in risks if p]
    if not neg or not pos:
        return None
    allowed = int(target_fpr * len(neg))  # negatives that may score at or above t
    t = neg[allowed] + 1e-9 if allowed < len(neg) else 0.0
    t = min(max(t, 0.0), 1.0)
    recall = sum(r >= t for r in pos) / len(pos)
    fpr = sum(r >= t for r in neg) / len(neg)
    return t, recall, fpr


def calibrate(
    engine: GuardrailEngine, examples: Iterable[LabelledExample], target_fpr: float = 0.05
) -> list[CheckCalibration]:
    rows = list(examples)
    out: list[CheckCalibration] = []
    for check in engine.checks:
        fp = fn = pos_n = neg_n = 0
        latencies: list[float] = []
        risks: list[tuple[float, bool]] = []
        for ex in rows:
            if ex.source not in check.directions:
                continue
            positive = ex.label == "block"
            t0 = time.perf_counter()
            findings = check.check(ex.text, ex.source, ex.context, ex.query)
            latencies.append((time.perf_counter() - t0) * 1e3)
            risk = check.risk(ex.text, ex.source, ex.context, ex.query)
            if risk is not None:
                risks.append((risk, positive))
            flagged = any(f.action in ("BLOCKED", "MASKED") for f in findings)
            pos_n += positive
            neg_n += not positive
            fp += flagged and not positive
            fn += positive and not flagged
        found = _threshold(risks, target_fpr) if risks else None
        out.append(
            CheckCalibration(
                check=check.type,
                positives=pos_n,
                negatives=neg_n,
                false_positive_rate=fp / neg_n if neg_n else 0.0,
                false_negative_rate=fn / pos_n if pos_n else 0.0,
                latency_ms_p50=_pct(latencies, 0.5),
                latency_ms_p95=_pct(latencies, 0.95),
                target_fpr=target_fpr,
                risk_threshold=found[0] if found else None,
                recall_at_threshold=found[1] if found else None,
                fpr_at_threshold=found[2] if found else None,
            )
        )
    return out


def as_dict(rows: list[CheckCalibration]) -> list[dict[str, Any]]:
    from dataclasses import asdict

    return [asdict(r) for r in rows]
