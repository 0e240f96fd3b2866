"""Which sources an answer rests on.

Where the grounding check ran, its evidence decides: each claim of the answer names the
source sentence that supports it best, so the sources cited are those that support a
claim. Otherwise markers ``[n]`` the model wrote are kept when the source shares salient
words or numbers with the answer, and when there are none (small models rarely cite) the
sources that best support the answer's words and numbers are cited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from genaiops.apps.request import Citation
from genaiops.knowledge.store import RetrievedChunk

if TYPE_CHECKING:
    from genaiops.guardrails.grounding import GroundingReport

__all__ = ["citations_from_grounding", "find_citations"]

#: a claim whose support is below this cites nothing
MIN_CLAIM_SUPPORT = 0.5

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


def _citation(
    sources: Sequence[RetrievedChunk],
    i: int,
    support: float,
    how: Literal["grounding", "marker", "overlap"],
) -> Citation:
    s = sources[i - 1]
    return Citation(
        index=i,
        source=s.source,
        title=s.title,
        chunk=s.ordinal,
        score=round(s.score, 4),
        support=round(support, 3),
        how=how,
        page=s.page,
        start_char=s.start_char,
        end_char=s.end_char,
    )


def find_citations(answer: str, sources: Sequence[RetrievedChunk]) -> list[Citation]:
    """Citations by markers the text supports, or by word and number overlap."""
    if not sources or not answer.strip():
        return []
    tokens = _salient(answer)
    support = [_support(tokens, f"{s.heading} {s.text}") for s in sources]
    marked = sorted(
        {int(n) for n in re.findall(r"\[(\d{1,2})\]", answer) if 1 <= int(n) <= len(sources)}
    )
    cited: list[tuple[int, Literal["marker", "overlap"]]] = [
        (i, "marker") for i in marked if support[i - 1] > 0
    ]
    if not cited:
        best = max(support)
        if best < 0.2:
            return []
        cited = [(i + 1, "overlap") for i, s in enumerate(support) if s >= max(0.2, 0.8 * best)]
    return [_citation(sources, i, support[i - 1], how) for i, how in cited]


def citations_from_grounding(
    report: GroundingReport, sources: Sequence[RetrievedChunk]
) -> list[Citation]:
    """The sources that support the answer's claims, best supported first (the grounding
    check's evidence: nothing is recomputed)."""
    best: dict[int, float] = {}
    for claim in report.claims:
        i = claim.evidence_source
        if i is None or not 0 <= i < len(sources) or claim.support < MIN_CLAIM_SUPPORT:
            continue
        best[i] = max(best.get(i, 0.0), claim.support)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    return [_citation(sources, i + 1, s, "grounding") for i, s in ranked]
