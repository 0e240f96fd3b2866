"""Choosing a model: the provider contract, the catalog with prices, local and remote providers.

Importing this package loads no model runtime; providers import ``xllamacpp`` or ``openai``
on first use. Provider kinds are registered in :data:`genaiops.plugins.providers`.
"""

from genaiops.models.base import ChatOptions, ChatResult, Message, ModelProvider, TokenCount, Usage
from genaiops.models.catalog import builtin_models, create_provider

__all__ = [
    "ChatOptions",
    "ChatResult",
    "Message",
    "ModelProvider",
    "TokenCount",
    "Usage",
    "builtin_models",
    "create_provider",
]
