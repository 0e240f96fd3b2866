"""API keys: who calls the server, for which tenant and groups, allowed to do what.

A key is a random secret shown once (``gai_`` and 64 hex digits: 256 bits).
Only its sha256 is stored: a token of that entropy cannot be guessed from its hash, so
no slow password hash is needed and a look-up is one indexed query. Each key has a
tenant and groups (they become the request's :class:`~genaiops.apps.request.Caller`, so
retrieval's access control, budgets and the ledger use them) and scopes:

* ``chat``: ``POST /v1/chat/completions``
* ``embeddings``: ``POST /v1/embeddings``
* ``models``: ``GET /v1/models``
* ``guardrails``: ``POST /api/guardrails/apply`` (``POST /api/ask`` takes ``chat``)
* ``feedback``: ``POST /api/feedback``
* ``usage``: ``GET /api/usage`` (the key's tenant's costs; not a default scope)
* ``kb:read``: ``GET /api/kb/{kb}/documents``, ``POST /api/kb/{kb}/search`` (the key's
  tenant's documents only; not a default scope)
* ``kb:write``: ``POST /api/kb/{kb}/documents``, ``DELETE /api/kb/{kb}/documents/{source}``
  (not a default scope)
* ``eval``: ``/api/eval/runs...`` (every evaluation run of the project: runs have no
  tenant; not a default scope)
* ``admin``: every scope

A revoked key stays in the table (its id is still in the ledger) and is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from genaiops.errors import (
    AuthenticationError,
    InputError,
    NotFoundError,
    PermissionDeniedError,
    StorageError,
)
from genaiops.storage import Database
from genaiops.storage.schema import api_keys

__all__ = [
    "SCOPES",
    "SECRET_PREFIX",
    "ApiKey",
    "AuthenticationError",
    "CreatedKey",
    "PermissionDeniedError",
    "authenticate",
    "create_key",
    "hash_secret",
    "list_keys",
    "parse_scopes",
    "revoke_key",
]

SECRET_PREFIX = "gai_"
SCOPES = (
    "chat",
    "embeddings",
    "models",
    "guardrails",
    "feedback",
    "usage",
    "kb:read",
    "kb:write",
    "eval",
    "admin",
)
DEFAULT_SCOPES = ("chat", "embeddings", "feedback", "guardrails", "models")
#: last_used_at is written at most this often per key (a write per request would contend)
_TOUCH_EVERY = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class ApiKey:
    id: str
    name: str
    tenant: str
    groups: tuple[str, ...]
    scopes: tuple[str, ...]
    created_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    last_used_at: dt.datetime | None = None
    rpm: int | None = None  # requests per minute (genaiops.server.ratelimit); None: no limit
    tpm: int | None = None  # tokens per minute; None: no limit

    def allows(self, scope: str) -> bool:
        return scope in self.scopes or "admin" in self.scopes

    def require(self, scope: str) -> None:
        if not self.allows(scope):
            have = ", ".join(self.scopes) or "none"
            raise PermissionDeniedError(
                f"API key {self.id} lacks the {scope!r} scope (it has: {have}); create a key "
                f"with it: genaiops keys create --name N --tenant T --scopes {scope}"
            )

    def to_dict(self) -> dict[str, object]:
        def when(t: dt.datetime | None) -> str | None:
            return t.isoformat() if t is not None else None

        return {
            "id": self.id,
            "name": self.name,
            "tenant": self.tenant,
            "groups": list(self.groups),
            "scopes": list(self.scopes),
            "created_at": when(self.created_at),
            "revoked_at": when(self.revoked_at),
            "last_used_at": when(self.last_used_at),
            "rpm": self.rpm,
            "tpm": self.tpm,
        }


@dataclass(frozen=True)
class CreatedKey:
    key: ApiKey
    secret: str  # shown once; never stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def parse_scopes(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """Scopes from ``chat,embeddings`` (or a list); None: all but usage and admin."""
    if text is None:
        return DEFAULT_SCOPES
    items = text.split(",") if isinstance(text, str) else list(text)
    scopes = sorted({s.strip() for s in items if s.strip()})
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise InputError(
            f"--scopes: {', '.join(unknown) or '(none)'} is not a scope; valid: {', '.join(SCOPES)}"
        )
    return tuple(scopes)


def _row_key(row: sa.Row[tuple[object, ...]]) -> ApiKey:
    m = row._mapping
    return ApiKey(
        id=str(m["id"]),
        name=str(m["name"]),
        tenant=str(m["tenant"]),
        groups=tuple(m["groups"] or ()),
        scopes=tuple(m["scopes"] or ()),
        created_at=m["created_at"],
        revoked_at=m["revoked_at"],
        last_used_at=m["last_used_at"],
        rpm=m["rpm"],
        tpm=m["tpm"],
    )


_COLUMNS = [c for c in api_keys.c if c.name != "secret_sha256"]


def create_key(
    db: Database,
    name: str,
    tenant: str,
    groups: Sequence[str] = (),
    scopes: Sequence[str] = DEFAULT_SCOPES,
    rpm: int | None = None,
    tpm: int | None = None,
) -> CreatedKey:
    """Store a new key; the returned secret is the only copy. ``rpm`` and ``tpm``: its
    requests and tokens per minute (None: no limit), for every server process together."""
    from genaiops.knowledge.acl import normalize_groups

    if not name.strip():
        raise InputError("--name: give the key a name (who or what uses it)")
    if not tenant.strip():
        raise InputError("--tenant: give the tenant the key acts for")
    for option, limit in (("--rpm", rpm), ("--tpm", tpm)):
        if limit is not None and limit < 1:
            raise InputError(f"{option}: give a limit of 1 or more per minute (or none)")
    secret = SECRET_PREFIX + secrets.token_hex(32)
    key_id = "key_" + secrets.token_hex(6)
    with db.engine.begin() as conn:
        row = conn.execute(
            api_keys.insert()
            .values(
                id=key_id,
                name=name.strip(),
                tenant=tenant.strip(),
                groups=list(normalize_groups(groups)),
                scopes=list(parse_scopes(scopes)),
                secret_sha256=hash_secret(secret),
                rpm=rpm,
                tpm=tpm,
            )
            .returning(*_COLUMNS)
        ).one()
    return CreatedKey(_row_key(row), secret)


def list_keys(db: Database) -> list[ApiKey]:
    with db.engine.connect() as conn:
        rows = conn.execute(sa.select(*_COLUMNS).order_by(api_keys.c.created_at, api_keys.c.id))
        return [_row_key(r) for r in rows]


def revoke_key(db: Database, key_id: str) -> ApiKey:
    """Revoke a key (at once, for every server process); revoking twice changes nothing."""
    with db.engine.begin() as conn:
        conn.execute(
            api_keys.update()
            .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
            .values(revoked_at=sa.func.now())
        )
        row = conn.execute(sa.select(*_COLUMNS).where(api_keys.c.id == key_id)).one_or_none()
    if row is None:
        raise NotFoundError(f"no API key {key_id!r}; list them with: genaiops keys list")
    return _row_key(row)


def authenticate(db: Database, secret: str | None) -> ApiKey:
    """The key whose secret (the bearer token) is ``secret``, or AuthenticationError."""
    secret = (secret or "").strip()
    if not secret:
        raise AuthenticationError(
            "no API key: send 'Authorization: Bearer gai_...' (create a key with: "
            "genaiops keys create --name N --tenant T)"
        )
    try:
        with db.engine.connect() as conn:
            row = conn.execute(
                sa.select(*_COLUMNS).where(api_keys.c.secret_sha256 == hash_secret(secret))
            ).one_or_none()
            if row is None:
                raise AuthenticationError(
                    "invalid API key: it is not one of this server's keys; check the whole "
                    "'gai_...' secret was sent, or create a key: genaiops keys create"
                )
            key = _row_key(row)
            if key.revoked_at is not None:
                raise AuthenticationError(f"API key {key.id} was revoked; ask for a new one")
            used = key.last_used_at
            if used is None or dt.datetime.now(dt.UTC) - used > _TOUCH_EVERY:
                conn.execute(
                    api_keys.update()
                    .where(api_keys.c.id == key.id)
                    .values(last_used_at=sa.func.now())
                )
                conn.commit()
    except sa.exc.DBAPIError as exc:
        raise StorageError(
            f"cannot check the API key: the database does not answer ({exc.orig}); check it "
            f"with genaiops db status (or GENAIOPS_DATABASE_URL)"
        ) from exc
    return key
