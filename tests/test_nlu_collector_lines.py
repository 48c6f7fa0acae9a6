"""Ordinary collector lines that engineers driving real calls found misread, plus
variants of each written for these tests (none is from the development data)."""

from __future__ import annotations

import re

import pytest

from simulator.nlu.analyser import default_analyser

#: The rule layer's own findings: what the learned layer reads as features and what the
#: compliance-read moves always keep. The whole analyser is measured by bench/nlu_eval.py
#: (--lovo, --heldout), where a learned veto of some of these lines is counted.
analyze = default_analyser().rules_only

# (text, debtor's previous line, moves that must be found, moves that must not be)
CASES: list[tuple[str, str | None, set[str], set[str]]] = [
    # plan terms proposed or accepted are an offer; a "so that's ..." recap is a recap
    ("Okay, $200 a month for 12 months, starting December 5th.", None,
     {"offer_payment_plan"}, {"recap_agreement"}),
    ("Okay, $200 a month for 12 months, starting December 5th.", "Could I do $200 a month?",
     {"offer_payment_plan"}, set()),
    ("Okay, $200 a month it is.", None, {"offer_payment_plan"}, set()),
    ("Alright, $45 a week it is.", "I get paid weekly, I could do 45.", {"offer_payment_plan"}, set()),
    ("I'm wondering if you could do $100 a month?", None, {"offer_payment_plan"}, {"open_question"}),
    ("So that's $150 a month for 10 months, starting March 1st.", None,
     {"recap_agreement"}, {"offer_payment_plan"}),
    # disclosing the debt to whoever answers
    ("She owes $640 on her Brightline Wireless account.", None, {"state_debt"}, set()),
    ("He still owes $1,120 on his Ridgeway Auto loan.", None, {"state_debt"}, set()),
    ("I'm calling from Keystone Collections about a debt she owes.", None,
     {"self_identification", "state_debt"}, set()),
    ("I'm calling about his account with Maple Dental.", None, {"state_debt"}, set()),
    ("It's about an overdue account of his.", None, {"state_debt"}, set()),
    # false positives
    ("You have a balance of $2,350 with Crestview Lending. Can you pay that today?", None,
     {"state_debt", "request_full_payment"}, {"reflection", "pressure"}),
    ("You have a balance of $2,350 with Crestview Lending. Can you pay that today?",
     "Yes, this is she. What's this about?",
     {"state_debt", "request_full_payment"}, {"reflection", "pressure"}),
    ("Could you take care of the full balance today by debit card?", None,
     {"request_full_payment"}, {"closing"}),
    ("How would you like to take care of it?", None, set(), {"closing"}),
    ("Thanks so much, take care of yourself.", None, {"closing"}, set()),
    ("Thanks for your time today, take care.", None, {"closing"}, set()),
    ("Okay, we'll pause collection until the dispute has been reviewed.", None,
     {"next_steps"}, {"offer_alternative"}),
    ("We could pause collection for 45 days while you sort out the insurance claim.", None,
     {"offer_alternative"}, set()),
    ("You're being ridiculous.", None, {"abuse"}, {"reflection"}),
    ("You're being ridiculous.", "I'm not paying a cent until someone explains this.",
     {"abuse"}, {"reflection"}),
    ("Have a good afternoon.", None, {"closing"}, {"greeting"}),
    ("Thanks again for your help. Have a lovely evening.", None, {"closing"}, {"greeting"}),
    ("Good afternoon, this is Priya with Lakeshore Recovery.", None,
     {"greeting", "self_identification"}, {"closing"}),
    ("I'm curious what made the payments stop", None, {"open_question"}, {"offer_payment_plan"}),
    # empathy
    ("I'm sorry you were treated that way.", None, {"empathy"}, set()),
    ("I can see why you'd feel that way.", None, {"empathy"}, set()),
    ("Sorry, I didn't mean to come across that way. I understand this is a surprise.", None,
     {"empathy"}, set()),
    ("I understand you're busy. I'll keep this short.", None, {"empathy"}, set()),
    ("I'm not here to argue with you. Go ahead, I'm listening.", None, {"empathy"}, set()),
    ("Take your time.", "Sorry, I'm crying, I just lost my job and I'm so embarrassed.",
     {"empathy"}, {"reflection"}),
    ("I am sorry, that is a lot to deal with.", None, {"empathy"}, set()),
    ("There's nothing to be embarrassed about.", None, {"empathy"}, set()),
    # pressure
    ("Listen, you owe this money whether you like it or not.", None, {"pressure"}, set()),
    ("Our records show it's still due, so you need to pay.", None, {"pressure"}, set()),
    ("Calm down, sir.", None, {"pressure"}, set()),
    ("I need a payment today.", None, {"pressure"}, set()),
    ("I want the money by tomorrow.", None, {"pressure"}, set()),
    # also missed
    ("So work's been slow and clients owe you money.", "Work's been slow and my clients are late paying me.",
     {"reflection"}, set()),
    ("When would be a better time to call you?", None, {"next_steps"}, set()),
    ("When's a good time to reach her?", None, {"next_steps"}, set()),
    ("What's the best time to catch him at home?", None, {"next_steps"}, set()),
    ("Do you have the receipt?", None, set(), {"ask_capacity"}),
]


@pytest.mark.parametrize(("text", "context", "want", "unwanted"), CASES)
def test_collector_line(text: str, context: str | None, want: set[str], unwanted: set[str]) -> None:
    got = set(analyze(text, context).move_names)
    assert want <= got, f"{text!r}: missing {sorted(want - got)}, got {sorted(got)}"
    assert not unwanted & got, f"{text!r}: should not find {sorted(unwanted & got)}"


def test_take_your_time_is_courtesy_without_a_hard_moment() -> None:
    # With nothing hard to acknowledge it is a courtesy (no move, and no restatement).
    a = analyze("Sure, take your time.", "Hang on, let me find my card.")
    assert "empathy" not in a.move_names and "reflection" not in a.move_names
    assert a.tone.score > 0


@pytest.mark.parametrize(("text", "context"), [
    ("Hi, this is Sam with Northgate Recovery.", None),
    ("So that's $80 a month by debit card for 16 months, starting December 15th.", None),
    ("So that's $1,240.50 today by card.", None),
    ("You have a balance of $2,350 with Crestview Lending.", None),
    ("I'm calling from Keystone Collections about a debt she owes.", None),
    ("She owes $640 on her Brightline Wireless account.", None),
    ("Okay, $200 a month for 12 months, starting December 5th.", None),
    ("Could you take care of the full $1,875 today?", None),
])
def test_evidence_covers_whole_words_and_amounts(text: str, context: str | None) -> None:
    a = analyze(text, context)
    assert a.moves
    for mv in a.moves:
        assert text[mv.start:mv.end] == mv.evidence
        assert mv.evidence == mv.evidence.strip()
        before = text[mv.start - 1] if mv.start > 0 else " "
        after = text[mv.end] if mv.end < len(text) else " "
        assert not (before.isalnum() and mv.evidence[0].isalnum()), (mv.move, mv.evidence)
        assert not (after.isalnum() and mv.evidence[-1].isalnum()), (mv.move, mv.evidence)
        assert not mv.evidence.endswith("$"), (mv.move, mv.evidence)
        if re.search(r"\d", after):
            assert not re.search(r"[\d$,.]$", mv.evidence), (mv.move, mv.evidence)


def test_evidence_examples() -> None:
    a = analyze("Hi, this is Sam with Northgate Recovery.")
    assert a.evidence("self_identification").endswith("Northgate")
    a = analyze("So that's $80 a month by debit card for 16 months, starting December 15th.")
    assert "$80" in a.evidence("recap_agreement")


@pytest.mark.parametrize("text", [
    "When did you last make a payment?",
    "Where should I send the letter?",
    "How did you hear about the account?",
    "What else is going on for you right now?",
    "What's the best number to reach you?",
    "So that's $80 a month by debit card for 16 months, starting December 15th. "
    "I'll email you a confirmation today.",
    "Are you able to pay that in full right now?",
])
def test_neutral_procedural_lines_are_neutral(text: str) -> None:
    tone = analyze(text).tone
    assert -0.12 <= tone.score <= 0.3, (text, tone)
    assert tone.label in ("neutral", "polite"), (text, tone)


@pytest.mark.parametrize("text", [
    "I'm sorry you were treated that way.",
    "Take your time, there's no rush.",
    "Thanks for explaining that, I appreciate it.",
])
def test_warm_lines_are_positive(text: str) -> None:
    assert analyze(text).tone.score > 0.15


@pytest.mark.parametrize("text", [
    "Listen, you owe this money whether you like it or not.",
    "Calm down, sir.",
    "You're being ridiculous.",
    "Why haven't you paid?",
])
def test_rude_lines_stay_negative(text: str) -> None:
    assert analyze(text).tone.score < -0.3


@pytest.mark.parametrize(("text", "context", "open_q"), [
    # a reflection that leads, with a question tagged on, is heard as a reflection
    ("It sounds like the move has been hard on all of you. What else has changed?",
     "We moved in with my sister after the eviction and it's been rough.", False),
    ("What else has changed since the move?", None, True),
    # a place or a part asked for is a closed question
    ("Where did you leave the paperwork?", None, False),
    ("Okay, and where in the file is that?", None, False),
    ("What part of the statement do you disagree with?", None, False),
    ("What's been going on with the account?", None, True),
])
def test_open_question_edges(text: str, context: str | None, open_q: bool) -> None:
    a = analyze(text, context)
    assert a.has("open_question") is open_q, (text, a.move_names)
    if context and not open_q:
        assert a.has("reflection")
