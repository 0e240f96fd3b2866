"""Every extension point takes a third party's plug-in the way it takes the built-ins:
through a package entry point. The plug-in here is a real installed distribution (a
``.dist-info`` with ``entry_points.txt`` on ``sys.path``), found by importlib.metadata."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLE
from genaiops import plugins
from genaiops.config import parse_project
from genaiops.errors import ConfigError
from genaiops.evaluation.metrics import Sample, create_metric
from genaiops.knowledge.connectors import create_connector
from genaiops.knowledge.embedders import create_embedder
from genaiops.runtime import Runtime
from genaiops.storage import Database

PLUGIN = '''
"""A third party's genaiops plug-in: one of each extension point."""
import re
from collections.abc import Iterator, Sequence
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict

from genaiops.config import ModelConfigBase
from genaiops.evaluation.metrics import Metric, MetricScore
from genaiops.guardrails.base import Check, Finding
from genaiops.knowledge.connectors import Connector, SourceDocument
from genaiops.knowledge.embedders import Embedder
from genaiops.models.base import ChatResult, ModelProvider, Usage


class ShoutConfig(ModelConfigBase):
    provider: Literal["shouty"] = "shouty"
    volume: int = 1


class ShoutProvider(ModelProvider):
    kind = "shouty"
    config_model = ShoutConfig

    def chat(self, messages, options=None, on_token=None):
        text = "STORES OPEN AT NINE" + "!" * self.config.volume
        if on_token is not None:
            on_token(text)
        return ChatResult(text, Usage(7, 4), self.name, "stop", 0.01, 0.005)


class NoShoutingOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_letters: int = 5


class NoShouting(Check):
    type = "no_shouting"
    directions = frozenset({"output"})
    config_model = NoShoutingOptions

    def __init__(self, min_letters: int) -> None:
        self.pattern = re.compile("[A-Z ]{%d,}" % min_letters)

    @classmethod
    def from_config(cls, config, services):
        return cls(config.min_letters)

    def check(self, text, direction, sources=(), query=None):
        return [
            Finding(self.type, "caps", 1.0, "BLOCKED", m.start(), m.end(), "all capitals")
            for m in self.pattern.finditer(text)
        ]


class LengthEmbedder(Embedder):
    name = "length"
    dim = 2
    max_tokens = 1000

    def count_tokens(self, text):
        return len(text.split())

    def embed(self, texts):
        out = np.array([[len(t), 1.0] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


class ListOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[str]


class ListConnector(Connector):
    config_model = ListOptions

    def __init__(self, items):
        self.items = items
        self.skipped = []

    @classmethod
    def from_config(cls, config, base_dir):
        return cls(config.items)

    def documents(self):
        self.skipped = []
        for i, text in enumerate(self.items):
            yield SourceDocument(f"item-{i}", f"Item {i}", text)


class Shouted(Metric):
    name = "shouted"

    def score(self, prediction, sample):
        return MetricScore(float(prediction.isupper()), "capitals")
'''

ENTRY_POINTS = """
[genaiops.providers]
shouty = shout_plugin:ShoutProvider

[genaiops.checks]
no-shouting = shout_plugin:NoShouting

[genaiops.embedders]
length = shout_plugin:LengthEmbedder

[genaiops.connectors]
list = shout_plugin:ListConnector

[genaiops.metrics]
shouted = shout_plugin:Shouted
"""


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "shout_plugin.py").write_text(textwrap.dedent(PLUGIN), "utf-8")
    info = site / "shout_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS, "utf-8")
    monkeypatch.syspath_prepend(str(site))
    registries = [plugins.providers, plugins.checks, plugins.embedders]
    registries += [plugins.connectors, plugins.metrics]
    for registry in registries:
        registry.reload()
    yield
    monkeypatch.undo()
    for registry in registries:
        registry.reload()


def shouty_project(**model: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"] = {"loud": {"provider": "shouty", "volume": 3, **model}}
    data["apps"]["assistant"]["model"] = "loud"
    return data


def test_a_plugin_provider_is_declared_in_the_project_file_and_asked(
    installed_plugin: None, example_dir: Path, database: Database
) -> None:
    assert "shouty" in plugins.providers.names()
    rt = Runtime(parse_project(shouty_project()), example_dir, database=database)
    try:
        rt.knowledge_base("handbook").ingest()
        r = rt.app("assistant").ask("When do the stores open?")
        assert r.status == "answered" and r.answer == "STORES OPEN AT NINE!!!"
        row = rt.ledger.calls(r.trace_id)[0]
        assert row["provider"] == "shouty" and row["model"] == "loud"
    finally:
        rt.close()


def test_a_plugin_kinds_options_are_validated_with_its_own_schema(
    installed_plugin: None,
) -> None:
    with pytest.raises(ConfigError) as bad:
        parse_project(shouty_project(volum=2))
    assert "models.loud.volum: unknown key; valid keys:" in str(bad.value)
    assert "volume" in str(bad.value)
    with pytest.raises(ConfigError, match="models.loud.volume: input should be a valid integer"):
        parse_project(shouty_project(volume="loud"))


def test_a_plugin_check_runs_in_a_policy(
    installed_plugin: None, example_dir: Path, database: Database
) -> None:
    data = shouty_project()
    data["guardrails"]["company-default"]["checks"] = [{"kind": "no-shouting", "min_letters": 6}]
    rt = Runtime(parse_project(data), example_dir, database=database)
    try:
        released: list[str] = []
        r = rt.app("assistant").ask("When do the stores open?", on_text=released.append)
        assert r.status == "blocked" and released == []
        assert any(f["type"] == "no_shouting" for f in r.findings)
    finally:
        rt.close()
    data["guardrails"]["company-default"]["checks"] = [{"kind": "no-shouting", "loud": 1}]
    with pytest.raises(ConfigError, match=r"checks\[0\]\.loud"):
        parse_project(data)
    data["guardrails"]["company-default"]["checks"] = [{"kind": "whispering"}]
    with pytest.raises(ConfigError, match="unknown guardrail check 'whispering'"):
        parse_project(data)


def test_plugin_embedder_connector_and_metric(installed_plugin: None, tmp_path: Path) -> None:
    embedder = create_embedder("length")
    assert embedder.embed(["a", "bb"]).shape == (2, 2)
    connector = create_connector("list", {"items": ["one", "two"]}, tmp_path)
    assert [d.source for d in connector.documents()] == ["item-0", "item-1"]
    metric = create_metric("shouted")
    assert metric.score("LOUD", Sample("q")).value == 1.0
    data = shouty_project()
    data["knowledge_bases"]["handbook"]["embedder"] = "length"
    assert parse_project(data).knowledge_bases["handbook"].embedder == "length"


def test_unknown_kinds_name_the_registered_ones() -> None:
    with pytest.raises(ConfigError, match="registered: hash, minilm-l6-int8"):
        create_embedder("nope")
    data = shouty_project()
    with pytest.raises(ConfigError, match="unknown provider 'shouty'; registered providers"):
        parse_project(data)
