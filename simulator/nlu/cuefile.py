"""The cue file's shape and its checks.

Cue files (the shipped ``cues.yaml``, and a ``cues:`` block in a persona or scenario)
map move names to phrases, regular expressions, examples and negative phrases. This
module says what a valid one looks like (``CueSet`` / ``CUE_SCHEMA``) and reports every
problem in one pass (``check_cues``) instead of failing on the first.
"""

from __future__ import annotations

import re
from typing import Any

from simulator.diagnostics import Problem
from simulator.nlu.types import MOVES

#: The lists one move may carry.
CUE_KINDS: tuple[str, ...] = ("phrases", "patterns", "examples", "negative")

_MAX_PATTERN = 2000
# Nested quantifiers such as (a+)+ or (\w*)* backtrack catastrophically.
_NESTED_QUANT = re.compile(r"\((?:\?:)?(?:\\[a-zA-Z]|\[[^\]]*\]|\.|\w)[+*]\)[+*{]")


def _models() -> dict[str, Any]:
    """Build the pydantic models on first use: pydantic is slow to import, and the
    analyser must start fast without it."""
    if _MODELS:
        return _MODELS
    from pydantic import BaseModel, ConfigDict, Field

    class MoveCues(BaseModel):
        """Cues for one move. Every list is optional."""

        model_config = ConfigDict(extra="forbid")

        phrases: list[str] = Field(default_factory=list,
                                   description="literal words, case-insensitive")
        patterns: list[str] = Field(default_factory=list, description="Python regular expressions")
        examples: list[str] = Field(default_factory=list, description="whole example utterances")
        negative: list[str] = Field(
            default_factory=list, description="phrases that cancel the move in the same sentence"
        )

    class CueSet(BaseModel):
        """A cue file, or the ``cues:`` block of a persona or scenario: ``{moves: {name: MoveCues}}``.

        A bare ``{name: MoveCues}`` mapping (without ``moves:``) is accepted by the loader too.
        """

        model_config = ConfigDict(extra="forbid")

        moves: dict[str, MoveCues] = Field(default_factory=dict)

    _MODELS.update(MoveCues=MoveCues, CueSet=CueSet, CUE_SCHEMA=CueSet.model_json_schema())
    return _MODELS


_MODELS: dict[str, Any] = {}


def __getattr__(name: str) -> Any:
    """``MoveCues``, ``CueSet`` (pydantic v2, extra='forbid') and ``CUE_SCHEMA`` (its JSON
    Schema) are built lazily; personas and scenarios embed ``CueSet`` as ``cues:``."""
    if name in ("MoveCues", "CueSet", "CUE_SCHEMA"):
        return _models()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def unwrap(data: Any) -> Any:
    """The ``{move: cues}`` mapping of a cue file, with or without the ``moves:`` key."""
    if isinstance(data, dict) and set(data) <= {"moves"} and isinstance(data.get("moves"), dict):
        return data["moves"]
    if isinstance(data, dict) and "moves" in data and not isinstance(data["moves"], dict):
        return data["moves"]
    return data


def pattern_problem(pattern: str) -> str | None:
    """Why a cue pattern is unusable, or None. Apostrophes are normalised as the analyser does."""
    if len(pattern) > _MAX_PATTERN:
        return f"is longer than {_MAX_PATTERN} characters"
    try:
        re.compile(normalise_pattern(pattern), re.IGNORECASE)
    except re.error as exc:
        return str(exc)
    if _NESTED_QUANT.search(pattern):
        return "has a nested quantifier (like (a+)+), which can take exponential time"
    return None


def normalise_pattern(pattern: str) -> str:
    """Let an apostrophe in a pattern match a straight one, a curly one (the text is
    normalised to straight ones) or none, so "i’m" also finds "im"."""
    return re.sub(r"[’'](?!\?)", "'?", pattern).replace("’?", "'?")


def check_cues(data: Any, file: str) -> list[Problem]:
    """Every problem in a cue mapping: unknown moves, wrong shapes, regexes that fail.

    ``line``/``col`` are 0 here; callers that know the YAML positions map them.
    """
    problems: list[Problem] = []

    def bad(msg: str) -> None:
        problems.append(Problem(file, 0, 0, msg))

    if data is None:
        return problems
    if isinstance(data, dict) and "moves" in data:
        extra = sorted(str(k) for k in data if k != "moves")
        for key in extra:
            bad(f"unknown key '{key}' in cue file (expected only 'moves')")
    moves = unwrap(data)
    if not isinstance(moves, dict):
        bad(f"cues must be a mapping of move names to cues, not {type(moves).__name__}")
        return problems
    for name, cues in moves.items():
        if name not in MOVES:
            bad(f"unknown move '{name}' in cues (known: {', '.join(MOVES)})")
            continue
        if cues is None:
            continue
        if not isinstance(cues, dict):
            bad(f"cues for '{name}' must be a mapping with {', '.join(CUE_KINDS)}")
            continue
        for kind, items in cues.items():
            if kind not in CUE_KINDS:
                bad(f"unknown key '{kind}' in cues for '{name}' (expected {', '.join(CUE_KINDS)})")
                continue
            if items is None:
                continue
            if not isinstance(items, list):
                bad(f"cue {kind} for '{name}' must be a list of strings")
                continue
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    bad(f"cue {kind} for '{name}' item {i + 1} must be a string, "
                        f"not {type(item).__name__}")
                    continue
                if not item.strip():
                    bad(f"cue {kind} for '{name}' item {i + 1} is empty")
                    continue
                if kind == "patterns":
                    why = pattern_problem(item)
                    if why:
                        bad(f"cue pattern for '{name}' does not compile: {why}"
                            if "nested" not in why and "longer" not in why
                            else f"cue pattern for '{name}' {why}")
    return problems
