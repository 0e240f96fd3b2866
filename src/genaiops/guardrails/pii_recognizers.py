"""Pattern recognizers for structured PII: one small, mostly-data recognizer per entity.

Each :class:`PatternRecognizer` is a regular expression with a base score, the context
words that raise the score when they appear shortly before the match (Presidio's
``context`` idea), and an optional validator: a checksum or a parse that rejects
look-alikes outright (Luhn for cards, ISO 13616 mod-97 for IBANs, the SSA rules for US
SSNs, :mod:`ipaddress` for IPs, mod-11 for NHS numbers, Base58Check/Bech32 for bitcoin
addresses). A match is kept when its final score reaches :data:`MIN_SCORE`, so a weak
pattern (a bare run of digits for a bank account) needs its context word to fire. When a
pattern has a group named ``v``, only that group is the entity ("aged (45)").

Entity names are Presidio's. Names, places, organizations and street addresses are not
regular languages; they come from the tagger in :mod:`genaiops.guardrails.pii_ner`.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["MIN_SCORE", "RECOGNIZERS", "PatternRecognizer", "RawSpan", "recognize"]

#: a match whose final score is below this is dropped
MIN_SCORE = 0.5
#: score added when a context word appears in the window before the match
CONTEXT_BOOST = 0.35
#: how many characters before a match are searched for context words, by default
CONTEXT_WINDOW = 48

RawSpan = tuple[int, int, str, float]  # start, end, entity, score


# ----------------------------------------------------------------------------- validators


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def luhn_ok(s: str) -> bool:
    """The Luhn (mod-10) checksum every payment card number carries."""
    digits = _digits(s)
    if not 12 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# ISO 13616 lengths of the IBAN per country (the registry's table)
_IBAN_LENGTHS = dict(
    item.split(":")
    for item in (
        "AD:24 AE:23 AL:28 AT:20 AZ:28 BA:20 BE:16 BG:22 BH:22 BR:29 BY:28 CH:21 CR:22 "
        "CY:28 CZ:24 DE:22 DK:18 DO:28 EE:20 EG:29 ES:24 FI:18 FO:18 FR:27 GB:22 GE:22 "
        "GI:23 GL:18 GR:27 GT:28 HR:21 HU:28 IE:22 IL:23 IQ:23 IS:26 IT:27 JO:30 KW:30 "
        "KZ:20 LB:28 LC:32 LI:21 LT:20 LU:20 LV:21 MC:27 MD:24 ME:22 MK:19 MR:27 MT:31 "
        "MU:30 NL:18 NO:15 PK:24 PL:28 PS:29 PT:25 QA:29 RO:24 RS:22 SA:24 SC:31 SE:24 "
        "SI:19 SK:24 SM:27 ST:25 SV:28 TL:23 TN:24 TR:26 UA:29 VA:22 VG:24 XK:20"
    ).split()
)


def iban_ok(s: str) -> bool:
    """ISO 13616: the country's length, then mod-97 of the rearranged number equals 1."""
    code = re.sub(r"[\s-]", "", s).upper()
    expected = _IBAN_LENGTHS.get(code[:2])
    if expected is None or len(code) != int(expected) or not code.isalnum():
        return False
    rearranged = code[4:] + code[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def ssn_ok(s: str) -> bool:
    """SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000; not one digit."""
    d = _digits(s)
    if len(d) != 9 or len(set(d)) == 1:
        return False
    area, group, serial = d[:3], d[3:5], d[5:]
    return area not in {"000", "666"} and area[0] != "9" and group != "00" and serial != "0000"


def ip_ok(s: str) -> bool:
    try:
        ipaddress.ip_address(s)
    except ValueError:
        return False
    return True


def nhs_ok(s: str) -> bool:
    """NHS number: ten digits, the last a mod-11 check digit of the first nine."""
    d = _digits(s)
    if len(d) != 10:
        return False
    check = 11 - sum(int(c) * w for c, w in zip(d[:9], range(10, 1, -1), strict=True)) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(d[9])


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_ok(s: str) -> bool:
    s = s.lower()
    hrp, _, data = s.rpartition("1")
    if not hrp or len(data) < 6 or any(c not in _BECH32 for c in data):
        return False
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    values += [_BECH32.index(c) for c in data]
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk in {1, 0x2BC830A3}  # bech32 (segwit v0) and bech32m (v1+)


def crypto_ok(s: str) -> bool:
    """A bitcoin address: Base58Check (double SHA-256) or Bech32/Bech32m checksum."""
    if s.lower().startswith("bc1"):
        return _bech32_ok(s)
    n = 0
    for c in s:
        if c not in _B58:
            return False
        n = n * 58 + _B58.index(c)
    raw = n.to_bytes(25, "big") if n < 1 << 200 else b""
    if len(raw) != 25:
        return False
    return hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4] == raw[21:]


def phone_ok(s: str) -> bool:
    """7 to 15 digits (E.164), not all one digit, no four-digit year-like date shape."""
    d = _digits(s)
    return 7 <= len(d) <= 15 and len(set(d)) > 2


# ----------------------------------------------------------------------------- recognizers


@dataclass(frozen=True)
class PatternRecognizer:
    """One entity: patterns (regex, base score), context words, optional validator."""

    entity: str
    patterns: tuple[tuple[str, float], ...]
    context: tuple[str, ...] = ()
    validate: Callable[[str], bool] | None = None
    flags: int = 0
    window: int = CONTEXT_WINDOW  # characters before a match searched for context words
    after: int = 0  # characters after a match searched too ("555 0142 (office)")

    def compiled(self) -> list[tuple[re.Pattern[str], float]]:
        return [(re.compile(p, self.flags), s) for p, s in self.patterns]


def _words(s: str) -> tuple[str, ...]:
    return tuple(s.split("|"))


# a capitalised word of a name ("Müller", "O'Brien", "Ji-ho"), "&" joins two
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
# legal-form suffixes of companies, written as they are (case-sensitive)
_LEGAL_FORM = (
    r"(?:Inc|Ltd|LLC|LLP|L\.L\.C|GmbH|AG|KG|S\.A|SA|S\.p\.A|SpA|S\.r\.l|Srl|SAS|SARL|S\.L|"
    r"B\.V|N\.V|BV|NV|AB|ASA|A/S|Oy|Pty Ltd|Pty|K\.K|Co|Corp|Corporation|Limited|plc|PLC|"
    r"Sp\. z o\.o)"
)
# words that start a sentence or a greeting, never the first word of a title or company
_NOT_FIRST = (
    r"(?!(?:The|A|An|Our|Your|My|His|Her|Their|This|That|Dear|Hi|Hello|Is|Was|Can|Could|"
    r"Please|Ask|Call|Contact|At|To|From|For|With|And|Or|As|If|When|Who|What)\b)"
)
# the head nouns of job titles ("... Engineer", "... Manager"); with no word before them
# only the unambiguous ones count ("Pharmacist", not "Lead" or "Partner")
_JOB_HEAD = (
    r"(?:Engineer|Manager|Director|Officer|Clerk|Nurse|Analyst|Specialist|Coordinator|"
    r"Assistant|Associate|Supervisor|Technician|Designer|Developer|Consultant|Accountant|"
    r"Counsel|Pharmacist|Hygienist|Planner|Lead|Partner|Administrator|Architect|Scientist|"
    r"Attorney|Lawyer|Paralegal|Teacher|Professor|Lecturer|Surgeon|Physician|Therapist|"
    r"Advisor|Adviser|Representative|Agent|Executive|Secretary|Receptionist|Editor|Buyer|"
    r"Auditor|Controller|Treasurer|President|Chair|Founder|Intern|Operator|Mechanic|"
    r"Electrician|Programmer|Strategist|Recruiter|Inspector|Dentist|Economist|Actuary|"
    r"Underwriter|Pilot|Paramedic|Midwife|Veterinarian|Librarian|Translator|Interpreter)"
)
_JOB_ALONE = (
    r"(?:Pharmacist|Paralegal|Accountant|Attorney|Lawyer|Surgeon|Physician|Nurse|Engineer|"
    r"Architect|Receptionist|Librarian|Electrician|Mechanic|Programmer|Recruiter|Auditor|"
    r"Treasurer|Hygienist|Therapist|Dentist|Economist|Actuary|Underwriter|Paramedic|Midwife|"
    r"Veterinarian|Translator|Interpreter)"
)
_SEP = r"[ \-.]?"
# an optional extension, then no word character and no "-digit" (a longer number) after
_EXT = r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!\w|-\d)"
RECOGNIZERS: tuple[PatternRecognizer, ...] = (
    PatternRecognizer(
        "CREDIT_CARD",
        (
            # unbroken, in groups of four (the last 1-7), or 4-6-5 (American Express);
            # not after "+" (a phone number: "+91 98851 33851")
            (r"(?<![\w+-])\d{12,19}(?![\w-])", 1.0),
            (r"(?<![\w+-])\d{4}([ \-.])\d{4}\1\d{4}(?:\1\d{1,7})?(?![\w-])", 1.0),
            (r"(?<![\w+-])\d{4}([ \-])\d{6}\1\d{4,5}(?![\w-])", 1.0),
            # any other grouping of 13 to 19 digits ("4111-1111 1111-1111", "41 11 11 ..."):
            # a card typed by hand is still a card; Luhn keeps most other numbers out, and
            # "+" or "00" (an international phone number) never starts one
            (r"(?<![\w+-])(?!00)(?:\d[ \-.]?){12,18}\d(?![\w-])", 1.0),
        ),
        validate=luhn_ok,
    ),
    PatternRecognizer(
        "IBAN_CODE",
        (
            (r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b", 1.0),
            # the short last group in capitals or digits only: "... 5923 to" is not a group
            (r"\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: (?-i:[A-Z0-9]{1,3}))?\b", 1.0),
        ),
        validate=iban_ok,
        flags=re.IGNORECASE,
    ),
    PatternRecognizer(
        "EMAIL_ADDRESS",
        # the local part is bounded by its RFC 5321 limit (64): unbounded, a long run of
        # "a.a.a..." with no "@" was rescanned from every position (40,000 characters:
        # 2.6 to 4.3 s, quadratic); bounded, a start position costs at most 64 steps
        ((r"\b[\w.%+-]{1,64}@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b", 1.0),),
    ),
    PatternRecognizer(
        "URL",
        (
            (r"\b(?:https?|ftp)://[^\s<>\"'\]\[)(]+[^\s<>\"'\]\[)(.,;:!?]", 0.95),
            (r"\bwww\.[\w-]+(?:\.[\w-]+)+(?:/[^\s<>\"'()]*[^\s<>\"'().,;:!?])?", 0.9),
            (
                r"(?<![@\w.-])[a-z][\w-]*\.(?:com|org|net|io|ai|co|gov|edu|info|biz)"
                r"(?:\.[a-z]{2})?\b(?![@.-]\w)",
                0.6,
            ),
        ),
        flags=re.IGNORECASE,
    ),
    PatternRecognizer(
        "IP_ADDRESS",
        (
            (r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\w)", 0.95),
            (r"(?<![\w:])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:)[0-9A-Fa-f:]{2,39}(?![\w:])", 0.95),
        ),
        validate=ip_ok,
    ),
    PatternRecognizer(
        "CRYPTO",
        ((r"\b(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,71})\b", 1.0),),
        validate=crypto_ok,
        flags=re.IGNORECASE,
    ),
    PatternRecognizer(
        "US_SSN",
        (
            (r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])", 0.6),
            (r"(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])", 0.4),
            (r"(?<![\w-])\d{9}(?![\w-])", 0.2),
        ),
        context=("ssn", "social security", "social sec", "ss#", "ss #", "ssid"),
        validate=ssn_ok,
    ),
    PatternRecognizer(
        "US_ITIN",
        ((r"(?<![\w-])9\d{2}[- ]?(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])[- ]?\d{4}(?![\w-])", 0.4),),
        context=("itin", "taxpayer", "tax id", "tax identification"),
    ),
    PatternRecognizer(
        "PHONE_NUMBER",
        (
            # international: +CC, an optional (0)-trunk or area code, then digit groups
            (r"(?<![\w+])\+\d{1,3}(?:[ .\-]?\(0?\d{1,4}\))?(?:[ .\-]?\d{1,5}){2,6}" + _EXT, 0.7),
            # (area) 123-4567, and national numbers in three or more groups
            (r"(?<![\w(])\(\d{1,5}\)[ .\-]?\d{2,5}(?:[ .\-]\d{2,5}){0,3}" + _EXT, 0.6),
            (r"(?<![\w\-./])\d{2,5}(?:[ .\-]\d{2,5}){2,4}" + _EXT, 0.5),
            # a national number with its trunk 0 in two groups: "07700 900123"
            (r"(?<![\w\-./+])0\d{2,4}[ \-]\d{6,8}" + _EXT, 0.5),
            # two groups, or no separator: only with a context word
            (r"(?<![\w\-./])\d{2,5}[ .\-]\d{4,8}" + _EXT, 0.25),
            (r"(?<![\w\-./+])\d{9,11}" + _EXT, 0.25),
        ),
        context=_words(
            "phone|call|tel|mobile|cell|fax|reach|text me|contact|number|whatsapp|desk|office|"
            "dial|ring|sms|messages to|answering|registered"
        ),
        validate=phone_ok,
        after=12,
    ),
    PatternRecognizer(
        "UK_NHS",
        ((r"(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])", 0.3),),
        context=("nhs", "national health", "health service", "patient number"),
        validate=nhs_ok,
    ),
    PatternRecognizer(
        "US_DRIVER_LICENSE",
        (
            (r"(?<![\w-])[A-Z]\d{3,14}(?![\w-])", 0.2),
            (r"(?<![\w-])\d{4}-\d{2}-\d{4}(?![\w-])", 0.2),
            (r"(?<![\w-])\d{6,14}(?![\w-])", 0.2),
        ),
        context=("driver", "driving", "licence", "license", "dl#", "dl #", "dl number"),
        flags=re.IGNORECASE,
    ),
    PatternRecognizer(
        "US_PASSPORT",
        ((r"(?<![\w-])[A-Z]?\d{8,9}(?![\w-])", 0.2),),
        context=("passport",),
        flags=re.IGNORECASE,
    ),
    PatternRecognizer(
        "US_BANK_NUMBER",
        ((r"(?<![\w-])\d{8,17}(?![\w-])", 0.2),),
        context=("account", "acct", "bank", "routing", "checking", "savings"),
    ),
    PatternRecognizer(
        "TITLE",
        (
            (
                r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Dame|Lord|Lady|Rev|Capt)\b\.?"
                r"(?=\s+[^\W\d_])",
                0.8,
            ),
        ),
        flags=re.IGNORECASE,
    ),
    PatternRecognizer(
        "TITLE",
        (
            # job titles: capitalised words ending in a head noun ("Senior Software
            # Engineer", "HR Business Partner"), "Head of Procurement", "VP of Sales"
            (r"\b" + _NOT_FIRST + r"(?:" + _CAP + r" ){1,3}" + _JOB_HEAD + r"\b", 0.7),
            (
                r"\b(?:Head|VP|Vice President|Director|Chief|Manager|Minister|Secretary)"
                r" of (?:the )?(?:" + _CAP + r")(?: (?:and |& )?" + _CAP + r"){0,2}\b",
                0.7,
            ),
            # one unambiguous word, inside a sentence or a field: "the Pharmacist at"
            (r"(?:(?<=[a-z,;:(] )|(?<=[\t\n|(]))" + _JOB_ALONE + r"\b", 0.6),
            (r"\b(?:CEO|CFO|CTO|COO|CIO|CISO|CMO|CHRO)\b", 0.7),
        ),
    ),
    PatternRecognizer(
        "ORGANIZATION",
        (
            # capitalised words, then a legal form: "Tanaka Shoji K.K.", "Müller & Söhne KG"
            (
                r"\b"
                + _NOT_FIRST
                + _CAP
                + r"(?:,? (?:& )?"
                + _CAP
                + r"){0,3},? "
                + _LEGAL_FORM
                + r"(?:\.(?=\W|$)|(?!\w))",
                0.8,
            ),
            # "University of Eastbrook", "Bank of Montreal"
            (
                r"\b(?:University|Bank|College|Institute|Museum|Hospital|Ministry|Academy|"
                r"School|Church) of (?:the )?" + _CAP + r"(?: " + _CAP + r"){0,2}",
                0.75,
            ),
        ),
    ),
    PatternRecognizer(
        "AGE",
        (
            # the number only: "a 65-year-old", "79 years old", "31 y/o"
            (r"\b(?P<v>\d{1,3})(?=[- ](?:years?|yrs?)[- ]old\b|\s?y/?o\b)", 0.85),
            (
                r"\b(?:aged?|age of|turned|turn|turning|turns)\s+(?P<v>\d{1,3})\b"
                r"(?!\s*(?:%|percent|minutes|hours|days|weeks|months|[-:/.,]\d))",
                0.7,
            ),
        ),
        flags=re.IGNORECASE,
    ),
    PatternRecognizer(
        "ZIP_CODE",
        (
            (
                r"\b(?:zip|postal|post)\s*(?:code)?\s*(?:is|:|#)?\s*"
                r"(?P<v>\d{5}(?:-\d{4})?|\d{3,4}(?:[ -]?\d{2,3})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)\b",
                0.85,
            ),
        ),
        flags=re.IGNORECASE,
    ),
    PatternRecognizer(
        "DATE_TIME",
        (
            # ISO date with optional time
            (r"\b(?:19|20)\d{2}-[01]\d-[0-3]\d(?:[ T][0-2]\d:[0-5]\d(?::[0-5]\d)?)?\b", 0.9),
            # numeric dates d/m/y, m/d/y (not the start of an IP address: "10.28.66.143")
            (r"(?<![\d.])[0-3]?\d[/.][0-3]?\d[/.](?:19|20)?\d{2}\b(?!\.\d)", 0.7),
            # 12 March 2021, March 12, 2021, March 2021
            (
                r"\b(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:Jan(?:uary)?|Feb(?:ruary)?|"
                r"Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
                r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?"
                r",?\s+(?:19|20)\d{2}\b",
                0.85,
            ),
            (
                r"\b(?:January|February|March|April|June|July|August|September|October|"
                r"November|December)\s+[0-3]?\d(?:st|nd|rd|th)?\b",
                0.75,
            ),
            (r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", 0.7),
            (r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s?(?:[AaPp]\.?[Mm]\.?)?(?!\w)", 0.6),
            # a year: only with a context word (in, since, founded, born, ...)
            (r"(?<![\w\-./#])(?:19|20)\d{2}(?![\w\-/]|\.\d)", 0.3),
        ),
        context=_words(
            "in|since|during|year|born|founded|established|date|when|on|until|from|of|by|dob"
        ),
        window=16,
    ),
)


class _Compiled:
    """The recognizers with their regexes compiled once, on first use."""

    def __init__(self, recognizers: tuple[PatternRecognizer, ...]) -> None:
        self.items = [(r, r.compiled()) for r in recognizers]
        self.context = {
            r.entity: re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(w) for w in r.context) + r")(?!\w)",
                re.IGNORECASE,
            )
            for r in recognizers
            if r.context
        }


@functools.cache
def _compiled() -> _Compiled:
    return _Compiled(RECOGNIZERS)


def recognize(text: str, entities: frozenset[str] | None = None) -> list[RawSpan]:
    """All pattern matches in ``text`` (possibly overlapping) with their final scores."""
    compiled = _compiled()
    out: list[RawSpan] = []
    for rec, patterns in compiled.items:
        if entities is not None and rec.entity not in entities:
            continue
        ctx = compiled.context.get(rec.entity)
        seen: set[tuple[int, int]] = set()
        for pattern, base in patterns:
            group = "v" if "v" in pattern.groupindex else 0
            for m in pattern.finditer(text):
                start, end = m.span(group)
                if (start, end) in seen:
                    continue
                value = m.group(group)
                if rec.validate is not None and not rec.validate(value):
                    continue
                score = base
                if ctx is not None and (
                    ctx.search(text, max(0, start - rec.window), start)
                    or (rec.after and ctx.search(text, end, end + rec.after))
                ):
                    score = min(1.0, score + CONTEXT_BOOST)
                if score >= MIN_SCORE:
                    seen.add((start, end))
                    out.append((start, end, rec.entity, score))
    return out
