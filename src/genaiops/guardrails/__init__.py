"""Risk: guardrail checks (one small module each), policies and the engine that applies them."""

from genaiops.guardrails.base import Check, Finding
from genaiops.guardrails.engine import GuardOutcome, GuardrailEngine

__all__ = ["Check", "Finding", "GuardOutcome", "GuardrailEngine"]
