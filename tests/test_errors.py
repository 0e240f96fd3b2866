"""The one exception tree: its JSON shape is pinned, provider errors are mapped by status
and error code, and nothing but GenAIOpsError is raised on purpose by the library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from genaiops import errors
from genaiops.config import OpenAIModelConfig
from genaiops.errors import (
    ContextLengthError,
    GenAIOpsError,
    InputError,
    ModelError,
    ModelUnavailableError,
    RateLimitError,
)
from genaiops.models.openai_compat import error_for_status

SRC = Path(__file__).resolve().parents[1] / "src" / "genaiops"


def test_the_json_error_shape_is_pinned() -> None:
    assert InputError("the question is empty").to_dict() == {
        "error": {"code": "invalid_input", "status": 400, "message": "the question is empty"}
    }
    assert RateLimitError("slow down", retry_after_s=2.5).to_dict() == {
        "error": {
            "code": "rate_limited",
            "status": 429,
            "message": "slow down",
            "retry_after_s": 2.5,
        }
    }


def test_every_error_has_a_distinct_code_and_an_http_status() -> None:
    classes = [
        c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, GenAIOpsError)
    ]
    assert len(classes) >= 12
    assert len({c.code for c in classes}) == len(classes)
    assert all(400 <= c.status < 600 for c in classes)
    assert set(errors.__all__) == {c.__name__ for c in classes} | {"error_from_dict"}


def test_an_error_survives_its_json_shape() -> None:
    for err in (InputError("bad"), RateLimitError("slow", 4.0), ContextLengthError("long")):
        back = errors.error_from_dict(err.to_dict())
        assert type(back) is type(err) and back.to_dict() == err.to_dict()


CFG = OpenAIModelConfig(base_url="http://127.0.0.1:9/v1", model="m", api_key_env="K")


@pytest.mark.parametrize(
    ("status", "body", "headers", "expected"),
    [
        (400, {"error": {"code": "context_length_exceeded"}}, {}, ContextLengthError),
        (400, {"error": {"type": "exceed_context_size_error"}}, {}, ContextLengthError),
        # the message says "context length" but the code does not: not guessed from text
        (400, {"error": {"message": "context length is fine", "code": "bad"}}, {}, InputError),
        (429, {"error": {"code": "rate_limit_exceeded"}}, {"retry-after": "3"}, RateLimitError),
        (401, {}, {}, ModelUnavailableError),
        (404, {}, {}, ModelUnavailableError),
        (503, {}, {}, ModelUnavailableError),
        (500, {}, {}, ModelError),
    ],
)
def test_provider_errors_are_mapped_by_status_and_code(
    status: int, body: dict[str, object], headers: dict[str, str], expected: type[Exception]
) -> None:
    err = error_for_status("m", CFG, status, body, headers, "detail")
    assert type(err) is expected
    if isinstance(err, RateLimitError):
        assert err.retry_after_s == 3.0 and err.status == 429


def _validator_functions(tree: ast.AST) -> set[ast.AST]:
    """Functions pydantic calls as validators: raising ValueError there is the protocol."""
    out: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            names = {ast.unparse(d).split("(")[0] for d in node.decorator_list}
            if names & {"field_validator", "model_validator"} or node.name == "_dispatch_model":
                out.add(node)
    return out


def test_the_library_raises_only_its_own_errors() -> None:
    foreign = {"ValueError", "FileNotFoundError", "KeyError", "TypeError", "RuntimeError"}
    offenders = []
    for path in SRC.rglob("*.py"):
        if "pii_train" in path.name or "migrations" in path.parts:
            continue  # training-only code and alembic scripts
        tree = ast.parse(path.read_text("utf-8"))
        allowed = _validator_functions(tree)
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef) or fn in allowed:
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Raise) and node.exc is not None:
                    name = ast.unparse(node.exc).split("(")[0]
                    if name in foreign:
                        offenders.append(f"{path.relative_to(SRC)}:{node.lineno} {name}")
    assert offenders == []
