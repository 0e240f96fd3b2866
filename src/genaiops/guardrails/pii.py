"""The PII check: Presidio's entity names, our own recognizers, numpy only at run time.

How it decides (measured in ``benchmarks/a6_p7_pii.py``, figures in
``benchmarks/results/a6_p7_pii.json``):

* Structured entities come from pattern recognizers with validators
  (:mod:`genaiops.guardrails.pii_recognizers`): Luhn for cards, ISO 13616 mod-97 for IBANs,
  SSA rules for SSNs, :mod:`ipaddress` for IPs, mod-11 for NHS numbers, Base58Check and
  Bech32 for bitcoin addresses, and context words that a weak pattern needs to fire.
* Names, places, organizations, street addresses, nationalities, job titles, ages, zip
  codes, dates and phone numbers also come from a small linear tagger
  (:mod:`genaiops.guardrails.pii_ner`) trained on a training split of Presidio's synthetic
  PII set and run with numpy only; the pattern matches are among its features.
* Job titles ending in a head noun ("Senior Payroll Analyst") and companies with a legal
  form ("Duvall Freight GmbH") also come from patterns; the tagger's pieces inside a pattern
  match are dropped, and an honorific-looking word inside an address ("Cheriton Dr") is not
  a title.
* Overlapping spans are resolved by score, then length; then an address absorbs the place
  and zip code spans right after it, so one address is masked as one span.

We chose our own recognizers over Presidio's analyzer (spaCy ``en_core_web_sm``) because on
the held-out split they find more of the entities (higher span F1) several times faster,
without a 12 MB spaCy model and its dependency tree in the core install.

:class:`PiiCheck` turns spans into :class:`~genaiops.guardrails.base.Finding` objects for the
entities and custom regexes a policy declares, with the policy's action per entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from genaiops.config_guardrails import PiiAction, SensitiveInfoConfig
from genaiops.errors import InputError
from genaiops.guardrails.base import Action, Check, CheckServices, Direction, Finding
from genaiops.guardrails.pii_ner import ENTITIES as TAGGER_ENTITIES
from genaiops.guardrails.pii_ner import Tagger
from genaiops.guardrails.pii_recognizers import RECOGNIZERS, recognize

__all__ = ["SUPPORTED_ENTITIES", "PiiCheck", "Span", "detect_pii", "resolve_overlaps"]

#: every entity :func:`detect_pii` can return (Presidio's names)
SUPPORTED_ENTITIES: frozenset[str] = frozenset(
    {r.entity for r in RECOGNIZERS} | set(TAGGER_ENTITIES)
)

_ACTIONS: dict[PiiAction, Action] = {"block": "BLOCKED", "mask": "MASKED", "detect": "DETECTED"}

_EXPLAIN = {
    "CREDIT_CARD": "a card number that passes the Luhn checksum",
    "IBAN_CODE": "an IBAN with a valid country length and mod-97 check",
    "US_SSN": "a US social security number (SSA rules)",
    "IP_ADDRESS": "an IPv4 or IPv6 address",
    "CRYPTO": "a bitcoin address with a valid checksum",
    "UK_NHS": "an NHS number with a valid mod-11 check digit",
    "EMAIL_ADDRESS": "an email address",
    "URL": "a URL",
}


@dataclass(frozen=True)
class Span:
    """One detected entity: character offsets, Presidio's entity name, a 0..1 score."""

    start: int
    end: int
    entity: str
    score: float


Scored = tuple[int, int, str, float]


def resolve_overlaps(spans: Iterable[Scored]) -> list[Scored]:
    """Non-overlapping spans: the highest score wins, then the longer span, then the first."""
    keep: list[Scored] = []
    for s in sorted(spans, key=lambda s: (-s[3], -(s[1] - s[0]), s[0])):
        if all(s[1] <= k[0] or k[1] <= s[0] for k in keep):
            keep.append(s)
    return sorted(keep)


_tagger = Tagger()  # reads its weights on first use, not here


def _detect(text: str, use_tagger: bool) -> list[Scored]:
    patterns = recognize(text)
    found = list(patterns)
    if use_tagger and text.strip():
        tagged = _tagger.tag(text, resolve_overlaps(patterns))
        # where the tagger and a pattern agree on the entity, the pattern's edges win, and
        # a tagger span inside a pattern's match is a piece of it ("V" of "Capital B.V.")
        found = [
            t
            for t in tagged
            if not any(
                (p[2] == t[2] and p[0] < t[1] and t[0] < p[1]) or (p[0] <= t[0] and t[1] <= p[1])
                for p in patterns
            )
        ]
        # an honorific-looking word inside an address is a street word ("Cheriton Dr")
        found += [
            p
            for p in patterns
            if p[2] != "TITLE"
            or not any(t[2] == "ADDRESS" and t[0] <= p[0] and p[1] <= t[1] for t in tagged)
        ]
    spans = _merge_addresses(text, resolve_overlaps(found))
    return _ages_after_names(text, spans) if use_tagger else spans


#: an age written after a name, as news, rosters and case notes write it: "Ana Ruiz, 34,
#: of Leeds", "Ana Ruiz (34)": the number follows the name's comma (then a comma, a
#: semicolon, a full stop or a line break) or is bracketed (one or two digits) right after
#: it. So "Dear Ana, 25 boxes ...", "Maria, 3 of the bikes", a list ("John, 3, 4 and 5")
#: and a number that ends a text cut mid-sentence (a streamed answer's piece) are no age.
_AGE_AFTER_NAME = re.compile(
    r",[ \t]*(?P<v>\d{1,3})(?!\s*[,;]\s*\d)[ \t]*(?=[,;\n]|\.(?!\d))|[ \t]?\((?P<b>\d{1,2})\)"
)


def _ages_after_names(text: str, spans: list[Scored]) -> list[Scored]:
    """``spans`` with an ``AGE`` span for each number of 1 to 120 that follows a ``PERSON``
    span as :data:`_AGE_AFTER_NAME` describes and lies in no other span."""
    ages: list[Scored] = []
    for _, end, entity, score in spans:
        if entity != "PERSON":
            continue
        m = _AGE_AFTER_NAME.match(text, end)
        if m is None:
            continue
        group = "v" if m.group("v") is not None else "b"  # after a comma, or bracketed
        if not 1 <= int(m.group(group)) <= 120:
            continue
        a, b = m.span(group)
        if all(b <= s[0] or s[1] <= a for s in spans):
            ages.append((a, b, "AGE", min(score, 0.7)))
    return sorted(spans + ages) if ages else spans


_JOINS = re.compile(r"[\s,>]*")


def _merge_addresses(text: str, spans: list[Scored]) -> list[Scored]:
    """One span for one address: an ``ADDRESS`` span absorbs the address, place or zip
    code spans that follow it with only spaces, commas or line breaks between them
    ("Apt 2B, 317 Pitt Street" + "Melbourne VIC 3000" + "Canada")."""
    out: list[Scored] = []
    for span in spans:
        if (
            out
            and out[-1][2] == "ADDRESS"
            and span[2] in {"ADDRESS", "LOCATION", "ZIP_CODE"}
            and _JOINS.fullmatch(text, out[-1][1], span[0])
        ):
            last = out.pop()
            out.append((last[0], span[1], "ADDRESS", max(last[3], span[3])))
        else:
            out.append(span)
    return out


def detect_pii(text: str, entities: Iterable[str] | None = None) -> list[Span]:
    """All PII spans in ``text``, non-overlapping, in text order.

    Overlaps are resolved over every entity first and only then filtered to ``entities``
    (``None``: all of :data:`SUPPORTED_ENTITIES`), so asking for fewer entities never
    turns, say, the name inside an email address into a finding of its own.
    """
    wanted = SUPPORTED_ENTITIES if entities is None else frozenset(entities)
    unknown = wanted - SUPPORTED_ENTITIES
    if unknown:
        valid = ", ".join(sorted(SUPPORTED_ENTITIES))
        raise InputError(f"unknown PII entities {sorted(unknown)}; valid: {valid}")
    return [
        Span(s, e, ent, score)
        for s, e, ent, score in _detect(text, bool(wanted & set(TAGGER_ENTITIES)))
        if ent in wanted
    ]


class PiiCheck(Check):
    """Findings for the PII entities and custom regexes of a ``sensitive_information`` policy."""

    type: ClassVar[str] = "pii"
    directions: ClassVar[frozenset[Direction]] = frozenset({"input", "output", "document"})

    def __init__(self, config: SensitiveInfoConfig) -> None:
        self.config = config
        self.actions: dict[str, Action] = {e.type: _ACTIONS[e.action] for e in config.entities}
        self.regexes: list[tuple[str, re.Pattern[str], Action]] = [
            (r.name, re.compile(r.pattern), _ACTIONS[r.action]) for r in config.regexes
        ]
        enabled: set[Direction] = set(config.directions)
        if "input" in enabled:
            enabled.add("document")  # retrieved documents are screened like the question
        self.enabled: frozenset[Direction] = frozenset(enabled)

    @classmethod
    def from_config(cls, config: Any, services: CheckServices) -> Check | None:
        """The ``sensitive_information`` policy key."""
        assert isinstance(config, SensitiveInfoConfig)
        return cls(config) if config.entities or config.regexes else None

    def warm_up(self) -> None:
        detect_pii("warm up", self.actions or None)

    def check(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> list[Finding]:
        if direction not in self.enabled or not text:
            return []
        found: list[tuple[int, int, str, float, Literal["pii", "regex"], Action]] = []
        if self.actions:
            found += [
                (s.start, s.end, s.entity, s.score, "pii", self.actions[s.entity])
                for s in detect_pii(text, self.actions)
            ]
        for name, pattern, action in self.regexes:
            found += [
                (m.start(), m.end(), name, 1.0, "regex", action)
                for m in pattern.finditer(text)
                if m.end() > m.start()
            ]
        keep = resolve_overlaps((s, e, str(i), sc) for i, (s, e, _, sc, _, _) in enumerate(found))
        findings = []
        for _, _, i, _ in keep:
            start, end, name, score, kind, action = found[int(i)]
            why = (
                "matches the policy's custom regex"
                if kind == "regex"
                else _EXPLAIN.get(name, f"{name} found by the PII recognizers")
            )
            findings.append(Finding(kind, name, round(score, 3), action, start, end, why))
        return findings
