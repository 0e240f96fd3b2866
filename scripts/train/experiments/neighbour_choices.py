"""Experiment: the settings of the content filter's neighbour vote, measured on a grid.

    .venv/bin/python scripts/train/experiments/neighbour_choices.py [--data ../shared/data]

The vote (``genaiops.guardrails.content_filter.Neighbours``) adds to the violence and
misconduct logits of a one-window text ``weight * (v - 0.5)``, where ``v`` is the
cosine-weighted share of harmful requests among its ``k`` nearest labelled training texts
(weights ``exp((cos - best) / tau)``). For each setting, the bank is built and the
thresholds per strength chosen as ``train_content_filter.train_neighbours`` does, with the
shipped content heads, and the setting is measured where the choice was made: recall of
the val split's violence and misconduct positives at ``medium`` (the thresholds meet the
same false-positive targets on every kind of benign val text), and the dev style probes A
to E blocked by violence at ``medium`` or misconduct at ``low`` (the example's input
strengths; the heads only, not the whole policy). Probe F, on which no choice is made, and
the test split are not measured here. ``weight`` 0 is the heads alone. Writes
``benchmarks/results/neighbour_choices.json``; about a minute with the embedding cache.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "scripts" / "train"))
sys.path.insert(0, str(REPO / "scripts" / "train" / "experiments"))
sys.path.insert(0, str(REPO / "benchmarks" / "data"))

import common  # noqa: E402
import train_content_filter as tcf  # noqa: E402
from content_sets import style_probes  # noqa: E402

#: (bank, k, tau, weight): the shipped setting first, then one knob at a time
SETTINGS = [
    ("all", 10, 0.05, 0.0),
    ("all", 10, 0.05, 8.0),
    ("all", 5, 0.05, 8.0),
    ("all", 20, 0.05, 8.0),
    ("all", 10, 0.02, 8.0),
    ("all", 10, 0.1, 8.0),
    ("all", 10, 0.05, 6.0),
    ("all", 10, 0.05, 12.0),
    ("requests", 10, 0.05, 8.0),
]
#: sources left out of the "requests" bank: tweets and instructions, few of them requests
NOT_REQUESTS = ("halueval", "davidson", "toxigen")
FLOORS = {"violence": "medium", "misconduct": "low"}


def main() -> int:
    args = common.parse_args(__doc__, "neighbour_choices.json")
    from genaiops.guardrails.content_filter import ARTIFACT, Neighbours, _load, logit

    cache = tcf.EmbeddingCache(args.cache / "minilm_vectors.npz")
    texts, splits, labels, sources = tcf.content_datasets(args.data, cache)
    vectors = cache.embed(texts)
    split = np.array(splits)
    src = np.array(sources)
    heads = _load(ARTIFACT).heads
    logits = heads.logits(texts, vectors)
    probes = style_probes()
    probe_texts = {
        f"{p}_{kind}": probes[f"{p}_{kind}"]
        for p in common.DEV_PROBES
        for kind in ("harmful", "benign")
    }
    probe_vectors = {k: cache.embed(v) for k, v in probe_texts.items()}
    probe_logits = {k: heads.logits(probe_texts[k], probe_vectors[k]) for k in probe_texts}
    results = []
    for bank, k, tau, weight in SETTINGS:
        keep = np.ones(len(texts), bool)
        if bank == "requests":
            keep = ~np.array([s.split(":")[0] in NOT_REQUESTS for s in sources])
        arrays = tcf.neighbour_arrays(
            vectors,
            np.where(keep, split, "excluded"),
            labels,
            ARTIFACT,
            k=k,
            tau=tau,
            weight=weight,
        )
        vote = Neighbours.from_arrays(arrays)
        voted = vote.adjust(logits, vectors, heads.names)
        row: dict[str, Any] = {"bank": bank, "bank_size": len(arrays["labels"]), "k": k}
        row |= {"tau": tau, "weight": weight}
        cuts: dict[str, float] = {}
        for cat in tcf.NEIGHBOUR_CATEGORIES:
            j = heads.names.index(cat)
            y = np.asarray(labels[cat])
            val = (split == "val") & (y >= 0)
            prob = 1.0 / (1.0 + np.exp(-voted[val, j]))
            at = tcf.strength_thresholds(prob, src[val], y[val])
            positives = prob[y[val] == 1]
            row[f"val {cat} recall at medium"] = round(float((positives >= at["medium"]).mean()), 3)
            cuts[cat] = logit(at[FLOORS[cat]])
        for name, lg in probe_logits.items():
            z = vote.adjust(lg, probe_vectors[name], heads.names)
            hit = np.zeros(len(z), bool)
            for cat, cut in cuts.items():
                hit |= z[:, heads.names.index(cat)] >= cut
            row[f"probe {name.replace('_', ' ')} blocked"] = round(100 * float(hit.mean()), 1)
        results.append(row)
        tcf.say(json.dumps(row))
    common.write_result(
        args.out,
        "the content filter's neighbour vote (val and dev probes A-E)",
        "neighbour_choices.py",
        shipped={
            "bank": "all",
            "k": tcf.NEIGHBOUR_K,
            "tau": tcf.NEIGHBOUR_TAU,
            "weight": tcf.NEIGHBOUR_WEIGHT,
        },
        results=results,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
