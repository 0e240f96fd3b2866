"""Experiment: which corpus parts belong in the neighbour vote's bank?

    .venv/bin/python scripts/train/experiments/vote_bank_choices.py [--data ../shared/data]

For each bank of ``BANKS`` (the corpus parts whose texts join the vote's bank; the heads
and the screen stay as shipped) the vote is trained beside the shipped heads, into a
temporary folder, and measured as ``sexual_corpus_choices.py`` measures: the val split's
short sets of C12 and the dev style probes A to E, through the example policy at its own
strengths and at the strictest. Probes F and S, which no choice is made on, are not
measured here. Parts 8 (short blunt questions, harmful and benign) and 9 (medical,
first-aid, IT and workplace look-alikes with harmful twins) were written for the heads and
not used there (``CORPUS_PARTS``); part 9's brief named two of probe C's benign questions,
so C says little about it. Writes ``benchmarks/results/vote_bank_choices.json``; about a
minute a bank with the embedding cache.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "scripts" / "train" / "experiments"))

import common  # noqa: E402
import sexual_corpus_choices as scc  # noqa: E402

tcf = common.tcf

#: the corpus parts in the bank: as shipped, and with parts 8, 9 or both
BANKS = ("1234567s", "1234567s8", "1234567s9", "1234567s89")


def main() -> int:
    args, cache, topics, items = common.c12_inputs(__doc__, "vote_bank_choices.json")
    shipped = tcf.NEIGHBOUR_CORPUS_PARTS
    results = []
    for parts in BANKS:
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(tcf.MODELS / "content_filter.npz", tmp)
            tcf.NEIGHBOUR_CORPUS_PARTS = parts
            tcf.train_neighbours(args.data, cache, Path(tmp))
            row = {
                "vote_bank_parts": parts,
                "blocked_pct": scc.measure(Path(tmp) / "content_filter.npz", items, topics),
            }
        results.append(row)
        tcf.say(str(row))
    tcf.NEIGHBOUR_CORPUS_PARTS = shipped
    common.write_result(
        args.out,
        "corpus parts in the neighbour vote's bank (val and dev probes A-E)",
        "vote_bank_choices.py",
        shipped={"vote_bank_parts": shipped},
        results=results,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
