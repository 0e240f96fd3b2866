"""Turning a call that reports pieces through a callback into an iterator.

Providers generate through a token callback and the compiled app releases text through
one; :func:`iterate_in_thread` runs such a call in a worker thread (with a copy of the
caller's context, so metering attribution travels with it) and yields each piece, then
the call's return value. Closing the iterator early makes the callback return True,
which stops a generation, and calls ``on_close``.
"""

from __future__ import annotations

import contextvars
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

__all__ = ["iterate_in_thread"]

R = TypeVar("R")


def iterate_in_thread(
    work: Callable[[Callable[[str], bool]], R],
    name: str,
    on_close: Callable[[], None] | None = None,
) -> Iterator[str | R]:
    """Yield the pieces ``work`` passes to its callback, then what ``work`` returns;
    an exception ``work`` raises is raised here, in the consumer's thread."""
    q: queue.Queue[tuple[str, object]] = queue.Queue()
    stop = threading.Event()

    def on_piece(text: str) -> bool:
        q.put(("piece", text))
        return stop.is_set()

    def run() -> None:
        try:
            q.put(("done", work(on_piece)))
        except BaseException as exc:  # re-raised in the consumer's thread
            q.put(("error", exc))

    ctx = contextvars.copy_context()
    threading.Thread(target=ctx.run, args=(run,), name=name, daemon=True).start()
    try:
        while True:
            kind, item = q.get()
            if kind == "piece":
                yield str(item)
            elif kind == "done":
                yield item  # type: ignore[misc]
                return
            else:
                assert isinstance(item, BaseException)
                raise item
    finally:
        stop.set()
        if on_close is not None:
            on_close()
