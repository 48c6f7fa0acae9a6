"""Debtor replies that ignore or misread what a score-gaming trainee did (outside tester9
"Jade", a week-three trainee, 2026-12-03, section 2 of her report). Each case drives the
real engine with her own lines (T), or a paraphrase (P) so a fix is not tuned to one wording.

- 2.1 empathy words do not outweigh demands for the full balance and an ignored counter;
- 2.2 a whole script in one line overwhelms the debtor: no trust from its listening moves,
  no "Okay... bye.", at most one thing answered;
- 2.3 "I'll put you down for $155" after she refused $155 twice is objected to;
- 2.4 an unanswered question about a fee comes back, and an inflated total is not accepted;
- 2.5 the roommate answers "When is she usually home?" with the time;
- 2.6 a call-back time other than the one he gave is corrected;
- 2.9 the disputer objects to a money ask after the dispute;
- 2.10 a money ask before the disclosure or any rapport costs a resistant debtor trust;
- 2.11 a recap the debtor has to correct raises no trust; a single settlement is no "starting";
- 2.12 no "Whoa" twice, and no "I haven't agreed to anything" when nothing was proposed.

Written before the change: see the closing note for the count.
"""

from __future__ import annotations

import pytest

from tests.test_persona_people import _start

# ------------------------------------------------------------------ 2.1 steamrolled with kind words
MARIA = [
    "Hi! This is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Awesome, thank you Maria! I'm a debt collector and this is an attempt to collect a debt, and any "
    "information obtained will be used for that purpose. I'm calling about your Lakeside card, the balance is $1,240.",
]
STEAMROLL = [
    "I totally understand, and I'm so sorry. Can you take care of the full $1,240 today?",
    "I completely understand how stressful that is, I really do. But the full balance is really what we need "
    "today, can you put it on a card?",
    "I hear you, and I appreciate you sharing. We could do $300 a month for four months starting Monday.",
    "I'm so sorry, I know it's hard. $300 a month is honestly the best I can do, so shall I set that up?",
]


def test_kind_words_do_not_outweigh_steamrolling() -> None:
    s = _start("hardship-basic", MARIA, seed=42, call_time="18:30")
    start = dict(s.call.numbers)
    for line in STEAMROLL:
        if s.ended:  # she hung up on it: broken, as the persona table says
            break
        turn = s.say(line)
    assert turn.numbers["trust"] < start["trust"], turn.numbers
    assert turn.numbers["irritation"] > start["irritation"], turn.numbers


def test_the_same_plan_again_after_her_counter_costs_trust() -> None:
    s = _start("hardship-basic", [*MARIA, *STEAMROLL[2:3]], seed=42, call_time="18:30")
    before = s.call.numbers["trust"]
    turn = s.say("I'm sorry, I know it's hard. I really can only do the $300 a month. Want me to set it up?")  # P
    assert turn.numbers["trust"] < before, (before, turn.numbers)


# ------------------------------------------------------------------ 2.2 the script in one line
GIANT = (
    "Thanks so much, Maria! I'm a debt collector and this is an attempt to collect a debt, and any information "
    "obtained will be used for that purpose, and this call may be recorded. I'm calling about your Lakeside card, "
    "the balance is $1,240. Can you tell me a bit about what's been going on? I'm so sorry to hear that, that "
    "sounds really stressful. So it sounds like things have been tight and you've been putting rent first. What "
    "could you realistically manage each month? We could set up a plan of $80 a month starting December 15th. So "
    "that's $80 a month by debit card for 16 months, starting December 15th, and I'll email you a confirmation "
    "today. Thanks so much for working with me, Maria, take care!"
)  # T


def test_a_monologue_overwhelms_and_earns_no_listening_trust() -> None:
    s = _start("hardship-basic", MARIA[:1], seed=42, call_time="18:30")
    before = s.call.numbers["trust"]
    turn = s.say(GIANT)
    assert not s.ended, turn.reply
    assert "bye" not in turn.reply.lower(), turn.reply
    assert "a lot" in turn.reply.lower() or "slow down" in turn.reply.lower(), turn.reply
    assert turn.numbers["trust"] <= before + 5, (before, turn.numbers)
    assert turn.reply.count("?") <= 1, turn.reply


def test_a_shorter_monologue_paraphrase_is_also_too_much() -> None:
    s = _start("hardship-basic", MARIA, seed=42, call_time="18:30")
    before = s.call.numbers["trust"]
    turn = s.say(  # P
        "I know this is hard and I'm really sorry. What's been happening? It sounds like money has been tight. "
        "How much could you put toward it each month? We can do $80 a month from December 15th, so that's $80 a "
        "month for 16 months by debit card, and I'll send the confirmation today. Thanks Maria, take care!")
    assert not s.ended, turn.reply
    assert turn.numbers["trust"] <= before + 5, (before, turn.numbers)


# ------------------------------------------------------------------ 2.3 put down for a refused plan
OPENQ = [
    "Hi, good evening! This is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks so much, Maria! Just so you know, I'm a debt collector and this is an attempt to collect a debt, and "
    "any information obtained will be used for that purpose. I'm calling about your Lakeside card, the balance is $1,240.",
    "Can you tell me a bit about what's been going on? Okay, so the best option is $155 a month for 8 months "
    "starting December 1st.",
    "How are you feeling about all this? Great, so shall I set up the $155 a month?",
]


@pytest.mark.parametrize("line", [
    "What would work best for you? Awesome, I'll put you down for $155 a month then.",  # T
    "What works for you? Great, I'll sign you up for the $155 a month.",  # P
])
def test_being_put_down_for_a_refused_plan_is_objected_to(line: str) -> None:
    s = _start("hardship-basic", OPENQ, seed=42, call_time="18:30")
    before = s.call.numbers["trust"]
    turn = s.say(line)
    low = turn.reply.lower()
    assert "155" in low or "didn't agree" in low or "can't do" in low, turn.reply
    assert s.call.agreed is None
    assert turn.numbers["trust"] < before, (before, turn.numbers)


# ------------------------------------------------------------------ 2.4 a fee question ignored
MARCUS = [
    "Hi there! This is Sam with Northgate Recovery. Am I speaking with Marcus Reed?",
    "Great, Marcus! Just so you know, I'm a debt collector and this is an attempt to collect a debt, and any "
    "information obtained will be used for that purpose. I'm calling about your Summit Card Services credit card, "
    "the balance is $1,780.40.",
    "Thank you so much for your service, Marcus! Can you tell me a bit about what's been going on?",
    "Oh wow, no wonder the card slipped! What could you realistically manage each month, even while you're deployed?",
    "Awesome! There's just a small $45 setup fee for the plan, so that brings it to $1,825.40. How about $160 a "
    "month for 12 months by allotment, starting December 1st?",
]


@pytest.mark.parametrize("line", [
    "Perfect! So that's $160 a month by allotment for 12 months, starting December 1st, for the $1,825.40 total. "
    "I'll email the confirmation today.",  # T
    "Great, so $160 a month by allotment from December 1st, $1,825.40 in all. Confirmation by email today.",  # P
])
def test_an_ignored_fee_question_comes_back(line: str) -> None:
    s = _start("servicemember-basic", MARCUS, seed=15, call_time="18:45")
    before = s.call.numbers["trust"]
    turn = s.say(line)
    low = turn.reply.lower()
    assert "fee" in low, turn.reply
    assert "easy" not in low, turn.reply
    assert turn.numbers["trust"] <= before, (before, turn.numbers)


# ------------------------------------------------------------------ 2.5 when is she home
ROOMMATE = [
    "Hi there! This is Sam calling. Is Alicia Moreno available?",
    "Oh no worries at all! Could you let her know Sam from Keystone Collections called? It's just about her "
    "Brightline Wireless account, nothing scary, we'd love to help her get it sorted out.",
]


@pytest.mark.parametrize("line", [
    "Awesome, thank you so much! She can reach me at 555-0142. When is she usually home?",  # T
    "Thanks! What time does she usually get home?",  # P
])
def test_the_roommate_answers_when_she_is_home(line: str) -> None:
    s = _start("third-party", ROOMMATE, seed=5, call_time="16:20")
    turn = s.say(line)
    low = turn.reply.lower()
    assert "six" in low or "6" in low, turn.reply


def test_the_roommate_answers_when_she_is_home_first_time() -> None:
    s = _start("third-party", ROOMMATE[:1], seed=5, call_time="16:20")
    turn = s.say("No problem. When is she usually home?")  # P
    assert "six" in turn.reply.lower() or "6" in turn.reply, turn.reply


# ------------------------------------------------------------------ 2.6 a wrong call-back time
KEVIN = [
    "Hi there! This is Sam with Keystone Partners. Am I speaking with Kevin Park?",
    "No worries at all! When's a better time to call you back?",
]


@pytest.mark.parametrize("line", [
    "Awesome, I'll call you back after eight tonight. Thanks Kevin, have a great shift!",  # T
    "Great, I'll try you again at 9 tonight.",  # P
])
def test_a_wrong_call_back_time_is_corrected(line: str) -> None:
    s = _start("work-call", KEVIN, seed=21, call_time="12:20")
    turn = s.say(line)
    low = turn.reply.lower()
    assert "6:30" in low or "six" in low, turn.reply


def test_the_right_call_back_time_is_not_corrected() -> None:
    s = _start("work-call", KEVIN, seed=21, call_time="12:20")
    turn = s.say("Great, I'll call you back at 6:30 tonight. Thanks Kevin!")  # P
    assert "6:30" not in turn.reply and "six" not in turn.reply.lower(), turn.reply


# ------------------------------------------------------------------ 2.9 money after a dispute
DENISE = [
    "Hi there! This is Chris with Keystone Collections. Am I speaking with Denise Holloway?",
    "Great, Denise! Just so you know, I'm a debt collector and this is an attempt to collect a debt, and any "
    "information obtained will be used for that purpose. I'm calling about your Metro Cable account, the balance is $412.60.",
]


@pytest.mark.parametrize("line", [
    "Oh no, I'm sorry about the mix-up! I'm noting that you dispute this, and we'll send a validation notice. "
    "Totally optional, but a lot of people like to put even $25 down while it's reviewed, just to show good faith. "
    "Would that work for you?",  # T
    "I've noted the dispute. Could you put $20 toward it in the meantime?",  # P
])
def test_the_disputer_objects_to_a_money_ask(line: str) -> None:
    s = _start("dispute-basic", DENISE, seed=8, call_time="14:00")
    before = s.call.numbers["trust"]
    turn = s.say(line)
    assert "dispute" in s.call.requests
    assert "owe" in turn.reply.lower() or "not paying" in turn.reply.lower(), turn.reply
    assert turn.numbers["trust"] <= before, (before, turn.numbers)


# ------------------------------------------------------------------ 2.10 money before rapport
TONY = [
    "Hi there! This is Dana with Keystone. Am I speaking with Tony Russo?",
    "Totally fair! I'm just calling about your Crestview Lending personal loan, the balance is $2,350. I'll send "
    "everything in writing too, no worries at all.",
    "Totally get it. What's been going on with the loan?",
]


@pytest.mark.parametrize("line", [
    "That sounds like a rough stretch, I'm sorry. What could you manage each month?",  # T
    "I'm sorry to hear it. How much can you pay each month?",  # P
])
def test_money_before_the_disclosure_costs_a_resistant_debtor(line: str) -> None:
    s = _start("resistant-basic", TONY, seed=11, call_time="12:15")
    before = s.call.numbers["trust"]
    turn = s.say(line)
    assert turn.numbers["trust"] < before, (before, turn.numbers)


# ------------------------------------------------------------------ 2.11 a wrong recap
WALTER = [
    "Hi there! This is Sam with Northgate Recovery. Am I speaking with Walter Brooks?",
    "Great, Walter! I'm a debt collector and this is an attempt to collect a debt, and any information obtained "
    "will be used for that purpose. I'm calling about your Redline Home Furnishings store card, the balance is $1,620.",
    "Totally fair question, Walter. Because of the age of this debt, we will not sue you over it. Paying is "
    "completely up to you. Can you tell me a bit about what happened with the card back then?",
    "Oh, I'm sorry your repair shop closed, that's a lot. It's great that the handyman work is steady now! We "
    "could settle the whole thing for $810, half the balance, if paid by December 15th.",
    "Awesome, we can do $750 to settle it in full, paid by December 15th. How would you like to pay?",
]


def test_a_wrong_recap_raises_no_trust() -> None:
    s = _start("time-barred-basic", WALTER, seed=17, call_time="19:10")
    before = s.call.numbers["trust"]
    turn = s.say("Perfect! So that's $750 by debit card on December 15th, and that settles the account in full. "
                 "I'll mail you a settlement letter today.")  # T
    assert "recap_corrected" in turn.events, turn.reply
    assert turn.numbers["trust"] <= before, (before, turn.numbers)
    assert "starting" not in turn.reply.lower(), turn.reply


# ------------------------------------------------------------------ 2.12 no "Whoa" twice
GARY = [
    "Hi there! This is Marcus with Keystone Collections. Am I speaking with Gary Kowalski?",
    "Awesome, thanks Gary! I'm a debt collector and this is an attempt to collect a debt, and any information "
    "obtained will be used for that purpose. I'm calling about your St. Vincent Regional Medical Center bill, the "
    "balance is $1,875.",
]


@pytest.mark.parametrize("line", [
    "So you feel like we people just don't stop. Anyway, how would you like to pay the $1,875 today?",  # T
    "Right, you're fed up. Anyway, can you pay the $1,875 today?",  # P
])
def test_a_hang_up_reply_does_not_repeat_itself(line: str) -> None:
    s = _start("hostile-basic", GARY, seed=3, call_time="19:10")
    turn = s.say(line)
    low = turn.reply.lower()
    assert low.count("whoa") <= 1, turn.reply
    assert "haven't agreed" not in low, turn.reply


# Closing note: written before the change, 17 of 21 failed (2.9 and the right call-back
# time already held; the "Whoa" paraphrase too). After simulator/engine/pushing.py,
# simulator/engine/callback_time.py and the persona data: 0 of 21.
