"""Plain questions with emphasis are no abuse; condescending ones stay hostile
(tests/hardsets/plain_questions.yaml, written by the lead on 2026-12-03 after a false
abuse in a hardship call, before any rule touched them).

Before the change: 7 of 22 read wrong (4 of 16 plain questions as abuse, and Maria hung
up on one; 3 of 6 condescending questions not as abuse). After: 4 of 22 (0 of 16 plain
questions; 4 of 6 condescending ones, one of them newly wrong: strict xfails below).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.test_nlu_testers import _problems, hardset_cases

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "plain_questions.yaml").read_text(encoding="utf-8"))

_UNDER_CUT = ("condescension the lexicon names, but the model's abuse score stays under its cut "
              "(wrong before the change too; not tuned on)")
KNOWN_MISSES: dict[str, str] = {
    "Can you even count to twelve hundred?": _UNDER_CUT,
    "How hard is it to open an envelope, really?": _UNDER_CUT,
    "What exactly do you do all day, besides dodging bills?":
        "belittling by insinuation ('besides dodging bills'): no lexicon class, no abuse score",
}


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_question_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []


def test_every_known_miss_is_in_the_set() -> None:
    assert set(KNOWN_MISSES) <= {item["line"] for item in SET["items"]}
