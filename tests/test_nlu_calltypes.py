"""The special calls' lines (tests/hardsets/calltypes.yaml): lawful ones are never a
threat, pressure or abuse, and unlawful ones are threats. Written before the analyser
was changed for them; each miss the analyser still makes is listed, so a new one fails.
Before the corpus gained its specialist voice: 7 of 52 wrong (4 lawful lines read as a
threat, pressure or abuse, 2 threats missed); after: 3."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.nlu.analyser import analyze

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "calltypes.yaml").read_text())
BAD = {"threat", "pressure", "abuse"}
#: Lines the analyser still gets wrong (strict: fixing one fails the test, so the list
#: shrinks with the analyser).
KNOWN_MISSES: set[str] = {
    "If you don't pay, nothing further happens on our side; the account just stays open.",
    "If the estate doesn't pay, we'll come after you personally.",
    "Filing for bankruptcy won't stop us from taking you to court.",
}


def _check(line: str, ok: bool) -> None:
    if line in KNOWN_MISSES:
        if ok:
            pytest.fail(f"{line!r} is read right now: take it off KNOWN_MISSES")
        pytest.xfail("a known miss")
    assert ok, line


@pytest.mark.parametrize("line", SET["lawful"])
def test_lawful_line_is_no_threat_pressure_or_abuse(line: str) -> None:
    found = set(analyze(line).move_names) & BAD
    _check(line, not found)


@pytest.mark.parametrize("line", SET["lawful_not_abuse"])
def test_lawful_line_is_not_abuse(line: str) -> None:
    _check(line, "abuse" not in analyze(line).move_names)


@pytest.mark.parametrize("line", SET["unlawful"])
def test_unlawful_line_is_a_threat(line: str) -> None:
    _check(line, "threat" in analyze(line).move_names)
