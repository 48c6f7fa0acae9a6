"""Consistency lint: `collectsim validate` reports text that contradicts the facts, the
variants or the account file, at the line of the contradicting text (as warnings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator import cli
from simulator.content.consistency import spoken_amount
from simulator.content.loader import check_file

ROOT = Path(__file__).resolve().parent.parent
BROKEN = Path(__file__).parent / "fixtures" / "inconsistent"


@pytest.mark.parametrize("name,expected", [
    ("scenarios/contradicts_persona.yaml", [
        (2, "title speaks of cut hours, but the persona's story is a job loss"),
        (3, "description names August, but in variant 'hotel housekeeper"),
        (6, "objective_hint names 'Tony', who is not in this call"),
        (6, "objective_hint counts on $150 a month, but in variant 'as written' the debtor can pay "
            "at most $85"),
    ]),
    ("personas/contradicts_itself.yaml", [
        (4, "summary speaks of cut hours, but the persona's story is a job loss"),
        (16, "names 'Russo Heating and Air' as the debtor's work, but debtor.employer is not pinned"),
        (19, "the debtor calls themselves 'Frank', but the debtor is Tony"),
        (19, "says it can pay $300 a month, but in variant 'as written' monthly_capacity is 100"),
    ]),
])
def test_contradictions_are_reported_where_they_are(name, expected):
    problems = check_file(BROKEN / name)
    assert all(p.severity == "warning" for p in problems)
    for line, fragment in expected:
        assert any(p.line == line and fragment in p.message for p in problems), (fragment, problems)
    assert len(problems) == len(expected), problems


def test_shipped_content_has_no_contradiction(capsys):
    assert cli.main(["validate", "--strict", str(ROOT / "personas"), str(ROOT / "scenarios")]) == 0


@pytest.mark.parametrize("text,value", [("$1,875", 1875), ("eighteen hundred bucks", 1800),
                                        ("nine grand", 9000), ("four hundred", 400)])
def test_spoken_amounts(text, value):
    assert spoken_amount(text) == value


def test_the_account_file_has_no_mislabelled_contact_notes():
    """A mailed notice is a letter, a call attempt a call, an email an email."""
    from simulator.session import Session

    for scenario in ("hardship-basic", "resistant-basic", "hostile-basic", "third-party"):
        for seed in range(5):
            notes = Session.start(scenario, seed=seed).account.sections()["contact_notes"]
            for _, note in notes:
                tag, text = note.split("] ", 1)
                channel = tag.lstrip("[")
                if "mailed" in text:
                    assert channel == "letter", note
                if text.startswith(("Call attempt", "Debtor answered")):
                    assert channel == "call", note
                if text.startswith("Email"):
                    assert channel == "email", note


def test_the_account_file_names_the_employer_the_persona_names():
    from simulator.session import Session

    for seed in range(3):
        s = Session.start("resistant-basic", seed=seed)
        assert s.account.debtor.employer == s.persona.debtor.employer
        assert s.account.debtor.employer.startswith("Russo")
