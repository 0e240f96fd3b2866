"""What a budget is, as the project file declares it (``budgets:``) and the CLI sets it.

A budget caps what one tenant, API key, app or tag value may spend per day or per month
(UTC calendar periods)::

    budgets:
      - {tenant: acme, period: month, limit_usd: 200}
      - {key: key-ci, period: day, limit_usd: 1.5, alert_at: 0.5}
      - {app: assistant, period: month, limit_usd: 50}
      - {tag: team=sales, period: day, limit_usd: 5}

Its name is ``SCOPE:SUBJECT/PERIOD`` (``tenant:acme/month``, ``tag:team=sales/day``), the
name the CLI (``genaiops costs budgets``), errors and alerts use. Enforcement lives in
:mod:`genaiops.costs.budgets`; this module is pydantic only, so the project file can
import it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from genaiops.errors import InputError

__all__ = ["SCOPES", "BudgetConfig", "Period", "Scope", "parse_budget_target"]

Scope = Literal["tenant", "key", "app", "tag"]
Period = Literal["day", "month"]
SCOPES: tuple[Scope, ...] = ("tenant", "key", "app", "tag")


class BudgetConfig(BaseModel):
    """One budget: exactly one of ``tenant``, ``key`` (an API key id), ``app`` or ``tag``
    (``NAME=VALUE``), a ``period``, a ``limit_usd`` and the share of it (``alert_at``) at
    which an alert is logged and written to the budget events."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tenant: str | None = Field(None, min_length=1)
    key: str | None = Field(None, min_length=1, description="an API key id")
    app: str | None = Field(None, min_length=1)
    tag: str | None = Field(None, description="NAME=VALUE, e.g. team=sales")
    period: Period = "month"
    limit_usd: float = Field(gt=0, description="USD per period")
    alert_at: float = Field(0.8, gt=0, le=1, description="share of the limit that alerts")

    @model_validator(mode="after")
    def _one_scope(self) -> BudgetConfig:
        given = [s for s in SCOPES if getattr(self, s) is not None]
        if len(given) != 1:
            got = ", ".join(given) or "none"
            raise ValueError(
                f"a budget names exactly one of tenant, key, app or tag (got {got}); "
                f"e.g. {{tenant: acme, period: month, limit_usd: 100}}"
            )
        if self.tag is not None:
            name, sep, value = self.tag.partition("=")
            if not sep or not name or not value:
                raise ValueError(f"tag: write NAME=VALUE, e.g. team=sales (got {self.tag!r})")
        return self

    @property
    def scope(self) -> Scope:
        return next(s for s in SCOPES if getattr(self, s) is not None)

    @property
    def subject(self) -> str:
        value = getattr(self, self.scope)
        assert isinstance(value, str)
        return value

    @property
    def name(self) -> str:
        """``SCOPE:SUBJECT/PERIOD``, e.g. ``tenant:acme/month``."""
        return f"{self.scope}:{self.subject}/{self.period}"


def parse_budget_target(text: str) -> tuple[Scope, str]:
    """``tenant:acme`` -> ("tenant", "acme"); the error says the accepted forms."""
    scope, sep, subject = text.partition(":")
    if not sep or scope not in SCOPES or not subject:
        raise InputError(
            f"{text!r} is not a budget target; write SCOPE:SUBJECT with SCOPE one of "
            f"{', '.join(SCOPES)}, e.g. tenant:acme, key:key-ci, app:assistant, tag:team=sales"
        )
    return scope, subject
