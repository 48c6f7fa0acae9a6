"""Lint of a scenario: its persona exists, its checks name real states and events, its
rubric override names real dimensions, and its text agrees with the persona
(simulator.content.consistency). Part of simulator.content.lint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.content.dimensions import DIMENSIONS
from simulator.content.library import scenario_persona as _find_persona
from simulator.content.lint import _HHMM, _dict, _Lint, _list
from simulator.content.loader import did_you_mean
from simulator.diagnostics import Problem
from simulator.engine.registry import ENGINE_EVENTS
from simulator.yamlio import Loaded, read_yaml

# --------------------------------------------------------------------------- scenario

_persona_cache: dict[tuple[str, int, int], Loaded] = {}


def _persona_key(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return (str(path.resolve()), st.st_mtime_ns, st.st_size)


def remember_persona(path: Path, loaded: Loaded) -> None:
    """Keep a parsed persona for the scenarios that name it (validate reads both)."""
    try:
        key = _persona_key(path)
    except OSError:
        return
    if len(_persona_cache) > 256:
        _persona_cache.clear()
    _persona_cache[key] = loaded


def recall_persona(path: Path) -> Loaded | None:
    try:
        return _persona_cache.get(_persona_key(path))
    except OSError:
        return None


def _read_persona(path: Path) -> Loaded:
    """Parse a scenario's persona once per version of the file."""
    key = _persona_key(path)
    if key not in _persona_cache:
        _persona_cache[key] = read_yaml(path, kind="persona")
    return _persona_cache[key]


def _persona_candidates(scenario_path: Path | None) -> list[str]:
    from simulator.content.library import Library

    folders = list(Library().persona_dirs)
    if scenario_path is not None:
        folders += [scenario_path.parent, scenario_path.parent.parent / "personas"]
    return sorted({p.stem for f in folders if f.is_dir() for p in f.glob("*.yaml")})


def lint_scenario(loaded: Loaded, path: Path | None) -> list[Problem]:
    d = _dict(loaded.data)
    lt = _Lint(loaded)
    persona: dict[Any, Any] | None = None
    ref = d.get("persona")
    if isinstance(ref, str) and ref:
        from simulator.content.library import Library
        from simulator.diagnostics import ContentError, UserError

        try:
            found = _find_persona(Library(), ref, path.resolve() if path else None)
        except (ContentError, UserError, OSError):
            found = None
        if found is None:
            hint = did_you_mean(ref, _persona_candidates(path))
            lt.add(("persona",), f"no persona '{ref}'{hint}; looked next to this file, "
                   "in ../personas/ and among the shipped personas")
        else:
            p_loaded = _read_persona(found)
            persona = p_loaded.data if isinstance(p_loaded.data, dict) else None
            if persona is not None:
                from simulator.content.consistency import scenario_problems

                for where, message in scenario_problems(d, persona):
                    if where[:1] == ("persona",):  # the persona's own line, in its own file
                        lt.problems.append(p_loaded.problem(where[1:], message, "warning"))
                    else:
                        lt.add(where, message, "warning")

    if persona is not None:
        states = [s.get("name") for s in _list(persona.get("states")) if isinstance(s, dict)]
        states = [s for s in states if isinstance(s, str)]
        facts = [f for f in _dict(persona.get("facts")) if isinstance(f, str)]
        events = {e.replace("<fact>", f) for e in ENGINE_EVENTS for f in facts or [""]}
        for t in _list(persona.get("transitions")):
            events |= {e for e in _list(_dict(t).get("events")) if isinstance(e, str)}
        for i, check in enumerate(_list(d.get("checks"))):
            expect = _dict(_dict(check).get("expect"))
            state = expect.get("state")
            if isinstance(state, str) and state not in states:
                lt.add(("checks", i, "expect", "state"),
                       f"persona '{ref}' has no state '{state}'{did_you_mean(state, states)}")
            for j, ev in enumerate(_list(expect.get("events"))):
                if isinstance(ev, str) and ev not in events:
                    lt.add(("checks", i, "expect", "events", j),
                           f"no engine event or event of persona '{ref}' is called '{ev}'"
                           f"{did_you_mean(ev, sorted(events))}", "warning")
        # A required disclosure due after an event nobody raises would never be due.
        for i, req in enumerate(_list(d.get("required_disclosures"))):
            ev = _dict(req).get("due_after_event")
            if isinstance(ev, str) and ev not in events:
                lt.add(("required_disclosures", i, "due_after_event"),
                       f"no engine event or event of persona '{ref}' is called '{ev}'"
                       f"{did_you_mean(ev, sorted(events))}: the disclosure would never be due")

    for i, check in enumerate(_list(d.get("checks"))):
        call_time = _dict(check).get("call_time")
        if isinstance(call_time, str) and not _HHMM.match(call_time):
            lt.add(("checks", i, "call_time"),
                   f"call_time {call_time!r} should be HH:MM on a 24-hour clock, e.g. '18:30'")

    weights = _dict(_dict(d.get("rubric")).get("weights"))
    for dim in weights:
        if dim not in DIMENSIONS:
            lt.add(("rubric", "weights", dim),
                   f"unknown rubric dimension '{dim}'{did_you_mean(str(dim), DIMENSIONS)}; "
                   f"the dimensions are {', '.join(DIMENSIONS)}")
    thresholds = _dict(_dict(d.get("rubric")).get("thresholds"))
    known_thresholds = _threshold_names()
    for name in thresholds if known_thresholds else ():
        if name not in known_thresholds:
            lt.add(("rubric", "thresholds", name), f"unknown rubric threshold '{name}'"
                   f"{did_you_mean(str(name), known_thresholds)}")
    lt.cues(d.get("cues"))
    return lt.problems


def _threshold_names() -> list[str]:
    """The rubric's threshold names, when the scoring package is there to say."""
    try:
        from simulator.content.rubric import Thresholds
    except ImportError:
        return []
    return sorted(Thresholds.model_fields)


