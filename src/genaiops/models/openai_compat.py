"""Any OpenAI-compatible chat endpoint through the official ``openai`` SDK.

Covers OpenAI, Azure OpenAI, vLLM, Ollama, TGI, LM Studio, a llama.cpp server and
Bedrock's OpenAI-compatible endpoint. The key is read from the environment variable the
project file names (``api_key_env``); it is never stored in the project file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

from genaiops.config import OpenAIModelConfig
from genaiops.errors import ContextLengthError, ModelError, ModelUnavailableError
from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    Usage,
)

__all__ = ["OpenAICompatibleProvider"]


class OpenAICompatibleProvider(ModelProvider):
    kind = "openai"

    def __init__(self, name: str, config: OpenAIModelConfig):
        super().__init__(name)
        self.config = config
        self._client: Any = None

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
        if self._client is None:
            import openai

            self._client = openai.OpenAI(
                base_url=self.config.base_url,
                api_key=self._api_key(),
                timeout=self.config.timeout_s,
                max_retries=self.config.max_retries,
            )

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        import openai

        self.warm_up()
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
            for chunk in self._client.chat.completions.create(**kwargs):
                for choice in chunk.choices or ():
                    text = choice.delta.content if choice.delta else None
                    if text:
                        if first is None:
                            first = time.perf_counter()
                        pieces.append(text)
                        if on_token is not None:
                            on_token(text)
                    if choice.finish_reason:
                        finish = choice.finish_reason
                if chunk.usage is not None:
                    usage = Usage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
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
        except openai.AuthenticationError as exc:
            raise ModelUnavailableError(
                f"{self.name}: the endpoint refused the key (401); check the key in "
                f"{self.config.api_key_env or 'api_key_env'}"
            ) from exc
        except openai.BadRequestError as exc:
            text = str(exc)
            if "context" in text.lower() and ("length" in text.lower() or "size" in text.lower()):
                raise ContextLengthError(f"{self.name}: {text}") from exc
            raise ModelError(f"{self.name}: the endpoint rejected the request: {text}") from exc
        except openai.APIStatusError as exc:
            raise ModelError(
                f"{self.name}: HTTP {exc.status_code} from the endpoint: {exc}"
            ) from exc
        end = time.perf_counter()
        text = "".join(pieces)
        if usage is None:  # endpoint reported none: count roughly, and say so
            prompt_chars = sum(len(m.content) for m in messages)
            usage = Usage(
                max(1, prompt_chars // 4), max(len(pieces), len(text) // 4), estimated=True
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
        if self._client is not None:
            self._client.close()
            self._client = None
