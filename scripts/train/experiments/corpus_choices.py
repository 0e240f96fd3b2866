"""Experiment: the choices behind the content heads' harmful-request corpus, measured again.

    .venv/bin/python scripts/train/experiments/corpus_choices.py [--data ../shared/data]

For each setting (which corpus parts, the logistic regressions' ``C``) the content heads are
trained as ``train_content_filter.py --part content`` trains them, into a temporary folder,
and measured where the choices were made: the val split's short sets of C12 (built harmful
and benign requests, XSTest safe and unsafe, Do-Not-Answer) and the dev style probes A to E,
through the example policy at its own strengths (the whole policy, as C12 runs it; the
harm head and the screen as shipped: with other content heads the screen embeds every
window). Probe F, which no choice was made on, is not measured here. Also, per setting,
how far the quantized twin that embeds long texts' windows moves the heads: the median
absolute change of the violence and misconduct logits on the dev probes' harmful requests
and the built val harmful requests, and the share of those whose decision flips. Writes
``benchmarks/results/corpus_choices.json``; about a minute a setting with the embedding
cache.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "scripts" / "train"))
sys.path.insert(0, str(REPO / "scripts" / "train" / "experiments"))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "benchmarks" / "data"))

import common  # noqa: E402
import train_content_filter as tcf  # noqa: E402
from content_sets import harmful_howto, style_probes  # noqa: E402

import genaiops.guardrails.content_filter as cf  # noqa: E402

#: (corpus parts, C): none at the old C, the corpus growing at C=4, the shipped setting,
#: and the two parts written after it
SETTINGS = [
    ("", 4.0),
    ("12", 4.0),
    ("1234", 4.0),
    ("1234567", 4.0),
    ("1234567", 16.0),
    ("12345678", 16.0),
    ("12345679", 16.0),
    ("123456789", 16.0),
]
SHORT_SETS = (
    "built harmful how-to",
    "built benign questions",
    "XSTest unsafe",
    "XSTest safe",
    "Do-Not-Answer",
)


def measure(artifact: Path, items: list[Any], topics: list[dict[str, Any]]) -> dict[str, Any]:
    engine = common.c12_engines(topics, artifact)["default"]
    return {
        name: round(100 * sum(engine.apply(t, "input").blocked for t, _ in rows) / len(rows), 1)
        for name, rows in common.c12_dev_rows(items, SHORT_SETS).items()
    }


def twin_shift(artifact: Path) -> dict[str, float]:
    from genaiops.config_guardrails import ContentFiltersConfig
    from genaiops.knowledge.embedders import MiniLMEmbedder, quantized_twin

    exact = MiniLMEmbedder(threads=1)
    twin = quantized_twin(exact)
    config = ContentFiltersConfig.model_validate(
        {"violence": {"input": "medium"}, "misconduct": {"input": "low"}}
    )
    check = cf.ContentFilterCheck(config, exact, artifact, screen=False)
    heads = check.model.heads
    cols = [heads.names.index(c) for c in ("violence", "misconduct")]
    thr = np.array([check.threshold(heads.names[j], "input") for j in cols])
    texts = [t for p in common.DEV_PROBES for t in style_probes()[f"{p}_harmful"]]
    texts += [i.text for i in harmful_howto() if i.split == "val"]
    pe = heads.probabilities(texts, exact.embed(texts))[:, cols]
    pt = heads.probabilities(texts, twin.embed(texts))[:, cols]
    shift = np.abs(np.log(pe / (1 - pe)) - np.log(pt / (1 - pt)))
    flips = (pe >= thr).any(axis=1) != (pt >= thr).any(axis=1)
    return {
        "texts": len(texts),
        "median_abs_logit_shift": round(float(np.median(shift)), 3),
        "decisions_flipped_pct": round(100 * float(flips.mean()), 1),
    }


def main() -> int:
    args, cache, topics, items = common.c12_inputs(__doc__, "corpus_choices.json")
    shipped = tcf.CORPUS_PARTS
    results = []
    for parts, c_value in SETTINGS:
        with tempfile.TemporaryDirectory() as tmp:
            tcf.CORPUS_PARTS = parts
            tcf.train_content(args.data, cache, Path(tmp), c_value, corpus=bool(parts))
            artifact = Path(tmp) / "content_filter.npz"
            row = {
                "corpus_parts": parts or "none",
                "c": c_value,
                "blocked_pct_at_example_strengths": measure(artifact, items, topics),
                "quantized_twin": twin_shift(artifact),
            }
        results.append(row)
        tcf.say(json.dumps(row))
    common.write_result(
        args.out,
        "corpus parts and C for the content heads (val and dev probes A-E)",
        "corpus_choices.py",
        shipped={"corpus_parts": shipped, "c": 16.0},
        results=results,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
