"""`genaiops models bench`: prompt and generation speed, latency and cost of one model."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

from genaiops.config import Price
from genaiops.costs.pricing import cost_of
from genaiops.models.base import ChatOptions, ChatResult, Message, ModelProvider
from genaiops.stats import percentile

__all__ = ["BENCH_PROMPT", "BenchReport", "bench_model"]

BENCH_PROMPT = (
    "Fenwick Cycles sells electric bikes. The Trailhawk 2 costs $2,899 and has a 720 Wh "
    "battery with a range of 105 km. The Cityline costs $2,149, has a 540 Wh battery and a "
    "range of 120 km. The Packmule cargo bike costs $3,549 and carries two batteries. "
) * 3 + "Write a short product comparison of these bikes for a customer newsletter."


@dataclass(frozen=True)
class BenchReport:
    model: str
    runs: int
    prompt_tokens: int
    completion_tokens: float  # mean per run
    prompt_tok_s: float  # median of prompt_tokens / time to first token
    generate_tok_s: float  # median of completion tokens / (latency - ttft)
    ttft_ms_p50: float
    latency_ms_p50: float
    latency_ms_p95: float
    cost_per_call_usd: float
    cost_per_1k_calls_usd: float


def bench_model(
    provider: ModelProvider,
    price: Price,
    runs: int = 3,
    max_tokens: int = 64,
    prompt: str = BENCH_PROMPT,
    on_run: Callable[[int, ChatResult], None] | None = None,
) -> BenchReport:
    """Warm up once, then time ``runs`` calls. Each run varies the prompt's first
    character so the prompt cache cannot serve it."""
    provider.warm_up()
    opts = ChatOptions(max_tokens=max_tokens, temperature=0.0)
    provider.chat([Message(role="user", content="Hello")], ChatOptions(max_tokens=4))
    results: list[ChatResult] = []
    for i in range(runs):
        msgs = [Message(role="user", content=f"Run {i}. {prompt}")]
        res = provider.chat(msgs, opts)
        results.append(res)
        if on_run is not None:
            on_run(i, res)
    lat = [r.latency_s * 1e3 for r in results]
    costs = [
        cost_of(price, r.usage.prompt_tokens, r.usage.completion_tokens, r.latency_s).total_usd
        for r in results
    ]
    return BenchReport(
        model=provider.name,
        runs=runs,
        prompt_tokens=results[0].usage.prompt_tokens,
        completion_tokens=statistics.mean(r.usage.completion_tokens for r in results),
        prompt_tok_s=statistics.median(
            r.usage.prompt_tokens / r.ttft_s for r in results if r.ttft_s > 0
        ),
        generate_tok_s=statistics.median(r.generate_tokens_per_s for r in results),
        ttft_ms_p50=statistics.median(r.ttft_s * 1e3 for r in results),
        latency_ms_p50=percentile(lat, 50),
        latency_ms_p95=percentile(lat, 95),
        cost_per_call_usd=statistics.mean(costs),
        cost_per_1k_calls_usd=statistics.mean(costs) * 1000,
    )
