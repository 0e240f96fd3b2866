"""The guardrail check contract and its uniform finding.

A check looks at one text in one direction (``input``: the user's question; ``document``:
a retrieved chunk; ``output``: the model's answer) and returns findings. Every check
returns the same :class:`Finding` shape whatever it detects.

Check kinds are registered in the entry point group ``genaiops.checks``
(:data:`genaiops.plugins.checks`). A built-in kind's name is the policy key it compiles
(``word_filters``, ``sensitive_information``, ...); a plug-in kind is declared in a
policy's ``checks:`` list as ``{kind: NAME, ...options}``, its options validated by the
class's ``config_model``. :meth:`Check.from_config` builds the check (or ``None`` when the
configuration enables nothing) from its options and the :class:`CheckServices` the
runtime shares: the cached embedder and a metered judge model.

``can_judge_prefix`` says whether a check can judge part of an answer (a sentence of a
stream) on its own: PII, words, content and topics can; grounding needs the whole answer.
"""

from __future__ import annotations

import builtins
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar

from pydantic import BaseModel

if TYPE_CHECKING:
    from genaiops.knowledge.embedders import Embedder
    from genaiops.models.base import ModelProvider

__all__ = ["Action", "Check", "CheckResult", "CheckServices", "Direction", "Finding", "Lazy"]

T = TypeVar("T")

Direction = Literal["input", "document", "output"]
Action = Literal["BLOCKED", "MASKED", "DETECTED"]


@dataclass(frozen=True)
class Finding:
    type: str  # the family: word_filter, pii, denied_topic, prompt_attack, grounding, ...
    name: str  # what matched: the word, the entity, the topic
    score: float  # 0..1 confidence or severity
    action: Action
    start: int | None = None
    end: int | None = None
    explanation: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class CheckServices:
    """What the runtime shares with the checks it compiles."""

    embedder: Embedder | None = None  # the runtime's caching embedder (MiniLM by default)
    judge: ModelProvider | None = None  # a metered judge model, when the policy names one
    long_text_encoder: Literal["quantized", "exact"] = "quantized"  # the policy's choice

    def long_text_embedder(self) -> Embedder:
        """The embedder for the windows of long texts: :attr:`embedder`'s 8-bit-integer
        twin when the policy asks for ``quantized`` and there is one (see
        :func:`genaiops.knowledge.embedders.quantized_twin`), else :attr:`embedder`."""
        assert self.embedder is not None
        if self.long_text_encoder == "exact":
            return self.embedder
        from genaiops.knowledge.embedders import quantized_twin

        return quantized_twin(self.embedder)


@dataclass
class CheckResult:
    findings: list[Finding]
    evidence: Any = None  # what the check computed that later stages may reuse


class Check(ABC):
    """One guardrail check. ``directions`` says where the policy may apply it."""

    type: ClassVar[str]
    directions: ClassVar[frozenset[Direction]] = frozenset({"input", "document", "output"})
    can_judge_prefix: ClassVar[bool] = True
    config_model: ClassVar[builtins.type[BaseModel] | None] = None  # a plug-in's options

    @classmethod
    def from_config(cls, config: Any, services: CheckServices) -> Check | None:
        """Build the check from its policy section (or plug-in options); ``None`` when the
        section enables nothing. Plug-ins override this."""
        raise NotImplementedError(f"{cls.__name__} does not build from a policy")

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load artifacts and embed fixed texts now rather than on the first check."""

    def inspect(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> CheckResult:
        """Findings plus the evidence behind them (the grounding check's claims)."""
        return CheckResult(self.check(text, direction, sources, query))

    @abstractmethod
    def check(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> list[Finding]: ...

    def risk(
        self,
        text: str,
        direction: Direction,
        sources: Sequence[str] = (),
        query: str | None = None,
    ) -> float | None:
        """A continuous score in [0, 1], higher = more likely a violation, before any
        threshold; ``None`` for checks that only match (calibration then uses findings)."""
        return None


class Lazy(Generic[T]):
    """A value loaded once, on first use, thread-safely: checks read their artifacts here
    rather than in their constructors."""

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        if self._value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._load()
        return self._value
