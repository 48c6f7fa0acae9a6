"""Time-barred disclosures and honest answers to "can you sue me?" (tests/hardsets/time_bar.yaml),
written by the lead after his time-barred call of 2026-12-03, before any rule touched them.

Before the change, at cd0c109: 7 of 17 read wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.test_nlu_testers import _problems, hardset_cases

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "time_bar.yaml").read_text(encoding="utf-8"))

#: Still read wrong: each a strict xfail until the analyser reads it right.
KNOWN_MISSES: dict[str, str] = {
    "$750 works for me. Could you have it to us by December 18th?":
        "no offer_settlement: '$X works' takes up the debtor's figure, a lump sum or an instalment by what "
        "the debtor said ('$85 works' after '$85 a month' is a plan), which no cue reads; the engine's bare "
        "acceptance agrees the right terms and the card scored the call 100",
}


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_time_bar_line_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []


def test_every_known_miss_is_in_the_set() -> None:
    assert set(KNOWN_MISSES) <= {item["line"] for item in SET["items"]}
