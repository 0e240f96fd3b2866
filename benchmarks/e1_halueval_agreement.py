"""E1: how well each evaluation metric, and an LLM judge, agrees with HaluEval's labels.

What it measures
    HaluEval QA (``../shared/data/rag_qa/halueval/qa_one-turn_data.jsonl``, 500 items
    from HotpotQA) gives per item a knowledge text, a question, a right answer and a
    hallucinated answer. Each answer is labelled (right = 1, hallucinated = 0) and scored
    by each metric *without* the right answer as a reference (that would make the task
    trivial): the knowledge is the only source the answer saw, exactly as a RAG answer is
    scored in an evaluation run (``Prediction.sources``).

    Metrics: ``grounding`` and ``relevance`` (the guardrail's GroundingCheck),
    ``semantic_similarity`` against the sources (MiniLM cosine of the answer with the
    knowledge), and ``judge`` (an LLM grades "is every fact of the answer supported by
    the sources", 1-10) with each local model named by ``--judges``. Baseline: token
    overlap, the share of the answer's normalized tokens that occur in the knowledge.

    Split (fixed, by position, as A2): items 0-249 are the dev split, 250-499 the test
    split. The grounding check's weights were tuned on the dev split (A2), never on test.
    Per metric: AUC on each split; the threshold of best accuracy chosen on dev and the
    accuracy it gives on test. The test AUC carries a 95% bootstrap interval over items,
    and its difference from token overlap a paired bootstrap interval (both answers of an
    item resampled together). Judges run on ``--judge-dev`` dev items and
    ``--judge-test`` test items (a 135M judge takes about a second per answer here); a
    reply that cannot be parsed is not scored (``coverage``), and accuracy is reported
    over the scored answers and with unscored ones counted wrong.

How to run
    python benchmarks/e1_halueval_agreement.py                     # metrics + SmolLM2 judge
    python benchmarks/e1_halueval_agreement.py --judges smollm2-135m,qwen2.5-coder-0.5b \\
        --judge-dev 60 --judge-test 120 --threads 2
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench_common import result_header, table, write_result
from genaiops.apps.metering import MeterSink, metering
from genaiops.config import ProjectConfig
from genaiops.costs.ledger import Attribution
from genaiops.evaluation.agreement import accuracy_at, auc, best_threshold
from genaiops.evaluation.cache import CachingProvider, ResponseCache
from genaiops.evaluation.metrics import (
    Metric,
    MetricServices,
    Passage,
    Prediction,
    Sample,
    create_metric,
    normalize_answer,
)
from genaiops.models.base import ModelProvider
from genaiops.runtime import GUARD_EMBEDDER, Runtime
from genaiops.stats import percentile
from genaiops.storage import Database

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "rag_qa" / "halueval" / "qa_one-turn_data.jsonl"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "e1_halueval_agreement.json"
DEV = range(0, 250)
TEST = range(250, 500)
RUBRIC = (
    "The answer is faithful: every fact it states (names, numbers, dates, places) is stated "
    "in or directly implied by the sources, and it answers the question. An answer with any "
    "fact that is not in the sources does not meet the rubric."
)


def token_overlap(answer: str, knowledge: str) -> float:
    """The baseline: the share of the answer's normalized tokens found in the knowledge."""
    a = normalize_answer(answer).split()
    k = set(normalize_answer(knowledge).split())
    return sum(t in k for t in a) / len(a) if a else 0.0


def load(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def score(metric: Metric, item: dict[str, str], answer: str) -> float:
    sample = Sample(item["question"])
    prediction = Prediction(answer, sources=(Passage("knowledge", item["knowledge"]),))
    s = metric.evaluate(prediction, sample)
    return s.value if s.applies else math.nan


def bootstrap_auc(
    s: np.ndarray[Any, Any], base: np.ndarray[Any, Any], n_boot: int, seed: int
) -> dict[str, float]:
    """AUC's interval over items, and the paired interval of AUC - baseline AUC.

    ``s`` and ``base`` are items x 2 (right, hallucinated) score arrays."""
    rng = np.random.default_rng(seed)
    labels = np.array([1.0, 0.0])
    n = s.shape[0]
    aucs, diffs = [], []
    for _ in range(n_boot):
        idx = rng.integers(0, n, n)
        y = np.tile(labels, n)
        a = auc(s[idx].ravel().tolist(), y.tolist())
        b = auc(base[idx].ravel().tolist(), y.tolist())
        aucs.append(a)
        diffs.append(a - b)
    lo, hi = np.nanquantile(aucs, [0.025, 0.975])
    dlo, dhi = np.nanquantile(diffs, [0.025, 0.975])
    return {
        "auc_low": float(lo),
        "auc_high": float(hi),
        "diff_low": float(dlo),
        "diff_high": float(dhi),
    }


def evaluate(
    name: str,
    scores: dict[int, tuple[float, float]],
    baseline: dict[int, tuple[float, float]],
    n_boot: int,
    seed: int,
) -> dict[str, Any]:
    dev = [i for i in DEV if i in scores]
    test = [i for i in TEST if i in scores]

    def flat(ids: Sequence[int]) -> tuple[list[float], list[float]]:
        xs = [v for i in ids for v in scores[i]]
        ys = [1.0, 0.0] * len(ids)
        return xs, ys

    dx, dy = flat(dev)
    tx, ty = flat(test)
    threshold, dev_acc = best_threshold(dx, dy)
    test_scored = [x for x in tx if not math.isnan(x)]
    correct = sum(
        (x >= threshold) == (y > 0.5) for x, y in zip(tx, ty, strict=True) if not math.isnan(x)
    )
    out: dict[str, Any] = {
        "metric": name,
        "dev_items": len(dev),
        "test_items": len(test),
        "dev_auc": auc(dx, dy),
        "test_auc": auc(tx, ty),
        "threshold_from_dev": threshold,
        "dev_accuracy": dev_acc,
        "test_accuracy": accuracy_at(tx, ty, threshold),
        "test_accuracy_unscored_wrong": correct / len(tx) if tx else math.nan,
        "test_coverage": len(test_scored) / len(tx) if tx else math.nan,
    }
    s = np.array([scores[i] for i in test], dtype=np.float64)
    b = np.array([baseline[i] for i in test], dtype=np.float64)
    out["auc_minus_baseline"] = out["test_auc"] - auc(b.ravel().tolist(), ty)  # same items
    out.update(bootstrap_auc(s, b, n_boot, seed))
    return out


def judge_runtime(judges: Sequence[str], threads: int, data_dir: Path) -> Runtime:
    """A runtime whose only job is to serve the judges (metered into its own ledger)."""
    from genaiops.config import parse_project

    catalog = ProjectConfig(name="e1").all_models()
    models: dict[str, Any] = {}
    for j in judges:
        if j not in catalog:
            raise SystemExit(f"unknown judge {j!r}; catalog: {', '.join(sorted(catalog))}")
        cfg = catalog[j].model_dump(mode="json")
        if cfg.get("provider") == "llamacpp":
            cfg.update(n_threads=threads, n_ctx=2048)
        models[j] = cfg
    project = parse_project({"version": 1, "name": "e1", "models": models})
    return Runtime(project, data_dir, database=Database(data_dir=data_dir))


Scores = dict[int, tuple[float, float]]


def score_all(
    args: argparse.Namespace,
    items: list[dict[str, str]],
    baseline: Scores,
    judges: list[str],
) -> tuple[dict[str, Scores], dict[str, float], list[dict[str, Any]]]:
    """Every metric's (right, hallucinated) scores per item, ms per answer, judge usage.

    The judges' runtime lives in ``--data-dir``: its response cache makes a rerun free."""
    rt = judge_runtime(judges, args.threads, args.data_dir)
    cache = ResponseCache(rt.db)

    def provider(name: str, purpose: str) -> ModelProvider:
        return CachingProvider(rt.provider(name, purpose), cache)

    services = MetricServices(rt.embedder(GUARD_EMBEDDER), provider)
    metrics: dict[str, Metric] = {
        "grounding": create_metric("grounding", {}, services),
        "relevance": create_metric("relevance", {}, services),
        "semantic_similarity(sources)": create_metric(
            "semantic_similarity", {"against": "sources"}, services
        ),
    }
    results: dict[str, dict[int, tuple[float, float]]] = {"token_overlap (baseline)": baseline}
    timings: dict[str, float] = {}
    for name, metric in metrics.items():
        t0 = time.perf_counter()
        results[name] = {
            i: (
                score(metric, it, it["right_answer"]),
                score(metric, it, it["hallucinated_answer"]),
            )
            for i, it in enumerate(items)
        }
        timings[name] = (time.perf_counter() - t0) / (2 * len(items)) * 1e3
        print(f"{name}: {timings[name]:.1f} ms per answer", flush=True)
    judge_ids = list(DEV)[: args.judge_dev] + list(TEST)[: args.judge_test]
    usage: list[dict[str, Any]] = []
    for j in judges:
        sink = MeterSink(Attribution(f"e1-{j}", tags={"benchmark": "e1"}))
        name = f"judge({j})"
        judge = create_metric("judge", {"model": j, "rubric": RUBRIC, "max_tokens": 12}, services)
        rt.provider(j, "judge").warm_up()
        t0 = time.perf_counter()
        got: dict[int, tuple[float, float]] = {}
        for n, i in enumerate(judge_ids, 1):
            it = items[i]
            with metering(sink):
                got[i] = (
                    score(judge, it, it["right_answer"]),
                    score(judge, it, it["hallucinated_answer"]),
                )
            if n % 25 == 0:
                rate = (time.perf_counter() - t0) / (2 * n)
                print(f"{name}: {n}/{len(judge_ids)} items, {rate:.2f} s per answer", flush=True)
        results[name] = got
        timings[name] = (time.perf_counter() - t0) / (2 * len(judge_ids)) * 1e3
        rt.ledger.record(sink.entries)
        usage.append(
            {
                "model": j,
                "calls": len(sink.entries),  # cached replies make no call
                "cost_usd": sink.cost.total_usd,
                "latency_p50_ms": percentile([e.latency_ms for e in sink.entries], 50),
            }
        )
    rt.close()
    rt.db.close()
    return results, timings, usage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--judges", default="smollm2-135m", help="comma-separated; '' for none")
    ap.add_argument("--judge-dev", type=int, default=100, help="dev items the judges score")
    ap.add_argument("--judge-test", type=int, default=250, help="test items the judges score")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--data-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "genaiops-e1",
        help="database of the judges' runtime (ledger, response cache)",
    )
    args = ap.parse_args()

    items = load(args.data)
    split = f"dev {DEV.start}-{DEV.stop - 1}, test {TEST.start}-{TEST.stop - 1}"
    print(f"HaluEval QA: {len(items)} items; {split}")
    baseline = {
        i: (
            token_overlap(it["right_answer"], it["knowledge"]),
            token_overlap(it["hallucinated_answer"], it["knowledge"]),
        )
        for i, it in enumerate(items)
    }
    judges = [j.strip() for j in args.judges.split(",") if j.strip()]
    results, timings, usage = score_all(args, items, baseline, judges)

    rows = [evaluate(name, s, baseline, args.bootstrap, args.seed) for name, s in results.items()]
    for r in rows:
        r["ms_per_answer"] = timings.get(r["metric"])
    header = [
        "metric",
        "test items",
        "AUC test [95%]",
        "AUC - overlap [95%]",
        "acc test",
        "cover",
        "AUC dev",
        "thr(dev)",
    ]
    body = [header]
    for r in rows:
        body.append(
            [
                r["metric"],
                str(r["test_items"]),
                f"{r['test_auc']:.3f} [{r['auc_low']:.3f}-{r['auc_high']:.3f}]",
                f"{r['auc_minus_baseline']:+.3f} [{r['diff_low']:+.3f} {r['diff_high']:+.3f}]",
                f"{r['test_accuracy']:.3f}",
                f"{r['test_coverage']:.2f}",
                f"{r['dev_auc']:.3f}",
                f"{r['threshold_from_dev']:.3f}",
            ]
        )
    print()
    print(table(body))
    result = result_header("e1_halueval_agreement")
    result.update(
        {
            "data": str(args.data),
            "split": {"dev": [DEV.start, DEV.stop - 1], "test": [TEST.start, TEST.stop - 1]},
            "judge_items": {"dev": args.judge_dev, "test": args.judge_test},
            "judge_rubric": RUBRIC,
            "threads": args.threads,
            "rows": rows,
            "judge_usage": usage,
            "note": (
                "Labels: right_answer = 1, hallucinated_answer = 0; the knowledge is the only "
                "source. Threshold chosen on dev (best accuracy), reported on test. The "
                "grounding check was tuned on the dev split (A2). Judges scored a subset "
                "(judge_items); the AUC difference interval for a judge is over its items only."
            ),
        }
    )
    write_result(args.out, result)


if __name__ == "__main__":
    main()
