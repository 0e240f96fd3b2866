"""The guardrail engine: a declared policy compiled into checks, applied per direction.

``apply`` runs every check of the policy that covers the direction, times each one, and
returns one :class:`GuardOutcome`. In ``shadow`` mode the findings are recorded but
nothing is blocked or masked. Every key of a policy is compiled into a check here; the
project file rejects keys this version has no check for, so nothing declared is skipped.

Checks that embed text share one embedder through a small cache, so a question that is
scored for denied topics, content and prompt attacks is embedded once.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

import numpy as np

from genaiops.config_guardrails import GuardrailPolicyConfig
from genaiops.guardrails.base import Check, Direction, Finding
from genaiops.guardrails.word_filter import WordFilter
from genaiops.knowledge.embedders import Embedder, Vectors
from genaiops.models.base import ModelProvider

__all__ = ["CachingEmbedder", "GuardOutcome", "GuardrailEngine", "mask_text", "profanity_words"]


@dataclass
class GuardOutcome:
    action: Literal["NONE", "BLOCKED", "MASKED"]
    text_out: str
    findings: list[Finding] = field(default_factory=list)
    latency_ms: dict[str, float] = field(default_factory=dict)  # per check type, and total
    shadow: bool = False

    @property
    def blocked(self) -> bool:
        return self.action == "BLOCKED"


class CachingEmbedder(Embedder):
    """Wraps an embedder and remembers the vectors of the last ``size`` texts."""

    def __init__(self, inner: Embedder, size: int = 512) -> None:
        self.inner = inner
        self.name = inner.name  # type: ignore[misc]
        self.dim = inner.dim  # type: ignore[misc]
        self.max_tokens = inner.max_tokens  # type: ignore[misc]
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._size = size

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed(self, texts: Sequence[str]) -> Vectors:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, vec in zip(missing, self.inner.embed(missing), strict=True):
                self._cache[text] = vec
                if len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            vec = self._cache.get(t)
            if vec is None:  # evicted within this call (a batch larger than the cache)
                vec = self.inner.embed([t])[0]
            out[i] = vec
        return out


def profanity_words() -> list[str]:
    """The built-in profanity list (``guardrails/data/profanity.txt``)."""
    text = resources.files("genaiops.guardrails").joinpath("data/profanity.txt").read_text("utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def mask_text(text: str, findings: Sequence[Finding]) -> tuple[str, bool]:
    """Replace the spans of MASKED findings with ``[NAME]``; overlapping spans merge."""
    spans = sorted(
        (f for f in findings if f.action == "MASKED" and f.start is not None and f.end is not None),
        key=lambda f: (f.start or 0, -(f.end or 0)),
    )
    kept: list[Finding] = []
    for f in spans:
        if kept and (f.start or 0) < (kept[-1].end or 0):
            continue  # inside (or overlapping) a span already masked
        kept.append(f)
    out = text
    for f in reversed(kept):
        assert f.start is not None and f.end is not None
        out = f"{out[: f.start]}[{f.name.upper()}]{out[f.end :]}"
    return out, bool(kept)


class GuardrailEngine:
    def __init__(
        self,
        name: str,
        policy: GuardrailPolicyConfig,
        embedder: Embedder | None = None,
        judge: ModelProvider | None = None,
    ) -> None:
        self.name = name
        self.policy = policy
        self._embedder = CachingEmbedder(embedder) if embedder is not None else None
        self.checks: list[Check] = []
        p = policy
        words = list(p.word_filters.words) if p.word_filters else []
        if p.word_filters and p.word_filters.profanity:
            words += profanity_words()
        if p.word_filters and words:
            self.checks.append(WordFilter(words, p.word_filters.directions))
        if p.sensitive_information and (
            p.sensitive_information.entities or p.sensitive_information.regexes
        ):
            from genaiops.guardrails.pii import PiiCheck

            self.checks.append(PiiCheck(p.sensitive_information))
        pa = p.prompt_attacks
        if pa and {pa.strength_for("input"), pa.strength_for("document")} != {"none"}:
            from genaiops.guardrails.prompt_attack import PromptAttackCheck

            self.checks.append(PromptAttackCheck(pa, self._embedder))
        if p.denied_topics:
            from genaiops.guardrails.denied_topics import DeniedTopicCheck

            self.checks.append(DeniedTopicCheck(list(p.denied_topics), self._need_embedder()))
        if p.content_filters and any(
            s.input != "none" or s.output != "none"
            for s in (getattr(p.content_filters, c) for c in type(p.content_filters).model_fields)
        ):
            from genaiops.guardrails.content_filter import ContentFilterCheck

            self.checks.append(ContentFilterCheck(p.content_filters, self._need_embedder()))
        cg = p.contextual_grounding
        if cg and (cg.grounding_threshold is not None or cg.relevance_threshold is not None):
            from genaiops.guardrails.grounding import GroundingCheck

            self.checks.append(GroundingCheck(cg, self._embedder, judge))

    def _need_embedder(self) -> Embedder:
        if self._embedder is None:
            from genaiops.knowledge.embedders import MiniLMEmbedder

            self._embedder = CachingEmbedder(MiniLMEmbedder())
        return self._embedder

    def apply(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> GuardOutcome:
        start = time.perf_counter()
        findings: list[Finding] = []
        timings: dict[str, float] = {}
        for check in self.checks:
            if direction not in check.directions:
                continue
            t0 = time.perf_counter()
            findings.extend(check.check(text, direction, sources, query))
            timings[check.type] = timings.get(check.type, 0.0) + (time.perf_counter() - t0) * 1e3
        timings["total"] = (time.perf_counter() - start) * 1e3
        shadow = self.policy.mode == "shadow"
        if not findings or shadow:
            return GuardOutcome("NONE", text, findings, timings, shadow)
        if any(f.action == "BLOCKED" for f in findings):
            message = (
                self.policy.messages.blocked_output
                if direction == "output"
                else self.policy.messages.blocked_input
            )
            return GuardOutcome("BLOCKED", message, findings, timings)
        masked, changed = mask_text(text, findings)
        return GuardOutcome("MASKED" if changed else "NONE", masked, findings, timings)
