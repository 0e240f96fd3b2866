"""The stages of an ask, and the state they pass along.

A stage is one small step with one method, :meth:`Stage.run`, over the request's
:class:`AskState`. The compiled app runs them in order::

    input_guard -> retrieve -> document_guard -> fit -> generate -> output_guard -> cite
    then always: meter -> audit

A stage that ends the ask early (a blocked question, a cancelled request) sets
``state.done``; the remaining main stages are skipped, and the ``always`` stages (meter,
audit) run whatever happened, errors included. Each stage's wall time is recorded under
its name in ``timings_ms``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar

from genaiops.apps.citations import citations_from_grounding, find_citations
from genaiops.apps.metering import MeterSink
from genaiops.apps.request import AskRequest, AskResult
from genaiops.apps.streaming import GuardedStream, TextCallback
from genaiops.costs.ledger import AuditRecord
from genaiops.errors import CancelledError, ContextLengthError
from genaiops.guardrails.base import Finding
from genaiops.knowledge.store import RetrievedChunk
from genaiops.models.base import ChatOptions, ChatResult, Message

if TYPE_CHECKING:
    from genaiops.apps.app import CompiledApp

__all__ = [
    "AskState",
    "Audit",
    "Cite",
    "DocumentGuard",
    "FitContext",
    "Generate",
    "InputGuard",
    "Meter",
    "OutputGuard",
    "Retrieve",
    "Stage",
    "build_messages",
]

#: prompt template overhead allowed for in the no-tokenizer bound (role markers etc.)
TEMPLATE_OVERHEAD_TOKENS = 64


@dataclass
class AskState:
    """Everything one ask computes, stage by stage."""

    app: CompiledApp
    request: AskRequest
    result: AskResult
    sink: MeterSink
    on_text: TextCallback | None = None
    question: str = ""  # the question as the model sees it (PII masked)
    findings: list[Finding] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    chat: ChatResult | None = None
    stream: GuardedStream | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    raw_answer: str = ""
    done: bool = False
    error: BaseException | None = None

    def stop(self, status: str, answer: str) -> None:
        self.result.status = status  # type: ignore[assignment]
        self.result.answer = answer
        self.done = True


class Stage(ABC):
    name: ClassVar[str]
    always: ClassVar[bool] = False  # runs even when the ask ended early or failed

    @abstractmethod
    def run(self, state: AskState) -> None: ...


def build_messages(app: CompiledApp, question: str, sources: list[RetrievedChunk]) -> list[Message]:
    numbered = "\n\n".join(f"[{i}] {s.text}" for i, s in enumerate(sources, 1))
    prompt = app.config.prompt
    user = prompt.template.format(sources=numbered or "(no sources found)", question=question)
    return [Message(role="system", content=prompt.system), Message(role="user", content=user)]


class InputGuard(Stage):
    name = "guard_input"

    def run(self, state: AskState) -> None:
        state.question = state.request.question
        guard = state.app.guard
        if guard is None:
            return
        outcome = guard.apply(state.question, "input")
        state.findings.extend(outcome.findings)
        if outcome.blocked:
            state.stop("blocked", outcome.text_out)
        else:
            state.question = outcome.text_out  # PII masked where the policy masks


class Retrieve(Stage):
    """The top-k chunks the caller may read: the caller's tenant and groups filter in SQL
    (never after the fact), with the app's retrieval settings over the knowledge base's
    and the request's metadata filters."""

    name = "retrieve"

    def run(self, state: AskState) -> None:
        kb = state.app.knowledge_base
        if kb is None:
            return
        options = state.request.options
        state.result.retrieved = kb.retrieve(
            state.question,
            options.top_k or state.app.config.top_k,
            state.app.config.min_score,
            caller=state.request.caller,
            filters=options.filters,
            retrieval=state.app.config.retrieval,
        )
        state.result.sources = list(state.result.retrieved)


class DocumentGuard(Stage):
    """A chunk that carries an attack is dropped (and reported); PII in chunks is masked."""

    name = "guard_documents"

    def run(self, state: AskState) -> None:
        guard = state.app.guard
        if guard is None or not state.result.sources:
            return
        kept = []
        for chunk in state.result.sources:
            outcome = guard.apply(chunk.text, "document", query=state.question)
            state.findings.extend(outcome.findings)
            if not outcome.blocked:
                kept.append(replace(chunk, text=outcome.text_out))
        state.result.sources = kept


class FitContext(Stage):
    """Drop the lowest-ranked sources until prompt + ``max_tokens`` fit the context window,
    counted with the model's own tokenizer (chat template included). A cheap exact bound
    (a token is at least one byte) skips the count when the prompt clearly fits."""

    name = "fit"

    def run(self, state: AskState) -> None:
        app = state.app
        max_tokens = state.request.options.max_tokens or app.config.max_tokens
        window = app.provider.context_window
        sources = list(state.result.sources)
        while True:
            messages = build_messages(app, state.question, sources)
            size = sum(len(m.content.encode("utf-8")) for m in messages)
            if size + TEMPLATE_OVERHEAD_TOKENS + max_tokens <= window:
                break
            if app.provider.count_prompt_tokens(messages).tokens + max_tokens <= window:
                break
            if not sources:
                raise ContextLengthError(
                    f"the question and prompt take more than the {window - max_tokens} tokens "
                    f"left by max_tokens ({max_tokens}) in {app.provider.name}'s context window "
                    f"({window}); shorten the question or lower apps.{app.name}.max_tokens"
                )
            sources.pop()
        dropped = len(state.result.sources) - len(sources)
        if dropped:
            state.result.notes.append(
                f"{dropped} of {len(state.result.sources)} sources dropped to fit the context "
                f"window ({window} tokens, max_tokens {max_tokens})"
            )
        state.result.sources = sources
        state.messages = messages


class Generate(Stage):
    """Generate through the guarded stream: text reaches ``on_text`` only once checked.

    The call goes through the metering wrapper, which reserves its maximum cost on the
    caller's budgets first (tenant, API key, app, tags) and settles it after; an
    exhausted budget raises :class:`~genaiops.errors.BudgetExceededError` here, before
    the model runs, and the ask is audited as an error."""

    name = "generate"

    def run(self, state: AskState) -> None:
        app, request = state.app, state.request
        if request.cancel.is_set():
            raise CancelledError("the ask was cancelled before the model was called")
        options = ChatOptions(
            max_tokens=request.options.max_tokens or app.config.max_tokens,
            temperature=(
                request.options.temperature
                if request.options.temperature is not None
                else app.config.temperature
            ),
        )
        stream = GuardedStream(
            app.guard,
            state.on_text,
            sources=[f"{s.heading}\n{s.text}" for s in state.result.sources],
            query=state.question,
        )
        state.stream = stream

        def on_token(piece: str) -> bool:
            return stream.feed(piece) or request.cancel.is_set()

        chat = app.provider.chat(state.messages, options, on_token=on_token)
        state.chat = chat
        state.raw_answer = chat.text.strip()
        result = state.result
        result.usage = chat.usage
        result.finish_reason = chat.finish_reason
        result.timings_ms["ttft"] = chat.ttft_s * 1e3
        result.timings_ms["model"] = chat.latency_s * 1e3  # the provider call, callbacks in
        result.timings_ms["stream_checks"] = stream.check_ms  # inside it, in the callback
        if request.cancel.is_set() and not stream.blocked:
            result.answer = stream.text
            result.status = "cancelled"
            state.done = True


class OutputGuard(Stage):
    """The final verdict of the guarded stream (the whole-answer checks), or, without a
    policy, the answer as generated."""

    name = "guard_output"

    def run(self, state: AskState) -> None:
        stream = state.stream
        assert stream is not None
        before = stream.check_ms
        outcome = stream.finish()
        state.result.timings_ms["final_checks"] = stream.check_ms - before
        state.findings.extend(stream.findings)
        if outcome is not None:
            state.evidence.update(outcome.evidence)
        if stream.blocked:
            assert state.app.guard is not None
            state.stop("blocked", state.app.guard.policy.messages.blocked_output)
        else:
            state.result.answer = stream.text


class Cite(Stage):
    name = "cite"

    def run(self, state: AskState) -> None:
        result = state.result
        report = state.evidence.get("grounding")
        if report is not None:
            result.citations = citations_from_grounding(report, result.sources)
        if not result.citations:
            result.citations = find_citations(result.answer, result.sources)


class Meter(Stage):
    """The cost of every model call of the ask (answer and judge). The audit stage writes
    the calls to the ledger with the audit row, in one transaction."""

    name = "meter"
    always = True

    def run(self, state: AskState) -> None:
        state.result.cost = state.sink.cost


class Audit(Stage):
    """The ask into the audit, redacted per the policy (``audit:`` in the policy), and its
    model calls into the ledger, in one transaction."""

    name = "audit"
    always = True

    def run(self, state: AskState) -> None:
        app, result = state.app, state.result
        state.result.findings = [f.to_dict() for f in state.findings]
        if app.ledger is None:
            return
        guard = app.guard
        redact = guard.redact if guard is not None else (lambda t: t)
        keep_blocked = guard is not None and guard.policy.audit.keep_blocked_text
        input_blocked = result.status == "blocked" and state.chat is None
        answer = result.answer
        if input_blocked and not keep_blocked:
            question = "[withheld: the question was blocked]"
        else:
            question = redact(state.request.question)
        if result.status == "blocked" and state.chat is not None and keep_blocked:
            answer = redact(state.raw_answer)
        elif result.status != "blocked":
            answer = redact(answer)
        findings = [
            {**f, "explanation": redact(str(f.get("explanation", "")))} for f in result.findings
        ]
        sources = [
            {
                "chunk_id": s.chunk_id,
                "source": s.source,
                "chunk": s.ordinal,
                "score": round(s.score, 4),
                "text": redact(s.text),
            }
            for s in result.sources
        ]
        mode = guard.policy.audit.redact if guard is not None else "none"
        status = "error" if state.error is not None and not state.done else result.status
        app.ledger.record_ask(
            state.sink.entries,
            AuditRecord(
                attribution=state.sink.attribution,
                question=question,
                answer=answer,
                status=status,
                citations=[c.__dict__ for c in result.citations],
                findings=findings,
                sources=sources,
                timings=result.timings_ms,
                cost_usd=result.cost_usd,
                redaction=mode,
            ),
        )
