"""The loader: models from files, every problem at once, kinds, lint on shipped content."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.loader import (
    check_file,
    detect_kind,
    load_persona,
    load_rubric,
    load_scenario,
    load_session,
)
from simulator.content.models import Persona, Scenario, SessionRecord
from simulator.diagnostics import ContentError

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).parent / "fixtures"
CONTENT = FIX / "content"
BROKEN = FIX / "broken"


def test_load_fixture_persona_and_scenario():
    persona = load_persona(CONTENT / "personas" / "mini.yaml")
    assert isinstance(persona, Persona)
    assert persona.transitions[0].on == "identity_verification"  # 'on' stays a key
    scenario = load_scenario(str(CONTENT / "scenarios" / "mini-basic.yaml"))
    assert isinstance(scenario, Scenario) and scenario.call.local_time == "10:15"


def test_load_session_json_with_extras():
    record = load_session(BROKEN / "sessions" / "ok_session.json")
    assert isinstance(record, SessionRecord)
    assert record.preparation.call_time == "18:30"
    assert record.model_extra == {"extra_field": {"on": True}}


def test_unquoted_call_time_is_kept(tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text("scenario: x\npreparation:\n  call_time: 18:30\nturns: [hi]\n")
    assert load_session(f).preparation.call_time == "18:30"


def test_load_raises_with_every_problem(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text(
        "id: p\nname: P\narchetype: x\nsummary: s\n"
        "numbers: {trust: lots, irritaton: 1}\n"
        "states:\n  - name: answered\n"
        "transitions:\n  - on: greting\n    to: nowhere\n"
        "facts: {a: {text: t}}\nfacts: {b: {text: t}}\n"
    )
    with pytest.raises(ContentError) as info:
        load_persona(f)
    text = str(info.value)
    lines = text.splitlines()
    assert f"{f}:5:11: numbers.trust: expected a number, found 'lots'" in lines
    assert f"{f}:5:24: unknown key 'irritaton' in numbers (did you mean 'irritation'?)" in lines
    assert f"{f}:9:5: transitions[0].on: unknown move or trigger 'greting' (did you mean 'greeting'?)" in lines
    assert f"{f}:10:5: transitions[0].to: unknown state 'nowhere'" in lines
    assert f"{f}:12:1: duplicate key 'facts' (first at line 11)" in lines
    assert lines == sorted(lines, key=lambda s: int(s.split(":")[1]))  # by line
    assert "Traceback" not in text


def test_warnings_do_not_stop_loading():
    persona = load_persona(BROKEN / "personas" / "final_with_exit.yaml")
    assert persona.id == "mini"


def test_load_persona_of_a_broken_yaml_raises_content_error():
    with pytest.raises(ContentError) as info:
        load_persona(BROKEN / "personas" / "python_tag.yaml")
    assert "unknown tag" in str(info.value)


def test_check_file_never_raises(tmp_path):
    assert check_file(tmp_path / "missing.yaml")[0].message.startswith("cannot read file")
    d = tmp_path / "dir.yaml"
    d.mkdir()
    assert check_file(d)  # a folder named like a file: a problem, not an exception


def test_unknown_kind(tmp_path):
    f = tmp_path / "what.yaml"
    f.write_text("hello: world\n")
    assert check_file(f)[0].message.startswith("cannot tell what this file is")
    assert check_file(f, "session")[0].message == "missing key 'scenario' in session"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"states": []}, "persona"),
        ({"persona": "x", "title": "t"}, "scenario"),
        ({"dimensions": {}}, "rubric"),
        ({"turns": []}, "session"),
        ({"other": 1}, None),
    ],
)
def test_detect_kind_by_keys(data, kind):
    assert detect_kind(Path("x.yaml"), data) == kind


def test_detect_kind_by_folder():
    assert detect_kind(Path("personas/x.yaml"), {}) == "persona"
    assert detect_kind(Path("a/scenarios/x.yaml"), {"states": []}) == "scenario"


def test_union_errors_are_one_message(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text(
        "id: p\nname: P\narchetype: x\nsummary: s\n"
        "states: [{name: answered}, {name: ended, final: true, outcome: refused}]\n"
        "transitions:\n  - on: {a: 1}\n    to: ended\n  - on: [closing, 3]\n    to: ended\n"
    )
    msgs = [str(p) for p in check_file(f)]
    assert f"{f}:7:5: transitions[0].on: expected text or a list, found a mapping" in msgs
    assert f"{f}:9:19: transitions[1].on[1]: expected text, found 3" in msgs
    assert len(msgs) == 2


def test_rubric_loads_through_the_scoring_model():
    rubric = ROOT / "scoring" / "rubric.yaml"
    if not rubric.exists():
        pytest.skip("no shipped rubric")
    loaded = load_rubric(rubric)
    assert hasattr(loaded, "dimensions")


def test_broken_rubric_is_positioned(tmp_path):
    rubric = ROOT / "scoring" / "rubric.yaml"
    if not rubric.exists():
        pytest.skip("no shipped rubric")
    text = rubric.read_text().replace("pass_mark: 70", "pass_mark: 700", 1)
    f = tmp_path / "rubric.yaml"
    f.write_text(text)
    problems = check_file(f)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("pass_mark"))
    assert problems and problems[0].line == line
    assert problems[0].message.startswith("pass_mark: input should be less than or equal to 100")


def test_shipped_content_loads_clean():
    from simulator.content.library import Library

    lib = Library()
    assert lib.persona_paths() and lib.scenario_paths()
    for path in lib.persona_paths() + lib.scenario_paths():
        assert check_file(path) == [], path
    for path in lib.scenario_paths():
        scenario = lib.load_scenario_file(path)
        assert lib.persona_for(scenario, path).id


def test_scenario_and_persona_may_share_a_name(tmp_path):
    """scenarios/x.yaml naming persona 'x' means personas/x.yaml, never itself."""
    from simulator.content.templates import persona_template, scenario_template

    (tmp_path / "personas").mkdir()
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "personas" / "same.yaml").write_text(persona_template("same"))
    text = scenario_template("same", persona="same").replace("outcome: hung_up", "state: hung_up")
    (tmp_path / "scenarios" / "same.yaml").write_text(text)
    assert check_file(tmp_path / "scenarios" / "same.yaml") == []
