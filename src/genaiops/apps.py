"""The spine: one guarded, metered ``ask``.

    question -> input checks -> retrieve -> document checks -> prompt with numbered sources
             -> generate -> output checks -> citations -> meter (ledger) and audit (asks)

The CLI, evaluation runs and the server all call :meth:`App.ask`, so what was evaluated
is what is served.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from genaiops.config import AppConfig, Price
from genaiops.costs.ledger import Ledger
from genaiops.errors import ModelError
from genaiops.guardrails.base import Finding
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.store import RetrievedChunk
from genaiops.models.base import ChatOptions, Message, ModelProvider, TokenCallback, Usage
from genaiops.models.catalog import CostBreakdown, cost_of

__all__ = ["App", "AskResult", "Citation", "build_messages", "find_citations"]

CHARS_PER_TOKEN = 3.0  # conservative, for fitting sources into the context window


@dataclass(frozen=True)
class Citation:
    index: int  # the source's number in the prompt, 1-based
    source: str
    title: str
    chunk: int
    score: float  # retrieval cosine
    support: float  # share of the answer's salient words found in this source
    how: Literal["marker", "overlap"]  # the model wrote [n], or we matched the text


@dataclass
class AskResult:
    trace_id: str
    app: str
    model: str
    question: str
    answer: str
    status: Literal["answered", "blocked"]
    citations: list[Citation] = field(default_factory=list)
    sources: list[RetrievedChunk] = field(default_factory=list)
    findings: list[dict[str, object]] = field(default_factory=list)
    usage: Usage = field(default_factory=lambda: Usage(0, 0))
    cost: CostBreakdown = field(default_factory=lambda: CostBreakdown(0.0, 0.0, 0.0))
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def cost_usd(self) -> float:
        return self.cost.total_usd

    @property
    def latency_ms(self) -> float:
        return self.timings_ms.get("total", 0.0)


def build_messages(
    config: AppConfig, question: str, sources: Sequence[RetrievedChunk]
) -> list[Message]:
    numbered = "\n\n".join(f"[{i}] {s.text}" for i, s in enumerate(sources, 1))
    user = config.prompt.template.format(
        sources=numbered or "(no sources found)", question=question
    )
    return [
        Message(role="system", content=config.prompt.system),
        Message(role="user", content=user),
    ]


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}|\d[\d,.:/-]*\d|\d")
_STOP = frozenset(
    """the and for are was were with that this from have has had you your our not but can
    will all any its into per may must who what when where which how why does did been
    they them their there then than also such each other about after before over under
    answer question source sources according based provided information context""".split()
)


def _salient(text: str) -> dict[str, float]:
    """Salient tokens of a text with weights: numbers weigh 3, other words 1."""
    out: dict[str, float] = {}
    for tok in _WORD.findall(text):
        t = tok.lower().strip(".,:/-")
        if t in _STOP or not t:
            continue
        out[t] = 3.0 if t[0].isdigit() else 1.0
    return out


def _support(answer_tokens: dict[str, float], source: str) -> float:
    total = sum(answer_tokens.values())
    if total == 0:
        return 0.0
    have = _salient(source)
    return sum(w for t, w in answer_tokens.items() if t in have) / total


def find_citations(answer: str, sources: Sequence[RetrievedChunk]) -> list[Citation]:
    """The sources an answer rests on.

    Markers ``[n]`` the model wrote are kept when the source shares salient words with the
    answer; when there are none (small models rarely cite), the sources that best support
    the answer's words and numbers are cited, marked ``how="overlap"``.
    """
    if not sources or not answer.strip():
        return []
    tokens = _salient(answer)
    support = [_support(tokens, f"{s.heading} {s.text}") for s in sources]
    marked = sorted(
        {int(n) for n in re.findall(r"\[(\d{1,2})\]", answer) if 1 <= int(n) <= len(sources)}
    )
    cited = [(i, "marker") for i in marked if support[i - 1] > 0]
    if not cited:
        best = max(support)
        if best < 0.2:
            return []
        cited = [(i + 1, "overlap") for i, s in enumerate(support) if s >= max(0.2, 0.8 * best)]
    return [
        Citation(
            index=i,
            source=sources[i - 1].source,
            title=sources[i - 1].title,
            chunk=sources[i - 1].ordinal,
            score=round(sources[i - 1].score, 4),
            support=round(support[i - 1], 3),
            how=how,  # type: ignore[arg-type]
        )
        for i, how in cited
    ]


class App:
    """An app of the project file: model + knowledge base + guardrail policy + prompt."""

    def __init__(
        self,
        name: str,
        config: AppConfig,
        provider: ModelProvider,
        price: Price,
        context_window: int,
        knowledge_base: KnowledgeBase | None = None,
        guard: GuardrailEngine | None = None,
        ledger: Ledger | None = None,
    ) -> None:
        self.name = name
        self.config = config
        self.provider = provider
        self.price = price
        self.context_window = context_window
        self.knowledge_base = knowledge_base
        self.guard = guard
        self.ledger = ledger

    def _fit(self, sources: list[RetrievedChunk], question: str) -> list[RetrievedChunk]:
        """Drop the lowest-ranked sources until the prompt fits the context window."""
        budget = (self.context_window - self.config.max_tokens) * CHARS_PER_TOKEN
        fixed = len(self.config.prompt.system) + len(self.config.prompt.template) + len(question)
        kept: list[RetrievedChunk] = []
        used = fixed
        for s in sources:
            size = len(s.text) + len(s.source) + len(s.heading) + 16
            if used + size > budget:
                break
            kept.append(s)
            used += size
        return kept

    def ask(self, question: str, on_token: TokenCallback | None = None) -> AskResult:
        t_start = time.perf_counter()
        trace_id = uuid.uuid4().hex
        result = AskResult(trace_id, self.name, self.provider.name, question, "", "answered")
        findings: list[Finding] = []
        timings = result.timings_ms

        def clock(key: str, t0: float) -> None:
            timings[key] = timings.get(key, 0.0) + (time.perf_counter() - t0) * 1e3

        # 1. input checks
        if self.guard is not None:
            t0 = time.perf_counter()
            outcome = self.guard.apply(question, "input")
            clock("guard_input", t0)
            findings.extend(outcome.findings)
            if outcome.blocked:
                result.answer, result.status = outcome.text_out, "blocked"
                return self._finish(result, findings, t_start)
            question_used = outcome.text_out
        else:
            question_used = question

        # 2. retrieve, 3. document checks
        sources: list[RetrievedChunk] = []
        if self.knowledge_base is not None:
            t0 = time.perf_counter()
            sources = self.knowledge_base.retrieve(
                question_used, self.config.top_k, self.config.min_score
            )
            clock("retrieve", t0)
            if self.guard is not None:
                t0 = time.perf_counter()
                kept = []
                for s in sources:
                    outcome = self.guard.apply(s.text, "document", query=question_used)
                    findings.extend(outcome.findings)
                    if not outcome.blocked:  # a chunk carrying an attack is dropped
                        kept.append(replace(s, text=outcome.text_out))  # PII masked
                sources = kept
                clock("guard_documents", t0)
            sources = self._fit(sources, question_used)
        result.sources = sources

        # 4. generate
        messages = build_messages(self.config, question_used, sources)
        options = ChatOptions(
            max_tokens=self.config.max_tokens, temperature=self.config.temperature
        )
        t0 = time.perf_counter()
        try:
            chat = self.provider.chat(messages, options, on_token=on_token)
        except ModelError as exc:
            if self.ledger is not None:
                self.ledger.record_failure(
                    trace_id=trace_id,
                    app=self.name,
                    model=self.provider.name,
                    provider=self.provider.kind,
                    error=str(exc),
                    latency_s=time.perf_counter() - t0,
                )
            raise
        clock("generate", t0)
        timings["ttft"] = chat.ttft_s * 1e3
        result.usage = chat.usage
        result.cost = cost_of(self.price, chat.usage, chat.latency_s)
        if self.ledger is not None:
            t0 = time.perf_counter()
            self.ledger.record_call(
                trace_id=trace_id,
                app=self.name,
                provider=self.provider.kind,
                result=chat,
                cost=result.cost,
            )
            clock("meter", t0)
        answer = chat.text.strip()

        # 5. output checks
        if self.guard is not None:
            t0 = time.perf_counter()
            outcome = self.guard.apply(
                # headings keep list items ("- Price: $2,899") tied to what they describe
                answer,
                "output",
                sources=[f"{s.heading}\n{s.text}" for s in sources],
                query=question_used,
            )
            clock("guard_output", t0)
            findings.extend(outcome.findings)
            answer = outcome.text_out
            if outcome.blocked:
                result.status = "blocked"
        result.answer = answer
        if result.status == "answered":
            result.citations = find_citations(answer, sources)
        return self._finish(result, findings, t_start)

    def _finish(self, result: AskResult, findings: list[Finding], t_start: float) -> AskResult:
        result.findings = [f.to_dict() for f in findings]
        result.timings_ms["total"] = (time.perf_counter() - t_start) * 1e3
        if self.ledger is not None:
            t0 = time.perf_counter()
            self.ledger.record_ask(
                {
                    "trace_id": result.trace_id,
                    "app": result.app,
                    "question": result.question,
                    "answer": result.answer,
                    "status": result.status,
                    "citations": [asdict(c) for c in result.citations],
                    "findings": result.findings,
                    "timings": result.timings_ms,
                    "cost_usd": result.cost_usd,
                }
            )
            result.timings_ms["audit"] = (time.perf_counter() - t0) * 1e3
        return result
