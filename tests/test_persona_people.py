"""Debtors answer like people (outside testers' calls, 2026-12-03: tester4 "new hire",
tester3 "compliance auditor"). Each case is the tester's own line (T) or a paraphrase of
it (P), so that a fix is not tuned to one wording.

- asking to repeat or confirm, or asking what the debtor volunteered, is no repeat
  (tester4 #9): no "You asked me that", no irritation, no ``trainee_repeated``;
- "when ..." questions and "would the 15th work?" are not asked about a time to call or
  a job (tester4 #13, #14);
- a word after "who am I speaking with" is no name; asked for their full or last name
  the debtor gives it; a phone number confirmed is no person confirmed (tester3 #18-20);
- the cease call: confirming it, mail, how often they called, the address (tester4 #6);
- the widow hears that the estate pays, and names the estate's lawyer (tester4 #5,
  tester3 #21);
- "is now a good time?" is answered yes or with a callback (tester4 #19, tester3 #14);
- one reply says each thing once (tester4 #17).
"""

from __future__ import annotations

import pytest

from simulator.session import Session


def _start(scenario: str, lines: list[str], seed: int | None = None, call_time: str | None = None) -> Session:
    prep = {"reviewed": ["account_summary", "payment_history", "contact_notes"],
            "call_time": call_time} if call_time else None
    s = Session.start(scenario, seed=seed, trainee="t", preparation=prep)
    for line in lines:
        s.say(line)
    return s


def _no_repeat(turn) -> None:
    """No reproach: "Like I said" is how people say a thing twice; "You asked me that" is not."""
    low = turn.reply.lower()
    assert "trainee_repeated" not in turn.events, turn.reply
    assert "you asked me that" not in low and "same as i said" not in low, turn.reply


# ------------------------------------------------------------------ repeats (#9)
WORK = ["hi, is this Kevin Park?", "hey Kevin, it's Sam from Keystone Partners. is this a bad time?"]


@pytest.mark.parametrize("line", [
    "oh no worries at all, I totally get it. when's a better time to call you?",  # T
    "no problem at all. what time should I try you instead?",  # P
])
def test_asking_when_to_call_after_is_this_a_bad_time_is_no_repeat(line):
    s = _start("work-call", WORK, seed=21, call_time="12:20")
    turn = s.say(line)
    _no_repeat(turn)
    assert "6:30" in turn.reply, turn.reply


@pytest.mark.parametrize("line", [
    "sorry, could you say that number again? I don't think I got it all",  # T
    "sorry, can you repeat that number for me?",  # P
])
def test_asking_to_repeat_a_number_is_no_repeat(line):
    s = _start("with-attorney", [
        "good morning! is this Lisa Tran?",
        "so just so you know, I'm a debt collector and this is an attempt to collect a debt, any info "
        "will be used for that purpose. I'm calling about your Crestline Finance account, the balance is $3,420.75.",
        "oh ok, gotcha. what's your attorney's name?",
        "and do you have a phone number for her?"], seed=33, call_time="10:15")
    before = s.call.numbers["irritation"]
    turn = s.say(line)
    _no_repeat(turn)
    assert "555-0182" in turn.reply, turn.reply
    assert s.call.numbers["irritation"] <= before


DISPUTE = [
    "hi, is this Denise Holloway?",
    "hey Denise, this is Chris with Keystone Collections. I'm a debt collector and this is an attempt to "
    "collect a debt, anything you say will be used for that purpose. I'm calling about your Metro Cable "
    "account, there's a balance of $412.60 for equipment that wasn't returned.",
]


@pytest.mark.parametrize("line", [
    "great. so just to sum up, you're disputing the $412.60, you returned the modem and box at the store "
    "in June, and we'll pause collection while the creditor reviews your receipt. sound right?",  # T
    "ok, let me read that back: you're disputing the whole $412.60 because you returned the equipment. "
    "is that correct?",  # P
])
def test_reading_a_summary_back_is_no_repeat(line):
    s = _start("dispute-basic", [
        *DISPUTE, "oh, ok. so you did send it back? when was that?",
        "ok perfect, that's really helpful. so what I'll do is note that you're disputing this, and I'll "
        "send you a validation notice. can you send us a copy of that receipt?",
        "what's the best address or email to send that to you?"], seed=9, call_time="16:40")
    turn = s.say(line)
    _no_repeat(turn)


COOP = [
    "hey, hi there! is this Jordan? Jordan Whitaker?",
    "hi Jordan, my name's Priya, I'm calling from Keystone Collections.",
    "so just so you know I'm a debt collector and this is an attempt to collect a debt, anything you tell "
    "me will be used for that purpose. it's about your Harbor Bank Visa, the balance is $1,480.",
    "so what happened? like was there something going on with the account?",
    "oh man, two moves in one year, that's rough. was there autopay set up or anything?",
]


@pytest.mark.parametrize("line", [
    "awesome. how do you wanna pay, debit card or bank account?",  # T
    "great. and how would you like to pay it?",  # P
])
def test_a_first_question_about_what_was_volunteered_is_no_repeat(line):
    s = _start("cooperative-basic", [*COOP, "would you be able to take care of the whole $1,480 today?"],
               seed=7, call_time="17:45")
    turn = s.say(line)
    _no_repeat(turn)


def test_the_same_question_twice_is_still_a_repeat():
    """The rule still holds where it should: the same question, asked again."""
    s = _start("work-call", WORK, seed=21, call_time="12:20")
    s.say("when's a better time to call you?")
    turn = s.say("so when's a better time to call you?")
    assert "trainee_repeated" in turn.events, turn.reply


# ------------------------------------------------------------------ "when ..." (#13, #14)
@pytest.mark.parametrize("line", [
    "oh, ok. so you did send it back? when was that?",  # T
    "oh, you returned it? when did you do that?",  # P
])
def test_when_did_it_happen_is_not_when_to_call(line):
    s = _start("dispute-basic", DISPUTE, seed=9, call_time="16:40")
    turn = s.say(line)
    assert "answered:best_time" not in turn.events, turn.reply
    assert "after four" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "what time does your shift end?",  # T
    "when do you get off work today?",  # P
])
def test_when_the_shift_ends_is_the_shift(line):
    s = _start("work-call", WORK, seed=21, call_time="12:20")
    turn = s.say(line)
    assert "six" in turn.reply.lower() or "6:00" in turn.reply, turn.reply
    _no_repeat(turn)


@pytest.mark.parametrize("line", ["would the 15th work?", "does the 1st work for you?"])  # T, P
def test_a_date_that_works_is_no_job_question(line):
    from simulator.nlu.questions import find_asks

    assert "employment" not in [a.intent for a in find_asks(line)]


# ------------------------------------------------------------------ identity (tester3 #18-20)
HOSTILE = ["hi, good evening, is this Gary Kowalski?"]


@pytest.mark.parametrize("line", [
    "who am I speaking with exactly?",  # T
    "sorry, who am I talking to, actually?",  # P
])
def test_a_word_after_who_am_i_speaking_with_is_no_name(line):
    from simulator.nlu.questions import find_asks

    assert all(a.value == "" for a in find_asks(line)), find_asks(line)
    s = _start("cooperative-basic", COOP[:1], seed=7, call_time="17:45")
    turn = s.say(line)
    assert "identity_mismatch" not in turn.events, turn.reply
    assert "wrong" not in turn.reply.lower() and "not me" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "could you confirm your last name for me?",  # T
    "could you confirm your full name?",  # T
    "can I just get your full name please?",  # P
    "and could you spell your last name?",  # P
])
def test_asked_for_a_full_name_the_debtor_gives_it_and_is_verified(line):
    s = Session.start("time-barred-basic", trainee="t")
    s.say("Hi, this is Sam with Northgate Recovery. Is this Walter?")
    turn = s.say(line)
    assert "Brooks" in turn.reply, turn.reply
    assert s.call.flags["verified"], turn.reply


@pytest.mark.parametrize("line", [
    "Hi, is this the right number for Jordan Whitaker?",  # T
    "hello, is this a good number to reach Jordan Whitaker?",  # P
])
def test_a_number_confirmed_is_no_person_confirmed(line):
    s = Session.start("cooperative-basic", trainee="t")
    s.say(line)
    assert not s.call.flags["verified"]


# ------------------------------------------------------------------ the cease call (#6)
CEASE = ["hi, is this Rob Mendes?",
         "hey Rob, this is Pat with Keystone Collections. I'm a debt collector, this is an attempt to collect a "
         "debt and any info will be used for that purpose. it's about your Northstar Wireless account, balance "
         "is $687.15."]


@pytest.mark.parametrize("line", [
    "ok, totally hear you. just to make sure I get it right, you want us to stop calling you completely, "
    "is that right?",  # T
    "just so I have it right: no more phone calls at all, correct?",  # P
])
def test_rob_confirms_no_more_calls(line):
    s = _start("unwanted-calls", CEASE, seed=44, call_time="17:45")
    turn = s.say(line)
    assert not any(e.startswith("refused:") for e in turn.events), turn.reply
    assert "not telling you" not in turn.reply.lower(), turn.reply
    assert "call" in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "sorry, I just wanna double check, is it ok if we still send you stuff by mail?",  # T
    "would it be alright if we write to you instead?",  # P
])
def test_rob_says_mail_is_fine(line):
    s = _start("unwanted-calls", CEASE, seed=44, call_time="17:45")
    turn = s.say(line)
    assert "refused:payment_method" not in turn.events and "paying" not in turn.reply.lower(), turn.reply
    assert "mail" in turn.reply.lower() or "write" in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "oh wow, I'm sorry, I didn't realise you'd been getting that many calls. how often have they been calling?",  # T
    "how many times have they called you?",  # P
])
def test_rob_says_how_often_he_was_called(line):
    s = _start("unwanted-calls", CEASE, seed=44, call_time="17:45")
    turn = s.say(line)
    assert "twice a day" in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", ["is the address we have still the right one?",  # T
                                  "what's your current address?"])  # P
def test_an_address_is_read_street_first(line):
    s = _start("unwanted-calls", CEASE, seed=44, call_time="17:45")
    turn = s.say(line)
    street = s.account.debtor.street
    assert street in turn.reply, turn.reply
    assert turn.reply.index(street) < turn.reply.index(s.account.debtor.zip), turn.reply


# ------------------------------------------------------------------ the widow (#5, tester3 #21)
WIDOW = ["hi, good afternoon, can I speak with Robert Hale please?",
         "oh my gosh, I'm so sorry for your loss. I didn't know. may I ask who I'm speaking with?",
         "I'm really sorry, Linda. are you the one handling his estate, like the executor?",
         "thank you. so my name's Sam, I'm with Northgate Recovery. I'm a debt collector and this is an attempt "
         "to collect a debt, any information will be used for that purpose. it's about Robert's Harbor Point "
         "Bank card, the balance is $3,480.20.",
         ]


@pytest.mark.parametrize("line", [
    "no, you don't have to pay it yourself. it comes out of his estate.",  # T
    "oh no, please don't worry, you're not personally on the hook for this. debts like this get paid out of "
    "his estate, if there's anything in it.",  # T
    "you won't have to pay this out of your own pocket, it's a claim against his estate.",  # P
])
def test_the_widow_hears_that_the_estate_pays(line):
    s = _start("deceased-basic", WIDOW, seed=13, call_time="14:30")
    turn = s.say(line)
    assert s.state == "reassured", (turn.reply, turn.events)
    assert "income" not in turn.reply.lower() and "what was that" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", ["Who is the estate's attorney?",  # T
                                  "do you have a lawyer handling the estate?"])  # P
def test_the_widow_names_the_estates_lawyer(line):
    s = _start("deceased-basic", [*WIDOW, "you're not personally responsible for his debts, Linda."],
               seed=13, call_time="14:30")
    turn = s.say(line)
    assert "Brenner" in turn.reply, turn.reply


# ------------------------------------------------------------------ "is now a good time?" (#19)
@pytest.mark.parametrize("scenario,opening,line,call_time", [
    ("hardship-basic", "hi, is this Maria Delgado?",
     "great, thanks Maria. I'm Sam, I'm with Northgate Recovery. is now a good time?", "18:30"),  # T
    ("cooperative-basic", "hi, is this Jordan Whitaker?",
     "hi Jordan, it's Priya from Keystone Collections. did I catch you at an ok time?", "17:45"),  # P
    ("hostile-basic", "hi, good evening, is this Gary Kowalski?", "Is now an okay time?", "19:10"),  # T (tester3)
])
def test_is_now_a_good_time_is_answered_now(scenario, opening, line, call_time):
    s = _start(scenario, [opening], call_time=call_time)
    turn = s.say(line)
    assert "answered:best_time" not in turn.events, turn.reply
    assert not any(w in turn.reply.lower() for w in ("after seven", "after six", "evenings")), turn.reply


# ------------------------------------------------------------------ one reply, said once (#17)
@pytest.mark.parametrize("reaction,answer,dropped", [
    ("Yeah, after six is better, I'm off the roof by then. But what's this about?",
     "Same as I said: after six, I'm off the roof by then.", "Same as I said"),
    ("Business has been slow since the spring, and my clients pay in ninety days.",
     "Like I said, business is slow.", "Like I said"),
    ("Sure. Like I said, she's home in the evening. I'll let her know you called.",
     "Sure, I'll tell her you called.", "tell her"),
])
def test_a_reply_does_not_say_the_same_thing_twice(reaction, answer, dropped):
    from simulator.engine.replies import joined

    assert dropped not in joined(reaction, answer)


# ------------------------------------------------------------------ off-topic answers (tester4 #16, tester3 #22, #24, #31)
@pytest.mark.parametrize("line", [
    "Understood. Could I get your attorney's name and phone number?",  # T (tester3)
    "can I have your lawyer's name and number please?",  # P
])
def test_the_attorneys_name_is_no_question_of_her_own_name(line):
    s = _start("with-attorney", [
        "Good morning, may I speak with Lisa Tran?",
        "Thank you. This is Jamie with Keystone Collections. I'm a debt collector, this is an attempt to "
        "collect a debt, and any information obtained will be used for that purpose."])
    turn = s.say(line)
    assert "answered:identity_name" not in turn.events, turn.reply
    assert "555-0182" in turn.reply or "Kim" in turn.reply, turn.reply


MARCUS = ["hey, good evening, is this Marcus Reed?",
          "hi Marcus, I'm Sam with Northgate Recovery. quick heads up, I'm a debt collector and this is an "
          "attempt to collect a debt, any info will be used for that purpose. I'm calling about your Summit "
          "Card Services account, the balance is $1,780.40."]


@pytest.mark.parametrize("line,want", [
    ("oh wow, thank you for your service. so when do you ship out?", "three weeks"),  # T
    ("when are you deploying?", "three weeks"),  # P
    ("how long will you be gone for?", "months"),  # T
    ("what's the best way to reach you while you're deployed, email maybe?", "@"),  # T
    ("once you're overseas, how do we get hold of you?", "@"),  # P
])
def test_marcus_answers_about_his_deployment(line, want):
    s = _start("servicemember-basic", MARCUS)
    turn = s.say(line)
    assert want in turn.reply, turn.reply


@pytest.mark.parametrize("line", [
    "Legally you're obligated to pay your husband's debts as his spouse, so this does fall to you now.",  # T
    "Most families like to clear up a loved one's bills to honor their memory. Would you be able to take "
    "care of it from your own account?",  # T
    "As his wife you're responsible for this balance now.",  # P
])
def test_the_widow_is_not_grateful_to_be_told_she_must_pay(line):
    s = _start("deceased-basic", [
        "Hi, may I speak with Robert Hale?",
        "I am very sorry for your loss. May I ask who I am speaking with, and whether you are handling his estate?",
        "My name is Sam with Northgate Recovery. I am a debt collector, this is an attempt to collect a debt, "
        "and any information obtained will be used for that purpose. It is about Robert's Harbor Point Bank "
        "card, with a balance of $3,480.20."])
    turn = s.say(line)
    assert not turn.reply.lower().startswith("thank"), turn.reply
    assert s.state in ("estate", "hung_up") and "escalated" in turn.events, (turn.reply, turn.events)


# ------------------------------------------------------------------ "sorry, what was that?" (tester4 #16)
ANGELA = ["hi, good afternoon, is this Angela Ruiz?",
          "hi Angela, my name's Morgan, I'm with Keystone Collections. I'm a debt collector and this is an "
          "attempt to collect a debt, any info you give me will be used for that purpose. I'm calling about an "
          "account that was with Harbor Lane Stores and is now owned by Meridian Portfolio Services, the "
          "balance is $1,532.90.",
          "ok no problem. we'll mail you a validation notice within five days, it'll show who the original "
          "creditor was, the amount and how to dispute it. is your mailing address still the same?"]


@pytest.mark.parametrize("scenario,lines,line", [
    ("validation-basic", ANGELA, "sorry, I didn't catch that, could you say it again?"),  # T
    ("validation-basic", ANGELA, "sorry, come again?"),  # P
    ("deceased-basic", WIDOW[:1] + WIDOW[3:] + ["no, you don't have to pay it yourself. it comes out of his "
                                                "estate.", "has the estate been opened in probate yet?"],
     "sorry, what county was that?"),  # T
    ("cooperative-basic", COOP[:4], "sorry, what was that?"),  # T
    ("cooperative-basic", COOP[:4], "pardon me, I missed that, what did you say?"),  # P
])
def test_asked_to_say_it_again_the_debtor_says_it_again(scenario, lines, line):
    s = _start(scenario, lines)
    before = s.call.last_reply
    irritation = s.call.numbers["irritation"]
    turn = s.say(line)
    assert turn.reply == before, (before, turn.reply)
    assert "not_understood" not in turn.events and "trainee_repeated" not in turn.events
    assert s.call.numbers["irritation"] <= irritation


# ------------------------------------------------------------------ the terms offered (tester4 #11)
GARY = ["hi, good evening, is this Gary Kowalski?",
        "hi Gary, I'm Marcus, calling from Keystone Collections. I'm a debt collector and this is an attempt "
        "to collect a debt, anything you tell me will be used for that purpose.",
        "I hear you, and I'm sorry, that sounds super frustrating. what happened?",
        "oh wow, a heart attack scare, that must've been scary. and then getting a bill after the insurance "
        "said it was covered, no wonder you're mad.",
        "ok straight up then. it's the St. Vincent ER bill, the balance is $1,875.",
        "with college eating up the spare cash, what could you manage a month without it hurting?"]


@pytest.mark.parametrize("offer,monthly", [
    ("ok, $75 a month, gotcha. so how about $80 a month for 24 months?", 80),  # T
    ("right, you said $100 a month. could we do $90 a month instead?", 90),  # P
])
def test_the_offer_is_the_amount_offered_not_the_one_restated(offer, monthly):
    s = _start("hostile-basic", GARY, seed=3, call_time="19:10")
    s.say(offer)
    assert s.call.agreed is not None and s.call.agreed.monthly == monthly, s.call.agreed
    turn = s.say(f"cool. so to recap, ${monthly} a month starting the 1st of December.")
    assert "recap_corrected" not in turn.events, turn.reply


# ------------------------------------------------------------------ Jordan has the money (tester4 #18)
@pytest.mark.parametrize("line", [
    "can you do the whole thing today or would you rather split it?",  # T
    "do you want to pay the full balance today, or split it into payments?",  # P
])
def test_jordan_who_has_the_money_pays_it_when_offered_the_choice(line):
    s = _start("cooperative-basic", COOP[:4], seed=7, call_time="17:45")
    turn = s.say(line)
    assert "steep" not in turn.reply, turn.reply
    assert s.call.agreed is not None and s.call.agreed.kind == "full_payment", (turn.reply, s.call.agreed)


# ------------------------------------------------------------------ more ordinary questions (tester3 #31)
def test_a_new_time_proposed_is_no_repeat_of_when_to_call():
    s = _start("work-call", WORK, seed=21, call_time="12:20")
    s.say("oh no worries at all, I totally get it. when's a better time to call you?")
    turn = s.say("Is after six okay, or would the weekend be better?")  # T
    _no_repeat(turn)


@pytest.mark.parametrize("scenario,opening,line,want", [
    ("hostile-basic", GARY[:4], "Would you prefer we only contact you in writing from here on?", "mail"),  # T
    ("hostile-basic", GARY[:4], "would it help if we only reached you by mail?", "mail"),  # P
    ("time-barred-basic", ["Hi, is this Walter Brooks?"], "Do you know when your last payment was?", "2018"),  # T
    ("time-barred-basic", ["Hi, is this Walter Brooks?"], "when did you last pay on it?", "2018"),  # P
    ("servicemember-basic", MARCUS, "Has anything changed with your pay since you went active?", "allotment"),  # T
])
def test_ordinary_questions_get_their_answer(scenario, opening, line, want):
    s = _start(scenario, opening)
    turn = s.say(line)
    if want == "allotment":  # his pay, not what he can pay a month
        assert "a month" not in turn.reply, turn.reply
    else:
        assert want in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "so what are you doing for money right now?",  # T (tester4, hardship)
    "how are you getting by for money at the moment?",  # P
])
def test_maria_says_what_she_lives_on(line):
    s = _start("hardship-basic", ["hi, is this Maria Delgado?",
                                  "great, thanks Maria. I'm Sam, I'm with Northgate Recovery. I'm a debt collector "
                                  "and this is an attempt to collect a debt, any info you give me will be used for "
                                  "that. I'm calling about your Lakeside card, balance is $1,240.",
                                  "hey it's ok, no need to apologise. can I ask what happened?"], seed=42,
               call_time="18:30")
    turn = s.say(line)
    assert "unemployment" in turn.reply, turn.reply
