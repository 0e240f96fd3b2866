"""The data-readiness report of a knowledge base: what to fix before trusting its answers.

:func:`build_report` reads the stored documents and chunks (``documents``, ``chunks``) in a
read-only transaction, runs the knowledge base's connector(s) to list the files that could
not be read, and, given questions, retrieves for each. :func:`write_report` writes one
self-contained HTML page (Plotly charts, plotly.js inline: no network needed to view it)
and a JSON with the same figures. The findings at the top are in plain words.

How each figure is decided:

* **Type and size**: the file extension of ``source`` and the stored UTF-8 size.
* **Unreadable files**: the connector's :class:`~genaiops.knowledge.connectors.SkippedFile`
  reasons, grouped (empty, too large, not UTF-8, binary, unreadable, missing).
* **Exact duplicates**: the same text (SHA-256 over whitespace-normalised text, so a copy
  under another name or title counts).
* **Near duplicates**: word 5-shingles, MinHash (128 permutations, LSH in 32 bands of 4)
  for candidates, then the Jaccard similarity of the two shingle sets, exact; a pair at
  0.8 or more is reported. Chosen over the cosine of mean chunk embeddings because it
  measures shared *text* (two versions of one policy) and not shared *topic*, does not
  depend on the embedder, and reads as "80% of their phrases are the same".
* **Language**: a light heuristic: the script of the letters (Cyrillic, Greek, Arabic,
  Hebrew, Devanagari, Thai, Hangul, kana, Han), then, for Latin text, which of seven
  languages' (en, de, fr, es, it, pt, nl) commonest words make up most of the text.
  ``und`` (undetermined) when too little text or no language's words dominate.
* **PII**: :func:`genaiops.guardrails.pii.detect_pii` over each chunk's new text (the overlap
  with the previous chunk is not counted twice). The report shows counts and where
  (``source#chunk``), never the values. Personal identifiers (names, emails, phone and
  card numbers, ...) are told apart from context entities (dates, places, organisations).
* **Staleness**: ``documents.modified_at``, else the file's modification time.
* **Coverage**: the best cosine score of :meth:`KnowledgeBase.retrieve` per question; a
  question is weakly covered when no chunk reaches ``min_score`` (0.5 by default, set for
  the MiniLM embedder: on the example, answerable questions score 0.57-0.85 and unrelated
  ones 0.08-0.33) or when its expected ``source`` is not among the top ``k``.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa
import yaml

from genaiops.errors import InputError
from genaiops.knowledge.base import KnowledgeBase
from genaiops.reports.page import ReportEncoder, script_json
from genaiops.storage import Database
from genaiops.storage.schema import chunks, documents

__all__ = [
    "CoverageRow",
    "DocumentRow",
    "Finding",
    "NearDuplicate",
    "Question",
    "ReadinessReport",
    "build_report",
    "detect_language",
    "load_questions",
    "near_duplicates",
    "render_html",
    "write_report",
]

DEFAULT_MIN_SCORE = 0.5
DEFAULT_STALE_DAYS = 365
NEAR_DUPLICATE_JACCARD = 0.8
HUGE_BYTES = 1_000_000  # more text than a document: usually an export or a log
TINY_WORDS = 20  # fewer words than a paragraph: nearly empty
SHORT_CHUNK_TOKENS = 16
PERSONAL = frozenset(
    {
        "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN",
        "UK_NHS", "US_PASSPORT", "US_DRIVER_LICENSE", "US_ITIN", "US_BANK_NUMBER", "CRYPTO",
        "IP_ADDRESS",
    }
)  # fmt: skip
ENTITY_WORDS = {  # (one, many) for the summary
    "PERSON": ("person name", "person names"),
    "EMAIL_ADDRESS": ("email address", "email addresses"),
    "PHONE_NUMBER": ("phone number", "phone numbers"),
    "CREDIT_CARD": ("card number", "card numbers"),
    "IBAN_CODE": ("IBAN", "IBANs"),
    "US_SSN": ("social security number", "social security numbers"),
    "IP_ADDRESS": ("IP address", "IP addresses"),
}
LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian (Cyrillic)", "el": "Greek",
    "ar": "Arabic", "he": "Hebrew", "hi": "Hindi (Devanagari)", "th": "Thai", "ko": "Korean",
    "ja": "Japanese", "zh": "Chinese", "und": "undetermined",
}  # fmt: skip

Level = Literal["bad", "warn", "ok"]


@dataclass(frozen=True)
class Finding:
    """One line of the summary: ``bad`` must be fixed, ``warn`` should be looked at."""

    level: Level
    title: str
    detail: str = ""


@dataclass
class DocumentRow:
    source: str
    title: str
    type: str
    mime: str
    size_bytes: int
    chunks: int
    tokens: int
    words: int
    language: str
    modified: str | None  # ISO date
    age_days: int | None
    pii: dict[str, int] = field(default_factory=dict)
    pii_chunks: list[int] = field(default_factory=list)  # ordinals of chunks with personal data
    flags: list[str] = field(default_factory=list)  # empty, huge, stale, duplicate, ...


@dataclass(frozen=True)
class NearDuplicate:
    a: str
    b: str
    jaccard: float


@dataclass(frozen=True)
class Question:
    question: str
    source: str | None = None


@dataclass(frozen=True)
class CoverageRow:
    question: str
    source: str | None  # the file the question expects, if given
    best_score: float
    best_source: str | None
    expected_rank: int | None  # 1-based rank of the expected source in the top k
    weak: bool


@dataclass
class ReadinessReport:
    kb: str
    generated_at: str
    embedder: str
    chunk_size: int
    stale_days: int
    min_score: float
    k: int
    totals: dict[str, int]
    findings: list[Finding]
    documents: list[DocumentRow]
    skipped: list[dict[str, str]]  # source, reason, category
    changed_on_disk: list[str]  # readable files new or changed since the last ingest
    missing_on_disk: list[str]  # stored documents whose file the connector no longer finds
    exact_duplicates: list[list[str]]
    near_duplicates: list[NearDuplicate]
    chunk_tokens: dict[str, Any]  # edges, counts, median, p95, short
    coverage: list[CoverageRow] | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- language -------------------------------------------------------------------------------

_STOPWORDS = {
    "en": "the and of to in is that for it with as on are this be by or from at an not have "
    "you your we our will can if",
    "de": "der die und das ist nicht mit den von zu ein eine auf für sich dem des im auch es "
    "sie wir werden bei oder",
    "fr": "le la les et des est une un du pour que dans en pas qui sur au avec ce nous vous "
    "sont par plus",
    "es": "el la los las y que en es por una un para con del se no su al lo como más son",
    "it": "il lo la gli le e di che è per una un con del della non sono si al nel anche",
    "pt": "o os as e que em é para um uma com do da não se por no na são mais dos",
    "nl": "het een en van is dat op te voor met niet zijn er aan ook wordt bij naar",
}
_STOP = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_SCRIPTS = (  # (unicodedata name prefix, language code)
    ("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"),
    ("CYRILLIC", "ru"), ("GREEK", "el"), ("ARABIC", "ar"), ("HEBREW", "he"),
    ("DEVANAGARI", "hi"), ("THAI", "th"),
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, sample: int = 20_000) -> str:
    """An ISO 639-1 code for ``text`` (its first ``sample`` characters), or ``und``."""
    text = text[:sample]
    scripts: Counter[str] = Counter()
    letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ord(ch) > 0x24F:  # beyond Latin Extended-B
                name = unicodedata.name(ch, "")
                code = next((c for prefix, c in _SCRIPTS if name.startswith(prefix)), None)
                if code:
                    scripts[code] += 1
    if letters < 20:
        return "und"
    if scripts and sum(scripts.values()) > letters / 2:
        if scripts["ja"]:  # kana with Han is Japanese
            return "ja"
        return scripts.most_common(1)[0][0]
    words = [w.lower() for w in _WORD.findall(text)]
    hits = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
    lang, best = max(hits.items(), key=lambda kv: kv[1])
    return lang if best >= max(3, 0.08 * len(words)) else "und"


# -- near duplicates ------------------------------------------------------------------------

_PRIME = np.uint64((1 << 61) - 1)
_PERMUTATIONS, _BANDS = 128, 32
_rng = np.random.default_rng(20261202)  # fixed: the same text gives the same signature
_A = _rng.integers(1, 1 << 32, _PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, _PERMUTATIONS, dtype=np.uint64)


def _shingles(text: str, size: int = 5) -> npt.NDArray[np.uint64]:
    """The distinct 32-bit hashes of ``text``'s word ``size``-grams (lower-cased)."""
    words = [w.lower() for w in re.findall(r"\w+", text)]
    if len(words) < size:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return np.unique(np.array([zlib.crc32(g.encode()) for g in grams], dtype=np.uint64))


def _signature(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    sig = np.full(_PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), 4096):  # bounded memory for a large document
        block = shingles[start : start + 4096, None]
        sig = np.minimum(sig, ((block * _A + _B) % _PRIME).min(axis=0))  # a*x < 2^64: exact
    return sig


def near_duplicates(
    texts: dict[str, str], threshold: float = NEAR_DUPLICATE_JACCARD
) -> list[NearDuplicate]:
    """Pairs of texts whose word 5-shingle sets have a Jaccard similarity of at least
    ``threshold``: MinHash + LSH find the candidates, the exact Jaccard decides."""
    sets = {name: _shingles(text) for name, text in texts.items()}
    sets = {name: s for name, s in sets.items() if len(s)}
    buckets: defaultdict[tuple[int, bytes], list[str]] = defaultdict(list)
    rows = _PERMUTATIONS // _BANDS
    for name, s in sets.items():
        sig = _signature(s)
        for band in range(_BANDS):
            buckets[(band, sig[band * rows : (band + 1) * rows].tobytes())].append(name)
    candidates = {
        (a, b) if a < b else (b, a)
        for names in buckets.values()
        for i, a in enumerate(names)
        for b in names[i + 1 :]
    }
    pairs = []
    for a, b in sorted(candidates):
        inter = len(np.intersect1d(sets[a], sets[b], assume_unique=True))
        jaccard = inter / (len(sets[a]) + len(sets[b]) - inter)
        if jaccard >= threshold:
            pairs.append(NearDuplicate(a, b, round(jaccard, 3)))
    return sorted(pairs, key=lambda p: (-p.jaccard, p.a, p.b))


# -- reading the store ----------------------------------------------------------------------


@dataclass
class _StoredDoc:
    id: int
    source: str
    title: str
    mime: str
    uri: str
    size_bytes: int
    modified: datetime | None
    parts: list[str] = field(default_factory=list)  # new text of each chunk, in order
    tokens: list[int] = field(default_factory=list)
    pii: Counter[str] = field(default_factory=Counter)
    pii_chunks: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return "\n".join(self.parts)


def _read_store(conn: sa.Connection, kb: str, scan_pii: bool) -> list[_StoredDoc]:
    """Every stored document of ``kb`` with its text rebuilt from its chunks (the overlap
    with the previous chunk dropped), chunk sizes, and PII counts, in one pass."""
    from genaiops.guardrails.pii import detect_pii

    rows = conn.execute(
        sa.select(
            documents.c.id, documents.c.source, documents.c.title, documents.c.mime,
            documents.c.uri, documents.c.size_bytes, documents.c.modified_at,
        ).where(documents.c.kb == kb).order_by(documents.c.source)
    )  # fmt: skip
    docs = {
        r.id: _StoredDoc(r.id, r.source, r.title, r.mime, r.uri, int(r.size_bytes), r.modified_at)
        for r in rows
    }
    stream = conn.execution_options(stream_results=True, yield_per=500).execute(
        sa.select(
            chunks.c.document_id, chunks.c.ordinal, chunks.c.text, chunks.c.start_char,
            chunks.c.end_char, chunks.c.n_tokens,
        )
        .where(chunks.c.kb == kb)
        .order_by(chunks.c.document_id, chunks.c.start_char, chunks.c.ordinal)
    )  # fmt: skip
    covered: dict[int, int] = {}
    for r in stream:
        doc = docs.get(r.document_id)
        if doc is None:
            continue
        doc.tokens.append(int(r.n_tokens))
        seen = covered.get(doc.id, 0)
        new = r.text if r.start_char >= seen else r.text[min(seen - r.start_char, len(r.text)) :]
        covered[doc.id] = max(seen, r.end_char)
        if not new.strip():
            continue
        doc.parts.append(new)
        if scan_pii:
            for span in detect_pii(new):
                if span.entity == "PERSON" and not _full_name(
                    new[span.start : span.end], span.score
                ):
                    continue
                doc.pii[span.entity] += 1
                if span.entity in PERSONAL:
                    doc.pii_chunks.add(int(r.ordinal))
    return list(docs.values())


def _full_name(text: str, score: float) -> bool:
    """Whether a PERSON span reads as a person's full name: two or more capitalised words
    and a tagger score of at least 0.45. On the example documents this keeps the nine real
    names, drops the 40 single words the tagger takes for names (months, towns, products)
    and leaves two false alarms (a colour, "Fenwick T")."""
    words = text.split()
    return score >= 0.45 and len(words) >= 2 and all(w[:1].isupper() for w in words)


def _category(reason: str) -> str:
    low = reason.lower()
    for key, words in (
        ("empty", ("empty",)),
        ("too large", ("max_file_mb", "too large", "over the")),
        ("not UTF-8 text", ("utf-8", "encoding")),
        ("binary", ("binary", "nul bytes")),
        ("missing", ("does not exist", "not found")),
        ("unreadable", ("unreadable", "permission", "denied")),
    ):
        if any(w in low for w in words):
            return key
    return "could not be parsed"


def _file_mtime(doc: _StoredDoc, base_dir: Path) -> datetime | None:
    for candidate in (base_dir / doc.source, Path(doc.uri) if doc.uri else None):
        if candidate is not None and "://" not in str(candidate) and candidate.is_file():
            return datetime.fromtimestamp(candidate.stat().st_mtime, tz=UTC)
    return None


# -- questions ------------------------------------------------------------------------------


def load_questions(path: Path) -> list[Question]:
    """Questions from a YAML list: strings, or mappings with ``question`` and an optional
    ``source`` (the file expected to answer it), as in ``examples/fenwick/questions.yaml``."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the questions file: {exc}") from None
    if not isinstance(data, list) or not data:
        raise InputError(f"{path}: expected a YAML list of questions (- question: ...)")
    out = []
    for i, item in enumerate(data, 1):
        if isinstance(item, str) and item.strip():
            out.append(Question(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("question"), str):
            source = item.get("source")
            out.append(Question(item["question"].strip(), str(source) if source else None))
        else:
            raise InputError(
                f"{path}: item {i} has no 'question' text; write '- question: How ...?' "
                f"with an optional 'source: file.md'"
            )
    return out


def _coverage(
    kb: KnowledgeBase, questions: Sequence[Question], k: int, min_score: float
) -> list[CoverageRow]:
    """Each question retrieved as the knowledge base's own retrieval settings do it (as a
    caller of the default tenant without groups), judged by the cosine similarity of its
    best passage, whatever the mode ranks by."""
    rows = []
    for q in questions:
        hits = kb.retrieve(q.question, k)
        scored = [(h.dense_score if h.dense_score is not None else h.score, h) for h in hits]
        best_score, best = max(scored, key=lambda sh: sh[0], default=(0.0, None))
        sources = list(dict.fromkeys(h.source for h in hits))
        rank = next(
            (i for i, s in enumerate(sources, 1) if q.source and _same_file(s, q.source)), None
        )
        weak = best_score < min_score or (q.source is not None and rank is None)
        rows.append(
            CoverageRow(
                q.question,
                q.source,
                round(best_score, 4),
                best.source if best else None,
                rank,
                weak,
            )
        )
    return rows


def _same_file(source: str, expected: str) -> bool:
    """Whether a stored source id is the file a question names (by path or file name)."""
    return source == expected or source.endswith(f"/{expected.lstrip('/')}")


# -- the report -----------------------------------------------------------------------------


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def _size_label(n: float) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1000 or unit == "MB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1000
    return f"{n:.1f} MB"  # pragma: no cover - the loop returns


def build_report(
    kb: KnowledgeBase,
    db: Database,
    questions: Sequence[Question] | None = None,
    stale_days: int = DEFAULT_STALE_DAYS,
    min_score: float = DEFAULT_MIN_SCORE,
    k: int = 5,
    scan_pii: bool = True,
    now: datetime | None = None,
) -> ReadinessReport:
    """Measure ``kb``'s readiness: read the store (read-only), scan its sources for files
    that cannot be read, and retrieve for each of ``questions``."""
    now = now or datetime.now(UTC)
    with db.engine.connect() as conn:
        conn.execute(sa.text("SET TRANSACTION READ ONLY"))  # the report never writes
        stored = _read_store(conn, kb.name, scan_pii)
        checksums: dict[str, str] = {
            r.source: r.checksum
            for r in conn.execute(
                sa.select(documents.c.source, documents.c.checksum).where(documents.c.kb == kb.name)
            )
        }
        conn.rollback()
    found, skipped = kb.read()  # every connector of the knowledge base, read again
    on_disk = {d.source: d.checksum for d in found}
    failed = {s.source for s in skipped}
    changed = sorted(s for s, c in on_disk.items() if checksums.get(s) != c)
    missing = sorted(s for s in checksums if s not in on_disk and s not in failed)
    rows = [_document_row(d, kb.base_dir, now, stale_days) for d in stored]
    texts = {d.source: d.text for d in stored}
    exact = _exact_duplicates(texts)
    near = [p for p in near_duplicates(texts) if not any({p.a, p.b} <= set(g) for g in exact)]
    for group in exact:
        for row in rows:
            if row.source in group:
                row.flags.append("duplicate")
    for p in near:
        for row in rows:
            if row.source in (p.a, p.b) and "near duplicate" not in row.flags:
                row.flags.append("near duplicate")
    all_tokens = [t for d in stored for t in d.tokens]
    coverage = _coverage(kb, questions, k, min_score) if questions else None
    report = ReadinessReport(
        kb=kb.name,
        generated_at=now.isoformat(timespec="seconds"),
        embedder=kb.embedder.name,
        chunk_size=kb.config.chunk_size,
        stale_days=stale_days,
        min_score=min_score,
        k=k,
        totals={
            "documents": len(stored),
            "chunks": len(all_tokens),
            "tokens": int(sum(all_tokens)),
            "bytes": sum(d.size_bytes for d in stored),
            "skipped": len(skipped),
        },
        findings=[],
        documents=rows,
        skipped=[
            {"source": s.source, "reason": s.reason, "category": _category(s.reason)}
            for s in skipped
        ],
        changed_on_disk=changed,
        missing_on_disk=missing,
        exact_duplicates=exact,
        near_duplicates=near,
        chunk_tokens=_token_histogram(all_tokens, kb.config.chunk_size),
        coverage=coverage,
    )
    report.findings = _findings(report)
    return report


def _document_row(doc: _StoredDoc, base_dir: Path, now: datetime, stale_days: int) -> DocumentRow:
    text = doc.text
    words = len(re.findall(r"\w+", text))
    modified = doc.modified or _file_mtime(doc, base_dir)
    age = (now - modified).days if modified else None
    suffix = PurePosixPath(doc.source).suffix.lower().lstrip(".")
    flags = []
    if words < TINY_WORDS:
        flags.append("nearly empty")
    if doc.size_bytes >= HUGE_BYTES:
        flags.append("huge")
    if age is not None and age > stale_days:
        flags.append("stale")
    if any(e in PERSONAL for e in doc.pii):
        flags.append("personal data")
    return DocumentRow(
        source=doc.source,
        title=doc.title,
        type=suffix or "(none)",
        mime=doc.mime,
        size_bytes=doc.size_bytes,
        chunks=len(doc.tokens),
        tokens=int(sum(doc.tokens)),
        words=words,
        language=detect_language(text),
        modified=modified.date().isoformat() if modified else None,
        age_days=age,
        pii=dict(sorted(doc.pii.items())),
        pii_chunks=sorted(doc.pii_chunks),
        flags=flags,
    )


def _exact_duplicates(texts: dict[str, str]) -> list[list[str]]:
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for source, text in texts.items():
        norm = " ".join(text.split())
        if norm:
            groups[hashlib.sha256(norm.encode("utf-8")).hexdigest()].append(source)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def _token_histogram(tokens: Sequence[int], chunk_size: int) -> dict[str, Any]:
    top = max([chunk_size, *tokens]) if tokens else chunk_size
    width = max(1, chunk_size // 10)
    edges = list(range(0, top + width, width))
    counts, _ = np.histogram(np.asarray(tokens, dtype=np.int64), bins=edges)
    arr = np.asarray(tokens or [0])
    return {
        "edges": edges,
        "counts": [int(c) for c in counts],
        "median": float(np.median(arr)),
        "p95": float(np.percentile(arr, 95)),
        "max": int(arr.max()),
        "short": int(sum(t < SHORT_CHUNK_TOKENS for t in tokens)),
    }


def _pii_totals(rows: Iterable[DocumentRow]) -> tuple[Counter[str], Counter[str], int]:
    personal: Counter[str] = Counter()
    context: Counter[str] = Counter()
    docs = 0
    for row in rows:
        docs += any(e in PERSONAL for e in row.pii)
        for entity, n in row.pii.items():
            (personal if entity in PERSONAL else context)[entity] += n
    return personal, context, docs


def _findings(r: ReadinessReport) -> list[Finding]:
    out: list[Finding] = []
    n_docs = r.totals["documents"]
    if r.skipped:
        kinds = Counter(s["category"] for s in r.skipped)
        out.append(
            Finding(
                "bad",
                f"{_plural(len(r.skipped), 'file')} could not be read",
                ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
                + ". They are not in the knowledge base, so no answer can come from them.",
            )
        )
    if r.coverage:
        weak = [c for c in r.coverage if c.weak]
        out.append(
            Finding(
                "bad" if weak else "ok",
                f"{len(weak)} of {_plural(len(r.coverage), 'question')} have no good source"
                if weak
                else f"All {_plural(len(r.coverage), 'question')} find a good source",
                f"A good source is a passage scoring at least {r.min_score:.2f} (and the "
                f"expected file among the top {r.k}, where the question names one).",
            )
        )
    if r.exact_duplicates:
        files = sum(len(g) for g in r.exact_duplicates)
        out.append(
            Finding(
                "warn",
                f"{_plural(len(r.exact_duplicates), 'set')} of identical documents ({files} files)",
                "Keep one copy of each: copies crowd other sources out of the answers.",
            )
        )
    if r.near_duplicates:
        out.append(
            Finding(
                "warn",
                f"{_plural(len(r.near_duplicates), 'near-duplicate pair')}",
                "Documents that share most of their wording, often an old and a new version: "
                "keep the current one so answers do not mix them.",
            )
        )
    personal, _, pii_docs = _pii_totals(r.documents)
    if personal:
        what = ", ".join(
            _plural(n, *ENTITY_WORDS.get(e, (e.lower().replace("_", " "),) * 2))
            for e, n in personal.most_common()
        )
        out.append(
            Finding(
                "warn",
                f"Personal data in {_plural(pii_docs, 'document')}",
                f"{what} (automatic detection: expect some false alarms). Mask or remove them, "
                f"or set the knowledge base's pii option, before answers can quote them.",
            )
        )
    stale = [d for d in r.documents if "stale" in d.flags]
    if stale:
        oldest = max(stale, key=lambda d: d.age_days or 0)
        out.append(
            Finding(
                "warn",
                f"{_plural(len(stale), 'document')} not changed in over {r.stale_days} days",
                f"The oldest is {oldest.source} ({oldest.modified}). Check they are still true.",
            )
        )
    for flag, title, why in (
        ("nearly empty", "nearly empty", f"fewer than {TINY_WORDS} words"),
        ("huge", "very large", f"over {_size_label(HUGE_BYTES)} of text: an export or a log?"),
    ):
        hit = [d.source for d in r.documents if flag in d.flags]
        if hit:
            out.append(Finding("warn", f"{_plural(len(hit), 'document')} {title}", why))
    if r.changed_on_disk or r.missing_on_disk:
        out.append(
            Finding(
                "warn",
                f"The knowledge base is out of date: {len(r.changed_on_disk)} new or changed, "
                f"{len(r.missing_on_disk)} deleted",
                f"Run 'genaiops kb ingest {r.kb}' to bring it in line with the files.",
            )
        )
    langs = Counter(d.language for d in r.documents)
    if langs:
        names = ", ".join(
            f"{LANGUAGE_NAMES.get(lang, lang)} {n}" for lang, n in langs.most_common()
        )
        out.append(
            Finding(
                "ok" if len(langs) == 1 else "warn",
                f"Languages: {names}",
                "The embedder reads English best; other languages retrieve less well."
                if set(langs) - {"en"}
                else "",
            )
        )
    short = r.chunk_tokens["short"]
    if r.totals["chunks"]:
        out.append(
            Finding(
                "warn" if short > 0.2 * r.totals["chunks"] else "ok",
                f"{_plural(r.totals['chunks'], 'passage')} from {_plural(n_docs, 'document')}, "
                f"median {r.chunk_tokens['median']:.0f} tokens (limit {r.chunk_size})",
                f"{short} passages under {SHORT_CHUNK_TOKENS} tokens carry little meaning."
                if short
                else "",
            )
        )
    if not n_docs:
        out.insert(0, Finding("bad", "The knowledge base holds no document", "Ingest it first."))
    if not any(f.level != "ok" for f in out):
        out.insert(0, Finding("ok", "No problem found"))
    order = {"bad": 0, "warn": 1, "ok": 2}
    return sorted(out, key=lambda f: order[f.level])


# -- rendering ------------------------------------------------------------------------------

_BLUE, _RED, _GREEN, _GREY = "#3b6ea8", "#b33", "#3a8a4a", "#9aa3ad"


def _bars(x: Iterable[Any], y: Iterable[Any], color: Any = _BLUE, **extra: Any) -> dict[str, Any]:
    return {"type": "bar", "x": list(x), "y": list(y), "marker": {"color": color}} | extra


def _vline(x: float) -> dict[str, Any]:
    return {
        "type": "line", "x0": x, "x1": x, "y0": 0, "y1": 1, "yref": "paper",
        "line": {"dash": "dash", "color": _RED},
    }  # fmt: skip


def _figure(
    fid: str, title: str, caption: str, trace: dict[str, Any], **layout: Any
) -> dict[str, Any]:
    base = {
        "template": "plotly_white", "height": 280, "bargap": 0.15,
        "margin": {"t": 10, "r": 10, "b": 50, "l": 60},
    }  # fmt: skip
    return {"id": fid, "title": title, "caption": caption, "data": [trace], "layout": base | layout}


def _figures(r: ReadinessReport) -> list[dict[str, Any]]:
    """The Plotly figures (data + layout) with their titles and captions."""
    docs = r.documents
    counted = {"yaxis": {"title": {"text": "documents"}}}
    types = Counter(d.type for d in docs)
    buckets = [("< 1 KB", 1e3), ("1-10 KB", 1e4), ("10-100 KB", 1e5), ("100 KB-1 MB", 1e6)]
    sizes = Counter(next((b for b, top in buckets if d.size_bytes < top), "> 1 MB") for d in docs)
    size_labels = [b for b, _ in buckets] + ["> 1 MB"]
    langs = Counter(LANGUAGE_NAMES.get(d.language, d.language) for d in docs)
    ages = [d.age_days / 365.25 for d in docs if d.age_days is not None]
    h = r.chunk_tokens
    mids = [(a + b) / 2 for a, b in itertools.pairwise(h["edges"])]
    personal, context, _ = _pii_totals(docs)
    entities = [*personal.most_common(), *context.most_common()][::-1]  # largest on top
    figs = [
        _figure("types", "Documents by type", "Documents of each file type.",
                _bars(types, types.values()), **counted),
        _figure("sizes", "Documents by size", "Text stored per document.",
                _bars(size_labels, [sizes[b] for b in size_labels]), **counted),
        _figure("languages", "Languages", "Language of each document (a light heuristic).",
                _bars(langs, langs.values()), **counted),
        _figure("ages", "Document age",
                f"Years since each document last changed; dashed: {r.stale_days} days.",
                {"type": "histogram", "x": ages, "nbinsx": 20, "marker": {"color": _BLUE}},
                xaxis={"title": {"text": "years"}, "rangemode": "tozero"},
                shapes=[_vline(r.stale_days / 365.25)], **counted),
        _figure("chunks", "Passage length",
                f"Tokens per passage (chunk); dashed: the limit, {r.chunk_size} tokens.",
                _bars(mids, h["counts"], width=max(1, r.chunk_size // 10) * 0.9),
                xaxis={"title": {"text": "tokens"}}, yaxis={"title": {"text": "passages"}},
                shapes=[_vline(r.chunk_size)]),
        _figure("pii", "Personal data found",
                "Entities found in the passages: red ones identify people (values never shown), "
                "grey ones are context.",
                _bars([n for _, n in entities], [e for e, _ in entities],
                      [_RED if e in PERSONAL else _GREY for e, _ in entities], orientation="h"),
                height=max(160, 24 * len(entities) + 60),
                margin={"t": 10, "r": 10, "b": 40, "l": 150}),
    ]  # fmt: skip
    if r.coverage:
        cov = r.coverage[::-1]
        figs.append(
            _figure("coverage", "Question coverage",
                    f"Best passage score per question. Red: weak (below {r.min_score:.2f}, dashed, "
                    f"or the expected file not in the top {r.k}).",
                    _bars([c.best_score for c in cov], [_short(c.question) for c in cov],
                          [_RED if c.weak else _GREEN for c in cov], orientation="h"),
                    height=max(200, 26 * len(cov) + 60),
                    margin={"t": 10, "r": 10, "b": 40, "l": 330},
                    xaxis={"range": [0, 1], "title": {"text": "cosine score"}},
                    shapes=[_vline(r.min_score)])
        )  # fmt: skip
    return figs


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def render_html(report: ReadinessReport) -> str:
    """The self-contained page: plotly.js inline, each figure validated by Plotly."""
    import jinja2
    import plotly.graph_objects as go
    from markupsafe import Markup
    from plotly.offline import get_plotlyjs

    figures = [
        f | {"spec": go.Figure({"data": f["data"], "layout": f["layout"]}).to_plotly_json()}
        for f in _figures(report)
    ]
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["script_json"] = lambda v: Markup(script_json(v))
    env.filters["size"] = _size_label
    template = resources.files("genaiops").joinpath("templates/kb_report.html.j2")
    return env.from_string(template.read_text("utf-8")).render(
        r=report,
        figures=figures,
        plotly_js=Markup(get_plotlyjs()),
        generated=datetime.fromisoformat(report.generated_at).strftime("%d %b %Y %H:%M %Z"),
        pii_rows=[d for d in report.documents if d.pii_chunks],
        flagged=[d for d in report.documents if set(d.flags) - {"personal data"}],
        personal_entities=PERSONAL,
        language_names=LANGUAGE_NAMES,
    )


def write_report(report: ReadinessReport, out_dir: Path) -> tuple[Path, Path]:
    """Write ``<kb>-readiness.html`` and ``<kb>-readiness.json`` (the report and its figures'
    data) under ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", report.kb) + "-readiness"
    html, data = out_dir / f"{stem}.html", out_dir / f"{stem}.json"
    html.write_text(render_html(report), "utf-8")
    figures = {f["id"]: {"data": f["data"], "layout": f["layout"]} for f in _figures(report)}
    payload = report.to_dict() | {"figures": figures}
    data.write_text(json.dumps(payload, indent=2, cls=ReportEncoder) + "\n", "utf-8")
    return html, data
