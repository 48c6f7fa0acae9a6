"""Training the learned layer from the project's corpus (``data/utterances``).

Used by ``collectsim train`` and by ``bench/nlu_eval.py``; never on the analysis path.
It needs scikit-learn and NumPy (``pip install collectsim[train]``); the shipped model
is a plain JSON file that the analyser reads without either.

One logistic regression per move over the features of ``features.py`` (the rules'
findings among them), and two for tone (negative vs the rest, positive vs the rest).
Each move's decision threshold is chosen on leave-one-voice-out predictions, so the
threshold is set for wording the model has not seen, as a trainee's will be. Training
is deterministic: the same corpus and settings give the same file, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.nlu.features import features
from simulator.nlu.types import MOVES

#: Tone classes of the corpus and the number each stands for.
TONES = {"negative": -1, "neutral": 0, "positive": 1}
FORMAT = 2
MIN_DF = 2


@dataclass
class Row:
    """One labelled collector line of the corpus."""

    id: str
    voice: str
    set: str
    text: str
    moves: frozenset[str]
    tone: str
    context: str | None = None
    rules: tuple[str, ...] = ()
    _feats: frozenset[str] | None = None

    def feats(self) -> frozenset[str]:
        """The row's features (with the rules' findings), worked out once."""
        if self._feats is None:
            self._feats = frozenset(features(self.text, self.context, self.rules))
        return self._feats


@dataclass(frozen=True)
class Settings:
    C: float = 4.0  # inverse regularisation of the move models
    tone_C: float = 2.0
    prune: float = 0.02  # weights smaller than this are dropped from the shipped file
    examples_per_move: int = 60  # corpus lines kept per move for "nearest example"
    threshold_groups: int = 4  # folds of voices whose predictions set the thresholds
    threshold_grid: tuple[float, ...] = tuple(round(0.1 + 0.025 * i, 3) for i in range(33))


@dataclass
class Trained:
    """What ``fit`` produces: weights per feature, biases, thresholds, tone heads."""

    weights: dict[str, list[float]]  # feature -> weight per move, then the two tone heads
    bias: list[float]
    cut: list[float]  # decision threshold per move, as a logit
    tone_bias: list[float]
    examples: dict[str, list[str]]
    meta: dict[str, Any] = field(default_factory=dict)


def load_corpus(paths: Iterable[Path]) -> list[Row]:
    """Rows of every ``*.jsonl`` file under the given files or folders, in a stable order."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        files += sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    rows: list[Row] = []
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            d = json.loads(line)
            unknown = set(d["moves"]) - set(MOVES)
            if unknown:
                raise ValueError(f"{f}:{n}: unknown move(s) {sorted(unknown)}")
            rows.append(Row(d["id"], d.get("voice", f.stem), d.get("set", "general"), d["text"],
                            frozenset(d["moves"]), d["tone"], d.get("context")))
    return rows


def corpus_hash(rows: Sequence[Row]) -> str:
    h = hashlib.sha256()
    for r in rows:
        h.update(json.dumps([r.id, r.text, sorted(r.moves), r.tone, r.context],
                            ensure_ascii=False).encode())
    return h.hexdigest()


def add_rule_moves(rows: Sequence[Row], analyse: Callable[..., Any]) -> None:
    """What the rules find in each row (a feature of the model)."""
    for r in rows:
        r.rules = tuple(analyse(r.text, r.context).move_names)
        r._feats = None


def _matrix(rows: Sequence[Row], vocab: dict[str, int] | None = None, min_df: int = MIN_DF,
            drop: tuple[str, ...] = ()) -> tuple[Any, dict[str, int]]:
    """The rows' features as a sparse 0/1 matrix; ``drop``: feature prefixes left out
    (``bench/nlu_sweep.py`` tries feature sets without retraining code of its own)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    feats = [r.feats() for r in rows]
    if drop:
        feats = [frozenset(f for f in fs if not f.startswith(drop)) for fs in feats]
    if vocab is None:
        # Features seen in at least two lines: a feature of one line only teaches that line.
        seen: dict[str, int] = {}
        for fs in feats:
            for f in fs:
                seen[f] = seen.get(f, 0) + 1
        vocab = {f: i for i, f in enumerate(sorted(f for f, n in seen.items() if n >= min_df))}
    indices: list[int] = []
    indptr = [0]
    for fs in feats:
        cols = sorted(vocab[f] for f in fs if f in vocab)
        indices += cols
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    m = csr_matrix((data, np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int32)),
                   shape=(len(rows), len(vocab)))
    return m, vocab


def _fit_heads(x: Any, targets: list[list[int]], c: float) -> tuple[Any, list[float]]:
    """One logistic regression per target column; (coef matrix heads x features, biases)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    coefs, biases = [], []
    for y in targets:
        y_arr = np.array(y)
        if y_arr.min() == y_arr.max():  # a head with one class: a constant
            coefs.append(np.zeros(x.shape[1]))
            biases.append(8.0 if y_arr[0] else -8.0)
            continue
        # The dual problem: far fewer lines than features, so it is the faster one.
        clf = LogisticRegression(C=c, solver="liblinear", dual=True, max_iter=2000, random_state=0)
        clf.fit(x, y_arr)
        coefs.append(clf.coef_[0])
        biases.append(float(clf.intercept_[0]))
    return np.vstack(coefs), biases


def _move_targets(rows: Sequence[Row]) -> list[list[int]]:
    return [[int(m in r.moves) for r in rows] for m in MOVES]


def _tone_targets(rows: Sequence[Row]) -> list[list[int]]:
    return [[int(r.tone == "negative") for r in rows], [int(r.tone == "positive") for r in rows]]


def fit_scores(train: Sequence[Row], test: Sequence[Row], settings: Settings) -> Any:
    """Move probabilities for ``test`` from models fitted on ``train`` (rows x moves)."""
    import numpy as np

    x, vocab = _matrix(train)
    xt, _ = _matrix(test, vocab)
    coef, bias = _fit_heads(x, _move_targets(train), settings.C)
    logits = xt @ coef.T + np.array(bias)
    return 1 / (1 + np.exp(-logits))


def fit_tone_scores(train: Sequence[Row], test: Sequence[Row], settings: Settings) -> Any:
    """The learned tone number (P(positive) - P(negative)) for ``test`` rows."""
    import numpy as np

    x, vocab = _matrix(train)
    xt, _ = _matrix(test, vocab)
    coef, bias = _fit_heads(x, _tone_targets(train), settings.tone_C)
    p = 1 / (1 + np.exp(-(xt @ coef.T + np.array(bias))))
    return p[:, 1] - p[:, 0]


def voice_folds(rows: Sequence[Row], groups: int = 0) -> list[set[str]]:
    """The voices held out together in each fold: one voice a fold (``groups`` 0), or the
    voices dealt round-robin into ``groups`` folds (cheaper, for choosing thresholds)."""
    voices = sorted({r.voice for r in rows})
    if not groups or groups >= len(voices):
        return [{v} for v in voices]
    return [set(voices[i::groups]) for i in range(groups)]


def out_of_fold(rows: Sequence[Row], settings: Settings, groups: int = 0) -> Any:
    """Move probabilities for every row from models that never saw its voice."""
    import numpy as np

    out = np.zeros((len(rows), len(MOVES)))
    for held in voice_folds(rows, groups):
        tr = [r for r in rows if r.voice not in held]
        idx = [i for i, r in enumerate(rows) if r.voice in held]
        out[idx] = fit_scores(tr, [rows[i] for i in idx], settings)
    return out


def f1(pred: Sequence[bool], gold: Sequence[bool]) -> float:
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(pred, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold, strict=True) if g and not p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose_thresholds(probs: Any, rows: Sequence[Row], settings: Settings) -> list[float]:
    """Per move, the probability cut that maximises F1 on ``probs`` (ties: the higher cut)."""
    out = []
    for j, m in enumerate(MOVES):
        gold = [m in r.moves for r in rows]
        col = [float(p) for p in probs[:, j]]
        best = max(settings.threshold_grid, key=lambda t: (f1([p >= t for p in col], gold), t))
        out.append(best)
    return out


def _rows(coef: Any, tcoef: Any, prune: float, vocab: dict[str, int]) -> dict[str, list[float]]:
    """Per feature, its weights for every move then the two tone heads; features whose
    every weight is below ``prune`` are dropped, and so are weights below it."""
    import numpy as np

    out: dict[str, list[float]] = {}
    names = sorted(vocab, key=vocab.__getitem__)
    both = np.vstack([coef, tcoef])
    for col, name in enumerate(names):
        row = [round(float(w), 4) if abs(w) >= prune else 0 for w in both[:, col]]
        if any(row):
            out[name] = [int(w) if w == 0 else w for w in row]
    return out


def _examples(rows: Sequence[Row], k: int) -> dict[str, list[str]]:
    """Per move, up to ``k`` short single-move lines from as many voices as possible."""
    out: dict[str, list[str]] = {}
    for m in MOVES:
        pool = sorted((r for r in rows if r.moves == {m} and len(r.text) <= 140),
                      key=lambda r: (r.id.split("-")[-1], r.voice))
        out[m] = [r.text for r in pool[:k]]
    return out


def fit(rows: Sequence[Row], settings: Settings | None = None,
        thresholds: list[float] | None = None) -> Trained:
    """The shipped model: fitted on every row; thresholds from predictions on voices
    held out (``settings.threshold_groups`` folds of voices)."""
    import numpy as np

    settings = settings or Settings()
    if thresholds is None:
        probs = out_of_fold(rows, settings, settings.threshold_groups)
        thresholds = choose_thresholds(probs, rows, settings)
    x, vocab = _matrix(rows)
    coef, bias = _fit_heads(x, _move_targets(rows), settings.C)
    tcoef, tbias = _fit_heads(x, _tone_targets(rows), settings.tone_C)
    cut = [round(math.log(t / (1 - t)), 4) for t in thresholds]
    return Trained(
        weights=_rows(coef, tcoef, settings.prune, vocab),
        bias=[round(b, 4) for b in bias],
        cut=cut,
        tone_bias=[round(b, 4) for b in tbias],
        examples=_examples(rows, settings.examples_per_move),
        meta={"corpus_sha256": corpus_hash(rows), "lines": len(rows),
              "voices": sorted({r.voice for r in rows}), "C": settings.C, "tone_C": settings.tone_C,
              "prune": settings.prune, "thresholds": thresholds,
              "features_fitted": int(np.int64(len(vocab)))},
    )


def dump(model: Trained) -> tuple[str, bytes]:
    """The model's two files: canonical JSON (everything but the weights, with the
    feature names in row order) and the weights as little-endian float32 rows (one row
    per feature: each move, then the two tone heads). Equal models are equal bytes."""
    import array
    import sys

    names = sorted(model.weights)
    data = {
        "format": FORMAT,
        "moves": list(MOVES),
        "bias": model.bias,
        "cut": model.cut,
        "tone_bias": model.tone_bias,
        "meta": model.meta,
        "examples": model.examples,
        "features": names,
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    weights = array.array("f", (w for n in names for w in model.weights[n]))
    if sys.byteorder != "little":
        weights.byteswap()
    return text, weights.tobytes()


def write(model: Trained, json_path: Path) -> None:
    """Write the model beside ``json_path`` (``model.json`` and ``model.weights``)."""
    text, weights = dump(model)
    Path(json_path).write_text(text, encoding="utf-8")
    Path(json_path).with_suffix(".weights").write_bytes(weights)
