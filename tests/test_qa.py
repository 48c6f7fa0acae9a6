"""The question-answering suite (tests/qa): the debtor answers what was asked, or refuses
it in character, for at least 95% of the development questions.

The judge (tests/qa/judge.py) reads only the reply, the account file and the persona's
facts; ``python tests/qa/run.py --failures`` lists what failed. The held-out quarter is
run with ``--heldout``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).parent / "qa"))

from judge import judge  # noqa: E402
from run import load_items, report, run, share_ok  # noqa: E402

GOAL = 0.95


def test_the_suite_has_enough_questions():
    items = load_items("all")
    assert len(items) >= 300
    assert {x["scenario"] for x in items} >= {"cooperative-basic", "hardship-basic", "resistant-basic",
                                               "hostile-basic", "third-party", "dispute-basic"}


def test_debtors_answer_or_refuse_in_character():
    results = run("dev")
    assert share_ok(results) >= GOAL, report(results, failures=True)


def test_the_held_out_questions_do_not_fall_back():
    """A guard, not the goal: the held-out quarter stood at 90.1% (tests/qa/BASELINE.md)."""
    results = run("heldout")
    assert share_ok(results) >= 0.85, f"{share_ok(results):.1%} of the held-out questions"


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
])
def test_the_judge(intent, q, a, kind):
    assert verdict(intent, q, a) == kind


def test_the_judge_fails_the_previous_line_again():
    line = "I know it's overdue. I don't know what to tell you."
    assert verdict("employment", "Are you working?", line, previous=line) == "failed"
