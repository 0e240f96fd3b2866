"""A2b: grounding of summaries and dialogue answers (paraphrase), lexical vs aligned.

What it measures
    The paraphrase set of ``grounding_paraphrase_set.py`` (faithful paraphrases and
    answers with one unsupported edit, labelled by construction), **test split only**
    (``scripts/train/splits.py``): unsupported answers caught and supported answers
    blocked by the lexical scorer (at the card's default 0.85 and at the threshold that
    blocks <= 8% on val) and by the aligned scorer (at its threshold chosen on val by the
    training script), per edit, style and corpus. Goal: >= 90% caught / <= 10% blocked.

    A2 with the aligned scorer: HaluEval QA items 250-499 (the A2 test split), so the
    paraphrase tolerance does not cost the short-answer figures (lexical: 90.0% / 0.0%
    at 0.96).

    Latency (one thread, p50/p95 of ``check()``): a short answer against 3 short sources,
    and a summary (2 to 5 claims) of a 3,000-character source; lexical, and aligned
    (MiniLM int8) with the source sentences already in the embedder cache (the answer's
    claims embedded every call) and with nothing cached.

    ``--judge MODEL``: the optional judge (``contextual_grounding.judge_model``), a local
    catalog model on one thread, rating ``--judge-n`` test answers: accuracy of the judge
    alone (rating >= 5 = supported), of the blend with the aligned score, and seconds per
    answer.

How to run
    python benchmarks/a2b_grounding_paraphrase.py
    ... --judge qwen2.5-coder-1.5b --judge-n 40   # adds the judge measurement
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from a2_grounding import DATA as HALUEVAL
from a2_grounding import TEST as A2_TEST
from a2_grounding import load
from bench_common import RESULTS, result_header, scrub_paths, table, write_result
from genaiops import stats
from genaiops.config_guardrails import GroundingConfig
from genaiops.guardrails.claims import split_sentences
from genaiops.guardrails.engine import CachingEmbedder
from genaiops.guardrails.grounding import GroundingCheck
from genaiops.knowledge.embedders import MiniLMEmbedder, MiniLMQ8Embedder
from grounding_paraphrase_set import Item, build

ALIGN_METRICS = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "genaiops"
    / "guardrails"
    / "models"
    / "grounding_align_metrics.json"
)
LEXICAL_DEFAULT = 0.85
TARGET = (0.90, 0.10)


def rates(scores: Sequence[float], labels: Sequence[str], t: float) -> dict[str, float]:
    un = [s for s, lab in zip(scores, labels, strict=True) if lab == "unsupported"]
    su = [s for s, lab in zip(scores, labels, strict=True) if lab == "supported"]
    return {
        "threshold": t,
        "unsupported_caught": round(sum(s < t for s in un) / max(1, len(un)), 4),
        "supported_blocked": round(sum(s < t for s in su) / max(1, len(su)), 4),
        "n": len(scores),
    }


def val_threshold(scores: Sequence[float], labels: Sequence[str], max_blocked: float) -> float:
    ok = [
        k / 100
        for k in range(1, 100)
        if rates(scores, labels, k / 100)["supported_blocked"] <= max_blocked
    ]
    return max(ok) if ok else 0.5


def breakdown(items: Sequence[Item], scores: Sequence[float], t: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("edit", "style", "corpus"):
        groups: dict[str, list[int]] = {}
        for k, it in enumerate(items):
            groups.setdefault(getattr(it, key) or "none", []).append(k)
        out[key] = {
            g: rates([scores[k] for k in ks], [items[k].label for k in ks], t)
            for g, ks in sorted(groups.items())
        }
    return out


def score_items(check: GroundingCheck, items: Sequence[Item]) -> list[float]:
    out = []
    for it in items:
        g = check.analyze(it.answer, [it.source], relevance=False).grounding
        assert g is not None
        out.append(g)
    return out


def halueval(check: GroundingCheck, rows: list[dict[str, str]]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"grounded": [], "hallucinated": []}
    for i in A2_TEST:
        r = rows[i]
        for label, key in (("grounded", "right_answer"), ("hallucinated", "hallucinated_answer")):
            rep = check.analyze(r[key], [r["knowledge"]], r["question"], relevance=False)
            assert rep.grounding is not None
            out[label].append(rep.grounding)
    return out


def a2_rates(s: dict[str, list[float]], t: float) -> dict[str, float]:
    return {
        "threshold": t,
        "hallucinated_caught": round(sum(x < t for x in s["hallucinated"]) / 250, 4),
        "grounded_blocked": round(sum(x < t for x in s["grounded"]) / 250, 4),
    }


def latency(
    check: GroundingCheck,
    cases: Sequence[tuple[str, list[str]]],
    n: int,
    warm_sources: MiniLMEmbedder | None = None,
    warm_sentences: MiniLMEmbedder | None = None,
) -> dict[str, float]:
    """p50/p95 of ``check()``. With ``warm_sources``, each call gets a fresh embedder
    cache that already holds the source sentences (as the engine's cache does for
    retrieved chunks) but not the answer: the answer's claims are embedded every time."""
    for answer, sources in cases[:5]:
        check.check(answer, "output", sources)
    ms: list[float] = []
    for k in range(n):
        answer, sources = cases[k % len(cases)]
        if warm_sources is not None:
            cache = CachingEmbedder(warm_sources, size=4096)
            cache.embed([x.text for x in split_sentences(sources) if x.text])
            check._embedder = cache
        if warm_sentences is not None:  # the engine's sentence encoder, its cache warm too
            twin = CachingEmbedder(warm_sentences, size=4096)
            twin.embed([x.text for x in split_sentences(sources) if x.text])
            check._sentence_embedder = twin
        t0 = time.perf_counter()
        check.check(answer, "output", sources)
        ms.append((time.perf_counter() - t0) * 1e3)
    return {
        "n": n,
        "p50_ms": round(stats.percentile(ms, 50), 2),
        "p95_ms": round(stats.percentile(ms, 95), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
    }


def latency_cases(items: Sequence[Item]) -> dict[str, list[tuple[str, list[str]]]]:
    short_src = [
        "Fenwick Cycles was founded in 2014 in Portland, Oregon, by Maya Fenwick.",
        "The Trailhawk 2 costs $2,899 and has a 720 Wh battery.",
        "Customer support can be reached by phone at 555-0142 on weekdays.",
    ]
    short = [
        ("The Trailhawk 2 is priced at $2,899.", short_src),
        ("It was set up in 2014 by Maya Fenwick in Portland.", short_src),
        ("You can call support at 555-0142.", short_src),
    ]
    long_cases: list[tuple[str, list[str]]] = []
    pool = sorted({it.source for it in items}, key=len, reverse=True)
    for it in items:
        if len(long_cases) >= 20:
            break
        # a 3,000-character source: the item's own source padded with other test sources
        text = it.source
        for other in pool:
            if len(text) >= 3000:
                break
            if other != it.source:
                text += "\n\n" + other
        long_cases.append((it.answer, [text[:3000]]))
    return {"short_answer_3_sources": short, "summary_3000_char_source": long_cases}


def judge_eval(
    model_name: str, items: Sequence[Item], aligned: GroundingCheck, n: int
) -> dict[str, Any]:
    from genaiops.models.catalog import builtin_models
    from genaiops.models.llamacpp import LlamaCppProvider

    cfg = builtin_models()[model_name].model_copy(update={"n_threads": 1})
    provider = LlamaCppProvider(model_name, cfg)
    provider.warm_up()
    judged = GroundingCheck(
        GroundingConfig(grounding_threshold=0.5, scorer="aligned"),
        aligned._get_embedder(),
        judge=provider,
    )
    # half supported, half unsupported, evenly spaced over the test split
    sample: list[Item] = []
    for label in ("supported", "unsupported"):
        pool = [it for it in items if it.label == label]
        step = max(1, len(pool) // (n // 2))
        sample += pool[::step][: n // 2]
    rows: list[dict[str, Any]] = []
    for it in sample:
        t0 = time.perf_counter()
        rep = judged.analyze(it.answer, [it.source], relevance=False)
        rows.append(
            {
                "label": it.label,
                "edit": it.edit,
                "judge": rep.judge_rating,
                "aligned": rep.heuristic_grounding,
                "blend": rep.grounding,
                "s": time.perf_counter() - t0,
            }
        )
    threshold = json.loads(ALIGN_METRICS.read_text())["threshold"]

    def acc(key: str, t: float) -> float | None:
        ok = [(r[key] >= t) == (r["label"] == "supported") for r in rows if r[key] is not None]
        return round(sum(ok) / len(ok), 4) if ok else None

    secs = [r["s"] for r in rows]
    return {
        "model": model_name,
        "threads": 1,
        "n": len(rows),
        "unparsed": sum(r["judge"] is None for r in rows),
        "accuracy_judge_alone_at_0.5": acc("judge", 0.5),
        "accuracy_aligned_alone": acc("aligned", threshold),
        "accuracy_blend_50_50": acc("blend", threshold),
        "seconds_per_answer_p50": round(stats.percentile(secs, 50), 2),
        "seconds_per_answer_p95": round(stats.percentile(secs, 95), 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=RESULTS / "a2b_grounding_paraphrase.json")
    ap.add_argument("--judge", default=None, help="a local catalog model to measure as judge")
    ap.add_argument("--judge-n", type=int, default=30)
    ap.add_argument("--latency-n", type=int, default=200)
    ap.add_argument(
        "--judge-only", action="store_true", help="only the judge measurement (needs --judge)"
    )
    args = ap.parse_args(argv)
    started = time.perf_counter()
    built = build()
    test = [it for it in built if it.split == "test"]
    val = [it for it in built if it.split == "val"]
    emb = CachingEmbedder(MiniLMEmbedder(threads=1), size=65536)
    align_t = float(json.loads(ALIGN_METRICS.read_text())["threshold"])
    if args.judge_only:
        aligned = GroundingCheck(
            GroundingConfig(grounding_threshold=align_t, scorer="aligned"), emb
        )
        out = result_header("A2b grounding: the local judge model") | {
            "judge": judge_eval(args.judge, test, aligned, args.judge_n),
            "wall_s": round(time.perf_counter() - started, 1),
        }
        print(json.dumps(out["judge"], indent=2))
        write_result(args.out.with_name("a2b_grounding_judge.json"), out)
        return 0
    lexical = GroundingCheck(GroundingConfig(grounding_threshold=LEXICAL_DEFAULT))
    # as the engine builds it: claims and source sentences on the policy's long-text
    # encoder (the quantized twin, the default; one text a call, as the engine's twin)
    twin = MiniLMQ8Embedder(batch_size=1, threads=1)
    aligned = GroundingCheck(
        GroundingConfig(grounding_threshold=align_t, scorer="aligned"),
        emb,
        sentence_embedder=CachingEmbedder(twin, size=65536),
    )

    labels = [it.label for it in test]
    lex_val = score_items(lexical, val)
    lex_val_t = val_threshold(lex_val, [it.label for it in val], 0.08)
    lex = score_items(lexical, test)
    ali = score_items(aligned, test)
    rows_h = load(HALUEVAL)
    a2_ali = halueval(aligned, rows_h)
    result: dict[str, Any] = result_header("A2b grounding of summaries and dialogue answers")
    result |= {
        "data": "benchmarks/grounding_paraphrase_set.py (seeded; SQuAD Normans, SciFact, "
        "Fenwick docs), test split of scripts/train/splits.py",
        "test_answers": len(test),
        "target": {"unsupported_caught": TARGET[0], "supported_blocked": TARGET[1]},
        "paraphrase_test": {
            "lexical_at_default": rates(lex, labels, LEXICAL_DEFAULT),
            "lexical_at_val_threshold": rates(lex, labels, lex_val_t),
            "aligned_at_val_threshold": rates(ali, labels, align_t),
            "aligned_sweep": [rates(ali, labels, t) for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)],
            "aligned_breakdown": breakdown(test, ali, align_t),
            "lexical_breakdown_at_default": breakdown(test, lex, LEXICAL_DEFAULT),
        },
        "a2_halueval_test_aligned": {
            "at_align_threshold": a2_rates(a2_ali, align_t),
            "sweep": [a2_rates(a2_ali, t) for t in (0.3, 0.5, 0.7, 0.8, 0.9, 0.96)],
            "lexical_reference": "90.0% / 0.0% at 0.96 (benchmarks/results/a2_grounding.json)",
        },
    }
    cases = latency_cases(test)
    inner = MiniLMEmbedder(threads=1)
    config = GroundingConfig(grounding_threshold=align_t, scorer="aligned")
    uncached = GroundingCheck(config, inner, sentence_embedder=twin)
    warm = GroundingCheck(config, inner, sentence_embedder=twin)
    result["latency_one_thread"] = {
        name: {
            "lexical": latency(lexical, cs, args.latency_n),
            "aligned_sources_cached": latency(warm, cs, min(args.latency_n, 100), inner, twin),
            "aligned_nothing_cached": latency(uncached, cs, min(args.latency_n, 60)),
        }
        for name, cs in cases.items()
    }
    if args.judge:
        result["judge"] = judge_eval(args.judge, test, aligned, args.judge_n)
    result["wall_s"] = round(time.perf_counter() - started, 1)

    pt = result["paraphrase_test"]
    print(f"A2b paraphrase set, test split: {len(test)} answers")
    print(
        table(
            [
                ["scorer", "threshold", "unsupported caught", "supported blocked"],
                *[
                    [
                        k,
                        f"{r['threshold']:.2f}",
                        f"{r['unsupported_caught']:.1%}",
                        f"{r['supported_blocked']:.1%}",
                    ]
                    for k, r in pt.items()
                    if k.startswith(("lexical_at", "aligned_at"))
                ],
            ]
        )
    )
    print("\naligned, per edit:")
    for g, r in pt["aligned_breakdown"]["edit"].items():
        print(
            f"  {g:10} caught {r['unsupported_caught']:.1%}  blocked {r['supported_blocked']:.1%}"
        )
    print("\nA2 HaluEval test with the aligned scorer:")
    for r in result["a2_halueval_test_aligned"]["sweep"]:
        print(
            f"  {r['threshold']:.2f}  caught {r['hallucinated_caught']:.1%}  "
            f"blocked {r['grounded_blocked']:.1%}"
        )
    print("\nlatency (one thread):")
    for name, d in result["latency_one_thread"].items():
        for k, lat in d.items():
            print(f"  {name:28} {k:24} p50 {lat['p50_ms']:7.2f} ms  p95 {lat['p95_ms']:7.2f} ms")
    if "judge" in result:
        print("\njudge:", json.dumps(result["judge"]))
    write_result(args.out, json.loads(scrub_paths(json.dumps(result))))
    print(f"\nwrote {args.out.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
