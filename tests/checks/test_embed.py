"""The embedded judges' shared machinery: the fused ensemble computes what its members compute."""

from __future__ import annotations

import numpy as np
import pytest

from charter.checks._embed import Head, load_head


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


def test_one_text_pools_and_segments_bit_for_bit_as_in_a_batch() -> None:
    from charter.checks._embed import OPEN_TOKENS, TAIL_TOKENS, load_encoder

    enc = load_encoder()
    texts = [
        "Sure. Here are three steps. First, preheat the oven. Then mix the flour; finally bake it!",
        "No.",
        "word " * 300,  # longer than the opening and the tail views
        "Short one",
    ]
    ids = enc.token_ids(texts)
    targets = enc.pool(enc.token_ids(["how do I bake bread?"] * len(texts)))
    batch = enc.pool_views(ids, first=OPEN_TOKENS, last=TAIL_TOKENS)
    segments = enc.segment_similarity(ids, targets)
    for i in range(len(texts)):
        # a single text takes a shorter path (the gateway's case): the numbers must not move
        single = enc.pool_views([ids[i]], first=OPEN_TOKENS, last=TAIL_TOKENS)
        for view_of_one, view_of_all in zip(single, batch, strict=True):
            assert np.array_equal(view_of_one[0], view_of_all[i])
        assert np.array_equal(enc.segment_similarity([ids[i]], targets[i : i + 1])[0], segments[i])
