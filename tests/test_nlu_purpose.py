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
