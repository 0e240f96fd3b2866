"""The pulled local models answer through the whole ask pipeline (slow, opt-in).

Each test runs only where its model is pulled (``genaiops models pull NAME``) and skips
with the command otherwise. CI does not pull them: they weigh 0.25 to 1.1 GB and take
seconds per answer, while SmolLM2 (installed by scripts/bootstrap) covers the same
llama.cpp path on every run. What these add is the ``assembled:`` path and, for Gemma,
the completion prompt, on the real files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import example_config
from genaiops.config import parse_project
from genaiops.models.assemble import is_pulled
from genaiops.models.base import Message
from genaiops.models.catalog import ASSEMBLED_MODELS
from genaiops.runtime import Runtime
from genaiops.storage import Database

pytestmark = pytest.mark.slow

QUESTION = "In what year was Fenwick Cycles founded?"


def needs_pulled(name: str) -> pytest.MarkDecorator:
    """Skip (at collection, before the session's database and handbook are set up) where
    the model is not pulled."""
    return pytest.mark.skipif(
        not is_pulled(ASSEMBLED_MODELS[name]),
        reason=f"{name} is not pulled here: run 'genaiops models pull {name}'",
    )


@pytest.fixture
def runtime_with(runtime: Runtime, example_dir: Path, database: Database) -> Iterator[Any]:
    """A runtime whose example app answers with another model. It shares the session's
    database, where ``runtime`` ingested the handbook."""
    opened: list[Runtime] = []

    def make(model: dict[str, Any]) -> Runtime:
        data = example_config()
        data["models"]["local-small"] = {"n_threads": 1, **model}
        rt = Runtime(parse_project(data), example_dir, database=database)
        opened.append(rt)
        return rt

    yield make
    for rt in opened:
        rt.close()


@needs_pulled("qwen2.5-coder-0.5b")
def test_qwen_05b_answers_through_the_runtime(runtime_with: Any) -> None:
    rt = runtime_with({"provider": "llamacpp", "path": "assembled:qwen2.5-coder-0.5b"})
    r = rt.app("assistant").ask(QUESTION)
    assert r.status == "answered", r.findings
    assert "2014" in r.answer, r.answer
    assert r.citations and r.citations[0].source == "docs/company-overview.md", r.citations
    assert r.usage.prompt_tokens > 50 and r.usage.completion_tokens > 0


@needs_pulled("gemma3-270m")
def test_gemma_answers_a_completion_prompt_through_the_runtime(runtime_with: Any) -> None:
    rt = runtime_with(
        {"provider": "llamacpp", "path": "assembled:gemma3-270m", "mode": "completion"}
    )
    provider = rt.raw_provider("local-small")
    r = rt.app("assistant").ask(QUESTION)
    assert r.status == "answered", r.findings
    assert "2014" in r.answer, r.answer
    # the answer is the continuation alone: no prompt markup, no next "Question:" block
    assert not r.answer.startswith(" ") and "Question:" not in r.answer, r.answer
    assert "<" not in r.answer, r.answer  # no chat-template tokens a base model would echo
    # the plain prompt is counted with Gemma's own tokenizer, as the sources are fitted
    count = provider.count_prompt_tokens([Message(role="user", content=QUESTION)])
    assert count.exact and 10 < count.tokens < 30
    assert r.usage.prompt_tokens > 50 and r.usage.completion_tokens > 0
