"""The one split of the public development sets: every training script and benchmark uses it.

``split_of(key)`` puts a text in ``train`` (60%), ``val`` (20%) or ``test`` (20%) by a salted
hash, so a text lands in the same split whichever script reads it (XSTest, Do-Not-Answer,
HaluEval queries, BIPIA, ...). Reported figures come from ``test`` only; training uses
``train``, thresholds ``val``. Near-duplicates (jailbreak templates) are grouped first and
split by group (:func:`near_duplicate_groups`); small strata are split by hash rank
(:func:`ranked_split`). The salt is historical (the prompt-attack check used it first).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

SPLIT_SALT = "genaiops-prompt-attack-v1"


def bucket(key: str) -> int:
    return int(hashlib.sha256(f"{SPLIT_SALT}|{key}".encode()).hexdigest()[:12], 16) % 100


def split_of(key: str) -> str:
    b = bucket(key)
    return "train" if b < 60 else "val" if b < 80 else "test"


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def near_duplicate_groups(texts: Sequence[str], threshold: float = 0.5) -> list[int]:
    """Union-find over pairs with Jaccard(5-word shingles) >= threshold -> group id."""
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sh = [_shingles(t) for t in texts]
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sh):
        for g in s:
            index[g].append(i)
    for i, s in enumerate(sh):
        overlap: dict[int, int] = defaultdict(int)
        for g in s:
            for j in index[g]:
                if j > i:
                    overlap[j] += 1
        for j, common in overlap.items():
            if common / (len(s) + len(sh[j]) - common) >= threshold:
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(texts))]


def ranked_split(items: Sequence[str], test_share: float, val_share: float) -> dict[str, str]:
    """Within one stratum: rank by hash, the first share goes to test, the next to val."""
    ranked = sorted(items, key=lambda t: (bucket(t), t))
    n = len(ranked)
    n_test = max(1, round(n * test_share))
    n_val = max(1, round(n * val_share))
    return {
        t: "test" if i < n_test else "val" if i < n_test + n_val else "train"
        for i, t in enumerate(ranked)
    }


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a dev-set JSONL file (gzip when it ends in ``.gz``), blank lines skipped."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)
