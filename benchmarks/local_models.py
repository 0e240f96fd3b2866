"""The local models side by side: prompt and generate tokens/s, latency and cost.

What it measures
    Every local (llama.cpp) model of the built-in catalog that is installed or pulled:
    SmolLM2-135M, Gemma-3-270M (completion mode), Qwen2.5-Coder-0.5B and -1.5B. All are
    loaded in one process at the same thread count (default 1, the figure the catalog
    quotes) and measured with :func:`genaiops.models.bench.bench_model`, the code of
    ``genaiops models bench``: one warm-up call, then timed calls of the ~300-token
    product-comparison prompt with greedy sampling and ``--max-tokens`` tokens.

    The machine is shared and its load drifts over minutes, so the models are
    interleaved: each round benches every model once, in a shuffled order (seeded), and
    each round's prompt starts with its own number so no prompt cache can serve it. The
    figures are medians over rounds of each round's

        prompt tok/s   = prompt tokens / time to first token
        generate tok/s = completion tokens / (latency - time to first token)

    llama.cpp's own timings (``prompt_per_second``, ``predicted_per_second``) are kept
    as a cross-check that excludes the Python side. Cost per call is the catalog price
    (a $0.0832/hour 2-vCPU instance, concurrency 1) applied to each call's wall time.

How to run
    genaiops models pull qwen2.5-coder-0.5b   # and the others; not pulled ones are skipped
    python benchmarks/local_models.py                  # 1 thread, 5 rounds
    python benchmarks/local_models.py --threads 1 --rounds 5 --max-tokens 64 \\
        --out benchmarks/results/local_models.json
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench_common import RESULTS, result_header, table, write_result
from genaiops.config import LlamaCppModelConfig
from genaiops.errors import GenAIOpsError
from genaiops.models.bench import BENCH_PROMPT, BenchReport, bench_model
from genaiops.models.catalog import ASSEMBLED_MODELS, builtin_models
from genaiops.models.files import resolve_model_path
from genaiops.models.llamacpp import LlamaCppProvider

SEED = 7


def local_models(threads: int) -> tuple[dict[str, LlamaCppModelConfig], dict[str, str]]:
    """The catalog's local models at ``threads`` threads, and why the others are skipped."""
    found: dict[str, LlamaCppModelConfig] = {}
    skipped: dict[str, str] = {}
    for name, cfg in builtin_models().items():
        if not isinstance(cfg, LlamaCppModelConfig):
            continue
        try:
            resolve_model_path(cfg.path)
        except GenAIOpsError as exc:
            skipped[name] = str(exc)
            continue
        found[name] = cfg.model_copy(update={"n_threads": threads})
    return found, skipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--out", type=Path, default=RESULTS / "local_models.json")
    args = parser.parse_args()

    configs, skipped = local_models(args.threads)
    for name, why in skipped.items():
        print(f"skipped {name}: {why}", file=sys.stderr)
    if not configs:
        sys.exit("no local model is installed or pulled")
    load_start = list(os.getloadavg())
    providers: dict[str, LlamaCppProvider] = {}
    load_s: dict[str, float] = {}
    for name, cfg in configs.items():
        provider = LlamaCppProvider(name, cfg)
        t0 = time.perf_counter()
        provider.warm_up()
        load_s[name] = time.perf_counter() - t0
        providers[name] = provider
        print(f"loaded {name} in {load_s[name]:.1f} s", file=sys.stderr)

    rng = random.Random(SEED)
    reports: dict[str, list[BenchReport]] = {n: [] for n in providers}
    server: dict[str, list[dict[str, float]]] = {n: [] for n in providers}
    orders: list[list[str]] = []
    for r in range(args.rounds):
        order = list(providers)
        rng.shuffle(order)
        orders.append(order)
        for name in order:

            def keep(_: int, res: Any, name: str = name) -> None:
                timings = res.extra.get("timings") or {}
                server[name].append(
                    {
                        "prompt_per_second": float(timings.get("prompt_per_second", 0.0)),
                        "predicted_per_second": float(timings.get("predicted_per_second", 0.0)),
                    }
                )

            report = bench_model(
                providers[name],
                configs[name].price,
                runs=1,
                max_tokens=args.max_tokens,
                prompt=f"Round {r}. {BENCH_PROMPT}",
                on_run=keep,
            )
            reports[name].append(report)
            print(
                f"round {r + 1}/{args.rounds} {name}: prompt {report.prompt_tok_s:.1f} tok/s, "
                f"generate {report.generate_tok_s:.1f} tok/s",
                file=sys.stderr,
            )
    for provider in providers.values():
        provider.close()

    models: dict[str, dict[str, Any]] = {}
    for name, rs in reports.items():
        cfg = configs[name]
        recipe = ASSEMBLED_MODELS.get(cfg.path.removeprefix("assembled:"))
        models[name] = {
            "path": cfg.path,
            "mode": cfg.mode,
            "file_bytes": recipe.size if recipe else None,
            "sha256": recipe.sha256 if recipe else None,
            "load_s": round(load_s[name], 2),
            "prompt_tokens": rs[0].prompt_tokens,
            "completion_tokens_mean": statistics.mean(x.completion_tokens for x in rs),
            "prompt_tok_s_median": statistics.median(x.prompt_tok_s for x in rs),
            "generate_tok_s_median": statistics.median(x.generate_tok_s for x in rs),
            "ttft_ms_median": statistics.median(x.ttft_ms_p50 for x in rs),
            "latency_ms_median": statistics.median(x.latency_ms_p50 for x in rs),
            "cost_per_call_usd_median": statistics.median(x.cost_per_call_usd for x in rs),
            "server_prompt_tok_s_median": statistics.median(
                t["prompt_per_second"] for t in server[name]
            ),
            "server_generate_tok_s_median": statistics.median(
                t["predicted_per_second"] for t in server[name]
            ),
            "rounds": [
                {"prompt_tok_s": x.prompt_tok_s, "generate_tok_s": x.generate_tok_s} for x in rs
            ],
        }
    rows = [["model", "prompt tok/s", "generate tok/s", "ttft", "latency", "$/1k calls"]]
    for name, m in models.items():
        rows.append(
            [
                name,
                f"{m['prompt_tok_s_median']:.1f}",
                f"{m['generate_tok_s_median']:.1f}",
                f"{m['ttft_ms_median'] / 1000:.2f} s",
                f"{m['latency_ms_median'] / 1000:.2f} s",
                f"{m['cost_per_call_usd_median'] * 1000:.4f}",
            ]
        )
    print(table(rows))
    result = result_header("local_models")
    result.update(
        {
            "threads": args.threads,
            "rounds": args.rounds,
            "max_tokens": args.max_tokens,
            "load_average_at_start": load_start,
            "orders": orders,
            "skipped": skipped,
            "models": models,
        }
    )
    write_result(args.out, result)


if __name__ == "__main__":
    main()
