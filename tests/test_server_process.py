"""`genaiops serve` as an operator runs it: a process with worker processes, each with
its own warm runtime, ready when /readyz says so, and a SIGTERM that lets the answer in
flight finish before the process exits."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import requests
import yaml

from genaiops.server.keys import create_key
from genaiops.storage import Database

REPLY = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_serve_runs_workers_is_ready_and_shuts_down_gracefully(
    tmp_path: Path, database: Database, database_url: str
) -> None:
    data: dict[str, Any] = {
        "version": 1,
        "name": "served",
        "models": {"slow": {"provider": "echo", "reply": REPLY, "seconds_per_token": 0.1}},
        "apps": {"chat": {"model": "slow"}},
    }
    (tmp_path / "genaiops.yaml").write_text(yaml.safe_dump(data), "utf-8")
    secret = create_key(database, "ops", "default").secret
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "GENAIOPS_DATABASE_URL": database_url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "genaiops.cli.main", "serve", "-p", str(tmp_path),
         "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, proc.communicate()[0]
            assert time.monotonic() < deadline, "not ready in 90 s"
            try:
                if requests.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        assert requests.get(url + "/healthz", timeout=5).json() == {"status": "ok"}
        assert requests.get(url + "/readyz", timeout=5).json()["default_app"] == "chat"
        # CORS is off: no Access-Control-Allow-Origin for another origin
        pre = requests.options(
            url + "/v1/models",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
            timeout=5,
        )
        assert "access-control-allow-origin" not in pre.headers
        events: list[str] = []
        first = threading.Event()

        def ask() -> None:
            body = {
                "model": "chat",
                "stream": True,
                "messages": [{"role": "user", "content": "count"}],
            }
            with requests.post(
                url + "/v1/chat/completions",
                json=body,
                headers={"Authorization": f"Bearer {secret}"},
                stream=True,
                timeout=60,
            ) as r:
                for line in r.iter_lines(decode_unicode=True):
                    if line:
                        events.append(line)
                        first.set()

        asker = threading.Thread(target=ask)
        asker.start()
        assert first.wait(30), "no first event"
        proc.send_signal(signal.SIGTERM)  # while the answer is streaming
        asker.join(60)
        assert events[-1] == "data: [DONE]", events[-3:]
        assert sum("fourteen" in e for e in events) == 1  # the whole answer arrived
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0, out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
