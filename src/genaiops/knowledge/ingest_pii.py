"""PII at ingestion: masked, or the chunk dropped, before anything is embedded or stored.

A knowledge base with ``pii: {action, entities}`` runs the guardrails' own PII check
(:class:`genaiops.guardrails.pii.PiiCheck`, the recognizers and tagger that screen
questions and answers) over each document once, on its whole text, so an entity is
counted once even when chunk overlap repeats it and is found even when a fixed window
cuts through it. Each chunk then takes the findings inside its span: ``mask`` replaces
them with ``[ENTITY]`` (:func:`genaiops.guardrails.engine.mask_text`), ``drop`` leaves
the chunk out. Headings and the title are screened too: they are stored, embedded and
shown in citations like the text.

The vectors are computed from the masked text, so a masked value cannot be recovered by
searching for it either.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pydantic import ValidationError

from genaiops.errors import ConfigError
from genaiops.knowledge.chunking import Chunk

if TYPE_CHECKING:
    from genaiops.config import IngestPiiConfig
    from genaiops.guardrails.base import Check, Finding

__all__ = ["PiiFilter", "Screened"]

_Count = Callable[[str], int]


@dataclass(frozen=True)
class Screened:
    """A document's chunks and title after the filter, and what it found (per entity)."""

    title: str
    chunks: list[Chunk]
    found: dict[str, int]
    dropped: int


class PiiFilter:
    """Masks or drops a knowledge base's PII; built once per ingest (the check is
    compiled and its tagger loaded on first use)."""

    def __init__(self, config: IngestPiiConfig, kb: str) -> None:
        from genaiops.config_guardrails import PiiEntityConfig, SensitiveInfoConfig
        from genaiops.guardrails.pii import PiiCheck

        try:
            entities = [PiiEntityConfig(type=e, action="mask") for e in config.entities]
        except ValidationError as exc:
            reason = exc.errors()[0]["msg"].removeprefix("Value error, ")
            raise ConfigError(f"knowledge_bases.{kb}.pii.entities: {reason}") from None
        self.action = config.action
        self.check: Check = PiiCheck(SensitiveInfoConfig(entities=entities, directions=["input"]))
        self._cache: dict[str, list[Finding]] = {}

    def findings(self, text: str) -> list[Finding]:
        return self.check.check(text, "input")

    def _short(self, text: str) -> list[Finding]:
        """Findings in a heading or title, cached: every chunk of a section repeats them."""
        if text not in self._cache:
            self._cache[text] = self.findings(text)
        return self._cache[text]

    def screen(
        self, text: str, title: str, chunks: Sequence[Chunk], count_tokens: _Count
    ) -> Screened:
        """``chunks`` of the document ``text`` with its PII masked or dropped."""
        from genaiops.guardrails.engine import mask_text

        special = count_tokens("")  # the chunker counts text without [CLS] and [SEP]
        in_text = self.findings(text)
        found = Counter(f.name for f in in_text)
        if title not in text:  # a title taken from a file name is not in the text
            found.update(f.name for f in self._short(title))
        kept: list[Chunk] = []
        for chunk in chunks:
            own = self._in_chunk(text, chunk, in_text)
            heading_findings = self._short(chunk.heading)
            if not (own or heading_findings):
                kept.append(replace(chunk, ordinal=len(kept)))
            elif self.action == "mask":
                body = mask_text(chunk.text, own)[0]
                heading = mask_text(chunk.heading, heading_findings)[0]
                kept.append(
                    replace(
                        chunk,
                        ordinal=len(kept),
                        text=body,
                        heading=heading,
                        n_tokens=max(0, count_tokens(body) - special),
                    )
                )
        masked_title = mask_text(title, self._short(title))[0]
        return Screened(masked_title, kept, dict(found), len(chunks) - len(kept))

    def _in_chunk(self, text: str, chunk: Chunk, in_text: list[Finding]) -> list[Finding]:
        """The document's findings that overlap the chunk, clipped to it and made relative
        to its text. A chunk whose span is not its text (a connector's sections that do
        not match its text) is checked on its own instead."""
        lo, hi = chunk.start_char, chunk.end_char
        if text[lo:hi] != chunk.text:
            return self.findings(chunk.text)
        return [
            replace(f, start=max(f.start, lo) - lo, end=min(f.end, hi) - lo)
            for f in in_text
            if f.start is not None and f.end is not None and f.start < hi and lo < f.end
        ]
