"""Insults in English varieties (``simulator/nlu/insults.py``): aimed at the listener they
are abuse, whatever the variety; refused, reported, about a third thing or the speaker's
own they are not. Every sentence here was written for this file (2026-12-03, seventh
session), none taken from the corpus, the held-out voices or the hard sets. The "round two
forms" test the patterns added after the left-out voices' misses had been read
(docs/analyser.md), in wording of their own."""

from __future__ import annotations

import pytest

from simulator.nlu.analyser import default_analyser
from simulator.nlu.insults import insult_in, only_elsewhere
from simulator.nlu.threats import insult_denied

#: Insults aimed at the listener, by variety.
ADDRESSED: dict[str, list[str]] = {
    "australian": [
        "You're a bludger, mate, always have been.",
        "Don't be such a galah, just pay the thing.",
        "You absolute drongo, that cheque bounced.",
        "Righto, you dropkick, the payment's due Friday.",
    ],
    "irish": [
        "Ah, you're some eejit, so you are.",
        "You gobshite, you had months.",
        "Would you stop being a gowl about this?",
    ],
    "british": [
        "Listen here, you muppet, the account is overdue.",
        "You're a right numpty, you know that?",
        "Stop being a wanker and pay up.",
        "What a plonker.",
        "You're a pillock if you think this goes away.",
        "You lot are a load of wasters.",
    ],
    "scottish": [
        "You're a total bampot, you know that.",
        "Pay the bill, ya walloper.",
    ],
    "cajun": [
        "Mais, you a couillon for real, cher.",
        "You're such a cooyon.",
    ],
    "caribbean and west african": [
        "Yuh is a real eediat, yuh know dat?",
        "You're a wutless man.",
        "You mugu, who told you to borrow?",
    ],
    "indian english": [
        "You're a total duffer.",
        "You useless fellow, pay the amount.",
        "Don't act like a nalayak, sir.",
    ],
    "aave and gen-z": [
        "Bro you a whole clown.",
        "You a bum for real.",
        "u r a clown fr",
        "You're so delulu if you think this goes away.",
        "Such a brokie, can't even pay fifty bucks.",
        "Y'all are trifling.",
    ],
    "vocatives": [
        "Pay your bills, deadbeat.",
        "You had six months, genius.",
        "Oi, dickhead, you listening?",
    ],
    "round two forms": [
        "Hang on, jagoff, I'm not done.",
        "You sorry so-and-so, you knew about this bill.",
        "What are you, five?",
        "A ten-year-old could handle this budget.",
        "Put a sock in it and listen.",
        "You're the laziest customer on my list.",
        "That's the stupidest excuse I've ever heard.",
        "Everyone at the shop knows you a cheat.",
    ],
    "demeaning comparisons": [
        "You're about as useful as a chocolate teapot.",
        "You couldn't budget if your life depended on it.",
        "Even a child could fill out this form.",
        "You've got the attention span of a goldfish.",
        "Not the sharpest tool in the shed, are you?",
        "Talking to you is like talking to a brick wall.",
        "You're a few sandwiches short of a picnic.",
        "Stop acting like a child.",
        "What kind of person doesn't pay his bills?",
    ],
}

#: Not abuse: refused, supposed, reported, about a third thing, the speaker's own, or an
#: honest word that looks like an insult.
NOT_ABUSE: dict[str, list[str]] = {
    "refused": [
        "Nobody's calling you a deadbeat.",
        "I'd never call you a deadbeat.",
        "Don't call yuhself stupid, it happens.",
        "Stop calling urself a loser.",
        "You're no fool, you know this is the best deal.",
        "I don't think you're lazy at all.",
    ],
    "supposed": [
        "If you were a deadbeat you wouldn't have called back.",
        "It's not like you're a freeloader.",
    ],
    "reported": [
        "They called you a deadbeat? That's wrong.",
        "You must feel like a failure right now, and you're not.",
    ],
    "a third thing or person": [
        "That idiot system of ours sent you the wrong letter.",
        "The muppets in billing messed up your statement.",
        "Some muppet in accounts keyed it wrong.",
        "He's such a clown, your brother, honestly.",
    ],
    "the speaker's own": [
        "I'm an idiot, sorry, I read the wrong number.",
        "I'm such a muppet, wrong file again.",
        "Silly me, wrong account.",
        "My stupid computer froze.",
    ],
    "honest words": [
        "That is a bum deal.",
        "Are you Karen?",
        "You've been nothing but helpful.",
        "You're entitled to a copy of the validation notice.",
        "Let me get you some tools to plan this.",
        "Do you want me to send you a dummy statement?",
        "Don't be a stranger, call us anytime.",
        "Don't be daft, it's no trouble at all.",
        "What a mess, I'm so sorry.",
        "You're dope, thanks for sorting this.",
        "You're a few dollars short of a full payment.",
        "Can I call you back tomorrow?",
        "What are you, a customer of ours since 2019?",
        "A child could be listed as a dependent on the form.",
        "The bracket on the mailbox has a few screws loose.",
        "Nobody's callin' you a cheat here.",
        "You thought nobody would notice the fee, and that's fair.",
    ],
}


def _cases(table: dict[str, list[str]]) -> list:
    return [pytest.param(line, id=f"{kind}: {line[:50]}") for kind, lines in table.items() for line in lines]


@pytest.mark.parametrize("line", _cases(ADDRESSED))
def test_an_insult_aimed_at_the_listener_is_abuse(line: str) -> None:
    found = default_analyser().analyze(line)
    assert "abuse" in found.move_names
    assert found.tone.score < -0.3  # an insult is hostile, however politely the rest is put
    assert "abuse" in default_analyser().rules_only(line).move_names  # the rules find it


@pytest.mark.parametrize("line", _cases(NOT_ABUSE))
def test_an_insult_not_aimed_at_the_listener_is_no_abuse(line: str) -> None:
    assert "abuse" not in default_analyser().analyze(line).move_names


@pytest.mark.xfail(strict=True, reason="the model alone reads 'as useful as a' as a put-down (tone -0.89); "
                   "the rules find nothing, and abuse from the model alone is not tied to an insult word")
def test_a_comparison_of_two_offers_is_no_abuse() -> None:
    line = "A payment plan is just as useful as a settlement for you."
    assert "abuse" not in default_analyser().rules_only(line).move_names
    assert "abuse" not in default_analyser().analyze(line).move_names


def test_an_insult_after_the_debtors_line_is_still_abuse() -> None:
    found = default_analyser().analyze("You're a right galah, you know that?",
                                       context="I can't pay it this month, sorry.")
    assert "abuse" in found.move_names


def test_the_finding_quotes_the_insult() -> None:
    found = default_analyser().analyze("Honestly, you absolute numpty, we sent three letters.")
    move = next(m for m in found.moves if m.move == "abuse")
    assert "numpty" in move.evidence
    assert "insult addressed to the listener" in move.why


def test_dialect_reflexives_refuse_an_insult() -> None:
    for line in ("Don't call yuhself stupid.", "Don't call urself stupid.", "Don't call yaself a failure.",
                 "Don't call yourself stupid."):
        assert insult_denied(line), line
    assert not insult_denied("I won't call you back, you idiot.")  # a call back is no refusal


def test_the_insult_reader_alone() -> None:
    assert insult_in("you're a right plonker") is not None
    assert insult_in("you're not a plonker") is None
    assert insult_in("I'll tell you a joke") is None  # "you" as the object of a verb
    assert only_elsewhere("I'm such a muppet")
    assert not only_elsewhere("I'm such a muppet and you're a bigger one, you muppet")
