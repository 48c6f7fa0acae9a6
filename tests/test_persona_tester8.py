"""Debtor replies that ignore or misread what the trainee said (outside tester8 "Marcus", a
terse law-firm collector, 2026-12-03, section 2 of his report). Each case is the tester's
own line (T) or a paraphrase of it (P), so that a fix is not tuned to one wording.

- 2.1 taking the debtor's own figure with a start date and "Does that work?" proposes it;
  "after the first paycheck" is no date; a recap she must turn down gets no "Like I said";
- 2.2 a probate question that asks "which court" is about probate, not bankruptcy;
- 2.3 the widow told she is not personally liable is relieved, and the call ends kindly
  (lines the analyser reads without pressure; the pressure misread is the lead's);
- 2.4 an offer of an itemised statement is answered as an offer;
- 2.5 asked what he can pay after "up to 24 months", Gary names a round figure of his own;
- 2.7 "what happened with the payments in the spring?" is answered, not skipped;
- 2.8 thanks and the debtor's name after an agreement or an agreed call-back ends the call;
- 2.9 a recap the debtor has to correct builds less trust than a right one;
- 2.10 no word-for-word echo of "No problem."; no "Call me back later. Later today."; a
  one-off settlement is not recapped as "starting".

Written before the change: see the closing note for the count.
"""

from __future__ import annotations

import datetime as dt

import pytest

from simulator.nlu.entities import extract_entities
from tests.test_persona_people import _start

# ------------------------------------------------------------------ 2.1 Maria's own $85
MARIA = [
    "Evening. Marcus with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Can you confirm your date of birth for me?",
    "Thank you. I'm a debt collector, this is an attempt to collect a debt and any information obtained will be "
    "used for that purpose. Calling on the Lakeside card, balance $1,240, 120 days past due.",
    "What's going on with the account?",
    "Understood. That's a tough spot.",
    "When does the first check from the new job land?",
    "What can you realistically put toward this each month?",
]


@pytest.mark.parametrize("line", [
    "So $85 a month once the new job starts. I can set that up starting December 15th, after the first "
    "paycheck. Does that work?",  # T
    "Okay, $85 a month then. We can start it December 15th, after your first paycheck. Would that work?",  # P
])
def test_taking_her_own_figure_with_a_start_is_an_offer(line: str) -> None:
    s = _start("hardship-basic", MARIA, seed=42, call_time="18:30")
    turn = s.say(line)
    assert "agreed on anything" not in turn.reply, turn.reply
    assert s.call.agreed is not None and s.call.agreed.monthly == 85, (s.call.agreed, turn.reply)


def test_the_recap_after_her_figure_is_confirmed_without_like_i_said() -> None:
    s = _start("hardship-basic", [
        *MARIA, "So $85 a month once the new job starts. I can set that up starting December 15th, after the "
        "first paycheck. Does that work?"], seed=42, call_time="18:30")
    turn = s.say("To confirm: $85 a month on the 15th by debit card, 14 payments of $85 and a final $50, "
                 "starting December 15th. Confirmation goes out by email tonight.")  # T
    assert "like i said" not in turn.reply.lower(), turn.reply
    assert "probably" not in turn.reply.lower(), turn.reply


def test_a_recap_turned_down_twice_is_no_like_i_said_before_a_new_answer() -> None:
    """She never said how she would pay: "Like I said." may not lead her first word on it."""
    s = _start("hardship-basic", MARIA[:6], seed=42, call_time="18:30")
    first = s.say("To confirm: $85 a month on the 15th, starting December 15th.")  # P
    assert "agreed on anything" in first.reply, first.reply
    turn = s.say("To confirm: $85 a month on the 15th by debit card, starting December 15th. Confirmation "
                 "goes out by email tonight.")  # P (the tester's turn 9)
    low = turn.reply.lower()
    assert not low.startswith(("like i said", "mm-hm", "i already told you")), turn.reply


@pytest.mark.parametrize("text", [
    "I can set that up starting December 15th, after the first paycheck.",  # T
    "We'll start after your first paycheck.",  # P
    "Once the first check comes in, we can begin.",  # P
])
def test_after_the_first_paycheck_is_no_date(text: str) -> None:
    dates = [e for e in extract_entities(text, dt.date(2026, 11, 20)) if e.type == "date"]
    assert all("first" not in e.text for e in dates), dates


def test_the_first_of_the_month_is_still_a_date() -> None:
    dates = [e for e in extract_entities("Can you pay on the first?", dt.date(2026, 11, 20)) if e.type == "date"]
    assert [e.value for e in dates] == ["2026-12-01"], dates


# ------------------------------------------------------------------ 2.2, 2.3 the widow
WIDOW = [
    "Afternoon. This is Marcus. May I speak with Robert Hale, please?",
    "I'm sorry for your loss, Linda. Are you handling his estate?",
    "Thank you. I'm Marcus with Northgate Recovery. I'm a debt collector; this is an attempt to collect a debt "
    "and any information obtained will be used for that purpose. It's about Robert's Harbor Point Bank Visa, "
    "balance $3,480.20.",
]


@pytest.mark.parametrize("line", [
    "Is the estate in probate, and which court?",  # T
    "Has probate been opened, and in what court?",  # P
])
def test_which_court_after_probate_asks_about_probate(line: str) -> None:
    s = _start("deceased-basic", WIDOW, seed=13, call_time="14:30")
    turn = s.say(line)
    assert "bankruptcy" not in turn.reply.lower(), turn.reply
    assert "revealed:probate" in turn.events, turn.reply


@pytest.mark.parametrize("line", [
    "To be clear: the estate is responsible for his debts, not you personally.",  # T (first half)
    "No. The estate is responsible for his debts, not you personally.",  # T (report 1.1)
    "The estate is responsible for his debts, not you. You are not personally liable.",  # P
])
def test_the_widow_told_she_is_not_liable_is_relieved(line: str) -> None:
    s = _start("deceased-basic", WIDOW, seed=13, call_time="14:30")
    turn = s.say(line)
    assert "pressure" not in turn.analysis.move_names, turn.analysis.moves  # read without pressure
    assert "offer_refused" not in turn.events and "escalated" not in turn.events, turn.reply
    assert "calmed" in turn.events, turn.reply
    assert "pay it?" not in turn.reply, turn.reply


def test_the_widow_call_by_the_objective_hint_ends_kindly() -> None:
    """The tester's call with the two lines the analyser reads without pressure."""
    s = _start("deceased-basic", [
        *WIDOW,
        "To be clear: the estate is responsible for his debts, not you personally.",
        "Is the estate in probate, and which court?",
        "I'll send a letter with the account details to the estate, care of you as executor.",
    ], seed=13, call_time="14:30")
    turn = s.say("Thank you, Linda. Again, I'm sorry for your loss.")
    assert s.call.state == "ended", (s.call.state, turn.reply)
    assert "hung_up" not in s.call.events


# ------------------------------------------------------------------ 2.4, 2.5 Gary
GARY = [
    "Evening. This is Marcus with Keystone Collections. Am I speaking with Gary?",
    "Can you confirm your date of birth for me?",
    "I'm a debt collector; this is an attempt to collect a debt and any information obtained will be used for "
    "that purpose. Calling about the St. Vincent Regional ER bill, balance $1,875.",
    "Understood. You were told the visit was covered and then the bill showed up anyway. What happened with "
    "the insurance?",
    "So you called the insurance before you went, they said covered, and three months later you get a bill "
    "for eighteen hundred. I'd be angry too.",
    "And the last agency called you at work six times a day. That's not how I work. You won't hear from me at "
    "work.",
]


@pytest.mark.parametrize("line", [
    "Do you want an itemised statement from the hospital so you can take it back to the insurance?",  # T
    "Would you like me to send you an itemized bill so you can check it with your insurer?",  # P
])
def test_an_offered_statement_is_answered_as_an_offer(line: str) -> None:
    s = _start("hostile-basic", GARY, seed=3, call_time="19:10")
    turn = s.say(line)
    assert "answered:why_balance" not in turn.events, turn.reply
    assert "eighteen hundred bucks for being told" not in turn.reply.lower(), turn.reply
    assert any(e.startswith("answered:") for e in turn.events), turn.events


@pytest.mark.parametrize("line", [
    "Straight, then. It's a medical account, so I can spread it up to 24 months with no interest. With your "
    "kid in college, what could you put toward it each month?",  # T
    "I can stretch it over as long as 24 months, no interest. What could you manage a month?",  # P
])
def test_asked_what_he_can_pay_gary_names_his_own_round_figure(line: str) -> None:
    s = _start("hostile-basic", [
        *GARY, "Do you want an itemised statement from the hospital so you can take it back to the insurance?"],
        seed=3, call_time="19:10")
    turn = s.say(line)
    assert "78.12" not in turn.reply, turn.reply
    assert s.call.agreed is None, s.call.agreed
    assert s.call.counter is not None and s.call.counter.monthly % 5 == 0, (s.call.counter, turn.reply)


GARY_COUNTERED = [
    *GARY,
    "Do you want an itemised statement from the hospital so you can take it back to the insurance?",
    "Straight, then. It's a medical account, so I can spread it up to 24 months with no interest. With your "
    "kid in college, what could you put toward it each month?",
]


@pytest.mark.parametrize("line", [
    "What date works for the first payment, and how do you want to pay, card or bank account?",  # T
    "When could you make the first payment, and how would you like to pay?",  # P
])
def test_a_two_part_question_is_answered_in_both_halves(line: str) -> None:
    s = _start("hostile-basic", GARY_COUNTERED, seed=3, call_time="19:10")
    turn = s.say(line)
    # Each half gets its answer or its refusal: with his $100 counter not yet taken up, "I
    # haven't agreed to anything" is a fair answer to the method (the reading of the
    # itemised-statement offer as a reflection, which had calmed him, was a misread).
    for intent in ("payment_date", "payment_method"):
        assert f"answered:{intent}" in turn.events or f"refused:{intent}" in turn.events, (
            turn.events, turn.reply)


def test_a_recap_of_other_figures_than_his_counter_puts_them_on_the_table() -> None:
    """The tester's recap after Gary's own $100: the terms he hears are the ones agreed."""
    s = _start("hostile-basic", [
        *GARY_COUNTERED, "What date works for the first payment, and how do you want to pay, card or bank account?"],
        seed=3, call_time="19:10")
    turn = s.say("So that's $78.12 a month for 24 months, first payment December 18th, by check in the mail. "
                 "Written confirmation and the itemised statement go out in the mail tomorrow.")  # T
    a = s.call.agreed
    assert a is not None and (a.monthly, a.count) == (78.12, 24), (a, turn.reply)


# ------------------------------------------------------------------ 2.7, 2.8, 2.9 Tony
TONY = [
    "Afternoon. This is Marcus with Keystone Collections. Am I speaking with Tony Russo?",
    "It's so I don't discuss your personal business with the wrong person. Can you confirm your date of birth "
    "or your home address?",
    "Thanks. I'm a debt collector; this is an attempt to collect a debt and any information obtained will be "
    "used for that purpose. This is about your Crestview Lending personal loan.",
    "Fair question. You can check us yourself: look up Keystone Collections, call the number on our website, "
    "not one I give you, and ask for me. I'll also mail you a letter with the account details.",
    "Understood. You got burned last year, so you check first. What happened with that one?",
    "Four hundred bucks on a card to a fake collector. No wonder you're careful. I'd be the same.",
]
TONY_AGREED = [
    *TONY,
    "Balance on the Crestview loan is $2,350. What happened with the payments back in the spring?",
    "So there's money set aside for the transmission and some could go here if it closes the account. I can "
    "settle it in full for $1,645, paid by December 18th. That offer stands until December 4th.",
    "I can take $1,500 as settlement in full, paid by December 18th. How do you want to pay it?",
]
RIGHT_RECAP = ("So that's $1,500 as settlement in full of the $2,350, one payment by December 18th, by bank "
               "transfer. The settlement letter goes out in the mail today, before anything is debited.")


@pytest.mark.parametrize("line", [
    "Balance on the Crestview loan is $2,350. What happened with the payments back in the spring?",  # T
    "What happened with the loan payments this spring?",  # P
])
def test_what_happened_in_the_spring_is_answered(line: str) -> None:
    s = _start("resistant-basic", TONY, seed=11, call_time="12:15")
    turn = s.say(line)
    low = turn.reply.lower()
    assert "slow" in low or "clients" in low or "ninety days" in low, turn.reply


@pytest.mark.parametrize("line", [
    "Thanks, Tony. Get back to your job.",  # T
    "Thanks, Tony. Appreciate it.",  # P
])
def test_thanks_and_his_name_after_the_agreement_ends_the_call(line: str) -> None:
    s = _start("resistant-basic", [*TONY_AGREED, RIGHT_RECAP], seed=11, call_time="12:15")
    turn = s.say(line)
    assert "not_understood" not in turn.events, turn.reply
    assert s.call.state == "ended", (s.call.state, turn.reply)


@pytest.mark.parametrize("line", [
    "So 6:30 tonight on this cell, after your shift. I'll call you then. Thanks, Kevin.",  # T
    "6:30 on this number, then. I'll call you back. Thanks, Kevin.",  # P
])
def test_thanks_and_his_name_after_an_agreed_call_back_ends_the_call(line: str) -> None:
    s = _start("work-call", ["Afternoon. This is Marcus with Keystone Partners. Am I speaking with Kevin?",
                             "Understood. When's a better time to reach you?"], seed=21, call_time="12:20")
    turn = s.say(line)
    assert "orders up" not in turn.reply and "at work" not in turn.reply, turn.reply
    assert s.call.state == "ended", (s.call.state, turn.reply)
    assert s.call.outcome() == "callback", s.call.outcome()


@pytest.mark.parametrize("method", ["by check", "by debit card"])
def test_a_recap_he_has_to_correct_builds_less_trust(method: str) -> None:
    right = _start("resistant-basic", TONY_AGREED, seed=11, call_time="12:15")
    right.say(RIGHT_RECAP)
    wrong = _start("resistant-basic", TONY_AGREED, seed=11, call_time="12:15")
    turn = wrong.say(RIGHT_RECAP.replace("by bank transfer", method))
    assert "recap_corrected" in turn.events, turn.reply
    assert wrong.call.numbers["trust"] < right.call.numbers["trust"], (
        wrong.call.numbers["trust"], right.call.numbers["trust"])


def test_a_settlement_is_not_recapped_as_starting() -> None:
    s = _start("resistant-basic", TONY_AGREED, seed=11, call_time="12:15")
    turn = s.say(RIGHT_RECAP)
    assert "starting" not in turn.reply.lower(), turn.reply


# ------------------------------------------------------------------ 2.10 small
@pytest.mark.parametrize("line", [
    "No problem. When's a good time to reach her?",  # T
    "No problem at all. When is she usually home?",  # P
])
def test_the_roommate_does_not_echo_no_problem(line: str) -> None:
    s = _start("third-party", ["Afternoon. This is Marcus. Is Alicia Moreno there?"], seed=5, call_time="16:20")
    turn = s.say(line)
    assert not turn.reply.lower().startswith("no problem"), turn.reply


def test_no_call_me_back_later_before_later_today() -> None:
    s = _start("work-call", ["Afternoon. This is Marcus with Keystone Partners. Am I speaking with Kevin?"],
               seed=21, call_time="12:20")
    turn = s.say("Lunch rush. Sure. Funny how everybody's in a rush when I call. When can you actually talk?")  # T
    assert "later. later" not in turn.reply.lower(), turn.reply


# Written before the change: 23 of 33 failing (the two-part question and the recap of other
# figures were written while fixing 2.5, against the code before it); 0 of 33 after.
