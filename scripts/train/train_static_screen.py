"""Distil the MiniLM embedder into a small convolutional network: the long-text screen of
the topic and content checks (``genaiops.guardrails.screen``).

    pip install torch==2.13.0   # the CPU build, as for the finetune extra; training only
    .venv/bin/python scripts/train/train_static_screen.py [--data ../shared/data]
        [--cache ~/.cache/genaiops-train] [--epochs 20]

1. Texts, each in the split ``splits.split_of`` gives it: the content-filter texts (those
   that contain a reported test item left out), sentence windows (``text_windows``, as the
   checks cut long texts) of business documents composed from each split's own paragraph
   templates (``benchmarks/data/prompt_attack_sets.py``), of SciFact abstracts (split by
   abstract) and of HaluEval's ChatGPT answers (split by answer; under every key other
   scripts split them by, the strictest). Not the example
   company's documents: ``benchmarks/g_latency.py`` measures the screen on them, and the
   end-to-end count below is also made there. Every text is embedded with MiniLM
   (cached).
2. The network (token rows of ``--dims``, initialised from the PCA of every vocabulary
   token embedded alone; ``--layers`` convolutions of width 3 and ``--hidden`` channels with
   ReLU; the mean and maximum of the last layer and the mean of the token rows, mapped
   linearly to 384 dimensions and normalised) is trained with Adam on the train split to
   give each text's real vector: squared error of the unit vectors plus ``--head-weight``
   times the squared error of the six heads' embedding logits (``content_filter.npz``,
   ``denied_topics_head.npz``). The token rows are stored as int8 with a scale each; the
   numpy forward pass of ``StaticScreen`` is checked against torch's on val.
3. Margins, on the ``val`` split: how far the real score can lie above the approximate
   one, per signal: the cosine to a topic phrase (the A5 policy's and the example
   policy's phrases; pairs whose real cosine is >= 0.2) and the logit of each head: the
   99.5th percentile of (real - approximate), times 1.25. A window is embedded for real
   when its approximate score plus the margin reaches a threshold. On test the script
   reports the share beyond each margin and, end to end, the windows that the example's
   and A5's topics (with the topic check's lexical backstop, ``screen.WordOverlap``) or a
   content head at any strength really block and the screen clears.

Writes ``models/static_screen.npz`` and ``static_screen_metrics.json``. Retrain after the
content filter or the harm head changes (the margins are theirs): the artifact records
both head files' sha256, and a check whose head file differs runs without the screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts" / "train"))
sys.path.insert(0, str(REPO / "benchmarks" / "data"))
sys.path.insert(0, str(REPO / "benchmarks"))
from splits import split_of  # noqa: E402
from train_content_filter import (  # noqa: E402
    DEFAULT_DATA,
    MODELS,
    POLICY,
    EmbeddingCache,
    content_datasets,
    int8_rows,
    say,
)

from genaiops.guardrails.content_filter import LinearHeads, text_windows  # noqa: E402
from genaiops.guardrails.screen import (  # noqa: E402
    HEAD_FILES,
    MAX_TOKENS,
    StaticScreen,
    file_sha256,
    load_tokenizer,
)

SAFETY = 1.25  # the margins are widened by this factor over the val percentile
QUANTILE = 0.995
SEED = 7


def token_table(cache_dir: Path) -> np.ndarray:
    path = cache_dir / "minilm_token_table.npy"
    if path.exists():
        loaded: np.ndarray = np.load(path)
        return loaded
    from genaiops.knowledge.embedders import MiniLMEmbedder

    emb = MiniLMEmbedder(threads=1)
    emb.warm_up()
    n = emb._tokenizer.get_vocab_size()
    out = np.zeros((n, 384), np.float32)
    t0 = time.perf_counter()
    for start in range(0, n, 512):
        ids = np.arange(start, min(n, start + 512))
        batch = np.stack([np.full_like(ids, 101), ids, np.full_like(ids, 102)], axis=1)
        mask = np.ones_like(batch)
        hidden = emb._session.run(
            None,
            {"input_ids": batch, "attention_mask": mask, "token_type_ids": np.zeros_like(batch)},
        )[0]
        out[ids] = hidden.mean(axis=1)
    say(f"token table: {n} tokens in {time.perf_counter() - t0:.0f} s")
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out


def doc_windows(n_per_split: int = 1000) -> tuple[list[str], list[str]]:
    """Sentence windows (``text_windows``, as the checks cut long texts) of business
    documents composed from each split's own paragraph templates
    (``benchmarks/data/prompt_attack_sets.py``: reports, minutes, e-mails, policies), with
    that split."""
    from prompt_attack_sets import compose

    texts: list[str] = []
    splits: list[str] = []
    for split in ("train", "val", "test"):
        rng = random.Random(f"screen|{split}")
        for _ in range(n_per_split):
            for w in text_windows(compose(split, rng)[0]):
                texts.append(w)
                splits.append(split)
    return texts, splits


def strictest_split(*keys: str) -> str:
    """The split of a text that other scripts split under other keys: ``test`` if any key
    puts it there, else ``val`` if any does, else ``train``. So no window of a text that is
    a reported test item anywhere (the prompt-attack check's clean abstracts, A2b's
    sources, the content filter's answers) is trained on."""
    splits = {split_of(k) for k in keys}
    return "test" if "test" in splits else "val" if "val" in splits else "train"


def scifact_windows(data: Path) -> tuple[list[str], list[str]]:
    """Sentence windows of the SciFact abstracts, split by abstract under each key the
    project uses for them (its text: A2b; title and text: the prompt-attack check)."""
    texts: list[str] = []
    splits: list[str] = []
    with gzip.open(data / "rag_retrieval" / "scifact" / "corpus.jsonl.gz", "rt") as f:
        for line in f:
            doc = json.loads(line)
            split = strictest_split(doc["text"], f"{doc['title']}\n{doc['text']}")
            for w in text_windows(f"{doc['title']}. {doc['text']}"):
                texts.append(w)
                splits.append(split)
    return texts, splits


def answer_windows(data: Path) -> tuple[list[str], list[str]]:
    """Sentence windows of HaluEval's ChatGPT answers (lists, steps, letters, code), split
    by answer under each key the project uses for them."""
    texts: list[str] = []
    splits: list[str] = []
    with gzip.open(data / "grounding" / "halueval" / "general_data.jsonl.gz", "rt") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            raw = row.get("chatgpt_response") or ""
            # the content filter splits these answers by their text, the prompt-attack
            # check by their query
            split = strictest_split(raw, raw.strip(), (row.get("user_query") or "").strip())
            for w in text_windows(raw.strip()):
                texts.append(w)
                splits.append(split)
    return texts, splits


_ORDER = {"train": 0, "val": 1, "test": 2}


def window_splits(data: Path, known: dict[str, str] | None = None) -> dict[str, str]:
    """Every window of the composed documents, SciFact abstracts and HaluEval answers with
    its split, added to ``known`` (text -> split). A text found in several places (a
    boilerplate sentence of many abstracts) takes the strictest of their splits, so that
    it is never trained on beside a test item (``check_split_leaks.py`` reads this too)."""
    out = dict(known or {})
    for more, more_splits in (doc_windows(), scifact_windows(data), answer_windows(data)):
        for w, sp in zip(more, more_splits, strict=True):
            if w.strip():
                old = out.get(w, sp)
                out[w] = old if _ORDER[old] >= _ORDER[sp] else sp
    # a window whose words all occur, in order, inside a test document of these sources
    # (a boilerplate line, "Trial registration ClinicalTrials.gov identifier:") is test too
    docs, index = _test_index(data)
    for w, sp in out.items():
        if sp == "test":
            continue
        toks = _WORDS.findall(w.lower())
        if len(toks) >= 5 and any(
            docs[d][i : i + len(toks)] == toks for d, i in index.get(tuple(toks[:5]), ())
        ):
            out[w] = "test"
    return out


_WORDS = re.compile(r"\w+")


def _test_index(
    data: Path,
) -> tuple[list[list[str]], dict[tuple[str, ...], list[tuple[int, int]]]]:
    """The words of every test-split source text the windows come from (the SciFact
    abstracts and HaluEval answers whose strictest split is ``test``, the HaluEval queries
    of the test split) and where each word 5-gram starts in them."""
    docs: list[str] = []
    with gzip.open(data / "rag_retrieval" / "scifact" / "corpus.jsonl.gz", "rt") as f:
        for line in f:
            doc = json.loads(line)
            full = f"{doc['title']}\n{doc['text']}"
            if strictest_split(doc["text"], full) == "test":
                docs.append(full)
    with gzip.open(data / "grounding" / "halueval" / "general_data.jsonl.gz", "rt") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            raw, query = row.get("chatgpt_response") or "", (row.get("user_query") or "").strip()
            if strictest_split(raw, raw.strip(), query) == "test":
                docs.append(raw)
            if split_of(query) == "test":
                docs.append(query)
    words = [_WORDS.findall(doc.lower()) for doc in docs]
    index: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for d, toks in enumerate(words):
        for i in range(len(toks) - 4):
            index.setdefault(tuple(toks[i : i + 5]), []).append((d, i))
    return words, index


def corpus(data: Path, cache: EmbeddingCache) -> tuple[list[str], np.ndarray]:
    texts, splits, _, _ = content_datasets(data, cache)
    known = {t: sp for t, sp in zip(texts, splits, strict=True) if sp in _ORDER}
    merged = window_splits(data, known)
    return list(merged), np.array(list(merged.values()))


def example_windows() -> list[str]:
    """The windows of the 3,000-character slices of the example company's documents that
    C12 checks (``benchmarks/a5_denied_topics.py``): never trained on, only counted."""
    from a5_denied_topics import example_documents

    out: dict[str, None] = {}
    for doc in example_documents():
        out |= dict.fromkeys(text_windows(doc))
    return list(out)


def token_ids(texts: Sequence[str]) -> list[np.ndarray]:
    encodings = load_tokenizer().encode_batch(list(texts), add_special_tokens=False)
    return [np.array(e.ids[:MAX_TOKENS] or [100], np.int64) for e in encodings]


def head_weights(models: Path) -> LinearHeads:
    """The five content heads and the harm head, as one set of linear heads."""
    with np.load(models / "content_filter.npz") as npz:
        names = [str(c) for c in npz["categories"]]
        content = {k: npz[k].astype(np.float32) for k in ("w_emb", "w_hash", "bias")}
    with np.load(models / "denied_topics_head.npz") as npz:
        harm = {k: npz[k].astype(np.float32) for k in ("w_emb", "w_hash", "bias")}
    arrays = {k: np.concatenate([content[k], harm[k]]) for k in content}
    return LinearHeads.from_arrays([*names, "harm"], arrays)


def padded(ids: list[np.ndarray], idx: np.ndarray) -> tuple[Any, Any]:
    """Token ids of the texts ``idx``, zero-padded to the longest, and their mask (torch)."""
    import torch

    longest = max(len(ids[i]) for i in idx)
    x = np.zeros((len(idx), longest), np.int64)
    m = np.zeros((len(idx), longest), np.float32)
    for r, i in enumerate(idx):
        x[r, : len(ids[i])] = ids[i]
        m[r, : len(ids[i])] = 1.0
    return torch.tensor(x), torch.tensor(m)


def train(
    ids: list[np.ndarray],
    vectors: np.ndarray,
    rows: np.ndarray,
    init: np.ndarray,
    w_heads: np.ndarray,
    args: argparse.Namespace,
) -> Any:
    import torch
    from torch import nn
    from torch.nn import functional as F

    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(SEED)

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding(init.shape[0], init.shape[1])
            self.emb.weight.data = torch.tensor(init, dtype=torch.float32)
            dims = [init.shape[1]] + [args.hidden] * args.layers
            self.convs = nn.ModuleList(
                nn.Conv1d(dims[i], dims[i + 1], 3, padding=1) for i in range(args.layers)
            )
            self.out = nn.Linear(2 * args.hidden + init.shape[1], 384)

        def forward(self, x: Any, mask: Any) -> Any:
            e = self.emb(x) * mask[..., None]
            h, m = e.transpose(1, 2), mask[:, None, :]
            for conv in self.convs:
                h = F.relu(conv(h)) * m
            n = mask.sum(1, keepdim=True)
            feats = [h.sum(2) / n, h.max(2).values, e.sum(1) / n]
            return F.normalize(self.out(torch.cat(feats, 1)), dim=1)

    net = Net()
    chosen = np.flatnonzero(rows)
    size = 128
    steps = args.epochs * math.ceil(len(chosen) / size)
    opt = torch.optim.Adam(net.parameters(), lr=3e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 3e-3, total_steps=steps, pct_start=0.1)
    wt = torch.tensor(w_heads)
    t0 = time.perf_counter()
    for epoch in range(args.epochs):
        order = rng.permutation(chosen)
        total = 0.0
        for start in range(0, len(order), size):
            idx = order[start : start + size]
            x, m = padded(ids, idx)
            y = torch.tensor(vectors[idx])
            p = net(x, m)
            loss = ((p - y) ** 2).sum(1).mean() + args.head_weight * (((p - y) @ wt.T) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        say(
            f"  epoch {epoch + 1}: loss {total / len(chosen):.4f} "
            f"({time.perf_counter() - t0:.0f} s)"
        )
    net.eval()
    return net


def export(net: Any) -> dict[str, np.ndarray]:
    """The network's weights as the numpy screen reads them; token rows as int8 + scale."""
    tokens, scale = int8_rows(net.emb.weight.detach().numpy().astype(np.float32))
    arrays: dict[str, np.ndarray] = {
        "tokens": tokens,
        "scale": scale,
        "conv_count": np.array(len(net.convs)),
        "out_w": net.out.weight.detach().numpy().T.astype(np.float32),
        "out_b": net.out.bias.detach().numpy().astype(np.float32),
    }
    for i, conv in enumerate(net.convs):
        w = conv.weight.detach().numpy()  # (out, in, 3)
        # row j * in + c of the numpy weight multiplies input channel c at offset j - 1
        arrays[f"conv{i}_w"] = w.transpose(2, 1, 0).reshape(-1, w.shape[0]).astype(np.float32)
        arrays[f"conv{i}_b"] = conv.bias.detach().numpy().astype(np.float32)
    return arrays


def torch_vectors(net: Any, ids: list[np.ndarray], rows: np.ndarray) -> np.ndarray:
    import torch

    chosen = np.flatnonzero(rows)
    out = np.zeros((len(chosen), 384), np.float32)
    with torch.no_grad():
        for start in range(0, len(chosen), 512):
            idx = chosen[start : start + 512]
            out[start : start + len(idx)] = net(*padded(ids, idx)).numpy()
    return out


def policy_phrases() -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]]]:
    a5 = yaml.safe_load(POLICY.read_text("utf-8"))["denied_topics"]
    example = yaml.safe_load((REPO / "examples" / "fenwick" / "genaiops.yaml").read_text())
    example_topics = example["guardrails"]["company-default"]["denied_topics"]
    phrases = [p for t in a5 for p in (t["definition"], *t.get("examples", []))]
    for policy in example["guardrails"].values():
        for t in policy.get("denied_topics") or []:
            phrases += [t["definition"], *t.get("examples", [])]
    return phrases, a5, example_topics


def end_to_end(
    texts: list[str],
    real: np.ndarray,
    screen: StaticScreen,
    a5: list[dict[str, Any]],
    example_topics: list[dict[str, Any]],
) -> dict[str, Any]:
    """Windows that a check really blocks (real vectors) and the screen clears, on the
    given texts: the example's topics at their strengths, A5's at ``high``, and each
    content head at each strength's threshold."""
    from genaiops.config_guardrails import ContentFiltersConfig, DeniedTopicConfig
    from genaiops.guardrails.content_filter import ContentFilterCheck
    from genaiops.guardrails.denied_topics import DeniedTopicCheck

    class Fixed:
        """An embedder that answers with the corpus' real vectors."""

        dim = 384
        max_tokens = 256

        def __init__(self) -> None:
            self.table = {t: v for t, v in zip(texts, real, strict=True)}

        def warm_up(self) -> None:
            return None

        def embed(self, batch: Sequence[str]) -> np.ndarray:
            from genaiops.knowledge.embedders import MiniLMEmbedder

            missing = [t for t in batch if t not in self.table]
            if missing:
                for t, v in zip(missing, MiniLMEmbedder(threads=1).embed(missing), strict=True):
                    self.table[t] = v
            return np.stack([self.table[t] for t in batch]).astype(np.float32)

    approx = screen.approximate(texts)
    out: dict[str, Any] = {"windows": len(texts)}
    for name, topics in (
        ("example topics", example_topics),
        ("example topics at high", [{**t, "strength": "high"} for t in example_topics]),
        ("A5 topics at high", [{**t, "strength": "high"} for t in a5]),
    ):
        check = DeniedTopicCheck(
            [DeniedTopicConfig.model_validate(t) for t in topics], Fixed(), screen=False
        )
        check.warm_up()
        head = check.model.head
        part = head.hash_logits(texts)[:, 0]
        real_harm = head.logits(texts, real, part[:, None])[:, 0]
        approx_harm = head.logits(texts, approx, part[:, None])[:, 0] + screen.margin_logit["harm"]
        blocked = np.zeros(len(texts), bool)
        need = check._overlap.hits(texts)  # the lexical backstop, as the check runs it
        for topic, tv in zip(check.topics, check._vectors, strict=True):
            point = check._points[topic.name]
            blocked |= check._combine_many(point, (real @ tv.T).max(axis=1), real_harm) >= 0.5
            sims = (approx @ tv.T).max(axis=1) + screen.margin_similarity
            need |= check._combine_many(point, sims, approx_harm) >= 0.5
        out[name] = {
            "blocked": int(blocked.sum()),
            "cleared_by_screen": int((blocked & ~need).sum()),
            "embedded_share": float(need.mean()),
        }
    content = ContentFilterCheck(ContentFiltersConfig(), Fixed(), screen=False)
    heads = content.model.heads
    hashed = heads.hash_logits(texts)
    real_logits = heads.logits(texts, real, hashed)
    approx_logits = heads.logits(texts, approx, hashed)
    for j, category in enumerate(heads.names):
        margin = screen.margin_logit[category]
        for strength, p in content.model.thresholds[category].items():
            cut = math.log(p / (1 - p))
            blocked = real_logits[:, j] >= cut
            cleared = blocked & (approx_logits[:, j] + margin < cut)
            out[f"{category} at {strength}"] = {
                "blocked": int(blocked.sum()),
                "cleared_by_screen": int(cleared.sum()),
            }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "genaiops-train")
    parser.add_argument("--out-dir", type=Path, default=MODELS)
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--hidden", type=int, default=192)
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--head-weight", type=float, default=0.02)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--evaluate-only",
        action="store_true",
        help="measure the written artifact again (cosines, test shares, end to end)",
    )
    args = parser.parse_args(argv)
    if args.layers < 1:
        parser.error("--layers must be at least 1")
    t0 = time.perf_counter()
    cache = EmbeddingCache(args.cache / "minilm_vectors.npz")
    texts, split = corpus(args.data, cache)
    exact = cache.embed(texts)
    ids = token_ids(texts)
    tr, va, te = split == "train", split == "val", split == "test"
    say(f"texts: train {int(tr.sum())}, val {int(va.sum())}, test {int(te.sum())}")
    table = token_table(args.cache)
    mean = table.mean(axis=0)
    _, _, vt = np.linalg.svd(table[::3] - mean, full_matrices=False)
    init = (table - mean) @ vt[: args.dims].T
    init = (init / init.std()).astype(np.float32)
    heads = head_weights(args.out_dir)
    phrases, a5, example_topics = policy_phrases()
    pv = cache.embed(phrases)
    out = args.out_dir / "static_screen.npz"
    metrics = args.out_dir / "static_screen_metrics.json"

    def gaps(real: np.ndarray, est: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        logit_gap = (real - est) @ heads.w_emb.T  # (n, heads)
        s_real, s_est = real @ pv.T, est @ pv.T
        sel = s_real >= 0.2
        return logit_gap, (s_real - s_est)[sel]

    def forward(screen: StaticScreen, rows: np.ndarray) -> np.ndarray:
        return screen.forward([ids[i].tolist() for i in np.flatnonzero(rows)])

    agree = None
    if not args.evaluate_only:
        net = train(ids, exact, tr, init, heads.w_emb, args)
        arrays = export(net)
        arrays |= {
            "heads": np.array(heads.names),
            # the head files the margins are measured against: a check whose head file has
            # another sha256 does not use the screen (genaiops.guardrails.screen.screen_for)
            "head_files": np.array(HEAD_FILES),
            "head_sha256": np.array([file_sha256(args.out_dir / f) for f in HEAD_FILES]),
            "margin_logit": np.zeros(len(heads.names), np.float32),
            "margin_similarity": np.float32(0.0),
        }
        # the margins come from the numpy screen itself, as the checks run it
        approx_va = forward(StaticScreen.from_arrays(arrays), va)
        agree = float(np.abs(approx_va - torch_vectors(net, ids, va)).max())
        say(f"numpy vs torch on val: max abs difference {agree:.4f} (int8 token rows)")
        lg_va, sg_va = gaps(exact[va], approx_va)
        arrays["margin_logit"] = (SAFETY * np.quantile(lg_va, QUANTILE, axis=0)).astype(np.float32)
        arrays["margin_similarity"] = np.float32(SAFETY * np.quantile(sg_va, QUANTILE))
        np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
        say(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
    elif metrics.exists():
        agree = json.loads(metrics.read_text("utf-8")).get("numpy_vs_torch_max_abs")

    # everything below reads the written artifact, as the checks do
    screen = StaticScreen.load(out)
    approx_va, approx_te = forward(screen, va), forward(screen, te)
    cos_va = (approx_va * exact[va]).sum(axis=1)
    cos_te = (approx_te * exact[te]).sum(axis=1)
    say(f"approximation: cosine to the real vector (val) median {np.median(cos_va):.3f}")
    margin_logit = np.array([screen.margin_logit[h] for h in heads.names])
    margin_sim = screen.margin_similarity
    lg_te, sg_te = gaps(exact[te], approx_te)
    test_exceed = {
        h: float((lg_te[:, j] > margin_logit[j]).mean()) for j, h in enumerate(heads.names)
    } | {"similarity": float((sg_te > margin_sim).mean())}
    say(
        "margins: similarity "
        f"{margin_sim:.3f}; logits "
        + ", ".join(f"{h} {m:.2f}" for h, m in zip(heads.names, margin_logit, strict=True))
    )
    say(
        "test share beyond the margin: "
        + json.dumps({k: round(v, 4) for k, v in test_exceed.items()})
    )
    test_texts = [texts[i] for i in np.flatnonzero(te)]
    e2e = end_to_end(test_texts, exact[te], screen, a5, example_topics)
    say("end to end on test: " + json.dumps(e2e))
    # the same count on a domain the screen never saw: the example company's documents
    # (3,000-character slices, as benchmarks/g_latency.py and C12 check them)
    example = example_windows()
    e2e_example = end_to_end(example, cache.embed(example), screen, a5, example_topics)
    say("end to end on the example's documents: " + json.dumps(e2e_example))
    meta: dict[str, Any] = {
        "artifact": out.name,
        "head_sha256": screen.head_sha256,
        "bytes": out.stat().st_size,
        "network": {
            "dims": int(screen.tokens.shape[1]),
            "hidden": int(screen.convs[-1][0].shape[1]),
            "layers": len(screen.convs),
            "epochs": args.epochs,
            "head_weight": args.head_weight,
            "seed": SEED,
        },
        "texts": {"train": int(tr.sum()), "val": int(va.sum()), "test": int(te.sum())},
        "numpy_vs_torch_max_abs": agree,
        "cosine_to_real_val": {
            "median": float(np.median(cos_va)),
            "p05": float(np.quantile(cos_va, 0.05)),
        },
        "cosine_to_real_test": {"median": float(np.median(cos_te))},
        "quantile": QUANTILE,
        "safety": SAFETY,
        "margin_similarity": margin_sim,
        "margin_logit": dict(zip(heads.names, margin_logit.tolist(), strict=True)),
        "test_share_beyond_margin": test_exceed,
        "end_to_end_test": e2e,
        "end_to_end_example_documents": e2e_example,
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    metrics.write_text(json.dumps(meta, indent=2) + "\n")
    say(f"wrote {metrics.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
