"""Knowledge base documents and evaluation runs through the native API (``/api/kb``,
``/api/eval``) on a real uvicorn server: upload, list, search and delete by one tenant;
another tenant's key sees none of them and cannot delete them; a group-restricted
document reaches only keys in its group; scopes are enforced; an evaluation run started
through the API on echo models finishes with a decision and a report; the OpenAPI
document describes the endpoints.

The embedder is the hash fake; the keys, the store and PostgreSQL are real.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from genaiops.config import parse_project
from genaiops.runtime import Runtime
from genaiops.server.app import create_app
from genaiops.server.keys import create_key
from genaiops.storage import Database
from support import assert_error, assert_openapi_models, running

KB = f"apikb_{uuid.uuid4().hex[:8]}"
PROJECT = {
    "name": "native-kb",
    "models": {
        "echo": {
            "provider": "echo",
            "reply": "Returns are free for 30 days.",
            "price": {"input_per_1m": 3.0},
        },
        "terse": {"provider": "echo", "reply": "No idea."},
    },
    "knowledge_bases": {KB: {"paths": ["docs"], "embedder": "hash"}},
    "apps": {"echo": {"model": "echo"}},
}
RW = ["kb:read", "kb:write"]


class Api:
    def __init__(self, url: str, secrets: dict[str, str], rt: Runtime) -> None:
        self.url, self.secrets, self.rt = url, secrets, rt

    def _headers(self, key: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secrets[key]}"}

    def post(self, path: str, body: Any, key: str = "a") -> requests.Response:
        return requests.post(self.url + path, json=body, headers=self._headers(key), timeout=30)

    def get(self, path: str, key: str = "a", **params: str) -> requests.Response:
        headers = self._headers(key)
        return requests.get(self.url + path, params=params, headers=headers, timeout=30)

    def delete(self, path: str, key: str = "a") -> requests.Response:
        return requests.delete(self.url + path, headers=self._headers(key), timeout=30)


@pytest.fixture(scope="module")
def api(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("native_kb")
    (tmp / "docs").mkdir()
    rt = Runtime(parse_project(PROJECT), tmp, database=database)
    tag = uuid.uuid4().hex[:8]
    made = {
        "a": create_key(database, "a", f"kb-a-{tag}", scopes=RW),
        "a-hr": create_key(database, "a hr", f"kb-a-{tag}", groups=["hr"], scopes=RW),
        "b": create_key(database, "b", f"kb-b-{tag}", scopes=RW),
        "a-read": create_key(database, "a read", f"kb-a-{tag}", scopes=["kb:read"]),
        "a-chat": create_key(database, "a chat", f"kb-a-{tag}", scopes=["chat"]),
        "eval": create_key(database, "eval", f"kb-a-{tag}", scopes=["eval"]),
    }
    try:
        with running(create_app(runtime=rt)) as url:
            yield Api(url, {name: m.secret for name, m in made.items()}, rt)
    finally:
        rt.store.drop_kb(KB)
        rt.close()


def sources(r: requests.Response) -> list[str]:
    assert r.status_code == 200, r.text
    body = r.json()
    rows = body["documents"] if "documents" in body else body["results"]
    return sorted({row["source"] for row in rows})


TEXT = "Trailhawk boots are waterproof and cost 120 euros. Returns are free for 30 days."


def test_an_empty_knowledge_base_lists_and_finds_nothing(api: Api) -> None:
    assert sources(api.get(f"/api/kb/{KB}/documents")) == []
    assert sources(api.post(f"/api/kb/{KB}/search", {"query": "anything"})) == []


def test_upload_list_search_delete_within_a_tenant(api: Api) -> None:
    r = api.post(f"/api/kb/{KB}/documents", {"id": "boots.md", "text": TEXT, "title": "Boots"})
    assert r.status_code == 200, r.text
    made = r.json()
    assert made["source"] == "boots.md" and made["chunks"] >= 1 and made["groups"] == []

    listed = api.get(f"/api/kb/{KB}/documents")
    assert sources(listed) == ["boots.md"]
    row = listed.json()["documents"][0]
    assert row["title"] == "Boots" and row["chunks"] == made["chunks"] and row["modified"]

    for mode in ("dense", "keyword", "hybrid"):
        found = api.post(f"/api/kb/{KB}/search", {"query": "Trailhawk boots", "k": 3, "mode": mode})
        assert sources(found) == ["boots.md"], mode
        hit = found.json()["results"][0]
        assert hit["citation"]["source"] == "boots.md" and isinstance(hit["score"], float)
        assert "Trailhawk" in hit["text"]

    # the other tenant sees nothing and cannot delete it
    assert sources(api.get(f"/api/kb/{KB}/documents", key="b")) == []
    assert sources(api.post(f"/api/kb/{KB}/search", {"query": "Trailhawk boots"}, key="b")) == []
    assert_error(api.delete(f"/api/kb/{KB}/documents/boots.md", key="b"), 404)
    assert_error(api.delete(f"/api/kb/{KB}/documents/nothing.md", key="b"), 404)
    # nor overwrite it under the same name
    taken = api.post(f"/api/kb/{KB}/documents", {"id": "boots.md", "text": "mine"}, key="b")
    assert_error(taken, 409, "source_taken")
    assert sources(api.get(f"/api/kb/{KB}/documents")) == ["boots.md"]

    r = api.delete(f"/api/kb/{KB}/documents/boots.md")
    assert r.status_code == 200 and r.json()["deleted"] is True, r.text
    assert sources(api.get(f"/api/kb/{KB}/documents")) == []
    assert sources(api.post(f"/api/kb/{KB}/search", {"query": "Trailhawk boots"})) == []
    assert_error(api.delete(f"/api/kb/{KB}/documents/boots.md"), 404)


def test_an_ingest_of_the_sources_keeps_uploaded_documents(api: Api) -> None:
    """Uploaded documents are not among the knowledge base's sources: `kb ingest`, which
    removes what its sources no longer yield, must not remove them."""
    r = api.post(f"/api/kb/{KB}/documents", {"id": "kept.md", "text": TEXT})
    assert r.status_code == 200, r.text
    report = api.rt.knowledge_base(KB).ingest()  # the sources: an empty folder
    assert "kept.md" not in report.removed
    assert "kept.md" in sources(api.get(f"/api/kb/{KB}/documents"))
    assert api.delete(f"/api/kb/{KB}/documents/kept.md").status_code == 200


def test_a_group_restricted_document_reaches_only_its_group(api: Api) -> None:
    body = {"id": "hr/salaries.md", "text": "Salary bands for engineers.", "groups": ["hr"]}
    assert api.post(f"/api/kb/{KB}/documents", body).status_code == 200
    query = {"query": "salary bands engineers", "mode": "keyword"}
    try:
        assert sources(api.get(f"/api/kb/{KB}/documents", key="a")) == []
        assert sources(api.post(f"/api/kb/{KB}/search", query, key="a")) == []
        assert sources(api.get(f"/api/kb/{KB}/documents", key="a-hr")) == ["hr/salaries.md"]
        assert sources(api.post(f"/api/kb/{KB}/search", query, key="a-hr")) == ["hr/salaries.md"]
        assert sources(api.get(f"/api/kb/{KB}/documents", key="b")) == []
    finally:
        assert api.delete(f"/api/kb/{KB}/documents/hr/salaries.md", key="a-hr").status_code == 200


def test_scopes_and_unknown_knowledge_bases(api: Api) -> None:
    body = {"id": "x.md", "text": "x"}
    assert_error(api.post(f"/api/kb/{KB}/documents", body, key="a-read"), 403)
    assert_error(api.delete(f"/api/kb/{KB}/documents/x.md", key="a-read"), 403)
    assert_error(api.get(f"/api/kb/{KB}/documents", key="a-chat"), 403)
    assert_error(api.post(f"/api/kb/{KB}/search", {"query": "x"}, key="a-chat"), 403)
    assert api.get(f"/api/kb/{KB}/documents", key="a-read").status_code == 200
    assert_error(api.get("/api/kb/nope/documents"), 404, "kb_not_found")
    assert_error(api.post(f"/api/kb/{KB}/search", {"query": ""}), 400)
    r = requests.get(f"{api.url}/api/kb/{KB}/documents", timeout=10)
    assert_error(r, 401)


def test_the_openapi_document_describes_the_kb_api(api: Api) -> None:
    paths = requests.get(api.url + "/openapi.json", timeout=10).json()["paths"]
    expected = {
        ("/api/kb/{kb}/documents", "post"): ("DocumentBody", "DocumentOut"),
        ("/api/kb/{kb}/documents", "get"): (None, "DocumentList"),
        ("/api/kb/{kb}/documents/{source}", "delete"): (None, "DeletedOut"),
        ("/api/kb/{kb}/search", "post"): ("SearchBody", "SearchOut"),
    }
    assert_openapi_models(paths, expected)
    start = paths["/api/eval/runs"]["post"]
    assert start["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/EvalRunBody"
    )
    assert start["responses"]["202"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/EvalStarted"
    )
    status = paths["/api/eval/runs/{run_id}"]["get"]["responses"]["200"]
    assert status["content"]["application/json"]["schema"]["$ref"].endswith("/EvalRunOut")
    assert "/api/eval/runs/{run_id}/report" in paths


SUITE = {
    "name": "api-suite",
    "metrics": ["contains"],
    "matrix": {"models": ["echo", "terse"], "strategies": ["none"]},
    "decision": {"requests_per_month": 10_000},
    "bootstrap": 200,
}
ITEMS = [
    {"id": f"q{i}", "question": f"How long are returns free? ({i})", "reference": "30 days"}
    for i in range(6)
]


def test_an_eval_run_through_the_api_finishes_with_a_decision_and_a_report(api: Api) -> None:
    assert_error(api.post("/api/eval/runs", {"suite": SUITE, "items": ITEMS}, key="a"), 403)
    bad = {"suite": {**SUITE, "metrics": ["no_such_metric"]}, "items": ITEMS}
    assert_error(api.post("/api/eval/runs", bad, key="eval"), 400)
    assert_error(api.get("/api/eval/runs/nope", key="eval"), 404)
    no_items = {"suite": SUITE, "items": [{"id": "x"}]}
    assert_error(api.post("/api/eval/runs", no_items, key="eval"), 400)
    unknown = {"suite": {**SUITE, "matrix": {"models": ["nope"]}}, "items": ITEMS}
    assert_error(api.post("/api/eval/runs", unknown, key="eval"), 404)
    unguarded = {"suite": {**SUITE, "guardrail": "none"}, "items": ITEMS}
    error = assert_error(api.post("/api/eval/runs", unguarded, key="eval"), 403)
    assert error["param"] == "suite.guardrail" and "admin" in error["message"]

    r = api.post("/api/eval/runs", {"suite": SUITE, "items": ITEMS}, key="eval")
    assert r.status_code == 202, r.text
    run_id = r.json()["id"]
    deadline = time.monotonic() + 60
    while True:
        status = api.get(f"/api/eval/runs/{run_id}", key="eval")
        assert status.status_code == 200, status.text
        body = status.json()
        if body["status"] != "running":
            break
        assert time.monotonic() < deadline, body
        time.sleep(0.2)
    assert body["status"] == "done", body
    assert body["progress"]["done"] == body["progress"]["total"] == 12
    assert body["decision"] and body["decision"].get("recommended") == "echo/none/app", body

    html = api.get(f"/api/eval/runs/{run_id}/report", key="eval")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "Recommendation" in html.text
    data = api.get(f"/api/eval/runs/{run_id}/report", key="eval", format="json")
    assert data.status_code == 200 and data.json()["title"], data.text
    assert_error(api.get(f"/api/eval/runs/{run_id}", key="a"), 403)
