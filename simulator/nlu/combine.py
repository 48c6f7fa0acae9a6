"""Rules and the learned layer together: which moves a line carries, and why.

The rules run first; their findings are features of the model (``r:move``), so the
model has learned from the corpus where the rules are right and where they are not.
The model's decision is final for the shipped cues, with two exceptions chosen by
measurement (``bench/nlu_eval.py``): a move the rules found through a cue a trainer
added (persona, scenario or ``--cues`` file) always stands, since no retraining step
has seen it; and where a move is found by both, the rules' evidence span and reason
are kept (they quote the exact words). Where the law is at stake the composition rules
have the last word: a threat only the model found is dropped when the sentence it rests
on denies the consequence (``threats.denied``). A move only the model found quotes the sentence
that weighed most for it, names the features that weighed most, and the corpus line
it most resembles.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from simulator.nlu.features import features, word_features
from simulator.nlu.learned import LearnedModel
from simulator.nlu.questions import Ask
from simulator.nlu.text import whole_words
from simulator.nlu.threats import denied
from simulator.nlu.types import MOVES, Move

#: How each move is decided, chosen by measurement (``bench/nlu_eval.py --lovo``):
#: "model": the model's say is final (the rules are only its features);
#: "union": found by the rules or by the model;
#: "rules": the rules alone;
#: a number: the model decides, but a move the rules found stands unless the model's
#: score is more than that far below its cut (the model vetoes only when it is sure).
POLICY: dict[str, str | float] = {m: "union" for m in MOVES}
DEFAULT_POLICY = "model"


#: Read each sentence of a longer line too: a line of several sentences is several
#: moves, and read only as a whole, a short question among long statements is drowned.
SENTENCES = True
#: Questions whose only topic is small talk ("What's your favourite film?") invite no
#: explanation of the debtor's situation, and ask for no amount.
SMALL_TALK_NOT = ("open_question", "ask_capacity")


def combine(model: LearnedModel, text: str, norm: str, spans: list[tuple[int, int]],
            context: str | None, found: Mapping[str, Move],
            trainer_whys: Collection[str] = (),
            policy: Mapping[str, str | float] = POLICY,
            asks: Sequence[Ask] = ()) -> tuple[dict[str, Move], float]:
    """The final moves (by name) and the learned tone."""
    feats = features(text, context, found)
    heads = model.heads(feats)
    best = best_scores(model, heads, norm, spans, context, found)
    out: dict[str, Move] = {}
    for name, (score, span) in best.items():
        if score < model.cut[model.index[name]] or policy.get(name, DEFAULT_POLICY) == "rules":
            continue
        rule = found.get(name)
        if rule is not None:
            out[name] = Move(rule.move, rule.evidence, rule.start, rule.end, rule.why,
                             round(model.confidence(name, score), 3))
        else:
            made = _explained(model, name, score, text, norm, spans, feats, span)
            if name == "threat" and denied(made.evidence):
                continue  # "we won't be contacting your employer": a denial is no threat
            out[name] = made
    for name, mv in found.items():
        if name in out:
            continue
        rule = policy.get(name, DEFAULT_POLICY)
        margin = rule if isinstance(rule, float | int) else None
        if mv.why in trainer_whys or rule in ("union", "rules") or (
                margin is not None and best[name][0] >= model.cut[model.index[name]] - margin):
            out[name] = mv
    if asks and all(a.topic == "small_talk" for a in asks):
        for name in SMALL_TALK_NOT:
            mv = out.get(name)
            if mv is not None and mv.why not in trainer_whys:
                del out[name]
    return out, model.tone_of(heads)


def best_scores(model: LearnedModel, heads: Sequence[float], norm: str,
                spans: list[tuple[int, int]], context: str | None,
                found: Mapping[str, Move]) -> dict[str, tuple[float, tuple[int, int] | None]]:
    """Per move, the model's best score: the whole line's, or (for a line of several
    sentences) a sentence's, with the sentence that gave it."""
    best = {m: (heads[j], None) for j, m in enumerate(MOVES)}
    if SENTENCES and len(spans) > 1:
        for a, b in spans:
            inside = [m for m, mv in found.items() if a <= mv.start < b]
            for j, sc in enumerate(model.scores(features(norm[a:b], context, inside))):
                if sc - model.cut[j] > best[MOVES[j]][0] - model.cut[j]:
                    best[MOVES[j]] = (sc, (a, b))
    return best


def _explained(model: LearnedModel, name: str, score: float, text: str, norm: str,
               spans: list[tuple[int, int]], feats: set[str],
               span: tuple[int, int] | None = None) -> Move:
    """A move only the model found: the sentence that showed it (or weighed most), and why."""
    start, end = 0, len(text.rstrip())
    if span is not None:
        start, end = whole_words(norm, *span)
    elif len(spans) > 1:
        best = max(spans, key=lambda sp: model.sentence_weight(
            name, word_features(norm[sp[0]:sp[1]])))
        start, end = whole_words(norm, *best)
    words = model.weighed_most(name, feats)
    like = model.nearest_example(name, text[start:end])
    why = "learned: " + (", ".join(words) if words else "the line as a whole")
    if like:
        why += f'; like "{like}"'
    return Move(name, text[start:end], start, end, why, round(model.confidence(name, score), 3))
