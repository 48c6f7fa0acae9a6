"""Every name persona data may use: variables, conditions, callbacks, events, placeholders.

The loader's lint checks a persona against these tables, so a misspelt callback or
condition is reported when the file loads, never when a transition first fires.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.nlu.types import MOVES

#: Triggers that are not moves.
#: no_move: the line carried no move that any transition answers.
#: check: fired after every turn (hang up when furious, lose patience...).
#: hang_up: the trainee ends the call.
SPECIAL_TRIGGERS: tuple[str, ...] = ("no_move", "check", "hang_up")

#: Which move answers first when one line carries several (a persona may override).
DEFAULT_PRIORITY: tuple[str, ...] = (
    "abuse",
    "threat",
    "closing",
    "identity_verification",
    "recap_agreement",
    "offer_settlement",
    "offer_payment_plan",
    "offer_alternative",
    "request_full_payment",
    "pressure",
    "ask_capacity",
    "open_question",
    "reflection",
    "empathy",
    "mini_miranda",
    "state_debt",
    "next_steps",
    "self_identification",
    "recording_notice",
    "greeting",
)

#: Session variables every condition may read (besides the persona's numbers).
SESSION_VARIABLES: dict[str, str] = {
    "verified": "1 once the debtor has confirmed who they are",
    "identified": "1 once the caller gave their name or company",
    "disclosed": "1 once the caller said they are a debt collector",
    "turns": "turns so far, this one included",
    "offers": "offers made so far, this one included",
    "money_asks": "lines so far that asked for money (offers, demands, capacity questions)",
    "rapport": "lines so far with empathy, reflection or an open question",
    "revealed": "facts revealed so far",
    "hardship_revealed": "1 once a hardship fact is revealed",
    "agreed": "1 once terms are agreed",
    "countered": "1 once the debtor made a counter-offer",
    "balance": "the account balance",
    "has_offer": "1 when this line carries an offer or a demand with terms (an amount, an instalment or a count)",
    "offer_total": "total the offer collects",
    "offer_upfront": "what the offer asks for now (a lump sum or a down payment)",
    "offer_monthly": "the instalment of a plan offer",
    "offer_count": "number of instalments of a plan offer",
    "offer_fraction": "offer_total / balance",
    "offer_start_days": "days from the call to the first payment",
    "offer_is_plan": "1 when the offer is a payment plan",
    "offer_is_lump": "1 when the offer is a lump sum (full payment or settlement)",
    "counter_monthly": "the debtor's counter-offer per month",
    "moves": "number of moves in this line",
    "purpose_stated": "1 once the caller said what the call is about (the debt or the disclosure)",
    "asked_before": "1 when the question now being answered was asked on an earlier turn",
    "repeated": "1 when this line repeats an earlier one of the trainee's",
    "identity_mismatch": "1 once the debtor's answer did not match a name or detail the caller gave",
    "unproductive": "turns so far that moved nothing on (no new move, answer, fact or state)",
    "third_party": "1 when the persona is a third party (not the debtor)",
    "told": "1 once the debtor has told something (a fact revealed or a question answered)",
    "asked_own_name": "1 when a third party was just asked for by her own name",
    "recap_method_differs": "1 when this line's recap names another way to pay than the debtor chose",
    "wh_question": "1 when the question this line asks last is a wh-question ('When's a better time?'): no 'Yes' or 'Please'",
    "method_named": "1 when this line names a way to pay ('on that debit card', 'by check')",
    "asked_what_happened": "1 when the question this line asks last is what happened ('What happened with the payments?')",
    "writing_promised": "1 when this line promises a letter or something in writing ('I'll mail you the agreement')",
}

#: Conditions every persona has; a persona may redefine any of them.
BUILTIN_CONDITIONS: dict[str, str] = {
    "verified": "verified",
    "identified": "identified",
    "disclosed": "disclosed",
    "legitimate": "identified and disclosed",
    "has_offer": "has_offer",
    "lump_affordable": "offer_is_lump and offer_upfront <= lump_sum + 0.5",
    "plan_affordable": "offer_is_plan and offer_monthly <= monthly_capacity + 0.5 "
    "and offer_upfront <= lump_sum + 0.5",
    "offer_affordable": "has_offer and (offer_is_lump and offer_upfront <= lump_sum + 0.5 "
    "or offer_is_plan and offer_monthly <= monthly_capacity + 0.5 "
    "and offer_upfront <= lump_sum + 0.5)",
    "full_affordable": "balance <= lump_sum + 0.5",
    "hardship_revealed": "hardship_revealed",
    "agreed": "agreed",
    "countered": "countered",
    "out_of_patience": "patience <= 0",
    "furious": "irritation >= 85",
    "calm": "irritation < 45",
    "trusting": "trust >= 55",
    "wary": "trust < 35",
    "purpose_stated": "purpose_stated",
    "asked_before": "asked_before",
    "repeated": "repeated",
    "third_party": "third_party",
    "told": "told",
    "asked_own_name": "asked_own_name",
    "recap_method_differs": "recap_method_differs",
    "writing_promised": "writing_promised",
    "method_named": "method_named",
    "wh_question": "wh_question",
    "asked_what_happened": "asked_what_happened",
}


@dataclass(frozen=True)
class CallbackSpec:
    """A callback persona data may name; ``arg`` says what its argument names, if any."""

    doc: str
    arg: str | None = None  # "fact", "number" or None


CALLBACKS: dict[str, CallbackSpec] = {
    "confirm_identity": CallbackSpec("the debtor confirms who they are (verified)"),
    "reveal": CallbackSpec("reveal a fact: reveal:FACT", arg="fact"),
    "accept_offer": CallbackSpec("accept the offer on the table; its terms are recorded"),
    "accept_counter": CallbackSpec("the debtor's own counter-offer is agreed"),
    "counter_offer": CallbackSpec("propose what the debtor can afford instead"),
    "refuse_offer": CallbackSpec("turn the offer down"),
    "promise": CallbackSpec("promise to pay the balance by a date (promise_to_pay)"),
    "record_dispute": CallbackSpec("the debtor disputes the debt"),
    "record_cease": CallbackSpec("the debtor asks not to be called again"),
    "record_attorney": CallbackSpec("the debtor says an attorney represents them"),
    "schedule_callback": CallbackSpec("agree a call back"),
    "escalate": CallbackSpec("the debtor's emotion rises (an 'escalated' event)"),
    "calm_down": CallbackSpec("the debtor calms (a 'calmed' event)"),
    "reset_patience": CallbackSpec("patience back to its starting value"),
    "complain": CallbackSpec("the debtor says they will complain (a 'complaint' event)"),
    "record_validation": CallbackSpec("the debtor asks for the debt to be validated in writing"),
    "record_bankruptcy": CallbackSpec("the debtor says they have filed for bankruptcy"),
    "record_deceased": CallbackSpec("the caller learns the debtor has died"),
    "record_servicemember": CallbackSpec("the debtor says they are on active military duty"),
    "record_time_barred": CallbackSpec("the debt is past the statute of limitations (the debtor "
                                       "says it is too old to sue on)"),
    "record_inconvenient": CallbackSpec("the debtor says this time or place is inconvenient "
                                        "('I'm at work, I can't talk')"),
    "record_written_only": CallbackSpec("the debtor asks to deal with the debt only in writing until "
                                        "it is validated ('send me everything in writing, I won't "
                                        "discuss it on the phone')"),
}

#: The turn event each request callback records, and the fact kind that records it when
#: the fact is revealed. Scoring reads these event names (a request the collector must
#: honour: stop collecting, take the attorney's details, call back at another time...).
REQUEST_EVENTS: dict[str, str] = {
    "dispute": "dispute",
    "cease": "cease_requested",
    "attorney": "attorney",
    "callback": "callback",
    "validation": "validation_requested",
    "bankruptcy": "bankruptcy",
    "inconvenient": "inconvenient",
    "deceased": "deceased",
    "servicemember": "servicemember",
    "time_barred": "time_barred",
    "written_only": "written_only",
}
# requested_dispute, requested_cease, ...: 1 once that request was made in the call.
BUILTIN_CONDITIONS.update({f"requested_{k}": f"requested_{k}" for k in REQUEST_EVENTS})

#: Events the engine itself records on turns (transitions may add their own tags).
ENGINE_EVENTS: tuple[str, ...] = (
    "verified",
    "identity_mismatch",
    "revealed:<fact>",
    "offer_accepted",
    "offer_countered",
    "offer_refused",
    "promise_to_pay",
    "dispute",
    "cease_requested",
    "attorney",
    "callback",
    "validation_requested",
    "bankruptcy",
    "inconvenient",
    "deceased",
    "servicemember",
    "time_barred",
    "written_only",
    "answered:<intent>",
    "refused:<intent>",
    "trainee_repeated",
    "recap_corrected",
    "fee_questioned",
    "monologue",
    "refused_booked",
    "callback_time_corrected",
    "not_understood",
    "not_english",
    "escalated",
    "calmed",
    "complaint",
    "hung_up",
    "call_ended",
)

#: Keys of a persona's ``effects`` besides move names: when each applies.
EFFECT_KEYS: dict[str, str] = {
    "turn": "every turn",
    "unproductive": "a turn that moved nothing on: no new move, no answer, no fact, no state change",
    "repeat": "the trainee repeated an earlier line or question (replaces the moves' gains)",
    "listen": "a line that only lets the debtor talk ('Go on', 'I'm listening', 'Take your time')",
    "small_talk": "a question that is small talk (weather, sport, films)",
    "not_understood": "a line the debtor could not act on, or not in English",
    "pushed": "the full balance asked again after a refusal, terms offered again after they were turned "
    "down, or a refused plan booked (the line's listening moves earn nothing)",
    "monologue": "one line that asks, offers, recaps and closes at once (its conversation moves earn nothing)",
    "money_too_soon": "money asked for before the disclosure or any rapport (the line's listening moves "
    "earn nothing)",
}

#: Intents a persona's ``answers`` may use besides the question intents of
#: simulator/nlu/questions.yaml: what the debtor says when ...
SPECIAL_INTENTS: dict[str, str] = {
    "not_understood": "... the line carried nothing they could act on ('Sorry, what do you mean?')",
    "not_english": "... the line was not in English",
    "asked_again": "... the trainee asks again what they already answered ('You asked me that.')",
    "identity_mismatch": "... the caller asks for someone else, or a detail that is not theirs",
    "repeat": "... every long variant has been said already: a short line instead ('Like I said.')",
    "recap_differs": "... the trainee's recap names an amount or a count other than the agreed one, "
    "or another way to pay than the debtor chose",
    "fee": "... the trainee adds a fee to what is owed ('plus a $15 processing fee'): the debtor "
    "questions it",
    "monologue": "... the trainee said a whole call in one line ('That's a lot at once. What are you asking me?')",
    "callback_time_differs": "... the trainee names a call-back hour the debtor never gave "
    "('Wait, no. Around 6:30.')",
    "refused_booked": "... the trainee books a plan the debtor turned down ('Wait, I didn't agree to that.')",
}

#: Placeholders debtor lines may use, as {root.field}.
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "debtor": ("first_name", "last_name", "full_name", "phone", "address", "street", "city", "zip",
               "employer", "occupation", "state", "date_of_birth", "ssn_last4", "email"),
    "account": (
        "balance", "creditor", "original_creditor", "product", "last4", "number",
        "days_past_due", "last_payment_date", "last_payment_amount",
    ),
    "creditor": ("name",),
    "agency": ("name",),
    "collector": ("name",),
    "third_party": ("name", "relation"),
    "offer": ("total", "monthly", "count", "upfront", "first_date"),
    "counter": ("total", "monthly", "count", "upfront"),
    "persona": ("lump_sum", "monthly_capacity", "preferred_method"),
    "agreed": ("total", "monthly", "count", "first_date", "method", "terms", "when"),
    "asked": ("name",),  # the name the caller asked for, as they said it
    "fact": (),  # {fact.NAME}: any fact of the persona
    "detail": (),  # {detail.NAME}: any story detail of the persona
}

def fact_event(kind: str) -> str | None:
    """The turn event revealing a fact of this kind records, if any."""
    return REQUEST_EVENTS.get(kind)


def known_variables(number_names: list[str], fact_names: list[str]) -> set[str]:
    """Every name a persona's condition expressions may read."""
    names = set(SESSION_VARIABLES) | set(number_names)
    names |= {f"revealed_{f}" for f in fact_names}
    names |= {f"said_{m}" for m in MOVES}
    names |= {f"requested_{k}" for k in REQUEST_EVENTS}
    return names


def trigger_names() -> set[str]:
    return set(MOVES) | set(SPECIAL_TRIGGERS)
