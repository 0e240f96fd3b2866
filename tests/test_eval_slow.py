"""Evaluation end to end on the real SmolLM2 (llama.cpp, 1 thread): a 3-item run with a
judge, its cached re-run, and test-set generation by the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from genaiops.evaluation.generate import answer_in_text, generate_testset
from genaiops.evaluation.runner import EvalRunner
from genaiops.evaluation.store import EvalStore
from genaiops.evaluation.suite import SuiteConfig
from genaiops.runtime import Runtime
from genaiops.storage.schema import chunks

pytestmark = pytest.mark.slow

# each answered by SmolLM2 with the expected fact in development (see test_apps.py)
ITEMS = [
    ("price", "How much does the Trailhawk 2 cost?", "$2,899", "product-trailhawk.md"),
    (
        "password",
        "What is the minimum length of a company password?",
        "14",
        "it-security-passwords.md",
    ),
    ("shipping", "What is the flat shipping fee for a bike?", "$129", "shipping-policy.md"),
]


def test_a_small_run_on_the_real_model_and_its_cached_rerun(
    runtime: Runtime, tmp_path: Path
) -> None:
    lines = [
        json.dumps({"id": i, "question": q, "reference": r, "sources": [s]}) for i, q, r, s in ITEMS
    ]
    (tmp_path / "items.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    suite = SuiteConfig.model_validate(
        {
            "name": "slow",
            "dataset": "items.jsonl",
            "app": "assistant",
            "metrics": ["contains", "numeric_match", "grounding", "context_recall"],
            "judge": {"model": "local-small"},
            "concurrency": 1,
        }
    )
    first = EvalRunner(runtime).start(suite, tmp_path)
    store = EvalStore(runtime.db)
    results = store.results(first.run_id)
    assert len(results) == 3 and all(r.status in ("answered", "blocked") for r in results)
    scores = {r.item_id: {s.metric: s.value for s in r.scores} for r in results}
    assert sum(scores[i]["numeric_match"] == 1.0 for i, *_ in ITEMS) >= 2
    assert all(scores[i]["context_recall"] == 1.0 for i, *_ in ITEMS)
    ops = first.summary["candidates"]["assistant"]["ops"]
    assert ops["ttft_p50_ms"] > 0 and ops["tokens_per_s"] > 0 and ops["cost_per_1k_usd"] > 0
    with runtime.db.engine.connect() as conn:
        billed = conn.execute(
            sa.text(
                "SELECT purpose, count(*) FROM usage_ledger WHERE tags->>'eval_run' = :r GROUP BY 1"
            ),
            {"r": first.run_id},
        ).all()
    assert dict(billed).get("answer", 0) >= 2  # a blocked-before-the-model ask makes no call

    second = EvalRunner(runtime).start(suite, tmp_path)
    again = store.results(second.run_id)
    assert [r.answer for r in again] == [r.answer for r in results]
    assert [r.scores for r in again] == [r.scores for r in results]
    with runtime.db.engine.connect() as conn:
        calls = conn.execute(
            sa.text("SELECT count(*) FROM usage_ledger WHERE tags->>'eval_run' = :r"),
            {"r": second.run_id},
        ).scalar()
    assert calls == 0  # the re-run cost nothing


def test_the_real_model_generates_questions_that_pass_the_filters(runtime: Runtime) -> None:
    report = generate_testset(runtime, "handbook", 1, max_tries=3, distractors=1, seed=3)
    assert report.tried == 3 or len(report.items) == 2
    assert sum(report.rejected.values()) == report.tried - (len(report.items) - 1)
    with runtime.db.engine.connect() as conn:
        texts = dict(conn.execute(sa.select(chunks.c.id, chunks.c.text)).all())
    for item in report.items:
        if item.answerable:  # what the model wrote passed every filter
            assert item.generated and item.sources
            assert answer_in_text(item.references[0], texts[item.meta["chunk_id"]])
    assert report.distractors == 1
