"""Train the harm judge head and write ``src/charter/checks/weights/harm_head.npz``.

Usage: ``python training/train_harm.py [path/to/shared]`` (default ``../shared``).
Training data: generated pairs (``harm_data.generate``) plus HarmBench's multimodal classifier validation
set (MIT, human labels). The HarmBench *text* validation set is the evaluation set and is never read.
Deterministic (fixed seeds). Prints held-out metrics: generated pairs for unseen prompts, and multimodal
rows of behaviours held out from training.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import WEIGHTS_DIR, confusion, print_confusion, shared_dir, train_head
from harm_data import LABELS, Example, generate, multimodal_val

from charter.checks._embed import FEATURE_VERSION, Head, featurize, harm_inputs, load_head

SEED = 7
N_EXAMPLES = 20000
HIDDEN = 32
N_MEMBERS = 5
EPOCHS = 20
MM_WEIGHT = 4.0


def _inputs(examples: list[Example]) -> np.ndarray:
    feats = featurize([e.prompt for e in examples], [e.reply for e in examples])
    refusal = load_head("refusal_head")
    from charter.checks._embed import refusal_inputs

    return harm_inputs(feats, refusal.predict_proba(refusal_inputs(feats)))


def _report(name: str, head: Head, x: np.ndarray, examples: list[Example]) -> float:
    y = np.array([e.label for e in examples], dtype=np.int64)
    pred = head.predict_proba(x).argmax(axis=1)
    acc = float((pred == y).mean())
    print(f"\n{name}: n={len(y)} accuracy={acc:.4f}")
    print_confusion(confusion(y.tolist(), pred.tolist(), 2), LABELS)
    return acc


def main(argv: list[str] | None = None) -> None:
    shared = shared_dir(sys.argv[1:] if argv is None else argv)
    t0 = time.perf_counter()
    generated = generate(shared, n=N_EXAMPLES, seed=SEED)
    mm = multimodal_val(shared)
    print(f"generated {len(generated)} pairs, {len(mm)} multimodal rows in {time.perf_counter() - t0:.1f}s")
    rng = np.random.default_rng(SEED)
    prompts = sorted({e.prompt for e in generated})
    held_prompts = set(rng.choice(prompts, size=len(prompts) // 7, replace=False).tolist())
    mm_keys = sorted({e.kind for e in mm})
    held_keys = set(rng.choice(mm_keys, size=len(mm_keys) // 5, replace=False).tolist())
    train = [e for e in generated if e.prompt not in held_prompts] + [
        e for e in mm if e.kind not in held_keys
    ]
    held_gen = [e for e in generated if e.prompt in held_prompts]
    held_mm = [e for e in mm if e.kind in held_keys]
    t0 = time.perf_counter()
    x_train = _inputs(train)
    x_gen = _inputs(held_gen)
    x_mm = _inputs(held_mm)
    print(f"featurized in {time.perf_counter() - t0:.1f}s")
    y_train = np.array([e.label for e in train], dtype=np.int64)
    weights = np.array([MM_WEIGHT if e.kind.startswith("mm:") else 1.0 for e in train], dtype=np.float32)
    counts = np.bincount(y_train, minlength=2).astype(np.float32)
    class_weight = (counts.sum() / (2 * counts)).tolist()
    members = []
    t0 = time.perf_counter()
    for k in range(N_MEMBERS):
        members.append(
            train_head(
                x_train,
                y_train,
                2,
                hidden=HIDDEN,
                l2=3e-3,
                epochs=EPOCHS,
                lr=2e-3,
                drop=0.2,
                input_noise=0.3,
                class_weight=class_weight,
                sample_weight=weights,
                seed=SEED + k,
                verbose=False,
            )
        )
    print(f"trained {N_MEMBERS} members in {time.perf_counter() - t0:.1f}s")
    head = Head(
        name="harm_head",
        classes=LABELS,
        mean=members[0].mean,
        scale=members[0].scale,
        members=tuple(tuple(m.layers) for m in members),
        meta={},
    )
    acc_gen = _report("held-out generated pairs (unseen prompts)", head, x_gen, held_gen)
    acc_mm = _report(
        "held-out HarmBench multimodal rows (unseen behaviours, human labels)", head, x_mm, held_mm
    )
    by_kind: dict[str, list[bool]] = {}
    pred = head.predict_proba(x_gen).argmax(axis=1)
    for e, p in zip(held_gen, pred, strict=True):
        by_kind.setdefault(e.kind, []).append(bool(p == e.label))
    print("\nheld-out accuracy by template kind:")
    for kind, oks in sorted(by_kind.items()):
        print(f"  {kind:<24} {sum(oks) / len(oks):.3f}  (n={len(oks)})")
    digest = hashlib.sha256(
        "\n".join(f"{e.label}\t{e.prompt}\t{e.reply}" for e in train).encode()
    ).hexdigest()
    final = Head(
        name="harm_head",
        classes=LABELS,
        mean=head.mean,
        scale=head.scale,
        members=head.members,
        meta={
            "feature_version": str(FEATURE_VERSION),
            "trained_by": "training/train_harm.py",
            "seed": str(SEED),
            "n_train": str(len(train)),
            "corpus_sha256": digest,
            "heldout_generated_accuracy": f"{acc_gen:.4f}",
            "heldout_multimodal_accuracy": f"{acc_mm:.4f}",
            "members": str(N_MEMBERS),
            "hidden": str(HIDDEN),
            "data": "own templated replies + HarmBench multimodal classifier val set (MIT); prompts from "
            "HarmBench (minus text val behaviours)/JBB/StrongREJECT/XSTest",
        },
    )
    out = WEIGHTS_DIR / "harm_head.npz"
    final.save(out)
    print(f"\nwrote {out} ({out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
