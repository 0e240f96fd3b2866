import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from genaiops.cli.main import app

runner = CliRunner()


def test_init_writes_a_valid_project(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "genaiops.yaml").exists() and (tmp_path / "docs").is_dir()
    result = runner.invoke(app, ["validate", "-p", str(tmp_path)])
    assert result.exit_code == 0 and "ok" in result.output
    again = runner.invoke(app, ["init", str(tmp_path)])
    assert again.exit_code == 2  # never overwrites without --force


def test_models_list_shows_prices(tmp_path: Path) -> None:
    result = runner.invoke(app, ["models", "list"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "smollm2-135m" in result.output and "gpt-4o-mini" in result.output
    assert "0.15" in result.output and "0.60" in result.output


@pytest.mark.slow
def test_cli_ask_on_an_external_database(
    example_dir: Path, database_url: str, runtime: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from genaiops.config import get_settings

    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)  # the session's ingested KB
    get_settings.cache_clear()
    try:
        result = runner.invoke(
            app,
            ["ask", "--json", "-p", str(example_dir), "How much does the Trailhawk 2 cost?"],
            env={"COLUMNS": "250"},
        )
        assert result.exit_code == 0, result.output
        payload = json.loads(result.output)
        assert "2,899" in payload["answer"] or "2899" in payload["answer"]
        assert payload["citations"][0]["source"] == "docs/product-trailhawk.md"
        assert payload["cost_usd"] > 0 and payload["trace_id"]
        usage = runner.invoke(app, ["usage", "-p", str(example_dir)], env={"COLUMNS": "250"})
        assert "local-small" in usage.output
    finally:
        get_settings.cache_clear()


def test_cli_errors_are_one_clear_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "genaiops.yaml").write_text("version: 1\nname: x\napps:\n  a: {model: nope}\n")
    out = subprocess.run(
        [sys.executable, "-m", "genaiops.cli.main", "validate", "-p", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 2
    assert "apps.a.model: unknown model 'nope'" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.slow
def test_quickstart_runs_end_to_end(tmp_path: Path) -> None:
    target = tmp_path / "qs"
    result = runner.invoke(
        app, ["quickstart", "--dir", str(target), "--threads", "1"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    assert "51 added" in result.output and "0 skipped" in result.output
    assert "product-trailhawk.md" in result.output  # the Trailhawk question cites its sheet
    assert "answers with the expected fact and source" in result.output
    assert "Guardrails (company-default)" in result.output
    assert (target / "guardrail-tests.yaml").exists() and (target / ".genaiops").is_dir()


def test_every_command_in_the_readme_exists() -> None:
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    commands = set(re.findall(r"^\| `genaiops ([a-z]+(?: [a-z]+)?)", readme, flags=re.M))
    assert len(commands) >= 14
    for command in sorted(commands):
        words = command.split()
        result = runner.invoke(app, [*words, "--help"])
        assert result.exit_code == 0, f"README names 'genaiops {command}': {result.output}"


@pytest.mark.slow
def test_models_bench_and_kb_commands(
    example_dir: Path, database_url: str, runtime: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from genaiops.config import get_settings

    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        p = ["-p", str(example_dir)]
        bench = runner.invoke(
            app,
            ["models", "bench", "local-small", "--runs", "2", "--max-tokens", "8", "--json", *p],
        )
        assert bench.exit_code == 0, bench.output
        report = json.loads(bench.output)
        assert report["runs"] == 2 and report["prompt_tokens"] > 50
        assert report["generate_tok_s"] > 0 and report["prompt_tok_s"] > 0
        assert report["latency_ms_p95"] >= report["latency_ms_p50"] > report["ttft_ms_p50"] > 0
        assert report["cost_per_1k_calls_usd"] == pytest.approx(report["cost_per_call_usd"] * 1000)
        ingest = runner.invoke(app, ["kb", "ingest", "handbook", *p], env={"COLUMNS": "250"})
        assert ingest.exit_code == 0, ingest.output
        assert "51 unchanged" in ingest.output  # the session already ingested it
        search = runner.invoke(
            app,
            ["kb", "search", "handbook", "Packmule battery capacity", "-k", "2", *p],
            env={"COLUMNS": "250"},
        )
        assert search.exit_code == 0 and "product-packmule.md" in search.output
    finally:
        get_settings.cache_clear()
