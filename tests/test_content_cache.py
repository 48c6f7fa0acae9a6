"""The content cache (simulator.content.cache) changes nothing but speed: a persona or
scenario comes back equal to what loading the file gives, and is loaded from the file
again whenever the file, the persona a scenario names, or the code changed; a load that
failed is never kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.content import cache
from simulator.content.loader import load_persona, load_scenario
from simulator.diagnostics import ContentError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache turned on, in an empty cache folder; a scenario and its persona copied
    into ``tmp_path`` (scenarios/, personas/) to be edited."""
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(cache, "enabled", True)
    monkeypatch.setattr(cache, "hits", 0)
    monkeypatch.setattr(cache, "misses", 0)
    for folder, name in (("scenarios", "hardship-basic.yaml"), ("personas", "hardship.yaml")):
        (tmp_path / folder).mkdir()
        shutil.copy(ROOT / folder / name, tmp_path / folder / name)
    return tmp_path


def test_a_kept_scenario_and_persona_equal_what_loading_gives(on: Path) -> None:
    scenario, persona = ROOT / "scenarios" / "hardship-basic.yaml", ROOT / "personas" / "hardship.yaml"
    first = load_scenario(scenario), load_persona(persona)
    assert (cache.hits, cache.misses) == (0, 2)
    again = load_scenario(scenario), load_persona(persona)
    assert (cache.hits, cache.misses) == (2, 2)
    for a, b in zip(first, again, strict=True):
        assert a == b and a is not b
        assert a.model_dump(mode="json") == b.model_dump(mode="json")
        assert a.model_fields_set == b.model_fields_set


def test_an_edited_scenario_or_persona_is_loaded_again(on: Path) -> None:
    scenario = on / "scenarios" / "hardship-basic.yaml"
    persona = on / "personas" / "hardship.yaml"
    load_scenario(scenario)
    load_scenario(scenario)
    assert cache.hits == 1
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(
        "persona: hardship", "persona: hardship  # edited"), encoding="utf-8")
    load_scenario(scenario)
    assert cache.hits == 1  # its text changed
    load_scenario(scenario)
    assert cache.hits == 2
    persona.write_text(persona.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    load_scenario(scenario)
    assert cache.hits == 2  # the persona its lint reads changed


def test_new_code_loads_the_file_again(on: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = on / "scenarios" / "hardship-basic.yaml"
    load_scenario(scenario)
    stamp = cache.code_stamp()
    monkeypatch.setattr(cache, "code_stamp", lambda: (*stamp[:2], stamp[2][1:]))
    load_scenario(scenario)
    assert cache.hits == 0


def test_a_broken_scenario_is_never_kept(on: Path) -> None:
    scenario = on / "scenarios" / "hardship-basic.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(
        "persona: hardship", "persona: nobody-here"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError):
            load_scenario(scenario)
    # (looking for the persona loads every shipped one: those are kept)
    assert not list((on / "home" / "cache").glob("content-scenario-*"))


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_entry_is_ignored(on: Path, damage: bytes) -> None:
    persona = on / "personas" / "hardship.yaml"
    expected = load_persona(persona)
    for entry in (on / "home" / "cache").glob("content-*"):
        entry.write_bytes(damage)
    assert load_persona(persona) == expected and cache.hits == 0


def test_off_unless_the_command_line_turns_it_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "enabled", False)
    load_persona(ROOT / "personas" / "hardship.yaml")
    assert not (tmp_path / "cache").exists()
