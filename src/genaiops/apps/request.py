"""The request context of an ask, and its result.

An :class:`AskRequest` carries the question, the :class:`Caller` (principal, tenant,
groups, API key id, tags: what access control, budgets, metering and the audit need) and
per-request :class:`AskOptions`. The :class:`AskResult` exposes every intermediate value
the pipeline computed, without recomputing: the chunks retrieved with their scores, the
sources the prompt used, findings, usage, cost, timings per stage and the trace id.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from genaiops.costs.ledger import Attribution
from genaiops.costs.pricing import CostBreakdown
from genaiops.errors import InputError
from genaiops.knowledge.retrieval import Filters
from genaiops.knowledge.store import RetrievedChunk
from genaiops.models.base import Usage

__all__ = ["AskOptions", "AskRequest", "AskResult", "Caller", "Citation"]

MAX_QUESTION_CHARS = 32_000


@dataclass(frozen=True)
class Caller:
    """Who asks. The CLI asks as the local user of tenant ``default``; the server fills
    this from the API key."""

    principal: str | None = None
    tenant: str = "default"
    groups: tuple[str, ...] = ()
    api_key_id: str | None = None
    tags: dict[str, str] = field(default_factory=dict)

    def attribution(self, trace_id: str, app: str | None) -> Attribution:
        return Attribution(
            trace_id=trace_id,
            app=app,
            tenant=self.tenant,
            principal=self.principal,
            api_key_id=self.api_key_id,
            tags=dict(self.tags),
        )


@dataclass(frozen=True)
class AskOptions:
    """Per-request overrides of the app's settings (``None``: the app's own).

    ``filters`` narrows retrieval to matching documents (source globs, MIME types, meta
    tags, modified after); they narrow what the caller may read, never widen it."""

    top_k: int | None = None
    max_tokens: int | None = None
    temperature: float | None = None
    filters: Filters | None = None


@dataclass
class AskRequest:
    question: str
    caller: Caller = field(default_factory=Caller)
    options: AskOptions = field(default_factory=AskOptions)
    trace_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    #: set it (from any thread) to stop the ask: generation stops within a token
    cancel: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        if not isinstance(self.question, str) or not self.question.strip():
            raise InputError("the question is empty; ask something, e.g. 'What is ...?'")
        if len(self.question) > MAX_QUESTION_CHARS:
            raise InputError(
                f"the question has {len(self.question):,} characters; the limit is "
                f"{MAX_QUESTION_CHARS:,} (put long material in the knowledge base)"
            )


@dataclass(frozen=True)
class Citation:
    index: int  # the source's number in the prompt, 1-based
    source: str
    title: str
    chunk: int
    score: float  # retrieval score (the retrieval mode's: cosine, keyword rank or fused)
    support: float  # how well this source supports the answer (0..1)
    how: Literal["grounding", "marker", "overlap"]  # grounding evidence, [n], or word overlap
    page: int | None = None  # 1-based page of a paged source (PDF)
    start_char: int | None = None  # the chunk's span in the document's text, to open it there
    end_char: int | None = None


@dataclass
class AskResult:
    trace_id: str
    app: str
    model: str
    question: str
    answer: str
    status: Literal["answered", "blocked", "cancelled"]
    caller: Caller = field(default_factory=Caller)
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[RetrievedChunk] = field(default_factory=list)  # before document checks
    sources: list[RetrievedChunk] = field(default_factory=list)  # what the prompt used
    findings: list[dict[str, object]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. sources dropped to fit the window
    usage: Usage = field(default_factory=lambda: Usage(0, 0))
    cost: CostBreakdown = field(default_factory=lambda: CostBreakdown(0.0, 0.0, 0.0))
    timings_ms: dict[str, float] = field(default_factory=dict)
    finish_reason: str | None = None

    @property
    def cost_usd(self) -> float:
        return self.cost.total_usd

    @property
    def latency_ms(self) -> float:
        return self.timings_ms.get("total", 0.0)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["cost_usd"] = self.cost_usd
        return out
