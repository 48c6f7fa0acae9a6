"""Scripted checks a scenario carries: lines to play and what must come of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from simulator.content.library import Library
from simulator.content.models import Preparation, Scenario, ScriptedCheck


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
    prep = Preparation(call_time=check.call_time or scenario.call.local_time)
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
    return res
