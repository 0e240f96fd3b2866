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
    "check_model_name",
    "create_tune",
    "customization_entry",
    "examples_from_kb",
    "register_model",
    "run_cost",
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
        # no caller: the default tenant's public documents only (the tuned model is
        # callable by every key, so it must learn nothing a caller could not read)
        return [h.text for h in base.retrieve(question, context_k, caller=None)]

    return examples_from_items(items, prompt, retrieve)


@dataclass
class TuneOutcome:
    name: str
    folder: Path
    manifest: dict[str, Any]
    skipped: list[tuple[int, str]] = field(default_factory=list)


def customization_entry(
    tuned_model: str,
    tune: str,
    wall_s: float,
    instance_per_hour: float,
    tokens: int,
    run_id: str | None = None,
) -> MeterEntry:
    """The ledger row of a fine-tuning run: wall time x the instance's hourly price,
    tagged with the tune and its run (a fresh start; its resumes keep the run), so that
    :func:`~genaiops.costs.measure.fine_tuning_usd` charges a model its latest tune only."""
    usd = wall_s / 3600.0 * instance_per_hour
    tags = {"tune": tune}
    if run_id:
        tags["tune_run"] = run_id
    return MeterEntry(
        attribution=Attribution(uuid.uuid4().hex, tags=tags),
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


#: the manifest's running totals a resume carries forward
_BILLED = ("wall_s", "cost_usd", "billed_train_s", "billed_train_tokens")


def run_cost(
    billed: dict[str, Any], this_wall_s: float, wall_before_s: float, train_s: float,
    price: float,
) -> dict[str, float]:  # fmt: skip
    """What this process adds to the ledger, and the tune's totals.

    ``billed`` holds the totals of earlier runs that recorded a ledger row (``wall_s``,
    ``cost_usd`` and ``billed_train_s``, the checkpointed training seconds they covered);
    ``wall_before_s`` is the training time before this resume (from the checkpoint).
    Earlier training is charged now only for the part no row recorded (a run that failed
    after a checkpoint), so a resume of a finished tune never counts its first part twice."""
    unbilled = max(0.0, wall_before_s - float(billed.get("billed_train_s", 0.0)))
    run_wall = this_wall_s + unbilled
    run_usd = run_wall / 3600.0 * price
    return {
        "run_wall_s": run_wall,
        "run_cost_usd": run_usd,
        "wall_s": float(billed.get("wall_s", 0.0)) + run_wall,
        "cost_usd": float(billed.get("cost_usd", 0.0)) + run_usd,
        "billed_train_s": train_s,
    }


def _read_previous(folder: Path) -> dict[str, Any] | None:
    path = folder / "tune.json"
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: cannot read the tune's manifest ({exc}); remove the folder "
            f"(rm -r {folder}) to start afresh"
        ) from exc
    return data if isinstance(data, dict) else None


def _checkpoint_step(path: Path) -> int:
    return int(path.stem.removeprefix("step-"))


def _check_start(folder: Path, name: str, settings: TuneSettings, resume: bool,
                 previous: dict[str, Any] | None) -> None:  # fmt: skip
    """Refuse a start that would overwrite a finished tune, resume nothing, or resume
    with other settings or fewer steps than are done; a fresh start over a run that
    failed before its first checkpoint is allowed."""
    from genaiops.customization.train import checkpoints

    saved = checkpoints(folder)
    status = (previous or {}).get("status")
    if resume:
        if not saved:
            raise InputError(
                f"nothing to resume: {folder} has no checkpoint; drop --resume to start afresh"
            )
        if previous is not None and "settings" in previous:
            old = TuneSettings.model_validate(previous["settings"])
            changed = settings.same_run(old)
            if changed:
                raise InputError(
                    f"--resume with other settings ({', '.join(changed)}) than the checkpoints "
                    "were made with; resume with the same ones, or start afresh without "
                    f"--resume after rm -r {folder}"
                )
        last = _checkpoint_step(saved[-1])
        if settings.steps < last or (settings.steps == last and status == "done"):
            raise InputError(
                f"--resume with --steps {settings.steps}: tune {name!r} is already trained "
                f"to step {last}; pass --steps above {last} to train further"
            )
        return
    if previous is None:
        return
    if status == "done":
        raise InputError(
            f"tune {name!r} exists ({folder}); pick another name, pass --resume with more "
            f"--steps to train it further, or rm -r {folder} to start afresh"
        )
    if saved:
        raise InputError(
            f"tune {name!r} has checkpoints of a run that did not finish (status {status}); "
            f"pass --resume to go on from step {_checkpoint_step(saved[-1])}, or rm -r "
            f"{folder} to start afresh"
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
    from genaiops.customization.train import load_base, require_torch, train

    require_torch()
    cfg = base_model_config(project, settings.base_model)
    folder = tune_dir(base_dir, name)
    tuned_model = model_name or name
    previous = _read_previous(folder)
    _check_start(folder, name, settings, resume, previous)
    billed = {k: previous[k] for k in _BILLED if k in previous} if resume and previous else {}
    run_id = str((previous or {}).get("run_id") or "") if resume else ""
    run_id = run_id or uuid.uuid4().hex[:12]
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
        "run_id": run_id,
        "status": "training",
        "settings": settings.model_dump(mode="json"),
        "examples": {
            "train": len(train_set),
            "held_out": len(held),
            "skipped_lines": len(data.skipped),
            "kinds": _kinds([*train_set, *held]),
        },
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **billed,
    }
    _write_manifest(folder, manifest)
    t0 = time.perf_counter()
    try:
        base = load_base(resolve_model_path(cfg.path, base_dir), settings.threads)
        result = train(base, train_set, held, settings, folder, resume=resume, on_step=on_step,
                       adapter_name=f"{tuned_model} (LoRA of {settings.base_model})")  # fmt: skip
    except BaseException as exc:
        manifest.update({"status": "failed", "error": f"{type(exc).__name__}: {exc}"[:500]})
        _write_manifest(folder, manifest)
        raise
    cost = run_cost(billed, time.perf_counter() - t0, result.wall_before_s, result.wall_s, price)
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
            "wall_s": round(cost["wall_s"], 2),
            "run_wall_s": round(cost["run_wall_s"], 2),
            "train_s": round(result.wall_s, 2),
            "billed_train_s": cost["billed_train_s"],
            "billed_train_tokens": result.train_tokens,
            "instance_per_hour": price,
            "cost_usd": cost["cost_usd"],
            "run_cost_usd": cost["run_cost_usd"],
        }
    )
    manifest.pop("error", None)
    _write_manifest(folder, manifest)
    if ledger is not None:  # the tokens trained on since the last recorded row
        tokens = max(0, result.train_tokens - int(billed.get("billed_train_tokens", 0)))
        ledger.record([customization_entry(tuned_model, name, cost["run_wall_s"], price,
                                           tokens, run_id)])  # fmt: skip
    return TuneOutcome(name, folder, manifest, data.skipped)


def _kinds(examples: Sequence[ChatExample]) -> dict[str, int]:
    out: dict[str, int] = {}
    for e in examples:
        out[e.kind] = out.get(e.kind, 0) + 1
    return out


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    (folder / "tune.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def check_model_name(project: ProjectConfig, model: str, base_name: str, adapter: str) -> None:
    """Refuse to register ``model`` over the base or over another model (one of the
    project's or the catalog's) that is not this tune's adapter variant."""
    if model == base_name:
        raise InputError(
            f"the tuned model cannot be named {model!r}: that is its base model; pass "
            "--model-name NAME (or --no-register)"
        )
    existing = project.all_models().get(model)
    if existing is not None and getattr(existing, "adapter", None) != adapter:
        raise InputError(
            f"a model {model!r} already exists (not this tune's adapter {adapter}); pass "
            "--model-name NAME to register the tuned model under another name"
        )


def register_model(project_file: Path, model: str, base: LlamaCppModelConfig, adapter: str,
                   base_name: str) -> None:  # fmt: skip
    """Add ``models.MODEL`` to the project file (or update it when it is this tune's own
    entry): the base's entry with the adapter. Only those lines are written, every other
    line stays as it was; the edited file is validated as a project and then replaces the
    old one atomically (:mod:`genaiops.evaluation.promote`'s approach and helpers)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from genaiops.config import parse_project
    from genaiops.evaluation.promote import (
        _block_end,
        _is_filler,
        _replace_file,
        _snippet,
        _to_plain,
        yaml_safe_load,
    )

    try:
        text = project_file.read_text("utf-8")
        doc = YAML().load(text)
    except FileNotFoundError:
        raise ConfigError(f"{project_file}: no project file here; pass --project PATH") from None
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise ConfigError(f"{project_file}: cannot read the project file: {exc}") from None
    if not hasattr(doc, "lc"):
        raise ConfigError(f"{project_file}: not a project file (a mapping of settings)")
    check_model_name(parse_project(_to_plain(doc), source=str(project_file)), model,
                     base_name, adapter)  # fmt: skip
    entry = base.model_dump(mode="json", exclude_defaults=True)
    entry.update(
        {
            "provider": "llamacpp",
            "path": base.path,
            "adapter": adapter,
            "description": f"{base_name} with the LoRA adapter {adapter}",
        }
    )
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    models = doc.get("models")
    if not models:  # no models key, ``models:`` empty or ``models: {}``
        block = ["models:\n", *_snippet(model, entry, 2)]
        if "models" in doc:
            line = int(doc.lc.key("models")[0])
            lines[line : line + 1] = block
        else:
            lines.extend(block)
    elif not hasattr(models, "lc") or (hasattr(models, "fa") and models.fa.flow_style()):
        raise ConfigError(
            f"{project_file}: models is written in flow style ({{...}}); write it in block "
            f"style, or add models.{model} by hand (adapter: {adapter})"
        )
    else:
        keys = list(models)
        col = int(models.lc.key(keys[0])[1])
        at = keys.index(model) if model in models else len(keys) - 1
        start = int(models.lc.key(keys[at])[0])
        end = _block_end(lines, start, col)
        while end - 1 > start and _is_filler(lines[end - 1]):
            end -= 1  # comments and blank lines before the next key stay
        if model in models:
            lines[start:end] = _snippet(model, entry, col)
        else:
            lines[end:end] = _snippet(model, entry, col)
    new_text = "".join(lines)
    try:
        cfg = parse_project(yaml_safe_load(new_text), source=str(project_file))
    except ConfigError as exc:
        raise ConfigError(f"{project_file}: registering {model!r} would break the project "
                          f"file, so it was not written: {exc}") from None  # fmt: skip
    if getattr(cfg.all_models().get(model), "adapter", None) != adapter:
        raise ConfigError(f"{project_file}: models.{model} could not be written; add it by hand")
    _replace_file(project_file, new_text)
