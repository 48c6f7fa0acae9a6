"""The learned layer at analysis time: the shipped weights (``model.json``) applied to a
line's features, in plain Python.

Each move has a linear score (bias plus the weights of the features present) and a cut
chosen on voices the model had not seen; a score at or above the cut is the move. The
file is read on the first analysis, not at import. Everything a decision rests on can
be shown: the features that weighed most, and the corpus line it most resembles.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from functools import lru_cache
from pathlib import Path

from simulator.nlu.types import MOVES

MODEL_FILE = Path(__file__).with_name("model.json")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


class LearnedModel:
    """Weights per feature for every move and for tone, read from the model file."""

    def __init__(self, data: dict, digest: str) -> None:
        if data.get("format") != 1 or list(data.get("moves", ())) != list(MOVES):
            raise ValueError("model.json does not fit this version of the analyser; "
                             "rebuild it with `collectsim train`")
        self.digest = digest
        self.bias: list[float] = data["bias"]
        self.cut: list[float] = data["cut"]
        self.weights: dict[str, list[list[float]]] = data["weights"]
        self.tone_bias: list[float] = data["tone_bias"]
        self.tone_weights: dict[str, list[list[float]]] = data["tone_weights"]
        self.examples: dict[str, list[str]] = data["examples"]
        self.meta: dict = data.get("meta", {})
        self._example_words: dict[str, list[frozenset[str]]] | None = None

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> LearnedModel:
        raw = path.read_bytes()
        return cls(json.loads(raw), hashlib.sha256(raw).hexdigest())

    def scores(self, feats: set[str]) -> list[float]:
        """Each move's score (a logit), in MOVES order."""
        s = list(self.bias)
        get = self.weights.get
        for f in feats:
            row = get(f)
            if row:
                for j, w in row:
                    s[int(j)] += w
        return s

    def moves(self, scores: list[float]) -> list[str]:
        return [m for m, sc, cut in zip(MOVES, scores, self.cut, strict=True) if sc >= cut]

    def tone(self, feats: set[str]) -> float:
        """P(positive) - P(negative), from the two tone heads."""
        neg, pos = self.tone_bias
        get = self.tone_weights.get
        for f in feats:
            row = get(f)
            if row:
                for j, w in row:
                    if j:
                        pos += w
                    else:
                        neg += w
        return _sigmoid(pos) - _sigmoid(neg)

    def confidence(self, move: str, score: float) -> float:
        """How far past its cut a score is, as a probability-like number in (0, 1)."""
        return _sigmoid(score - self.cut[MOVES.index(move)] + 1.0)

    # --- explanation -------------------------------------------------------------------
    def weighed_most(self, move: str, feats: set[str], k: int = 3) -> list[str]:
        """The readable features that pushed ``move`` up most: words, word pairs, word
        classes (character grams are shown as the word they come from)."""
        j = MOVES.index(move)
        best: list[tuple[float, str]] = []
        for f in feats:
            for jj, w in self.weights.get(f, ()):
                if int(jj) == j and w > 0 and f[:2] in ("w:", "b:", "k:", "r:", "x:"):
                    best.append((w, f))
        best.sort(key=lambda t: (-t[0], t[1]))
        return [_readable(f) for _, f in best[:k]]

    def sentence_weight(self, move: str, feats: set[str]) -> float:
        j = MOVES.index(move)
        total = 0.0
        for f in feats:
            for jj, w in self.weights.get(f, ()):
                if int(jj) == j:
                    total += w
        return total

    def nearest_example(self, move: str, text: str) -> str:
        """The corpus line of ``move`` that shares most words with ``text`` (Jaccard)."""
        if self._example_words is None:
            self._example_words = {m: [frozenset(_WORD.findall(e.lower())) for e in ex]
                                   for m, ex in self.examples.items()}
        mine = frozenset(_WORD.findall(text.lower()))
        best, best_sim = "", 0.0
        for e, words in zip(self.examples.get(move, ()), self._example_words.get(move, ()),
                            strict=True):
            union = len(mine | words)
            sim = len(mine & words) / union if union else 0.0
            if sim > best_sim:
                best, best_sim = e, sim
        return best


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    z = math.exp(x)
    return z / (1 + z)


def _readable(feature: str) -> str:
    kind, _, value = feature.partition(":")
    if kind == "b":
        value = value.replace("<s>_", "").replace("_</s>", "").replace("_", " ")
        return f'"{value}"'
    if kind == "k":
        return f"[{value.replace('+', ' + ')}]"
    if kind == "r":
        return f"(rules: {value})"
    if kind == "x":
        return f'(debtor said "{value}")'
    return f'"{value}"'


@lru_cache(maxsize=1)
def default_model() -> LearnedModel | None:
    """The shipped model, or None when the package carries none (the rules then work alone)."""
    if not MODEL_FILE.is_file():
        return None
    return LearnedModel.load(MODEL_FILE)


def model_digest() -> str | None:
    """sha256 of the shipped model file, for scorecards (``verify`` notices a new model)."""
    model = default_model()
    return model.digest if model is not None else None
