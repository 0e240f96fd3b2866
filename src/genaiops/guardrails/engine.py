"""The guardrail engine: a declared policy compiled into checks, applied per direction.

``apply`` runs every check of the policy that covers the direction, times each one, and
returns one :class:`GuardOutcome`. In ``shadow`` mode the findings are recorded but
nothing is blocked or masked. Every key of a policy is compiled into a check here; the
project file rejects keys this version has no check for, so nothing declared is skipped.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from genaiops.config import GuardrailPolicyConfig
from genaiops.guardrails.base import Check, Direction, Finding
from genaiops.guardrails.word_filter import WordFilter

__all__ = ["GuardOutcome", "GuardrailEngine"]


@dataclass
class GuardOutcome:
    action: Literal["NONE", "BLOCKED", "MASKED"]
    text_out: str
    findings: list[Finding] = field(default_factory=list)
    latency_ms: dict[str, float] = field(default_factory=dict)  # per check type
    shadow: bool = False

    @property
    def blocked(self) -> bool:
        return self.action == "BLOCKED"


class GuardrailEngine:
    def __init__(self, name: str, policy: GuardrailPolicyConfig) -> None:
        self.name = name
        self.policy = policy
        self.checks: list[Check] = []
        if policy.word_filters is not None and policy.word_filters.words:
            self.checks.append(
                WordFilter(policy.word_filters.words, policy.word_filters.directions)
            )

    def apply(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> GuardOutcome:
        findings: list[Finding] = []
        timings: dict[str, float] = {}
        for check in self.checks:
            if direction not in check.directions:
                continue
            t0 = time.perf_counter()
            findings.extend(check.check(text, direction, sources, query))
            timings[check.type] = timings.get(check.type, 0.0) + (time.perf_counter() - t0) * 1e3
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
        masked = text
        spans = sorted(
            (f for f in findings if f.action == "MASKED" and f.start is not None),
            key=lambda f: f.start or 0,
            reverse=True,
        )
        for f in spans:
            assert f.start is not None and f.end is not None
            masked = f"{masked[: f.start]}[{f.name.upper()}]{masked[f.end :]}"
        return GuardOutcome("MASKED" if spans else "NONE", masked, findings, timings)
