"""The start-up caches (compiled regexes, parsed shipped YAML) change nothing but speed:
what they hand back is what compiling or parsing gives, an edited source is read again,
and a damaged or missing cache file is rebuilt, never trusted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator import cachefile, rxcache

PATTERNS = [
    (r"(?<![\w'])(?:sue|court|lawsuit|garnish(?:ment)?)(?:'s)?(?![\w'])", 0),
    (r"(?P<amount>\$\s?\d[\d,]*(?:\.\d+)?)\s*(?:a|per)\s+(?P<unit>month|week)\b", re.IGNORECASE),
    (r"^\W*(?:so|and|but)\b", re.IGNORECASE | re.MULTILINE),
    (r"caf\u00e9|na\u00efve", re.IGNORECASE),
]


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and the regex cache as a new process would find it."""
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.setattr(rxcache, "_stored", None)
    monkeypatch.setattr(rxcache, "_fresh", {})
    monkeypatch.setattr(rxcache, "_built", {})
    monkeypatch.setattr(rxcache, "_used", set())
    monkeypatch.setattr(rxcache, "_saving", True)  # saved by the test, not at exit
    monkeypatch.setattr(rxcache, "misses", 0)
    return tmp_path / "cache"


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rxcache, "_stored", None)
    monkeypatch.setattr(rxcache, "_fresh", {})
    monkeypatch.setattr(rxcache, "_built", {})
    monkeypatch.setattr(rxcache, "misses", 0)


def test_a_cached_pattern_is_the_pattern_re_compiles(fresh_cache: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    first = [rxcache.compile(p, f) for p, f in PATTERNS]
    assert rxcache.misses == len(PATTERNS)
    rxcache.save()
    assert (fresh_cache / rxcache.cache_name()).is_file()
    _new_process(monkeypatch)
    again = [rxcache.compile(p, f) for p, f in PATTERNS]
    assert rxcache.misses == 0  # every one came from the file
    for (p, f), a, b in zip(PATTERNS, first, again, strict=True):
        expected = re.compile(p, f)
        assert a == expected and b == expected  # == compares flags, pattern and compiled code
        assert b.groupindex == expected.groupindex and b.groups == expected.groups
    m = again[1].search("We could do $75 a month.")
    assert m is not None and m.group("amount") == "$75" and m.group("unit") == "month"


def test_a_bad_pattern_still_raises_re_error(fresh_cache: Path) -> None:
    with pytest.raises(re.error):
        rxcache.compile(r"(unclosed")


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\xe9\x00\x01"])
def test_a_damaged_cache_file_is_ignored_and_rebuilt(fresh_cache: Path, damage: bytes,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    fresh_cache.mkdir(parents=True)
    (fresh_cache / rxcache.cache_name()).write_bytes(damage)
    p, f = PATTERNS[1]
    assert rxcache.compile(p, f) == re.compile(p, f)
    rxcache.save()
    _new_process(monkeypatch)
    assert rxcache.compile(p, f) == re.compile(p, f) and rxcache.misses == 0


def test_a_damaged_entry_is_compiled_afresh(fresh_cache: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    p, f = PATTERNS[0]
    rxcache.compile(p, f)
    rxcache.save()
    path = fresh_cache / rxcache.cache_name()
    data = marshal.loads(path.read_bytes())
    final_flags, code, groups, gi, ig = data[(p, f)]
    data[(p, f)] = (final_flags, code[: len(code) // 2], groups, gi, ig)  # truncated code
    path.write_bytes(marshal.dumps(data))
    _new_process(monkeypatch)
    assert rxcache.compile(p, f) == re.compile(p, f)
    assert rxcache.misses == 1


def test_an_unwritable_cache_folder_costs_nothing_but_speed(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("COLLECTSIM_HOME", str(blocker))
    monkeypatch.setattr(rxcache, "_stored", None)
    monkeypatch.setattr(rxcache, "_fresh", {})
    monkeypatch.setattr(rxcache, "_built", {})
    monkeypatch.setattr(rxcache, "_saving", True)
    p, f = PATTERNS[2]
    assert rxcache.compile(p, f) == re.compile(p, f)
    rxcache.save()  # quietly does nothing
    assert cachefile.shipped_yaml(_yaml(tmp_path, "a: 1\n")) == {"a": 1}


def _yaml(folder: Path, text: str) -> Path:
    path = folder / "data" / "thing.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_yaml_is_parsed_once_and_again_after_an_edit(fresh_cache: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    path = _yaml(fresh_cache.parent, "moves:\n  empathy: [sorry to hear]\nweight: 2.5\n")
    assert cachefile.shipped_yaml(path) == {"moves": {"empathy": ["sorry to hear"]}, "weight": 2.5}
    calls: list[str] = []
    real_load = yaml.load

    def counting(text: str, Loader: object) -> object:  # noqa: N803 - PyYAML's name
        calls.append(text)
        return real_load(text, Loader=Loader)

    monkeypatch.setattr(yaml, "load", counting)
    assert cachefile.shipped_yaml(path) == {"moves": {"empathy": ["sorry to hear"]}, "weight": 2.5}
    assert calls == []  # from the cache
    path.write_text("moves:\n  empathy: [so sorry]\nweight: 2.5\n", encoding="utf-8")  # same size
    assert cachefile.shipped_yaml(path) == {"moves": {"empathy": ["so sorry"]}, "weight": 2.5}
    assert len(calls) == 1  # the edit was read, whatever the clock says


def test_shipped_yaml_with_dates_is_parsed_every_time_not_cached_wrongly(fresh_cache: Path) -> None:
    import datetime as dt

    path = _yaml(fresh_cache.parent, "when: 2026-12-01\n")
    assert cachefile.shipped_yaml(path) == {"when": dt.date(2026, 12, 1)}
    assert cachefile.shipped_yaml(path) == {"when": dt.date(2026, 12, 1)}


def test_the_shipped_files_read_through_the_cache_equal_a_plain_safe_load(fresh_cache: Path) -> None:
    import yaml

    from simulator.paths import default_rubric_path

    nlu = Path(rxcache.__file__).parent / "nlu"
    for path in (nlu / "cues.yaml", nlu / "questions.yaml", default_rubric_path()):
        plain = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert cachefile.shipped_yaml(path) == plain  # parsed, then cached
        assert cachefile.shipped_yaml(path) == plain  # from the cache


def test_the_analysers_patterns_come_back_equal_from_the_cache(fresh_cache: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern the shipped analyser compiles for a few lines, cached then reloaded,
    is the same compiled pattern (so the analysis cannot differ)."""
    from simulator.nlu.lexicon import CLASSES
    from simulator.nlu.questions import _spec

    sources = [(r"(?<![\w'])(?:" + "|".join(items) + r")(?:'s)?(?![\w'])", 0)
               for items in CLASSES.values()]
    for spec in _spec().values():
        pats = "|".join(f"(?:{p})" for p in spec.get("patterns") or [])
        if pats:
            sources.append((pats, int(re.IGNORECASE)))
    for p, f in sources:
        rxcache.compile(p, f)
    rxcache.save()
    _new_process(monkeypatch)
    for p, f in sources:
        assert rxcache.compile(p, f) == re.compile(p, f)
    assert rxcache.misses == 0


def test_home_lists_the_same_from_the_cache_and_sees_every_edit(fresh_cache: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Home's list read through the cache equals a fresh read; an edited scenario (even
    one of the same size, saved within the same second) and a scenario broken since are
    seen on the next start."""
    from simulator import yamlio
    from simulator.app.catalog import load_catalog
    from simulator.paths import personas_dir, scenarios_dir

    folder = tmp_path / "scenarios"
    folder.mkdir()
    source = (scenarios_dir() / "hardship-basic.yaml").read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(source, encoding="utf-8")
    (folder / "b.yaml").write_text(source.replace("id: hardship-basic", "id: hardship-twin"),
                                   encoding="utf-8")
    first = load_catalog(folder, personas_dir())
    assert [i.id for i in first] == ["hardship-basic", "hardship-twin"]

    parsed: list[str] = []
    real = yamlio.load_yaml
    monkeypatch.setattr(yamlio, "load_yaml", lambda raw, file, **kw: parsed.append(file) or real(raw, file, **kw))
    assert load_catalog(folder, personas_dir()) == first
    assert parsed == []  # every file came from the cache

    title = next(line for line in source.splitlines() if line.startswith("title:"))
    same_size = "title: " + "X" * (len(title) - len("title: "))
    (folder / "a.yaml").write_text(source.replace(title, same_size), encoding="utf-8")
    (folder / "b.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    again = load_catalog(folder, personas_dir())
    assert [(i.id, i.title) for i in again] == [("hardship-basic", same_size[len("title: "):])]
    assert sorted(Path(f).name for f in parsed) == ["a.yaml", "b.yaml"]  # only the edited files


def test_a_pattern_asked_for_twice_in_a_process_is_built_once(fresh_cache: Path) -> None:
    """Like ``re.compile``'s own cache: analysers extended with a persona's cues ask for
    the shipped patterns again, and get the same object back without rebuilding it."""
    p, f = PATTERNS[1]
    assert rxcache.compile(p, f) is rxcache.compile(p, f)
    assert rxcache.misses == 1
