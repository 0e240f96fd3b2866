"""The runtime: one per process, everything built once, kept warm and shared.

A :class:`Runtime` is a project file made live. It builds on first use, caches, and
closes: the database (embedded or external), the ledger, the document store, one
thread-safe caching embedder per embedder kind (retrieval and every guardrail check use
it, so a text is embedded once per request), the model providers (each wrapped in the
one metering wrapper), the compiled guardrail engines and the compiled apps.
:meth:`Runtime.app` returns the same compiled app on every call, from any thread.

``builds`` counts what was built, per kind: a second ask in one process builds nothing.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from genaiops.apps.app import CompiledApp
from genaiops.apps.metering import MeteredProvider
from genaiops.config import (
    AppConfig,
    ModelConfigBase,
    ProjectConfig,
    Settings,
    get_settings,
    load_project,
)
from genaiops.costs.ledger import Ledger
from genaiops.errors import NotFoundError
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.embedders import CachingEmbedder, create_embedder
from genaiops.knowledge.store import PgDocumentStore
from genaiops.models.base import ModelProvider
from genaiops.models.catalog import create_provider
from genaiops.storage import Database

__all__ = ["GUARD_EMBEDDER", "Runtime"]

T = TypeVar("T")

#: the embedder guardrail checks use (their artifacts were trained on its vectors)
GUARD_EMBEDDER = "minilm-l6-int8"


def _pick(kind: str, name: str, pool: dict[str, object], key: str) -> None:
    if name not in pool:
        valid = ", ".join(sorted(pool)) or "(none declared)"
        raise NotFoundError(f"unknown {kind} {name!r}; declared under '{key}': {valid}")


class Runtime:
    def __init__(
        self,
        config: ProjectConfig,
        base_dir: Path,
        settings: Settings | None = None,
        database: Database | None = None,
    ) -> None:
        self.config = config
        self.base_dir = base_dir
        self.settings = settings or get_settings()
        self._db = database
        self._owns_db = database is None
        self._lock = threading.RLock()
        self._cache: dict[tuple[str, str], object] = {}
        self.builds: Counter[str] = Counter()

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Runtime:
        config, base_dir = load_project(path)
        return cls(config, base_dir)

    def __enter__(self) -> Runtime:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _once(self, kind: str, name: str, build: Callable[[], T]) -> T:
        """The cached ``kind``/``name`` component, built by the first caller only."""
        key = (kind, name)
        found = self._cache.get(key)
        if found is None:
            with self._lock:
                found = self._cache.get(key)
                if found is None:
                    found = build()
                    self._cache[key] = found
                    self.builds[kind] += 1
        return found  # type: ignore[return-value]

    # -- state ------------------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return (self.base_dir / self.config.data_dir).resolve()

    @property
    def db(self) -> Database:
        if self._db is None:
            with self._lock:
                if self._db is None:
                    url = self.settings.database_url
                    self._db = Database(
                        url.get_secret_value() if url else None, data_dir=self.data_dir
                    )
        return self._db

    @property
    def ledger(self) -> Ledger:
        return self._once("ledger", "", lambda: Ledger(self.db, self.config.budgets))

    @property
    def store(self) -> PgDocumentStore:
        return self._once("store", "", lambda: PgDocumentStore(self.db))

    # -- components -------------------------------------------------------------------------

    def embedder(self, kind: str) -> CachingEmbedder:
        """One embedder per kind, shared by retrieval and the guardrail checks, so a text
        is embedded once. Its options (threads, batch size: they change speed, not
        vectors) are those of the first knowledge base that declares that kind."""
        options = next(
            (
                kb.embedder_options
                for kb in self.config.knowledge_bases.values()
                if kb.embedder == kind and kb.embedder_options
            ),
            None,
        )
        return self._once("embedder", kind, lambda: CachingEmbedder(create_embedder(kind, options)))

    def model_config(self, name: str) -> ModelConfigBase:
        models = self.config.all_models()
        _pick("model", name, dict(models), "models")
        return models[name]

    def raw_provider(self, name: str) -> ModelProvider:
        """The provider itself (unmetered); one per model, shared by every purpose."""
        return self._once(
            "provider", name, lambda: create_provider(name, self.model_config(name), self.base_dir)
        )

    def provider(self, name: str, purpose: str = "answer") -> MeteredProvider:
        """The model behind the one metering wrapper: every call lands in the ledger."""
        return self._once(
            "metered",
            f"{name}:{purpose}",
            lambda: MeteredProvider(
                self.raw_provider(name), self.model_config(name).price, self.ledger, purpose
            ),
        )

    def knowledge_base(self, name: str) -> KnowledgeBase:
        _pick("knowledge base", name, dict(self.config.knowledge_bases), "knowledge_bases")
        cfg = self.config.knowledge_bases[name]
        return self._once(
            "knowledge_base",
            name,
            lambda: KnowledgeBase(
                name,
                cfg,
                self.embedder(cfg.embedder),
                self.store,
                self.base_dir,
            ),
        )

    def guard(self, name: str) -> GuardrailEngine:
        """A policy compiled into checks (once); its checks share the runtime's embedder."""
        _pick("guardrail policy", name, dict(self.config.guardrails), "guardrails")
        policy = self.config.guardrails[name]
        judge = policy.contextual_grounding.judge_model if policy.contextual_grounding else None
        return self._once(
            "guard",
            name,
            lambda: GuardrailEngine(
                name,
                policy,
                embedder=self.embedder(GUARD_EMBEDDER),
                judge=self.provider(judge, purpose="judge") if judge else None,
            ),
        )

    def default_app_name(self) -> str:
        if self.config.default_app:
            return self.config.default_app
        if len(self.config.apps) == 1:
            return next(iter(self.config.apps))
        valid = ", ".join(sorted(self.config.apps)) or "(none declared)"
        raise NotFoundError(f"name an app with --app (or set default_app); apps: {valid}")

    def app(self, name: str | None = None) -> CompiledApp:
        """The compiled app (built once; safe to call from many threads)."""
        name = name or self.default_app_name()
        _pick("app", name, dict(self.config.apps), "apps")
        cfg = self.config.apps[name]
        return self._once("app", name, lambda: self.compile(name, cfg))

    def compiled_app(self, name: str) -> CompiledApp | None:
        """The app ``name`` if :meth:`app` has compiled it already, else None: a look-up
        that never builds or blocks (the server calls it on its event loop)."""
        found = self._cache.get(("app", name))
        return found  # type: ignore[return-value]

    def compile(
        self,
        name: str,
        config: AppConfig,
        wrap_provider: Callable[[ModelProvider], ModelProvider] | None = None,
    ) -> CompiledApp:
        """Compile ``config`` as app ``name`` over this runtime's shared components (its
        warm provider, knowledge base, guardrail engine and ledger), uncached: what
        :meth:`app` does for the project's apps, and evaluation for its candidates.
        ``wrap_provider`` puts a wrapper (a response cache) around the metered model."""
        provider = self.provider(config.model)
        return CompiledApp(
            name,
            config,
            provider=wrap_provider(provider) if wrap_provider is not None else provider,
            knowledge_base=(
                self.knowledge_base(config.knowledge_base) if config.knowledge_base else None
            ),
            guard=self.guard(config.guardrail) if config.guardrail else None,
            ledger=self.ledger,
        )

    def warm_up(self, app: str | None = None) -> CompiledApp:
        """Build and warm an app: model loaded, guardrail artifacts read, embedder ready,
        database started and migrated. The first ask then costs what the next ones do."""
        compiled = self.app(app)
        self.db.engine  # noqa: B018 - starts and migrates the database
        compiled.warm_up()
        return compiled

    def close(self) -> None:
        with self._lock:
            for (kind, _), item in list(self._cache.items()):
                if kind == "provider":
                    assert isinstance(item, ModelProvider)
                    item.close()
            self._cache.clear()
            if self._db is not None and self._owns_db:
                self._db.close()
                self._db = None
