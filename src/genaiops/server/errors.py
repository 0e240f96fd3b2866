"""Errors as the OpenAI API shapes them, so OpenAI's own SDKs raise the right class.

Every error response of the server is ``{"error": {"message", "type", "param", "code"}}``
with the HTTP status of the error: a :class:`~genaiops.errors.GenAIOpsError` answers
with its own ``status`` and ``code`` (and its extra fields, such as a budget's
``limit_usd`` or a rate limit's ``retry_after_s``); FastAPI's validation errors and
malformed JSON are 400 ``invalid_request_error`` naming the offending field in
``param``; a body over the limit is 413; anything unexpected is a 500 whose message
names the trace id to look for in the log, never the exception's text.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from genaiops.errors import GenAIOpsError

__all__ = [
    "ApiError",
    "error_body",
    "genaiops_error_response",
    "install_error_handlers",
    "openai_type",
]

log = logging.getLogger(__name__)

_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "insufficient_quota",
    403: "permission_error",
    404: "invalid_request_error",
    405: "invalid_request_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
    499: "invalid_request_error",
}


def openai_type(status: int) -> str:
    return _TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")


class ApiError(Exception):
    """An error of the HTTP layer itself (an unknown model, a field the API does not
    support), with the OpenAI code and parameter it concerns."""

    def __init__(self, status: int, message: str, code: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.param = param


def error_body(
    status: int, message: str, code: str | None, param: str | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "error": {
            "message": message,
            "type": openai_type(status),
            "param": param,
            "code": code,
            **extra,
        }
    }


def _response(
    status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers)


def genaiops_error_response(exc: GenAIOpsError) -> JSONResponse:
    status = exc.status if 400 <= exc.status <= 599 else 500
    detail = exc.to_dict().get("error", {})
    assert isinstance(detail, dict)
    extra = {k: v for k, v in detail.items() if k not in ("code", "status", "message")}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    if isinstance(extra.get("retry_after_s"), int | float):
        headers["Retry-After"] = str(max(1, round(float(extra["retry_after_s"]))))
    return _response(status, error_body(status, str(exc), exc.code, **extra), headers)


def _validation_param(errors: list[Any]) -> str | None:
    for e in errors:
        loc = [str(p) for p in e.get("loc", ()) if p != "body"]
        if loc:
            return ".".join(loc)
    return None


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for e in errors[:5]:
        if e.get("type") == "json_invalid":
            return (
                "the body is not valid JSON "
                f"({e.get('ctx', {}).get('error', 'parse error')}); send a JSON object"
            )
        loc = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {e.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return "invalid request: " + "; ".join(parts) + more


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the one OpenAI-shaped body."""

    @app.exception_handler(GenAIOpsError)
    async def _genaiops(request: Request, exc: GenAIOpsError) -> JSONResponse:
        if exc.status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
        return genaiops_error_response(exc)

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> JSONResponse:
        body = error_body(exc.status, str(exc), exc.code, exc.param)
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        is_json = any(e.get("type") == "json_invalid" for e in errors)
        code = "invalid_json" if is_json else "invalid_value"
        param = None if is_json else _validation_param(errors)
        message = _validation_message(errors)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json" and any(tuple(e.get("loc", ())) == ("body",) for e in errors):
            message = (
                f"the body was sent as {kind or 'no content type'}; send JSON with the header "
                f"Content-Type: application/json"
            )
        body = error_body(400, message, code, param)
        return JSONResponse(body, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        codes = {404: "not_found", 405: "method_not_allowed", 413: "request_too_large"}
        message = str(exc.detail)
        if status == 404:
            message = f"no endpoint {request.method} {request.url.path}; see /docs"
        return JSONResponse(
            error_body(status, message, codes.get(status, "http_error")),
            status_code=status,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _fault(request: Request, exc: Exception) -> JSONResponse:
        ref = uuid.uuid4().hex[:12]
        log.exception("%s %s failed (ref %s)", request.method, request.url.path, ref)
        message = f"internal server error (ref {ref} in the server's log)"
        return JSONResponse(error_body(500, message, "internal_error"), status_code=500)
