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
