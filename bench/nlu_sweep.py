"""Screen training variants of the learned layer on voices it never saw, cheaply.

For each variant, the 27 voices are dealt into the same 4 groups as
``nlu_eval.py --lovo --groups 4``; a model per group is fitted on the other three and
its move probabilities kept for the left-out group (4 fits a variant, no analyser run).
Each group's cuts are then chosen (max F1 per move, the training grid) on the
left-out predictions of the *other three* groups, never its own. The figures are the
model's bare decisions (no sentence reading, no composition rules), so they are a
screen: the chosen variant is then measured properly with ``nlu_eval.py --lovo``.

    python bench/nlu_sweep.py base C=2 C=8 voice_weight ...
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
ROWS_CACHE = ROOT / "bench" / ".cache" / "sweep-rows.pkl"


def rows() -> list[Any]:
    if ROWS_CACHE.is_file():
        return pickle.loads(ROWS_CACHE.read_bytes())
    from nlu_lovo import CORPUS, load_rows

    rs = load_rows(CORPUS)
    for r in rs:
        r._feats = None
    ROWS_CACHE.parent.mkdir(parents=True, exist_ok=True)
    ROWS_CACHE.write_bytes(pickle.dumps(rs))
    return rs


def set_grams(sizes: tuple[int, ...]) -> None:
    from simulator.nlu import features as F

    def _grams(w: str) -> frozenset[str]:
        padded = f" {w} "
        n = len(padded)
        return frozenset("c:" + padded[i:i + s] for s in sizes for i in range(n - s + 1))

    F._GRAMS.clear()
    F._grams = _grams


def matrix(rs: list[Any], vocab: dict[str, int] | None, min_df: int, drop: tuple[str, ...]) -> Any:
    from simulator.nlu.training import _matrix

    return _matrix(rs, vocab, min_df, drop)


def fit_predict(train: list[Any], test: list[Any], v: dict[str, Any]) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from simulator.nlu.types import MOVES

    x, vocab = matrix(train, None, v.get("min_df", 2), v.get("drop", ()))
    xt, _ = matrix(test, vocab, 2, v.get("drop", ()))
    sw = None
    if v.get("voice_weight"):
        counts: dict[str, int] = {}
        for r in train:
            counts[r.voice] = counts.get(r.voice, 0) + 1
        mean = len(train) / len(counts)
        p = v["voice_weight"]  # 1: every voice weighs the same; 0.5: square root
        sw = np.array([(mean / counts[r.voice]) ** p for r in train])
    out = np.zeros((len(test), len(MOVES)))
    for j, m in enumerate(MOVES):
        y = np.array([int(m in r.moves) for r in train])
        c = v.get("C_move", {}).get(m, v.get("C", 4.0))
        cw = None
        if v.get("pos_weight"):
            cw = {0: 1.0, 1: v["pos_weight"]}
        clf = LogisticRegression(C=c, solver="liblinear", dual=True, max_iter=2000, random_state=0,
                                 class_weight=cw)
        clf.fit(x, y, sample_weight=sw)
        out[:, j] = clf.decision_function(xt)
    return 1 / (1 + np.exp(-out))


def evaluate(rs: list[Any], probs: Any, folds: list[set[str]]) -> dict[str, Any]:
    import numpy as np

    from simulator.nlu.training import Settings
    from simulator.nlu.types import MOVES

    grid = Settings().threshold_grid
    gold = np.array([[m in r.moves for m in MOVES] for r in rs])
    pred = np.zeros_like(gold)
    for held in folds:
        te = np.array([r.voice in held for r in rs])
        for j in range(len(MOVES)):
            g, p = gold[~te, j], probs[~te, j]

            def f1(t: float, g: Any = g, p: Any = p) -> float:
                hit = p >= t
                tp = int((hit & g).sum())
                return 2 * tp / (2 * tp + int((hit & ~g).sum()) + int((~hit & g).sum())) if tp else 0.0
            t = max(grid, key=lambda t: (f1(t), t))
            pred[te, j] = probs[te, j] >= t
    tp = int((pred & gold).sum())
    fp = int((pred & ~gold).sum())
    fn = int((~pred & gold).sum())
    voices: dict[str, float] = {}
    for v in sorted({r.voice for r in rs}):
        s = np.array([r.voice == v for r in rs])
        a, b, c = int((pred[s] & gold[s]).sum()), int((pred[s] & ~gold[s]).sum()), int((~pred[s] & gold[s]).sum())
        voices[v] = 2 * a / (2 * a + b + c)

    def share(sel: Any, hit: Any) -> float:
        return round(float(hit[sel].mean()), 3) if sel.any() else 0.0
    ix = {m: i for i, m in enumerate(MOVES)}
    sets = np.array([r.set for r in rs])
    perm = {m: round(2 * int((pred[:, j] & gold[:, j]).sum()) /
                     max(1, int(pred[:, j].sum() + gold[:, j].sum())), 3) for j, m in enumerate(MOVES)}
    worst = min(voices, key=voices.get)
    return {
        "micro": round(2 * tp / (2 * tp + fp + fn), 4),
        "worst": f"{voices[worst]:.3f} {worst}",
        "nomove": share(~gold.any(1), pred.any(1)),
        "veiled": share(sets == "veiled_threat", pred[:, ix["threat"]]),
        "lawful": share(sets == "lawful", pred[:, ix["threat"]] | pred[:, ix["pressure"]]),
        "pressure_r": share(gold[:, ix["pressure"]], pred[:, ix["pressure"]]),
        "abuse_r": share(gold[:, ix["abuse"]], pred[:, ix["abuse"]]),
        "threat_r": share(gold[:, ix["threat"]], pred[:, ix["threat"]]),
        "per_move": perm,
    }


VARIANTS: dict[str, dict[str, Any]] = {
    "base": {},
    "C=1": {"C": 1.0},
    "C=2": {"C": 2.0},
    "C=8": {"C": 8.0},
    "C=16": {"C": 16.0},
    "voice_weight": {"voice_weight": 1.0},
    "voice_weight_sqrt": {"voice_weight": 0.5},
    "pos_weight2": {"pos_weight": 2.0},
    "min_df3": {"min_df": 3},
    "grams2-5": {"grams": (2, 3, 4, 5)},
    "grams3-6": {"grams": (3, 4, 5, 6)},
    "grams3-4": {"grams": (3, 4)},
    "no_grams": {"drop": ("c:",)},
    "no_rules": {"drop": ("r:",)},
    "no_classes": {"drop": ("k:",)},
}


def run(name: str, v: dict[str, Any], rs: list[Any]) -> tuple[dict[str, Any], Any]:
    import numpy as np

    from simulator.nlu.training import voice_folds
    from simulator.nlu.types import MOVES

    set_grams(v.get("grams", (3, 4, 5)))
    for r in rs:
        r._feats = None
    folds = voice_folds(rs, 4)
    probs = np.zeros((len(rs), len(MOVES)))
    for held in folds:
        tr = [r for r in rs if r.voice not in held]
        idx = [i for i, r in enumerate(rs) if r.voice in held]
        probs[idx] = fit_predict(tr, [rs[i] for i in idx], v)
    return evaluate(rs, probs, folds), probs


def main(argv: list[str]) -> int:
    import json

    import numpy as np

    rs = rows()
    for name in argv or ["base"]:
        v = VARIANTS[name] if name in VARIANTS else json.loads(name)
        t = time.time()
        res, probs = run(name, v, rs)
        np.save(ROOT / "bench" / ".cache" / f"sweep-{name.replace('/', '_')[:60]}.npy", probs)
        per = res.pop("per_move")
        print(f"{name:<22} " + "  ".join(f"{k} {val}" for k, val in res.items())
              + f"  ({time.time() - t:.0f}s)", flush=True)
        print("    " + ", ".join(f"{m} {f:.3f}" for m, f in per.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
