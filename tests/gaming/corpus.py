"""Load the gaming corpus and judge each record against its ``expect:`` block.

A record is an ordinary session record (DESIGN.md section 8) with one extra field:

    expect:
      kind: falsified_record        # the kind of gaming, for the counts
      verdict: fail                 # pass | fail
      finding: falsified_record     # a compliance rule id, or a rubric check id
      citation: "15 U.S.C. 1692e"   # text the finding's citation must contain
      waits_for: analyser           # optional: analyser | engine (a change not landed yet)
      min_overall: 80               # honest calls: the least overall score
      full_marks: true              # textbook calls: every check that applies earns all its
      may_miss: [notes_key_facts]   #   points, except those named here

A rule finding is a violation with that rule whose citation contains ``citation``. A check
finding is that check, applying and not passed; its citation is the rubric's
(``citation: rubric``), with the dimension and check id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "heldout")


@dataclass
class Record:
    path: Path
    split: str
    data: dict[str, Any]
    expect: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def honest(self) -> bool:
        return self.expect["verdict"] == "pass"

    @property
    def kind(self) -> str:
        return self.expect.get("kind", "honest" if self.honest else "?")


@dataclass
class Judgement:
    record: Record
    passed: bool  # the card's verdict
    overall: float
    found: bool  # the expected finding is on the card, with its citation (dishonest only)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def read(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """A record file as (the session record, its ``expect:`` block or {})."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data, data.pop("expect", None) or {}


def load(split: str | None = None) -> list[Record]:
    """Every record of a split (or of both), sorted by split and name."""
    out = []
    for s in SPLITS if split in (None, "all") else (split,):
        for p in sorted((HERE / s).glob("*.yaml")):
            data, expect = read(p)
            out.append(Record(p, s, data, expect))
    return out


def check_citation(card: Any, check_id: str) -> str | None:
    """The rubric citation of a check on the card: 'rubric <dimension>.<check>'."""
    for name, dim in card.dimensions.items():
        for c in dim.checks:
            if c.id == check_id:
                return f"rubric {name}.{check_id}"
    return None


def has_finding(card: Any, finding: str, citation: str) -> bool:
    for v in card.compliance.violations:
        if v.rule == finding and citation.lower() in (v.citation or "").lower():
            return True
    cite = check_citation(card, finding)
    if cite is not None and citation.lower() in cite:
        c = card.check(finding)
        return bool(c.applies and c.passed is False)
    return False


def judge(record: Record) -> Judgement:
    from scoring.api import score_record

    card = score_record(record.data, base=record.path.parent)
    overall = round(card.overall, 1)
    e = record.expect
    problems = []
    found = False
    if record.honest:
        if not card.passed:
            why = card.incomplete or "; ".join(f"{v.rule} turn {v.turn}" for v in card.compliance.violations)
            problems.append(f"honest call failed ({overall}){': ' + why if why else ''}")
        elif overall < e.get("min_overall", 80):
            problems.append(f"honest call scored {overall} < {e.get('min_overall', 80)}")
        if e.get("full_marks"):
            allowed = set(e.get("may_miss", ()))
            problems += [f"textbook call lost points on {c.id} ({c.earned:g}/{c.points:g})"
                         for d in card.dimensions.values() for c in d.checks
                         if c.applies and c.earned < c.points and c.id not in allowed]
    else:
        found = has_finding(card, e["finding"], e["citation"])
        if card.passed:
            problems.append(f"dishonest call passed ({overall})")
        if not found:
            problems.append(f"no finding {e['finding']} citing {e['citation']!r}")
    return Judgement(record, card.passed, overall, found, problems)
