"""A fine-tuning run's settings and its folder: torch-free, so the CLI can validate input,
list and show tunes without the ``finetune`` extra.

A tune lives in ``tunes/NAME/`` beside the project file::

    tunes/NAME/
      tune.json          the manifest: settings, data counts, losses, wall time, cost
      data.jsonl         the examples trained on (train and held-out, marked)
      log.jsonl          one line per evaluation interval: step, train and held-out loss
      checkpoints/       step-000010.pt ...: adapter, optimizer, scheduler, RNG (resume)
      adapter.gguf       the LoRA adapter llama.cpp applies on the base model
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from genaiops.errors import InputError, NotFoundError

__all__ = [
    "DEFAULT_TARGETS",
    "TUNES_DIR",
    "TuneSettings",
    "list_tunes",
    "read_manifest",
    "tune_dir",
]

TUNES_DIR = "tunes"
DEFAULT_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
_TARGETS = set(DEFAULT_TARGETS)


class TuneSettings(BaseModel):
    """What a LoRA run does. The defaults follow this project's feasibility probes on
    SmolLM2-135M: a learning rate of 1e-3 overfit and broke grounded answering; 3e-4 with
    grounded examples mixed in held up."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_model: str = Field("smollm2-135m", description="a llamacpp model of the catalog")
    rank: int = Field(8, ge=1, le=256)
    alpha: float = Field(16.0, gt=0)
    dropout: float = Field(0.05, ge=0.0, lt=1.0)
    targets: tuple[str, ...] = DEFAULT_TARGETS
    learning_rate: float = Field(3e-4, gt=0.0, le=1e-2)
    steps: int = Field(30, ge=1, le=100_000)
    batch_size: int = Field(4, ge=1, le=512)
    max_length: int = Field(384, ge=32, le=8192, description="tokens per example (prompt cut)")
    eval_every: int = Field(10, ge=1)
    save_every: int = Field(10, ge=1)
    held_out: float = Field(0.2, ge=0.0, lt=1.0)
    seed: int = 0
    threads: int = Field(1, ge=1, le=256, description="torch CPU threads")

    @field_validator("targets")
    @classmethod
    def _targets(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        bad = [t for t in v if t not in _TARGETS]
        if bad or not v:
            raise ValueError(
                f"{', '.join(bad) or '(none)'}: LoRA targets must be among "
                f"{', '.join(DEFAULT_TARGETS)} (what llama.cpp adapters address)"
            )
        return v

    def same_run(self, other: TuneSettings) -> list[str]:
        """The settings that differ from ``other``'s, besides ``steps`` (which a resume
        may raise) and ``threads``."""
        a = self.model_dump(exclude={"steps", "threads"})
        b = other.model_dump(exclude={"steps", "threads"})
        return sorted(k for k in a if a[k] != b[k])


def tune_dir(base_dir: Path, name: str) -> Path:
    if not name or any(c in name for c in "/\\") or name.startswith("."):
        raise InputError(f"tune name {name!r}: use letters, digits, '-' or '_' (no slashes)")
    return base_dir / TUNES_DIR / name


def read_manifest(base_dir: Path, name: str) -> dict[str, Any]:
    path = tune_dir(base_dir, name) / "tune.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        known = ", ".join(t["name"] for t in list_tunes(base_dir)) or "(none)"
        raise NotFoundError(f"no tune {name!r} (no {path}); tunes: {known}") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path} is not readable JSON: {exc}; run the tune again") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path} is not a tune manifest; run the tune again")
    return data


def list_tunes(base_dir: Path) -> list[dict[str, Any]]:
    root = base_dir / TUNES_DIR
    out = []
    for manifest in sorted(root.glob("*/tune.json")) if root.is_dir() else []:
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {"name": manifest.parent.name, "status": "unreadable manifest"}
        if isinstance(data, dict):
            out.append(data)
    return out
