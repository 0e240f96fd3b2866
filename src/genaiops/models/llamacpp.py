"""Local GGUF models on llama.cpp through the prebuilt ``xllamacpp`` server bindings.

The model runs in-process on llama.cpp's own server loop: continuous batching over
``n_parallel`` slots, the GGUF's own chat template (jinja), prompt caching. Requests go
through ``Server.handle_chat_completions`` as OpenAI-shaped dicts, streamed through a
callback so the time to first token is measured on every call.

The same server also listens on a random port of 127.0.0.1 with an OpenAI-compatible HTTP
API (:attr:`LlamaCppProvider.http_base_url`); nothing outside the machine can reach it.

A base model (``mode: completion``, e.g. Gemma-3-270M) has no chat template: applying one
anyway makes it continue the template's markup. For it the messages are written out as
one plain prompt (:func:`completion_prompt`) that ``Server.handle_completions`` continues,
and generation stops at the blank line that ends an answer in that format.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from genaiops.config import LlamaCppModelConfig, ModelConfigBase
from genaiops.errors import (
    ContextLengthError,
    DependencyError,
    InputError,
    ModelError,
    ModelUnavailableError,
)
from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    TokenCount,
    Usage,
)
from genaiops.models.files import resolve_model_path

__all__ = ["COMPLETION_STOP", "LlamaCppProvider", "completion_prompt"]

#: where a completion model's answer ends: the format separates turns with a blank line,
#: and a base model that goes on writes the next "Question:" or "Context:" block
COMPLETION_STOP = ["\n\n", "\nQuestion:", "\nContext:"]


def completion_prompt(messages: Sequence[Message]) -> str:
    """The conversation as one plain prompt for a base model, turns separated by a blank
    line: a system message as it is; a user message followed by ``Answer:`` on its own
    line; an assistant message after the ``Answer:`` it replies to. With the apps' user
    template (``Context: ... Question: ...``) a RAG ask reads::

        You are a helpful assistant. Use the context ...

        Context:
        [1] ...

        Question: In what year was Fenwick Cycles founded?
        Answer:

    A base model continues such a document with the answer, then a blank line (stopped
    by :data:`COMPLETION_STOP`). A conversation that ends with an assistant message ends
    with that text, which the model continues (a prefilled answer)."""
    blocks: list[str] = []
    after_user = False
    for m in messages:
        text = m.content.strip()
        if m.role == "assistant" and after_user:
            blocks[-1] = f"{blocks[-1]} {text}"
        elif m.role == "assistant":
            blocks.append(f"Answer: {text}")
        elif m.role == "user":
            blocks.append(f"{text}\nAnswer:")
        else:
            blocks.append(text)
        after_user = m.role == "user"
    return "\n\n".join(blocks)


def _raise_for(error: Any, model: str) -> None:
    """Map llama.cpp's error object (``{code, type, message}``) by its type and code."""
    err = error.get("error", error) if isinstance(error, dict) else {"message": str(error)}
    message = str(err.get("message", err))
    kind = err.get("type")
    code = err.get("code")
    if kind == "exceed_context_size_error":
        raise ContextLengthError(
            f"{model}: {message}; raise the model's n_ctx in the project file or send less "
            f"(fewer retrieved chunks, a smaller max_tokens)"
        )
    if kind == "invalid_request_error" or code == 400:
        raise InputError(f"{model}: llama.cpp rejected the request: {message}")
    if kind == "unavailable_error" or code == 503:
        raise ModelUnavailableError(f"{model}: llama.cpp is not ready: {message}")
    raise ModelError(f"{model}: llama.cpp failed: {message}")


class LlamaCppProvider(ModelProvider):
    kind = "llamacpp"
    config_model = LlamaCppModelConfig

    def __init__(self, name: str, config: ModelConfigBase, base_dir: Path | None = None):
        super().__init__(name, config, base_dir)
        assert isinstance(config, LlamaCppModelConfig)
        self.config: LlamaCppModelConfig = config
        self._server: Any = None
        self._lock = threading.Lock()
        self.model_path: Path | None = None

    def warm_up(self) -> None:
        if self._server is not None:
            return
        with self._lock:
            if self._server is not None:
                return
            path = resolve_model_path(self.config.path, self.base_dir)
            try:
                import xllamacpp
            except ImportError as exc:  # pragma: no cover - a core dependency
                raise DependencyError("xllamacpp is missing; run 'pip install xllamacpp'") from exc
            cfg = self.config
            params = xllamacpp.CommonParams()
            params.model.path = str(path)
            params.n_parallel = cfg.n_parallel
            params.n_ctx = cfg.n_ctx * cfg.n_parallel  # n_ctx is per request in our config
            params.n_batch = cfg.n_batch
            params.cpuparams.n_threads = cfg.threads
            params.cpuparams_batch.n_threads = cfg.threads
            params.sampling.seed = cfg.seed
            params.use_jinja = True  # the GGUF's own chat template
            params.warmup = False
            params.verbosity = -1
            params.n_gpu_layers = 0
            if cfg.adapter:  # a LoRA adapter of `genaiops tune create`, applied on the base
                try:
                    lora = resolve_model_path(cfg.adapter, self.base_dir)
                except ModelUnavailableError as exc:
                    raise ModelUnavailableError(
                        f"{self.name}: adapter: {exc}; run 'genaiops tune create' again or "
                        "fix the model's 'adapter' in the project file"
                    ) from None
                params.lora_adapters = [
                    xllamacpp.CommonAdapterLoraInfo(str(lora), cfg.adapter_scale)
                ]
            try:
                self._server = xllamacpp.Server(params)
            except Exception as exc:  # the binding raises RuntimeError/ValueError variants
                raise ModelError(f"{self.name}: llama.cpp could not load {path}: {exc}") from exc
            self.model_path = path

    @property
    def http_base_url(self) -> str:
        """The OpenAI-compatible HTTP endpoint of the in-process server (loopback only)."""
        self.warm_up()
        return f"{self._server.listening_address}/v1"

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        request = urllib.request.Request(
            f"{self._server.listening_address}{path}",
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ModelError(f"{self.name}: llama.cpp's {path} failed: {exc}") from exc

    def count_prompt_tokens(self, messages: Sequence[Message]) -> TokenCount:
        """Exact: the GGUF's own chat template applied (or, in completion mode, the plain
        :func:`completion_prompt`), then the model's tokenizer (the in-process server's
        ``/apply-template`` and ``/tokenize``, on loopback)."""
        self.warm_up()
        if self.config.mode == "completion":
            text = completion_prompt(messages)
        else:
            applied = self._post(
                "/apply-template", {"messages": [m.model_dump() for m in messages]}
            )
            text = applied["prompt"]
        tokens = self._post("/tokenize", {"content": text, "add_special": True})
        return TokenCount(len(tokens["tokens"]), exact=True)

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        self.warm_up()
        opts = options or ChatOptions()
        completion = self.config.mode == "completion"
        request: dict[str, Any] = {
            "max_tokens": opts.max_tokens,
            "temperature": opts.temperature,
            "stream": True,
        }
        if completion:
            request["prompt"] = completion_prompt(messages)
            request["stop"] = [*COMPLETION_STOP, *(opts.stop or [])]
        else:
            request["messages"] = [m.model_dump() for m in messages]
            if opts.stop:
                request["stop"] = opts.stop
        if opts.top_p is not None:
            request["top_p"] = opts.top_p
        if opts.seed is not None:
            request["seed"] = opts.seed

        pieces: list[str] = []
        state: dict[str, Any] = {"first": None, "finish": "stop", "timings": None, "error": None}

        def on_chunk(chunk: Any) -> bool:
            """Returning True tells llama.cpp to stop this request (its slot is freed)."""
            if isinstance(chunk, dict) and "error" in chunk:
                state["error"] = chunk
                return False
            stop = False
            for choice in chunk.get("choices", ()):
                if completion:  # the space after "Answer:" is the prompt's, not the answer's
                    text = choice.get("text")
                    text = text.lstrip() if text and not pieces else text
                else:
                    text = (choice.get("delta") or {}).get("content")
                if text:
                    if state["first"] is None:
                        state["first"] = time.perf_counter()
                    pieces.append(text)
                    if on_token is not None and on_token(text):
                        stop = True
                if choice.get("finish_reason"):
                    state["finish"] = choice["finish_reason"]
            if "timings" in chunk:
                state["timings"] = chunk["timings"]
            if stop:
                state["finish"] = "cancelled"
            return stop

        handle = (
            self._server.handle_completions if completion else self._server.handle_chat_completions
        )
        start = time.perf_counter()
        returned = handle(request, on_chunk)
        end = time.perf_counter()
        if isinstance(returned, dict) and "error" in returned:
            _raise_for(returned, self.name)
        if state["error"] is not None:
            _raise_for(state["error"], self.name)
        timings = state["timings"] or {}
        if timings:
            usage = Usage(
                prompt_tokens=int(timings.get("prompt_n", 0)) + int(timings.get("cache_n", 0)),
                completion_tokens=int(timings.get("predicted_n", len(pieces))),
            )
        else:  # stopped before llama.cpp reported: count the prompt and the pieces
            usage = Usage(
                prompt_tokens=self.count_prompt_tokens(messages).tokens,
                completion_tokens=len(pieces),
            )
        first = state["first"] if state["first"] is not None else end
        return ChatResult(
            text="".join(pieces),
            usage=usage,
            model=self.name,
            finish_reason=str(state["finish"]),
            latency_s=end - start,
            ttft_s=first - start,
            extra={"timings": timings},
        )

    def close(self) -> None:
        with self._lock:
            self._server = None  # the binding stops its loop in the destructor
