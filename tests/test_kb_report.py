"""The data-readiness report (``genaiops kb report``): figures on a knowledge base made to
have each problem, on the real MiniLM embedder and PostgreSQL, its CLI, and the page as a
browser renders it (headless Chromium; skipped where none is installed)."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from typer.testing import CliRunner

from genaiops.cli.main import app
from genaiops.config import parse_project
from genaiops.errors import InputError
from genaiops.knowledge.report import (
    ReadinessReport,
    build_report,
    detect_language,
    load_questions,
    near_duplicates,
    write_report,
)
from genaiops.runtime import Runtime
from genaiops.storage import Database
from support import chromium_page

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "fenwick"
KB = "readiness"

FRENCH = (
    "# Politique de retour\n\nVous pouvez retourner un vélo dans les 30 jours qui suivent la "
    "livraison. Le vélo doit être en bon état et avec tous les accessoires. Nous remboursons "
    "le prix payé sur le moyen de paiement utilisé pour la commande, et les frais de port ne "
    "sont pas remboursés. Pour un retour, écrivez au service client avec le numéro de la "
    "commande et une photo du vélo.\n"
)
CONTACTS = (
    "# Payroll contacts\n\nPayroll questions go to Maria Jensen (maria.jensen@example.com, "
    "phone 415-555-0199) or to Daniel Okoro. The corporate travel card is 4111 1111 1111 "
    "1111; never share it by email.\n"
)
QUESTIONS = [
    {"question": "What is our ISO 27001 certification status?"},
    {"question": "How do I claim tuition reimbursement for a master's degree?"},
]


def _answerable() -> list[dict[str, Any]]:
    """The example's questions whose answer is in a Markdown or text file."""
    questions = yaml.safe_load((EXAMPLE / "questions.yaml").read_text("utf-8"))
    return [q for q in questions if str(q.get("source", "")).endswith((".md", ".txt"))]


def _project(root: Path) -> Path:
    """The Fenwick documents plus one file of each problem the report finds."""
    docs = root / "docs"
    shutil.copytree(EXAMPLE / "docs", docs)
    (docs / "archive").mkdir()
    shutil.copy2(docs / "returns-policy.md", docs / "archive" / "returns-policy-old.md")
    warranty = (docs / "warranty-policy.md").read_text("utf-8")
    first = next(s for s in warranty.split(". ") if len(s.split()) > 6)
    (docs / "warranty-policy-2024.md").write_text(
        warranty.replace(first, "Frames bought before 2024 keep the old terms"), "utf-8"
    )
    (docs / "politique-retours.md").write_text(FRENCH, "utf-8")
    (docs / "payroll-contacts.md").write_text(CONTACTS, "utf-8")
    old = docs / "price-list-2021.md"
    old.write_text(
        "# Price list 2021\n\nThe Sparrow cost $1,499 in 2021 and the Trailhawk was $2,599. "
        "Prices are for the base model and do not include the service plan.\n",
        "utf-8",
    )
    three_years = time.time() - 3 * 365 * 86400
    os.utime(old, (three_years, three_years))
    (docs / "scan.txt").write_bytes("Caf\xe9 menu, pri\xe8re de ne pas fumer".encode("latin-1"))
    (docs / "empty.md").write_text("  \n\n", "utf-8")
    (docs / "export.txt").write_text("log line 0123456789\n" * 1500, "utf-8")  # 30 KB
    (root / "questions.yaml").write_text(yaml.safe_dump(_answerable() + QUESTIONS), "utf-8")
    config = {
        "version": 1,
        "name": "readiness",
        "knowledge_bases": {
            KB: {"paths": ["docs"], "include": ["**/*.md", "**/*.txt"], "max_file_mb": 0.02}
        },
    }
    (root / "genaiops.yaml").write_text(yaml.safe_dump(config), "utf-8")
    return root


def _store_state(db: Database) -> tuple[Any, ...]:
    with db.engine.connect() as conn:
        return tuple(
            conn.execute(
                sa.text(
                    "SELECT (SELECT count(*) FROM documents WHERE kb = :kb), "
                    "(SELECT max(ingested_at) FROM documents WHERE kb = :kb), "
                    "(SELECT count(*) FROM chunks WHERE kb = :kb)"
                ),
                {"kb": KB},
            ).one()
        )


@pytest.fixture(scope="module")
def problem_kb(
    tmp_path_factory: pytest.TempPathFactory, database: Database
) -> Iterator[tuple[Runtime, Path]]:
    root = _project(tmp_path_factory.mktemp("readiness"))
    config = parse_project(yaml.safe_load((root / "genaiops.yaml").read_text("utf-8")))
    rt = Runtime(config, root, database=database)
    report = rt.knowledge_base(KB).ingest()
    assert len(report.skipped) == 3, report.skipped
    # after the ingest: one file changed, one deleted (the store is now out of date)
    with (root / "docs" / "shipping-policy.md").open("a", encoding="utf-8") as f:
        f.write("\nBikes ship within three working days.\n")
    (root / "docs" / "holiday-calendar-2025.txt").unlink()
    yield rt, root
    rt.close()


@pytest.fixture(scope="module")
def report(problem_kb: tuple[Runtime, Path]) -> ReadinessReport:
    rt, root = problem_kb
    before = _store_state(rt.db)
    made = build_report(
        rt.knowledge_base(KB), rt.db, questions=load_questions(root / "questions.yaml")
    )
    assert _store_state(rt.db) == before  # read only
    return made


def test_unreadable_files_are_listed_with_their_reason(report: ReadinessReport) -> None:
    kinds = {s["source"]: s["category"] for s in report.skipped}
    assert kinds == {
        "docs/empty.md": "empty",
        "docs/export.txt": "too large",
        "docs/scan.txt": "not UTF-8 text",
    }
    assert report.findings[0].level == "bad"
    assert any(f.title == "3 files could not be read" for f in report.findings)


def test_duplicates_exact_and_near(report: ReadinessReport) -> None:
    assert report.exact_duplicates == [
        ["docs/archive/returns-policy-old.md", "docs/returns-policy.md"]
    ]
    (pair,) = report.near_duplicates
    assert (pair.a, pair.b) == ("docs/warranty-policy-2024.md", "docs/warranty-policy.md")
    assert 0.8 <= pair.jaccard < 1.0
    titles = [f.title for f in report.findings]
    assert "1 set of identical documents (2 files)" in titles
    assert "1 near-duplicate pair" in titles


def test_stale_language_pii_and_freshness(report: ReadinessReport) -> None:
    rows = {d.source: d for d in report.documents}
    assert "stale" in rows["docs/price-list-2021.md"].flags
    assert rows["docs/price-list-2021.md"].age_days in range(1094, 1097)
    assert rows["docs/politique-retours.md"].language == "fr"
    assert {d.language for d in report.documents} == {"en", "fr"}
    pii = rows["docs/payroll-contacts.md"].pii
    assert {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD"} <= set(pii)
    assert "personal data" in rows["docs/payroll-contacts.md"].flags
    assert rows["docs/payroll-contacts.md"].pii_chunks == [0]
    assert report.changed_on_disk == ["docs/shipping-policy.md"]
    assert report.missing_on_disk == ["docs/holiday-calendar-2025.txt"]
    titles = [f.title for f in report.findings]
    assert "1 document not changed in over 365 days" in titles
    assert "The knowledge base is out of date: 1 new or changed, 1 deleted" in titles
    assert any(t.startswith("Languages: English ") and t.endswith("French 1") for t in titles)


def test_coverage_flags_questions_without_a_good_source(report: ReadinessReport) -> None:
    n = len(_answerable())
    assert report.coverage is not None and len(report.coverage) == n + 2
    weak = [c.question for c in report.coverage if c.weak]
    assert weak == [q["question"] for q in QUESTIONS]
    for c in report.coverage[:n]:
        assert c.expected_rank is not None and c.best_score >= report.min_score, c
    assert f"2 of {n + 2} questions have no good source" in [f.title for f in report.findings]


def test_chunk_histogram_matches_the_store(report: ReadinessReport) -> None:
    h = report.chunk_tokens
    assert sum(h["counts"]) == report.totals["chunks"] > 0
    assert h["edges"][0] == 0 and h["edges"][-1] >= h["max"]
    assert sum(d.chunks for d in report.documents) == report.totals["chunks"]


def test_huge_and_nearly_empty_documents(tmp_path: Path, database: Database) -> None:
    """On the hash embedder (a 1.2 MB file embeds in seconds), without PII scanning."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "dump.txt").write_text("Row {} of the nightly export is fine.\n" * 32_000, "utf-8")
    (docs / "stub.md").write_text("# TODO\n\nWrite this page.\n", "utf-8")
    (docs / "ok.md").write_text("# Hours\n\n" + "We open at nine every weekday. " * 20, "utf-8")
    config = parse_project(
        {
            "version": 1,
            "name": "huge",
            "knowledge_bases": {"huge": {"paths": ["docs"], "embedder": "hash"}},
        }
    )
    with Runtime(config, tmp_path, database=database) as rt:
        kb = rt.knowledge_base("huge")
        kb.ingest()
        made = build_report(kb, rt.db, scan_pii=False)
    flags = {d.source: d.flags for d in made.documents}
    assert flags == {"docs/dump.txt": ["huge"], "docs/ok.md": [], "docs/stub.md": ["nearly empty"]}
    titles = [f.title for f in made.findings]
    assert "1 document very large" in titles and "1 document nearly empty" in titles
    assert made.coverage is None and made.documents[0].pii == {}


def test_language_heuristic() -> None:
    assert detect_language("The warranty covers the frame for ten years and the battery.") == "en"
    assert detect_language("Die Garantie gilt für den Rahmen und die Batterie nicht.") == "de"
    assert detect_language(FRENCH) == "fr"
    assert detect_language("El cliente puede devolver la bicicleta en los treinta días.") == "es"
    assert detect_language("Гарантия на раму составляет десять лет с даты покупки.") == "ru"
    assert detect_language("自転車のフレームには十年間の保証があります。ご確認ください。") == "ja"
    assert detect_language("车架保修十年，电池保修两年，请保留购买凭证以便办理保修服务。") == "zh"
    assert detect_language("SKU 1234-XL") == "und"  # too little text


def test_near_duplicates_use_exact_jaccard_of_shingles() -> None:
    base = " ".join(f"word{i}" for i in range(200))
    texts = {
        "a": base,
        "b": base.replace("word100", "changed"),  # 5 of 196 shingles differ
        "c": " ".join(f"other{i}" for i in range(200)),
        "d": "",
    }
    (pair,) = near_duplicates(texts)
    assert (pair.a, pair.b) == ("a", "b")
    assert pair.jaccard == pytest.approx(191 / 201, abs=1e-3)
    assert near_duplicates(texts, threshold=0.99) == []


def test_questions_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "q.yaml"
    bad.write_text("question: not a list\n", "utf-8")
    with pytest.raises(InputError, match=r"q\.yaml: expected a YAML list"):
        load_questions(bad)
    bad.write_text("- question: ok?\n- source: a.md\n", "utf-8")
    with pytest.raises(InputError, match="item 2 has no 'question'"):
        load_questions(bad)
    bad.write_text("- Plain question?\n- question: With a source?\n  source: a.md\n", "utf-8")
    assert [(q.question, q.source) for q in load_questions(bad)] == [
        ("Plain question?", None),
        ("With a source?", "a.md"),
    ]


@pytest.fixture(scope="module")
def written(report: ReadinessReport, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_report(report, tmp_path_factory.mktemp("report"))


def test_html_is_self_contained_and_json_has_the_figures(written: tuple[Path, Path]) -> None:
    html_path, json_path = written
    html = html_path.read_text("utf-8")
    assert html.count("<script") == 3  # plotly.js, the figures, the loop: nothing fetched
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=", html)
    assert "default-src 'none'" in html  # the page may not fetch anything
    assert "maria.jensen" not in html and "4111 1111" not in html  # counts, never values
    data = json.loads(json_path.read_text("utf-8"))
    assert set(data["figures"]) == {
        "types", "sizes", "languages", "ages", "chunks", "pii", "coverage"
    }  # fmt: skip
    chunks_fig = data["figures"]["chunks"]["data"][0]
    assert chunks_fig["y"] == data["chunk_tokens"]["counts"]
    assert data["findings"][0]["level"] == "bad"


def test_cli_writes_the_report(
    problem_kb: tuple[Runtime, Path], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from genaiops.config import get_settings

    _, root = problem_kb
    monkeypatch.setenv("GENAIOPS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    out = root / "out"
    try:
        result = CliRunner().invoke(
            app,
            ["kb", "report", KB, "-p", str(root), "--questions", str(root / "questions.yaml"),
             "--out", str(out), "--stale-days", "10000"],
            env={"COLUMNS": "200"},
        )  # fmt: skip
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "3 files could not be read" in result.output
    assert f"2 of {len(_answerable()) + 2} questions have no good source" in result.output
    assert "not changed in over" not in result.output  # --stale-days 10000
    assert (out / f"{KB}-readiness.html").is_file() and (out / f"{KB}-readiness.json").is_file()
    missing = CliRunner().invoke(app, ["kb", "report", "nope", "-p", str(root)])
    assert missing.exit_code != 0


def test_the_page_renders_in_a_browser(written: tuple[Path, Path], tmp_path: Path) -> None:
    """Headless Chromium opens the page: every chart drawn, no console error, no request
    but the file itself. Needs Debian's chromium (.ci/run installs it)."""
    html_path, json_path = written
    n_figures = len(json.loads(json_path.read_text("utf-8"))["figures"])
    with chromium_page() as b:
        b.page.goto(html_path.as_uri())
        b.page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {n_figures}",
            timeout=30_000,
        )
        plots = b.page.evaluate("document.querySelectorAll('.js-plotly-plot').length")
        bars = b.page.evaluate("document.querySelectorAll('.js-plotly-plot .point').length")
        findings = b.page.inner_text("#findings")
        b.page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert plots == n_figures
    assert bars > 20  # the bars themselves were drawn, not only the axes
    assert "3 files could not be read" in findings
    assert b.errors == []
    assert b.requests == [html_path.as_uri()]
