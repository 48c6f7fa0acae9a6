"""Acknowledging anger is empathy (tests/hardsets/anger.yaml).

Written before the change, never trained on: 5 of 8 acknowledgements of an angry debtor
carried no empathy under the analyser of 2026-12-02 ("I'm sorry about that.", "That would
make me mad too."), 0 after; an apology for a bad line stays a courtesy. Held-out voices,
dev set and the credit-union voice read the same before and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.nlu.analyser import analyze

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "anger.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("line", SET["acknowledges"])
def test_acknowledging_anger_is_empathy(line: str) -> None:
    assert analyze(line, SET["angry"]).has("empathy")


@pytest.mark.parametrize("line", SET["not_empathy"])
def test_an_apology_for_a_bad_line_is_not_empathy(line: str) -> None:
    assert not analyze(line, SET["procedural"]).has("empathy")


def test_an_apology_that_takes_it_back_is_no_empathy():
    found = analyze("I'm sorry about that, but you still need to pay it today.", SET["angry"])
    assert "pressure" in found.move_names or "request_full_payment" in found.move_names
    assert not found.has("empathy")
