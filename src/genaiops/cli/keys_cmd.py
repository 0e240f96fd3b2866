"""`genaiops keys create|list|revoke`: the server's API keys.

Thin: parse, call :mod:`genaiops.server.keys`, render. The secret is printed once, by
``create``; the database keeps only its hash.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

__all__ = ["keys_app"]

keys_app = typer.Typer(help="API keys for `genaiops serve`: create, list, revoke.")
console = Console()
err_console = Console(stderr=True)
ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON only")]


@keys_app.command("create")
def create(
    name: Annotated[str, typer.Option("--name", help="who or what uses the key")],
    tenant: Annotated[str, typer.Option("--tenant", help="the tenant the key acts for")],
    groups: Annotated[
        str | None, typer.Option("--groups", help="comma-separated groups: what it may retrieve")
    ] = None,
    scopes: Annotated[
        str | None,
        typer.Option(
            "--scopes",
            help="comma-separated: chat, embeddings, models, guardrails, feedback, usage, "
            "kb:read, kb:write, eval, admin (default: chat, embeddings, models, guardrails, "
            "feedback)",
        ),
    ] = None,
    rpm: Annotated[
        int | None,
        typer.Option("--rpm", min=1, help="requests per minute, for all servers together"),
    ] = None,
    tpm: Annotated[
        int | None,
        typer.Option("--tpm", min=1, help="tokens per minute (prompt + completion)"),
    ] = None,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Create an API key; its secret (gai_...) is printed once and cannot be shown again."""
    from genaiops.runtime import Runtime
    from genaiops.server.keys import create_key, parse_scopes

    wanted = parse_scopes(scopes)  # a wrong scope fails before the database starts
    with Runtime.open(project) as rt:
        made = create_key(rt.db, name, tenant, (groups or "").split(","), wanted, rpm=rpm, tpm=tpm)
    if as_json:
        print(json.dumps({**made.key.to_dict(), "secret": made.secret}))  # noqa: T201
        return
    k = made.key
    console.print(
        f"created {k.id} ({k.name}): tenant {k.tenant}, groups {', '.join(k.groups) or '(none)'}, "
        f"scopes {', '.join(k.scopes)}{_limits(k.rpm, k.tpm)}",
        markup=False, highlight=False, soft_wrap=True,
    )  # fmt: skip
    console.print(made.secret, markup=False, highlight=False, soft_wrap=True)
    err_console.print("keep the secret now: it is not stored and cannot be shown again")


def _limits(rpm: int | None, tpm: int | None) -> str:
    parts = [f"{n:,} {unit} a minute" for n, unit in ((rpm, "requests"), (tpm, "tokens")) if n]
    return f", at most {' and '.join(parts)}" if parts else ""


@keys_app.command("list")
def list_command(as_json: JsonOpt = False, project: ProjectOpt = None) -> None:
    """The API keys (never their secrets): tenant, groups, scopes, last use, revoked or not
    (--json adds when each was created and revoked)."""
    from rich import box
    from rich.table import Table

    from genaiops.runtime import Runtime
    from genaiops.server.keys import list_keys

    with Runtime.open(project) as rt:
        keys = list_keys(rt.db)
    if as_json:
        print(json.dumps([k.to_dict() for k in keys]))  # noqa: T201
        return
    if not keys:
        console.print("no API keys; create one: genaiops keys create --name N --tenant T")
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for column in ("id", "name", "tenant", "groups", "scopes", "last used", "state"):
        wraps = column in ("name", "tenant", "groups", "scopes")
        table.add_column(
            column,
            overflow="fold" if wraps else "ellipsis",
            no_wrap=not wraps,
            min_width=10 if column == "scopes" else None,
        )

    def day(t: dt.datetime | None) -> str:
        return t.strftime("%Y-%m-%d") if t is not None else "-"

    for k in keys:
        table.add_row(
            k.id, k.name, k.tenant, " ".join(k.groups) or "-", " ".join(k.scopes),
            day(k.last_used_at), "revoked" if k.revoked_at else "active",
        )  # fmt: skip
    console.print(table)


@keys_app.command("revoke")
def revoke(
    key_id: Annotated[str, typer.Argument(help="the key's id (genaiops keys list)")],
    project: ProjectOpt = None,
) -> None:
    """Revoke a key: every server refuses it from its next request."""
    from genaiops.runtime import Runtime
    from genaiops.server.keys import revoke_key

    with Runtime.open(project) as rt:
        key = revoke_key(rt.db, key_id)
    console.print(f"revoked {key.id} ({key.name})", markup=False, highlight=False)
