import pytest

from genaiops.config import Price
from genaiops.costs.pricing import cost_of
from genaiops.models.catalog import builtin_models


def test_token_prices() -> None:
    c = cost_of(Price(input_per_1m=0.15, output_per_1m=0.60), 1000, 500, latency_s=2.0)
    assert c.input_usd == pytest.approx(0.00015)
    assert c.output_usd == pytest.approx(0.0003)
    assert c.instance_usd == 0
    assert c.total_usd == pytest.approx(0.00045)


def test_instance_price_is_the_calls_share_of_the_hour() -> None:
    price = Price(instance_per_hour=3.60, concurrency=4)  # $0.001 per second, 4 calls at once
    c = cost_of(price, 10, 10, latency_s=2.0)
    assert c.instance_usd == pytest.approx(0.0005)
    assert c.total_usd == pytest.approx(0.0005)


def test_combined_prices_add_up() -> None:
    price = Price(input_per_1m=1.0, output_per_1m=2.0, instance_per_hour=36.0)
    c = cost_of(price, 1_000_000, 500_000, latency_s=0.1)
    assert c.total_usd == pytest.approx(1.0 + 1.0 + 0.001)


def test_builtin_catalog_prices() -> None:
    models = builtin_models()
    assert models["gpt-4o-mini"].price.input_per_1m == 0.15
    assert models["gpt-4o-mini"].price.output_per_1m == 0.60
    assert models["smollm2-135m"].provider == "llamacpp"
    assert models["smollm2-135m"].price.instance_per_hour > 0


def test_negative_prices_are_rejected() -> None:
    with pytest.raises(ValueError, match="greater than or equal to 0"):
        Price(input_per_1m=-1)
