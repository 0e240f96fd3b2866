"""Value: ROI arithmetic and the payback month, where the good-answer rate comes from,
feedback stored against real asks on PostgreSQL, and the project file's KPIs."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
import yaml

from conftest import EXAMPLE
from genaiops.config import parse_project
from genaiops.errors import ConfigError, InputError, NotFoundError
from genaiops.storage import Database
from genaiops.storage.schema import asks
from genaiops.value.config import KpiConfig, ValueConfig
from genaiops.value.feedback import record_feedback, votes
from genaiops.value.roi import good_rate, roi_series, usd_per_good_answer


def test_roi_and_payback_by_hand() -> None:
    r = roi_series([100, 100, 100, 100], [250, 50, 50, 50])
    assert r.cumulative_value == [100, 200, 300, 400]
    assert r.cumulative_cost == [250, 300, 350, 400]
    assert r.payback_month == 4  # 400 of value reaches 400 of cost
    assert r.roi[0] == pytest.approx((100 - 250) / 250) and r.roi[-1] == 0.0
    assert roi_series([1, 1], [5, 5]).payback_month is None
    with pytest.raises(InputError, match="2 months of value for 3"):
        roi_series([1, 1], [1, 1, 1])


def test_what_a_good_answer_is_worth() -> None:
    kpis = [
        KpiConfig(name="tickets", app="assistant", per_good_answer=0.3, unit_value_usd=6.5),
        KpiConfig(name="minutes", per_good_answer=3, unit_value_usd=0.75),
    ]
    assert usd_per_good_answer(kpis, "assistant") == pytest.approx(0.3 * 6.5 + 3 * 0.75)
    assert usd_per_good_answer(kpis, "hr-bot") == pytest.approx(3 * 0.75)  # tickets: not its


def test_the_good_answer_rate_is_measured_first() -> None:
    auto = ValueConfig(min_feedback=10)
    assert good_rate(auto, (8, 2), (0.5, "run r")).rate == pytest.approx(0.8)  # 10 votes
    few = good_rate(auto, (3, 1), (0.5, "run r"))
    assert few.rate == 0.5 and few.source == "evaluation: run r"  # too few votes
    assert good_rate(ValueConfig(good_answer_rate=0.7), (9, 1), None).rate == 0.7
    with pytest.raises(ConfigError, match="fewer than min_feedback"):
        good_rate(ValueConfig(good_answer_rate="feedback"), (1, 1), (0.5, "r"))
    with pytest.raises(ConfigError, match="no feedback votes and no evaluation"):
        good_rate(auto, None, None)


def test_value_config_errors_name_the_key() -> None:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["value"] = {"good_answer_rate": 1.5}
    with pytest.raises(ConfigError, match="value.good_answer_rate"):
        parse_project(data)
    data["value"] = {"kpis": [{"name": "x", "app": "nope", "per_good_answer": 1,
                               "unit_value_usd": 1}]}  # fmt: skip
    with pytest.raises(ConfigError, match="value.kpis.0.app: unknown app 'nope'"):
        parse_project(data)
    data["value"] = {"kpis": [{"name": "x", "per_good_answer": 1, "unit_value_usd": 1}] * 2}
    with pytest.raises(ConfigError, match="x declared more than once"):
        parse_project(data)


def _ask(db: Database, app: str = "assistant") -> str:
    trace = f"t-{uuid.uuid4().hex[:12]}"
    with db.engine.begin() as conn:
        conn.execute(sa.insert(asks).values(
            trace_id=trace, app=app, question="q", answer="a", status="answered",
            citations=[], findings=[], timings={}, cost_usd=0.0, tenant="acme",
        ))  # fmt: skip
    return trace


def test_feedback_is_stored_against_the_ask(database: Database) -> None:
    app = f"app-{uuid.uuid4().hex[:6]}"
    traces = [_ask(database, app) for _ in range(3)]
    up = record_feedback(database, traces[0], "up", "spot on", principal="ana")
    assert up.rating == 1 and up.app == app
    record_feedback(database, traces[1], "down")
    record_feedback(database, traces[2], "+1")
    assert votes(database, app) == (2, 1)
    with pytest.raises(NotFoundError, match="no answer with trace id 'nope'"):
        record_feedback(database, "nope", "up")
    with pytest.raises(InputError, match="use up or down"):
        record_feedback(database, traces[0], "meh")
    assert votes(database, app) == (2, 1)  # the refused votes stored nothing
