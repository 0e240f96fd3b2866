"""Test-set generation: questions drawn from a knowledge base's chunks, kept only when
they are answerable and findable; plus questions the documents cannot answer.

Answerable questions
    Chunks are drawn at random (seeded). The configured model reads one chunk and writes
    one question and its short answer. A pair is kept only when

    * the answer is in its chunk (normalized substring, or every number and 80% of the
      answer's words are there): a small model invents answers, and an invented
      reference would grade every candidate against a wrong answer;
    * the question does not contain its answer (a question that gives itself away
      measures nothing);
    * the chunk's document is retrievable for the question: top-k retrieval (the knowledge
      base's own settings, k the default app's ``top_k``) returns it. A question the
      retriever cannot find would measure the retriever's blind spot in every candidate,
      not the candidates;
    * it is not a duplicate: same normalized text, or a MiniLM cosine above 0.92 with a
      question already kept.

    Kept items are marked ``generated: true`` with the chunk in ``meta``; every rejection is
    counted by reason, so a poor generator shows up as a low yield, not as a bad dataset.

Unanswerable distractors
    Made from templates, with no model: questions about invented products and about
    topics chosen to be absent from the documents. One is kept only when its invented name
    occurs in no chunk and its best retrieval cosine is below a threshold: the lower of
    ``max_distractor_score`` and the 10th percentile of the kept questions' best scores,
    so a distractor is always further from the documents than nearly every real question.
"""

from __future__ import annotations

import random
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import sqlalchemy as sa

from genaiops.apps.metering import MeterSink, metering
from genaiops.costs.ledger import Attribution
from genaiops.errors import InputError
from genaiops.evaluation.cache import CachingProvider, ResponseCache
from genaiops.evaluation.datasets import EvalItem, default_id
from genaiops.evaluation.metrics import normalize_answer
from genaiops.knowledge.acl import reader_clause
from genaiops.models.base import ChatOptions, Message
from genaiops.stats import percentile
from genaiops.storage.schema import chunks, documents

if TYPE_CHECKING:
    from genaiops.knowledge.base import KnowledgeBase
    from genaiops.knowledge.store import RetrievedChunk
    from genaiops.runtime import Runtime

__all__ = ["GenerateReport", "StoredChunk", "generate_testset", "make_distractors", "parse_qa"]

DUPLICATE_COSINE = 0.92
MIN_CHUNK_WORDS = 12

PROMPT = """Passage:
{text}

Write one question that this passage answers, and its short answer (a few words copied \
from the passage). Reply in exactly this form:
Question: <the question>
Answer: <the short answer>"""

SYSTEM = "You write exam questions about a company's documents."

_QUESTION = re.compile(r"question\s*[:\-]\s*(.+)", re.IGNORECASE)
_ANSWER = re.compile(r"answer\s*[:\-]\s*(.+)", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

_NAMES = ("Aurora", "Zephyr", "Nimbus", "Vortex", "Meridian", "Quasar", "Tundra", "Solace")
_MODELS = ("X9", "900", "Pro 7", "Lite 3", "GT", "Max 12")
_PRODUCT_TEMPLATES = (
    "How much does the {name} cost?",
    "What is the top speed of the {name}?",
    "When was the {name} discontinued?",
    "Who designed the {name}?",
    "What colours does the {name} come in?",
    "How heavy is the {name}?",
)
_TOPICS = (
    "pet insurance for employees",
    "cryptocurrency payments",
    "drone deliveries",
    "in-store childcare",
    "yacht charters",
    "franchise fees",
    "a company pension for contractors",
    "tattoos at work",
)
_TOPIC_TEMPLATES = (
    "What is the policy on {topic}?",
    "How much does the company charge for {topic}?",
    "Who is responsible for {topic}?",
)


@dataclass(frozen=True)
class StoredChunk:
    id: int
    source: str
    ordinal: int
    heading: str
    text: str


@dataclass
class GenerateReport:
    items: list[EvalItem] = field(default_factory=list)
    tried: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    distractors: int = 0
    distractor_threshold: float = 0.0
    kept_scores: list[float] = field(default_factory=list)


def parse_qa(reply: str) -> tuple[str, str] | None:
    """The question and answer of a generator's reply, or None."""
    q = _QUESTION.search(reply)
    a = _ANSWER.search(reply)
    if q is None or a is None:
        return None
    question = q.group(1).strip().strip("\"'* ")
    answer = a.group(1).strip().strip("\"'* ").rstrip(".")
    if question.lower().startswith("answer") or not answer:
        return None
    if not question.endswith("?"):
        question = question.rstrip(".") + "?"
    if not 3 <= len(question.split()) <= 40 or len(answer.split()) > 20:
        return None
    return question, answer


def answer_in_text(answer: str, text: str) -> bool:
    """The answer is stated in ``text``: as a normalized substring, or with every number
    and at least 80% of its words present."""
    a, t = normalize_answer(answer), normalize_answer(text)
    if not a:
        return False
    if a in t:
        return True
    numbers = {n.replace(",", "") for n in _NUMBER.findall(answer)}
    have = {n.replace(",", "") for n in _NUMBER.findall(text)}
    if not numbers <= have:
        return False
    words = a.split()
    found = set(t.split())
    return sum(w in found for w in words) >= 0.8 * len(words)


def _read_chunks(runtime: Runtime, kb: str, *, public_only: bool = False) -> list[StoredChunk]:
    """The chunks of ``kb``; with ``public_only``, only those a caller-less retrieval may
    read (the default tenant's public documents, :func:`~genaiops.knowledge.acl.reader_clause`
    with no reader): what a fine-tuned model, callable by every key, may learn from."""
    query = (
        sa.select(
            chunks.c.id, documents.c.source, chunks.c.ordinal, chunks.c.heading, chunks.c.text
        )
        .join(documents, documents.c.id == chunks.c.document_id)
        .where(chunks.c.kb == kb)
        .order_by(chunks.c.id)
    )
    if public_only:
        query = query.where(reader_clause(chunks, None))
    with runtime.db.engine.connect() as conn:
        return [
            StoredChunk(r.id, r.source, r.ordinal, r.heading, r.text) for r in conn.execute(query)
        ]


def _cosine(hit: RetrievedChunk) -> float:
    """A hit's cosine similarity with the question, whatever the mode ranked it by
    (hybrid fuses ranks: its score is not a similarity, and the distractors' threshold
    compares similarities)."""
    return float(hit.dense_score if hit.dense_score is not None else hit.score)


def _top_score(kb: KnowledgeBase, question: str) -> float:
    """The best cosine of any chunk to ``question`` (dense, whatever the KB's mode)."""
    hits = kb.store.search(kb.name, kb.embedder.embed_query(question), 1)
    return float(hits[0].score) if hits else 0.0


def generate_testset(
    runtime: Runtime,
    kb_name: str,
    n: int,
    *,
    model: str | None = None,
    seed: int = 0,
    top_k: int | None = None,
    distractors: int | None = None,
    max_distractor_score: float = 0.5,
    max_tries: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    public_only: bool = False,
) -> GenerateReport:
    """Up to ``n`` answerable items from ``kb_name`` plus ``distractors`` unanswerable ones
    (default: one for every four answerable ones, at least one). ``public_only`` draws
    only from the default tenant's public documents (for training data)."""
    kb = runtime.knowledge_base(kb_name)
    stored = _read_chunks(runtime, kb_name, public_only=public_only)
    pool = [c for c in stored if len(c.text.split()) >= MIN_CHUNK_WORDS]
    if not pool:
        raise InputError(
            f"knowledge base {kb_name!r} has no chunks to draw from; run "
            f"`genaiops kb ingest {kb_name}` first"
        )
    model = model or runtime.app().config.model
    k = top_k or runtime.app().config.top_k
    provider = CachingProvider(runtime.provider(model, "generate"), ResponseCache(runtime.db))
    random.Random(seed).shuffle(pool)
    limit = max_tries or 4 * n
    report = GenerateReport()
    kept_norm: set[str] = set()
    kept_vecs: list[np.ndarray[tuple[int], np.dtype[np.float32]]] = []
    sink = MeterSink(Attribution(uuid.uuid4().hex, tags={"eval_generate": kb_name}))
    with metering(sink):
        for chunk in pool[:limit]:
            if len(report.items) >= n:
                break
            report.tried += 1
            reason = _try_chunk(provider, kb, chunk, k, kept_norm, kept_vecs, report)
            if reason is not None:
                report.rejected[reason] += 1
            if on_progress is not None:
                on_progress(len(report.items), report.tried)
    runtime.ledger.record(sink.entries)
    want = distractors if distractors is not None else max(1, len(report.items) // 4)
    threshold = max_distractor_score
    if report.kept_scores:
        threshold = min(threshold, percentile(report.kept_scores, 10))
    report.distractor_threshold = threshold
    texts = " ".join(c.text.lower() for c in pool)
    made = make_distractors(kb, want, threshold, texts, seed)
    report.items.extend(made)
    report.distractors = len(made)
    return report


def _try_chunk(
    provider: CachingProvider,
    kb: KnowledgeBase,
    chunk: StoredChunk,
    k: int,
    kept_norm: set[str],
    kept_vecs: list[np.ndarray[tuple[int], np.dtype[np.float32]]],
    report: GenerateReport,
) -> str | None:
    """Generate from one chunk; the rejection reason, or None when the item was kept."""
    messages = [
        Message(role="system", content=SYSTEM),
        Message(role="user", content=PROMPT.format(text=chunk.text)),
    ]
    reply = provider.chat(messages, ChatOptions(max_tokens=80, temperature=0.0)).text
    parsed = parse_qa(reply)
    if parsed is None:
        return "unparseable"
    question, answer = parsed
    if not answer_in_text(answer, chunk.text):
        return "answer_not_in_chunk"
    if normalize_answer(answer) in normalize_answer(question):
        return "answer_in_question"
    norm = normalize_answer(question)
    if norm in kept_norm:
        return "duplicate"
    vec = kb.embedder.embed_query(question)
    if any(float(vec @ v) > DUPLICATE_COSINE for v in kept_vecs):
        return "duplicate"
    hits = kb.retrieve(question, k)
    if not any(h.source == chunk.source for h in hits):
        return "not_retrievable"
    kept_norm.add(norm)
    kept_vecs.append(vec)
    report.kept_scores.append(max((_cosine(h) for h in hits), default=0.0))
    report.items.append(
        EvalItem(
            id=default_id(question),
            question=question,
            references=(answer,),
            sources=(chunk.source,),
            tags=("generated",),
            answerable=True,
            generated=True,
            meta={"chunk_id": chunk.id, "chunk": chunk.ordinal, "heading": chunk.heading},
        )
    )
    return None


def make_distractors(
    kb: KnowledgeBase, n: int, threshold: float, kb_text: str, seed: int = 0
) -> list[EvalItem]:
    """Up to ``n`` unanswerable questions from templates, each verified: its invented name
    is in no chunk and its best retrieval cosine is below ``threshold``."""
    rng = random.Random(seed)
    product_qs = [
        (t.format(name=f"{a} {b}"), a.lower())
        for a in _NAMES
        for b in _MODELS
        for t in _PRODUCT_TEMPLATES
    ]
    topic_qs = [(t.format(topic=topic), "") for topic in _TOPICS for t in _TOPIC_TEMPLATES]
    rng.shuffle(product_qs)
    rng.shuffle(topic_qs)
    # alternate invented products and absent topics
    order = [q for pair in zip(product_qs, topic_qs, strict=False) for q in pair]
    out: list[EvalItem] = []
    used: set[str] = set()
    for question, name in order:
        if len(out) >= n:
            break
        if name and (name in kb_text or name in used):
            continue
        score = _top_score(kb, question)
        if score >= threshold:
            continue
        used.add(name)
        out.append(
            EvalItem(
                id=default_id(question),
                question=question,
                tags=("generated", "unanswerable"),
                answerable=False,
                generated=True,
                meta={"top_score": round(score, 4), "threshold": round(threshold, 4)},
            )
        )
    return out
