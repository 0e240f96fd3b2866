"""What the experiments under ``scripts/train/experiments/`` share: their command line
(the data folder, the embedding cache, the result file) and how a result is written."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
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


def c12_inputs(
    doc: str | None, result: str
) -> tuple[argparse.Namespace, tcf.EmbeddingCache, list[dict[str, Any]], list[Any]]:
    """What the experiments that run C12's sets need: the command line (:func:`parse_args`),
    the training embedding cache, the A5 policy's denied topics and A5's items."""
    import yaml

    sys.path.insert(0, str(REPO / "benchmarks"))
    sys.path.insert(0, str(REPO / "benchmarks" / "data"))
    import a5_denied_topics as a5

    args = parse_args(doc, result)
    cache = tcf.EmbeddingCache(args.cache / "minilm_vectors.npz")
    topics = yaml.safe_load(a5.POLICY.read_text("utf-8"))["denied_topics"]
    return args, cache, topics, a5.load_items(args.data)


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
