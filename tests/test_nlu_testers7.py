"""Lines two outside testers (tester10 "Grace", a gentle credit-union collector; tester11
"Dmitri", a non-native, direct collector) typed in their calls of 2026-12-03
(tests/hardsets/testers7.yaml), written down from their reports before any rule touched them.

Before the change, at 201731a: 34 of 38 read wrong; after, 6 (strict xfails below).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.test_nlu_testers import _problems, hardset_cases

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "testers7.yaml").read_text(encoding="utf-8"))

#: Still read wrong: each a strict xfail until the analyser reads it right.
KNOWN_MISSES: dict[str, str] = {
    'What happen with loan? Last payment was $180, then stop.':
        "pressure: the model reads the payment history ('Last payment was $180, then stop.') as pressure after Tony's story, not without it; within the words-alone slack (OWN_WORDS_SLACK)",
    "I'm sure the credit union will waive the late fees for you, dear.":
        'tone: the learned tone reads a (wrong) kind promise as hostile (-0.8); no rule of tone speaks to it',
    'How is your family taking the news of the deployment?':
        "no open_question: the rule finds it ('open how question'); the model's score is under its cut by more than the veto (1.5)",
    'I must inform you that your account is now 120 days past due.':
        "no state_debt: the cue 'past due' finds it; the model vetoes it (veto 0)",
    "Oh my, that must have been frightening, thinking it was your heart, and then to be told it was covered and get a bill for eighteen hundred dollars anyway. No wonder you're angry.":
        "no reflection: a restatement inside an empathy line ('to be told it was covered and get a bill for eighteen hundred dollars'); no rule reads it",
    'I understand. Is very short. Is about your Summit Ridge card, balance is $1,186.40. You can pay something today?':
        "no pressure: going on to money after 'I can't talk' is pressure by the labelling rules; only the debtor's line says so, and no rule reads it",
}


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_testers_line_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []


def test_every_known_miss_is_in_the_set() -> None:
    assert set(KNOWN_MISSES) <= {item["line"] for item in SET["items"]}



def test_the_full_name_asked_is_read_from_other_phrasings() -> None:
    """tester10: "Would you be Maria Delgado, by any chance?" asked the name, but only "Maria"
    reached the engine, so the identity was not proved and the gate failed the call."""
    from simulator.nlu.questions import asked_name

    assert asked_name("Would you be Maria Delgado, by any chance?") == "Maria Delgado"
    assert asked_name("Good evening. My name is Sam, I call from Northgate Recovery. I speak with "
                      "Maria Delgado?") == "Maria Delgado"


def test_a_fact_on_file_with_a_veiled_shame_is_still_a_threat() -> None:
    """The rule that a question checking a fact on file threatens nothing (tester10's employer
    question) once dropped a held-out veiled threat about a car on the file; the lead's own
    paraphrase keeps it."""
    from simulator.nlu.analyser import analyze

    found = analyze("Nice truck you've got, it's listed on the file, isn't it? Be a shame if anything "
                    "happened to it.")
    assert "threat" in found.move_names
