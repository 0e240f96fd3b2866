"""Budgets: declared and set, reserved atomically in PostgreSQL, settled, alerted, and
reclaimed after crashes; 50 concurrent callers (threads, then processes) never overspend
by more than one request's maximum cost (K2)."""

from __future__ import annotations

import logging
import multiprocessing as mp
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from genaiops.apps import AskRequest, Caller
from genaiops.apps.metering import MeteredProvider, MeterSink, metering
from genaiops.config import parse_project
from genaiops.costs.budget_config import BudgetConfig, parse_budget_target
from genaiops.costs.budgets import BudgetBook, budget_targets
from genaiops.costs.ledger import Attribution, Ledger
from genaiops.costs.pricing import Price
from genaiops.errors import (
    BudgetExceededError,
    ConfigError,
    InputError,
    ModelUnavailableError,
    NotFoundError,
)
from genaiops.models.base import ChatOptions, Message
from genaiops.models.echo import EchoModelConfig, EchoProvider
from genaiops.runtime import Runtime
from genaiops.storage import Database
from genaiops.storage.schema import budget_reservations

PRICE = Price(input_per_1m=3.0, output_per_1m=15.0, source="test", as_of="2026-12-01")
MESSAGES = [Message(role="user", content="What does the Trailhawk 2 cost in Oregon?")]


def _name() -> str:
    return uuid.uuid4().hex[:10]


def _targets(tenant: str) -> list[tuple[str, str]]:
    return list(budget_targets(tenant, None, None, {}))


# -- declarations ---------------------------------------------------------------------------


def test_a_budget_names_exactly_one_target() -> None:
    b = BudgetConfig(tag="team=sales", period="day", limit_usd=5)
    assert (b.scope, b.subject, b.name) == ("tag", "team=sales", "tag:team=sales/day")
    with pytest.raises(ValueError, match="exactly one of tenant, key, app or tag"):
        BudgetConfig(tenant="a", app="b", limit_usd=1)
    with pytest.raises(ValueError, match="NAME=VALUE"):
        BudgetConfig(tag="sales", limit_usd=1)
    assert parse_budget_target("key:key-ci") == ("key", "key-ci")
    with pytest.raises(InputError, match="SCOPE:SUBJECT"):
        parse_budget_target("team=sales")


def test_budgets_are_declared_in_the_project_file() -> None:
    data: dict[str, Any] = {
        "name": "p",
        "apps": {"assistant": {"model": "smollm2-135m"}},
        "budgets": [
            {"tenant": "acme", "period": "month", "limit_usd": 200},
            {"app": "assistant", "period": "day", "limit_usd": 2, "alert_at": 0.5},
        ],
    }
    project = parse_project(data)
    assert [b.name for b in project.budgets] == ["tenant:acme/month", "app:assistant/day"]
    data["budgets"].append({"tenant": "acme", "period": "month", "limit_usd": 1})
    with pytest.raises(ConfigError, match="budgets: tenant:acme/month declared more than once"):
        parse_project(data)
    with pytest.raises(ConfigError, match=r"budgets\.0\.limit_usd: input should be greater than 0"):
        parse_project({"name": "p", "budgets": [{"tenant": "a", "limit_usd": 0}]})
    with pytest.raises(ConfigError, match="budgets.0.app: unknown app 'nope'"):
        parse_project({"name": "p", "budgets": [{"app": "nope", "limit_usd": 1}]})


def test_declared_budgets_are_written_and_dropped_with_the_file(database: Database) -> None:
    t = _name()
    declared = [BudgetConfig(tenant=t, period="day", limit_usd=1.0)]
    BudgetBook(database, declared).statuses()  # writes them on first use
    book = BudgetBook(database)
    names = {s.name: s.origin for s in book.statuses()}
    assert names[f"tenant:{t}/day"] == "project"
    book.set(BudgetConfig(tenant=t, period="month", limit_usd=9.0))  # set by the CLI
    BudgetBook(database, []).sync()  # the declaration was removed from the file
    names = {s.name: s.origin for s in book.statuses()}
    assert f"tenant:{t}/day" not in names and names[f"tenant:{t}/month"] == "cli"
    book.delete(f"tenant:{t}/month")
    with pytest.raises(NotFoundError, match="genaiops costs budgets list"):
        book.delete(f"tenant:{t}/month")


# -- reserve, settle, alert, reclaim --------------------------------------------------------


def test_reserve_settle_and_a_clear_refusal(database: Database) -> None:
    t = _name()
    book = BudgetBook(database)
    book.set(BudgetConfig(tenant=t, period="day", limit_usd=1.0))
    assert book.reserve(_targets("someone-else"), 5.0) is None  # no budget applies
    first = book.reserve(_targets(t), 0.4)
    second = book.reserve(_targets(t), 0.4)
    assert first is not None and second is not None
    with pytest.raises(BudgetExceededError) as refused:
        book.reserve(_targets(t), 0.4, trace_id="trace-1")
    err = refused.value
    assert err.status == 402 and err.budget == f"tenant:{t}/day" and err.limit_usd == 1.0
    assert f"budget tenant:{t}/day cannot cover this call" in str(err)
    assert f"genaiops costs budgets set tenant:{t} --period day --limit USD" in str(err)
    assert err.to_dict()["error"] == {
        "code": "budget_exceeded",
        "status": 402,
        "message": str(err),
        "budget": f"tenant:{t}/day",
        "spent_usd": 0.0,
        "limit_usd": 1.0,
    }
    book.settle(first, 0.1)  # the call cost less than its bound: the rest is free again
    third = book.reserve(_targets(t), 0.4)
    assert third is not None
    book.settle(second, 0.0)  # a failed call: released
    book.settle(third, 0.3)
    status = book.status(f"tenant:{t}/day")
    assert status is not None
    assert (status.spent_usd, status.reserved_usd, status.reservations) == (0.4, 0.0, 0)
    kinds = [e["kind"] for e in book.events(f"tenant:{t}/day")]
    assert kinds == ["exceeded"]


def test_one_refusing_budget_reserves_nothing_anywhere(database: Database) -> None:
    t, team = _name(), _name()
    book = BudgetBook(database)
    book.set(BudgetConfig(tenant=t, period="month", limit_usd=10.0))
    book.set(BudgetConfig(tag=f"team={team}", period="day", limit_usd=0.5))
    targets = budget_targets(t, None, None, {"team": team})
    with pytest.raises(BudgetExceededError, match=f"tag:team={team}/day"):
        book.reserve(targets, 0.6)
    tenant = book.status(f"tenant:{t}/month")
    assert tenant is not None and tenant.reserved_usd == 0.0  # rolled back with the tag's
    hold = book.reserve(targets, 0.3)
    assert hold is not None and len(hold.parts) == 2


def test_an_alert_is_logged_and_recorded_once(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    a = _name()
    book = BudgetBook(database)
    book.set(BudgetConfig(app=a, period="day", limit_usd=1.0, alert_at=0.5))
    targets = budget_targets("default", None, a, {})
    with caplog.at_level(logging.WARNING, logger="genaiops.costs.budgets"):
        for cost in (0.3, 0.3, 0.3):
            hold = book.reserve(targets, 0.3)
            assert hold is not None
            book.settle(hold, cost)
    alerts = [e for e in book.events(f"app:{a}/day") if e["kind"] == "alert"]
    assert len(alerts) == 1 and float(alerts[0]["spent_usd"]) == pytest.approx(0.6)
    assert f"budget app:{a}/day: spent $0.600000, 60% of its $1.000000 limit" in caplog.text


def test_an_expired_lease_is_reclaimed(database: Database) -> None:
    t = _name()
    book = BudgetBook(database)
    book.set(BudgetConfig(tenant=t, period="day", limit_usd=1.0))
    assert book.reserve(_targets(t), 0.9, lease_s=0.05) is not None
    time.sleep(0.1)
    # the next caller finds the budget full, reclaims the expired hold and goes on
    hold = book.reserve(_targets(t), 0.9)
    assert hold is not None
    events = book.events(f"tenant:{t}/day")
    assert [e["kind"] for e in events] == ["reclaimed"] and "lease expired" in events[0]["detail"]
    book.settle(hold, 0.2)
    status = book.status(f"tenant:{t}/day")
    assert status is not None and (status.spent_usd, status.reserved_usd) == (0.2, 0.0)


def _hold_and_hang(url: str, tenant: str, ready: Any) -> None:
    db = Database(url)
    BudgetBook(db).reserve(_targets(tenant), 0.9, lease_s=3600)
    ready.set()
    time.sleep(60)  # killed long before


def test_a_killed_process_does_not_block_the_budget(database: Database, database_url: str) -> None:
    t = _name()
    book = BudgetBook(database)
    book.set(BudgetConfig(tenant=t, period="day", limit_usd=1.0))
    ctx = mp.get_context("fork")
    ready = ctx.Event()
    proc = ctx.Process(target=_hold_and_hang, args=(database_url, t, ready))
    proc.start()
    assert ready.wait(30)
    proc.kill()  # SIGKILL: nothing settles its reservation
    proc.join()
    status = book.status(f"tenant:{t}/day")
    assert status is not None and status.reserved_usd == pytest.approx(0.9)
    hold = book.reserve(_targets(t), 0.9)  # its hold is reclaimed: the process is gone
    assert hold is not None
    assert f"process {proc.pid}" in book.events(f"tenant:{t}/day")[0]["detail"]


# -- the race (K2) ----------------------------------------------------------------------------


def _echo(reply_words: int, seconds_per_token: float = 0.0) -> EchoProvider:
    cfg = EchoModelConfig(
        reply=" ".join(["word"] * reply_words), seconds_per_token=seconds_per_token
    )
    return EchoProvider("racer", cfg)


def test_50_threads_never_overspend(database: Database) -> None:
    t = _name()
    ledger = Ledger(database)
    provider = MeteredProvider(_echo(12, 0.002), PRICE, ledger)
    options = ChatOptions(max_tokens=20)
    max_cost = provider.max_cost(MESSAGES, options)
    limit = round(max_cost * 7.5, 9)  # room for seven calls at their maximum
    ledger.budgets.set(BudgetConfig(tenant=t, period="day", limit_usd=limit))
    outcomes: list[str] = []
    start = threading.Barrier(50)

    def caller(i: int) -> None:
        start.wait()
        sink = MeterSink(Attribution(trace_id=f"race-{t}-{i}", tenant=t))
        with metering(sink):
            try:
                provider.chat(MESSAGES, options)
                outcomes.append("ok")
            except BudgetExceededError:
                outcomes.append("refused")

    threads = [threading.Thread(target=caller, args=(i,)) for i in range(50)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    status = ledger.budgets.status(f"tenant:{t}/day")
    assert status is not None
    actual = provider.max_cost(MESSAGES, ChatOptions(max_tokens=12))  # 12 words were said
    ok = outcomes.count("ok")
    assert status.spent_usd == pytest.approx(ok * actual, abs=1e-12)
    assert status.spent_usd <= limit + max_cost  # K2: overspend <= one request's max cost
    assert status.reserved_usd == 0 and status.reservations == 0  # nothing leaked
    assert outcomes.count("refused") == 50 - ok
    assert ok >= 7  # the limit admits at least seven calls at their maximum


def _race_process(url: str, tenant: str, amount: float, threads: int, go: Any, out: Any) -> None:
    """One process of the race: ``threads`` callers reserve, 'call' and settle, all at
    the start signal."""
    db = Database(url)
    book = BudgetBook(db, refresh_s=0)
    book.has_budgets(_targets(tenant))  # connected and ready before the start
    go.wait(30)
    results: list[float] = []
    lock = threading.Lock()

    def caller(i: int) -> None:
        try:
            hold = book.reserve(_targets(tenant), amount)
        except BudgetExceededError:
            return
        assert hold is not None
        time.sleep(0.01)  # the model call
        actual = amount * (0.5 + (i % 5) / 10)  # what the call really cost: at most its bound
        book.settle(hold, actual)
        with lock:
            results.append(actual)

    workers = [threading.Thread(target=caller, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    out.put(results)
    db.close()


def test_50_callers_in_separate_processes_never_overspend(
    database: Database, database_url: str
) -> None:
    t, amount = _name(), 0.01
    book = BudgetBook(database)
    book.set(BudgetConfig(tenant=t, period="day", limit_usd=0.105))  # ten and a half calls
    ctx = mp.get_context("fork")
    out, go = ctx.Queue(), ctx.Event()
    procs = [
        ctx.Process(target=_race_process, args=(database_url, t, amount, 1, go, out))
        for _ in range(50)
    ]
    for p in procs:
        p.start()
    go.set()  # 50 processes, one caller each, released together
    spent = [x for _ in procs for x in out.get(timeout=60)]
    for p in procs:
        p.join()
        assert p.exitcode == 0
    status = book.status(f"tenant:{t}/day")
    assert status is not None
    assert status.spent_usd == pytest.approx(sum(spent), abs=1e-12)
    assert status.spent_usd <= 0.105 + amount  # K2
    assert status.reserved_usd == 0 and status.reservations == 0
    assert len(spent) >= 10  # settled bounds freed room for more than ten calls


def test_the_ask_pipeline_enforces_the_callers_budgets(database: Database, tmp_path: Path) -> None:
    project = parse_project(
        {
            "name": "budgeted",
            "models": {
                "echo": {
                    "provider": "echo",
                    "reply": "The Trailhawk 2 costs $2,899.",
                    "price": {"input_per_1m": 100.0, "output_per_1m": 200.0},
                }
            },
            "apps": {"shop": {"model": "echo", "max_tokens": 10}},
        }
    )
    key = _name()
    with Runtime(project, tmp_path, database=database) as rt:
        app = rt.app("shop")
        book = rt.ledger.budgets
        book.set(BudgetConfig(key=key, period="day", limit_usd=0.05))
        caller = Caller(tenant="acme", api_key_id=key, tags={"team": "sales"})
        first = app.run(AskRequest("How much is the Trailhawk 2?", caller))
        assert first.status == "answered" and first.cost_usd > 0
        with pytest.raises(BudgetExceededError, match=f"budget key:{key}/day"):
            for _ in range(20):
                app.run(AskRequest("How much is the Trailhawk 2?", caller))
        status = book.status(f"key:{key}/day")
        assert status is not None and 0 < status.spent_usd <= 0.05
        assert status.reserved_usd == 0
        with database.engine.connect() as conn:
            held = conn.execute(
                sa.select(sa.func.count())
                .select_from(budget_reservations)
                .where(budget_reservations.c.budget == f"key:{key}/day")
            ).scalar_one()
            audited = conn.execute(
                sa.text("SELECT status FROM asks WHERE api_key_id = :k ORDER BY ts"), {"k": key}
            ).scalars()
            statuses = list(audited)
        assert held == 0
        assert statuses[0] == "answered" and statuses[-1] == "error"  # the refusal, audited
        # the spend the budget counted is the spend the ledger holds
        total = sum(
            r.cost_usd for r in rt.ledger.summary(group_by=["key"]) if r.group["key"] == key
        )
        assert status.spent_usd == pytest.approx(total, abs=1e-9)


def test_a_budget_declared_in_the_project_file_holds_for_ask(
    database: Database, tmp_path: Path
) -> None:
    """Declared, not set by a command: the runtime's ledger writes the declaration on its
    first use, and the first refused call comes once the day's limit is spent."""
    tenant = _name()
    project = parse_project({
        "name": "declared",
        "models": {"echo": {"provider": "echo", "reply": "Yes.",
                            "price": {"input_per_1m": 100.0, "output_per_1m": 200.0}}},
        "apps": {"shop": {"model": "echo", "max_tokens": 10}},
        "budgets": [{"tenant": tenant, "period": "day", "limit_usd": 0.02}],
    })  # fmt: skip
    with Runtime(project, tmp_path, database=database) as rt:
        app = rt.app("shop")
        caller = Caller(tenant=tenant)
        with pytest.raises(BudgetExceededError, match=f"budget tenant:{tenant}/day"):
            for _ in range(50):
                app.run(AskRequest("Is it in stock?", caller))
        status = rt.ledger.budgets.status(f"tenant:{tenant}/day")
        assert status is not None and status.origin == "project" and status.spent_usd <= 0.02


def test_a_failed_call_releases_its_reservation_and_a_refused_one_never_runs(
    database: Database,
) -> None:
    t = _name()
    ledger = Ledger(database)
    failing = EchoProvider("down", EchoModelConfig(fail_with="unavailable"))
    metered = MeteredProvider(failing, PRICE, ledger)
    max_cost = metered.max_cost(MESSAGES, ChatOptions(max_tokens=20))
    ledger.budgets.set(BudgetConfig(tenant=t, period="day", limit_usd=max_cost * 1.5))
    with metering(MeterSink(Attribution(trace_id=_name(), tenant=t))):
        with pytest.raises(ModelUnavailableError):
            metered.chat(MESSAGES, ChatOptions(max_tokens=20))
        status = ledger.budgets.status(f"tenant:{t}/day")
        assert status is not None and (status.spent_usd, status.reserved_usd) == (0.0, 0.0)
        assert failing.calls == 1
        with pytest.raises(BudgetExceededError):  # twice the bound does not fit: no call
            metered.chat(MESSAGES, ChatOptions(max_tokens=60))
        assert failing.calls == 1


def test_a_new_period_starts_from_nothing(database: Database) -> None:
    t = _name()
    book = BudgetBook(database)
    book.set(BudgetConfig(tenant=t, period="day", limit_usd=1.0))
    with database.engine.begin() as conn:  # yesterday used the whole limit
        conn.execute(
            sa.text(
                "INSERT INTO budget_windows (budget, window_start, spent_usd) VALUES "
                "(:b, date_trunc('day', now(), 'UTC') - interval '1 day', 1.0)"
            ),
            {"b": f"tenant:{t}/day"},
        )
    hold = book.reserve(_targets(t), 0.9)
    assert hold is not None
    book.settle(hold, 0.5)
    status = book.status(f"tenant:{t}/day")
    assert status is not None and status.spent_usd == 0.5  # today's spend only
    assert status.window_start is not None and status.window_start.hour == 0


@pytest.mark.slow
def test_a_budget_on_the_real_local_model(runtime: Runtime) -> None:
    """SmolLM2 on llama.cpp, priced by instance time: each ask reserves its time bound
    (no tokens_per_s in the example: 60 s of the instance), settles to its wall time, and
    the budget's spend is the ledger's."""
    from genaiops.costs.pricing import max_call_seconds

    t = _name()
    assistant = runtime.app("assistant")
    price = runtime.provider("local-small").price
    bound = max_call_seconds(price, assistant.config.max_tokens) * price.instance_per_hour / 3600
    book = runtime.ledger.budgets
    book.set(BudgetConfig(tenant=t, period="day", limit_usd=bound * 1.5))
    caller = Caller(tenant=t)
    for _ in range(2):
        r = assistant.run(AskRequest("How much does the Trailhawk 2 cost?", caller))
        assert r.usage.completion_tokens > 0 and 0 < r.cost_usd < bound  # the model ran
    status = book.status(f"tenant:{t}/day")
    assert status is not None and status.reserved_usd == 0
    ledger_total = sum(
        s.cost_usd for s in runtime.ledger.summary(group_by=["tenant"]) if s.group["tenant"] == t
    )
    assert status.spent_usd == pytest.approx(ledger_total, abs=1e-12)
    book.set(BudgetConfig(tenant=t, period="day", limit_usd=status.spent_usd + bound / 2))
    with pytest.raises(BudgetExceededError, match=f"budget tenant:{t}/day"):
        assistant.run(AskRequest("What is the flat shipping fee for a bike?", caller))
