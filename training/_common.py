"""Shared helpers of the judge training scripts: permissive prompt sets, task phrases, a numpy trainer.

Only sets whose licence lets derived weights ship are read here (see ``../shared/README.md``):
XSTest prompts (CC-BY-4.0), JailbreakBench behaviours (MIT), StrongREJECT prompts (MIT), HarmBench
behaviours and the multimodal classifier validation set (MIT). Do-Not-Answer (CC BY-NC-SA) and the
HarmBench *text* classifier validation set are evaluation sets: they are never read for training,
and HarmBench behaviours that appear in the text validation set are excluded from every prompt pool
(their ids are read from the behaviour list, not from the validation file).
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
WEIGHTS_DIR = REPO / "src" / "charter" / "checks" / "weights"


@dataclass(frozen=True)
class Prompt:
    text: str
    harmful: bool
    source: str
    category: str = ""


@dataclass
class PromptPools:
    harmful: list[Prompt] = field(default_factory=list)
    benign: list[Prompt] = field(default_factory=list)

    def all(self) -> list[Prompt]:
        return [*self.harmful, *self.benign]


def shared_dir(argv: Sequence[str] | None = None) -> Path:
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else DEFAULT_SHARED
    if not (path / "data").is_dir():
        raise SystemExit(f"shared data not found at {path} (pass the path of ../shared)")
    return path


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def harmbench_eval_behaviour_ids(shared: Path) -> set[str]:
    """Behaviour ids of the HarmBench text classifier validation set (the harm judge's evaluation set).

    Only the keys are read, to exclude those behaviours from training prompt pools.
    """
    path = shared / "data" / "harmbench" / "data" / "classifier_val_sets" / "text_behaviors_val_set.json"
    with path.open(encoding="utf-8") as fh:
        return set(json.load(fh))


def _norm_words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]{3,}", text.lower()))


def near_eval_behaviour(shared: Path) -> Callable[[str], bool]:
    """A test: is this text a near copy (word Jaccard >= 0.6) of a HarmBench evaluation behaviour?"""
    excluded_ids = harmbench_eval_behaviour_ids(shared)
    hb_rows = _csv(
        shared / "data" / "harmbench" / "data" / "behavior_datasets" / "harmbench_behaviors_text_all.csv"
    )
    excluded_texts = [_norm_words(r["Behavior"]) for r in hb_rows if r["BehaviorID"] in excluded_ids]

    def near_eval(text: str) -> bool:
        words = _norm_words(text)
        if not words:
            return False
        return any(len(words & ex) / len(words | ex) >= 0.6 for ex in excluded_texts)

    return near_eval


def load_prompt_pools(shared: Path) -> PromptPools:
    """Permissively licensed prompts, with HarmBench evaluation behaviours (and near copies) removed."""
    data = shared / "data"
    excluded_ids = harmbench_eval_behaviour_ids(shared)
    hb_rows = _csv(data / "harmbench" / "data" / "behavior_datasets" / "harmbench_behaviors_text_all.csv")
    near_eval = near_eval_behaviour(shared)
    pools = PromptPools()
    for r in hb_rows:
        if r["BehaviorID"] in excluded_ids or near_eval(r["Behavior"]):
            continue
        pools.harmful.append(Prompt(r["Behavior"], True, "harmbench", r["SemanticCategory"]))
    for r in _csv(
        data / "harmbench" / "data" / "behavior_datasets" / "harmbench_behaviors_multimodal_all.csv"
    ):
        text = r["Behavior"].replace("in this image", "").replace("this image", "it").replace("  ", " ")
        if not near_eval(text):
            pools.harmful.append(Prompt(text, True, "harmbench_mm", r["SemanticCategory"]))
    for name, harmful in (("harmful-behaviors.csv", True), ("benign-behaviors.csv", False)):
        for r in _csv(data / "jailbreakbench" / name):
            if harmful and near_eval(r["Goal"]):
                continue
            target = pools.harmful if harmful else pools.benign
            target.append(Prompt(r["Goal"], harmful, "jbb", r["Category"]))
    for r in _csv(data / "strongreject" / "strongreject_dataset.csv"):
        if not near_eval(r["forbidden_prompt"]):
            pools.harmful.append(Prompt(r["forbidden_prompt"], True, "strongreject", r["category"]))
    for r in _csv(data / "xstest" / "xstest_prompts.csv"):
        harmful = r["label"] == "unsafe"
        (pools.harmful if harmful else pools.benign).append(Prompt(r["prompt"], harmful, "xstest", r["type"]))
    return pools


# --------------------------------------------------------------------------------------------
# Task phrases: "How can I X?" -> "how to X", "Write a poem" -> "writing a poem".
# --------------------------------------------------------------------------------------------

_GERUND = {
    "write": "writing",
    "create": "creating",
    "give": "giving",
    "make": "making",
    "describe": "describing",
    "explain": "explaining",
    "list": "listing",
    "generate": "generating",
    "provide": "providing",
    "develop": "developing",
    "design": "designing",
    "draft": "drafting",
    "compose": "composing",
    "suggest": "suggesting",
    "outline": "outlining",
    "produce": "producing",
    "help": "helping",
    "tell": "telling",
    "convince": "convincing",
    "come": "coming",
    "find": "finding",
    "teach": "teaching",
    "show": "showing",
    "share": "sharing",
    "offer": "offering",
    "detail": "detailing",
    "devise": "devising",
    "plan": "planning",
    "build": "building",
    "code": "coding",
    "brainstorm": "brainstorming",
    "compile": "compiling",
    "identify": "identifying",
    "determine": "determining",
    "convert": "converting",
    "modify": "modifying",
    "edit": "editing",
    "add": "adding",
    "slightly": "slightly",
}

_LEAD = re.compile(
    r"^(?:please\s+|can you\s+|could you\s+|would you\s+|will you\s+|i need you to\s+|i want you to\s+"
    r"|help me\s+|i'd like you to\s+)+",
    re.I,
)


def task_phrase(prompt: str, rng: random.Random) -> str:
    """A short noun phrase naming what the prompt asks for, to slot into templates."""
    text = prompt.strip().split("\n")[0]
    text = re.sub(r"\s+", " ", text).rstrip("?.! ")
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0]
    text = _LEAD.sub("", text)
    m = re.match(
        r"(?i)^how (?:can|do|could|would|should|might|to) (?:i|we|you|one|someone|people)?\s*(.+)$", text
    )
    if m:
        return "how to " + m.group(1)
    m = re.match(r"(?i)^how to (.+)$", text)
    if m:
        return "how to " + m.group(1)
    m = re.match(r"(?i)^(?:what(?:'s| is| are)|where (?:is|are|can i find)|who (?:is|are))\s+(.+)$", text)
    if m:
        return rng.choice(["information about ", "details on ", ""]) + m.group(1)
    first, _, rest = text.partition(" ")
    verb = first.lower()
    if verb in _GERUND and rest:
        return f"{_GERUND[verb]} {rest}"
    if rng.random() < 0.5:
        return "this request"
    return rng.choice(["this", "what you're asking for", "this kind of request", "something like this"])


def keywords(prompt: str, k: int, rng: random.Random) -> list[str]:
    stop = {
        "what",
        "which",
        "where",
        "when",
        "would",
        "could",
        "should",
        "about",
        "their",
        "there",
        "these",
        "those",
        "without",
        "someone",
        "something",
        "detailed",
        "instructions",
        "write",
        "give",
        "describe",
        "explain",
        "create",
        "list",
        "how",
        "that",
        "this",
        "with",
        "from",
        "into",
        "your",
        "have",
        "make",
        "best",
        "some",
        "ways",
        "getting",
        "caught",
        "generate",
        "provide",
        "persuasive",
        "article",
        "step",
        "steps",
        "please",
        "tell",
        "does",
        "people",
        "thing",
        "things",
    }
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", prompt) if w.lower() not in stop]
    if not words:
        return ["it"] * k
    return [rng.choice(words).lower() for _ in range(k)]


# --------------------------------------------------------------------------------------------
# A small numpy trainer: standardise, optional ReLU hidden layer, softmax, Adam, L2, early stop.
# --------------------------------------------------------------------------------------------

FloatArray = NDArray[np.float32]


@dataclass
class TrainedHead:
    mean: FloatArray
    scale: FloatArray
    layers: list[tuple[FloatArray, FloatArray]]


def _forward(
    x: FloatArray, layers: list[tuple[FloatArray, FloatArray]], drop: float, rng: np.random.Generator | None
) -> tuple[FloatArray, list[FloatArray]]:
    acts = [x]
    h = x
    for i, (w, b) in enumerate(layers):
        h = h @ w + b
        if i < len(layers) - 1:
            h = np.maximum(h, 0.0)
            if drop > 0 and rng is not None:
                mask = (rng.random(h.shape) >= drop).astype(np.float32) / (1.0 - drop)
                h = h * mask
        acts.append(h)
    return h, acts


def softmax(z: FloatArray) -> FloatArray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def train_head(
    x: FloatArray,
    y: NDArray[np.int64],
    n_classes: int,
    *,
    hidden: int = 0,
    l2: float = 1e-3,
    epochs: int = 40,
    lr: float = 3e-3,
    batch: int = 256,
    drop: float = 0.0,
    input_noise: float = 0.0,
    block_drop: Sequence[tuple[int, int]] = (),
    block_drop_p: float = 0.0,
    class_weight: Sequence[float] | None = None,
    sample_weight: NDArray[np.float32] | None = None,
    seed: int = 0,
    x_val: FloatArray | None = None,
    y_val: NDArray[np.int64] | None = None,
    verbose: bool = True,
) -> TrainedHead:
    rng = np.random.default_rng(seed)
    mean = x.mean(axis=0).astype(np.float32)
    scale = (x.std(axis=0) + 1e-3).astype(np.float32)
    xs = ((x - mean) / scale).astype(np.float32)
    sizes = [xs.shape[1], *([hidden] if hidden else []), n_classes]
    layers: list[tuple[FloatArray, FloatArray]] = []
    for a, b in pairwise(sizes):
        w = (rng.standard_normal((a, b)) * np.sqrt(2.0 / a) * (0.5 if b == n_classes else 1.0)).astype(
            np.float32
        )
        layers.append((w, np.zeros(b, dtype=np.float32)))
    m = [(np.zeros_like(w), np.zeros_like(b)) for w, b in layers]
    v = [(np.zeros_like(w), np.zeros_like(b)) for w, b in layers]
    cw = np.asarray(class_weight if class_weight is not None else [1.0] * n_classes, dtype=np.float32)
    sw = sample_weight if sample_weight is not None else np.ones(len(y), dtype=np.float32)
    step = 0
    b1, b2 = 0.9, 0.999
    best: tuple[float, list[tuple[FloatArray, FloatArray]]] | None = None
    for epoch in range(epochs):
        order = rng.permutation(len(y))
        total = 0.0
        for start in range(0, len(y), batch):
            idx = order[start : start + batch]
            xb = xs[idx]
            if input_noise > 0:
                xb = xb + rng.standard_normal(xb.shape).astype(np.float32) * input_noise
            if block_drop_p > 0:
                xb = xb.copy()
                for lo, hi in block_drop:
                    dropped = rng.random(len(xb)) < block_drop_p
                    xb[dropped, lo:hi] = 0.0
            yb = y[idx]
            wb = cw[yb] * sw[idx]
            out, acts = _forward(xb, layers, drop, rng)
            p = softmax(out)
            total += float(-(np.log(p[np.arange(len(yb)), yb] + 1e-9) * wb).sum())
            grad = p.copy()
            grad[np.arange(len(yb)), yb] -= 1.0
            grad *= (wb / wb.sum())[:, None]
            grads: list[tuple[FloatArray, FloatArray]] = []
            for i in range(len(layers) - 1, -1, -1):
                w, _ = layers[i]
                gw = acts[i].T @ grad + l2 * w
                gb = grad.sum(axis=0)
                grads.append((gw.astype(np.float32), gb.astype(np.float32)))
                if i > 0:
                    grad = (grad @ w.T) * (acts[i] > 0)
            grads.reverse()
            step += 1
            for i, ((w, b), (gw, gb)) in enumerate(zip(layers, grads, strict=True)):
                mw, mb = m[i]
                vw, vb = v[i]
                mw = b1 * mw + (1 - b1) * gw
                mb = b1 * mb + (1 - b1) * gb
                vw = b2 * vw + (1 - b2) * gw * gw
                vb = b2 * vb + (1 - b2) * gb * gb
                m[i] = (mw, mb)
                v[i] = (vw, vb)
                corr1 = 1 - b1**step
                corr2 = 1 - b2**step
                w = w - lr * (mw / corr1) / (np.sqrt(vw / corr2) + 1e-8)
                b = b - lr * (mb / corr1) / (np.sqrt(vb / corr2) + 1e-8)
                layers[i] = (w.astype(np.float32), b.astype(np.float32))
        msg = f"epoch {epoch + 1:3d} train loss {total / len(y):.4f}"
        if x_val is not None and y_val is not None:
            pv = softmax(_forward(((x_val - mean) / scale).astype(np.float32), layers, 0.0, None)[0])
            val_loss = float(-np.log(pv[np.arange(len(y_val)), y_val] + 1e-9).mean())
            acc = float((pv.argmax(1) == y_val).mean())
            msg += f"  val loss {val_loss:.4f} acc {acc:.4f}"
            if best is None or val_loss < best[0]:
                best = (val_loss, [(w.copy(), b.copy()) for w, b in layers])
        if verbose and (epoch % 5 == 4 or epoch == epochs - 1):
            print(msg, flush=True)
    if best is not None:
        layers = best[1]
    return TrainedHead(mean=mean, scale=scale, layers=layers)


def predict(head: TrainedHead, x: FloatArray) -> FloatArray:
    return softmax(_forward(((x - head.mean) / head.scale).astype(np.float32), head.layers, 0.0, None)[0])


def confusion(y_true: Sequence[int], y_pred: Sequence[int], n: int) -> list[list[int]]:
    mat = [[0] * n for _ in range(n)]
    for t, p in zip(y_true, y_pred, strict=True):
        mat[t][p] += 1
    return mat


def print_confusion(mat: list[list[int]], labels: Sequence[str]) -> None:
    width = max(len(s) for s in labels) + 2
    print(" " * width + "".join(f"{s[:14]:>16}" for s in labels) + "   (rows: truth, cols: predicted)")
    for name, row in zip(labels, mat, strict=True):
        print(f"{name:<{width}}" + "".join(f"{c:>16}" for c in row))


# --------------------------------------------------------------------------------------------
# Verb phrase and object of a request: "Give detailed instructions for how to make X at home"
# -> ("make X at home", "X").
# --------------------------------------------------------------------------------------------

_REQ_LEAD = re.compile(
    r"(?i)^(?:please\s+|can you\s+|could you\s+|would you\s+|i need you to\s+|i want you to\s+|help me\s+)*"
    r"(?:(?:give|provide|write|list|describe|explain|create|generate|offer|share|suggest|outline|devise|develop)"
    r"\s+(?:me\s+)?(?:a\s+|an\s+|the\s+|some\s+)?(?:detailed\s+|specific\s+|step-by-step\s+|clear\s+|simple\s+)*"
    r"(?:instructions|guide|tutorial|tips|advice|guidance|steps|plan|strategy|explanation|list|suggestions|ways"
    r"|methods|considerations)?\s*(?:for|on|about|of)?\s*)?(?:how\s+(?:to|can\s+i|do\s+i|could\s+i|would\s+i|one"
    r"\s+(?:can|could|would)|someone\s+(?:can|could|would))\s+)?",
)
_GER_TO_BASE = {v: k for k, v in _GERUND.items()}
_OBJ_STOPWORD_TEXT = """
a an the and or but of to in on at by for with without from into onto about as is are was were be
been being do does did have has had i me my we our you your he she it its they them their this that
these those there here what which who whom when where why how all any some such no not only own same
so than too very can will just should would could may might must up down out off over under again
further then once best way ways most more quickly quietly easily someone something anything get
getting make making use using avoid caught detailed specific step steps someone's people person home
one
"""
_OBJ_STOPWORDS = frozenset(_OBJ_STOPWORD_TEXT.split())
_OBJ_STOP = re.compile(
    r"(?i)\b(?:without|at|in|on|for|to|from|using|that|so|which|while|by|and then|such as|because|into"
    r"|with)\b"
)


def request_parts(prompt: str) -> tuple[str, str]:
    """(verb phrase, object) of a request, heuristically; never empty."""
    text = re.sub(r"\s+", " ", prompt.strip().split("\n")[0]).rstrip("?.! ")
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0]
    vp = _REQ_LEAD.sub("", text, count=1).strip() or text
    first, _, rest = vp.partition(" ")
    if first.lower() in _GER_TO_BASE and rest:
        vp = f"{_GER_TO_BASE[first.lower()]} {rest}"
    vp = vp[0].lower() + vp[1:] if vp else "do this"
    vp = re.split(r"[,?;:.]", vp)[0].strip() or vp
    vp = re.sub(
        r"(?i)^(?:what|which)(?: is| are|'s)? (?:the )?(?:best|easiest|most effective|good|three good)"
        r" (?:way|ways|method|methods|methods) (?:of|to|for) ",
        "",
        vp,
    )
    vp_words = vp.split()
    if len(vp_words) > 12:
        vp = " ".join(vp_words[:12])
    words = re.findall(r"[A-Za-z0-9'-]+", vp)
    runs: list[list[str]] = [[]]
    for w in words[1:]:
        if w.lower() in _OBJ_STOPWORDS or len(w) < 3:
            runs.append([])
        else:
            runs[-1].append(w)
    best = max(runs, key=len)
    obj = " ".join(best[:4])
    tail = " ".join(words[1:4])
    return vp, (obj or tail or "it")


def ensemble_head(name: str, classes: Sequence[str], members: Sequence[TrainedHead]) -> Any:
    """The members (trained on the same inputs, so sharing one standardisation) as one ``Head``."""
    from charter.checks._head import Head

    return Head(
        name=name,
        classes=tuple(classes),
        mean=members[0].mean,
        scale=members[0].scale,
        members=tuple(tuple(m.layers) for m in members),
        meta={},
    )


def save_head(
    head: Any,
    *,
    name: str,
    classes: Sequence[str],
    script: str,
    seed: int,
    examples: Sequence[Any],
    n_train: int,
    extra: dict[str, str],
) -> None:
    """Write ``weights/<name>.npz`` with the metadata both training scripts record, then ``extra``.

    ``examples`` (with ``label``, ``prompt`` and ``reply``) are hashed into ``corpus_sha256``.
    """
    from charter.checks._head import FEATURE_VERSION, Head

    digest = hashlib.sha256(
        "\n".join(f"{e.label}\t{e.prompt}\t{e.reply}" for e in examples).encode()
    ).hexdigest()
    final = Head(
        name=name,
        classes=tuple(classes),
        mean=head.mean,
        scale=head.scale,
        members=head.members,
        meta={
            "feature_version": str(FEATURE_VERSION),
            "trained_by": script,
            "seed": str(seed),
            "n_train": str(n_train),
            "corpus_sha256": digest,
            **extra,
        },
    )
    out = WEIGHTS_DIR / f"{name}.npz"
    final.save(out)
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB)")
