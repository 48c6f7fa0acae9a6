"""Lines a second outside tester (a collections trainer) typed in their own calls of
2026-12-03 (tests/hardsets/testers2.yaml), written down before any rule touched them.

Before the change: 12 of 14 read wrong (confirmations of a stop request heard as
nothing, so the debtor said "I don't follow"; goodbyes missed; a hold on collection read
as an offer; "I hear you, but ..." as empathy; "Tell me what happened" as hostile). After:
none (held-out 0.861, dev 0.971, AnnoMI 0.718 / 0.573 unchanged; tone AUC 0.984 -> 0.985).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.test_nlu_testers import _problems, hardset_cases

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "testers2.yaml").read_text(encoding="utf-8"))

KNOWN_MISSES: dict[str, str] = {}


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_trainers_line_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []
