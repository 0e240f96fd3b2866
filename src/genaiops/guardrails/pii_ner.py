"""A small named-entity tagger for PII that regular expressions cannot catch, numpy only.

Names, places, organizations, street addresses, nationalities, titles, ages and zip codes
are not regular languages. This module tags them with a linear model over hashed token
features, decoded with BIO constraints (Viterbi), so that nothing heavier than numpy runs
at inference: no spaCy, torch or scikit-learn import.

* Tokens are ``\\w+`` runs (joined by inner hyphens, and by apostrophes before a capital:
  "Ji-ho", "O'Brien", but "Amanda" "'" "s") and single punctuation marks.
* Each token gets :data:`N_TEMPLATES` feature strings (its word, shape, prefixes and
  suffixes, its neighbours, small word lists, which pattern recognizer matched it, line
  position). Each string is hashed with CRC-32 into ``2**HASH_BITS`` buckets.
* A token's label scores are the sum of its buckets' weight rows (int8, one scale per
  label) plus a bias; Viterbi picks the best BIO sequence under learned transition scores.
* A span's score is the mean softmax probability of its tokens' labels.

The weights are trained by :mod:`genaiops.guardrails.pii_train` (scikit-learn, training
only) and shipped in ``data/pii_ner.npz``; the model card is ``data/pii_ner.md``. The
feature code here is shared by training and inference, so both see the same features.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
import zlib
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "ENTITIES",
    "HASH_BITS",
    "Dictionary",
    "FeatureIds",
    "Tagger",
    "featurize",
    "hashed_ids",
    "tokenize",
]

HASH_BITS = 18
#: the entities the tagger labels (Presidio's names)
ENTITIES = (
    "PERSON",
    "LOCATION",
    "ORGANIZATION",
    "ADDRESS",
    "NRP",
    "TITLE",
    "DATE_TIME",
    "AGE",
    "ZIP_CODE",
    "PHONE_NUMBER",
)
ARTIFACT = "pii_ner.npz"

_TOKEN = re.compile(r"\w+(?:-\w+|['’](?=[^\W\d_])(?![a-z])\w+)*|[^\w\s]")

Token = tuple[int, int, str]


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Small general word lists (written by hand, not taken from the evaluation data or its
# generator): they give the model a hint that a word is a title, a month, a street word...
_LEXICON: dict[str, frozenset[str]] = {
    "title": _words("mr mrs ms miss mx dr prof sir madam dame lord lady rev hon capt mister"),
    # head nouns of job titles ("sewer pipe cleaner", "Senior Software Engineer")
    "job": _words(
        "engineer manager director officer clerk nurse analyst specialist coordinator "
        "assistant supervisor technician designer developer consultant accountant counsel "
        "pharmacist hygienist planner administrator architect scientist attorney lawyer "
        "paralegal teacher professor lecturer surgeon physician therapist advisor adviser "
        "representative agent executive secretary receptionist editor buyer auditor "
        "controller treasurer president founder intern operator mechanic electrician "
        "programmer strategist recruiter inspector dentist economist actuary underwriter "
        "pilot paramedic midwife veterinarian librarian translator interpreter cleaner "
        "worker driver chef cook cashier plumber carpenter farmer surveyor curator producer "
        "journalist writer photographer tutor chemist biologist geologist counsellor "
        "counselor therapist optician radiographer psychologist sociologist landscaper"
    ),
    "month": _words(
        "january february march april may june july august september october november "
        "december jan feb mar apr jun jul aug sep sept oct nov dec"
    ),
    "day": _words(
        "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday"
    ),
    "street": _words(
        "street st avenue ave road rd lane ln drive boulevard blvd way court ct place pl "
        "square sq terrace crescent close grove gardens parkway pkwy highway hwy alley "
        "apt apartment suite ste unit box po psc apo fpo dpo floor fl building bldg route "
        "via rue calle avda avenida strasse straße str gasse weg platz gade vej vei veien "
        "vägen gatan gata katu tie kuja polku laan straat plein ul ulica utca tér út rua "
        "praça largo viale piazza corso bypass"
    ),
    "org": _words(
        "inc ltd llc llp corp corporation company co group plc gmbh ag sa sas bv nv oy ab "
        "as spa srl holdings partners associates technologies systems solutions bank "
        "university institute foundation kg kk pty bv sl sarl llc limited industries "
        "enterprises ventures labs logistics analytics capital pharma pharmaceuticals "
        "freight software robotics biotech hotels airlines motors realty properties trading "
        "consulting insurance telecom networks studios media foods textiles payments"
    ),
    "country": _words(
        "afghanistan albania algeria andorra angola argentina armenia australia austria "
        "azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan "
        "bolivia bosnia botswana brazil brunei bulgaria burundi cambodia cameroon canada "
        "chad chile china colombia comoros congo croatia cuba cyprus czechia czech denmark "
        "djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland "
        "france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana "
        "haiti honduras hungary iceland india indonesia iran iraq ireland israel italy "
        "jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos "
        "latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar "
        "malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova "
        "monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal "
        "netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama "
        "paraguay peru philippines poland portugal qatar romania russia rwanda samoa "
        "senegal serbia seychelles singapore slovakia slovenia somalia spain sudan "
        "suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga "
        "tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu "
        "venezuela vietnam yemen zambia zimbabwe usa uk england scotland wales"
    ),
    "nationality": _words(
        "american british english scottish welsh irish french german italian spanish "
        "portuguese dutch belgian swiss austrian danish swedish norwegian finnish icelandic "
        "polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian "
        "belarusian estonian latvian lithuanian croatian serbian slovenian bosnian "
        "albanian chinese japanese korean vietnamese thai indian pakistani bangladeshi "
        "iranian iraqi israeli arab arabic saudi egyptian moroccan algerian tunisian "
        "nigerian kenyan ethiopian mexican brazilian argentinian argentine chilean "
        "colombian peruvian venezuelan cuban canadian australian filipino indonesian "
        "malaysian cambodian jewish muslim christian catholic protestant hindu buddhist "
        "sikh asian african european latino hispanic ghanaian senegalese ivorian "
        "cameroonian ugandan tanzanian zimbabwean zambian rwandan somali sudanese libyan "
        "lebanese syrian jordanian yemeni omani emirati qatari kuwaiti afghan nepalese "
        "burmese singaporean taiwanese mongolian kazakh uzbek georgian armenian azerbaijani "
        "moldovan maltese cypriot luxembourgish bolivian ecuadorian paraguayan uruguayan "
        "panamanian guatemalan honduran salvadoran nicaraguan dominican haitian jamaican "
        "trinidadian bahamian belizean belizian sri-lankan lankan zealander emirati malagasy "
        "mauritian namibian botswanan angolan mozambican congolese eritrean malian nigerien"
    ),
}


#: multi-word country names (the single words are in ``_LEXICON["country"]``)
COUNTRY_PHRASES = frozenset(
    "the netherlands|czech republic|united states|united kingdom|united states of america|"
    "great britain|south korea|north korea|ivory coast|vatican city|hong kong|new zealand|"
    "south africa|saudi arabia|united arab emirates|sri lanka|costa rica|el salvador|"
    "puerto rico|dominican republic|burkina faso|sierra leone|papua new guinea".split("|")
)


def retype(phrase: str, entity: str) -> str:
    """The entity of a span whose whole text is a country (LOCATION) or a nationality
    (NRP), whatever the model said; otherwise ``entity``."""
    low = " ".join(phrase.lower().split())
    if low in _LEXICON["country"] or low in COUNTRY_PHRASES:
        return "LOCATION"
    nationality = _LEXICON["nationality"]
    if low in nationality or (low.endswith("s") and low[:-1] in nationality):
        return "NRP"
    return entity


def _shape(w: str) -> str:
    out: list[str] = []
    for c in w:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


def _lex(w: str) -> str:
    low = w.lower()
    for name, words in _LEXICON.items():
        if low in words:
            return name
    return ""


def _case(w: str) -> str:
    if w.isdigit():
        return "num" if len(w) < 5 else "num5"
    if not w[0].isalnum():
        return "punct"
    if w.isupper():
        return "upper" if len(w) > 1 else "cap1"
    if w.istitle():
        return "title"
    if w.islower():
        return "lower"
    return "mixed"


def tokenize(text: str) -> list[Token]:
    """``\\w+`` runs (with inner hyphens and apostrophes) and single punctuation marks, with
    their character offsets."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _marks(tokens: Sequence[Token], spans: Sequence[tuple[int, int, str, float]]) -> list[str]:
    """For each token, the entity of the pattern-recognizer span covering it ("" if none)."""
    marks = [""] * len(tokens)
    if not spans:
        return marks
    starts = [t[0] for t in tokens]
    for a, b, ent, _score in spans:  # the first span that covers a token names it
        i = bisect.bisect_left(starts, a)
        while i < len(tokens) and tokens[i][0] < b:
            if tokens[i][1] <= b and not marks[i]:
                marks[i] = ent
            i += 1
    return marks


#: how many feature strings each token gets (fixed, so scoring is one reshape)
N_TEMPLATES = 32
DICT_BITS = 20
PLACE_BITS = 23
PLACE_MAX_TOKENS = 4


def fold(s: str) -> str:
    """Lower case without accents ("Λευκωσία" and "ΛΕΥΚΩΣΙΑ" -> "λευκωσια")."""
    s = s.lower()
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def place_hashes(phrase: str) -> tuple[int, int]:
    """The two bucket numbers of a place name (folded tokens joined by spaces) in the
    places Bloom filter."""
    data = phrase.encode()
    mask = (1 << PLACE_BITS) - 1
    return zlib.crc32(data) & mask, zlib.crc32(data, 0x9E3779B9) & mask


class Dictionary:
    """Word lists as bitsets of CRC-32 buckets: English words written in lower case
    (common words), English words written only capitalised (proper nouns: names, places),
    and a Bloom filter of place names (GeoNames cities of 5,000+ people, countries)."""

    def __init__(
        self,
        lower: npt.NDArray[np.uint8],
        cap: npt.NDArray[np.uint8],
        places: npt.NDArray[np.uint8],
    ) -> None:
        self.lower = lower  # packed bits, 2**DICT_BITS
        self.cap = cap
        self.places = places  # packed bits, 2**PLACE_BITS
        # the same bits as bytes: indexing bytes from Python is several times faster
        self._lower, self._cap, self._places = lower.tobytes(), cap.tobytes(), places.tobytes()

    @staticmethod
    def _bit(bits: bytes, h: int) -> bool:
        return bool(bits[h >> 3] & (128 >> (h & 7)))

    def kind(self, word: str) -> str:
        """The word's kind: L (a common word), C (a proper noun only), LC (both), or ""."""
        h = zlib.crc32(word.lower().encode()) & ((1 << DICT_BITS) - 1)
        return ("L" if self._bit(self._lower, h) else "") + ("C" if self._bit(self._cap, h) else "")

    def is_place(self, phrase: str) -> bool:
        a, b = place_hashes(phrase)
        return self._bit(self._places, a) and self._bit(self._places, b)

    def place_marks(self, low: Sequence[str]) -> list[str]:
        """B or I for the tokens of the longest known place name starting at each word
        (a phrase of up to 4 tokens that starts with a letter and ends with a letter or a
        digit). The phrases starting at a word are hashed incrementally (the CRC-32 of
        "a b c" continues that of "a b"), and the second Bloom hash only when the first
        bit is set: the same marks as testing each joined phrase with :meth:`is_place`."""
        marks = [""] * len(low)
        data = [w.encode() for w in low]
        mask = (1 << PLACE_BITS) - 1
        places = self._places
        i = 0
        while i < len(low):
            # a lone combining mark folds to "" (NFD text: "Cafe\u0301"); it starts nothing
            if low[i][:1].isalpha():
                longest = 0
                crc = zlib.crc32(data[i])
                for n in range(1, min(PLACE_MAX_TOKENS, len(low) - i) + 1):
                    if n > 1:
                        crc = zlib.crc32(data[i + n - 1], zlib.crc32(b" ", crc))
                    a = crc & mask
                    if (
                        low[i + n - 1][:1].isalnum()
                        and places[a >> 3] & (128 >> (a & 7))
                        and self._bit(
                            places, zlib.crc32(b" ".join(data[i : i + n]), 0x9E3779B9) & mask
                        )
                    ):
                        longest = n
                if longest:
                    marks[i : i + longest] = ["B"] + ["I"] * (longest - 1)
                    i += longest - 1
            i += 1
        return marks


def featurize(
    text: str,
    tokens: Sequence[Token],
    pattern_spans: Sequence[tuple[int, int, str, float]],
    dictionary: Dictionary,
) -> list[str]:
    """The feature strings of every token, ``N_TEMPLATES`` per token, token-major."""
    n = len(tokens)
    words = [t[2] for t in tokens]
    low = [w.lower() for w in words]
    shapes = [_shape(w) for w in words]
    lex = [_lex(w) for w in words]
    dic = [dictionary.kind(w) if w[0].isalpha() else "-" for w in words]
    geo = dictionary.place_marks([fold(w) for w in low])
    case = [_case(w) for w in words]
    marks = _marks(tokens, pattern_spans)
    line_start = [i == 0 or "\n" in text[tokens[i - 1][1] : tokens[i][0]] for i in range(n)]
    pad = ["<s>", "<s>"]
    lowp = pad + low + ["</s>", "</s>"]
    shp = pad + shapes + ["</s>", "</s>"]
    lexp = pad + lex + ["", ""]
    casep = pad + case + ["</s>", "</s>"]
    dicp = pad + dic + ["</s>", "</s>"]
    geop = pad + geo + ["</s>", "</s>"]
    feats: list[str] = []
    for i in range(n):
        j = i + 2
        w = low[i]
        feats += [
            "b",
            "w=" + w,
            "s=" + shapes[i],
            "c=" + case[i],
            "p3=" + w[:3],
            "s2=" + w[-2:],
            "s3=" + w[-3:],
            "s4=" + w[-4:],
            "l=" + str(min(len(w), 12)),
            "x=" + lex[i],
            "r=" + marks[i],
            "w-1=" + lowp[j - 1],
            "w-2=" + lowp[j - 2],
            "w+1=" + lowp[j + 1],
            "w+2=" + lowp[j + 2],
            "ww-1=" + lowp[j - 1] + "|" + w,
            "ww+1=" + w + "|" + lowp[j + 1],
            "w-2-1=" + lowp[j - 2] + "|" + lowp[j - 1],
            "s-1=" + shp[j - 1] + "|" + shapes[i],
            "s+1=" + shapes[i] + "|" + shp[j + 1],
            "c-1+1=" + casep[j - 1] + "|" + case[i] + "|" + casep[j + 1],
            "x-1=" + lexp[j - 1],
            "x+1=" + lexp[j + 1],
            "bol=" + str(line_start[i]) + "|" + case[i],
            "r-1+1=" + (marks[i - 1] if i else "") + "|" + (marks[i + 1] if i + 1 < n else ""),
            "p1=" + ("nonascii" if not w.isascii() else w[:1]),
            "d=" + dic[i] + "|" + case[i],
            "d-1=" + dicp[j - 1] + "|" + casep[j - 1] + "|" + case[i],
            "d+1=" + dicp[j + 1] + "|" + casep[j + 1] + "|" + case[i],
            "d-1+1=" + dicp[j - 1] + "|" + dic[i] + "|" + dicp[j + 1],
            "g=" + geo[i] + "|" + dic[i] + "|" + case[i],
            "g-1+1=" + geop[j - 1] + "|" + geo[i] + "|" + geop[j + 1],
        ]
    return feats


def hashed_ids(feats: Sequence[str], bits: int = HASH_BITS) -> list[int]:
    """CRC-32 of each feature string, folded into ``2**bits`` buckets."""
    mask = (1 << bits) - 1
    return [zlib.crc32(f.encode()) & mask for f in feats]


#: templates whose string depends on one word only, for the token itself: in
#: :func:`featurize`'s order, ``b`` to ``d`` (12) ...
_OWN = 12
#: ... and for its neighbours: w-1, w-2, w+1, w+2, x-1, x+1 (6)
_NEIGHBOUR = ("w-1=", "w-2=", "w+1=", "w+2=", "x-1=", "x+1=")
_WORDS_KEPT = 1 << 16
#: longer words are not remembered (the memo holds at most 65,536 words of at most this
#: many characters: about 85 MB at worst, about 1.3 KB a word)
_WORD_CHARS_KEPT = 64
#: below this many tokens :class:`FeatureIds` works in plain Python (about 6 microseconds
#: a token); above, numpy's per-call cost (about 0.2 ms) pays for itself (measured
#: crossover 110 to 130 tokens)
SHORT_TOKENS = 120
#: the templates that join two words (:func:`featurize`'s "ww-1", "ww+1" and "w-2-1")
_PAIRS = ("ww-1=", "ww+1=", "w-2-1=")
#: the other joined templates of :func:`featurize`, in its order: each joins per-token
#: columns ("|" between them), each column at its offset from the token (padded as
#: featurize pads: two values before the first token and two after the last)
_JOINS: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    ("r=", (("mark", 0),)),
    ("s-1=", (("shape", -1), ("shape", 0))),
    ("s+1=", (("shape", 0), ("shape", 1))),
    ("c-1+1=", (("case", -1), ("case", 0), ("case", 1))),
    ("bol=", (("bol", 0), ("case", 0))),
    ("r-1+1=", (("mark", -1), ("mark", 1))),
    ("d-1=", (("dic", -1), ("case", -1), ("case", 0))),
    ("d+1=", (("dic", 1), ("case", 1), ("case", 0))),
    ("d-1+1=", (("dic", -1), ("dic", 0), ("dic", 1))),
    ("g=", (("geo", 0), ("dic", 0), ("case", 0))),
    ("g-1+1=", (("geo", -1), ("geo", 0), ("geo", 1))),
)
#: the pads of each column: words' classes are padded as words are, the pattern marks and
#: line starts with ""
_PADS = {"shape": ("<s>", "</s>"), "case": ("<s>", "</s>"), "dic": ("<s>", "</s>"),
         "geo": ("<s>", "</s>"), "mark": ("", ""), "bol": ("", "")}  # fmt: skip


class _WordInfo(NamedTuple):
    """What :class:`FeatureIds` remembers of one word."""

    own: list[int]  # its own 12 buckets
    near: list[int]  # the 6 it gives its neighbours
    low: str
    shape: str
    case: str
    dic: str
    data: bytes  # ``low`` encoded
    crcs: tuple[int, ...]  # CRC-32 of each of _PAIRS + low + "|"


class FeatureIds:
    """:func:`hashed_ids` of :func:`featurize`, per token, without building most strings:
    the 18 of a token's 32 feature strings that depend on one word only (its own 12, and
    the 6 it gives its neighbours) are hashed once per distinct word and remembered (up to
    65,536 words, then forgotten all at once); the 14 that join two or three tokens are
    built and hashed as :func:`featurize` does. The sum of a token's weight rows does not
    depend on the order of its features, so only the grouping by token must match
    (tested against the reference on varied texts)."""

    def __init__(self, dictionary: Dictionary, bits: int) -> None:
        self.dictionary = dictionary
        self.mask = (1 << bits) - 1
        self._words: dict[str, _WordInfo] = {}
        h = self._hash
        self._pad_before = [h("w-1=<s>"), h("w-2=<s>")]
        self._pad_after = [h("w+1=</s>"), h("w+2=</s>")]
        self._pad_lex = h("x-1=<s>"), h("x+1=")  # as featurize pads the lexicon classes
        self._pad_word = self._word("<s>"), self._word("</s>")  # only its text and CRCs used

    def _hash(self, feature: str) -> int:
        return zlib.crc32(feature.encode()) & self.mask

    def _word(self, w: str) -> _WordInfo:
        info = self._words.get(w)
        if info is not None:
            return info
        h = self._hash
        low = w.lower()
        shape, lex, case = _shape(w), _lex(w), _case(w)
        dic = self.dictionary.kind(w) if w[0].isalpha() else "-"
        own = [
            h("b"),
            h("w=" + low),
            h("s=" + shape),
            h("c=" + case),
            h("p3=" + low[:3]),
            h("s2=" + low[-2:]),
            h("s3=" + low[-3:]),
            h("s4=" + low[-4:]),
            h("l=" + str(min(len(low), 12))),
            h("x=" + lex),
            h("p1=" + ("nonascii" if not low.isascii() else low[:1])),
            h("d=" + dic + "|" + case),
        ]
        near = [h(t + low) for t in _NEIGHBOUR[:4]] + [h(t + lex) for t in _NEIGHBOUR[4:]]
        # the CRC-32 of each word-pair template up to this word and the bar: the pair's
        # CRC continues from it with the other word's bytes
        crcs = tuple(zlib.crc32(f"{t}{low}|".encode()) for t in _PAIRS)
        info = _WordInfo(own, near, low, shape, case, dic, low.encode(), crcs)
        if len(w) > _WORD_CHARS_KEPT:  # a hash, a base64 run: rare, and large to keep
            return info
        if len(self._words) >= _WORDS_KEPT:
            self._words.clear()
        self._words[w] = info
        return info

    def __call__(
        self,
        text: str,
        tokens: Sequence[Token],
        pattern_spans: Sequence[tuple[int, int, str, float]],
    ) -> npt.NDArray[np.intp]:
        """(len(tokens), N_TEMPLATES) bucket numbers."""
        import numpy as np

        n = len(tokens)
        infos = [self._word(t[2]) for t in tokens]
        if n < SHORT_TOKENS:  # numpy's per-call costs outweigh what it saves
            return np.array(self._short(text, tokens, pattern_spans, infos), dtype=np.intp)
        out = np.empty((n, N_TEMPLATES), dtype=np.intp)
        words = self._word_columns(infos)
        col = len(words[0])
        out[:, :col] = words
        codes = {
            k: _Column(v, *_PADS[k])
            for k, v in self._columns(text, tokens, pattern_spans, infos).items()
        }
        for template, parts in _JOINS:
            out[:, col] = self._joined(template, tuple((codes[k], off) for k, off in parts), n)
            col += 1
        return out

    def _word_columns(self, infos: list[_WordInfo]) -> list[list[int]]:
        """Per token, the 21 buckets that come from single words: its own 12, the 6 its
        neighbours give it (featurize's pads at the edges) and its 3 word pairs, whose
        CRC continues the first word's stored prefix with the second word's bytes."""
        n = len(infos)
        mask, crc32 = self.mask, zlib.crc32
        before, after = self._pad_word
        padded = [before, before, *infos, after, after]
        (w1, w2), (a1, a2) = self._pad_before, self._pad_after
        lex_before, lex_after = self._pad_lex
        return [
            [
                *infos[i].own,
                infos[i - 1].near[0] if i >= 1 else w1,
                infos[i - 2].near[1] if i >= 2 else w2,
                infos[i + 1].near[2] if i + 1 < n else a1,
                infos[i + 2].near[3] if i + 2 < n else a2,
                infos[i - 1].near[4] if i >= 1 else lex_before,
                infos[i + 1].near[5] if i + 1 < n else lex_after,
                crc32(padded[i + 2].data, padded[i + 1].crcs[0]) & mask,  # ww-1
                crc32(padded[i + 3].data, padded[i + 2].crcs[1]) & mask,  # ww+1
                crc32(padded[i + 1].data, padded[i].crcs[2]) & mask,  # w-2-1
            ]
            for i in range(n)
        ]

    def _short(
        self,
        text: str,
        tokens: Sequence[Token],
        pattern_spans: Sequence[tuple[int, int, str, float]],
        infos: list[_WordInfo],
    ) -> list[list[int]]:
        """The same buckets as :meth:`__call__` in plain Python, for a short text (column
        by column: the joins of one template over all tokens at once)."""
        n = len(tokens)
        mask, crc32 = self.mask, zlib.crc32
        padded = {
            k: [before, before, *values, after, after]
            for k, values in self._columns(text, tokens, pattern_spans, infos).items()
            for before, after in (_PADS[k],)
        }
        joined = [
            [
                crc32((template + "|".join(values)).encode()) & mask
                for values in zip(
                    *(padded[k][2 + off : 2 + off + n] for k, off in parts), strict=True
                )
            ]
            for template, parts in _JOINS
        ]
        return [
            [*words, *rest]
            for words, rest in zip(
                self._word_columns(infos), zip(*joined, strict=True), strict=True
            )
        ]

    def _columns(
        self,
        text: str,
        tokens: Sequence[Token],
        pattern_spans: Sequence[tuple[int, int, str, float]],
        infos: list[_WordInfo],
    ) -> dict[str, list[str]]:
        """The per-token values the joined templates (:data:`_JOINS`) read, unpadded."""
        return {
            "shape": [info.shape for info in infos],
            "case": [info.case for info in infos],
            "dic": [info.dic for info in infos],
            "geo": self.dictionary.place_marks([fold(info.low) for info in infos]),
            "mark": _marks(tokens, pattern_spans),
            "bol": [
                str(i == 0 or "\n" in text[tokens[i - 1][1] : tokens[i][0]])
                for i in range(len(tokens))
            ],
        }

    def _joined(
        self, template: str, parts: tuple[tuple[_Column, int], ...], n: int
    ) -> npt.NDArray[np.intp]:
        """The bucket of ``template + "|".join(part values)`` for every token, hashing
        each distinct combination once (a text repeats most of them)."""
        import numpy as np

        combo = np.zeros(n, dtype=np.int64)
        for column, offset in parts:
            combo = combo * len(column.values) + column.codes[2 + offset : 2 + offset + n]
        distinct, inverse = np.unique(combo, return_inverse=True)
        ids = np.empty(len(distinct), dtype=np.intp)
        for k, combined in enumerate(distinct.tolist()):
            values = []
            rest = combined
            for column, _offset in reversed(parts):
                rest, digit = divmod(rest, len(column.values))
                values.append(column.values[digit])
            ids[k] = self._hash(template + "|".join(reversed(values)))
        result: npt.NDArray[np.intp] = ids[inverse.reshape(-1)]
        return result


class _Column:
    """A per-token string column as integer codes, with two pad values before and two
    after (the codes index ``values``)."""

    def __init__(self, values: Sequence[str], before: str, after: str) -> None:
        import numpy as np

        index: dict[str, int] = {}
        padded = [before, before, *values, after, after]
        self.codes = np.fromiter(
            (index.setdefault(v, len(index)) for v in padded), dtype=np.int64, count=len(padded)
        )
        self.values = list(index)


def _bio_labels() -> list[str]:
    return ["O"] + [f"{p}-{e}" for e in ENTITIES for p in ("B", "I")]


class Tagger:
    """The trained tagger; the weights are read from the package on first use."""

    def __init__(self) -> None:
        self._loaded = False
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:  # one thread reads the weights; the others wait for them
            if not self._loaded:
                self._read()

    def _read(self) -> None:
        import numpy as np

        with resources.files("genaiops.guardrails").joinpath("data", ARTIFACT).open("rb") as f:
            z = np.load(f, allow_pickle=False)
            self.labels: list[str] = [str(x) for x in z["labels"]]
            self.weights: npt.NDArray[np.int8] = z["weights"]  # (2**bits, L)
            self.scale: npt.NDArray[np.float32] = z["scale"].astype(np.float32)  # (L,)
            self.bias: npt.NDArray[np.float32] = z["bias"].astype(np.float32)  # (L,)
            self.trans: npt.NDArray[np.float32] = z["transitions"].astype(np.float32)  # (L+1,L)
            self.bits = int(z["bits"])
            self.dictionary = Dictionary(z["dict_lower"], z["dict_cap"], z["places"])
        self._ids = FeatureIds(self.dictionary, self.bits)
        self._entity_of = [lab[2:] if lab != "O" else "" for lab in self.labels]
        self._begins = [lab.startswith("B-") for lab in self.labels]
        self._loaded = True

    def tag(
        self, text: str, pattern_spans: Sequence[tuple[int, int, str, float]] = ()
    ) -> list[tuple[int, int, str, float]]:
        """Entity spans (start, end, entity, score) that the model finds in ``text``."""
        import numpy as np

        if not self._loaded:
            self._load()
        tokens = tokenize(text)
        if not tokens:
            return []
        ids = self._ids(text, tokens, pattern_spans)
        n = len(tokens)
        rows = self.weights[ids]
        logits = rows.sum(axis=1, dtype=np.int32).astype(np.float32) * self.scale + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        path = self._viterbi(logp)
        probs = np.exp(logp[np.arange(n), path])
        return _nationalities(tokens, self._spans(text, tokens, path, probs))

    def _viterbi(self, logp: npt.NDArray[np.float32]) -> list[int]:
        import numpy as np

        n = logp.shape[0]
        score = self.trans[-1] + logp[0]  # the last row: transitions from the start
        back = np.empty((n, logp.shape[1]), dtype=np.intp)
        trans = self.trans[:-1]
        for t in range(1, n):
            cand = score[:, None] + trans  # (prev, cur)
            back[t] = cand.argmax(axis=0)
            score = cand[back[t], np.arange(cand.shape[1])] + logp[t]
        best = int(score.argmax())
        path = [best]
        for t in range(n - 1, 0, -1):
            best = int(back[t, best])
            path.append(best)
        return path[::-1]

    def _spans(
        self,
        text: str,
        tokens: Sequence[Token],
        path: Sequence[int],
        probs: npt.NDArray[np.float32],
    ) -> list[tuple[int, int, str, float]]:
        out: list[tuple[int, int, str, float]] = []
        cur: list[int] = []
        for i, lab in enumerate([*path, 0]):
            ent = self._entity_of[lab] if i < len(path) else ""
            if cur and (not ent or self._begins[lab] or ent != self._entity_of[path[cur[0]]]):
                span = _trim(tokens, cur)
                if span and self._entity_of[path[cur[0]]] == "PERSON":
                    span = self._trim_words(tokens, span)
                if span and any("_" in tokens[k][2] for k in span):
                    span = []  # an identifier ("employee_id"), not a name
                if span and self._entity_of[path[cur[0]]] == "ADDRESS":
                    span = self._address_words(tokens, span)
                if span:
                    first, last = tokens[span[0]], tokens[span[-1]]
                    score = float(sum(float(probs[k]) for k in span) / len(span))
                    entity = self._entity_of[path[cur[0]]]
                    if entity in _RETYPED:
                        entity = retype(text[first[0] : last[1]], entity)
                    out.append((first[0], last[1], entity, score))
                cur = []
            if ent:
                cur.append(i)
        return _lone_numbers(text, out)

    def _address_words(self, tokens: Sequence[Token], span: list[int]) -> list[int]:
        """An address names a street, a building or a place. With letters, but none of
        them a street word or a name ("USD 12,000", "contains 163", "62, Polish"), it is
        not an address (numbers alone are judged by :func:`_lone_numbers`)."""
        words = [tokens[k][2] for k in span if tokens[k][2][0].isalpha()]
        if not words:
            return span
        for word in words:
            low = word.lower()
            if low in _LEXICON["street"]:
                return span
            if low in _LEXICON["nationality"] or (word.isupper() and low in _CURRENCIES):
                continue
            if "L" not in self.dictionary.kind(word):  # not a common word: a name
                return span
        return []

    def _trim_words(self, tokens: Sequence[Token], span: list[int]) -> list[int]:
        """Drop common words at a name's edges: "Caller R. Brown", "Hi Mateo", a lone "more".
        A common word is in the word list only in lower case; "Grace" (also a name) stays."""

        def common(k: int) -> bool:
            word = tokens[k][2]
            return word.isalpha() and len(word) > 1 and self.dictionary.kind(word) == "L"

        while span and common(span[0]):
            span = span[1:]
        while span and common(span[-1]):
            span = span[:-1]
        return span


_CURRENCIES = _words("usd eur gbp jpy chf cad aud cny inr brl sek nok dkk pln czk huf mxn zar")
_NRP_BEFORE = _words("am is are was were i'm he's she's being a an as")
_NRP_AFTER = _words(
    "national nationals citizen citizens citizenship nationality descent origin heritage "
    "passport man woman people family community background"
)


def _nationalities(
    tokens: Sequence[Token], spans: list[tuple[int, int, str, float]]
) -> list[tuple[int, int, str, float]]:
    """Add ``NRP`` for a capitalised nationality the model missed when the words around it
    say it describes a person ("I'm Ghanaian", "a Vietnamese national"), not a thing ("a
    German restaurant")."""
    nationality = _LEXICON["nationality"]
    added = []
    for i, (s, e, word) in enumerate(tokens):
        if not word[:1].isupper() or word.lower() not in nationality:
            continue
        if any(a < e and s < b for a, b, _, _ in spans):
            continue
        before = {t[2].lower() for t in tokens[max(0, i - 2) : i]}
        after = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
        if before & _NRP_BEFORE or after in _NRP_AFTER:
            added.append((s, e, "NRP", 0.6))
    return sorted(spans + added) if added else spans


def _lone_numbers(
    text: str, spans: list[tuple[int, int, str, float]]
) -> list[tuple[int, int, str, float]]:
    """Without an address or place next to it, an ``ADDRESS`` span with no letters ("64940",
    "000") is an order or ticket number, not a house number or postcode: dropped."""
    out = []
    for i, (s, e, ent, score) in enumerate(spans):
        if ent == "ADDRESS" and not any(c.isalpha() for c in text[s:e]):
            near = [
                x
                for x in spans[max(0, i - 1) : i] + spans[i + 1 : i + 2]
                if x[2] in _PLACES and any(c.isalpha() for c in text[x[0] : x[1]])
            ]
            if not any(not text[min(e, x[1]) : max(s, x[0])].strip(" ,>\n") for x in near):
                continue
        out.append((s, e, ent, score))
    return out


_PLACES = frozenset({"ADDRESS", "LOCATION"})
_RETYPED = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "ADDRESS", "NRP"})
_EDGE_WORDS = frozenset({"and", "or", "the", "of", "at", "in", "to"})


def _trim(tokens: Sequence[Token], span: list[int]) -> list[int]:
    """Drop punctuation and joining words at a span's edges ("Hannah," "Anna and"); keep the
    full stop of a short abbreviation ("Mr." "Apt.")."""
    while span and (not tokens[span[0]][2][0].isalnum() or tokens[span[0]][2] in _EDGE_WORDS):
        span = span[1:]
    while span:
        word = tokens[span[-1]][2]
        if word == "." and len(span) > 1:
            prev = tokens[span[-2]]
            if prev[1] == tokens[span[-1]][0] and prev[2].isalpha() and len(prev[2]) <= 4:
                break
        if word[0].isalnum() and word.lower() not in _EDGE_WORDS:
            break
        span = span[:-1]
    return span
