"""Knowledge base documents under ``/api/kb`` (scoped to the API key's tenant) and
evaluation runs under ``/api/eval``.

* ``POST /api/kb/{kb}/documents`` (scope ``kb:write``): store one document (chunked and
  embedded by the knowledge base's own code path) for the key's tenant; with ``groups``
  only callers in one of them may read it, without them every caller of the tenant may.
* ``GET /api/kb/{kb}/documents`` (scope ``kb:read``): the tenant's documents the key may
  read (its groups restrict them as retrieval's access control does).
* ``DELETE /api/kb/{kb}/documents/{source}`` (scope ``kb:write``): remove one of the
  tenant's documents; another tenant's is a 404, exactly like an unknown one.
* ``POST /api/kb/{kb}/search`` (scope ``kb:read``): the chunks the key may read for a
  query, with their scores and citations.

A key never sees nor changes another tenant's documents. Source names are unique per
knowledge base, across tenants: an upload under a name another tenant holds is refused
(409) instead of overwriting that tenant's document.

* ``POST /api/eval/runs`` (scope ``eval``): start a run of a suite (JSON) over the items
  sent with it, in a background thread on this worker's runtime: 202 with the run id.
* ``GET /api/eval/runs/{id}`` (scope ``eval``): its status, progress counts and, once
  done, the summary's decision.
* ``GET /api/eval/runs/{id}/report`` (scope ``eval``): the decision report, HTML or (with
  ``?format=json``) JSON.

Evaluation runs belong to the project, not to a tenant (the schema has no tenant on
them): any key with the ``eval`` scope (or ``admin``) sees and starts every run, so give
that scope to operators' keys only.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from anyio import to_thread
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from genaiops.apps.request import Caller
from genaiops.errors import NotFoundError
from genaiops.knowledge import sync
from genaiops.knowledge.acl import normalize_groups
from genaiops.knowledge.base import IngestReport, KnowledgeBase
from genaiops.knowledge.connectors import SourceDocument
from genaiops.knowledge.store import UPLOADED_URI_PREFIX, Access, RetrievedChunk
from genaiops.server.errors import ApiError
from genaiops.server.keys import ApiKey
from genaiops.server.openai_api import _authorized, runtime_of
from genaiops.storage.schema import chunks, documents

__all__ = ["router"]

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["native"])

MAX_DOCUMENT_CHARS = 1_000_000


# -- models -------------------------------------------------------------------------------


class DocumentBody(BaseModel):
    id: str = Field(min_length=1, max_length=1000, description="the document's source name")
    text: str = Field(min_length=1, max_length=MAX_DOCUMENT_CHARS)
    title: str | None = Field(None, max_length=1000, description="default: the id")
    metadata: dict[str, str] = Field(default_factory=dict)
    groups: list[str] = Field(
        default_factory=list,
        description="who may read it; none: every caller of the key's tenant",
    )


class DocumentOut(BaseModel):
    source: str
    title: str
    chunks: int
    modified: dt.datetime | None
    groups: list[str]


class DocumentList(BaseModel):
    kb: str
    tenant: str
    documents: list[DocumentOut]


class DeletedOut(BaseModel):
    kb: str
    source: str
    deleted: bool


class SearchBody(BaseModel):
    query: str = Field(min_length=1, max_length=8000)
    k: int = Field(4, ge=1, le=100)
    mode: Literal["dense", "keyword", "hybrid"] | None = Field(
        None, description="default: the knowledge base's retrieval mode"
    )


class SearchCitation(BaseModel):
    source: str
    title: str
    chunk: int
    page: int | None
    start_char: int
    end_char: int


class SearchHit(BaseModel):
    source: str
    title: str
    chunk: int
    heading: str
    text: str
    score: float
    citation: SearchCitation


class SearchOut(BaseModel):
    kb: str
    query: str
    mode: str
    results: list[SearchHit]


# -- helpers ------------------------------------------------------------------------------


def _kb(request: Request, name: str) -> KnowledgeBase:
    rt = runtime_of(request)
    if name not in rt.config.knowledge_bases:
        valid = ", ".join(sorted(rt.config.knowledge_bases)) or "(none declared)"
        raise ApiError(
            404, f"no knowledge base {name!r}; the knowledge bases are: {valid}", "kb_not_found"
        )
    kb: KnowledgeBase = rt.knowledge_base(name)
    return kb


def _readable(access: Access, key: ApiKey) -> bool:
    """Whether ``key`` may read a document of ``access``: retrieval's rule."""
    if access.tenant != key.tenant:
        return False
    return access.public or bool(set(access.groups) & set(normalize_groups(key.groups)))


def _store_document(kb: KnowledgeBase, doc: SourceDocument, access: Access) -> int:
    states = kb.store.document_states(kb.name)
    held = states.get(doc.source)
    if held is not None and held.access.tenant != access.tenant:
        raise ApiError(
            409, f"the source name {doc.source!r} is taken; choose another id", "source_taken"
        )
    kb.store.ensure_kb(kb.name, kb.embedder.name, kb.embedder.dim)
    report = IngestReport(kb.name)
    reason: sync.Reason = "added" if held is None else "updated"
    kb._write([sync.Work(doc, access, reason)], report, None)
    return report.chunks


# -- endpoints ----------------------------------------------------------------------------

KbName = Annotated[str, Path(description="a knowledge base of the project")]


@router.post("/kb/{kb}/documents", response_model=DocumentOut)
async def add_document(
    kb: KbName,
    body: DocumentBody,
    request: Request,
    key: Annotated[ApiKey, _authorized("kb:write")],
) -> DocumentOut:
    """Store (or replace) one document of the key's tenant, chunked and embedded."""
    base = await to_thread.run_sync(_kb, request, kb)
    groups = normalize_groups(body.groups)
    access = Access(tenant=key.tenant, groups=groups, public=not groups)
    now = dt.datetime.now(dt.UTC)
    doc = SourceDocument(
        source=body.id,
        title=body.title or body.id,
        text=body.text,
        uri=f"{UPLOADED_URI_PREFIX}{body.id}",
        modified=now,
        owner=f"api_key:{key.id}",
        groups=groups or None,
        meta=dict(body.metadata),
    )
    n = await to_thread.run_sync(_store_document, base, doc, access)
    return DocumentOut(
        source=doc.source, title=doc.title, chunks=n, modified=now, groups=list(groups)
    )


@router.get("/kb/{kb}/documents", response_model=DocumentList)
def list_documents(
    kb: KbName, request: Request, key: Annotated[ApiKey, _authorized("kb:read")]
) -> DocumentList:
    """The key's tenant's documents that its groups may read."""
    base = _kb(request, kb)
    d = documents.c
    n_chunks = sa.select(sa.func.count()).where(chunks.c.document_id == d.id).scalar_subquery()
    query = (
        sa.select(d.source, d.title, d.modified_at, d.tenant, d.acl_groups, d.public, n_chunks)
        .where(d.kb == base.name, d.tenant == key.tenant)
        .order_by(d.source)
    )
    with runtime_of(request).db.engine.connect() as conn:
        rows = conn.execute(query).all()
    out = [
        DocumentOut(
            source=r.source,
            title=r.title,
            chunks=int(r[6]),
            modified=r.modified_at,
            groups=list(r.acl_groups),
        )
        for r in rows
        if _readable(Access(r.tenant, tuple(r.acl_groups), r.public), key)
    ]
    return DocumentList(kb=base.name, tenant=key.tenant, documents=out)


@router.delete("/kb/{kb}/documents/{source:path}", response_model=DeletedOut)
def delete_document(
    kb: KbName, source: str, request: Request, key: Annotated[ApiKey, _authorized("kb:write")]
) -> DeletedOut:
    """Remove one of the key's tenant's documents (another tenant's: 404, as unknown)."""
    base = _kb(request, kb)
    held = base.store.document_states(base.name).get(source)
    if held is None or held.access.tenant != key.tenant:
        raise NotFoundError(f"no document {source!r} in {kb!r} for this key's tenant")
    base.store.delete(base.name, [source])
    return DeletedOut(kb=base.name, source=source, deleted=True)


@router.post("/kb/{kb}/search", response_model=SearchOut)
async def search(
    kb: KbName,
    body: SearchBody,
    request: Request,
    key: Annotated[ApiKey, _authorized("kb:read")],
) -> SearchOut:
    """The top ``k`` chunks for ``query`` that the key's tenant and groups may read."""
    base = await to_thread.run_sync(_kb, request, kb)
    settings = base.config.retrieval
    if body.mode is not None and body.mode != settings.mode:
        settings = settings.model_copy(update={"mode": body.mode})
    caller = Caller(principal=None, tenant=key.tenant, groups=key.groups, api_key_id=key.id)

    def find() -> list[RetrievedChunk]:
        try:
            return base.retrieve(body.query, body.k, caller=caller, retrieval=settings)
        except NotFoundError:  # nothing stored in it yet: nothing found
            return []

    hits = await to_thread.run_sync(find)
    return SearchOut(
        kb=base.name,
        query=body.query,
        mode=settings.mode,
        results=[
            SearchHit(
                source=h.source,
                title=h.title,
                chunk=h.ordinal,
                heading=h.heading,
                text=h.text,
                score=round(h.score, 6),
                citation=SearchCitation(
                    source=h.source,
                    title=h.title,
                    chunk=h.ordinal,
                    page=h.page,
                    start_char=h.start_char,
                    end_char=h.end_char,
                ),
            )
            for h in hits
        ],
    )


# -- evaluation runs ----------------------------------------------------------------------


class EvalRunBody(BaseModel):
    suite: dict[str, Any] = Field(
        description="an evaluation suite as its YAML file holds it; its 'dataset' is ignored"
    )
    items: list[dict[str, Any]] = Field(
        min_length=1, max_length=10_000, description="the dataset's items (id, question, ...)"
    )


class EvalStarted(BaseModel):
    id: str
    status: str


class EvalProgress(BaseModel):
    done: int
    total: int
    cached: int
    errors: int


class EvalRunOut(BaseModel):
    id: str
    suite: str
    status: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    progress: EvalProgress
    decision: dict[str, Any] | None = Field(None, description="the summary's, once done")


#: progress of the runs this worker started, by run id (other workers' runs: from the store)
_progress: dict[str, EvalProgress] = {}
#: the suite name and start time of the runs this worker started, until they finish: the
#: runner writes a run's row in its thread, so a status asked for at once finds it here
_started: dict[str, tuple[str, dt.datetime]] = {}
_progress_lock = threading.Lock()


def _prepare_run(rt: Any, body: EvalRunBody) -> tuple[str, Any, FilePath]:
    """The run id, the validated suite and the folder its dataset file was written to;
    every check the runner makes before its first model call, made here (a 400 now
    rather than a failed run later)."""
    from genaiops.evaluation.datasets import load_dataset
    from genaiops.evaluation.metrics import create_metric
    from genaiops.evaluation.runner import new_run_id
    from genaiops.evaluation.suite import SuiteConfig, resolve_candidates

    run_id = new_run_id()
    folder = FilePath(rt.data_dir) / "api-eval"
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{run_id}.jsonl"
    suite = SuiteConfig.model_validate({**body.suite, "dataset": name})
    lines = [json.dumps(item, ensure_ascii=False) for item in body.items]
    (folder / name).write_text("\n".join(lines) + "\n", "utf-8")
    try:
        dataset = load_dataset(folder / name)
        if dataset.errors:
            raise ApiError(400, f"items: {dataset.error_report()}", "invalid_items", "items")
        resolve_candidates(rt.config, suite)
        for metric in suite.all_metrics():
            create_metric(metric.kind, metric.options)
    except Exception:  # a refused run leaves no file behind
        (folder / name).unlink(missing_ok=True)
        raise
    return run_id, suite, folder


def _run_in_background(rt: Any, run_id: str, suite: Any, folder: FilePath) -> None:
    from genaiops.evaluation.runner import EvalRunner, Progress

    def progress(p: Progress) -> None:
        with _progress_lock:
            _progress[run_id] = EvalProgress(
                done=p.done + p.skipped, total=p.total + p.skipped, cached=p.cached,
                errors=p.errors,
            )  # fmt: skip

    def work() -> None:
        try:
            EvalRunner(rt, on_progress=progress).start(suite, folder, run_id)
        except Exception:  # the runner marks the run failed; the worker goes on
            log.exception("evaluation run %s failed", run_id)
        finally:  # the store has the counts of a finished run
            with _progress_lock:
                _progress.pop(run_id, None)
                _started.pop(run_id, None)

    with _progress_lock:  # before the 202: the run is known from now on
        _progress[run_id] = EvalProgress(done=0, total=0, cached=0, errors=0)
        _started[run_id] = (suite.name or run_id, dt.datetime.now(dt.UTC))
    threading.Thread(target=work, name=f"eval-{run_id}", daemon=True).start()


@router.post("/eval/runs", response_model=EvalStarted, status_code=202)
def start_eval_run(
    body: EvalRunBody, request: Request, key: Annotated[ApiKey, _authorized("eval")]
) -> EvalStarted:
    """Start an evaluation run in the background (runs are the project's, not a
    tenant's: only keys with the ``eval`` or ``admin`` scope reach them)."""
    from pydantic import ValidationError

    from genaiops.errors import InputError

    rt = runtime_of(request)
    if body.suite.get("guardrail") is not None and "admin" not in key.scopes:
        # a suite may swap every candidate's guardrail (`guardrail: none`): the answers a
        # run stores are then unguarded, so only an admin key may ask for that
        raise ApiError(
            403,
            "suite.guardrail changes the candidates' guardrail policy, which needs a key "
            "with the admin scope; remove the key from the suite to run it with the apps' "
            "own guardrails",
            "insufficient_scope",
            "suite.guardrail",
        )
    try:
        run_id, suite, folder = _prepare_run(rt, body)
    except ValidationError as exc:
        raise InputError(f"suite: {exc}") from None
    _run_in_background(rt, run_id, suite, folder)
    return EvalStarted(id=run_id, status="running")


def _run_out(rt: Any, run_id: str) -> EvalRunOut:
    from genaiops.evaluation.store import EvalStore

    store = EvalStore(rt.db)
    try:
        info = store.run(run_id)  # NotFoundError: 404
    except NotFoundError:
        with _progress_lock:  # started here a moment ago: its row is being written
            started, known = _started.get(run_id), _progress.get(run_id)
        if started is None or known is None:
            raise
        return EvalRunOut(id=run_id, suite=started[0], status="running", created_at=started[1],
                          finished_at=None, progress=known, decision=None)  # fmt: skip
    with _progress_lock:
        known = _progress.get(run_id)
    if known is None or known.total == 0 or info.status == "done":
        total = len(store.items(run_id)) * len(store.candidates(run_id)) * info.repeats
        rows = store.results(run_id)
        known = EvalProgress(
            done=len(rows), total=total, cached=sum(bool(r.cached) for r in rows),
            errors=sum(r.status == "error" for r in rows),
        )  # fmt: skip
    decision = (info.summary or {}).get("decision") if info.status == "done" else None
    return EvalRunOut(
        id=info.id,
        suite=info.name,
        status=info.status,
        created_at=info.created_at,
        finished_at=info.finished_at,
        progress=known,
        decision=decision,
    )


@router.get("/eval/runs/{run_id}", response_model=EvalRunOut)
def eval_run(
    run_id: str, request: Request, key: Annotated[ApiKey, _authorized("eval")]
) -> EvalRunOut:
    """A run's status, progress counts and, once done, its decision (any run of the
    project: only keys with the ``eval`` or ``admin`` scope reach them)."""
    return _run_out(runtime_of(request), run_id)


@router.get(
    "/eval/runs/{run_id}/report",
    response_class=HTMLResponse,
    response_model=None,
    responses={200: {"content": {"application/json": {}, "text/html": {}}}},
)
def eval_report(
    run_id: str,
    request: Request,
    key: Annotated[ApiKey, _authorized("eval")],
    format: Annotated[Literal["html", "json"], Query(description="html or json")] = "html",
) -> HTMLResponse | JSONResponse:
    """The decision report of a finished run (409 while it runs): HTML, or JSON."""
    from genaiops.evaluation.decision_report import build_decision_report
    from genaiops.evaluation.store import EvalStore
    from genaiops.reports.page import render_html, to_json

    rt = runtime_of(request)
    store = EvalStore(rt.db)
    with _progress_lock:
        starting = run_id in _started
    try:
        info = store.run(run_id)
    except NotFoundError:
        if not starting:
            raise
        raise ApiError(409, f"the run {run_id!r} is running; its report comes when it is done",
                       "run_not_done") from None  # fmt: skip
    if info.status != "done" or not info.summary:
        raise ApiError(
            409, f"the run {run_id!r} is {info.status}; its report comes when it is done",
            "run_not_done",
        )  # fmt: skip
    dataset = FilePath(info.dataset)
    if dataset.is_absolute():  # a report says no path of this machine
        base = FilePath(rt.base_dir)
        dataset = (
            dataset.relative_to(base) if dataset.is_relative_to(base) else FilePath(dataset.name)
        )
    run = {"id": run_id, "suite": info.name, "dataset": str(dataset),
           "created_at": info.created_at.isoformat()}  # fmt: skip
    report = build_decision_report(
        run, info.summary, store.results(run_id), store.items(run_id), runtime=rt
    )
    if format == "json":
        return JSONResponse(to_json(report))
    return HTMLResponse(render_html(report))
