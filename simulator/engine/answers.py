"""Answers to questions: which of a persona's answers (or the shared ones) fits now.

A persona's ``answers:`` map a question intent (simulator/nlu/questions.yaml) or a
special intent (registry.SPECIAL_INTENTS) to a list of answers; the first whose states
and conditions fit is said. The shared answers in ``simulator/content/answers.yaml``
come after the persona's own, so a persona only writes what is its own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from simulator.content.models import Answer, Persona, Strict

DEFAULTS_FILE = Path(__file__).resolve().parent.parent / "content" / "answers.yaml"


class SharedAnswers(Strict):
    """The file of answers every persona shares."""

    answers: dict[str, list[Answer]]


@lru_cache(maxsize=1)
def shared_answers() -> dict[str, list[Answer]]:
    """The shared answers, validated (a broken file is a ContentError naming its lines)."""
    from simulator.content import cache

    def build() -> dict[str, list[Answer]]:
        from simulator.content.loader import schema_problems
        from simulator.diagnostics import ContentError
        from simulator.yamlio import read_yaml

        loaded = read_yaml(DEFAULTS_FILE)
        model, problems = (None, loaded.problems) if loaded.problems else schema_problems(
            loaded, SharedAnswers, "answers")
        if model is None or problems:
            raise ContentError(problems)
        return model.answers

    return cache.derived("answers", DEFAULTS_FILE.read_text(encoding="utf-8"), build)


def candidates(persona: Persona, intent: str) -> list[Answer]:
    return list(persona.answers.get(intent, ())) + list(shared_answers().get(intent, ()))


def pick(persona: Persona, intent: str, state: str, holds: Callable[[str], bool]) -> Answer | None:
    """The first answer to ``intent`` that fits the state and whose conditions hold."""
    for ans in candidates(persona, intent):
        if ans.sources != ["*"] and state not in ans.sources:
            continue
        if all(holds(c) for c in ans.when) and not any(holds(c) for c in ans.unless):
            return ans
    if intent.startswith("small_talk_"):  # small talk about X: small talk will do
        return pick(persona, "small_talk", state, holds)
    from simulator.nlu.questions import parent_of

    parent = parent_of(intent)  # "which court?": a bankruptcy question, however asked
    return pick(persona, parent, state, holds) if parent else None
