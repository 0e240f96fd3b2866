"""The load generator: open-loop arrivals against a candidate, and where its p95 breaks.

Open loop
    Requests arrive on a schedule fixed in advance (Poisson: exponential gaps at the mean
    rate, seeded; or a fixed interval), whatever the candidate's speed, as users do. A
    closed loop (send the next request when the last one returns) slows down with the
    system and hides its queue ("coordinated omission"). Every latency here is measured
    from the request's *scheduled* arrival, so time spent waiting for a free worker counts.
    The total is bounded: ``duration_s`` of arrivals and at most ``max_requests``.

Figures per rate
    Sent, completed, errors by kind, achieved throughput (completed / time from the first
    arrival to the last completion), latency p50/p95/p99, time to the first released
    text p50/p95 (the guarded stream's first text, queueing included) and queueing delay.

Stepping
    :func:`step_load` runs increasing rates and reports the first at which p95 exceeds a
    target (or more than 5% of requests fail): the rate this candidate cannot serve.

Requests go through the app uncached (every one reaches the model) and are attributed
to ``eval_load`` in the ledger.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from genaiops import stats
from genaiops.errors import GenAIOpsError, InputError

if TYPE_CHECKING:
    from genaiops.apps.app import CompiledApp

__all__ = [
    "LoadReport",
    "LoadStep",
    "Sender",
    "app_sender",
    "arrival_times",
    "run_load",
    "step_load",
]

Arrivals = Literal["poisson", "fixed"]
#: sends one question; calls ``first_text`` when the first checked text is released
Sender = Callable[[str, Callable[[], None]], None]
ERROR_RATE_LIMIT = 0.05


@dataclass(frozen=True)
class LoadStep:
    rps: float
    arrivals: str
    duration_s: float
    sent: int
    completed: int
    errors: int
    error_kinds: dict[str, int]
    achieved_rps: float
    latency_ms: dict[str, float]
    ttft_ms: dict[str, float]
    queue_ms: dict[str, float]
    wall_s: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class LoadReport:
    steps: list[LoadStep] = field(default_factory=list)
    target_p95_ms: float | None = None
    breaking_rps: float | None = None  # the first rate whose p95 (or errors) broke the target
    max_ok_rps: float | None = None  # the highest rate that held it

    def to_dict(self) -> dict[str, Any]:
        return {
            "target_p95_ms": self.target_p95_ms,
            "breaking_rps": self.breaking_rps,
            "max_ok_rps": self.max_ok_rps,
            "steps": [s.to_dict() for s in self.steps],
        }


def app_sender(app: CompiledApp, tags: dict[str, str]) -> Sender:
    """Send a question through ``app`` as the load test's caller (attributed by ``tags``)."""
    from genaiops.apps.request import AskRequest, Caller

    def send(question: str, first_text: Callable[[], None]) -> None:
        request = AskRequest(question, Caller(principal="eval-load", tags=dict(tags)))
        app.run(request, on_text=lambda _text: first_text())

    return send


def arrival_times(
    rps: float,
    duration_s: float,
    arrivals: Arrivals = "poisson",
    max_requests: int | None = None,
    seed: int = 0,
) -> list[float]:
    """Scheduled arrival offsets (seconds from the start) within ``duration_s``."""
    if rps <= 0 or duration_s <= 0:
        raise InputError(f"the rate and duration must be positive (got {rps} rps, {duration_s} s)")
    rng = random.Random(seed)
    out: list[float] = []
    t = 0.0 if arrivals == "fixed" else rng.expovariate(rps)
    while t < duration_s and (max_requests is None or len(out) < max_requests):
        out.append(t)
        t += 1.0 / rps if arrivals == "fixed" else rng.expovariate(rps)
    return out


def _pcts(values: Sequence[float], qs: Sequence[int] = (50, 95, 99)) -> dict[str, float]:
    out = {f"p{q}": stats.percentile(values, q) for q in qs}
    out["mean"] = stats.mean(values)
    out["max"] = max(values) if values else float("nan")
    return out


def run_load(
    send: Sender,
    questions: Sequence[str],
    rps: float,
    duration_s: float,
    *,
    arrivals: Arrivals = "poisson",
    max_requests: int | None = None,
    max_in_flight: int = 64,
    seed: int = 0,
) -> LoadStep:
    """One rate: schedule arrivals, send each on time, measure from the schedule."""
    if not questions:
        raise InputError("the load test needs at least one question")
    schedule = arrival_times(rps, duration_s, arrivals, max_requests, seed)
    lock = threading.Lock()
    latencies: list[float] = []
    ttfts: list[float] = []
    queues: list[float] = []
    errors: Counter[str] = Counter()
    ends: list[float] = []

    def one(i: int, due: float) -> None:
        started = time.perf_counter()
        first: list[float] = []

        def first_text() -> None:
            if not first:
                first.append(time.perf_counter())

        try:
            send(questions[i % len(questions)], first_text)
        except GenAIOpsError as exc:
            with lock:
                errors[type(exc).__name__] += 1
                ends.append(time.perf_counter())
            return
        end = time.perf_counter()
        with lock:
            latencies.append((end - due) * 1e3)
            queues.append((started - due) * 1e3)
            if first:
                ttfts.append((first[0] - due) * 1e3)
            ends.append(end)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_in_flight, thread_name_prefix="genaiops-load") as pool:
        for i, offset in enumerate(schedule):
            due = t0 + offset
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, i, due)
    wall = time.perf_counter() - t0
    span = (max(ends) - (t0 + schedule[0])) if ends and schedule else 0.0
    return LoadStep(
        rps=rps,
        arrivals=arrivals,
        duration_s=duration_s,
        sent=len(schedule),
        completed=len(latencies),
        errors=sum(errors.values()),
        error_kinds=dict(errors),
        achieved_rps=len(latencies) / span if span > 0 else 0.0,
        latency_ms=_pcts(latencies),
        ttft_ms=_pcts(ttfts, (50, 95)),
        queue_ms=_pcts(queues, (50, 95)),
        wall_s=wall,
    )


def step_load(
    send: Sender,
    questions: Sequence[str],
    rates: Sequence[float],
    duration_s: float,
    *,
    target_p95_ms: float | None = None,
    arrivals: Arrivals = "poisson",
    max_requests: int | None = None,
    max_in_flight: int = 64,
    seed: int = 0,
    stop_at_break: bool = True,
    on_step: Callable[[LoadStep], None] | None = None,
) -> LoadReport:
    """Each rate in turn (ascending); with a target, the first rate that breaks it."""
    report = LoadReport(target_p95_ms=target_p95_ms)
    for rps in sorted(rates):
        step = run_load(
            send,
            questions,
            rps,
            duration_s,
            arrivals=arrivals,
            max_requests=max_requests,
            max_in_flight=max_in_flight,
            seed=seed,
        )
        report.steps.append(step)
        if on_step is not None:
            on_step(step)
        if target_p95_ms is None:
            continue
        p95 = step.latency_ms["p95"]
        broke = (
            step.completed == 0
            or p95 > target_p95_ms
            or step.errors > ERROR_RATE_LIMIT * max(1, step.sent)
        )
        if broke:
            if report.breaking_rps is None:
                report.breaking_rps = rps
            if stop_at_break:
                break
        elif report.breaking_rps is None:
            report.max_ok_rps = rps
    return report
