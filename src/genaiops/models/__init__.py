"""Choosing a model: the provider contract, the catalog with prices, local and remote providers.

Importing this package loads no model runtime; providers import ``xllamacpp`` or ``openai``
on first use.
"""

from genaiops.models.base import ChatOptions, ChatResult, Message, ModelProvider, Usage
from genaiops.models.catalog import builtin_models, cost_of, create_provider, register_provider

__all__ = [
    "ChatOptions",
    "ChatResult",
    "Message",
    "ModelProvider",
    "Usage",
    "builtin_models",
    "cost_of",
    "create_provider",
    "register_provider",
]
