"""The learned layer at analysis time: the shipped weights (``model.json``) applied to a
line's features, in plain Python.

Each move has a linear score (bias plus the weights of the features present) and a cut
chosen on voices the model had not seen; a score at or above the cut is the move. The
file is read on the first analysis, not at import. Everything a decision rests on can
be shown: the features that weighed most, and the corpus line it most resembles.
"""

from __future__ import annotations

import array
import json
import math
import re
import sys
from collections.abc import Callable, Collection
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from simulator.nlu.types import MOVES

MODEL_FILE = Path(__file__).with_name("model.json")
#: The features' rows summed: the packed total or, for a model whose weights do not pack,
#: the rows themselves.
Tally = int | list[array.array]
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


class LearnedModel:
    """Weights per feature for every move and for tone, read from the model file."""

    def __init__(self, data: dict, weights: array.array, digest: str | Callable[[], str]) -> None:
        if len(weights) != len(data.get("features", ())) * (len(MOVES) + 2):
            _misfit()
        self._setup(data, digest)
        self._loaded: tuple[dict[str, int], array.array] | None = (self._rows_of(data), weights)

    def _setup(self, data: dict, digest: str | Callable[[], str]) -> None:
        """Everything but the weights: shared by a model read from its files and one
        started from what the cache folder kept (``kept``)."""
        if data.get("format") != 2 or list(data.get("moves", ())) != list(MOVES):
            _misfit()
        self._digest = digest
        self.index = {m: i for i, m in enumerate(MOVES)}
        self.bias: list[float] = data["bias"]
        self.cut: list[float] = data["cut"]
        self.tone_bias: list[float] = data["tone_bias"]
        #: feature -> (weight for each move..., tone negative, tone positive)
        self._width = len(MOVES) + 2
        self.examples: dict[str, list[str]] = data["examples"]
        self.meta: dict = data.get("meta", {})
        self._example_words: dict[str, list[frozenset[str]]] = {}
        self._packed: dict[str, int] = {}
        self._packable = True  # False once a row is met that cannot be packed exactly
        #: Rows the cache folder kept (feature -> float32 bytes), while the files are unread.
        self._kept_rows: dict[str, bytes] = {}
        self._loader: Callable[[], tuple[dict, array.array]] | None = None

    def _rows_of(self, data: dict) -> dict[str, int]:
        features = data["features"]
        return dict(zip(features, range(0, len(features) * self._width, self._width), strict=True))

    @classmethod
    def kept(cls, kept: dict, loader: Callable[[], tuple[dict, array.array]],
             digest: str | Callable[[], str]) -> LearnedModel:
        """The model as ``simulator.nlu.modelcache`` kept it: the features met before come
        packed; ``loader`` reads the files the first time one that was not is met."""
        model = cls.__new__(cls)
        model._setup(kept["header"], digest)
        model._loaded = None
        model._loader = loader
        model._packed = kept["packed"]
        model._kept_rows = kept["rows"]
        return model

    def _files(self) -> tuple[dict[str, int], array.array]:
        if self._loaded is None:
            assert self._loader is not None
            data, weights = self._loader()
            if len(weights) != len(data.get("features", ())) * self._width:
                _misfit()
            self._loaded = (self._rows_of(data), weights)
        return self._loaded

    @property
    def _row_of(self) -> dict[str, int]:
        return self._files()[0]

    @property
    def _weights(self) -> array.array:
        return self._files()[1]

    @property
    def digest(self) -> str:
        """sha256 of the model's two files; worked out when first asked for (a scorecard
        needs it, ``collectsim analyze`` does not)."""
        if callable(self._digest):
            self._digest = self._digest()
        return self._digest

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> LearnedModel:
        """``model.json`` and the float32 rows in ``model.weights`` beside it."""
        raw, blob = path.read_bytes(), path.with_suffix(".weights").read_bytes()
        return cls(json.loads(raw), floats(blob), lambda: digest_of(raw, blob))

    def heads(self, feats: Collection[str]) -> list[float]:
        """Every head's score: the moves' logits in MOVES order, then the two tone logits.
        Each column's sum is exact, so the result does not depend on set order."""
        return self.heads_of(self.tally(feats))

    # --- exact sums ----------------------------------------------------------------------
    # A line's score per head is the exact sum of its features' float32 weights, rounded
    # once (what ``math.fsum`` gives). Summing column by column costs a Python operation per
    # feature and head; instead each feature's row is packed, on first use, into one
    # integer: weight j as a whole number of 2**-FRACTION_BITS, shifted to bits
    # j*LANE_BITS. Adding the packed rows adds every column at once, exactly; the lanes
    # (signed: a negative one borrows from the next, and is given back when unpacked) are
    # read from the bottom at the end. A model whose weights do not fit (finer than
    # 2**-FRACTION_BITS, or too large) is summed with ``fsum`` as before.
    FRACTION_BITS = 40
    LANE_BITS = 80
    _LIMIT = 1 << 60  # |weight| * 2**FRACTION_BITS packed at most: 2**19 rows fit a lane

    def tally(self, feats: Collection[str]) -> Tally:
        """The features' rows, summed as far as can be done before the final rounding."""
        if not self._packable:
            return self._present(feats)
        packed = self._packed
        # Features met before are looked up in C; a new one is packed once (unknown to the
        # model: 0) and kept, up to MAX_PACKED, past which it is packed each time it comes.
        new = feats.difference(packed) if isinstance(feats, set | frozenset) else \
            [f for f in feats if f not in packed]
        extra = 0
        for f in new:
            at = self._row_of.get(f)
            p = 0 if at is None else self._pack(at)
            if p is None:
                return self._slow_tally(feats)
            if len(packed) < self.MAX_PACKED:
                packed[f] = p
            else:
                extra += p
        return sum(map(packed.get, feats, repeat(0)), extra)

    def _slow_tally(self, feats: Collection[str]) -> Tally:
        self._packable = False
        return self._present(feats)

    @staticmethod
    def merge(a: Tally, b: Tally) -> Tally:
        """The tally of two disjoint sets of features."""
        if isinstance(a, int) and isinstance(b, int):
            return a + b
        raise TypeError("tallies of an unpacked model are not merged: tally the union")

    def heads_of(self, tally: Tally) -> list[float]:
        bias = [*self.bias, *self.tone_bias]
        if isinstance(tally, int):
            total = tally
            if not total:
                return bias
            lane, scale = self.LANE_BITS, 1 << self.FRACTION_BITS
            mask, half, full = (1 << lane) - 1, 1 << (lane - 1), 1 << lane
            out = []
            for b in bias:
                v = total & mask
                if v >= half:
                    v -= full
                total = (total - v) >> lane
                out.append(b + v / scale)  # int / int: the exact sum, correctly rounded
            return out
        if not tally:
            return bias
        return [b + s for b, s in zip(bias, map(math.fsum, zip(*tally, strict=True)), strict=True)]

    def _pack(self, at: int) -> int | None:
        scale, limit, lane = float(1 << self.FRACTION_BITS), self._LIMIT, self.LANE_BITS
        packed = 0
        for j, w in enumerate(self._weights[at:at + self._width]):
            if w:
                v = w * scale  # exact: a power-of-two multiple of a float32
                if not v.is_integer() or abs(v) >= limit:
                    return None
                packed += int(v) << (j * lane)
        return packed

    #: Rows kept packed at most (the vocabulary a session meets is a few thousand).
    MAX_PACKED = 200_000

    def row(self, feature: str) -> array.array | None:
        """The feature's weights (each move, then the tone heads), or None if unknown."""
        if self._loaded is None:
            kept = self._kept_rows.get(feature)
            if kept is not None:
                return floats(kept, swap=False)
            if feature in self._packed:  # met before: the model does not know it
                return None
        at = self._row_of.get(feature)
        return None if at is None else self._weights[at:at + self._width]

    def _present(self, feats: set[str]) -> list[array.array]:
        if self._loaded is None:
            return [r for r in map(self.row, feats) if r is not None]
        w, width = self._weights, self._width
        return [w[at:at + width] for at in map(self._row_of.get, feats) if at is not None]

    def scores(self, feats: set[str]) -> list[float]:
        """Each move's score (a logit), in MOVES order."""
        return self.heads(feats)[:len(MOVES)]

    def moves(self, scores: list[float]) -> list[str]:
        return [m for m, sc, cut in zip(MOVES, scores, self.cut, strict=False) if sc >= cut]

    @staticmethod
    def tone_of(heads: list[float]) -> float:
        """P(positive) - P(negative), from the two tone heads of ``heads``."""
        return _sigmoid(heads[-1]) - _sigmoid(heads[-2])

    def tone(self, feats: set[str]) -> float:
        return self.tone_of(self.heads(feats))

    def confidence(self, move: str, score: float) -> float:
        """How far past its cut a score is, as a probability-like number in (0, 1)."""
        return _sigmoid(score - self.cut[self.index[move]] + 1.0)

    # --- explanation -------------------------------------------------------------------
    def weighed_most(self, move: str, feats: set[str], k: int = 3) -> list[str]:
        """The readable features that pushed ``move`` up most: words, word pairs, word
        classes (character grams are shown as the word they come from)."""
        j = self.index[move]
        best: list[tuple[float, str]] = []
        for f in feats:
            row = self.row(f)
            if row is not None and row[j] > 0 and f[:2] in ("w:", "b:", "k:", "r:", "x:"):
                best.append((row[j], f))
        best.sort(key=lambda t: (-t[0], t[1]))
        return [_readable(f) for _, f in best[:k]]

    def sentence_weight(self, move: str, feats: set[str]) -> float:
        j = self.index[move]
        return math.fsum(r[j] for r in self._present(feats))

    def example_words(self) -> dict[str, list[frozenset[str]]]:
        """Each corpus line's words, by move: built on first need (about 20 ms), which
        :func:`simulator.nlu.analyser.prepare` moves before the first turn."""
        for move in self.examples:
            self._words_of(move)
        return self._example_words

    def _words_of(self, move: str) -> list[frozenset[str]]:
        """One move's corpus lines' words (an explanation needs one move's, not all)."""
        words = self._example_words.get(move)
        if words is None:
            words = self._example_words[move] = [frozenset(_WORD.findall(e.lower()))
                                                 for e in self.examples.get(move, ())]
        return words

    def nearest_example(self, move: str, text: str) -> str:
        """The corpus line of ``move`` that shares most words with ``text`` (Jaccard)."""
        mine = frozenset(_WORD.findall(text.lower()))
        best, best_sim = "", 0.0
        for e, words in zip(self.examples.get(move, ()), self._words_of(move), strict=True):
            union = len(mine | words)
            sim = len(mine & words) / union if union else 0.0
            if sim > best_sim:
                best, best_sim = e, sim
        return best

    # --- kept between runs (simulator.nlu.modelcache) ---------------------------------
    def kept_state(self, before: int, had_digest: bool, most: int) -> dict | None:
        """What ``simulator.nlu.modelcache`` keeps of this model at exit, or None when this
        run met nothing new (``before``: the features known at its start) and did not work
        the digest out. At most ``most`` features: past it, this run's new ones."""
        new = len(self._packed) > before or (not had_digest and not callable(self._digest))
        if not (new and self._packable):
            return None
        items = list(self._packed.items())  # those kept first, then this run's new ones
        if len(items) > most:
            items = items[before:][-most:]
        packed = dict(items)
        rows: dict[str, bytes] = {}
        for f in packed:
            row = self.row(f)
            if row is not None:
                rows[f] = row.tobytes()
        header = {"format": 2, "moves": list(MOVES), "bias": self.bias, "cut": self.cut,
                  "tone_bias": self.tone_bias, "examples": self.examples, "meta": self.meta}
        digest = None if callable(self._digest) else self._digest
        return {"header": header, "digest": digest, "packed": packed, "rows": rows}


def _misfit() -> None:
    raise ValueError("model.json does not fit this version of the analyser; "
                     "rebuild it with `collectsim train`")


def floats(blob: bytes, swap: bool = True) -> array.array:
    """float32 values from bytes (little-endian in the model file, native in the cache)."""
    weights = array.array("f")
    weights.frombytes(blob)
    if swap and sys.byteorder != "little":
        weights.byteswap()
    return weights


def digest_of(raw: bytes, blob: bytes) -> str:
    import hashlib

    # The same as hashing ``raw + b"\0" + blob``, without copying 6 MB to do so.
    h = hashlib.sha256(raw)
    h.update(b"\0")
    h.update(blob)
    return h.hexdigest()


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
    """The shipped model, or None when the package carries none (the rules then work alone).
    For the command line, started from what the last runs kept (``modelcache``)."""
    if not (MODEL_FILE.is_file() and MODEL_FILE.with_suffix(".weights").is_file()):
        return None
    from simulator.nlu import modelcache

    if not modelcache.enabled:
        return LearnedModel.load(MODEL_FILE)
    model, keep = modelcache.load_kept(MODEL_FILE)
    if keep is not None:
        import atexit

        atexit.register(keep)
    return model


def model_digest() -> str | None:
    """sha256 of the shipped model's files, for scorecards (``verify`` notices a new model)."""
    model = default_model()
    return model.digest if model is not None else None
