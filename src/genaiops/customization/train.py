"""LoRA fine-tuning on CPU (the ``finetune`` extra: torch, transformers, peft, gguf).

The base is the GGUF file the catalog serves, loaded by transformers (``gguf_file=``,
dequantized to float32): what is trained is the model llama.cpp runs, not a look-alike
downloaded elsewhere. The tokenizer and chat template come from the same file.

A run (:func:`train`):

* tokenizes each example with the model's chat template; the loss is taken on the
  assistant reply (and its end-of-turn token) only. An example longer than
  ``max_length`` loses the start of its prompt, never its reply;
* trains a peft LoRA with AdamW and a linearly decaying learning rate, batches drawn in
  a seeded order (epoch ``e`` is the training set shuffled with ``seed + e``);
* every ``eval_every`` steps logs the mean train loss of the interval and the held-out
  loss (``log.jsonl``), every ``save_every`` steps writes a checkpoint (adapter,
  optimizer, scheduler, torch RNG): a resumed run takes the same batches from there on;
* at the end writes the adapter as GGUF (:mod:`genaiops.customization.gguf_lora`) and the
  manifest ``tune.json`` with the wall time.
"""

from __future__ import annotations

import json
import random
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genaiops.customization.data import ChatExample
from genaiops.customization.gguf_lora import LoraTensors, write_lora_gguf
from genaiops.customization.settings import TuneSettings
from genaiops.errors import DependencyError, InputError

__all__ = [
    "ARCHITECTURES",
    "Base",
    "TrainResult",
    "checkpoints",
    "encode",
    "greedy",
    "load_base",
    "lora_tensors",
    "require_torch",
    "train",
]

StepCallback = Callable[[int, int, float | None], None]

#: GGUF architectures whose adapters :mod:`genaiops.customization.gguf_lora` writes
ARCHITECTURES = ("llama", "qwen2")


def require_torch() -> Any:
    """torch, or a :class:`DependencyError` naming the extra."""
    try:
        import peft  # noqa: F401
        import torch
        import transformers  # noqa: F401
    except ImportError as exc:
        raise DependencyError(
            f"fine-tuning needs the finetune extra ({exc.name} is missing): "
            "pip install 'genaiops[finetune]' (torch==2.13.0, CPU)"
        ) from exc
    return torch


@dataclass
class Base:
    """The dequantized base model and its tokenizer, from one GGUF file."""

    model: Any
    tokenizer: Any
    path: Path
    n_head: int
    n_head_kv: int
    architecture: str = "llama"


def load_base(gguf_path: Path, threads: int = 1) -> Base:
    """transformers' model and tokenizer from ``gguf_path`` (dequantized, float32)."""
    torch = require_torch()
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    torch.set_num_threads(threads)
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    folder, name = str(gguf_path.parent), gguf_path.name
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    except (ValueError, OSError, KeyError, RuntimeError) as exc:
        raise InputError(
            f"transformers cannot load {gguf_path} as a model: {exc}; fine-tuning needs a "
            "GGUF of an architecture transformers reads (llama, qwen2, ...)"
        ) from exc
    if model.config.model_type not in ARCHITECTURES:
        raise InputError(
            f"{gguf_path}: architecture {model.config.model_type!r}; the adapter writer "
            f"supports {', '.join(ARCHITECTURES)} models (SmolLM2, Qwen2.5) so far"
        )
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    cfg = model.config
    return Base(
        model,
        tokenizer,
        gguf_path,
        int(cfg.num_attention_heads),
        int(getattr(cfg, "num_key_value_heads", None) or cfg.num_attention_heads),
        str(cfg.model_type),
    )


def _chat_ids(tokenizer: Any, messages: Sequence[tuple[str, str]], generation: bool) -> list[int]:
    conv = [{"role": r, "content": c} for r, c in messages]
    ids = tokenizer.apply_chat_template(conv, add_generation_prompt=generation, tokenize=True)
    if hasattr(ids, "keys"):  # a BatchEncoding in recent transformers
        ids = ids["input_ids"]
    return [int(i) for i in ids]


def encode(tokenizer: Any, example: ChatExample, max_length: int) -> tuple[list[int], list[int]]:
    """(input ids, labels): labels are -100 on the prompt; the prompt is cut from its
    start when the whole is longer than ``max_length``."""
    prompt = _chat_ids(tokenizer, example.messages[:-1], True)
    full = _chat_ids(tokenizer, example.messages, False)
    if full[: len(prompt)] != prompt:  # the template does not extend the prompt: join them,
        # the reply ended by the tokenizer's own end token (what generation stops on)
        reply = list(tokenizer(example.messages[-1][1], add_special_tokens=False)["input_ids"])
        eos = getattr(tokenizer, "eos_token_id", None)
        full = prompt + [int(i) for i in reply] + ([int(eos)] if eos is not None else [])
    labels = [-100] * len(prompt) + full[len(prompt) :]
    if len(full) > max_length:
        if len(full) - len(prompt) >= max_length:
            raise InputError(
                f"an assistant reply is {len(full) - len(prompt)} tokens, at least max_length "
                f"({max_length}); raise max_length or shorten the reply"
            )
        full, labels = full[-max_length:], labels[-max_length:]
    return full, labels


def _batch(torch: Any, rows: Sequence[tuple[list[int], list[int]]], pad: int) -> dict[str, Any]:
    width = max(len(ids) for ids, _ in rows)
    ids = [x + [pad] * (width - len(x)) for x, _ in rows]
    labels = [y + [-100] * (width - len(y)) for _, y in rows]
    mask = [[1] * len(x) + [0] * (width - len(x)) for x, _ in rows]
    return {
        "input_ids": torch.tensor(ids),
        "attention_mask": torch.tensor(mask),
        "labels": torch.tensor(labels),
    }


def _order(n: int, seed: int, epoch: int) -> list[int]:
    idx = list(range(n))
    random.Random(seed * 1_000_003 + epoch).shuffle(idx)
    return idx


def batch_indices(n: int, batch_size: int, seed: int, step: int) -> list[int]:
    """The training examples of ``step`` (0-based): the seeded order of each epoch, cut
    into batches; the same for a fresh and a resumed run."""
    start = step * batch_size
    out: list[int] = []
    while len(out) < batch_size:
        epoch, pos = divmod(start + len(out), n)
        out.append(_order(n, seed, epoch)[pos])
    return out


def checkpoints(folder: Path) -> list[Path]:
    return sorted((folder / "checkpoints").glob("step-*.pt"))


def lora_tensors(model: Any) -> dict[str, LoraTensors]:
    """peft's A and B of each adapted module, by its transformers module name."""
    out: dict[str, LoraTensors] = {}
    for name, module in model.named_modules():
        if hasattr(module, "lora_A") and "default" in getattr(module, "lora_A", {}):
            clean = name.removeprefix("base_model.model.")
            out[clean] = LoraTensors(
                module.lora_A["default"].weight.detach().float().numpy().copy(),
                module.lora_B["default"].weight.detach().float().numpy().copy(),
            )
    return out


@dataclass
class TrainResult:
    steps: int
    wall_s: float  # the training itself: steps, evaluations, checkpoints
    load_s: float
    log: list[dict[str, Any]] = field(default_factory=list)
    adapter: Path | None = None
    resumed_from: int = 0
    train_tokens: int = 0
    wall_before_s: float = 0.0  # training time before a resume, from the checkpoint


def _held_out_loss(
    torch: Any, model: Any, rows: list[tuple[list[int], list[int]]], pad: int, batch_size: int
) -> float | None:
    if not rows:
        return None
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(rows), batch_size):
            chunk = rows[i : i + batch_size]
            batch = _batch(torch, chunk, pad)
            logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
            shift = logits.logits[:, :-1, :]
            target = batch["labels"][:, 1:]
            loss = torch.nn.functional.cross_entropy(
                shift.reshape(-1, shift.shape[-1]),
                target.reshape(-1),
                ignore_index=-100,
                reduction="sum",
            )
            total += float(loss)
            count += int((target != -100).sum())
    model.train()
    return total / max(count, 1)


def train(
    base: Base,
    train_set: Sequence[ChatExample],
    held_out: Sequence[ChatExample],
    settings: TuneSettings,
    folder: Path,
    *,
    resume: bool = False,
    on_step: StepCallback | None = None,
    adapter_name: str | None = None,
) -> TrainResult:
    """Train a LoRA adapter of ``base`` on ``train_set``; write checkpoints, the log and
    ``adapter.gguf`` into ``folder``."""
    torch = require_torch()
    from peft import LoraConfig, get_peft_model, get_peft_model_state_dict
    from peft import set_peft_model_state_dict as set_state

    if not train_set:
        raise InputError("no training example left after the held-out split; add examples")
    torch.set_num_threads(settings.threads)
    torch.manual_seed(settings.seed)
    t0 = time.perf_counter()
    tok = base.tokenizer
    pad = int(tok.pad_token_id)
    rows = [encode(tok, e, settings.max_length) for e in train_set]
    held_rows = [encode(tok, e, settings.max_length) for e in held_out]
    lora = LoraConfig(
        r=settings.rank,
        lora_alpha=settings.alpha,
        lora_dropout=settings.dropout,
        target_modules=list(settings.targets),
        bias="none",
        task_type="CAUSAL_LM",
    )
    with warnings.catch_warnings():  # transformers' own deprecation, inside peft
        warnings.filterwarnings("ignore", "`is_gradient_checkpointing`", FutureWarning)
        model = get_peft_model(base.model, lora)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=settings.learning_rate, weight_decay=0.0)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: max(0.0, 1.0 - s / settings.steps)
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "checkpoints").mkdir(exist_ok=True)
    log_path = folder / "log.jsonl"
    start = 0
    result = TrainResult(steps=settings.steps, wall_s=0.0, load_s=0.0)
    if resume and checkpoints(folder):
        state = torch.load(checkpoints(folder)[-1], weights_only=True)  # tensors, plain data
        set_state(model, state["lora"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["torch_rng"])
        start = int(state["step"])
        if start > settings.steps:
            raise InputError(
                f"--resume with --steps {settings.steps}: the last checkpoint is at step "
                f"{start}; pass --steps {start} or more"
            )
        result.log = [r for r in _read_log(log_path) if r["step"] <= start]
        result.resumed_from = start
        result.train_tokens = int(state.get("train_tokens", 0))
        wall_before = float(state.get("wall_s", 0.0))
        result.wall_before_s = wall_before
    else:
        for old in checkpoints(folder):
            old.unlink()
        wall_before = 0.0
    result.load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    model.train()
    interval: list[float] = []
    for step in range(start, settings.steps):
        picked = batch_indices(len(rows), settings.batch_size, settings.seed, step)
        batch = _batch(torch, [rows[i] for i in picked], pad)
        out = model(**batch)
        out.loss.backward()
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        loss = float(out.loss.detach())
        interval.append(loss)
        result.train_tokens += int(batch["attention_mask"].sum())
        done = step + 1
        if done % settings.eval_every == 0 or done == settings.steps:
            entry = {
                "step": done,
                "train_loss": round(sum(interval) / len(interval), 5),
                "held_out_loss": _round(
                    _held_out_loss(torch, model, held_rows, pad, settings.batch_size)
                ),
                "lr": scheduler.get_last_lr()[0],
                "elapsed_s": round(wall_before + time.perf_counter() - t1, 2),
            }
            interval = []
            result.log.append(entry)
            _write_log(log_path, result.log)
        if done % settings.save_every == 0 or done == settings.steps:
            torch.save(
                {
                    "step": done,
                    "lora": get_peft_model_state_dict(model, save_embedding_layers=False),
                    "optimizer": optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(),
                    "torch_rng": torch.get_rng_state(),
                    "train_tokens": result.train_tokens,
                    "wall_s": wall_before + time.perf_counter() - t1,
                    "settings": settings.model_dump(mode="json"),
                },
                folder / "checkpoints" / f"step-{done:06d}.pt",
            )
        if on_step is not None:
            on_step(done, settings.steps, loss)
    result.wall_s = wall_before + time.perf_counter() - t1
    model.eval()
    result.adapter = write_lora_gguf(
        folder / "adapter.gguf",
        lora_tensors(model),
        alpha=settings.alpha,
        architecture=base.architecture,
        n_head=base.n_head,
        n_head_kv=base.n_head_kv,
        name=adapter_name,
    )
    base.model = model  # the tuned model, for a comparison with the served one
    return result


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 5)


def _read_log(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _write_log(path: Path, log: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in log), encoding="utf-8")


def greedy(base: Base, messages: Sequence[tuple[str, str]], max_new_tokens: int = 24) -> str:
    """The model's greedy reply (for comparing the torch model with the served one)."""
    torch = require_torch()
    ids = _chat_ids(base.tokenizer, messages, True)
    with torch.no_grad():
        out = base.model.generate(
            torch.tensor([ids]),
            attention_mask=torch.ones(1, len(ids), dtype=torch.long),
            max_new_tokens=max_new_tokens,
            do_sample=False,
            pad_token_id=base.tokenizer.pad_token_id,
        )
    return str(base.tokenizer.decode(out[0][len(ids) :], skip_special_tokens=True))
