"""A compiled app: model + knowledge base + guardrail policy + prompt, as a pipeline.

The runtime compiles each app of the project file once (:meth:`Runtime.app`) and every
caller drives the same object: the CLI, evaluation runs and the server. It holds no
per-request state, so one compiled app serves many threads at once.

* :meth:`CompiledApp.run` takes an :class:`AskRequest` (question, caller, options) and
  returns the :class:`AskResult` with every intermediate value;
* :meth:`CompiledApp.stream` yields the checked text as it is released, then the result;
* :meth:`CompiledApp.ask` is the convenience form: a question in, a result out.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence

from genaiops.apps.metering import MeterSink, metering
from genaiops.apps.request import AskOptions, AskRequest, AskResult, Caller
from genaiops.apps.stages import (
    AskState,
    Audit,
    Cite,
    DocumentGuard,
    FitContext,
    Generate,
    InputGuard,
    Meter,
    OutputGuard,
    Retrieve,
    Stage,
)
from genaiops.apps.streaming import TextCallback
from genaiops.concurrency import iterate_in_thread
from genaiops.config import AppConfig
from genaiops.costs.ledger import Ledger
from genaiops.errors import GenAIOpsError
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.knowledge.base import KnowledgeBase
from genaiops.models.base import ModelProvider

__all__ = ["DEFAULT_STAGES", "App", "CompiledApp"]

log = logging.getLogger(__name__)

DEFAULT_STAGES: tuple[Stage, ...] = (
    InputGuard(),
    Retrieve(),
    DocumentGuard(),
    FitContext(),
    Generate(),
    OutputGuard(),
    Cite(),
    Meter(),
    Audit(),
)


class CompiledApp:
    """An app of the project file, compiled into stages over warm shared components."""

    def __init__(
        self,
        name: str,
        config: AppConfig,
        provider: ModelProvider,
        knowledge_base: KnowledgeBase | None = None,
        guard: GuardrailEngine | None = None,
        ledger: Ledger | None = None,
        stages: Sequence[Stage] = DEFAULT_STAGES,
    ) -> None:
        self.name = name
        self.config = config
        self.provider = provider  # metered (see genaiops.apps.metering)
        self.knowledge_base = knowledge_base
        self.guard = guard
        self.ledger = ledger
        self.stages = tuple(stages)

    @property
    def context_window(self) -> int:
        return self.provider.context_window

    def warm_up(self) -> None:
        """Load the model, the guardrail artifacts and the embedder now."""
        self.provider.warm_up()
        if self.guard is not None:
            self.guard.warm_up()
        if self.knowledge_base is not None:
            self.knowledge_base.embedder.warm_up()

    def run(self, request: AskRequest, on_text: TextCallback | None = None) -> AskResult:
        """Run the pipeline for one request; ``on_text`` receives the checked text as it is
        released. Errors propagate after the call was metered and the ask audited."""
        t_start = time.perf_counter()
        result = AskResult(
            request.trace_id,
            self.name,
            self.provider.name,
            request.question,
            "",
            "answered",
            caller=request.caller,
        )
        sink = MeterSink(request.caller.attribution(request.trace_id, self.name))
        state = AskState(self, request, result, sink, on_text)
        timings = result.timings_ms
        with metering(sink):
            try:
                for stage in self.stages:
                    if stage.always or state.done:
                        continue
                    t0 = time.perf_counter()
                    stage.run(state)
                    timings[stage.name] = (time.perf_counter() - t0) * 1e3
            except BaseException as exc:
                state.error = exc
                raise
            finally:
                timings["total"] = (time.perf_counter() - t_start) * 1e3  # as audited
                self._finish(state)
                timings["total"] = (time.perf_counter() - t_start) * 1e3  # meter + audit too
        return result

    def _finish(self, state: AskState) -> None:
        """The ``always`` stages; with an error already on its way, a failure here is
        logged rather than raised over it."""
        for stage in self.stages:
            if not stage.always:
                continue
            t0 = time.perf_counter()
            try:
                stage.run(state)
            except GenAIOpsError:
                if state.error is None:
                    raise
                log.exception("%s stage failed after %r", stage.name, state.error)
            state.result.timings_ms[stage.name] = (time.perf_counter() - t0) * 1e3

    def ask(
        self,
        question: str,
        on_text: TextCallback | None = None,
        *,
        caller: Caller | None = None,
        options: AskOptions | None = None,
    ) -> AskResult:
        """The convenience form of :meth:`run`."""
        request = AskRequest(question, caller or Caller(), options or AskOptions())
        return self.run(request, on_text)

    def stream(self, request: AskRequest) -> Iterator[str | AskResult]:
        """Yield checked text as it is released, then the :class:`AskResult`. Closing the
        iterator early cancels the ask."""
        return iterate_in_thread(
            lambda on_text: self.run(request, on_text=on_text),
            name=f"genaiops-ask-{request.trace_id[:8]}",
            on_close=request.cancel.set,
        )


#: the name callers of earlier versions used
App = CompiledApp
