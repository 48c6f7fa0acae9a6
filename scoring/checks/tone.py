"""Tone: courtesy across the call, no pressure or abuse, composure under fire.

Seeds: "be polite, patient, and understanding while maintaining a professional tone",
"don't be hostile", "if a debtor becomes agitated or defensive, it is crucial to
remain calm and composed".
"""

from __future__ import annotations

from scoring.checks.base import Finding, check, ev, move_quote, na
from scoring.context import CallView
from simulator.engine.records import Turn

BAD_MOVES = ("threat", "abuse", "pressure")


def bad_moves(turn: Turn) -> list[str]:
    return [m for m in BAD_MOVES if turn.analysis.has(m)]


@check("mean_tone")
def mean_tone(view: CallView) -> Finding:
    mean = view.mean_tone
    if mean is None:
        return na("no trainee lines")
    th = view.th
    fraction = (mean - th.tone_floor) / (th.tone_target - th.tone_floor)
    evidence = [ev(None, f"{mean:+.2f}", f"mean tone over {len(view.turns)} lines "
                   f"(full marks from {th.tone_target:+.2f})")]
    coldest = sorted((t for t in view.turns if t.analysis.tone.score < 0),
                     key=lambda t: (t.analysis.tone.score, t.index))[:2]
    for t in coldest:
        tone = t.analysis.tone
        why = f" ({', '.join(tone.reasons[:2])})" if tone.reasons else ""
        evidence.append(ev(t.index, t.text, f"tone {tone.score:+.2f} {tone.label}{why}"))
    return Finding(fraction, evidence, passed=mean >= th.tone_target - 1e-9)


@check("no_pressure_or_abuse")
def no_pressure_or_abuse(view: CallView) -> Finding:
    if not view.turns:
        return na("no trainee lines")
    evidence = []
    bad_turns = 0
    for t in view.turns:
        found = bad_moves(t)
        if found:
            bad_turns += 1
            for m in found:
                evidence.append(ev(t.index, move_quote(t, m) or t.text, m))
    if not bad_turns:
        return Finding(1.0, [ev(None, "", f"no pressure, threats or abuse in {len(view.turns)} lines")])
    return Finding(1.0 - view.th.pressure_penalty * bad_turns, evidence, passed=False)


@check("composure")
def composure(view: CallView) -> Finding:
    """After each provocation, the next few trainee lines must stay at least neutral."""
    th = view.th
    provocations: list[int] = [0] if view.hostile_opening else []
    provocations += [t.index for t in view.turns if view.is_hostile_reply(t)]
    by_index = {t.index: t for t in view.turns}
    judged = ok = 0
    evidence = []
    for p in provocations:
        window = [by_index[i] for i in range(p + 1, p + 1 + th.composure_window) if i in by_index]
        if not window:
            continue
        judged += 1
        lapses = [t for t in window if t.analysis.tone.score < th.composure_min_tone - 1e-9 or bad_moves(t)]
        what = "the hostile opening" if p == 0 else f"the debtor's escalation at turn {p}"
        if lapses:
            t = lapses[0]
            label = ", ".join(bad_moves(t)) or f"tone {t.analysis.tone.score:+.2f}"
            evidence.append(ev(t.index, t.text, f"lost composure after {what} ({label})"))
        else:
            ok += 1
            t = window[0]
            evidence.append(ev(t.index, t.text, f"stayed composed after {what}"))
    if not judged:
        return na("the debtor never escalated")
    return Finding(ok / judged, evidence)
