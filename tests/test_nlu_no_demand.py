"""Saying no money is asked for is not pressure (tests/hardsets/no_demand.yaml).

Written before the change, never trained on: 3 of 12 such lines read as pressure under
the model of 2026-12-02 (one of them in a real dispute call, where the debtor turned
angry), 0 after; the 6 pressure lines with the same negations stay pressure. On the
held-out voices, the dev set and the credit-union voice the change moved no pressure or
money-request reading (bench figures in the closing note of that day).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.nlu.analyser import analyze
from simulator.nlu.threats import no_demand

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "no_demand.yaml").read_text(encoding="utf-8"))
COLLECTING = {"pressure", "request_full_payment", "ask_capacity", "threat", "abuse"}


@pytest.mark.parametrize("line", SET["no_demand"])
def test_saying_nothing_is_asked_is_not_collecting(line: str) -> None:
    assert not set(analyze(line, SET["context"]).move_names) & COLLECTING


@pytest.mark.parametrize("line", SET["still_pressure"])
def test_a_negation_that_turns_into_a_demand_is_still_pressure(line: str) -> None:
    assert "pressure" in analyze(line, SET["context"]).move_names


def test_no_demand_reads_the_sentence_not_single_words():
    assert no_demand("No payment is due while the dispute is open.")
    assert not no_demand("I don't need to hear about your car.")  # brushing off: no money named
    assert not no_demand("Don't make me call you back about this, pay it today.")
