"""A newcomer's mistakes get one `error: ...` line and exit 2, never a traceback.

Each case runs the real command line in a subprocess, on a project written by
`genaiops init` (the guard commands make no model call)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

NOT_UTF8 = b"caf\xe9 au lait\n"  # Latin-1, as an old editor would save it


def genaiops(*args: str | Path, cwd: Path, wide: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    if wide:
        env["COLUMNS"] = "2000"
    return subprocess.run(
        [sys.executable, "-m", "genaiops.cli.main", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def assert_one_error(result: subprocess.CompletedProcess[str], code: int, *says: str) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    for fragment in says:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A starter project (in project/) and some bad input files next to it."""
    root = tmp_path_factory.mktemp("newcomer")
    result = genaiops("init", "project", cwd=root)
    assert result.returncode == 0, result.stderr
    (root / "latin1.txt").write_bytes(NOT_UTF8)
    (root / "latin1.yaml").write_bytes(b"cases:\n  - text: " + NOT_UTF8)
    (root / "a-folder").mkdir()
    (root / "a-file").write_text("not a folder\n", "utf-8")
    ok = {"id": 1, "text": "What are the opening hours of the Leeds store?", "source": "input"}
    (root / "ok.jsonl").write_text(json.dumps(ok) + "\n", "utf-8")
    return root


# item 1: input files that are missing, folders or not UTF-8; outputs that cannot be written

BAD_FILES: dict[str, tuple[list[str], list[str]]] = {
    "apply --context missing": (
        ["guard", "apply", "-p", "project", "--context", "missing.txt", "hi"],
        ["missing.txt", "no such file"],
    ),
    "apply --context folder": (
        ["guard", "apply", "-p", "project", "--context", "a-folder", "hi"],
        ["a-folder", "is a folder"],
    ),
    "apply --context not UTF-8": (
        ["guard", "apply", "-p", "project", "--context", "latin1.txt", "hi"],
        ["latin1.txt", "not UTF-8", "byte 0xe9 on line 1", "save it as UTF-8"],
    ),
    "check --out missing folder": (
        ["guard", "check", "-p", "project", "--in", "ok.jsonl", "--out", "no-such/out.jsonl"],
        ["no-such", "does not exist"],
    ),
    "check --out is --in": (
        ["guard", "check", "-p", "project", "--in", "ok.jsonl", "--out", "ok.jsonl"],
        ["is the input file"],
    ),
    "check --in not UTF-8": (
        ["guard", "check", "-p", "project", "--in", "latin1.txt", "--out", "out.jsonl"],
        ["latin1.txt", "not UTF-8"],
    ),
    "check --in missing": (
        ["guard", "check", "-p", "project", "--in", "missing.jsonl", "--out", "out.jsonl"],
        ["missing.jsonl", "no such file"],
    ),
    "redteam --seeds missing": (
        ["guard", "redteam", "-p", "project", "--seeds", "missing.txt"],
        ["missing.txt", "no such file"],
    ),
    "redteam --out missing folder": (
        ["guard", "redteam", "-p", "project", "--out", "no-such/report.json"],
        ["no-such", "does not exist"],
    ),
    "test suite not UTF-8": (
        ["guard", "test", "-p", "project", "latin1.yaml"],
        ["latin1.yaml", "not UTF-8", "line 2"],
    ),
    "test suite missing": (
        ["guard", "test", "-p", "project", "missing.yaml"],
        ["missing.yaml", "no such file"],
    ),
    "init under a regular file": (
        ["init", "a-file/project"],
        ["a-file is a file, not a folder"],
    ),
    "init onto an existing project": (
        ["init", "project"],
        ["genaiops.yaml already exists", "--force"],
    ),
}


@pytest.fixture(scope="module")
def bad_file_results(workdir: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every case at once: each is its own process and none writes a file another reads."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = {case: pool.submit(genaiops, *a, cwd=workdir) for case, (a, _) in BAD_FILES.items()}
    return {case: run.result() for case, run in runs.items()}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_get_one_error_line_and_exit_2(
    bad_file_results: dict[str, subprocess.CompletedProcess[str]], case: str
) -> None:
    assert_one_error(bad_file_results[case], 2, *BAD_FILES[case][1])


def test_init_force_still_overwrites(workdir: Path, tmp_path: Path) -> None:
    (tmp_path / "genaiops.yaml").write_text("old", "utf-8")
    result = genaiops("init", tmp_path, "--force", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert "guardrails:" in (tmp_path / "genaiops.yaml").read_text("utf-8")


# item 2: validate names the file it validated, and speaks JSON


def test_validate_prints_the_file_it_validated(workdir: Path) -> None:
    other = workdir / "other.yaml"
    other.write_text((workdir / "project" / "genaiops.yaml").read_text("utf-8"), "utf-8")
    (workdir / "docs").mkdir(exist_ok=True)  # the starter's knowledge base folder
    result = genaiops("validate", "-p", "other.yaml", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ok {other.resolve()}: ")
    folder = genaiops("validate", "-p", "project", cwd=workdir)
    assert folder.stdout.startswith(f"ok {(workdir / 'project' / 'genaiops.yaml').resolve()}: ")


def test_validate_json(workdir: Path) -> None:
    result = genaiops("validate", "-p", "project", "--json", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "ok": True,
        "file": str((workdir / "project" / "genaiops.yaml").resolve()),
        "models": ["local-small"],
        "knowledge_bases": ["docs"],
        "guardrails": ["default"],
        "apps": ["assistant"],
    }


def test_validate_json_reports_every_error(workdir: Path) -> None:
    (workdir / "broken.yaml").write_text("version: 2\nname: x\ncolour: blue\n", "utf-8")
    result = genaiops("validate", "-p", "broken.yaml", "--json", cwd=workdir)
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert payload["ok"] is False and len(payload["errors"]) == 2
    assert any("version" in e for e in payload["errors"])
    assert any("colour: unknown key" in e for e in payload["errors"])
    assert "Traceback" not in result.stderr


def test_validate_on_a_file_that_is_not_utf8(workdir: Path) -> None:
    assert_one_error(
        genaiops("validate", "-p", "latin1.txt", cwd=workdir), 2, "latin1.txt", "not UTF-8"
    )


# item 4: guard check answers malformed lines with error rows and goes on


@pytest.fixture(scope="module")
def mixed_batch(workdir: Path) -> Path:
    lines = [
        json.dumps({"id": "a", "text": "Where is my order?", "source": "input"}),
        "",
        "{not json",
        "   ",
        json.dumps({"id": "b", "text": "hi", "source": "sideways"}),
        json.dumps({"id": "c", "text": "Mail me: jo@mailbox.test", "source": "input"}),
    ]
    path = workdir / "mixed [batch].jsonl"  # brackets: rich must not read them as markup
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_guard_check_writes_every_row_despite_malformed_lines(
    workdir: Path, mixed_batch: Path
) -> None:
    out = workdir / "mixed-out.jsonl"
    result = genaiops(
        "guard", "check", "-p", "project", "--in", mixed_batch, "--out", out, cwd=workdir
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "b", "c"]
    assert rows[0]["action"] == "NONE" and rows[3]["action"] == "MASKED"
    assert rows[1]["line"] == 3 and rows[2]["line"] == 5
    assert "error" in rows[1] and "source" in rows[2]["error"]
    assert "4 lines" in result.stdout and "2 malformed" in result.stdout
    assert "2 blank lines skipped" in result.stdout
    assert "2 malformed lines" in result.stderr and "--strict" in result.stderr
    assert "mixed [batch].jsonl:3" in result.stderr
    for text in (result.stdout, result.stderr):
        assert "[/]" not in text and "[yellow]" not in text and "\x1b[" not in text
        assert "Traceback" not in text


def test_guard_check_strict_fails_on_malformed_lines(workdir: Path, mixed_batch: Path) -> None:
    out = workdir / "strict-out.jsonl"
    result = genaiops(
        "guard",
        "check",
        "-p",
        "project",
        "--in",
        mixed_batch,
        "--out",
        out,
        "--strict",
        cwd=workdir,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert [line for line in lines if line.startswith("error:")] == [lines[-1]]
    assert "2 malformed lines" in lines[-1]
    assert len(out.read_text("utf-8").splitlines()) == 4  # every row is still written


def test_a_long_error_stays_on_one_line(workdir: Path) -> None:
    missing = "a-rather-long-folder-name-that-a-newcomer-might-use/" * 2 + "context.txt"
    result = genaiops(
        "guard", "apply", "-p", "project", "--context", missing, "hi", cwd=workdir, wide=False
    )
    assert_one_error(result, 2, missing)
