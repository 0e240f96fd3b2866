"""Distil the MiniLM embedder into a static token table: the long-text screen of the topic
and content checks (``genaiops.guardrails.screen``).

    .venv/bin/python scripts/train/train_static_screen.py [--data ../shared/data]
        [--cache ~/.cache/genaiops-train] [--dims 128]

1. Every vocabulary token of the MiniLM tokenizer is embedded alone (``[CLS] t [SEP]``,
   mean-pooled, as the embedder pools): a 30,522 x 384 table ``T`` (cached).
2. A text's static vector is the mean of ``T`` over its tokens; a linear map ``A`` (ridge,
   with intercept) from static vectors to the real MiniLM vectors is fitted on the
   ``train`` split (``splits.split_of``) of the content-filter texts and on sentence
   windows of business documents composed from the train split's templates (not the
   example company's documents, on which the latency benchmark measures it). ``T @ A``
   is compressed by PCA to
   ``--dims`` and stored as int8 rows with a scale each.
3. Margins, on the ``val`` split: how far the real score can lie above the approximate
   one, per signal: the cosine to a topic phrase (the A5 policy's and the example
   policy's phrases; pairs whose real cosine is >= 0.2) and the logit of each head of
   ``content_filter.npz`` and ``denied_topics_head.npz``: the 99.5th percentile of
   (real - approximate), plus a safety factor. A window is embedded for real when its
   approximate score plus the margin reaches a threshold; the others cannot, but for
   errors beyond the margin (reported on test in the card).

Writes ``models/static_screen.npz`` and ``static_screen_metrics.json``. Retrain after the
content filter or the harm head changes (the margins are theirs): the artifact records
both head files' sha256, and a check whose head file differs runs without the screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
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
from train_content_filter import (  # noqa: E402
    DEFAULT_DATA,
    MODELS,
    POLICY,
    EmbeddingCache,
    content_datasets,
    say,
)

from genaiops.guardrails.content_filter import text_windows  # noqa: E402
from genaiops.guardrails.screen import HEAD_FILES, file_sha256  # noqa: E402

SAFETY = 1.25  # the margins are widened by this factor over the val percentile
QUANTILE = 0.995


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


def token_ids(texts: Sequence[str]) -> list[np.ndarray]:
    from genaiops.guardrails.screen import load_tokenizer

    tok = load_tokenizer()
    return [np.array(e.ids[1:-1] or [100], np.int64) for e in tok.encode_batch(list(texts))]


def static_means(table: np.ndarray, ids: list[np.ndarray]) -> np.ndarray:
    return np.stack([table[i].mean(axis=0) for i in ids]).astype(np.float32)


def normalize(x: np.ndarray) -> np.ndarray:
    out: np.ndarray = x / np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)
    return out


def refine(
    start: np.ndarray, ids: list[np.ndarray], rows: np.ndarray, exact: np.ndarray, steps: int
) -> np.ndarray:
    """Gradient steps (Adam) on the token table itself: the mean of a text's rows should
    be its real vector (squared error on the train rows), with an L2 pull back to the
    linear map's table so that rare tokens stay where the map put them."""
    from scipy import sparse

    chosen = np.flatnonzero(rows)
    r, c, v = [], [], []
    for k, i in enumerate(chosen):
        uniq, counts = np.unique(ids[i], return_counts=True)
        r += [k] * len(uniq)
        c += uniq.tolist()
        v += (counts / counts.sum()).tolist()
    x = sparse.csr_matrix((v, (r, c)), shape=(len(chosen), start.shape[0]), dtype=np.float32)
    xt = x.T.tocsr()
    target = exact[chosen]
    table = start.copy()
    m = np.zeros_like(table)
    s2 = np.zeros_like(table)
    lr, b1, b2, pull = 0.003, 0.9, 0.999, 1e-4
    for step in range(1, steps + 1):
        resid = x @ table - target
        grad = (xt @ resid) * (2.0 / len(chosen)) + 2 * pull * (table - start)
        m = b1 * m + (1 - b1) * grad
        s2 = b2 * s2 + (1 - b2) * grad * grad
        table -= lr * (m / (1 - b1**step)) / (np.sqrt(s2 / (1 - b2**step)) + 1e-8)
        if step % 50 == 0:
            say(f"  refine step {step}: train mse {float((resid**2).sum(axis=1).mean()):.4f}")
    return table


def doc_windows(n_per_split: int = 150) -> tuple[list[str], list[str]]:
    """Sentence windows (``text_windows``, as the checks cut long texts) of business
    documents composed from each split's own paragraph templates
    (``benchmarks/data/prompt_attack_sets.py``: reports, minutes, e-mails, policies), with
    that split. Not the example company's documents: the latency benchmark measures the
    screen on them."""
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "genaiops-train")
    parser.add_argument("--out-dir", type=Path, default=MODELS)
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--steps", type=int, default=150)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    cache = EmbeddingCache(args.cache / "minilm_vectors.npz")
    table = token_table(args.cache)

    texts, splits, _, _ = content_datasets(args.data, cache)
    windows, window_splits = doc_windows()
    seen = set(texts)
    for w, sp in zip(windows, window_splits, strict=True):
        if w not in seen:
            seen.add(w)
            texts.append(w)
            splits.append(sp)
    split = np.array(splits)
    exact = cache.embed(texts)
    ids = token_ids(texts)
    static = static_means(table, ids)
    tr, va, te = split == "train", split == "val", split == "test"
    # ridge regression with intercept: static -> exact
    x = np.hstack([static[tr], np.ones((int(tr.sum()), 1), np.float32)])
    reg = args.ridge * np.eye(x.shape[1], dtype=np.float64)
    reg[-1, -1] = 0.0
    a = np.linalg.solve(x.T @ x + reg, x.T @ exact[tr]).astype(np.float32)
    mapped = table @ a[:-1] + a[-1]  # the intercept folded into every token's row
    mapped = refine(mapped, ids, tr, exact, args.steps)
    mean = mapped.mean(axis=0)
    _, _, vt = np.linalg.svd(mapped - mean, full_matrices=False)
    basis = vt[: args.dims]  # (dims, 384)
    coords = (mapped - mean) @ basis.T
    scale = np.abs(coords).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(coords / scale[:, None]).astype(np.int8)

    def approx(rows: np.ndarray) -> np.ndarray:
        deq = q.astype(np.float32) * scale[:, None]
        means = np.stack([deq[ids[i]].mean(axis=0) for i in np.flatnonzero(rows)])
        return normalize(means @ basis + mean)

    approx_va, approx_te = approx(va), approx(te)
    cos_va = (approx_va * exact[va]).sum(axis=1)
    say(f"approximation: cosine to the real vector (val) median {np.median(cos_va):.3f}")

    # margins
    with np.load(args.out_dir / "content_filter.npz") as npz:
        w_content = npz["w_emb"].astype(np.float32)
        names = [str(c) for c in npz["categories"]]
    with np.load(args.out_dir / "denied_topics_head.npz") as npz:
        w_harm = npz["w_emb"].astype(np.float32)
    w = np.vstack([w_content, w_harm])
    heads = [*names, "harm"]
    phrases = [
        p
        for t in yaml.safe_load(POLICY.read_text("utf-8"))["denied_topics"]
        for p in (t["definition"], *t.get("examples", []))
    ]
    example = yaml.safe_load((REPO / "examples" / "fenwick" / "genaiops.yaml").read_text())
    for policy in example["guardrails"].values():
        for t in policy.get("denied_topics") or []:
            phrases += [t["definition"], *t.get("examples", [])]
    pv = cache.embed(phrases)

    def gaps(real: np.ndarray, est: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        logit_gap = (real - est) @ w.T  # (n, heads)
        s_real, s_est = real @ pv.T, est @ pv.T
        sel = s_real >= 0.2
        return logit_gap, (s_real - s_est)[sel]

    lg_va, sg_va = gaps(exact[va], approx_va)
    margin_logit = SAFETY * np.quantile(lg_va, QUANTILE, axis=0)
    margin_sim = float(SAFETY * np.quantile(sg_va, QUANTILE))
    lg_te, sg_te = gaps(exact[te], approx_te)
    test_exceed = {
        h: float((lg_te[:, j] > margin_logit[j]).mean()) for j, h in enumerate(heads)
    } | {"similarity": float((sg_te > margin_sim).mean())}
    say(
        "margins: similarity "
        f"{margin_sim:.3f}; logits "
        + ", ".join(f"{h} {m:.2f}" for h, m in zip(heads, margin_logit, strict=True))
    )
    say(
        "test share beyond the margin: "
        + json.dumps({k: round(v, 4) for k, v in test_exceed.items()})
    )

    out = args.out_dir / "static_screen.npz"
    np.savez_compressed(
        out,
        tokens=q,
        scale=scale.astype(np.float32),
        basis=basis.astype(np.float32),
        mean=mean.astype(np.float32),
        heads=np.array(heads),
        margin_logit=margin_logit.astype(np.float32),
        margin_similarity=np.float32(margin_sim),
        # the head files the margins were measured against: a check whose head file has
        # another sha256 does not use the screen (genaiops.guardrails.screen.screen_for)
        head_files=np.array(HEAD_FILES),
        head_sha256=np.array([file_sha256(args.out_dir / f) for f in HEAD_FILES]),
    )
    meta: dict[str, Any] = {
        "artifact": out.name,
        "head_sha256": {f: file_sha256(args.out_dir / f) for f in HEAD_FILES},
        "bytes": out.stat().st_size,
        "dims": args.dims,
        "ridge": args.ridge,
        "texts": {"train": int(tr.sum()), "val": int(va.sum()), "test": int(te.sum())},
        "doc_windows": len(windows),
        "cosine_to_real_val": {
            "median": float(np.median(cos_va)),
            "p05": float(np.quantile(cos_va, 0.05)),
        },
        "cosine_to_real_test": {
            "median": float(np.median((approx_te * exact[te]).sum(axis=1))),
        },
        "quantile": QUANTILE,
        "safety": SAFETY,
        "margin_similarity": margin_sim,
        "margin_logit": dict(zip(heads, margin_logit.tolist(), strict=True)),
        "test_share_beyond_margin": test_exceed,
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    (args.out_dir / "static_screen_metrics.json").write_text(json.dumps(meta, indent=2) + "\n")
    say(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
