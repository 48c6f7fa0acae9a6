"""Plain words for the names the contracts use: outcomes, moves and call events.

Pure (no Textual, no I/O). The app, the exports and the command line show a trainee
"asked who they're speaking with", never ``identity_verification``; the contract
names themselves stay as they are in records, JSON and the store. A name this table
does not know reads with its underscores as spaces, so new names never break a screen.
"""

from __future__ import annotations

from typing import Any

#: How a call ended, or what the wrap-up form records (DESIGN.md sections 6 and 8).
OUTCOMES: dict[str, str] = {
    "agreement": "agreement",
    "full_payment": "full payment",
    "settlement": "settlement",
    "payment_plan": "payment plan",
    "promise_to_pay": "promise to pay",
    "no_agreement": "no agreement",
    "dispute": "dispute",
    "callback": "call back later",
    "refused": "refused",
    "hung_up": "hung up",
    "cease_requested": "asked not to be called",
    "attorney": "has an attorney",
    "wrong_party": "wrong person",
    "ended_by_trainee": "you ended the call",
    "validation_requested": "asked for it in writing",
    "bankruptcy": "filed for bankruptcy",
    "deceased": "the debtor has died",
}

#: What a move says the trainee did (DESIGN.md section 4), as a trainer would put it.
MOVES: dict[str, str] = {
    "greeting": "greeted them",
    "self_identification": "said who you are",
    "identity_verification": "asked who you're speaking with",
    "mini_miranda": "said this is a debt collector",
    "recording_notice": "said the call is recorded",
    "state_debt": "stated the debt",
    "open_question": "asked an open question",
    "empathy": "acknowledged their feelings",
    "reflection": "reflected their words back",
    "ask_capacity": "asked what they can afford",
    "request_full_payment": "asked for the full balance",
    "offer_settlement": "offered a settlement",
    "offer_payment_plan": "offered a payment plan",
    "offer_alternative": "offered another option",
    "recap_agreement": "recapped the terms",
    "next_steps": "said what happens next",
    "closing": "closed the call",
    "threat": "threatened them",
    "pressure": "pressured them",
    "abuse": "was abusive",
}

#: Moves that are faults wherever they appear: shown in the fault colour.
FAULT_MOVES: frozenset[str] = frozenset({"threat", "pressure", "abuse"})

#: Call events (the engine's per-turn tags), said from the trainee's side.
EVENTS: dict[str, str] = {
    "verified": "{name} confirmed who they are",
    "offer_accepted": "{name} accepted the offer",
    "offer_countered": "{name} made a counter-offer",
    "offer_refused": "{name} turned the offer down",
    "promise_to_pay": "{name} promised to pay",
    "dispute": "{name} disputes the debt",
    "cease_requested": "{name} asked you to stop calling",
    "attorney": "{name} has an attorney",
    "callback": "{name} asked to be called back",
    "escalated": "{name} got more irritated",
    "calmed": "{name} calmed down",
    "complaint": "{name} will complain about the call",
    "hung_up": "{name} hung up",
    "call_ended": "the call ended",
    "disclosed_to_third_party": "the debt was revealed to someone else",
    "not_understood": "{name} could not act on that line",
    "recap_corrected": "{name} corrected your recap: not the terms agreed",
    "fee_questioned": "{name} questioned the fee you added",
    "monologue": "{name} was overwhelmed: too much in one line",
    "refused_booked": "{name} objected: you booked a plan they had turned down",
    "callback_time_corrected": "{name} corrected the call-back time: not the one they gave",
    "trainee_repeated": "you repeated an earlier line",
    "identity_mismatch": "{name} said that is not them",
    "validation_requested": "{name} asked for it in writing",
    "bankruptcy": "{name} said they filed for bankruptcy",
    "deceased": "you learned the debtor has died",
    "servicemember": "{name} is on active military duty",
    "time_barred": "{name} said the debt is too old to sue on",
    "inconvenient": "{name} said this is a bad time or place",
    "written_only": "{name} wants everything in writing",
    "not_english": "{name} did not understand the language",
}


def _plain(name: str) -> str:
    return str(name).replace("_", " ").replace("-", " ").strip()


def outcome(name: Any) -> str:
    """``hung_up`` -> "hung up"; None or "" -> "—"."""
    if not name:
        return "—"
    return OUTCOMES.get(str(name), _plain(str(name)))


def instalments(count: int, each: float, total: float) -> str:
    """"19 × $100.00" as agreed, said as paid: "18 × $100.00 and a last $75.00" when the
    last instalment is only what is left of the total."""
    last = round(total - (count - 1) * each, 2)
    if count > 1 and total and 0 < last < each - 0.005:
        return f"{count - 1} × ${each:,.2f} and a last ${last:,.2f}"
    return f"{count} × ${each:,.2f}"


def move(name: Any) -> str:
    """``identity_verification`` -> "asked who you're speaking with"."""
    return MOVES.get(str(name), _plain(str(name)))


def is_fault(name: Any) -> bool:
    return str(name) in FAULT_MOVES


#: Question intents (simulator/nlu/questions.yaml) in words, where the name is not plain.
INTENTS: dict[str, str] = {
    "identity_ssn": "their social security number",
    "identity_dob": "their date of birth",
    "identity_who": "who they are",
    "identity_name": "their name",
    "identity_address": "their address",
    "identity_phone": "their phone number",
    "identity_relation": "how they know the debtor",
    "third_party_whereabouts": "where the debtor is",
    "best_time": "a good time to call",
    "callback": "a call back",
    "why_balance": "the balance",
    "payment_method": "how they would pay",
    "capacity": "what they can afford",
    "employment": "their work",
    "what_happened": "what happened",
    "bankruptcy_date": "when they filed",
    "bankruptcy_case": "the case number",
    "bankruptcy_court": "the court",
    "bankruptcy_chapter": "the chapter",
    "household": "their household",
    "plans": "their plans",
    "feelings": "how they feel",
    "attorney": "their attorney",
    "servicemember": "their military service",
    "email": "their email",
    "income": "their income",
    "dispute": "the dispute",
    "message": "leaving a message",
    "small_talk_weather": "the weather",
    "small_talk_sport": "sport",
    "small_talk_media": "films and books",
    "small_talk_vehicle": "their car",
    "small_talk_leisure": "their free time",
    "small_talk": "their day",
}


def fact(name: str) -> str:
    """A fact's id as words: ``job_loss`` -> "job loss"."""
    return _plain(name)


def event(name: Any, who: str = "they") -> str:
    """One engine event in plain words: ``revealed:job_loss`` -> "Maria told you about
    the job loss"; ``who`` is the other party's first name."""
    text = str(name)
    if text.startswith("revealed:"):
        key = text.split(":", 1)[1]
        return f"{who} told you about the {fact(key)}"
    if text.startswith(("answered:", "refused:")):
        how, key = text.split(":", 1)
        verb = "answered" if how == "answered" else "declined"
        return f"{who} {verb} your question about {INTENTS.get(key, _plain(key))}"
    template = EVENTS.get(text)
    if template is None:
        return _plain(text.replace(":", " "))
    return template.format(name=who)


def events(names: Any, who: str = "they") -> list[str]:
    """Several events in plain words, ``call_ended`` left out when another says more."""
    names = [str(n) for n in names or ()]
    if "call_ended" in names and len(names) > 1:
        names = [n for n in names if n != "call_ended"]
    return [event(n, who) for n in names]
