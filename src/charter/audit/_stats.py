"""Small, dependency-free statistics for audits: intervals for rates and paired tests.

* :func:`wilson` — Wilson score interval for a binomial proportion (Wilson 1927); it behaves at
  0 and n successes, where the normal ("Wald") interval collapses to a point.
* :func:`bootstrap_clustered` — percentile bootstrap of a mean when observations come in
  clusters (epochs of one case, cases of one statement): whole clusters are resampled with
  replacement, so correlated observations are never treated as independent.
* :func:`mcnemar` — McNemar's test on the discordant pairs of a paired comparison: exact
  two-sided binomial test when ``b + c < 25``, chi-square with continuity correction otherwise
  (``mid-p`` on request).
* :func:`proportion` — a rate with its Wilson interval as one :class:`Estimate` record.

Only numpy and the standard library are used (no scipy): the binomial tail is an exact sum of
integer binomial coefficients and the chi-square(1) tail is ``erfc(sqrt(x / 2))``.

Invalid arguments (negative counts, ``successes > n``, mismatched lengths) are programming errors
and raise :class:`ValueError`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal, NamedTuple

import numpy as np
from pydantic import BaseModel, ConfigDict

__all__ = [
    "Estimate",
    "Interval",
    "McNemar",
    "McNemarMethod",
    "binomial_cdf",
    "bootstrap_clustered",
    "bootstrap_clusters",
    "chi2_sf_1",
    "mcnemar",
    "proportion",
    "wilson",
]

#: Below this many discordant pairs :func:`mcnemar` uses the exact binomial test.
EXACT_BELOW = 25
#: Upper bound on ``iterations * clusters`` index draws held in memory at once by the bootstrap.
_CHUNK_CELLS = 500_000

McNemarMethod = Literal["auto", "exact", "mid-p", "chi2"]


class Interval(NamedTuple):
    """A confidence interval ``[low, high]`` (serialised as a two-element list)."""

    low: float
    high: float


class Estimate(BaseModel):
    """A rate with its confidence interval. ``value`` is ``None`` when nothing was measured (n=0)."""

    model_config = ConfigDict(frozen=True)

    value: float | None
    low: float
    high: float
    n: int
    method: str = "wilson"

    @property
    def ci(self) -> Interval:
        return Interval(self.low, self.high)

    def complement(self) -> Estimate:
        """The estimate of ``1 - rate`` (the interval flips: ``[1 - high, 1 - low]``)."""
        value = None if self.value is None else 1.0 - self.value
        return Estimate(value=value, low=1.0 - self.high, high=1.0 - self.low, n=self.n, method=self.method)


class McNemar(BaseModel):
    """Result of McNemar's test on ``b`` (A only) and ``c`` (B only) discordant pairs."""

    model_config = ConfigDict(frozen=True)

    b: int
    c: int
    statistic: float
    p_value: float
    method: Literal["exact", "mid-p", "chi2"]


def _check_counts(successes: int, n: int) -> None:
    if n < 0 or successes < 0:
        raise ValueError(f"counts must be non-negative (successes={successes}, n={n})")
    if successes > n:
        raise ValueError(f"successes ({successes}) cannot exceed n ({n})")


def wilson(successes: int, n: int, z: float = 1.96) -> Interval:
    """Wilson score interval for ``successes`` out of ``n``; ``(0, 1)`` when ``n == 0``.

    ``z`` is the normal quantile (1.96 for a 95% interval). The bounds are clipped to [0, 1] and are
    exactly 0 at 0 successes and exactly 1 at ``n`` successes.
    """
    _check_counts(successes, n)
    if z <= 0:
        raise ValueError(f"z must be positive, got {z}")
    if n == 0:
        return Interval(0.0, 1.0)
    p = successes / n
    z2 = z * z
    denominator = 1.0 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = (z / denominator) * math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n))
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return Interval(low, high)


def proportion(successes: int, n: int, z: float = 1.96) -> Estimate:
    """``successes / n`` with its Wilson interval; ``value`` is ``None`` when ``n == 0``."""
    low, high = wilson(successes, n, z)
    return Estimate(value=successes / n if n else None, low=low, high=high, n=n, method="wilson")


def bootstrap_clusters(
    sums: Sequence[float] | np.ndarray,
    counts: Sequence[int] | np.ndarray,
    *,
    iterations: int = 2000,
    seed: int = 0,
    alpha: float = 0.05,
) -> Interval:
    """Percentile bootstrap interval of ``sum(sums) / sum(counts)`` resampling whole clusters.

    ``sums[i]`` and ``counts[i]`` are the sum of the values and the number of values in cluster
    ``i``. Each replicate draws as many clusters as there are, with replacement, and takes the pooled
    mean of the drawn observations (a replicate that draws only empty clusters is skipped). Draws are
    vectorised with numpy in chunks of bounded memory and are deterministic for a given ``seed``.
    With no observations the interval is ``(0, 1)``, the uninformative interval for a rate.
    """
    if iterations < 1:
        raise ValueError(f"iterations must be at least 1, got {iterations}")
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}")
    sum_arr = np.asarray(sums, dtype=np.float64)
    count_arr = np.asarray(counts, dtype=np.float64)
    if sum_arr.shape != count_arr.shape or sum_arr.ndim != 1:
        raise ValueError("sums and counts must be one-dimensional and of the same length")
    if np.any(count_arr < 0):
        raise ValueError("cluster counts must be non-negative")
    k = int(sum_arr.size)
    if k == 0 or float(count_arr.sum()) == 0.0:
        return Interval(0.0, 1.0)
    rng = np.random.default_rng(seed)
    chunk = max(1, _CHUNK_CELLS // k)
    stats: list[np.ndarray] = []
    done = 0
    while done < iterations:
        size = min(chunk, iterations - done)
        index = rng.integers(0, k, size=(size, k))
        drawn_counts = count_arr[index].sum(axis=1)
        drawn_sums = sum_arr[index].sum(axis=1)
        keep = drawn_counts > 0
        stats.append(drawn_sums[keep] / drawn_counts[keep])
        done += size
    replicates = np.concatenate(stats)
    if replicates.size == 0:  # pragma: no cover - only when almost every cluster is empty
        return Interval(0.0, 1.0)
    low, high = np.quantile(replicates, [alpha / 2.0, 1.0 - alpha / 2.0])
    return Interval(float(low), float(high))


def bootstrap_clustered(
    values: Sequence[float | bool],
    clusters: Sequence[str],
    *,
    iterations: int = 2000,
    seed: int = 0,
    alpha: float = 0.05,
) -> Interval:
    """Percentile bootstrap interval of the mean of ``values``, resampling ``clusters`` with replacement.

    ``clusters[i]`` names the cluster of ``values[i]`` (booleans count as 0/1). Observations of one
    cluster are drawn together; the interval is the ``alpha/2`` and ``1 - alpha/2`` quantiles of
    ``iterations`` replicate means. Deterministic for a given ``seed``. ``(0, 1)`` with no values.
    """
    if len(values) != len(clusters):
        raise ValueError(f"values ({len(values)}) and clusters ({len(clusters)}) differ in length")
    index: dict[str, int] = {}
    codes = np.fromiter(
        (index.setdefault(c, len(index)) for c in clusters), dtype=np.int64, count=len(clusters)
    )
    data = np.asarray([float(v) for v in values], dtype=np.float64)
    sums = np.bincount(codes, weights=data, minlength=len(index)) if len(index) else np.zeros(0)
    counts = np.bincount(codes, minlength=len(index)) if len(index) else np.zeros(0)
    return bootstrap_clusters(sums, counts, iterations=iterations, seed=seed, alpha=alpha)


def binomial_cdf(k: int, n: int, p: float = 0.5) -> float:
    """``P(X <= k)`` for ``X ~ Binomial(n, p)``, summed exactly (rationals when ``p == 0.5``)."""
    if n < 0:
        raise ValueError(f"n must be non-negative, got {n}")
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    if p == 0.5:
        return sum(math.comb(n, i) for i in range(k + 1)) / (1 << n)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be in [0, 1], got {p}")
    return float(min(1.0, sum(math.comb(n, i) * p**i * (1.0 - p) ** (n - i) for i in range(k + 1))))


def _binomial_pmf_half(k: int, n: int) -> float:
    return math.comb(n, k) / (1 << n)


def chi2_sf_1(x: float) -> float:
    """Upper tail ``P(X >= x)`` of the chi-square distribution with one degree of freedom."""
    if x <= 0:
        return 1.0
    return math.erfc(math.sqrt(x / 2.0))


def mcnemar(b: int, c: int, *, method: McNemarMethod = "auto") -> McNemar:
    """McNemar's test for a paired comparison with ``b`` and ``c`` discordant pairs.

    ``auto`` (the default) uses the exact two-sided binomial test when ``b + c < 25`` and the
    chi-square test with continuity correction otherwise. ``exact``: ``p = min(1, 2 * P(X <= min(b, c)))``
    with ``X ~ Binomial(b + c, 1/2)`` and ``statistic = min(b, c)``. ``mid-p``: the exact p-value minus
    ``P(X = min(b, c))`` (less conservative). ``chi2``: ``statistic = (|b - c| - 1)^2 / (b + c)``
    (0 when ``|b - c| <= 1``) with the chi-square(1) upper tail. No discordant pairs gives ``p = 1``.
    """
    if b < 0 or c < 0:
        raise ValueError(f"discordant counts must be non-negative (b={b}, c={c})")
    n = b + c
    chosen: Literal["exact", "mid-p", "chi2"]
    if method == "auto":
        chosen = "exact" if n < EXACT_BELOW else "chi2"
    elif method in ("exact", "mid-p", "chi2"):
        chosen = method
    else:
        raise ValueError(f"unknown McNemar method {method!r}")
    if n == 0:
        return McNemar(b=b, c=c, statistic=0.0, p_value=1.0, method=chosen)
    if chosen == "chi2":
        corrected = max(0.0, abs(b - c) - 1.0)
        statistic = corrected * corrected / n
        return McNemar(b=b, c=c, statistic=statistic, p_value=chi2_sf_1(statistic), method="chi2")
    k = min(b, c)
    p_value = 2.0 * binomial_cdf(k, n)
    if chosen == "mid-p":
        p_value -= _binomial_pmf_half(k, n)
    return McNemar(b=b, c=c, statistic=float(k), p_value=min(1.0, p_value), method=chosen)
