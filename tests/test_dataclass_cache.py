"""The dataclass methods kept in the cache folder (simulator.dataclass_cache) are the
methods ``dataclasses`` makes: the same code, annotations and behaviour, whether
compiled in this run or read back from the file; a damaged file is not trusted."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from simulator import dataclass_cache


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
    monkeypatch.setattr(dataclass_cache, "_kept", None)
    monkeypatch.setattr(dataclass_cache, "_fresh", {})
    monkeypatch.setattr(dataclass_cache, "_used", set())
    monkeypatch.setattr(dataclass_cache, "_saving", True)  # saved by the test, not at exit
    monkeypatch.setattr(dataclass_cache, "misses", 0)
    dataclass_cache.install()
    yield tmp_path / "cache"
    dataclass_cache.uninstall()


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataclass_cache, "_kept", None)
    monkeypatch.setattr(dataclass_cache, "_fresh", {})
    monkeypatch.setattr(dataclass_cache, "misses", 0)


def test_kept_methods_are_the_methods_dataclasses_makes(fresh: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    dataclass_cache.uninstall()
    expected = _make()
    dataclass_cache.install()
    first = _make()
    assert dataclass_cache.misses > 0
    _same(first, expected)
    dataclass_cache.save()
    assert (fresh / dataclass_cache.cache_name()).is_file()
    _new_process(monkeypatch)
    again = _make()
    assert dataclass_cache.misses == 0  # every method's code came from the file
    _same(again, expected)


def test_a_damaged_file_is_compiled_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make()
    dataclass_cache.save()
    (fresh / dataclass_cache.cache_name()).write_bytes(b"\x00damaged")
    _new_process(monkeypatch)
    dataclass_cache.uninstall()
    expected = _make()
    dataclass_cache.install()
    made = _make()
    assert dataclass_cache.misses > 0
    _same(made, expected)


def test_another_python_s_file_is_not_used(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make()
    dataclass_cache.save()
    _new_process(monkeypatch)
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    _make()
    assert dataclass_cache.misses > 0


def test_only_the_command_line_installs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.cli import main

    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))

    assert getattr(dataclasses, "exec", None) is None
    assert main(["config"]) == 0
    assert getattr(dataclasses, "exec", None) is None  # taken out again after the command
