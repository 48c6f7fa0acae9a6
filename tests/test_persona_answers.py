"""Debtors answer what they were told (lines from outside testers' calls, 2026-12-02).

Walter (time-barred) asks whether he can be sued; an honest "no" in the tester's own
words ("we won't take you to court over it", "there's no lawsuit coming") was not heard
and he asked again, two turns later; a line that answered him and also restated his
story was heard as the restatement. 3 of 3 wordings went unheard before, 0 after."""

from __future__ import annotations

import pytest

from simulator.session import Session

OPENING = [
    "Hey there, good evening. Is this Walter Brooks?",
    "Thanks Walter. It's Sam with Northgate Recovery. I'm a debt collector, and this is an attempt "
    "to collect a debt; whatever you tell me will be used for that purpose. I'm calling about your "
    "old Redline Home Furnishings store card, which shows a balance of $1,620.",
]


@pytest.mark.parametrize("answer", [
    "Straight answer: no. It's old enough that we won't take you to court over it, and nobody's "
    "going to. It's still an unpaid balance, but whether you pay it is up to you.",
    "No, we can't sue you for it, it's too old for that. It's still an unpaid balance, but whether "
    "you do anything about it is your call.",
    "No sir, there's no lawsuit coming, it's past the time limit for that.",
    # the lead's own call in the app, after the fix above (1 of 1 unheard)
    "Fair question. The straight answer is no: that debt is too old for anyone to sue you over, "
    "and we won't.",
])
def test_walter_hears_that_he_will_not_be_sued(answer):
    s = Session.start("time-barred-basic", trainee="t")
    for line in OPENING:
        s.say(line)
    assert s.state == "suspicious"
    turn = s.say(answer)
    assert s.state == "talking", turn.reply
    assert "sue" not in turn.reply.lower()


def test_a_message_for_the_debtor_is_no_open_question_nor_a_question_where_she_is():
    """Tester B to the roommate: "can you tell her Sam call, and she can call me back at
    800-555-0142?" read as an open question ("can you tell ...") and as asking where she
    is ("she ... back"), and the roommate told where Alicia works instead."""
    from simulator.nlu.analyser import analyze
    from simulator.nlu.questions import find_asks

    line = "Yes please, can you tell her Sam call, and she can call me back at 800-555-0142?"
    assert "open_question" not in analyze(line).move_names
    assert [a.intent for a in find_asks(line)] == ["callback"]


def test_a_reply_says_each_sentence_once():
    from simulator.engine.replies import joined

    reaction = "No problem. Like I said, she's home in the evening. I'll give her the message."
    answer = "Sure, I'll tell her you called. Like I said, she's home in the evening."
    assert joined(reaction, answer) == reaction + " Sure, I'll tell her you called."
    assert joined("Okay.", "Okay.") == "Okay."


def test_keeping_the_reason_private_is_understood():
    """Tester B to the roommate: "It is personal, sorry, I can only talk about it with her."
    got "Sorry, what was that?" (no move, so not understood); keeping the reason to
    yourself is what the law asks, and the roommate now reacts to it."""
    s = Session.start("third-party", trainee="t")
    s.say("Hello, good afternoon. Is Alicia there please?")
    turn = s.say("It is personal, sorry, I can only talk about it with her.")
    assert "not_understood" not in turn.events
    assert "what was that" not in turn.reply.lower()


# The lead's deceased call (2026-12-03): Linda, the widow, was asked whether she is his
# wife or handles his affairs, and answered "who did you say you were with?"; asked the
# same with "if" she had hung up on a threat. 3 of 4 wordings unanswered before, 0 after.
WIDOW_OPENING = ["Hi, is this the Hale residence? I'm looking for Robert Hale.",
                 "Oh, I'm so sorry. I didn't know. Please accept my condolences."]


@pytest.mark.parametrize("question", [
    "I don't want to intrude, but may I ask if you're his wife, or the person looking after his affairs?",
    "Can I ask whether you're the executor of his estate?",
    "Are you the one handling his estate?",
    "Who is taking care of his affairs now, if you don't mind me asking?",
])
def test_the_widow_says_who_she_is_when_asked(question):
    s = Session.start("deceased-basic", trainee="t")
    for line in WIDOW_OPENING:
        s.say(line)
    turn = s.say(question)
    assert s.state == "confirmed", turn.reply  # she may now be told about the account
    assert "executor" in turn.reply.lower(), turn.reply


def test_the_leads_deceased_call_reassures_the_widow_and_reaches_the_estate():
    """The whole call: she says who she is, hears she is not liable (it was abuse before,
    and she hung up), answers the probate question (ignored before: she was never asked
    who she is, so it reached her as idle talk), says where to send the letter."""
    s = Session.start("deceased-basic", trainee="t")
    for line in WIDOW_OPENING:
        s.say(line)
    s.say("I don't want to intrude, but may I ask if you're his wife, or the person looking after his affairs?")
    s.say("Thank you. My name is Sam and I'm with Northgate Recovery, a debt collector. This is an "
          "attempt to collect a debt and any information obtained will be used for that purpose. "
          "It's about a Harbor Point Bank Visa card in his name, with a balance of $3,480.20.")
    assert s.state == "estate"
    s.say("I want to be clear: you are not personally responsible for his debts. Any claim goes to his estate.")
    assert s.state == "reassured"
    turn = s.say("Has an estate been opened with the probate court, or is that still being worked out?")
    assert "probate" in turn.reply.lower(), turn.reply
    turn = s.say("I'll send a letter addressed to the estate with the details, so whoever handles it "
                 "has everything in writing. Is this the best address for that?")
    assert "executor" in turn.reply, turn.reply  # "Please send anything to the house, to me as executor."
    turn = s.say("Thank you for your time, and again, I'm very sorry for your loss.")
    assert s.state == "ended" and "thank" in turn.reply.lower(), turn.reply


def test_a_wrong_name_at_the_deceased_debtors_house_is_the_wrong_name():
    """Asked for 'Walter Brennan', the widow of Robert Hale told the lead that Robert had
    died (the name was never compared for a representative); now, as every debtor does,
    she says the name is wrong, and tells nothing. Her own name, once she has said it,
    is no mismatch."""
    s = Session.start("deceased-basic", trainee="t")
    turn = s.say("Hi, is Walter there? Walter Brennan?")
    assert "wrong" in turn.reply.lower() and "passed" not in turn.reply.lower(), turn.reply
    assert s.state == "answered"
    turn = s.say("Sorry, I meant Robert Hale. Is Robert there?")
    assert "passed away" in turn.reply, turn.reply
    turn = s.say("I'm so sorry for your loss. Am I speaking with Linda?")
    assert "wrong" not in turn.reply.lower(), turn.reply


# The lead's hardship call (2026-12-03, sixth session): Maria had told of the new job, and
# "So rent comes first. When does the new job actually start paying you?" got "Yeah."
# (the hardship persona had no answer to a question about her plans); "When is your first
# paycheck?" and "When does the money start coming in?" were heard as asking when to call
# ("Evenings are better, after seven"). 5 of 6 wordings unanswered before.
MARIA_OPENING = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks, Maria. I'm a debt collector and this is an attempt to collect a debt; any information "
    "obtained will be used for that purpose. I'm calling about your Lakeside card, the balance is $1,240.",
    "Can you tell me a bit about what's been going on?",
    "That sounds really hard, I'm sorry.",
]


@pytest.mark.parametrize("question", [
    "So rent comes first. When does the new job actually start paying you?",
    "When is your first paycheck?",
    "When does the money start coming in?",
    "When will the new job start paying you?",
    "And the new job, when's the first payday?",
    "How soon until you're getting paid again?",
])
@pytest.mark.parametrize("told", [False, True])
def test_maria_says_when_the_money_comes(question, told):
    s = Session.start("hardship-basic", trainee="t")
    for line in MARIA_OPENING:
        s.say(line)
    if told:
        s.say("Is anything changing on the work front?")  # she tells of the new job
        assert "new_job" in s.call.revealed, "the new job was not told"
    turn = s.say(question)
    assert "fifteenth" in turn.reply, turn.reply
    assert "after seven" not in turn.reply, turn.reply


def test_maria_speaks_of_the_new_job_when_asked_what_is_coming_up():
    s = Session.start("hardship-basic", trainee="t")
    for line in MARIA_OPENING:
        s.say(line)
    turn = s.say("Do you have anything coming up, work-wise?")
    assert "December 1st" in turn.reply, turn.reply


# The lead's held-out servicemember record (2026-12-03, sixth session): Marcus named his own
# figure when asked what he could manage, the trainee took it ("That works. So that's $160 a
# month by military allotment ..."), and Marcus said "Wait, we haven't agreed anything
# yet" (his answer was no counter-offer, so nothing could be accepted); the form was then a
# falsified record. "How are things going with you right now?" got "Yes, this is my cell"
# (the word "numbers" in "before we talk numbers" made it a phone question).
MARCUS_OPENING = [
    "Good evening, is this Marcus Reed?",
    "Thanks, Marcus. My name is Dev Mistry with Keystone Collections. I'm a debt collector, this is an "
    "attempt to collect a debt, and any information obtained will be used for that purpose. I'm calling "
    "about your Summit Card Services credit card, with a balance of $1,780.40.",
]


def test_marcus_figure_taken_is_agreed():
    s = Session.start("servicemember-basic", trainee="t")
    for line in MARCUS_OPENING:
        s.say(line)
    turn = s.say("What could you manage each month while you're deployed?")
    assert "160" in turn.reply, turn.reply
    turn = s.say("That works. So that's $160 a month by military allotment starting December 1st, and I'll "
                 "send you the paperwork by email.")
    assert s.call.agreed is not None, turn.reply
    assert "haven't agreed" not in turn.reply, turn.reply


@pytest.mark.parametrize("question", [
    "Before we talk numbers, how are things going with you right now?",
    "How have things been going lately?",
])
def test_how_things_are_going_is_about_him(question):
    from simulator.nlu.questions import find_asks

    assert [a.intent for a in find_asks(question)] == ["feelings"], question


def test_a_start_date_after_the_first_check_is_no_repeat():
    """The lead's app call (2026-12-03): after "When does the first paycheck land?", the
    offer "$85 a month works for me. Starting on the 15th of December, after your first
    check?" was heard as asking about her income again: "Okay. $85 a month, I can do that.
    Thank you, really. You asked me that." """
    s = Session.start("hardship-basic", trainee="t")
    for line in MARIA_OPENING:
        s.say(line)
    s.say("That's great news. When does the first paycheck land?")
    s.say("Once you're getting paid, what feels doable each month?")
    turn = s.say("$85 a month works for me. Starting on the 15th of December, after your first check?")
    assert "asked me that" not in turn.reply, turn.reply
    assert s.call.agreed is not None, turn.reply
