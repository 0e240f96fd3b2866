"""P3 under load: many concurrent clients against ``genaiops serve`` on the local model.

What it measures
    ``genaiops serve --workers 1`` on a copy of the Fenwick example (a temporary folder,
    its own embedded PostgreSQL): the app ``assistant`` on the local model (SmolLM2-135M
    Q4_1 on llama.cpp, ``--threads`` threads, one slot), with the example's retrieval
    (handbook, MiniLM) and guardrail policy ``company-default``; ``max_tokens`` is set to
    ``--max-tokens`` so an answer's length is bounded. Keys are made with ``genaiops keys
    create``: most clients use a key without limits; one client in eight uses a key limited
    to ``--limited-rpm`` requests a minute, and one in eight a key of a tenant whose budget
    is exhausted (a budget of $0.000001 a day): their 429s and 402s are the refusals the
    limits require. A client waits 1 s after a refusal before its next request (as a
    client honouring Retry-After does), so refusals do not crowd out the answered work.

    ``--clients`` clients (asyncio, one keep-alive HTTP/1.1 connection each) each send chat
    completions one after another for ``--seconds`` seconds, half of them streamed (the
    whole event stream is read), each with a question of the example's set and a counter,
    so no two are the same. A request sent before the end is waited for (up to
    ``--request-timeout`` seconds): the loop is bounded, nothing is cut off. An answer is
    counted only when complete: a 200 with the app's answer (a non-empty message, or an
    event stream ending in ``[DONE]`` with no error event); a 429/402 only in OpenAI's error
    shape with the limit's code. Anything else (another status, a broken stream, a
    connection error, a timeout) is an error.

    Reported: requests, answers, 429s, 402s, errors (target 0), answers/s over the run,
    latency p50/p95/p99 of the answers (whole and streamed apart, from the request's first
    byte to the response's last), and of the refusals; the server's load-bearing settings.

How to run
    flock /tmp/genaiops-bench.lock nice -n 5 .venv/bin/python benchmarks/p3_load.py
    python benchmarks/p3_load.py --clients 20 --seconds 10 --out /tmp/p3_load_small.json
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench_common import (
    RESULTS,
    load_questions,
    make_example_dir,
    result_header,
    table,
    write_result,
)
from genaiops.stats import percentile

DEFAULT_OUT = RESULTS / "p3_load.json"
APP = "assistant"
BROKE = "p3-load-broke"
REFUSED_PAUSE_S = 1.0


@dataclass
class Sample:
    key: str
    stream: bool
    status: int  # 0: no HTTP answer (connection error or timeout)
    ok: bool
    seconds: float
    detail: str = ""


def cli() -> str:
    return str(Path(sys.executable).parent / "genaiops")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(root: Path, threads: int, max_tokens: int, limited_rpm: int) -> dict[str, str]:
    """The project (example + a broke tenant), its knowledge base ingested, three keys."""
    data = make_example_dir(root, threads)
    data["apps"][APP]["max_tokens"] = max_tokens
    data.setdefault("budgets", []).append({"tenant": BROKE, "period": "day", "limit_usd": 1e-6})
    (root / "genaiops.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    subprocess.run([cli(), "kb", "ingest", "handbook", "-p", str(root)], check=True,
                   capture_output=True)  # fmt: skip
    keys = {}
    for name, extra in (
        ("free", ["--tenant", "p3-load"]),
        ("limited", ["--tenant", "p3-load-limited", "--rpm", str(limited_rpm)]),
        ("broke", ["--tenant", BROKE]),
    ):
        out = subprocess.run(
            [cli(), "keys", "create", "--name", f"p3-load-{name}", *extra, "--json",
             "-p", str(root)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        keys[name] = json.loads(out.stdout)["secret"]
    return keys


def start_server(root: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    cmd = [cli(), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
           "-p", str(root)]  # fmt: skip
    with log.open("wb") as fh:
        proc = subprocess.Popen(cmd, cwd=root, stdout=fh, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"genaiops serve exited ({proc.returncode}):\n{log.read_text()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            import urllib.request

            with (
                contextlib.suppress(Exception),
                urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as r,
            ):
                if r.status == 200:
                    return proc
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit(f"genaiops serve was not ready in 300 s:\n{log.read_text()[-3000:]}")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """One HTTP/1.1 response: its status and whole body (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    parts: list[bytes] = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        if size == 0:
            await reader.readuntil(b"\r\n")
            return status, b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


def judge(status: int, body: bytes, stream: bool) -> tuple[bool, str]:
    """Is this a complete answer, or a refusal in OpenAI's shape with the limit's code?"""
    text = body.decode("utf-8", "replace")
    if status in (402, 429):
        code = json.loads(text).get("error", {}).get("code")
        return code == ("budget_exceeded" if status == 402 else "rate_limited"), text[:200]
    if status != 200:
        return False, text[:300]
    if not stream:
        content = json.loads(text)["choices"][0]["message"]["content"]
        return bool(content and content.strip()), ""
    events = [line for line in text.splitlines() if line]
    if not events or events[-1] != "data: [DONE]":
        return False, text[-300:]
    chunks = [json.loads(e.removeprefix("data: ")) for e in events[:-1]]
    if any("error" in c for c in chunks):
        return False, text[-300:]
    answer = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    return bool(answer.strip()), ""


async def client(
    n: int, port: int, key_name: str, secret: str, questions: list[str], deadline: float,
    timeout: float, samples: list[Sample],
) -> None:  # fmt: skip
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    i = 0
    while time.perf_counter() < deadline:
        i += 1
        stream = (n + i) % 2 == 0
        question = f"{questions[(n + i) % len(questions)]} (client {n}, request {i})"
        message = {"role": "user", "content": question}
        body = json.dumps({"model": APP, "stream": stream, "messages": [message]}).encode()
        request = (
            f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Authorization: Bearer {secret}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        t0 = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.open_connection("127.0.0.1", port)
            conn[1].write(request)
            status, payload = await asyncio.wait_for(read_response(conn[0]), timeout)
            ok, detail = judge(status, payload, stream)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
            status, ok, detail = 0, False, repr(exc)
            if conn is not None:
                conn[1].close()
            conn = None
        samples.append(Sample(key_name, stream, status, ok, time.perf_counter() - t0, detail))
        if status in (402, 429):  # a well-behaved client waits before it tries again
            await asyncio.sleep(REFUSED_PAUSE_S)
    if conn is not None:
        conn[1].close()


async def run_load(port: int, keys: dict[str, str], clients: int, seconds: float,
                   timeout: float) -> tuple[list[Sample], float]:  # fmt: skip
    questions = load_questions()
    random.Random(7).shuffle(questions)
    samples: list[Sample] = []
    start = time.perf_counter()
    deadline = start + seconds
    plan = ["limited" if n % 8 == 3 else "broke" if n % 8 == 7 else "free" for n in range(clients)]
    await asyncio.gather(
        *(client(n, port, plan[n], keys[plan[n]], questions, deadline, timeout, samples)
          for n in range(clients))
    )  # fmt: skip
    return samples, time.perf_counter() - start


def ms(xs: list[float], q: float) -> float | None:
    return round(percentile(xs, q) * 1e3, 1) if xs else None


def summary(samples: list[Sample], wall: float) -> dict[str, Any]:
    answers = [s for s in samples if s.ok and s.status == 200]
    refused = [s for s in samples if s.ok and s.status in (402, 429)]
    errors = [s for s in samples if not s.ok]

    def lat(xs: list[Sample]) -> dict[str, Any]:
        secs = [s.seconds for s in xs]
        return {
            "n": len(xs),
            "p50_ms": ms(secs, 50),
            "p95_ms": ms(secs, 95),
            "p99_ms": ms(secs, 99),
        }

    return {
        "requests": len(samples),
        "answers": len(answers),
        "rate_limited_429": sum(s.status == 429 for s in refused),
        "budget_402": sum(s.status == 402 for s in refused),
        "errors": len(errors),
        "errors_by_status": dict(Counter(str(s.status) for s in errors)),
        "error_samples": [s.detail for s in errors[:5]],
        "by_key_status": {
            f"{k}:{st}": c
            for (k, st), c in sorted(Counter((s.key, s.status) for s in samples).items())
        },
        "wall_s": round(wall, 1),
        "answers_per_s": round(len(answers) / wall, 3),
        "latency_answers": lat(answers),
        "latency_answers_whole": lat([s for s in answers if not s.stream]),
        "latency_answers_streamed": lat([s for s in answers if s.stream]),
        "latency_refusals": lat(refused),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--threads", type=int, default=1, help="llama.cpp threads (shared box: 1)")
    ap.add_argument("--max-tokens", type=int, default=48)
    ap.add_argument("--limited-rpm", type=int, default=10)
    ap.add_argument("--request-timeout", type=float, default=900.0)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()

    root = Path(tempfile.mkdtemp(prefix="p3-load-")) / "project"
    keys = prepare(root, args.threads, args.max_tokens, args.limited_rpm)
    port = free_port()
    log = root.parent / "serve.log"
    proc = start_server(root, port, log)
    try:
        samples, wall = asyncio.run(
            run_load(port, keys, args.clients, args.seconds, args.request_timeout)
        )
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
        with contextlib.suppress(Exception):
            subprocess.run(
                [cli(), "db", "stop", "--force", "-p", str(root)],
                check=False,
                capture_output=True,
                timeout=60,
            )
    result = result_header("p3_load") | {
        "setup": {
            "clients": args.clients,
            "seconds": args.seconds,
            "app": APP,
            "model": "local-small (SmolLM2-135M-Instruct Q4_1, llama.cpp, n_parallel 1)",
            "llama_threads": args.threads,
            "max_tokens": args.max_tokens,
            "guardrail": "company-default (the example's, grounding included)",
            "retrieval": "handbook, MiniLM-L6 int8",
            "workers": 1,
            "keys": {
                "free": "no limits",
                "limited": f"{args.limited_rpm} rpm (1 client in 8)",
                "broke": "tenant budget $0.000001/day (1 client in 8)",
            },
            "streamed": "every other request",
        },
        "summary": summary(samples, wall),
        "server_log_tail": log.read_text("utf-8", "replace")[-1500:],
    }
    s = result["summary"]
    rows = [["", "n", "p50 ms", "p95 ms", "p99 ms"]]
    for name in ("answers", "answers_whole", "answers_streamed", "refusals"):
        lt = s[f"latency_{name}"]
        rows.append([name, str(lt["n"]), str(lt["p50_ms"]), str(lt["p95_ms"]), str(lt["p99_ms"])])
    print(table(rows))
    print(
        f"\n{s['requests']} requests in {s['wall_s']} s from {args.clients} clients: "
        f"{s['answers']} answers ({s['answers_per_s']}/s), {s['rate_limited_429']} x 429, "
        f"{s['budget_402']} x 402, {s['errors']} errors {s['errors_by_status']}"
    )
    write_result(args.out, result)
    if os.environ.get("P3_LOAD_STRICT") and s["errors"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
