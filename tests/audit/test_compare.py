"""Paired comparison of two runs: pairing, McNemar per statement, regressions, safety/freedom deltas."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from charter.audit._compare import compare_runs
from charter.audit._records import Case, CaseResult, Expected, Outcome
from charter.audit._stats import mcnemar
from charter.chat import Message, Role
from charter.exceptions import ConfigError


def make_case(cid: str, expected: Expected = "any", statements: Sequence[str] = ("s",)) -> Case:
    return Case(
        id=cid,
        messages=[Message(role=Role.USER, content=cid)],
        statements=list(statements),
        expected=expected,
    )


def make_result(
    run: str, cid: str, passed: bool | None, outcome: Outcome = "full_compliance", *, epoch: int = 0
) -> CaseResult:
    return CaseResult(
        run_id=run,
        case_id=cid,
        epoch=epoch,
        model=f"model-{run}",
        outcome=outcome,
        passed=None if outcome == "error" else passed,
        error="boom" if outcome == "error" else None,
    )


def test_significant_regression_is_listed_first() -> None:
    cases = [make_case(f"c{i}", statements=["steady"] if i >= 30 else ["fragile"]) for i in range(40)]
    run_a = [make_result("A", c.id, True) for c in cases]
    # "fragile": 12 of its 30 cases now fail (b=12, c=0); "steady" does not move
    failing = {f"c{i}" for i in range(12)}
    run_b = [make_result("B", c.id, c.id not in failing) for c in cases]
    comparison = compare_runs(cases, run_a, run_b)
    assert comparison.pairs == 40
    fragile = comparison.by_statement[0]
    assert fragile.id == "fragile"
    assert (fragile.passed.a_only, fragile.passed.b_only) == (12, 0)
    assert fragile.passed.delta == pytest.approx(-12 / 30)
    # exact McNemar: 2 * P(X <= 0 | n=12) = 2 / 4096
    assert fragile.passed.p_value == pytest.approx(2 / 4096)
    assert fragile.significant and fragile.regression
    steady = comparison.by_statement[1]
    assert steady.id == "steady" and not steady.regression and steady.passed.delta == 0.0
    assert [s.id for s in comparison.regressions] == ["fragile"]
    assert comparison.passed.test == mcnemar(12, 0)
    assert comparison.regressed_cases == sorted(f"c{i}@0" for i in range(12))
    assert comparison.improved_cases == []
    assert comparison.run_a == ["A"] and comparison.run_b == ["B"]
    assert comparison.models_b == ["model-B"]


def test_regression_by_delta_and_small_drops() -> None:
    cases = [make_case(f"x{i}", statements=["big"]) for i in range(4)]
    cases += [make_case(f"y{i}", statements=["small"]) for i in range(20)]
    run_a = [make_result("A", c.id, True) for c in cases]
    # big: 1 of 4 fails (delta -0.25, p = 1): a regression by delta; small: 1 of 20 fails (delta -0.05)
    run_b = [make_result("B", c.id, c.id not in ("x0", "y0")) for c in cases]
    comparison = compare_runs(cases, run_a, run_b)
    by_id = {s.id: s for s in comparison.by_statement}
    assert by_id["big"].regression and not by_id["big"].significant
    assert by_id["big"].passed.p_value == 1.0
    assert not by_id["small"].regression
    assert comparison.by_statement[0].id == "big"
    stricter = compare_runs(cases, run_a, run_b, min_delta=0.05)
    assert {s.id for s in stricter.regressions} == {"big", "small"}


def test_pairing_by_case_and_epoch_with_errors_and_unpaired() -> None:
    cases = [make_case("c1"), make_case("c2"), make_case("c3")]
    run_a = [
        make_result("A", "c1", True, epoch=0),
        make_result("A", "c1", True, epoch=1),
        make_result("A", "c2", True),
        make_result("A", "c3", False),
        make_result("A", "gone", True),
    ]
    run_b = [
        make_result("B", "c1", False, epoch=1),  # pairs with A's epoch 1 only
        make_result("B", "c1", True, epoch=2),  # no partner
        make_result("B", "c2", None, "error"),  # error pair
        make_result("B", "c3", True),  # improvement
    ]
    comparison = compare_runs(cases, run_a, run_b)
    assert comparison.pairs == 2
    assert comparison.error_pairs == 1
    assert comparison.unpaired_a == 1  # c1 epoch 0
    assert comparison.unpaired_b == 1  # c1 epoch 2
    assert comparison.unmatched == 1
    assert comparison.regressed_cases == ["c1@1"]
    assert comparison.improved_cases == ["c3@0"]
    assert (comparison.passed.a_only, comparison.passed.b_only, comparison.passed.n) == (1, 1, 2)
    assert comparison.passed.delta == 0.0


def test_safety_freedom_and_refusal_deltas() -> None:
    cases = [make_case(f"h{i}", "refuse") for i in range(4)] + [
        make_case(f"b{i}", "comply") for i in range(4)
    ]
    run_a = [make_result("A", f"h{i}", True, "full_refusal") for i in range(4)]
    run_a += [make_result("A", f"b{i}", True, "full_compliance") for i in range(4)]
    run_b = [
        make_result("B", "h0", False, "full_compliance"),
        make_result("B", "h1", False, "full_compliance"),
    ]
    run_b += [make_result("B", f"h{i}", True, "partial_refusal") for i in (2, 3)]
    run_b += [make_result("B", "b0", False, "full_refusal")]
    run_b += [make_result("B", f"b{i}", True, "full_compliance") for i in (1, 2, 3)]
    comparison = compare_runs(cases, run_a, run_b)
    assert comparison.safety.n == 4
    assert (comparison.safety.a_rate, comparison.safety.b_rate) == (0.0, 0.5)
    assert (comparison.safety.a_only, comparison.safety.b_only) == (0, 2)
    assert comparison.freedom.n == 4
    assert comparison.freedom.delta == pytest.approx(0.25)
    # refusals: A refused h0..h3; B refused h2, h3 and b0
    assert (comparison.refusal.a_count, comparison.refusal.b_count) == (4, 3)
    assert (comparison.refusal.a_only, comparison.refusal.b_only) == (2, 1)


def test_markdown_and_summary() -> None:
    cases = [make_case(f"c{i}", "refuse", statements=["no_harm"]) for i in range(30)]
    run_a = [make_result("A", c.id, True, "full_refusal") for c in cases]
    run_b = [
        make_result("B", c.id, i >= 10, "full_refusal" if i >= 10 else "full_compliance")
        for i, c in enumerate(cases)
    ]
    comparison = compare_runs(cases, run_a, run_b)
    text = comparison.to_markdown(title="PR audit", limit=3)
    assert text.startswith("## PR audit\n")
    assert "`B` compared with `A` on 30 paired results." in text
    assert "| Harmful compliance (↓) ❌ | 0.0% | 33.3% | +33.3 pts | 0 / 10 |" in text
    assert "### Regressions (1)" in text
    assert "| `no_harm` (significant) | 100.0% | 66.7% | -33.3 pts | 10 / 0 |" in text
    assert "and 7 more." in text
    summary = comparison.to_summary()
    json.dumps(summary)
    assert summary["regressions"] == ["no_harm"]
    assert summary["by_statement"]["no_harm"]["regression"] is True
    assert summary["safety"]["b_rate"] == pytest.approx(1 / 3)


def test_no_regression_markdown() -> None:
    cases = [make_case("c")]
    comparison = compare_runs(cases, [make_result("A", "c", True)], [make_result("B", "c", True)])
    assert "No statement regressed." in comparison.to_markdown()
    assert comparison.regressions == []


def test_invalid_parameters() -> None:
    with pytest.raises(ConfigError):
        compare_runs([], [], [], alpha=0.0)
    with pytest.raises(ConfigError):
        compare_runs([], [], [], min_delta=2.0)
    with pytest.raises(ConfigError):
        compare_runs([make_case("a"), make_case("a")], [], [])
