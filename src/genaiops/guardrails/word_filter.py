"""Word filter: block texts containing listed words or phrases (whole words, any case)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from genaiops.guardrails.base import Check, CheckServices, Direction, Finding

__all__ = ["WordFilter", "profanity_words"]


def profanity_words() -> list[str]:
    """The built-in profanity list (``guardrails/data/profanity.txt``)."""
    from importlib import resources

    text = resources.files("genaiops.guardrails").joinpath("data/profanity.txt").read_text("utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


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

    @classmethod
    def from_config(cls, config: Any, services: CheckServices) -> Check | None:
        """The ``word_filters`` policy key: the listed words plus, with ``profanity``, the
        built-in list."""
        from genaiops.config_guardrails import WordFilterConfig

        assert isinstance(config, WordFilterConfig)
        words = list(config.words)
        if config.profanity:
            words += profanity_words()
        return cls(words, config.directions) if any(w.strip() for w in words) else None

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
