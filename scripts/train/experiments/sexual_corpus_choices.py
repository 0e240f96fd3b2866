"""Experiment: does the sexual-content corpus part (``request_corpus_s.py``) belong in the
content heads' training data?

    .venv/bin/python scripts/train/experiments/sexual_corpus_choices.py [--data ../shared/data]

For each setting of ``SETTINGS`` (the corpus parts the content heads learn from, and the
gap rule of the heads' thresholds) the heads and the neighbour vote are trained as
``train_content_filter.py --part content`` trains them, into a temporary folder; for each
of ``VOTE_SETTINGS`` (the vote's categories and the corpus parts in its bank) only the vote
is trained, beside the shipped heads. Each is measured where the choice is made: the val
split's short sets of C12 (built harmful, explicit and benign requests, the benign ones per
kind; XSTest safe and unsafe; Do-Not-Answer) and the dev style probes A to E, through the
example policy at its own strengths and at the strictest (the whole policy, as C12 runs
it; the harm head and the screen as shipped: beside retrained heads the screen is refused
and every window embedded, which short texts never need). Probes F and S, which no choice
is made on, are not measured here. Writes ``benchmarks/results/sexual_corpus_choices.json``;
about a minute a setting with the embedding cache.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "scripts" / "train"))
sys.path.insert(0, str(REPO / "scripts" / "train" / "experiments"))

import common  # noqa: E402
import train_content_filter as tcf  # noqa: E402

#: the corpus parts of the heads (as shipped, with part s, and with part s's benign texts
#: only: part ``b``, made here from part s) and the gap rule of their thresholds; the vote,
#: retrained beside them, has the shipped bank
SETTINGS: tuple[tuple[str, bool], ...] = (
    ("1234567", False),
    ("1234567", True),
    ("1234567b", False),
    ("1234567b", True),
    ("1234567s", True),
    ("1234567s", False),
)
#: the neighbour vote beside the shipped heads: (categories, corpus parts in its bank)
VOTE_SETTINGS = (
    (("violence", "misconduct"), "1234567"),
    (("violence", "misconduct", "sexual"), "1234567"),
    (("violence", "misconduct"), "1234567s"),
    (("violence", "misconduct", "sexual"), "1234567s"),
)
SHORT_SETS = (
    "built harmful how-to",
    "built explicit requests",
    "built benign questions",
    "XSTest unsafe",
    "XSTest safe",
    "Do-Not-Answer",
)


def measure(artifact: Path, items: list[Any], topics: list[dict[str, Any]]) -> dict[str, Any]:
    """Blocked %, per set (and per kind of the built benign questions), at the example's
    strengths and at the strictest."""
    engines = common.c12_engines(topics, artifact)
    rows = common.c12_dev_rows(items, SHORT_SETS)
    out: dict[str, Any] = {}
    for setting, engine in engines.items():
        block: dict[str, Any] = {}
        for name, texts in rows.items():
            kinds: dict[str, list[bool]] = defaultdict(list)
            for text, kind in texts:
                kinds[kind].append(engine.apply(text, "input").blocked)
            flags = [b for v in kinds.values() for b in v]
            block[name] = round(100 * sum(flags) / len(flags), 1)
            if name == "val: built benign questions":
                for kind, v in sorted(kinds.items()):
                    block[f"{name}: {kind}"] = round(100 * sum(v) / len(v), 1)
        out[setting] = block
    return out


def main() -> int:
    args, cache, topics, items = common.c12_inputs(__doc__, "sexual_corpus_choices.json")
    shipped = tcf.CORPUS_PARTS
    # the heads' settings are measured with the vote's bank as shipped
    shipped_bank = tcf.NEIGHBOUR_CORPUS_PARTS
    import types

    import request_corpus_s

    benign_only = types.ModuleType("request_corpus_b")
    benign_only.HARMFUL = []  # type: ignore[attr-defined]
    benign_only.BENIGN = request_corpus_s.BENIGN  # type: ignore[attr-defined]
    sys.modules["request_corpus_b"] = benign_only
    results = []
    for parts, gap in SETTINGS:
        with tempfile.TemporaryDirectory() as tmp:
            tcf.CORPUS_PARTS = parts
            tcf.THRESHOLD_GAP = gap
            tcf.NEIGHBOUR_CORPUS_PARTS = shipped_bank
            tcf.train_content(args.data, cache, Path(tmp), 16.0)
            tcf.train_neighbours(args.data, cache, Path(tmp))
            row = {
                "corpus_parts": parts,
                "threshold_gap": gap,
                "vote_bank_parts": shipped_bank,
                "blocked_pct": measure(Path(tmp) / "content_filter.npz", items, topics),
            }
        results.append(row)
        tcf.say(str(row))
    tcf.CORPUS_PARTS = shipped
    tcf.THRESHOLD_GAP = False
    # the vote alone, beside the shipped heads: which categories, which corpus parts in its bank
    import shutil

    for categories, bank_parts in VOTE_SETTINGS:
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(tcf.MODELS / "content_filter.npz", tmp)
            tcf.NEIGHBOUR_CATEGORIES = categories
            tcf.NEIGHBOUR_CORPUS_PARTS = bank_parts
            tcf.train_neighbours(args.data, cache, Path(tmp))
            row = {
                "heads": "shipped",
                "vote_categories": list(categories),
                "vote_bank_parts": bank_parts,
                "blocked_pct": measure(Path(tmp) / "content_filter.npz", items, topics),
            }
        results.append(row)
        tcf.say(str(row))
    common.write_result(
        args.out,
        "the sexual-content corpus part for the content heads (val and dev probes A-E)",
        "sexual_corpus_choices.py",
        shipped={"corpus_parts": shipped, "vote_bank_parts": shipped_bank},
        results=results,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
