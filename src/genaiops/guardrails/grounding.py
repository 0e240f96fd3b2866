"""Contextual grounding and relevance: is every claim of the answer supported by the
sources, and does the answer address the question? (Amazon Bedrock's contextual grounding
check, without a model by default.)

Grounding
    The answer is split into claims (:mod:`genaiops.guardrails.claims`); stopwords and
    answer filler ("The answer is ...", "... based on the text") are dropped. Each content
    term of a claim is looked up in the sources: numbers in any format (``$2,899`` =
    ``2899``), names, negations and other words (also by a 5-letter prefix, so ``priced``
    finds ``price``). Numbers and names weigh more than ordinary words. An ordinary word
    that is not in the sources but is in the question gets partial credit: restating the
    question is not an invention, but it is not evidence either. A number or name found
    only in the question gets none: a premise is not evidence ("Does it cost $3,100?" ->
    "It costs $3,100." is as unsupported as an invented price).

    A claim's support blends two shares of its term weight: the share found anywhere in
    the sources (``lexical``) and the share found *together*, in one passage window (a
    sentence with its Markdown heading path; for a list item or a sentence that starts
    with a pronoun, also the sentence before it and the first of its paragraph). Facts
    scattered over unrelated sentences ("Both A and B were inducted" when only A's
    sentence says so) support a claim less than one sentence that states it. An
    unsupported number or name caps the claim's support outright, and so does a negation
    its evidence window does not have: "we do not ship to Japan" against "we ship to ...
    Japan" is a contradiction, whatever other sentence says "not". An invented price or
    person is never harmless filler. The
    answer's grounding score is its weakest claim's support; an answer that claims nothing
    ("I don't know.", "The context does not say.") scores 1.0.

Aligned scorer (``scorer: aligned``, opt-in)
    Faithful paraphrases (synonyms, merged sentences, "they"/"the company") lose lexical
    support. With ``scorer: aligned`` each claim is aligned to its best source sentence
    or pair of adjacent sentences by MiniLM cosine, and a small logistic regression
    (:mod:`genaiops.guardrails.grounding_align`, trained on a paraphrase set built by
    construction) turns the lexical support, the cosines and agreement features
    (numbers, names, negation, opposites in the aligned window) into P(supported); the
    number and name caps still apply. Card: ``guardrails/models/grounding_align.md``.

Relevance
    MiniLM cosine between the question and the answer, or between the question and the
    source sentences the answer rests on, whichever is higher (a short answer such as
    "Delhi" says little on its own; the sentence it comes from says what it answers),
    mapped onto 0..1 by a linear ramp. A yes/no answer to a yes/no question is relevant; a
    bare yes/no to any other question is not. Without an embedder given, the check loads
    MiniLM (``MiniLMEmbedder``) on first use; grounding alone never needs it.

Judge
    With ``judge`` (any :class:`~genaiops.models.base.ModelProvider`), the model rates the
    support on 0..10 and the rating is averaged with the heuristic score. A failed call or
    an unparseable reply leaves the heuristic score alone and says so in the explanation.

The weights were tuned on HaluEval QA items 0-249 and measured on items 250-499; scores,
thresholds and results are in ``guardrails/models/grounding.md``, and
``benchmarks/a2_grounding.py`` reproduces them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from genaiops.config_guardrails import GroundingConfig
from genaiops.guardrails.base import Check, CheckResult, CheckServices, Direction, Finding
from genaiops.guardrails.claims import (
    STOPWORDS,
    Claim,
    Sentence,
    Term,
    fold,
    has_stem,
    opposite_stems,
    split_claims,
    split_sentences,
    terms,
)
from genaiops.guardrails.grounding_align import (
    align,
    features,
    load_model,
    pair_vectors,
    substitution,
)

if TYPE_CHECKING:
    from genaiops.knowledge.embedders import Embedder
    from genaiops.models.base import ModelProvider

#: how many of the source sentences sharing the most words with a claim are aligned to it
#: by MiniLM (with their neighbours)
ALIGN_CANDIDATES = 1

_LETTER_WORD = re.compile(r"[^\W\d_]+")


def _letter_words(text: str) -> set[str]:
    """The folded words of letters of a text (the aligned scorer's word overlap)."""
    return set(_LETTER_WORD.findall(fold(text)))


__all__ = [
    "ALIGN_CANDIDATES",
    "DEFAULT_PARAMS",
    "ClaimSupport",
    "GroundingCheck",
    "GroundingParams",
    "GroundingReport",
]

Vector = np.ndarray[Any, np.dtype[np.float32]]


@dataclass(frozen=True)
class GroundingParams:
    """Weights of the heuristic scores, tuned on HaluEval QA items 0-249 (see the card)."""

    w_number: float = 3.0  # weight of a number term
    w_name: float = 2.0  # a capitalised name / acronym
    w_word: float = 1.0  # any other content word
    w_negation: float = 1.0  # not / never / n't: supported only where the evidence negates
    query_credit: float = 0.5  # credit for a word found in the question, not the sources
    query_credit_entity: float = 0.0  # ... for a number or name: a premise is not evidence
    prefix: int = 5  # ordinary words also match a source word with this common prefix
    together: float = 0.5  # share of the support that needs the terms in one window
    number_cap: float = 0.2  # support ceiling of a claim with an unsupported number
    name_cap: float = 0.3  # ... with an unsupported name
    negation_cap: float = 0.5  # ... with a negation its evidence does not have
    semantic_weight: float = 0.0  # share of the claim/sentence cosine (needs an embedder)
    semantic_floor: float = 0.2  # that cosine mapped to 0 ...
    semantic_ceiling: float = 0.7  # ... and to 1
    judge_weight: float = 0.5  # share of the judge's rating when a judge is configured
    relevance_floor: float = 0.0  # relevance cosine mapped to 0 ...
    relevance_ceiling: float = 0.4  # ... and to 1


DEFAULT_PARAMS = GroundingParams()


@dataclass(frozen=True)
class ClaimSupport:
    """How well the sources support one claim of the answer."""

    text: str
    start: int  # offsets in the answer
    end: int
    support: float  # 0..1, the combined score
    lexical: float  # share of the claim's term weight found in the sources (or question)
    together: float  # share found in the best single passage window
    semantic: float | None  # 0..1 ramp of the best cosine; None when not computed
    unsupported: tuple[str, ...]  # terms found in neither the sources nor the question
    unsupported_numbers: tuple[str, ...]
    unsupported_names: tuple[str, ...]
    from_question: tuple[str, ...]  # terms credited only because the question has them
    terms: tuple[tuple[str, str, str], ...]  # (term, kind, "source" | "question" | "none")
    evidence: str  # the source sentence that supports it best ("" if none)
    evidence_source: int | None  # index of that source
    aligned: float | None = None  # the aligned scorer's P(supported); None when not used

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class GroundingReport:
    grounding: float | None  # 0..1, the weakest claim's support; None when not computed
    relevance: float | None  # 0..1; None without a question or when not computed
    claims: tuple[ClaimSupport, ...] = ()
    heuristic_grounding: float | None = None  # before the judge's rating was blended in
    judge_rating: float | None = None  # 0..1; None without a judge (or unparseable)
    judge_note: str = ""

    @property
    def weakest(self) -> ClaimSupport | None:
        return min(self.claims, key=lambda c: c.support) if self.claims else None

    def scores(self) -> dict[str, float]:
        out: dict[str, float] = {}
        if self.grounding is not None:
            out["grounding"] = self.grounding
        if self.relevance is not None:
            out["relevance"] = self.relevance
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ramp(x: float, lo: float, hi: float) -> float:
    return float(min(1.0, max(0.0, (x - lo) / (hi - lo)))) if hi > lo else float(x >= hi)


class _Index:
    """The term keys of some text, for lookup."""

    def __init__(self, found: Sequence[Term], prefix: int) -> None:
        self.terms = list(found)
        self.keys = {t.key for t in found}
        self.prefixes = {t.key[:prefix] for t in found if t.kind in ("word", "name")}
        self.prefix = prefix
        self.negated = any(t.kind == "negation" for t in found)

    def has(self, t: Term) -> bool:
        if t.kind == "negation":
            return self.negated
        if t.key in self.keys:
            return True
        return (
            t.kind == "word" and len(t.key) >= self.prefix and t.key[: self.prefix] in self.prefixes
        )


_ANAPHORA = frozenset(
    "he she it they his her its their this these that those such both".split()
)  # a sentence starting with one of these leans on the sentence before it
_YES_NO = re.compile(
    r"^\W*(is|are|was|were|do|does|did|can|could|has|have|had|will|would|should|may|might)\b",
    re.IGNORECASE,
)
_YES_NO_ANSWER = re.compile(r"^\W*(yes|no|yeah|nope)\b", re.IGNORECASE)


def _windows(sentences: Sequence[Sentence]) -> list[list[int]]:
    """Per sentence, the sentences read with it: itself, its heading path in its source
    (the nearest heading of each level above it), and, when it leans on its context (it
    starts with a pronoun, or it is a list item), the sentence before it and the first
    sentence of its paragraph."""
    out: list[list[int]] = []
    first_of: dict[tuple[int, int], int] = {}
    path: list[tuple[int, int]] = []  # (level, sentence index) of the current headings
    for i, s in enumerate(sentences):
        if i > 0 and sentences[i - 1].source != s.source:
            path = []
        first_of.setdefault((s.source, s.passage), i)
        window = {i, *(j for _, j in path)}
        stripped = s.text.lstrip(" \"'(")
        m = re.match(r"[^\W\d_]+", stripped)
        first_word = m.group(0).lower() if m else ""
        leans = (
            first_word in _ANAPHORA
            or stripped[:1] in ("-", "*", "•")
            or bool(re.match(r"\d+[.)]\s", stripped))
        )
        if leans and i > 0 and sentences[i - 1].source == s.source:
            window |= {i - 1, first_of[(s.source, s.passage)]}
        if s.heading:
            level = len(stripped) - len(stripped.lstrip("#"))
            path = [(lv, j) for lv, j in path if lv < level] + [(level, i)]
        out.append(sorted(window))
    return out


_JUDGE_PROMPT = """You check whether an answer is supported by source documents.

Sources:
{sources}

Question: {question}

Answer: {answer}

Is every factual claim in the answer (names, numbers, dates, facts) stated in or directly \
implied by the sources? Ignore wording and filler. Reply with one line: \
"RATING: <0-10>" where 10 means fully supported and 0 means contradicted or invented."""


class GroundingCheck(Check):
    """Contextual grounding and relevance of an answer to its sources and question.

    :meth:`check` returns findings (``type="grounding"``, name ``grounding`` or
    ``relevance``, ``action="BLOCKED"``) only for a score below its configured threshold.
    :meth:`scores` and :meth:`analyze` give the scores and per-claim detail whatever the
    thresholds. The constructor does no I/O; the embedder loads on first use.
    """

    type = "grounding"
    directions = frozenset({"output"})
    can_judge_prefix = False  # a claim's support needs the whole answer

    def __init__(
        self,
        config: GroundingConfig,
        embedder: Embedder | None = None,
        judge: ModelProvider | None = None,
        params: GroundingParams = DEFAULT_PARAMS,
        sentence_embedder: Embedder | None = None,
    ) -> None:
        self.config = config
        self.judge = judge
        self.params = params
        self._embedder = embedder
        # the aligned scorer's claims and source sentences: the policy's long-text encoder
        # (the quantized twin, about twice as fast a token) when given, else ``embedder``
        self._sentence_embedder = sentence_embedder

    @classmethod
    def from_config(cls, config: Any, services: CheckServices) -> Check | None:
        """The ``contextual_grounding`` policy key (no threshold: no check)."""
        assert isinstance(config, GroundingConfig)
        if config.grounding_threshold is None and config.relevance_threshold is None:
            return None
        sentences = services.long_text_embedder() if services.embedder is not None else None
        return cls(config, services.embedder, services.judge, sentence_embedder=sentences)

    def warm_up(self) -> None:
        aligned = self.config.scorer == "aligned" and self.config.grounding_threshold is not None
        if aligned:
            load_model()
        if self.config.relevance_threshold is not None or aligned:
            self._get_embedder().warm_up()
        if aligned and self._sentence_embedder is not None:
            self._sentence_embedder.warm_up()

    def _get_embedder(self) -> Embedder:
        if self._embedder is None:
            from genaiops.knowledge.embedders import MiniLMEmbedder

            self._embedder = MiniLMEmbedder()
        return self._embedder

    # -- scores ---------------------------------------------------------------------------

    def scores(
        self, answer: str, sources: Sequence[str] = (), query: str | None = None
    ) -> dict[str, float]:
        """``{"grounding": .., "relevance": ..}`` (relevance only with a question)."""
        return self.analyze(answer, sources, query).scores()

    def analyze(
        self,
        answer: str,
        sources: Sequence[str] = (),
        query: str | None = None,
        *,
        grounding: bool = True,
        relevance: bool = True,
    ) -> GroundingReport:
        """Scores with per-claim detail: span, support, unsupported terms, evidence."""
        p = self.params
        claims = split_claims(answer)
        sentences = [s for s in split_sentences(sources) if s.text]
        sent_terms = [terms(s.text) for s in sentences]
        windows = [
            _Index([t for j in w for t in sent_terms[j]], p.prefix) for w in _windows(sentences)
        ]
        source_index = _Index([t for ts in sent_terms for t in ts], p.prefix)
        query_index = _Index(terms(query), p.prefix) if query else None

        want_rel = relevance and bool(query and query.strip()) and bool(answer.strip())
        vectors: dict[str, Vector] = {}
        if grounding and p.semantic_weight > 0 and claims and sentences:
            self._embed(vectors, [s.text for s in sentences] + [c.text for c in claims])
        # claims are analysed for relevance too: their evidence sentences say what they answer
        results = [
            self._claim_support(c, sentences, windows, source_index, query_index, vectors)
            for c in claims
        ]
        if grounding and self.config.scorer == "aligned" and results and sentences:
            model = load_model()
            feats = self.align_features(claims, results, sentences, sent_terms, windows)
            results = [
                self._aligned(cs, model.predict(values), None if best < 0 else sentences[best])
                for cs, (values, best) in zip(results, feats, strict=True)
            ]
        rel: float | None = None
        if want_rel:
            assert query is not None
            rel = self._yes_no_relevance(answer, query, results)
            if rel is None:
                evidence = [c.evidence for c in results if c.evidence]
                self._embed(vectors, [query, answer, *evidence])
                rel = self._relevance(query, answer, evidence, vectors)
        g: float | None = None
        heuristic: float | None = None
        judge_rating: float | None = None
        note = ""
        if grounding:
            heuristic = g = min((c.support for c in results), default=1.0)
            if self.judge is not None and results:
                judge_rating, note = self._ask_judge(answer, sources, query)
                if judge_rating is not None:
                    g = (1 - p.judge_weight) * heuristic + p.judge_weight * judge_rating
        return GroundingReport(
            grounding=None if g is None else round(g, 4),
            relevance=None if rel is None else round(rel, 4),
            claims=tuple(results) if grounding else (),
            heuristic_grounding=None if heuristic is None else round(heuristic, 4),
            judge_rating=judge_rating,
            judge_note=note,
        )

    def align_features(
        self,
        claims: Sequence[Claim],
        results: Sequence[ClaimSupport],
        sentences: Sequence[Sentence],
        sent_terms: Sequence[Sequence[Term]],
        windows: Sequence[_Index],
    ) -> list[tuple[tuple[float, ...], int]]:
        """The aligned scorer's features of each claim, with the index of the sentence it
        aligns with, -1 when it shares no word with any sentence (embeds the claims and the
        candidate source sentences)."""
        vectors: dict[str, Vector] = {}
        sent_words = [_letter_words(s.text) for s in sentences]
        # only the sentences that share the most content words with a claim (its
        # ALIGN_CANDIDATES best, ties kept) and their neighbours, for the pairs, are
        # embedded: the sentence a claim restates shares its words, and embedding every
        # sentence of the retrieved chunks was most of a RAG ask's time outside the model
        # (P2). The others keep a zero vector (cosine 0).
        claim_word_sets = [_letter_words(c.text) for c in claims]
        chosen: set[int] = set()
        for words_of_claim in claim_word_sets:
            mine = words_of_claim - STOPWORDS
            shared = [len(mine & sw) for sw in sent_words]
            ranked = sorted((n for n in shared if n), reverse=True)
            if ranked:
                floor = ranked[min(len(ranked), ALIGN_CANDIDATES) - 1]
                chosen |= {j for j, n in enumerate(shared) if n >= floor}
        wanted = sorted(
            {k for j in chosen for k in range(max(0, j - 1), min(len(sentences), j + 2))}
        )
        # claims and source sentences on the sentence encoder (the engine's long-text
        # encoder: the quantized twin, about twice as fast a token)
        texts = [c.text for c in claims] + [sentences[j].text for j in wanted]
        self._embed(vectors, texts, self._sentence_embedder)
        sent_vecs = np.zeros((len(sentences), self._get_embedder().dim), np.float32)
        for j in wanted:
            sent_vecs[j] = vectors[sentences[j].text]
        pair_vecs, firsts = pair_vectors(sent_vecs, [s.source for s in sentences])
        embedded = set(wanted)
        for k, first in enumerate(firsts):  # a pair with an unembedded half is no pair
            if first not in embedded or first + 1 not in embedded:
                pair_vecs[k] = 0.0
        out: list[tuple[tuple[float, ...], int]] = []
        for claim, cs, claim_words in zip(claims, results, claim_word_sets, strict=True):
            al = align(vectors[claim.text], sent_vecs, pair_vecs, firsts)
            # the aligned window: the best sentence (or pair) with its neighbours and its
            # passage window
            lo = al.best if al.pair_first is None else al.pair_first
            hi = al.best if al.pair_first is None else al.pair_first + 1
            near = [
                j
                for j in range(max(0, lo - 1), min(len(sentences), hi + 2))
                if sentences[j].source == sentences[al.best].source
            ]
            core = range(lo, hi + 1)
            window = _Index(
                [t for j in near for t in sent_terms[j]]
                + [t for j in range(lo, hi + 1) for t in windows[j].terms],
                self.params.prefix,
            )
            weights = [self._weight(t) for t in claim.terms]
            total = sum(weights) or 1.0
            cover = sum(w for t, w in zip(claim.terms, weights, strict=True) if window.has(t))
            words = [d for d in cs.terms if d[1] == "word"]
            in_sources = {d[0] for d in cs.terms if d[2] == "source"}
            core_words = set().union(*(sent_words[j] for j in core))
            core_neg = any(t.kind == "negation" for j in core for t in sent_terms[j])
            opposite = any(
                has_stem(core_words, o) and not has_stem(claim_words, o)
                for w in claim_words - core_words
                for o in opposite_stems(w)
            )
            values = features(
                heuristic=cs.support,
                lexical=cs.lexical,
                together=cs.together,
                alignment=al,
                aligned_cover=cover / total,
                missing_number=bool(cs.unsupported_numbers),
                missing_name=bool(cs.unsupported_names),
                missing_word_share=(
                    sum(d[2] != "source" for d in words) / len(words) if words else 0.0
                ),
                negation_mismatch=any(t.kind == "negation" for t in claim.terms) != core_neg,
                number_off_window=any(
                    t.kind == "number" and t.surface in in_sources and not window.has(t)
                    for t in claim.terms
                ),
                name_off_window=any(
                    t.kind == "name" and t.surface in in_sources and not window.has(t)
                    for t in claim.terms
                ),
                opposite=opposite,
                n_terms=len(claim.terms),
                substituted=substitution(claim.text, " ".join(sentences[j].text for j in core)),
            )
            # -1: no sentence shares a word with the claim, none was embedded for it
            out.append((values, al.best if al.best in embedded else -1))
        return out

    def _aligned(
        self, cs: ClaimSupport, p_supported: float, aligned: Sentence | None
    ) -> ClaimSupport:
        """The claim's support from the aligned scorer, under the lexical caps: an
        invented number or name is never a paraphrase. ``aligned`` is ``None`` when the
        claim shares no word with any source sentence (none was embedded for it): it then
        has no aligned evidence."""
        p = self.params
        support = p_supported
        if cs.unsupported_numbers:
            support = min(support, p.number_cap)
        if cs.unsupported_names:
            support = min(support, p.name_cap)
        return replace(
            cs,
            support=round(support, 4),
            aligned=round(p_supported, 4),
            evidence=cs.evidence or (aligned.text if aligned else ""),
            evidence_source=cs.evidence_source if cs.evidence or not aligned else aligned.source,
        )

    def _embed(
        self, vectors: dict[str, Vector], texts: Sequence[str], embedder: Embedder | None = None
    ) -> None:
        missing = [t for t in dict.fromkeys(texts) if t not in vectors]
        if missing:
            model = embedder or self._get_embedder()
            for text, vec in zip(missing, model.embed(missing), strict=True):
                vectors[text] = vec

    def _weight(self, t: Term) -> float:
        p = self.params
        return {
            "number": p.w_number,
            "name": p.w_name,
            "negation": p.w_negation,
            "word": p.w_word,
        }[t.kind]

    def _claim_support(
        self,
        claim: Claim,
        sentences: Sequence[Sentence],
        windows: Sequence[_Index],
        source_index: _Index,
        query_index: _Index | None,
        vectors: dict[str, Vector],
    ) -> ClaimSupport:
        p = self.params
        total = found = asked = 0.0
        missing: list[Term] = []
        from_question: list[Term] = []
        in_sources: list[Term] = []
        detail: list[tuple[str, str, str]] = []
        for t in claim.terms:
            w = self._weight(t)
            total += w
            if source_index.has(t):
                found += w
                in_sources.append(t)
                detail.append((t.surface, t.kind, "source"))
            elif query_index is not None and t.kind != "negation" and query_index.has(t):
                credit = p.query_credit if t.kind == "word" else p.query_credit_entity
                asked += w * credit
                from_question.append(t)
                detail.append((t.surface, t.kind, "question"))
                if credit == 0:
                    missing.append(t)
            else:
                missing.append(t)
                detail.append((t.surface, t.kind, "none"))
        lexical = (found + asked) / total if total else 1.0

        # the window holding most of the claim's weight: its score, and its sentence
        best, evidence_i = 0.0, None
        for i, window in enumerate(windows):
            local = sum(self._weight(t) for t in in_sources if window.has(t))
            if local > best:
                best, evidence_i = local, i
        together = (best + asked) / total if total else 1.0
        # a negation counts only where the claim's evidence negates: "we do not ship to
        # Japan" is not supported by "we ship to ... Japan" because another sentence of
        # the sources says "not" (a plain contradiction is unsupported)
        if evidence_i is not None and not windows[evidence_i].negated:
            for t in claim.terms:
                if t.kind == "negation" and t in in_sources:
                    in_sources.remove(t)
                    missing.append(t)
        support = (1 - p.together) * lexical + p.together * together

        semantic: float | None = None
        claim_vec = vectors.get(claim.text)
        if claim_vec is not None and sentences:
            cos = max(float(np.dot(claim_vec, vectors[s.text])) for s in sentences)
            semantic = _ramp(cos, p.semantic_floor, p.semantic_ceiling)
            support = (1 - p.semantic_weight) * support + p.semantic_weight * semantic
        numbers = tuple(t.surface for t in missing if t.kind == "number")
        names = tuple(t.surface for t in missing if t.kind == "name")
        if numbers:
            support = min(support, p.number_cap)
        if names:
            support = min(support, p.name_cap)
        if any(t.kind == "negation" for t in missing):
            support = min(support, p.negation_cap)
        ev = sentences[evidence_i] if evidence_i is not None else None
        return ClaimSupport(
            text=claim.text,
            start=claim.start,
            end=claim.end,
            support=round(support, 4),
            lexical=round(lexical, 4),
            together=round(together, 4),
            semantic=None if semantic is None else round(semantic, 4),
            unsupported=tuple(t.surface for t in missing),
            unsupported_numbers=numbers,
            unsupported_names=names,
            from_question=tuple(t.surface for t in from_question),
            terms=tuple(detail),
            evidence=ev.text if ev is not None else "",
            evidence_source=ev.source if ev is not None else None,
        )

    @staticmethod
    def _yes_no_relevance(answer: str, query: str, claims: Sequence[ClaimSupport]) -> float | None:
        """1.0 for yes/no to a yes/no question, 0.0 for a bare yes/no to any other."""
        if not _YES_NO_ANSWER.match(answer):
            return None
        if _YES_NO.match(query):
            return 1.0
        return None if claims else 0.0

    def _relevance(
        self, query: str, answer: str, evidence: Sequence[str], vectors: dict[str, Vector]
    ) -> float:
        p = self.params
        q = vectors[query]
        cos = max(float(np.dot(q, vectors[t])) for t in [answer, *evidence])
        return _ramp(cos, p.relevance_floor, p.relevance_ceiling)

    def _ask_judge(
        self, answer: str, sources: Sequence[str], query: str | None
    ) -> tuple[float | None, str]:
        from genaiops.models.base import ChatOptions, Message

        assert self.judge is not None
        numbered = "\n".join(f"[{i}] {s}" for i, s in enumerate(sources, 1)) or "(none)"
        prompt = _JUDGE_PROMPT.format(sources=numbered, question=query or "(none)", answer=answer)
        try:
            reply = self.judge.chat(
                [Message(role="user", content=prompt)],
                ChatOptions(max_tokens=16, temperature=0.0),
            ).text
        except Exception as exc:  # a judge outage must not take the answer path down
            return None, f"judge failed ({type(exc).__name__}); heuristic score only"
        m = re.search(r"RATING\s*[:=]?\s*(\d+(?:\.\d+)?)", reply, re.IGNORECASE) or re.search(
            r"\b(\d+(?:\.\d+)?)\b", reply
        )
        if m is None or float(m.group(1)) > 10:
            return None, f"judge reply not understood ({reply[:40]!r}); heuristic score only"
        return float(m.group(1)) / 10, f"judge rated {m.group(1)}/10"

    # -- the check ------------------------------------------------------------------------

    def check(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> list[Finding]:
        return self.inspect(text, direction, sources, query).findings

    def inspect(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> CheckResult:
        """Findings, with the :class:`GroundingReport` as evidence: which source supports
        each claim (citations reuse it)."""
        if direction not in self.directions:
            return CheckResult([])
        g_t = self.config.grounding_threshold
        r_t = self.config.relevance_threshold
        if not any(src.strip() for src in sources) and self.config.without_sources == "allow":
            g_t = None  # declared: grounding does not apply to an answer without sources
        want_rel = r_t is not None and bool(query and query.strip())
        if g_t is None and not want_rel:
            return CheckResult([])
        report = self.analyze(text, sources, query, grounding=g_t is not None, relevance=want_rel)
        findings: list[Finding] = []
        if g_t is not None and report.grounding is not None and report.grounding < g_t:
            findings.append(self._grounding_finding(report, g_t, bool(sources)))
        if r_t is not None and report.relevance is not None and report.relevance < r_t:
            findings.append(
                Finding(
                    type=self.type,
                    name="relevance",
                    score=report.relevance,
                    action="BLOCKED",
                    explanation=(
                        f"relevance {report.relevance:.2f} < threshold {r_t:.2f}: "
                        "the answer does not appear to address the question"
                    ),
                )
            )
        return CheckResult(findings, report)

    def _grounding_finding(
        self, report: GroundingReport, threshold: float, has_sources: bool
    ) -> Finding:
        assert report.grounding is not None
        weak = report.weakest
        parts = [f"grounding {report.grounding:.2f} < threshold {threshold:.2f}"]
        if not has_sources:
            parts.append("no sources were given")
        if weak is not None:
            parts.append(f"weakest claim {weak.text!r} (support {weak.support:.2f})")
            if weak.unsupported_numbers:
                parts.append("numbers not in the sources: " + ", ".join(weak.unsupported_numbers))
            if weak.unsupported_names:
                parts.append("names not in the sources: " + ", ".join(weak.unsupported_names))
            words = [
                u
                for u in weak.unsupported
                if u not in weak.unsupported_numbers and u not in weak.unsupported_names
            ]
            if words:
                parts.append("other terms not in the sources: " + ", ".join(words))
            if not weak.unsupported and weak.together < weak.lexical:
                parts.append("its terms are not stated together in any one source passage")
        if report.judge_note:
            parts.append(report.judge_note)
        return Finding(
            type=self.type,
            name="grounding",
            score=report.grounding,
            action="BLOCKED",
            start=weak.start if weak is not None else None,
            end=weak.end if weak is not None else None,
            explanation="; ".join(parts),
        )
