"""Access control of knowledge: who may read a document, decided once at ingestion and
enforced in SQL at every retrieval.

Two halves, kept in one module so that they cannot drift apart:

* :func:`resolve_access` (ingestion): the :class:`~genaiops.knowledge.store.Access` of a
  document (tenant, groups, public) from the knowledge base's ``access`` block: the first
  rule whose glob matches the document's source id, else the groups the connector reports
  for it, else the declared default. The store copies it onto every chunk.
* :func:`reader_clause` (retrieval): the SQL predicate a chunk must pass to be returned to
  a :class:`Reader`: ``tenant = reader.tenant AND (public OR acl_groups && reader.groups)``.
  It is part of every statement that reads chunks (both arms of a hybrid search), so a
  chunk the caller may not read never leaves the database, and filtering happens inside the
  index scan rather than after a top-k that would then come back short.

Without a reader (no caller), retrieval sees the public documents of the default tenant
only: what every document was before access control existed.

Globs (access rules, source filters) are matched the same way here and in SQL
(:func:`glob_regex`): ``*`` and ``?`` stay within one path segment, ``**`` crosses
segments, so ``docs/hr/**`` covers every file under ``docs/hr``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from genaiops.knowledge.globs import glob_regex
from genaiops.knowledge.store import PUBLIC, Access

if TYPE_CHECKING:
    from genaiops.config import KnowledgeBaseConfig
    from genaiops.knowledge.connectors import SourceDocument

__all__ = [
    "DEFAULT_TENANT",
    "Reader",
    "glob_match",
    "glob_regex",
    "normalize_groups",
    "reader_clause",
    "resolve_access",
]

DEFAULT_TENANT = "default"


class Reader(Protocol):
    """Who retrieves: a tenant and the groups the caller belongs to.
    :class:`genaiops.apps.request.Caller` is one; the knowledge layer needs nothing else
    of it (and must not import the apps layer above it)."""

    @property
    def tenant(self) -> str: ...

    @property
    def groups(self) -> Sequence[str]: ...


def normalize_groups(groups: Iterable[str]) -> tuple[str, ...]:
    """Groups as stored and compared: stripped, without empties or duplicates, sorted (so
    the same set always gives the same checksum and the same SQL parameter)."""
    return tuple(sorted({g.strip() for g in groups if g and g.strip()}))


def glob_match(pattern: str, source: str) -> bool:
    return re.match(glob_regex(pattern), source) is not None


def resolve_access(doc: SourceDocument, kb_config: KnowledgeBaseConfig) -> Access:
    """Who may read ``doc``: the first ``access.rules`` entry whose ``match`` glob matches
    its source id; else the readers its connector reports (``doc.groups``, e.g. a share's
    permissions); else ``access.default``. The tenant is ``access.tenant``.

    A knowledge base without an ``access`` block is public to the default tenant, except
    for documents whose connector names their readers: those keep that restriction, since
    widening what the source itself restricts would be a leak, narrowing it never is."""
    cfg = kb_config.access
    if cfg is None:
        if doc.groups is not None:
            return Access(DEFAULT_TENANT, normalize_groups(doc.groups), public=False)
        return PUBLIC
    for rule in cfg.rules:
        if glob_match(rule.match, doc.source):
            return Access(cfg.tenant, normalize_groups(rule.groups), public=rule.public)
    if doc.groups is not None:
        return Access(cfg.tenant, normalize_groups(doc.groups), public=False)
    return Access(cfg.tenant, (), public=cfg.default == "public")


def reader_clause(
    table: sa.Table | sa.TableClause, reader: Reader | None
) -> sa.ColumnElement[bool]:
    """The predicate on ``table`` (``chunks`` or ``documents``: both carry tenant,
    acl_groups and public) that keeps what ``reader`` may read; with no reader, the public
    documents of the default tenant. Groups are bound as a ``text[]`` parameter."""
    tenant = reader.tenant if reader is not None else DEFAULT_TENANT
    groups = list(normalize_groups(reader.groups)) if reader is not None else []
    readable: sa.ColumnElement[bool] = table.c.public
    if groups:
        readable = sa.or_(
            table.c.public,
            table.c.acl_groups.op("&&")(sa.bindparam(None, groups, type_=ARRAY(sa.Text))),
        )
    return sa.and_(table.c.tenant == tenant, readable)
