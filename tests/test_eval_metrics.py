"""Every metric on hand-made cases (never items of public evaluation sets), the extended
contract (a text-only plug-in keeps working; context metrics see the ask), and the
agreement arithmetic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from genaiops import plugins
from genaiops.errors import ConfigError, ModelError, PluginError
from genaiops.evaluation.agreement import accuracy_at, auc, best_threshold, label_agreement
from genaiops.evaluation.datasets import EvalItem, LabelledAnswer
from genaiops.evaluation.metrics import (
    Metric,
    MetricScore,
    MetricServices,
    Passage,
    Prediction,
    Sample,
    create_metric,
    same_source,
)
from genaiops.evaluation.metrics_context import is_abstention
from genaiops.evaluation.metrics_model import parse_rating
from genaiops.models.base import ChatOptions, ChatResult, Message, ModelProvider, TokenCallback
from genaiops.models.echo import EchoModelConfig, EchoProvider

PRICE = Sample(
    "How much does the Trailhawk 2 cost?",
    references=("The Trailhawk 2 costs $2,899.",),
    sources=("product-trailhawk.md",),
)
SCOOTER = Sample("How much does the Fenwick electric scooter cost?", answerable=False)
TRAILHAWK_DOC = Passage(
    "docs/product-trailhawk.md",
    "The Trailhawk 2 is our full-suspension electric mountain bike. The Trailhawk 2 costs $2,899.",
    0.71,
    "Trailhawk 2",
)
SHIPPING_DOC = Passage("docs/shipping-policy.md", "Every bike ships for a flat fee of $129.", 0.4)

ALL = {
    "exact_match",
    "contains",
    "numeric_match",
    "token_f1",
    "semantic_similarity",
    "judge",
    "grounding",
    "relevance",
    "context_recall",
    "context_precision",
    "abstention",
    "guardrail_pass",
}


def echo_services(reply: str) -> tuple[MetricServices, list[str]]:
    judge = EchoProvider("judge", EchoModelConfig(reply=reply))
    asked: list[str] = []

    def provider(name: str, purpose: str) -> ModelProvider:
        asked.append(f"{name}:{purpose}")
        return judge

    return MetricServices(provider=provider), asked


def test_every_registered_metric_is_a_contract_member() -> None:
    assert set(plugins.metrics.names()) == ALL
    services, _ = echo_services("RATING: 10")
    for kind in sorted(ALL):
        options = {"model": "judge"} if kind == "judge" else {}
        metric = create_metric(kind, options, services)
        prediction = Prediction(
            "The Trailhawk 2 costs $2,899.", sources=(TRAILHAWK_DOC,), retrieved=(TRAILHAWK_DOC,)
        )
        first = metric.evaluate(prediction, PRICE)
        assert 0.0 <= first.value <= 1.0 and isinstance(first.reason, str), kind
        assert metric.evaluate(prediction, PRICE) == first, kind  # deterministic
        with pytest.raises(ConfigError):
            create_metric(kind, {**options, "unknown_option": 1}, services)


def test_reference_metrics_do_not_apply_without_a_reference() -> None:
    for kind in ("exact_match", "contains", "numeric_match", "token_f1", "semantic_similarity"):
        score = create_metric(kind).evaluate(Prediction("It costs $99."), SCOOTER)
        assert not score.applies and score.value == 0.0, kind
    # the text form still scores as before
    assert (
        create_metric("contains").score("It costs $2,899 in total.", Sample("q", ("$2,899",))).value
        == 1.0
    )


def test_a_text_only_plugin_works_through_evaluate_and_an_empty_one_is_refused() -> None:
    class Shouted(Metric):
        name = "shouted"

        def score(self, prediction: str, sample: Sample) -> MetricScore:
            return MetricScore(float(prediction.isupper()))

    assert Shouted().evaluate(Prediction("LOUD"), Sample("q")).value == 1.0

    class Empty(Metric):
        name = "empty"

    with pytest.raises(PluginError, match="implements neither"):
        Empty()


def test_semantic_similarity_credits_paraphrases() -> None:
    metric = create_metric("semantic_similarity")
    sample = Sample(
        "How long is the return window?",
        references=("Customers can return a bike within thirty days.",),
    )
    close = metric.evaluate(Prediction("You have 30 days to send a bike back."), sample)
    far = metric.evaluate(Prediction("Our stores open at nine in the morning."), sample)
    assert close.value > far.value + 0.2
    against = create_metric("semantic_similarity", {"against": "sources"})
    assert not against.evaluate(Prediction("x"), PRICE).applies  # no sources seen
    assert (
        against.evaluate(
            Prediction("The Trailhawk 2 costs $2,899.", sources=(TRAILHAWK_DOC,)), PRICE
        ).value
        > 0.6
    )


def test_grounding_and_relevance_read_the_sources_the_answer_saw() -> None:
    grounding = create_metric("grounding")
    supported = Prediction("The Trailhawk 2 costs $2,899.", sources=(TRAILHAWK_DOC,))
    invented = Prediction("The Trailhawk 2 costs $3,450.", sources=(TRAILHAWK_DOC,))
    assert grounding.evaluate(supported, PRICE).value >= 0.9
    low = grounding.evaluate(invented, PRICE)
    assert low.value <= 0.2 and "3,450" in low.reason
    assert (
        grounding.evaluate(Prediction("I don't know.", sources=(TRAILHAWK_DOC,)), PRICE).value
        == 1.0
    )
    blocked = Prediction("I can't share that answer.", status="blocked")
    assert not grounding.evaluate(blocked, PRICE).applies
    relevance = create_metric("relevance")
    on = relevance.evaluate(supported, PRICE).value
    off = relevance.evaluate(
        Prediction("Our stores open at nine.", sources=(SHIPPING_DOC,)), PRICE
    ).value
    assert on > off


def test_context_recall_and_precision_against_the_reference_sources() -> None:
    recall = create_metric("context_recall")
    precision = create_metric("context_precision")
    two = Sample("q", sources=("product-trailhawk.md", "warranty-policy.md"))
    ranked = (SHIPPING_DOC, TRAILHAWK_DOC, Passage("docs/product-trailhawk.md", "more", 0.3))
    r = recall.evaluate(Prediction("a", retrieved=ranked), two)
    assert r.value == 0.5 and "missing warranty-policy.md" in r.reason
    # relevant at ranks 2 and 3: AP = (1/2 + 2/3) / 2
    p = precision.evaluate(Prediction("a", retrieved=ranked), PRICE)
    assert p.value == pytest.approx((1 / 2 + 2 / 3) / 2)
    assert precision.evaluate(Prediction("a", retrieved=(SHIPPING_DOC,)), PRICE).value == 0.0
    for metric in (recall, precision):
        assert not metric.evaluate(Prediction("a", retrieval=False), PRICE).applies  # strategy none
        assert not metric.evaluate(
            Prediction("a", retrieved=ranked), SCOOTER
        ).applies  # no references
    assert same_source("docs/a/returns.md", "returns.md") and not same_source(
        "xreturns.md", "returns.md"
    )


@pytest.mark.parametrize(
    ("text", "declines"),
    [
        ("I don't know.", True),
        ("I do not have that information.", True),
        ("The context does not mention a scooter.", True),
        ("That is not stated in the documents.", True),
        ("There is no information about scooters.", True),
        ("I cannot find the price of a scooter.", True),
        ("I’m not sure.", True),
        ("The scooter costs $1,299.", False),
        ("It is not cheap: $2,899.", False),
        ("You can return it within 30 days.", False),
    ],
)
def test_abstention_phrases(text: str, declines: bool) -> None:
    assert is_abstention(text) is declines


def test_abstention_is_right_only_on_unanswerable_questions() -> None:
    metric = create_metric("abstention")
    assert metric.evaluate(Prediction("I don't know."), SCOOTER).value == 1.0
    assert metric.evaluate(Prediction("It costs $1,299."), SCOOTER).value == 0.0
    assert (
        metric.evaluate(Prediction("I can't help with that.", status="blocked"), SCOOTER).value
        == 1.0
    )
    assert not metric.evaluate(Prediction("It costs $2,899."), PRICE).applies
    both = create_metric("abstention", {"include_answerable": True})
    assert both.evaluate(Prediction("It costs $2,899."), PRICE).value == 1.0
    assert both.evaluate(Prediction("I don't know."), PRICE).value == 0.0


def test_guardrail_pass() -> None:
    metric = create_metric("guardrail_pass")
    finding = {"type": "word_filter", "name": "password dump", "action": "BLOCKED"}
    blocked = metric.evaluate(Prediction("no", status="blocked", findings=(finding,)), PRICE)
    assert blocked.value == 0.0 and "word_filter:password dump" in blocked.reason
    assert metric.evaluate(Prediction("ok", findings=({"action": "DETECTED"},)), PRICE).value == 1.0
    assert not metric.evaluate(Prediction("", status="error"), PRICE).applies


@pytest.mark.parametrize(
    ("reply", "scale", "value"),
    [
        ("RATING: 10", "1-10", 1.0),
        ("RATING: 1", "1-10", 0.0),
        ("rating = 7", "1-10", 6 / 9),
        ("I would give it 4/10.", "1-10", 3 / 9),
        ("RATING: 11", "1-10", None),
        ("Excellent answer", "1-10", None),
        ("8", "1-10", 7 / 9),
        ("The Trailhawk 2 costs $2,899.", "1-10", None),  # a number, not a rating
        ("VERDICT: PASS", "pass_fail", 1.0),
        ("Fail: it invents a price", "pass_fail", 0.0),
        ("unsure", "pass_fail", None),
    ],
)
def test_judge_replies_are_parsed(reply: str, scale: str, value: float | None) -> None:
    got = parse_rating(reply, scale)
    assert got == (pytest.approx(value) if value is not None else None)


def test_the_judge_uses_the_runtime_provider_with_purpose_judge() -> None:
    services, asked = echo_services("RATING: 8")
    judge = create_metric("judge", {"model": "big", "rubric": "Be strict."}, services)
    score = judge.evaluate(Prediction("It costs $2,899.", sources=(TRAILHAWK_DOC,)), PRICE)
    assert score.value == pytest.approx(7 / 9) and asked == ["big:judge"]
    prompt = judge.prompt(Prediction("x", sources=(TRAILHAWK_DOC,)), PRICE)  # type: ignore[attr-defined]
    assert "Be strict." in prompt and "Reference answer: The Trailhawk 2 costs $2,899." in prompt
    assert "[1] The Trailhawk 2 is our" in prompt
    assert "do not answer this question" in judge.prompt(Prediction("x"), SCOOTER)  # type: ignore[attr-defined]
    vague, _ = echo_services("Looks fine to me")
    assert (
        not create_metric("judge", {"model": "big"}, vague).evaluate(Prediction("x"), PRICE).applies
    )
    with pytest.raises(ConfigError, match="needs the runtime"):
        create_metric("judge", {"model": "big"}).evaluate(Prediction("x"), PRICE)


def test_a_failed_judge_call_does_not_apply() -> None:
    class Down(ModelProvider):
        kind = "down"

        def chat(
            self,
            messages: Sequence[Message],
            options: ChatOptions | None = None,
            on_token: TokenCallback | None = None,
        ) -> ChatResult:
            raise ModelError("down")

    down = Down("down", EchoModelConfig())
    services = MetricServices(provider=lambda name, purpose: down)
    score = create_metric("judge", {"model": "down"}, services).evaluate(Prediction("x"), PRICE)
    assert not score.applies and "judge call failed" in score.reason


def test_auc_and_thresholds_on_known_cases() -> None:
    assert auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]) == 1.0
    assert auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0]) == 0.0
    assert auc([0.5, 0.5], [1, 0]) == 0.5
    assert auc([0.5, float("nan"), 0.4], [1, 0, 0]) == 1.0  # NaN dropped
    assert auc([0.3], [1]) != auc([0.3], [1])  # one class: NaN
    t, acc = best_threshold([0.9, 0.7, 0.6, 0.2], [1, 1, 0, 0])
    assert t == 0.7 and acc == 1.0
    assert accuracy_at([0.9, 0.7, 0.6, 0.2], [1, 1, 0, 0], 0.5) == 0.75


def test_label_agreement_scores_labelled_answers_with_the_item_context() -> None:
    item = EvalItem(
        id="a",
        question="How much does the Trailhawk 2 cost?",
        references=("$2,899",),
        context=(TRAILHAWK_DOC.text,),
        labels=(
            LabelledAnswer("The Trailhawk 2 costs $2,899.", 1.0),
            LabelledAnswer("The Trailhawk 2 costs $3,450.", 0.0),
        ),
    )
    metrics: list[tuple[str, Any]] = [
        ("grounding", create_metric("grounding")),
        ("contains", create_metric("contains")),
    ]
    out = label_agreement(metrics, [item, EvalItem(id="b", question="unlabelled?")])
    assert out["grounding"]["auc"] == 1.0 and out["grounding"]["answers"] == 2
    assert out["contains"]["auc"] == 1.0 and out["contains"]["in_sample"] is True
