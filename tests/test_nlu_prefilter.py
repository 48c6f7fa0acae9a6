"""The required-words test in front of each cue pattern: it may only rule a pattern
out when the pattern cannot match, or the analyser would miss moves."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.nlu.analyser import default_analyser
from simulator.nlu.cuefile import normalise_pattern
from simulator.nlu.prefilter import Pattern, fold, required
from simulator.nlu.tone import _COMPILED


def _shipped() -> list[tuple[str, int]]:
    an = default_analyser()
    out = [(normalise_pattern(p), re.IGNORECASE)
           for cues in an.cue_data.values() for p in cues.get("patterns", [])]
    out += [(marker.source, marker.flags) for marker in _COMPILED]
    return out


SHIPPED = _shipped()


def test_required_words_of_simple_patterns():
    assert required(r"\bwhat\s+could\s+you\b") == frozenset({"could"})  # the longest run
    assert required(r"\b(?:sorry|apologies)\b") == frozenset({"sorry", "apologies"})
    assert required(r"\bplease\b|\bpls\b") == frozenset({"pl"})  # the parser shares the prefix
    assert required(r"(?:good\s+)?morning") == frozenset({"morning"})  # optional part skipped
    assert required(r"[!?]{2,}|\b[A-Z]{5,}\b") is None  # no string is required
    assert required(r"\bI'?M\b") in (frozenset({"i"}), frozenset({"m"}))  # case-folded
    assert required("(") is None  # not a regex: no claim


def test_every_shipped_pattern_has_a_cheap_test():
    assert sum(required(p) is not None for p, _ in SHIPPED) >= 0.95 * len(SHIPPED)


@pytest.mark.parametrize(("pattern", "flags"), SHIPPED, ids=lambda x: str(x)[:40])
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_required_words_never_rule_out_a_match(pattern, flags, data):
    """Texts built to match the pattern (hypothesis's from_regex) always pass the test."""
    try:
        strategy = st.from_regex(re.compile(pattern, flags))
    except Exception:  # noqa: BLE001 - a construct hypothesis cannot generate from
        pytest.skip("hypothesis cannot generate matches for this pattern")
    text = data.draw(strategy)
    p = Pattern(pattern, flags)
    if p.rx.search(text):
        assert p.search(text, fold(text)) is not None, (pattern, text)


def test_odd_case_folds_still_pass():
    """Ignoring case, "K" (Kelvin) and "ſ" (long s) match "k" and "s": so does the test."""
    p = Pattern(r"\bthanks\b")
    for text in ("THANKS", "than\u212as", "thank\u017f"):
        assert p.rx.search(text) and p.search(text, fold(text))


def test_needs_file_is_current():
    """The stored strings are exactly what the shipped patterns give, none missing."""
    from simulator.nlu.needs_table import table_text
    from simulator.nlu.prefilter import NEEDS_FILE

    assert NEEDS_FILE.read_text(encoding="utf-8") == table_text(), \
        "regenerate: python -m simulator.nlu.needs_table > simulator/nlu/needs.json"
