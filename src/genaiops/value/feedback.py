"""Feedback on answers: a thumbs up or down (and a comment) on an ask, by its trace id.

Stored with the ask's app and tenant (copied from the audit row, so a vote counts for
the app that answered). A vote on an unknown trace id is refused: feedback measures
answers genaiops gave. :func:`votes` counts up and down votes per app over a period;
the value room turns them into the share of good answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import sqlalchemy as sa

from genaiops.errors import InputError, NotFoundError
from genaiops.storage.schema import asks, feedback

if TYPE_CHECKING:
    from genaiops.storage import Database

__all__ = ["RATINGS", "Feedback", "record_feedback", "votes"]

RATINGS = {"up": 1, "down": -1, "+1": 1, "-1": -1, "good": 1, "bad": -1}


@dataclass(frozen=True)
class Feedback:
    id: int
    trace_id: str
    app: str
    rating: Literal[-1, 1]
    comment: str | None


def record_feedback(
    db: Database,
    trace_id: str,
    rating: str | int,
    comment: str | None = None,
    *,
    principal: str | None = None,
) -> Feedback:
    """Store a vote on the answer ``trace_id``; ``rating``: up/down (or +1/-1)."""
    value = RATINGS.get(str(rating).strip().lower())
    if value is None:
        raise InputError(f"rating {rating!r}: use up or down")
    if comment is not None and len(comment) > 4000:
        raise InputError("comment: at most 4,000 characters")
    with db.engine.begin() as conn:
        ask = conn.execute(
            sa.select(asks.c.app, asks.c.tenant).where(asks.c.trace_id == trace_id)
        ).first()
        if ask is None:
            raise NotFoundError(
                f"no answer with trace id {trace_id!r}; the trace id is printed with each "
                "answer (`genaiops ask --json`: trace_id)"
            )
        new_id = conn.execute(
            sa.insert(feedback)
            .values(trace_id=trace_id, app=ask.app, tenant=ask.tenant, rating=value,
                    comment=comment, principal=principal)
            .returning(feedback.c.id)
        ).scalar_one()  # fmt: skip
    return Feedback(int(new_id), trace_id, ask.app, value, comment)  # type: ignore[arg-type]


def votes(
    db: Database, app: str | None = None, since: dt.datetime | None = None
) -> tuple[int, int]:
    """(up, down) votes, for ``app`` (or all) since ``since`` (or ever)."""
    query = sa.select(
        sa.func.count().filter(feedback.c.rating > 0), sa.func.count().filter(feedback.c.rating < 0)
    )
    if app is not None:
        query = query.where(feedback.c.app == app)
    if since is not None:
        query = query.where(feedback.c.ts >= since)
    with db.engine.connect() as conn:
        up, down = conn.execute(query).one()
    return int(up), int(down)
