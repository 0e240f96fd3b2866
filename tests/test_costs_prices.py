"""The price table: LiteLLM's format imported exactly (a small fixture in that format),
self-hosted instances stated, every price with its source and date, and a model priced
``from_table`` metered at the table's price. The costs room imports no provider code."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from genaiops.apps.metering import MeteredProvider, MeterSink, metering
from genaiops.cli.main import app as cli
from genaiops.config import get_settings, parse_project
from genaiops.costs.ledger import Attribution, Ledger
from genaiops.costs.prices import PriceEntry, PriceTable, parse_litellm, read_price_file
from genaiops.costs.pricing import Price, max_call_seconds, max_cost_of
from genaiops.errors import ConfigError, InputError
from genaiops.models.base import Message
from genaiops.models.echo import EchoModelConfig, EchoProvider
from genaiops.storage import Database

runner = CliRunner()

#: entries shaped like LiteLLM's model_prices_and_context_window.json
LITELLM: dict[str, Any] = {
    "sample_spec": {
        "input_cost_per_token": 0.0,
        "output_cost_per_token": 0.0,
        "litellm_provider": "one of https://docs.litellm.ai/docs/providers",
        "mode": "one of: chat, embedding, completion, image_generation, ...",
    },
    "gpt-4o-mini": {
        "cache_read_input_token_cost": 7.5e-08,
        "input_cost_per_token": 1.5e-07,
        "input_cost_per_token_batches": 7.5e-08,
        "litellm_provider": "openai",
        "max_input_tokens": 128000,
        "max_output_tokens": 16384,
        "mode": "chat",
        "output_cost_per_token": 6e-07,
        "output_cost_per_token_batches": 3e-07,
        "source": "https://developers.openai.com/api/docs/pricing",
    },
    "anthropic/claude-x": {
        "input_cost_per_token": 3e-06,
        "output_cost_per_token": 1.5e-05,
        "cache_read_input_token_cost": 3e-07,
        "litellm_provider": "anthropic",
        "max_input_tokens": 200000,
        "mode": "chat",
    },
    "text-embedding-3-small": {
        "input_cost_per_token": 2e-08,
        "output_cost_per_token": 0.0,
        "litellm_provider": "openai",
        "mode": "embedding",
    },
    "dall-e-3": {"input_cost_per_pixel": 4e-08, "litellm_provider": "openai"},
    "whisper-1": {"input_cost_per_second": 0.0001, "output_cost_per_second": 0.0},
}


@pytest.fixture
def price_file(tmp_path: Path) -> Path:
    path = tmp_path / "model_prices_and_context_window.json"
    path.write_text(json.dumps(LITELLM), "utf-8")
    return path


def test_price_lives_in_the_costs_room() -> None:
    from genaiops.config import Price as ConfigPrice

    assert ConfigPrice is Price  # the project file's ``price:`` is the costs room's Price
    code = (
        "import sys, genaiops.costs.ledger, genaiops.costs.budgets, genaiops.costs.prices, "
        "genaiops.costs.pricing\n"
        "print(sorted(m for m in sys.modules if m.startswith(('genaiops.models', "
        "'genaiops.config', 'genaiops.apps'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_table_price_stands_alone() -> None:
    assert Price(from_table="gpt-4o-mini").from_table == "gpt-4o-mini"
    with pytest.raises(ValueError, match="from_table takes the whole price.*drop input_per_1m"):
        Price(from_table="gpt-4o-mini", input_per_1m=1.0)


def test_the_litellm_format_is_read_exactly() -> None:
    report = parse_litellm(LITELLM, source="fixture.json", as_of="2026-10-01")
    by = {e.model: e for e in report.entries}
    assert set(by) == {"gpt-4o-mini", "anthropic/claude-x", "text-embedding-3-small"}
    mini = by["gpt-4o-mini"]
    p = mini.price
    # converted in decimal: 1.5e-07 per token is exactly 0.15 per 1M, not 0.15000000000000002
    assert (p.input_per_1m, p.output_per_1m, p.cached_input_per_1m) == (0.15, 0.6, 0.075)
    assert (p.batch_input_per_1m, p.batch_output_per_1m) == (0.075, 0.3)
    assert (p.source, p.as_of) == ("https://developers.openai.com/api/docs/pricing", "2026-10-01")
    assert (mini.provider, mini.mode, mini.max_input_tokens) == ("openai", "chat", 128000)
    claude = by["anthropic/claude-x"].price
    assert (claude.input_per_1m, claude.output_per_1m, claude.cached_input_per_1m) == (3, 15, 0.3)
    assert claude.batch_input_per_1m is None and claude.source == "fixture.json"
    assert dict(report.skipped) == {
        "the sample_spec (documentation)": 1,
        "no per-token input and output price": 2,
    }
    assert report.total == len(LITELLM)
    with pytest.raises(InputError, match="not a LiteLLM price table"):
        parse_litellm([1, 2], source="x.json", as_of="2026-10-01")


def test_a_gzipped_file_reads_the_same(price_file: Path, tmp_path: Path) -> None:
    gz = tmp_path / "prices.json.gz"
    gz.write_bytes(gzip.compress(price_file.read_bytes()))
    plain, packed = read_price_file(price_file), read_price_file(gz, as_of="2026-10-01")
    assert [e.price.input_per_1m for e in plain.entries] == [
        e.price.input_per_1m for e in packed.entries
    ]
    assert packed.entries[0].price.as_of == "2026-10-01"
    assert len(plain.entries[0].price.as_of) == 10  # the file's date, YYYY-MM-DD
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(InputError, match="bad.json: not JSON"):
        read_price_file(bad)


def test_the_table_stores_replaces_and_resolves(database: Database) -> None:
    table = PriceTable(database)
    name = f"vendor/{uuid.uuid4().hex[:8]}"
    first = Price(input_per_1m=1.25, output_per_1m=5.0, source="quote #1", as_of="2026-11-01")
    table.upsert([PriceEntry(name, first, provider="vendor", mode="chat")])
    assert table.get(name) == PriceEntry(name, first, provider="vendor", mode="chat")
    second = first.model_copy(update={"output_per_1m": 4.0, "source": "quote #2"})
    table.upsert([PriceEntry(name, second, provider="vendor", mode="chat")])
    (found,) = table.search(name)
    assert found.price.output_per_1m == 4.0 and found.price.source == "quote #2"
    assert table.resolve(Price(from_table=name), "m") == second
    with pytest.raises(ConfigError, match=r"models\.m\.price\.from_table: 'nope' is not in"):
        table.resolve(Price(from_table="nope"), "m")
    assert table.delete(name) and table.get(name) is None


def test_a_model_priced_from_the_table_is_metered_at_its_price(database: Database) -> None:
    name = f"hosted-{uuid.uuid4().hex[:8]}"
    ledger = Ledger(database)
    ledger.prices.upsert(
        [PriceEntry(name, Price(input_per_1m=2.0, output_per_1m=8.0, source="s", as_of="d"))]
    )
    project = parse_project(
        {
            "name": "p",
            "models": {"fake": {"provider": "echo", "price": {"from_table": name}}},
        }
    )
    cfg = project.models["fake"]
    assert isinstance(cfg, EchoModelConfig)
    metered = MeteredProvider(EchoProvider("fake", cfg), cfg.price, ledger)
    sink = MeterSink(Attribution(trace_id=name))
    with metering(sink):
        result = metered.chat([Message(role="user", content="one two three four")])
    ledger.record(sink.entries)
    (row,) = ledger.calls(name)
    u = result.usage
    assert u.prompt_tokens > 0 and u.completion_tokens > 0
    assert row["input_usd"] == pytest.approx(u.prompt_tokens * 2.0 / 1e6, abs=1e-15)
    assert row["output_usd"] == pytest.approx(u.completion_tokens * 8.0 / 1e6, abs=1e-15)
    unpriced = MeteredProvider(EchoProvider("x", cfg), Price(from_table="absent"), ledger)
    with pytest.raises(ConfigError, match="genaiops costs prices import FILE"):
        unpriced.chat([Message(role="user", content="hi")])


def test_instance_bounds_for_budgets() -> None:
    hourly = Price(instance_per_hour=3.6)  # $0.001 per second
    assert max_call_seconds(hourly, 200) == 60.0  # neither bound stated: the default
    assert max_call_seconds(hourly.model_copy(update={"tokens_per_s": 20.0}), 200) == 10.0
    stated = hourly.model_copy(update={"max_call_s": 30.0, "tokens_per_s": 20.0})
    assert max_call_seconds(stated, 200) == 30.0  # a stated bound wins
    tokens = Price(input_per_1m=1.0, output_per_1m=2.0)
    assert max_cost_of(tokens, 1000, 500).total_usd == pytest.approx(0.002)


@pytest.fixture
def cli_project(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[str]]:
    (tmp_path / "genaiops.yaml").write_text(
        yaml.safe_dump(
            {
                "name": "costs",
                "apps": {"assistant": {"model": "smollm2-135m"}},
                "budgets": [{"app": "assistant", "period": "day", "limit_usd": 3}],
            }
        ),
        "utf-8",
    )
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield ["-p", str(tmp_path)]
    get_settings.cache_clear()


def test_the_costs_cli(price_file: Path, cli_project: list[str]) -> None:
    p = cli_project
    imported = runner.invoke(cli, ["costs", "prices", "import", str(price_file), "--json", *p])
    assert imported.exit_code == 0, imported.output
    out = json.loads(imported.stdout)
    assert (out["read"], out["imported"]) == (6, 3)
    listed = runner.invoke(cli, ["costs", "prices", "list", "--match", "gpt-4o-mini", "--json", *p])
    (row,) = [r for r in json.loads(listed.stdout) if r["model"] == "gpt-4o-mini"]
    assert row["price"]["cached_input_per_1m"] == 0.075
    name = f"self-hosted-{uuid.uuid4().hex[:6]}"
    set_ = runner.invoke(
        cli,
        [
            *("costs", "prices", "set", name, "--instance-per-hour", "0.0832"),
            *("--tokens-per-s", "20", "--source", "our 2-vCPU box", "--as-of", "2026-12-01"),
            *p,
        ],
    )
    assert set_.exit_code == 0, set_.output
    table = runner.invoke(cli, ["costs", "prices", "list", "--match", name, *p])
    assert "our 2-vCPU box, 2026-12-01" in table.stdout and "0.0832" in table.stdout
    tenant = uuid.uuid4().hex[:8]
    budget = runner.invoke(
        cli,
        ["costs", "budgets", "set", f"tenant:{tenant}", "--limit", "2.5", "--period", "day", *p],
    )
    assert budget.exit_code == 0 and f"tenant:{tenant}/day: $2.50 per day" in budget.stdout
    listed = runner.invoke(cli, ["costs", "budgets", "list", "--json", *p])
    names = {b["name"]: b for b in json.loads(listed.stdout)["budgets"]}
    assert names[f"tenant:{tenant}/day"]["limit_usd"] == 2.5
    assert names["app:assistant/day"]["origin"] == "project"  # declared in the file
    bad = runner.invoke(cli, ["costs", "budgets", "set", "team=ops", "--limit", "1", *p])
    assert bad.exit_code != 0 and "SCOPE:SUBJECT" in str(bad.exception)
    gone = runner.invoke(cli, ["costs", "budgets", "delete", f"tenant:{tenant}/day", *p])
    assert gone.exit_code == 0


def test_the_project_file_and_the_catalog_do_not_import_each_other() -> None:
    """config imports the built-in entries as data (config_catalog), the catalog imports
    config, and the costs room's Price sits below both."""
    import ast

    src = Path(__file__).resolve().parents[1] / "src" / "genaiops"

    def imports(path: Path) -> set[str]:
        out: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                out.add(node.module)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
        return out

    config = imports(src / "config.py")
    assert not {m for m in config if m.startswith("genaiops.models.catalog")}
    assert {m for m in imports(src / "config_catalog.py") if m.startswith("genaiops")} == {
        "genaiops.costs.pricing"
    }
    assert "genaiops.config" in imports(src / "models" / "catalog.py")
    assert not {m for m in imports(src / "costs" / "pricing.py") if m.startswith("genaiops")}
    from genaiops.config import builtin_models
    from genaiops.models import catalog

    assert catalog.builtin_models is builtin_models
    assert builtin_models()["smollm2-135m"].price.tokens_per_s == 20.0
