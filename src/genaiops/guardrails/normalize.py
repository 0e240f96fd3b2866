"""Cheap text normalization against character tricks, and decoding of hidden payloads.

Attackers disguise instructions so that a classifier trained on plain text misses them:
fullwidth or mathematical letters, zero-width and bidi characters, Unicode "tag" characters
(invisible ASCII), Cyrillic/Greek look-alikes, leetspeak (``1gn0r3``), letters spaced out
(``i g n o r e``), and whole payloads in base64, hex, binary, rot13, percent- or
``\\u``-escapes, or reversed. :func:`normalize` undoes the character tricks in one pass;
:func:`decoded_variants` returns the text with each encoded payload decoded, to be scored
as well. Everything here is stdlib and linear in the text's length.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata
import urllib.parse

__all__ = ["decoded_variants", "english_ratio", "normalize"]

# Zero-width, joiners, bidi controls, soft hyphen, word joiner, BOM, Mongolian separator.
_INVISIBLE = dict.fromkeys(
    [
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        0x00AD,
        0x034F,
        0x061C,
        0x115F,
        0x1160,
        0x17B4,
        0x17B5,
        0x180E,
        0x3164,
        0xFEFF,
        0xFFA0,
        *range(0xFE00, 0xFE10),  # variation selectors
    ]
)

# Cyrillic and Greek letters that look like Latin ones.
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
        "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ɡ": "g", "ɑ": "a", "ı": "i",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J",
        "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "ω": "w", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z",
        "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T",
        "Υ": "Y", "Χ": "X",
    }
)  # fmt: skip
_NON_LATIN_LOOKALIKE = re.compile("[" + "".join(sorted(map(chr, _HOMOGLYPHS))) + "]")

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
     "@": "a", "$": "s", "!": "i", "|": "l", "+": "t"}
)  # fmt: skip
# a token starts where a run of these characters starts (the lookbehind): without it a run
# of digits with no letter is rescanned from each of its positions, quadratic in its length
# (30,000 digits took 7.6 s; now milliseconds). Matches are the same: a match never starts
# inside a run, since a later start sees a subset of the same run.
_LEET_TOKEN = re.compile(r"(?<![a-z0-9@$!|+])[a-z0-9@$!|+]*[a-z][a-z0-9@$!|+]*", re.IGNORECASE)
_LEET_CHARS = re.compile(r"[0-9@$!|+]")
_LEET_INNER = re.compile(r"[0-9@$!|+][a-z]", re.IGNORECASE)  # p4ssw0rd, 1gn0re; not gpt4
_SPACED = re.compile(r"(?<![^\W_])(?:[^\W\d_][ .\-_*·/]{1,2}){3,}[^\W\d_](?![^\W_])")
_SPACED_SEP = re.compile(r"[ .\-_*·/]")
_SPACED_RUN = re.compile(r"(?<!\S)(?:[\w.,!?'][^\S\n]{1,3}){5,}[\w.,!?'](?!\S)")
_WS = re.compile(r"\s+")

_COMMON = frozenset(
    """the be to of and a in that have i it for not on with he as you do at this but his by
    from they we say her she or an will my one all would there their what so up out if about
    who get which go me when make can like time no just him know take people into year your
    good some could them see other than then now look only come its over think also back
    after use two how our work first well way even new want because any these give day most
    us is are was were been has had did does am please write tell answer question response
    reply ignore previous instructions prompt system rules say print output repeat above
    following text message assistant user model must should never always now""".split()
)
_WORD = re.compile(r"[a-z']+")


def _is_latin_mostly(text: str) -> bool:
    latin = sum(1 for ch in text if "a" <= ch.lower() <= "z")
    letters = sum(1 for ch in text if ch.isalpha())
    return letters == 0 or latin * 2 >= letters


def _fix_homoglyphs(text: str) -> str:
    if not _NON_LATIN_LOOKALIKE.search(text):
        return text
    if _is_latin_mostly(text):
        return text.translate(_HOMOGLYPHS)
    # A text in Cyrillic or Greek: only fix words that mix scripts.
    return re.sub(
        r"\w+",
        lambda m: (
            m.group(0).translate(_HOMOGLYPHS) if re.search("[a-zA-Z]", m.group(0)) else m.group(0)
        ),
        text,
    )


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _tags_and_flags(text: str) -> str:
    """Unicode tag characters (U+E0020..E007E) carry invisible ASCII; regional indicators
    (U+1F1E6..1F1FF, the flag letters) spell words. Both become plain letters."""
    if text.isascii() or not _ASTRAL.search(text):
        return text
    out = []
    for ch in text:
        cp = ord(ch)
        if 0xE0020 <= cp <= 0xE007E:
            out.append(chr(cp - 0xE0000))
        elif 0xE0000 <= cp <= 0xE007F:
            continue
        elif 0x1F1E6 <= cp <= 0x1F1FF:
            out.append(chr(cp - 0x1F1E6 + ord("a")))
        else:
            out.append(ch)
    return "".join(out)


def _strip_marks(text: str) -> str:
    """Drop combining marks (accents, "zalgo" stacks) so that letters compare plainly."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _deleet(text: str) -> str:
    if not _LEET_CHARS.search(text):
        return text  # no digit or symbol to read as a letter
    tokens = _LEET_TOKEN.findall(text)
    if not tokens:
        return text
    mixed = sum(1 for t in tokens if _LEET_INNER.search(t))
    dense = mixed * 4 >= len(tokens) and mixed >= 3  # a leetspeak text: numbers too

    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        if (dense and _LEET_CHARS.search(token)) or _LEET_INNER.search(token):
            return token.translate(_LEET)
        return token

    text = _LEET_TOKEN.sub(fix, text)
    if dense:
        text = re.sub(r"(?<![\w.])[0-9]{1,4}(?![\w.])", lambda m: m.group(0).translate(_LEET), text)
    return text


def _join_spaced(m: re.Match[str]) -> str:
    run = m.group(0)
    if re.search(r"\s{2,}", run):  # "y o u   a r e": words are set apart by wider gaps
        return " ".join(re.sub(r"\s", "", w) for w in re.split(r"\s{2,}", run))
    return re.sub(r"\s", "", run)


def _unspace(text: str) -> str:
    """Undo letter spacing: a run of 6+ single characters set apart by whitespace becomes
    words again (split where the gaps are wider); ``i.g.n.o.r.e`` too."""
    text = _SPACED_RUN.sub(_join_spaced, text)
    return _SPACED.sub(lambda m: _SPACED_SEP.sub("", m.group(0)), text)


def normalize(text: str) -> str:
    """One canonical, lowercased form: NFKC, invisible characters removed, tag characters
    and flag letters read, marks stripped, look-alikes mapped to Latin, leetspeak and
    spaced-out letters undone, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = _tags_and_flags(text)
    text = text.translate(_INVISIBLE)
    text = _strip_marks(text)
    text = _fix_homoglyphs(text)
    text = text.lower()
    text = _deleet(text)
    text = _unspace(text)
    return _WS.sub(" ", text).strip()


def english_ratio(text: str) -> float:
    """The share of words that are common English words (0 when there are none)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _COMMON) / len(words)


_B64 = re.compile(r"[A-Za-z0-9+/_\-]{16,}={0,2}")
_HEX = re.compile(r"(?:(?:0x|\\x)?[0-9a-fA-F]{2}[\s,:]?){8,}")
_BIN = re.compile(r"(?:[01]{8}[\s,]?){4,}")
_PCT = re.compile(r"(?:%[0-9a-fA-F]{2}){4,}")
_UESC = re.compile(r"(?:\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}){4,}")


def _readable(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(text) < 6:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\t\r")
    letters = sum(1 for ch in text if ch.isalpha())
    if printable < 0.95 * len(text) or letters < 0.5 * len(text.replace(" ", "")):
        return None
    return text


def _b64(segment: str) -> str | None:
    if re.fullmatch(r"[0-9a-fA-F]+", segment) or (segment.isalpha() and segment.islower()):
        return None  # hex, or a plain long word
    s = segment.rstrip("=")
    s += "=" * (-len(s) % 4)
    try:
        raw = base64.b64decode(s.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        return None
    return _readable(raw)


def _hex(segment: str) -> str | None:
    digits = re.sub(r"0x|\\x|[\s,:]", "", segment)
    if len(digits) % 2:
        digits = digits[:-1]
    try:
        return _readable(bytes.fromhex(digits))
    except ValueError:
        return None


def _bin(segment: str) -> str | None:
    bits = re.findall(r"[01]{8}", segment)
    return _readable(bytes(int(b, 2) for b in bits))


def _pct(segment: str) -> str | None:
    return _readable(urllib.parse.unquote_to_bytes(segment))


def _uesc(segment: str) -> str | None:
    try:
        text = segment.encode("ascii").decode("unicode_escape")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None
    return text if text.isprintable() else None


_DECODERS = ((_HEX, _hex), (_BIN, _bin), (_B64, _b64), (_PCT, _pct), (_UESC, _uesc))


def decoded_variants(text: str, max_variants: int = 4) -> list[str]:
    """The text with hidden payloads decoded, one variant per encoding found (at most
    ``max_variants``): base64, hex, binary, percent- and ``\\u``-escapes are decoded in
    place; rot13 and reversed text are tried when they read as English markedly better
    than the original. Returns [] when nothing is encoded."""
    variants: list[str] = []
    for pattern, decode in _DECODERS:
        if len(variants) >= max_variants:
            break
        found = False

        def repl(m: re.Match[str], decode: object = decode) -> str:
            nonlocal found
            decoded = decode(m.group(0))  # type: ignore[operator]
            if isinstance(decoded, str):
                found = True
                return f" {decoded} "
            return m.group(0)

        replaced = pattern.sub(repl, text)
        if found:
            variants.append(replaced)
    if len(variants) < max_variants:
        for transform in (_rot13, _reverse):
            changed = False

            def flip(m: re.Match[str], transform: object = transform) -> str:
                nonlocal changed
                segment = m.group(0)
                if len(segment) < 12:
                    return segment
                base = english_ratio(segment)
                if base >= 0.35:
                    return segment
                candidate: str = transform(segment)  # type: ignore[operator]
                ratio = english_ratio(candidate)
                if ratio >= 0.3 and ratio >= base + 0.2:
                    changed = True
                    return candidate
                return segment

            replaced = _SEGMENT.sub(flip, text)
            if changed:
                variants.append(replaced)
                break
    return variants[:max_variants]


_SEGMENT = re.compile(r"[^\n.!?:;\"]+")


def _rot13(text: str) -> str:
    return codecs.encode(text, "rot13")


def _reverse(text: str) -> str:
    return text[::-1]
