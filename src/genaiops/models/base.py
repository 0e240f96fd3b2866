"""The model provider contract: one abstract ``chat`` with an optional token callback.

A provider turns a list of messages and options into a :class:`ChatResult` carrying the
text, the token usage, the time to first token and the total latency. Streaming is the
same call with ``on_token``: providers call it with each piece of text as it arrives, so
the time to first token is measured the same way whether or not the caller streams. A
callback that returns ``True`` stops the generation: the provider returns what it has,
with ``finish_reason="cancelled"`` and the usage of what was generated (a guarded stream
stops a blocked answer this way, and Ctrl-C stops an ask).

:meth:`ModelProvider.count_prompt_tokens` counts a prompt the way the model will see it
(chat template included) so that sources are fitted to the context window with the
model's own tokenizer; a provider that cannot count exactly says so (``exact=False``).

A provider kind is registered in the entry point group ``genaiops.providers`` (see
:mod:`genaiops.plugins`); ``config_model`` is the schema of its project-file entry.
Providers do no I/O in their constructor; they load or connect on first use
(:meth:`warm_up`) and release in :meth:`close`. Errors are :mod:`genaiops.errors` types
chosen from the endpoint's status and error code, never from message text.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from genaiops.concurrency import iterate_in_thread
from genaiops.config import ModelConfigBase

__all__ = [
    "ChatOptions",
    "ChatResult",
    "Message",
    "ModelProvider",
    "TokenCallback",
    "TokenCount",
    "Usage",
    "WrappedProvider",
]

#: called with each piece of text; returning True stops the generation
TokenCallback = Callable[[str], bool | None]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Literal["system", "user", "assistant"]
    content: str


class ChatOptions(BaseModel):
    """Sampling options every provider understands."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_tokens: int = Field(256, ge=1)
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    top_p: float | None = Field(None, gt=0.0, le=1.0)
    stop: list[str] | None = None
    seed: int | None = None


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int
    estimated: bool = False  # True when the provider reported no usage and we counted

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            self.estimated or other.estimated,
        )


@dataclass(frozen=True)
class TokenCount:
    tokens: int
    exact: bool  # False: an estimate (the provider has no tokenizer here)


@dataclass(frozen=True)
class ChatResult:
    text: str
    usage: Usage
    model: str
    finish_reason: str  # stop | length | cancelled | ...
    latency_s: float  # request sent -> last token
    ttft_s: float  # request sent -> first token (== latency_s when nothing streamed)
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def generate_tokens_per_s(self) -> float:
        gen = self.latency_s - self.ttft_s
        return self.usage.completion_tokens / gen if gen > 0 else 0.0

    @property
    def cancelled(self) -> bool:
        return self.finish_reason == "cancelled"


def estimate_tokens(text: str) -> int:
    """A rough token count (4 characters a token) for providers with no tokenizer here."""
    return max(1, (len(text) + 3) // 4)


class ModelProvider(ABC):
    """Base class of model providers. Subclasses set ``kind`` and ``config_model`` and
    implement :meth:`chat`."""

    kind: ClassVar[str]
    config_model: ClassVar[type[ModelConfigBase]] = ModelConfigBase
    can_stream: ClassVar[bool] = True

    def __init__(self, name: str, config: ModelConfigBase, base_dir: Path | None = None) -> None:
        self.name = name
        self.config = config
        self.base_dir = base_dir

    @property
    def context_window(self) -> int:
        return self.config.context_tokens()

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load the model or open the client now rather than on the first call."""

    @abstractmethod
    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        """Generate a reply; call ``on_token`` with each piece of text as it arrives and
        stop when it returns True."""

    def count_prompt_tokens(self, messages: Sequence[Message]) -> TokenCount:
        """Tokens the prompt takes, chat template included. The default estimates."""
        text = "".join(m.content for m in messages)
        return TokenCount(estimate_tokens(text) + 4 * len(messages), exact=False)

    def stream(
        self, messages: Sequence[Message], options: ChatOptions | None = None
    ) -> Iterator[str | ChatResult]:
        """Yield text pieces as they arrive, then the final :class:`ChatResult`. Closing
        the iterator early stops the generation."""
        return iterate_in_thread(
            lambda on_token: self.chat(messages, options, on_token=on_token),
            name=f"genaiops-stream-{self.name}",
        )

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the model or client."""


class WrappedProvider(ModelProvider):
    """A provider in front of another (metering, an evaluation cache): it answers for
    the inner provider's name, kind, context window, warm-up, token counts and close, so
    a wrapper implements only :meth:`chat`."""

    def __init__(self, inner: ModelProvider) -> None:
        super().__init__(inner.name, inner.config, inner.base_dir)
        self.inner = inner
        self.kind = inner.kind  # type: ignore[misc]

    @property
    def context_window(self) -> int:
        return self.inner.context_window

    def warm_up(self) -> None:
        self.inner.warm_up()

    def count_prompt_tokens(self, messages: Sequence[Message]) -> TokenCount:
        return self.inner.count_prompt_tokens(messages)

    def close(self) -> None:
        self.inner.close()
