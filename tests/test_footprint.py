"""genaiops writes nothing outside its project folder (and the system temp folder), and
defaults that do not collapse on a busy machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from genaiops.config import LlamaCppModelConfig

SCRIPT = """
import sys
from genaiops.runtime import Runtime
with Runtime.open(sys.argv[1]) as rt:
    report = rt.knowledge_base("docs").ingest()
    hits = rt.knowledge_base("docs").retrieve("opening hours", 1)
    print(len(report.added), hits[0].source)
"""


def test_nothing_is_written_outside_the_project(tmp_path: Path) -> None:
    home, project = tmp_path / "home", tmp_path / "project"
    home.mkdir()
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "hours.md").write_text("# Hours\n\nWe open at nine.\n", "utf-8")
    (project / "genaiops.yaml").write_text(
        "version: 1\nname: footprint\nknowledge_bases:\n  docs: {paths: [docs]}\n", "utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GENAIOPS_", "XDG_"))}
    env["HOME"] = str(home)
    env.pop("ORT_DISABLE_TELEMETRY", None)  # genaiops must opt out of onnxruntime's itself
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(project)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "docs/hours.md"]
    assert list(home.rglob("*")) == []  # no ~/.cache/Microsoft device id, nothing else
    assert (project / ".genaiops" / "pgdata").is_dir()


def test_thread_default_leaves_a_core_free(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = LlamaCppModelConfig(path="m.gguf")
    assert cfg.n_threads == "auto"
    for cores, expected in ((1, 1), (2, 1), (4, 3), (32, 8)):
        monkeypatch.setattr(os, "cpu_count", lambda c=cores: c)
        assert cfg.threads == expected
    assert LlamaCppModelConfig(path="m.gguf", n_threads=3).threads == 3
    with pytest.raises(ValueError, match="auto or a number"):
        LlamaCppModelConfig(path="m.gguf", n_threads=0)
