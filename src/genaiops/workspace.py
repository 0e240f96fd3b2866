"""A workspace: one project file made live. It builds, caches and closes the providers,
embedders, knowledge bases, guardrail engines, the database and the ledger that apps use.
Nothing is loaded or started until it is first asked for."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

from genaiops.apps import App
from genaiops.config import ProjectConfig, Settings, get_settings, load_project
from genaiops.costs.ledger import Ledger
from genaiops.errors import NotFoundError
from genaiops.guardrails.engine import GuardrailEngine
from genaiops.knowledge.base import KnowledgeBase
from genaiops.knowledge.embedders import Embedder, create_embedder
from genaiops.knowledge.store import PgDocumentStore
from genaiops.models.base import ModelProvider
from genaiops.models.catalog import AnyModelConfig, create_provider
from genaiops.storage import Database

__all__ = ["Workspace"]


def _pick(kind: str, name: str, pool: dict[str, object], key: str) -> None:
    if name not in pool:
        valid = ", ".join(sorted(pool)) or "(none declared)"
        raise NotFoundError(f"unknown {kind} {name!r}; declared under '{key}': {valid}")


class Workspace:
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
        self._providers: dict[str, ModelProvider] = {}
        self._embedders: dict[str, Embedder] = {}
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Workspace:
        config, base_dir = load_project(path)
        return cls(config, base_dir)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def data_dir(self) -> Path:
        return (self.base_dir / self.config.data_dir).resolve()

    @property
    def db(self) -> Database:
        if self._db is None:
            url = self.settings.database_url
            self._db = Database(url.get_secret_value() if url else None, data_dir=self.data_dir)
        return self._db

    @property
    def ledger(self) -> Ledger:
        return Ledger(self.db)

    def model_config(self, name: str) -> AnyModelConfig:
        models = self.config.all_models()
        _pick("model", name, dict(models), "models")
        return models[name]

    def provider(self, name: str) -> ModelProvider:
        with self._lock:
            if name not in self._providers:
                self._providers[name] = create_provider(
                    name, self.model_config(name), self.base_dir
                )
            return self._providers[name]

    def embedder(self, name: str) -> Embedder:
        with self._lock:
            if name not in self._embedders:
                self._embedders[name] = create_embedder(name)
            return self._embedders[name]

    def knowledge_base(self, name: str) -> KnowledgeBase:
        _pick("knowledge base", name, dict(self.config.knowledge_bases), "knowledge_bases")
        cfg = self.config.knowledge_bases[name]
        return KnowledgeBase(
            name, cfg, self.embedder(cfg.embedder), PgDocumentStore(self.db), self.base_dir
        )

    def guard(self, name: str) -> GuardrailEngine:
        """A policy compiled into checks; they share the workspace's MiniLM embedder."""
        _pick("guardrail policy", name, dict(self.config.guardrails), "guardrails")
        policy = self.config.guardrails[name]
        judge_name = (
            policy.contextual_grounding.judge_model if policy.contextual_grounding else None
        )
        return GuardrailEngine(
            name,
            policy,
            embedder=self.embedder("minilm-l6-int8"),
            judge=self.provider(judge_name) if judge_name else None,
        )

    def default_app_name(self) -> str:
        if self.config.default_app:
            return self.config.default_app
        if len(self.config.apps) == 1:
            return next(iter(self.config.apps))
        valid = ", ".join(sorted(self.config.apps)) or "(none declared)"
        raise NotFoundError(f"name an app with --app (or set default_app); apps: {valid}")

    def app(self, name: str | None = None, *, meter: bool = True) -> App:
        name = name or self.default_app_name()
        _pick("app", name, dict(self.config.apps), "apps")
        cfg = self.config.apps[name]
        model = self.model_config(cfg.model)
        return App(
            name,
            cfg,
            provider=self.provider(cfg.model),
            price=model.price,
            context_window=model.context_window,
            knowledge_base=self.knowledge_base(cfg.knowledge_base) if cfg.knowledge_base else None,
            guard=self.guard(cfg.guardrail) if cfg.guardrail else None,
            ledger=self.ledger if meter else None,
        )

    def close(self) -> None:
        for provider in self._providers.values():
            provider.close()
        self._providers.clear()
        if self._db is not None and self._owns_db:
            self._db.close()
            self._db = None
