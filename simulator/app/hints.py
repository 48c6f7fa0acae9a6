"""Coach-mode hints: what a trainer sitting beside the trainee would whisper.

Pure (no Textual). Read from the last turn's moves and events and from what the whole
call has done so far, never from the scorer, so hints are instant and never give the
grade away.
"""

from __future__ import annotations

from typing import Any

#: What to do next when the debtor says one of these (a fact's ``kind``).
ON_REVEAL: dict[str, str] = {
    "dispute": "They dispute the debt: note the dispute and stop collecting.",
    "attorney": "They have an attorney: take the attorney's details and end the collection talk.",
    "cease": "They asked you to stop calling: confirm it and close politely.",
    "bankruptcy": "They filed for bankruptcy: ask for nothing. Take the case number, court and "
                  "attorney, say collection stops, and close.",
    "deceased": "The debtor has died: offer condolences, ask who handles the estate, and ask no one to pay.",
    "servicemember": "They're on active duty: note it and mention the SCRA protections before any offer.",
    "time_barred": "The debt is too old to sue on: never suggest a lawsuit; say so plainly if asked.",
    "validation": "They want it in writing: send the validation notice and discuss no payment until then.",
    "inconvenient": "They can't talk now: ask for a better time and end the call.",
    "callback": "They gave a time to call back: confirm it and end the call.",
}
#: Events after which no discovery or offer is due in this call.
STOPPED = frozenset({"dispute", "cease_requested", "attorney", "bankruptcy", "deceased", "inconvenient",
                     "written_only", "validation_requested"})

RISKY = {
    "threat": "That read as a threat: threats of arrest, suits or garnishment break 12 CFR 1006.18. Take it back calmly.",
    "abuse": "That read as abusive. Stay professional whatever they say (12 CFR 1006.14).",
    "pressure": "That read as pressure. Ask, don't demand: invite them to explain instead.",
}


#: Facts named by a question word read as plain words in a hint ("They just told you about
#: what happened", not "about why").
SAID = {"why": "what happened", "what": "what happened", "how": "how it happened", "when": "when it happened"}


def coach_hints(session: Any) -> list[str]:
    """Two or three hints for the next line, most urgent first."""
    turns = list(getattr(session, "turns", []))
    hints: list[str] = []
    if getattr(session, "ended", False):
        return ["The call has ended. Press ctrl+e to document it in the wrap-up form."]
    seen: set[str] = {m.move for t in turns for m in t.analysis.moves}
    party = getattr(getattr(session, "persona", None), "party", "debtor")
    events: set[str] = {e for t in turns for e in t.events}
    last = turns[-1] if turns else None
    if last is not None:
        for move in (m.move for m in last.analysis.moves):
            if move in RISKY:
                hints.append(RISKY[move])
        facts = getattr(getattr(session, "persona", None), "facts", {}) or {}
        for event in last.events:
            if event.startswith("revealed:"):
                name = event.split(":", 1)[1]
                fact = facts.get(name)
                kind = getattr(fact, "kind", "info")
                if kind in ("hardship", "emotion"):
                    what = SAID.get(name, name.replace("_", " "))
                    hints.append(f"They just told you about {what}: acknowledge it and reflect it back.")
                elif kind in ON_REVEAL:
                    hints.append(ON_REVEAL[kind])
                else:
                    hints.append(f"New information ({name.replace('_', ' ')}): pick it up in your next line.")
        if "escalated" in last.events:
            hints.append("They're getting irritated: slow down and acknowledge how they feel.")
        if "offer_accepted" in last.events:
            hints.append("They agreed: recap the terms (amounts, dates, method) and say what happens next.")
    if not turns:
        hints.append("Greet them and say who you are; then confirm you are speaking with the debtor.")
    elif "verified" not in events and "identity_verification" not in seen:
        hints.append("Confirm you're speaking with the debtor before you mention the debt.")
    elif "verified" not in events and party == "debtor":
        # Asked, but not proved: "Is this Rob?" - "Yeah" confirms nothing (the scorecard's
        # disclosure check agrees), though the debtor goes on talking.
        hints.append("They haven't proved who they are yet (a first name proves nothing): confirm "
                     "the full name, date of birth or address before you mention the debt.")
    elif "mini_miranda" not in seen and "verified" in events:
        hints.append("Give the disclosure: this is an attempt to collect a debt.")
    elif events & STOPPED:
        if "next_steps" not in seen:
            hints.append("Say what happens next (the account is noted, a letter follows), then close.")
    elif "open_question" not in seen:
        hints.append("Ask an open question: what's been happening with the account?")
    elif not seen & {"ask_capacity", "offer_payment_plan", "offer_settlement", "request_full_payment"}:
        hints.append("Ask what they could manage, then make one concrete offer.")
    elif "recap_agreement" in seen and "next_steps" not in seen:
        hints.append("Say what happens next: confirmation, how to pay, follow-up.")
    return hints[:3] or ["Keep listening: reflect their words before your next offer."]
