"""The guardrail check contract and its uniform finding.

A check looks at one text in one direction (``input``: the user's question; ``document``:
a retrieved chunk; ``output``: the model's answer) and returns findings. Every check
returns the same :class:`Finding` shape whatever it detects.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import ClassVar, Generic, Literal, TypeVar

__all__ = ["Action", "Check", "Direction", "Finding", "Lazy"]

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


class Check(ABC):
    """One guardrail check. ``directions`` says where the policy may apply it."""

    type: ClassVar[str]
    directions: ClassVar[frozenset[Direction]] = frozenset({"input", "document", "output"})

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
