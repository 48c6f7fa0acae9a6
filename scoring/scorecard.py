"""The scorecard: what a graded session says, and its JSON contract (DESIGN.md section 9).

Plain dataclasses rather than pydantic models: a scorecard is built hundreds of times
a second in batch scoring, and ``to_dict`` fixes the key order and rounds every float
so that the same session always gives byte-identical JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scoring.rubric import DIMENSIONS


def r1(x: float | None) -> float | None:
    """Round for the card: one decimal for scores, stable across platforms."""
    return None if x is None else round(x + 0.0, 1)  # + 0.0: a float, and no -0.0


def r2(x: float | None) -> float | None:
    return None if x is None else round(x + 0.0, 2)


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: the turn (None: not about one turn), the words, why it matters."""

    turn: int | None
    quote: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"turn": self.turn, "quote": self.quote, "note": self.note}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(d.get("turn"), d.get("quote", ""), d.get("note", ""))


@dataclass
class CheckResult:
    """One check on the card. ``applies`` False: the call gave no occasion for it, and its
    points are left out of the dimension (``passed`` is then None)."""

    id: str
    description: str
    points: float
    earned: float
    passed: bool | None
    applies: bool
    evidence: list[Evidence]
    tip: str | None

    @property
    def lost(self) -> float:
        return self.points - self.earned if self.applies else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "description": self.description,
            "points": r2(self.points),
            "earned": r2(self.earned),
            "passed": self.passed,
            "applies": self.applies,
            "evidence": [e.to_dict() for e in self.evidence],
            "tip": self.tip,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CheckResult:
        return cls(
            d["id"], d.get("description", ""), d.get("points", 0.0), d.get("earned", 0.0),
            d.get("passed"), d.get("applies", True),
            [Evidence.from_dict(e) for e in d.get("evidence", [])], d.get("tip"),
        )


@dataclass
class DimensionResult:
    """A dimension: score = points earned / points available among the checks that apply."""

    name: str
    title: str
    weight: float
    score: float | None
    checks: list[CheckResult]
    note: str = ""

    @property
    def assessed(self) -> bool:
        return self.score is not None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "title": self.title,
            "score": r1(self.score),
            "weight": r2(self.weight),
            "assessed": self.assessed,
            "checks": [c.to_dict() for c in self.checks],
        }
        if self.note:
            d["note"] = self.note
        return d

    @classmethod
    def from_dict(cls, name: str, d: dict[str, Any]) -> DimensionResult:
        return cls(name, d.get("title", name), d.get("weight", 0.0), d.get("score"),
                   [CheckResult.from_dict(c) for c in d.get("checks", [])], d.get("note", ""))


@dataclass(frozen=True)
class Violation:
    """One broken compliance rule: its citation, the turn and the words that broke it."""

    rule: str
    citation: str
    turn: int | None
    quote: str
    severity: str  # "critical" | "major"
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "citation": self.citation,
            "turn": self.turn,
            "quote": self.quote,
            "severity": self.severity,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Violation:
        return cls(d["rule"], d.get("citation", ""), d.get("turn"), d.get("quote", ""),
                   d.get("severity", "major"), d.get("message", ""))


@dataclass(frozen=True)
class Skipped:
    """A compliance rule that could not be judged, and why (honest about transcripts)."""

    rule: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "reason": self.reason}


@dataclass
class Compliance:
    """The compliance gate's findings: violations, rules not checked, and notes."""

    violations: list[Violation] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def critical(self) -> bool:
        return any(v.severity == "critical" for v in self.violations)

    @property
    def major(self) -> bool:
        return any(v.severity == "major" for v in self.violations)

    @property
    def passed(self) -> bool:
        return not self.violations

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "critical": self.critical,
            "violations": [v.to_dict() for v in self.violations],
            "skipped": [s.to_dict() for s in self.skipped],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Outcome:
    """What the call achieved, reported beside the score."""

    type: str | None  # agreed terms kind, else the call's outcome
    call_outcome: str | None
    amount_secured: float | None
    balance: float | None
    final_trust: float | None
    agreed: dict[str, Any] | None = None
    unresolved: float | None = None  # what agreed terms leave of the balance, when something

    @property
    def share_secured(self) -> float | None:
        if self.amount_secured is None or not self.balance:
            return None
        return self.amount_secured / self.balance

    def to_dict(self) -> dict[str, Any]:
        share = self.share_secured
        return {
            "type": self.type,
            "call_outcome": self.call_outcome,
            "amount_secured": r2(self.amount_secured),
            "balance": r2(self.balance),
            "share_secured": None if share is None else round(share, 3),
            "final_trust": r1(self.final_trust),
            "agreed": self.agreed,
            **({"unresolved": r2(self.unresolved)} if self.unresolved else {}),
        }


@dataclass(frozen=True)
class Tip:
    """One thing to work on, with the overall points its check lost."""

    dimension: str
    check: str
    tip: str
    points_lost: float  # overall points lost (after weighting)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "check": self.check,
            "tip": self.tip,
            "points_lost": r1(self.points_lost),
        }


@dataclass
class Scorecard:
    """A graded session. ``to_dict()`` is the contract; keep its key order stable."""

    overall: float
    passed: bool
    dimensions: dict[str, DimensionResult]
    compliance: Compliance
    outcome: Outcome
    tips: list[Tip]
    transcript: list[dict[str, Any]]
    meta: dict[str, Any]
    uncapped: float | None = None  # the overall before a critical violation capped it
    assessed_weight: float | None = None  # percent of the rubric's weight that could be assessed
    incomplete: str = ""  # why the card cannot pass for want of evidence, or ""
    pass_mark: float | None = None  # the overall a pass needs (the rubric's), shown on a failed card

    def dimension(self, name: str) -> DimensionResult:
        return self.dimensions[name]

    def check(self, check_id: str) -> CheckResult:
        """The result of one check, wherever the rubric put it."""
        for dim in self.dimensions.values():
            for c in dim.checks:
                if c.id == check_id:
                    return c
        raise KeyError(check_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": r1(self.overall),
            "passed": self.passed,
            "uncapped": r1(self.uncapped),
            "dimensions": {name: self.dimensions[name].to_dict() for name in DIMENSIONS if name in self.dimensions},
            "compliance": self.compliance.to_dict(),
            "outcome": self.outcome.to_dict(),
            "tips": [t.to_dict() for t in self.tips],
            "transcript": self.transcript,
            "assessed_weight": r1(self.assessed_weight),
            "incomplete": self.incomplete or None,
            "meta": self.meta,
            "pass_mark": self.pass_mark,
        }

    def to_json(self, indent: int | None = 2) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)

    def summary_row(self) -> dict[str, Any]:
        """One flat row (CSV, tables): the numbers a team lead compares."""
        meta = self.meta
        return {
            "trainee": meta.get("trainee") or "",
            "scenario": meta.get("scenario_id") or "",
            "overall": r1(self.overall),
            "passed": self.passed,
            **{name: r1(self.dimensions[name].score) if name in self.dimensions else None for name in DIMENSIONS},
            "violations": len(self.compliance.violations),
            "outcome": self.outcome.type or "",
            "amount_secured": r2(self.outcome.amount_secured),
        }
