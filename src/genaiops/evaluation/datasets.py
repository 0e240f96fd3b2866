"""Evaluation datasets: JSONL, one question a line, loaded with per-line errors.

A line::

    {"id": "returns-30",                      # optional; default: a hash of the question
     "question": "How many days do customers have to return a bike?",
     "reference": ["30 days", "thirty days"], # an answer or a list of acceptable answers
     "sources": ["returns-policy.md"],        # the documents that hold the answer
     "tags": ["policy"],
     "answerable": true,                      # false: the documents cannot answer it
     "labels": [{"answer": "Within 30 days.", "label": 1}],   # optional human judgements
     "context": ["..."],                      # optional passages, to score labels offline
     "generated": false, "meta": {}}

A malformed line is reported (line number, what is wrong, how to fix it) and the rest are
loaded: one bad line in a thousand must not cost the run, and must not pass silently
either (``Dataset.errors``; the CLI prints them and ``--strict`` fails on them). Unknown
keys are errors, so that a misspelt ``refrence`` is not an item without a reference.

``labels`` are human judgements of candidate answers (1 good, 0 bad); the agreement
report (:mod:`genaiops.evaluation.agreement`) scores them with each metric and says how
well the metric separates the good from the bad.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genaiops.errors import InputError
from genaiops.evaluation.metrics import Sample

#: the longest question an ask accepts (``genaiops.apps.request.MAX_QUESTION_CHARS``)
MAX_QUESTION_CHARS = 32_000

__all__ = ["Dataset", "EvalItem", "LabelledAnswer", "LineError", "load_dataset", "write_dataset"]

KEYS = frozenset(
    {
        "id",
        "question",
        "reference",
        "sources",
        "tags",
        "answerable",
        "labels",
        "context",
        "generated",
        "meta",
    }
)
_LABELS = {"1": 1.0, "0": 0.0, "true": 1.0, "false": 0.0, "pass": 1.0, "fail": 0.0}


@dataclass(frozen=True)
class LabelledAnswer:
    """A human's judgement of one answer to the item's question."""

    answer: str
    label: float  # 1.0 good, 0.0 bad


@dataclass(frozen=True)
class EvalItem:
    id: str
    question: str
    references: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    answerable: bool = True
    labels: tuple[LabelledAnswer, ...] = ()
    context: tuple[str, ...] = ()
    generated: bool = False
    meta: dict[str, Any] = field(default_factory=dict)

    def sample(self) -> Sample:
        return Sample(self.question, self.references, self.sources, self.tags, self.answerable)

    def to_json(self) -> dict[str, Any]:
        """The item as a dataset line (what :func:`load_dataset` reads back)."""
        out: dict[str, Any] = {"id": self.id, "question": self.question}
        if self.references:
            out["reference"] = list(self.references)
        out["sources"] = list(self.sources)
        out["tags"] = list(self.tags)
        out["answerable"] = self.answerable
        if self.labels:
            out["labels"] = [{"answer": a.answer, "label": a.label} for a in self.labels]
        if self.context:
            out["context"] = list(self.context)
        if self.generated:
            out["generated"] = True
        if self.meta:
            out["meta"] = self.meta
        return out


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Dataset:
    path: str
    items: list[EvalItem]
    errors: list[LineError] = field(default_factory=list)

    @property
    def sha(self) -> str:
        """A checksum of the items as loaded (a resumed run checks it did not change)."""
        text = json.dumps([i.to_json() for i in self.items], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def error_report(self, limit: int = 20) -> str:
        lines = [f"{self.path}: {e}" for e in self.errors[:limit]]
        if len(self.errors) > limit:
            lines.append(f"... and {len(self.errors) - limit} more malformed lines")
        return "\n".join(lines)


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"'{key}' must be a string or a list of strings (got {value!r:.60})")
    return tuple(v.strip() for v in value if v.strip())


def _labels(value: Any) -> tuple[LabelledAnswer, ...]:
    if not isinstance(value, list):
        raise InputError('\'labels\' must be a list of {"answer": ..., "label": 1 or 0}')
    out = []
    for i, entry in enumerate(value):
        if not isinstance(entry, dict) or set(entry) - {"answer", "label", "note"}:
            raise InputError(f'labels[{i}] must be {{"answer": "...", "label": 1 or 0}}')
        answer, label = entry.get("answer"), entry.get("label")
        if not isinstance(answer, str) or not answer.strip():
            raise InputError(f"labels[{i}].answer must be a non-empty string")
        key = str(label).strip().lower()
        if isinstance(label, float) and label in (0.0, 1.0):
            key = str(int(label))
        if key not in _LABELS:
            raise InputError(
                f"labels[{i}].label must be 1 or 0 (true/false, pass/fail); got {label!r}"
            )
        out.append(LabelledAnswer(answer, _LABELS[key]))
    return tuple(out)


def default_id(question: str) -> str:
    """A stable id from the question: editing other lines does not change it."""
    return "q" + hashlib.sha1(" ".join(question.lower().split()).encode()).hexdigest()[:10]


def _item(data: Any) -> EvalItem:
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise InputError(f"unknown key(s) {', '.join(unknown)}; valid: {', '.join(sorted(KEYS))}")
    question = data.get("question")
    if not isinstance(question, str) or not question.strip():
        raise InputError("'question' is missing or empty; every line needs a question")
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError(
            f"'question' has {len(question):,} characters; an ask takes at most "
            f"{MAX_QUESTION_CHARS:,}"
        )
    answerable = data.get("answerable", True)
    if not isinstance(answerable, bool):
        raise InputError(f"'answerable' must be true or false (got {answerable!r})")
    references = _strings(data.get("reference", []), "reference")
    if not answerable and references:
        raise InputError(
            "an unanswerable item (answerable: false) has no reference answer; drop "
            "'reference' or set answerable: true"
        )
    raw_id = data.get("id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        raise InputError(f"'id' must be a string or an integer (got {raw_id!r})")
    generated = data.get("generated", False)
    if not isinstance(generated, bool):
        raise InputError(f"'generated' must be true or false (got {generated!r})")
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise InputError("'meta' must be an object")
    return EvalItem(
        id=str(raw_id) if raw_id is not None else default_id(question),
        question=question.strip(),
        references=references,
        sources=_strings(data.get("sources", []), "sources"),
        tags=_strings(data.get("tags", []), "tags"),
        answerable=answerable,
        labels=_labels(data.get("labels", [])),
        context=_strings(data.get("context", []), "context"),
        generated=generated,
        meta=meta,
    )


def parse_lines(lines: Iterable[str], path: str = "<dataset>") -> Dataset:
    items: list[EvalItem] = []
    errors: list[LineError] = []
    first_line: dict[str, int] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = _item(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(LineError(n, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        except InputError as exc:
            errors.append(LineError(n, str(exc)))
            continue
        if item.id in first_line:
            errors.append(
                LineError(
                    n,
                    f"duplicate id {item.id!r} (first on line {first_line[item.id]}); "
                    "give each line its own 'id' or drop the repeated question",
                )
            )
            continue
        first_line[item.id] = n
        items.append(item)
    return Dataset(path, items, errors)


def load_dataset(path: str | Path) -> Dataset:
    """Load a JSONL dataset; malformed lines are in ``errors``, the rest in ``items``."""
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: no such dataset file") from None
    except IsADirectoryError:
        raise InputError(f"{p} is a folder; name a .jsonl file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read the dataset: {exc.strerror or exc}") from None
    return parse_lines(text.splitlines(), str(path))


def write_dataset(path: str | Path, items: Sequence[EvalItem]) -> None:
    lines = [json.dumps(i.to_json(), ensure_ascii=False) for i in items]
    try:
        Path(path).write_text("".join(line + "\n" for line in lines), "utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write the dataset: {exc.strerror or exc}") from None
