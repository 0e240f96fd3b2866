"""Word filter: block texts containing listed words or phrases (whole words, any case)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from genaiops.guardrails.base import Check, Direction, Finding

__all__ = ["WordFilter"]


class WordFilter(Check):
    type = "word_filter"

    def __init__(self, words: Sequence[str], directions: Sequence[Direction]) -> None:
        self.words = [w.strip() for w in words if w.strip()]
        self.enabled: frozenset[Direction] = frozenset(directions)
        alternatives = sorted({re.escape(w) for w in self.words}, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
            if alternatives
            else None
        )

    def check(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> list[Finding]:
        if self._pattern is None or direction not in self.enabled:
            return []
        return [
            Finding(
                type=self.type,
                name=m.group(1).lower(),
                score=1.0,
                action="BLOCKED",
                start=m.start(),
                end=m.end(),
                explanation="matches a word in the policy's word filter",
            )
            for m in self._pattern.finditer(text)
        ]
