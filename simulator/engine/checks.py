"""Scripted checks a scenario carries: lines to play and what must come of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.content.library import Library
from simulator.content.models import Preparation, Scenario, ScriptedCheck

if TYPE_CHECKING:
    from simulator.session import Session


@dataclass
class CheckResult:
    scenario: str
    name: str
    failures: list[str] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def run_check(scenario: Scenario, check: ScriptedCheck, library: Library,
              scenario_path: Path | None = None) -> CheckResult:
    from simulator.session import Session

    persona = library.persona_for(scenario, scenario_path)
    call_time = check.call_time or scenario.call.local_time
    prep = (check.preparation.model_copy(update={"call_time": check.preparation.call_time or call_time})
            if check.preparation is not None else Preparation(call_time=call_time))
    session = Session.start(scenario, seed=check.seed if check.seed is not None else scenario.seed,
                            preparation=prep, library=library, persona=persona)
    res = CheckResult(scenario.id, check.name)
    res.transcript.append(f"debtor: {session.opening}")
    for line in check.lines:
        if not line.strip():
            continue  # an empty line is not a turn
        if session.ended:
            res.transcript.append(f"(call ended; not played: {line})")
            continue
        turn = session.say(line)
        res.transcript.append(f"you: {line}  [{', '.join(turn.analysis.move_names) or '-'}]")
        res.transcript.append(f"debtor: {turn.reply}  ({turn.state})")
    if not session.ended:
        session.call.end_by_script()
    result = session.result()
    exp = check.expect
    if exp.state and session.state != exp.state:
        res.failures.append(f"expected state '{exp.state}', got '{session.state}'")
    if exp.outcome and result.outcome != exp.outcome:
        res.failures.append(f"expected outcome '{exp.outcome}', got '{result.outcome}'")
    for ev in exp.events:
        if ev not in result.events:
            res.failures.append(f"expected event '{ev}' (events: {', '.join(result.events) or 'none'})")
    if exp.agreed:
        got = result.agreed.kind if result.agreed else "nothing"
        if got != exp.agreed:
            res.failures.append(f"expected agreement '{exp.agreed}', got {got}")
    if exp.max_turns is not None:
        # end_by_script() above marks every call ended; only a call the lines ended counts.
        ended_at = len(session.turns) if session.call.ended_by == "debtor" else None
        if ended_at is None or ended_at > exp.max_turns:
            res.failures.append(
                f"expected the call to end within {exp.max_turns} turn(s); "
                + ("it did not end" if ended_at is None else f"it ended at turn {ended_at}")
            )
    if exp.scored:
        session.wrap_up(check.agreement, check.notes)
        res.failures += card_failures(check, session)
    return res


def card_failures(check: ScriptedCheck, session: Session) -> list[str]:
    """What the scorecard of a scored check gets wrong: its verdict, its overall score,
    a finding it should carry (a compliance rule violated, or a rubric check missed)."""
    from scoring.scorer import score

    card = score(session.finish())
    exp = check.expect
    out: list[str] = []
    rules = {v.rule for v in card.compliance.violations}
    shown = ", ".join(f"{v.rule} (turn {v.turn})" for v in card.compliance.violations) or "none"
    if exp.passed is not None and card.passed != exp.passed:
        out.append(f"expected the card to {'pass' if exp.passed else 'fail'}; it "
                   f"{'passed' if card.passed else 'failed'} ({card.overall:.1f}; violations: {shown})")
    if exp.min_overall is not None and card.overall < exp.min_overall:
        out.append(f"expected an overall score of at least {exp.min_overall:g}, got {card.overall:.1f}")
    for f in exp.findings:
        if f in rules:
            continue
        try:
            c = card.check(f)
        except KeyError:  # a compliance rule id, not violated
            c = None
        if c is None or not (c.applies and c.passed is False):
            out.append(f"expected the finding '{f}' (violations: {shown})")
    return out
