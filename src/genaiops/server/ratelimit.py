"""Rate limits per API key that hold across every server process sharing the database.

A key may have a limit of requests per minute (``rpm``) and of tokens per minute
(``tpm``): ``genaiops keys create ... --rpm 60 --tpm 100000``. Each is counted in fixed
one-minute windows (the database's clock, ``date_trunc('minute', now())``), one row of
``rate_windows`` per key and minute, updated atomically by every process (``INSERT ... ON
CONFLICT DO UPDATE SET requests = requests + 1 RETURNING``), so N workers on M hosts
together admit at most ``rpm`` requests of a key a minute.

* :func:`admit`, before the endpoint does any work (before the model call): counts the
  request and refuses it (429 ``rate_limited``, with ``Retry-After``: the seconds to the
  next window) when it is over ``rpm``, or when the window's tokens already reached ``tpm``.
* :func:`settle`, after the answer: adds its tokens (prompt and completion) to the
  window. Tokens are known only afterwards, so the request that crosses ``tpm`` is
  answered and the next ones are refused until the window ends.

Every request of a limited key costs one small write; keys with no limits cost nothing.
"""

from __future__ import annotations

import logging
import math

import sqlalchemy as sa

from genaiops.errors import RateLimitError, StorageError
from genaiops.server.keys import ApiKey
from genaiops.storage import Database

__all__ = ["RateLimitError", "admit", "settle"]

log = logging.getLogger(__name__)

_ADMIT = sa.text(
    """
    INSERT INTO rate_windows (key_id, window_start, requests)
    VALUES (:key, date_trunc('minute', now()), 1)
    ON CONFLICT (key_id, window_start) DO UPDATE SET requests = rate_windows.requests + 1
    RETURNING requests, tokens,
              extract(epoch FROM window_start + interval '1 minute' - now()) AS left_s
    """
)
_SETTLE = sa.text(
    """
    INSERT INTO rate_windows (key_id, window_start, tokens)
    VALUES (:key, date_trunc('minute', now()), :tokens)
    ON CONFLICT (key_id, window_start) DO UPDATE SET tokens = rate_windows.tokens + :tokens
    """
)
_FORGET = sa.text(
    "DELETE FROM rate_windows WHERE key_id = :key "
    "AND window_start < date_trunc('minute', now()) - interval '1 minute'"
)


def _storage_error(exc: sa.exc.DBAPIError) -> StorageError:
    return StorageError(
        f"cannot count the API key's rate limit: the database does not answer ({exc.orig}); "
        f"check it with genaiops db status"
    )


def admit(db: Database, key: ApiKey) -> None:
    """Count one request of ``key`` in this minute's window; RateLimitError (429) when the
    key is over its requests or tokens per minute. A no-op for a key without limits."""
    if key.rpm is None and key.tpm is None:
        return
    try:
        with db.engine.begin() as conn:
            row = conn.execute(_ADMIT, {"key": key.id}).one()
            if row.requests == 1:  # a new window: drop the key's old ones
                conn.execute(_FORGET, {"key": key.id})
    except sa.exc.DBAPIError as exc:
        raise _storage_error(exc) from exc
    retry = max(1.0, float(math.ceil(float(row.left_s))))
    if key.rpm is not None and row.requests > key.rpm:
        raise RateLimitError(
            f"API key {key.id} is over its limit of {key.rpm} requests per minute; retry in "
            f"{retry:.0f} s",
            retry_after_s=retry,
        )
    if key.tpm is not None and row.tokens >= key.tpm:
        raise RateLimitError(
            f"API key {key.id} is over its limit of {key.tpm} tokens per minute "
            f"({row.tokens} used); retry in {retry:.0f} s",
            retry_after_s=retry,
        )


def settle(db: Database, key: ApiKey, tokens: int) -> None:
    """Add an answer's ``tokens`` to this minute's window of ``key`` (when it has a
    tokens-per-minute limit). The answer is already made: a database that fails here is
    logged, not the caller's error."""
    if key.tpm is None or tokens <= 0:
        return
    try:
        with db.engine.begin() as conn:
            conn.execute(_SETTLE, {"key": key.id, "tokens": int(tokens)})
    except sa.exc.DBAPIError as exc:
        log.warning("could not count %d tokens of API key %s: %s", tokens, key.id, exc.orig)
