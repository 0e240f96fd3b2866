"""The matrix runner: every candidate on every item, ``repeats`` times, scored and stored.

``EvalRunner(runtime).start(suite, base_dir)`` resolves the suite's candidates, copies
the dataset's items into a new run, and asks each candidate each question through its
compiled app (the same pipeline the CLI and the server run: guardrails, retrieval,
metering, audit; every ask is attributed to ``eval_run``, ``candidate``, ``item`` and
``repeat`` tags in the ledger). Each answer is then scored by every metric; judge calls
are metered with purpose ``judge`` under the same trace.

* Bounded concurrency: at most ``concurrency`` asks in flight (a thread pool; the
  runtime's components are thread-safe), submitted in item order so that a partial run
  has every candidate on the same first items.
* Cache: each candidate's model sits behind the :mod:`response cache
  <genaiops.evaluation.cache>`; a re-run makes no model call.
* Resume: a result and its scores are committed together as each item finishes;
  :meth:`EvalRunner.resume` runs only what is missing (and retries failed asks) with the
  candidates, items and metrics stored with the run. Ctrl-C cancels the asks in flight,
  stores nothing of them, and leaves the run ``interrupted``.

A model error fails that item (stored with ``status: error``, retried on resume), not the
run; a bug fails the run (``failed``) and is raised.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from genaiops.apps.metering import MeterSink, metering
from genaiops.apps.request import AskRequest, AskResult, Caller
from genaiops.config import AppConfig
from genaiops.costs.ledger import Attribution
from genaiops.costs.pricing import cost_of
from genaiops.errors import GenAIOpsError, InputError
from genaiops.evaluation.agreement import label_agreement
from genaiops.evaluation.cache import CachingProvider, ResponseCache, cache_scope
from genaiops.evaluation.candidates import build_app
from genaiops.evaluation.datasets import EvalItem, load_dataset, parse_lines
from genaiops.evaluation.decision import decide
from genaiops.evaluation.metrics import Metric, MetricServices, Prediction, create_metric
from genaiops.evaluation.report import finite, summarize
from genaiops.evaluation.store import EvalStore, ResultRow, ScoreRow
from genaiops.evaluation.suite import Candidate, SuiteConfig, resolve_candidates

if TYPE_CHECKING:
    from genaiops.apps.app import CompiledApp
    from genaiops.models.base import ModelProvider
    from genaiops.runtime import Runtime

__all__ = ["EvalRunner", "Progress", "ProgressCallback", "RunOutcome"]


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    cached: int
    errors: int
    skipped: int  # already stored (a resumed run)


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class RunOutcome:
    run_id: str
    summary: dict[str, Any]
    dataset_errors: tuple[str, ...] = ()


def new_run_id() -> str:
    """Sortable and short: ``20261214-153012-a1b2``."""
    now = dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:4]}"


@dataclass(frozen=True)
class _Task:
    candidate: Candidate
    item: EvalItem
    repeat: int


class EvalRunner:
    def __init__(
        self,
        runtime: Runtime,
        *,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        use_cache: bool = True,
    ) -> None:
        self.runtime = runtime
        self.concurrency = concurrency
        self.on_progress = on_progress
        self.store = EvalStore(runtime.db)
        self.cache: ResponseCache | None = ResponseCache(runtime.db) if use_cache else None
        self._stop = threading.Event()
        self._in_flight: dict[str, AskRequest] = {}
        self._lock = threading.Lock()

    # -- entry points -------------------------------------------------------------------------

    def start(self, suite: SuiteConfig, base_dir: Path, run_id: str | None = None) -> RunOutcome:
        """A new run of ``suite`` (its dataset path taken from ``base_dir``)."""
        dataset = load_dataset(base_dir / suite.dataset)
        items = dataset.items[: suite.max_items] if suite.max_items else dataset.items
        if not items:
            detail = f":\n{dataset.error_report()}" if dataset.errors else ""
            raise InputError(f"{dataset.path}: no item to evaluate{detail}")
        candidates = resolve_candidates(self.runtime.config, suite)
        for metric in suite.all_metrics():  # fail on a bad metric before any model call
            create_metric(metric.kind, metric.options)
        run_id = run_id or new_run_id()
        self.store.create_run(
            run_id,
            suite.name,
            suite.model_dump(mode="json"),
            dataset.path,
            dataset.sha,
            suite.repeats,
            [(c.name, c.spec, c.config.model_dump(mode="json")) for c in candidates],
            [(i.id, i.to_json()) for i in items],
        )
        summary = self._execute(run_id, suite, candidates, items)
        return RunOutcome(run_id, summary, tuple(str(e) for e in dataset.errors))

    def resume(self, run_id: str) -> RunOutcome:
        """Finish a run: only the results it lacks, with what the run stored."""
        info = self.store.run(run_id)
        suite = SuiteConfig.model_validate(info.suite)
        candidates = [
            Candidate(name, spec, AppConfig.model_validate(app))
            for name, spec, app in self.store.candidates(run_id)
        ]
        items = parse_lines([json.dumps(i) for i in self.store.items(run_id)], run_id).items
        self.store.drop_failed(run_id)
        return RunOutcome(run_id, self._execute(run_id, suite, candidates, items))

    def stop(self) -> None:
        """Cancel the asks in flight and submit no more (from any thread)."""
        self._stop.set()
        with self._lock:
            for request in self._in_flight.values():
                request.cancel.set()

    # -- the run ------------------------------------------------------------------------------

    def _services(self) -> MetricServices:
        from genaiops.runtime import GUARD_EMBEDDER

        def provider(name: str, purpose: str) -> ModelProvider:
            metered = self.runtime.provider(name, purpose)
            return CachingProvider(metered, self.cache) if self.cache is not None else metered

        return MetricServices(self.runtime.embedder(GUARD_EMBEDDER), provider)

    def _execute(
        self,
        run_id: str,
        suite: SuiteConfig,
        candidates: Sequence[Candidate],
        items: Sequence[EvalItem],
    ) -> dict[str, Any]:
        self._stop.clear()
        services = self._services()
        metrics = [
            (m.label, create_metric(m.kind, m.options, services)) for m in suite.all_metrics()
        ]
        apps = {c.name: build_app(self.runtime, c.name, c.config, self.cache) for c in candidates}
        done = self.store.done_keys(run_id)
        tasks = [
            _Task(c, item, r)
            for r in range(suite.repeats)
            for item in items
            for c in candidates
            if (c.name, item.id, r) not in done
        ]
        self.store.set_status(run_id, "running")
        counts = {"done": 0, "cached": 0, "errors": 0}
        total, skipped = len(tasks), len(candidates) * len(items) * suite.repeats - len(tasks)

        def finished(row: ResultRow | None) -> None:
            if row is None:
                return
            counts["done"] += 1
            counts["cached"] += row.cached
            counts["errors"] += row.status == "error"
            if self.on_progress is not None:
                self.on_progress(
                    Progress(counts["done"], total, counts["cached"], counts["errors"], skipped)
                )

        if self.on_progress is not None:
            self.on_progress(Progress(0, total, 0, 0, skipped))
        concurrency = self.concurrency or suite.concurrency
        try:
            self._pool(tasks, concurrency, lambda t: self._one(run_id, t, apps, metrics), finished)
        except KeyboardInterrupt:
            self.stop()
            self.store.set_status(run_id, "interrupted")
            raise
        except BaseException:
            self.stop()
            self.store.set_status(run_id, "failed")
            raise
        if self._stop.is_set():
            self.store.set_status(run_id, "interrupted")
            return {}
        summary = self.summary(run_id, suite, candidates, items, metrics)
        self.store.set_status(run_id, "done", summary)
        return summary

    def _pool(
        self,
        tasks: Sequence[_Task],
        concurrency: int,
        work: Callable[[_Task], ResultRow | None],
        finished: Callable[[ResultRow | None], None],
    ) -> None:
        """Run ``work`` over ``tasks`` with at most ``concurrency`` in flight."""
        pending: set[Future[ResultRow | None]] = set()
        with ThreadPoolExecutor(concurrency, thread_name_prefix="genaiops-eval") as pool:
            try:
                for task in tasks:
                    if self._stop.is_set():
                        break
                    while len(pending) >= concurrency:
                        done, pending = wait(pending, return_when=FIRST_COMPLETED)
                        for f in done:
                            finished(f.result())
                    pending.add(pool.submit(work, task))
                while pending:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        finished(f.result())
            except BaseException:
                self.stop()
                for f in pending:
                    f.cancel()
                raise

    def _one(
        self,
        run_id: str,
        task: _Task,
        apps: dict[str, CompiledApp],
        metrics: Sequence[tuple[str, Metric]],
    ) -> ResultRow | None:
        """Ask, score and store one (candidate, item, repeat); None when stopped."""
        if self._stop.is_set():
            return None
        c, item, repeat = task.candidate, task.item, task.repeat
        tags = {"eval_run": run_id, "candidate": c.name, "item": item.id, "repeat": str(repeat)}
        request = AskRequest(item.question, Caller(principal="eval", tags=tags))
        with self._lock:
            self._in_flight[request.trace_id] = request
        result: AskResult | None = None
        error: str | None = None
        try:
            with cache_scope(repeat, request.cancel) as scope:
                try:
                    result = apps[c.name].run(request)
                except GenAIOpsError as exc:
                    error = f"{type(exc).__name__}: {exc}"
        finally:
            with self._lock:
                self._in_flight.pop(request.trace_id, None)
        if self._stop.is_set():
            return None  # a cancelled ask is not a result
        scores: list[ScoreRow] = []
        billed = 0.0
        if result is not None:
            prediction = Prediction.from_result(result, retrieval=c.retrieves)
            sink = MeterSink(Attribution(request.trace_id, c.name, principal="eval", tags={**tags}))
            with metering(sink), cache_scope(repeat):
                for label, metric in metrics:
                    try:
                        s = metric.evaluate(prediction, item.sample())
                    except GenAIOpsError as exc:
                        scores.append(ScoreRow(label, None, f"failed: {exc}"))
                        continue
                    value = s.value if s.applies else None
                    scores.append(ScoreRow(label, value, s.reason, finite(s.detail)))
            if sink.entries:
                self.runtime.ledger.record(sink.entries)
            billed = result.cost_usd + sink.cost.total_usd
        row = self._row(c, item, repeat, request, result, error, scope, scores, billed)
        self.store.write_result(run_id, row)
        return row

    def _row(
        self,
        c: Candidate,
        item: EvalItem,
        repeat: int,
        request: AskRequest,
        result: AskResult | None,
        error: str | None,
        scope: Any,
        scores: list[ScoreRow],
        billed: float,
    ) -> ResultRow:
        if result is None:
            return ResultRow(
                c.name, item.id, repeat, request.trace_id, "error", "", error, False,
                [], [], 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, (),
            )  # fmt: skip
        t = result.timings_ms
        model_ms, ttft_ms = t.get("model", 0.0), t.get("ttft", 0.0)
        # a replayed answer stands for its first call: its model time, not the replay's
        total_ms = t.get("total", 0.0) + (scope.original_s - scope.replay_s) * 1e3
        price = self.runtime.provider(c.config.model).price  # a price-table entry resolved
        u = result.usage
        cost = cost_of(price, u.prompt_tokens, u.completion_tokens, model_ms / 1e3).total_usd
        return ResultRow(
            c.name,
            item.id,
            repeat,
            request.trace_id,
            result.status,
            result.answer,
            None,
            scope.hits > 0 and scope.misses == 0,
            [
                {"source": s.source, "chunk": s.ordinal, "score": round(s.score, 4)}
                for s in result.retrieved
            ],
            result.findings,
            u.prompt_tokens,
            u.completion_tokens,
            total_ms,
            model_ms,
            ttft_ms,
            cost,
            billed,
            tuple(scores),
        )

    # -- the summary ----------------------------------------------------------------------------

    def summary(
        self,
        run_id: str,
        suite: SuiteConfig,
        candidates: Sequence[Candidate],
        items: Sequence[EvalItem],
        metrics: Sequence[tuple[str, Metric]],
    ) -> dict[str, Any]:
        """The report of the stored results, with the metrics' agreement with human labels
        where the items have any (scored once per run, not per candidate)."""
        results = self.store.results(run_id)
        summary = summarize(
            results,
            [c.name for c in candidates],
            [label for label, _ in metrics],
            [i.id for i in items],
            suite.repeats,
            n_boot=suite.bootstrap,
            seed=suite.seed,
        )
        summary["run"] = run_id
        summary["suite"] = suite.name
        summary["candidates_spec"] = {c.name: c.spec for c in candidates}
        prices = {c.name: self.runtime.provider(c.config.model).price for c in candidates}
        decision = decide(
            summary, results, [i.id for i in items], suite.repeats, suite.decision, prices,
            n_boot=suite.bootstrap, seed=suite.seed,
        )  # fmt: skip
        summary["decision"] = finite(decision.to_dict())
        answer_metrics = [(label, m) for label, m in metrics if type(m).judges_answer]
        if any(i.labels for i in items):
            sink = MeterSink(Attribution(f"eval-{run_id}-labels", tags={"eval_run": run_id}))
            with metering(sink), cache_scope(0):
                agreement = label_agreement(answer_metrics, items)
            if sink.entries:
                self.runtime.ledger.record(sink.entries)
            summary["agreement"] = finite(agreement)
        return summary
