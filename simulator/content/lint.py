"""Lint: what the schema cannot see, each problem at its line and column.

The ``transitions`` library resolves callback names only when a transition fires, and
a misspelt state, condition or placeholder would otherwise surface in the middle of a
trainee's call. So every name a persona or scenario uses is checked here, at load
time, against the persona itself and the engine's registry.

Lint reads the raw data (not the validated model), so it still reports what it can
when the schema found problems too; every access is defensive for that reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from simulator.content.loader import did_you_mean, path_str
from simulator.diagnostics import Problem
from simulator.engine.expressions import ExpressionError, compile_expression
from simulator.engine.registry import (
    BUILTIN_CONDITIONS,
    CALLBACKS,
    EFFECT_KEYS,
    PLACEHOLDERS,
    SPECIAL_TRIGGERS,
    known_variables,
)
from simulator.nlu.types import MOVES
from simulator.yamlio import Loaded

#: Rubric dimensions a scenario's rubric override may weigh (DESIGN.md section 7).
#: Built-in numbers of a persona (``numbers.custom`` adds more).
NUMBERS: tuple[str, ...] = (
    "trust", "irritation", "patience", "lump_sum", "monthly_capacity", "min_monthly"
)
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_PLACEHOLDER = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$")

P = tuple[Any, ...]


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


def _dict(v: Any) -> dict[Any, Any]:
    return v if isinstance(v, dict) else {}


def _names(v: Any, path: P) -> Iterator[tuple[P, str]]:
    """A 'name or list of names' field as (path, name) pairs."""
    if isinstance(v, str):
        yield path, v
    elif isinstance(v, list):
        for i, item in enumerate(v):
            if isinstance(item, str):
                yield path + (i,), item


class _Lint:
    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.problems: list[Problem] = []
        self.details: set[str] = set()  # the persona's story details ({detail.NAME})
        self.conditions: set[str] | None = None  # condition names lines may use

    def line(self, path: P, value: Any, facts: set[str]) -> None:
        """A debtor line: a string, or {text, when, unless} said only when they hold."""
        if isinstance(value, dict):
            self.text(path + ("text",), value.get("text"), facts)
            for key in ("when", "unless"):
                for j, cond in enumerate(_list(value.get(key))):
                    self.condition(path + (key, j), cond)
        else:
            self.text(path, value, facts)

    def condition(self, path: P, cond: Any) -> None:
        if self.conditions is None or not isinstance(cond, str) or cond in self.conditions:
            return
        self.add(path, f"unknown condition '{cond}'{did_you_mean(cond, sorted(self.conditions))}")

    def add(self, path: P, message: str, severity: str = "error") -> None:
        where = path_str(path)
        self.problems.append(
            self.loaded.problem(path, f"{where}: {message}" if where else message, severity)
        )

    # ---- shared checks
    def text(self, path: P, text: Any, facts: set[str]) -> None:
        """Placeholders in a debtor line: balanced braces, known {root.field}."""
        if not isinstance(text, str):
            return
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c in "{}" and text[i + 1 : i + 2] == c:  # '{{' and '}}' are literal braces
                i += 2
                continue
            if c == "}":
                self.add(path, "unbalanced '}' (write '}}' for a literal brace)")
                return
            if c == "{":
                end = text.find("}", i + 1)
                nxt = text.find("{", i + 1)
                if end < 0 or 0 <= nxt < end:
                    self.add(path, "unbalanced '{' (write '{{' for a literal brace)")
                    return
                self.placeholder(path, text[i + 1 : end], facts)
                i = end + 1
                continue
            i += 1

    def placeholder(self, path: P, inner: str, facts: set[str]) -> None:
        m = _PLACEHOLDER.match(inner.strip())
        if m:
            root, fld = m.groups()
            if root == "fact" and fld in facts:
                return
            if root == "detail" and fld in self.details:
                return
            if root not in ("fact", "detail") and fld in PLACEHOLDERS.get(root, ()):
                return
        known = [f"{r}.{f}" for r, fs in PLACEHOLDERS.items() for f in fs]
        known += [f"fact.{f}" for f in sorted(facts)]
        known += [f"detail.{f}" for f in sorted(self.details)]
        hint = did_you_mean(inner.strip(), known, "{{{}}}")
        self.add(path, f"unknown placeholder {{{inner}}}{hint}")

    def cues(self, cues: Any) -> None:
        for move, cue in _dict(cues).items():
            if move not in MOVES:
                self.add(("cues", move), f"unknown move '{move}'{did_you_mean(str(move), MOVES)}")
            for j, pat in enumerate(_list(_dict(cue).get("patterns"))):
                if not isinstance(pat, str):
                    continue
                try:
                    re.compile(pat)
                except re.error as exc:
                    self.add(("cues", move, "patterns", j),
                             f"bad regular expression {pat!r}: {exc}")


# --------------------------------------------------------------------------- persona


def lint_persona(loaded: Loaded) -> list[Problem]:
    d = _dict(loaded.data)
    lt = _Lint(loaded)
    facts = {k for k in _dict(d.get("facts")) if isinstance(k, str)}
    numbers = set(NUMBERS) | {
        k for k in _dict(_dict(d.get("numbers")).get("custom")) if isinstance(k, str)
    }
    conditions = {k for k in _dict(d.get("conditions")) if isinstance(k, str)}
    all_conditions = sorted(conditions | set(BUILTIN_CONDITIONS))
    triggers = list(MOVES) + list(SPECIAL_TRIGGERS)
    lt.details = {k for k in _dict(d.get("details")) if isinstance(k, str)}
    lt.conditions = set(all_conditions)

    # states
    states: dict[str, int] = {}
    final: set[str] = set()
    for i, s in enumerate(_list(d.get("states"))):
        s = _dict(s)
        name = s.get("name")
        if not isinstance(name, str):
            continue
        if name in states:
            lt.add(("states", i, "name"), f"state '{name}' is defined twice "
                   f"(first as states[{states[name]}])")
            continue
        states[name] = i
        if s.get("final") is True:
            final.add(name)
        for key in ("lines", "idle"):
            for j, line in enumerate(_list(s.get(key))):
                lt.line(("states", i, key, j), line, facts)
    state_names = sorted(states)

    have_states = isinstance(d.get("states"), list)

    def state_ref(path: P, name: str) -> bool:
        if name in states or not have_states:  # no states: the schema said so already
            return name in states
        lt.add(path, f"unknown state '{name}'{did_you_mean(name, state_names)}")
        return False

    initial = d.get("initial", "answered")
    initial_ok = False
    if isinstance(initial, str) and states:
        if "initial" in d:
            initial_ok = state_ref(("initial",), initial)
        elif initial in states:
            initial_ok = True
        else:
            lt.add((), f"no state named 'answered', the default initial state; "
                   f"set 'initial:' to one of {', '.join(state_names)}")

    # transitions
    edges: list[tuple[list[str], str]] = []  # (sources, destination); '*' = any
    for ti, t in enumerate(_list(d.get("transitions"))):
        t = _dict(t)
        base: P = ("transitions", ti)
        for path, trig in _names(t.get("on"), base + ("on",)):
            if trig not in triggers:
                lt.add(path, f"unknown move or trigger '{trig}'{did_you_mean(trig, triggers)}")
        sources: list[str] = []
        for path, src in _names(t.get("from", "*"), base + ("from",)):
            if src == "*":
                sources.append(src)
            elif state_ref(path, src):
                sources.append(src)
                if src in final:
                    lt.add(path, f"final state '{src}' has a transition out of it; "
                           "a final state ends the call", "warning")
        to = t.get("to")
        if isinstance(to, str) and state_ref(base + ("to",), to):
            edges.append((sources, to))
        for key in ("when", "unless"):
            for j, cond in enumerate(_list(t.get(key))):
                if isinstance(cond, str) and cond not in conditions and cond not in BUILTIN_CONDITIONS:
                    lt.add(base + (key, j),
                           f"unknown condition '{cond}'{did_you_mean(cond, all_conditions)}")
        for j, cb in enumerate(_list(t.get("do"))):
            if isinstance(cb, str):
                _callback(lt, base + ("do", j), cb, facts, numbers)
        for j, line in enumerate(_list(t.get("say"))):
            lt.line(base + ("say", j), line, facts)

    # reachability and dead ends
    if initial_ok:
        reached = {initial}
        grew = True
        while grew:
            grew = False
            for sources, to in edges:
                if to not in reached and ("*" in sources or any(s in reached for s in sources)):
                    reached.add(to)
                    grew = True
        for name, i in states.items():
            if name not in reached:
                lt.add(("states", i, "name"),
                       f"state '{name}' cannot be reached from the initial state '{initial}'")
    for name, i in states.items():
        if name in final:
            continue
        if not any(to != name and ("*" in srcs or name in srcs) for srcs, to in edges):
            lt.add(("states", i, "name"),
                   f"state '{name}' is not final and no transition leads out of it")

    # conditions
    known = known_variables(sorted(numbers), sorted(facts))
    for name, expr in _dict(d.get("conditions")).items():
        if not isinstance(expr, str):
            continue
        try:
            compile_expression(expr, known)
        except ExpressionError as exc:
            lt.add(("conditions", name), f"bad condition {expr!r}: {exc}")

    # effects
    for move, deltas in _dict(d.get("effects")).items():
        if move not in EFFECT_KEYS and move not in MOVES:
            lt.add(("effects", move), f"unknown move or effect key '{move}'"
                   f"{did_you_mean(str(move), [*MOVES, *EFFECT_KEYS])}")
        for num in _dict(deltas):
            if num not in numbers:
                lt.add(("effects", move, num),
                       f"unknown number '{num}'{did_you_mean(str(num), sorted(numbers))}")

    # priority, opening, facts, cues
    for j, move in enumerate(_list(d.get("priority"))):
        if isinstance(move, str) and move not in MOVES:
            lt.add(("priority", j), f"unknown move '{move}'{did_you_mean(move, MOVES)}")
    for j, line in enumerate(_list(d.get("opening"))):
        lt.line(("opening", j), line, facts)
    for name, fact in _dict(d.get("facts")).items():
        lt.text(("facts", name, "text"), _dict(fact).get("text"), facts)
        lt.text(("facts", name, "recall"), _dict(fact).get("recall"), facts)
    lt.cues(d.get("cues"))
    from simulator.content.lint_answers import lint_answers, lint_variants

    lint_answers(lt, d, facts, numbers, state_names)
    lint_variants(lt, d, facts, numbers)
    from simulator.content.consistency import persona_problems

    for path, message in persona_problems(d):
        lt.add(path, message, "warning")
    return lt.problems


def _callback(lt: _Lint, path: P, cb: str, facts: set[str], numbers: set[str]) -> None:
    name, sep, arg = cb.partition(":")
    spec = CALLBACKS.get(name)
    if spec is None:
        lt.add(path, f"unknown callback '{name}'{did_you_mean(name, sorted(CALLBACKS))}")
        return
    if spec.arg is None:
        if sep:
            lt.add(path, f"callback '{name}' takes no argument (found '{cb}')")
        return
    pool = facts if spec.arg == "fact" else numbers
    if not arg:
        lt.add(path, f"'{name}' needs a {spec.arg}: write '{name}:{spec.arg.upper()}'")
    elif arg not in pool:
        lt.add(path, f"'{cb}' names an unknown {spec.arg} '{arg}'"
               f"{did_you_mean(arg, sorted(pool))}")


# --------------------------------------------------------------------------- entry


def lint(kind: str, loaded: Loaded, path: Path | None = None) -> list[Problem]:
    """Lint problems of one loaded file of the given kind."""
    if not isinstance(loaded.data, dict):
        return []
    if kind == "persona":
        return lint_persona(loaded)
    if kind == "scenario":
        from simulator.content.lint_scenario import lint_scenario

        return lint_scenario(loaded, path)
    if kind == "session":
        from simulator.content.lint_session import lint_session

        return lint_session(loaded)
    return []


def remember_persona(path: Path, loaded: Loaded) -> None:
    """Keep a parsed persona for the scenarios that name it (validate reads both)."""
    from simulator.content.lint_scenario import remember_persona as remember

    remember(path, loaded)


def recall_persona(path: Path) -> Loaded | None:
    """The persona file as a scenario's lint already parsed it (this version of the file),
    or None: loading a scenario, then its persona, parses the persona once."""
    from simulator.content.lint_scenario import recall_persona as recall

    return recall(path)
