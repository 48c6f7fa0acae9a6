"""The compliance gate: FDCPA / Regulation F (12 CFR 1006) rules, per turn.

Every violation names the rule, its citation, the turn and the words. Rules read what
was true when the trainee spoke (``turn.before``: who was on the phone, verified,
disputed...), so "discussing the debt before verification" is judged on the facts of
that moment, not the end of the call. A rule the rubric leaves out is not run; a rule
whose facts are missing (an imported transcript) is listed as skipped, with why.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scoring.amounts import (
    FEE_ADDED,
    FEE_DENIED,
    FEE_NO_AMOUNT,
    amounts_stated,
    corrections,
    head_words,
    tail_words,
)
from scoring.caseless import Caseless
from scoring.checks.base import move_quote
from scoring.compliance_words import MONEY_DOWN, credit_threat
from scoring.context import SPEAKS_FOR_DEBTOR, CallView, stands_down
from scoring.scorecard import Compliance, Skipped, Violation
from scoring.text import money, quote
from simulator.engine.records import Turn
from simulator.rxcache import compile as rx

#: Moves that disclose or pursue a debt: never with a third party or an unverified party.
DEBT_MOVES: tuple[str, ...] = (
    "state_debt",
    "mini_miranda",
    "request_full_payment",
    "offer_settlement",
    "offer_payment_plan",
    "offer_alternative",
    "ask_capacity",
    "threat",
    "pressure",
)
#: Moves that keep collecting: not after a dispute, a cease request or an attorney.
#: (Stating the account to note the dispute, or the disclosure, is not collecting.)
COLLECTING_MOVES: tuple[str, ...] = (
    "request_full_payment",
    "offer_settlement",
    "offer_payment_plan",
    "offer_alternative",
    "ask_capacity",
    "pressure",
    "threat",
)
#: Discussing the debt with the debtor (what needs the disclosure first).
DISCUSS_MOVES: tuple[str, ...] = tuple(m for m in DEBT_MOVES if m != "mini_miranda")

PROFANITY = Caseless(
    r"\b(f+u+c+k\w*|motherf\w*|sh[i1]t\w*|bullshit|bitch\w*|bastard\w*|asshole\w*|dumbass\w*|"
    r"jackass\w*|cunt\w*|dick(head)?s?|piss(ed)?\s+off|goddamn\w*|damn(ed|it)?|crap|"
    r"what the hell|go to hell|the hell)\b")

RuleFn = Callable[[CallView, Compliance], None]
RULES: dict[str, RuleFn] = {}
#: More readings of a rule, run after its own (``scoring.compliance_extra``): registered
#: apart so that the order the rule modules are imported in does not matter.
EXTENSIONS: dict[str, list[RuleFn]] = {}


def rule(rule_id: str) -> Callable[[RuleFn], RuleFn]:
    def deco(fn: RuleFn) -> RuleFn:
        RULES[rule_id] = fn
        return fn

    return deco


def check_compliance(view: CallView) -> Compliance:
    """Run every rule the rubric lists; violations in turn order (stable)."""
    out = Compliance()
    if view.inferred_party:
        out.notes.append(
            "who was on the phone, verification, disputes and cease requests were inferred "
            "from the transcript's words, not recorded by the simulator"
        )
    for r in view.rubric.compliance:
        fn = RULES.get(r.id)
        if fn is not None:
            fn(view, out)
            for more in EXTENSIONS.get(r.id, ()):
                more(view, out)
    order = {r.id: i for i, r in enumerate(view.rubric.compliance)}
    out.violations.sort(key=lambda v: (v.turn if v.turn is not None else -1, order.get(v.rule, 99)))
    return out


def _add(view: CallView, out: Compliance, rule_id: str, turn: int | None, quote_text: str, message: str,
         citation: str | None = None) -> None:
    """Record a violation; ``citation`` narrows the rule's own (one part of a rule that has several)."""
    r = view.rubric.rule(rule_id)
    if r is None:
        return
    out.violations.append(Violation(r.id, citation or r.citation, turn, quote(quote_text), r.severity, message))


def _skip(out: Compliance, rule_id: str, reason: str) -> None:
    out.skipped.append(Skipped(rule_id, reason))


def _first(turn: Turn, moves: tuple[str, ...]) -> str | None:
    """The first of ``moves`` the line carries, in the order the line says them (a line
    that only stands collection down carries no collecting move). Pressure that names no
    debt, account, creditor or money ("Funny how everybody's in a rush when I call",
    tester8) is a tone fault, not discussing or collecting the debt."""
    skip = {"offer_alternative"} if "offer_alternative" in moves and stands_down(turn) else set()
    if "pressure" in moves and not _debt_content(turn):
        skip.add("pressure")
    for m in turn.analysis.moves:
        if m.move in moves and m.move not in skip:
            return m.move
    return None


def _debt_content(turn: Turn) -> bool:
    """Does the line say anything about a debt: a debt word or hint, or an amount?"""
    return bool(turn.analysis.entities_of("money") or DEBT_WORDS.search(turn.text) or DEBT_HINTS.search(turn.text))


@rule("call_time")
def _call_time(view: CallView, out: Compliance) -> None:
    from scoring.checks.preparation import EARLIEST, LATEST, call_minutes

    if view.record is None:
        _skip(out, "call_time", "a recorded call carries no debtor local time")
        return
    minutes, text, defaulted = call_minutes(view)
    if minutes is None:
        _skip(out, "call_time", "no call time was recorded")
        return
    if not EARLIEST <= minutes <= LATEST:
        how = "the scenario's suggested time" if defaulted else "debtor local time"
        first = view.turns[0] if view.turns else None
        _add(view, out, "call_time", first.index if first else None,
             f"call placed at {text}: {first.text}" if first else f"call placed at {text}",
             f"called at {text} ({how}), outside 08:00-21:00")


#: Words that tell a listener there is a debt, whatever move the line carries.
DEBT_WORDS = rx(
    r"\b(debts?|owe[sd]?|owing|bills?|balance|past[- ]due|overdue|payments?|pay|paying|paid|"
    r"collections?|collectors?|collecting|loan|arrears|delinquent|missed|outstanding|account|"
    r"credit card|settle(?:ment)?)\b", re.I)
#: Hints that tell a listener there is a debt without a debt word: "a money matter", "she is
#: behind with her phone", "something she hasn't taken care of yet", "catching up on".
#: (A lawful message to a third party carries none: a name, "a personal matter", a number.)
DEBT_HINTS = rx(
    r"\b(?:money|financial|finances|funds|dollars?|bucks|unpaid|arrears|in\s+default|defaulted)\b|"
    r"\bbehind\s+(?:on|with|in)\b|\b(?:fallen|fell|falling|gotten|got|getting|get)\s+behind\b|"
    r"\bcatch(?:ing)?\s+up\s+(?:on|with)\b|\blate\s+(?:on|with)\s+(?:her|his|their|your|the|a)\b|"
    r"\b(?:not|n't|never|yet\s+to)\s+(?:\w+\s+){0,2}?(?:take|taken|took|taking)\s+care\b|"
    r"\b(?:her|his|their|your)\s+credit\b|\bcredit\s+(?:report|score|bureau|rating)s?\b", re.I)
#: Words that name a collection business: "the recovery department", "a collection agency".
AGENCY_WORDS = rx(
    r"\b(?:collections?|recovery|recoveries|debt|receivables?)\s+(?:department|dept|agency|team|unit|office|"
    r"division|services?|company|firm|group|specialists?|desk)\b", re.I)
#: Generic words of a creditor's name: the rest is the name a listener recognises
#: ("Brightline" of "Brightline Wireless").
_GENERIC_NAME = {"wireless", "bank", "card", "cards", "services", "service", "financial", "credit", "home",
                 "furnishings", "inc", "llc", "corp", "company", "co", "visa", "mastercard", "store", "medical",
                 "health", "the", "of", "and", "mobile", "telecom", "energy", "utilities", "auto", "loans",
                 "lending", "finance", "group", "partners", "national", "first"}
#: An agency name that says what the agency does.
REVEALING_NAME = rx(r"collect|recover|debt|credit|receivable", re.I)


def creditor_short_names(name: str) -> list[str]:
    """The creditor's distinctive word(s) as a listener would hear them: "Brightline" for
    "Brightline Wireless" (matched with its capital, so "summit" of a sentence is no name)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'&-]*", name or "")]
    core = [w for w in words if w.lower() not in _GENERIC_NAME and len(w) >= 4 and w[0].isupper()]
    return core[:1]
#: The other party asked who the caller works for (15 U.S.C. 1692b(1): only then may the
#: caller name the employer).
EMPLOYER_ASKED = Caseless(
    r"\b(?:what|which)\s+(?:company|business|agency|firm|office|organi[sz]ation)\b|"
    r"\bwhere\s+(?:are\s+you|is\s+this|you'?re)\s+calling\s+from\b|\bcalling\s+from\s+where\b|"
    r"\bwho\s+(?:are\s+you|do\s+you)\s+(?:with|work\s+for)\b|\bwho\s+do\s+you\s+represent\b")
AGENCY_CITATION = "15 U.S.C. 1692b(1), 1692b(5); 12 CFR 1006.6(d)"


def third_party_reveals(view: CallView, t: Turn, asked_employer: bool) -> tuple[str, str, bool]:
    """(words, what they reveal, whether it was the agency's name) for the first thing a
    line says to a third party that reveals a debt; ("", "", False) when it reveals none."""
    move = _first(t, DEBT_MOVES + ("recap_agreement",))
    if move is not None:
        return move_quote(t, move) or t.text, move.replace("_", " "), False
    amounts = [e for e in t.analysis.entities_of("money")]
    if amounts:
        return amounts[0].text, f"an amount ({amounts[0].text})", False
    acc = view.account.account if view.account is not None else None
    low = t.text.lower()
    if acc is not None:
        for name in dict.fromkeys((acc.creditor, acc.original_creditor)):
            if name and name.lower() in low:
                return name, f"the creditor ({name})", False
        agency = acc.agency or ""
        if agency and agency.lower() in low and REVEALING_NAME.search(agency) and not asked_employer:
            return agency, f'the agency\'s name ("{agency}"), which says what it does, when nobody asked who the caller works for', True
    m = DEBT_WORDS.search(t.text) or DEBT_HINTS.search(t.text)
    if m:
        return m.group(0), f'"{m.group(0)}"', False
    if acc is not None:
        for name in dict.fromkeys((acc.creditor, acc.original_creditor)):
            for short in creditor_short_names(name or ""):
                if re.search(rf"\b{re.escape(short)}\b", t.text):
                    return short, f"the creditor ({short}, for {name})", False
    m = AGENCY_WORDS.search(t.text)
    if m and not asked_employer:
        return m.group(0), f'"{m.group(0)}", which says the caller collects debts, when nobody asked who the caller works for', True
    return "", "", False


@rule("third_party_disclosure")
def _third_party(view: CallView, out: Compliance) -> None:
    if any(t.before is None for t in view.turns):
        _skip(out, "third_party_disclosure", "who was on the phone is unknown")
        return
    previous = view.opening
    mismatch = False
    for t in view.turns:
        b = t.before
        assert b is not None
        asked_employer = bool(EMPLOYER_ASKED.search(previous or ""))
        previous = t.reply
        if b.party == "third_party":
            words, what, agency = third_party_reveals(view, t, asked_employer)
            if words:
                who = ""
                tp = view.scenario.call.third_party if view.scenario is not None else None
                if tp is not None:
                    who = f" ({tp.name}, the debtor's {tp.relation})"
                _add(view, out, "third_party_disclosure", t.index, words,
                     f"revealed the debt to a third party{who}: {what}",
                     citation=AGENCY_CITATION if agency else None)
        else:
            move = _first(t, DEBT_MOVES + ("recap_agreement",))
            if move is not None and not b.verified:
                why = ("after the answer did not match the account file (a wrong name or no proof)"
                       if mismatch else "before verifying who was on the phone")
                _add(view, out, "third_party_disclosure", t.index, move_quote(t, move) or t.text,
                     f"discussed the debt ({move.replace('_', ' ')}) {why}")
        if "identity_mismatch" in t.events:
            mismatch = True


@rule("mini_miranda")
def _mini_miranda(view: CallView, out: Compliance) -> None:
    if any(t.before is None for t in view.turns):
        _skip(out, "mini_miranda", "who was on the phone is unknown")
        return

    def with_debtor(t: Turn) -> bool:
        b = t.before
        return b.party in SPEAKS_FOR_DEBTOR and (b.verified or view.inferred_party)

    disclosed = next((t for t in view.turns if t.before.party in SPEAKS_FOR_DEBTOR
                      and t.analysis.has("mini_miranda")), None)
    discussed = next((t for t in view.turns if with_debtor(t) and _first(t, DISCUSS_MOVES)), None)
    if discussed is not None:
        if disclosed is None or disclosed.index > discussed.index:
            move = _first(discussed, DISCUSS_MOVES) or "state_debt"
            late = f"; the disclosure came only at turn {disclosed.index}" if disclosed is not None else ""
            _add(view, out, "mini_miranda", discussed.index, move_quote(discussed, move) or discussed.text,
                 "discussed the debt without first saying this is a debt collector attempting to "
                 f"collect a debt{late}")
        return
    # Never disclosed at all: only judged when the debtor was verified on the phone (an
    # imported call that never touched the debt is not held to it), and not when the debtor
    # put the call off at once (a stop, or only a callback time agreed): nothing about the
    # debt was conveyed, and the disclosure opens the callback (docs/scoring.md).
    first = next((t for t in view.turns if t.before.party in SPEAKS_FOR_DEBTOR and t.before.verified), None)
    if first is not None and disclosed is None and view.stop_turn is None and view.deferred_turn is None:
        _add(view, out, "mini_miranda", first.index, first.text,
             "never said this is a debt collector attempting to collect a debt (due from this turn, "
             "the first with the verified debtor)")


#: Trainee lines with the debtor (or who speaks for them) after which a caller who never
#: said who they are has placed a call without meaningful disclosure of their identity.
DISCLOSURE_DUE_AFTER = 3


@rule("meaningful_disclosure")
def _meaningful_disclosure(view: CallView, out: Compliance) -> None:
    """A call with the debtor that never says who is calling (an outside tester's work call:
    four lines, 'Hi there, is this Kevin Park?' and never a name, passed at 97.7). A call
    the debtor ended before the caller's third line is not held to it."""
    if any(t.before is None for t in view.turns):
        _skip(out, "meaningful_disclosure", "who was on the phone is unknown")
        return
    if any(t.analysis.has("self_identification") for t in view.turns):
        return
    with_debtor = [t for t in view.turns if t.before.party in SPEAKS_FOR_DEBTOR]
    if len(with_debtor) < DISCLOSURE_DUE_AFTER:
        return
    due = with_debtor[DISCLOSURE_DUE_AFTER - 1]
    _add(view, out, "meaningful_disclosure", due.index, due.text,
         f"never said who is calling (a name and the company) in {len(with_debtor)} lines with the debtor")


@rule("threat")
def _threat(view: CallView, out: Compliance) -> None:
    for t in view.turns:
        if t.analysis.has("threat"):
            words = move_quote(t, "threat") or t.text
            credit = credit_threat(t.text)  # "u know this stuff ends up on ur credit right?" is the threat
            if credit is not None and credit.lower() not in words.lower():
                words = next((s.strip() for s in re.findall(r"[^.?!]+[.?!]*", t.text) if credit in s), credit)
            who = "the debtor" if t.before is None or t.before.party in SPEAKS_FOR_DEBTOR else "a third party"
            _add(view, out, "threat", t.index, words, f'threatened {who}: "{quote(words, 80)}"')


@rule("abuse")
def _abuse(view: CallView, out: Compliance) -> None:
    for t in view.turns:
        if t.analysis.has("abuse"):
            words = move_quote(t, "abuse") or t.text
            _add(view, out, "abuse", t.index, words, "abusive or demeaning language")
        elif m := PROFANITY.search(t.text):
            _add(view, out, "abuse", t.index, m.group(0), f'profane language: "{m.group(0)}"')


#: A question about paying, or about why the debtor has not paid: collecting, whatever move
#: the analyser read in it ("what is stopping you from taking care of this?", "when do you
#: think you can pay something?", "can you confirm you can do something this week on the
#: account?"). Judged on questions only, so "you paid it in March, you said" is not one.
PAY_ASK = rx(
    r"\bwhat(?:'s|\s+is|\s+has\s+been|\s+was)?\s+(?:stopping|keeping|preventing|holding)\s+(?:you|him|her)\b|"
    r"\bwhy\s+(?:haven'?t|hasn'?t|didn'?t|don'?t|won'?t|can'?t|couldn'?t|have\s+not|did\s+not|do\s+not|will\s+not|"
    r"aren'?t)\s+you\b[^.?!]{0,40}?\b(?:pa(?:y|id|ying)|take\s+care|taken\s+care|settle\w*|handle\w*|deal\w*|"
    r"clear\w*)\b|"
    r"\b(?:can|could|would|will|when|how\s+(?:much|soon)|are|is\s+there|any\s+chance)\b[^.?!]{0,40}?\byou\b"
    r"[^.?!]{0,40}?\b(?:pay|paying|put\s+(?:\w+\s+){0,4}(?:toward|towards|down|in)|send\s+(?:in\s+)?(?:\w+\s+){0,3}?"
    r"(?:dollars|bucks|something|anything|a\s+payment|money)|make\s+(?:a\s+|any\s+|some\s+)?"
    r"payments?|settle|take\s+care\s+of|clear|cover|do\s+(?:something|anything|some\w*)\b[^.?!]{0,30}?"
    r"\b(?:account|balance|debt|bill|card|this|it))\b", re.I)
_NOT = rx(r"\b(?:not|never|no|nothing)\b|n't\b", re.I)


#: A payment invited in a statement, or the means to pay offered, once collection must
#: stop ("you can always pay online at ...", "I can take a card payment right now", "you're
#: welcome to make a payment anytime", "you could still voluntarily pay on this card", "do
#: you want our payment address in case you decide to send something in?", "would you be
#: interested in reaffirming this card?"): an outside tester's calls scored 100 with these
#: after a cease request, a request for validation by mail and a bankruptcy.
PAY_INVITE = rx(
    r"\byou\s+(?:can|could|may|might)\s+(?:always\s+|still\s+|also\s+|just\s+)*(?:voluntarily\s+)?"
    r"(?:pay\b|make\s+(?:a\s+|any\s+|some\s+)?(?:voluntary\s+)?payments?|send\s+(?:in\s+)?(?:a\s+payment|"
    r"something|money|a\s+check))"
    r"|\bwelcome\s+to\s+(?:pay\b|make\s+(?:a\s+)?payments?|send\s+(?:a\s+payment|something))"
    r"|\b(?:i|we)\s+(?:can|could)\s+(?:take|process|accept|run)\s+(?:a\s+|your\s+|the\s+)?(?:\w+\s+)?payments?\b"
    r"|\bpay\s+(?:it\s+|this\s+|that\s+)?online\b"
    r"|\b(?:our|the|a)\s+(?:secure\s+|quick\s+)?payment\s+(?:address|portal|link|website|site|line|page|app)\b"
    r"|\b(?:text|email|e-mail|send|message)\s+(?:you\s+)?(?:a|the|our)\s+(?:\w+\s+)?(?:pay|payment)\s+link\b"
    r"|\bin\s+case\s+you\s+(?:decide|want|choose)\s+to\s+(?:pay|send)\b"
    r"|\breaffirm\w*\b"
    # "many customers prefer to clear it first", "you may want to settle it anyway" (tester5,
    # a dispute call, 2026-12-03): paying held up as the sensible choice
    r"|\b(?:customers|people|folks|clients|most|many)\s+(?:\w+\s+)?(?:prefer|choose|like|decide|opt)\s+to\s+"
    r"(?:clear|pay|settle|resolve|take\s+care\s+of|put|send)\b"
    r"|\b(?:clear|pay|settle)\s+(?:it|this|that|the\s+(?:balance|account))\s+(?:off\s+)?(?:first|anyway|regardless|"
    r"in\s+the\s+meantime|while\s+(?:we|you|it))\b", re.I)


def invites_payment(t: Turn) -> str | None:
    """The words of a sentence that invites a payment or offers the means to pay; None for
    a line that stands collection down, or one that says no payment is asked ("you don't
    have to make a payment while we look into it")."""
    if stands_down(t):
        return None
    from simulator.nlu.threats import no_demand

    for s in re.finditer(r"[^.?!]+[.?!]*", t.text):
        sentence = s.group(0)
        m = PAY_INVITE.search(sentence) or MONEY_DOWN.search(sentence)
        if m is None or no_demand(sentence):
            continue
        if _NOT.search(sentence[max(0, m.start() - 25):m.start()]):
            continue  # "you can't pay online", "no need for you to reaffirm"
        return sentence.strip()
    return None


def asks_to_pay(t: Turn) -> str | None:
    """The words of a question in the line that asks the debtor to pay, or why they have
    not; None for a line that stands collection down or asks none."""
    if stands_down(t):
        return None
    for s in re.finditer(r"[^.?!]*\?", t.text):
        sentence = s.group(0)
        for m in PAY_ASK.finditer(sentence):
            why = m.group(0).lower().startswith("why")
            if why or not _NOT.search(m.group(0)):
                return m.group(0).strip()
    return None


def _after(view: CallView, out: Compliance, rule_id: str, flag: str, what: str,
           moves: tuple[str, ...] = COLLECTING_MOVES, doing: str = "went on collecting",
           facts: str = "dispute, cease, attorney") -> None:
    """Every line that carries one of ``moves`` once the call's ``flag`` was true."""
    if any(t.before is None for t in view.turns):
        _skip(out, rule_id, f"the call's facts ({facts}) are unknown")
        return
    for t in view.turns:
        if not getattr(t.before, flag, False):
            continue
        move = _first(t, moves)
        if move is not None:
            _add(view, out, rule_id, t.index, move_quote(t, move) or t.text,
                 f"{doing} ({move.replace('_', ' ')}) after {what}")
        elif "ask_capacity" in moves and (words := asks_to_pay(t)):
            _add(view, out, rule_id, t.index, words,
                 f'{doing} (asked about paying: "{quote(words, 80)}") after {what}')
        elif "ask_capacity" in moves and (words := invites_payment(t)):
            _add(view, out, rule_id, t.index, words,
                 f'{doing} (invited a payment: "{quote(words, 80)}") after {what}')
        elif "pressure" in moves and (words := credit_threat(t.text)):
            # "just so u know tho, this stays on ur credit until its paid" after "stop calling
            # me" (tester7): the credit held over the debtor is collecting, in any words.
            # (the rule's own citation names its statute: 1692c(c), 1692g(b), 1692c(a)(2) ...)
            r = view.rubric.rule(rule_id)
            _add(view, out, rule_id, t.index, words,
                 f'{doing} (held the debtor\'s credit over them: "{quote(words, 80)}") after {what}',
                 citation=f"{r.citation if r else ''}; 15 U.S.C. 1692e(5)")


@rule("collecting_after_dispute")
def _after_dispute(view: CallView, out: Compliance) -> None:
    _after(view, out, "collecting_after_dispute", "disputed", "the debtor disputed the debt")


@rule("collecting_after_cease")
def _after_cease(view: CallView, out: Compliance) -> None:
    _after(view, out, "collecting_after_cease", "cease_requested", "the debtor asked for no more contact")


@rule("contact_with_represented")
def _after_attorney(view: CallView, out: Compliance) -> None:
    _after(view, out, "contact_with_represented", "attorney", "the debtor said an attorney represents them")


#: What an amount is, said after it: "about fourteen hundred on it", "$900 left on the card",
#: "$1,300 still outstanding" (read here beside ``scoring.amounts``, which reads the cues
#: before an amount).
OWED_ON_IT = rx(
    r"^\s*(?:dollars\s+)?(?:still\s+|now\s+|currently\s+)?(?:on\s+(?:it|there|the\s+(?:account|card|file|loan)|"
    r"your\s+(?:account|card|file|loan))|left\s+(?:on|to\s+pay)|remaining|outstanding|unpaid|owing|sitting\s+on)\b",
    re.I)
#: Cues before an amount that make it an offer or a payment, not what is owed.
_PAYING = rx(r"\b(?:settle\w*|plan|instal\w*|payments?\s+of|pay|paying|put|toward|towards|down|upfront|deposit|"
             r"a\s+month|per\s+month|each\s+month|afford|manage|discount|off|save|reduc\w*|only)\b", re.I)
_HEDGED = rx(r"\b(?:about|around|roughly|approximately|approx|nearly|almost|just\s+(?:under|over)|close\s+to|"
             r"a\s+little\s+(?:over|under|more\s+than|less\s+than)|some|over|under)\s*$", re.I)


def _owed_on_it(t: Turn, view: CallView) -> list[tuple[float, str, bool]]:
    """(value, words, hedged) for amounts the line says are on the account, by the words
    after them, that ``amounts_stated`` does not read as owed."""
    known = {round(v, 2) for what, v, _, _ in amounts_stated(t, view) if what == "owed"}
    out = []
    for e in t.analysis.entities_of("money"):
        if not isinstance(e.value, int | float) or e.unit or round(float(e.value), 2) in known:
            continue
        after = t.text[e.end:e.end + 40]
        start = max(t.text.rfind(c, 0, e.start) for c in ".?!;")
        before = t.text[start + 1:e.start]
        if OWED_ON_IT.match(after) and not _PAYING.search(before[-40:]):
            out.append((float(e.value), (tail_words(before, 30) + t.text[e.start:e.end] + head_words(after, 15)).strip(),
                        bool(_HEDGED.search(before))))
    return out


@rule("misstated_balance")
def _misstated(view: CallView, out: Compliance) -> None:
    balance = view.balance
    if balance is None:
        _skip(out, "misstated_balance", "the account balance is unknown")
        return
    tol = view.th.balance_tolerance
    rounding = max(tol, view.th.rounding_tolerance * balance)
    for t in view.turns:
        for wrong, right, _ in corrections(t, view):
            if abs(right - balance) <= tol:
                out.notes.append(f"turn {t.index}: said {money(wrong)} and corrected it to {money(right)} in the same "
                                 "breath; no finding (nobody was misled), but read the balance from the file")
        stated = amounts_stated(t, view) + [("owed", v, w, h) for v, w, h in _owed_on_it(t, view)]
        for what, value, words, hedged in stated:
            if what != "owed" or abs(value - balance) <= (rounding if hedged else tol):
                continue
            said = "about " if hedged else ""
            _add(view, out, "misstated_balance", t.index, words,
                 f"stated what is owed as {said}{money(value)}; the account balance is {money(balance)}")
            break


#: A fee said with its period ("a $35 monthly servicing fee", "$10 a month in fees"), which
#: ``amounts_stated`` leaves aside as an instalment; and a fee said before the word that adds
#: it ("a setup fee added to the balance", "fees apply").
_FEE_WORDS_AFTER = rx(r"^\s*(?:[\w-]+\s+){0,3}?(?:fees?|charges?|surcharges?|penalt(?:y|ies))\b", re.I)
FEE_ADDED_AFTER = rx(
    r"\b(?:fees?|charges?|surcharges?|penalt(?:y|ies))\b[^.?!]{0,25}?\b(?:added|adds?|applies|apply|applied|"
    r"tacked\s+on|on\s+top|charged|comes?\s+with)\b", re.I)


def _fees_per_period(t: Turn) -> list[tuple[float, str]]:
    out = []
    for e in t.analysis.entities_of("money"):
        if not e.unit or not isinstance(e.value, int | float):
            continue
        after = t.text[e.end:e.end + 40]
        if _FEE_WORDS_AFTER.match(after) and not FEE_DENIED.search(t.text[max(0, e.start - 20):e.start]):
            out.append((float(e.value), (t.text[e.start:e.end] + head_words(after, 30)).strip()))
    return out


@rule("unauthorized_fee")
def _fee(view: CallView, out: Compliance) -> None:
    if view.account is None:
        _skip(out, "unauthorized_fee", "the account file is unknown")
        return
    fees = float(getattr(view.account.account, "fees", 0.0) or 0.0)
    tol = view.th.amount_tolerance
    for t in view.turns:
        stated = [(v, w) for what, v, w, _ in amounts_stated(t, view) if what == "fee"]
        stated += _fees_per_period(t)
        bad = next(((v, w) for v, w in stated if abs(v - fees) > tol or FEE_ADDED.search(w)), None)
        if bad is not None:
            _add(view, out, "unauthorized_fee", t.index, bad[1],
                 f"added a fee of {money(bad[0])} the account file does not allow "
                 f"(fees and interest on file: {money(fees)}, already in the balance)")
            continue
        m = FEE_NO_AMOUNT.search(t.text) or FEE_ADDED_AFTER.search(t.text)
        if m and not stated and not FEE_DENIED.search(t.text[max(0, m.start() - 20):m.end()]):
            _add(view, out, "unauthorized_fee", t.index, m.group(0),
                 "added a fee or charge the account file does not allow")
    _more_than_owed(view, out)


def _more_than_owed(view: CallView, out: Compliance) -> None:
    """An offer that would collect more than the balance: a plan with at least one whole
    instalment past it (16 x $80 cover $1,240, the last smaller; 18 x $80 take $160 more
    than is owed), or a payment in full or settlement above the balance. A plan written as
    instalment x count whose last payment is smaller is the usual way to say it, not this."""
    balance = view.balance
    if balance is None:
        return
    tol = max(view.th.amount_tolerance, view.th.balance_tolerance)
    for o in view.offers:
        t = o.terms
        if t is None:
            continue
        if o.kind == "payment_plan" and t.monthly > 0 and t.count > 1:
            needed = t.upfront + t.monthly * (t.count - 1)
            if needed >= balance - tol and t.upfront + t.monthly * t.count > balance + tol:
                total = t.upfront + t.monthly * t.count
                _add(view, out, "unauthorized_fee", o.turn or None, o.quote,
                     f"a plan of {t.count} x {money(t.monthly)}" + (f" + {money(t.upfront)} now" if t.upfront else "")
                     + f" collects {money(total)}, more than the {money(balance)} owed (the balance is covered "
                     f"after {t.count - 1} payments)", citation="15 U.S.C. 1692f(1); 12 CFR 1006.22(b)")
        elif o.kind in ("full_payment", "settlement") and t.total > balance + tol:
            _add(view, out, "unauthorized_fee", o.turn or None, o.quote,
                 f"asked for {money(t.total)}, more than the {money(balance)} owed",
                 citation="15 U.S.C. 1692f(1); 12 CFR 1006.22(b)")


@rule("falsified_record")
def _falsified(view: CallView, out: Compliance) -> None:
    from scoring.checks.documentation import discrepancies

    if view.record is None or view.result is None:
        _skip(out, "falsified_record", "no wrap-up form")
        return
    if view.record.agreement is None:
        return
    _, found, _ = discrepancies(view)
    false = [d for d in found if d.falsified]
    if not false:
        return
    d = false[0]
    more = "; ".join(x.note for x in false[1:])
    _add(view, out, "falsified_record", d.turn, d.quote,
         f"falsified record: {d.note}" + (f"; also {more}" if more else ""))


#: Requests that bind the next caller, with the rule the notes protect. A debt too old to
#: sue on is not here: the account file already marks it time-barred and 12 CFR 1006.26(b)
#: binds whatever the notes say, so leaving it out of them is a documentation point
#: (``notes_requests``), not a finding that fails an otherwise lawful call (tester7).
REQUEST_CITATIONS: dict[str, str] = {
    "dispute": "15 U.S.C. 1692g(b)",
    # Said on the phone, "don't call back" is a request not to use that medium (1006.14(h));
    # 1006.6(c) and 1692c(c) bind once the debtor puts it in writing (tester10, Grace 3.5).
    "cease_requested": "12 CFR 1006.14(h); 12 CFR 1006.6(c), 15 U.S.C. 1692c(c) once in writing",
    "attorney": "12 CFR 1006.6(b)(2); 15 U.S.C. 1692c(a)(2)",
    "validation_requested": "15 U.S.C. 1692g(b); 12 CFR 1006.34",
    "inconvenient": "12 CFR 1006.6(b)(1); 15 U.S.C. 1692c(a)(1)",
    "bankruptcy": "11 U.S.C. 362(a)(6)",
    "deceased": "12 CFR 1006.6(a)(4)",
    "servicemember": "50 U.S.C. 3937",
    "written_only": "12 CFR 1006.14(h); 15 U.S.C. 1692g(b)",
}


@rule("request_not_noted")
def _request_not_noted(view: CallView, out: Compliance) -> None:
    from scoring.checks.documentation import missing_requests
    from scoring.context import REQUEST_EVENTS

    if view.record is None:
        _skip(out, "request_not_noted", "no notes")
        return
    for turn, event, words in missing_requests(view):
        if event in REQUEST_CITATIONS:
            _add(view, out, "request_not_noted", turn, words,
                 f"the debtor {REQUEST_EVENTS[event]} at turn {turn}; the notes do not record it",
                 citation=REQUEST_CITATIONS[event])


@rule("beyond_authority")
def _beyond_authority(view: CallView, out: Compliance) -> None:
    from scoring.checks.flexibility import authority_offers, authority_problems, undue

    if view.policy is None:
        _skip(out, "beyond_authority", "no creditor policy")
        return
    if undue(view) is not None:
        return  # no offer was due at all: the collecting rule is the one finding
    seen: set[tuple[int | None, str]] = set()
    for o in authority_offers(view):
        problems = authority_problems(view, o)
        message = "beyond the creditor's authority: " + "; ".join(p for p, _ in problems)
        if problems and (o.turn or None, message) not in seen:  # one offer read twice is one finding
            seen.add((o.turn or None, message))
            lines = "; ".join(dict.fromkeys(line for _, line in problems))
            _add(view, out, "beyond_authority", o.turn or None, o.quote, message,
                 citation=f"creditor policy: {lines}")


# Rules for traps the debtor raises mid-call (they register themselves with ``rule``).
import scoring.compliance_calls  # noqa: E402,F401

# What an outside auditor got past the rules above: extends them, and adds
# false_representation (registered on import; ``EXTENSIONS`` makes the order free).
import scoring.compliance_extra  # noqa: E402,F401

# Rules for circumstances the call brings to light (bankruptcy, a deceased debtor, a
# servicemember, a time-barred debt): registered on import.
from scoring import circumstances as _circumstances  # noqa: E402,F401

# The scenario's own required disclosures (the SCRA notice, the estate's liability).
from scoring import disclosures as _disclosures  # noqa: E402,F401

# Promises past the creditor's authority: a waiver of fees, a write-off.
from scoring import promises as _promises  # noqa: E402,F401
