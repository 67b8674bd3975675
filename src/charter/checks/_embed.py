"""Shared machinery of the embedded judges: encoder, lexical features and the trained heads.

:func:`featurize` turns (prompt, reply) pairs into :class:`Features`: pooled views of the reply and the
prompt from the WordLlama encoder (:mod:`charter.checks._encoder`) and the lexical, engagement and intent
rows (:mod:`charter.checks._rows`, on the word tables of :mod:`charter.checks._lexicon`).
:func:`refusal_inputs` and :func:`harm_inputs` build the input matrices of the trained heads
(:mod:`charter.checks._head`, where :data:`FEATURE_VERSION` is bumped whenever any of these features
change). Training scripts live in ``training/`` and import :func:`featurize` and the ``*_inputs`` builders
from here, so training and run time share one code path; the names of ``__all__`` that the other modules
define are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from charter.checks._encoder import Encoder, FeatureCache, FloatArray, _Row, load_encoder
from charter.checks._head import FEATURE_VERSION, Head, load_head
from charter.checks._lexicon import CUE_LABELS
from charter.checks._rows import ENGAGEMENT_NAMES, LEXICAL_NAMES, _clip_text, _engagement_row, _lexical_row
from charter.exceptions import CheckError

__all__ = [
    "CUE_LABELS",
    "ENGAGEMENT_NAMES",
    "FEATURE_VERSION",
    "LEXICAL_NAMES",
    "Encoder",
    "FeatureCache",
    "Features",
    "Head",
    "featurize",
    "harm_inputs",
    "load_encoder",
    "load_head",
    "refusal_inputs",
]

OPEN_TOKENS = 40
TAIL_TOKENS = 64
CHUNK = 256  # pairs featurised at a time


@dataclass(frozen=True)
class Features:
    """Everything the heads look at, for a batch of (prompt, reply) pairs."""

    lexical: FloatArray
    reply_open: FloatArray
    reply_full: FloatArray
    reply_tail: FloatArray
    prompt: FloatArray
    cues: list[dict[str, tuple[int, int]]]  # per sample: cue -> (start, end) of its first match in the reply
    engagement: FloatArray  # columns ENGAGEMENT_NAMES (harm head only)


def featurize(prompts: Sequence[str], replies: Sequence[str], encoder: Encoder | None = None) -> Features:
    """Features of each (prompt, reply) pair; ``prompts`` may hold empty strings.

    Pairs featurised recently are taken from the encoder's :class:`FeatureCache`; the rest are processed
    in chunks of :data:`CHUNK` pairs to bound memory.
    """
    if len(prompts) != len(replies):
        raise CheckError(f"featurize: {len(prompts)} prompts for {len(replies)} replies")
    enc = encoder if encoder is not None else load_encoder()
    keys = [FeatureCache.key(p, r) for p, r in zip(prompts, replies, strict=True)]
    rows = enc.cache.get_many(keys)
    missing = [i for i, row in enumerate(rows) if row is None]
    for lo in range(0, len(missing), CHUNK):
        part = missing[lo : lo + CHUNK]
        fresh = _featurize_rows([prompts[i] for i in part], [replies[i] for i in part], enc)
        for i, row in zip(part, fresh, strict=True):
            rows[i] = row
        enc.cache.put_many([(keys[i], row) for i, row in zip(part, fresh, strict=True)])
    return _assemble([row for row in rows if row is not None], enc.dim)


def _assemble(rows: Sequence[_Row], dim: int) -> Features:
    def stack(k: int, width: int) -> FloatArray:
        if not rows:
            return np.zeros((0, width), dtype=np.float32)
        if len(rows) == 1:  # a copy: the row stays as it is in the cache
            return np.array(rows[0][k], dtype=np.float32, ndmin=2)
        return np.stack([cast(FloatArray, r[k]) for r in rows]).astype(np.float32, copy=False)

    return Features(
        lexical=stack(0, len(LEXICAL_NAMES)),
        reply_open=stack(1, dim),
        reply_full=stack(2, dim),
        reply_tail=stack(3, dim),
        prompt=stack(4, dim),
        cues=[dict(r[6]) for r in rows],
        engagement=stack(5, len(ENGAGEMENT_NAMES)),
    )


def _featurize_rows(prompts: Sequence[str], replies: Sequence[str], enc: Encoder) -> list[_Row]:
    lexical: list[list[float]] = []
    engagement: list[list[float]] = []
    intent: list[list[float]] = []
    cues: list[dict[str, tuple[int, int]]] = []
    for prompt, reply in zip(prompts, replies, strict=True):
        row, found = _lexical_row(prompt, reply)
        lexical.append(row)
        cues.append(found)
        engaged, intended = _engagement_row(prompt, reply, row)
        engagement.append(engaged)
        intent.append(intended)
    reply_ids = enc.token_ids([_clip_text(r) for r in replies])
    prompt_ids = enc.token_ids([p[:1000] for p in prompts])
    full, opening, tail = enc.pool_views(reply_ids, first=OPEN_TOKENS, last=TAIL_TOKENS)
    prompt_vecs = enc.pool(prompt_ids)
    segments = enc.segment_similarity(reply_ids, prompt_vecs)
    lex = np.asarray(lexical, dtype=np.float32).reshape(len(lexical), len(LEXICAL_NAMES))
    eng = np.hstack(
        [
            np.asarray(engagement, dtype=np.float32).reshape(len(engagement), -1),
            segments,
            np.asarray(intent, dtype=np.float32).reshape(len(intent), -1),
        ]
    ).astype(np.float32)
    return [
        (lex[i], opening[i], full[i], tail[i], prompt_vecs[i], eng[i], cues[i]) for i in range(len(replies))
    ]


def refusal_inputs(feats: Features) -> FloatArray:
    """Input matrix of the refusal head."""
    return np.hstack([feats.lexical, feats.reply_open, feats.reply_full, feats.reply_tail]).astype(np.float32)


def harm_inputs(feats: Features, refusal_proba: FloatArray, context: FloatArray) -> FloatArray:
    """Input matrix of the harm head: refusal probabilities, lexical cues, prompt/reply similarities, the
    prompt's embedding (is the request harmful at all?), the reply's embeddings (what it talks about), the
    engagement and intent columns (:data:`ENGAGEMENT_NAMES`) and what the reply did to a passage the
    prompt gave (:func:`charter.checks._context.context_rows`).

    ``feats`` are those of the request alone (:func:`charter.checks._context.split_request`), ``context``
    those of the whole prompt."""
    cos_full = np.sum(feats.prompt * feats.reply_full, axis=1, keepdims=True)
    cos_open = np.sum(feats.prompt * feats.reply_open, axis=1, keepdims=True)
    cos_tail = np.sum(feats.prompt * feats.reply_tail, axis=1, keepdims=True)
    return np.hstack(
        [
            refusal_proba,
            feats.lexical,
            cos_full,
            cos_open,
            cos_tail,
            feats.prompt,
            feats.reply_full,
            feats.reply_open,
            feats.engagement,
            context,
        ]
    ).astype(np.float32)
