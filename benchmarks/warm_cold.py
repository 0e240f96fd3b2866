"""Warm vs cold: what the first ask costs without and with ``Runtime.warm_up``, and what the
``genaiops ask`` command adds around the ask.

What it measures
    The Fenwick example is copied into a temporary folder (the local model's n_threads set
    by ``--threads``, 2 as in the example) and its ``handbook`` knowledge base is ingested
    by a child process that then exits, so the embedded database is stopped again.
    Each timed arm runs in a fresh Python process, so nothing is cached in-process (the
    OS page cache is warm: one untimed warm child runs first):

    cold   ``Runtime.open(dir)`` + ``runtime.app()`` (lazy: nothing is loaded), then asks
           q1, q2, q3 of questions.yaml. The first ask starts the database, loads the
           model, the guardrail artifacts and the embedder on the way.
    warm   ``Runtime.open(dir)``, ``runtime.warm_up()`` timed step by step (compile the app,
           start and migrate the database, load the model, the guardrail artifacts, the
           embedder), then the same three asks.
    cli    ``genaiops ask -p DIR "q1" --no-stream`` as a process, wall time from spawn to
           exit, against the ask's own total that the command prints.

    Per ask: time to the first released text (``on_text``'s first call, from the ask's
    start and, for the first ask, from ``Runtime`` construction), the ask's own
    ``timings_ms["total"]`` and the caller's wall time. The arms alternate over
    ``--repeats`` repeats; medians are reported. ``python -X importtime -c "import
    genaiops.cli.main"`` gives the top imports by cumulative time.

How to run
    python benchmarks/warm_cold.py                  # --threads 2 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# Only the standard library at module level: a child process must import genaiops itself,
# timed, and nothing else of the project (bench_common imports genaiops modules).
HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "results" / "warm_cold.json"
QUESTIONS_FILE = HERE.parent / "examples" / "fenwick" / "questions.yaml"
APP = "assistant"
KB = "handbook"
MARK = "@@RESULT@@ "
VENV_BIN = Path(sys.executable).parent


# --------------------------------------------------------------------------- child side


def _timed_ask(app: Any, question: str, since: float | None = None) -> dict[str, Any]:
    first: dict[str, float] = {}

    def on_text(text: str) -> None:
        first.setdefault("t", time.perf_counter())

    start = time.perf_counter()
    result = app.ask(question, on_text=on_text)
    end = time.perf_counter()
    out = {
        "status": result.status,
        "first_text_ms": (first["t"] - start) * 1e3 if first else None,
        "total_ms": result.timings_ms["total"],
        "wall_ms": (end - start) * 1e3,
        "model_ms": result.timings_ms.get("model"),
        "ttft_ms": result.timings_ms.get("ttft"),
        "stages_ms": {
            k: v for k, v in result.timings_ms.items() if k not in ("total", "model", "ttft")
        },
        "tokens": [result.usage.prompt_tokens, result.usage.completion_tokens],
    }
    if since is not None:
        out["first_text_since_runtime_ms"] = (first["t"] - since) * 1e3 if first else None
        out["wall_since_runtime_ms"] = (end - since) * 1e3
    return out


def child(mode: str, directory: Path) -> dict[str, Any]:
    t_import = time.perf_counter()
    from genaiops.runtime import Runtime

    import_ms = (time.perf_counter() - t_import) * 1e3
    import yaml

    questions = [q["question"] for q in yaml.safe_load(QUESTIONS_FILE.read_text())][:3]
    out: dict[str, Any] = {"mode": mode, "import_ms": import_ms, "pid": os.getpid()}
    t0 = time.perf_counter()
    runtime = Runtime.open(directory)
    try:
        if mode == "ingest":
            report = runtime.knowledge_base(KB).ingest()
            out["chunks"] = report.chunks
            return out
        steps: dict[str, float] = {}
        if mode == "warm":
            # runtime.warm_up(APP), step by step: the same calls in the same order
            t = time.perf_counter()
            compiled = runtime.app(APP)
            steps["compile_app"] = time.perf_counter() - t
            t = time.perf_counter()
            runtime.db.engine  # noqa: B018 - starts and migrates the database
            steps["database"] = time.perf_counter() - t
            t = time.perf_counter()
            compiled.provider.warm_up()
            steps["model"] = time.perf_counter() - t
            t = time.perf_counter()
            if compiled.guard is not None:
                compiled.guard.warm_up()
            steps["guardrails"] = time.perf_counter() - t
            t = time.perf_counter()
            if compiled.knowledge_base is not None:
                compiled.knowledge_base.embedder.warm_up()
            steps["embedder"] = time.perf_counter() - t
            t = time.perf_counter()
            app = runtime.warm_up(APP)  # all done above: a no-op now
            steps["warm_up_rest"] = time.perf_counter() - t
            out["warm_up_ms"] = {k: v * 1e3 for k, v in steps.items()}
            out["warm_up_total_ms"] = sum(steps.values()) * 1e3
        else:
            app = runtime.app(APP)
        out["runtime_open_ms"] = (time.perf_counter() - t0) * 1e3
        out["asks"] = [_timed_ask(app, questions[0], since=t0)]
        out["asks"] += [_timed_ask(app, q) for q in questions[1:]]
        out["builds"] = dict(runtime.builds)
    finally:
        t = time.perf_counter()
        runtime.close()
        out["close_ms"] = (time.perf_counter() - t) * 1e3
    return out


# --------------------------------------------------------------------------- parent side


def run_child(mode: str, directory: Path) -> dict[str, Any]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    line = next(x for x in reversed(proc.stdout.splitlines()) if x.startswith(MARK))
    out: dict[str, Any] = json.loads(line[len(MARK) :])
    out["process_wall_ms"] = wall * 1e3
    return out


def run_cli(directory: Path, question: str) -> dict[str, Any]:
    cmd = [str(VENV_BIN / "genaiops"), "ask", "-p", str(directory), question, "--no-stream"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = (time.perf_counter() - start) * 1e3
    if proc.returncode != 0:
        raise RuntimeError(f"genaiops ask failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    m = re.search(r"\|\s*(\d+) ms\s*\|", proc.stdout)
    ask_ms = float(m.group(1)) if m else float("nan")
    return {
        # the example's copy lies in a temporary folder: recorded as PROJECT, no machine path
        "command": ["genaiops", "ask", "-p", "PROJECT", question, "--no-stream"],
        "process_wall_ms": wall,
        "ask_total_ms": ask_ms,
        "outside_ask_ms": wall - ask_ms,
        "stdout_tail": proc.stdout.strip().splitlines()[-1][:200] if proc.stdout else "",
    }


def python_wall(code: str, repeats: int) -> float:
    walls = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        walls.append((time.perf_counter() - start) * 1e3)
    return statistics.median(walls)


def import_times() -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import genaiops.cli.main"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows: list[dict[str, Any]] = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", line)
        if m:
            rows.append(
                {
                    "self_us": int(m.group(1)),
                    "cumulative_us": int(m.group(2)),
                    "depth": (len(m.group(3)) - 1) // 2,
                    "module": m.group(4),
                }
            )
    total = sum(r["self_us"] for r in rows)
    top_cum = sorted(rows, key=lambda r: -r["cumulative_us"])[:10]
    top_self = sorted(rows, key=lambda r: -r["self_us"])[:10]
    # the top-level packages (depth 0) account for the whole import, without overlap
    top_level = sorted((r for r in rows if r["depth"] == 0), key=lambda r: -r["cumulative_us"])
    return {
        "modules": len(rows),
        "total_self_ms": total / 1e3,
        "top10_cumulative": top_cum,
        "top10_self": top_self,
        "top_level_cumulative": top_level[:10],
    }


def med(values: list[float | None]) -> float:
    vals = [v for v in values if v is not None]
    return statistics.median(vals) if vals else float("nan")


def format_tables(result: dict[str, Any]) -> str:
    from bench_common import table

    cold, warm, cli = result["cold"], result["warm"], result["cli"]
    rows = [
        [
            "arm / ask (median ms)",
            "first text",
            "ask total",
            "non-model",
            "ask wall",
            "since Runtime()",
        ]
    ]
    for name, runs in (("cold (no warm_up)", cold), ("warm (warm_up first)", warm)):
        for i in range(3):
            asks = [r["asks"][i] for r in runs]
            since = (
                f"{med([a.get('first_text_since_runtime_ms') for a in asks]):.0f} / "
                f"{med([a.get('wall_since_runtime_ms') for a in asks]):.0f}"
                if i == 0
                else ""
            )
            rows.append(
                [
                    f"{name} ask {i + 1}",
                    f"{med([a['first_text_ms'] for a in asks]):.0f}",
                    f"{med([a['total_ms'] for a in asks]):.0f}",
                    f"{med([a['total_ms'] - a['model_ms'] for a in asks]):.0f}",
                    f"{med([a['wall_ms'] for a in asks]):.0f}",
                    since,
                ]
            )
    out = [table(rows)]
    out.append(
        "non-model = total - model (the model's own time varies most on this shared machine);\n"
        "since Runtime(): first released text / end of the first ask, counted from Runtime "
        "construction (warm: includes warm_up)"
    )

    rows = [["warm_up step (median ms)", "ms"]]
    for step in warm[0]["warm_up_ms"]:
        rows.append([step, f"{med([r['warm_up_ms'][step] for r in warm]):.0f}"])
    rows.append(["warm_up total", f"{med([r['warm_up_total_ms'] for r in warm]):.0f}"])
    extra = med([r["asks"][0]["total_ms"] - r["asks"][0]["model_ms"] for r in cold]) - med(
        [r["asks"][0]["total_ms"] - r["asks"][0]["model_ms"] for r in warm]
    )
    rows.append(["cold ask 1 non-model - warm ask 1 non-model", f"{extra:.0f}"])
    rows.append(
        ["import genaiops.runtime (in child)", f"{med([r['import_ms'] for r in cold + warm]):.0f}"]
    )
    rows.append(
        ["runtime.close() (stops the DB)", f"{med([r['close_ms'] for r in cold + warm]):.0f}"]
    )
    out.append(table(rows))

    p = result["processes"]
    rows = [["process (median ms)", "wall"]]
    rows.append(["python -c pass", f"{p['python_pass_ms']:.0f}"])
    rows.append(["python -c 'import genaiops.cli.main'", f"{p['import_cli_ms']:.0f}"])
    rows.append(["genaiops --help", f"{p['cli_help_ms']:.0f}"])
    rows.append(
        ["genaiops ask --no-stream: process", f"{med([c['process_wall_ms'] for c in cli]):.0f}"]
    )
    rows.append(
        [
            "genaiops ask --no-stream: the ask's own total",
            f"{med([c['ask_total_ms'] for c in cli]):.0f}",
        ]
    )
    rows.append(
        [
            "genaiops ask --no-stream: outside the ask",
            f"{med([c['outside_ask_ms'] for c in cli]):.0f}",
        ]
    )
    rows.append(
        [
            "warm child process (same 3 asks + warm_up)",
            f"{med([r['process_wall_ms'] for r in warm]):.0f}",
        ]
    )
    out.append(table(rows))

    imp = result["import_time"]
    rows = [["import genaiops.cli.main: top 10 cumulative", "cum ms", "self ms", "depth"]]
    for r in imp["top10_cumulative"]:
        rows.append(
            [
                r["module"],
                f"{r['cumulative_us'] / 1e3:.1f}",
                f"{r['self_us'] / 1e3:.1f}",
                str(r["depth"]),
            ]
        )
    out.append(table(rows))
    rows = [["top-level imports (no overlap)", "cum ms"]]
    for r in imp["top_level_cumulative"]:
        rows.append([r["module"], f"{r['cumulative_us'] / 1e3:.1f}"])
    out.append(table(rows))
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="the local model's n_threads")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        out = child(args.child[0], Path(args.child[1]))
        print(MARK + json.dumps(out), flush=True)
        return 0

    from bench_common import load_questions, make_example_dir, result_header, write_result

    question = load_questions()[0]
    cold: list[dict[str, Any]] = []
    warm: list[dict[str, Any]] = []
    cli: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="genaiops-warmcold-") as tmp:
        base = Path(tmp) / "fenwick"
        make_example_dir(base, args.threads)
        ingest = run_child("ingest", base)
        print(f"ingested {ingest['chunks']} chunks ({ingest['process_wall_ms'] / 1e3:.1f}s)")
        run_child("warm", base)  # untimed: the OS page cache holds the model files now
        for i in range(args.repeats):
            order = ("cold", "warm", "cli") if i % 2 == 0 else ("cli", "warm", "cold")
            for arm in order:
                if arm == "cli":
                    c = run_cli(base, question)
                    cli.append(c)
                    print(
                        f"repeat {i} cli: process {c['process_wall_ms']:.0f} ms, ask "
                        f"{c['ask_total_ms']:.0f} ms",
                        flush=True,
                    )
                    continue
                r = run_child(arm, base)
                (cold if arm == "cold" else warm).append(r)
                a = r["asks"]
                totals = ", ".join(f"{x['total_ms']:.0f}" for x in a)
                print(
                    f"repeat {i} {arm}: ask totals {totals} ms; first text "
                    f"{a[0]['first_text_ms']:.0f} ms; process {r['process_wall_ms']:.0f} ms",
                    flush=True,
                )
        processes = {
            "python_pass_ms": python_wall("pass", 5),
            "import_cli_ms": python_wall("import genaiops.cli.main", 5),
            "cli_help_ms": statistics.median(
                _wall([str(VENV_BIN / "genaiops"), "--help"]) for _ in range(3)
            ),
        }
        imports = import_times()

    result = {
        **result_header("warm vs cold first ask, and genaiops ask CLI overhead"),
        "threads": args.threads,
        "repeats": args.repeats,
        "questions": load_questions()[:3],
        "definitions": {
            "first_text_ms": "from app.ask() called to on_text's first call",
            "total_ms": "result.timings_ms['total']",
            "wall_ms": "caller-side wall time of app.ask()",
            "first_text_since_runtime_ms": "from Runtime.open() to on_text's first call "
            "(warm: includes warm_up)",
            "cli.outside_ask_ms": "process wall time - the ask total the command prints",
        },
        "summary": {
            "cold_ask1_non_model_ms": med(
                [r["asks"][0]["total_ms"] - r["asks"][0]["model_ms"] for r in cold]
            ),
            "warm_ask1_non_model_ms": med(
                [r["asks"][0]["total_ms"] - r["asks"][0]["model_ms"] for r in warm]
            ),
            "cold_ask1_total_ms": med([r["asks"][0]["total_ms"] for r in cold]),
            "cold_ask2_total_ms": med([r["asks"][1]["total_ms"] for r in cold]),
            "cold_ask3_total_ms": med([r["asks"][2]["total_ms"] for r in cold]),
            "warm_up_ms": med([r["warm_up_total_ms"] for r in warm]),
            "warm_ask1_total_ms": med([r["asks"][0]["total_ms"] for r in warm]),
            "cold_ask1_first_text_ms": med([r["asks"][0]["first_text_ms"] for r in cold]),
            "warm_ask1_first_text_ms": med([r["asks"][0]["first_text_ms"] for r in warm]),
            "cli_process_ms": med([c["process_wall_ms"] for c in cli]),
            "cli_ask_total_ms": med([c["ask_total_ms"] for c in cli]),
            "cli_outside_ask_ms": med([c["outside_ask_ms"] for c in cli]),
        },
        "processes": processes,
        "import_time": imports,
        "cold": cold,
        "warm": warm,
        "cli": cli,
    }
    print()
    print(format_tables(result))
    write_result(args.out, result)
    return 0


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1e3


if __name__ == "__main__":
    raise SystemExit(main())
