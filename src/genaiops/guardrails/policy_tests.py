"""Policy tests as code: a YAML suite of cases run against a policy (`genaiops guard test`).

```yaml
policy: company-default          # optional; --policy overrides
cases:
  - name: card numbers are masked
    text: "My card is 4111 1111 1111 1111"
    direction: input             # input | document | output
    expect: masked               # blocked | allowed | masked
    finding: {type: pii, name: CREDIT_CARD}   # optional: this finding must be present
  - text: "The Trailhawk 2 costs $2,499."
    direction: output
    sources: ["The Trailhawk 2 costs $2,899."]
    query: "How much is the Trailhawk 2?"
    expect: blocked
```
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from genaiops.errors import ConfigError
from genaiops.guardrails.batch import read_text_file
from genaiops.guardrails.engine import GuardOutcome, GuardrailEngine

__all__ = ["CaseResult", "PolicyCase", "PolicySuite", "load_suite", "run_suite"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExpectedFinding(_Strict):
    type: str
    name: str | None = None


class PolicyCase(_Strict):
    name: str | None = None
    text: str
    direction: Literal["input", "document", "output"] = "input"
    sources: list[str] = Field(default_factory=list)
    query: str | None = None
    expect: Literal["blocked", "allowed", "masked"]
    finding: ExpectedFinding | None = None


class PolicySuite(_Strict):
    policy: str | None = None
    cases: list[PolicyCase] = Field(min_length=1)


def load_suite(path: Path) -> PolicySuite:
    """Read and validate a suite; a file that cannot be read or is not UTF-8 raises
    :class:`InputError`, a suite that is not valid raises :class:`ConfigError`."""
    text = read_text_file(path, "policy test suite (YAML)")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: not valid YAML: {problem}{where}") from None
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: a test suite is a YAML mapping with a 'cases' list "
            f"(got {type(data).__name__})"
        )
    try:
        return PolicySuite.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise ConfigError("\n".join(lines)) from None


@dataclass(frozen=True)
class CaseResult:
    case: PolicyCase
    outcome: GuardOutcome
    passed: bool
    reason: str

    @property
    def label(self) -> str:
        return self.case.name or self.case.text[:60]


_ACTIONS = {"blocked": "BLOCKED", "allowed": "NONE", "masked": "MASKED"}


def run_case(engine: GuardrailEngine, case: PolicyCase) -> CaseResult:
    outcome = engine.apply(case.text, case.direction, case.sources, case.query)
    # in shadow mode nothing is enforced: judge the decision the policy would have made
    action = outcome.action
    if outcome.shadow and outcome.findings:
        action = "BLOCKED" if any(f.action == "BLOCKED" for f in outcome.findings) else "MASKED"
    reasons: list[str] = []
    if action != _ACTIONS[case.expect]:
        got = {v: k for k, v in _ACTIONS.items()}[action]
        reasons.append(f"expected {case.expect}, got {got}")
    if case.finding is not None and not any(
        f.type == case.finding.type and (case.finding.name in (None, f.name))
        for f in outcome.findings
    ):
        want = case.finding.type + (f":{case.finding.name}" if case.finding.name else "")
        reasons.append(f"no {want} finding")
    return CaseResult(case, outcome, not reasons, "; ".join(reasons))


def run_suite(engine: GuardrailEngine, suite: PolicySuite) -> list[CaseResult]:
    return [run_case(engine, case) for case in suite.cases]
