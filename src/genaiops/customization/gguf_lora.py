"""Writing a LoRA adapter as a GGUF file llama.cpp applies on its base model.

llama.cpp's adapter format (the one its ``convert_lora_to_gguf.py`` writes, read by
``llama_adapter_lora_init``):

* metadata ``general.architecture`` (the base's), ``general.type = adapter``,
  ``adapter.type = lora``, ``adapter.lora.alpha``;
* per adapted weight two tensors named after the base GGUF's tensor,
  ``blk.N.attn_q.weight.lora_a`` and ``...lora_b``. In numpy (row-major) shapes, A is
  ``(r, in)`` and B is ``(out, r)``, exactly peft's ``lora_A.weight`` and
  ``lora_B.weight``; llama.cpp checks ``a.ne[0] == base.ne[0]`` (in),
  ``b.ne[1] == base.ne[1]`` (out) and ``a.ne[1] == b.ne[0]`` (r), and computes
  ``W x + scale * alpha / r * B (A x)``.

Qwen2 uses the same tensor names and no permutation. One more convention matters for
Llama models: the GGUF converter permutes the rows of
``q_proj`` and ``k_proj`` (rotary halves interleaved the way llama.cpp's RoPE reads
them), and transformers undoes that permutation when it loads a GGUF. A LoRA delta
``B A`` on those weights has its output rows permuted the same way, which is a
permutation of B's rows only (:func:`permute_rows`); A is unchanged. The tests check this
against the base file itself: the transformers-loaded ``q_proj`` permuted equals the
dequantized ``attn_q`` of the GGUF.

Needs ``gguf`` and numpy (the ``finetune`` extra), not torch.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from genaiops.errors import DependencyError, InputError

__all__ = [
    "HF_TO_GGUF",
    "LoraTensors",
    "gguf_tensor_name",
    "permute_rows",
    "read_lora_gguf",
    "write_lora_gguf",
]

#: a Llama decoder layer's linear weights, transformers' name -> llama.cpp's
HF_TO_GGUF = {
    "self_attn.q_proj": "attn_q",
    "self_attn.k_proj": "attn_k",
    "self_attn.v_proj": "attn_v",
    "self_attn.o_proj": "attn_output",
    "mlp.gate_proj": "ffn_gate",
    "mlp.up_proj": "ffn_up",
    "mlp.down_proj": "ffn_down",
}

_LAYER = re.compile(r"(?:^|\.)layers\.(\d+)\.(.+)$")


@dataclass(frozen=True)
class LoraTensors:
    """One adapted weight: A ``(r, in)``, B ``(out, r)`` (float32, peft's layout)."""

    a: np.ndarray[Any, np.dtype[np.float32]]
    b: np.ndarray[Any, np.dtype[np.float32]]


def gguf_tensor_name(hf_module: str) -> str:
    """``model.layers.3.self_attn.q_proj`` -> ``blk.3.attn_q.weight``."""
    m = _LAYER.search(hf_module)
    if m is None or m.group(2) not in HF_TO_GGUF:
        known = ", ".join(HF_TO_GGUF)
        raise InputError(
            f"LoRA on {hf_module!r} cannot be written for llama.cpp; adapt only a decoder "
            f"layer's {known}"
        )
    return f"blk.{m.group(1)}.{HF_TO_GGUF[m.group(2)]}.weight"


def permute_rows(
    w: np.ndarray[Any, np.dtype[np.float32]], n_head: int
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """The row permutation llama.cpp's converter applies to q/k weights (``n_head`` heads,
    each's two rotary halves interleaved), on any matrix whose rows are those outputs."""
    rows = w.shape[0]
    if rows % (2 * n_head):
        raise InputError(f"{rows} rows do not split into {n_head} heads of two rotary halves")
    return np.ascontiguousarray(
        w.reshape(n_head, 2, rows // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)
    )


def _gguf() -> Any:
    try:
        import gguf
    except ImportError as exc:
        raise DependencyError(
            "writing a GGUF adapter needs the gguf package: pip install 'genaiops[finetune]'"
        ) from exc
    return gguf


def write_lora_gguf(
    path: str | Path,
    tensors: Mapping[str, LoraTensors],
    *,
    alpha: float,
    architecture: str = "llama",
    n_head: int | None = None,
    n_head_kv: int | None = None,
    name: str | None = None,
) -> Path:
    """Write ``tensors`` (keyed by transformers module name, e.g.
    ``model.layers.0.self_attn.q_proj``) as a llama.cpp LoRA adapter. For Llama, q and k
    need the base's head counts (B's rows are permuted as the base's were)."""
    gguf = _gguf()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    # written beside the target, then renamed over it: a failure (a bad tensor, a full
    # disk, an interrupt) never leaves a truncated adapter where llama.cpp loads it
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    writer = gguf.GGUFWriter(str(tmp), architecture)
    try:
        writer.add_type(gguf.GGUFType.ADAPTER)
        writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
        writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, float(alpha))
        if name:
            writer.add_name(name)
        for module, t in sorted(tensors.items(), key=lambda kv: _order(kv[0])):
            a, b = _adapter_pair(module, t, architecture, n_head, n_head_kv)
            base = gguf_tensor_name(module)
            writer.add_tensor(f"{base}.lora_a", a)
            writer.add_tensor(f"{base}.lora_b", b)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
        os.replace(tmp, out)
    finally:
        writer.close()
        tmp.unlink(missing_ok=True)
    return out


def _adapter_pair(
    module: str, t: LoraTensors, architecture: str, n_head: int | None, n_head_kv: int | None
) -> tuple[np.ndarray[Any, np.dtype[np.float32]], np.ndarray[Any, np.dtype[np.float32]]]:
    """A and B of one module as llama.cpp reads them (B's rows permuted for Llama q/k)."""
    base = gguf_tensor_name(module)
    a = np.ascontiguousarray(t.a, dtype=np.float32)
    b = np.ascontiguousarray(t.b, dtype=np.float32)
    if a.ndim != 2 or b.ndim != 2 or a.shape[0] != b.shape[1]:
        raise InputError(f"{module}: lora_A {a.shape} and lora_B {b.shape} do not share a rank")
    if architecture == "llama" and base.split(".")[2] in ("attn_q", "attn_k"):
        heads = n_head if base.split(".")[2] == "attn_q" else (n_head_kv or n_head)
        if heads is None:
            raise InputError("q/k adapters of a Llama model need n_head (and n_head_kv)")
        b = permute_rows(b, heads)
    return a, b


def _order(module: str) -> tuple[int, str]:
    m = _LAYER.search(module)
    return (int(m.group(1)) if m else -1, module)


def read_lora_gguf(path: str | Path) -> tuple[dict[str, Any], dict[str, np.ndarray[Any, Any]]]:
    """The metadata and tensors of an adapter file (for checks and ``tune show``)."""
    gguf = _gguf()
    reader = gguf.GGUFReader(str(path))
    meta: dict[str, Any] = {}
    for key in ("general.architecture", "general.type", "adapter.type", "adapter.lora.alpha"):
        field = reader.fields.get(key)
        if field is not None:
            meta[key] = field.contents()
    arrays = {t.name: np.array(t.data) for t in reader.tensors}
    return meta, arrays
