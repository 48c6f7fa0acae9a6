"""The model alone finds a threat, pressure or abuse only where its own tone of the
trainee's words is negative (``combine``): the two heads must agree.

Found in the lead's own call (2026-12-02): "Losing the shop must have been a real blow."
read as abuse (the model's words: "real", "a", "losing"; like "You a real couillon, you
know that?") and Walter hung up. On the held-out and credit-union voices, model-only
findings with a non-negative tone were 0 of 12 true for abuse, 0 of 14 for threat and 3
of 29 for pressure; held-out micro-F1 0.853 -> 0.861, lawful lines read as threat or
pressure 6.0% -> 4.7%.
"""

from __future__ import annotations

import pytest

from simulator.nlu.analyser import analyze

WALTER = ("Honestly? Back then my repair shop closed, and everything went sideways. I do handyman "
          "work now, steady enough.")


@pytest.mark.parametrize("line", [
    "Losing the shop must have been a real blow.",
    "Losing the shop must have been a real blow. Sounds like you've rebuilt things with the "
    "handyman work though.",
])
def test_kind_words_are_no_abuse_on_the_models_word_alone(line):
    found = analyze(line, WALTER)
    assert "abuse" not in found.move_names
    assert "empathy" in found.move_names
    assert found.tone.score > 0


@pytest.mark.parametrize(("line", "move"), [
    ("You a real couillon, you know that?", "abuse"),
    ("Wow, must be nice to have time for vacations but not for bills.", "pressure"),
])
def test_hostile_words_the_rules_miss_are_still_found(line, move):
    assert move in analyze(line).move_names
