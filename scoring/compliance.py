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

from scoring.checks.base import move_quote
from scoring.context import CallView
from scoring.scorecard import Compliance, Skipped, Violation
from scoring.text import money, quote
from simulator.engine.records import Turn

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

PROFANITY = re.compile(
    r"\b(f+u+c+k\w*|motherf\w*|sh[i1]t\w*|bullshit|bitch\w*|bastard\w*|asshole\w*|dumbass\w*|"
    r"jackass\w*|cunt\w*|dick(head)?s?|piss(ed)?\s+off|goddamn\w*|damn(ed|it)?|crap|"
    r"what the hell|go to hell|the hell)\b",
    re.I,
)
BALANCE_WORDS = re.compile(
    r"\b(balance|owe|owed|owing|outstanding|amount due|total due|past due|due amount|you have)\b", re.I
)
_SENTENCE = re.compile(r"[^.!?;]+[.!?;]?")

RuleFn = Callable[[CallView, Compliance], None]
RULES: dict[str, RuleFn] = {}


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
    order = {r.id: i for i, r in enumerate(view.rubric.compliance)}
    out.violations.sort(key=lambda v: (v.turn if v.turn is not None else -1, order.get(v.rule, 99)))
    return out


def _add(view: CallView, out: Compliance, rule_id: str, turn: int | None, quote_text: str, message: str) -> None:
    r = view.rubric.rule(rule_id)
    if r is None:
        return
    out.violations.append(Violation(r.id, r.citation, turn, quote(quote_text), r.severity, message))


def _skip(out: Compliance, rule_id: str, reason: str) -> None:
    out.skipped.append(Skipped(rule_id, reason))


def _first(turn: Turn, moves: tuple[str, ...]) -> str | None:
    """The first of ``moves`` the line carries, in the order the line says them."""
    for m in turn.analysis.moves:
        if m.move in moves:
            return m.move
    return None


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
        _add(view, out, "call_time", None, f"call placed at {text}",
             f"called at {text} ({how}), outside 08:00-21:00")


@rule("third_party_disclosure")
def _third_party(view: CallView, out: Compliance) -> None:
    if any(t.before is None for t in view.turns):
        _skip(out, "third_party_disclosure", "who was on the phone is unknown")
        return
    for t in view.turns:
        b = t.before
        assert b is not None
        move = _first(t, DEBT_MOVES)
        if move is None:
            continue
        words = move_quote(t, move) or t.text
        if b.party == "third_party":
            who = ""
            tp = view.scenario.call.third_party if view.scenario is not None else None
            if tp is not None:
                who = f" ({tp.name}, the debtor's {tp.relation})"
            _add(view, out, "third_party_disclosure", t.index, words,
                 f"discussed the debt ({move.replace('_', ' ')}) with a third party{who}")
        elif not b.verified:
            _add(view, out, "third_party_disclosure", t.index, words,
                 f"discussed the debt ({move.replace('_', ' ')}) before verifying who was on the phone")


@rule("mini_miranda")
def _mini_miranda(view: CallView, out: Compliance) -> None:
    if any(t.before is None for t in view.turns):
        _skip(out, "mini_miranda", "who was on the phone is unknown")
        return

    def with_debtor(t: Turn) -> bool:
        b = t.before
        return b.party == "debtor" and (b.verified or view.inferred_party)

    disclosed = next((t for t in view.turns if t.before.party == "debtor" and t.analysis.has("mini_miranda")), None)
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
    # imported call that never touched the debt is not held to it).
    spoke_to_debtor = any(t.before.party == "debtor" and t.before.verified for t in view.turns)
    if spoke_to_debtor and disclosed is None and view.stop_turn is None:
        _add(view, out, "mini_miranda", None, "",
             "never said this is a debt collector attempting to collect a debt")


@rule("threat")
def _threat(view: CallView, out: Compliance) -> None:
    for t in view.turns:
        if t.analysis.has("threat"):
            words = move_quote(t, "threat") or t.text
            _add(view, out, "threat", t.index, words, f'threatened the debtor: "{quote(words, 80)}"')


@rule("abuse")
def _abuse(view: CallView, out: Compliance) -> None:
    for t in view.turns:
        m = PROFANITY.search(t.text)
        if t.analysis.has("abuse"):
            words = move_quote(t, "abuse") or t.text
            _add(view, out, "abuse", t.index, words, "abusive or demeaning language")
        elif m:
            _add(view, out, "abuse", t.index, m.group(0), f'profane language: "{m.group(0)}"')


def _after(view: CallView, out: Compliance, rule_id: str, flag: str, what: str) -> None:
    if any(t.before is None for t in view.turns):
        _skip(out, rule_id, "the call's facts (dispute, cease, attorney) are unknown")
        return
    for t in view.turns:
        if not getattr(t.before, flag):
            continue
        move = _first(t, COLLECTING_MOVES)
        if move is not None:
            _add(view, out, rule_id, t.index, move_quote(t, move) or t.text,
                 f"went on collecting ({move.replace('_', ' ')}) after {what}")


@rule("collecting_after_dispute")
def _after_dispute(view: CallView, out: Compliance) -> None:
    _after(view, out, "collecting_after_dispute", "disputed", "the debtor disputed the debt")


@rule("collecting_after_cease")
def _after_cease(view: CallView, out: Compliance) -> None:
    _after(view, out, "collecting_after_cease", "cease_requested", "the debtor asked for no more contact")


@rule("contact_with_represented")
def _after_attorney(view: CallView, out: Compliance) -> None:
    _after(view, out, "contact_with_represented", "attorney", "the debtor said an attorney represents them")


def stated_balances(turn: Turn) -> list[tuple[float, str]]:
    """Amounts a line presents as the balance: money in a sentence that states the debt
    with balance words ("the balance is", "you owe"), not per-month amounts."""
    if not turn.analysis.has("state_debt"):
        return []
    text = turn.text
    amounts = [e for e in turn.analysis.entities_of("money")
               if isinstance(e.value, int | float) and e.unit not in ("month", "week")]
    if not amounts:
        return []
    out: list[tuple[float, str]] = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if not BALANCE_WORDS.search(sentence):
            continue
        inside = [e for e in amounts if m.start() <= e.start < m.end()]
        if not inside and len(text) == len(sentence):
            inside = amounts
        out += [(float(e.value), sentence.strip()) for e in inside]
    return out


@rule("misstated_balance")
def _misstated(view: CallView, out: Compliance) -> None:
    balance = view.balance
    if balance is None:
        _skip(out, "misstated_balance", "the account balance is unknown")
        return
    tol = view.th.balance_tolerance
    for t in view.turns:
        stated = stated_balances(t)
        if not stated or any(abs(v - balance) <= tol for v, _ in stated):
            continue
        value, sentence = stated[0]
        _add(view, out, "misstated_balance", t.index, sentence,
             f"stated the balance as {money(value)}; the account balance is {money(balance)}")
