"""Lint of a persona's answers and variants (the rest of a persona: simulator.content.lint).

Every intent an answer names must be a question intent (simulator/nlu/questions.yaml)
or a special intent; every state, condition, callback and placeholder it uses must
exist. A variant may only change numbers, facts and details the persona has, so every
line stays fillable whichever variant plays.
"""

from __future__ import annotations

from typing import Any

from simulator.content.loader import did_you_mean
from simulator.engine.registry import SPECIAL_INTENTS


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


def _dict(v: Any) -> dict[Any, Any]:
    return v if isinstance(v, dict) else {}


def answer_intents() -> list[str]:
    from simulator.nlu.questions import intents

    return sorted(set(intents()) | set(SPECIAL_INTENTS))


def lint_answers(lt: Any, d: dict[Any, Any], facts: set[str], numbers: set[str],
                 states: list[str]) -> None:
    from simulator.content.lint import _callback

    known = answer_intents()
    for intent, answers in _dict(d.get("answers")).items():
        base = ("answers", intent)
        if intent not in known:
            lt.add(base, f"unknown question intent '{intent}'{did_you_mean(str(intent), known)}; "
                   "intents are listed in simulator/nlu/questions.yaml")
        for i, ans in enumerate(_list(answers)):
            ans = _dict(ans)
            here = base + (i,)
            src = ans.get("from", "*")
            for j, name in enumerate([src] if isinstance(src, str) else _list(src)):
                if isinstance(name, str) and name != "*" and states and name not in states:
                    path = here + ("from",) + (() if isinstance(src, str) else (j,))
                    lt.add(path, f"unknown state '{name}'{did_you_mean(name, states)}")
            for key in ("when", "unless"):
                for j, cond in enumerate(_list(ans.get(key))):
                    lt.condition(here + (key, j), cond)
            for j, cb in enumerate(_list(ans.get("do"))):
                if isinstance(cb, str):
                    _callback(lt, here + ("do", j), cb, facts, numbers)
            for key in ("say", "again"):
                for j, line in enumerate(_list(ans.get(key))):
                    lt.line(here + (key, j), line, facts)


def lint_variants(lt: Any, d: dict[Any, Any], facts: set[str], numbers: set[str]) -> None:
    for i, v in enumerate(_list(d.get("variants"))):
        v = _dict(v)
        base = ("variants", i)
        for name in _dict(v.get("numbers")):
            if name not in numbers:
                lt.add(base + ("numbers", name),
                       f"unknown number '{name}'{did_you_mean(str(name), sorted(numbers))}")
        for name, change in _dict(v.get("facts")).items():
            if name not in facts:
                lt.add(base + ("facts", name),
                       f"unknown fact '{name}'{did_you_mean(str(name), sorted(facts))}: a variant "
                       "changes the persona's facts, it does not add new ones")
                continue
            for key in ("text", "recall"):
                lt.text(base + ("facts", name, key), _dict(change).get(key), facts)
        for name in _dict(v.get("details")):
            if name not in lt.details:
                lt.add(base + ("details", name),
                       f"unknown detail '{name}'{did_you_mean(str(name), sorted(lt.details))}: "
                       "add it to the persona's details first, so every variant can fill it")
