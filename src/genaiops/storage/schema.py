"""The one schema definition: SQLAlchemy Core tables used by every query.

Migrations (``migrations/versions``, forward-only) bring a database to this shape; a
test migrates an empty database and compares it with :data:`metadata` (alembic's
``compare_metadata``), so the two cannot drift. The only objects outside it are the
per-knowledge-base HNSW indexes (``chunks_hnsw_*``): each is a partial index on
``embedding::vector(dim)`` for one knowledge base's dimension, created concurrently when
that knowledge base is first written, so building it never blocks writes elsewhere.
"""

from __future__ import annotations

import sqlalchemy as sa
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR

__all__ = [
    "HNSW_INDEX_PREFIX",
    "api_keys",
    "asks",
    "budget_events",
    "budget_reservations",
    "budget_windows",
    "budgets",
    "chunks",
    "documents",
    "eval_candidates",
    "eval_items",
    "eval_response_cache",
    "eval_results",
    "eval_runs",
    "eval_scores",
    "feedback",
    "knowledge_bases",
    "metadata",
    "prices",
    "rate_windows",
    "usage_ledger",
]

HNSW_INDEX_PREFIX = "chunks_hnsw_"

metadata = sa.MetaData()
NOW = sa.text("now()")

knowledge_bases = sa.Table(
    "knowledge_bases",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("embedder", sa.Text, nullable=False),
    sa.Column("dim", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column(
        "kb", sa.Text, sa.ForeignKey("knowledge_bases.name", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("checksum", sa.Text, nullable=False),
    sa.Column("acl_groups", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("meta", JSONB, nullable=False, server_default="{}"),
    sa.Column("n_chars", sa.Integer, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), server_default=NOW),
    # 0003: where it came from, who may read it, and how it was chunked
    sa.Column("uri", sa.Text, nullable=False, server_default=""),
    sa.Column("mime", sa.Text, nullable=False, server_default="text/plain"),
    sa.Column("modified_at", sa.DateTime(timezone=True)),
    sa.Column("owner", sa.Text),
    sa.Column("size_bytes", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("public", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("chunker", sa.Text, nullable=False, server_default=""),  # config fingerprint
    sa.UniqueConstraint("kb", "source"),
)

chunks = sa.Table(
    "chunks",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column(
        "document_id",
        sa.BigInteger,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("kb", sa.Text, nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("heading", sa.Text, nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("n_tokens", sa.Integer, nullable=False),
    sa.Column("embedding", Vector(), nullable=False),
    # 0015: the heading is indexed with the text (it is embedded with it too)
    sa.Column(
        "tsv",
        TSVECTOR,
        sa.Computed("to_tsvector('english', heading || E'\\n' || text)", persisted=True),
    ),
    # 0003: the page it is on, and its document's access (copied so that retrieval filters
    # in the same index scan: tenant, groups allowed to read, public)
    sa.Column("page", sa.Integer),
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("acl_groups", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("public", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("chunks_kb", "kb"),
    sa.Index("chunks_document", "document_id"),
    sa.Index("chunks_tsv", "tsv", postgresql_using="gin"),
    sa.Index("chunks_kb_tenant", "kb", "tenant"),
    sa.Index("chunks_acl", "acl_groups", postgresql_using="gin"),
)

usage_ledger = sa.Table(
    "usage_ledger",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("trace_id", sa.Text, nullable=False),
    sa.Column("app", sa.Text),
    sa.Column("model", sa.Text, nullable=False),
    sa.Column("provider", sa.Text, nullable=False),
    sa.Column("prompt_tokens", sa.Integer, nullable=False),
    sa.Column("completion_tokens", sa.Integer, nullable=False),
    sa.Column("tokens_estimated", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("input_usd", sa.Float, nullable=False),
    sa.Column("output_usd", sa.Float, nullable=False),
    sa.Column("instance_usd", sa.Float, nullable=False),
    sa.Column("cost_usd", sa.Float, nullable=False),
    sa.Column("latency_ms", sa.Float, nullable=False),
    sa.Column("ttft_ms", sa.Float, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # ok | error | cancelled
    sa.Column("error", sa.Text),
    # 0002: who asked, and why the call was made
    sa.Column("purpose", sa.Text, nullable=False, server_default="answer"),  # answer | judge ...
    sa.Column("finish_reason", sa.Text),
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("principal", sa.Text),
    sa.Column("api_key_id", sa.Text),
    sa.Column("tags", JSONB, nullable=False, server_default="{}"),
    sa.Index("usage_ledger_ts", "ts"),
    sa.Index("usage_ledger_trace", "trace_id"),
    sa.Index("usage_ledger_tenant_ts", "tenant", "ts"),
)

asks = sa.Table(
    "asks",
    metadata,
    sa.Column("trace_id", sa.Text, primary_key=True),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("app", sa.Text, nullable=False),
    sa.Column("question", sa.Text, nullable=False),  # redacted per the policy
    sa.Column("answer", sa.Text, nullable=False),  # redacted per the policy
    sa.Column("status", sa.Text, nullable=False),  # answered | blocked | cancelled | error
    sa.Column("citations", JSONB, nullable=False),
    sa.Column("findings", JSONB, nullable=False),
    sa.Column("timings", JSONB, nullable=False),
    sa.Column("cost_usd", sa.Float, nullable=False),
    # 0002: the caller, the chunks the answer saw (redacted), and how the row was redacted
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("principal", sa.Text),
    sa.Column("api_key_id", sa.Text),
    sa.Column("tags", JSONB, nullable=False, server_default="{}"),
    sa.Column("sources", JSONB, nullable=False, server_default="[]"),
    sa.Column("redaction", sa.Text, nullable=False, server_default="none"),
    sa.Index("asks_tenant_ts", "tenant", "ts"),
)

# -- evaluation (0010) ----------------------------------------------------------------------
# A run evaluates candidates (app variants) over items (a dataset, copied in so a resumed
# run sees the same items), ``repeats`` times each. One result row per (candidate, item,
# repeat) is committed as soon as it is scored, with its scores in ``eval_scores``: a
# crashed run resumes by running only the missing rows. Model responses are cached by
# model, parameters and the exact messages, so a re-run makes no model call.

eval_runs = sa.Table(
    "eval_runs",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("status", sa.Text, nullable=False),  # running | done | interrupted | failed
    sa.Column("name", sa.Text, nullable=False),  # the suite's name
    sa.Column("suite", JSONB, nullable=False),  # the suite as resolved (metrics, judge, seed)
    sa.Column("dataset", sa.Text, nullable=False),  # its path, as given
    sa.Column("dataset_sha", sa.Text, nullable=False),  # checksum of the items as loaded
    sa.Column("repeats", sa.Integer, nullable=False),
    sa.Column("summary", JSONB),  # the report, once the run is done
    sa.Index("eval_runs_created", "created_at"),
)

eval_candidates = sa.Table(
    "eval_candidates",
    metadata,
    sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
    sa.Column("name", sa.Text),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("spec", JSONB, nullable=False),  # model, strategy, prompt: the matrix cell
    sa.Column("app", JSONB, nullable=False),  # the AppConfig it ran (what promote would serve)
    sa.PrimaryKeyConstraint("run_id", "name"),
)

eval_items = sa.Table(
    "eval_items",
    metadata,
    sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
    sa.Column("item_id", sa.Text),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("item", JSONB, nullable=False),  # the dataset line as loaded
    sa.PrimaryKeyConstraint("run_id", "item_id"),
)

eval_results = sa.Table(
    "eval_results",
    metadata,
    sa.Column("run_id", sa.Text, sa.ForeignKey("eval_runs.id", ondelete="CASCADE")),
    sa.Column("candidate", sa.Text),
    sa.Column("item_id", sa.Text),
    sa.Column("repeat", sa.Integer),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("trace_id", sa.Text, nullable=False),  # the ask (audit, ledger) it came from
    sa.Column("status", sa.Text, nullable=False),  # answered | blocked | cancelled | error
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("cached", sa.Boolean, nullable=False),  # the model's response came from the cache
    sa.Column("retrieved", JSONB, nullable=False),  # [{source, chunk, score}] before checks
    sa.Column("findings", JSONB, nullable=False),
    sa.Column("prompt_tokens", sa.Integer, nullable=False),
    sa.Column("completion_tokens", sa.Integer, nullable=False),
    sa.Column("total_ms", sa.Float, nullable=False),  # the ask, with the model's own time
    sa.Column("model_ms", sa.Float, nullable=False),  # the model call (as first measured)
    sa.Column("ttft_ms", sa.Float, nullable=False),
    sa.Column("cost_usd", sa.Float, nullable=False),  # the answer at the catalog price
    sa.Column("billed_usd", sa.Float, nullable=False),  # what this run paid (0 when cached)
    sa.PrimaryKeyConstraint("run_id", "candidate", "item_id", "repeat"),
)

eval_scores = sa.Table(
    "eval_scores",
    metadata,
    sa.Column("run_id", sa.Text),
    sa.Column("candidate", sa.Text),
    sa.Column("item_id", sa.Text),
    sa.Column("repeat", sa.Integer),
    sa.Column("metric", sa.Text),
    sa.Column("value", sa.Float),  # 0..1; NULL where the metric does not apply to the item
    sa.Column("reason", sa.Text, nullable=False, server_default=""),
    sa.Column("detail", JSONB, nullable=False, server_default="{}"),
    sa.PrimaryKeyConstraint("run_id", "candidate", "item_id", "repeat", "metric"),
    sa.ForeignKeyConstraint(
        ["run_id", "candidate", "item_id", "repeat"],
        [
            "eval_results.run_id",
            "eval_results.candidate",
            "eval_results.item_id",
            "eval_results.repeat",
        ],
        ondelete="CASCADE",
    ),
)

eval_response_cache = sa.Table(
    "eval_response_cache",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),  # sha256 of model, parameters, messages
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("model", sa.Text, nullable=False),
    sa.Column("request", JSONB, nullable=False),  # what the key was computed from
    sa.Column("pieces", JSONB, nullable=False),  # the text as streamed, piece by piece
    sa.Column("text", sa.Text, nullable=False),  # the reply as the provider returned it
    sa.Column("prompt_tokens", sa.Integer, nullable=False),
    sa.Column("completion_tokens", sa.Integer, nullable=False),
    sa.Column("tokens_estimated", sa.Boolean, nullable=False),
    sa.Column("finish_reason", sa.Text, nullable=False),
    sa.Column("latency_ms", sa.Float, nullable=False),
    sa.Column("ttft_ms", sa.Float, nullable=False),
    sa.Index("eval_response_cache_model", "model"),
)

# -- costs (0011) ---------------------------------------------------------------------------
# The price table: one row per model name, each price with its source and date. Budgets:
# a limit per tenant, key, app or tag and period; spend and reservations are counted per
# period (``budget_windows``, one row per budget and UTC day or month), and each reserved
# call holds a row in ``budget_reservations`` until it is settled, released or reclaimed
# (its lease expired, or its process is gone). Money that is summed is NUMERIC: exact.

MONEY = sa.Numeric(24, 12)

prices = sa.Table(
    "prices",
    metadata,
    sa.Column("model", sa.Text, primary_key=True),  # the name a price names (from_table)
    sa.Column("provider", sa.Text),  # litellm_provider: openai, anthropic, self-hosted ...
    sa.Column("mode", sa.Text),  # chat, completion, embedding ... (as imported)
    sa.Column("input_per_1m", sa.Float, nullable=False),
    sa.Column("output_per_1m", sa.Float, nullable=False),
    sa.Column("cached_input_per_1m", sa.Float),
    sa.Column("batch_input_per_1m", sa.Float),
    sa.Column("batch_output_per_1m", sa.Float),
    sa.Column("instance_per_hour", sa.Float, nullable=False, server_default="0"),
    sa.Column("concurrency", sa.Integer, nullable=False, server_default="1"),
    sa.Column("tokens_per_s", sa.Float),  # measured throughput of a self-hosted instance
    sa.Column("max_call_s", sa.Float),
    sa.Column("max_input_tokens", sa.Integer),
    sa.Column("max_output_tokens", sa.Integer),
    sa.Column("source", sa.Text, nullable=False),  # a URL, a file, a quote
    sa.Column("as_of", sa.Text, nullable=False),  # when the price was valid (ISO date)
    sa.Column("updated_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
)

budgets = sa.Table(
    "budgets",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),  # SCOPE:SUBJECT/PERIOD
    sa.Column("scope", sa.Text, nullable=False),  # tenant | key | app | tag
    sa.Column("subject", sa.Text, nullable=False),  # acme, key-ci, assistant, team=sales
    sa.Column("period", sa.Text, nullable=False),  # day | month (UTC)
    sa.Column("limit_usd", MONEY, nullable=False),
    sa.Column("alert_at", sa.Float, nullable=False),  # share of the limit
    sa.Column("origin", sa.Text, nullable=False),  # project (the project file) | cli
    sa.Column("updated_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Index("budgets_target", "scope", "subject"),
)

budget_windows = sa.Table(
    "budget_windows",
    metadata,
    sa.Column("budget", sa.Text, sa.ForeignKey("budgets.name", ondelete="CASCADE")),
    sa.Column("window_start", sa.DateTime(timezone=True)),
    sa.Column("spent_usd", MONEY, nullable=False, server_default="0"),
    sa.Column("reserved_usd", MONEY, nullable=False, server_default="0"),
    sa.Column("alerted", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.PrimaryKeyConstraint("budget", "window_start"),
)

budget_reservations = sa.Table(
    "budget_reservations",
    metadata,
    sa.Column("id", sa.Text),
    sa.Column("budget", sa.Text),
    sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
    sa.Column("amount_usd", MONEY, nullable=False),
    sa.Column("trace_id", sa.Text),
    sa.Column("host", sa.Text, nullable=False),
    sa.Column("pid", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint("id", "budget"),
    sa.ForeignKeyConstraint(
        ["budget", "window_start"],
        ["budget_windows.budget", "budget_windows.window_start"],
        ondelete="CASCADE",
    ),
    sa.Index("budget_reservations_expiry", "expires_at"),
    sa.Index("budget_reservations_budget", "budget"),
)

budget_events = sa.Table(
    "budget_events",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("budget", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),  # alert | exceeded | reclaimed
    sa.Column("window_start", sa.DateTime(timezone=True)),
    sa.Column("spent_usd", MONEY),
    sa.Column("limit_usd", MONEY),
    sa.Column("trace_id", sa.Text),
    sa.Column("detail", sa.Text, nullable=False, server_default=""),
    sa.Index("budget_events_budget_ts", "budget", "ts"),
)

# -- value (0012) ---------------------------------------------------------------------------
# A thumbs up or down on an answer, by its trace id; app and tenant copied from the ask.
feedback = sa.Table(
    "feedback",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("ts", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("trace_id", sa.Text, nullable=False),
    sa.Column("app", sa.Text, nullable=False),
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("rating", sa.SmallInteger, nullable=False),  # 1 up, -1 down
    sa.Column("comment", sa.Text),
    sa.Column("principal", sa.Text),
    sa.Column("tags", JSONB, nullable=False, server_default="{}"),
    sa.CheckConstraint("rating IN (-1, 1)", name="feedback_rating"),
    sa.Index("feedback_trace", "trace_id"),
    sa.Index("feedback_app_ts", "app", "ts"),
)

# -- the server (0013) ----------------------------------------------------------------------
# API keys: the secret is shown once and only its sha256 is stored (a token of 256 random
# bits needs no slow hash). A key's tenant, groups and id become the caller of each request.
api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),  # key_<hex>: budgets and the ledger name it
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("tenant", sa.Text, nullable=False, server_default="default"),
    sa.Column("groups", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("scopes", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("secret_sha256", sa.Text, nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    sa.Column("last_used_at", sa.DateTime(timezone=True)),
    sa.Column("rpm", sa.Integer),  # requests per minute; NULL: no limit (0014)
    sa.Column("tpm", sa.Integer),  # tokens per minute; NULL: no limit (0014)
)

# -- rate limits (0014) ---------------------------------------------------------------------
# One row per API key and minute: every server process counts the key's requests (before
# the model call) and tokens (after it) in the same row, atomically (INSERT ... ON CONFLICT
# DO UPDATE ... RETURNING), so a limit holds across processes and hosts.
rate_windows = sa.Table(
    "rate_windows",
    metadata,
    sa.Column("key_id", sa.Text, primary_key=True),
    sa.Column("window_start", sa.DateTime(timezone=True), primary_key=True),
    sa.Column("requests", sa.Integer, nullable=False, server_default="0"),
    sa.Column("tokens", sa.BigInteger, nullable=False, server_default="0"),
)
