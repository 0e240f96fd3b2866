"""G-AB: does the quantized long-text encoder change the topic and content checks' decisions?

    .venv/bin/python benchmarks/g_encoder_ab.py

The policy key ``long_text_encoder: quantized`` (the default) embeds the windows of long
texts with MiniLM on 8-bit integer products (``genaiops.knowledge.quantize``) instead of
the exact model the heads were trained with, and the static screen's margins were
measured against exact vectors. This benchmark checks both on long texts the checks never
trained on, with the example company's content filters and denied topics at their own
strengths, as input:

* 3,000-character slices of the example's documents (clean);
* clean business documents composed from the test split's templates
  (``benchmarks/data/prompt_attack_sets.py``);
* each test-split harmful how-to request and each benign question of
  ``benchmarks/data/content_sets.py`` buried in the middle of such a document.

Four configurations: exact or quantized encoder, each with and without the screen.
Reported per set: blocked share per configuration, the documents on which a
configuration's decision differs from "exact, no screen" (the reference: every window
embedded exactly), and the largest change of the highest content-filter probability and
topic score between the two encoders without the screen.

Writes ``benchmarks/results/g_encoder_ab.json``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts" / "train"))
from content_sets import benign_questions, harmful_howto
from prompt_attack_sets import bury, compose, long_documents

from a5_denied_topics import example_documents
from bench_common import EXAMPLE, RESULTS, result_header, table
from genaiops.config_guardrails import GuardrailPolicyConfig
from genaiops.guardrails.content_filter import ContentFilterCheck
from genaiops.guardrails.denied_topics import DeniedTopicCheck
from genaiops.knowledge.embedders import (
    CachingEmbedder,
    MiniLMEmbedder,
    quantized_twin,
)

CONFIGS = ("exact, no screen", "exact, screen", "quantized, no screen", "quantized, screen")


def sets() -> dict[str, list[str]]:
    rng = random.Random("g-encoder-ab")

    def buried(texts: list[str]) -> list[str]:
        return [bury(compose("test", rng)[0], t, "middle", rng)[0] for t in texts]

    clean = long_documents("test", [], n_clean=60, host_share=0.0, seed=7)[1]
    return {
        "example documents (clean)": example_documents(),
        "composed documents (clean)": [d.text for d in clean],
        "harmful how-to, buried": buried([i.text for i in harmful_howto() if i.split == "test"]),
        "benign questions, buried": buried(
            [i.text for i in benign_questions() if i.split == "test"]
        ),
    }


def main() -> int:
    t0 = time.perf_counter()
    example = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    policy = GuardrailPolicyConfig.model_validate(
        {
            k: example["guardrails"]["company-default"][k]
            for k in ("content_filters", "denied_topics")
        }
    )
    exact = CachingEmbedder(MiniLMEmbedder(threads=1), size=100_000)
    twin = quantized_twin(exact)
    checks: dict[str, tuple[ContentFilterCheck, DeniedTopicCheck]] = {}
    for name in CONFIGS:
        long = twin if name.startswith("quantized") else exact
        screen = name.endswith(", screen")
        assert policy.content_filters is not None
        checks[name] = (
            ContentFilterCheck(policy.content_filters, exact, screen=screen, long_embedder=long),
            DeniedTopicCheck(policy.denied_topics, exact, screen=screen, long_embedder=long),
        )
        for check in checks[name]:
            check.warm_up()
    rows = [["set", "n", *CONFIGS, "differs (any)", "max |d| content", "max |d| topic"]]
    out: dict[str, Any] = {}
    for set_name, texts in sets().items():
        blocked: dict[str, list[bool]] = {c: [] for c in CONFIGS}
        top: dict[str, list[tuple[float, float]]] = {c: [] for c in CONFIGS}
        for text in texts:
            for name, (content, topics) in checks.items():
                hit = bool(content.check(text, "input") or topics.check(text, "input"))
                blocked[name].append(hit)
                if name.endswith("no screen"):
                    probs, _ = content.window_scores(text)
                    score = max(s.score for s in topics.evaluate(text))
                    top[name].append((float(probs.max()), float(score)))
        ref = blocked["exact, no screen"]
        differs = {
            c: [i for i, (a, b) in enumerate(zip(ref, blocked[c], strict=True)) if a != b]
            for c in CONFIGS[1:]
        }
        d_content = max(
            abs(a[0] - b[0])
            for a, b in zip(top["exact, no screen"], top["quantized, no screen"], strict=True)
        )
        d_topic = max(
            abs(a[1] - b[1])
            for a, b in zip(top["exact, no screen"], top["quantized, no screen"], strict=True)
        )
        any_diff = sorted({i for v in differs.values() for i in v})
        out[set_name] = {
            "n": len(texts),
            "blocked": {c: sum(v) / len(v) for c, v in blocked.items()},
            "differs_from_exact_no_screen": {c: len(v) for c, v in differs.items()},
            "max_abs_delta_content_probability": d_content,
            "max_abs_delta_topic_score": d_topic,
        }
        rows.append(
            [
                set_name,
                str(len(texts)),
                *(f"{sum(blocked[c]) / len(texts):.3f}" for c in CONFIGS),
                str(len(any_diff)),
                f"{d_content:.3f}",
                f"{d_topic:.3f}",
            ]
        )
    print("blocked share per configuration; documents whose decision differs from exact, no screen")
    print(table(rows))
    result = result_header("g_encoder_ab") | {
        "policy": "examples/fenwick company-default: content_filters and denied_topics, input",
        "sets": out,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    path = RESULTS / "g_encoder_ab.json"
    import json

    path.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"wrote {path.relative_to(RESULTS.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
