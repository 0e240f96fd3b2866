"""Claims and terms: the text analysis behind the contextual grounding check.

An answer is split into *claims* (sentences, and clauses joined by ``;`` or a contrastive
``but``/``however``/``whereas``). Each claim is read as *terms*, each with a normalised key
and a kind:

* ``number``: digits in any common format (``$2,899``, ``2899``, ``2,899.00``, ``30%``) and
  number words (``two``, ``fourth``); all normalise to the same key (``2899``, ``#4th``).
* ``name``: a capitalised word that is not the first word of its sentence, or an acronym.
* ``negation``: ``not``, ``never``, ``no longer``, ``n't``.
* ``word``: any other content word.

Stopwords and answer *filler* (``the answer is``, ``based on the text``, ``according to the
context``) are dropped: they say nothing a source could support or contradict. Keys are
lower-cased, accent-folded and reduced by a light plural/possessive rule; common words
also match on a 5-letter prefix (``priced``/``price``, ``located``/``location``).

Sources are split into sentences (also where a period is glued to the next capitalised
word, as in scraped text: ``century.First``) with character offsets, so support can be
located. Pure stdlib; no model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "FILLER",
    "STOPWORDS",
    "Claim",
    "Sentence",
    "Term",
    "TermKind",
    "fold",
    "has_stem",
    "opposite_stems",
    "split_claims",
    "split_sentences",
    "terms",
    "word_key",
]

TermKind = Literal["number", "name", "negation", "word"]

STOPWORDS = frozenset(
    """a an the of in on at to for from by with without and or nor but if then than as
    is are was were be been being am it its it's this that these those there here their
    theirs they them he she his her hers him we our ours us you your yours i my me mine
    which who whom whose what when where why how whether
    also only just very more most much many so such into onto about over under after before
    during between both either neither each any all some one ones other another same own
    too again further once up down out off above below while until because since though
    although upon within via per among across around through toward towards against
    s t d ll m re ve o y""".split()
)

#: Words an answer uses to frame itself rather than to claim something about the world.
FILLER = frozenset(
    """answer answers answered answering correct correctly right exactly precisely
    based according accordingly per provided provide given give gives information info
    text texts context contexts passage passages document documents doc docs source sources
    excerpt excerpts article articles paragraph paragraphs snippet snippets
    mention mentions mentioned mentioning state states stated stating say says said
    indicate indicates indicated show shows shown shown suggest suggests suggested
    question questions ask asks asked asking query
    think believe believes know knows known sure certain certainly likely probably
    yes yeah yep indeed actually basically essentially simply really well okay ok sure
    therefore thus hence so accordingly overall summary short brief briefly
    note noted please hope helps help helpful following follow follows above below
    explicit explicitly clear clearly specific specifically directly
    would could should might may can will shall must do does did done doing
    has have had having get gets got make makes made let lets
    find found see seen look looks appear appears appeared seems seem
    refer refers referred reference regarding concerning respect terms
    here case fact thing things something anything nothing
    sorry unfortunately however therefore additionally furthermore moreover also
    dollar dollars usd euro euros eur percent""".split()  # units whose symbol ($, %) is dropped
)

NEGATIONS = frozenset({"not", "never", "no", "none", "neither", "nor", "cannot"})

_UNITS = {
    "zero": 0,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
}
_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
}

# numbers (with thousands separators, decimals, ordinal suffixes) or words (with inner
# apostrophes); everything else (punctuation, currency signs, %) separates terms
_TOKEN = re.compile(
    r"(?P<num>\d+(?:[,\u202f\u00a0]\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?(?![\w]))"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
)
_SENT_END = re.compile(
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"  # ". Next"
    r"|(?<=[a-z0-9)\]\"”][.!?])(?=[A-Z][a-z])"  # "century.First" (glued, scraped text)
    r"|\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)"  # blank lines, list items
)
_ABBREV = re.compile(r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|etc|Inc|Ltd|Co|U\.S))\.$")
_CLAUSE = re.compile(r";\s+|,?\s+(?:but|however|whereas|while)\s+(?=\w)", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case and strip accents (``Muñoz`` -> ``munoz``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _stem(word: str) -> str:
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    word = word.replace("’", "'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def word_key(word: str) -> str:
    """The normalised key of a word: folded, singular, possessive removed."""
    return _stem(fold(word))


def number_key(raw: str) -> str:
    """``2,899`` / ``2899`` / ``2,899.00`` -> ``2899``; ``4th`` -> ``#4th``."""
    s = fold(raw)
    suffix = ""
    m = re.search(r"(st|nd|rd|th)$", s)
    if m:
        suffix, s = "th", s[: m.start()]
    s = re.sub(r"[,\u202f\u00a0]", "", s)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if suffix:
        return f"#{s.lstrip('0') or '0'}th"
    return s


@dataclass(frozen=True)
class Term:
    surface: str  # the text as written
    key: str  # normalised, for matching
    kind: TermKind
    start: int  # offsets in the analysed text
    end: int


@dataclass(frozen=True)
class Claim:
    text: str
    start: int  # offsets in the answer
    end: int
    terms: tuple[Term, ...]  # content terms only (no stopwords, no filler)


@dataclass(frozen=True)
class Sentence:
    text: str
    source: int  # index of the source it comes from
    start: int  # offsets in that source
    end: int
    passage: int = 0  # paragraph within the source (blank line or glued text starts one)
    heading: bool = False  # a Markdown heading line


def _spans(text: str, splitter: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in splitter.finditer(text):
        if m.start() <= pos:
            continue
        if splitter is _SENT_END and _ABBREV.search(text[pos : m.start()].rstrip()):
            continue  # "Dr. Smith", "U.S. Army": not a sentence end
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            out.append((a + lead, a + trail))
    return out


def _is_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'“‘(*-•[")
    return not before or before[-1] in ".!?:\n"


def terms(text: str, *, keep_filler: bool = False) -> list[Term]:
    """The content terms of ``text`` (stopwords dropped; filler dropped unless asked).
    In a shouted text (every word in capitals) capitals mark no name or acronym."""
    out: list[Term] = []
    words = re.findall(r"[^\W\d_]{2,}", text)
    shouted = len(words) >= 3 and all(w.isupper() for w in words)
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        start, end = m.start(), m.end()
        if m.group("num") is not None:
            out.append(Term(raw, number_key(raw), "number", start, end))
            continue
        low = fold(raw).replace("’", "'")
        first = _is_sentence_start(text, start)
        if low.endswith("n't") or low in NEGATIONS:
            # "No," / "... is no." / "no is the answer" answers a yes/no question (framing,
            # like "Yes"); "no" before a content word ("no longer", "no fee") negates
            nxt = re.match(r"\s+([^\W\d_]+)", text[end:])
            if low != "no" or (nxt and fold(nxt.group(1)) not in STOPWORDS | FILLER):
                out.append(Term(raw, "#not", "negation", start, end))
            continue
        key = _stem(low)
        if low in _UNITS:
            out.append(Term(raw, str(_UNITS[low]), "number", start, end))
            continue
        if low in _ORDINALS:
            out.append(Term(raw, f"#{_ORDINALS[low]}th", "number", start, end))
            continue
        if low in STOPWORDS or key in STOPWORDS or (len(low) == 1 and not raw.isupper()):
            continue
        if not keep_filler and (low in FILLER or key in FILLER):
            continue
        acronym = len(raw) > 1 and raw.isupper() and not shouted
        capital = raw[0].isupper() and not shouted
        if capital and first:  # "Queens County ...": a name even at the start of a sentence
            capital = bool(re.match(r"[\s-]+[A-Z][a-z]", text[end:]))
        kind: TermKind = "name" if acronym or capital else "word"
        out.append(Term(raw, key, kind, start, end))
    return out


def split_sentences(texts: Iterable[str]) -> list[Sentence]:
    """Sentences of each source text, with the source index, offsets and paragraph.

    A Markdown heading line is a sentence of its own. A paragraph starts at a blank line,
    after a heading, and where a sentence is glued to the next (``century.First``: two
    scraped texts concatenated).
    """
    out: list[Sentence] = []
    for i, text in enumerate(texts):
        passage = 0
        prev_end: int | None = None
        prev_heading = False
        for la, lb in _lines(text):
            heading = text[la:lb].lstrip().startswith("#")
            spans = (
                [(la, lb)]
                if heading
                else [(la + a, la + b) for a, b in _spans(text[la:lb], _SENT_END)]
            )
            for a, b in spans:
                if prev_end is not None:
                    gap = text[prev_end:a]
                    if heading or prev_heading or not gap or "\n\n" in gap.replace(" ", ""):
                        passage += 1
                out.append(Sentence(text[a:b], i, a, b, passage, heading))
                prev_end, prev_heading = b, heading
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """Blocks of text: each Markdown heading line alone, everything between them together."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"(?m)^[ \t]*#{1,6}[ \t][^\n]*$", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        out.append((m.start(), m.end()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


_ABOUT_SOURCES = re.compile(
    r"(?:\b(?:no|not|never|none|cannot)|n't)\s+(?:\w+\s+){0,2}?"
    r"(?:mention|say|said|state|specif|provide|contain|include|give|given|cover|discuss|"
    r"address|information|detail|data|know|sure)",
    re.IGNORECASE,
)
_SOURCE_WORDS = re.compile(
    r"\b(?:context|texts?|passages?|documents?|sources?|information|excerpts?|articles?|"
    r"I|I'm|I am)\b",
    re.IGNORECASE,
)


#: word stems and their opposites: a claim that says one where its evidence says the other
#: contradicts it ("rose" against "fell", "before" against "after"); a stem matches a word
#: it begins (``increas`` matches increased, increases, increasing)
_OPPOSITE_PAIRS = """increas/decreas increas/reduc increas/lower rise/fall rose/fell rising/falling
grow/shrink higher/lower high/low more/less more/fewer most/least larger/smaller large/small
big/small bigger/smaller greater/lesser long/short longer/shorter before/after earlier/later
early/late first/last start/end begin/end open/clos win/los won/lost gain/los accept/reject
includ/exclud allow/forbid allow/prohibit permit/prohibit maximum/minimum above/below
over/under up/down upregulat/downregulat activat/inhibit activat/suppress promot/inhibit
promot/suppress enhanc/reduc enhanc/impair improv/worsen improv/impair strong/weak
stronger/weaker positive/negative present/absent presence/absence success/failure
successful/unsuccessful same/different similar/different common/rare frequent/rare
always/never required/optional mandatory/optional free/paid full/partial young/old
younger/older major/minor north/south east/west internal/external input/output male/female
maternal/paternal entered/left enter/leave support/oppos agree/disagree true/false
correct/incorrect safe/unsafe legal/illegal possible/impossible effective/ineffective
sufficient/insufficient significant/insignificant necessary/unnecessary
likely/unlikely visible/invisible known/unknown cheap/expensive fast/slow faster/slower
heavy/light hot/cold warm/cool wet/dry rich/poor upper/lower inside/outside
with/without add/remov addition/removal export/import buy/sell bought/sold""".split()
_OPPOSITES: dict[str, set[str]] = {}
for _pair in _OPPOSITE_PAIRS:
    _a, _b = _pair.split("/")
    _OPPOSITES.setdefault(_a, set()).add(_b)
    _OPPOSITES.setdefault(_b, set()).add(_a)


def _stems_of(key: str) -> list[str]:
    return [stem for stem in _OPPOSITES if key == stem or (len(stem) >= 5 and key.startswith(stem))]


def opposite_stems(key: str) -> set[str]:
    """The stems of the opposites of a word key (``increased`` -> ``{"decreas", "reduc",
    "lower"}``); empty for a word without a listed opposite."""
    return {o for stem in _stems_of(key) for o in _OPPOSITES[stem]}


def has_stem(keys: Iterable[str], stem: str) -> bool:
    """Whether any key is the stem or (for a stem of 5+ letters) begins with it."""
    return any(k == stem or (len(stem) >= 5 and k.startswith(stem)) for k in keys)


#: conversational framing of a dialogue answer: it claims nothing about the world
_PLEASANTRY = re.compile(
    r"\b(?:good|great|excellent|nice|interesting) question\b"
    r"|\b(?:i'?m |i am |i'd be |always )?(?:happy|glad|pleased) to (?:help|assist|explain)\b"
    # an offer of more help, up to its help word: never the rest of the sentence, which may
    # carry a claim ("Let me know if you have questions, the batteries never wear out.")
    r"|\b(?:let me know|feel free to (?:ask|reach out|contact us))"
    r"(?: if\b(?:[ ]+[\w']+){0,8}?(?:[ ]+(?:questions?|help|details?|more|anything|else"
    r"|clarifications?|assistance|information|info)){1,2})?\b"
    r"|\bhope (?:this|that|it) helps\b|\bany (?:other|more|further) questions\b"
    r"|\bhere(?:'s| is) (?:a |the )?(?:quick |short |brief )?(?:summary|overview|rundown)\b"
    r"|\bin short\b|\bin a nutshell\b|\bfrom what i can (?:see|tell)\b"
    r"|\bthanks? (?:you )?for (?:asking|your question)\b",
    re.IGNORECASE,
)


def _about_sources(sentence: str) -> bool:
    """A negated statement about the sources or the answerer ("The text does not say
    ...", "There is no information about ...", "I don't know")."""
    low = fold(sentence).replace("’", "'")
    return bool(_ABOUT_SOURCES.search(low)) and bool(_SOURCE_WORDS.search(sentence))


def split_claims(answer: str) -> list[Claim]:
    """The answer's claims: sentences, split again at ``;`` and contrastive conjunctions.

    Questions and negated statements about the sources ("The context does not mention
    the price.") assert nothing about the world and are skipped, and so are claims with no
    content term besides a negation (``The answer is below.``, ``I don't know.``). The
    words of conversational framing ("Good question.", "Happy to help.", "Let me know if
    you want more detail.") are no content terms; a number or name inside it still is.
    """
    found = terms(answer)
    claims: list[Claim] = []
    for a, b in _spans(answer, _SENT_END):
        if answer[a:b].rstrip("\"'”’)] ").endswith("?"):
            continue  # a question asserts nothing
        if _about_sources(answer[a:b]):
            continue  # "The context does not mention the price.": nothing about the world
        chat = [(a + m.start(), a + m.end()) for m in _PLEASANTRY.finditer(answer[a:b])]
        for ca, cb in _spans(answer[a:b], _CLAUSE):
            lo, hi = a + ca, a + cb
            inside = tuple(
                t
                for t in found
                if lo <= t.start
                and t.end <= hi
                # the words of "Happy to help." / "Let me know if ..." are no claim
                and not (t.kind == "word" and any(x <= t.start and t.end <= y for x, y in chat))
            )
            if any(t.kind != "negation" for t in inside):  # "I don't know.": nothing
                claims.append(Claim(answer[lo:hi], lo, hi, inside))
    return claims
