"""`genaiops costs ...`: the price table and budgets of a project.

* ``costs prices import FILE`` reads LiteLLM's ``model_prices_and_context_window.json``
  (or its ``.gz``) into the price table; ``costs prices set`` states one price (a
  self-hosted instance, a negotiated rate); ``costs prices list`` shows them with their
  source and date.
* ``costs budgets set TARGET --period day|month --limit USD`` caps a tenant, key, app or
  tag; ``costs budgets list`` shows each budget's spend in the current period (after
  reclaiming reservations of ended processes); ``costs budgets delete NAME`` removes one.
  Budgets declared in the project file (``budgets:``) are written first, so the list
  shows both.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from genaiops.errors import InputError

if TYPE_CHECKING:
    from genaiops.costs.budgets import BudgetBook
    from genaiops.costs.prices import PriceTable

__all__ = ["budgets_app", "costs_app", "prices_app"]

costs_app = typer.Typer(help="Costs: the price table and budgets.", no_args_is_help=True)
prices_app = typer.Typer(help="The price table: import, list, set.", no_args_is_help=True)
budgets_app = typer.Typer(
    help="Budgets per tenant, key, app or tag: list, set, delete.", no_args_is_help=True
)
costs_app.add_typer(prices_app, name="prices")
costs_app.add_typer(budgets_app, name="budgets")
console = Console()

ProjectOpt = Annotated[Path | None, typer.Option("--project", "-p", help="project file or folder")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]


@contextmanager
def _book(project: Path | None) -> Iterator[tuple[PriceTable, BudgetBook]]:
    """The project's price table and budgets (with its declared budgets written)."""
    from genaiops.costs.budgets import BudgetBook
    from genaiops.costs.prices import PriceTable
    from genaiops.runtime import Runtime

    with Runtime.open(project) as rt:
        yield PriceTable(rt.db), BudgetBook(rt.db, rt.config.budgets)


def _usd(value: float | None) -> str:
    from genaiops.cli.main import _money

    return "-" if value is None else _money(value)


def _where(source: str) -> str:
    """A source for a narrow table: a URL's host (``--json`` has it whole)."""
    from urllib.parse import urlsplit

    parts = urlsplit(source)
    return parts.netloc if parts.scheme in ("http", "https") and parts.netloc else source


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


# -- prices ---------------------------------------------------------------------------------


@prices_app.command("import")
def prices_import(
    file: Annotated[Path, typer.Argument(help="LiteLLM's model_prices_and_context_window.json")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="the date the prices held (default: the file's)")
    ] = None,
    provider: Annotated[
        str | None, typer.Option(help="import only this litellm_provider (e.g. openai)")
    ] = None,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Import a LiteLLM price file into the price table (rows replaced by model name)."""
    from genaiops.costs.prices import read_price_file

    report = read_price_file(file, as_of=as_of)
    entries = [e for e in report.entries if provider is None or e.provider == provider]
    with _book(project) as (table, _):
        stored = table.upsert(entries)
        total = table.count()
    out = {
        "file": str(file),
        "read": report.total,
        "imported": stored,
        "skipped": dict(report.skipped),
        "filtered_out": len(report.entries) - len(entries),
        "table_rows": total,
    }
    if as_json:
        print(json.dumps(out, indent=2))  # noqa: T201 - pure JSON
        return
    console.print(
        f"imported {stored:,} prices from {escape(file.name)} ({report.total:,} entries read); "
        f"the price table holds {total:,}"
    )
    for why, n in sorted(report.skipped.items()):
        console.print(f"  skipped {n:,}: {escape(why)}", highlight=False)
    if out["filtered_out"]:
        console.print(f"  not of provider {provider}: {out['filtered_out']:,}", highlight=False)


@prices_app.command("list")
def prices_list(
    match: Annotated[str | None, typer.Option(help="names that contain this text")] = None,
    limit: Annotated[int, typer.Option(help="show at most N rows")] = 50,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Rows of the price table, each with its source (a URL's host; ``--json``: whole) and
    date."""
    from genaiops.cli.main import _table

    with _book(project) as (table, _):
        rows = table.search(match, limit=limit)
    if as_json:
        data = [{**asdict(e), "price": e.price.model_dump(exclude_none=True)} for e in rows]
        print(json.dumps(data, indent=2))  # noqa: T201 - pure JSON
        return
    t = _table("Price table (USD per 1M tokens; instances per hour)")
    t.add_column("model", overflow="fold")
    for col in ("in", "out", "cached\nin", "batch\nin/out", "$/hour"):
        t.add_column(col, justify="right", no_wrap=True)
    t.add_column("source, as of", overflow="fold")
    for e in rows:
        p = e.price
        batch = (
            f"{_num(p.batch_input_per_1m)}/{_num(p.batch_output_per_1m)}"
            if p.batch_input_per_1m is not None or p.batch_output_per_1m is not None
            else "-"
        )
        t.add_row(
            escape(e.model),
            _num(p.input_per_1m),
            _num(p.output_per_1m),
            _num(p.cached_input_per_1m),
            batch,
            _num(p.instance_per_hour) if p.instance_per_hour else "-",
            escape(f"{_where(p.source)}, {p.as_of}"),
        )
    console.print(t)


@prices_app.command("set")
def prices_set(
    model: Annotated[str, typer.Argument(help="the name models refer to with from_table")],
    input_per_1m: Annotated[float, typer.Option("--input", help="USD per 1M prompt tokens")] = 0.0,
    output_per_1m: Annotated[
        float, typer.Option("--output", help="USD per 1M completion tokens")
    ] = 0.0,
    cached_input_per_1m: Annotated[
        float | None, typer.Option("--cached-input", help="USD per 1M cached prompt tokens")
    ] = None,
    batch_input_per_1m: Annotated[
        float | None, typer.Option("--batch-input", help="USD per 1M batch prompt tokens")
    ] = None,
    batch_output_per_1m: Annotated[
        float | None, typer.Option("--batch-output", help="USD per 1M batch completion tokens")
    ] = None,
    instance_per_hour: Annotated[
        float, typer.Option("--instance-per-hour", help="USD per hour of a self-hosted instance")
    ] = 0.0,
    concurrency: Annotated[int, typer.Option(help="requests one instance serves at once")] = 1,
    tokens_per_s: Annotated[
        float | None, typer.Option("--tokens-per-s", help="measured generation tokens/s")
    ] = None,
    max_call_s: Annotated[
        float | None, typer.Option("--max-call-s", help="the longest a call runs (seconds)")
    ] = None,
    source: Annotated[str, typer.Option(help="where the price comes from")] = "genaiops costs",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="when it held (default: today)")
    ] = None,
    project: ProjectOpt = None,
) -> None:
    """State one price: a self-hosted instance (per hour, throughput) or token prices."""
    from pydantic import ValidationError

    from genaiops.costs.prices import PriceEntry
    from genaiops.costs.pricing import Price

    try:
        price = Price(
            input_per_1m=input_per_1m,
            output_per_1m=output_per_1m,
            cached_input_per_1m=cached_input_per_1m,
            batch_input_per_1m=batch_input_per_1m,
            batch_output_per_1m=batch_output_per_1m,
            instance_per_hour=instance_per_hour,
            concurrency=concurrency,
            tokens_per_s=tokens_per_s,
            max_call_s=max_call_s,
            source=source,
            as_of=as_of or dt.datetime.now(dt.UTC).date().isoformat(),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(
            f"--{str(first['loc'][0]).replace('_per_1m', '').replace('_', '-')}: "
            f"{first['msg'].lower()}"
        ) from None
    mode = "self-hosted" if instance_per_hour else None
    with _book(project) as (table, _):
        table.upsert([PriceEntry(model, price, provider=mode, mode=None)])
    console.print(f"price of {escape(model)} set (source {escape(price.source)}, {price.as_of})")


# -- budgets --------------------------------------------------------------------------------


@budgets_app.command("list")
def budgets_list(
    events: Annotated[int, typer.Option(help="also show the latest N budget events")] = 0,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Each budget's spend, reserved amount and limit in its current period."""
    from genaiops.cli.main import _table

    with _book(project) as (_, book):
        book.reclaim()
        rows = book.statuses()
        recent = book.events(limit=events) if events else []
    if as_json:
        data: dict[str, Any] = {
            "budgets": [{**asdict(r), "left_usd": r.left_usd} for r in rows],
            "events": recent,
        }
        print(json.dumps(data, indent=2, default=str))  # noqa: T201 - pure JSON
        return
    t = _table("Budgets (current period, UTC)")
    t.add_column("budget", overflow="fold")
    for col in ("spent", "reserved", "limit", "left", "alert\nat"):
        t.add_column(col, justify="right", no_wrap=True)
    t.add_column("from", no_wrap=True)
    for r in rows:
        t.add_row(
            escape(r.name),
            _usd(r.spent_usd),
            _usd(r.reserved_usd),
            _usd(r.limit_usd),
            _usd(r.left_usd),
            f"{r.alert_at:.0%}",
            r.origin,
        )
    console.print(t)
    for e in recent:
        console.print(
            f"{e['ts']:%Y-%m-%d %H:%M:%S} {e['kind']:<9} {e['budget']} {e['detail']}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


@budgets_app.command("set")
def budgets_set(
    target: Annotated[str, typer.Argument(help="tenant:NAME, key:ID, app:NAME or tag:NAME=VALUE")],
    limit: Annotated[float, typer.Option("--limit", help="USD per period")],
    period: Annotated[str, typer.Option(help="day or month (UTC)")] = "month",
    alert_at: Annotated[
        float, typer.Option("--alert-at", help="share of the limit that alerts")
    ] = 0.8,
    project: ProjectOpt = None,
) -> None:
    """Create or change a budget."""
    from pydantic import ValidationError

    from genaiops.costs.budget_config import BudgetConfig, parse_budget_target

    try:
        scope, subject = parse_budget_target(target)
        budget = BudgetConfig.model_validate(
            {scope: subject, "period": period, "limit_usd": limit, "alert_at": alert_at}
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        key = {"limit_usd": "--limit", "alert_at": "--alert-at", "period": "--period"}.get(
            str(first["loc"][0]) if first["loc"] else "", "TARGET"
        )
        msg = str(first["msg"]).removeprefix("Value error, ")
        raise InputError(f"{key}: {msg[:1].lower()}{msg[1:]}") from None
    with _book(project) as (_, book):
        book.set(budget)
    console.print(
        f"budget {escape(budget.name)}: {_usd(budget.limit_usd)} per {budget.period}, "
        f"alert at {budget.alert_at:.0%}"
    )


@budgets_app.command("delete")
def budgets_delete(
    name: Annotated[str, typer.Argument(help="SCOPE:SUBJECT/PERIOD, e.g. tenant:acme/month")],
    project: ProjectOpt = None,
) -> None:
    """Remove a budget set with the CLI (a declared one returns with the project file)."""
    with _book(project) as (_, book):
        book.delete(name)
    console.print(f"budget {escape(name)} deleted")
