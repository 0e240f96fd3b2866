"""The summary of a run: per candidate, every metric with its interval, the operational
figures, run-to-run variation, and which candidates the data can tell apart.

Each item counts once: its repeats are averaged first, so a candidate's score and its
bootstrap interval are over items (what another sample of questions would change), and
repeats show up separately as run-to-run variation. For each metric, every candidate is
compared with the best one on the items both have (a paired test); one that the data
cannot separate from the best is listed as tied with it, not ranked below it.

Operational figures come from the results' own timings: TTFT and latency p50/p95
(:func:`genaiops.stats.percentile`), generation tokens/s, and the cost per 1,000
requests at the catalog price. A cached answer carries its first call's timings and
cost, so a re-run reports the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from genaiops import stats as basic
from genaiops.evaluation.stats import bootstrap_ci, paired_test, repeat_stats
from genaiops.evaluation.store import ResultRow

__all__ = ["finite", "score_matrix", "summarize"]


def finite(x: Any) -> Any:
    """NaN and infinities as None, recursively: JSON (and JSONB) has no NaN."""
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {k: finite(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [finite(v) for v in x]
    return x


def score_matrix(
    results: Sequence[ResultRow], candidate: str, metric: str, items: Sequence[str], repeats: int
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """items x repeats of one candidate's scores (NaN: missing, failed, not applicable)."""
    index = {item: i for i, item in enumerate(items)}
    m = np.full((len(items), repeats), np.nan)
    for r in results:
        if r.candidate != candidate or r.item_id not in index or r.repeat >= repeats:
            continue
        for s in r.scores:
            if s.metric == metric and s.value is not None:
                m[index[r.item_id], r.repeat] = s.value
    return m


def _item_means(m: np.ndarray[Any, np.dtype[np.float64]]) -> np.ndarray[Any, np.dtype[np.float64]]:
    out = np.full(m.shape[0], np.nan)
    for i, row in enumerate(m):
        vals = row[~np.isnan(row)]
        if len(vals):
            out[i] = vals.mean()
    return out


def _ops(rows: Sequence[ResultRow]) -> dict[str, Any]:
    ok = [r for r in rows if r.status != "error"]
    generated = [r for r in ok if r.model_ms > 0]
    decode_s = sum(max(0.0, r.model_ms - r.ttft_ms) for r in generated) / 1e3
    tokens = sum(r.completion_tokens for r in generated)
    return {
        "requests": len(rows),
        "errors": len(rows) - len(ok),
        "blocked": sum(r.status == "blocked" for r in ok),
        "cached": sum(r.cached for r in ok),
        "ttft_p50_ms": basic.percentile([r.ttft_ms for r in generated], 50),
        "ttft_p95_ms": basic.percentile([r.ttft_ms for r in generated], 95),
        "latency_p50_ms": basic.percentile([r.total_ms for r in ok], 50),
        "latency_p95_ms": basic.percentile([r.total_ms for r in ok], 95),
        "latency_mean_ms": basic.mean(r.total_ms for r in ok),
        "model_ms_mean": basic.mean(r.model_ms for r in ok),
        "tokens_per_s": tokens / decode_s if decode_s > 0 else math.nan,
        "prompt_tokens_mean": basic.mean(r.prompt_tokens for r in ok),
        "completion_tokens_mean": basic.mean(r.completion_tokens for r in ok),
        "cost_per_1k_usd": basic.mean(r.cost_usd for r in ok) * 1000 if ok else math.nan,
        "billed_usd": sum(r.billed_usd for r in rows),
    }


def summarize(
    results: Sequence[ResultRow],
    candidates: Sequence[str],
    metrics: Sequence[str],
    items: Sequence[str],
    repeats: int,
    *,
    n_boot: int = 2000,
    seed: int = 0,
) -> dict[str, Any]:
    """The run's summary as JSON-ready data (NaN as None)."""
    per: dict[str, Any] = {}
    vectors: dict[tuple[str, str], np.ndarray[Any, np.dtype[np.float64]]] = {}
    for c in candidates:
        scores: dict[str, Any] = {}
        variation: dict[str, Any] = {}
        for metric in metrics:
            m = score_matrix(results, c, metric, items, repeats)
            vec = _item_means(m)
            vectors[(c, metric)] = vec
            scores[metric] = bootstrap_ci(vec, n_boot=n_boot, seed=seed).to_dict()
            if repeats > 1:
                rs = repeat_stats(m)
                variation[metric] = {
                    "run_means": list(rs.run_means),
                    "sd_between_runs": rs.sd_between_runs,
                    "mean_item_sd": rs.mean_item_sd,
                }
        rows = [r for r in results if r.candidate == c]
        per[c] = {"metrics": scores, "ops": _ops(rows)}
        if variation:
            per[c]["repeats"] = variation
    comparisons: dict[str, Any] = {}
    for metric in metrics:
        means = {c: per[c]["metrics"][metric]["mean"] for c in candidates}
        ranked = [c for c in candidates if not math.isnan(means[c])]
        if not ranked:
            continue
        best = max(ranked, key=lambda c: means[c])
        rows_out = []
        tied = [best]
        for c in ranked:
            if c == best:
                continue
            t = paired_test(vectors[(best, metric)], vectors[(c, metric)], n_boot=n_boot, seed=seed)
            rows_out.append({"candidate": c, **t.to_dict()})
            if t.verdict == "tie":
                tied.append(c)
        comparisons[metric] = {"best": best, "tied_with_best": tied, "versus_best": rows_out}
    summary: dict[str, Any] = finite(
        {
            "items": len(items),
            "repeats": repeats,
            "candidates": per,
            "comparisons": comparisons,
            "bootstrap": {"resamples": n_boot, "seed": seed, "level": 0.95},
        }
    )
    return summary
