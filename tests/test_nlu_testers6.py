"""Lines two outside testers (tester8 "Marcus", a terse pre-legal-desk collector; tester9
"Jade", a week-three trainee gaming the scorecard) typed in their calls of 2026-12-03
(tests/hardsets/testers6.yaml), written down from their reports before any rule touched them.

Before the change, at 9e9c06f: 25 of 26 read wrong; after, 3 (strict xfails below).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.test_nlu_testers import _problems, hardset_cases

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "testers6.yaml").read_text(encoding="utf-8"))

#: Still read wrong: each a strict xfail until the analyser reads it right.
KNOWN_MISSES: dict[str, str] = {
    "Totally fair question! That's really something you'd want to look into on your own. What I can do "
    "today is help you put it behind you. Could you do $800 to settle it?":
        "empathy: the cue no longer reads 'fair question' as one, but the model alone finds an "
        "acknowledgement in the dodge ('That's really something you'd want to look into')",
    "I'm so sorry, I know it's hard. $300 a month is honestly the best I can do, so shall I set that up?":
        "no pressure: a firm position is not pressure by itself; here it brushes off the debtor's $85 "
        "(the lead's call: no rule that reads the debtor's counter-offer yet)",
    "Honestly Jordan, I'm only saying this because I care, but I'd just hate for you to miss this chance. "
    "If we can get the full $1,480 taken care of in the next ten minutes, I can make sure this goes away.":
        "threat: the model alone reads the conditional ('if we can ... I can make sure this goes away') as "
        "a veiled threat; requiring a named consequence would lose 222 of 629 true model-only threats on "
        "left-out voices",
}


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_testers_line_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []


def test_every_known_miss_is_in_the_set() -> None:
    assert set(KNOWN_MISSES) <= {item["line"] for item in SET["items"]}


def test_pressure_is_shown_where_it_is_said() -> None:
    """tester8: the card quoted "We're not filing suit on it today." as the pressure; the
    push is "so I'd clear it while the offer's good"."""
    from simulator.nlu.analyser import analyze

    found = analyze("We're not filing suit on it today. That said, it's still on our attorneys' review list, "
                    "so I'd clear it while the offer's good.",
                    "Can you people even sue me over something this old?")
    pressure = next(m for m in found.moves if m.move == "pressure")
    assert "clear it while the offer" in pressure.evidence
