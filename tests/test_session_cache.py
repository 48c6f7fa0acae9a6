"""Session records kept in the cache folder (simulator.content.cache.session) change
nothing but speed: the record and its warnings come back as loading the file gives them,
an edited record is read and checked again (a broken one still reports file:line:col),
and its warnings name the file as it was given."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from simulator.content import cache, loader
from simulator.content.loader import load_session_checked
from simulator.diagnostics import ContentError

ROOT = Path(__file__).resolve().parent.parent
#: A key one level off: loading warns (and the warning must come back from the cache too).
MISPLACED = "\nrating: 5\nduration: 3\noutcome: payment_plan\n"


@pytest.fixture
def record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache turned on in an empty cache folder; an example record copied into
    ``tmp_path`` with a misplaced key; ``loader._checked`` counted (each real load)."""
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(cache, "enabled", True)
    calls: list[Any] = []
    real = loader._checked

    def counted(path: Any, kind: str) -> Any:
        calls.append(path)
        return real(path, kind)

    monkeypatch.setattr(loader, "_checked", counted)
    path = tmp_path / "call.yaml"
    shutil.copy(ROOT / "examples" / "hardship-good.yaml", path)
    path.write_text(path.read_text(encoding="utf-8") + MISPLACED, encoding="utf-8")
    monkeypatch.setattr(cache, "_loads", calls, raising=False)
    return path


def _loads() -> int:
    return len(cache._loads)  # type: ignore[attr-defined]


def test_a_kept_record_and_its_warnings_equal_what_loading_gives(record: Path) -> None:
    first, warned = load_session_checked(record)
    assert warned and _loads() == 1
    again, warned_again = load_session_checked(record)
    assert _loads() == 1  # from the cache folder
    assert again == first and again is not first
    assert again.model_dump(mode="json") == first.model_dump(mode="json")
    assert again.model_extra == first.model_extra
    assert [str(p) for p in warned_again] == [str(p) for p in warned]


def test_an_edited_record_is_read_and_checked_again(record: Path) -> None:
    load_session_checked(record)
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("seed: 42", "seed: 43", 1), encoding="utf-8")
    edited, _ = load_session_checked(record)
    assert _loads() == 2 and edited.seed == 43
    record.write_text(text.replace("turns:", "turns: {broken", 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_session_checked(record)
    assert str(err.value.problems[0]).startswith(f"{record}:")
    line_col = str(err.value.problems[0]).split(":")[1:3]
    assert all(part.strip().isdigit() for part in line_col)
    with pytest.raises(ContentError):  # a broken record is never kept
        load_session_checked(record)
    assert _loads() == 4


def test_warnings_name_the_file_as_given(record: Path) -> None:
    other = record.parent / "sub" / ".." / record.name
    (record.parent / "sub").mkdir()
    _, warned = load_session_checked(record)
    _, warned_other = load_session_checked(other)
    assert all(str(p).startswith(f"{record}:") for p in warned)
    assert all(str(p).startswith(f"{other}:") for p in warned_other)
    assert _loads() == 2


def test_off_unless_the_command_line_turns_it_on(record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "enabled", False)
    load_session_checked(record)
    load_session_checked(record)
    assert _loads() == 2
