"""What a check returns, and the registry that maps rubric check ids to code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from scoring.context import CallView
from scoring.scorecard import Evidence
from scoring.text import move_quote
from scoring.text import quote as _quote

__all__ = ["Finding", "na", "ev", "check", "move_quote", "REGISTRY", "CheckFn"]


@dataclass
class Finding:
    """A check's verdict: the share of its points earned, and the evidence for it.

    ``passed`` defaults to "earned everything"; graded checks may say otherwise.
    ``applies`` False means the call gave no occasion for the check (its points are
    left out of the dimension), and the evidence says why.
    """

    fraction: float
    evidence: list[Evidence] = field(default_factory=list)
    passed: bool | None = None
    applies: bool = True

    def __post_init__(self) -> None:
        self.fraction = min(1.0, max(0.0, self.fraction))
        if self.passed is None and self.applies:
            self.passed = self.fraction >= 0.999


def na(note: str) -> Finding:
    """Not applicable: the call gave no occasion for this check."""
    return Finding(0.0, [Evidence(None, "", note)], passed=None, applies=False)


def ev(turn: int | None, quote: str, note: str) -> Evidence:
    return Evidence(turn, _quote(quote), note)


CheckFn = Callable[[CallView], Finding]
REGISTRY: dict[str, CheckFn] = {}


def check(check_id: str) -> Callable[[CheckFn], CheckFn]:
    """Register the function that evaluates a rubric check id."""

    def deco(fn: CheckFn) -> CheckFn:
        if check_id in REGISTRY:
            raise RuntimeError(f"check '{check_id}' registered twice")
        REGISTRY[check_id] = fn
        return fn

    return deco

