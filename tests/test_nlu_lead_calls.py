"""Lines from the lead's own calls of 2026-12-03 and variants written with them
(tests/hardsets/lead_calls.yaml), before any rule was written for them.

Before the change 10 of 18 were read wrong: four questions with an "if" that means
"whether" ("may I ask if you're his wife, or the person looking after his affairs?")
were threats, so the widow hung up; "deployment is a big deal" was no empathy; telling
her "you are not personally responsible for his debts" was abuse (she hung up again),
or hostile in tone. After: the two KNOWN_MISSES below. Then the hardship call: a hard
situation called hard ("Losing a job out of nowhere is rough") was no empathy: 4 of 6 new
lines wrong before, 0 after (AnnoMI reflection F1 0.573 kept: "has been hard for you"
restates a feeling, "it sounds terrible" is left to the model).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.test_nlu_testers import _problems, hardset_cases

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "lead_calls.yaml").read_text(encoding="utf-8"))

#: Still read wrong: each a strict xfail until the analyser reads it right.
KNOWN_MISSES: dict[str, str] = {
    # (2026-12-03, sixth session) the widow question's tone -0.51 is neutral now: a question
    # about who she is, with no belittling word, is not hostile (threats.plain_question)
    "You're not responsible enough to handle a credit card, are you?":
        "no abuse: a condescending question with no insult word (read wrong before the change too)",
}


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_line_from_a_call_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []
