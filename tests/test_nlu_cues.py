"""Cue files: checks, extension from YAML, the shipped file itself."""

from __future__ import annotations

from pathlib import Path

import yaml

from simulator.nlu.analyser import Analyser, default_analyser
from simulator.nlu.cuefile import check_cues

CUES = Path(__file__).resolve().parent.parent / "simulator" / "nlu" / "cues.yaml"


def test_shipped_cues_are_clean() -> None:
    assert check_cues(yaml.safe_load(CUES.read_text(encoding="utf-8")), str(CUES)) == []


def test_shipped_examples_are_detected() -> None:
    data = yaml.safe_load(CUES.read_text(encoding="utf-8"))["moves"]
    an = default_analyser()
    for move, cues in data.items():
        for ex in cues.get("examples", []):
            assert an.rules_only(ex).has(move), (move, ex)


def test_bad_regex_and_unknown_move_reported() -> None:
    problems = check_cues({"moves": {"empathy": {"patterns": ["(unclosed"]},
                                     "telepathy": {"phrases": ["x"]}}}, "p.yaml")
    messages = [p.message for p in problems]
    assert any(m.startswith("cue pattern for 'empathy' does not compile:") for m in messages)
    assert any("unknown move 'telepathy'" in m for m in messages)
    assert all(p.file == "p.yaml" for p in problems)


def test_wrong_shapes_reported() -> None:
    problems = check_cues({"moves": {"empathy": {"phrases": "sorry", "colour": []},
                                     "closing": ["bye"]}}, "f")
    text = "\n".join(p.message for p in problems)
    assert "must be a list" in text and "unknown key 'colour'" in text and "'closing'" in text


def test_nested_quantifier_reported() -> None:
    problems = check_cues({"empathy": {"patterns": [r"(a+)+b"]}}, "f")
    assert problems and "nested quantifier" in problems[0].message


def test_extension_adds_a_cue() -> None:
    line = "Wishing you a smooth recovery from the surgery."
    base = default_analyser()
    assert not base.analyze(line).has("empathy")
    ext = base.extended({"moves": {"empathy": {"phrases": ["smooth recovery"]}}})
    a = ext.analyze(line)
    assert a.has("empathy") and a.evidence("empathy") == "smooth recovery"
    assert not base.analyze(line).has("empathy")  # the default is untouched


def test_from_files_merges_on_top(tmp_path: Path) -> None:
    f = tmp_path / "extra.yaml"
    f.write_text("moves:\n  closing:\n    phrases: [catch you on the flip side]\n", encoding="utf-8")
    an = Analyser.from_files([f])
    assert an.analyze("Okay, catch you on the flip side.").has("closing")
    assert an.analyze("Good morning.").has("greeting")


def test_negative_phrase_cancels() -> None:
    an = default_analyser().extended({"threat": {"negative": ["sue the weather"]}})
    assert not an.analyze("I could sue the weather for this.").has("threat")


def test_cueset_model_forbids_extra() -> None:
    import pydantic
    import pytest

    from simulator.nlu.cuefile import CUE_SCHEMA, CueSet

    CueSet.model_validate({"moves": {"empathy": {"phrases": ["x"], "negative": ["y"]}}})
    with pytest.raises(pydantic.ValidationError):
        CueSet.model_validate({"moves": {"empathy": {"phrasez": ["x"]}}})
    assert "moves" in CUE_SCHEMA["properties"]


def test_prepare_builds_every_cue_pattern_and_changes_no_analysis() -> None:
    """``prepare`` only moves when the analyser's lazy parts are built (an app calls it
    before the first turn): afterwards every cue pattern is compiled, and a line reads as
    it does with an analyser built from scratch."""
    from simulator.nlu.analyser import default_cues, prepare

    prepare()
    an = default_analyser()
    assert all(p._rx is not None for cues in an._moves for p in cues.patterns)
    line = "I'm so sorry to hear that. Could you manage $80 a month from the 15th by card?"
    assert an.analyze(line) == Analyser(default_cues(), checked=True).analyze(line)
