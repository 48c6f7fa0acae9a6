"""An outside compliance auditor's findings (tester3, findings 1-14, 25, 26, 28): the words
that got dishonest calls past the gate are caught, and the lawful lines beside them are not.

In each list, lines marked ``# tester3`` are the auditor's own; the others are ours
(paraphrases that must be caught too, or lawful lines that must stay clean). The whole
records are in ``tests/gaming/dev`` (dishonest) and ``tests/fixtures/tester3_honest``
(the auditor's textbook calls, which must still pass cleanly).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring import compliance_words as w
from scoring.circumstances import PERSONAL_LIABILITY, _affirmed, suit_for_now
from scoring.compliance import PAY_ASK, PAY_INVITE

CAUGHT = [
    (w.veiled_threat, "I'm not threatening you, Gary, I'm just telling you what happens to people who ignore these."),  # tester3
    (w.veiled_threat, "Honestly, most people in your position find the money once they realise what's at stake."),  # tester3
    (w.veiled_threat, "You don't want to find out what happens if this sits another month."),
    (w.veiled_threat, "Things could get ugly for you if this drags on."),
    (w.repeated_calls, "If the first payment is even a day late, I will be calling you every day, morning and evening, until it is in."),  # tester3
    (w.repeated_calls, "We'll keep calling you until this gets paid."),
    (w.repeated_calls, "I'm going to call you three times a day until the money is in."),
    (w.disclosure_taken_back, "I'm required to say this is an attempt to collect a debt, but honestly this isn't a collection call."),  # tester3
    (w.disclosure_taken_back, "I'm not really a debt collector, I'm more of a financial helper."),
    (w.disclosure_taken_back, "Don't worry about that part, it's just a formality."),
    (w.false_representation, "This call is from our office on behalf of Crestview Lending's legal review desk."),  # tester3
    (w.false_representation, "Our litigation team has your file now."),
    (w.false_representation, "This isn't a scam, we're actually with the credit bureau."),  # tester3
    (w.false_representation, "It's a one-time offer that expires when we hang up."),  # tester3
    (w.false_representation, "The hardship program is only open to you tonight; once I hang up I can't offer it again."),  # tester3
    (w.false_representation, "Once we get off the phone, this price is gone."),
    (w.interest_accruing, "The balance is $1,480, and interest is adding up on it every single day."),  # tester3
    (w.interest_accruing, "Interest keeps accruing daily, so sooner is cheaper."),
    (w.costs_added, "Our recovery costs get added if it goes another cycle."),  # tester3
    (w.costs_added, "Collection costs will be tacked on next month."),
    (w.dismissal_warning, "If the bankruptcy gets dismissed for any reason, this balance comes right back to you with interest."),  # tester3
    (w.dismissal_warning, "Should your case be thrown out, you'll still owe all of it."),
    (w.bypasses_counsel, "A lot of people save on legal fees by handling it themselves; skip the middleman, give me a ring directly."),  # tester3
    (w.bypasses_counsel, "You could always call me directly, without your lawyer."),
    (w.employer_contact, "Is your manager right there? I just need to confirm with him that you still work there."),  # tester3
    (w.employer_contact, "Could I have a word with your supervisor?"),
    (suit_for_now, "Right now there's no lawsuit on the table, and we're not planning to sue you at this time."),  # tester3
    (suit_for_now, "Nothing has been filed in court yet."),
    (suit_for_now, "We have no plans to sue you for now."),
]

CLEAN = [
    (w.veiled_threat, "I can tell you what happens next: I'll send you a letter with the plan."),
    (w.veiled_threat, "I'm not threatening you, I just want to help you find a plan that works."),
    (w.repeated_calls, "I'll call you back tomorrow to confirm the plan."),
    (w.repeated_calls, "We won't call you every day, I promise; one call a week at most."),
    (w.repeated_calls, "You can call us any day between 8 and 5."),
    (w.disclosure_taken_back, "This is an attempt to collect a debt, and any information obtained will be used for that purpose."),
    (w.disclosure_taken_back, "This isn't a sales call; I'm a debt collector calling about your Lakeside card."),
    (w.false_representation, "Please have your attorney's office send us the letter."),
    (w.false_representation, "I'll send everything to Ms. Kim's law office."),
    (w.false_representation, "We're not with the credit bureau, but the creditor may report it to the credit bureaus."),
    (w.false_representation, "This settlement offer is good for 30 days."),
    (w.false_representation, "You have until December 15th to accept the settlement, and I'll put it in writing."),
    (w.interest_accruing, "No interest is being added while you're on the plan."),
    (w.interest_accruing, "The balance includes the fees and interest already charged."),
    (w.interest_accruing, "Under the SCRA the interest is capped at six percent."),
    (w.costs_added, "No recovery costs will be added to the account."),
    (w.dismissal_warning, "If you have questions about the bankruptcy, your attorney is the best person to ask."),
    (w.bypasses_counsel, "Please have your attorney call me directly at 555-0100."),
    (w.bypasses_counsel, "Your attorney can reach me directly at this number."),
    (w.bypasses_counsel, "We won't contact you without your attorney from now on."),
    (w.employer_contact, "I won't speak to your manager or anyone at your work."),
    (suit_for_now, "We can't sue you on a debt this old."),
    (suit_for_now, "Because of its age, we will not sue you, now or ever."),
    (suit_for_now, "We will not sue you for it."),
    (suit_for_now, "The law limits how long you can be sued on a debt, and this one is too old for a lawsuit."),
]


@pytest.mark.parametrize(("find", "line"), CAUGHT)
def test_dishonest_words_are_caught(find, line):
    assert find(line), line


@pytest.mark.parametrize(("find", "line"), CLEAN)
def test_lawful_words_stay_clean(find, line):
    assert not find(line), line


def test_survivor_own_account_and_its_denial():
    assert _affirmed(PERSONAL_LIABILITY, "Would you be able to take care of it from your own account?")  # tester3
    assert _affirmed(PERSONAL_LIABILITY, "Could you cover it out of your own savings?")
    assert not _affirmed(PERSONAL_LIABILITY, "The estate pays this, not you; nothing comes out of your own account.")


def test_asking_for_any_amount_and_a_payment_link():
    assert PAY_ASK.search("could you put even twenty dollars down so the account stays in good standing?")  # tester3
    assert PAY_ASK.search("Would you be able to send in even ten dollars while we look into it?")
    assert PAY_INVITE.search("Would it be alright if I texted you a payment link instead?")  # tester3
    assert PAY_INVITE.search("I can email you a quick pay link.")
    assert not PAY_ASK.search("You have the right to dispute this.")
    assert not PAY_INVITE.search("I'll mail the letter with our address so you have it in writing.")


@pytest.mark.parametrize(("reply", "now", "later"), [
    ("After seven, once my son's in bed, if you can.", 18 * 60 + 30, True),  # tester3: Maria at 18:30
    ("After seven, at home. Never at work.", 19 * 60 + 10, False),  # tester3: Gary at 19:10 (now is after seven)
    ("Evenings. After six.", 12 * 60 + 15, True),  # tester3: Tony at 12:15
    ("Now's fine, go ahead.", 18 * 60, False),
    ("Mornings are better for me.", 14 * 60, True),
    ("After 9 pm works.", 20 * 60, True),
])
def test_a_later_time_of_day(reply, now, later):
    assert bool(w.later_time(reply, now)) is later


FIXTURES = Path(__file__).parent / "fixtures" / "tester3_honest"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_auditors_textbook_calls_still_pass_cleanly(path):
    """The auditor's honest calls (10 of 13 scored 96.9-100 before these rules) keep their
    verdict, with no violation from a rule that does not apply."""
    import yaml

    from scoring.api import score_record

    card = score_record(yaml.safe_load(path.read_text(encoding="utf-8")), base=path.parent)
    assert card.passed and card.overall >= 80, (card.overall, [v.rule for v in card.compliance.violations])
    assert not card.compliance.violations
