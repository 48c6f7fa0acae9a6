"""Lines an outside tester (tester6, "Denise": a warm hospital-billing veteran at a collection
agency) typed in her calls of 2026-12-03 (tests/hardsets/testers5.yaml), written down from
her report before any rule touched them.

Before the change, at c957c45 : 20 of 23 read wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.test_nlu_testers import _problems, hardset_cases

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "testers5.yaml").read_text(encoding="utf-8"))

#: The model's veto (policy veto 0 for these moves, chosen on left-out voices) overrules a
#: rule that finds the move.
_VETOED = "the rule finds it; the model's score is under its cut and vetoes it (veto 0)"
#: Still read wrong: each a strict xfail until the analyser reads it right.
KNOWN_MISSES: dict[str, str] = {
    "Oh I'm sorry to catch you in the middle of work, hon. Is now okay for just a couple of minutes, or is "
    "there a better time I could call you back?":
        "no empathy: an apology for the call's timing reads as a courtesy (the lead's call, as after a bad "
        "line); the labelling rules do not settle it",
    "Oh Linda, I am so sorry for your loss. I lost my own husband a few years back, so I know how hard this "
    "all is. Can I ask, are you the one handling Robert's estate?": "no identity_verification: " + _VETOED,
    "And hon, just tell her it's about her Brightline phone bill, she's a few months behind and I'd really "
    "like to get it worked out with her before it goes any further.": "no state_debt: " + _VETOED
    + " (the gate still finds the disclosure to a third party)",
}


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_warm_voices_line_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []


def test_every_known_miss_is_in_the_set() -> None:
    assert set(KNOWN_MISSES) <= {item["line"] for item in SET["items"]}
