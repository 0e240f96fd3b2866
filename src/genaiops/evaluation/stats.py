"""Statistics for evaluation results, numpy only: how sure is a score, is a difference real.

* :func:`bootstrap_ci`: the mean and its percentile-bootstrap confidence interval
  (resampling items with replacement; seeded, so a report is reproducible).
* :func:`paired_test`: two candidates on the *same* items. The unit is the per-item
  difference ``a - b``, which removes the items' own difficulty from the comparison (a
  hard item is hard for both), so it needs far fewer items than comparing two separate
  means. It reports the paired-bootstrap interval of the mean difference and a two-sided
  sign-flip permutation p-value (exact for up to 16 items with a non-zero difference,
  Monte Carlo beyond). A difference is called only when both agree: the interval
  excludes 0 *and* p < 1 - level. Otherwise it is a tie: the data cannot tell them apart,
  whatever the means say.
* :func:`repeat_stats`: run-to-run variation from repeats (items x repeats): the
  standard deviation of the run means, and the mean within-item standard deviation.

Scores that do not apply to an item (NaN here) are dropped before anything is computed;
a paired test keeps the items both candidates have.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product
from typing import Literal

import numpy as np
import numpy.typing as npt

__all__ = [
    "Interval",
    "PairedComparison",
    "RepeatStats",
    "bootstrap_ci",
    "paired_test",
    "repeat_stats",
]

FloatArray = npt.NDArray[np.float64]
_BATCH = 256  # bootstrap resamples drawn at once (bounds memory at n x 256)
_EXACT_MAX = 16  # sign-flip permutations enumerated exactly up to 2**16


@dataclass(frozen=True)
class Interval:
    mean: float
    low: float
    high: float
    n: int
    level: float = 0.95

    def to_dict(self) -> dict[str, float]:
        return {"mean": self.mean, "low": self.low, "high": self.high, "n": float(self.n)}


@dataclass(frozen=True)
class PairedComparison:
    n: int  # items both candidates have
    mean_diff: float  # mean of a - b
    low: float  # its bootstrap interval
    high: float
    p_value: float  # two-sided sign-flip permutation test
    verdict: Literal["a", "b", "tie"]  # which is better, or a tie

    def to_dict(self) -> dict[str, float | int | str]:
        return {
            "n": self.n,
            "mean_diff": self.mean_diff,
            "low": self.low,
            "high": self.high,
            "p_value": self.p_value,
            "verdict": self.verdict,
        }


@dataclass(frozen=True)
class RepeatStats:
    repeats: int
    run_means: tuple[float, ...]  # the mean over items of each repeat
    sd_between_runs: float  # standard deviation of the run means (ddof 1)
    mean_item_sd: float  # mean over items of each item's sd across repeats (ddof 1)


def _clean(values: Sequence[float] | FloatArray) -> FloatArray:
    x = np.asarray(values, dtype=np.float64).ravel()
    return x[~np.isnan(x)]


def _boot_means(x: FloatArray, n_boot: int, rng: np.random.Generator) -> FloatArray:
    out = np.empty(n_boot, dtype=np.float64)
    for start in range(0, n_boot, _BATCH):
        size = min(_BATCH, n_boot - start)
        idx = rng.integers(0, len(x), size=(size, len(x)))
        out[start : start + size] = x[idx].mean(axis=1)
    return out


def bootstrap_ci(
    values: Sequence[float] | FloatArray,
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> Interval:
    """The mean of ``values`` (NaN dropped) with its percentile-bootstrap interval."""
    x = _clean(values)
    if len(x) == 0:
        return Interval(math.nan, math.nan, math.nan, 0, level)
    mean = float(x.mean())
    if len(x) == 1 or np.all(x == x[0]):
        return Interval(mean, mean, mean, len(x), level)
    means = _boot_means(x, n_boot, np.random.default_rng(seed))
    alpha = (1 - level) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])
    return Interval(mean, float(low), float(high), len(x), level)


def _sign_flip_p(d: FloatArray, n_perm: int, rng: np.random.Generator) -> float:
    """Two-sided p-value of mean(d) under random signs (H0: no difference)."""
    nz = d[d != 0]
    if len(nz) == 0:
        return 1.0
    observed = abs(nz.sum())
    tol = 1e-12 * max(1.0, observed)
    if len(nz) <= _EXACT_MAX:
        signs = np.array(list(product((1.0, -1.0), repeat=len(nz))))
        sums = np.abs(signs @ nz)
        return float(np.mean(sums >= observed - tol))
    hits = 0
    for start in range(0, n_perm, _BATCH):
        size = min(_BATCH, n_perm - start)
        signs = rng.choice((-1.0, 1.0), size=(size, len(nz)))
        hits += int(np.sum(np.abs(signs @ nz) >= observed - tol))
    return (hits + 1) / (n_perm + 1)


def paired_test(
    a: Sequence[float] | FloatArray,
    b: Sequence[float] | FloatArray,
    *,
    n_boot: int = 2000,
    n_perm: int = 10_000,
    level: float = 0.95,
    seed: int = 0,
) -> PairedComparison:
    """Compare two candidates scored on the same items (``a[i]`` and ``b[i]`` are item i).

    Items where either is NaN are dropped. The verdict names the better one only when
    the interval of the mean difference excludes 0 and the permutation p-value is below
    ``1 - level``; otherwise it is a tie."""
    xa = np.asarray(a, dtype=np.float64).ravel()
    xb = np.asarray(b, dtype=np.float64).ravel()
    if xa.shape != xb.shape:
        raise ArithmeticError(f"paired scores need the same items ({len(xa)} vs {len(xb)})")
    keep = ~(np.isnan(xa) | np.isnan(xb))
    d = xa[keep] - xb[keep]
    if len(d) == 0:
        return PairedComparison(0, math.nan, math.nan, math.nan, 1.0, "tie")
    rng = np.random.default_rng(seed)
    ci = bootstrap_ci(d, n_boot=n_boot, level=level, seed=seed)
    p = _sign_flip_p(d, n_perm, rng)
    significant = p < 1 - level and (ci.low > 0 or ci.high < 0)
    verdict: Literal["a", "b", "tie"] = "tie"
    if significant:
        verdict = "a" if ci.mean > 0 else "b"
    return PairedComparison(len(d), ci.mean, ci.low, ci.high, p, verdict)


def repeat_stats(matrix: Sequence[Sequence[float]] | FloatArray) -> RepeatStats:
    """Run-to-run variation from an items x repeats matrix (NaN: not applicable)."""
    m = np.asarray(matrix, dtype=np.float64)
    if m.ndim != 2 or m.shape[1] == 0:
        return RepeatStats(0, (), math.nan, math.nan)
    with np.errstate(all="ignore"):
        cols = [_clean(m[:, j]) for j in range(m.shape[1])]
        run_means = tuple(float(c.mean()) if len(c) else math.nan for c in cols)
        finite = [x for x in run_means if not math.isnan(x)]
        between = float(np.std(finite, ddof=1)) if len(finite) > 1 else math.nan
        item_sds = [float(np.std(_clean(row), ddof=1)) for row in m if len(_clean(row)) > 1]
    within = float(np.mean(item_sds)) if item_sds else math.nan
    return RepeatStats(m.shape[1], run_means, between, within)
