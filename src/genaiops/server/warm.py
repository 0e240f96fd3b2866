"""A warm runtime in the background, so each `genaiops ask` skips the start-up.

`genaiops runtime start` runs :func:`serve` in a detached process: it opens the project's
:class:`~genaiops.runtime.Runtime`, warms its apps (database, model, guardrails,
embedder) and answers asks on a Unix socket that only this user can open (mode 0600 in
a folder of mode 0700). `genaiops ask` finds it through ``.genaiops/runtime.json`` and
attaches (:func:`connect`); with none running, or with the project file changed since
the runtime started, it runs the ask in-process as before.

The protocol is one JSON object per line. The client sends
``{"op": "ask", "question", "app", "caller"}``; the server answers with
``{"text": ...}`` for each piece of checked text, then ``{"result": {...}}`` or
``{"error": {...}}`` (the error's ``to_dict()``). The client may send ``{"op": "cancel"}``
at any time (Ctrl-C); closing the connection cancels too. ``{"op": "status"}`` and
``{"op": "shutdown"}`` serve `genaiops runtime status|stop`. The runtime exits by itself
after ``idle_s`` without an ask.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import socketserver
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from genaiops.errors import GenAIOpsError, InputError, StorageError
from genaiops.models.files import adapter_digest

__all__ = [
    "RuntimeInfo",
    "connect",
    "info_path",
    "read_info",
    "request_lines",
    "serve",
    "socket_path",
]

INFO_FILE = "runtime.json"


def info_path(data_dir: Path) -> Path:
    return data_dir / INFO_FILE


def socket_path(data_dir: Path) -> Path:
    """A private folder for the socket: Unix socket paths must be short (108 bytes)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"genaiops-run-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077:
        raise StorageError(f"{folder} is not private to this user; remove it and retry")
    return folder / f"{digest}.sock"


def _fingerprint(project_file: Path) -> str:
    """The project file's bytes and the contents of every LoRA adapter it names: a tune
    retrained under the same name rewrites its adapter, and a warm runtime still serving
    the old one is no longer current."""
    raw = project_file.read_bytes()
    digest = hashlib.sha256(raw)
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError:
        data = None
    models = data.get("models") if isinstance(data, dict) else None
    for name, entry in sorted((models or {}).items()) if isinstance(models, dict) else []:
        adapter = entry.get("adapter") if isinstance(entry, dict) else None
        if isinstance(adapter, str):
            digest.update(f"\n{name}:{adapter_digest(adapter, project_file.parent)}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class RuntimeInfo:
    pid: int
    socket: str
    project_file: str
    fingerprint: str
    started: float

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return Path(self.socket).exists()

    def current(self) -> bool:
        """Whether the project file is still the one the runtime loaded."""
        try:
            return _fingerprint(Path(self.project_file)) == self.fingerprint
        except OSError:
            return False


def read_info(data_dir: Path) -> RuntimeInfo | None:
    try:
        raw = json.loads(info_path(data_dir).read_text("utf-8"))
        return RuntimeInfo(**raw)
    except (OSError, ValueError, TypeError):
        return None


# -- the server --------------------------------------------------------------------------


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def _send(self, obj: dict[str, Any]) -> None:
        self.wfile.write(json.dumps(obj, default=str).encode("utf-8") + b"\n")
        self.wfile.flush()

    def handle(self) -> None:
        line = self.rfile.readline()
        if not line:
            return
        try:
            message = json.loads(line)
        except ValueError:
            self._send({"error": InputError("not a JSON line").to_dict()})
            return
        op = message.get("op")
        if op == "status":
            self._send(self.server.status())
        elif op == "shutdown":
            self._send({"ok": True})
            threading.Thread(target=self.server.shutdown, daemon=True).start()
        elif op == "ask":
            self._ask(message)
        else:
            self._send({"error": InputError(f"unknown op {op!r}").to_dict()})

    def _ask(self, message: dict[str, Any]) -> None:
        from genaiops.apps.request import AskRequest, Caller

        self.server.touch()
        try:
            caller = Caller(**message.get("caller", {}))
            request = AskRequest(str(message.get("question", "")), caller)
            app = self.server.runtime.app(message.get("app"))
        except (GenAIOpsError, TypeError) as exc:
            error = exc if isinstance(exc, GenAIOpsError) else InputError(str(exc))
            self._send({"error": error.to_dict()})
            return

        def watch() -> None:  # a cancel line, or the client going away, cancels the ask
            with contextlib.suppress(OSError, ValueError):
                for raw in self.rfile:
                    if json.loads(raw).get("op") == "cancel":
                        break
            request.cancel.set()

        threading.Thread(target=watch, daemon=True).start()

        def on_text(text: str) -> None:
            try:
                self._send({"text": text})
            except OSError:
                request.cancel.set()

        try:
            result = app.run(request, on_text=on_text)
        except GenAIOpsError as exc:
            with contextlib.suppress(OSError):
                self._send({"error": exc.to_dict()})
            return
        finally:
            self.server.served += 1
            self.server.touch()
        with contextlib.suppress(OSError):
            self._send({"result": result.to_dict()})


class _Server(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

    def __init__(self, path: str, runtime: Any, idle_s: float) -> None:
        super().__init__(path, _Handler)
        self.runtime = runtime
        self.idle_s = idle_s
        self.started = time.time()
        self.last = time.monotonic()
        self.served = 0

    def touch(self) -> None:
        self.last = time.monotonic()

    def status(self) -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "uptime_s": round(time.time() - self.started, 1),
            "asks": self.served,
            "apps": sorted(self.runtime.config.apps),
            "idle_s": round(time.monotonic() - self.last, 1),
        }

    def service_actions(self) -> None:
        if self.idle_s and time.monotonic() - self.last > self.idle_s:
            threading.Thread(target=self.shutdown, daemon=True).start()


def serve(project_file: Path, idle_s: float = 1800.0) -> None:
    """Open and warm the project's runtime, then answer asks until stopped or idle."""
    from genaiops.runtime import Runtime

    runtime = Runtime.open(project_file)
    data_dir = runtime.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    path = socket_path(data_dir)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    try:
        for name in runtime.config.apps:
            runtime.warm_up(name)
        old_umask = os.umask(0o177)
        try:
            server = _Server(str(path), runtime, idle_s)
        finally:
            os.umask(old_umask)
        info = RuntimeInfo(
            os.getpid(),
            str(path),
            str(project_file.resolve()),
            _fingerprint(project_file),
            time.time(),
        )
        info_path(data_dir).write_text(json.dumps(info.__dict__), "utf-8")
        with server:
            server.serve_forever(poll_interval=0.5)
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        current = read_info(data_dir)
        if current is not None and current.pid == os.getpid():
            info_path(data_dir).unlink(missing_ok=True)
        runtime.close()


# -- the client --------------------------------------------------------------------------


@contextlib.contextmanager
def connect(info: RuntimeInfo, timeout_s: float = 5.0) -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout_s)
    try:
        sock.connect(info.socket)
        sock.settimeout(None)
        yield sock
    finally:
        sock.close()


def request_lines(sock: socket.socket, message: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Send one request; yield the server's answer lines as they arrive."""
    sock.sendall(json.dumps(message).encode("utf-8") + b"\n")
    with sock.makefile("rb") as reader:
        for raw in reader:
            yield json.loads(raw)
