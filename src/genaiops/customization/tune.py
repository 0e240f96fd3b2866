"""``genaiops tune create``: data in, a served and costed adapter out.

:func:`create_tune` resolves the base (a ``llamacpp`` model of the catalog: its GGUF is
the file trained on), reads or builds the examples, splits them, trains
(:mod:`genaiops.customization.train`), writes ``tune.json``, records the training's cost
in the ledger and, when asked, registers the tuned model in the project file as a
variant of the base: the base's entry plus ``adapter: tunes/NAME/adapter.gguf``.

The cost is the wall time of the whole run (loading the base, training, evaluations,
checkpoints, writing the adapter) x the hourly price of the instance it ran on: the
base model's ``price.instance_per_hour`` (the catalog's price of this CPU instance), or
an explicit one. It is a ledger row with purpose ``customization`` and the tuned model's
name, which the TCO projection reads (:func:`genaiops.costs.measure.candidate_inputs`).
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from genaiops.config import LlamaCppModelConfig, ProjectConfig
from genaiops.costs.ledger import Attribution, MeterEntry
from genaiops.costs.pricing import CostBreakdown
from genaiops.customization.data import (
    ChatExample,
    LoadReport,
    examples_from_items,
    split_examples,
    write_examples,
)
from genaiops.customization.settings import TuneSettings, tune_dir
from genaiops.errors import ConfigError, InputError, NotFoundError
from genaiops.models.files import resolve_model_path

if TYPE_CHECKING:
    from genaiops.costs.ledger import Ledger
    from genaiops.runtime import Runtime

__all__ = [
    "TuneOutcome",
    "base_model_config",
    "create_tune",
    "customization_entry",
    "examples_from_kb",
    "register_model",
]


def base_model_config(project: ProjectConfig, name: str) -> LlamaCppModelConfig:
    """The base's catalog entry; it must be a local llama.cpp chat model."""
    models = project.all_models()
    if name not in models:
        local = sorted(n for n, m in models.items() if isinstance(m, LlamaCppModelConfig))
        raise NotFoundError(
            f"unknown base model {name!r}; fine-tuning takes a local llamacpp model of the "
            f"catalog: {', '.join(local) or '(none)'}"
        )
    cfg = models[name]
    if not isinstance(cfg, LlamaCppModelConfig):
        raise ConfigError(
            f"model {name!r} is a {cfg.provider} model; fine-tuning needs a local GGUF model "
            "(provider: llamacpp)"
        )
    if cfg.adapter:
        raise ConfigError(f"model {name!r} already has an adapter; tune its base model instead")
    if cfg.mode != "chat":
        raise ConfigError(f"model {name!r} is a completion model; tune a chat model")
    return cfg


def examples_from_kb(runtime: Runtime, kb: str, items: Sequence[Any], context_k: int = 1,
                     app: str | None = None) -> list[ChatExample]:  # fmt: skip
    """Grounded and closed-book examples from generated items, in ``app``'s prompt
    format (its system prompt and template; the context numbered as the app numbers it),
    the context retrieved from ``kb`` for each question (top ``context_k`` chunks)."""
    compiled = runtime.app(app)
    prompt_cfg = compiled.config.prompt
    base = runtime.knowledge_base(kb)

    def prompt(question: str, sources: list[str] | None) -> list[tuple[str, str]]:
        numbered = "\n\n".join(f"[{i}] {s}" for i, s in enumerate(sources or [], 1))
        user = prompt_cfg.template.format(
            sources=numbered or "(no sources found)", question=question
        )
        return [("system", prompt_cfg.system), ("user", user)]

    def retrieve(question: str) -> list[str]:
        return [h.text for h in base.retrieve(question, context_k)]

    return examples_from_items(items, prompt, retrieve)


@dataclass
class TuneOutcome:
    name: str
    folder: Path
    manifest: dict[str, Any]
    skipped: list[tuple[int, str]] = field(default_factory=list)


def customization_entry(
    tuned_model: str, tune: str, wall_s: float, instance_per_hour: float, tokens: int
) -> MeterEntry:
    """The ledger row of a fine-tuning run: wall time x the instance's hourly price."""
    usd = wall_s / 3600.0 * instance_per_hour
    return MeterEntry(
        attribution=Attribution(uuid.uuid4().hex, tags={"tune": tune}),
        model=tuned_model,
        provider="torch",
        purpose="customization",
        status="ok",
        prompt_tokens=tokens,
        completion_tokens=0,
        tokens_estimated=False,
        cost=CostBreakdown(0.0, 0.0, usd),
        latency_ms=wall_s * 1000.0,
        ttft_ms=0.0,
    )


def create_tune(
    project: ProjectConfig,
    base_dir: Path,
    name: str,
    data: LoadReport,
    settings: TuneSettings,
    *,
    ledger: Ledger | None = None,
    model_name: str | None = None,
    instance_per_hour: float | None = None,
    resume: bool = False,
    on_step: Any = None,
) -> TuneOutcome:
    """Train, write the adapter and manifest, record the cost; see the module doc."""
    from genaiops.customization.train import checkpoints, load_base, require_torch, train

    require_torch()
    cfg = base_model_config(project, settings.base_model)
    folder = tune_dir(base_dir, name)
    tuned_model = model_name or name
    if resume:
        previous = folder / "tune.json"
        if not checkpoints(folder):
            raise InputError(f"nothing to resume: {folder} has no checkpoint; drop --resume")
        if previous.exists():
            old = TuneSettings.model_validate(json.loads(previous.read_text())["settings"])
            changed = settings.same_run(old)
            if changed:
                raise InputError(
                    f"--resume with other settings ({', '.join(changed)}) than the checkpoints "
                    "were made with; resume with the same ones, or start afresh without --resume"
                )
    elif folder.exists() and (folder / "tune.json").exists():
        raise InputError(f"tune {name!r} exists ({folder}); pick another name or pass --resume")
    price = cfg.price.instance_per_hour if instance_per_hour is None else instance_per_hour
    train_set, held = split_examples(data.examples, settings.held_out, settings.seed)
    folder.mkdir(parents=True, exist_ok=True)
    write_examples(folder / "data.jsonl", [*train_set, *held])
    (folder / "split.json").write_text(
        json.dumps({"train": len(train_set), "held_out": len(held)}), encoding="utf-8"
    )
    manifest: dict[str, Any] = {
        "name": name,
        "model": tuned_model,
        "base_model": settings.base_model,
        "base_path": cfg.path,
        "status": "training",
        "settings": settings.model_dump(mode="json"),
        "examples": {
            "train": len(train_set),
            "held_out": len(held),
            "skipped_lines": len(data.skipped),
            "kinds": _kinds([*train_set, *held]),
        },
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    _write_manifest(folder, manifest)
    t0 = time.perf_counter()
    base = load_base(resolve_model_path(cfg.path, base_dir), settings.threads)
    result = train(base, train_set, held, settings, folder, resume=resume, on_step=on_step,
                   adapter_name=f"{tuned_model} (LoRA of {settings.base_model})")  # fmt: skip
    # with a resume, the steps before it ran (and were paid) in the earlier process
    wall = time.perf_counter() - t0 + result.wall_before_s
    usd = wall / 3600.0 * price
    last = result.log[-1] if result.log else {}
    manifest.update(
        {
            "status": "done",
            "adapter": str((folder / "adapter.gguf").relative_to(base_dir)),
            "steps": result.steps,
            "resumed_from": result.resumed_from,
            "train_tokens": result.train_tokens,
            "train_loss": last.get("train_loss"),
            "held_out_loss": last.get("held_out_loss"),
            "first_held_out_loss": result.log[0].get("held_out_loss") if result.log else None,
            "wall_s": round(wall, 2),
            "train_s": round(result.wall_s, 2),
            "instance_per_hour": price,
            "cost_usd": usd,
        }
    )
    _write_manifest(folder, manifest)
    if ledger is not None:
        ledger.record([customization_entry(tuned_model, name, wall, price, result.train_tokens)])
    return TuneOutcome(name, folder, manifest, data.skipped)


def _kinds(examples: Sequence[ChatExample]) -> dict[str, int]:
    out: dict[str, int] = {}
    for e in examples:
        out[e.kind] = out.get(e.kind, 0) + 1
    return out


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    (folder / "tune.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def register_model(project_file: Path, model: str, base: LlamaCppModelConfig, adapter: str,
                   base_name: str) -> None:  # fmt: skip
    """Add (or replace) ``models.MODEL`` in the project file: the base's entry with the
    adapter. Comments elsewhere in the file are kept (ruamel round trip)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    data = yaml.load(project_file.read_text(encoding="utf-8"))
    models = data.get("models")
    if models is None:
        data["models"] = models = {}
    entry = base.model_dump(mode="json", exclude_defaults=True)
    entry.update(
        {
            "provider": "llamacpp",
            "path": base.path,
            "adapter": adapter,
            "description": f"{base_name} with the LoRA adapter {adapter}",
        }
    )
    models[model] = entry
    with project_file.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
