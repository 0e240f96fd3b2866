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
    ├── AuthenticationError    (401) no API key, or an unknown or revoked one
    ├── PermissionDeniedError  (403) the key lacks the scope the endpoint needs
    ├── BudgetExceededError    (402) a budget of the caller cannot cover the call
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
    "AuthenticationError",
    "BudgetExceededError",
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
    "PermissionDeniedError",
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


class AuthenticationError(GenAIOpsError):
    """No API key, or one that is unknown or revoked (HTTP 401)."""

    status = 401
    code = "invalid_api_key"


class PermissionDeniedError(GenAIOpsError):
    """The key is valid but lacks the scope the endpoint needs (HTTP 403)."""

    status = 403
    code = "insufficient_scope"


class BudgetExceededError(GenAIOpsError):
    """A budget of the caller (tenant, key, app or tag) cannot cover the call's maximum
    cost; ``budget`` names it (``tenant:acme/month``), with its ``spent_usd`` (and
    reserved by calls in flight) and ``limit_usd``. No model was called."""

    status = 402
    code = "budget_exceeded"

    def __init__(
        self,
        message: str,
        budget: str | None = None,
        spent_usd: float | None = None,
        limit_usd: float | None = None,
    ) -> None:
        super().__init__(message)
        self.budget = budget
        self.spent_usd = spent_usd
        self.limit_usd = limit_usd

    def to_dict(self) -> dict[str, object]:
        out = super().to_dict()
        error = out["error"]
        assert isinstance(error, dict)
        for key in ("budget", "spent_usd", "limit_usd"):
            if getattr(self, key) is not None:
                error[key] = getattr(self, key)
        return out


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
            if cls is BudgetExceededError:
                spent, limit = error.get("spent_usd"), error.get("limit_usd")
                return BudgetExceededError(
                    message,
                    str(error["budget"]) if error.get("budget") is not None else None,
                    float(spent) if isinstance(spent, int | float) else None,
                    float(limit) if isinstance(limit, int | float) else None,
                )
            return cls(message)
    return GenAIOpsError(message)


def _all_subclasses(cls: type[GenAIOpsError]) -> list[type[GenAIOpsError]]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_all_subclasses(sub)]
    return out
