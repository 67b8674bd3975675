"""The embedded judges' encoder: WordLlama's ``l2_supercat`` 256-d token-embedding table, which ships
inside the ``wordllama`` wheel together with its tokenizer: nothing is downloaded. A text is the mean of its
token vectors (L2-normalised). Three views of a reply are pooled from one tokenisation: its opening (first
tokens, where refusals live), its whole (capped) body and its tail; the cosines of its sentences with the
prompt come from the same token ids. Each encoder keeps the recently featurised (prompt, reply) pairs in a
:class:`FeatureCache`, which :func:`charter.checks._embed.featurize` reads and fills."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from charter.exceptions import CheckError

__all__ = ["EMBED_DIM", "Encoder", "FeatureCache", "FloatArray", "load_encoder"]

FloatArray = NDArray[np.float32]

EMBED_DIM = 128  # leading Matryoshka dimensions of the 256-d table kept
SHRINK_TOKENS = 8.0  # pooled vectors are scaled by n / (n + SHRINK_TOKENS)
CACHE_SIZE = 4096  # featurised (prompt, reply) pairs kept per encoder
_SEGMENT_MIN_TOKENS = 4
_SIM_HIGH = 0.5


# one featurised pair, as kept in the cache: lexical, open, full, tail, prompt, engagement rows and cues
_Row = tuple[
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, dict[str, tuple[int, int]]
]


class FeatureCache:
    """Bounded, thread-safe LRU of featurised (prompt, reply) pairs, keyed by a hash of both texts.

    The guard and the audit run the refusal and the harm judge on the same reply; the second judge then
    reuses the tokenisation, pooling and lexical work of the first.
    """

    def __init__(self, capacity: int = CACHE_SIZE) -> None:
        self.capacity = capacity
        self._rows: OrderedDict[bytes, _Row] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._rows)

    @staticmethod
    def key(prompt: str, reply: str) -> bytes:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(prompt.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00\xff")
        digest.update(reply.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def get_many(self, keys: Sequence[bytes]) -> list[_Row | None]:
        out: list[_Row | None] = []
        with self._lock:
            for key in keys:
                row = self._rows.get(key)
                if row is not None:
                    self._rows.move_to_end(key)
                    self.hits += 1
                else:
                    self.misses += 1
                out.append(row)
        return out

    def put_many(self, items: Sequence[tuple[bytes, _Row]]) -> None:
        if self.capacity <= 0:
            return
        with self._lock:
            for key, row in items:
                self._rows[key] = row
                self._rows.move_to_end(key)
            while len(self._rows) > self.capacity:
                self._rows.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()
            self.hits = 0
            self.misses = 0


@dataclass(frozen=True)
class Encoder:
    """WordLlama token embeddings plus its tokenizer; texts are mean-pooled token vectors.

    ``boundary[i]`` marks tokens that end a sentence (``.``, ``!``, ``?``, ``;``, newline); ``cache`` keeps
    the features of recently seen pairs (see :class:`FeatureCache`).
    """

    embedding: FloatArray
    tokenizer: Any
    boundary: NDArray[np.bool_] | None = None
    cache: FeatureCache = field(default_factory=FeatureCache, compare=False, repr=False)

    @property
    def dim(self) -> int:
        return int(self.embedding.shape[1])

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        if len(texts) <= 8:  # encode_batch's thread-pool hand-off costs more than a few texts take
            return [self.tokenizer.encode(t, add_special_tokens=False).ids for t in texts]
        encoded = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [e.ids for e in encoded]

    def pool(
        self, ids: Sequence[Sequence[int]], *, first: int | None = None, last: int | None = None
    ) -> FloatArray:
        """Mean of token vectors (optionally only the first or last tokens).

        Vectors have unit length, shrunk for very short texts.
        """
        return self.pool_views(ids, first=first, last=last)[0 if not (first or last) else 1]

    def pool_views(
        self, ids: Sequence[Sequence[int]], *, first: int | None = None, last: int | None = None
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Pooled (whole, first ``first`` tokens, last ``last`` tokens) from one gather of token vectors."""
        n = len(ids)
        if n == 1 and ids[0]:
            return self._pool_one(ids[0], first, last)
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=n)
        total = int(lengths.sum())
        flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=total)
        np.clip(flat, 0, self.embedding.shape[0] - 1, out=flat)
        gathered = self.embedding[flat]
        starts = np.zeros(n, dtype=np.int64)
        if n > 1:
            np.cumsum(lengths[:-1], out=starts[1:])
        position = np.arange(total, dtype=np.int64) - np.repeat(starts, lengths)
        views: list[FloatArray] = [self._mean(gathered, lengths)]
        for keep, size in ((first, "first"), (last, "last")):
            if not keep:
                views.append(views[0])
                continue
            mask = position < keep if size == "first" else position >= np.repeat(lengths - keep, lengths)
            views.append(self._mean(gathered[mask], np.minimum(lengths, keep)))
        return views[0], views[1], views[2]

    def _pool_one(
        self, ids: Sequence[int], first: int | None, last: int | None
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """:meth:`pool_views` of one non-empty text (the gateway's case): the same arithmetic, in the
        same order, without the bookkeeping that several texts of different lengths need."""
        flat = np.array(ids, dtype=np.int64)
        np.clip(flat, 0, self.embedding.shape[0] - 1, out=flat)
        gathered = self.embedding[flat]
        total = len(flat)
        whole = self._mean_one(gathered, total)
        opening = self._mean_one(gathered[:first], min(total, first)) if first else whole
        tail = self._mean_one(gathered[max(0, total - last) :], min(total, last)) if last else whole
        return whole, opening, tail

    def _mean_one(self, rows: FloatArray, length: int) -> FloatArray:
        """:meth:`_mean` of one text of ``length`` > 0 tokens (``rows``): bit for bit the same result."""
        lengths = np.array([length], dtype=np.int64)
        out = (np.add.reduceat(rows, np.zeros(1, dtype=np.int64), axis=0) / lengths[:, None]).astype(
            np.float32
        )
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out *= (lengths / (lengths + SHRINK_TOKENS)).astype(np.float32)[:, None] / np.maximum(norms, 1e-6)
        return out

    def _mean(self, rows: FloatArray, lengths: NDArray[np.int64]) -> FloatArray:
        out = np.zeros((len(lengths), self.dim), dtype=np.float32)
        nonempty = lengths > 0
        if nonempty.any():
            starts = np.zeros(len(lengths), dtype=np.int64)
            if len(lengths) > 1:
                np.cumsum(lengths[:-1], out=starts[1:])
            sums = np.add.reduceat(rows, starts[nonempty], axis=0)
            out[nonempty] = sums / lengths[nonempty, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        # unit length, shrunk for very short texts: a handful of tokens is weak evidence
        out *= (lengths / (lengths + SHRINK_TOKENS)).astype(np.float32)[:, None] / np.maximum(norms, 1e-6)
        return out

    def encode(self, texts: Sequence[str]) -> FloatArray:
        return self.pool(self.token_ids(texts))

    def segment_similarity(self, ids: Sequence[Sequence[int]], targets: FloatArray) -> FloatArray:
        """Cosine of each text's sentences (split at boundary tokens) with its target vector.

        Returns ``(n, 5)``: max, mean of the top two, share of sentences above :data:`_SIM_HIGH`, max over
        all but the first sentence, and log(1 + number of sentences). Sentences shorter than
        :data:`_SEGMENT_MIN_TOKENS` tokens are ignored; a text without one gets zeros.
        """
        n = len(ids)
        if n == 1 and ids[0] and self.boundary is not None:
            return self._segments_one(ids[0], targets)
        out = np.zeros((n, 5), dtype=np.float32)
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=n)
        total = int(lengths.sum())
        if total == 0 or self.boundary is None:
            return out
        flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=total)
        np.clip(flat, 0, self.embedding.shape[0] - 1, out=flat)
        starts = np.zeros(n, dtype=np.int64)
        if n > 1:
            np.cumsum(lengths[:-1], out=starts[1:])
        new = np.zeros(total, dtype=bool)
        new[starts[lengths > 0]] = True
        is_end = self.boundary[flat]
        new[1:] |= is_end[:-1]
        seg_starts = np.flatnonzero(new)
        seg_len = np.diff(np.append(seg_starts, total))
        owner = np.repeat(np.arange(n), lengths)[seg_starts]
        vecs = np.add.reduceat(self.embedding[flat], seg_starts, axis=0)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-6)
        tnorm = targets / np.maximum(np.linalg.norm(targets, axis=1, keepdims=True), 1e-6)
        cos = np.sum(vecs * tnorm[owner], axis=1)
        valid = seg_len >= _SEGMENT_MIN_TOKENS
        cos = np.where(valid, cos, -1.0).astype(np.float32)
        first_seg = np.searchsorted(seg_starts, starts)  # per text: index of its first segment
        has = lengths > 0
        group = first_seg[has]
        count_valid = np.add.reduceat(valid.astype(np.float32), group)
        best = np.maximum.reduceat(cos, group)
        high = np.add.reduceat((valid & (cos > _SIM_HIGH)).astype(np.float32), group)
        after = cos.copy()
        after[group] = -1.0
        best_after = np.maximum.reduceat(after, group)
        # second best: sort by (text, -cos) and read the second entry of each text
        order = np.lexsort((-cos, owner))
        seg_count = np.diff(np.append(group, len(seg_starts)))
        second_idx = np.minimum(group + 1, group + seg_count - 1)
        second = cos[order[second_idx]]
        second = np.where((seg_count > 1) & (second > -1.0), second, best)
        some = count_valid > 0
        rows = np.zeros((int(has.sum()), 5), dtype=np.float32)
        rows[:, 0] = np.where(some, best, 0.0)
        rows[:, 1] = np.where(some, (best + second) / 2, 0.0)
        rows[:, 2] = np.where(some, high / np.maximum(count_valid, 1.0), 0.0)
        rows[:, 3] = np.where(best_after > -1.0, best_after, 0.0)
        rows[:, 4] = np.log1p(count_valid)
        out[has] = rows
        return out

    def _segments_one(self, ids: Sequence[int], targets: FloatArray) -> FloatArray:
        """:meth:`segment_similarity` of one non-empty text: the same arithmetic on the same arrays
        (bit for bit), without the bookkeeping that several texts need."""
        assert self.boundary is not None
        flat = np.array(ids, dtype=np.int64)
        np.clip(flat, 0, self.embedding.shape[0] - 1, out=flat)
        total = len(flat)
        new = np.zeros(total, dtype=bool)
        new[0] = True
        new[1:] |= self.boundary[flat][:-1]
        seg_starts = np.flatnonzero(new)
        count = len(seg_starts)
        seg_len = np.diff(np.append(seg_starts, total))
        vecs = np.add.reduceat(self.embedding[flat], seg_starts, axis=0)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-6)
        tnorm = targets / np.maximum(np.linalg.norm(targets, axis=1, keepdims=True), 1e-6)
        cos = np.sum(vecs * tnorm[np.zeros(count, dtype=np.int64)], axis=1)
        valid = seg_len >= _SEGMENT_MIN_TOKENS
        cos = np.where(valid, cos, -1.0).astype(np.float32)
        group = np.zeros(1, dtype=np.int64)
        count_valid = np.add.reduceat(valid.astype(np.float32), group)
        best = np.maximum.reduceat(cos, group)
        high = np.add.reduceat((valid & (cos > _SIM_HIGH)).astype(np.float32), group)
        best_after = cos[1:].max(keepdims=True) if count > 1 else np.full(1, -1.0, dtype=np.float32)
        # the second best value (the batch path sorts; only the value matters)
        second = np.partition(cos, count - 2)[count - 2 : count - 1] if count > 1 else best
        second = np.where((count > 1) & (second > -1.0), second, best)
        some = count_valid > 0
        out = np.zeros((1, 5), dtype=np.float32)
        out[:, 0] = np.where(some, best, 0.0)
        out[:, 1] = np.where(some, (best + second) / 2, 0.0)
        out[:, 2] = np.where(some, high / np.maximum(count_valid, 1.0), 0.0)
        out[:, 3] = np.where(best_after > -1.0, best_after, 0.0)
        out[:, 4] = np.log1p(count_valid)
        return out


@cache
def load_encoder() -> Encoder:
    """Load WordLlama's embedded 256-d model from its own package directory (never from the network)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as exc:  # pragma: no cover - wordllama is a hard dependency of charter
        raise CheckError(f"the embedded judges need the wordllama package: {exc}") from exc
    finally:
        # wordllama calls logging.basicConfig() when imported; leave the host's logging as it was
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)
    package_dir = Path(wordllama.__file__).resolve().parent
    try:
        # cache_dir=<package dir>: wordllama resolves <dir>/weights and <dir>/tokenizers there, which is where
        # the wheel ships both files; disable_download makes a missing file an error instead of a download.
        model = WordLlama.load(cache_dir=package_dir, disable_download=True)
    except (FileNotFoundError, ValueError) as exc:
        raise CheckError(f"the embedded WordLlama model cannot be loaded from {package_dir}: {exc}") from exc
    tokenizer = model.tokenizer
    tokenizer.no_padding()
    tokenizer.no_truncation()
    # No pre-tokenizer: the BPE model's word cache (10,000 entries) keys whole texts under 256 bytes, so
    # every distinct prompt and short reply stayed cached (~10 kB each: +100 MB native memory in a long
    # audit, invisible to tracemalloc) for no speed-up; repeated pairs are in the FeatureCache anyway.
    resize_cache = getattr(tokenizer.model, "_resize_cache", None)
    if resize_cache is not None:
        resize_cache(0)
    table = np.ascontiguousarray(model.embedding[:, :EMBED_DIM], dtype=np.float32)
    boundary = np.zeros(table.shape[0], dtype=bool)
    for token, index in tokenizer.get_vocab().items():
        if 0 <= index < len(boundary) and (token == "<0x0A>" or any(c in token for c in ".!?;。！？")):
            boundary[index] = True
    return Encoder(embedding=table, tokenizer=tokenizer, boundary=boundary)
