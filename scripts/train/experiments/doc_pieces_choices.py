"""Experiment: how many clean document pieces should the prompt-attack input head learn from?

    .venv/bin/python scripts/train/experiments/doc_pieces_choices.py [--data DATA]

The input head's negatives include sentences and runs of two or three sentences of clean
long texts of the train split (``train_prompt_attack.doc_pieces``), so that a clean
document's most instruction-like sentence does not score like an attack. The piece stage
of long inputs and of documents scores such parts with this head. For each count of
``COUNTS`` the model is trained as ``train_prompt_attack.py`` trains it, into a temporary
folder, with ``--skip-test``: only the validation split is read. Recorded per count: the
validation table of the model card (every input and document row at each strength), the
offsets, and the document stages' choice (the mean of BIPIA's and the long documents'
recalls). Writes ``benchmarks/results/doc_pieces_choices.json``; about 6 minutes a count.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "scripts" / "train"))

import train_prompt_attack as tpa  # noqa: E402

COUNTS = (3000, 8000, 16000, 32000)
OUT = REPO / "benchmarks" / "results" / "doc_pieces_choices.json"
_ROW = re.compile(r"^\| (\S+) \| (\d*) \| ([\d.]+|nan) \| ([\d.]+|nan) \| ([\d.]+|nan) \|$")
_CHOICE = re.compile(r"document ([\d.]+) \(BIPIA ([\d.]+), long ([\d.]+); window stage FPR")


def validation_rows(card: str) -> dict[str, dict[str, Any]]:
    """The card's validation table: {measure: {n, low, medium, high}}."""
    part = card[
        card.index("### Validation") : card.index("### Test") if "### Test" in card else None
    ]
    rows: dict[str, dict[str, Any]] = {}
    for line in part.splitlines():
        m = _ROW.match(line)
        if m:
            rows[m.group(1)] = {
                "n": int(m.group(2)) if m.group(2) else None,
                **{s: float(m.group(i)) for i, s in ((3, "low"), (4, "medium"), (5, "high"))},
            }
    return rows


def run(n: int, data: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "prompt_attack.npz"
        log = io.StringIO()
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            tpa.main(
                ["--data", str(data), "--out", str(out), "--skip-test", "--doc-pieces", str(n)]
            )
        card = out.with_suffix(".md").read_text("utf-8")
        meta = tpa.PromptAttackModel.load(out).meta
    choices = [tuple(float(x) for x in m.groups()) for m in _CHOICE.finditer(log.getvalue())]
    best = max(choices, key=lambda c: c[0])
    return {
        "doc_pieces": n,
        "document_choice": {"mean": best[0], "bipia": best[1], "long": best[2]},
        "c_chosen": meta["c_chosen"],
        "input_piece_offset": meta["input_piece_offset"],
        "input_long_offset": meta["input_long_offset"],
        "document_offsets": meta["document_offsets"],
        "thresholds": meta["thresholds"],
        "validation": validation_rows(card),
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
