"""The guardrail engine: a declared policy compiled into checks, applied per direction.

The engine compiles each policy key through the registry of check kinds
(:data:`genaiops.plugins.checks`: a built-in kind's name is the policy key it compiles)
and then each plug-in entry of the policy's ``checks:`` list. The project file rejects
keys this version has no check for, so nothing declared is skipped.

``apply`` runs every check of the policy that covers the direction, times each one, and
returns one :class:`GuardOutcome`; ``checks="prefix"`` runs just the checks that can
judge a part of an answer (a guarded stream releases each sentence after them) and
``checks="whole"`` the others (grounding: the final verdict). In ``shadow``
mode the findings are recorded but nothing is blocked or masked.

Checks that embed text share the runtime's caching embedder, so a question that is
retrieved with and scored for denied topics, content and prompt attacks is embedded once.
A compiled engine is immutable and thread-safe; the runtime builds one per policy.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from genaiops.config_guardrails import (
    BUILTIN_CHECK_KEYS,
    PLUGIN_CHECK_KEY,
    GuardrailPolicyConfig,
    SensitiveInfoConfig,
)
from genaiops.errors import PluginError
from genaiops.guardrails.base import Check, CheckServices, Direction, Finding
from genaiops.guardrails.word_filter import profanity_words
from genaiops.knowledge.embedders import CachingEmbedder, Embedder
from genaiops.models.base import ModelProvider

__all__ = [
    "CachingEmbedder",
    "GuardOutcome",
    "GuardrailEngine",
    "compile_checks",
    "mask_text",
    "profanity_words",
]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class GuardOutcome:
    action: Literal["NONE", "BLOCKED", "MASKED"]
    text_out: str
    findings: list[Finding] = field(default_factory=list)
    latency_ms: dict[str, float] = field(default_factory=dict)  # per check type, and total
    shadow: bool = False
    evidence: dict[str, Any] = field(default_factory=dict)  # per check type

    @property
    def blocked(self) -> bool:
        return self.action == "BLOCKED"


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


def _build(kind: str, config: Any, services: CheckServices) -> Check | None:
    from genaiops.plugins import checks

    cls = checks.get(kind, key=kind)
    if not (isinstance(cls, type) and issubclass(cls, Check)):
        raise PluginError(f"the guardrail check {kind!r} ({cls!r}) is not a genaiops Check")
    return cls.from_config(config, services)


def compile_checks(policy: GuardrailPolicyConfig, services: CheckServices) -> list[Check]:
    """Every check the policy declares: built-in keys first, then plug-in entries."""
    out: list[Check] = []
    for key in BUILTIN_CHECK_KEYS:
        section = getattr(policy, key)
        if section:
            check = _build(key, section, services)
            if check is not None:
                out.append(check)
    for entry in policy.checks:
        kind = str(entry[PLUGIN_CHECK_KEY])
        from genaiops.plugins import checks

        schema = getattr(checks.get(kind), "config_model", None)
        options = {k: v for k, v in entry.items() if k != PLUGIN_CHECK_KEY}
        from genaiops.plugins import validate_options

        config = validate_options(schema, options, f"checks.{kind}") if schema else options
        check = _build(kind, config, services)
        if check is not None:
            out.append(check)
    return out


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
        if embedder is not None and not isinstance(embedder, CachingEmbedder):
            embedder = CachingEmbedder(embedder)
        self.services = CheckServices(
            embedder=embedder, judge=judge, long_text_encoder=policy.long_text_encoder
        )
        self.checks: list[Check] = compile_checks(policy, self.services)
        self._redactor = self._make_redactor()

    def warm_up(self) -> None:
        """Load every check's artifacts and embed its fixed texts now (the runtime does
        this once per engine, so no ask pays for it)."""
        for check in self.checks:
            check.warm_up()
        if self.services.embedder is not None:
            self.services.embedder.warm_up()

    def apply(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
        *,
        checks: Literal["all", "prefix", "whole"] = "all",
    ) -> GuardOutcome:
        """Run the policy's checks for ``direction`` (``prefix``: only those that can judge
        part of an answer; ``whole``: only those that need all of it)."""
        start = time.perf_counter()
        # half of a UTF-16 surrogate pair (from JSON's "\\ud800") is no text any tokenizer
        # can encode: the checks see U+FFFD in its place (one code point for one, so every
        # span stays where it was)
        text = _LONE_SURROGATE.sub("\ufffd", text)
        sources = [_LONE_SURROGATE.sub("\ufffd", s) for s in sources]
        if query is not None:
            query = _LONE_SURROGATE.sub("\ufffd", query)
        limit = self.policy.max_chars
        if limit is not None and len(text) > limit:
            return self._over_limit(text, direction, limit, start)
        findings: list[Finding] = []
        timings: dict[str, float] = {}
        evidence: dict[str, Any] = {}
        selected = {
            "all": self.checks,
            "prefix": [c for c in self.checks if c.can_judge_prefix],
            "whole": [c for c in self.checks if not c.can_judge_prefix],
        }[checks]
        for check in selected:
            if direction not in check.directions:
                continue
            t0 = time.perf_counter()
            result = check.inspect(text, direction, sources, query)
            findings.extend(result.findings)
            if result.evidence is not None:
                evidence[check.type] = result.evidence
            timings[check.type] = timings.get(check.type, 0.0) + (time.perf_counter() - t0) * 1e3
        timings["total"] = (time.perf_counter() - start) * 1e3
        shadow = self.policy.mode == "shadow"
        if not findings or shadow:
            return GuardOutcome("NONE", text, findings, timings, shadow, evidence)
        if any(f.action == "BLOCKED" for f in findings):
            message = (
                self.policy.messages.blocked_output
                if direction == "output"
                else self.policy.messages.blocked_input
            )
            return GuardOutcome("BLOCKED", message, findings, timings, evidence=evidence)
        masked, changed = mask_text(text, findings)
        return GuardOutcome(
            "MASKED" if changed else "NONE", masked, findings, timings, False, evidence
        )

    def _over_limit(
        self, text: str, direction: Direction, limit: int, start: float
    ) -> GuardOutcome:
        """A text over the policy's ``max_chars``: blocked (in shadow mode, passed with the
        finding) before any check runs, so that its cost is bounded whatever it holds."""
        finding = Finding(
            "limit",
            "max_chars",
            1.0,
            "BLOCKED",
            explanation=(
                f"the text has {len(text):,} characters; the policy checks at most "
                f"{limit:,} (max_chars)"
            ),
        )
        timings = {"total": (time.perf_counter() - start) * 1e3}
        if self.policy.mode == "shadow":
            return GuardOutcome("NONE", text, [finding], timings, True)
        message = (
            self.policy.messages.blocked_output
            if direction == "output"
            else self.policy.messages.blocked_input
        )
        return GuardOutcome("BLOCKED", message, [finding], timings)

    # -- audit redaction -------------------------------------------------------------------

    def _make_redactor(self) -> Check | None:
        """A PII check that masks, for the audit, what the policy's ``audit.redact`` says:
        the entities and regexes the policy blocks or masks (``policy``), every entity
        genaiops detects (``all``), or nothing (``none``). No I/O: the tagger loads on use."""
        if self.policy.audit.redact == "none":
            return None
        from genaiops.config_guardrails import PII_ENTITIES, CustomRegexConfig, PiiEntityConfig
        from genaiops.guardrails.pii import PiiCheck

        si = self.policy.sensitive_information or SensitiveInfoConfig()
        if self.policy.audit.redact == "all":
            entities = [PiiEntityConfig(type=e, action="mask") for e in PII_ENTITIES]
        else:
            entities = [e.model_copy(update={"action": "mask"}) for e in si.entities]
        regexes = [
            CustomRegexConfig(name=r.name, pattern=r.pattern, action="mask")
            for r in si.regexes
            if r.action != "detect" or self.policy.audit.redact == "all"
        ]
        if self.policy.audit.redact == "policy":
            entities = [
                e
                for e in entities
                if any(x.type == e.type and x.action != "detect" for x in si.entities)
            ]
        if not (entities or regexes):
            return None
        return PiiCheck(
            SensitiveInfoConfig(entities=entities, regexes=regexes, directions=["input"])
        )

    def redact(self, text: str) -> str:
        """``text`` with the audit's PII masked (``[EMAIL_ADDRESS]``)."""
        limit = self.policy.max_chars
        if limit is not None and len(text) > limit:
            # not scanned (its cost is unbounded), so not kept, whatever audit.redact says
            return f"[withheld: {len(text):,} characters, over the policy's max_chars]"
        check = self._redactor
        if check is None or not text:
            return text
        return mask_text(text, check.check(text, "input"))[0]
