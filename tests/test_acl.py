"""Access control: who may read a document (resolve_access), and retrieval that never
returns what the caller may not read, through every mode and filter.

The randomized test: 300 generated documents (about 1,000 chunks) across 3 tenants and 6
groups with random access (a quarter public, the rest readable by 0 to 2 groups: 0 means
no one), random MIME types, tags and dates, stored through ``PgDocumentStore.upsert`` with
the hash embedder. Then 10,000 retrievals through ``KnowledgeBase.retrieve`` (the path of
the ``Retrieve`` stage) by random callers (a tenant, or a stranger tenant, 0 to 3 groups
including unknown ones, or no caller at all), random queries, modes (dense, keyword,
hybrid), k, metadata filters and MMR. Every returned chunk is checked against the
generated ground truth: its tenant is the caller's and it is public or shares a group with
the caller, and it passes the filters; dense and hybrid retrievals must also return
``min(k, readable chunks that pass the filters)`` chunks, so a selective filter does not
come back short.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from genaiops.apps.request import Caller
from genaiops.config import AccessConfig, AccessRule, KnowledgeBaseConfig, RetrievalConfig
from genaiops.knowledge.acl import glob_match, glob_regex, normalize_groups, resolve_access
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.chunking import chunk_document
from genaiops.knowledge.connectors import SourceDocument
from genaiops.knowledge.embedders import HashEmbedder
from genaiops.knowledge.retrieval import Filters
from genaiops.knowledge.store import PUBLIC, Access, PgDocumentStore
from genaiops.storage import Database

TENANTS = ("default", "acme", "globex")
GROUPS = ("hr", "finance", "eng", "sales", "legal", "exec")
MIMES = ("text/markdown", "text/plain", "application/pdf")
DEPTS = ("ops", "people", "money", "build")
N_DOCS = 300
N_RETRIEVALS = 10_000


# -- resolve_access -------------------------------------------------------------------------


def _cfg(access: AccessConfig | None) -> KnowledgeBaseConfig:
    return KnowledgeBaseConfig(paths=["docs"], embedder="hash", access=access)


def _doc(source: str, groups: tuple[str, ...] | None = None) -> SourceDocument:
    return SourceDocument(source, source, "text", groups=groups)


def test_globs_stay_within_segments_unless_doubled() -> None:
    assert glob_match("docs/hr/**", "docs/hr/a.md")
    assert glob_match("docs/hr/**", "docs/hr/deep/er/a.md")
    assert not glob_match("docs/hr/**", "docs/hrx/a.md")
    assert glob_match("docs/*.md", "docs/a.md") and not glob_match("docs/*.md", "docs/x/a.md")
    assert glob_match("**/secret-*.md", "secret-1.md")
    assert glob_match("**/secret-*.md", "a/b/secret-1.md")
    assert glob_match("docs/?.md", "docs/a.md") and not glob_match("docs/?.md", "docs/ab.md")
    assert glob_match("a+b (1).md", "a+b (1).md")  # regex characters are literal
    assert glob_regex("text/*") == "^text/[^/]*$"


def test_resolve_access_first_rule_then_connector_then_default() -> None:
    access = AccessConfig(
        default="private",
        tenant="acme",
        rules=[
            AccessRule(match="docs/hr/**", groups=["hr", " hr ", "exec"]),
            AccessRule(match="docs/hr/handbook.md", public=True),  # shadowed by the first
            AccessRule(match="docs/public/**", public=True),
        ],
    )
    cfg = _cfg(access)
    assert resolve_access(_doc("docs/hr/handbook.md"), cfg) == Access("acme", ("exec", "hr"))
    assert resolve_access(_doc("docs/public/faq.md"), cfg) == Access("acme", (), public=True)
    # no rule: the connector's readers, then the default
    assert resolve_access(_doc("docs/x.md", ("eng",)), cfg) == Access("acme", ("eng",))
    assert resolve_access(_doc("docs/x.md"), cfg) == Access("acme", (), public=False)
    public_cfg = _cfg(AccessConfig(default="public"))
    assert resolve_access(_doc("docs/x.md"), public_cfg) == Access("default", (), public=True)
    # a rule wins over what the connector reports
    assert resolve_access(_doc("docs/hr/a.md", ("eng",)), cfg).groups == ("exec", "hr")


def test_without_an_access_block_documents_are_public_unless_the_source_restricts() -> None:
    assert resolve_access(_doc("docs/x.md"), _cfg(None)) == PUBLIC
    restricted = resolve_access(_doc("docs/x.md", ("eng", "eng")), _cfg(None))
    assert restricted == Access("default", ("eng",), public=False)
    assert normalize_groups(["b", "", " a", "b"]) == ("a", "b")


# -- the randomized retrieval test ----------------------------------------------------------


@dataclass(frozen=True)
class Truth:
    access: Access
    mime: str
    dept: str
    modified: dt.datetime
    chunks: int


def _words(rng: random.Random) -> list[str]:
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "po", "qui", "dra"]
    vocab: set[str] = set()
    while len(vocab) < 150:
        vocab.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))))
    return sorted(vocab)


def _readable(t: Truth, caller: Caller | None) -> bool:
    tenant = caller.tenant if caller else "default"
    groups = set(caller.groups) if caller else set()
    return t.access.tenant == tenant and (t.access.public or bool(groups & set(t.access.groups)))


def _passes(source: str, t: Truth, f: Filters | None) -> bool:
    if f is None:
        return True
    return (
        (not f.sources or any(glob_match(g, source) for g in f.sources))
        and (not f.mimes or any(glob_match(g, t.mime) for g in f.mimes))
        and all({"dept": t.dept}.get(key) == value for key, value in f.meta.items())
        and (f.modified_after is None or t.modified >= f.modified_after)
    )


@pytest.fixture(scope="module")
def random_kb(
    database: Database, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[KnowledgeBase, dict[str, Truth], list[str]]]:
    rng = random.Random(20261202)
    vocab = _words(rng)
    store = PgDocumentStore(database)
    embedder = HashEmbedder()
    name = "acl-random"
    store.drop_kb(name)
    store.ensure_kb(name, embedder.name, embedder.dim)
    truth: dict[str, Truth] = {}
    base = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    for i in range(N_DOCS):
        tenant, dept = rng.choice(TENANTS), rng.choice(DEPTS)
        public = rng.random() < 0.25
        groups = () if public else tuple(rng.sample(GROUPS, rng.randint(0, 2)))
        source = f"{tenant}/{dept}/doc{i:03d}.md"
        paragraphs = [
            " ".join(rng.choice(vocab) for _ in range(rng.randint(15, 40))) + "."
            for _ in range(rng.randint(1, 4))
        ]
        text = "\n\n".join(paragraphs)
        mime, modified = rng.choice(MIMES), base + dt.timedelta(days=rng.randint(0, 700))
        doc = SourceDocument(
            source, source, text, mime=mime, modified=modified, meta={"dept": dept}
        )
        chunks = chunk_document(text, source, embedder.count_tokens, 32, 0)
        vectors = embedder.embed([c.embed_text for c in chunks])
        access = Access(tenant, normalize_groups(groups), public)
        store.upsert(name, doc, chunks, vectors, access=access)
        truth[source] = Truth(access, mime, dept, modified, len(chunks))
    kb = KnowledgeBase(name, _cfg(None), embedder, store, tmp_path_factory.mktemp("acl"))
    yield kb, truth, vocab
    store.drop_kb(name)


def _random_caller(rng: random.Random) -> Caller | None:
    roll = rng.random()
    if roll < 0.1:
        return None
    tenant = "stranger" if roll < 0.15 else rng.choice(TENANTS)
    groups = rng.sample(GROUPS, rng.randint(0, 3))
    if rng.random() < 0.2:
        groups.append("no-such-group")
    return Caller(principal=f"user{rng.randint(0, 99)}", tenant=tenant, groups=tuple(groups))


def _random_filters(rng: random.Random, truth: dict[str, Truth]) -> Filters | None:
    roll = rng.random()
    if roll < 0.6:
        return None
    if roll < 0.7:
        return Filters(sources=(f"{rng.choice(TENANTS)}/{rng.choice(DEPTS)}/**",))
    if roll < 0.8:
        return Filters(mimes=(rng.choice(["text/*", "application/pdf"]),))
    if roll < 0.9:
        return Filters(meta={"dept": rng.choice(DEPTS)})
    after = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=rng.randint(300, 690))
    return Filters(modified_after=after, sources=("**/doc1*.md", "**/doc2*.md"))


@dataclass(frozen=True)
class Spec:
    caller: Caller | None
    filters: Filters | None
    settings: RetrievalConfig
    k: int
    query: str


def test_random_retrievals_never_return_what_the_caller_may_not_read(
    random_kb: tuple[KnowledgeBase, dict[str, Truth], list[str]],
) -> None:
    kb, truth, vocab = random_kb
    rng = random.Random(7)
    specs = [
        Spec(
            caller=_random_caller(rng),
            filters=_random_filters(rng, truth),
            settings=RetrievalConfig(
                mode=rng.choice(("dense", "keyword", "hybrid")),
                candidates=rng.choice([10, 50]),
                mmr=0.5 if rng.random() < 0.1 else None,
            ),
            k=rng.randint(1, 15),
            query=" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 6))),
        )
        for _ in range(N_RETRIEVALS)
    ]

    def run(spec: Spec) -> list[str]:
        hits = kb.retrieve(
            spec.query, spec.k, caller=spec.caller, filters=spec.filters, retrieval=spec.settings
        )
        return [h.source for h in hits]

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=3) as pool:  # the database works while Python waits
        results = list(pool.map(run, specs))
    elapsed = time.perf_counter() - start
    leaks: list[str] = []
    short: list[str] = []
    counted = {"dense": 0, "keyword": 0, "hybrid": 0}
    for n, (spec, sources) in enumerate(zip(specs, results, strict=True)):
        mode = spec.settings.mode
        counted[mode] += 1
        for source in sources:
            t = truth[source]
            if not _readable(t, spec.caller) or not _passes(source, t, spec.filters):
                leaks.append(f"#{n} {mode} {spec.caller} {spec.filters} -> {source} {t.access}")
        if mode != "keyword":  # dense and hybrid must fill k while readable chunks remain
            available = sum(
                t.chunks
                for s, t in truth.items()
                if _readable(t, spec.caller) and _passes(s, t, spec.filters)
            )
            if len(sources) != min(spec.k, available):
                short.append(f"#{n} {mode} k={spec.k} got {len(sources)} of {available}")
    assert not leaks, f"{len(leaks)} chunks returned to callers who may not read them: {leaks[:5]}"
    assert not short, f"{len(short)} retrievals came back short: {short[:5]}"
    returned = sum(len(r) for r in results)
    assert min(counted.values()) > 3000 and returned > 20_000  # the test exercised them all
    # ~40 s on an idle 2-core machine; generous because the machine is shared
    assert elapsed < 300, f"{N_RETRIEVALS} retrievals took {elapsed:.0f} s"


def test_a_caller_sees_exactly_the_public_and_group_documents(
    database: Database, tmp_path: Path
) -> None:
    """The three ways in, end to end on one small knowledge base."""
    store = PgDocumentStore(database)
    embedder = HashEmbedder()
    name = "acl-small"
    store.drop_kb(name)
    store.ensure_kb(name, embedder.name, embedder.dim)
    access_cfg = AccessConfig(
        default="private",
        tenant="acme",
        rules=[AccessRule(match="hr/**", groups=["hr"]), AccessRule(match="pub/**", public=True)],
    )
    cfg = _cfg(access_cfg)
    for source in ("hr/salaries.md", "pub/holidays.md", "misc/roadmap.md"):
        doc = SourceDocument(source, source, f"the bonus policy of {source}")
        chunks = chunk_document(doc.text, doc.title, embedder.count_tokens, 64, 0)
        vectors = embedder.embed([c.embed_text for c in chunks])
        store.upsert(name, doc, chunks, vectors, access=resolve_access(doc, cfg))
    kb = KnowledgeBase(name, cfg, embedder, store, tmp_path)

    def sources(caller: Caller | None, mode: str = "hybrid") -> set[str]:
        hits = kb.retrieve("bonus policy", 10, caller=caller, retrieval=RetrievalConfig(mode=mode))
        return {h.source for h in hits}

    for mode in ("dense", "keyword", "hybrid"):
        assert sources(Caller(tenant="acme", groups=("hr",)), mode) == {
            "hr/salaries.md",
            "pub/holidays.md",
        }
        assert sources(Caller(tenant="acme"), mode) == {"pub/holidays.md"}
        assert sources(Caller(tenant="other", groups=("hr",)), mode) == set()
        assert sources(None, mode) == set()  # no caller: the default tenant's public only
    store.drop_kb(name)
