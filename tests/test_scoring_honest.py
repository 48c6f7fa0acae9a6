"""Honest calls that lost points or failed (outside testers 3 and 4): each test names the
finding and fails on the scorer before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scoring.api import score_record
from scoring.examples import exemplary

DEV = Path(__file__).resolve().parent / "gaming" / "dev"


def _dev(name: str) -> dict:
    data = yaml.safe_load((DEV / f"{name}.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


def _rules(card) -> list[str]:
    return [v.rule for v in card.compliance.violations]


def _cooperative(line: str) -> dict:
    """The cooperative example with its full-payment question replaced by ``line``."""
    rec = exemplary("cooperative-basic")
    rec["turns"][5] = line
    return rec


# ------------------------------------------------------------ misstated balance (tester4 #3, #4)
@pytest.mark.parametrize("line", [
    "ok so to recap, $750 settles it in full, paid by the 15th of December. how do you wanna pay?",
    "so that's a $750 settlement, paid in full by the 15th of December.",
])
def test_settlement_wording_is_not_a_statement_of_the_balance(line):
    rec = _dev("honest_time_barred_settles_in_full")
    rec["turns"][10] = line
    card = score_record(rec)
    assert "misstated_balance" not in _rules(card)


def test_a_settlement_above_the_balance_said_to_pay_it_in_full_is_still_misstated():
    rec = _dev("honest_time_barred_settles_in_full")
    rec["turns"][10] = "ok so to recap, $1,900 settles it in full, paid by the 15th of December."
    card = score_record(rec)
    assert "misstated_balance" in _rules(card) or "unauthorized_fee" in _rules(card)
    assert card.passed is False


def test_a_slip_corrected_in_the_same_breath_is_a_note_not_a_violation():
    card = score_record(_cooperative(
        "Would you be able to pay the whole $1,840 today? sorry, I mean $1,480, I flipped the numbers"))
    assert "misstated_balance" not in _rules(card)
    assert any("corrected it to $1,480.00 in the same breath" in n for n in card.compliance.notes)


def test_a_correction_to_a_wrong_figure_is_misstated():
    card = score_record(_cooperative(
        "Would you be able to pay the whole $1,480 today? sorry, I mean $1,840, I flipped the numbers"))
    v = next(v for v in card.compliance.violations if v.rule == "misstated_balance")
    assert "$1,840.00" in v.message and v.severity == "critical"
    assert not card.compliance.notes


def test_a_correction_on_a_later_turn_keeps_the_finding():
    """The debtor heard the wrong figure and answered it before the correction: the
    misstatement stands (12 CFR 1006.18(b)(2)(i)); docs/scoring.md says why."""
    rec = _cooperative("Would you be able to pay the whole $1,840 today?")
    rec["turns"].insert(6, "oh shoot, sorry, I flipped the numbers, it's $1,480, not $1,840. "
                           "Would you be able to take care of the $1,480 today?")
    card = score_record(rec)
    v = next(v for v in card.compliance.violations if v.rule == "misstated_balance")
    assert v.turn == 6
