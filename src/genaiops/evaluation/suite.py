"""An evaluation suite: a dataset, candidates, metrics, repeats and a judge, in YAML.

::

    name: choose-a-model
    dataset: questions.jsonl           # relative to the suite file
    app: assistant                     # the app the variants start from (default: the default app)
    matrix:                            # every combination is a candidate
      models: [local-small, gpt-4o-mini]
      strategies: [none, rag@3, rag@5, hybrid@4]
      prompts: [app, strict]           # `app`: the base app's own prompt
    prompts:
      strict: {system: "...", template: "Context:\\n{sources}\\n\\nQuestion: {question}"}
    candidates:                        # and/or candidates named one by one
      - app: assistant                 # an app as declared in the project
      - {name: big, model: gpt-4o-mini, strategy: rag@4, max_tokens: 128}
    guardrail: none                    # optional: every variant's policy instead of the app's
    metrics: [contains, token_f1, grounding, {kind: semantic_similarity, against: sources}]
    judge: {model: local-small, rubric: "..."}  # adds the `judge` metric
    repeats: 1
    concurrency: 2
    decision:                          # what the recommendation must respect
      metric: token_f1                 # quality is ranked on this (default: judge, else the first)
      min_quality: 0.4                 # on that metric's mean
      max_p95_ms: 8000                 # latency p95 of an ask
      requests_per_month: 100000       # the projected volume that prices a month
      max_monthly_usd: 500

A candidate is an :class:`AppConfig` variant of the base app (model, strategy, prompt,
``top_k``, ``max_tokens``, ``temperature``), so what is evaluated is exactly what an
app of the project file would serve. Strategies: ``none`` (no retrieval), ``rag@K``
(dense top-K), ``hybrid@K`` (the app's ``retrieval:`` override with ``mode: hybrid``;
the retrieval stage honours it where the knowledge base supports it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from genaiops.config import AppConfig, ProjectConfig, PromptConfig
from genaiops.errors import ConfigError, NotFoundError

__all__ = [
    "DEFAULT_METRICS",
    "Candidate",
    "CandidateSpec",
    "DecisionSpec",
    "JudgeSpec",
    "MatrixSpec",
    "MetricSpec",
    "Strategy",
    "SuiteConfig",
    "load_suite",
    "resolve_candidates",
]

#: what a suite measures when it names no metrics (all need no model call)
DEFAULT_METRICS = (
    "contains",
    "numeric_match",
    "token_f1",
    "semantic_similarity",
    "grounding",
    "relevance",
    "context_recall",
    "context_precision",
    "abstention",
    "guardrail_pass",
)

_STRATEGY = re.compile(r"^(none|rag|hybrid)(?:\s*[@:]\s*(\d+))?$")
_STRATEGY_HELP = "use none, rag, rag@K, hybrid or hybrid@K (K: top-k)"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Strategy(_Strict):
    """How a candidate finds context: ``none``, ``rag`` (dense) or ``hybrid``, at top-k."""

    kind: Literal["none", "rag", "hybrid"]
    top_k: int | None = Field(None, ge=1, le=50, description="default: the base app's top_k")

    @property
    def label(self) -> str:
        if self.kind == "none" or self.top_k is None:
            return self.kind
        return f"{self.kind}@{self.top_k}"

    @classmethod
    def parse(cls, value: Any) -> Strategy | Any:
        """``none``, ``rag``, ``rag@K``, ``hybrid@K`` (or ``rag:K``) as a :class:`Strategy`;
        anything else is returned as is, for pydantic to validate or reject."""
        if isinstance(value, str):
            m = _STRATEGY.match(value.strip().lower())
            if m is not None:
                top_k = int(m.group(2)) if m.group(2) else None
                return cls.model_validate({"kind": m.group(1), "top_k": top_k})
        return value


class MetricSpec(_Strict):
    """A metric kind, its options, and the name its scores are reported under."""

    kind: str
    name: str | None = None
    options: dict[str, Any] = Field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.name or self.kind

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: Any) -> Any:
        if isinstance(v, str):
            return {"kind": v}
        if isinstance(v, dict) and "options" not in v:
            rest = {k: x for k, x in v.items() if k not in ("kind", "name")}
            return {"kind": v.get("kind"), "name": v.get("name"), "options": rest}
        return v


class JudgeSpec(_Strict):
    """Shorthand for a ``judge`` metric: a model and a rubric."""

    model: str
    rubric: str | None = None
    scale: Literal["1-10", "pass_fail"] = "1-10"
    use_sources: bool = True

    def metric(self) -> MetricSpec:
        options: dict[str, Any] = {"model": self.model, "scale": self.scale}
        options["use_sources"] = self.use_sources
        if self.rubric:
            options["rubric"] = self.rubric
        return MetricSpec(kind="judge", options=options)


class CandidateSpec(_Strict):
    """One candidate: an app of the project, or a variant of the base app."""

    name: str | None = None
    app: str | None = None
    model: str | None = None
    strategy: Strategy | None = None
    prompt: str | None = Field(None, description="a name under the suite's prompts, or app")
    top_k: int | None = Field(None, ge=1, le=50)
    max_tokens: int | None = Field(None, ge=1)
    temperature: float | None = Field(None, ge=0.0, le=2.0)

    @field_validator("strategy", mode="before")
    @classmethod
    def _strategy(cls, v: Any) -> Any:
        parsed = None if v is None else Strategy.parse(v)
        if isinstance(parsed, str):
            raise ValueError(f"strategy {v!r}: {_STRATEGY_HELP}")
        return parsed


class MatrixSpec(_Strict):
    models: list[str] = Field(default_factory=list, description="default: the base app's")
    strategies: list[Strategy] = Field(default_factory=list, description="default: the app's")
    prompts: list[str] = Field(default_factory=list, description="default: the app's (app)")

    @field_validator("strategies", mode="before")
    @classmethod
    def _strategies(cls, v: Any) -> Any:
        if not isinstance(v, list):
            return v
        out = []
        for s in v:
            if isinstance(s, str) and not isinstance(Strategy.parse(s), Strategy):
                raise ValueError(f"strategy {s!r}: {_STRATEGY_HELP}")
            out.append(Strategy.parse(s))
        return out


class DecisionSpec(_Strict):
    """The constraints a recommendation must meet, and the volume that prices a month.

    A candidate is eligible when its mean on ``metric`` is at least ``min_quality``, its
    latency p95 at most ``max_p95_ms``, its cost at ``requests_per_month`` at most
    ``max_monthly_usd`` and at most ``max_error_rate`` of its asks failed. Self-hosted
    models are priced as the instances the volume needs, each kept busy
    ``utilisation`` of the time (:mod:`genaiops.evaluation.decision`)."""

    metric: str | None = Field(None, description="default: judge if present, else the first")
    min_quality: float | None = None
    max_p95_ms: float | None = Field(None, gt=0)
    max_monthly_usd: float | None = Field(None, ge=0)
    max_error_rate: float = Field(0.05, ge=0, le=1)
    requests_per_month: int = Field(100_000, ge=1)
    utilisation: float = Field(0.6, gt=0, le=1)


class SuiteConfig(_Strict):
    name: str = Field(min_length=1)
    dataset: str
    app: str | None = None
    guardrail: str | None = Field(
        None,
        description="every variant's guardrail policy instead of the base app's; 'none' for "
        "no guardrail (e.g. to compare models without retrieval, which grounding blocks)",
    )
    matrix: MatrixSpec | None = None
    candidates: list[CandidateSpec] = Field(default_factory=list)
    prompts: dict[str, PromptConfig] = Field(default_factory=dict)
    metrics: list[MetricSpec] = Field(
        default_factory=lambda: [MetricSpec(kind=k) for k in DEFAULT_METRICS]
    )
    judge: JudgeSpec | None = None
    repeats: int = Field(1, ge=1, le=100)
    concurrency: int = Field(2, ge=1, le=256)
    seed: int = 0
    bootstrap: int = Field(2000, ge=100, le=100_000, description="bootstrap resamples")
    max_items: int | None = Field(None, ge=1, description="evaluate only the first N items")
    decision: DecisionSpec = Field(default_factory=DecisionSpec)

    @model_validator(mode="after")
    def _checks(self) -> SuiteConfig:
        labels = [m.label for m in self.all_metrics()]
        dupes = sorted({x for x in labels if labels.count(x) > 1})
        if dupes:
            raise ValueError(f"metrics: {', '.join(dupes)} named twice; give one a `name:`")
        metric = self.decision.metric
        if metric is not None and metric not in labels:
            raise ValueError(
                f"decision.metric: {metric!r} is not measured by this suite; "
                f"use one of {', '.join(labels)}"
            )
        if "app" in self.prompts:
            raise ValueError("prompts: 'app' is reserved for the base app's own prompt")
        return self

    def all_metrics(self) -> list[MetricSpec]:
        return [*self.metrics, *([self.judge.metric()] if self.judge else [])]


def load_suite(path: str | Path) -> tuple[SuiteConfig, Path]:
    """The suite and the folder its relative paths are taken from."""
    from genaiops.yamlfile import load_model

    p = Path(path)
    return load_model(p, SuiteConfig, "suite"), p.resolve().parent


@dataclass(frozen=True)
class Candidate:
    """A resolved candidate: its name, where it came from, and the app it runs."""

    name: str
    spec: dict[str, Any]  # model, strategy, prompt, app: the matrix cell
    config: AppConfig

    @property
    def retrieves(self) -> bool:
        return self.config.knowledge_base is not None


def _variant(
    project: ProjectConfig,
    suite: SuiteConfig,
    base_name: str,
    base: AppConfig,
    spec: CandidateSpec,
) -> Candidate:
    update: dict[str, Any] = {}
    model = spec.model or base.model
    if model not in project.all_models():
        valid = ", ".join(sorted(project.all_models()))
        raise NotFoundError(f"suite candidate: unknown model {model!r}; valid: {valid}")
    update["model"] = model
    prompt_name = spec.prompt or "app"
    if prompt_name != "app":
        if prompt_name not in suite.prompts:
            valid = ", ".join(["app", *suite.prompts])
            raise NotFoundError(f"suite candidate: unknown prompt {prompt_name!r}; valid: {valid}")
        update["prompt"] = suite.prompts[prompt_name]
    strategy = spec.strategy
    if strategy is not None:
        if strategy.kind == "none":
            update["knowledge_base"] = None
            update["retrieval"] = None
        else:
            kb = base.knowledge_base
            if kb is None:
                raise ConfigError(
                    f"strategy {strategy.label}: the base app {base_name!r} has no knowledge "
                    "base; set `app:` in the suite to an app with one"
                )
            current = base.retrieval or project.knowledge_bases[kb].retrieval
            mode = "dense" if strategy.kind == "rag" else "hybrid"
            if base.retrieval is not None or current.mode != mode:  # else: as the app has it
                update["retrieval"] = current.model_copy(update={"mode": mode})
            if strategy.top_k is not None:
                update["top_k"] = strategy.top_k
    if suite.guardrail is not None:
        if suite.guardrail != "none" and suite.guardrail not in project.guardrails:
            valid = ", ".join(["none", *sorted(project.guardrails)])
            raise NotFoundError(
                f"suite guardrail: unknown policy {suite.guardrail!r}; valid: {valid}"
            )
        update["guardrail"] = None if suite.guardrail == "none" else suite.guardrail
    for key in ("top_k", "max_tokens", "temperature"):
        value = getattr(spec, key)
        if value is not None:
            update[key] = value
    config = AppConfig.model_validate({**base.model_dump(), **update})
    label = strategy.label if strategy else "app"
    name = spec.name or f"{model}/{label}/{prompt_name}"
    cell = {"app": base_name, "model": model, "strategy": label, "prompt": prompt_name}
    return Candidate(name, cell, config)


def resolve_candidates(project: ProjectConfig, suite: SuiteConfig) -> list[Candidate]:
    """The suite's candidates, in order: the matrix's cells, then those named one by one.
    With neither, the base app itself is the one candidate."""
    base_name = suite.app or project.default_app or next(iter(project.apps), None)
    if base_name is None or base_name not in project.apps:
        valid = ", ".join(sorted(project.apps)) or "(none declared)"
        raise NotFoundError(f"suite app: unknown app {base_name!r}; apps: {valid}")
    base = project.apps[base_name]
    out: list[Candidate] = []
    if suite.matrix is not None:
        m = suite.matrix
        strategies: list[Strategy | None] = list(m.strategies) or [None]
        for model in m.models or [base.model]:
            for strategy in strategies:
                for prompt in m.prompts or ["app"]:
                    spec = CandidateSpec(model=model, strategy=strategy, prompt=prompt)
                    out.append(_variant(project, suite, base_name, base, spec))
    for spec in suite.candidates:
        if spec.app is not None:
            if spec.app not in project.apps:
                valid = ", ".join(sorted(project.apps))
                raise NotFoundError(f"suite candidate: unknown app {spec.app!r}; apps: {valid}")
            plain = spec.model_copy(update={"app": None, "name": spec.name or spec.app})
            out.append(_variant(project, suite, spec.app, project.apps[spec.app], plain))
        else:
            out.append(_variant(project, suite, base_name, base, spec))
    if not out:
        out.append(_variant(project, suite, base_name, base, CandidateSpec(name=base_name)))
    names = [c.name for c in out]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ConfigError(f"suite: candidates named twice: {', '.join(dupes)}; give each a name")
    return out
