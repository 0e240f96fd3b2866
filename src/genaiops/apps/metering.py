"""One metered wrapper for every model call: answers, judges, benchmarks.

:class:`MeteredProvider` wraps any provider. Each call, successful, failed or cancelled,
becomes a :class:`~genaiops.costs.ledger.MeterEntry` priced from the catalog and
attributed to the caller of the request it belongs to. Inside an ask the entries gather
in the request's :class:`MeterSink` (a context variable, so a judge called deep inside a
guardrail check is attributed to the same caller and trace) and the pipeline's meter
stage writes them in one transaction; a call made outside any request is written at once.

Budgets are enforced here, around the model call itself, so every call an ask makes (the
answer and a grounding judge alike) is covered: before the call its maximum cost
(:func:`~genaiops.costs.pricing.max_cost_of`: the prompt's tokens, or a bound on them, at
the input price, ``max_tokens`` at the output price, and the instance time bound) is
reserved on every budget of the caller's tenant, API key, app and tags
(:class:`~genaiops.costs.budgets.BudgetBook`); after it, failed or not, the reservation is
settled to the cost the ledger row records. An exhausted budget raises
:class:`~genaiops.errors.BudgetExceededError` before the model is called.

A price that names the price table (``price: {from_table: NAME}``) is resolved on the
first call, from the ledger's database.
"""

from __future__ import annotations

import contextvars
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from genaiops.costs.budgets import Reservation, budget_targets
from genaiops.costs.ledger import Attribution, Ledger, MeterEntry
from genaiops.costs.prices import resolve_price
from genaiops.costs.pricing import CostBreakdown, Price, cost_of, max_cost_of
from genaiops.errors import GenAIOpsError
from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    WrappedProvider,
)

__all__ = ["PROMPT_TEMPLATE_TOKENS", "MeterSink", "MeteredProvider", "metering", "prompt_bound"]

#: tokens a chat template may add around the messages (role markers), per message and once
PROMPT_TEMPLATE_TOKENS = (8, 16)


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


def prompt_bound(messages: Sequence[Message]) -> int:
    """An upper bound on a prompt's tokens with any tokenizer: a token covers at least
    one byte of text, plus the template's markers (:data:`PROMPT_TEMPLATE_TOKENS`)."""
    per_message, once = PROMPT_TEMPLATE_TOKENS
    return once + sum(len(m.content.encode("utf-8")) + per_message for m in messages)


class MeteredProvider(WrappedProvider):
    """``inner`` with every call metered at ``price`` for ``purpose``, and the caller's
    budgets enforced around it (when there is a ledger)."""

    def __init__(
        self,
        inner: ModelProvider,
        price: Price,
        ledger: Ledger | None,
        purpose: str = "answer",
    ) -> None:
        super().__init__(inner)
        self.declared_price = price
        self._price: Price | None = None if price.from_table else price
        self.ledger = ledger
        self.purpose = purpose
        self._price_lock = threading.Lock()

    @property
    def price(self) -> Price:
        """The price calls are charged at (a price-table entry is read once)."""
        if self._price is None:
            with self._price_lock:
                if self._price is None:
                    db = self.ledger.db if self.ledger is not None else None
                    self._price = resolve_price(self.declared_price, self.name, db)
        return self._price

    def max_cost(self, messages: Sequence[Message], options: ChatOptions | None) -> float:
        """The most this call can cost (what a budget reserves)."""
        price = self.price
        max_tokens = (options or ChatOptions()).max_tokens
        prompt = 0
        if price.input_per_1m > 0:
            count = self.inner.count_prompt_tokens(messages)
            prompt = count.tokens if count.exact else prompt_bound(messages)
        return max_cost_of(price, prompt, max_tokens).total_usd

    def _reserve(
        self, attribution: Attribution, messages: Sequence[Message], options: ChatOptions | None
    ) -> Reservation | None:
        if self.ledger is None:
            return None
        book = self.ledger.budgets
        a = attribution
        targets = budget_targets(a.tenant, a.api_key_id, a.app, a.tags)
        if not book.has_budgets(targets):
            return None
        amount = self.max_cost(messages, options)
        if amount <= 0:  # a free call spends nothing: no budget can refuse it
            return None
        return book.reserve(targets, amount, trace_id=attribution.trace_id)

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        sink = _SINK.get()
        attribution = (
            sink.attribution if sink is not None else Attribution(trace_id=uuid.uuid4().hex)
        )
        price = self.price
        hold = self._reserve(attribution, messages, options)
        charged = 0.0
        start = time.perf_counter()
        try:
            try:
                result = self.inner.chat(messages, options, on_token)
            except GenAIOpsError as exc:
                charged = self._record(
                    sink, attribution, price, None, time.perf_counter() - start, str(exc)
                )
                raise
            except BaseException:  # interrupted: the instance was busy all the same
                charged = cost_of(price, 0, 0, time.perf_counter() - start).total_usd
                raise
            charged = self._record(sink, attribution, price, result, result.latency_s, None)
            return result
        finally:
            if hold is not None:
                assert self.ledger is not None
                self.ledger.budgets.settle(hold, charged)

    def _record(
        self,
        sink: MeterSink | None,
        attribution: Attribution,
        price: Price,
        result: ChatResult | None,
        latency_s: float,
        error: str | None,
    ) -> float:
        """Meter one call; returns its cost."""
        if result is None:
            # a failed call is charged its instance time (the instance was busy), no tokens
            cost = cost_of(price, 0, 0, latency_s)
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
            cost = cost_of(price, u.prompt_tokens, u.completion_tokens, latency_s)
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
        return cost.total_usd
