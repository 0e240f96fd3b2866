"""Helpers the tests share: a real uvicorn server on a loopback port, the check of an
OpenAI-shaped error, and a page in Debian's headless Chromium that records console
errors and every request."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip


@contextlib.contextmanager
def running(app: Any) -> Iterator[str]:
    """A real uvicorn server for ``app`` in a thread, on a free loopback port."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def assert_error(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """``r`` (a requests response) is an error of ``status`` in OpenAI's shape."""
    assert r.status_code == status, r.text
    error: dict[str, Any] = r.json()["error"]
    assert {"message", "type", "param", "code"} <= set(error)
    if code is not None:
        assert error["code"] == code, error
    return error


def assert_openapi_models(
    paths: dict[str, Any], expected: dict[tuple[str, str], tuple[str | None, str]]
) -> None:
    """Each (path, method) of an OpenAPI document's ``paths`` takes the request model and
    answers the response model named in ``expected``, behind a security scheme."""
    for (path, method), (request, response) in expected.items():
        op = paths[path][method]
        ok = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        assert ok.endswith("/" + response), (path, ok)
        if request is not None:
            ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/" + request), (path, ref)
        assert op["security"], path  # the bearer scheme


@dataclass
class BrowserPage:
    page: Any  # playwright's Page
    errors: list[str] = field(default_factory=list)  # console errors and page errors
    requests: list[str] = field(default_factory=list)  # every URL the page asked for


@contextlib.contextmanager
def chromium_page(width: int = 1280, height: int = 900) -> Iterator[BrowserPage]:
    """A page in headless Chromium (Debian's, never a downloaded one); skips the test
    where it is not installed (.ci/run installs it)."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: 'apt-get install chromium' to run this test")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            out = BrowserPage(browser.new_page(viewport={"width": width, "height": height}))
            out.page.on(
                "console", lambda m: out.errors.append(m.text) if m.type == "error" else None
            )
            out.page.on("pageerror", lambda e: out.errors.append(str(e)))
            out.page.on("request", lambda r: out.requests.append(r.url))
            yield out
        finally:
            browser.close()
