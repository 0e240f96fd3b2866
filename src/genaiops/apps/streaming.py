"""Guarded streaming: a stream releases text only once the output checks passed it.

``sentence`` mode (the default): generated pieces gather until a sentence ends (or
``max_pending_tokens`` pieces arrive with no sentence end); the checks that can judge a
part of an answer on their own (PII, words, content, topics) then run on that segment,
and only a segment that passed is released, masked where the policy masks. A segment
that is blocked stops the generation and nothing more is released. When the model has
finished, the last segment is checked the same way and the checks that need the whole
answer (grounding and relevance) give the final verdict before the stream ends. What a
blocked stream already released is at most the text that passed the checks.

``buffered`` mode releases nothing until every check passed the whole answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from genaiops.guardrails.base import Finding
from genaiops.guardrails.engine import GuardOutcome, GuardrailEngine

__all__ = ["GuardedStream", "TextCallback"]

TextCallback = Callable[[str], object]  # what it returns is ignored

#: a sentence ends at . ! ? (and closing quotes or brackets) followed by white space, or
#: at a line break
_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+|\n+")


@dataclass
class GuardedStream:
    """Feeds generated pieces through the policy and releases what passed to ``on_text``."""

    engine: GuardrailEngine | None
    on_text: TextCallback | None
    sources: Sequence[str] = ()
    query: str | None = None
    raw: list[str] = field(default_factory=list)  # everything generated
    released: list[str] = field(default_factory=list)  # what the caller received
    findings: list[Finding] = field(default_factory=list)
    blocked: bool = False
    check_ms: float = 0.0
    _pending: str = ""
    _pending_pieces: int = 0

    @property
    def mode(self) -> str:
        return self.engine.policy.stream.mode if self.engine is not None else "sentence"

    @property
    def shadow(self) -> bool:
        return self.engine is not None and self.engine.policy.mode == "shadow"

    def feed(self, piece: str) -> bool:
        """Take one generated piece; True when the generation should stop (blocked)."""
        if self.blocked:
            return True
        self.raw.append(piece)
        self._pending += piece
        self._pending_pieces += 1
        if self.mode == "buffered" and self.engine is not None:
            return False
        cut = self._cut()
        if cut:
            segment, self._pending = self._pending[:cut], self._pending[cut:]
            self._pending_pieces = 0 if not self._pending else 1
            self._release_checked(segment)
        return self.blocked

    def _cut(self) -> int:
        """Where the pending text can be cut: after its last sentence end; or, past the
        window, after its last white space."""
        last = 0
        for m in _BOUNDARY.finditer(self._pending):
            last = m.end()
        if last:
            return last
        limit = self.engine.policy.stream.max_pending_tokens if self.engine else 0
        if self._pending_pieces >= limit:
            space = self._pending.rstrip().rfind(" ")
            return space + 1 if space > 0 else len(self._pending)
        return 0

    def _apply(self, text: str, checks: Literal["all", "prefix", "whole"]) -> GuardOutcome:
        assert self.engine is not None
        outcome = self.engine.apply(
            text, "output", sources=self.sources, query=self.query, checks=checks
        )
        self.check_ms += outcome.latency_ms.get("total", 0.0)
        return outcome

    def _release_checked(self, segment: str) -> None:
        if not segment:
            return
        if self.engine is None:
            self._emit(segment)
            return
        outcome = self._apply(segment, "prefix")
        offset = len("".join(self.raw)) - len(self._pending) - len(segment)
        self.findings.extend(_shift(outcome.findings, offset))
        if outcome.blocked:
            self.blocked = True
            return
        self._emit(outcome.text_out)

    def _emit(self, text: str) -> None:
        if not self.released and not text.strip():
            return  # no leading white space before the first words
        if not self.released:
            text = text.lstrip()
        self.released.append(text)
        if self.on_text is not None:
            self.on_text(text)

    def finish(self) -> GuardOutcome | None:
        """The model has finished: check the rest and give the final verdict. Returns the
        whole-answer outcome (its evidence feeds citations), or None without a policy."""
        if self.engine is None:
            self._emit(self._pending)
            self._pending = ""
            return None
        full = "".join(self.raw).strip()
        if self.blocked:
            return None
        if self.mode == "buffered":
            outcome = self._apply(full, "all")
            self.findings.extend(outcome.findings)
            if outcome.blocked:
                self.blocked = True
            else:
                self._emit(outcome.text_out)
            return outcome
        tail, self._pending = self._pending, ""
        if tail.strip():
            self._release_checked(tail.rstrip())
        if self.blocked:
            return None
        final = self._apply(full, "whole")
        self.findings.extend(final.findings)
        if final.blocked:
            self.blocked = True
        return final

    @property
    def text(self) -> str:
        return "".join(self.released).strip()


def _shift(findings: Sequence[Finding], offset: int) -> list[Finding]:
    """Findings of a segment with their spans moved to offsets in the whole answer."""
    return [
        replace(f, start=f.start + offset, end=(f.end or f.start) + offset)
        if f.start is not None
        else f
        for f in findings
    ]
