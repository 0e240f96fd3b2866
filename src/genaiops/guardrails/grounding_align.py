"""The aligned grounding scorer: paraphrase-tolerant support of one claim.

Each claim of an answer is aligned to its best source window with MiniLM (the cosine of
the claim and each source sentence, and each pair of adjacent sentences of one source, as
the normalised sum of their vectors: a claim that merges two sentences aligns with the
pair). Agreement features of the claim and the sources (the lexical check's support, the
shares of its terms found anywhere and in the aligned window, an unsupported number, name
or negation, a negation the aligned window does not share, a name or number swapped into
an otherwise copied sentence) and the cosines are combined
by a logistic regression trained on the train split of a paraphrase set built by
construction (``benchmarks/grounding_paraphrase_set.py``;
``scripts/train/train_grounding_align.py``). Its weights are
``models/grounding_align.npz`` (checked against the sha256 in :data:`WEIGHTS_SHA256`),
its card ``models/grounding_align.md``.

Pure numpy at run time; the embedder is the caller's (the project's cached MiniLM).
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from genaiops.errors import ConfigError

__all__ = [
    "ARTIFACT",
    "FEATURES",
    "WEIGHTS_SHA256",
    "AlignModel",
    "Alignment",
    "align",
    "features",
    "load_model",
    "pair_vectors",
    "substitution",
]

Vector = np.ndarray[Any, np.dtype[np.float32]]
Matrix = np.ndarray[Any, np.dtype[np.float32]]

#: the featurizer's output, in order (the weights file names them too)
FEATURES = (
    "heuristic",  # the lexical check's support of the claim (its caps applied)
    "lexical",  # share of the claim's term weight found anywhere in the sources
    "together",  # ... found in one passage window
    "cos_sentence",  # best cosine of the claim and one source sentence
    "cos_pair",  # best cosine of the claim and two adjacent sentences
    "aligned_cover",  # share of the claim's term weight found in the aligned window
    "missing_number",  # 1 when a number of the claim is in no source
    "missing_name",  # 1 when a name is in no source
    "missing_word_share",  # share of its ordinary words found nowhere
    "negation_mismatch",  # 1 when the claim and its aligned sentences disagree on negation
    "number_off_window",  # 1 when a number of the claim is in the sources, not the window
    "name_off_window",  # ... a name
    "opposite",  # 1 when the claim says a word whose opposite the window says instead
    "log_terms",  # log(1 + number of content terms)
    "short",  # 1 for a short claim (at most SHORT content terms: a QA-style answer)
    "short_heuristic",  # short x heuristic: a short answer leans on its exact terms
    "short_together",  # short x together
    "short_cos_sentence",  # short x cos_sentence
    "substitution",  # 1 when the claim copies its aligned sentences but for a name or
    # number put where another one stands ("all of Montgomery was" for "all of Wales was")
)
#: a claim of at most this many content terms is short ("Arthur's Magazine", "It costs $5")
SHORT = 3
#: sha256 of models/grounding_align.npz (the golden test ties it to this featurizer)
WEIGHTS_SHA256 = "0404abcd24925a609439c38defc9c1dd5647d66cb1ea44a3173451e38e8a66fa"
ARTIFACT = Path(__file__).resolve().parent / "models" / "grounding_align.npz"


@dataclass(frozen=True)
class Alignment:
    best: int  # index of the source sentence of highest cosine
    cos_sentence: float
    cos_pair: float  # best of the adjacent pairs (at least cos_sentence)
    pair_first: int | None  # first sentence of the best pair when it beats the sentence


def pair_vectors(vectors: Matrix, sources: Sequence[int]) -> tuple[Matrix, list[int]]:
    """The normalised sum of each two adjacent sentences of one source, and the index of
    the first sentence of each pair."""
    firsts = [i for i in range(len(sources) - 1) if sources[i] == sources[i + 1]]
    if not firsts:
        return np.zeros((0, vectors.shape[1]), dtype=np.float32), []
    idx = np.array(firsts)
    pairs = vectors[idx] + vectors[idx + 1]
    norms = np.linalg.norm(pairs, axis=1, keepdims=True)
    return (pairs / np.maximum(norms, 1e-9)).astype(np.float32), firsts


def align(
    claim_vec: Vector, sent_vecs: Matrix, pair_vecs: Matrix, firsts: Sequence[int]
) -> Alignment:
    """The claim's best source sentence and pair by MiniLM cosine."""
    cos = sent_vecs @ claim_vec
    best = int(np.argmax(cos))
    top = float(cos[best])
    if len(pair_vecs):
        pc = pair_vecs @ claim_vec
        k = int(np.argmax(pc))
        if float(pc[k]) > top:
            return Alignment(best, top, float(pc[k]), firsts[k])
    return Alignment(best, top, top, None)


_SUB_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W_]+(?:[-'][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;\n]\W*$")
#: a claim must share this share of its tokens with the aligned sentences, in order, for
#: a replaced name or number to count as a substitution (below: a paraphrase, not a copy)
SUBSTITUTION_MIN_SHARED = 0.6
#: a claim of more tokens (or aligned sentences of twice as many) is not compared: difflib
#: took 3 s on 500 repeated tokens, and a sentence of a summary is far shorter
SUBSTITUTION_MAX_TOKENS = 120


def _entity_tokens(text: str) -> list[tuple[str, bool]]:
    """(token, entity-like) of a text: numbers (commas dropped: "1,000" is "1000") and
    words with a digit or a capital that do not start a sentence."""
    out = []
    for m in _SUB_TOKEN.finditer(text):
        token = m.group()
        digit = any(c.isdigit() for c in token)
        if digit and token[0].isdigit():
            token = token.replace(",", "")
        starts = m.start() == 0 or bool(
            _SENTENCE_END.search(text[max(0, m.start() - 4) : m.start()])
        )
        out.append((token, digit or (token[0].isupper() and not starts)))
    return out


def substitution(claim: str, source: str) -> bool:
    """Whether ``claim`` repeats ``source`` (its aligned sentences) but for a name or a
    number standing where the source has another one: the entity swap of a summary that
    copies its source ("Roger of Montgomery" -> "almost all of Montgomery was subject",
    "the Mms21-branch" -> "the Smc21-branch"). Paraphrases that reword, reorder or replace
    a name by "they" do not count: the claim must share at least
    :data:`SUBSTITUTION_MIN_SHARED` of its tokens with the source in order, and both sides
    of a replaced run of up to three tokens must hold a name or number, none in common."""
    a = _entity_tokens(claim)
    b = _entity_tokens(source)
    if not a or not b or len(a) > SUBSTITUTION_MAX_TOKENS or len(b) > 2 * SUBSTITUTION_MAX_TOKENS:
        return False  # difflib is quadratic or worse on repetitive text: a sentence is short
    matcher = difflib.SequenceMatcher(
        a=[t.lower() for t, _ in a], b=[t.lower() for t, _ in b], autojunk=False
    )
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared < SUBSTITUTION_MIN_SHARED * len(a):
        return False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or i2 - i1 > 3 or j2 - j1 > 3:
            continue
        mine = {t.lower() for t, entity in a[i1:i2] if entity}
        theirs = {t.lower() for t, entity in b[j1:j2] if entity}
        if mine and theirs and mine.isdisjoint(theirs):
            return True
    return False


def features(
    *,
    heuristic: float,
    lexical: float,
    together: float,
    alignment: Alignment,
    aligned_cover: float,
    missing_number: bool,
    missing_name: bool,
    missing_word_share: float,
    negation_mismatch: bool,
    number_off_window: bool,
    name_off_window: bool,
    opposite: bool,
    n_terms: int,
    substituted: bool,
) -> tuple[float, ...]:
    """The feature vector of one claim, in :data:`FEATURES` order."""
    short = float(n_terms <= SHORT)
    return (
        heuristic,
        lexical,
        together,
        alignment.cos_sentence,
        alignment.cos_pair,
        aligned_cover,
        float(missing_number),
        float(missing_name),
        missing_word_share,
        float(negation_mismatch),
        float(number_off_window),
        float(name_off_window),
        float(opposite),
        math.log1p(n_terms),
        short,
        short * heuristic,
        short * together,
        short * alignment.cos_sentence,
        float(substituted),
    )


@dataclass(frozen=True)
class AlignModel:
    """Standardise, then a logistic regression: P(the claim is supported)."""

    mean: np.ndarray[Any, np.dtype[np.float64]]
    scale: np.ndarray[Any, np.dtype[np.float64]]
    coef: np.ndarray[Any, np.dtype[np.float64]]
    bias: float
    names: tuple[str, ...]

    def predict(self, x: Sequence[float]) -> float:
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale
        logit = float(z @ self.coef) + self.bias
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, logit))))

    def to_npz_dict(self) -> dict[str, Any]:
        return {
            "mean": self.mean,
            "scale": self.scale,
            "coef": self.coef,
            "bias": np.array([self.bias]),
            "names": np.array(self.names),
        }


@cache
def load_model() -> AlignModel:
    """The shipped weights, after checking their sha256 and feature names."""
    blob = ARTIFACT.read_bytes()
    digest = hashlib.sha256(blob).hexdigest()
    if digest != WEIGHTS_SHA256:
        raise ConfigError(
            f"guardrails/models/grounding_align.npz: sha256 {digest[:12]}... does not match the "
            f"featurizer's {WEIGHTS_SHA256[:12]}...; retrain with "
            "scripts/train/train_grounding_align.py or reinstall genaiops"
        )
    import io

    with np.load(io.BytesIO(blob)) as z:
        names = tuple(str(n) for n in z["names"])
        if names != FEATURES:
            raise ConfigError(
                f"guardrails/models/grounding_align.npz: features {names} are not the "
                f"featurizer's {FEATURES}; retrain with scripts/train/train_grounding_align.py"
            )
        return AlignModel(z["mean"], z["scale"], z["coef"], float(z["bias"][0]), names)
