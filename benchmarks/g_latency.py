"""G: guardrail latency per check and per text length, the example's whole policy.

    .venv/bin/python benchmarks/g_latency.py [--policy company-default] [--n 40] [--cpu 0]
        [--encoder quantized|exact] [--out FILE]

The example project's policy (``examples/fenwick/genaiops.yaml``) is compiled into a
:class:`~genaiops.guardrails.engine.GuardrailEngine` with the real MiniLM embedder (one
onnxruntime thread) and warmed up; the process is pinned to one core
(``os.sched_setaffinity``). Each text is then checked once per direction with
``engine.apply`` (input: the user's question or a pasted document; document: a retrieved
chunk; output: an answer, grounded against a 2,000-character source) and the engine's own
per-check timings are collected.

Texts: short questions (the example's ``questions.yaml``) and business text of about 500,
1,500 and 3,000 characters cut from the example's Markdown documents at word boundaries.
Before each text the embedding cache is emptied but for the vectors of warm-up, so no
text is answered from an earlier one: the figures are "warm" (artifacts loaded, fixed
texts embedded) and every text new. Within one check call the checks share the text's
vectors, as they do at run time. Targets (issue 12): the whole policy on a
3,000-character document <= 50 ms p95, a short question <= 10 ms p95.

Writes ``benchmarks/results/g_latency.json``. The machine may be shared: the load average
at the end is in the JSON; compare runs made under similar load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from typing import Any

from bench_common import EXAMPLE, RESULTS, example_project_data, result_header, table
from genaiops.config_guardrails import GuardrailPolicyConfig
from genaiops.guardrails.base import Direction
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.knowledge.embedders import CachingEmbedder, MiniLMEmbedder

LENGTHS = (500, 1500, 3000)
DIRECTIONS: tuple[Direction, ...] = ("input", "document", "output")
TARGETS_MS = {"short": 10.0, "3000": 50.0}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def business_texts(length: int, n: int) -> list[str]:
    """``n`` distinct slices of about ``length`` characters of the example's documents."""
    corpus = " ".join(
        " ".join(p.read_text("utf-8").split()) for p in sorted((EXAMPLE / "docs").glob("*.md"))
    )
    words = corpus.split()
    out: list[str] = []
    start = 0
    step = max(1, len(words) // max(1, n))
    while len(out) < n:
        chunk: list[str] = []
        size = 0
        i = start % len(words)
        while size < length:
            chunk.append(words[i % len(words)])
            size += len(chunk[-1]) + 1
            i += 1
        out.append(f"{' '.join(chunk)} ({len(out)})")
        start += step
    return out


def short_questions(n: int) -> list[str]:
    import yaml

    questions = [q["question"] for q in yaml.safe_load((EXAMPLE / "questions.yaml").read_text())]
    return [f"{questions[i % len(questions)]} ({i})" for i in range(n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", default="company-default")
    parser.add_argument("--n", type=int, default=40, help="texts per length and direction")
    parser.add_argument("--cpu", type=int, default=None, help="the core to pin to")
    parser.add_argument("--out", type=Path, default=RESULTS / "g_latency.json")
    parser.add_argument(
        "--encoder",
        choices=["quantized", "exact"],
        default=None,
        help="override the policy's long_text_encoder (A/B of the long-text encoder)",
    )
    args = parser.parse_args()

    cpus = sorted(os.sched_getaffinity(0))
    cpu = args.cpu if args.cpu is not None else cpus[-1]
    os.sched_setaffinity(0, {cpu})
    data = example_project_data()
    policy = GuardrailPolicyConfig.model_validate(data["guardrails"][args.policy])
    if args.encoder is not None:
        policy = policy.model_copy(update={"long_text_encoder": args.encoder})
    engine = GuardrailEngine(args.policy, policy, embedder=MiniLMEmbedder(threads=1))
    t0 = time.perf_counter()
    engine.warm_up()
    warm_s = time.perf_counter() - t0
    source = business_texts(2000, 1)[0]
    # the runtime's cache and the long-text encoder's own (policy long_text_encoder)
    caches = [engine.services.embedder, engine.services.long_text_embedder()]
    caches = [c for i, c in enumerate(caches) if c not in caches[:i]]
    assert all(isinstance(c, CachingEmbedder) for c in caches)
    # the fixed texts the checks embedded at warm-up
    warm_keys = [set(c._cache) for c in caches]  # type: ignore[union-attr]

    def forget() -> None:
        """Drop every vector but the warm-up's: no text is answered from the cache of an
        earlier text (the example's documents repeat sentences across slices)."""
        for cache, keep in zip(caches, warm_keys, strict=True):
            assert isinstance(cache, CachingEmbedder)
            with cache._lock:
                for key in [k for k in cache._cache if k not in keep]:
                    del cache._cache[key]

    sets = {"short": short_questions(args.n)}
    sets |= {str(n): business_texts(n, args.n) for n in LENGTHS}
    # one untimed pass over other texts first: lazy imports and first-call allocations
    for text in business_texts(700, 5):
        for direction in DIRECTIONS:
            engine.apply(f"{text} warm", direction, sources=[source])

    timings: dict[str, dict[str, dict[str, list[float]]]] = {}
    for name, texts in sets.items():
        for direction in DIRECTIONS:
            per: dict[str, list[float]] = {}
            for i, text in enumerate(texts):
                sources = [source] if direction == "output" else []
                forget()
                outcome = engine.apply(f"{text} {direction}{i}", direction, sources=sources)
                for check, ms in outcome.latency_ms.items():
                    per.setdefault(check, []).append(ms)
            timings.setdefault(name, {})[direction] = per

    checks = [c.type for c in engine.checks] + ["total"]
    rows = [["text", "direction", *checks]]
    summary: dict[str, Any] = {}
    for name, by_dir in timings.items():
        for where, per in by_dir.items():
            cells = []
            entry: dict[str, Any] = {}
            for check in checks:
                values = per.get(check)
                if not values:
                    cells.append("-")
                    continue
                p50, p95 = pct(values, 0.5), pct(values, 0.95)
                entry[check] = {
                    "p50_ms": round(p50, 2),
                    "p95_ms": round(p95, 2),
                    "mean_ms": round(statistics.fmean(values), 2),
                    "n": len(values),
                }
                cells.append(f"{p50:.1f}/{p95:.1f}")
            summary.setdefault(name, {})[where] = entry
            label = "short question" if name == "short" else f"{name} chars"
            rows.append([label, where, *cells])
    print(
        f"guardrail latency, policy {args.policy}, one core (cpu {cpu}), ms p50/p95, "
        f"n={args.n} per cell; warm-up {warm_s:.1f} s"
    )
    print(table(rows, right_from=2))
    verdict = {}
    for name, target in TARGETS_MS.items():
        p95 = summary[name]["input"]["total"]["p95_ms"]
        verdict[name] = {"input_total_p95_ms": p95, "target_ms": target, "pass": p95 <= target}
        print(f"target {name}: input total p95 {p95:.1f} ms (target <= {target:.0f} ms)")
    result = result_header("G: guardrail latency per check and text length (one core)")
    result.update(
        {
            "policy": args.policy,
            "project": "examples/fenwick/genaiops.yaml",
            "embedder": "minilm-l6-int8, onnxruntime 1 thread",
            "pinned_cpu": cpu,
            "n_per_cell": args.n,
            "warm_up_s": round(warm_s, 2),
            "long_text_encoder": policy.long_text_encoder,
            "lengths_chars": ["short question", *LENGTHS],
            "latency_ms": summary,
            "targets": verdict,
        }
    )
    from bench_common import write_result

    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
