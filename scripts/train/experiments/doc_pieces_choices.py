"""Experiment: how many clean document pieces should the prompt-attack input head learn from?

    .venv/bin/python scripts/train/experiments/doc_pieces_choices.py [--data DATA]

The input head's negatives include sentences and runs of two or three sentences of clean
long texts of the train split (``train_prompt_attack.doc_pieces``), so that a clean
document's most instruction-like sentence does not score like an attack. The piece stage
of long inputs and of documents scores such parts with this head. For each count of
``COUNTS`` the model is trained as ``train_prompt_attack.py`` trains it (``train``), with
``--skip-test``: only the validation split is read, and nothing is written but the result.
Recorded per count: the validation table of the model card (every input and document row
at each strength, rounded as the card rounds it), the offsets, and the documents' recalls
for the chosen stage shares (the mean of BIPIA's and the long documents'). Writes
``benchmarks/results/doc_pieces_choices.json``; about 6 minutes a count.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "scripts" / "train"))

import train_prompt_attack as tpa  # noqa: E402

COUNTS = (3000, 8000, 16000, 32000)
OUT = REPO / "benchmarks" / "results" / "doc_pieces_choices.json"


def validation_rows(summary: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The rates of a summary by strength as the card's table has them: {measure: {n, low,
    medium, high}}, to 3 decimals (the thresholds are recorded with the offsets)."""
    strengths = ("low", "medium", "high")
    return {
        key: {"n": first[1], **{s: round(summary[s][key][0], 3) for s in strengths}}
        for key, first in summary["low"].items()
        if isinstance(first, list)
    }


def run(n: int, data: Path) -> dict[str, Any]:
    args = tpa.parse_args(["--data", str(data), "--skip-test", "--doc-pieces", str(n)])
    trained = tpa.train(args)
    meta = trained.meta
    return {
        "doc_pieces": n,
        "document_choice": {k: round(v, 3) for k, v in trained.document_recall.items()},
        "c_chosen": meta["c_chosen"],
        "input_piece_offset": meta["input_piece_offset"],
        "input_long_offset": meta["input_long_offset"],
        "document_offsets": meta["document_offsets"],
        "thresholds": meta["thresholds"],
        "validation": validation_rows(trained.val_summary),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=tpa.DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    results = []
    for n in COUNTS:
        r = run(n, args.data)
        v = r["validation"]
        tpa.say(
            f"doc pieces {n:>6}: input long buried {v['input:long_buried']['medium']:.3f}, "
            f"clean long inputs {v['input:long_doc_input']['medium']:.3f} / long benign "
            f"{v['input:long_benign']['medium']:.3f}; documents {r['document_choice']['mean']:.3f} "
            f"(BIPIA {r['document_choice']['bipia']:.3f}, long {r['document_choice']['long']:.3f}),"
            f" clean long documents {v['document:clean:long_doc']['medium']:.3f}",
        )
        results.append(r)
    args.out.write_text(
        json.dumps(
            {
                "experiment": "doc_pieces_choices",
                "command": "python scripts/train/experiments/doc_pieces_choices.py",
                "split": "validation only (--skip-test)",
                "results": results,
            },
            indent=2,
        )
        + "\n",
        "utf-8",
    )
    tpa.say(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
