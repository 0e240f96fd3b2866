"""P4: evaluation wall time, genaiops vs promptfoo, same cases, same endpoint.

Both tools evaluate the same ``--cases`` questions (default 200) against the same local
"instant upstream": an OpenAI-compatible server started by this script on 127.0.0.1 (a
free port) that answers ``/v1/chat/completions`` at once, streamed or not, with a
deterministic answer derived from the question ("The code word for item 17 is
c3fa91b2.") and token counts. Each case's expected string is the item's code word for
three cases in four and another item's for the fourth, so assertions pass and fail per
case; both tools score each case with the same check (genaiops ``contains``, promptfoo
``icontains``: the expected strings are lower-case letters and digits, where genaiops's
normalization and promptfoo's case folding agree), and the per-case verdicts are compared.

* **genaiops**: the real CLI, ``genaiops eval run SUITE.yaml --json`` in a new process
  (start-up, imports, the embedded PostgreSQL's start and stop included), on a temporary
  project whose one model is ``provider: openai`` with the upstream's ``base_url`` and
  an ``api_key_env``; the suite's one candidate uses strategy ``none`` (no retrieval), no
  guardrail policy (promptfoo runs none either), metric ``contains``, concurrency
  ``--concurrency`` (= promptfoo's ``-j``). Every answer is still metered in the ledger,
  stored per item and scored.
* **promptfoo** (pinned ``PROMPTFOO_VERSION``, ``npm install``-ed into
  ``~/.cache/genaiops-bench/promptfoo-VERSION``): ``promptfoo eval -c CONFIG --no-share
  --no-table -o OUT.json -j N``, provider ``openai:chat`` with ``apiBaseUrl`` set to the
  upstream, offline as BENCHMARKS.md says (telemetry, updates, sharing and the debug log
  off; HTTP(S)_PROXY at a closed local port with NO_PROXY=127.0.0.1,localhost).

Each round uses a fresh project (genaiops) and a fresh config and cache folder
(promptfoo), first warmed by an untimed one-case run of a different question so that
the database of each exists (genaiops's PostgreSQL cluster, promptfoo's SQLite) and
neither cache holds a case of the suite. Then, timed: the first run (every case calls
the upstream, and each tool writes its response cache, as it does by default), a re-run
of the same suite (served from each tool's response cache; the upstream counts the
calls to show that none is made), and a ``--no-cache`` run (neither reads nor writes a
cache). Rounds are interleaved (genaiops first, promptfoo first, ...); medians are
reported. ``--slow-round-ms`` adds one round against an upstream that takes that long
per answer, where a cache has something to save.

Measured here (December 2026): promptfoo's first run is slow because of its disk cache,
not its requests: ``keyv-file`` (its cache store) waits ``writeDelay`` (100 ms) in every
``await set()``, so each case waits 100 ms after its answer; with ``--no-cache`` it
runs about 2.4x faster. Compare the ``--no-cache`` row as well as the first row.

    flock /tmp/genaiops-bench.lock .venv/bin/python benchmarks/p4_promptfoo.py --slow-round-ms 500
    .venv/bin/python benchmarks/p4_promptfoo.py --rounds 1 --profile   # where genaiops's time goes

``--src DIR`` imports genaiops from a copy of ``src/`` (other edits to the tree during
the run then change nothing); ``--no-report`` passes ``--no-report`` to genaiops.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
PROMPTFOO_VERSION = "0.121.20"
PROMPTFOO_DIR = Path.home() / ".cache" / "genaiops-bench" / f"promptfoo-{PROMPTFOO_VERSION}"
MODEL = "instant-upstream"
KEY_ENV = "P4_UPSTREAM_KEY"
SYSTEM = "Answer with the code word of the item the user asks about."
MAX_TOKENS = 64
#: first run (the cache is written), re-run (served from it), a run that bypasses the cache
PHASES = ("first", "cached", "nocache")
PF_OK = (0, 100)  # promptfoo exits 100 when a test fails
_ITEM = re.compile(r"item (-?\d+)")

# -- the instant upstream ------------------------------------------------------------------------


def code_word(i: int) -> str:
    return "c" + hashlib.sha256(f"p4-{i}".encode()).hexdigest()[:8]


def question(i: int) -> str:
    return f"What is the code word for item {i}?"


def answer_for(text: str) -> str:
    m = _ITEM.search(text)
    if m is None:
        return "I do not know which item you mean."
    i = int(m.group(1))
    return f"The code word for item {i} is {code_word(i)}."


class Upstream(ThreadingHTTPServer):
    daemon_threads = True
    calls = 0
    latency_s = 0.0  # a model's think time before each answer (0: instant)
    lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real endpoint
    # no Nagle: headers and body would otherwise wait for the client's delayed ACK (40 ms)
    disable_nagle_algorithm = True
    server: Upstream

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self._headers_buffer.append(b"\r\n")  # end_headers, sent with the body in one write
        self._headers_buffer.append(body)
        self.flush_headers()

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            data = {"object": "list", "data": [{"id": MODEL, "object": "model", "owned_by": "p4"}]}
            self._send(200, json.dumps(data).encode(), "application/json")
        else:
            self._send(404, b'{"error": {"message": "not found"}}', "application/json")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        req = json.loads(self.rfile.read(length) or b"{}")
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, b'{"error": {"message": "not found"}}', "application/json")
            return
        with self.server.lock:
            self.server.calls += 1
        if self.server.latency_s:
            time.sleep(self.server.latency_s)
        messages = req.get("messages") or []
        users = [m.get("content") or "" for m in messages if m.get("role") == "user"]
        text = answer_for(str(users[-1]) if users else "")
        prompt_tokens = sum(len(str(m.get("content") or "").split()) + 4 for m in messages)
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": len(text.split()),
            "total_tokens": prompt_tokens + len(text.split()),
        }
        ident, created = f"chatcmpl-p4-{self.server.calls}", int(time.time())
        if req.get("stream"):
            base = {"id": ident, "object": "chat.completion.chunk", "created": created}
            base["model"] = MODEL
            chunks = [
                {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": text},
                                      "finish_reason": None}]},
                {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
            ]  # fmt: skip
            if (req.get("stream_options") or {}).get("include_usage"):
                chunks.append({**base, "choices": [], "usage": usage})
            body = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
            self._send(200, body.encode(), "text/event-stream")
            return
        data = {
            "id": ident,
            "object": "chat.completion",
            "created": created,
            "model": MODEL,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "usage": usage,
        }
        self._send(200, json.dumps(data).encode(), "application/json")


def start_upstream(latency_s: float = 0.0) -> Upstream:
    server = Upstream(("127.0.0.1", 0), _Handler)
    server.latency_s = latency_s
    threading.Thread(target=server.serve_forever, name="p4-upstream", daemon=True).start()
    return server


def closed_port() -> int:
    """A local port nothing listens on (the proxy that keeps promptfoo offline)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the cases -----------------------------------------------------------------------------------


def cases(n: int) -> list[dict[str, Any]]:
    """``n`` cases; every fourth expects another item's code word (so it fails)."""
    out = []
    for i in range(n):
        expected = code_word(i) if i % 4 != 3 else code_word(i + 100_000)
        out.append({"id": f"case-{i:04d}", "question": question(i), "expected": expected})
    return out


def write_genaiops_project(
    folder: Path, base_url: str, items: Sequence[dict[str, Any]], concurrency: int, name: str
) -> Path:
    """The project file (once per folder), the dataset and the suite ``name``.yaml."""
    folder.mkdir(parents=True, exist_ok=True)
    project = {
        "version": 1,
        "name": "p4-bench",
        "default_app": "bench",
        "models": {
            "upstream": {
                "provider": "openai",
                "base_url": base_url,
                "model": MODEL,
                "api_key_env": KEY_ENV,
                "context_window": 8192,
                "price": {"input_per_1m": 0.15, "output_per_1m": 0.60},
            }
        },
        "apps": {
            "bench": {
                "model": "upstream",
                "max_tokens": MAX_TOKENS,
                "temperature": 0.0,
                "prompt": {"system": SYSTEM, "template": "{question}"},
            }
        },
    }
    (folder / "genaiops.yaml").write_text(yaml.safe_dump(project, sort_keys=False), "utf-8")
    lines = [json.dumps({"id": c["id"], "question": c["question"], "reference": c["expected"]})
             for c in items]  # fmt: skip
    (folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    suite = {
        "name": f"p4-{name}",
        "dataset": f"{name}.jsonl",
        "candidates": [{"name": "upstream-none", "model": "upstream", "strategy": "none"}],
        "metrics": ["contains"],
        "concurrency": concurrency,
        "bootstrap": 100,
    }
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(suite, sort_keys=False), "utf-8")
    return path


def write_promptfoo_config(
    folder: Path, base_url: str, items: Sequence[dict[str, Any]], name: str
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    prompt = json.dumps([{"role": "system", "content": SYSTEM},
                         {"role": "user", "content": "{{question}}"}])  # fmt: skip
    config = {
        "description": f"p4-{name}",
        "prompts": [prompt],
        "providers": [
            {
                "id": f"openai:chat:{MODEL}",
                "config": {
                    "apiBaseUrl": base_url,
                    "apiKeyEnvar": KEY_ENV,
                    "temperature": 0,
                    "max_tokens": MAX_TOKENS,
                },
            }
        ],
        "tests": [
            {
                "vars": {"id": c["id"], "question": c["question"]},
                "assert": [{"type": "icontains", "value": c["expected"]}],
            }
            for c in items
        ],
    }
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


# -- the arms ------------------------------------------------------------------------------------


def ensure_promptfoo() -> Path:
    binary = PROMPTFOO_DIR / "node_modules" / ".bin" / "promptfoo"
    if not binary.exists():
        PROMPTFOO_DIR.mkdir(parents=True, exist_ok=True)
        print(f"installing promptfoo {PROMPTFOO_VERSION} into {PROMPTFOO_DIR} ...", flush=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
             f"promptfoo@{PROMPTFOO_VERSION}"],
            cwd=PROMPTFOO_DIR,
            check=True,
        )  # fmt: skip
    return binary


def genaiops_cli() -> Path:
    return Path(sys.executable).parent / "genaiops"


def timed(
    cmd: Sequence[str], env: dict[str, str], cwd: Path, ok: tuple[int, ...] = (0,)
) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if out.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr[-4000:]}")
    return seconds, out.stdout


class Round:
    """One round's fresh folders for both tools."""

    def __init__(self, root: Path, k: int, base_url: str, items: list[dict[str, Any]], args: Any):
        self.g_dir = root / f"genaiops-{k}"
        self.p_dir = root / f"promptfoo-{k}"
        self.g_suite = write_genaiops_project(
            self.g_dir, base_url, items, args.concurrency, "suite"
        )
        warm = [{"id": "warm", "question": question(-1), "expected": code_word(-1)}]
        self.g_warm = write_genaiops_project(self.g_dir, base_url, warm, args.concurrency, "warm")
        self.p_config = write_promptfoo_config(self.p_dir, base_url, items, "suite")
        self.p_warm = write_promptfoo_config(self.p_dir, base_url, warm, "warm")
        self.concurrency = args.concurrency
        self.extra = ["--no-report"] if args.no_report else []

    def genaiops_cmd(self, suite: Path) -> list[str]:
        return [str(genaiops_cli()), "eval", "run", str(suite), "-p", str(self.g_dir), "--json",
                "--concurrency", str(self.concurrency), *self.extra]  # fmt: skip

    def promptfoo_cmd(self, binary: Path, config: Path, out: Path) -> list[str]:
        return [str(binary), "eval", "-c", str(config), "--no-share", "--no-table",
                "-o", str(out), "-j", str(self.concurrency)]  # fmt: skip

    def promptfoo_env(self, env: dict[str, str]) -> dict[str, str]:
        return env | {
            "PROMPTFOO_CONFIG_DIR": str(self.p_dir / "config"),
            "PROMPTFOO_CACHE_PATH": str(self.p_dir / "cache"),
        }


def run_genaiops(
    rnd: Round, env: dict[str, str], upstream: Upstream, phases: Sequence[str] = PHASES
) -> dict[str, Any]:
    timed(rnd.genaiops_cmd(rnd.g_warm), env, rnd.g_dir)  # the database exists from here
    out: dict[str, Any] = {}
    for phase in phases:
        calls = upstream.calls
        cmd = rnd.genaiops_cmd(rnd.g_suite) + (["--no-cache"] if phase == "nocache" else [])
        seconds, stdout = timed(cmd, env, rnd.g_dir)
        summary = json.loads(stdout)
        ops = summary["candidates"]["upstream-none"]["ops"]
        out[phase] = {
            "seconds": seconds,
            "upstream_calls": upstream.calls - calls,
            "run": summary["run"],
            "cached": ops.get("cached"),
            "errors": ops.get("errors"),
        }
    return out


def run_promptfoo(
    rnd: Round,
    binary: Path,
    env: dict[str, str],
    upstream: Upstream,
    phases: Sequence[str] = PHASES,
) -> Any:
    penv = rnd.promptfoo_env(env)
    timed(
        rnd.promptfoo_cmd(binary, rnd.p_warm, rnd.p_dir / "warm-out.json"), penv, rnd.p_dir, PF_OK
    )
    out: dict[str, Any] = {}
    for phase in phases:
        calls = upstream.calls
        result = rnd.p_dir / f"{phase}-out.json"
        cmd = rnd.promptfoo_cmd(binary, rnd.p_config, result)
        cmd += ["--no-cache"] if phase == "nocache" else []
        seconds, _ = timed(cmd, penv, rnd.p_dir, PF_OK)
        data = json.loads(result.read_text("utf-8"))
        stats = data["results"].get("stats", {})
        out[phase] = {
            "seconds": seconds,
            "upstream_calls": upstream.calls - calls,
            "successes": stats.get("successes"),
            "failures": stats.get("failures"),
            "errors": stats.get("errors"),
            "out": str(result),
        }
    return out


def genaiops_verdicts(project: Path, run_id: str) -> dict[str, bool]:
    from genaiops.evaluation.store import EvalStore
    from genaiops.runtime import Runtime

    with Runtime.open(project) as rt:
        rows = EvalStore(rt.db).results(run_id)
    out = {}
    for r in rows:
        score = next((s.value for s in r.scores if s.metric == "contains"), None)
        out[r.item_id] = score == 1.0
    return out


def promptfoo_verdicts(out_file: Path) -> dict[str, bool]:
    data = json.loads(out_file.read_text("utf-8"))
    return {r["vars"]["id"]: bool(r["success"]) for r in data["results"]["results"]}


# -- profile -------------------------------------------------------------------------------------


def profile_genaiops(rnd: Round, env: dict[str, str], folder: Path) -> None:
    """Uncached runs of the CLI under cProfile and under ``-X importtime``. cProfile sees
    the main thread only (start-up, imports, report), not the asks in the pool's threads;
    for those, ``py-spy record --gil -f raw -- python -m genaiops.cli.main eval run ...``
    (py-spy from PyPI, in its own venv) shows every thread."""
    py, cli = sys.executable, ["-m", "genaiops.cli.main"]
    timed([py, *cli, *rnd.genaiops_cmd(rnd.g_warm)[1:]], env, rnd.g_dir)  # makes the database
    prof = folder / "genaiops.prof"
    suite = rnd.genaiops_cmd(rnd.g_suite)[1:]
    seconds, _ = timed([py, "-m", "cProfile", "-o", str(prof), *cli, *suite], env, rnd.g_dir)
    import pstats

    print(f"\n-- cProfile of an uncached `genaiops eval run` ({seconds:.2f} s under the profiler)")
    pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(60)
    start = time.perf_counter()
    out = subprocess.run(
        [py, "-X", "importtime", *cli, *suite, "--no-cache"],
        env=env, cwd=rnd.g_dir, capture_output=True, text=True, check=False,
    )  # fmt: skip
    print(f"-- python -X importtime, --no-cache run: {time.perf_counter() - start:.2f} s wall")
    rows = []
    for line in out.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].startswith("import time:") and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    top = sum(c for c, n in rows if not n.startswith("  "))
    print(f"total of top-level imports: {top / 1e3:.0f} ms")
    for cum, name in sorted(rows, reverse=True)[:40]:
        print(f"{cum / 1e3:8.1f} ms  {name}")


# -- main ----------------------------------------------------------------------------------------


def median(xs: Sequence[float]) -> float:
    return float(statistics.median(xs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4, help="= promptfoo's -j (default 4)")
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=0.0,
        help="the upstream waits this long before each answer (default 0: instant)",
    )
    parser.add_argument(
        "--slow-round-ms",
        type=float,
        default=0.0,
        help="then one more round (first run and cached re-run) against an upstream that "
        "takes this long per answer, as a hosted model does (default 0: none)",
    )
    parser.add_argument("--profile", action="store_true", help="profile genaiops; no results")
    parser.add_argument(
        "--src",
        help="import genaiops from this folder (a copy of src/, so that edits made to the "
        "tree while the benchmark runs do not change the code between arms)",
    )
    parser.add_argument(
        "--no-report",
        action="store_true",
        help="run genaiops with --no-report (no decision report written after each run)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args()

    sys.path.insert(0, str(HERE))
    if args.src:
        sys.path.insert(0, str(Path(args.src).resolve()))
    from bench_common import RESULTS, pkg_version, result_header, table, write_result

    binary = ensure_promptfoo()
    upstream = start_upstream(args.latency_ms / 1e3)
    base_url = f"http://127.0.0.1:{upstream.server_address[1]}/v1"
    proxy = f"http://127.0.0.1:{closed_port()}"
    env = os.environ | {
        KEY_ENV: "p4-local-key",
        "PROMPTFOO_DISABLE_TELEMETRY": "1",
        "PROMPTFOO_DISABLE_UPDATE": "1",
        "PROMPTFOO_DISABLE_SHARING": "1",
        "PROMPTFOO_DISABLE_DEBUG_LOG": "1",
        "HTTPS_PROXY": proxy,
        "HTTP_PROXY": proxy,
        "https_proxy": proxy,
        "http_proxy": proxy,
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
        "NO_COLOR": "1",
    }
    if args.src:
        env["PYTHONPATH"] = str(Path(args.src).resolve())
    items = cases(args.cases)
    root = Path(tempfile.mkdtemp(prefix="p4-promptfoo-"))
    try:
        if args.profile:
            profile_genaiops(Round(root, 0, base_url, items, args), env, root)
            return
        rounds: list[dict[str, Any]] = []
        for k in range(args.rounds):
            rnd = Round(root, k, base_url, items, args)
            order = ("genaiops", "promptfoo") if k % 2 == 0 else ("promptfoo", "genaiops")
            r: dict[str, Any] = {"round": k, "order": list(order)}
            for arm in order:
                if arm == "genaiops":
                    r["genaiops"] = run_genaiops(rnd, env, upstream)
                else:
                    r["promptfoo"] = run_promptfoo(rnd, binary, env, upstream)
            g, p = r["genaiops"], r["promptfoo"]
            print(
                f"round {k}: genaiops {g['first']['seconds']:.2f} s, cached "
                f"{g['cached']['seconds']:.2f} s | promptfoo {p['first']['seconds']:.2f} s, "
                f"cached {p['cached']['seconds']:.2f} s",
                flush=True,
            )
            g_v = genaiops_verdicts(rnd.g_dir, g["first"]["run"])
            g_vc = genaiops_verdicts(rnd.g_dir, g["cached"]["run"])
            p_v = promptfoo_verdicts(Path(p["first"]["out"]))
            p_vc = promptfoo_verdicts(Path(p["cached"]["out"]))
            ids = [c["id"] for c in items]
            expected = {c["id"]: int(c["id"][5:]) % 4 != 3 for c in items}
            r["agreement"] = {
                "cases": len(ids),
                "genaiops_vs_promptfoo": sum(g_v.get(i) == p_v.get(i) for i in ids),
                "genaiops_cached_vs_first": sum(g_vc.get(i) == g_v.get(i) for i in ids),
                "promptfoo_cached_vs_first": sum(p_vc.get(i) == p_v.get(i) for i in ids),
                "genaiops_vs_design": sum(g_v.get(i) == expected[i] for i in ids),
                "genaiops_pass": sum(g_v.get(i, False) for i in ids),
                "promptfoo_pass": sum(p_v.get(i, False) for i in ids),
            }
            rounds.append(r)
        slow: dict[str, Any] = {}
        if args.slow_round_ms:
            slow_upstream = start_upstream(args.slow_round_ms / 1e3)
            try:
                slow_url = f"http://127.0.0.1:{slow_upstream.server_address[1]}/v1"
                rnd = Round(root, args.rounds, slow_url, items, args)
                slow = {
                    "upstream_latency_ms": args.slow_round_ms,
                    "genaiops": run_genaiops(rnd, env, slow_upstream, PHASES[:2]),
                    "promptfoo": run_promptfoo(rnd, binary, env, slow_upstream, PHASES[:2]),
                }
            finally:
                slow_upstream.shutdown()
    finally:
        upstream.shutdown()
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)

    def med(arm: str, phase: str) -> float:
        return median([r[arm][phase]["seconds"] for r in rounds])

    def calls(arm: str, phase: str) -> str:
        return "/".join(sorted({str(r[arm][phase]["upstream_calls"]) for r in rounds}))

    g1, gc, gn = (med("genaiops", p) for p in PHASES)
    p1, pc, pn = (med("promptfoo", p) for p in PHASES)
    agree = [r["agreement"] for r in rounds]
    ratio_first, ratio_cached = g1 / p1, gc / g1
    rows = [["run", "genaiops s", "promptfoo s", "genaiops / promptfoo", "upstream calls g | p"]]
    for label, phase, g, p in (
        ("first run (writes the cache)", "first", g1, p1),
        ("cached re-run", "cached", gc, pc),
        ("--no-cache run", "nocache", gn, pn),
    ):
        rows.append(
            [label, f"{g:.2f}", f"{p:.2f}", f"{g / p:.2f}",
             f"{calls('genaiops', phase)} | {calls('promptfoo', phase)}"]
        )  # fmt: skip
    rows.append(["cached re-run / first run", f"{gc / g1:.3f}", f"{pc / p1:.3f}", "", ""])
    print()
    print(table(rows, right_from=1))
    a = agree[-1]
    print(
        f"\n{args.cases} cases, concurrency {args.concurrency}, upstream latency "
        f"{args.latency_ms:g} ms, medians of {args.rounds} rounds (interleaved). Per-case "
        f"pass/fail, genaiops vs promptfoo: {min(x['genaiops_vs_promptfoo'] for x in agree)}/"
        f"{a['cases']} agree in every round (pass {a['genaiops_pass']} / {a['promptfoo_pass']})."
    )
    print(f"P4 eval wall time genaiops / promptfoo: {ratio_first:.2f} (target <= 0.5)")
    print(f"   without either cache (--no-cache both): {gn / pn:.2f}")
    print(f"P4 genaiops cached re-run / first run: {ratio_cached:.3f} (target <= 0.05)")
    if slow:
        sg, sp = slow["genaiops"], slow["promptfoo"]
        for x in (sg, sp):
            x["cached_over_first"] = round(x["cached"]["seconds"] / x["first"]["seconds"], 4)
        slow["genaiops_over_promptfoo_first"] = round(
            sg["first"]["seconds"] / sp["first"]["seconds"], 3
        )
        print(
            f"\nOne round at {args.slow_round_ms:g} ms per answer: genaiops first "
            f"{sg['first']['seconds']:.2f} s, cached {sg['cached']['seconds']:.2f} s "
            f"(cached / first {sg['cached_over_first']:.3f}); promptfoo first "
            f"{sp['first']['seconds']:.2f} s, cached {sp['cached']['seconds']:.2f} s "
            f"({sp['cached_over_first']:.3f}); first runs genaiops / promptfoo "
            f"{slow['genaiops_over_promptfoo_first']:.2f}"
        )
    for r in [*rounds, slow]:  # no path of this machine in the results
        for phase in r.get("promptfoo", {}).values():
            if isinstance(phase, dict):
                phase.pop("out", None)
    result = result_header("p4_promptfoo") | {
        "cases": args.cases,
        "concurrency": args.concurrency,
        "rounds": args.rounds,
        "genaiops_source": "a copy of src/ (--src)" if args.src else "the working tree",
        "git_head": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=HERE,
        ).stdout.strip(),
        "upstream_latency_ms": args.latency_ms,
        "upstream": "stdlib ThreadingHTTPServer on 127.0.0.1, HTTP/1.1 keep-alive; answers "
        "at once (streamed for genaiops, which streams; whole for promptfoo)",
        "genaiops_setup": {
            "command": "genaiops eval run SUITE.yaml -p PROJECT --json --concurrency N"
            + (" --no-report" if args.no_report else " (writes the decision report)"),
            "model": "provider: openai (base_url: the upstream, api_key_env)",
            "strategy": "none",
            "guardrail": "none (no policy on the app: promptfoo runs no guardrails)",
            "metric": "contains (normalized substring)",
            "metering": "every call written to the ledger, every result stored per item",
        },
        "promptfoo_setup": {
            "command": "promptfoo eval -c CONFIG --no-share --no-table -o OUT.json -j N",
            "provider": "openai:chat with apiBaseUrl: the upstream",
            "assertion": "icontains",
            "env": "PROMPTFOO_DISABLE_{TELEMETRY,UPDATE,SHARING,DEBUG_LOG}=1, HTTP(S)_PROXY "
            "at a closed local port, NO_PROXY=127.0.0.1,localhost",
        },
        "warm_up": "each round: fresh folders, one untimed one-case run per tool first",
        "peer_versions": {
            "promptfoo": PROMPTFOO_VERSION,
            "node": subprocess.run(
                ["node", "--version"], capture_output=True, text=True, check=False
            ).stdout.strip(),
            "openai (python)": pkg_version("openai"),
        },
        "median_seconds": {
            "genaiops_first": round(g1, 3),
            "genaiops_cached": round(gc, 3),
            "genaiops_nocache": round(gn, 3),
            "promptfoo_first": round(p1, 3),
            "promptfoo_cached": round(pc, 3),
            "promptfoo_nocache": round(pn, 3),
        },
        "ratios": {
            "genaiops_over_promptfoo_first": round(ratio_first, 3),
            "genaiops_over_promptfoo_cached": round(gc / pc, 3),
            "genaiops_over_promptfoo_nocache": round(gn / pn, 3),
            "genaiops_cached_over_first": round(ratio_cached, 3),
            "promptfoo_cached_over_first": round(pc / p1, 3),
        },
        "targets": {
            "genaiops_over_promptfoo_first": "<= 0.5",
            "genaiops_cached_over_first": "<= 0.05",
        },
        "agreement": agree,
        "rounds_detail": rounds,
        "slow_upstream_round": slow or None,
    }
    argv = [("<copy of src>" if a == args.src else a) for a in sys.argv[1:]]
    result["command"] = shlex.join(
        [
            "flock",
            "/tmp/genaiops-bench.lock",
            ".venv/bin/python",
            "benchmarks/p4_promptfoo.py",
            *argv,
        ]
    )
    write_result(RESULTS / "p4_promptfoo.json", result)


if __name__ == "__main__":
    main()
