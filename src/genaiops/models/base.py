"""The model provider contract: one abstract ``chat`` with an optional token callback.

A provider turns a list of messages and options into a :class:`ChatResult` carrying the
text, the token usage, the time to first token and the total latency. Streaming is the
same call with ``on_token``: providers call it with each piece of text as it arrives, so
the time to first token is measured the same way whether or not the caller streams.
:meth:`ModelProvider.stream` turns that into an iterator for callers that want one.

Providers do no I/O in their constructor; they load or connect on first use
(:meth:`warm_up`) and release in :meth:`close`.
"""

from __future__ import annotations

import queue
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ChatOptions", "ChatResult", "Message", "ModelProvider", "TokenCallback", "Usage"]

TokenCallback = Callable[[str], None]


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


@dataclass(frozen=True)
class ChatResult:
    text: str
    usage: Usage
    model: str
    finish_reason: str
    latency_s: float  # request sent -> last token
    ttft_s: float  # request sent -> first token (== latency_s when nothing streamed)
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def generate_tokens_per_s(self) -> float:
        gen = self.latency_s - self.ttft_s
        return self.usage.completion_tokens / gen if gen > 0 else 0.0


class ModelProvider(ABC):
    """Base class of model providers. Subclasses set ``kind`` and implement :meth:`chat`."""

    kind: ClassVar[str]
    can_stream: ClassVar[bool] = True

    def __init__(self, name: str) -> None:
        self.name = name

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load the model or open the client now rather than on the first call."""

    @abstractmethod
    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        """Generate a reply; call ``on_token`` with each piece of text as it arrives."""

    def stream(
        self, messages: Sequence[Message], options: ChatOptions | None = None
    ) -> Iterator[str | ChatResult]:
        """Yield text pieces as they arrive, then the final :class:`ChatResult`."""
        q: queue.Queue[tuple[str, object]] = queue.Queue()

        def run() -> None:
            try:
                q.put(("done", self.chat(messages, options, on_token=lambda t: q.put(("tok", t)))))
            except BaseException as exc:  # re-raised in the consumer's thread
                q.put(("err", exc))

        worker = threading.Thread(target=run, name=f"genaiops-stream-{self.name}", daemon=True)
        worker.start()
        while True:
            kind, item = q.get()
            if kind == "tok":
                yield str(item)
            elif kind == "done":
                assert isinstance(item, ChatResult)
                yield item
                return
            else:
                assert isinstance(item, BaseException)
                raise item

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the model or client."""
