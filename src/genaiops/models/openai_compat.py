"""Any OpenAI-compatible chat endpoint through the official ``openai`` SDK.

Covers OpenAI, Azure OpenAI, vLLM, Ollama, TGI, LM Studio, a llama.cpp server and
Bedrock's OpenAI-compatible endpoint. The key is read from the environment variable the
project file names (``api_key_env``); it is never stored in the project file.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from genaiops.config import ModelConfigBase, OpenAIModelConfig
from genaiops.errors import (
    ContextLengthError,
    InputError,
    ModelError,
    ModelUnavailableError,
    RateLimitError,
)
from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    Usage,
    estimate_tokens,
)

__all__ = ["OpenAICompatibleProvider", "error_for_status"]

#: error codes and types that OpenAI, llama.cpp's server and others use for an over-long
#: prompt (the body's ``error.code`` / ``error.type``; never the message text)
CONTEXT_CODES = frozenset(
    {"context_length_exceeded", "exceed_context_size_error", "string_above_max_length"}
)


def _retry_after(headers: Any) -> float | None:
    raw = headers.get("retry-after") if headers is not None else None
    try:
        return float(raw) if raw is not None else None
    except ValueError:
        return None


def error_for_status(
    name: str, config: OpenAIModelConfig, status: int, body: Any, headers: Any, detail: str
) -> ModelError | InputError:
    """The genaiops error for an HTTP error of an OpenAI-compatible endpoint, chosen by the
    status and the body's error code/type."""
    err = body.get("error", body) if isinstance(body, dict) else {}
    code = str(err.get("code") or "") if isinstance(err, dict) else ""
    kind = str(err.get("type") or "") if isinstance(err, dict) else ""
    if code in CONTEXT_CODES or kind in CONTEXT_CODES:
        return ContextLengthError(
            f"{name}: the prompt does not fit the model's context ({detail}); lower max_tokens "
            f"or top_k, or raise models.{name}.context_window if the endpoint allows more"
        )
    if status == 429:
        wait = _retry_after(headers)
        return RateLimitError(
            f"{name}: {config.base_url} is rate limiting (429"
            + (f", retry after {wait:g} s" if wait is not None else "")
            + f"): {detail}; slow down, or raise the limit with the provider",
            retry_after_s=wait,
        )
    if status in (401, 403):
        return ModelUnavailableError(
            f"{name}: the endpoint refused the key (HTTP {status}); check the key in "
            f"{config.api_key_env or 'api_key_env'}"
        )
    if status == 404:
        return ModelUnavailableError(
            f"{name}: HTTP 404 from {config.base_url}: is models.{name}.model "
            f"({config.model!r}) served there? {detail}"
        )
    if 400 <= status < 500:
        return InputError(f"{name}: the endpoint rejected the request (HTTP {status}): {detail}")
    if status in (502, 503, 504):
        return ModelUnavailableError(f"{name}: the endpoint is unavailable (HTTP {status})")
    return ModelError(f"{name}: HTTP {status} from the endpoint: {detail}")


class OpenAICompatibleProvider(ModelProvider):
    kind = "openai"
    config_model = OpenAIModelConfig

    def __init__(self, name: str, config: ModelConfigBase, base_dir: Path | None = None):
        super().__init__(name, config, base_dir)
        assert isinstance(config, OpenAIModelConfig)
        self.config: OpenAIModelConfig = config
        self._client: Any = None
        self._completions: Any = None  # client.chat.completions, resolved once
        self._lock = threading.Lock()

    def _api_key(self) -> str:
        env = self.config.api_key_env
        if env is None:
            return "none"  # local servers (vLLM, llama.cpp, Ollama) accept any key
        key = os.environ.get(env)
        if not key:
            raise ModelUnavailableError(
                f"{self.name}: no API key found; export it in the environment variable {env} "
                f"(named by models.{self.name}.api_key_env in the project file)"
            )
        return key

    def warm_up(self) -> None:
        """Import the SDK and build the client, once: the first asks of a concurrent run
        arrive together, and each building its own client (CA bundle read, resources
        imported) cost more than the asks themselves against a fast endpoint."""
        if self._completions is not None:
            return
        with self._lock:
            if self._completions is None:
                import openai

                client = openai.OpenAI(
                    base_url=self.config.base_url,
                    api_key=self._api_key(),
                    timeout=self.config.timeout_s,
                    max_retries=self.config.max_retries,
                )
                # the SDK imports its chat resources on first access: do it here, not in
                # the first ask
                self._completions = client.chat.completions
                self._client = client

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        import openai

        self.warm_up()
        completions = self._completions
        opts = options or ChatOptions()
        kwargs: dict[str, Any] = {
            "model": self.config.model,
            "messages": [m.model_dump() for m in messages],
            "max_tokens": opts.max_tokens,
            "temperature": opts.temperature,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if opts.top_p is not None:
            kwargs["top_p"] = opts.top_p
        if opts.stop:
            kwargs["stop"] = opts.stop
        if opts.seed is not None:
            kwargs["seed"] = opts.seed

        pieces: list[str] = []
        first: float | None = None
        finish = "stop"
        usage: Usage | None = None
        start = time.perf_counter()
        try:
            response = completions.create(**kwargs)
            for chunk in response:
                stop = False
                for choice in chunk.choices or ():
                    text = choice.delta.content if choice.delta else None
                    if text:
                        if first is None:
                            first = time.perf_counter()
                        pieces.append(text)
                        if on_token is not None and on_token(text):
                            stop = True
                    if choice.finish_reason:
                        finish = choice.finish_reason
                if chunk.usage is not None:
                    usage = Usage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
                if stop:
                    finish = "cancelled"
                    response.close()  # closes the connection: the server stops generating
                    break
        except openai.APITimeoutError as exc:
            raise ModelUnavailableError(
                f"{self.name}: {self.config.base_url} did not answer within "
                f"{self.config.timeout_s} s; raise models.{self.name}.timeout_s or check the server"
            ) from exc
        except openai.APIConnectionError as exc:
            raise ModelUnavailableError(
                f"{self.name}: cannot reach {self.config.base_url} ({exc.__cause__ or exc}); "
                f"is the server running? check models.{self.name}.base_url"
            ) from exc
        except openai.APIStatusError as exc:
            body = exc.body if isinstance(exc.body, dict) else {}
            raise error_for_status(
                self.name,
                self.config,
                exc.status_code,
                {"error": body} if "error" not in body else body,
                exc.response.headers if exc.response is not None else None,
                str(exc.message),
            ) from exc
        end = time.perf_counter()
        text = "".join(pieces)
        if usage is None:  # endpoint reported none (or we stopped it): count, and say so
            usage = Usage(
                self.count_prompt_tokens(messages).tokens,
                max(len(pieces), estimate_tokens(text) if text else 0),
                estimated=True,
            )
        return ChatResult(
            text=text,
            usage=usage,
            model=self.name,
            finish_reason=finish,
            latency_s=end - start,
            ttft_s=(first if first is not None else end) - start,
        )

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None
                self._completions = None
