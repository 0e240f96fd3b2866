"""Test-set generation over the example handbook, with a scripted generator (a fake
registered the way a plug-in provider is) so the filters can be checked exactly; the
real model writes questions in test_eval_slow.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import pytest
import sqlalchemy as sa
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLE
from genaiops import plugins
from genaiops.cli.main import app as cli
from genaiops.config import ModelConfigBase, get_settings, parse_project
from genaiops.evaluation.datasets import load_dataset
from genaiops.evaluation.generate import answer_in_text, generate_testset, parse_qa
from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    Usage,
)
from genaiops.runtime import Runtime
from genaiops.storage import Database
from genaiops.storage.schema import chunks


class ScriptedConfig(ModelConfigBase):
    provider: Literal["scripted"] = "scripted"


class ScriptedGenerator(ModelProvider):
    """Asks about the last number of the passage's first sentence that has one; replies
    with no question when the passage has no number."""

    kind = "scripted"
    config_model = ScriptedConfig
    calls = 0

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        type(self).calls += 1
        passage = messages[-1].content.split("Passage:\n", 1)[1].split("\n\nWrite one", 1)[0]
        reply = "I cannot write a question about this."
        for sentence in re.split(r"(?<=[.!?])\s+", passage):
            numbers = re.findall(r"\d[\d,.]*\d|\d", sentence)
            if numbers and len(sentence.split()) >= 5:
                n = numbers[-1]
                question = sentence.replace(n, "how many").rstrip(".") + "?"
                reply = f"Question: {question}\nAnswer: {n}"
                break
        return ChatResult(reply, Usage(10, 10), self.name, "stop", 0.01, 0.005)


@pytest.fixture
def scripted(runtime: Runtime, example_dir: Path, database: Database) -> Iterator[Runtime]:
    plugins.providers.register("scripted", ScriptedGenerator, replace=True)
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {"local-small": {"provider": "scripted"}}
    rt = Runtime(parse_project(data), example_dir, database=database)
    yield rt
    rt.close()
    plugins.providers.unregister("scripted")


def test_generated_items_are_answerable_retrievable_and_unique(scripted: Runtime) -> None:
    report = generate_testset(scripted, "handbook", 6, seed=1, distractors=3)
    answerable = [i for i in report.items if i.answerable]
    assert len(answerable) == 6 and report.tried >= 6
    assert sum(report.rejected.values()) == report.tried - 6
    assert report.rejected["unparseable"] > 0  # chunks without a number
    kb = scripted.knowledge_base("handbook")
    with scripted.db.engine.connect() as conn:
        texts = dict(conn.execute(sa.select(chunks.c.id, chunks.c.text)).all())
    for item in answerable:
        assert item.generated and item.tags == ("generated",)
        assert answer_in_text(item.references[0], texts[item.meta["chunk_id"]])
        assert item.sources[0] in [h.source for h in kb.retrieve(item.question, 3)]
    assert len({i.question.lower() for i in answerable}) == 6
    unanswerable = [i for i in report.items if not i.answerable]
    assert len(unanswerable) == report.distractors == 3
    for item in unanswerable:
        assert item.generated and item.references == ()
        assert item.meta["top_score"] < report.distractor_threshold <= 0.5
    # seeded: the same chunks and the same items again, without a model call (cached)
    before = ScriptedGenerator.calls
    again = generate_testset(scripted, "handbook", 6, seed=1, distractors=3)
    assert [i.question for i in again.items] == [i.question for i in report.items]
    assert ScriptedGenerator.calls == before


def test_parsing_and_the_answer_filter() -> None:
    assert parse_qa("Question: How long is the warranty\nAnswer: 7 years.") == (
        "How long is the warranty?",
        "7 years",
    )
    assert parse_qa("**Question:** What is the fee?\n**Answer:** $129") is not None
    assert parse_qa("Here is a question about bikes.") is None
    assert parse_qa("Question: Why?\nAnswer: x") is None  # too short to be a question
    assert answer_in_text("$2,899", "The Trailhawk 2 costs $2,899.")
    assert answer_in_text("seven years warranty", "a warranty of seven years")
    assert not answer_in_text("$3,100", "The Trailhawk 2 costs $2,899.")
    assert not answer_in_text("", "anything")


def test_the_cli_writes_a_dataset(
    scripted: Runtime, tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {"local-small": {"provider": "scripted"}}
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
    out = tmp_path / "gen.jsonl"
    try:
        args = ["eval", "generate", "handbook", "-n", "3", "--out", str(out), "--json"]
        result = CliRunner().invoke(cli, [*args, "-p", str(tmp_path)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["answerable"] == 3 and info["unanswerable"] >= 1
    ds = load_dataset(out)
    assert ds.errors == [] and len(ds.items) == info["answerable"] + info["unanswerable"]
