"""Batch guard checks over JSONL, like Bedrock's ApplyGuardrail in bulk (`genaiops guard check`).

Each input line: ``{"id": ..., "text": ..., "source": "input"|"output", "context": [str]
(optional), "query": str (optional)}`` ("document" is accepted as a source too). Each output
line repeats ``id`` and adds ``action`` (NONE | BLOCKED | MASKED), ``text_out``,
``findings`` (``type, name, score, start, end, action``) and ``latency_ms``. This format
is stable. A malformed line is answered with ``{"id", "line", "error"}`` and the batch
goes on; blank lines are skipped (and counted). A file that cannot be read, is not UTF-8,
or an output path that cannot be written raises :class:`~genaiops.errors.InputError`
before anything is checked.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from genaiops.errors import InputError
from genaiops.guardrails.engine import GuardOutcome, GuardrailEngine

__all__ = ["BatchReport", "GuardRequest", "check_jsonl", "outcome_record", "read_text_file"]


def read_text_file(path: Path, what: str) -> str:
    """The text of a UTF-8 file (a leading BOM is dropped); every way it cannot be read
    becomes one :class:`InputError` that names the file, ``what`` it should be and the fix."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; pass the path of an existing {what}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; pass the path of a {what}, not a folder") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the {what} readable") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what}: {exc.strerror or exc}") from None
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}: the {what} is not UTF-8 text (byte 0x{data[exc.start]:02x} on line "
            f"{line}); save it as UTF-8"
        ) from None


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
    lines: int = 0  # non-blank lines, each answered with one output row
    blank: int = 0  # blank lines, skipped
    actions: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # one per malformed line


def check_jsonl(engine: GuardrailEngine, in_path: Path, out_path: Path) -> BatchReport:
    """Check every non-blank line of ``in_path``; write one row per line to ``out_path``."""
    if out_path.resolve() == in_path.resolve():
        raise InputError(f"{out_path} is the input file; write the results to another file")
    text = read_text_file(in_path, "JSONL input file")
    report = BatchReport()
    try:
        dst = out_path.open("w", encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            f"{out_path}: the folder {out_path.parent} does not exist; create it or write "
            "the output somewhere else"
        ) from None
    except IsADirectoryError:
        raise InputError(f"{out_path} is a folder; pass a file path for the output") from None
    except OSError as exc:  # permission denied, a file where a folder should be, ...
        raise InputError(
            f"{out_path}: cannot write the output: {exc.strerror or exc}; choose another path"
        ) from None
    with dst:
        lines = text.split("\n")  # not splitlines(): U+2028 may sit inside a JSON string
        if lines[-1] == "":
            lines.pop()  # the newline that ends the last line
        for n, line in enumerate(lines, 1):
            if not line.strip():
                report.blank += 1
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
