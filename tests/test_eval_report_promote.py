"""The decision report (HTML, JSON, Markdown; sections other rooms contribute; opened in
headless Chromium) and `eval promote` (the project file edited with its comments kept,
then served by `ask`), on echo models through the real pipeline and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from genaiops.cli.main import app as cli
from genaiops.config import get_settings, load_project, parse_project
from genaiops.errors import InputError, NotFoundError
from genaiops.evaluation.decision_report import build_decision_report
from genaiops.evaluation.promote import promote
from genaiops.evaluation.runner import EvalRunner
from genaiops.evaluation.store import EvalStore
from genaiops.evaluation.suite import SuiteConfig
from genaiops.reports.page import Paragraph, Report, Section, Table, render_html, write_report
from genaiops.reports.sections import ReportContext, contributors
from genaiops.runtime import Runtime
from genaiops.storage import Database
from support import chromium_page
from test_eval_decision import GOOD, dataset, project_data

BAD = "bad/none/app"
GOOD_C = "good/none/app"
HEADER = "# the Fenwick project, with a comment that must survive a promotion\n"


@pytest.fixture
def project_dir(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project file with comments (good model served, a tied-cheaper bad one to
    promote), its documents where the example's are, on the session database."""
    from conftest import EXAMPLE

    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    data = project_data()
    data["knowledge_bases"]["handbook"]["paths"] = [str(EXAMPLE / "docs")]
    data["knowledge_bases"]["handbook"].pop("sources", None)
    text = yaml.safe_dump(data, sort_keys=False).replace(
        "  assistant:\n", "  assistant:  # the app customers talk to\n", 1
    )
    (tmp_path / "genaiops.yaml").write_text(HEADER + text, "utf-8")
    dataset(tmp_path, 4)
    suite = {
        "name": "promote-me", "dataset": "items.jsonl", "metrics": ["contains", "token_f1"],
        "matrix": {"models": ["good", "bad"], "strategies": ["none"]},
        "decision": {"requests_per_month": 20_000, "max_p95_ms": 60_000},
    }  # fmt: skip
    (tmp_path / "suite.yaml").write_text(yaml.safe_dump(suite), "utf-8")
    yield tmp_path
    get_settings.cache_clear()


@pytest.fixture
def done_run(project_dir: Path, runtime: Runtime) -> Iterator[tuple[Runtime, str, dict[str, Any]]]:
    config, base = load_project(project_dir)
    with Runtime(config, base) as rt:
        suite = SuiteConfig.model_validate(yaml.safe_load((project_dir / "suite.yaml").read_text()))
        outcome = EvalRunner(rt).start(suite, project_dir)
        yield rt, outcome.run_id, outcome.summary


def _report(rt: Runtime, run_id: str, summary: dict[str, Any]) -> Report:
    store = EvalStore(rt.db)
    run = {"id": run_id, "suite": "promote-me", "dataset": "items.jsonl"}
    return build_decision_report(run, summary, store.results(run_id), store.items(run_id),
                                 runtime=rt)  # fmt: skip


def test_the_report_puts_the_recommendation_first(
    done_run: tuple[Runtime, str, dict[str, Any]], tmp_path: Path
) -> None:
    rt, run_id, summary = done_run
    report = _report(rt, run_id, summary)
    ids = [s.id for s in report.ordered()]
    assert ids[0] == "recommendation" and ids[-1] == "method"
    assert {"tradeoffs", "quality", "latency", "cost", "examples", "guardrails"} <= set(ids)
    files = write_report(report, tmp_path / "out", f"eval-{run_id}")
    md = files.markdown.read_text("utf-8")
    assert md.index("## Recommendation") < md.index("## Quality")
    assert "Serve good without retrieval" in md  # 12 items separate good from bad
    data = json.loads(files.json.read_text("utf-8"))
    assert data["sections"][0]["data"]["recommended"] == GOOD_C
    ours = {"pareto-cost", "pareto-latency", "quality", "latency", "cost"}
    costs_room = {"tco-categories", "tco-months", "tornado"}  # its registered sections
    assert set(data["figures"]) >= ours | costs_room
    html = files.html.read_text("utf-8")
    assert "<script src" not in html and "Plotly.newPlot" in html  # plotly.js inline
    examples = next(s for s in report.sections if s.id == "examples").blocks[0]
    assert isinstance(examples, Table) and any(GOOD[:20] in c for r in examples.rows for c in r)


def test_text_is_escaped_and_contributors_add_sections(tmp_path: Path) -> None:
    def ours(ctx: ReportContext) -> list[Section]:
        if ctx.kind != "decision":
            return []
        return [Section("tco", "Lifecycle cost", (Paragraph(f"run {ctx.data['run']['id']}"),),
                        order=55)]  # fmt: skip

    def broken(ctx: ReportContext) -> list[Section]:
        raise RuntimeError("no price table")

    contributors.register("test-tco", ours)
    contributors.register("test-broken", broken)
    try:
        summary: dict[str, Any] = {"items": 0, "candidates": {}}
        report = build_decision_report({"id": "r1", "suite": "<b>s</b>"}, summary, [], [])
    finally:
        contributors.unregister("test-tco")
        contributors.unregister("test-broken")
    by = {s.id: s for s in report.sections}
    assert by["tco"].source == "test-tco" and "run r1" in by["tco"].blocks[0].text  # type: ignore[union-attr]
    assert "no price table" in by["failed-test-broken"].blocks[0].text  # type: ignore[union-attr]
    report.add(Section("x", "X", (Table(("answer",), (("<script>alert(1)</script>",),)),)))
    html = render_html(report)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "&lt;b&gt;s&lt;/b&gt;" in html
    with pytest.raises(InputError, match="two sections"):
        report.add(Section("x", "again", ()))


def test_a_plug_in_that_does_not_load_loses_no_report(monkeypatch: pytest.MonkeyPatch) -> None:
    from genaiops.errors import PluginError

    def broken() -> list[str]:
        raise PluginError("the report section 'carbon' failed to load: No module named 'x'")

    monkeypatch.setattr(contributors, "names", broken)
    report = build_decision_report({"id": "r2"}, {"items": 0, "candidates": {}}, [], [])
    failed = next(s for s in report.sections if s.id == "failed-plug-ins")
    assert "No module named 'x'" in failed.blocks[0].text  # type: ignore[union-attr]
    assert report.ordered()[0].id == "recommendation"


def test_the_page_renders_in_a_browser(
    done_run: tuple[Runtime, str, dict[str, Any]], tmp_path: Path
) -> None:
    """Headless Chromium: every chart drawn, no console error, no request but the file."""
    rt, run_id, summary = done_run
    files = write_report(_report(rt, run_id, summary), tmp_path, "decision")
    n_figures = len(json.loads(files.json.read_text("utf-8"))["figures"])
    with chromium_page() as b:
        b.page.goto(files.html.as_uri())
        b.page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {n_figures}",
            timeout=30_000,
        )
        plots = b.page.evaluate("document.querySelectorAll('.js-plotly-plot').length")
        points = b.page.evaluate("document.querySelectorAll('.js-plotly-plot .point').length")
        first = b.page.inner_text("main section:first-of-type")
        b.page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert plots == n_figures >= 8  # ours and the costs room's
    assert points >= 8  # markers and bars drawn, not only axes
    assert first.startswith("Recommendation") and "Serve good" in first
    assert b.errors == []
    assert b.requests == [files.html.as_uri()]


def test_promote_edits_the_app_keeps_comments_and_ask_serves_it(
    done_run: tuple[Runtime, str, dict[str, Any]], project_dir: Path
) -> None:
    rt, run_id, _ = done_run
    path = project_dir / "genaiops.yaml"
    store = EvalStore(rt.db)
    before = path.read_text("utf-8")
    dry = promote(store, run_id, BAD, path, dry_run=True)
    # strategy `none`: the candidate ran without the knowledge base
    assert dry.changes == {"model": ("good", "bad"), "knowledge_base": ("handbook", None)}
    assert not dry.written
    assert path.read_text("utf-8") == before
    done = promote(store, run_id, BAD, path)
    text = path.read_text("utf-8")
    assert done.written and text.startswith(HEADER)
    assert "# the app customers talk to" in text
    assert f"# promoted: eval run {run_id}, candidate {BAD}" in text
    config, base = load_project(project_dir)
    served_app = config.apps["assistant"]
    assert served_app.model == "bad" and served_app.knowledge_base is None
    assert "knowledge_base: null" in text or "knowledge_base:\n" in text
    with Runtime(config, base) as served:
        assert served.app("assistant").ask("How much is shipping?").answer == "Bikes are fun."
    again = promote(store, run_id, GOOD_C, path)  # back: one promotion note, not two
    text = path.read_text("utf-8")
    assert again.changes == {"model": ("bad", "good")} and text.count("# promoted:") == 1
    assert [p["candidate"] for p in store.run(run_id).summary["promotions"]] == [BAD, GOOD_C]
    with pytest.raises(NotFoundError, match="has no candidate 'nope'"):
        promote(store, run_id, "nope", path)
    with pytest.raises(NotFoundError, match="no app 'other'"):
        promote(store, run_id, BAD, path, app="other")


def test_promote_refuses_an_unfinished_run(
    done_run: tuple[Runtime, str, dict[str, Any]], project_dir: Path
) -> None:
    rt, run_id, _ = done_run
    store = EvalStore(rt.db)
    store.set_status(run_id, "interrupted")
    with pytest.raises(InputError, match="--resume"):
        promote(store, run_id, BAD, project_dir / "genaiops.yaml")


def test_the_cli_runs_reports_and_promotes(project_dir: Path, database: Database) -> None:
    runner = CliRunner()
    p = str(project_dir)
    ran = runner.invoke(cli, ["eval", "run", f"{p}/suite.yaml", "-p", p], env={"COLUMNS": "200"})
    assert ran.exit_code == 0, ran.output
    assert (
        "Serve good without retrieval" in ran.output and "Next: genaiops eval promote" in ran.output
    )
    html = sorted((project_dir / "reports").glob("eval-*.html"))
    assert len(html) == 1 and html[0].with_suffix(".md").is_file()
    run_id = html[0].stem.removeprefix("eval-")
    out = project_dir / "elsewhere"
    shown = runner.invoke(cli, ["eval", "report", run_id, "-p", p, "--out", str(out), "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["decision"]["recommended"] == GOOD_C
    assert (out / f"eval-{run_id}.json").is_file()
    moved = runner.invoke(cli, ["eval", "promote", run_id, BAD, "-p", p])
    assert moved.exit_code == 0, moved.output
    assert "model: good -> bad" in moved.output
    assert (
        parse_project(yaml.safe_load((project_dir / "genaiops.yaml").read_text()))
        .apps["assistant"]
        .model
        == "bad"
    )
    asked = runner.invoke(cli, ["ask", "Hi?", "-p", p, "--json"])
    assert asked.exit_code == 0 and json.loads(asked.stdout)["answer"] == "Bikes are fun."
