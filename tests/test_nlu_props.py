"""Any input is analysed: no exception, valid spans, tone in range, bounded time."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.nlu.analyser import analyze

_words = st.sampled_from(
    ["pay", "today", "$75", "sorry", "so you", "[bold]", "😀", "\x00", "\ud800", "...", "?",
     "a month", "Mr.", "the 15th", "twelve hundred", "f***", "((((", "\n", "'", "’", "—"]
)
_texts = st.one_of(
    st.text(max_size=400),
    st.lists(_words, max_size=60).map(" ".join),
    st.lists(_words, max_size=60).map("".join),
)


def _check(text: str, context: str | None) -> None:
    a = analyze(text, context, dt.date(2026, 1, 31))
    assert -1.0 <= a.tone.score <= 1.0
    for m in a.moves:
        assert text[m.start:m.end] == m.evidence
    for e in a.entities:
        assert text[e.start:e.end] == e.text
    a.to_dict()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_texts, st.one_of(st.none(), _texts))
def test_any_text(text: str, context: str | None) -> None:
    _check(text, context)


@settings(max_examples=5, deadline=5000, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(st.sampled_from(["Please pay now. ", "a" * 50, "$1,000,000 ", "so you (((( ", "😀[b]",
                        "you you you you ", "\x00\x01 ", "sorry sorry "]))
def test_100kb_within_bound(chunk: str) -> None:
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    _check(text, text[:5000])
