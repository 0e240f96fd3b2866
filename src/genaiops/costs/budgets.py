"""Budgets: reserve a call's maximum cost before it runs, settle its actual cost after.

A budget (:class:`~genaiops.costs.budget_config.BudgetConfig`) caps the spend of one
tenant, API key, app or tag value per UTC day or month. Budgets come from the project
file (``budgets:``, written to the database by :meth:`BudgetBook.sync`, origin
``project``) and from ``genaiops costs budgets set`` (origin ``cli``); the database is
where they are enforced, so every process and replica sees one count.

Per call (:class:`genaiops.apps.metering.MeteredProvider` does this around every model
call):

1. **reserve** the call's maximum cost (:func:`genaiops.costs.pricing.max_cost_of`) on
   every budget that matches its attribution, in one transaction: per budget, one
   ``UPDATE budget_windows SET reserved = reserved + :amount ... WHERE spent + reserved +
   :amount <= limit RETURNING``. PostgreSQL re-checks that condition on the locked row, so
   concurrent callers can never reserve past the limit together. If one budget cannot
   cover it, the transaction rolls back, nothing stays reserved, and the call fails with
   :class:`~genaiops.errors.BudgetExceededError` (402) naming the budget, its spend and
   its limit; no model is called.
2. **settle** after the call, successful or not: the reservation row is deleted and its
   amount moves from ``reserved`` to the actual cost in ``spent`` (a failed call is
   charged what it used, often nothing: that is the release). Spend is never lost: a
   call whose reservation was reclaimed still adds its cost.
3. **alert** once per period when ``spent`` reaches ``alert_at`` x the limit: a warning
   in the log and an ``alert`` row in ``budget_events`` (with ``exceeded`` rows for
   refused calls and ``reclaimed`` rows for reservations taken back).

Crash recovery: each reservation row carries its host, process id and a lease
(``expires_at``). When a budget refuses a call, the reservations on it whose lease ran
out, or whose process on this host is gone, are reclaimed and the call is tried once
more; a killed process therefore never blocks a budget for longer than its lease (and
not at all for the next caller on the same host). :meth:`BudgetBook.reclaim` does the
same on demand (``genaiops costs budgets list`` runs it).

Overspend is bounded: a call's actual cost exceeds its reservation only when its price
is instance time without a stated ``max_call_s`` (the bound then rests on the measured
tokens/s), or its reservation was reclaimed while it still ran.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert

from genaiops.costs.budget_config import BudgetConfig, Scope
from genaiops.errors import BudgetExceededError, NotFoundError
from genaiops.storage import Database
from genaiops.storage.schema import budget_events, budget_reservations, budget_windows, budgets

__all__ = [
    "DEFAULT_LEASE_S",
    "BudgetBook",
    "BudgetStatus",
    "Reservation",
    "budget_targets",
    "money",
]

log = logging.getLogger(__name__)

#: how long a reservation holds before another process may reclaim it
DEFAULT_LEASE_S = 600.0
_HOST = socket.gethostname()
_CENT_12 = Decimal("1e-12")


def money(usd: float | Decimal) -> Decimal:
    """USD as the exact decimal the budget tables count in (12 decimal places)."""
    d = usd if isinstance(usd, Decimal) else Decimal(repr(float(usd)))
    return d.quantize(_CENT_12)


def budget_targets(
    tenant: str, api_key_id: str | None, app: str | None, tags: dict[str, str]
) -> list[tuple[Scope, str]]:
    """The (scope, subject) pairs a call with this attribution is charged to."""
    out: list[tuple[Scope, str]] = [("tenant", tenant)]
    if api_key_id:
        out.append(("key", api_key_id))
    if app:
        out.append(("app", app))
    out.extend(("tag", f"{k}={v}") for k, v in sorted(tags.items()))
    return out


@dataclass(frozen=True)
class Reservation:
    """A call's maximum cost, held on each budget it is charged to until settled."""

    id: str
    amount_usd: Decimal
    parts: tuple[tuple[str, dt.datetime], ...]  # (budget name, its period's start)
    trace_id: str | None = None


@dataclass(frozen=True)
class BudgetStatus:
    """A budget and its current period: spent, reserved by calls in flight, and left."""

    name: str
    scope: str
    subject: str
    period: str
    limit_usd: float
    alert_at: float
    origin: str
    window_start: dt.datetime | None
    spent_usd: float
    reserved_usd: float
    reservations: int

    @property
    def left_usd(self) -> float:
        return self.limit_usd - self.spent_usd - self.reserved_usd


class _Refused(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _window_start(b: sa.Table = budgets) -> sa.ColumnElement[Any]:
    """The start of a budget's current period, in SQL (the database's clock, UTC)."""
    return sa.func.date_trunc(b.c.period, sa.func.now(), "UTC")


class BudgetBook:
    """The budgets of one database. Thread-safe; one per process is enough (the ledger
    holds one). ``declared`` are the project file's budgets, written on first use."""

    def __init__(
        self,
        db: Database,
        declared: Sequence[BudgetConfig] = (),
        *,
        lease_s: float = DEFAULT_LEASE_S,
        refresh_s: float = 2.0,
    ) -> None:
        self.db = db
        self.declared = tuple(declared)
        self.lease_s = lease_s
        self.refresh_s = refresh_s  # how stale this process's list of budgets may be
        self._lock = threading.RLock()
        self._synced = not self.declared
        self._targets: dict[tuple[str, str], list[str]] = {}
        self._loaded_at = -1e18

    # -- definitions ------------------------------------------------------------------------

    def sync(self) -> None:
        """Write the project file's budgets (origin ``project``) and drop project budgets
        that are no longer declared; CLI budgets stay as they are."""
        rows = [self._row(b, "project") for b in self.declared]
        with self.db.engine.begin() as conn:
            conn.execute(
                sa.delete(budgets).where(
                    budgets.c.origin == "project",
                    budgets.c.name.not_in([r["name"] for r in rows]),
                )
            )
            if rows:
                conn.execute(self._upsert(), rows)
        self._synced = True
        self._invalidate()

    def _ensure_synced(self) -> None:
        if not self._synced:
            with self._lock:
                if not self._synced:
                    self.sync()

    @staticmethod
    def _row(b: BudgetConfig, origin: str) -> dict[str, Any]:
        return {
            "name": b.name,
            "scope": b.scope,
            "subject": b.subject,
            "period": b.period,
            "limit_usd": money(b.limit_usd),
            "alert_at": b.alert_at,
            "origin": origin,
        }

    @staticmethod
    def _upsert() -> Any:
        stmt = pg_insert(budgets)
        return stmt.on_conflict_do_update(
            index_elements=[budgets.c.name],
            set_={
                "limit_usd": stmt.excluded.limit_usd,
                "alert_at": stmt.excluded.alert_at,
                "origin": stmt.excluded.origin,
                "updated_at": sa.func.now(),
            },
        )

    def set(self, budget: BudgetConfig, origin: str = "cli") -> None:
        """Create or change a budget (its limit and alert threshold)."""
        self._ensure_synced()
        with self.db.engine.begin() as conn:
            conn.execute(self._upsert(), [self._row(budget, origin)])
        self._invalidate()

    def delete(self, name: str) -> None:
        """Remove a budget, its periods and reservations."""
        with self.db.engine.begin() as conn:
            gone = conn.execute(sa.delete(budgets).where(budgets.c.name == name)).rowcount
        self._invalidate()
        if not gone:
            raise NotFoundError(
                f"no budget {name!r}; 'genaiops costs budgets list' shows them "
                f"(names are SCOPE:SUBJECT/PERIOD, e.g. tenant:acme/month)"
            )

    def _invalidate(self) -> None:
        with self._lock:
            self._loaded_at = -1e18

    def _names_for(self, targets: Sequence[tuple[str, str]]) -> list[str]:
        """The budgets charged for these targets, from a list at most ``refresh_s`` old."""
        self._ensure_synced()
        now = time.monotonic()
        if now - self._loaded_at > self.refresh_s:
            with self.db.engine.connect() as conn:
                rows = conn.execute(sa.select(budgets.c.name, budgets.c.scope, budgets.c.subject))
                found: dict[tuple[str, str], list[str]] = {}
                for r in rows:
                    found.setdefault((r.scope, r.subject), []).append(r.name)
            with self._lock:
                self._targets, self._loaded_at = found, now
        names = {n for t in targets for n in self._targets.get(t, [])}
        return sorted(names)  # one lock order for every caller: no deadlocks

    def has_budgets(self, targets: Sequence[tuple[str, str]]) -> bool:
        """Whether any budget applies to these targets (no query most of the time)."""
        return bool(self._names_for(targets))

    # -- reserve, settle, reclaim -----------------------------------------------------------

    def reserve(
        self,
        targets: Sequence[tuple[str, str]],
        amount_usd: float,
        *,
        trace_id: str | None = None,
        lease_s: float | None = None,
    ) -> Reservation | None:
        """Hold ``amount_usd`` on every budget of ``targets`` (see :func:`budget_targets`),
        all or none; ``None`` when no budget applies. Raises
        :class:`~genaiops.errors.BudgetExceededError` when one cannot cover it."""
        names = self._names_for(targets)
        if not names:
            return None
        amount = money(amount_usd)
        lease = dt.timedelta(seconds=lease_s if lease_s is not None else self.lease_s)
        refused = ""
        for attempt in range(3):
            try:
                return self._reserve(names, amount, lease, trace_id)
            except _Refused as exc:
                refused = exc.name
            if self.status(refused) is None:  # deleted meanwhile: re-read the list
                self._invalidate()
                names = self._names_for(targets)
                if not names:
                    return None
                continue
            # reclaim dead or expired holds on the refusing budget, then try once more
            if attempt == 0 and self.reclaim([refused]):
                continue
            break
        raise self._exceeded(refused, amount, trace_id)

    def _reserve(
        self, names: list[str], amount: Decimal, lease: dt.timedelta, trace_id: str | None
    ) -> Reservation:
        w, b = budget_windows, budgets
        rid = uuid.uuid4().hex
        parts: list[tuple[str, dt.datetime]] = []
        with self.db.engine.begin() as conn:
            conn.execute(
                pg_insert(w)
                .from_select(
                    ["budget", "window_start"],
                    sa.select(b.c.name, _window_start())
                    .where(b.c.name.in_(names))
                    .order_by(b.c.name),  # one lock order: no deadlocks
                )
                .on_conflict_do_nothing()
            )
            for name in names:
                got = conn.execute(
                    sa.update(w)
                    .values(reserved_usd=w.c.reserved_usd + amount)
                    .where(
                        w.c.budget == b.c.name,
                        b.c.name == name,
                        w.c.window_start == _window_start(),
                        w.c.spent_usd + w.c.reserved_usd + amount <= b.c.limit_usd,
                    )
                    .returning(w.c.window_start)
                ).first()
                if got is None:
                    raise _Refused(name)  # rolls the whole reservation back
                parts.append((name, got.window_start))
            conn.execute(
                sa.insert(budget_reservations).values(expires_at=sa.func.now() + lease),
                [
                    {
                        "id": rid,
                        "budget": name,
                        "window_start": start,
                        "amount_usd": amount,
                        "trace_id": trace_id,
                        "host": _HOST,
                        "pid": os.getpid(),
                    }
                    for name, start in parts
                ],
            )
        return Reservation(rid, amount, tuple(parts), trace_id)

    def _exceeded(self, name: str, amount: Decimal, trace_id: str | None) -> BudgetExceededError:
        status = self.status(name)
        if status is None:  # changed under us three times: say so rather than guess
            return BudgetExceededError(
                f"budget {name} kept changing while this call was reserved; try again",
                budget=name,
            )
        with self.db.engine.begin() as conn:
            conn.execute(
                sa.insert(budget_events).values(
                    budget=name,
                    kind="exceeded",
                    window_start=status.window_start,
                    spent_usd=money(status.spent_usd),
                    limit_usd=money(status.limit_usd),
                    trace_id=trace_id,
                    detail=f"refused a call of up to ${amount.normalize():f}",
                )
            )
        target = name.rsplit("/", 1)[0]
        log.warning(
            "budget %s refused a call of up to $%s: spent $%.6f + reserved $%.6f of $%.6f",
            name,
            amount.normalize(),
            status.spent_usd,
            status.reserved_usd,
            status.limit_usd,
        )
        return BudgetExceededError(
            f"budget {name} cannot cover this call: spent ${status.spent_usd:.6f} "
            f"(+ ${status.reserved_usd:.6f} reserved by calls in flight) of its "
            f"${status.limit_usd:.6f} limit, and the call may cost up to "
            f"${float(amount):.6f}; raise the limit with 'genaiops costs budgets set "
            f"{target} --period {status.period} --limit USD' or wait for the next "
            f"{status.period}",
            budget=name,
            spent_usd=status.spent_usd,
            limit_usd=status.limit_usd,
        )

    def settle(self, reservation: Reservation, actual_usd: float) -> None:
        """Replace the reservation by the call's actual cost (0 releases it)."""
        w, b = budget_windows, budgets
        actual = money(max(actual_usd, 0.0))
        alerts: list[tuple[str, float, float]] = []
        with self.db.engine.begin() as conn:
            held = {
                r.budget: r.amount_usd
                for r in conn.execute(
                    sa.delete(budget_reservations)
                    .where(budget_reservations.c.id == reservation.id)
                    .returning(budget_reservations.c.budget, budget_reservations.c.amount_usd)
                )
            }
            for name, start in reservation.parts:
                release = held.get(name, Decimal(0))
                conn.execute(
                    sa.update(w)
                    .values(
                        reserved_usd=sa.func.greatest(w.c.reserved_usd - release, 0),
                        spent_usd=w.c.spent_usd + actual,
                    )
                    .where(w.c.budget == name, w.c.window_start == start)
                )
                alert = conn.execute(
                    sa.update(w)
                    .values(alerted=True)
                    .where(
                        w.c.budget == b.c.name,
                        w.c.budget == name,
                        w.c.window_start == start,
                        w.c.alerted.is_(False),
                        w.c.spent_usd >= b.c.limit_usd * b.c.alert_at,
                    )
                    .returning(w.c.spent_usd, b.c.limit_usd, b.c.alert_at)
                ).first()
                if alert is not None:
                    conn.execute(
                        sa.insert(budget_events).values(
                            budget=name,
                            kind="alert",
                            window_start=start,
                            spent_usd=alert.spent_usd,
                            limit_usd=alert.limit_usd,
                            trace_id=reservation.trace_id,
                            detail=f"spent reached {alert.alert_at:.0%} of the limit",
                        )
                    )
                    alerts.append((name, float(alert.spent_usd), float(alert.limit_usd)))
        for name, spent, limit in alerts:
            log.warning(
                "budget %s: spent $%.6f, %.0f%% of its $%.6f limit",
                name,
                spent,
                100 * spent / limit,
                limit,
            )

    def reclaim(self, names: Sequence[str] | None = None) -> int:
        """Take back reservations whose lease expired or whose process (on this host) is
        gone; returns how many budget holds were released."""
        r, w = budget_reservations, budget_windows
        query = sa.select(
            r.c.id, r.c.budget, r.c.host, r.c.pid, (r.c.expires_at < sa.func.now()).label("expired")
        )
        if names is not None:
            query = query.where(r.c.budget.in_(list(names)))
        with self.db.engine.connect() as conn:
            rows = conn.execute(query).all()
        stale = [x for x in rows if x.expired or (x.host == _HOST and not _alive(x.pid))]
        released = 0
        for x in stale:
            with self.db.engine.begin() as conn:
                gone = conn.execute(
                    sa.delete(r)
                    .where(r.c.id == x.id, r.c.budget == x.budget)
                    .returning(r.c.window_start, r.c.amount_usd, r.c.trace_id)
                ).first()
                if gone is None:
                    continue  # settled meanwhile by its owner
                conn.execute(
                    sa.update(w)
                    .values(reserved_usd=sa.func.greatest(w.c.reserved_usd - gone.amount_usd, 0))
                    .where(w.c.budget == x.budget, w.c.window_start == gone.window_start)
                )
                why = "lease expired" if x.expired else f"process {x.pid} on {x.host} is gone"
                conn.execute(
                    sa.insert(budget_events).values(
                        budget=x.budget,
                        kind="reclaimed",
                        window_start=gone.window_start,
                        trace_id=gone.trace_id,
                        detail=f"released ${gone.amount_usd.normalize():f}: {why}",
                    )
                )
                released += 1
        if released:
            log.warning("reclaimed %d budget reservations of ended or expired calls", released)
        return released

    # -- reading ----------------------------------------------------------------------------

    def statuses(self) -> list[BudgetStatus]:
        """Every budget with its current period's spend and reservations."""
        self._ensure_synced()
        return self._statuses(None)

    def status(self, name: str) -> BudgetStatus | None:
        found = self._statuses(name)
        return found[0] if found else None

    def _statuses(self, name: str | None) -> list[BudgetStatus]:
        b, w, r = budgets, budget_windows, budget_reservations
        held = (
            sa.select(sa.func.count())
            .where(r.c.budget == b.c.name, r.c.window_start == w.c.window_start)
            .scalar_subquery()
        )
        query = (
            sa.select(b, w.c.window_start, w.c.spent_usd, w.c.reserved_usd, held.label("held"))
            .select_from(
                b.outerjoin(w, sa.and_(w.c.budget == b.c.name, w.c.window_start == _window_start()))
            )
            .order_by(b.c.name)
        )
        if name is not None:
            query = query.where(b.c.name == name)
        with self.db.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            BudgetStatus(
                x.name,
                x.scope,
                x.subject,
                x.period,
                float(x.limit_usd),
                x.alert_at,
                x.origin,
                x.window_start,
                float(x.spent_usd or 0),
                float(x.reserved_usd or 0),
                int(x.held or 0),
            )
            for x in rows
        ]

    def events(self, name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Alerts, refusals and reclaims, newest first."""
        query = sa.select(budget_events).order_by(budget_events.c.id.desc()).limit(limit)
        if name is not None:
            query = query.where(budget_events.c.budget == name)
        with self.db.engine.connect() as conn:
            return [dict(x._mapping) for x in conn.execute(query)]
