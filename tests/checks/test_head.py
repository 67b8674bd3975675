"""The embedded judges' trained heads: the fused ensemble computes what its members compute, and a head
survives a save and a load."""

from __future__ import annotations

import numpy as np
import pytest

from charter.checks._embed import featurize, refusal_inputs
from charter.checks._head import Head, load_head
from charter.exceptions import CheckError


@pytest.mark.parametrize("name", ["refusal_head", "harm_head"])
def test_fused_ensemble_equals_the_member_loop(name: str) -> None:
    shipped = load_head(name)
    head = Head(shipped.name, shipped.classes, shipped.mean, shipped.scale, shipped.members, shipped.meta)
    rng = np.random.default_rng(7)
    x = (rng.normal(size=(300, head.mean.shape[0])) * head.scale + head.mean).astype(np.float32)
    assert head._fused is not None
    fused = head.predict_proba(x)
    single = np.vstack([head.predict_proba(x[i : i + 1]) for i in range(5)])
    head.__dict__["_fused"] = None  # the member-by-member path
    loop = head.predict_proba(x)
    assert fused.shape == loop.shape == (300, len(head.classes))
    np.testing.assert_allclose(fused, loop, atol=1e-5)
    np.testing.assert_allclose(single, loop[:5], atol=1e-5)
    assert (fused.argmax(axis=1) == loop.argmax(axis=1)).all()
    np.testing.assert_allclose(fused.sum(axis=1), 1.0, atol=1e-5)


def test_heads_without_one_hidden_layer_use_the_member_loop() -> None:
    rng = np.random.default_rng(3)
    linear = ((rng.normal(size=(4, 2)).astype(np.float32), np.zeros(2, dtype=np.float32)),)
    head = Head("linear", ("a", "b"), np.zeros(4, np.float32), np.ones(4, np.float32), (linear, linear), {})
    assert head._fused is None
    proba = head.predict_proba(rng.normal(size=(3, 4)).astype(np.float32))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)


def test_head_roundtrip_and_shape_check(tmp_path: pytest.TempPathFactory) -> None:
    head = load_head("refusal_head")
    path = tmp_path / "copy.npz"  # type: ignore[operator]
    head.save(path)
    with np.load(path, allow_pickle=False) as data:
        copy = Head.from_npz("copy", data)
    x = refusal_inputs(featurize(["q"], ["Sure, here you go: 42."]))
    assert np.allclose(copy.predict_proba(x), head.predict_proba(x))
    with pytest.raises(CheckError):
        head.predict_proba(x[:, :10])
