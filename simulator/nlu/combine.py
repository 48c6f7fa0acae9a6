"""Rules and the learned layer together: which moves a line carries, and why.

The rules run first; their findings are features of the model (``r:move``), so the
model has learned from the corpus where the rules are right and where they are not.
The model's decision is final for the shipped cues, with two exceptions chosen by
measurement (``bench/nlu_eval.py``): a move the rules found through a cue a trainer
added (persona, scenario or ``--cues`` file) always stands, since no retraining step
has seen it; and where a move is found by both, the rules' evidence span and reason
are kept (they quote the exact words). A move only the model found quotes the sentence
that weighed most for it, names the features that weighed most, and the corpus line
it most resembles.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from simulator.nlu.features import features, word_features
from simulator.nlu.learned import LearnedModel
from simulator.nlu.text import whole_words
from simulator.nlu.types import MOVES, Move

#: How each move is decided, chosen by measurement (``bench/nlu_eval.py --lovo``):
#: "model": the model's say is final (the rules are only its features);
#: "union": found by the rules or by the model;
#: "rules": the rules alone;
#: a number: the model decides, but a move the rules found stands unless the model's
#: score is more than that far below its cut (the model vetoes only when it is sure).
POLICY: dict[str, str | float] = {}
DEFAULT_POLICY = "model"


def combine(model: LearnedModel, text: str, norm: str, spans: list[tuple[int, int]],
            context: str | None, found: Mapping[str, Move],
            trainer_whys: Collection[str] = (),
            policy: Mapping[str, str | float] = POLICY) -> tuple[dict[str, Move], float]:
    """The final moves (by name) and the learned tone."""
    feats = features(text, context, found)
    heads = model.heads(feats)
    scores = heads[:len(MOVES)]
    chosen = [m for m in model.moves(scores) if policy.get(m, DEFAULT_POLICY) != "rules"]
    out: dict[str, Move] = {}
    for name in chosen:
        score = scores[model.index[name]]
        rule = found.get(name)
        if rule is not None:
            out[name] = Move(rule.move, rule.evidence, rule.start, rule.end, rule.why,
                             round(model.confidence(name, score), 3))
        else:
            out[name] = _explained(model, name, score, text, norm, spans, feats)
    for name, mv in found.items():
        if name in out:
            continue
        rule = policy.get(name, DEFAULT_POLICY)
        margin = rule if isinstance(rule, float | int) else None
        if mv.why in trainer_whys or rule in ("union", "rules") or (
                margin is not None and scores[model.index[name]] >= model.cut[model.index[name]] - margin):
            out[name] = mv
    return out, model.tone_of(heads)


def _explained(model: LearnedModel, name: str, score: float, text: str, norm: str,
               spans: list[tuple[int, int]], feats: set[str]) -> Move:
    """A move only the model found: the sentence that weighed most, and why."""
    start, end = 0, len(text.rstrip())
    if len(spans) > 1:
        best = max(spans, key=lambda sp: model.sentence_weight(
            name, word_features(norm[sp[0]:sp[1]])))
        start, end = whole_words(norm, *best)
    words = model.weighed_most(name, feats)
    like = model.nearest_example(name, text[start:end])
    why = "learned: " + (", ".join(words) if words else "the line as a whole")
    if like:
        why += f'; like "{like}"'
    return Move(name, text[start:end], start, end, why, round(model.confidence(name, score), 3))
