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

import json
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from genaiops.errors import GenAIOpsError

__all__ = [
    "ApiError",
    "RejectNul",
    "document_errors",
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


_ERROR_SCHEMAS: dict[str, Any] = {
    "ErrorDetail": {
        "title": "ErrorDetail",
        "type": "object",
        "description": "OpenAI's error object; some errors add fields (a budget's limit_usd, "
        "a rate limit's retry_after_s)",
        "properties": {
            "message": {"type": "string", "description": "what went wrong, and the fix"},
            "type": {"type": "string", "description": "OpenAI's error type"},
            "param": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "code": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        },
        "required": ["message", "type", "param", "code"],
        "additionalProperties": True,
    },
    "ErrorResponse": {
        "title": "ErrorResponse",
        "type": "object",
        "properties": {"error": {"$ref": "#/components/schemas/ErrorDetail"}},
        "required": ["error"],
        "additionalProperties": False,
    },
}
# the errors every API operation (/v1, /api) can answer, with the reason documented
_API_ERRORS = {
    400: "invalid request: malformed JSON, a wrong type or value (param names the field)",
    401: "missing, unknown or revoked API key",
    402: "a budget is exhausted",
    403: "the key lacks the operation's scope",
    404: "an unknown app, model, knowledge base, document or run",
    409: "a conflict: a document id another tenant holds, a run that is not done",
    413: "the request body is over the server's limit",
    429: "the key's rate limit (Retry-After says when to retry) or the model's",
    500: "a fault of the server (its message names the reference in the log)",
    502: "the model failed",
    503: "the model or the database is unavailable",
}


def document_errors(doc: dict[str, Any]) -> dict[str, Any]:
    """Declare in an OpenAPI document the errors the server really answers: each API
    operation's 4xx/5xx in OpenAI's shape (validation errors are 400, never FastAPI's 422),
    and the readiness check's 503. Idempotent; changes ``doc`` in place."""
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(_ERROR_SCHEMAS)
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
    for path, operations in doc.get("paths", {}).items():
        api = path.startswith(("/v1/", "/api/"))
        for op in operations.values():
            responses = op.setdefault("responses", {})
            responses.pop("422", None)  # validation errors are answered 400
            statuses = _API_ERRORS if api else {}
            if path == "/readyz":
                statuses = {503: "not ready: the database or the default app is not"}
            for status, reason in statuses.items():
                responses.setdefault(str(status), {"description": reason, "content": error})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return doc


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


#: SQLSTATEs of text the request sent that PostgreSQL cannot store: untranslatable
#: character, string too long, character not in repertoire
_REQUEST_TEXT_STATES = frozenset({"22P05", "22001", "22021"})
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _is_nul(text: str) -> bool:
    return "\x00" in text


def _has_lone_surrogate(text: str) -> bool:
    # json.loads joins an escaped pair ("\ud83d\ude00") into one character: any
    # surrogate left is half a pair, which no UTF-8 encoder (the database, the tokenizers)
    # accepts
    return _LONE_SURROGATE.search(text) is not None


def _nul_at(value: Any, where: str = "", bad: Callable[[str], bool] = _is_nul) -> str | None:
    """Where in decoded JSON a string (or an object's key) is ``bad`` (holds a NUL
    character, by default)."""
    if isinstance(value, str):
        return (where or "body") if bad(value) else None
    items: Any = ()
    if isinstance(value, dict):
        for k in value:
            if bad(k):
                return f"{where}.{k!r}".lstrip(".")
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    for k, v in items:
        if (found := _nul_at(v, f"{where}.{k}".lstrip("."), bad)) is not None:
            return found
    return None


def _nul_error(param: str | None) -> JSONResponse:
    message = (
        f"{param or 'the request'}: a NUL character (\\u0000) is not allowed in text: "
        f"PostgreSQL cannot store it; remove it"
    )
    return JSONResponse(error_body(400, message, "invalid_value", param), status_code=400)


class RejectNul:
    """400 for a request whose text holds a NUL character (``\\u0000`` in its JSON body,
    ``%00`` in its path or query), which no PostgreSQL text column can store, or half of a
    UTF-16 surrogate pair (``\\ud800`` alone), which nothing can encode: refused before the
    endpoint runs, so nothing (an ask, a ledger row) is half done when the database or a
    check's tokenizer refuses it. A JSON body is read whole first (the body size limit, in
    front, bounds it); only a body holding such an escape is decoded and walked."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            where = "path" if "\x00" in scope["path"] else "query"
            await _nul_error(where)(scope, receive, send)
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        parts: list[bytes] = []
        first: Message | None = None
        try:
            while True:
                message = await receive()
                if message["type"] != "http.request":  # the client left: let the app see it
                    first = message
                    break
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    break
        except StarletteHTTPException as exc:  # the body size limit, counting as it arrives
            codes = {413: "request_too_large"}
            body = error_body(exc.status_code, str(exc.detail), codes.get(exc.status_code))
            await JSONResponse(body, status_code=exc.status_code)(scope, receive, send)
            return
        data = b"".join(parts)
        nul, surrogate = b"\\u0000" in data, _SURROGATE_ESCAPE.search(data) is not None
        if nul or surrogate:
            try:
                decoded = json.loads(data)
            except ValueError:  # not JSON: the endpoint says so
                decoded = None
            if nul and (param := _nul_at(decoded)) is not None:
                await _nul_error(param)(scope, receive, send)
                return
            if surrogate and (param := _nul_at(decoded, bad=_has_lone_surrogate)) is not None:
                reason = (
                    f"{param}: half of a UTF-16 surrogate pair (\\ud800-\\udfff alone) is "
                    "not text; send the whole pair or the character itself"
                )
                body = error_body(400, reason, "invalid_value", param)
                await JSONResponse(body, status_code=400)(scope, receive, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                if first is not None:
                    return first
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the one OpenAI-shaped body, declare those errors in the
    app's OpenAPI document (:func:`document_errors`), and refuse text the database cannot
    store (:class:`RejectNul`, innermost of the middleware: after the key and size checks)."""
    app.add_middleware(RejectNul)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        first = app.openapi_schema is None
        doc = generate()
        return document_errors(doc) if first else doc

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented override

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

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> JSONResponse:
        # text the database cannot store (a character it cannot encode, a value too long):
        # the request's; RejectNul catches the common ones before any work is done. Any
        # other refused value (an overflow in the server's own rows) is a fault: a 500
        # with a log reference, and no database detail in the answer
        state = getattr(getattr(exc, "orig", None), "sqlstate", None)
        if state not in _REQUEST_TEXT_STATES:
            return await _fault(request, exc)
        log.warning("%s %s: the database refused a value (SQLSTATE %s)", request.method,
                    request.url.path, state)  # fmt: skip
        message = (
            "a text of the request cannot be stored (a character the database cannot encode, "
            "or a value too long); correct it and retry"
        )
        return JSONResponse(error_body(400, message, "invalid_value"), status_code=400)

    @app.exception_handler(Exception)
    async def _fault(request: Request, exc: Exception) -> JSONResponse:
        ref = uuid.uuid4().hex[:12]
        log.exception("%s %s failed (ref %s)", request.method, request.url.path, ref)
        message = f"internal server error (ref {ref} in the server's log)"
        return JSONResponse(error_body(500, message, "internal_error"), status_code=500)
