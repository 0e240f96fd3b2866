"""P3: gateway overhead, ``genaiops serve`` vs LiteLLM's proxy, in front of the same upstream.

One run starts three servers and measures them with one load generator:

* **the upstream**: p4_promptfoo's instant OpenAI-compatible server (stdlib
  ``ThreadingHTTPServer``, HTTP/1.1 keep-alive, TCP_NODELAY, each answer in one write), in
  its own process so that it does not share the load generator's GIL.
* **LiteLLM's proxy** (``litellm[proxy]==LITELLM_VERSION`` in its own venv under
  ``~/.cache/genaiops-bench/``, created here when missing): ``litellm --config CFG --port P
  --num_workers 1``, one model ``openai/instant-upstream`` at the upstream's ``api_base``;
  ``LITELLM_MASTER_KEY``, ``LITELLM_LOCAL_MODEL_COST_MAP=True``,
  ``LITELLM_TELEMETRY_DISABLED=true``; no database (no virtual keys, no spend logs).
* **genaiops serve** (``--workers 1``) on a temporary project: one ``provider: openai``
  model at the upstream (``api_key_env``); app ``gateway`` has no knowledge base and no
  guardrail (the pure gateway path: key check, ledger/metering, the ask); app ``guarded``
  adds the example's ``company-default`` policy **without contextual grounding** (there
  are no retrieved sources to ground on). The API key is made with ``genaiops keys
  create``. Every answer is still metered in the ledger (PostgreSQL), as in production.

Both gateways run one worker process: a fair single-process comparison. The load generator
(asyncio, raw HTTP/1.1 keep-alive sockets, one connection per client, non-streamed chat
completions with a different question each time) measures against the upstream directly and
through each gateway: (a) latency at 1 client, added latency = gateway minus direct (p50,
p95); (b) requests/s closed-loop at 1, 4, 16, 64 clients for ``--seconds`` each; (c) RSS
(and PSS) of each gateway's process tree at idle, genaiops's embedded PostgreSQL shown
apart. Rounds interleave the targets (order reversed every other round); medians are
reported. Client, gateways and upstream share this machine's cores: a noisy, shared box.

    flock /tmp/genaiops-bench.lock .venv/bin/python benchmarks/p3_gateway.py --rounds 2
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LITELLM_VERSION = "1.108.7"
LITELLM_DIR = Path.home() / ".cache" / "genaiops-bench" / f"litellm-{LITELLM_VERSION}"
MASTER_KEY = "sk-p3-bench-master"
KEY_ENV = "P3_UPSTREAM_KEY"
MODEL = "instant-upstream"
LEVELS = (1, 4, 16, 64)
TARGETS = ("direct", "litellm", "genaiops", "genaiops-guarded")

# -- the upstream, in its own process --------------------------------------------------------------


def serve_upstream() -> None:
    sys.path.insert(0, str(HERE))
    from p4_promptfoo import Upstream, start_upstream

    # socketserver's default listen backlog (5) drops SYNs at 64 connections (1 s retries)
    Upstream.request_queue_size = 1024
    server = start_upstream(0.0)
    print(server.server_address[1], flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    server.shutdown()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen[Any], timeout: float, log: Path) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"{url}: the server exited ({proc.returncode}):\n{tail(log)}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                return time.perf_counter() - start
        time.sleep(0.1)
    raise SystemExit(f"{url}: not ready after {timeout:.0f} s:\n{tail(log)}")


def tail(log: Path, n: int = 3000) -> str:
    return log.read_text("utf-8", "replace")[-n:] if log.exists() else ""


def stop(proc: subprocess.Popen[Any] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# -- the gateways ----------------------------------------------------------------------------------


def ensure_litellm() -> Path:
    py = LITELLM_DIR / "bin" / "python"
    if not (LITELLM_DIR / "bin" / "litellm").exists():
        print(f"installing litellm[proxy]=={LITELLM_VERSION} into {LITELLM_DIR} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(LITELLM_DIR)], check=True)
        subprocess.run(
            [str(py), "-m", "pip", "install", "-q", f"litellm[proxy]=={LITELLM_VERSION}"],
            check=True,
        )
    return LITELLM_DIR / "bin" / "litellm"


def litellm_versions() -> dict[str, str]:
    code = (
        "import importlib.metadata as m, json\n"
        "out = {}\n"
        "for p in ('litellm', 'uvicorn', 'uvloop', 'fastapi', 'openai', 'httpx', 'aiohttp'):\n"
        "    try: out[p] = m.version(p)\n"
        "    except Exception: out[p] = None\n"
        "print(json.dumps(out))"
    )
    out = subprocess.run(
        [str(LITELLM_DIR / "bin" / "python"), "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(out.stdout) if out.returncode == 0 else {}


def start_litellm(root: Path, base_url: str, env: dict[str, str]) -> tuple[Any, int, float]:
    binary = ensure_litellm()
    cfg = {
        "model_list": [
            {
                "model_name": "bench",
                "litellm_params": {
                    "model": f"openai/{MODEL}",
                    "api_base": base_url,
                    "api_key": "p3-local-key",
                },
            }
        ],
        "general_settings": {"master_key": MASTER_KEY},
    }
    path = root / "litellm.yaml"
    path.write_text(yaml.safe_dump(cfg, sort_keys=False), "utf-8")
    port = free_port()
    log = root / "litellm.log"
    lenv = env | {
        "LITELLM_MASTER_KEY": MASTER_KEY,
        "LITELLM_LOCAL_MODEL_COST_MAP": "True",
        "LITELLM_TELEMETRY_DISABLED": "true",
    }
    cmd = [str(binary), "--config", str(path), "--host", "127.0.0.1", "--port", str(port),
           "--num_workers", "1"]  # fmt: skip
    with log.open("w") as fh:
        proc = subprocess.Popen(cmd, env=lenv, cwd=root, stdout=fh, stderr=subprocess.STDOUT)
    startup = wait_http(f"http://127.0.0.1:{port}/health/liveliness", proc, 120, log)
    return proc, port, startup


def genaiops_cli() -> Path:
    return Path(sys.executable).parent / "genaiops"


def write_project(folder: Path, base_url: str) -> None:
    example = yaml.safe_load((ROOT / "examples" / "fenwick" / "genaiops.yaml").read_text())
    policy = dict(example["guardrails"]["company-default"])
    policy.pop("contextual_grounding", None)  # no retrieved sources to ground on
    project = {
        "version": 1,
        "name": "p3-bench",
        "default_app": "gateway",
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
        "guardrails": {"company-default": policy},
        "apps": {
            name: {
                "model": "upstream",
                "max_tokens": 64,
                "temperature": 0.0,
                "prompt": {"system": "Answer briefly.", "template": "{question}"},
                **({"guardrail": "company-default"} if guard else {}),
            }
            for name, guard in (("gateway", False), ("guarded", True))
        },
    }
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "genaiops.yaml").write_text(yaml.safe_dump(project, sort_keys=False), "utf-8")


#: ``--plain-uvicorn``: the server as it ran before uvloop and httptools were dependencies
#: (uvicorn's "auto" then falls back to asyncio's loop and h11), for an A/B of the two
PLAIN_UVICORN = (
    "import runpy, sys; sys.modules['uvloop'] = None; sys.modules['httptools'] = None; "
    "runpy.run_module('genaiops.cli.main', run_name='__main__')"
)


def start_genaiops(
    root: Path, base_url: str, env: dict[str, str], plain: bool = False
) -> tuple[Any, int, str, float]:
    project = root / "genaiops"
    write_project(project, base_url)
    out = subprocess.run(
        [str(genaiops_cli()), "keys", "create", "--name", "p3", "--tenant", "bench", "--json",
         "-p", str(project)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if out.returncode != 0:
        raise SystemExit(f"genaiops keys create failed:\n{out.stderr[-3000:]}")
    secret = json.loads(out.stdout)["secret"]
    port = free_port()
    log = root / "genaiops.log"
    launcher = [sys.executable, "-c", PLAIN_UVICORN] if plain else [str(genaiops_cli())]
    cmd = [*launcher, "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", "1", "-p", str(project)]  # fmt: skip
    with log.open("w") as fh:
        proc = subprocess.Popen(cmd, env=env, cwd=project, stdout=fh, stderr=subprocess.STDOUT)
    startup = wait_http(f"http://127.0.0.1:{port}/readyz", proc, 180, log)
    return proc, port, secret, startup


# -- memory ----------------------------------------------------------------------------------------


def tree_memory(pid: int, extra_marker: str | None = None) -> dict[str, Any]:
    """RSS and PSS (MiB) of a process and its descendants; with ``extra_marker``, also of
    other processes whose command line contains it (the embedded PostgreSQL, which is not
    a child of the server), reported apart."""
    import psutil

    def mem(procs: list[Any]) -> tuple[float, float, int]:
        rss = pss = 0.0
        n = 0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                info = p.memory_full_info()
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
                n += 1
        return rss / 2**20, pss / 2**20, n

    top = psutil.Process(pid)
    tree = [top, *top.children(recursive=True)]
    rss, pss, n = mem(tree)
    out: dict[str, Any] = {"rss_mib": round(rss, 1), "pss_mib": round(pss, 1), "processes": n}
    if extra_marker:
        pids = {p.pid for p in tree}
        others = []
        for p in psutil.process_iter(["cmdline"]):
            with contextlib.suppress(psutil.Error):
                if p.pid not in pids and extra_marker in " ".join(p.info["cmdline"] or []):
                    others += [p, *p.children(recursive=True)]  # the postmaster's backends
        rss2, pss2, n2 = mem(others)
        out["postgres"] = {"rss_mib": round(rss2, 1), "pss_mib": round(pss2, 1), "processes": n2}
    return out


def cpu_seconds(procs: dict[str, list[int]]) -> dict[str, float]:
    """User + system CPU seconds so far of each group of processes (and their children)."""
    import psutil

    out = {}
    for name, pids in procs.items():
        total = 0.0
        for pid in pids:
            with contextlib.suppress(psutil.Error):
                top = psutil.Process(pid)
                for p in [top, *top.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        t = p.cpu_times()
                        # children_*: children that ended (PostgreSQL's backends come and go)
                        total += t.user + t.system + t.children_user + t.children_system
        out[name] = total
    return out


def postgres_pids(marker: str) -> list[int]:
    import psutil

    out = []
    for p in psutil.process_iter(["cmdline"]):
        with contextlib.suppress(psutil.Error):
            if marker in " ".join(p.info["cmdline"] or []) and "postgres" in p.info["cmdline"][0]:
                out.append(p.pid)
    return out


# -- the load generator ----------------------------------------------------------------------------


class Target:
    def __init__(self, name: str, port: int, path: str, key: str, model: str) -> None:
        self.name, self.port, self.path, self.key, self.model = name, port, path, key, model
        self.counter = 0

    def request(self) -> bytes:
        self.counter += 1
        body = json.dumps(
            {
                "model": self.model,
                "messages": [
                    {
                        "role": "user",
                        "content": f"What is the code word for item {self.counter}?",
                    }
                ],
                "max_tokens": 64,
            }
        ).encode()
        head = (
            f"POST {self.path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
            f"Authorization: Bearer {self.key}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        return head.encode() + body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    if headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                return status, b"".join(parts)
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
    return status, await reader.read()


async def _connect(target: Target) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    reader, writer = await asyncio.open_connection("127.0.0.1", target.port)
    writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return reader, writer


async def _client(
    target: Target,
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter],
    deadline: float | None,
    count: int | None,
    lat: list[float],
    errs: list[str],
) -> None:
    reader, writer = conn
    done = 0
    try:
        while True:
            if count is not None and done >= count:
                break
            if deadline is not None and time.perf_counter() >= deadline:
                break
            data = target.request()
            t0 = time.perf_counter()
            writer.write(data)
            status, body = await _read_response(reader)
            t1 = time.perf_counter()
            done += 1
            if status != 200 or b'"choices"' not in body:
                if len(errs) < 5:
                    errs.append(f"{status}: {body[:300]!r}")
                else:
                    errs.append("")
                continue
            lat.append(t1 - t0)
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()


async def _load(target: Target, clients: int, seconds: float | None, count: int | None) -> Any:
    lat: list[float] = []
    errs: list[str] = []
    conns = await asyncio.gather(*(_connect(target) for _ in range(clients)))  # before the clock
    start = time.perf_counter()
    deadline = start + seconds if seconds else None
    await asyncio.gather(*(_client(target, c, deadline, count, lat, errs) for c in conns))
    return lat, errs, time.perf_counter() - start


def pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(q / 100 * (len(s) - 1)))]


def latency_1client(target: Target, n: int) -> dict[str, Any]:
    asyncio.run(_load(target, 1, None, 20))  # warm-up
    lat, errs, _ = asyncio.run(_load(target, 1, None, n))
    return {
        "n": len(lat),
        "errors": len(errs),
        "p50_ms": round(pct(lat, 50) * 1e3, 3),
        "p95_ms": round(pct(lat, 95) * 1e3, 3),
        "mean_ms": round(statistics.fmean(lat) * 1e3, 3),
        "error_samples": [e for e in errs if e][:3],
    }


def throughput(target: Target, clients: int, seconds: float) -> dict[str, Any]:
    asyncio.run(_load(target, clients, 0.5, None))  # warm the connections and pools
    lat, errs, wall = asyncio.run(_load(target, clients, seconds, None))
    return {
        "clients": clients,
        "ok": len(lat),
        "errors": len(errs),
        "req_per_s": round(len(lat) / wall, 1),
        "p50_ms": round(pct(lat, 50) * 1e3, 2) if lat else None,
        "p95_ms": round(pct(lat, 95) * 1e3, 2) if lat else None,
        "error_samples": [e for e in errs if e][:3],
    }


# -- main ------------------------------------------------------------------------------------------


def med(xs: list[float]) -> float:
    return float(statistics.median(xs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--requests", type=int, default=300, help="1-client latency requests")
    parser.add_argument("--seconds", type=float, default=5.0, help="per concurrency level")
    parser.add_argument("--no-litellm", action="store_true", help="genaiops and direct only")
    parser.add_argument(
        "--plain-uvicorn",
        action="store_true",
        help="genaiops without uvloop and httptools (asyncio + h11); writes p3_gateway_plain.json",
    )
    parser.add_argument("--upstream-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.upstream_only:
        serve_upstream()
        return

    sys.path.insert(0, str(HERE))
    from bench_common import RESULTS, pkg_version, result_header, table, write_result

    env = os.environ | {KEY_ENV: "p3-local-key", "NO_PROXY": "127.0.0.1,localhost",
                        "no_proxy": "127.0.0.1,localhost"}  # fmt: skip
    root = Path(tempfile.mkdtemp(prefix="p3-gateway-"))
    procs: list[subprocess.Popen[Any]] = []
    upstream = litellm = genaiops = None
    result: dict[str, Any] = {}
    try:
        upstream = subprocess.Popen(
            [sys.executable, __file__, "--upstream-only"], stdout=subprocess.PIPE, text=True
        )
        procs.append(upstream)
        assert upstream.stdout is not None
        up_port = int(upstream.stdout.readline())
        base_url = f"http://127.0.0.1:{up_port}/v1"
        startups: dict[str, float] = {}
        genaiops, g_port, secret, startups["genaiops"] = start_genaiops(
            root, base_url, env, args.plain_uvicorn
        )
        procs.append(genaiops)
        targets = {
            "direct": Target("direct", up_port, "/v1/chat/completions", "x", MODEL),
            "genaiops": Target("genaiops", g_port, "/v1/chat/completions", secret, "gateway"),
            "genaiops-guarded": Target(
                "genaiops-guarded", g_port, "/v1/chat/completions", secret, "guarded"
            ),
        }
        peer_missing = None
        if not args.no_litellm:
            try:
                litellm, l_port, startups["litellm"] = start_litellm(root, base_url, env)
                procs.append(litellm)
                targets["litellm"] = Target(
                    "litellm", l_port, "/v1/chat/completions", MASTER_KEY, "bench"
                )
            except (SystemExit, subprocess.CalledProcessError, OSError) as exc:
                peer_missing = f"LiteLLM did not start: {exc}"
                print(peer_missing, flush=True)
        names = [t for t in TARGETS if t in targets]
        # idle memory, after a few warm-up answers through each app
        for t in names:
            asyncio.run(_load(targets[t], 1, None, 10))
        time.sleep(2)
        memory = {"genaiops": tree_memory(genaiops.pid, str(root / "genaiops"))}
        if litellm is not None:
            memory["litellm"] = tree_memory(litellm.pid)
        print(f"start-up s: {startups}; idle memory: {json.dumps(memory)}", flush=True)

        groups = {
            "upstream": [upstream.pid],
            "genaiops": [genaiops.pid],
            "postgres": postgres_pids(str(root / "genaiops")),
        }
        if litellm is not None:
            groups["litellm"] = [litellm.pid]
        rounds: list[dict[str, Any]] = []
        for k in range(args.rounds):
            order = names if k % 2 == 0 else names[::-1]
            r: dict[str, Any] = {"round": k, "order": order, "latency": {}, "throughput": {}}
            for t in order:
                r["latency"][t] = latency_1client(targets[t], args.requests)
                print(f"round {k} {t:17s} 1 client: {r['latency'][t]}", flush=True)
            r["cpu_ms_per_request"] = {}
            for t in order:
                before = cpu_seconds(groups)
                levels = [throughput(targets[t], c, args.seconds) for c in LEVELS]
                after = cpu_seconds(groups)
                r["throughput"][t] = levels
                n = sum(x["ok"] + x["errors"] for x in levels)
                r["cpu_ms_per_request"][t] = {
                    g: round((after[g] - before[g]) / max(n, 1) * 1e3, 3) for g in groups
                }  # the warm-ups' requests are in the CPU time, not in n: an upper bound
                print(
                    f"round {k} {t:17s} req/s: "
                    + ", ".join(f"{x['clients']}:{x['req_per_s']}({x['errors']}e)" for x in levels),
                    flush=True,
                )
            print(f"round {k} CPU ms per request: {r['cpu_ms_per_request']}", flush=True)
            rounds.append(r)
        memory_after = {"genaiops": tree_memory(genaiops.pid, str(root / "genaiops"))}
        if litellm is not None:
            memory_after["litellm"] = tree_memory(litellm.pid)
        gateway_log_tail = {"genaiops": tail(root / "genaiops.log", 1500)}
        l_versions = litellm_versions() if litellm is not None else {}
    finally:
        for p in reversed(procs):
            stop(p)
        if genaiops is not None:  # the embedded PostgreSQL, if the server left it running
            subprocess.run(
                [str(genaiops_cli()), "db", "stop", "--force", "-p", str(root / "genaiops")],
                env=env, capture_output=True, check=False,
            )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)

    # -- figures
    def lat(t: str, q: str) -> float:
        return med([r["latency"][t][q] for r in rounds])

    def added(t: str, q: str) -> float:
        return med([r["latency"][t][q] - r["latency"]["direct"][q] for r in rounds])

    def rps(t: str) -> dict[int, float]:
        return {c: med([r["throughput"][t][i]["req_per_s"] for r in rounds])
                for i, c in enumerate(LEVELS)}  # fmt: skip

    summary: dict[str, Any] = {}
    for t in names:
        per = rps(t)
        best = max(per.values())
        at = max(per, key=lambda c: per[c])
        knee = min(c for c in LEVELS if per[c] >= 0.9 * best)
        summary[t] = {
            "p50_ms": round(lat(t, "p50_ms"), 3),
            "p95_ms": round(lat(t, "p95_ms"), 3),
            "added_p50_ms": round(added(t, "p50_ms"), 3) if t != "direct" else 0.0,
            "added_p95_ms": round(added(t, "p95_ms"), 3) if t != "direct" else 0.0,
            "req_per_s_by_clients": per,
            "max_req_per_s": best,
            "max_at_clients": at,
            "within_90pct_of_max_from_clients": knee,
            "errors": sum(x["errors"] for r in rounds for x in r["throughput"][t])
            + sum(r["latency"][t]["errors"] for r in rounds),
        }
    mem_of = {"genaiops": memory["genaiops"], "litellm": memory.get("litellm")}
    rows = [["target", "p50 ms", "p95 ms", "added p50", "added p95",
             *[f"rps@{c}" for c in LEVELS], "max rps", "idle RSS MiB"]]  # fmt: skip
    for t in names:
        s = summary[t]
        m = mem_of.get(t.split("-")[0]) if t != "direct" else None
        mtxt = ""
        if m:
            mtxt = f"{m['rss_mib']:.0f}"
            if "postgres" in m:
                mtxt += f" (+PG {m['postgres']['rss_mib']:.0f})"
        rows.append(
            [t, f"{s['p50_ms']:.2f}", f"{s['p95_ms']:.2f}", f"{s['added_p50_ms']:.2f}",
             f"{s['added_p95_ms']:.2f}", *[f"{s['req_per_s_by_clients'][c]:.0f}" for c in LEVELS],
             f"{s['max_req_per_s']:.0f}@{s['max_at_clients']}", mtxt]
        )  # fmt: skip
    print()
    print(table(rows, right_from=1))
    ratios: dict[str, Any] = {}
    if "litellm" in summary:
        g, lt = summary["genaiops"], summary["litellm"]
        ratios = {
            "added_p50_genaiops_over_litellm": round(g["added_p50_ms"] / lt["added_p50_ms"], 3),
            "added_p95_genaiops_over_litellm": round(g["added_p95_ms"] / lt["added_p95_ms"], 3),
            "max_rps_genaiops_over_litellm": round(g["max_req_per_s"] / lt["max_req_per_s"], 3),
            "max_rps_guarded_over_litellm": round(
                summary["genaiops-guarded"]["max_req_per_s"] / lt["max_req_per_s"], 3
            ),
            "idle_rss_genaiops_over_litellm": round(
                memory["genaiops"]["rss_mib"] / memory["litellm"]["rss_mib"], 3
            ),
        }
        print(
            f"\nP3 added p50 genaiops / LiteLLM: {ratios['added_p50_genaiops_over_litellm']:.2f} "
            f"(target <= 0.5); req/s at saturation genaiops / LiteLLM: "
            f"{ratios['max_rps_genaiops_over_litellm']:.2f} (target >= 3)"
        )
    elif peer_missing or args.no_litellm:
        print(f"\nno LiteLLM figures: {peer_missing or '--no-litellm'}")
    print(
        f"medians of {args.rounds} interleaved rounds; {args.requests} requests at 1 client; "
        f"{args.seconds:g} s per level; both gateways one worker process; 2 shared cores "
        "(client, gateway and upstream on the same cores: noisy)"
    )
    result = result_header("p3_gateway") | {
        "rounds": args.rounds,
        "requests_1client": args.requests,
        "seconds_per_level": args.seconds,
        "levels": list(LEVELS),
        "git_head": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=HERE,
        ).stdout.strip(),
        "upstream": "p4_promptfoo's stdlib ThreadingHTTPServer in its own process, HTTP/1.1 "
        "keep-alive, TCP_NODELAY, one write per answer, instant non-streamed answers",
        "load_generator": "asyncio raw-socket HTTP/1.1 keep-alive, one connection per client, "
        "closed loop, non-streamed POST /v1/chat/completions, a new question each request",
        "genaiops_setup": {
            "command": "genaiops serve --host 127.0.0.1 --port P --workers 1 -p PROJECT",
            "apps": {
                "genaiops": "app `gateway`: provider openai model at the upstream, no "
                "knowledge base, no guardrail; metered in the ledger",
                "genaiops-guarded": "app `guarded`: same plus the example's company-default "
                "policy without contextual_grounding (content filters, denied topics, word "
                "filters, sensitive information, prompt attacks)",
            },
            "key": "genaiops keys create --name p3 --tenant bench --json (no rate limits)",
            "server_deps": {
                p: pkg_version(p) for p in ("uvicorn", "fastapi", "uvloop", "httptools", "httpx")
            },
            "event_loop_and_http": "asyncio + h11 (--plain-uvicorn)"
            if args.plain_uvicorn
            else "uvicorn's auto: uvloop + httptools when installed",
        },
        "litellm_setup": None
        if litellm is None
        else {
            "command": "litellm --config CFG --host 127.0.0.1 --port P --num_workers 1",
            "config": "one model_list entry openai/instant-upstream with api_base = upstream; "
            "general_settings.master_key; no database",
            "env": "LITELLM_MASTER_KEY, LITELLM_LOCAL_MODEL_COST_MAP=True, "
            "LITELLM_TELEMETRY_DISABLED=true",
            "versions": l_versions,
        },
        "peer_missing": peer_missing,
        "startup_s": {k: round(v, 2) for k, v in startups.items()},
        "idle_memory": memory,
        "memory_after_load": memory_after,
        "summary": summary,
        "ratios": ratios,
        "targets": {
            "added_p50_genaiops_over_litellm": "<= 0.5",
            "max_rps_genaiops_over_litellm": ">= 3",
        },
        "rounds_detail": rounds,
        "genaiops_log_tail": gateway_log_tail["genaiops"][-600:],
    }
    result["command"] = shlex.join(
        ["flock", "/tmp/genaiops-bench.lock", ".venv/bin/python", "benchmarks/p3_gateway.py",
         *sys.argv[1:]]
    )  # fmt: skip
    name = "p3_gateway_plain.json" if args.plain_uvicorn else "p3_gateway.json"
    write_result(RESULTS / name, result)


if __name__ == "__main__":
    main()
