"""Evaluation datasets: per-line errors, the rest loaded; round trip; the example set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLE
from genaiops.errors import InputError
from genaiops.evaluation.datasets import (
    EvalItem,
    LabelledAnswer,
    default_id,
    load_dataset,
    write_dataset,
)

GOOD = {"question": "How much does the Trailhawk 2 cost?", "reference": "$2,899"}


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_malformed_line_is_reported_and_the_rest_loaded(tmp_path: Path) -> None:
    lines = [
        json.dumps(GOOD),
        "{not json",
        json.dumps({"reference": "x"}),  # no question
        json.dumps({"question": "Q?", "refrence": "typo"}),  # unknown key
        "",  # blank lines are skipped, not errors
        json.dumps({"question": "Who?", "answerable": False, "reference": "x"}),
        json.dumps({"question": "Shipping?", "labels": [{"answer": "a", "label": "maybe"}]}),
        json.dumps({"question": "Price?", "answerable": "no"}),
        json.dumps(GOOD),  # the same question again: the same default id
        json.dumps({"id": 7, "question": "What is the frame warranty?", "sources": "w.md"}),
        "[1, 2]",
    ]
    ds = load_dataset(_write(tmp_path, lines))
    assert [i.question for i in ds.items] == [GOOD["question"], "What is the frame warranty?"]
    errors = {e.line: e.message for e in ds.errors}
    assert sorted(errors) == [2, 3, 4, 6, 7, 8, 9, 11]
    assert "not valid JSON" in errors[2]
    assert "'question' is missing" in errors[3]
    assert "unknown key(s) refrence" in errors[4] and "valid:" in errors[4]
    assert "unanswerable item" in errors[6] and "drop 'reference'" in errors[6]
    assert "labels[0].label must be 1 or 0" in errors[7]
    assert "'answerable' must be true or false" in errors[8]
    assert "duplicate id" in errors[9] and "first on line 1" in errors[9]
    assert "expected a JSON object" in errors[11]
    assert "line 2:" in ds.error_report()
    second = ds.items[1]
    assert second.id == "7" and second.sources == ("w.md",) and second.references == ()


def test_fields_are_normalized_and_round_trip(tmp_path: Path) -> None:
    item = EvalItem(
        id="x1",
        question="How many days do customers have to return a bike?",
        references=("30 days", "thirty days"),
        sources=("returns-policy.md",),
        tags=("policy",),
        labels=(LabelledAnswer("Within 30 days.", 1.0), LabelledAnswer("Forever.", 0.0)),
        context=("Returns are accepted within 30 days of delivery.",),
        generated=True,
        meta={"chunk": 2},
    )
    none = EvalItem(id="x2", question="What does the scooter cost?", answerable=False)
    path = tmp_path / "out.jsonl"
    write_dataset(path, [item, none])
    ds = load_dataset(path)
    assert ds.errors == [] and ds.items == [item, none]
    assert ds.sha == load_dataset(path).sha
    sample = ds.items[1].sample()
    assert not sample.answerable and sample.references == ()
    # labels accept true/false and pass/fail; ids default to a hash of the question
    line = {
        "question": "  Q one?  ",
        "labels": [{"answer": "a", "label": True}, {"answer": "b", "label": "fail"}],
    }
    got = load_dataset(_write(tmp_path, [json.dumps(line)])).items[0]
    assert [a.label for a in got.labels] == [1.0, 0.0]
    assert got.id == default_id("q one?") and got.question == "Q one?"


def test_unreadable_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such dataset"):
        load_dataset(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="is a folder"):
        load_dataset(tmp_path)
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes('{"question": "Caf\xe9?"}\n'.encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_dataset(bad)


def test_the_example_dataset_loads() -> None:
    ds = load_dataset(EXAMPLE / "eval" / "questions.jsonl")
    assert ds.errors == []
    assert len(ds.items) == 15
    assert sum(not i.answerable for i in ds.items) == 3
    assert all(i.sources for i in ds.items if i.answerable)
    assert all(i.references for i in ds.items if i.answerable)


def test_a_question_too_long_to_ask_is_a_line_error(tmp_path: Path) -> None:
    from genaiops.apps import request
    from genaiops.evaluation import datasets

    assert datasets.MAX_QUESTION_CHARS == request.MAX_QUESTION_CHARS
    ds = load_dataset(_write(tmp_path, [json.dumps({"question": "x" * 40_000}), json.dumps(GOOD)]))
    assert len(ds.items) == 1 and "at most 32,000" in ds.errors[0].message
