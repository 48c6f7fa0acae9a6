"""Tone ordering and labels."""

from __future__ import annotations

from simulator.nlu.analyser import analyze
from simulator.nlu.tone import label_for


def test_tone_ordering() -> None:
    warm = analyze("Thank you so much for your patience, I really appreciate it. Take care!")
    neutral = analyze("The next payment is due on the 5th.")
    hostile = analyze("Why did you ignore every letter we sent?")
    abusive = analyze("Shut up, you deadbeat.")
    assert warm.tone.score > neutral.tone.score > hostile.tone.score > abusive.tone.score
    assert warm.tone.label == "warm"
    assert neutral.tone.label == "neutral"
    assert abusive.tone.label == "abusive"


def test_polite_threat_is_still_negative() -> None:
    a = analyze("Please understand that we will contact your employer if this isn't paid.")
    assert a.has("threat") and a.tone.score < -0.3


def test_reasons_name_the_markers() -> None:
    a = analyze("Sorry about the wait, thanks for holding.")
    assert any("gratitude" in r for r in a.tone.reasons)


def test_labels_cover_the_range() -> None:
    labels = [label_for(x / 10) for x in range(-10, 11)]
    assert labels[0] == "abusive" and labels[-1] == "warm"
    assert {"hostile", "curt", "neutral", "polite"} <= set(labels)


def test_abusive_is_kept_for_insults_and_profanity() -> None:
    """tester8: a veiled threat with no insult in it was labelled "abusive"; it is hostile,
    however low its score, and an insult stays abusive."""
    threat = analyze("Tell her Marcus from the pre-legal desk called. It's time-sensitive, she needs to call "
                     "me back by Monday.", "She's not here. Can I take a message?")
    ultimatum = analyze("Understood. Calls stop. One thing before I go: the client will take $345 to close it, "
                        "but only until Friday. After Friday that's gone and it's out of my hands.")
    assert ultimatum.tone.score < -0.6 and ultimatum.tone.label == "hostile"
    assert threat.tone.label != "abusive"
    assert analyze("Shut up, you deadbeat.").tone.label == "abusive"
