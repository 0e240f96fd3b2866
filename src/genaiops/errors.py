"""The one exception tree of genaiops.

Every error the library raises on purpose derives from :class:`GenAIOpsError`. Errors
caused by the caller (a wrong project file, an unknown app, bad input) carry the HTTP
status the server will answer with in ``status``; errors of the environment (a model file
that is not installed, an endpoint that does not answer, a database that will not start)
are 5xx. Each message says what went wrong *and* how to fix it.

    GenAIOpsError
    ├── ConfigError            (400) the project file or settings are invalid
    ├── NotFoundError          (404) an app, model, knowledge base or policy is unknown
    ├── InputError             (400) a request or input file is malformed
    ├── GuardrailError         (400) a guardrail policy cannot be applied as declared
    ├── ModelError             (502) a model call failed
    │   ├── ModelUnavailableError  (503) model file missing / endpoint unreachable
    │   └── ContextLengthError     (400) the prompt does not fit the context window
    ├── StorageError           (503) the database cannot be reached or migrated
    └── DependencyError        (500) an optional package is missing (names the extra)
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "ConfigError",
    "ContextLengthError",
    "DependencyError",
    "GenAIOpsError",
    "GuardrailError",
    "InputError",
    "ModelError",
    "ModelUnavailableError",
    "NotFoundError",
    "StorageError",
]


class GenAIOpsError(Exception):
    """Base class of every error genaiops raises on purpose."""

    status: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"

    def to_dict(self) -> dict[str, object]:
        """The one JSON error shape of the CLI and the server."""
        return {"error": {"code": self.code, "status": self.status, "message": str(self)}}


class ConfigError(GenAIOpsError):
    """The project file or the settings are invalid; the message names the key and the fix."""

    status = 400
    code = "invalid_config"


class NotFoundError(GenAIOpsError):
    status = 404
    code = "not_found"


class InputError(GenAIOpsError):
    status = 400
    code = "invalid_input"


class GuardrailError(GenAIOpsError):
    status = 400
    code = "guardrail_error"


class ModelError(GenAIOpsError):
    status = 502
    code = "model_error"


class ModelUnavailableError(ModelError):
    status = 503
    code = "model_unavailable"


class ContextLengthError(ModelError):
    status = 400
    code = "context_length_exceeded"


class StorageError(GenAIOpsError):
    status = 503
    code = "storage_unavailable"


class DependencyError(GenAIOpsError):
    status = 500
    code = "missing_dependency"
