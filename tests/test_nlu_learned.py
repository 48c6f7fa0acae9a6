"""The learned layer: explainable, extendable by trainers without retraining, carried on
every scorecard by its hash, and deterministic."""

from __future__ import annotations

from simulator.nlu.analyser import Analyser, analyze, default_analyser
from simulator.nlu.learned import default_model, model_digest


def test_the_model_ships() -> None:
    """Without it the analyser silently falls back to the rules: a packaging slip, not a mode."""
    assert default_model() is not None


def test_a_learned_move_quotes_the_words_and_says_why() -> None:
    text = "Wow, must be nice to have time for vacations but not for bills."
    a = analyze(text)
    assert a.has("pressure")
    mv = next(m for m in a.moves if m.move == "pressure")
    assert mv.evidence and mv.evidence in text
    assert mv.why.startswith(("learned:", "cue", "pattern"))
    if mv.why.startswith("learned:"):
        assert '"' in mv.why and "like" in mv.why  # the words that weighed, the nearest line


def test_a_multi_sentence_line_quotes_the_sentence_that_showed_the_move() -> None:
    text = ("I'm calling about your Harbor Bank card. Honestly, I've heard every excuse in the "
            "book, so let's skip the sob story.")
    a = analyze(text)
    assert a.has("pressure")
    mv = next(m for m in a.moves if m.move == "pressure")
    assert "excuse" in mv.evidence or "sob story" in mv.evidence
    assert "Harbor Bank" not in mv.evidence


def test_rules_alone_are_still_available() -> None:
    a = default_analyser().rules_only("Could you tell me a bit about what happened?")
    assert a.has("open_question")


def test_trainer_examples_take_effect_without_retraining() -> None:
    line = "Zorblax the flimflam, comrade."
    assert not analyze(line).has("empathy")
    extended = default_analyser().extended({"empathy": {"examples": [line]}})
    assert extended.analyze(line).has("empathy")
    assert extended.analyze(line).moves[0].why.startswith("similar to example")


def test_trainer_phrases_take_effect_without_retraining() -> None:
    line = "Please hold the pickles while I read you the terms."
    extended = Analyser.default().extended({"recording_notice": {"phrases": ["hold the pickles"]}})
    assert extended.analyze(line).has("recording_notice")


def test_same_line_same_analysis() -> None:
    text = "So you lost the job in August. I'm sorry. What could you manage each month?"
    ctx = "I got laid off in August."
    assert analyze(text, ctx).to_dict() == analyze(text, ctx).to_dict()


def test_scorecards_carry_the_model_hash() -> None:
    from simulator.session import Session

    s = Session.start("cooperative-basic")
    s.say("Hi, this is Sam with Northgate Recovery. Am I speaking with Jordan Whitaker?")
    s.hang_up()
    from scoring import score

    card = score(s.finish()).to_dict()
    assert card["meta"]["hashes"]["model"] == model_digest()


# --- how the rules and the model decide together (simulator.nlu.combine) ---------------

WALK_ME_THROUGH = "So walk me through a normal week for you."


def test_policies_by_name() -> None:
    from simulator.nlu.combine import INF, POLICY, policy_of
    from simulator.nlu.types import MOVES

    assert policy_of("model") == (0.0, 0.0)
    assert policy_of("union") == (0.0, INF)
    assert policy_of("rules") == (INF, INF)
    assert policy_of(1.5) == (0.0, 1.5)
    assert policy_of((2, 0.5)) == (2.0, 0.5)
    assert set(POLICY) == set(MOVES)
    assert all(alone >= 0 and veto >= 0 for alone, veto in POLICY.values())


def test_rules_policy_is_the_rules_and_union_adds_the_model() -> None:
    base = default_analyser()
    model = default_model()
    line = "Wow, must be nice to have time for vacations but not for bills."
    rules = set(base.rules_only(line).move_names)
    from simulator.nlu.types import MOVES

    as_rules = set(base.with_model(model, dict.fromkeys(MOVES, "rules")).analyze(line).move_names)
    assert as_rules == rules
    union = set(base.with_model(model, {"pressure": "union"}).analyze(line).move_names)
    assert "pressure" in union and rules <= union


def test_the_model_can_overrule_a_rule_only_when_the_policy_lets_it() -> None:
    """The rules read an open question here and the model does not (one of its known
    misses): with no veto the rule stands; with the model's say it goes."""
    base, model = default_analyser(), default_model()
    line, move = WALK_ME_THROUGH, "open_question"
    assert move in base.rules_only(line).move_names
    assert move in base.with_model(model, {move: "union"}).analyze(line).move_names
    assert move not in base.with_model(model, {move: "model"}).analyze(line).move_names


# --- exact sums ------------------------------------------------------------------------

def _lines() -> list[tuple[str, str | None]]:
    return [
        ("I get that money's tight right now. What could you manage each month?", "I lost my job."),
        ("Pay today or we'll have you arrested.", None),
        ("so like i said u can pay $50 a month starting the 1st ok??", "Fine, whatever."),
        ("word " * 400, None),  # past the feature cap
        ("", None),
        ("Zxqv ploof blarg.", "Hmm?"),  # no known feature but a few grams
    ]


def test_packed_sums_are_the_exact_fsum_of_every_column() -> None:
    import math

    from simulator.nlu.features import context_features, features

    model = default_model()
    assert model is not None
    for text, context in _lines():
        feats = features(text, context, ("greeting",))
        rows = model._present(feats)
        bias = [*model.bias, *model.tone_bias]
        expect = [b + math.fsum(col) for b, col in zip(bias, zip(*rows, strict=True), strict=True)] if rows else bias
        assert model.heads(feats) == expect
        # the words alone and the context's extra features merge to the whole line's tally
        own, extra = features(text, None, ("greeting",)), context_features(text, context)
        assert not own & extra
        assert model.heads_of(model.merge(model.tally(own), model.tally(extra))) == expect


def test_a_model_whose_weights_do_not_pack_is_summed_column_by_column() -> None:
    import array
    import math

    from simulator.nlu.learned import LearnedModel
    from simulator.nlu.types import MOVES

    width = len(MOVES) + 2
    data = {"format": 2, "moves": list(MOVES), "features": ["w:a", "w:b"], "bias": [0.0] * len(MOVES),
            "cut": [0.0] * len(MOVES), "tone_bias": [0.0, 0.0], "examples": {}}
    weights = array.array("f", [1.5] * width + [1e-30] * width)  # 1e-30: finer than a lane holds
    model = LearnedModel(data, weights, "x")
    heads = model.heads({"w:a", "w:b"})
    assert heads == [math.fsum([1.5, array.array("f", [1e-30])[0]])] * width
    assert model.heads({"w:a"}) == [1.5] * width
