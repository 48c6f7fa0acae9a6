"""Across 200 seeded random calls per shipped persona, drawn from a corpus of trainee
lines (tests/conversation/check.py): no long line (40 characters or more) said twice in a
call, no reply that refers to something that has not happened, no unfilled placeholder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "conversation"))

from check import SCENARIOS, corpus_lines, random_calls  # noqa: E402

CALLS = 200


@pytest.fixture(scope="module")
def lines() -> list[str]:
    found = corpus_lines()
    assert len(found) >= 300, "the corpus of trainee lines is missing"
    return found


@pytest.mark.slow
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_random_calls_never_repeat_or_anticipate(scenario, lines):
    findings = random_calls(scenario, CALLS, lines)
    shown = "\n\n".join(f"[{f.kind}] seed {f.seed} turn {f.turn}: {f.detail}\n" + "\n".join(f.transcript)
                        for f in findings[:3])
    assert not findings, f"{len(findings)} findings; the first:\n{shown}"
