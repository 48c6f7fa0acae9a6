"""Debtors answer what was asked (the lead's time-barred call, 2026-12-03, seventh session).

- an offer that names no amount ("Would a reduced amount be something you'd consider?",
  "we could set up a payment plan") is no amount to turn down: the debtor asks for the
  figure or names their own, never "That's more than I've got";
- "When could you send it?" asks when the debtor would pay, not when to call: the debtor
  names a day (an answer of the persona's own, or the shared one), never "Evenings".

Written before the change (cd0c109): see the closing note for the count.
"""

from __future__ import annotations

import pytest

from tests.test_persona_people import _start

WALTER = [
    "Good afternoon, this is Sam with Northgate Recovery. Am I speaking with Walter Brooks?",
    "Thanks, Mr. Brooks. I'm a debt collector and this is an attempt to collect a debt; any information "
    "obtained will be used for that purpose. I'm calling about your old Redline Home Furnishings card, "
    "the balance is $1,620.",
    "Because of the age of this debt, we cannot sue you for it. If you make a payment, it will not restart "
    "the time period for suing you.",
    "What's been going on with it?",
]
MARIA = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks, Maria. I'm a debt collector and this is an attempt to collect a debt; any information obtained "
    "will be used for that purpose. I'm calling about your Lakeside card, the balance is $1,240.",
    "Can you tell me a bit about what's been going on?",
    "I'm so sorry to hear that, that sounds really stressful.",
]
_TURNED_DOWN = ("more than i", "too rich", "too much", "can't swing", "can't do it", "i wish i could")


def test_the_disclosure_answers_walters_question() -> None:
    s = _start("time-barred-basic", WALTER[:2])
    turn = s.say(WALTER[2])
    assert not {"pressure", "threat", "abuse"} & set(turn.analysis.move_names), turn.analysis
    assert "lean on me" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "Would a reduced amount be something you'd consider?",
    "Would you be open to settling it for less than the full balance?",
    "We might be able to take a reduced amount on this.",
])
def test_a_settlement_without_an_amount_is_not_turned_down(line: str) -> None:
    s = _start("time-barred-basic", WALTER)
    turn = s.say(line)
    low = turn.reply.lower()
    assert not any(t in low for t in _TURNED_DOWN), turn.reply
    assert s.call.agreed is None


@pytest.mark.parametrize("line", [
    "We could set up a payment plan for you.",
    "Would a monthly plan help?",
])
def test_a_plan_without_an_amount_is_not_turned_down(line: str) -> None:
    s = _start("hardship-basic", MARIA)
    turn = s.say(line)
    low = turn.reply.lower()
    assert not any(t in low for t in _TURNED_DOWN), turn.reply


@pytest.mark.parametrize("line", [
    "When could you send it?",
    "when could you make the first payment?",
    "What date could you start?",
    "How soon could you get that to us?",
])
def test_when_could_you_pay_is_answered_with_a_day(line: str) -> None:
    s = _start("time-barred-basic", WALTER)
    s.say("What if we settled it for $750?")
    turn = s.say(line)
    assert "payment_date" in [a.intent for a in turn.analysis.asks], turn.analysis.asks
    low = turn.reply.lower()
    assert "evening" not in low and "after six" not in low, turn.reply


# ------------------------------------------------------------------ the dispute's particulars
DENISE = [
    "Hello, this is Sam with Northgate Recovery. Am I speaking with Denise Holloway?",
    "Thanks. I'm a debt collector and this is an attempt to collect a debt; any information obtained "
    "will be used for that purpose. I'm calling about your Metro Cable & Internet account, the balance "
    "is $412.60.",
]


@pytest.mark.parametrize(("line", "expect"), [
    ("I understand. Where did you return the modem?", "elm street"),
    ("Which store did you take it back to?", "elm street"),
    ("When did you return it?", "june"),
    ("Do you have a receipt?", "receipt"),
    ("Did you get any proof of the return, like a receipt?", "receipt"),
    ("Did you pay the final bill?", "final bill"),
])
def test_the_disputer_answers_the_particulars(line: str, expect: str) -> None:
    s = _start("dispute-basic", DENISE)
    turn = s.say(line)
    assert expect in turn.reply.lower(), turn.reply
    assert not {"pressure", "ask_capacity"} & set(turn.analysis.move_names), turn.analysis


def test_when_was_that_after_the_return_asks_its_date() -> None:
    s = _start("dispute-basic", DENISE)
    s.say("I understand. Where did you return the modem?")
    turn = s.say("And when was that?")
    assert "june" in turn.reply.lower(), turn.reply
