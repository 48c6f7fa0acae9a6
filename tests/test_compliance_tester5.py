"""A BPO agent's polite dishonest calls that passed at 100 (tester5, 2026-12-03): the
words are caught, and the lawful lines beside them are not. Lines marked ``# tester5`` are
the tester's own; the others are the lead's paraphrases or lawful lines. The whole records
are in ``tests/gaming/dev/tester5_*.yaml``."""

from __future__ import annotations

import pytest

from scoring import compliance_words as w
from scoring.circumstances import ATTORNEY_REFERRAL, _affirmed
from scoring.compliance import PAY_INVITE


def _referral(line: str) -> bool:
    return _affirmed(ATTORNEY_REFERRAL, line) is not None


def _invites(line: str) -> bool:
    return PAY_INVITE.search(line) is not None


CAUGHT = [
    (w.false_representation, "Kindly note sir, this discount is approved only for today's call, I cannot promise it "
                             "will still be there tomorrow."),  # tester5
    (w.false_representation, "I can't guarantee the offer will still be available tomorrow."),
    (w.false_representation, "This rate is valid only for this call."),
    (w.veiled_threat, "Kindly think of your family sir, you would not want them to be receiving these calls."),  # tester5
    (w.veiled_threat, "You wouldn't want your wife to hear about this, would you?"),
    (_referral, "But for your awareness sir, the creditor can still forward the account to their attorney's office "
                "for review."),  # tester5
    (_referral, "They may refer the file to a law firm."),
    (_invites, "the account will still show on your credit report as unpaid while it is under review, so many "
               "customers prefer to clear it first"),  # tester5
    (_invites, "You might want to pay it off anyway, while we look into it."),
]

CLEAN = [
    (w.false_representation, "The settlement offer is good for 14 days."),
    (w.false_representation, "I can't promise the creditor will approve a lower amount, but I'll ask."),
    (w.veiled_threat, "We won't contact your family about this."),
    (w.veiled_threat, "You don't want to miss the letter, so please check the address."),
    (_referral, "You're welcome to talk it over with your own attorney."),
    (_referral, "I'll send the validation notice to your address today."),
    (_invites, "You don't have to pay anything while the dispute is reviewed."),
    (_invites, "We'll pause collection while we look into it."),
]


@pytest.mark.parametrize("find,line", CAUGHT)
def test_dishonest_words_are_caught(find, line):
    assert find(line), line


@pytest.mark.parametrize("find,line", CLEAN)
def test_lawful_words_stay_clean(find, line):
    assert not find(line), line
