"""The response cache of evaluation runs: a re-run makes no model call.

Key
    sha256 of the model (its name and the settings that change its output: not its price,
    description or thread count), the parameters (:class:`ChatOptions`), the exact prompt
    messages, and the repeat number. The repeat is in the key on purpose: repeats exist
    to measure run-to-run variation (sampling, and latency), which a cache would hide;
    repeat 0 of every run shares one entry, so re-running a suite costs nothing.

A hit is replayed, not returned
    :class:`CachingProvider` sits in front of the metered provider, so a hit writes no
    ledger row and costs nothing. The cached reply is fed through ``on_token`` piece by
    piece, exactly as it was first streamed, so the guarded stream and the output
    checks run on it again and a cached answer is blocked, masked and cited exactly as the
    first one was. The :class:`ChatResult` carries the first call's usage and timings
    (``extra["cached"]`` says it is a replay), so a report's latency and cost figures do
    not change on a re-run.

Whole replies only
    When the consumer stops the stream (a guardrail blocked a sentence), the provider is
    *not* stopped: it generates to the end and the whole reply is stored, while the
    consumer gets only what it asked for (a cancelled ask does stop it, and stores
    nothing). A cut reply could not be replayed to a consumer
    that would read further (another policy). In an evaluation a blocked answer therefore
    costs its full generation, which production (stopping at once) does not pay.

Entries live in PostgreSQL (``eval_response_cache``), shared by every run of the
project; ``CacheScope`` counts the hits and misses of one ask for the runner.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    Usage,
    WrappedProvider,
)
from genaiops.models.files import adapter_digest
from genaiops.storage import Database
from genaiops.storage.schema import eval_response_cache

__all__ = ["CacheScope", "CachedResponse", "CachingProvider", "ResponseCache", "cache_scope"]

#: settings of a model entry that do not change what it replies
_NOT_IN_KEY = frozenset({"price", "description", "n_threads", "api_key_env"})


@dataclass
class CacheScope:
    """What the cache did for one ask (or one scoring pass): the runner reads it."""

    repeat: int = 0
    cancel: threading.Event | None = None  # set: stop the model (the ask was cancelled)
    hits: int = 0
    misses: int = 0
    replay_s: float = 0.0  # wall time spent replaying hits (the checks run in it)
    original_s: float = 0.0  # the first calls' latency that the hits stand for


_SCOPE: contextvars.ContextVar[CacheScope | None] = contextvars.ContextVar(
    "genaiops_eval_cache_scope", default=None
)


@contextmanager
def cache_scope(repeat: int = 0, cancel: threading.Event | None = None) -> Iterator[CacheScope]:
    """Count the cache's hits and misses in this context; ``repeat`` goes into the key;
    ``cancel`` (the ask's cancel event) stops a model call that is not cached yet."""
    scope = CacheScope(repeat, cancel)
    token = _SCOPE.set(scope)
    try:
        yield scope
    finally:
        _SCOPE.reset(token)


@dataclass(frozen=True)
class CachedResponse:
    pieces: tuple[str, ...]
    text: str
    usage: Usage
    finish_reason: str
    latency_s: float
    ttft_s: float


class ResponseCache:
    """Responses by key, in ``eval_response_cache``."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def request(
        provider: ModelProvider,
        messages: Sequence[Message],
        options: ChatOptions,
        repeat: int,
    ) -> dict[str, Any]:
        """What the key is computed from (stored with the entry, for inspection)."""
        model = provider.config.model_dump(mode="json", exclude=set(_NOT_IN_KEY))
        # the adapter's contents, not only its path: a tune retrained under the same name
        # rewrites the file, and its answers must not come from the old one's entries
        adapter = adapter_digest(getattr(provider.config, "adapter", None), provider.base_dir)
        if adapter is not None:
            model["adapter_sha256"] = adapter
        return {
            "model": provider.name,
            "settings": model,
            "options": options.model_dump(mode="json"),
            "messages": [m.model_dump(mode="json") for m in messages],
            "repeat": repeat,
        }

    @staticmethod
    def key(request: dict[str, Any]) -> str:
        text = json.dumps(request, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key: str) -> CachedResponse | None:
        c = eval_response_cache.c
        with self.db.engine.connect() as conn:
            row = conn.execute(sa.select(eval_response_cache).where(c.key == key)).first()
        with self._lock:
            if row is None:
                self.misses += 1
                return None
            self.hits += 1
        return CachedResponse(
            tuple(row.pieces),
            row.text,
            Usage(row.prompt_tokens, row.completion_tokens, row.tokens_estimated),
            row.finish_reason,
            row.latency_ms / 1e3,
            row.ttft_ms / 1e3,
        )

    def put(self, key: str, request: dict[str, Any], response: CachedResponse) -> None:
        values = {
            "key": key,
            "model": str(request["model"]),
            "request": request,
            "pieces": list(response.pieces),
            "text": response.text,
            "prompt_tokens": response.usage.prompt_tokens,
            "completion_tokens": response.usage.completion_tokens,
            "tokens_estimated": response.usage.estimated,
            "finish_reason": response.finish_reason,
            "latency_ms": response.latency_s * 1e3,
            "ttft_ms": response.ttft_s * 1e3,
        }
        with self.db.engine.begin() as conn:
            conn.execute(insert(eval_response_cache).values(values).on_conflict_do_nothing())

    def clear(self, model: str | None = None) -> int:
        """Drop entries (of one model, or all); returns how many."""
        query = sa.delete(eval_response_cache)
        if model is not None:
            query = query.where(eval_response_cache.c.model == model)
        with self.db.engine.begin() as conn:
            return int(conn.execute(query).rowcount)


class CachingProvider(WrappedProvider):
    """``inner`` (a metered provider) behind the response cache."""

    def __init__(self, inner: ModelProvider, cache: ResponseCache) -> None:
        super().__init__(inner)
        self.cache = cache

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        opts = options or ChatOptions()
        scope = _SCOPE.get()
        request = ResponseCache.request(self.inner, messages, opts, scope.repeat if scope else 0)
        key = ResponseCache.key(request)
        hit = self.cache.get(key)
        if hit is not None:
            return self._replay(hit, on_token, scope)
        if scope is not None:
            scope.misses += 1
        pieces: list[str] = []
        forwarded: list[str] = []
        stopped = False

        def record(piece: str) -> bool:
            nonlocal stopped
            pieces.append(piece)
            if not stopped:
                forwarded.append(piece)
                if on_token is not None and on_token(piece):
                    stopped = True
            # never stop the model for the consumer (the stored reply must be whole), only
            # when the ask is cancelled: a cancelled reply is not stored
            return scope is not None and scope.cancel is not None and scope.cancel.is_set()

        result = self.inner.chat(messages, opts, record)
        response = CachedResponse(
            tuple(pieces) if pieces else (result.text,),
            result.text,
            result.usage,
            result.finish_reason,
            result.latency_s,
            result.ttft_s,
        )
        if result.finish_reason != "cancelled":
            self.cache.put(key, request, response)
        if stopped:
            return _result(self.name, response, "".join(forwarded), "cancelled", cached=False)
        return result

    def _replay(
        self, hit: CachedResponse, on_token: TokenCallback | None, scope: CacheScope | None
    ) -> ChatResult:
        start = time.perf_counter()
        forwarded: list[str] = []
        stopped = False
        for piece in hit.pieces:
            forwarded.append(piece)
            if on_token is not None and on_token(piece):
                stopped = True
                break
        if scope is not None:
            scope.hits += 1
            scope.replay_s += time.perf_counter() - start
            scope.original_s += hit.latency_s
        if stopped:
            return _result(self.name, hit, "".join(forwarded), "cancelled", cached=True)
        return _result(self.name, hit, hit.text, hit.finish_reason, cached=True)


def _result(model: str, r: CachedResponse, text: str, finish: str, *, cached: bool) -> ChatResult:
    return ChatResult(
        text=text,
        usage=r.usage,
        model=model,
        finish_reason=finish,
        latency_s=r.latency_s,
        ttft_s=r.ttft_s,
        extra={"cached": cached},
    )
