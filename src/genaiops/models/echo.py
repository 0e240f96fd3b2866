"""A deterministic fake model for fast tests of orchestration: ``provider: echo``.

It answers with its configured ``reply`` (or, without one, the last user message), one
word at a time through the token callback, and counts tokens as words: usage and
prompt counts are exact for this fake by construction. It honours cancellation and
``max_tokens``, and can fail on demand (``fail_with``) so error paths are testable
without a network. It is documented as a fake and is never a default; every capability
is also tested on the real local model.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import Field

from genaiops.config import ModelConfigBase
from genaiops.errors import ContextLengthError, ModelError, ModelUnavailableError, RateLimitError
from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    TokenCount,
    Usage,
)

__all__ = ["EchoModelConfig", "EchoProvider"]

_PIECE = re.compile(r"\S+\s*|\s+")


class EchoModelConfig(ModelConfigBase):
    provider: Literal["echo"] = "echo"
    reply: str | None = Field(None, description="the fixed answer; default: the user message")
    seconds_per_token: float = Field(0.0, ge=0.0, le=1.0, description="simulated decode time")
    context_window: int = Field(4096, ge=16)
    fail_with: Literal["rate_limit", "unavailable", "context", "error"] | None = None

    def context_tokens(self) -> int:
        return self.context_window


def _count(text: str) -> int:
    return len(text.split())


class EchoProvider(ModelProvider):
    kind = "echo"
    config_model = EchoModelConfig

    def __init__(self, name: str, config: ModelConfigBase, base_dir: Path | None = None):
        super().__init__(name, config, base_dir)
        assert isinstance(config, EchoModelConfig)
        self.config: EchoModelConfig = config
        self.calls = 0

    def count_prompt_tokens(self, messages: Sequence[Message]) -> TokenCount:
        return TokenCount(sum(_count(m.content) + 1 for m in messages), exact=True)

    def _fail(self) -> None:
        kind = self.config.fail_with
        if kind == "rate_limit":
            raise RateLimitError(f"{self.name}: rate limited (a configured failure)", 1.0)
        if kind == "unavailable":
            raise ModelUnavailableError(f"{self.name}: unavailable (a configured failure)")
        if kind == "context":
            raise ContextLengthError(f"{self.name}: prompt too long (a configured failure)")
        if kind == "error":
            raise ModelError(f"{self.name}: failed (a configured failure)")

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        self.calls += 1
        opts = options or ChatOptions()
        start = time.perf_counter()
        self._fail()
        prompt = self.count_prompt_tokens(messages).tokens
        if prompt > self.config.context_window:
            raise ContextLengthError(
                f"{self.name}: {prompt} prompt tokens exceed the context of "
                f"{self.config.context_window}"
            )
        users = [m.content for m in messages if m.role == "user"]
        reply = self.config.reply if self.config.reply is not None else (users[-1] if users else "")
        pieces: list[str] = []
        first: float | None = None
        finish = "stop"
        for piece in _PIECE.findall(reply):
            if len([p for p in pieces if p.strip()]) >= opts.max_tokens:
                finish = "length"
                break
            if self.config.seconds_per_token:
                time.sleep(self.config.seconds_per_token)
            first = first or time.perf_counter()
            pieces.append(piece)
            if on_token is not None and on_token(piece):
                finish = "cancelled"
                break
        end = time.perf_counter()
        text = "".join(pieces)
        return ChatResult(
            text=text,
            usage=Usage(prompt, _count(text)),
            model=self.name,
            finish_reason=finish,
            latency_s=end - start,
            ttft_s=(first or end) - start,
        )
