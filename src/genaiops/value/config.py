"""The ``value:`` section of the project file: what a good answer is worth.

::

    value:
      good_answer_rate: auto          # auto | feedback | evaluation | a number (0.8)
      min_feedback: 30                # votes before feedback is trusted over evaluation
      kpis:
        - name: deflected-tickets
          description: a support ticket an agent does not have to answer
          app: assistant              # default: every app
          per_good_answer: 0.3        # tickets deflected per good answer
          unit_value_usd: 6.50        # what a ticket costs the support team
        - name: minutes-saved
          per_good_answer: 4          # minutes of an employee's time
          unit_value_usd: 0.75        # $45 an hour

A month's value is ``asks x good-answer rate x sum(per_good_answer x unit_value_usd)``.
The good-answer rate is measured: the share of thumbs-up among an app's feedback once it
has ``min_feedback`` votes, else the quality of the evaluation run that chose the model
(its decision metric's mean), else stated.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["KpiConfig", "ValueConfig"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KpiConfig(_Strict):
    name: str = Field(min_length=1)
    description: str = ""
    app: str | None = Field(None, description="default: every app")
    per_good_answer: float = Field(gt=0, description="units of the KPI per good answer")
    unit_value_usd: float = Field(ge=0, description="USD per unit")

    @property
    def usd_per_good_answer(self) -> float:
        return self.per_good_answer * self.unit_value_usd


class ValueConfig(_Strict):
    good_answer_rate: Literal["auto", "feedback", "evaluation"] | float = "auto"
    min_feedback: int = Field(30, ge=1)
    kpis: list[KpiConfig] = Field(default_factory=list)

    @field_validator("good_answer_rate")
    @classmethod
    def _rate(cls, v: object) -> object:
        if isinstance(v, float) and not 0 <= v <= 1:
            raise ValueError(f"a share between 0 and 1, or auto, feedback or evaluation (got {v})")
        return v

    @field_validator("kpis")
    @classmethod
    def _unique(cls, v: list[KpiConfig]) -> list[KpiConfig]:
        names = [k.name for k in v]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} declared more than once")
        return v
