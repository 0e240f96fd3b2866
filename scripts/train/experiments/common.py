"""What the experiments under ``scripts/train/experiments/`` share: their command line
(the data folder, the embedding cache, the result file) and how a result is written."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "scripts" / "train"))

import train_content_filter as tcf  # noqa: E402


def parse_args(doc: str | None, result: str) -> argparse.Namespace:
    """``--data``, ``--cache`` and ``--out`` (default ``benchmarks/results/RESULT``)."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=tcf.DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "genaiops-train")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / result)
    return parser.parse_args()


#: the dev style probes: choices are made on them and val, never on F, S or a test split
DEV_PROBES = ("a", "b", "c", "d", "e")


def _a5() -> Any:
    """The C12 benchmark module (``benchmarks/a5_denied_topics.py``)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    sys.path.insert(0, str(REPO / "benchmarks" / "data"))
    import a5_denied_topics

    return a5_denied_topics


def c12_inputs(
    doc: str | None, result: str
) -> tuple[argparse.Namespace, tcf.EmbeddingCache, list[dict[str, Any]], list[Any]]:
    """What the experiments that run C12's sets need: the command line (:func:`parse_args`),
    the training embedding cache, the A5 policy's denied topics and A5's items."""
    import yaml

    a5 = _a5()
    args = parse_args(doc, result)
    cache = tcf.EmbeddingCache(args.cache / "minilm_vectors.npz")
    topics = yaml.safe_load(a5.POLICY.read_text("utf-8"))["denied_topics"]
    return args, cache, topics, a5.load_items(args.data)


def c12_engines(topics: list[dict[str, Any]], artifact: Path) -> dict[str, Any]:
    """C12's guardrail engines by setting (``default``: the example policy; ``strictest``),
    their content filter on the heads of ``artifact`` (and the vote beside it), sharing
    one MiniLM embedder."""
    import genaiops.guardrails.content_filter as cf
    from genaiops.guardrails.engine import GuardrailEngine
    from genaiops.knowledge.embedders import CachingEmbedder, MiniLMEmbedder

    cf.ARTIFACT = artifact
    shared = CachingEmbedder(MiniLMEmbedder(threads=1), size=20000)
    return {
        name: GuardrailEngine(name, policy, embedder=shared)
        for name, policy in _a5().settings_policies(topics).items()
    }


def c12_dev_rows(items: list[Any], short_sets: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """(text, kind) per row where choices are made: C12's val sets named ``short_sets``
    ("val: NAME"), then each dev probe's harmful and benign requests (kind "-")."""
    from content_sets import style_probes

    val = _a5().issue12_sets(items, "val")
    probes = style_probes()
    rows = {f"val: {name}": val[name] for name in short_sets}
    for p in DEV_PROBES:
        for label in ("harmful", "benign"):
            rows[f"probe {p} {label}"] = [(t, "-") for t in probes[f"{p}_{label}"]]
    return rows


def write_result(out: Path, experiment: str, script: str, **fields: Any) -> None:
    """The experiment's JSON record: what it is, when, the command, then ``fields``."""
    record = {
        "experiment": experiment,
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": f"python scripts/train/experiments/{script}",
        **fields,
    }
    out.write_text(json.dumps(record, indent=1) + "\n", "utf-8")
    tcf.say(f"wrote {out}")
