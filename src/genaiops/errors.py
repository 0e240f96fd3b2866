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
    ├── PluginError            (500) a registered extension cannot be loaded
    ├── CancelledError         (499) the caller cancelled the request (Ctrl-C, disconnect)
    ├── ModelError             (502) a model call failed
    │   ├── ModelUnavailableError  (503) model file missing / endpoint unreachable
    │   ├── RateLimitError         (429) the endpoint is rate limiting (``retry_after_s``)
    │   └── ContextLengthError     (400) the prompt does not fit the context window
    ├── StorageError           (503) the database cannot be reached or migrated
    └── DependencyError        (500) an optional package is missing (names the extra)

:meth:`GenAIOpsError.to_dict` is the one JSON error shape of the CLI (``--json``) and the
server: ``{"error": {"code", "status", "message"}}`` plus ``retry_after_s`` where known.
A test pins it. Library code raises nothing else on purpose: no ``ValueError`` or
``FileNotFoundError`` leaves genaiops.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "CancelledError",
    "ConfigError",
    "ContextLengthError",
    "DependencyError",
    "GenAIOpsError",
    "GuardrailError",
    "InputError",
    "ModelError",
    "ModelUnavailableError",
    "NotFoundError",
    "PluginError",
    "RateLimitError",
    "StorageError",
    "error_from_dict",
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


class PluginError(GenAIOpsError):
    """A registered extension (entry point) failed to load or does not fit its contract."""

    status = 500
    code = "plugin_error"


class CancelledError(GenAIOpsError):
    """The caller cancelled the request; what was generated until then is metered."""

    status = 499
    code = "cancelled"


class ModelError(GenAIOpsError):
    status = 502
    code = "model_error"


class ModelUnavailableError(ModelError):
    status = 503
    code = "model_unavailable"


class RateLimitError(ModelError):
    """HTTP 429 from a model endpoint; ``retry_after_s`` is what the endpoint asked for."""

    status = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s

    def to_dict(self) -> dict[str, object]:
        out = super().to_dict()
        if self.retry_after_s is not None:
            error = out["error"]
            assert isinstance(error, dict)
            error["retry_after_s"] = self.retry_after_s
        return out


class ContextLengthError(ModelError):
    status = 400
    code = "context_length_exceeded"


class StorageError(GenAIOpsError):
    status = 503
    code = "storage_unavailable"


class DependencyError(GenAIOpsError):
    status = 500
    code = "missing_dependency"


def error_from_dict(payload: dict[str, object]) -> GenAIOpsError:
    """The error that :meth:`GenAIOpsError.to_dict` described (a client's view of a
    server's error): the class with that code, else a generic error with its status."""
    error = payload.get("error", payload)
    assert isinstance(error, dict)
    code, message = str(error.get("code", "")), str(error.get("message", ""))
    for cls in _all_subclasses(GenAIOpsError):
        if cls.code == code:
            if cls is RateLimitError:
                wait = error.get("retry_after_s")
                return RateLimitError(
                    message, float(wait) if isinstance(wait, int | float) else None
                )
            return cls(message)
    return GenAIOpsError(message)


def _all_subclasses(cls: type[GenAIOpsError]) -> list[type[GenAIOpsError]]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_all_subclasses(sub)]
    return out
