"""What one trainee line does to the call, before any transition fires.

The analyser gives moves and asks; this module decides which of them the debtor acts
on: a question that is small talk or about something specific opens no backstory; a
question about what happened counts as an open question even when no move was found; a
name that is not the debtor's stops the identity confirmation; a line said before is a
repeat; a line in another language, or one with nothing to act on, is not understood.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.engine.understanding import (
    asks_to_hear_again,
    checks_back,
    fingerprint,
    is_english,
    keeps_it_private,
    name_matches,
    only_listens,
    question_words,
    similar,
)
from simulator.engine.values import spoken_birthday
from simulator.nlu.questions import IDENTITY_INTENTS, Ask
from simulator.nlu.types import OFFER_MOVES, Analysis
from simulator.rxcache import compile as rx

#: Questions an open question answers: the debtor's own account of things.
OPEN_INTENTS = frozenset({"what_happened", "feelings", "plans", "other"})
#: Which moves' transitions answer which questions themselves.
COVERED_BY: dict[str, frozenset[str]] = {
    "identity_name": frozenset({"identity_verification"}),
    # A recap restates the amount and the day: "That's right." answers "each month?" and
    # "starting dec 15?" (tester7 D2: "That's right. Maybe $100 a month.").
    "capacity": OFFER_MOVES | {"ask_capacity", "recap_agreement"},
    "payment_date": frozenset({"recap_agreement"}),
    "what_happened": frozenset({"open_question", "empathy", "reflection"}),
    "feelings": frozenset({"open_question", "empathy", "reflection"}),
    "plans": frozenset({"open_question", "empathy", "reflection"}),
}
_PROOF = IDENTITY_INTENTS
#: A sentence that only thanks someone by name: "Thanks, Tony.", "Thank you again, Linda."
_THANKS_NAME = rx(r"^\W*(?i:(?:ok(?:ay)?|alright|great|perfect)\W+)?(?i:thanks|thank you|thx|cheers)"
                  r"(?i:\s+(?:again|so much|very much|a lot))?\W+[A-Z][a-z'-]+\W*$")
_SENTENCES = rx(r"(?<=[.!?])\s+")
#: Moves a closing thanks may carry when it opens the line ("Thanks, Tony. Get back to your job.").
_AFTER_THANKS = frozenset({"empathy", "greeting"})


@dataclass
class TurnPlan:
    """What one trainee line does to the call, worked out before the machine fires."""

    moves: list[str]
    asks: list[Ask]
    events: list[str] = field(default_factory=list)
    english: bool = True
    understood: bool = True
    listens: bool = False
    repeated: bool = False
    checks_back: bool = False  # asks to hear it again, or reads it back to confirm it
    says_again: bool = False  # "Sorry, what was that?": the debtor's last line, said again
    mismatch: bool = False
    already_verified: bool = False
    asked_name: str = ""
    own_name: bool = False  # a third party was asked for by her own name
    party: str = "debtor"
    identity_asked: bool = False
    proof_intents: frozenset[str] = frozenset()
    effect_keys: list[str] = field(default_factory=list)
    tells: frozenset[str] = frozenset()
    new_moves: bool = False

    def question_for(self, trigger: str, confirmed: bool, substantive: bool,
                     told: bool = False) -> Ask | None:
        """The question the reply should answer, or None when the move's own reaction
        answers it (a reaction that only fills the silence answers nothing). People
        answer the last question of a line."""
        if self.mismatch:
            return Ask("identity_mismatch", "identity", "")
        if not self.asks:
            return None
        ask = self.asks[-1]
        if ask.intent == "other":
            return None
        if trigger in COVERED_BY.get(ask.intent, ()) and substantive:
            # "What happened?" is answered only by a reaction that tells something.
            if told or ask.intent not in OPEN_INTENTS:
                return None
        if ask.intent == "identity_who" and self.party != "debtor" and trigger == "identity_verification":
            return None  # the third party's own reaction says who she is
        if ask.intent in _PROOF and trigger == "identity_verification" and not confirmed \
                and not self.already_verified and self.party == "debtor":
            return None  # the transition declined ("Who's asking?"): that is the answer
        return ask


def plan_turn(call: Any, analysis: Analysis) -> TurnPlan:
    text = analysis.text
    moves = list(analysis.move_names)
    asks = list(getattr(analysis, "asks", ()) or ())
    plan = TurnPlan(moves=moves, asks=[a for a in asks if a.intent != "other"])
    # Verified, or the persona has confirmed who it is already (a first name asked for is
    # confirmed without proving anything): a further identity question is not refused.
    plan.already_verified = bool(call.flags["verified"]) or call.state != call.persona.initial
    plan.party = call.persona.party
    plan.english = is_english(text)
    if not plan.english:
        plan.moves, plan.asks = [], []
        plan.understood = False
        plan.events.append("not_english")
        plan.effect_keys.append("not_understood")
        return plan
    plan.listens = only_listens(text)
    if not plan.asks and asks_to_hear_again(text):
        plan.says_again = True
        plan.moves = []
        return plan

    intents = {a.intent for a in plan.asks}
    # Relevance: a question about something specific (the weather, a phone number)
    # is answered as that; only a question about their story opens it.
    if "open_question" in moves and plan.asks and not intents & OPEN_INTENTS:
        moves.remove("open_question")
    if intents & (OPEN_INTENTS - {"other"}) and "open_question" not in moves:
        moves.append("open_question")
    if "capacity" in intents and not set(moves) & (OFFER_MOVES | {"ask_capacity"}):
        moves.append("ask_capacity")
    if intents & _PROOF:
        plan.identity_asked = True
        plan.proof_intents = frozenset(intents & _PROOF)
        if "identity_verification" not in moves:
            moves.append("identity_verification")
    elif "identity_verification" in moves:
        plan.identity_asked = True  # the analyser heard an identity question we cannot name
    if plan.asks and all(a.topic == "small_talk" for a in plan.asks):
        plan.effect_keys.append("small_talk")
        # "You follow the Guardians?" reads like a restatement; it is small talk.
        moves[:] = [m for m in moves if m not in ("open_question", "reflection")]

    # A name that is not the debtor's: no confirmation, a "you've got the wrong person".
    d = call.account.debtor
    for a in plan.asks:
        if a.intent == "identity_name" and a.value:
            plan.asked_name = a.value
            # A deceased debtor's family compare the name too, until they have said who
            # they are (then "Am I speaking with Linda?" asks their own name).
            compares = call.persona.party == "debtor" or (
                call.persona.party == "representative" and not call.revealed and not call.answered)
            if compares and not name_matches(a.value, d.first_name, d.last_name):
                plan.mismatch = True
    if plan.mismatch:
        if "identity_verification" in moves:
            moves.remove("identity_verification")
        plan.events.append("identity_mismatch")
    elif call.persona.party == "third_party" and plan.identity_asked:
        tp = call.scenario.call.third_party
        plan.own_name = bool(tp is not None and plan.asked_name
                             and name_matches(plan.asked_name, tp.name, ""))
        if plan.own_name:  # "Am I speaking with Brianna?" - yes, she is Brianna
            moves[:] = [m for m in moves if m != "identity_verification"]
        elif plan.asked_name or intents & {"identity_dob", "identity_ssn", "identity_address"}:
            plan.events.append("identity_mismatch")

    # The trainee repeating themselves: the same line, or the same question asked again
    # and answered (not a question about what the debtor volunteered, nor a request to
    # hear it again or a read-back to check it: a careful collector does both).
    mine = fingerprint(text)
    plan.checks_back = checks_back(text)
    last = plan.asks[-1] if plan.asks else None
    plain, asked = question_words(text, last.start, last.end) if last is not None else ("", frozenset())
    again = last is not None and last.intent not in _PROOF and last.intent in call.answered and any(
        intent == last.intent and (asked & words or plain == said)
        for intent, said, words in call.trainee_asked)
    plan.repeated = not plan.checks_back and (
        any(similar(mine, e) for e in call.trainee_prints) or again)
    if last is not None:
        call.trainee_asked.append((last.intent, plain, asked))
    if plan.repeated:
        plan.events.append("trainee_repeated")
        plan.effect_keys.append("repeat")
    if plan.listens and not moves:
        plan.effect_keys.append("listen")

    if "closing" not in moves and not plan.asks and thanks_at_the_end(call, text, moves):
        moves.append("closing")
    plan.understood = bool(moves or asks or plan.listens or keeps_it_private(text))
    if not plan.understood:
        plan.events.append("not_understood")
        plan.effect_keys.append("not_understood")
    plan.tells = frozenset({"purpose"} if {"state_debt", "mini_miranda"} & set(moves) else ())
    plan.new_moves = any(m not in call.said_ever for m in moves)
    plan.moves = moves
    call.trainee_prints.append(mine)
    return plan


def thanks_at_the_end(call: Any, text: str, moves: list[str]) -> bool:
    """Thanks by name once the call's business is done (an agreement, a call-back, a request
    noted) ends the call: "...I'll call you then. Thanks, Kevin.", "Thanks, Tony. Get back to
    your job." (tester8 2.8: "Sorry, what was that?" and "Not now. I've got orders up.").
    The thanks ends the line, or opens it before nothing but kind words."""
    if call.agreed is None and not call.requests - {"inconvenient"}:
        return False
    parts = [p for p in _SENTENCES.split(text.strip()) if p]
    if not parts or "?" in text:
        return False
    if _THANKS_NAME.match(parts[-1]):
        return True
    return bool(_THANKS_NAME.match(parts[0])) and set(moves) <= _AFTER_THANKS


def identity_proved(call: Any, proofs: list[tuple[str, str]]) -> str:
    """Did what the debtor said match the account file? 'match' when it proves who they
    are: the full name asked for, or a date of birth, address or last four of the file's
    (or their full name, given when asked who they are); 'partial' when nothing
    contradicts the file but nothing proves it either (a first name alone, "is this the
    account holder?"); 'mismatch' when a name or detail is not the debtor's."""
    d = call.account.debtor
    if call.asked_name and not name_matches(call.asked_name, d.first_name, d.last_name):
        return "mismatch"
    want = {
        "identity_dob": [spoken_birthday(d.date_of_birth), d.date_of_birth.isoformat()],
        "identity_address": [d.zip, d.street],
        "identity_ssn": [d.ssn_last4],
    }
    strong = False
    for intent, text in proofs:
        low = text.lower()
        if intent in want:
            if not any(v and v.lower() in low for v in want[intent]):
                return "mismatch"
            strong = True
        elif intent == "identity_who" and d.first_name.lower() in low and d.last_name.lower() in low:
            strong = True
    asked = {w.lower().strip(".,") for w in call.asked_name.split()}
    if {d.first_name.lower(), d.last_name.lower()} <= asked:
        strong = True  # the full name on the account, asked for and confirmed
    return "match" if strong else "partial"
