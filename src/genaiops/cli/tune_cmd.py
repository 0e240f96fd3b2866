"""`genaiops tune create|list|show`: LoRA fine-tuning of a local model.

Thin: parse, call :mod:`genaiops.customization.tune`, render. Needs the ``finetune``
extra for ``create`` only; ``list`` and ``show`` read the tunes' manifests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

__all__ = ["tune_app"]

tune_app = typer.Typer(help="Fine-tuning (LoRA) of a local model: create, list, show.")
console = Console()
err_console = Console(stderr=True)
ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON only")]


def _plain(text: str, *, err: bool = False) -> None:
    (err_console if err else console).print(text, markup=False, highlight=False, soft_wrap=True)


@tune_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="the tune's name (its folder: tunes/NAME)")],
    data: Annotated[
        Path | None,
        typer.Option("--data", help='a JSONL of chat examples ({"messages": [...]} a line)'),
    ] = None,
    from_kb: Annotated[
        str | None,
        typer.Option("--from-kb", help="build examples from this knowledge base's questions"),
    ] = None,
    questions: Annotated[
        Path | None,
        typer.Option(
            "--questions",
            help="with --from-kb: an evaluation JSONL to build from (default: generate -n)",
        ),
    ] = None,
    n: Annotated[int, typer.Option("-n", min=1, help="with --from-kb: questions to generate")] = 40,
    generator: Annotated[
        str | None, typer.Option("--generator", help="the model that writes the questions")
    ] = None,
    context_k: Annotated[
        int, typer.Option("--context-k", min=1, help="chunks of context per grounded example")
    ] = 1,
    base: Annotated[
        str | None, typer.Option("--base", help="the model to tune (default: the app's)")
    ] = None,
    steps: Annotated[int, typer.Option(min=1, help="optimizer steps")] = 30,
    lr: Annotated[float, typer.Option("--lr", help="learning rate")] = 3e-4,
    rank: Annotated[int, typer.Option(min=1, help="LoRA rank")] = 8,
    alpha: Annotated[float, typer.Option(help="LoRA alpha (scale alpha/rank)")] = 16.0,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 4,
    max_length: Annotated[int, typer.Option("--max-length", min=32, help="tokens")] = 384,
    held_out: Annotated[float, typer.Option("--held-out", help="held-out fraction")] = 0.2,
    eval_every: Annotated[int, typer.Option("--eval-every", min=1)] = 10,
    save_every: Annotated[int, typer.Option("--save-every", min=1)] = 10,
    seed: Annotated[int, typer.Option(help="split, batch order and initialisation")] = 0,
    threads: Annotated[int, typer.Option(min=1, help="torch CPU threads")] = 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="go on from the last checkpoint")
    ] = False,
    register: Annotated[
        bool,
        typer.Option("--register/--no-register", help="add the tuned model to the project file"),
    ] = True,
    model_name: Annotated[
        str | None, typer.Option("--model-name", help="the tuned model's name (default: NAME)")
    ] = None,
    instance_price: Annotated[
        float | None,
        typer.Option("--instance-price", min=0, help="USD/hour (default: the base's price)"),
    ] = None,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Train a LoRA adapter of a local model, write it as a GGUF adapter llama.cpp serves,
    record its cost in the ledger and register the tuned model (base + adapter)."""
    from pydantic import ValidationError

    from genaiops.customization.data import LoadReport, load_examples
    from genaiops.customization.settings import TUNES_DIR, TuneSettings
    from genaiops.customization.tune import (
        base_model_config,
        check_model_name,
        create_tune,
        examples_from_kb,
        register_model,
    )
    from genaiops.errors import InputError
    from genaiops.evaluation.promote import project_file
    from genaiops.runtime import Runtime

    if (data is None) == (from_kb is None):
        raise InputError("give the training data: --data FILE.jsonl or --from-kb KB (not both)")
    if base is None:
        from genaiops.config import load_project

        loaded, _dir = load_project(project)
        default = loaded.apps.get(loaded.default_app or "")
        base = default.model if default is not None else "smollm2-135m"
    try:
        settings = TuneSettings(
            base_model=base, rank=rank, alpha=alpha, learning_rate=lr, steps=steps,
            batch_size=batch_size, max_length=max_length, eval_every=eval_every,
            save_every=save_every, held_out=held_out, seed=seed, threads=threads,
        )  # fmt: skip
    except ValidationError as exc:
        err = exc.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else "settings"
        option = {"learning_rate": "lr", "base_model": "base"}.get(key, key.replace("_", "-"))
        raise InputError(f"--{option}: {err['msg']}") from None
    from genaiops.customization.train import require_torch

    require_torch()  # before the database starts
    with Runtime.open(project) as rt:
        base_model_config(rt.config, base)  # an unknown base fails before any work
        if register:  # a name taken by another model fails before training, too
            adapter = f"{TUNES_DIR}/{name}/adapter.gguf"
            check_model_name(rt.config, model_name or name, base, adapter)
        if data is not None:
            report = load_examples(data)
        else:
            assert from_kb is not None
            report = LoadReport(_kb_examples(rt, from_kb, questions, n, generator, seed,
                                             context_k, examples_from_kb))  # fmt: skip
        for line, reason in report.skipped[:5]:
            _plain(f"skipped line {line}: {reason}", err=True)
        if len(report.skipped) > 5:
            _plain(f"... {len(report.skipped) - 5} more malformed lines skipped", err=True)
        if as_json:
            on_step = None
            outcome = create_tune(rt.config, rt.base_dir, name, report, settings,
                                  ledger=rt.ledger, model_name=model_name,
                                  instance_per_hour=instance_price, resume=resume)  # fmt: skip
        else:
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            with Progress(
                TextColumn("training {task.fields[name]}"), BarColumn(),
                TextColumn("{task.completed}/{task.total} steps, loss {task.fields[loss]}"),
                TimeRemainingColumn(), console=err_console,
            ) as bar:  # fmt: skip
                task = bar.add_task("train", total=steps, name=name, loss="-")

                def on_step(step: int, total: int, loss: float | None) -> None:
                    bar.update(task, completed=step, loss=f"{loss:.3f}" if loss else "-")

                outcome = create_tune(rt.config, rt.base_dir, name, report, settings,
                                      ledger=rt.ledger, model_name=model_name,
                                      instance_per_hour=instance_price, resume=resume,
                                      on_step=on_step)  # fmt: skip
        m = outcome.manifest
        if register:
            cfg = base_model_config(rt.config, base)
            register_model(project_file(project), m["model"], cfg, m["adapter"], base)
            m["registered"] = True
    if as_json:
        print(json.dumps(m))  # noqa: T201
        return
    ex = m["examples"]
    _plain(
        f"tuned {m['model']} = {base} + {m['adapter']}: {m['steps']} steps on "
        f"{ex['train']} examples ({ex['held_out']} held out, {ex['skipped_lines']} lines "
        f"skipped); held-out loss {m['first_held_out_loss']} -> {m['held_out_loss']}; "
        f"{m['wall_s']:.0f} s x ${m['instance_per_hour']}/h = ${m['cost_usd']:.5f} "
        "(in the ledger as customization)"
    )
    if register:
        _plain(f"registered model {m['model']!r} in the project file")


def _kb_examples(rt: Any, kb: str, questions: Path | None, n: int, generator: str | None,
                 seed: int, context_k: int, build: Any) -> list[Any]:  # fmt: skip
    from genaiops.evaluation.datasets import load_dataset

    if questions is not None:
        items = list(load_dataset(questions).items)
    else:
        from genaiops.evaluation.generate import generate_testset

        with console.status(f"generating questions from {kb}..."):
            # a tuned model is callable by every key: it learns only from what a caller-less
            # retrieval reads (the default tenant's public documents), never another
            # tenant's or a restricted document
            items = generate_testset(
                rt, kb, n, model=generator, seed=seed, distractors=0, public_only=True
            ).items
    return list(build(rt, kb, items, context_k))


@tune_app.command("list")
def list_command(as_json: JsonOpt = False, project: ProjectOpt = None) -> None:
    """The tunes of the project: base, steps, held-out loss, wall time and cost."""
    from genaiops.config import load_project
    from genaiops.customization.settings import list_tunes

    _cfg, base_dir = load_project(project)
    tunes = list_tunes(base_dir)
    if as_json:
        print(json.dumps(tunes))  # noqa: T201
        return
    if not tunes:
        _plain("no tunes yet: genaiops tune create NAME --data FILE.jsonl")
        return
    table = Table(title="tunes")
    for col in ("name", "base", "status", "steps", "held-out loss", "wall", "cost"):
        table.add_column(col)
    for t in tunes:
        table.add_row(
            str(t.get("name")), str(t.get("base_model", "")), str(t.get("status", "")),
            str(t.get("steps", "")), str(t.get("held_out_loss", "")),
            f"{t['wall_s']:.0f} s" if "wall_s" in t else "",
            f"${t['cost_usd']:.5f}" if "cost_usd" in t else "",
        )  # fmt: skip
    console.print(table)


@tune_app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="the tune")],
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """A tune's manifest and training log (loss on train and held-out per interval)."""
    from genaiops.config import load_project
    from genaiops.customization.settings import read_manifest, tune_dir

    _cfg, base_dir = load_project(project)
    manifest = read_manifest(base_dir, name)
    log_path = tune_dir(base_dir, name) / "log.jsonl"
    log = [json.loads(x) for x in log_path.read_text().splitlines()] if log_path.exists() else []
    if as_json:
        print(json.dumps({**manifest, "log": log}))  # noqa: T201
        return
    for key in ("name", "model", "base_model", "status", "adapter", "steps", "wall_s", "cost_usd"):
        if key in manifest:
            _plain(f"{key}: {manifest[key]}")
    _plain(f"settings: {json.dumps(manifest.get('settings', {}))}")
    _plain(f"examples: {json.dumps(manifest.get('examples', {}))}")
    table = Table(title="training log")
    for col in ("step", "train loss", "held-out loss", "elapsed"):
        table.add_column(col)
    for r in log:
        table.add_row(str(r["step"]), str(r["train_loss"]), str(r["held_out_loss"]),
                      f"{r['elapsed_s']:.0f} s")  # fmt: skip
    console.print(table)
