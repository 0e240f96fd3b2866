"""The project file (``genaiops.yaml``) and the process settings, typed with pydantic.

A project declares models, knowledge bases, guardrail policies and apps (an app = model +
knowledge base + policy + prompt). :func:`load_project` reads and validates the file; any
error names the file, the key path and what would be valid, e.g.::

    genaiops.yaml: apps.assistant.top_k: must be greater than or equal to 1 (got 0)
    genaiops.yaml: models.local.n_thread: unknown key; valid keys: capabilities, ...

Settings come from the environment (``GENAIOPS_*``) and never from the project file when
they are secrets: the database URL may carry a password, API keys are named by the
environment variable that holds them.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    SerializeAsAny,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from genaiops.config_guardrails import GuardrailPolicyConfig, WordFilterConfig
from genaiops.costs.budget_config import BudgetConfig
from genaiops.costs.pricing import Price
from genaiops.errors import ConfigError
from genaiops.value.config import ValueConfig

__all__ = [
    "PROJECT_FILE",
    "AccessConfig",
    "AccessRule",
    "AppConfig",
    "BudgetConfig",
    "GuardrailPolicyConfig",
    "IngestPiiConfig",
    "KnowledgeBaseConfig",
    "LlamaCppModelConfig",
    "ModelConfig",
    "ModelConfigBase",
    "OpenAIModelConfig",
    "Price",
    "ProjectConfig",
    "RetrievalConfig",
    "Settings",
    "WordFilterConfig",
    "builtin_models",
    "check_environment",
    "get_settings",
    "load_project",
    "model_config_class",
    "parse_project",
]

PROJECT_FILE = "genaiops.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModelConfigBase(_Strict):
    """What every model entry of the project file has. A provider kind's own schema (its
    class's ``config_model``) extends it; ``provider`` names a registered kind."""

    provider: str
    description: str = ""
    price: Price = Price()
    capabilities: list[Literal["chat", "stream", "json", "lora", "embeddings"]] = ["chat", "stream"]

    def context_tokens(self) -> int:
        """The context window in tokens (prompt + completion)."""
        return 8192


class LlamaCppModelConfig(ModelConfigBase):
    """A GGUF model run in-process by llama.cpp (the ``xllamacpp`` wheel).

    ``mode: completion`` is for base models, which have no chat template (Gemma-3-270M):
    the messages are written out as one plain prompt ending in ``Answer:`` and the model
    continues it. Such a model lists ``completion`` rather than ``chat`` among its
    capabilities, which is also the default when ``capabilities`` is left out.
    """

    provider: Literal["llamacpp"] = "llamacpp"
    path: str = Field(
        description="a GGUF file (relative to the project folder), 'wheel:DIST/FILE.gguf', "
        "or 'assembled:NAME' (a model joined from part wheels by 'genaiops models pull')"
    )
    mode: Literal["chat", "completion"] = Field(
        "chat",
        description="chat: the GGUF's own chat template; completion: a plain "
        "'Question/Answer' prompt, for base models that have no chat template",
    )
    # the base's capabilities plus "completion" (mypy: a subclass may not widen a field)
    capabilities: list[Literal["chat", "completion", "stream", "json", "lora", "embeddings"]] = [
        "chat",
        "stream",
    ]  # type: ignore[assignment]
    n_ctx: int = Field(4096, ge=256, description="context window in tokens")
    n_threads: int | Literal["auto"] = Field(
        "auto",
        description="CPU threads; auto: one less than the machine's cores (at most 8), since "
        "llama.cpp's threads spin-wait and collapse when another process needs a core",
    )
    n_parallel: int = Field(1, ge=1, le=64, description="slots decoded together")
    n_batch: int = Field(512, ge=32)
    seed: int = 42
    adapter: str | None = Field(
        None,
        description="a GGUF LoRA adapter (relative to the project folder) llama.cpp applies "
        "on the base, as 'genaiops tune create' writes it",
    )
    adapter_scale: float = Field(1.0, ge=0.0, le=4.0, description="the adapter's weight")

    @model_validator(mode="before")
    @classmethod
    def _completion_capabilities(cls, data: Any) -> Any:
        """A completion model cannot chat: say so unless the entry lists its own."""
        if isinstance(data, dict) and data.get("mode") == "completion":
            return {"capabilities": ["completion", "stream"], **data}
        return data

    @field_validator("n_threads")
    @classmethod
    def _threads(cls, v: int | str) -> int | str:
        if isinstance(v, int) and not 1 <= v <= 256:
            raise ValueError("must be auto or a number from 1 to 256")
        return v

    @property
    def threads(self) -> int:
        """``n_threads`` resolved: measured on a 2-core machine with one other busy process,
        SmolLM2 generated 27 tok/s at 1 thread and 3-4 tok/s at 2."""
        if self.n_threads == "auto":
            return max(1, min(8, (os.cpu_count() or 2) - 1))
        return int(self.n_threads)

    @property
    def context_window(self) -> int:
        return self.n_ctx

    def context_tokens(self) -> int:
        return self.n_ctx


class OpenAIModelConfig(ModelConfigBase):
    """Any OpenAI-compatible endpoint: OpenAI, Azure, vLLM, Ollama, TGI, llama.cpp server."""

    provider: Literal["openai"] = "openai"
    base_url: str = Field(description="e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1")
    model: str = Field(description="the model name the endpoint expects")
    api_key_env: str | None = Field(
        None, description="name of the environment variable holding the key (never the key)"
    )
    context_window: int = Field(8192, ge=256)
    timeout_s: float = Field(60.0, gt=0)
    max_retries: int = Field(2, ge=0, le=10)

    @model_validator(mode="before")
    @classmethod
    def _no_plain_keys(cls, data: Any) -> Any:
        if isinstance(data, dict) and "api_key" in data:
            raise ValueError(
                "api_key: keys are never stored in the project file; export the key in an "
                "environment variable and name it with api_key_env: OPENAI_API_KEY"
            )
        return data

    @field_validator("base_url")
    @classmethod
    def _url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v.rstrip("/")

    def context_tokens(self) -> int:
        return self.context_window


#: kept for callers that name the type of a model entry
ModelConfig = ModelConfigBase


def model_config_class(kind: str, key: str | None = None) -> type[ModelConfigBase]:
    """The schema of a registered provider kind (its class's ``config_model``)."""
    from genaiops.plugins import providers

    cls = getattr(providers.get(kind, key=key), "config_model", None)
    if not (isinstance(cls, type) and issubclass(cls, ModelConfigBase)):
        from genaiops.errors import PluginError

        raise PluginError(
            f"the model provider {kind!r} declares no config_model derived from "
            f"genaiops.config.ModelConfigBase"
        )
    return cls


def _dispatch_model(name: str, entry: Any) -> Any:
    """Validate one ``models:`` entry with its provider kind's own schema."""
    if isinstance(entry, ModelConfigBase) or not isinstance(entry, dict):
        return entry
    kind = entry.get("provider")
    if not isinstance(kind, str):
        from genaiops.plugins import providers

        raise ValueError(f"provider: required; registered: {', '.join(providers.names())}")
    return model_config_class(kind, key=f"models.{name}.provider").model_validate(entry)


@lru_cache(maxsize=1)
def _builtin_models() -> dict[str, ModelConfigBase]:
    from genaiops.config_catalog import BUILTIN_MODELS

    return {name: _dispatch_model(name, dict(entry)) for name, entry in BUILTIN_MODELS.items()}


def builtin_models() -> dict[str, ModelConfigBase]:
    """Models every project can name without declaring them: the data of
    :mod:`genaiops.config_catalog`, validated once by each provider kind's schema."""
    return dict(_builtin_models())


class AccessRule(_Strict):
    """Documents whose source matches ``match`` (a glob on the source id, e.g.
    ``docs/hr/**``) are readable by ``groups``, or by everyone with ``public: true``."""

    match: str = Field(min_length=1)
    groups: list[str] = Field(default_factory=list)
    public: bool = False


class AccessConfig(_Strict):
    """Who may read a knowledge base's documents. The first matching rule decides;
    otherwise the groups a connector reports for the document; otherwise ``default``."""

    default: Literal["public", "private"] = Field(
        description="documents no rule or connector covers: public (every caller of the "
        "tenant) or private (no one until a rule grants a group)"
    )
    tenant: str = Field("default", min_length=1, description="the tenant that owns them")
    rules: list[AccessRule] = Field(default_factory=list)


class RetrievalConfig(_Strict):
    """How chunks are found. ``hybrid`` fuses the dense and keyword arms by reciprocal
    rank fusion; its ``rrf_k`` of 10 was chosen on SciFact's train queries, and on the
    test queries it scored nDCG@10 0.720 against 0.672 dense and 0.644 keyword
    (``benchmarks/a1_scifact.py``; the keyword arm indexes each chunk's heading with its
    text since migration 0015). ``dense`` stays the default: on the example handbook both
    modes put the answer in the top 3 for the same 29 of 36 questions, but hybrid fills
    ranks 2 and 3 with chunks that are middling in both arms (for "In what year was
    Fenwick Cycles founded?" a service handbook's page of kilometres and weeks instead of
    the company's other pages), and the smallest local models then answer from them."""

    mode: Literal["dense", "keyword", "hybrid"] = "dense"
    candidates: int = Field(50, ge=1, le=1000, description="per arm, before fusion")
    rrf_k: int = Field(10, ge=1, description="reciprocal rank fusion constant")
    mmr: float | None = Field(
        None, ge=0.0, le=1.0, description="MMR relevance weight (1: none); off when unset"
    )
    rerank: str | None = Field(None, description="reserved: no reranker exists in this version")

    @field_validator("rerank")
    @classmethod
    def _no_reranker(cls, value: str | None) -> str | None:
        if value is not None:
            raise ValueError("no reranker is registered in this version; remove the key")
        return value


class IngestPiiConfig(_Strict):
    """PII found in documents at ingestion: masked or the chunk dropped, before storing."""

    action: Literal["mask", "drop"] = "mask"
    entities: list[str] = Field(
        default_factory=lambda: [
            "EMAIL_ADDRESS",
            "PHONE_NUMBER",
            "CREDIT_CARD",
            "US_SSN",
            "IBAN_CODE",
            "US_BANK_NUMBER",
        ]
    )


class KnowledgeBaseConfig(_Strict):
    """Documents from folders (``paths``) and other connectors (``sources``), chunked,
    embedded and stored in PostgreSQL."""

    paths: list[str] = Field(
        default_factory=list, description="folders or files, relative to the project"
    )
    sources: list[dict[str, Any]] = Field(
        default_factory=list,
        description="other connectors: {kind: sql|s3|..., ...options per the kind's schema}",
    )
    chunking: Literal["structure", "fixed", "sentences"] = Field(
        "structure",
        description="structure: at headings and pages; fixed: token windows with overlap; "
        "sentences: windows of window_sentences sentences",
    )
    window_sentences: int = Field(3, ge=1, le=50)
    access: AccessConfig | None = Field(
        None, description="who may read the documents; absent: public to the default tenant"
    )
    retrieval: RetrievalConfig = RetrievalConfig()
    pii: IngestPiiConfig | None = Field(None, description="mask or drop PII before storing")
    include: list[str] = [
        "**/*.md",
        "**/*.markdown",
        "**/*.txt",
        "**/*.html",
        "**/*.htm",
        "**/*.pdf",
        "**/*.docx",
        "**/*.csv",
        "**/*.jsonl",
    ]
    chunk_size: int = Field(200, ge=32, le=2048, description="tokens per chunk (embedder's tokens)")
    chunk_overlap: int = Field(32, ge=0, description="tokens carried over between chunks")
    embedder: str = Field("minilm-l6-int8", description="a registered embedder kind")
    embedder_options: dict[str, Any] = Field(
        default_factory=dict, description="options of that embedder (its own schema)"
    )
    max_file_mb: float = Field(
        20,
        gt=0,
        description="files larger than this (in MB, 10^6 bytes) are skipped and listed",
    )
    description: str = ""

    def resolved_paths(self, base_dir: Path) -> list[tuple[str, Path]]:
        """Each configured path with where it points: relative paths are taken from the
        project folder, so the same file works from any working directory."""
        out: list[tuple[str, Path]] = []
        for raw in self.paths:
            path = Path(raw).expanduser()
            out.append((raw, path if path.is_absolute() else base_dir / path))
        return out

    def missing_paths(self, kb: str, base_dir: Path) -> list[str]:
        """A 'key.path: message' line per configured path that does not exist.

        A mistyped folder must be an error, not an empty read: an ingest that reads
        nothing would otherwise prune every stored document of the knowledge base."""
        return [
            f"knowledge_bases.{kb}.paths: {raw!r} does not exist (resolved to {path}); "
            f"fix the path (relative to the project folder {base_dir}) or create the folder"
            for raw, path in self.resolved_paths(base_dir)
            if not path.exists()
        ]

    @model_validator(mode="after")
    def _embedder(self) -> KnowledgeBaseConfig:
        from genaiops.plugins import embedders

        if self.embedder not in embedders:
            raise ValueError(
                f"embedder: unknown embedder {self.embedder!r}; registered: "
                f"{', '.join(embedders.names())}"
            )
        schema = getattr(embedders.get(self.embedder), "config_model", None)
        if schema is not None:
            schema.model_validate(self.embedder_options)
        elif self.embedder_options:
            raise ValueError(f"embedder_options: the {self.embedder} embedder takes none")
        return self

    @model_validator(mode="after")
    def _has_documents(self) -> KnowledgeBaseConfig:
        if not self.paths and not self.sources:
            raise ValueError("paths: name at least one folder or file, or a connector in sources")
        return self

    @model_validator(mode="after")
    def _overlap(self) -> KnowledgeBaseConfig:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError(
                f"chunk_overlap ({self.chunk_overlap}) must be smaller than chunk_size "
                f"({self.chunk_size})"
            )
        return self


class PromptConfig(_Strict):
    system: str = (
        "You are a helpful assistant. Use the context to answer the question with a short, "
        "complete sentence. If the context does not contain the answer, say you don't know."
    )
    template: str = Field(
        "Context:\n{sources}\n\nQuestion: {question}",
        description="user message; placeholders {sources} and {question}",
    )

    @field_validator("template")
    @classmethod
    def _placeholders(cls, v: str) -> str:
        if "{question}" not in v:
            raise ValueError("must contain the placeholder {question}")
        return v


class AppConfig(_Strict):
    """An app: what `ask` runs, what evaluation measures and what the server serves."""

    model: str
    knowledge_base: str | None = None
    guardrail: str | None = None
    prompt: PromptConfig = PromptConfig()
    top_k: int = Field(4, ge=1, le=50)
    min_score: float = Field(0.0, ge=-1.0, le=1.0, description="drop chunks below this cosine")
    max_tokens: int = Field(200, ge=1)
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    retrieval: RetrievalConfig | None = Field(
        None, description="overrides the knowledge base's retrieval settings for this app"
    )
    description: str = ""


class ProjectConfig(_Strict):
    version: Literal[1] = 1
    name: str = Field(min_length=1)
    data_dir: str = Field(".genaiops", description="embedded database and caches, per project")
    default_app: str | None = None
    models: dict[str, SerializeAsAny[ModelConfigBase]] = Field(default_factory=dict)
    knowledge_bases: dict[str, KnowledgeBaseConfig] = Field(default_factory=dict)
    guardrails: dict[str, GuardrailPolicyConfig] = Field(default_factory=dict)
    apps: dict[str, AppConfig] = Field(default_factory=dict)
    budgets: list[BudgetConfig] = Field(
        default_factory=list, description="spending limits per tenant, key, app or tag"
    )
    value: ValueConfig = Field(
        default_factory=ValueConfig, description="what a good answer is worth (value KPIs)"
    )

    @field_validator("budgets")
    @classmethod
    def _one_budget_per_name(cls, v: list[BudgetConfig]) -> list[BudgetConfig]:
        names = [b.name for b in v]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(
                f"{', '.join(twice)} declared more than once; keep one entry per target and period"
            )
        return v

    @field_validator("models", mode="before")
    @classmethod
    def _models(cls, v: Any) -> Any:
        if isinstance(v, dict):
            return {name: _dispatch_model(str(name), entry) for name, entry in v.items()}
        return v

    def all_models(self) -> dict[str, ModelConfigBase]:
        """The built-in catalog overlaid with the project's own models."""
        return {**builtin_models(), **self.models}

    def check_references(self) -> list[str]:
        """Cross-reference errors as 'key.path: message' lines (empty when consistent)."""
        errors: list[str] = []
        models = self.all_models()
        for name, app in self.apps.items():
            refs: list[tuple[str, str | None, dict[str, Any]]] = [
                ("model", app.model, models),
                ("knowledge_base", app.knowledge_base, self.knowledge_bases),
                ("guardrail", app.guardrail, self.guardrails),
            ]
            for key, ref, pool in refs:
                if ref is not None and ref not in pool:
                    valid = ", ".join(sorted(pool)) or "(none declared)"
                    errors.append(f"apps.{name}.{key}: unknown {key} {ref!r}; valid: {valid}")
        for name, policy in self.guardrails.items():
            cg = policy.contextual_grounding
            if cg is not None and cg.judge_model is not None and cg.judge_model not in models:
                errors.append(
                    f"guardrails.{name}.contextual_grounding.judge_model: unknown model "
                    f"{cg.judge_model!r}; valid: {', '.join(sorted(models))}"
                )
        if self.default_app is not None and self.default_app not in self.apps:
            valid = ", ".join(sorted(self.apps)) or "(none declared)"
            errors.append(f"default_app: unknown app {self.default_app!r}; valid: {valid}")
        for i, budget in enumerate(self.budgets):
            if budget.app is not None and budget.app not in self.apps:
                valid = ", ".join(sorted(self.apps)) or "(none declared)"
                errors.append(f"budgets.{i}.app: unknown app {budget.app!r}; valid: {valid}")
        for i, kpi in enumerate(self.value.kpis):
            if kpi.app is not None and kpi.app not in self.apps:
                valid = ", ".join(sorted(self.apps)) or "(none declared)"
                errors.append(f"value.kpis.{i}.app: unknown app {kpi.app!r}; valid: {valid}")
        return errors


#: tokens an app's completion must leave free in the context window for the prompt
PROMPT_RESERVE_TOKENS = 256


def _model_file_errors(project: ProjectConfig, base_dir: Path) -> list[str]:
    """Local (llama.cpp) models whose GGUF file cannot be found: the project's own, and
    the built-in ones an app or a grounding judge uses (an unused built-in is no error)."""
    from genaiops.errors import GenAIOpsError
    from genaiops.models.files import resolve_model_path

    models = project.all_models()
    used: dict[str, str] = {name: f"models.{name}.path" for name in project.models}
    for app_name, app in project.apps.items():
        used.setdefault(app.model, f"apps.{app_name}.model")
    for policy_name, policy in project.guardrails.items():
        cg = policy.contextual_grounding
        if cg is not None and cg.judge_model is not None:
            key = f"guardrails.{policy_name}.contextual_grounding.judge_model"
            used.setdefault(cg.judge_model, key)
    errors: list[str] = []
    for name, key in used.items():
        model = models.get(name)
        if not isinstance(model, LlamaCppModelConfig):
            continue
        try:
            resolve_model_path(model.path, base_dir)
        except GenAIOpsError as exc:
            what = "" if key.startswith("models.") else f"the built-in model {name}: "
            errors.append(f"{key}: {what}{exc}")
        except OSError as exc:
            errors.append(f"{key}: cannot read {model.path}: {exc.strerror or exc}")
    return errors


def check_environment(project: ProjectConfig, base_dir: Path) -> list[str]:
    """What a valid project file can still get wrong about the machine it runs on, as
    'key.path: message' lines (empty when all is well): knowledge base paths that do not
    exist, completions that cannot fit their model's context window, and local model
    files that are missing.

    ``genaiops validate`` runs it so these show up before the first ingest or ask;
    :func:`load_project` does not, so that other commands still run when, say, one
    model's wheel is not installed yet."""
    errors: list[str] = []
    for name, kb in project.knowledge_bases.items():
        errors.extend(kb.missing_paths(name, base_dir))
    models = project.all_models()
    for name, app in project.apps.items():
        model = models.get(app.model)
        if model is None:
            continue  # check_references reports it
        window = model.context_tokens()
        room = window - PROMPT_RESERVE_TOKENS
        if app.max_tokens > room:
            errors.append(
                f"apps.{name}.max_tokens: {app.max_tokens} does not fit the context window "
                f"of {app.model} ({window} tokens) with room for the prompt; use at most "
                f"{max(room, 1)} (at least {PROMPT_RESERVE_TOKENS} tokens are left for the "
                f"prompt) or choose a model with a larger window"
            )
    errors.extend(_model_file_errors(project, base_dir))
    return errors


def _model_at(loc: tuple[int | str, ...], root: type[BaseModel]) -> type[BaseModel] | None:
    """The pydantic model class that owns the last key of ``loc`` (for 'valid keys' hints)."""
    cls: type[BaseModel] = root
    i = 0
    while i < len(loc) - 1:
        key = loc[i]
        field = cls.model_fields.get(str(key))
        if field is None:
            return None
        ann = field.annotation
        origin = getattr(ann, "__origin__", None)
        if origin is dict:  # dict[str, X]: skip the user's name
            ann = ann.__args__[1]  # type: ignore[union-attr]
            i += 1
        elif origin is list:  # list[X]: skip the index
            ann = ann.__args__[0]  # type: ignore[union-attr]
            i += 1
        args = [a for a in getattr(ann, "__args__", ()) if isinstance(a, type)]
        candidates = [a for a in [ann, *args] if isinstance(a, type) and issubclass(a, BaseModel)]
        if not candidates:
            return None
        cls = candidates[0]
        i += 1
    return cls


def _format_error(err: Any, root: type[BaseModel] = BaseModel, prefix: tuple[str, ...] = ()) -> str:
    loc: tuple[int | str, ...] = tuple(err["loc"])
    path = ".".join([*prefix, *(str(p) for p in loc)]) or "(top level)"
    kind = err["type"]
    if kind == "extra_forbidden":
        owner = _model_at(loc, root if root is not BaseModel else ProjectConfig)
        valid = ", ".join(sorted(owner.model_fields)) if owner else "see the documentation"
        return f"{path}: unknown key; valid keys: {valid}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    if kind == "missing":
        return f"{path}: required key is missing"
    got = err.get("input")
    got_s = "" if isinstance(got, dict | list) or got is None else f" (got {got!r})"
    return f"{path}: {msg[0].lower() + msg[1:] if msg else msg}{got_s}"


def _validate_models(raw: Any, errors: list[str], source: str) -> Any:
    """Each ``models:`` entry validated by its provider kind's own schema, so a plug-in's
    option errors name the key and the valid keys exactly as the built-ins' do."""
    if not isinstance(raw, dict):
        return raw
    from genaiops.plugins import providers

    out: dict[str, Any] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict):
            out[name] = entry  # the project schema reports the wrong type
            continue
        kind = entry.get("provider")
        if not isinstance(kind, str) or kind not in providers:
            what = "required key is missing" if kind is None else f"unknown provider {kind!r}"
            errors.append(
                f"{source}: models.{name}.provider: {what}; registered providers: "
                f"{', '.join(providers.names())}"
            )
            continue
        cls = model_config_class(kind, key=f"models.{name}.provider")
        try:
            out[name] = cls.model_validate(entry)
        except ValidationError as exc:
            errors.extend(
                f"{source}: {_format_error(e, cls, ('models', str(name)))}" for e in exc.errors()
            )
    return out


def parse_project(data: Any, *, source: str = PROJECT_FILE) -> ProjectConfig:
    """Validate a parsed project document; raise :class:`ConfigError` naming every bad key."""
    if not isinstance(data, dict):
        raise ConfigError(
            f"{source}: the project file must be a YAML mapping (got {type(data).__name__})"
        )
    errors: list[str] = []
    models = _validate_models(data.get("models", {}), errors, source)
    try:
        project = ProjectConfig.model_validate({**data, "models": models or {}})
    except ValidationError as exc:
        errors.extend(f"{source}: {_format_error(e)}" for e in exc.errors())
        raise ConfigError("\n".join(errors)) from None
    if errors:
        raise ConfigError("\n".join(errors))
    ref_errors = project.check_references()
    if ref_errors:
        raise ConfigError("\n".join(f"{source}: {e}" for e in ref_errors))
    return project


def load_project(path: str | os.PathLike[str] | None = None) -> tuple[ProjectConfig, Path]:
    """Read a project file (or ``DIR/genaiops.yaml``); return it with its folder."""
    p = Path(path) if path is not None else Path(get_settings().project or PROJECT_FILE)
    if p.is_dir():
        p = p / PROJECT_FILE
    if not p.exists():
        raise ConfigError(
            f"{p}: no project file here; create one with 'genaiops init' or pass --project PATH"
        )
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{p}: not valid YAML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{p}: not UTF-8 text (byte {exc.start}); save the project file as UTF-8"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read the project file: {exc.strerror or exc}") from None
    return parse_project(data, source=str(p)), p.resolve().parent


class Settings(BaseSettings):
    """Process settings from ``GENAIOPS_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="GENAIOPS_", extra="ignore")

    database_url: SecretStr | None = Field(
        None, description="external PostgreSQL with pgvector; default: the embedded server"
    )
    project: str | None = Field(None, description="path of the project file or its folder")

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and not v.get_secret_value().startswith(
            ("postgresql://", "postgres://", "postgresql+psycopg://")
        ):
            scheme = v.get_secret_value().split(":", 1)[0]
            raise ValueError(
                f"a {scheme!r} URL is not PostgreSQL; genaiops needs PostgreSQL 15+ with "
                f"pgvector: postgresql://user:password@host:5432/db (or unset it for the "
                f"embedded server)"
            )
        return v


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process; tests call ``get_settings.cache_clear()``."""
    try:
        return Settings()
    except ValidationError as exc:
        lines = [
            f"GENAIOPS_{str(e['loc'][0]).upper()}: {str(e['msg']).removeprefix('Value error, ')}"
            for e in exc.errors()
        ]
        raise ConfigError("\n".join(lines)) from None
