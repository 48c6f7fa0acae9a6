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
#: Findings of the gate that are pressure, threats or abuse whatever the analyser read.
PRESSURE_RULES = frozenset({"threat", "abuse", "false_representation", "time_barred_suit", "military_command_threat"})


def gate_pressure(view: CallView, turn: Turn) -> list[str]:
    """The gate's findings on this line that are pressure or a threat: its rule, or a
    threat or harassment statute in its citation (1692e(5), 1692d)."""
    return list(dict.fromkeys(v.rule for v in view.flagged.get(turn.index, [])
                              if v.rule in PRESSURE_RULES or "1692e(5)" in v.citation or "1692d" in v.citation))


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
        # Every reason the analyser gave, not the first two that did not add up (tester7); its
        # score blends them, so they are listed, not summed.
        why = f" (reasons: {', '.join(tone.reasons)})" if tone.reasons else ""
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
        gate = [] if found else gate_pressure(view, t)
        if found:
            bad_turns += 1
            for m in found:
                evidence.append(ev(t.index, move_quote(t, m) or t.text, m))
        elif gate:
            # The gate found a threat the analyser did not read ("if the bankruptcy gets
            # dismissed this whole balance comes right back on u"): the same line, one verdict.
            bad_turns += 1
            v = next(v for v in view.flagged[t.index] if v.rule in gate)
            evidence.append(ev(t.index, v.quote, "flagged by the compliance gate: " + ", ".join(
                r.replace("_", " ") for r in gate)))
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
    blamed: set[int] = set()
    for p in provocations:
        window = [by_index[i] for i in range(p + 1, p + 1 + th.composure_window) if i in by_index]
        if not window:
            continue
        lapses = [t for t in window if t.analysis.tone.score < th.composure_min_tone - 1e-9 or bad_moves(t)]
        if lapses and lapses[0].index in blamed:
            continue  # one lapse after two escalations in a row is one lapse (tester7: listed twice)
        judged += 1
        # The escalation is the debtor's reply to turn p; the lapse is the trainee's own line.
        what = "the hostile opening" if p == 0 else f"the debtor escalated in reply to turn {p}"
        drawn = bad_moves(by_index[p]) if p in by_index else []
        if drawn:
            what += f", drawn by that line's {', '.join(drawn)}"
        if lapses:
            t = lapses[0]
            blamed.add(t.index)
            label = ", ".join(bad_moves(t)) or f"tone {t.analysis.tone.score:+.2f}"
            evidence.append(ev(t.index, t.text, f"this line lost composure ({label}) after {what}"))
        else:
            ok += 1
            t = window[0]
            evidence.append(ev(t.index, t.text, f"stayed composed after {what}"))
    if not judged:
        return na("the debtor never escalated")
    return Finding(ok / judged, evidence)
