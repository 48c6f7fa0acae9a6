"""Debtors answer what was asked (outside testers' calls, 2026-12-03: tester6 and tester7,
section 2 of each report). Each case is the tester's own line (T) or a paraphrase of it
(P), so that a fix is not tuned to one wording.

- "is this Jordan I'm speaking with?" asks for Jordan, not for "Jordan I'm" (tester6 2.1);
- the widow answers who handles the estate and whether it is in probate (2.4, 2.5);
- the servicemember hears the SCRA and says he will send his orders (2.6, tester7 D8);
- a recap's first payment is the date tied to the payment, not the follow-up call (2.2);
- a larger last payment is read too: 11 x $160, the last one $180.40 (tester6 3.5);
- Gary's payday, the 15th for the payment, and a recap he agrees to without contradicting
  himself (tester7 D2); a fee is questioned (D4); a veiled threat gets pushback (D5); a
  stitched reply does not ask what the call is about after agreeing a callback (D7);
- stray halves of replies (tester6 2.3, 2.7-2.13).

Written before the change: see the closing note for the count.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_persona_people import _start


def _intents(turn) -> list[str]:
    return [a.intent for a in turn.analysis.asks]


# ------------------------------------------------------------------ 2.1 the name asked for
@pytest.mark.parametrize("line", [
    "Hi, good afternoon! This is Denise with Keystone Collections, is this Jordan I'm speaking with?",  # T
    "hey there, is this Jordan I'm talking to?",  # P
    "Good evening, is that Jordan I've got on the line?",  # P
])
def test_is_this_jordan_im_speaking_with_asks_for_jordan(line: str) -> None:
    s = _start("cooperative-basic", [], seed=7, call_time="17:45")
    turn = s.say(line)
    assert "identity_mismatch" not in turn.events, turn.reply
    assert not s.call.flags["identity_mismatch"], turn.reply


# ------------------------------------------------------------------ 2.4, 2.5 the widow
WIDOW = ["Hi, good afternoon, this is Denise calling, may I speak with Robert Hale?"]
WIDOW_TOLD = [
    *WIDOW,
    "I'm so sorry for your loss. Are you the executor of his estate?",
    "Thank you, Linda. So I'm with Northgate Recovery, I'm a debt collector and this is an attempt to collect "
    "a debt, and any information obtained will be used for that purpose. I'm calling about Robert's Harbor "
    "Point Bank Visa, which has a balance of $3,480.20.",
]


@pytest.mark.parametrize("line", [
    "Oh Linda, I am so sorry for your loss. I lost my own husband a few years back, so I know how hard this "
    "all is. Can I ask, are you the one handling Robert's estate?",  # T
    "I'm so sorry, Linda. Are you the person looking after Robert's estate?",  # P
])
def test_the_widow_says_who_handles_the_estate(line: str) -> None:
    s = _start("deceased-basic", WIDOW, seed=13, call_time="14:30")
    turn = s.say(line)
    assert s.call.state == "confirmed", turn.reply
    assert "verified" in turn.events, turn.reply


@pytest.mark.parametrize("line", [
    "No, hon, you are not personally responsible for Robert's debts. This would be paid out of his estate, if "
    "there's anything in the estate to pay it with, not out of your own pocket. Has the estate gone into "
    "probate yet?",  # T
    "You won't have to pay this yourself, it comes out of his estate. Has a probate case been opened?",  # P
])
def test_the_widow_answers_whether_the_estate_is_in_probate(line: str) -> None:
    s = _start("deceased-basic", WIDOW_TOLD, seed=13, call_time="14:30")
    turn = s.say(line)
    assert "revealed:probate" in turn.events, turn.reply
    assert "calmed" in turn.events or s.call.state in ("reassured", "noted"), turn.reply


def test_the_widow_answers_a_plain_probate_question() -> None:
    s = _start("deceased-basic", WIDOW_TOLD, seed=13, call_time="14:30")
    turn = s.say("Is the estate in probate yet?")  # P
    assert "revealed:probate" in turn.events, turn.reply


# ------------------------------------------------------------------ 2.6, D8 the SCRA
MARCUS = [
    "Hi, good evening, this is Denise with Northgate Recovery, may I speak with Marcus Reed?",
    "Thanks Marcus. I'm a debt collector, this is an attempt to collect a debt and any information obtained "
    "will be used for that purpose. I'm calling about your Summit Card Services credit card, the balance is "
    "$1,780.40.",
]


@pytest.mark.parametrize("line", [
    "Well first off, thank you for your service, Marcus, my nephew's in the Army too. And I'm glad you want to "
    "get it squared away before you go. One thing you should know, under the Servicemembers Civil Relief Act, "
    "if you send us a copy of your orders, the interest on a debt from before you went on active duty gets "
    "capped at 6%.",  # T (tester6)
    "thx for ur service man, ill note ur on active duty. heads up, u might be covered under the servicemembers "
    "civil relief act, if u send us a copy of ur orders the interest gets capped at 6%",  # T (tester7)
    "Thank you for serving. Just so you know, the SCRA caps the interest at 6% once we have a copy of your "
    "orders.",  # P
])
def test_the_servicemember_hears_the_scra(line: str) -> None:
    s = _start("servicemember-basic", MARCUS, seed=15, call_time="18:45")
    turn = s.say(line)
    assert turn.trigger == "next_steps", (turn.trigger, turn.reply)
    assert s.call.state == "talking", turn.reply


# ------------------------------------------------------------------ 2.2 the recap's date
MARIA = [
    "Hi there, good evening hon, this is Denise calling from Northgate Recovery, am I speaking with Maria Delgado?",
    "Okay Maria, thanks hon, so I do have to tell you I'm a debt collector and this is an attempt to collect a "
    "debt, and anything you tell me will be used for that purpose, and this call may be recorded. I'm calling "
    "about your Lakeside Card, the balance there is $1,240.",
    "Oh hon, no worries, don't you apologize, that's what I'm here for, let's see what we can do. Can you tell "
    "me a little about what's been going on with you?",
    "Oh I hear you, hon, I'm so sorry, that is a lot. So they cut the whole night shift in August and you've "
    "been keeping a roof over your head first, and honestly that's exactly what you should be doing. How are "
    "you holding up?",
    "Well that's wonderful news, congratulations hon, a new job is a big deal. So once those paychecks start "
    "coming in, what do you think you could realistically do each month?",
    "Okay, what if we did this, hon: $85 a month starting December 15th, right after that first paycheck, and "
    "we'd just keep going till it's paid off, that's about 15 months with the last one a little smaller. How "
    "does that sound to you?",
]


@pytest.mark.parametrize("line", [
    "Perfect. So just so we're on the same page, that's $85 a month on the 15th of each month by debit card, "
    "starting December 15th, 15 payments with the last one $50. I'm going to send you a confirmation letter in "
    "the mail today and I'll give you a call on the 16th just to make sure it went through okay.",  # T
    "Great, so to recap: $85 a month by debit card, first payment December 15th. I'll call you on the 16th "
    "to make sure it posted.",  # P
])
def test_a_follow_up_call_date_is_not_the_first_payment(line: str) -> None:
    s = _start("hardship-basic", MARIA, seed=42, call_time="18:30")
    assert s.call.agreed is not None
    turn = s.say(line)
    assert s.call.agreed.first_date == dt.date(2026, 12, 15), (s.call.agreed, turn.reply)
    assert "16" not in turn.reply, turn.reply


# ------------------------------------------------------------------ 3.5 a larger last payment
@pytest.mark.parametrize("offer", [
    "An allotment is perfect, that way you don't have to think about it over there. What if we did $160 a "
    "month starting December 1st, that's 11 payments and I'd roll the extra into the last one so it's "
    "$180.40?",  # T
    "How about $160 a month starting December 1st for 11 months, with the final payment being $180.40?",  # P
])
def test_a_larger_last_payment_is_read(offer: str) -> None:
    s = _start("servicemember-basic", [
        *MARCUS,
        "Oh, a PCS move all the way from Germany, no wonder it slipped, that's a lot to juggle. So while "
        "you're deployed, what could you comfortably manage each month?"], seed=15, call_time="18:45")
    s.say(offer)
    a = s.call.agreed
    assert a is not None
    assert (a.count, a.total) == (11, 1780.40), a
    s.say("Okay, so that's $160 a month by military allotment starting December 1st, 11 payments, with the "
          "last one $180.40.")
    assert (s.call.agreed.count, s.call.agreed.total) == (11, 1780.40), s.call.agreed


# ------------------------------------------------------------------ D2 Gary's payday and the 15th
GARY = [
    "hi good evening, may i speak with gary kowalski?",
    "this is rafa w keystone collections. im a debt collector, this is an attempt to collect a debt and any info "
    "obtained will be used for that purpose. im calling about the st vincent regional medical center acct, "
    "balance is $1,875",
    "i hear u gary, sounds like u been getting a lot of calls. what happened w this bill?",
    "man thats frustrating. so u called ur insurance before u even went in, they told u its covered, and then "
    "3 months later u get hit w an $1,800 bill. i'd be mad too",
    "thx for hearing me out. if u want i can send u an itemized statement so u can take it back to ur "
    "insurance too. what could u manage a month right now?",
]


@pytest.mark.parametrize("line", [
    "ok $100 a month works, no interest on this one. what day do u usually get paid?",  # T
    "great, $100 a month it is. when do you get paid?",  # P
    "so what day u get paid, so we line up the pmt date?",  # T
])
def test_the_payday_question_is_answered(line: str) -> None:
    s = _start("hostile-basic", GARY, seed=3, call_time="19:10")
    turn = s.say(line)
    assert "payday" in _intents(turn), turn.analysis.asks
    assert "answered:payday" in turn.events, turn.reply


@pytest.mark.parametrize("line", [
    "gotcha, never at work, noted. would the 15th of each month work for the pmt, starting dec 15?",  # T
    "can we set the $100 for the 15th of every month, first one dec 15?",  # T
    "how about the 15th of each month for the payment, first one December 15th?",  # P
])
def test_a_payment_day_after_the_agreement_settles_it(line: str) -> None:
    s = _start("hostile-basic", [*GARY, "ok $100 a month works, no interest on this one."], seed=3,
               call_time="19:10")
    assert s.call.agreed is not None
    turn = s.say(line)
    assert "employment" not in _intents(turn), turn.analysis.asks
    assert s.call.agreed.first_date == dt.date(2026, 12, 15), (s.call.agreed, turn.reply)
    assert s.call.agreed.monthly == 100, s.call.agreed
    assert turn.trigger, turn.reply  # the debtor answers the date, not an idle line


@pytest.mark.parametrize("line", [
    "ok so to confirm, $100 a month on the 15th, 18 pmts of $100 and a last one of $75, first pmt dec 15, no "
    "interest. ill mail u the agreement in writing plus the itemized statement, and we'll mark ur file no "
    "calls at work",  # T
    "So that's $100 a month starting December 15th, and we'll note no calls at your work.",  # P
])
def test_a_recap_is_agreed_without_contradiction(line: str) -> None:
    s = _start("hostile-basic", [*GARY, "ok $100 a month works, no interest on this one."], seed=3,
               call_time="19:10")
    turn = s.say(line)
    low = turn.reply.lower()
    assert "recap_corrected" not in turn.events, turn.reply
    assert "didn't say" not in low and "what's this about" not in low, turn.reply


# ------------------------------------------------------------------ D4 a fee
JORDAN2 = [
    "hi is this jordan whitaker?",
    "hey jordan this is rafa w keystone collections, this is an attempt to collect a debt, any info obtained "
    "will be used for that purpose. ur harbor bank visa is 95 days past due, balance is $1,480",
]


@pytest.mark.parametrize("line", [
    "easiest is pay it in full today by debit card, thats $1,480 plus a $15 processing fee, so $1,495",  # T
    "Can you pay the $1,480 today? There's a $9.95 convenience fee for paying by card.",  # P
])
def test_a_fee_is_questioned(line: str) -> None:
    s = _start("cooperative-basic", JORDAN2, seed=7, call_time="17:45")
    turn = s.say(line)
    assert "fee_questioned" in turn.events, turn.reply
    assert "fee" in turn.reply.lower(), turn.reply


def test_a_recap_with_the_fee_is_questioned_again() -> None:
    s = _start("cooperative-basic", [*JORDAN2, "easiest is pay it in full today by debit card, thats $1,480 plus "
                                     "a $15 processing fee, so $1,495"], seed=7, call_time="17:45")
    turn = s.say("yep debit works. so thats $1,495 today on ur debit card w the fee, and ill email u a receipt "
                 "and the paid in full letter")  # T
    assert "fee_questioned" in turn.events, turn.reply
    assert "that's right" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "Your balance of $1,480 includes $35 in late fees. Can you pay it today?",
    "I'll waive the $25 late fee if you can pay the $1,480 today.",
    "There's no fee to pay by debit card, so can you do the $1,480 today?",
])
def test_a_fee_in_the_balance_or_waived_is_not_questioned(line: str) -> None:
    s = _start("cooperative-basic", JORDAN2, seed=7, call_time="17:45")
    turn = s.say(line)
    assert "fee_questioned" not in turn.events, turn.reply


# ------------------------------------------------------------------ D5 a veiled threat
CARLA = [
    "hi may i speak with carla jennings?",
    "this is rafa w northgate recovery. im a debt collector, this is an attempt to collect a debt and any info "
    "obtained will be used for that purpose. calling about ur harbor point bank card, balance is $2,140.55",
    "ok gotcha. do u have the case number handy?",
    "and whos ur attorney on it, and their number?",
]


@pytest.mark.xfail(strict=True, reason="analyser: the dismissal warning is read as next_steps or reflection, no "
                   "threat, so no transition can push back; a persona cue making it a threat moves the scorer's "
                   "citation off 1692e(5) (tests/gaming/dev/bankruptcy_dismissal_warning.yaml)")
@pytest.mark.parametrize("line", [
    "ok ill note the bankruptcy and stop collection on the acct. just so u know tho, if the bankruptcy gets "
    "dismissed this whole balance comes right back on u",  # T
    "I'll note the bankruptcy. Just remember, if your case gets thrown out, you'll owe every penny of this "
    "again.",  # P
])
def test_a_veiled_warning_after_a_bankruptcy_gets_pushback(line: str) -> None:
    s = _start("bankruptcy-basic", CARLA, seed=11, call_time="17:15")
    before = s.call.numbers["irritation"]
    turn = s.say(line)
    assert s.call.numbers["irritation"] > before, turn.reply
    assert "calmed" not in turn.events and "thank" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "ok np, i hear u. ill mark the acct so u dont get any more calls from us, and ull get a letter confirming "
    "it. just so u know tho, this stays on ur credit until its paid",  # T
    "Okay, I'll stop the calls. Just so you know, this will keep hurting your credit until it's paid.",  # P
])
def test_a_credit_jab_after_a_cease_gets_pushback(line: str) -> None:
    s = _start("unwanted-calls", [
        "hi this is rafa w keystone collections, am i speaking with rob mendes?",
        "im a debt collector, this is an attempt to collect a debt and any info obtained will be used for that "
        "purpose. calling about ur northstar wireless acct, balance is $687.15"], seed=44, call_time="17:45")
    before = s.call.numbers["irritation"]
    turn = s.say(line)
    assert s.call.numbers["irritation"] > before, turn.reply
    assert "thank" not in turn.reply.lower(), turn.reply


# ------------------------------------------------------------------ D7 a stitched reply
@pytest.mark.parametrize("line", [
    "np, ill call u back after 6 then. whats the best number to reach u?",  # T
    "No problem, I'll call you after six then. Is this the best number for you?",  # P
])
def test_a_callback_agreed_does_not_ask_whats_this_about(line: str) -> None:
    s = _start("resistant-basic", [
        "hi is this tony russo?",
        "my name is rafa, im calling w keystone collections. is this tony?",
        "ok thx tony. u good to talk for like 2 min or u want me to call back later?"], seed=11, call_time="12:15")
    turn = s.say(line)
    assert "what's this about" not in turn.reply.lower() and "what's it about" not in turn.reply.lower(), turn.reply
    assert "identity_phone" in " ".join(turn.events), turn.reply


# ------------------------------------------------------------------ 2.3, 2.7-2.13 stray halves
GARY6 = [
    "Hi, good evening, this is Denise with Keystone Collections, am I speaking with Gary?",
    "Thanks Gary. Before I go any further can you just confirm your last name for me, hon?",
    "Okay, thank you Mr. Kowalski. I'm a debt collector, this is an attempt to collect a debt and any "
    "information obtained will be used for that purpose. I'm calling about the emergency room visit at St. "
    "Vincent Regional, there's a balance of $1,875.",
    "I hear you, Gary, and you know what, I don't blame you one bit for being upset. Sounds like you've had a "
    "rough go with this. What happened?",
]


@pytest.mark.parametrize("line", [
    "I worked hospital billing for twelve years, so I've seen this more times than I can count. Did your "
    "insurance ever send you anything saying why they didn't pay it?",  # T
    "Did the insurance company ever tell you why they wouldn't pay the claim?",  # P
])
def test_an_insurance_question_is_no_capacity_question(line: str) -> None:
    s = _start("hostile-basic", GARY6, seed=3, call_time="19:10")
    turn = s.say(line)
    assert "capacity" not in _intents(turn), turn.analysis.asks
    assert not any(e.endswith(":capacity") for e in turn.events), turn.reply


@pytest.mark.parametrize("line", [
    "And hon, just tell her it's about her Brightline phone bill, she's a few months behind and I'd really "
    "like to get it worked out with her before it goes any further.",  # T
    "Could you let her know it's about her phone bill? I'd like to sort it out with her.",  # P
])
def test_the_roommate_follows_a_message(line: str) -> None:
    s = _start("third-party", [
        "Hi there, good afternoon, this is Denise, I'm trying to reach Alicia Moreno, is she available?",
        "Oh shoot. Well could you let her know Denise from Keystone Collections called? My number is "
        "800-555-0142."], seed=5, call_time="16:20")
    turn = s.say(line)
    assert "not_understood" not in turn.events, turn.reply


@pytest.mark.parametrize("line", [
    "Oh I won't keep you long hon, I promise. Can you just confirm your last name and date of birth for me so "
    "I know I've got the right person?",  # T
    "Before we go on, can you confirm your date of birth for me?",  # P
])
def test_tony_knows_the_company_was_named(line: str) -> None:
    s = _start("resistant-basic", ["Hi, good afternoon, this is Denise with Keystone Collections, am I "
                                   "speaking with Tony?"], seed=11, call_time="12:15")
    turn = s.say(line)
    assert "haven't even said" not in turn.reply.lower(), turn.reply


TONY_AGREED = [
    "Hi, good afternoon, this is Denise with Keystone Collections, am I speaking with Tony?",
    "That's fair, I'd want to know too. We're Keystone Collections, a collection agency. Is this Tony Russo?",
    "Thanks Tony. So I'm a debt collector, this is an attempt to collect a debt and any information obtained "
    "will be used for that purpose. I'm calling about your personal loan with Crestview Lending.",
    "I hear you, and you're smart to ask. I'll put everything in writing and mail it to you.",
    "When those checks come in, what do you think you could put toward this?",
    "Okay, $200 a month I can work with, Tony. What if we did $200 a month starting December 5th?",
]


@pytest.mark.parametrize("line", [
    # T (a strict xfail on the persona branch; the lead's closing cue of the same day reads it)
    "Thanks for hanging in there with me Tony, I know you're busy, you be safe out there on the job.",
    "Thanks for your time, Tony, take care of yourself out there.",  # P
])
def test_a_goodbye_ends_the_call(line: str) -> None:
    s = _start("resistant-basic", TONY_AGREED, seed=11, call_time="12:15")
    assert s.call.agreed is not None
    turn = s.say(line)
    assert "size of it" not in turn.reply.lower(), turn.reply
    assert s.call.ended, turn.reply


WALTER = [
    "Hi, good evening, this is Denise with Northgate Recovery, am I speaking with Walter?",
    "Thanks Walter, and can you confirm your last name for me, hon?",
    "Thank you Mr. Brooks. I'm a debt collector, this is an attempt to collect a debt, and any information "
    "obtained will be used for that purpose. I'm calling about your old Redline Home Furnishings store card, "
    "it has a balance of $1,620.",
    "That's a fair question, and no, hon, because of how old this debt is, we will not sue you over it. I just "
    "wanted to reach out and see if you'd like to get it resolved, and that's completely up to you.",
    "Well before we get to that, can I ask what happened back then? What made it fall behind?",
]


@pytest.mark.parametrize("line", [
    "Oh I'm sorry about the shop, Walter, losing your own business is hard. I'm glad the handyman work is "
    "steady for you now.",  # T
    "I'm sorry you lost the shop, Walter. That must have been hard.",  # P
])
def test_a_condolence_is_not_that_is_about_the_size_of_it(line: str) -> None:
    s = _start("time-barred-basic", WALTER, seed=17, call_time="19:10")
    turn = s.say(line)
    assert "size of it" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "I'll mail you a settlement letter today with the address to send the check to, and once it clears you'll "
    "get a letter saying it's settled.",  # T
    "I'll send you the settlement agreement in writing today.",  # P
])
def test_a_promised_letter_is_not_asked_for(line: str) -> None:
    s = _start("time-barred-basic", [
        *WALTER, "I'm sorry you lost the shop, Walter.",
        "So here's what I can do. What if we settled it for $810, that's half the balance, paid by December 18th?",
        "You know what, $750 I can do. Could you have that in by December 18th?",
        "Okay, so that's $750 by check, paid by December 18th, and that settles the Redline account in full."],
        seed=17, call_time="19:10")
    assert s.call.agreed is not None
    turn = s.say(line)
    assert "writing" not in turn.reply.lower(), turn.reply


JORDAN = [
    "Hi, good afternoon! This is Denise with Keystone Collections, is this Jordan Whitaker?",
    "Great, thanks Jordan. So I'm a debt collector and I have to let you know this is an attempt to collect a "
    "debt and any information we get will be used for that purpose. I'm calling about your Harbor Bank Visa, "
    "it's showing a balance of $1,480 and it's about 95 days behind.",
    "Oh no worries at all, it happens more than you'd think. Can I ask what happened, did something change "
    "with the account?",
    "Oh two moves in one year, honey, that's a lot, no wonder the statements got lost in the shuffle. So the "
    "autopay on there, was that coming out of an account that's still open?",
]


@pytest.mark.parametrize("line", [
    "Okay that makes total sense. Well the good news is this is an easy fix. Would you be able to take care of "
    "the full $1,480 today on that debit card, hon?",  # T
    "Could you pay the $1,480 in full today with your debit card?",  # P
])
def test_a_method_just_proposed_is_not_asked_about(line: str) -> None:
    s = _start("cooperative-basic", JORDAN, seed=7, call_time="17:45")
    turn = s.say(line)
    assert "do you take" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("line", [
    "Oh, no worries at all hon, I won't keep you. When's a better time for me to give you a call back?",  # T
    "No problem. When would be a better time to call you back?",  # P
])
def test_a_best_time_answer_has_no_stray_please(line: str) -> None:
    s = _start("work-call", ["Hi, good afternoon, this is Denise with Keystone Partners, is this Kevin?"],
               seed=21, call_time="12:20")
    turn = s.say(line)
    assert not turn.reply.lower().startswith("please"), turn.reply


@pytest.mark.parametrize("line", [
    "That's absolutely your right, hon, and I don't blame you one bit. I'll have the validation notice mailed "
    "out to you within five business days. What's the best mailing address for you?",  # T
    "I'll mail the validation notice. Where should I send it?",  # P
])
def test_a_wh_question_is_not_answered_yes(line: str) -> None:
    s = _start("validation-basic", [
        "Hi, good afternoon, this is Denise with Keystone Collections, may I speak with Angela Ruiz?",
        "Thanks Angela. I'm a debt collector, this is an attempt to collect a debt and any information obtained "
        "will be used for that purpose. I'm calling on behalf of Meridian Portfolio Services about your old "
        "Harbor Lane store card, the balance is $1,532.90."], seed=55, call_time="14:10")
    turn = s.say(line)
    assert not turn.reply.lower().startswith("yes"), turn.reply
