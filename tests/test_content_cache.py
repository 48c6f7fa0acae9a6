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


# --- the shipped rubric and shared answers, and content hashes -----------------------------


def test_a_models_stable_key_is_the_same_in_every_process() -> None:
    """Pydantic keeps each model's set fields in a set, whose order follows the process's
    string hashes: the key sorts them, so another process (another hash seed) agrees."""
    import subprocess
    import sys

    code = ("from pathlib import Path\nfrom simulator.content import cache\n"
            "from simulator.content.loader import load_persona\n"
            f"print(cache.stable_key(load_persona(Path({str(ROOT / 'personas' / 'hardship.yaml')!r}))))")
    keys = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout.strip()
            for seed in (1, 2, 3, 4)}
    assert len(keys) == 1 and len(keys.pop()) == 64


def test_a_remembered_hash_is_the_hash_and_follows_the_data(on: Path) -> None:
    from simulator.hashing import model_hash

    persona = load_persona(ROOT / "personas" / "hardship.yaml")
    assert cache.model_hash(persona) == model_hash(persona)
    assert cache.model_hash(persona) == model_hash(persona)  # now from the cache folder
    changed = persona.model_copy(update={"name": persona.name + " Jr."})
    assert cache.model_hash(changed) == model_hash(changed) != model_hash(persona)


def test_a_derived_object_is_built_again_when_its_text_changes(on: Path) -> None:
    built: list[str] = []

    def build(text: str) -> dict:
        built.append(text)
        return {"from": text}

    assert cache.derived("thing", "one", lambda: build("one")) == {"from": "one"}
    assert cache.derived("thing", "one", lambda: build("one")) == {"from": "one"}
    assert cache.derived("thing", "two", lambda: build("two")) == {"from": "two"}
    assert built == ["one", "two"]


def test_the_kept_rubric_and_answers_equal_what_loading_gives(on: Path) -> None:
    from scoring.rubric import load_default_rubric
    from simulator.engine.answers import shared_answers

    fresh = []
    for _ in range(2):
        load_default_rubric.cache_clear()
        shared_answers.cache_clear()
        fresh.append((load_default_rubric(), shared_answers()))
    (rubric, answers), (kept_rubric, kept_answers) = fresh
    assert kept_rubric == rubric and kept_rubric is not rubric
    assert kept_rubric.content_hash() == rubric.content_hash()
    assert kept_answers == answers
    cache.enabled = False
    load_default_rubric.cache_clear()
    assert load_default_rubric().content_hash() == rubric.content_hash()
    load_default_rubric.cache_clear()
    shared_answers.cache_clear()
