"""The terms the engine records are the terms said in the call, so an honest wrap-up form
is never a "falsified record" (testerA's reports F1, F2, F6 and the method mismatch).

Each call below is a tester's honest call, trimmed to what matters; the form is what the
trainee agreed, and the engine must have recorded the same.
"""

from __future__ import annotations

import datetime as dt

import pytest

from scoring.api import score_record
from simulator.engine.offers import read_terms
from simulator.nlu.analyser import analyze
from simulator.session import Session

TODAY = dt.date(2026, 11, 20)

HARDSHIP_OPENING = [
    "Hi there, is this Maria Delgado?",
    "Hey Maria, it's Sam from Northgate Recovery. Just so you know, I'm a debt collector and this is an "
    "attempt to collect a debt, anything you tell me gets used for that. I'm ringing about the Lakeside "
    "credit card, which has $1,240 on it right now.",
    "I noticed the payments stopped back in July. What's been going on with you since then?",
    "Oh no, that's rough. So you lost the night shift in August and you've been keeping the rent paid "
    "first. That makes total sense to me.",
    "That's great news about the new job, congrats. Between now and then, what do you think you could "
    "put toward this each month without falling behind on rent?",
]
HARDSHIP_RECAP = (
    "Alright, just to make sure we're on the same page: $85 a month from your debit card, first one "
    "December 15th, fifteen payments in total. I'll send you an email today confirming all that, and "
    "you'll get a reminder a few days before each one.")
HARDSHIP_FORM = {"outcome": "payment_plan", "total_amount": 1240, "installment_amount": 85,
                 "installments": 15, "first_payment_date": "2026-12-15", "payment_method": "debit_card",
                 "follow_up_date": "2026-12-16"}

HOSTILE_OPENING = [
    "Evening, sorry to bother you. I'm trying to reach Gary Kowalski, is that you?",
    "My name's Marcus, I'm with Keystone Collections. I'm a debt collector, and this is an attempt to "
    "collect a debt, so anything you tell me will be used for that. It's about the St. Vincent Regional "
    "bill, $1,875.",
    "I hear you, and I'm not going to hang up on you. It sounds like you've had a lot of calls about "
    "this. What's been going on?",
    "Man, that's scary, thinking it's your heart. And then you did everything right, you called your "
    "insurance first, they told you it was covered, and months later you get an $1,800 bill. I'd be "
    "steamed too.",
    "Thanks, Gary. So what did the insurance company say about it?",
    "Okay, straight answer. With your youngest starting college, that has to come first, makes sense. "
    "What could you put toward this bill each month without it pinching?",
]

TIME_BARRED_OPENING = [
    "Hey there, good evening. Is this Walter Brooks?",
    "Thanks Walter. It's Sam with Northgate Recovery. I'm a debt collector, and this is an attempt to "
    "collect a debt; whatever you tell me will be used for that purpose. I'm calling about your old "
    "Redline Home Furnishings store card, which shows a balance of $1,620.",
    "No, we can't sue you for it, it's too old for that. It's still an unpaid balance, but whether you "
    "do anything about it is your call.",
    "Losing your own shop, that's a lot. Glad the handyman work is steady now.",
    "Sorry, let me be clear: no. Because of its age, we will not sue you for it.",
    "If you wanted to close this out for good, what kind of amount would feel doable for you?",
]

SERVICEMEMBER_LINES = [
    "Hi, good evening! Could I speak with Marcus Reed, please?",
    "Thanks Marcus, I'm Sam from Northgate Recovery. Quick heads-up, I'm a debt collector and this is "
    "an attempt to collect a debt, and any info you give me will be used for that. It's about your "
    "Summit Card Services card, the balance is $1,780.40.",
    "Appreciate you telling me, and thanks for serving. I'll make a note that you're active duty. So "
    "you ship out in three weeks and you'd like this squared away before then, makes sense.",
    "One thing you should know: since you're active duty, the Servicemembers Civil Relief Act can cap "
    "the interest on this at 6 percent. If you send us a copy of your orders, we'll get that applied.",
    "How much could you set aside each month for this while you're away?",
    "$160 a month works. Let's set it up as an allotment on the 1st, starting December 1st, and that "
    "clears it in 12 payments, the last one just $20.40.",
    "Just so we've got it straight: $160 a month by military allotment on the 1st, first one December "
    "1st, 12 payments with the last at $20.40. I'll email you the written plan tonight along with where "
    "to send your orders for the SCRA review.",
    "Thanks again Marcus, stay safe over there.",
]


def _play(scenario: str, seed: int, lines: list[str]) -> Session:
    session = Session.start(scenario, seed=seed)
    for line in lines:
        assert not session.ended, f"the call ended before {line!r}"
        session.say(line)
    return session


def _card(scenario: str, seed: int, lines: list[str], form: dict, notes: str = "Agreed as recapped."):
    return score_record({"scenario": scenario, "trainee": "t", "seed": seed, "turns": lines,
                         "agreement": form, "notes": notes})


def _falsified(card) -> list[str]:
    return [v.rule for v in card.compliance.violations if "falsif" in (v.rule + v.message).lower()]


# ------------------------------------------------------------------ F1: the date kept
@pytest.mark.parametrize(("offer", "recap"), [
    ("We could set up a plan of $85 a month starting December 15th.", HARDSHIP_RECAP),
    ("Okay, we could do $85 a month then, first payment December 15th, right after that first paycheck.",
     HARDSHIP_RECAP),
    ("We could set up a plan of $80 a month starting December 15th, right after that first paycheck.",
     HARDSHIP_RECAP.replace("$85", "$80").replace("fifteen", "sixteen")),
])
def test_recap_with_email_today_keeps_the_first_payment_date(offer, recap):
    """"I'll send you an email today" in a recap is no first payment date."""
    s = _play("hardship-basic", 42, [*HARDSHIP_OPENING, offer, recap])
    assert s.call.agreed is not None
    assert s.call.agreed.first_date == dt.date(2026, 12, 15)


def test_date_of_ignores_a_next_step_today():
    text = "$85 a month, first one December 15th. I'll send you an email today confirming all that."
    t = read_terms(analyze(text, today=TODAY), 1240, TODAY, assume="payment_plan")
    assert t is not None and t.first_date == dt.date(2026, 12, 15)


def test_honest_hardship_form_is_not_falsified():
    lines = [*HARDSHIP_OPENING,
             "Okay, we could do $85 a month then, first payment December 15th, right after that first paycheck.",
             "Perfect. How would you like to pay, card or bank account?", HARDSHIP_RECAP,
             "Thanks so much Maria, you've been really easy to talk to. Take care of yourself."]
    card = _card("hardship-basic", 42, lines, HARDSHIP_FORM)
    assert not _falsified(card)
    assert card.passed


# ------------------------------------------------------------------ F2: a smaller last payment
@pytest.mark.parametrize("text", [
    "We can do $100 a month starting December 15th: 18 payments of $100 and a last one of $75.",
    "We can do $100 a month starting December 15th, 18 payments of $100 then a final $75.",
    "We can do $100 a month, starting January 5th, over 19 payments with the last one just $75.",
])
def test_plan_with_a_smaller_last_payment_collects_the_balance(text):
    t = read_terms(analyze(text, today=TODAY), 1875, TODAY)
    assert t is not None
    assert (t.kind, t.monthly, t.count, t.total, t.upfront) == ("payment_plan", 100.0, 19, 1875.0, 0.0)


def test_a_down_payment_cue_in_another_sentence_is_no_down_payment():
    text = ("We can do $100 a month starting December 15th, 19 payments. And I'm putting a note on the "
            "account right now: no calls to your work.")
    t = read_terms(analyze(text, today=TODAY), 1875, TODAY)
    assert t is not None and t.upfront == 0.0 and t.total == 1875.0


def test_plan_total_never_exceeds_the_balance_by_rounding():
    text = "$160 a month starting December 1st, and that clears it in 12 payments, the last one just $20.40."
    t = read_terms(analyze(text, today=TODAY), 1780.40, TODAY)
    assert t is not None and (t.monthly, t.count, t.total) == (160.0, 12, 1780.40)
    # Twelve payments of $160 without a word about the last one: still no more than is owed.
    t = read_terms(analyze("$160 a month for 12 months", today=TODAY), 1780.40, TODAY)
    assert t is not None and t.total == 1780.40


def test_honest_hostile_plan_with_final_payment_is_not_falsified():
    lines = [*HOSTILE_OPENING,
             "We can do $100 a month starting December 15th: 18 payments of $100 and a last one of $75. "
             "Does that sound okay?",
             "You got it. How would you like to make the payments, card or checking?",
             "Let me read it back so we're both clear: $100 a month by check, starting December 15th, 18 "
             "payments of $100 then a final $75. I'll mail you the written agreement tomorrow.",
             "Thanks for sticking with me, Gary. Have a good night."]
    form = {"outcome": "payment_plan", "total_amount": 1875, "installment_amount": 100, "installments": 19,
            "first_payment_date": "2026-12-15", "payment_method": "check", "follow_up_date": "2026-12-16"}
    s = _play("hostile-basic", 3, lines)
    a = s.call.agreed
    assert a is not None and (a.total, a.count, a.monthly, a.upfront) == (1875.0, 19, 100.0, 0.0)
    assert not _falsified(_card("hostile-basic", 3, lines, form))


def test_servicemember_plan_total_is_the_balance():
    s = _play("servicemember-basic", 15, SERVICEMEMBER_LINES[:-1])
    assert s.call.agreed is not None
    assert s.call.agreed.total == pytest.approx(1780.40)


# ------------------------------------------------------------------ F6: accepting their figure
def test_accepting_the_debtors_monthly_figure_makes_the_offer():
    s = _play("hardship-basic", 42, [
        *HARDSHIP_OPENING,
        "Okay, $85 works. How about we start it on the 15th of December, right after that first paycheck?"])
    assert s.turns[-1].offer is not None
    a = s.call.agreed
    assert a is not None and (a.kind, a.monthly, a.first_date) == ("payment_plan", 85.0, dt.date(2026, 12, 15))
    s.say(HARDSHIP_RECAP)
    assert "recap_corrected" not in s.turns[-1].events
    assert "agreed" not in s.turns[-1].reply.lower() or "that's right" in s.turns[-1].reply.lower()


def test_accepting_the_debtors_lump_sum_is_an_offer_not_a_recap():
    s = _play("time-barred-basic", 17, [
        *TIME_BARRED_OPENING,
        "I can do that. We'll settle the account for $750, paid in one go by December 15th, and that "
        "closes it out for good."])
    a = s.call.agreed
    assert a is not None and (a.kind, a.total, a.first_date) == ("settlement", 750.0, dt.date(2026, 12, 15))
    assert "haven't agreed" not in s.turns[-1].reply


def test_a_recap_before_any_agreement_is_still_refused():
    """Nothing accepted, nothing offered: a 'recap' is still not an agreement."""
    s = _play("time-barred-basic", 17, [
        *TIME_BARRED_OPENING[:-1],
        "So to recap: you'll pay $750 by December 15th and that settles it."])
    assert s.call.agreed is None


# ------------------------------------------------------------------ the method the debtor chose
def test_recap_with_another_method_than_the_debtor_chose_is_corrected():
    s = _play("hostile-basic", 3, [
        *HOSTILE_OPENING,
        "We can do $100 a month, starting January 5th, over 19 payments with the last one just $75. "
        "Does that sound okay?",
        "You got it. How would you like to make the payments, card or checking?"])
    assert "check" in s.turns[-1].reply.lower()
    s.say("Let me read it back so we're both clear: $100 a month by debit card, starting January 5th, "
          "19 payments with the last one $75. I'll mail you the written agreement tomorrow.")
    assert "recap_corrected" in s.turns[-1].events
    assert s.call.agreed is not None and s.call.agreed.method == "check"


def test_a_next_step_date_alone_is_no_payment_date():
    t = read_terms(analyze("We could do $85 a month. I'll email you the paperwork today.", today=TODAY),
                   1240, TODAY)
    assert t is not None and t.first_date is None


def test_a_pay_allotment_is_a_payment_method_the_form_accepts():
    """The servicemember offers "an allotment out of my pay"; the form had no such method,
    so an honest trainee had to write another and lost the documentation points."""
    from simulator.content.models import Agreement
    from simulator.nlu.analyser import analyze

    assert Agreement.model_validate({"outcome": "payment_plan", "payment_method": "allotment"})
    found = analyze("I'll set it up as an allotment out of my pay.")
    assert [e.value for e in found.entities if e.type == "payment_method"] == ["allotment"]


def test_a_quoted_amount_starts_and_ends_on_whole_words():
    """Testers read "“ere is a small service fee" and "“mmit Card Services card" on the
    compliance card: the quote window cut words in half."""
    from scoring.amounts import head_words, tail_words

    assert tail_words("Okay so there is a small service fee of ", 30) == "is a small service fee of "
    assert tail_words("It's about your Summit Card Services card, the balance is ", 40) == \
        "Card Services card, the balance is "
    assert head_words(" for paying by phone today", 12) == " for paying "
    assert tail_words("short ", 30) == "short "


def test_a_plan_whose_last_payment_is_smaller_is_said_as_paid():
    """Wrap-up showed "19 × $100.00" for $1,875: 18 of $100 and a last one of $75."""
    from simulator.words import instalments

    assert instalments(19, 100.0, 1875.0) == "18 × $100.00 and a last $75.00"
    assert instalments(12, 160.0, 1920.0) == "12 × $160.00"
    assert instalments(1, 500.0, 400.0) == "1 × $500.00"
