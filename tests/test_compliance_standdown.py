"""Standing collection down is not collecting: after a dispute, a cease request, an
attorney or a bankruptcy, "we'll pause collection" or "I'm putting a hold on the account"
is what the law requires, while a hold that still asks for money is collecting.

Written before the fix: 7 of the 14 stand-down lines read as an offer of an alternative
and failed a textbook dispute call with a critical violation (collecting_after_dispute).
"""

from __future__ import annotations

import pytest

from scoring.api import score_record

#: What a collector says to stand collection down, in several wordings.
STAND_DOWN = [
    "We'll put the account on hold while we look into it.",
    "I'll put a hold on the account until the creditor reviews your dispute.",
    "We'll pause collection until you've had the validation notice.",
    "Collection is on hold until we send you verification.",
    "We'll hold off on any collection until the dispute is resolved.",
    "I'm going to freeze the account while the creditor investigates.",
    "We'll stop collection on this account.",
    "Nothing further will happen on the account until we've mailed you the verification.",
    "We'll pause collection, send you a validation notice, and the creditor will review your receipt.",
    "I'll pause the account and note the dispute.",
    "We'll hold off contacting you until the creditor has reviewed it.",
    "I'm putting a hold on all collection activity while this is reviewed.",
    "No more calls from us about the balance; I'm putting a hold on the account today.",
    "We'll wait until you've had a chance to review the notice before we discuss anything.",
    "We'll put it on hold, and we won't ask you for any payment until it's verified.",
]

#: A hold that still asks for money, or says collection resumes regardless: collecting.
STILL_COLLECTING = [
    "We'll put the account on hold for now, but if you could send even $50 it would help.",
    "I'll pause collection for two weeks, and then we'll need a payment from you.",
    "We'll hold off while we review it, and in the meantime maybe you could pay part of it.",
    "We'll pause collection if you can do something small today to show good faith.",
]

OPENING = [
    "Hi, may I speak with Denise Holloway?",
    "This is Chris with Keystone Collections. This is an attempt to collect a debt, and any information "
    "obtained will be used for that purpose. I'm calling about your Metro Cable account; the balance is "
    "$412.60 for unreturned equipment.",
    "Okay, thanks for telling me. Can you walk me through what happened when you returned it?",
]


def _dispute_call(line: str):
    record = {
        "scenario": "dispute-basic", "trainee": "t", "seed": 9,
        "preparation": {"reviewed": ["account_summary", "payment_history", "contact_notes", "creditor_policy"],
                        "plan": {"objective": "payment_plan", "settlement_floor": 0.6, "max_installments": 12},
                        "call_time": "16:40"},
        "turns": [*OPENING, line, "Thanks for your time, Denise. Have a good day."],
        "agreement": {"outcome": "dispute"},
        "notes": "Denise disputes the debt: returned the equipment, has the receipt. Dispute noted; "
                 "send validation notice.",
    }
    return score_record(record)


def _rules(card) -> set[str]:
    return {v.rule for v in card.compliance.violations}


@pytest.mark.parametrize("line", STAND_DOWN)
def test_standing_down_after_a_dispute_is_not_collecting(line):
    card = _dispute_call(line)
    assert "collecting_after_dispute" not in _rules(card)
    flexibility = card.dimensions["flexibility"]
    assert not any(c.applies for c in flexibility.checks), "a stand-down is no offer to negotiate over"


@pytest.mark.parametrize("line", STILL_COLLECTING)
def test_a_hold_that_asks_for_money_is_still_collecting(line):
    card = _dispute_call(line)
    assert "collecting_after_dispute" in _rules(card)
    assert not card.passed


# --- a payment invited in a statement (an outside tester's calls, 2026-12-03) -------------

INVITES = [
    "And just so it's easy, if you decide you want to take care of it before the letter arrives, "
    "you can always pay online at keystonepay.com.",
    "Before I go, do you want our payment address in case you decide to send something in?",
    "You're welcome to make a payment anytime in the meantime.",
    "If you want to resolve it sooner, I can take a card payment right now.",
    "Even with the bankruptcy, you could still voluntarily pay on this card.",
    "Would you be interested in reaffirming this card so you can keep it open after the bankruptcy?",
]
LAWFUL = [
    "You don't have to make a payment while we look into it.",
    "We'll pause collection until you've had a chance to review the notice.",
    "Once it's validated, it's up to you what you do about it.",
    "You won't be asked for any payment on this call.",
    "I'll mail the validation notice today, and nobody here will call you about it again.",
    "If you paid it already, send us the receipt and we'll correct the account.",
]


@pytest.mark.parametrize("line", INVITES)
def test_a_payment_invited_in_a_statement_is_collecting(line):
    from scoring.compliance import invites_payment

    assert invites_payment(_turn(line)) is not None


@pytest.mark.parametrize("line", LAWFUL)
def test_a_lawful_line_about_payment_invites_none(line):
    from scoring.compliance import invites_payment

    assert invites_payment(_turn(line)) is None


def _turn(line: str):
    from simulator.engine.records import Turn
    from simulator.nlu.analyser import analyze

    return Turn(index=3, text=line, analysis=analyze(line), reply="", state="", trigger="")
