"""schemathesis against the server's own OpenAPI document (``/openapi.json``), on a real
uvicorn server on a loopback port over real PostgreSQL: for every operation, requests
generated from the document (valid ones, and invalid ones: wrong types, missing fields,
out-of-range values) get no 5xx, only status codes the document declares, the content type
it declares, and bodies that match the declared schema (errors in OpenAI's shape).

Bounded for CI: a fixed number of examples per operation and mode, derandomized (the same
requests each run). The long version (``-m slow``) tries many more, with random seeds.

And the bad-input matrix, for each endpoint that stores something: no key, a bogus or revoked
key, malformed JSON, JSON that is not an object, a field of the wrong type, a body that is
not JSON, a body over the limit (with a Content-Length and chunked), an unknown app, model,
knowledge base or answer: each has its status and a message that says what to fix, and
the tenant's asks, ledger, feedback and documents are unchanged.

The models are the echo fake; the key, knowledge base, guardrails, ledger and PostgreSQL
are real.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.core.result import Ok

from genaiops.config import parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import ServerSettings, create_app
from genaiops.server.keys import SCOPES, create_key, revoke_key
from genaiops.storage import Database
from genaiops.storage.schema import asks, documents, feedback, usage_ledger
from support import assert_error, running

PROJECT: dict[str, Any] = {
    "name": "schema",
    "models": {
        "echo": {"provider": "echo", "reply": "The Trailhawk 2 costs $2,899."},
        "parrot": {"provider": "echo"},
    },
    "guardrails": {"words": {"word_filters": {"words": ["forbidden"]}}},
    "knowledge_bases": {"docs": {"embedder": "hash", "paths": ["docs"], "include": ["**/*.md"]}},
    "apps": {
        "answer": {"model": "echo", "guardrail": "words"},
        "docs": {"model": "parrot", "knowledge_base": "docs", "guardrail": "words"},
    },
}
EXAMPLES = 12  # per operation and mode, in CI
SLOW_EXAMPLES = 150
# a valid request may still be refused with a 400 for what a schema cannot say (the
# embedder's one dimension count, a budget's period): only a 5xx or an undeclared status
# (checked by the other checks) is wrong there
ACCEPTED = ["2xx", "3xx", 400, 401, 402, 403, 404, 409, 429]
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {"expected-statuses": ACCEPTED},
            # off: the key is sent with every request, so schemathesis' "no Authorization"
            # variants are not what was sent, and unknown query parameters are ignored (as
            # OpenAI's API ignores them), which it counts as accepting invalid data. Invalid
            # requests are still checked for 5xx, declared statuses and error bodies, and
            # the bad-input tests below check their statuses one by one
            "negative_data_rejection": {"enabled": False},
        }
    }
)


class Target:
    def __init__(self, url: str, secrets: dict[str, str], tenant: str) -> None:
        self.url, self.secrets, self.tenant = url, secrets, tenant
        self.secret = secrets["all"]


@pytest.fixture(scope="module")
def target(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    tmp: Path = tmp_path_factory.mktemp("schema")
    (tmp / "docs").mkdir()
    (tmp / "docs" / "bikes.md").write_text("# Bikes\n\nThe Trailhawk 2 costs $2,899.\n")
    rt = Runtime(parse_project(PROJECT), tmp, database=database)
    rt.knowledge_base("docs").ingest()
    tenant = f"schema-{uuid.uuid4().hex[:8]}"  # this module's own: its rows are counted
    # every scope: each operation does its work, not only its 403
    made = create_key(database, "schemathesis", tenant, groups=["staff"], scopes=SCOPES)
    old = create_key(database, "revoked", tenant, scopes=SCOPES)
    revoke_key(database, old.key.id)
    try:
        with running(create_app(runtime=rt, settings=ServerSettings())) as url:
            yield Target(url, {"all": made.secret, "revoked": old.secret}, tenant)
    finally:
        rt.close()


# -- bad input: the right status and a clear message, and nothing stored -------------------

BIG = 2 * 1024 * 1024 + 1  # over the default body limit
# each endpoint that stores something: a valid body, a field with the wrong type, and the
# body with an unknown app / model / knowledge base (and the code that answers it)
WRITES: list[tuple[str, dict[str, Any], tuple[str, Any], tuple[str, dict[str, Any], str]]] = [
    (
        "/v1/chat/completions",
        {"model": "answer", "messages": [{"role": "user", "content": "Price?"}]},
        ("max_tokens", "many"),
        ("/v1/chat/completions", {"model": "gpt-4o"}, "model_not_found"),
    ),
    (
        "/api/ask",
        {"question": "Price?", "app": "answer"},
        ("top_k", [3]),
        ("/api/ask", {"app": "nope"}, "app_not_found"),
    ),
    (
        "/v1/embeddings",
        {"input": "Price?"},
        ("input", {"text": "Price?"}),
        ("/v1/embeddings", {"model": "ada-002"}, "model_not_found"),
    ),
    (
        "/api/kb/docs/documents",
        {"id": "bad-input.md", "text": "The Trailhawk 3 costs $3,100."},
        ("groups", "staff"),
        ("/api/kb/nope/documents", {}, "kb_not_found"),
    ),
    (
        "/api/feedback",
        {"trace_id": "0" * 32, "rating": "up"},
        ("rating", 5),
        ("/api/feedback", {}, "not_found"),  # an unknown trace id
    ),
]


def _stored(database: Database, tenant: str) -> dict[str, int]:
    """What the tenant has in each table a request could write."""
    counts = {}
    with database.engine.connect() as conn:
        for table in (asks, usage_ledger, feedback, documents):
            query = sa.select(sa.func.count()).where(table.c.tenant == tenant)
            counts[table.name] = int(conn.execute(query).scalar_one())
    return counts


def _post(target: Target, path: str, key: str | None, **kw: Any) -> requests.Response:
    headers = kw.pop("headers", {})
    if key is not None:
        headers["Authorization"] = f"Bearer {target.secrets.get(key, key)}"
    return requests.post(target.url + path, headers=headers, timeout=60, **kw)


@pytest.mark.parametrize("path,body,wrong,unknown", WRITES, ids=[w[0] for w in WRITES])
def test_bad_input_gets_its_status_and_a_clear_message_and_stores_nothing(
    target: Target,
    database: Database,
    path: str,
    body: dict[str, Any],
    wrong: tuple[str, Any],
    unknown: tuple[str, dict[str, Any], str],
) -> None:
    before = _stored(database, target.tenant)
    # no key, a bogus key, a revoked key: 401, before the body is read
    missing = assert_error(_post(target, path, None, json=body), 401, "invalid_api_key")
    assert "keys create" in missing["message"]
    bogus = assert_error(_post(target, path, "gai_not-a-key", json=body), 401, "invalid_api_key")
    assert "keys create" in bogus["message"]
    assert "revoked" in assert_error(_post(target, path, "revoked", json=body), 401)["message"]
    # malformed JSON, JSON that is not an object, a field of the wrong type
    json_headers = {"Content-Type": "application/json"}
    raw = json.dumps(body)[:-3].encode()
    malformed = _post(target, path, "all", data=raw, headers=json_headers)
    assert "not valid JSON" in assert_error(malformed, 400, "invalid_json")["message"]
    assert_error(_post(target, path, "all", json=[body]), 400, "invalid_value")
    field, value = wrong
    typed = assert_error(_post(target, path, "all", json={**body, field: value}), 400)
    assert typed["param"].split(".")[0] == field and field in typed["message"], typed
    # not JSON at all, and a body over the limit (with and without a Content-Length)
    plain = _post(target, path, "all", data=raw, headers={"Content-Type": "text/plain"})
    assert "Content-Type: application/json" in assert_error(plain, 400)["message"]
    huge = json.dumps({**body, "padding": "x" * BIG}).encode()
    too_big = assert_error(_post(target, path, "all", data=huge, headers=json_headers), 413)
    assert "GENAIOPS_SERVER_MAX_BODY_BYTES" in too_big["message"]
    pieces = iter([huge[i : i + 65536] for i in range(0, len(huge), 65536)])
    chunked = _post(target, path, "all", data=pieces, headers=json_headers)
    assert_error(chunked, 413, "request_too_large")
    # a NUL character, which PostgreSQL cannot store (a 500 once, after the model ran)
    name = next(k for k, v in body.items() if isinstance(v, str))
    nul = assert_error(_post(target, path, "all", json={**body, name: "a\u0000b"}), 400)
    assert nul["param"] == name and "NUL" in nul["message"], nul
    # half of a surrogate pair, which no tokenizer or database can encode (a 500 once);
    # a whole pair, escaped, is an ordinary character
    lone = json.dumps({**body, name: "a\ud800b"}).encode()  # json writes it as an escape
    half = assert_error(_post(target, path, "all", data=lone, headers=json_headers), 400)
    assert half["param"] == name and "surrogate" in half["message"], half
    # an app, model, knowledge base or answer that does not exist
    where, change, code = unknown
    missing_thing = assert_error(_post(target, where, "all", json={**body, **change}), 404, code)
    assert missing_thing["message"]
    assert _stored(database, target.tenant) == before
    # and the valid body does store (the counts above could change)
    ok = _post(target, path, "all", json=body)
    if path != "/api/feedback":
        assert ok.status_code == 200, ok.text


def test_a_nul_in_a_path_or_query_is_a_400(target: Target) -> None:
    headers = {"Authorization": f"Bearer {target.secret}"}
    for path in ("/api/eval/runs/a%00b", "/api/eval/runs/a%00b/report", "/api/usage?since=%00",
                 "/api/kb/docs/documents/a%00b"):  # fmt: skip
        method = "DELETE" if path.startswith("/api/kb") else "GET"
        r = requests.request(method, target.url + path, headers=headers, timeout=30)
        assert "NUL" in assert_error(r, 400, "invalid_value")["message"]


def _fuzz(target: Target, examples: int, derandomize: bool) -> list[str]:
    """Every operation, in both modes; the failures found (the first of each operation and
    mode, with the request that shows it)."""
    schema = schemathesis.openapi.from_url(target.url + "/openapi.json", config=CONFIG, timeout=30)
    headers = {"Authorization": f"Bearer {target.secret}"}
    failures: list[str] = []
    operations = []
    for result in schema.get_all_operations():  # an operation the document gets wrong: fail
        assert isinstance(result, Ok), result.err()
        operations.append(result.ok())
    assert len(operations) >= 15, [op.label for op in operations]
    with requests.Session() as session:
        for operation in operations:
            failures += _fuzz_one(target.url, session, headers, operation, examples, derandomize)
    return failures


def _fuzz_one(
    url: str,
    session: requests.Session,
    headers: dict[str, str],
    operation: Any,
    examples: int,
    derandomize: bool,
) -> list[str]:
    failures = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

        @settings(
            max_examples=examples,
            deadline=None,
            derandomize=derandomize,
            database=None,
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: Any) -> None:
            case.call_and_validate(base_url=url, session=session, headers=headers, timeout=30)

        try:
            run()
        except Unsatisfiable:  # no parameters and no body: nothing to make invalid
            assert mode == GenerationMode.NEGATIVE, operation.label
        except (Exception, BaseExceptionGroup) as exc:  # schemathesis' checks failed
            report = "\n".join(str(exc).splitlines()[:24])  # the failure and its curl
            failures.append(f"{operation.label} [{mode.value}]: {report}")
    return failures


def test_the_openapi_document_holds_for_generated_requests(target: Target) -> None:
    failures = _fuzz(target, EXAMPLES, derandomize=True)
    assert not failures, "\n\n".join(failures)


@pytest.mark.slow
def test_the_openapi_document_holds_for_many_random_requests(target: Target) -> None:
    failures = _fuzz(target, SLOW_EXAMPLES, derandomize=False)
    assert not failures, "\n\n".join(failures)
