"""Building a call's machine from persona data: conditions compiled, callbacks and
states resolved, every name an answer uses checked before the first turn. Mixed into
:class:`simulator.engine.call.Call`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from simulator.content.models import Transition
from simulator.engine import registry
from simulator.engine.answers import candidates, shared_answers
from simulator.engine.expressions import compile_cached


class PersonaError(ValueError):
    """Persona data the engine cannot run (lint reports these with positions first)."""


class Builder:
    persona: Any
    machine: Any
    start_numbers: dict[str, float]
    _conditions: dict[str, Callable[[], bool]]
    _states: dict[str, Any]
    _triggers_by_state: dict[str, set[str]]

    def _compile_conditions(self) -> dict[str, Callable[[], bool]]:
        known = frozenset(registry.known_variables(list(self.start_numbers), list(self.persona.facts)))
        out: dict[str, Callable[[], bool]] = {}
        for name, src in {**registry.BUILTIN_CONDITIONS, **self.persona.conditions}.items():
            try:
                fn, _ = compile_cached(src, known)
            except ValueError as exc:
                raise PersonaError(f"condition '{name}': {exc}") from None
            out[name] = (lambda f: lambda: bool(f(self._variables())))(fn)
        return out

    def _holds(self, name: str) -> bool:
        cond = self._conditions.get(name)
        if cond is None:
            raise PersonaError(f"unknown condition '{name}'")
        return cond()

    def _callback(self, name: str) -> Callable[[], None]:
        base, _, arg = name.partition(":")
        spec = registry.CALLBACKS.get(base)
        if spec is None:
            raise PersonaError(f"unknown callback '{base}'")
        if spec.arg == "fact" and arg not in self.persona.facts:
            raise PersonaError(f"callback '{name}' names unknown fact '{arg}'")
        method = getattr(self, f"_cb_{base}")
        return partial(method, arg) if spec.arg else method

    def _add(self, spec: Transition) -> None:
        conditions = []
        for c in spec.when:
            if c not in self._conditions:
                raise PersonaError(f"unknown condition '{c}'")
            conditions.append(self._conditions[c])
        unless = []
        for c in spec.unless:
            if c not in self._conditions:
                raise PersonaError(f"unknown condition '{c}'")
            unless.append(self._conditions[c])
        after = [partial(self._mark_fired, spec)] + [self._callback(d) for d in spec.do]
        sources = list(self._states) if spec.sources == ["*"] else spec.sources
        for src in sources:
            if src not in self._states:
                raise PersonaError(f"unknown state '{src}'")
        if spec.to is not None and spec.to not in self._states:
            raise PersonaError(f"unknown state '{spec.to}'")
        sources = [s for s in sources if not self._states[s].final]
        if not sources:
            return
        for trig in spec.triggers:
            if trig not in registry.trigger_names():
                raise PersonaError(f"unknown trigger '{trig}'")
            self.machine.add_transition(
                trig, sources, spec.to if spec.to is not None else None,
                conditions=conditions, unless=unless, after=after,
            )
            for s in sources:
                self._triggers_by_state[s].add(trig)

    def _check_answers(self) -> None:
        """Every name an answer uses exists (shared answers included), before any turn."""
        for intent in set(self.persona.answers) | set(shared_answers()):
            for ans in candidates(self.persona, intent):
                for c in [*ans.when, *ans.unless]:
                    if c not in self._conditions:
                        raise PersonaError(f"answers.{intent}: unknown condition '{c}'")
                for d in ans.do:
                    self._callback(d)
