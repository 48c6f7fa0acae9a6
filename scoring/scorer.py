"""The scorer: a finished session in, a scorecard out. Pure: no I/O, no clock.

Each dimension is the points earned over the points available among the checks that
apply to this call; the overall is the weighted mean of the dimensions that could be
assessed, capped when the compliance gate finds a critical violation. ``created_at``
is the caller's to give (a pure function must not read the clock), so the same session
always gives the same card.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from scoring.checks import REGISTRY
from scoring.coach_help import coach_help
from scoring.compliance import check_compliance
from scoring.context import STOP_EVENTS, CallView, FactInfo
from scoring.rubric import Rubric, load_default_rubric
from scoring.scorecard import (
    CheckResult,
    DimensionResult,
    Evidence,
    Outcome,
    Scorecard,
    Tip,
    r2,
)
from scoring.written_only import with_written_only
from simulator.engine.records import FinishedSession, Terms, Turn
from simulator.hashing import model_hash

#: Dimensions a recorded call has no data for (no preparation form, no wrap-up form).
SESSION_ONLY: frozenset[str] = frozenset({"preparation", "documentation"})

_OVERRIDE_CACHE: dict[tuple[str, str], Rubric] = {}


def effective_rubric(base: Rubric, scenario: Any) -> Rubric:
    """The base rubric with the scenario's override applied (cached: scoring a batch
    of sessions of one scenario builds the merged rubric once)."""
    override = getattr(scenario, "rubric", None) if scenario is not None else None
    if override is None:
        return base
    data = override.model_dump(mode="json", exclude_none=True) if hasattr(override, "model_dump") else dict(override)
    key = (base.content_hash(), json.dumps(data, sort_keys=True))
    hit = _OVERRIDE_CACHE.get(key)
    if hit is None:
        hit = base.with_override(override)
        if len(_OVERRIDE_CACHE) > 256:
            _OVERRIDE_CACHE.clear()
        _OVERRIDE_CACHE[key] = hit
    return hit


def analyser_hashes() -> dict[str, str]:
    """The analyser's learned model, by content: a card read by another model says so."""
    from simulator.nlu.learned import model_digest

    digest = model_digest()
    return {"model": digest} if digest else {}


def _content_hash(model: Any) -> str | None:
    """The engine gives the hashes; a hand-built session may not."""
    return model_hash(model) if model is not None and hasattr(model, "model_dump") else None


def view_from_session(session: FinishedSession, rubric: Rubric) -> CallView:
    persona = session.persona
    facts = {
        name: FactInfo(name, f.text, f.kind, tuple(f.keywords))
        for name, f in (persona.facts.items() if persona is not None else ())
    }
    account = session.account
    return CallView(
        source="session",
        turns=with_written_only(list(session.turns)),
        opening=session.opening or "",
        rubric=rubric,
        record=session.record,
        scenario=session.scenario,
        persona=persona,
        account=account,
        result=session.result,
        facts=facts,
        balance=account.account.balance if account is not None else None,
    )


def _created(created_at: Any) -> str | None:
    if created_at is None:
        return None
    if isinstance(created_at, dt.datetime):
        return created_at.isoformat()
    return str(created_at)


def session_meta(session: FinishedSession, rubric: Rubric, created_at: Any = None) -> dict[str, Any]:
    from simulator import __version__

    record = session.record
    hashes = dict(session.hashes or {})
    meta: dict[str, Any] = {
        "tool_version": __version__,
        "source": "session",
        "scenario_id": session.scenario.id if session.scenario is not None else getattr(record, "scenario", None),
        "persona_id": session.persona.id if session.persona is not None else None,
        "trainee": getattr(record, "trainee", "") or "",
        "seed": getattr(record, "seed", None),
        "rubric": rubric.name,
        "hashes": {
            "scenario": hashes.get("scenario") or _content_hash(session.scenario),
            "persona": hashes.get("persona") or _content_hash(session.persona),
            "rubric": rubric.content_hash(),
            **analyser_hashes(),
        },
        "call": {
            "turns": len(session.turns),
            "ended_by": session.result.ended_by if session.result is not None else None,
            "unplayed": len(session.unplayed or []),
        },
    }
    created = _created(created_at)
    if created is not None:
        meta["created_at"] = created
    meta["session"] = record.model_dump(mode="json", exclude_none=True) if record is not None else None
    return meta


def score(session: FinishedSession, rubric: Rubric | None = None, *, created_at: Any = None) -> Scorecard:
    """Grade one finished session. Same session and rubric -> the same card, byte for byte."""
    effective = effective_rubric(rubric or load_default_rubric(), session.scenario)
    view = view_from_session(session, effective)
    return score_view(view, session_meta(session, effective, created_at))


# ---------------------------------------------------------------------------- core


def _run_check(view: CallView, spec: Any) -> CheckResult:
    finding = REGISTRY[spec.id](view)
    earned = spec.points * finding.fraction if finding.applies else 0.0
    missed = finding.applies and not finding.passed
    # positional: built for every check of every card
    return CheckResult(spec.id, spec.description, spec.points, round(earned, 4),
                       finding.passed if finding.applies else None, finding.applies,
                       finding.evidence, _tip_for(view, spec, earned) if missed else None)


_QUOTED = re.compile(r'"([^"]+)"')


def _tip_for(view: CallView, spec: Any, earned: float) -> str:
    """The tip for a missed check, with an example that fits the debtor in this call."""
    if spec.partial_tip and earned > 0:
        return spec.partial_tip
    tip = spec.persona_tips.get(view.archetype)
    return tip if tip is not None and _heard(view, tip) else spec.tip


def _heard(view: CallView, tip: str) -> bool:
    """Whether a persona tip's quoted example is about something the debtor said in this
    call: a tip may not quote a fact the trainee never heard ("So the statements went to
    the old address..." to a debtor who never mentioned them: tester10 3.8)."""
    quoted = _QUOTED.findall(tip)
    if not quoted:
        return True
    said: set[str] = set(view.content_words(view.opening or ""))
    for t in view.turns:
        said.update(view.content_words(t.reply or ""))
    return all(set(view.content_words(q)) & said for q in quoted)


def _never_shown(view: CallView, name: str) -> bool:
    """A dimension this kind of call cannot show: a recording has no preparation or wrap-up."""
    return view.source != "session" and name in SESSION_ONLY


def _dimension(view: CallView, name: str, dim: Any) -> DimensionResult:
    if _never_shown(view, name):
        why = "a recorded call has no preparation or wrap-up data"
        checks = [
            CheckResult(c.id, c.description, c.points, 0.0, None, False, [Evidence(None, "", why)], None)
            for c in dim.checks
        ]
        return DimensionResult(name, dim.title, dim.weight, None, checks, note=f"not assessed: {why}")
    checks = [_run_check(view, c) for c in dim.checks]
    available = sum(c.points for c in checks if c.applies)
    if available <= 0:
        return DimensionResult(name, dim.title, dim.weight, None, checks,
                               note="not assessed: no check applied to this call")
    earned = sum(c.earned for c in checks if c.applies)
    return DimensionResult(name, dim.title, dim.weight, 100.0 * earned / available, checks)


def terms_amount(t: Terms) -> float:
    """What agreed terms collect: the total, or instalments times count plus any upfront."""
    if t.total:
        return t.total
    return t.upfront + t.monthly * t.count


def outcome_of(view: CallView) -> Outcome:
    result = view.result
    if result is None:
        return Outcome(None, None, None, view.balance, None)
    agreed = result.agreed
    trust = result.numbers.get("trust") if result.numbers else None
    if agreed is None:
        return Outcome(result.outcome, result.outcome, 0.0, view.balance, trust)
    secured = terms_amount(agreed)
    if view.balance:
        secured = min(secured, view.balance)  # a plan's last instalment is only what is left
    left = round(view.balance - secured, 2) if view.balance and view.balance - secured > view.th.amount_tolerance else None
    return Outcome(agreed.kind, result.outcome, secured, view.balance, trust, agreed.to_dict(), left)


def transcript_of(view: CallView) -> list[dict[str, Any]]:
    return [_turn_dict(t) for t in view.turns]


def _turn_dict(t: Turn) -> dict[str, Any]:
    tone = t.analysis.tone
    return {
        "turn": t.index,
        "trainee": t.text,
        "moves": [{"move": m.move, "evidence": m.evidence} for m in t.analysis.moves],
        "tone": {"score": round(tone.score, 3), "label": tone.label},
        "debtor": t.reply,
        "state": t.state,
        "events": list(t.events),
    }


#: Dimensions whose tips ask for more collecting: none after the debtor stopped it.
COLLECTING_DIMENSIONS = ("flexibility",)


def _tips(view: CallView, dims: dict[str, DimensionResult], compliance: Any, overall: float, uncapped: float) -> list[Tip]:
    tips: list[Tip] = []
    seen: set[str] = set()
    for v in compliance.violations:
        if v.rule in seen:
            continue
        seen.add(v.rule)
        rule = view.rubric.rule(v.rule)
        lost = (uncapped - overall) if v.severity == "critical" else 0.0
        tips.append(Tip("compliance", v.rule, (rule.tip if rule and rule.tip else rule.description if rule else v.message), lost))
    assessed = [d for d in dims.values() if d.assessed and d.weight > 0]
    total_w = sum(d.weight for d in assessed)
    # After a dispute, a cease, an attorney, a bankruptcy ..., "offer another option" or "ask
    # for the balance first" would be advice to collect again (tester6's dispute, attorney and
    # bankruptcy calls): no tip of that dimension then.
    stopped = any(event in STOP_EVENTS for _, event, _ in view.requests)
    said = {t.tip for t in tips}
    missed: list[tuple[float, int, Tip]] = []
    order = 0
    for d in assessed:
        available = sum(c.points for c in d.checks if c.applies)
        for c in d.checks:
            order += 1
            if not c.applies or c.passed or not c.tip or (stopped and d.name in COLLECTING_DIMENSIONS):
                continue
            lost = (c.points - c.earned) / available * 100.0 * d.weight / total_w
            missed.append((-round(lost, 6), order, Tip(d.name, c.id, c.tip, lost)))
    if _hung_up_on_tone(view):
        # The debtor hung up on the trainee's own line before any option was put: the lesson is
        # the tone that ended the call, not "offer another option" (tester7, hostile-basic_2).
        missed = [(0.0 if tip.dimension == "tone" else 1.0, lost, tip) for lost, _, tip in missed
                  if not (tip.dimension == "flexibility" and not view.offers)]
    missed.sort(key=lambda x: (x[0], x[1]))
    unique: dict[str, Tip] = {}  # one tip said once ("Check the creditor policy ..." was printed twice)
    for _, _, tip in missed:
        unique.setdefault(tip.tip, tip)
    fresh = [tip for text, tip in unique.items() if text not in said]
    return tips + fresh[: view.rubric.max_tips]


def _hung_up_on_tone(view: CallView) -> bool:
    """Did the debtor hang up in reply to a line with pressure, a threat, abuse or a cold tone?"""
    from scoring.checks.tone import bad_moves

    last = view.turns[-1] if view.turns else None
    if last is None or "hung_up" not in last.events:
        return False
    return bool(bad_moves(last)) or last.analysis.tone.score < view.th.composure_min_tone - 1e-9


def score_view(view: CallView, meta: dict[str, Any]) -> Scorecard:
    """Grade any call view (a session or an imported transcript)."""
    rubric = view.rubric
    compliance = view.memo["compliance"] = check_compliance(view)  # the checks read what it flags
    dims = {name: _dimension(view, name, dim) for name, dim in rubric.dimensions.items()}
    weighted = [(d.weight, d.score) for d in dims.values() if d.score is not None and d.weight > 0]
    total_w = sum(w for w, _ in weighted)
    uncapped = sum(w * s for w, s in weighted) / total_w if total_w else 0.0
    uncapped = round(uncapped, 6)
    overall = min(uncapped, rubric.critical_cap) if compliance.critical else uncapped
    helped = coach_help(view.record) if view.record is not None else None
    if helped:  # lines taken from coach-mode suggestions cost points (scoring/coach_help.py)
        overall = max(0.0, overall - helped["points"])
        meta = {**meta, "coach_help": helped}
    # Share of the weight this kind of call could show that this call did show.
    possible = sum(d.weight for d in dims.values() if d.weight > 0 and not _never_shown(view, d.name))
    share = 100.0 * total_w / possible if possible else 0.0
    incomplete = _incomplete(dims, share, rubric.min_assessed_weight)
    # A critical violation caps the score; a major one (beyond authority, a request left out
    # of the notes) fails the session without a cap. Either way the card cannot pass.
    passed = bool(total_w) and round(overall, 1) >= rubric.pass_mark and not compliance.violations \
        and not incomplete
    return Scorecard(
        overall=overall,
        passed=passed,
        dimensions=dims,
        compliance=compliance,
        outcome=outcome_of(view),
        tips=_tips(view, dims, compliance, overall, uncapped),
        transcript=transcript_of(view),
        meta=meta,
        uncapped=uncapped,
        assessed_weight=share,
        incomplete=incomplete,
        pass_mark=rubric.pass_mark,
    )


def _incomplete(dims: dict[str, DimensionResult], share: float, minimum: float) -> str:
    """Why the card cannot pass for want of evidence, or "" when enough was assessed."""
    if round(share, 1) >= minimum:
        return ""
    done = [d.title for d in dims.values() if d.score is not None and d.weight > 0]
    what = ", ".join(done) if done else "nothing"
    return (f"not enough of the call to judge: only {what} could be assessed "
            f"({share:.0f}% of the weight such a call can show; a pass needs {minimum:g}%)")


__all__ = ["score", "score_view", "effective_rubric", "view_from_session", "session_meta", "r2"]
