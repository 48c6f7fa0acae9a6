"""Naming the account is stating the debt (tests/hardsets/purpose.yaml).

Written before any change, never trained on: 7 of 20 missed under the model of
2026-12-02 (recall 0.65), all of them lines that name the account without an amount.
Known misses are strict xfails: a line that starts being read right must come off the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.nlu.analyser import analyze

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "purpose.yaml").read_text(encoding="utf-8"))

KNOWN_MISSES: set[str] = {
    "I'm ringing about the Harbor Point Visa.",
    "The reason for my call is the Harbor Point Visa.",
    "I'm phoning in regard to the Harbor Point credit card.",
    "This concerns your Harbor Point Visa, which is past due.",
    "The call's about an old Metro Cable account of yours.",
    "We have your Summit Card Services account here with us.",
    "I wanted to speak with you about the Keystone Medical bill.",
}


@pytest.mark.parametrize("line", SET["states_the_account"])
def test_naming_the_account_states_the_debt(line: str) -> None:
    found = analyze(line).has("state_debt")
    if line in KNOWN_MISSES:
        if found:
            pytest.fail(f"{line!r} is read right now: take it off KNOWN_MISSES")
        pytest.xfail("a known miss")
    assert found, line


#: A bankruptcy's or an estate's particulars ask for no money ("What's the case number?"
#: read as ask_capacity in a real call, and Carla asked why she was being asked for money).
PARTICULARS = [
    "What's the case number?",
    "Okay, thanks for telling me, that sounds like a rough stretch. What's the case number?",
    "What's your attorney's phone number?",
    "What's the best number for your lawyer?",
    "Which court is it in?",
    "What's the executor's mailing address?",
]
COLLECTING = {"ask_capacity", "request_full_payment", "offer_settlement", "offer_payment_plan",
              "offer_alternative", "pressure", "threat", "abuse"}


@pytest.mark.parametrize("line", PARTICULARS)
def test_asking_the_particulars_is_not_collecting(line: str) -> None:
    context = "I filed for Chapter 7 bankruptcy three weeks ago. My lawyer said the calls have to stop."
    assert not set(analyze(line, context).move_names) & COLLECTING
