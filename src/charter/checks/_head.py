"""Trained heads of the embedded judges: small numpy networks (standardisation, optional hidden layer,
softmax) averaged as an ensemble, whose weights live in ``charter/checks/weights/<name>.npz``. The training
scripts (``training/``) record :data:`FEATURE_VERSION` in each head, and :func:`load_head` refuses weights
trained on other features."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from charter.checks._encoder import FloatArray
from charter.exceptions import CheckError

__all__ = ["FEATURE_VERSION", "Head", "load_head"]

#: Bumped whenever features change; heads record it and refuse to load on a mismatch.
FEATURE_VERSION = 10


Layers = tuple[tuple[FloatArray, FloatArray], ...]


@dataclass(frozen=True)
class Head:
    """A trained classifier: standardise, then average the softmax outputs of small ReLU networks."""

    name: str
    classes: tuple[str, ...]
    mean: FloatArray
    scale: FloatArray
    members: tuple[Layers, ...]
    meta: dict[str, str]

    def predict_proba(self, x: FloatArray) -> FloatArray:
        if x.ndim != 2 or x.shape[1] != self.mean.shape[0]:
            raise CheckError(f"head {self.name!r} expects {self.mean.shape[0]} inputs, got shape {x.shape}")
        fused = self._fused
        if fused is not None:
            w1, b1, w2, b2 = fused
            h = x @ w1
            h += b1
            np.maximum(h, 0.0, out=h)
            out = (h @ w2 + b2).reshape(x.shape[0], len(self.members), len(self.classes))
            out -= out.max(axis=2, keepdims=True)
            np.exp(out, out=out)
            out /= out.sum(axis=2, keepdims=True)
            proba: FloatArray = out.mean(axis=1).astype(np.float32)
            return proba
        z0 = (x - self.mean) / self.scale
        total = np.zeros((x.shape[0], len(self.classes)), dtype=np.float32)
        for layers in self.members:
            h = z0
            for i, (w, b) in enumerate(layers):
                h = h @ w + b
                if i < len(layers) - 1:
                    h = np.maximum(h, 0.0)
            h = h - h.max(axis=1, keepdims=True)
            e = np.exp(h)
            total += e / e.sum(axis=1, keepdims=True)
        return (total / len(self.members)).astype(np.float32)

    @cached_property
    def _fused(self) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray] | None:
        """The ensemble as two matrix products, when every member has one hidden layer: the
        standardisation folded into the first layer, the members' hidden units side by side and their
        output layers block-diagonal. Same function (up to float rounding), a few numpy calls instead of
        a dozen per member: what a single reply at a time (the gateway) spends its time on."""
        if not self.members or any(len(layers) != 2 for layers in self.members):
            return None
        inv = (1.0 / self.scale).astype(np.float64)
        firsts = [(w.astype(np.float64) * inv[:, None], b.astype(np.float64)) for (w, b), _ in self.members]
        w1 = np.hstack([w for w, _ in firsts])
        b1 = np.hstack([b - self.mean.astype(np.float64) @ w for w, b in firsts])  # w is already scaled
        hidden = [w.shape[1] for w, _ in firsts]
        n_classes = len(self.classes)
        w2 = np.zeros((sum(hidden), n_classes * len(self.members)))
        row = 0
        for m, (_, (w, _b)) in enumerate(self.members):
            w2[row : row + w.shape[0], m * n_classes : (m + 1) * n_classes] = w
            row += w.shape[0]
        b2 = np.hstack([b for _, (_w, b) in self.members])
        return (
            w1.astype(np.float32),
            b1.astype(np.float32),
            w2.astype(np.float32),
            b2.astype(np.float32),
        )

    def save(self, path: Path) -> None:
        arrays: dict[str, Any] = {
            "classes": np.array(self.classes),
            "mean": self.mean.astype(np.float32),
            "scale": self.scale.astype(np.float32),
            "n_members": np.array(len(self.members)),
            "meta_keys": np.array(list(self.meta)),
            "meta_values": np.array(list(self.meta.values())),
        }
        for m, layers in enumerate(self.members):
            arrays[f"m{m}_n_layers"] = np.array(len(layers))
            for i, (w, b) in enumerate(layers):
                arrays[f"m{m}_w{i}"] = w.astype(np.float32)
                arrays[f"m{m}_b{i}"] = b.astype(np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def from_npz(cls, name: str, data: Any) -> Head:
        meta = dict(
            zip((str(k) for k in data["meta_keys"]), (str(v) for v in data["meta_values"]), strict=True)
        )
        members = tuple(
            tuple(
                (
                    np.asarray(data[f"m{m}_w{i}"], dtype=np.float32),
                    np.asarray(data[f"m{m}_b{i}"], dtype=np.float32),
                )
                for i in range(int(data[f"m{m}_n_layers"]))
            )
            for m in range(int(data["n_members"]))
        )
        return cls(
            name=name,
            classes=tuple(str(c) for c in data["classes"]),
            mean=np.asarray(data["mean"], dtype=np.float32),
            scale=np.asarray(data["scale"], dtype=np.float32),
            members=members,
            meta=meta,
        )


@cache
def load_head(name: str) -> Head:
    """Load ``weights/<name>.npz`` shipped inside the package (once per process)."""
    resource = files("charter.checks") / "weights" / f"{name}.npz"
    try:
        with resource.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
            head = Head.from_npz(name, data)
    except (FileNotFoundError, OSError, KeyError, ValueError) as exc:
        raise CheckError(f"judge weights {name}.npz cannot be loaded: {exc}") from exc
    version = head.meta.get("feature_version")
    if version != str(FEATURE_VERSION):
        raise CheckError(
            f"judge weights {name}.npz were trained on feature version {version}, "
            f"this code has {FEATURE_VERSION}; retrain with training/train_*.py"
        )
    return head
