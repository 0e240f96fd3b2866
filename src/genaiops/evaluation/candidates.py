"""Candidates compiled into apps over the runtime's shared components.

A candidate is an :class:`~genaiops.config.AppConfig` variant; it is compiled by
:meth:`Runtime.compile <genaiops.runtime.Runtime.compile>`, exactly as the project's apps
are (same stages, same warm provider, knowledge base, guardrail engine and ledger), with
one difference: its model sits behind the evaluation's response cache
(:class:`CachingProvider`). Nothing is loaded twice: ten candidates over one model share
that model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from genaiops.config import AppConfig
from genaiops.evaluation.cache import CachingProvider, ResponseCache

if TYPE_CHECKING:
    from genaiops.apps.app import CompiledApp
    from genaiops.runtime import Runtime

__all__ = ["build_app"]


def build_app(
    runtime: Runtime, name: str, config: AppConfig, cache: ResponseCache | None = None
) -> CompiledApp:
    """Compile ``config`` as app ``name``; its model behind ``cache`` when one is given."""
    if cache is None:
        return runtime.compile(name, config)
    return runtime.compile(name, config, lambda metered: CachingProvider(metered, cache))
