"""The question-answering suite (tests/qa): the debtor answers what was asked, or refuses
it in character, for at least 95% of the questions.

The judge (tests/qa/judge.py) reads only the reply, the account file and the persona's
facts; ``python tests/qa/run.py --failures --explain`` lists what failed and what the
call read in each line. Three sets: the 244 development and 81 once-held-out questions
of questions.yaml, 120 fresh ones in four voices (questions_dev2.yaml), and 20 on the
special calls (questions_calls.yaml: a bankruptcy's case, court, chapter and date, an
attorney, military service, a call at work; 14 of 20 before those were answered as asked).

The goal is measured on what trainees hear: the shipped analyser, learned layer included.
questions_test2.yaml (120, the same writer's other half) was read by nobody until it was
run once, with the engine and analyser as they landed: 95.8% there (96.7% with the
rules alone, ``--rules-only``, which tells an analyser's misreading from an engine that
does not answer).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).parent / "qa"))

from judge import judge  # noqa: E402
from run import MORE, QUESTIONS, load_items, report, run, share_ok  # noqa: E402

GOAL = 0.95
SETS = [("dev", QUESTIONS), ("heldout", QUESTIONS), *(("all", path) for path in MORE)]
SET_IDS = ["dev", "heldout", *(path.stem for path in MORE)]


def test_the_suite_has_enough_questions():
    items = load_items("all")
    assert len(items) >= 300
    assert {x["scenario"] for x in items} >= {"cooperative-basic", "hardship-basic", "resistant-basic",
                                               "hostile-basic", "third-party", "dispute-basic"}
    fresh = [x for path in MORE for x in load_items("all", path)]
    assert len(fresh) >= 120
    assert {x["voice"] for x in fresh} >= {"blunt", "chatty", "texter", "formal"}
    assert len({x["id"] for x in items + fresh}) == len(items) + len(fresh)


@pytest.mark.parametrize("which,path", SETS, ids=SET_IDS)
def test_debtors_answer_or_refuse_in_character(which, path):
    results = run(which, path)
    assert share_ok(results) >= GOAL, report(results, failures=True)


@pytest.mark.parametrize("which,path", SETS, ids=SET_IDS)
def test_with_the_rules_alone_too(which, path):
    """The engine's answering holds without the learned layer as well."""
    results = run(which, path, rules_only=True)
    assert share_ok(results) >= GOAL, report(results, failures=True)


def test_rules_alone_leaves_the_shipped_analyser_as_it_was():
    from run import rules_alone

    from simulator.nlu.analyser import default_analyser

    shipped = default_analyser()
    with rules_alone():
        assert default_analyser() is not shipped and not default_analyser().learned
    assert default_analyser() is shipped and shipped.learned


# --------------------------------------------------------------------------- the judge itself

DEBTOR = SimpleNamespace(first_name="Maria", last_name="Delgado", date_of_birth=dt.date(1988, 3, 4),
                         address="12 Oak Street, Dayton, OH 45402", occupation="warehouse associate",
                         employer="Acme", ssn_last4="1234")
ACCOUNT = SimpleNamespace(debtor=DEBTOR)
PERSONA = SimpleNamespace(party="debtor", facts={
    "job_loss": SimpleNamespace(kind="hardship", keywords=["job", "august", "night shift", "lost"])})


def verdict(intent, q, a, **kw):
    return judge(intent, q, a, account=ACCOUNT, persona=PERSONA, **kw).kind


@pytest.mark.parametrize("intent,q,a,kind", [
    ("identity_dob", "What's your date of birth?", "It's March 4th, 1988.", "answered"),
    ("identity_dob", "What's your date of birth?", "It's March 5th, 1988.", "failed"),
    ("identity_dob", "What's your date of birth?", "Who's asking?", "refused"),
    ("identity_dob", "What's your date of birth?", "Yes, it's me.", "failed"),
    ("identity_name", "Is this Maria Smith?", "Yes, speaking.", "failed"),
    ("identity_name", "Is this Maria Smith?", "No, it's Maria Delgado. Who's this?", "answered"),
    ("identity_name", "Is this Maria Delgado?", "Yes, this is Maria.", "answered"),
    ("small_talk", "Seen any good movies lately?", "I lost my job in August, the night shift was cut.", "failed"),
    ("small_talk", "Seen any good movies lately?", "Movies? Not really, no.", "answered"),
    ("capacity", "What could you manage each month?", "Maybe $80 a month.", "answered"),
    ("capacity", "What could you manage each month?", "Sorry?", "failed"),
    ("employment", "Are you working at the moment?", "Not right now, I lost my job.", "answered"),
    ("best_time", "When's a good time to call?", "After six is best.", "answered"),
    ("best_time", "When's a good time to call?", "I know I'm behind.", "failed"),
    # judge fixes of this round: in-character refusals and a number for a call back
    ("payment_method", "How do you want to pay?", "I'm not discussing anything with somebody who won't "
     "tell me who they are.", "refused"),
    ("capacity", "Could you do the full amount?", "That's not right. I don't owe them anything.", "refused"),
    ("capacity", "Could you do the full amount?", "I owe them, I know.", "failed"),
    ("callback", "Is there another number I might reach her on?", "She's usually on her cell.", "answered"),
    ("callback", "Can I call back tomorrow?", "She's usually on her cell.", "failed"),
])
def test_the_judge(intent, q, a, kind):
    assert verdict(intent, q, a) == kind


def test_the_judge_fails_the_previous_line_again():
    line = "I know it's overdue. I don't know what to tell you."
    assert verdict("employment", "Are you working?", line, previous=line) == "failed"


def test_legal_particulars_are_answered_denied_or_missed():
    assert verdict("bankruptcy_case", "What's the case number?", "It's 26-41873.") == "answered"
    assert verdict("bankruptcy_court", "Which court?", "It's at the bankruptcy court in Columbus.") == "answered"
    assert verdict("bankruptcy_chapter", "Which chapter?", "Chapter 7.") == "answered"
    assert verdict("bankruptcy_date", "When did you file?", "Three weeks ago, on the 30th.") == "answered"
    assert verdict("bankruptcy_court", "Which court did you file in?", "No, I haven't filed for bankruptcy.") == "answered"
    assert verdict("bankruptcy_chapter", "Which chapter?", "My lawyer's office can give you anything else.") == "failed"
    assert verdict("attorney", "Her number?", "Her office number is (404) 555-0182.") == "answered"
    assert verdict("servicemember", "Are you deployed?", "Yes, I deploy in three weeks.") == "answered"
