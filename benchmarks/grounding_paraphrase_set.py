"""A grounding dev set of summaries and dialogue answers, labelled by construction.

Sources (read from ``../shared/data`` and the example project, never shipped in the
package): SQuAD 2.0 paragraphs (the Normans article, CC BY-SA 4.0), SciFact abstracts
(ODC-By 1.0; a seeded sample of those between 400 and 1,600 characters) and the Fenwick
example's Markdown and text documents (business policies and product pages written for
this project).

Each answer is built from 2 to 4 sentences of one source:

* **supported**: a faithful paraphrase. Sentences are reordered, merged (``, and``/``;``),
  shortened (parentheses and a trailing clause dropped), words replaced by synonyms from
  the list below, numbers restated (``3`` <-> ``three``, ``1,000`` -> ``1000``, ``50%`` ->
  ``50 percent``), a repeated subject replaced by ``they``/``it``/``the company``/``the
  researchers``, and the whole wrapped as a dialogue reply ("Sure! ...", "In short, ...")
  half the time.
* **unsupported**: the same kind of paraphrase with exactly one sentence edited by one of:
  a changed number, a swapped name (another name of the same source first: the hard case,
  then one of another source), an inserted or removed negation, a word replaced by its
  opposite, or an added sentence taken from another source of the same corpus.

The label is known by construction for the answer and for each of its sentences (which one
was edited), never decided by a model. Each source falls in ``train``/``val``/``test`` by
``scripts/train/splits.py`` (``split_of`` of the source text), so all answers of one
source share its split. Everything is seeded: the same call gives the same set.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SQUAD = SHARED / "rag_qa" / "squad_v2" / "dev-v2.0_normans.json"
SCIFACT = SHARED / "rag_retrieval" / "scifact" / "corpus.jsonl.gz"
FENWICK = ROOT / "examples" / "fenwick" / "docs"
SEED = 20261202
N_SCIFACT = 260
PER_SOURCE = 3  # supported and unsupported answers per source (each)

sys.path.insert(0, str(ROOT / "scripts" / "train"))
from splits import split_of  # noqa: E402

from genaiops.guardrails.claims import split_sentences  # noqa: E402

#: meaning-preserving replacements (either direction is a faithful paraphrase)
SYNONYMS: dict[str, str] = {
    "began": "started",
    "begin": "start",
    "showed": "found",
    "shows": "finds",
    "demonstrated": "showed",
    "demonstrate": "show",
    "increased": "rose",
    "decreased": "fell",
    "large": "big",
    "important": "key",
    "approximately": "about",
    "received": "got",
    "purchase": "buy",
    "purchased": "bought",
    "customers": "buyers",
    "required": "needed",
    "requires": "needs",
    "used": "employed",
    "using": "employing",
    "study": "research",
    "method": "approach",
    "methods": "approaches",
    "result": "outcome",
    "results": "findings",
    "significant": "notable",
    "significantly": "markedly",
    "associated": "linked",
    "rapidly": "quickly",
    "several": "a number of",
    "many": "numerous",
    "located": "situated",
    "called": "known as",
    "became": "turned into",
    "conquered": "took over",
    "established": "set up",
    "obtain": "get",
    "obtained": "got",
    "identified": "found",
    "suggest": "indicate",
    "suggests": "indicates",
    "reduced": "lowered",
    "reduce": "lower",
    "enhanced": "boosted",
    "assessed": "evaluated",
    "examined": "looked at",
    "investigated": "studied",
    "observed": "noticed",
    "individuals": "people",
    "participants": "subjects",
    "provides": "offers",
    "provide": "offer",
    "allowed": "permitted",
    "must": "have to",
    "within": "inside",
    "days": "days",
    "employees": "staff",
    "staff": "employees",
    "contact": "reach",
    "help": "assist",
    "receive": "get",
    "return": "send back",
    "returned": "sent back",
    "begins": "starts",
    "ended": "finished",
    "fought": "battled",
    "ruled": "governed",
    "leader": "chief",
    "famous": "well known",
    "region": "area",
    "people": "population",
    "known": "recognised",
    "major": "main",
    "primary": "main",
    "additional": "extra",
    "ability": "capacity",
    "often": "frequently",
    "common": "widespread",
    "included": "comprised",
    "includes": "covers",
    "include": "cover",
    "following": "after",
    "prior": "before",
    "eligible": "entitled",
    "charge": "fee",
    "fee": "charge",
    "cost": "price",
    "costs": "is priced at",
    "free": "at no cost",
    "weeks": "weeks",
    "mice": "mouse models",
    "patients": "people treated",
    "levels": "amounts",
    "higher": "greater",
    "lower": "smaller",
    "effect": "impact",
    "effects": "impacts",
    "role": "part",
    "function": "role",
    "expression": "production",
    "mechanism": "process",
    "promotes": "encourages",
    "inhibits": "blocks",
    "essential": "crucial",
    "critical": "crucial",
    "novel": "new",
    "previously": "earlier",
    "subsequently": "later",
    "determine": "find out",
    "determined": "found out",
    "data": "evidence",
    "analysis": "examination",
    "evaluated": "assessed",
}

#: a word and its opposite (an edit that makes the sentence false)
OPPOSITES: dict[str, str] = {
    "increased": "decreased",
    "increase": "decrease",
    "increases": "decreases",
    "higher": "lower",
    "more": "fewer",
    "before": "after",
    "first": "last",
    "positive": "negative",
    "large": "small",
    "larger": "smaller",
    "improved": "worsened",
    "early": "late",
    "earlier": "later",
    "north": "south",
    "east": "west",
    "won": "lost",
    "accepted": "rejected",
    "included": "excluded",
    "maximum": "minimum",
    "above": "below",
    "longer": "shorter",
    "promotes": "inhibits",
    "enhanced": "reduced",
    "reduced": "raised",
    "strong": "weak",
    "high": "low",
    "always": "rarely",
    "allowed": "forbidden",
    "required": "optional",
    "free": "charged for",
    "full": "partial",
    "younger": "older",
    "major": "minor",
    "success": "failure",
    "successful": "unsuccessful",
    "same": "different",
    "similar": "different",
    "common": "rare",
    "activation": "suppression",
    "upregulated": "downregulated",
    "gain": "loss",
    "entered": "left",
    "supported": "opposed",
}
OPPOSITES |= {v: k for k, v in list(OPPOSITES.items()) if v not in OPPOSITES}

NUMBER_WORDS = {
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
    "10": "ten",
    "12": "twelve",
    "20": "twenty",
}
WORD_NUMBERS = {v: k for k, v in NUMBER_WORDS.items()}
PREFIXES = (
    "Sure! ",
    "Good question. ",
    "Here's a quick summary: ",
    "From what I can see, ",
    "In short, ",
    "Happy to help. ",
    "So, ",
)
SUFFIXES = ("", " Let me know if you want more detail.", " Hope that helps!", "")
AUX = re.compile(
    r"\b(is|are|was|were|has|have|had|can|will|could|would|should|did|does|do)\b(?! not\b)"
)


@dataclass
class Source:
    id: str
    corpus: str  # squad | scifact | fenwick
    text: str
    sentences: list[str]
    split: str
    subject: str  # how a paraphrase refers back to the source's subject


@dataclass
class Item:
    id: str
    corpus: str
    split: str
    source: str
    answer: str
    label: str  # "supported" | "unsupported"
    edit: str  # "" for supported; else number | name | negation | opposite | added
    # (start, end, supported) of each answer sentence: which one was edited
    parts: list[tuple[int, int, bool]] = field(default_factory=list)
    style: str = "summary"  # summary | dialogue

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _usable(sentence: str) -> bool:
    words = sentence.split()
    return (
        8 <= len(words) <= 45
        and sentence.rstrip().endswith((".", "!"))
        and not sentence.lstrip().startswith(("#", "-", "*", "|", ">"))
        and "http" not in sentence
    )


def load_sources(rng: random.Random) -> list[Source]:
    out: list[Source] = []
    squad = json.loads(SQUAD.read_text(encoding="utf-8"))
    for art in squad["data"]:
        for k, para in enumerate(art["paragraphs"]):
            out.append(_source(f"squad-{k}", "squad", para["context"], "they"))
    with gzip.open(SCIFACT, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    pool = [d for d in docs if 400 <= len(d["text"]) <= 1600]
    for d in rng.sample(pool, N_SCIFACT):
        out.append(_source(f"scifact-{d['_id']}", "scifact", d["text"], "the researchers"))
    for path in sorted(FENWICK.glob("*")):
        if path.suffix in (".md", ".txt"):
            text = path.read_text(encoding="utf-8")
            out.append(_source(f"fenwick-{path.stem}", "fenwick", text, "the company"))
    return [s for s in out if len(s.sentences) >= 3]


def _source(sid: str, corpus: str, text: str, subject: str) -> Source:
    sents = [_clean(s.text) for s in split_sentences([text]) if _usable(_clean(s.text))]
    return Source(sid, corpus, text, sents, split_of(text), subject)


# -- faithful rewriting ---------------------------------------------------------------------


def _match_case(new: str, old: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() else new


def synonyms(s: str, rng: random.Random, rate: float = 0.6) -> str:
    def sub(m: re.Match[str]) -> str:
        w = m.group(0)
        rep = SYNONYMS.get(w.lower())
        if w[:1].isupper() and m.start() > 0:  # part of a name ("Warburg Effect")
            return w
        return _match_case(rep, w) if rep and rng.random() < rate else w

    return re.sub(r"[A-Za-z]+", sub, s)


def restate_numbers(s: str, rng: random.Random) -> str:
    def sub(m: re.Match[str]) -> str:
        w = m.group(0)
        if rng.random() < 0.5:
            return w
        if w in NUMBER_WORDS:
            return NUMBER_WORDS[w]
        if w.lower() in WORD_NUMBERS:
            return WORD_NUMBERS[w.lower()]
        if re.fullmatch(r"\d{1,3}(,\d{3})+", w):
            return w.replace(",", "")
        return w

    s = re.sub(r"(?<![\d.,$])\b(\d+(?:,\d{3})*|[A-Za-z]+)\b(?![.,]\d)", sub, s)
    return re.sub(r"(\d)%", lambda m: m.group(1) + " percent" if rng.random() < 0.5 else m[0], s)


def shorten(s: str, rng: random.Random) -> str:
    s = re.sub(r"\s*\([^()]*\)", "", s)  # parentheses add detail a summary can drop
    cut = re.sub(
        r"^(However|Moreover|Furthermore|In addition|Additionally|Thus|Therefore|Overall),\s+",
        "",
        s,
    )
    if cut != s:
        s = cut[:1].upper() + cut[1:]
    # a trailing ", which/while/including ..." clause: dropped half the time
    m = re.search(r",\s+(which|while|including|whereas|although)\b", s)
    if m and m.start() > 40 and rng.random() < 0.5:
        s = s[: m.start()] + "."
    return s


def refer_back(s: str, subject: str, rng: random.Random) -> str:
    """Replace the sentence's opening subject with a reference ("they", "the company")."""
    if subject == "the researchers" and re.match(r"We\b", s):
        return "The researchers" + s[2:]
    if subject == "the company":
        return re.sub(r"\bFenwick Cycles\b|\bFenwick\b", lambda m: "the company", s, count=1)
    m = re.match(r"The ([A-Z][a-z]+)\s+(were|are|had|have)\b", s)
    if m and rng.random() < 0.7:
        return "They " + s[len(m.group(0)) - len(m.group(2)) :]
    return s


def merge(a: str, b: str, rng: random.Random) -> str:
    opener = re.match(r"(The|This|These|It|They|A|An|In|On|At|We)\b", b)
    b2 = b[0].lower() + b[1:] if opener else b
    joiner = rng.choice([", and ", "; "])
    return a.rstrip(".!") + joiner + b2


def paraphrase(src: Source, picked: list[str], rng: random.Random) -> list[str]:
    sents = [shorten(s, rng) for s in picked]
    if rng.random() < 0.5:
        rng.shuffle(sents)
    sents = [restate_numbers(synonyms(s, rng), rng) for s in sents]
    sents = [sents[0]] + [refer_back(s, src.subject, rng) for s in sents[1:]]
    if src.corpus == "fenwick":
        sents = [refer_back(s, src.subject, rng) for s in sents]
        sents = [s[0].upper() + s[1:] for s in sents]
    if len(sents) >= 2 and rng.random() < 0.5:
        k = rng.randrange(len(sents) - 1)
        sents[k : k + 2] = [merge(sents[k], sents[k + 1], rng)]
    return sents


# -- unsupported edits ----------------------------------------------------------------------

_NUM = re.compile(r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\w]|[.,]\d)")
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)")


def edit_number(s: str, rng: random.Random) -> str | None:
    nums = list(_NUM.finditer(s))
    words = [m for m in re.finditer(r"\b[A-Za-z]+\b", s) if m.group(0).lower() in WORD_NUMBERS]
    if not nums and not words:
        return None
    if nums:
        m = rng.choice(nums)
        raw = m.group(1).replace(",", "")
        if "." in raw:
            new = f"{float(raw) * rng.choice((1.5, 2, 0.5)) + 0.1:.{len(raw.split('.')[1])}f}"
        else:
            v = int(raw)
            if 1000 <= v <= 2100:  # a year
                new = str(v + rng.choice((-12, -3, 2, 7, 21)))
            else:
                new = str(max(1, v + rng.choice((1, 2, 5, 10)) if v < 20 else v * 2 + 1))
            if "," in m.group(1):
                new = f"{int(new):,}"
        if new == m.group(1):
            return None
        return s[: m.start(1)] + new + s[m.end(1) :]
    m = rng.choice(words)
    v = int(WORD_NUMBERS[m.group(0).lower()]) + rng.choice((1, 2, 3))
    return s[: m.start()] + _match_case(NUMBER_WORDS.get(str(v), str(v)), m.group(0)) + s[m.end() :]


def edit_name(s: str, src: Source, others: list[Source], rng: random.Random) -> str | None:
    here = [m for m in _NAME.finditer(s) if m.group(1) not in ("I",)]
    if not here:
        return None
    m = rng.choice(here)
    own = {n.group(1) for t in src.sentences for n in _NAME.finditer(t)} - {
        n.group(1) for n in here
    }
    own = {n for n in own if n not in s and m.group(1) not in n and n not in m.group(1)}
    if own and rng.random() < 0.6:
        new = rng.choice(sorted(own))
    else:
        other = rng.choice(others)
        pool = sorted({n.group(1) for t in other.sentences for n in _NAME.finditer(t)})
        pool = [n for n in pool if n not in src.text]
        if not pool:
            return None
        new = rng.choice(pool)
    return s[: m.start(1)] + new + s[m.end(1) :]


def edit_negation(s: str, rng: random.Random) -> str | None:
    if re.search(r"\b(not|never)\s", s):
        return re.sub(r"\b(not|never)\s", "", s, count=1)
    if re.search(r"n't\b", s):
        return re.sub(r"n't\b", "", s, count=1)
    m = AUX.search(s)
    if m is None:
        return None
    return s[: m.end()] + " not" + s[m.end() :]


def edit_opposite(s: str, rng: random.Random) -> str | None:
    found = [m for m in re.finditer(r"[A-Za-z]+", s) if m.group(0).lower() in OPPOSITES]
    if not found:
        return None
    m = rng.choice(found)
    return s[: m.start()] + _match_case(OPPOSITES[m.group(0).lower()], m.group(0)) + s[m.end() :]


def added_sentence(src: Source, others: list[Source], rng: random.Random) -> str | None:
    same = [o for o in others if o.corpus == src.corpus and o.id != src.id] or others
    other = rng.choice(same)
    if not other.sentences:
        return None
    s = shorten(rng.choice(other.sentences), rng)
    return refer_back(s, src.subject, rng)


EDITS = ("number", "name", "negation", "opposite", "added")


def apply_edit(
    kind: str, s: str, src: Source, others: list[Source], rng: random.Random
) -> str | None:
    if kind == "number":
        return edit_number(s, rng)
    if kind == "name":
        return edit_name(s, src, others, rng)
    if kind == "negation":
        return edit_negation(s, rng)
    return edit_opposite(s, rng)


def build(seed: int = SEED, per_source: int = PER_SOURCE) -> list[Item]:
    """The whole set, every split (filter on ``item.split``)."""
    rng = random.Random(seed)
    sources = load_sources(rng)
    items: list[Item] = []
    for src in sources:
        others = [o for o in sources if o.id != src.id and o.split == src.split]
        for k in range(per_source * 2):
            want = "supported" if k % 2 == 0 else "unsupported"
            n = rng.randint(2, min(4, len(src.sentences)))
            start = rng.randrange(len(src.sentences) - n + 1)
            picked = (
                src.sentences[start : start + n]
                if rng.random() < 0.6
                else rng.sample(src.sentences, n)
            )
            sents = paraphrase(src, picked, rng)
            labels = [True] * len(sents)
            edit = ""
            if want == "unsupported":
                order = [e for e in EDITS if e != "added"]
                rng.shuffle(order)
                if rng.random() < 0.2:  # an added claim, or one when no sentence can be edited
                    order.insert(0, "added")
                else:
                    order.append("added")
                for kind in order:
                    if kind == "added":
                        new = added_sentence(src, others, rng)
                        if new:
                            j = rng.randrange(len(sents))
                            sents.insert(j + 1, new)
                            labels.insert(j + 1, False)
                            edit = kind
                            break
                        continue
                    targets = list(range(len(sents)))
                    rng.shuffle(targets)
                    for j in targets:
                        new = apply_edit(kind, sents[j], src, others, rng)
                        if new and new != sents[j]:
                            sents[j] = new
                            labels[j] = False
                            edit = kind
                            break
                    if edit:
                        break
                if not edit:
                    continue
            style = "summary"
            prefix = suffix = ""
            if rng.random() < 0.5:
                style = "dialogue"
                prefix, suffix = rng.choice(PREFIXES), rng.choice(SUFFIXES)
            parts: list[tuple[int, int, bool]] = []
            text = prefix
            for sent, ok in zip(sents, labels, strict=True):
                s = sent
                if text and not text.endswith(" "):
                    text += " "
                if text == prefix and prefix and prefix.rstrip().endswith(","):
                    s = (
                        s[0].lower() + s[1:]
                        if re.match(r"(The|This|These|It|They|A|An)\b", s)
                        else s
                    )
                if not s.endswith((".", "!", "?")):
                    s += "."
                parts.append((len(text), len(text) + len(s), ok))
                text += s
            text += suffix
            items.append(
                Item(
                    f"{src.id}-{k}", src.corpus, src.split, src.text, text, want, edit, parts, style
                )
            )
    return items


if __name__ == "__main__":
    built = build()
    from collections import Counter

    print(Counter((i.split, i.label) for i in built))
    print(Counter(i.edit for i in built))
    r = random.Random(1)
    for it in r.sample(built, 8):
        print(f"\n[{it.corpus} {it.label} {it.edit}] {it.answer}")
