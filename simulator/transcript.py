"""Plain-text rendering of a call, for `collectsim play` and `collectsim try`."""

from __future__ import annotations

import textwrap

from simulator.engine.records import FinishedSession, Turn


def _wrap(text: str, indent: str, width: int = 100) -> str:
    text = " ".join(text.split())  # one line per utterance: control characters and newlines go
    return textwrap.fill(text, width=width, initial_indent="", subsequent_indent=indent) or "(silence)"


def turn_lines(turn: Turn, width: int = 100) -> list[str]:
    a = turn.analysis
    moves = ", ".join(a.move_names) or "no move detected"
    events = f"  [{', '.join(turn.events)}]" if turn.events else ""
    pad = " " * 10
    return [
        f"{turn.index:>3} You:    {_wrap(turn.text, pad, width)}",
        f"{pad}moves: {moves} | tone {a.tone.score:+.2f} {a.tone.label}",
        f"    Debtor: {_wrap(turn.reply, pad, width)}",
        f"{pad}state: {turn.state}{events}",
    ]


def render_transcript(fs: FinishedSession, width: int = 100) -> str:
    rec, scn, persona = fs.record, fs.scenario, fs.persona
    prep = rec.preparation
    out = [
        f"Scenario: {scn.id} ({scn.title}) | persona: {persona.name} | seed {rec.seed}"
        + (f" | trainee {rec.trainee}" if rec.trainee else ""),
        f"Debtor's local time at dialling: {prep.call_time or scn.call.local_time}"
        f" ({scn.call.timezone})",
        "",
        f"    Debtor: {_wrap(fs.opening, ' ' * 10, width)}",
    ]
    for t in fs.turns:
        out.extend(turn_lines(t, width))
    if fs.unplayed:
        out.append("")
        out.append(f"The debtor ended the call; {len(fs.unplayed)} remaining line(s) not played.")
    r = fs.result
    out.append("")
    out.append(f"Outcome: {r.outcome} (final state {r.final_state}, call ended by {r.ended_by})")
    if r.agreed:
        a = r.agreed
        terms = f"{a.kind}: total ${a.total:,.2f}"
        if a.count:
            terms += f", {a.count} x ${a.monthly:,.2f}"
        if a.first_date:
            terms += f", first payment {a.first_date.isoformat()}"
        if a.method:
            terms += f", by {a.method.replace('_', ' ')}"
        out.append(f"Agreed: {terms}")
    return "\n".join(out)
