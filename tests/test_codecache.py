"""The code kept in the cache folder (simulator.codecache) is the code the libraries
make: dataclass methods with the same code, annotations and behaviour, and string
annotations (typing.ForwardRef) that evaluate the same, whether compiled in this run or
read back from the file; a bad annotation is still an error; a damaged file or another
Python's is not trusted."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from simulator import codecache


def _make() -> list[type]:
    """Classes using the generated methods' variety: defaults, factories, frozen, order,
    keyword-only fields, InitVar with __post_init__, slots, ClassVar."""

    @dataclasses.dataclass
    class Plain:
        a: int
        b: str = "x"
        c: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, order=True)
    class Frozen:
        x: float
        y: float = 0.0

    @dataclasses.dataclass(kw_only=True, slots=True)
    class KwSlots:
        name: str
        tags: tuple[str, ...] = ()

    @dataclasses.dataclass
    class Post:
        raw: dataclasses.InitVar[str]
        kept: str = dataclasses.field(init=False, default="")
        shared: ClassVar[int] = 3

        def __post_init__(self, raw: str) -> None:
            self.kept = raw.upper()

    return [Plain, Frozen, KwSlots, Post]


def _methods(cls: type) -> dict[str, Any]:
    return {n: f for n in ("__init__", "__repr__", "__eq__", "__lt__", "__setattr__", "__hash__")
            if callable(f := cls.__dict__.get(n))}


def _same(made: list[type], expected: list[type]) -> None:
    for a, b in zip(made, expected, strict=True):
        ma, mb = _methods(a), _methods(b)
        assert ma.keys() == mb.keys()
        for name in ma:
            ca, cb = getattr(ma[name], "__code__", None), getattr(mb[name], "__code__", None)
            assert ca == cb and (ca is None or ca.co_filename == cb.co_filename), (a, name)
            assert getattr(ma[name], "__annotations__", None) == getattr(mb[name], "__annotations__", None)
    plain, frozen, kw, post = made
    assert plain(1) == plain(1, "x", []) and repr(plain(2)).endswith("Plain(a=2, b='x', c=[])")
    assert frozen(1.0) < frozen(2.0) and hash(frozen(1.0)) == hash(frozen(1.0, 0.0))
    with pytest.raises(dataclasses.FrozenInstanceError):
        frozen(1.0).x = 2.0  # type: ignore[misc]
    assert kw(name="n").tags == () and post("abc").kept == "ABC"


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and the module as a new process finds it, installed."""
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.setattr(codecache, "_kept", None)
    monkeypatch.setattr(codecache, "_fresh", {})
    monkeypatch.setattr(codecache, "_used", set())
    monkeypatch.setattr(codecache, "_saving", True)  # saved by the test, not at exit
    monkeypatch.setattr(codecache, "misses", 0)
    codecache.install()
    yield tmp_path / "cache"
    codecache.uninstall()


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codecache, "_kept", None)
    monkeypatch.setattr(codecache, "_fresh", {})
    monkeypatch.setattr(codecache, "misses", 0)


def test_kept_methods_are_the_methods_dataclasses_makes(fresh: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    codecache.uninstall()
    expected = _make()
    codecache.install()
    first = _make()
    assert codecache.misses > 0
    _same(first, expected)
    codecache.save()
    assert (fresh / codecache.cache_name()).is_file()
    _new_process(monkeypatch)
    again = _make()
    assert codecache.misses == 0  # every method's code came from the file
    _same(again, expected)


def test_a_damaged_file_is_compiled_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make()
    codecache.save()
    (fresh / codecache.cache_name()).write_bytes(b"\x00damaged")
    _new_process(monkeypatch)
    codecache.uninstall()
    expected = _make()
    codecache.install()
    made = _make()
    assert codecache.misses > 0
    _same(made, expected)


def test_another_python_s_file_is_not_used(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make()
    codecache.save()
    _new_process(monkeypatch)
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    _make()
    assert codecache.misses > 0


FORWARD = ["int", "list[str]", "dict[str, tuple[int, ...]] | None", "Literal['a', 'b']"]


def _evaluated() -> list[Any]:
    import typing

    space = {"Literal": typing.Literal}
    refs = [typing.ForwardRef(text) for text in FORWARD]
    return [(ref.__forward_code__, ref._evaluate(space, space, frozenset())) for ref in refs]


def test_kept_string_annotations_evaluate_as_compiled(fresh: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import typing

    codecache.uninstall()
    expected = _evaluated()
    codecache.install()
    assert _evaluated() == expected
    codecache.save()
    _new_process(monkeypatch)
    assert _evaluated() == expected and codecache.misses == 0
    with pytest.raises(SyntaxError, match="Forward reference must be an expression"):
        typing.ForwardRef("not an expression!")


def _pydantic_model() -> Any:
    from typing import Literal

    from pydantic import BaseModel, Field

    class Call(BaseModel):  # annotations are strings here (from __future__ import annotations)
        kind: Literal["new", "replay"] = "new"
        turns: list[str] = Field(default_factory=list)
        scores: dict[str, tuple[int, ...]] | None = None

    return Call


def test_pydantic_models_with_string_annotations_are_the_same(fresh: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    codecache.uninstall()
    expected = _pydantic_model()
    codecache.install()
    _pydantic_model()
    codecache.save()
    _new_process(monkeypatch)
    made = _pydantic_model()
    assert codecache.misses == 0
    assert made.model_json_schema() == expected.model_json_schema()
    data = {"kind": "replay", "turns": ["Hello"], "scores": {"a": [1, 2]}}
    assert made.model_validate(data).model_dump() == expected.model_validate(data).model_dump()


def test_only_the_command_line_installs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.cli import main

    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))

    import gc
    import typing

    assert getattr(dataclasses, "exec", None) is None and getattr(typing, "compile", None) is None
    threshold = gc.get_threshold()
    assert main(["config"]) == 0
    assert gc.get_threshold() == threshold  # the command's fewer collections end with it
    # taken out again after the command
    assert getattr(dataclasses, "exec", None) is None and getattr(typing, "compile", None) is None
