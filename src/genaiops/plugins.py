"""Registries of extension points: model providers, embedders, guardrail checks,
connectors and metrics.

Each extension point is one small contract (an ABC in its room) and one
:class:`Registry`. The built-ins register exactly as a third party does, through a
package entry point in the group the registry names::

    [project.entry-points."genaiops.providers"]
    my-engine = "my_package.provider:MyProvider"

A registry loads its entry points on first use (importing ``genaiops`` loads none of
them) and can also take a class at run time with :meth:`Registry.register`, which tests
and notebooks use. The project file accepts any registered kind and validates that
kind's options with the class's own pydantic schema (``config_model``), so a plug-in's
configuration errors read like the built-ins'.

=====================  ==============================  =======================================
group                  contract                        built-ins
=====================  ==============================  =======================================
genaiops.providers     models.base.ModelProvider       llamacpp, openai, echo (a documented fake)
genaiops.embedders     knowledge.embedders.Embedder    minilm-l6-int8, hash (a documented fake)
genaiops.checks        guardrails.base.CheckFactory    word_filters, sensitive_information, ...
genaiops.connectors    knowledge.connectors.Connector  folder, sql (SQLAlchemy), s3 (the ``s3``
                                                       extra)
genaiops.metrics       evaluation.metrics.Metric       exact_match, contains, numeric_match, ...
=====================  ==============================  =======================================
"""

from __future__ import annotations

import importlib.metadata as md
import threading
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from genaiops.errors import ConfigError, PluginError

__all__ = [
    "Registry",
    "checks",
    "connectors",
    "embedders",
    "metrics",
    "providers",
    "validate_options",
]

T = TypeVar("T")


class Registry(Generic[T]):
    """Named classes of one contract, from entry points and :meth:`register`."""

    def __init__(self, group: str, what: str) -> None:
        self.group = group
        self.what = what  # "model provider", for messages
        self._items: dict[str, T] = {}
        self._origin: dict[str, str] = {}
        self._loaded = False
        self._lock = threading.RLock()

    def _load_entry_points(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            for ep in md.entry_points(group=self.group):
                if ep.name in self._items:
                    continue  # an explicit register() wins over an entry point
                try:
                    obj = ep.load()
                except Exception as exc:  # a broken plug-in must not hide the others
                    raise PluginError(
                        f"the {self.what} {ep.name!r} ({ep.value}, entry point group "
                        f"{self.group}) failed to load: {type(exc).__name__}: {exc}; "
                        f"reinstall or uninstall the package that declares it"
                    ) from exc
                self._items[ep.name] = obj
                self._origin[ep.name] = ep.value
            self._loaded = True

    def register(self, name: str, obj: T, *, replace: bool = False) -> None:
        """Add ``obj`` under ``name``; an existing name needs ``replace=True``."""
        with self._lock:
            self._load_entry_points()
            if name in self._items and not replace and self._items[name] is not obj:
                raise PluginError(
                    f"a {self.what} named {name!r} is already registered "
                    f"({self._origin.get(name, 'at run time')}); pass replace=True to override"
                )
            self._items[name] = obj
            self._origin[name] = "registered at run time"

    def reload(self) -> None:
        """Forget what was loaded from entry points and scan them again on next use (after
        installing a plug-in into a running process)."""
        with self._lock:
            for name, origin in list(self._origin.items()):
                if origin != "registered at run time":
                    self._items.pop(name, None)
                    self._origin.pop(name, None)
            self._loaded = False

    def unregister(self, name: str) -> None:
        with self._lock:
            self._items.pop(name, None)
            self._origin.pop(name, None)

    def get(self, name: str, *, key: str | None = None) -> T:
        """The class registered as ``name``; a :class:`ConfigError` listing the valid names
        (prefixed by the project-file ``key`` that named it) otherwise."""
        self._load_entry_points()
        try:
            return self._items[name]
        except KeyError:
            where = f"{key}: " if key else ""
            raise ConfigError(
                f"{where}unknown {self.what} {name!r}; registered: {', '.join(self.names())} "
                f"(plug-ins register in the entry point group {self.group})"
            ) from None

    def names(self) -> list[str]:
        self._load_entry_points()
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        self._load_entry_points()
        return name in self._items


def validate_options(schema: type[BaseModel], options: Any, key: str) -> BaseModel:
    """A kind's options validated by its own schema; errors name the key and valid keys."""
    try:
        return schema.model_validate(options)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            path = ".".join([key, *(str(p) for p in err["loc"])])
            if err["type"] == "extra_forbidden":
                valid = ", ".join(sorted(schema.model_fields)) or "(none)"
                lines.append(f"{path}: unknown key; valid keys: {valid}")
            else:
                lines.append(f"{path}: {err['msg']}")
        raise ConfigError("\n".join(lines)) from None


providers: Registry[type] = Registry("genaiops.providers", "model provider")
embedders: Registry[type] = Registry("genaiops.embedders", "embedder")
checks: Registry[type] = Registry("genaiops.checks", "guardrail check")
connectors: Registry[type] = Registry("genaiops.connectors", "connector")
metrics: Registry[type] = Registry("genaiops.metrics", "metric")
