"""One metered wrapper for every model call: answers, judges, benchmarks.

:class:`MeteredProvider` wraps any provider. Each call, successful, failed or cancelled,
becomes a :class:`~genaiops.costs.ledger.MeterEntry` priced from the catalog and
attributed to the caller of the request it belongs to. Inside an ask the entries gather
in the request's :class:`MeterSink` (a context variable, so a judge called deep inside a
guardrail check is attributed to the same caller and trace) and the pipeline's meter
stage writes them in one transaction; a call made outside any request is written at once.
"""

from __future__ import annotations

import contextvars
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from genaiops.config import Price
from genaiops.costs.ledger import Attribution, Ledger, MeterEntry
from genaiops.costs.pricing import CostBreakdown, cost_of
from genaiops.errors import GenAIOpsError
from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    WrappedProvider,
)

__all__ = ["MeterSink", "MeteredProvider", "metering"]


class MeterSink:
    """The calls of one request, and whom they are charged to."""

    def __init__(self, attribution: Attribution) -> None:
        self.attribution = attribution
        self.entries: list[MeterEntry] = []
        self._lock = threading.Lock()

    def add(self, entry: MeterEntry) -> None:
        with self._lock:
            self.entries.append(entry)

    @property
    def cost(self) -> CostBreakdown:
        total = CostBreakdown(0.0, 0.0, 0.0)
        for e in self.entries:
            total = total + e.cost
        return total


_SINK: contextvars.ContextVar[MeterSink | None] = contextvars.ContextVar(
    "genaiops_meter_sink", default=None
)


@contextmanager
def metering(sink: MeterSink) -> Iterator[MeterSink]:
    """Charge the model calls made in this context (and threads started with a copy of
    it) to ``sink``."""
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


class MeteredProvider(WrappedProvider):
    """``inner`` with every call metered at ``price`` for ``purpose``."""

    def __init__(
        self,
        inner: ModelProvider,
        price: Price,
        ledger: Ledger | None,
        purpose: str = "answer",
    ) -> None:
        super().__init__(inner)
        self.price = price
        self.ledger = ledger
        self.purpose = purpose

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        start = time.perf_counter()
        try:
            result = self.inner.chat(messages, options, on_token)
        except GenAIOpsError as exc:
            self._record(None, time.perf_counter() - start, str(exc))
            raise
        self._record(result, result.latency_s, None)
        return result

    def _record(self, result: ChatResult | None, latency_s: float, error: str | None) -> None:
        sink = _SINK.get()
        attribution = (
            sink.attribution if sink is not None else Attribution(trace_id=uuid.uuid4().hex)
        )
        if result is None:
            # a failed call is charged its instance time (the instance was busy), no tokens
            cost = cost_of(self.price, 0, 0, latency_s)
            entry = MeterEntry(
                attribution,
                self.name,
                self.kind,
                self.purpose,
                "error",
                0,
                0,
                False,
                cost,
                latency_s * 1e3,
                latency_s * 1e3,
                None,
                error,
            )
        else:
            u = result.usage
            cost = cost_of(self.price, u.prompt_tokens, u.completion_tokens, latency_s)
            entry = MeterEntry(
                attribution,
                self.name,
                self.kind,
                self.purpose,
                "cancelled" if result.cancelled else "ok",
                u.prompt_tokens,
                u.completion_tokens,
                u.estimated,
                cost,
                result.latency_s * 1e3,
                result.ttft_s * 1e3,
                result.finish_reason,
            )
        if sink is not None:
            sink.add(entry)
        elif self.ledger is not None:
            self.ledger.record([entry])
