"""Train the aligned grounding scorer (``guardrails/models/grounding_align.npz``).

Data: the paraphrase set of ``benchmarks/grounding_paraphrase_set.py`` (summaries and
dialogue answers of SQuAD, SciFact and Fenwick sources, labelled by construction), split by
``scripts/train/splits.py``. One row per claim: label 1 when the claim lies in a sentence
of the answer that was not edited, 0 when it lies in the edited (or added) one. Also the
claims of A2's dev split (HaluEval QA items 0-249, right answers 1, hallucinated answers
0, weight ``QA_WEIGHT``), so short QA answers keep their strictness; A2's test items
(250-499) are never read. The model is a logistic regression on
:data:`genaiops.guardrails.grounding_align.FEATURES` (standardised, L2, Newton steps),
fitted on ``train`` (+ A2 dev) only; the threshold is chosen on ``val`` alone (the
highest answer threshold with at most ``--max-blocked`` of supported answers blocked; A2
dev, being fit data, is not used to choose it). The paraphrase ``test`` split is never
read here.

    python scripts/train/train_grounding_align.py

Writes the weights, prints their sha256 (copy it into ``WEIGHTS_SHA256``), and writes
``guardrails/models/grounding_align_metrics.json`` (train/val figures, threshold).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from genaiops.config_guardrails import GroundingConfig  # noqa: E402
from genaiops.guardrails.claims import split_claims, split_sentences, terms  # noqa: E402
from genaiops.guardrails.engine import CachingEmbedder  # noqa: E402
from genaiops.guardrails.grounding import GroundingCheck, _Index, _windows  # noqa: E402
from genaiops.guardrails.grounding_align import ARTIFACT, FEATURES, AlignModel  # noqa: E402
from genaiops.knowledge.embedders import MiniLMEmbedder  # noqa: E402
from grounding_paraphrase_set import Item, build  # noqa: E402

METRICS = ARTIFACT.parent / "grounding_align_metrics.json"
HALUEVAL = ROOT.parent / "shared" / "data" / "rag_qa" / "halueval" / "qa_one-turn_data.jsonl"
A2_DEV = range(0, 250)  # A2's dev split (benchmarks/a2_grounding.py); 250-499 is its test
L2 = 1.0
QA_WEIGHT = 4.0  # a HaluEval claim weighs as 4 paraphrase claims (few, short, and A2 matters)


Rows = list[tuple[tuple[float, ...], int, float]]


def item_rows(check: GroundingCheck, item: Item) -> Rows:
    """(features, label, cap) of each claim of the item's answer; cap is the lexical
    ceiling (unsupported number or name) the scorer applies after the model."""
    labels = [
        int(all(ok for a, b, ok in item.parts if a <= (c.start + c.end) / 2 < b))
        for c in split_claims(item.answer)
    ]
    return answer_rows(check, item.answer, item.source, None, labels)


def answer_rows(
    check: GroundingCheck, answer: str, source: str, query: str | None, labels: list[int]
) -> Rows:
    p = check.params
    claims = split_claims(answer)
    sentences = [s for s in split_sentences([source]) if s.text]
    sent_terms = [terms(s.text) for s in sentences]
    windows = [_Index([t for j in w for t in sent_terms[j]], p.prefix) for w in _windows(sentences)]
    if not claims or not sentences:
        return []
    report = check.analyze(answer, [source], query, relevance=False)
    feats = check.align_features(claims, report.claims, sentences, sent_terms, windows)
    out: Rows = []
    for cs, (values, _), label in zip(report.claims, feats, labels, strict=True):
        cap = 1.0
        if cs.unsupported_numbers:
            cap = min(cap, p.number_cap)
        if cs.unsupported_names:
            cap = min(cap, p.name_cap)
        out.append((values, label, cap))
    return out


def halueval_rows(check: GroundingCheck) -> dict[tuple[int, str], Rows]:
    """Claims of the A2 dev split (HaluEval QA items 0-249): the right answer's claims are
    supported, the hallucinated answer's are not. Short QA answers, so the scorer keeps
    the lexical check's strictness there (A2's test items 250-499 are never read)."""
    rows = [json.loads(line) for line in HALUEVAL.read_text(encoding="utf-8").splitlines()]
    out: dict[tuple[int, str], Rows] = {}
    for i in A2_DEV:
        r = rows[i]
        for key, label in (("right_answer", 1), ("hallucinated_answer", 0)):
            n = len(split_claims(r[key]))
            out[(i, key)] = answer_rows(check, r[key], r["knowledge"], r["question"], [label] * n)
    return out


def fit(
    x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], weight: np.ndarray[Any, Any]
) -> AlignModel:
    mean = x.mean(axis=0)
    scale = np.where(x.std(axis=0) > 1e-9, x.std(axis=0), 1.0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], L2)
    reg[-1] = 0.0
    for _ in range(50):  # Newton (IRLS)
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (weight * (p - y)) + reg * w
        hess = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return AlignModel(mean, scale, w[:-1], float(w[-1]), FEATURES)


def answer_scores(model: AlignModel, rows: list[Rows]) -> list[float]:
    return [min((min(model.predict(f), cap) for f, _, cap in r), default=1.0) for r in rows]


def rates(scores: list[float], labels: list[str], t: float) -> tuple[float, float]:
    un = [s for s, lab in zip(scores, labels, strict=True) if lab == "unsupported"]
    su = [s for s, lab in zip(scores, labels, strict=True) if lab == "supported"]
    return sum(s < t for s in un) / len(un), sum(s < t for s in su) / len(su)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-blocked", type=float, default=0.08)
    ap.add_argument("--out", type=Path, default=ARTIFACT)
    ap.add_argument("--metrics", type=Path, default=METRICS)
    args = ap.parse_args(argv)
    items = [i for i in build() if i.split in ("train", "val")]
    emb = CachingEmbedder(MiniLMEmbedder(threads=1), size=65536)
    check = GroundingCheck(GroundingConfig(grounding_threshold=0.5), emb)
    per_item = {i.id: item_rows(check, i) for i in items}
    qa = halueval_rows(check)
    train = [i for i in items if i.split == "train"]
    val = [i for i in items if i.split == "val"]
    x = np.array(
        [f for i in train for f, _, _ in per_item[i.id]]
        + [f for r in qa.values() for f, _, _ in r],
        dtype=np.float64,
    )
    y = np.array(
        [lab for i in train for _, lab, _ in per_item[i.id]]
        + [lab for r in qa.values() for _, lab, _ in r],
        dtype=np.float64,
    )
    n_para = sum(len(per_item[i.id]) for i in train)
    weight = np.array([1.0] * n_para + [QA_WEIGHT] * (len(y) - n_para))
    model = fit(x, y, weight)
    scores = {
        split: answer_scores(model, [per_item[i.id] for i in group])
        for split, group in (("train", train), ("val", val))
    }
    labels = {"train": [i.label for i in train], "val": [i.label for i in val]}
    qa_scores = {k: s for k, s in zip(qa, answer_scores(model, list(qa.values())), strict=True)}

    def qa_rates(t: float) -> tuple[float, float]:
        caught = sum(qa_scores[(i, "hallucinated_answer")] < t for i in A2_DEV) / len(A2_DEV)
        blocked = sum(qa_scores[(i, "right_answer")] < t for i in A2_DEV) / len(A2_DEV)
        return caught, blocked

    # the threshold is chosen on the paraphrase val split alone: A2's dev items are fit
    # data, so they are not asked again here (their rates at the threshold are reported,
    # as fit figures; the rule "A2 dev grounded blocked <= 5%" it used before never bound:
    # 0.4% at the chosen 0.46)
    ok = [
        k / 100
        for k in range(1, 100)
        if rates(scores["val"], labels["val"], k / 100)[1] <= args.max_blocked
    ]
    threshold = max(ok) if ok else 0.5
    metrics: dict[str, Any] = {
        "features": list(FEATURES),
        "coef": [round(float(c), 4) for c in model.coef],
        "bias": round(model.bias, 4),
        "train_claims": len(y),
        "train_claims_unsupported": int((y == 0).sum()),
        "train_claims_a2_dev": len(y) - n_para,
        "a2_dev_weight": QA_WEIGHT,
        "threshold_rule": f"highest threshold with val supported answers blocked <= "
        f"{args.max_blocked:.0%} (paraphrase val split only)",
        "threshold": threshold,
        "a2_dev_at_threshold_fit_data": dict(
            zip(("hallucinated_caught", "grounded_blocked"), qa_rates(threshold), strict=True)
        ),
    }
    for split in ("train", "val"):
        c, b = rates(scores[split], labels[split], threshold)
        metrics[split] = {
            "answers": len(labels[split]),
            "unsupported_caught": round(c, 4),
            "supported_blocked": round(b, 4),
        }
    np.savez(args.out, **model.to_npz_dict())
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    metrics["sha256"] = digest
    args.metrics.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps(metrics, indent=2) + f'\n\nWEIGHTS_SHA256 = "{digest}"\n')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
