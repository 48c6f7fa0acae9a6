"""Coach-mode hints: what a trainer would whisper after each turn.

Pure: reads the session's state, never the screen. The app shows these only in coach
mode; assessment mode hides them.
"""

from __future__ import annotations

from simulator.engine.records import Turn
from simulator.session import Session


def hints(session: Session) -> list[str]:
    """The most useful next steps, most urgent first (at most three)."""
    call = session.call
    turns = session.turns
    last: Turn | None = turns[-1] if turns else None
    said = {m for t in turns for m in t.analysis.move_names}
    out: list[str] = []
    if call.ended:
        return ["The call has ended: fill in the wrap-up form while it's fresh."]
    if call.persona.party == "third_party":
        out.append("This may not be the debtor: ask for them by name and don't mention the debt.")
        if "self_identification" not in said:
            out.append("Give your first name and a call-back number only.")
        return out[:3]
    if call.disputed:
        out.append("The debtor disputes the debt: note it, explain how validation works, "
                   "and stop asking for payment.")
    if call.cease or call.attorney:
        out.append("They asked you to stop (or have an attorney): confirm it and end the call politely.")
    if not call.flags["verified"]:
        out.append("Verify you're speaking with the debtor before you discuss the account.")
    elif not call.flags["disclosed"]:
        out.append("Give the disclosure: this is an attempt to collect a debt.")
    if last is not None:
        ev = set(last.events)
        if any(e.startswith("revealed:") for e in ev) or "escalated" in ev:
            out.append("They just told you something hard: acknowledge it before talking money.")
        if "offer_countered" in ev:
            out.append("They've said what they can pay: check it against the creditor policy and answer it.")
        if "offer_refused" in ev:
            out.append("That was refused: ask what they can manage and adapt the offer.")
        if last.analysis.tone.score < -0.2:
            out.append("Your last line sounded harsh: slow down and soften the tone.")
    if call.flags["verified"] and call.flags["disclosed"] and not call.revealed and \
            "open_question" not in said and not call.agreed:
        out.append("Ask an open question: what's been happening with the account?")
    if call.agreed is not None:
        if "recap_agreement" not in said:
            out.append("Recap the terms: amount, number of payments, first date and method.")
        elif "next_steps" not in said:
            out.append("Say what happens next (confirmation, how to pay), then close.")
        else:
            out.append("Thank them and close the call.")
    return out[:3] or ["Keep listening; let them finish before you make an offer."]
