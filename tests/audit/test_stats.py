"""Statistics: Wilson intervals, McNemar's test and the clustered bootstrap against known values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from charter.audit._stats import (
    Estimate,
    Interval,
    binomial_cdf,
    bootstrap_clustered,
    bootstrap_clusters,
    chi2_sf_1,
    mcnemar,
    proportion,
    wilson,
)

# Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I (score method),
# plus the 0/10, 5/10 and 10/10 values found in every textbook table of the Wilson interval.
KNOWN_WILSON = [
    (0, 10, 0.0, 0.2775),
    (5, 10, 0.2366, 0.7634),
    (10, 10, 0.7225, 1.0),
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("successes", "n", "low", "high"), KNOWN_WILSON)
def test_wilson_matches_published_values(successes: int, n: int, low: float, high: float) -> None:
    interval = wilson(successes, n)
    assert interval.low == pytest.approx(low, abs=1e-4)
    assert interval.high == pytest.approx(high, abs=1e-4)


def test_wilson_edges_are_exact_and_empty_is_uninformative() -> None:
    assert wilson(0, 10).low == 0.0
    assert wilson(10, 10).high == 1.0
    assert wilson(0, 0) == Interval(0.0, 1.0)
    # a wider z gives a wider interval
    narrow, wide = wilson(3, 10, z=1.0), wilson(3, 10, z=2.576)
    assert wide.low < narrow.low < narrow.high < wide.high


@pytest.mark.parametrize(("successes", "n"), [(-1, 3), (4, 3), (0, -1)])
def test_wilson_rejects_invalid_counts(successes: int, n: int) -> None:
    with pytest.raises(ValueError):
        wilson(successes, n)


def test_proportion_and_complement() -> None:
    estimate = proportion(1, 4)
    assert estimate.value == 0.25
    assert estimate.ci == wilson(1, 4)
    assert estimate.method == "wilson"
    flipped = estimate.complement()
    assert flipped.value == 0.75
    assert flipped.low == pytest.approx(1 - estimate.high)
    assert flipped.high == pytest.approx(1 - estimate.low)
    empty = proportion(0, 0)
    assert empty.value is None and (empty.low, empty.high) == (0.0, 1.0) and empty.n == 0
    assert Estimate.model_validate_json(estimate.model_dump_json()) == estimate


def test_binomial_cdf_hand_values() -> None:
    assert binomial_cdf(1, 10) == pytest.approx(11 / 1024)
    assert binomial_cdf(2, 10) == pytest.approx(56 / 1024)
    assert binomial_cdf(1, 3, 0.3) == pytest.approx(0.343 + 0.441)
    assert binomial_cdf(-1, 5) == 0.0
    assert binomial_cdf(5, 5) == 1.0


def test_chi2_tail_matches_known_quantiles() -> None:
    assert chi2_sf_1(3.841458820694124) == pytest.approx(0.05, abs=1e-9)
    assert chi2_sf_1(6.634896601021214) == pytest.approx(0.01, abs=1e-9)
    assert chi2_sf_1(0.0) == 1.0


def test_mcnemar_exact_matches_hand_computation() -> None:
    # b=1, c=9: P(X <= 1) = (C(10,0) + C(10,1)) / 2^10 = 11/1024; two-sided p = 22/1024
    result = mcnemar(1, 9)
    assert result.method == "exact"
    assert result.p_value == pytest.approx(22 / 1024)
    assert result.statistic == 1.0
    # b=2, c=8: (1 + 10 + 45) / 1024 doubled
    assert mcnemar(8, 2).p_value == pytest.approx(112 / 1024)
    # symmetric counts: p is capped at 1
    assert mcnemar(3, 3).p_value == 1.0
    assert mcnemar(0, 0).p_value == 1.0


def test_mcnemar_mid_p_and_chi2() -> None:
    # mid-p subtracts P(X = 1) = 10/1024 from the exact p-value
    assert mcnemar(1, 9, method="mid-p").p_value == pytest.approx(12 / 1024)
    assert mcnemar(4, 4, method="mid-p").p_value == pytest.approx(1.0)
    # (|10 - 30| - 1)^2 / 40 = 9.025
    chi = mcnemar(10, 30)
    assert chi.method == "chi2"
    assert chi.statistic == pytest.approx(9.025)
    assert chi.p_value == pytest.approx(math.erfc(math.sqrt(9.025 / 2)))
    assert chi.p_value == pytest.approx(0.002663, abs=1e-6)


def test_mcnemar_switches_to_chi2_at_25_discordant_pairs() -> None:
    assert mcnemar(12, 12).method == "exact"
    assert mcnemar(12, 13).method == "chi2"
    assert mcnemar(12, 13, method="exact").method == "exact"
    with pytest.raises(ValueError):
        mcnemar(-1, 2)


def test_exact_and_chi2_agree_for_large_samples() -> None:
    exact = mcnemar(40, 70, method="exact").p_value
    chi = mcnemar(40, 70, method="chi2").p_value
    assert exact == pytest.approx(chi, rel=0.15)


def test_bootstrap_is_deterministic_for_a_seed() -> None:
    rng = np.random.default_rng(1)
    values = (rng.random(300) < 0.4).tolist()
    clusters = [f"c{i // 3}" for i in range(300)]
    first = bootstrap_clustered(values, clusters, seed=7)
    assert first == bootstrap_clustered(values, clusters, seed=7)
    assert first != bootstrap_clustered(values, clusters, seed=8)
    mean = sum(values) / len(values)
    assert first.low < mean < first.high


def test_bootstrap_resamples_whole_clusters() -> None:
    # 20 clusters of 10 identical values: the information is that of 20 observations, not 200
    values = [float(i % 2) for i in range(20) for _ in range(10)]
    clusters = [str(i) for i in range(20) for _ in range(10)]
    clustered = bootstrap_clustered(values, clusters, iterations=4000)
    independent = bootstrap_clustered(values, [str(i) for i in range(200)], iterations=4000)
    assert clustered.high - clustered.low > 2.0 * (independent.high - independent.low)
    reference = wilson(10, 20)
    assert clustered.high - clustered.low == pytest.approx(reference.high - reference.low, abs=0.08)


def test_bootstrap_edge_cases() -> None:
    assert bootstrap_clustered([], []) == Interval(0.0, 1.0)
    assert bootstrap_clustered([1, 1, 0], ["a", "a", "a"]) == pytest.approx(Interval(2 / 3, 2 / 3))
    assert bootstrap_clusters([1.0, 0.0], [0, 0]) == Interval(0.0, 1.0)
    with pytest.raises(ValueError):
        bootstrap_clustered([1.0], ["a", "b"])
    with pytest.raises(ValueError):
        bootstrap_clustered([1.0], ["a"], iterations=0)


def test_bootstrap_chunking_does_not_change_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import charter.audit._stats as stats

    values = [float(i % 3 == 0) for i in range(90)]
    clusters = [str(i // 2) for i in range(90)]
    whole = bootstrap_clustered(values, clusters, iterations=500, seed=3)
    monkeypatch.setattr(stats, "_CHUNK_CELLS", 45 * 7)  # 7 replicates per chunk
    chunked = bootstrap_clustered(values, clusters, iterations=500, seed=3)
    # same generator stream, drawn in several chunks of rows
    assert chunked == pytest.approx(whole)


def test_bootstrap_coverage_is_close_to_nominal() -> None:
    """95% intervals on clustered data cover the true mean in roughly 95% of simulated samples."""
    rng = np.random.default_rng(2024)
    true_mean, covered, trials = 0.3, 0, 200
    for trial in range(trials):
        # 40 clusters of 5 with a cluster effect: p_cluster ~ Beta(3, 7) (mean 0.3)
        p = rng.beta(3, 7, size=40)
        values = (rng.random((40, 5)) < p[:, None]).astype(float).ravel().tolist()
        clusters = [str(i) for i in range(40) for _ in range(5)]
        interval = bootstrap_clustered(values, clusters, iterations=400, seed=trial)
        covered += interval.low <= true_mean <= interval.high
    assert 0.86 <= covered / trials <= 0.99
