"""Batch guard checks over JSONL, like Bedrock's ApplyGuardrail in bulk (`genaiops guard check`).

Each input line: ``{"id": ..., "text": ..., "source": "input"|"output", "context": [str]
(optional), "query": str (optional)}`` ("document" is accepted as a source too). Each output
line repeats ``id`` and adds ``action`` (NONE | BLOCKED | MASKED), ``text_out``,
``findings`` (``type, name, score, start, end, action``) and ``latency_ms``. This format
is stable. A malformed line is answered with ``{"id", "line", "error"}`` and the batch
goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from genaiops.guardrails.engine import GuardOutcome, GuardrailEngine

__all__ = ["BatchReport", "GuardRequest", "check_jsonl", "outcome_record"]


class GuardRequest(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str | int | None = None
    text: str
    source: Literal["input", "output", "document"]
    context: list[str] = Field(default_factory=list)
    query: str | None = None


def outcome_record(request_id: object, outcome: GuardOutcome) -> dict[str, Any]:
    return {
        "id": request_id,
        "action": outcome.action,
        "text_out": outcome.text_out,
        "findings": [
            {
                "type": f.type,
                "name": f.name,
                "score": round(f.score, 4),
                "start": f.start,
                "end": f.end,
                "action": f.action,
            }
            for f in outcome.findings
        ],
        "latency_ms": round(outcome.latency_ms.get("total", 0.0), 3),
    }


@dataclass
class BatchReport:
    lines: int = 0
    actions: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def check_jsonl(engine: GuardrailEngine, in_path: Path, out_path: Path) -> BatchReport:
    report = BatchReport()
    with in_path.open(encoding="utf-8") as src, out_path.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(src, 1):
            if not line.strip():
                continue
            report.lines += 1
            raw: Any = None
            try:
                raw = json.loads(line)
                req = GuardRequest.model_validate(raw)
            except (json.JSONDecodeError, ValidationError) as exc:
                message = (
                    str(exc).splitlines()[0]
                    if isinstance(exc, json.JSONDecodeError)
                    else (
                        "; ".join(
                            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                            for e in exc.errors()
                        )
                    )
                )
                report.errors.append(f"{in_path}:{n}: {message}")
                rid = raw.get("id") if isinstance(raw, dict) else None
                dst.write(json.dumps({"id": rid, "line": n, "error": message}) + "\n")
                continue
            outcome = engine.apply(req.text, req.source, req.context, req.query)
            report.actions[outcome.action] = report.actions.get(outcome.action, 0) + 1
            dst.write(json.dumps(outcome_record(req.id, outcome), ensure_ascii=False) + "\n")
    return report
