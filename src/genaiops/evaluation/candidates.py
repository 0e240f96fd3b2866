"""Candidates compiled into apps over the runtime's shared components.

A candidate is an :class:`~genaiops.config.AppConfig` variant; it is compiled exactly as
:meth:`Runtime.app` compiles an app of the project file (same stages, same warm
provider, knowledge base, guardrail engine and ledger), with one difference: its model
sits behind the evaluation's response cache (:class:`CachingProvider`). Nothing is
loaded twice: ten candidates over one model share that model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from genaiops.apps.app import CompiledApp
from genaiops.config import AppConfig
from genaiops.evaluation.cache import CachingProvider, ResponseCache

if TYPE_CHECKING:
    from genaiops.runtime import Runtime

__all__ = ["build_app"]


def build_app(
    runtime: Runtime, name: str, config: AppConfig, cache: ResponseCache | None = None
) -> CompiledApp:
    """Compile ``config`` as app ``name``; its model behind ``cache`` when one is given."""
    metered = runtime.provider(config.model)
    return CompiledApp(
        name,
        config,
        provider=CachingProvider(metered, cache) if cache is not None else metered,
        knowledge_base=(
            runtime.knowledge_base(config.knowledge_base) if config.knowledge_base else None
        ),
        guard=runtime.guard(config.guardrail) if config.guardrail else None,
        ledger=runtime.ledger,
    )
