"""The fast case-insensitive search gives exactly what ``re.IGNORECASE`` gives."""

from __future__ import annotations

import re

import pytest

from scoring.caseless import Caseless
from scoring.compliance import EMPLOYER_ASKED, PROFANITY
from scoring.text import quote

LINES = [
    "What the HELL is this?", "Who are you WITH?", "damn it", "Damnation is a word",
    "I'll add a $20 Processing FEE", "plus a small charge", "Hello, this is Sam.",
    "fuuuck", "FUCKING hell", "ſhit happens", "Ｗhat company?", "the Kelvin sign \u212a",
    "", "   ", "who do you represent?", "Which ORGANISATION is this",
]


@pytest.mark.parametrize("pattern", [PROFANITY.pattern, EMPLOYER_ASKED.pattern,
                                     r"\b(plus|add)\b[^.?!]{0,40}?\b(fees?|charges?)\b"])
@pytest.mark.parametrize("line", LINES)
def test_same_match_as_ignorecase(pattern: str, line: str) -> None:
    full = re.compile(pattern, re.IGNORECASE).search(line)
    fast = Caseless(pattern).search(line)
    assert (fast.span(), fast.group(0)) == (full.span(), full.group(0)) if full else fast is None


def test_a_pattern_with_capitals_keeps_ignoring_case_the_slow_way() -> None:
    p = Caseless(r"[A-Z]{2}\d")  # no lower-case twin: [A-Z] would change meaning
    assert p.search("ab1").group(0) == "ab1"


def test_quote_folds_whitespace_and_cuts_long_text() -> None:
    assert quote("a  b\n c ") == "a b c"
    assert quote("plain line") == "plain line"
    assert quote("x\u00a0y") == "x y"
    assert quote("word " * 50).endswith("\u2026")
