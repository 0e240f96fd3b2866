"""The price table: one row per model name, each price with its source and date.

Prices come in two ways:

* ``genaiops costs prices import FILE`` reads LiteLLM's
  ``model_prices_and_context_window.json`` (plain or gzipped): per-token input and
  output prices, ``cache_read_input_token_cost`` as the cached-input price,
  ``input_cost_per_token_batches``/``output_cost_per_token_batches`` as batch prices,
  ``litellm_provider``, ``mode`` and the context limits. Prices are stored per 1M tokens,
  converted in decimal (``1.5e-07`` per token is exactly 0.15 per 1M). An entry without a
  per-token input and output price (images, audio seconds, the ``sample_spec``) is
  skipped and counted by reason. Each row's ``source`` is the entry's own ``source`` URL
  where it has one, else the file's name; ``as_of`` is the date given, else the file's.
* ``genaiops costs prices set NAME ...`` states one price: a self-hosted instance (price
  per hour, concurrency, measured tokens/s) or a negotiated token price.

A model of the project file uses a row with ``price: {from_table: NAME}``; the metering
wrapper resolves it on its first call (:func:`resolve_price`), so the ledger's cost
arithmetic (:func:`genaiops.costs.pricing.cost_of`) runs on the table's price.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert

from genaiops.costs.pricing import Price
from genaiops.errors import ConfigError, InputError
from genaiops.storage import Database
from genaiops.storage.schema import prices

__all__ = [
    "ImportReport",
    "PriceEntry",
    "PriceTable",
    "parse_litellm",
    "read_price_file",
    "resolve_price",
]

_PER_1M = Decimal(1_000_000)


@dataclass(frozen=True)
class PriceEntry:
    """One row of the price table."""

    model: str
    price: Price
    provider: str | None = None
    mode: str | None = None
    max_input_tokens: int | None = None
    max_output_tokens: int | None = None

    def row(self) -> dict[str, Any]:
        p = self.price
        return {
            "model": self.model,
            "provider": self.provider,
            "mode": self.mode,
            "input_per_1m": p.input_per_1m,
            "output_per_1m": p.output_per_1m,
            "cached_input_per_1m": p.cached_input_per_1m,
            "batch_input_per_1m": p.batch_input_per_1m,
            "batch_output_per_1m": p.batch_output_per_1m,
            "instance_per_hour": p.instance_per_hour,
            "concurrency": p.concurrency,
            "tokens_per_s": p.tokens_per_s,
            "max_call_s": p.max_call_s,
            "max_input_tokens": self.max_input_tokens,
            "max_output_tokens": self.max_output_tokens,
            "source": p.source,
            "as_of": p.as_of,
        }

    @classmethod
    def from_row(cls, r: Any) -> PriceEntry:
        """From a row mapping of the ``prices`` table."""
        keys = (
            "input_per_1m",
            "output_per_1m",
            "cached_input_per_1m",
            "batch_input_per_1m",
            "batch_output_per_1m",
            "instance_per_hour",
            "concurrency",
            "tokens_per_s",
            "max_call_s",
            "source",
            "as_of",
        )
        return cls(
            model=r["model"],
            price=Price(**{k: r[k] for k in keys if r[k] is not None}),
            provider=r["provider"],
            mode=r["mode"],
            max_input_tokens=r["max_input_tokens"],
            max_output_tokens=r["max_output_tokens"],
        )


@dataclass
class ImportReport:
    """What an import read: entries kept, and entries skipped by reason."""

    entries: list[PriceEntry] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return len(self.entries) + sum(self.skipped.values())


def _per_1m(value: Any) -> float | None:
    """A LiteLLM per-token price as USD per 1M tokens, converted in decimal."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    if not d.is_finite() or d < 0:
        return None
    return float(d * _PER_1M)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_litellm(data: Any, *, source: str, as_of: str) -> ImportReport:
    """Price entries from LiteLLM's ``model_prices_and_context_window.json`` document."""
    if not isinstance(data, dict):
        raise InputError(
            f"{source}: not a LiteLLM price table (expected a JSON object of model names, "
            f"got {type(data).__name__})"
        )
    report = ImportReport()
    for name, spec in data.items():
        if name == "sample_spec":
            report.skipped["the sample_spec (documentation)"] += 1
            continue
        if not isinstance(spec, dict):
            report.skipped["not an object"] += 1
            continue
        inp = _per_1m(spec.get("input_cost_per_token"))
        out = _per_1m(spec.get("output_cost_per_token"))
        if inp is None or out is None:
            report.skipped["no per-token input and output price"] += 1
            continue
        own_source = spec.get("source")
        price = Price(
            input_per_1m=inp,
            output_per_1m=out,
            cached_input_per_1m=_per_1m(spec.get("cache_read_input_token_cost")),
            batch_input_per_1m=_per_1m(spec.get("input_cost_per_token_batches")),
            batch_output_per_1m=_per_1m(spec.get("output_cost_per_token_batches")),
            source=own_source if isinstance(own_source, str) and own_source else source,
            as_of=as_of,
        )
        provider, mode = spec.get("litellm_provider"), spec.get("mode")
        report.entries.append(
            PriceEntry(
                model=str(name),
                price=price,
                provider=provider if isinstance(provider, str) else None,
                mode=mode if isinstance(mode, str) else None,
                max_input_tokens=_int(spec.get("max_input_tokens")),
                max_output_tokens=_int(spec.get("max_output_tokens")),
            )
        )
    return report


def read_price_file(path: Path, *, as_of: str | None = None) -> ImportReport:
    """Read a LiteLLM price file (``.json`` or ``.json.gz``). ``as_of`` defaults to the
    file's modification date."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the price file: {exc.strerror or exc}") from None
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not JSON ({exc}); pass LiteLLM's price file") from None
    if as_of is None:
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        as_of = mtime.date().isoformat()
    return parse_litellm(data, source=path.name, as_of=as_of)


class PriceTable:
    """The ``prices`` table of the project's database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert(self, entries: Iterable[PriceEntry]) -> int:
        """Insert or replace rows by model name, in one transaction; returns the count."""
        rows = [e.row() for e in entries]
        if not rows:
            return 0
        stmt = pg_insert(prices)
        stmt = stmt.on_conflict_do_update(
            index_elements=[prices.c.model],
            set_={
                **{c: stmt.excluded[c] for c in rows[0] if c != "model"},
                "updated_at": sa.func.now(),
            },
        )
        with self.db.engine.begin() as conn:
            for i in range(0, len(rows), 1000):
                conn.execute(stmt, rows[i : i + 1000])
        return len(rows)

    def get(self, model: str) -> PriceEntry | None:
        with self.db.engine.connect() as conn:
            row = conn.execute(sa.select(prices).where(prices.c.model == model)).first()
        return PriceEntry.from_row(row._mapping) if row is not None else None

    def search(self, match: str | None = None, limit: int | None = None) -> list[PriceEntry]:
        """Rows by model name; ``match`` keeps names that contain it (case-insensitive)."""
        query = sa.select(prices).order_by(prices.c.model)
        if match:
            query = query.where(prices.c.model.ilike(f"%{match}%"))
        if limit is not None:
            query = query.limit(limit)
        with self.db.engine.connect() as conn:
            return [PriceEntry.from_row(r._mapping) for r in conn.execute(query)]

    def count(self) -> int:
        with self.db.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(prices)).scalar_one())

    def delete(self, model: str) -> bool:
        with self.db.engine.begin() as conn:
            return conn.execute(sa.delete(prices).where(prices.c.model == model)).rowcount > 0

    def resolve(self, price: Price, model: str) -> Price:
        """``price`` itself, or the table's row it names (``from_table``)."""
        if price.from_table is None:
            return price
        entry = self.get(price.from_table)
        if entry is None:
            raise ConfigError(
                f"models.{model}.price.from_table: {price.from_table!r} is not in the price "
                f"table; import it with 'genaiops costs prices import FILE' or state it with "
                f"'genaiops costs prices set {price.from_table} --input USD --output USD'"
            )
        return entry.price


def resolve_price(price: Price, model: str, db: Database | None) -> Price:
    """The price a call is charged at: ``price``, or the price-table row it names."""
    if price.from_table is None:
        return price
    if db is None:
        raise ConfigError(
            f"models.{model}.price.from_table: the price table needs the project's database; "
            f"meter this model through a runtime (it has one) or state the price in the entry"
        )
    return PriceTable(db).resolve(price, model)
