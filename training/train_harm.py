"""Train the harm judge head and write ``src/charter/checks/weights/harm_head.npz``.

Usage: ``python training/train_harm.py [path/to/shared]`` (default ``../shared``).

Training data (all MIT or our own text): generated pairs (``harm_data.generate``), HarmBench's multimodal
classifier validation set and HarmBench's *text* classifier validation set, each with human majority labels.
Sample weights: text val 8, multimodal 4, generated pairs 0.3 (their templated shape differs from real
generations; at weight 1 they pulled the grouped-CV figure down by about one point over three seeds),
everyday chat 2 (natural text; at 0.3 the judge still called 21% of held-out everyday answers harmful). For
contextual behaviours the prompt is the behaviour followed by its ``ContextString``, which is what the
model that wrote the generation saw (``behaviour_prompt``); ``bench/judges.py`` builds prompts the same way.

Because the text validation set is also the benchmark, its figure is measured honestly by
:func:`cross_validate`: k-fold cross-validation grouped by behaviour (no behaviour is in both the training
and the test fold; each fold's head is trained on the generated pairs, the multimodal set and the other
folds), reporting the pooled out-of-fold accuracy ("cross-validated on unseen behaviours"). The shipped
head is then trained on everything, so its own accuracy on the text validation set is contaminated.
Deterministic (fixed seeds, fixed fold assignment).
"""

from __future__ import annotations

import csv
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import TrainedHead, confusion, ensemble_head, print_confusion, save_head, shared_dir, train_head
from harm_data import HARMFUL, HARMLESS, LABELS, Example, generate, multimodal_val

from charter.checks._embed import harm_inputs
from charter.checks._harm import harm_features
from charter.checks._head import Head

SEED = 7
N_EXAMPLES = 6000  # generated pairs (the first N of the generator's deterministic stream)
HIDDEN = 32
N_MEMBERS = 3
EPOCHS = 20
MM_WEIGHT = 4.0
TEXT_VAL_WEIGHT = 8.0
GEN_WEIGHT = 0.3  # generated pairs: their templated shape differs from real generations
EVERYDAY_WEIGHT = 2.0  # everyday chat (training/_everyday_bank.py): natural text, not templates
N_FOLDS = 5


@dataclass(frozen=True)
class Corpus:
    examples: list[Example]
    x: np.ndarray
    y: np.ndarray
    weight: np.ndarray


def behaviour_prompt(row: dict[str, str]) -> str:
    """The request a HarmBench generation answers: the behaviour, followed by its context for contextual
    behaviours (the model saw both, and the reply often works on the context)."""
    context = (row.get("ContextString") or "").strip()
    return f"{row['Behavior']}\n\n{context}" if context else row["Behavior"]


def text_val(shared: Path) -> list[Example]:
    """HarmBench's text classifier validation set (MIT): human majority labels, behaviour text as prompt (the
    test case for the three behaviours missing from the behaviour file).

    ``kind`` is ``tv:<behaviour id>``, the group of the cross-validation.
    """
    base = shared / "data" / "harmbench" / "data"
    with (base / "behavior_datasets" / "harmbench_behaviors_text_all.csv").open(encoding="utf-8") as fh:
        behaviours = {r["BehaviorID"]: behaviour_prompt(r) for r in csv.DictReader(fh)}
    with (base / "classifier_val_sets" / "text_behaviors_val_set.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    out = []
    for rows in data.values():
        for row in rows:
            votes = int(row["human_0"]) + int(row["human_1"]) + int(row["human_2"])
            bid = row["behavior_id"]
            # three behaviours of the set are missing from the behaviour file: their generations answer the
            # test case, which is the one request text the set holds for them
            prompt = behaviours.get(bid) or str(row["test_case"])
            out.append(Example(prompt, row["generation"], HARMFUL if votes >= 2 else HARMLESS, f"tv:{bid}"))
    return out


def _inputs(examples: list[Example]) -> np.ndarray:
    """The harm head's inputs, built by the judge's own ``harm_features``."""
    return harm_inputs(*harm_features([e.prompt for e in examples], [e.reply for e in examples]))


def _corpus(examples: list[Example]) -> Corpus:
    weights = [
        MM_WEIGHT
        if e.kind.startswith("mm:")
        else TEXT_VAL_WEIGHT
        if e.kind.startswith("tv:")
        else EVERYDAY_WEIGHT
        if e.kind == "b_everyday"
        else GEN_WEIGHT
        for e in examples
    ]
    return Corpus(
        examples=examples,
        x=_inputs(examples),
        y=np.array([e.label for e in examples], dtype=np.int64),
        weight=np.array(weights, dtype=np.float32),
    )


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> Head:
    """The training recipe shared by the cross-validation and the shipped head."""
    counts = np.bincount(y, minlength=2).astype(np.float32)
    class_weight = (counts.sum() / (2 * counts)).tolist()
    members: list[TrainedHead] = [
        train_head(
            x,
            y,
            2,
            hidden=HIDDEN,
            l2=3e-3,
            epochs=EPOCHS,
            lr=2e-3,
            drop=0.2,
            input_noise=0.3,
            class_weight=class_weight,
            sample_weight=weight,
            seed=SEED + k,
            verbose=False,
        )
        for k in range(N_MEMBERS)
    ]
    return ensemble_head("harm_head", LABELS, members)


def folds(examples: list[Example], k: int = N_FOLDS, seed: int = SEED) -> np.ndarray:
    """Fold of each example, grouped by behaviour (``kind``), fixed by ``seed`` (default :data:`SEED`)."""
    groups = sorted({e.kind for e in examples})
    order = np.random.default_rng(seed).permutation(len(groups))
    fold_of = {groups[g]: i % k for i, g in enumerate(order)}
    return np.array([fold_of[e.kind] for e in examples], dtype=np.int64)


def cross_validate(shared: Path, k: int = N_FOLDS, seed: int = SEED) -> dict[str, Any]:
    """Grouped k-fold CV on the HarmBench text validation set; pooled out-of-fold predictions and metrics.

    ``seed`` picks the fold assignment (:func:`folds`); the heads' own seeds do not change with it.

    Returns ``{"n", "folds", "groups", "proba" (list, text-val order), "truth", "accuracy", ...}``.
    """
    base = _corpus(generate(shared, n=N_EXAMPLES, seed=SEED) + multimodal_val(shared))
    val = _corpus(text_val(shared))
    fold = folds(val.examples, k, seed=seed)
    proba = np.zeros(len(val.y), dtype=np.float32)
    for f in range(k):
        train = fold != f
        head = fit(
            np.vstack([base.x, val.x[train]]),
            np.concatenate([base.y, val.y[train]]),
            np.concatenate([base.weight, val.weight[train]]),
        )
        proba[~train] = head.predict_proba(val.x[~train])[:, 1]
    pred = proba >= 0.5
    truth = val.y == HARMFUL
    return {
        "n": len(truth),
        "folds": k,
        "groups": len({e.kind for e in val.examples}),
        "accuracy": float((pred == truth).mean()),
        "proba": [float(p) for p in proba],
        "truth": [bool(t) for t in truth],
        "behaviour_ids": [e.kind.removeprefix("tv:") for e in val.examples],
    }


def main(argv: list[str] | None = None) -> None:
    shared = shared_dir(sys.argv[1:] if argv is None else argv)
    t0 = time.perf_counter()
    cv = cross_validate(shared)
    print(
        f"grouped {cv['folds']}-fold CV on HarmBench text val ({cv['groups']} behaviours, n={cv['n']}): "
        f"out-of-fold accuracy {cv['accuracy']:.4f} ({time.perf_counter() - t0:.0f}s)"
    )
    print_confusion(confusion([int(t) for t in cv["truth"]], [int(p >= 0.5) for p in cv["proba"]], 2), LABELS)
    t0 = time.perf_counter()
    everything = generate(shared, n=N_EXAMPLES, seed=SEED) + multimodal_val(shared) + text_val(shared)
    corpus = _corpus(everything)
    head = fit(corpus.x, corpus.y, corpus.weight)
    print(f"trained the shipped head on {len(everything)} pairs in {time.perf_counter() - t0:.0f}s")
    save_head(
        head,
        name="harm_head",
        classes=LABELS,
        script="training/train_harm.py",
        seed=SEED,
        examples=everything,
        n_train=len(everything),
        extra={
            "cv_grouped_by_behaviour_accuracy": f"{cv['accuracy']:.4f}",
            "members": str(N_MEMBERS),
            "hidden": str(HIDDEN),
            "data": "own templated replies and everyday chat + HarmBench multimodal and text classifier val "
            "sets (MIT, human labels); prompts from HarmBench/JBB/StrongREJECT/XSTest",
        },
    )


if __name__ == "__main__":
    main()
