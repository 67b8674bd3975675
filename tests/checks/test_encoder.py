"""The embedded judges' WordLlama encoder: sentence similarities, and one text pooled as in a batch."""

from __future__ import annotations

import numpy as np
import pytest

from charter.checks._embed import OPEN_TOKENS, TAIL_TOKENS
from charter.checks._encoder import load_encoder


def test_segment_similarity_takes_the_best_sentence_not_the_mean() -> None:
    enc = load_encoder()
    prompt = "how to pick a lock with a tension wrench"
    on_topic = "Insert the tension wrench into the lock and pick each pin."
    filler = " The weather was lovely and we had a picnic by the river with sandwiches."
    target = enc.pool(enc.token_ids([prompt]))
    ids = enc.token_ids([on_topic + filler * 6, filler.strip(), ""])
    sims = enc.segment_similarity(ids, np.repeat(target, 3, axis=0))
    assert sims.shape == (3, 5)
    # the one on-topic sentence dominates the max even though most sentences are filler
    assert sims[0, 0] > sims[1, 0] + 0.1
    assert sims[0, 3] < sims[0, 0]  # max after the first sentence excludes the on-topic one
    assert sims[0, 4] == pytest.approx(np.log1p(7), abs=1e-5)
    assert np.all(sims[2] == 0.0)  # an empty text


def test_one_text_pools_and_segments_bit_for_bit_as_in_a_batch() -> None:
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
