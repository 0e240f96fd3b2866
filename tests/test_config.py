from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE, example_config
from genaiops.config import load_project, parse_project
from genaiops.errors import ConfigError


def _err(data: object) -> str:
    with pytest.raises(ConfigError) as info:
        parse_project(data, source="genaiops.yaml")
    return str(info.value)


def test_example_project_is_valid() -> None:
    cfg, base = load_project(EXAMPLE)
    assert base == EXAMPLE
    assert cfg.apps["assistant"].model == "local-small"
    assert "gpt-4o-mini" in cfg.all_models()  # the built-in catalog is always there


def test_unknown_key_names_path_and_valid_keys() -> None:
    data = example_config()
    data["models"]["local-small"]["n_thread"] = 2  # type: ignore[index]
    msg = _err(data)
    assert "genaiops.yaml: models.local-small.n_thread: unknown key" in msg
    assert "n_threads" in msg and "n_ctx" in msg


def test_wrong_value_names_path_and_constraint() -> None:
    data = example_config()
    data["apps"]["assistant"]["top_k"] = 0  # type: ignore[index]
    msg = _err(data)
    assert (
        "apps.assistant.top_k" in msg and "greater than or equal to 1" in msg and "(got 0)" in msg
    )


def test_every_error_is_reported_at_once() -> None:
    data = example_config()
    data["apps"]["assistant"]["top_k"] = -1  # type: ignore[index]
    data["knowledge_bases"]["handbook"]["chunk_size"] = "big"  # type: ignore[index]
    msg = _err(data)
    assert "apps.assistant.top_k" in msg and "knowledge_bases.handbook.chunk_size" in msg


def test_unknown_provider() -> None:
    data = example_config()
    data["models"]["local-small"]["provider"] = "llama"  # type: ignore[index]
    assert (
        "models.local-small.provider: unknown provider 'llama'; registered providers: "
        "echo, llamacpp, openai" in _err(data)
    )


def test_reference_to_undeclared_model_lists_valid_ones() -> None:
    data = example_config()
    data["apps"]["assistant"]["model"] = "gpt-9"  # type: ignore[index]
    msg = _err(data)
    assert "apps.assistant.model: unknown model 'gpt-9'" in msg
    assert "local-small" in msg and "gpt-4o-mini" in msg


def test_keys_are_never_stored_in_the_project_file() -> None:
    data = example_config()
    data["models"]["remote"] = {  # type: ignore[index]
        "provider": "openai",
        "base_url": "https://api.example.com/v1",
        "model": "m",
        "api_key": "sk-secret",
    }
    msg = _err(data)
    assert "api_key_env" in msg and "sk-secret" not in msg


def test_overlap_must_be_smaller_than_chunk() -> None:
    data = example_config()
    data["knowledge_bases"]["handbook"]["chunk_overlap"] = 400  # type: ignore[index]
    assert "chunk_overlap (400) must be smaller than chunk_size (200)" in _err(data)


def test_unknown_guardrail_check_is_an_error_not_ignored() -> None:
    data = example_config()
    data["guardrails"]["company-default"]["toxicity_filter"] = {"level": 3}  # type: ignore[index]
    msg = _err(data)
    assert "guardrails.company-default.toxicity_filter: unknown key" in msg
    assert "word_filters" in msg and "denied_topics" in msg


def test_bad_yaml_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "genaiops.yaml").write_text("name: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_project(tmp_path)
    with pytest.raises(ConfigError, match="genaiops init"):
        load_project(tmp_path / "nowhere")
    (tmp_path / "genaiops.yaml").write_text("- a list\n")
    with pytest.raises(ConfigError, match="must be a YAML mapping"):
        load_project(tmp_path)


def test_starter_template_is_valid() -> None:
    from importlib import resources

    text = resources.files("genaiops").joinpath("templates/starter.yaml").read_text("utf-8")
    cfg = parse_project(yaml.safe_load(text))
    assert cfg.apps["assistant"].knowledge_base == "docs"
