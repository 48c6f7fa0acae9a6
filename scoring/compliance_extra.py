"""More of the gate: what an outside compliance auditor (tester3) got past it.

Each function here extends a rule of ``scoring.compliance`` (run after the rule's own
reading, through ``EXTENSIONS``, and never twice for the same turn) or registers a new one, reading the words
finders of ``scoring.compliance_words`` and what the call already knows: who was on the
phone, the stop events (dispute, cease, attorney, bankruptcy, inconvenient), the call time,
the account file and the notes. ``scoring.compliance`` imports this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scoring import compliance_words as w
from scoring.checks.base import move_quote
from scoring.compliance import EXTENSIONS, RuleFn, _add, creditor_short_names, rule
from scoring.context import SPEAKS_FOR_DEBTOR, CallView
from scoring.scorecard import Compliance
from simulator.engine.records import Turn
from simulator.rxcache import compile as rx


def extends(rule_id: str) -> Callable[[RuleFn], RuleFn]:
    """Run ``fn`` after the rule's own function, on the same card."""

    def deco(fn: RuleFn) -> RuleFn:
        EXTENSIONS.setdefault(rule_id, []).append(fn)
        return fn

    return deco


def _flagged(out: Compliance, rule_id: str, turn: int) -> bool:
    return any(v.rule == rule_id and v.turn == turn for v in out.violations)


def _each(view: CallView, out: Compliance, rule_id: str, find: Callable[[str], str | None], message: str,
          citation: str, when: Callable[[Turn], bool] = lambda t: True) -> None:
    """A violation of ``rule_id`` on each turn (not flagged yet) where ``find`` finds words."""
    for t in view.turns:
        if not when(t) or _flagged(out, rule_id, t.index):
            continue
        words = find(t.text)
        if words is not None:
            _add(view, out, rule_id, t.index, words, message.format(words=words), citation=citation)


def _with_debtor(t: Turn) -> bool:
    return t.before is None or t.before.party in SPEAKS_FOR_DEBTOR


@extends("threat")
def _veiled(view: CallView, out: Compliance) -> None:
    _each(view, out, "threat", w.veiled_threat,
          'a veiled threat: hinted at consequences without naming them ("{words}")', w.VEILED_CITATION)


@extends("threat")
def _credit_on_an_old_debt(view: CallView, out: Compliance) -> None:
    """On a time-barred debt, "this stuff can still hit ur credit report" (tester7): the debt
    is past suing and, this old, past reporting; holding the credit over the debtor threatens
    what will not be done (a threat the analyser heard is quoted as credit by ``_threat``)."""
    from scoring.circumstances import time_barred

    if not time_barred(view) or not _past_reporting(view):
        return
    _each(view, out, "threat", w.credit_threat,
          'held the debtor\'s credit over a time-barred debt ("{words}"): a debt this old cannot be sued on '
          "and is past the seven-year credit reporting period (15 U.S.C. 1681c(a)); do not use either to get "
          "paid", w.CREDIT_CITATION)


def _past_reporting(view: CallView) -> bool:
    """The account file dates the delinquency more than seven years before the call (its last
    payment, else its days past due): no credit bureau may carry it (15 U.S.C. 1681c(a)(4))."""
    acc = view.account
    if acc is None:
        return False
    info, today = acc.account, acc.call_date
    if info.last_payment_date is not None:
        return (today - info.last_payment_date).days > 7 * 365
    return info.days_past_due is not None and info.days_past_due > 7 * 365


@extends("false_representation")
def _credit_until_paid(view: CallView, out: Compliance) -> None:
    """"This stays on ur credit until its paid" (tester7): a collection account stays for its
    reporting period whether or not it is paid; paying changes its status, not its stay."""
    _each(view, out, "false_representation", w.credit_falsehood,
          'said the debt stays on the credit report until it is paid ("{words}"): false, it stays for '
          "its reporting period whether or not it is paid", w.CREDIT_FALSE_CITATION)


@extends("abuse")
def _harassment(view: CallView, out: Compliance) -> None:
    _each(view, out, "abuse", w.repeated_calls,
          'promised to call again and again until paid ("{words}"): calls meant to annoy or harass',
          w.HARASSMENT_CITATION)


@extends("mini_miranda")
def _taken_back(view: CallView, out: Compliance) -> None:
    _each(view, out, "mini_miranda", w.disclosure_taken_back,
          'took the disclosure back ("{words}"): the call is a debt collector attempting to collect a debt, '
          "and saying otherwise misstates it", w.TAKEN_BACK_CITATION, when=_with_debtor)
    if any(v.rule == "mini_miranda" for v in out.violations) or any(t.before is None for t in view.turns):
        return
    # The creditor named to the verified debtor before the disclosure: the debt discussed.
    for t in view.turns:
        if t.before.party in SPEAKS_FOR_DEBTOR and t.analysis.has("mini_miranda"):
            return
        if t.before.party in SPEAKS_FOR_DEBTOR and t.before.verified and (words := names_debt(view, t)):
            _add(view, out, "mini_miranda", t.index, words,
                 f'named the debt ("{words}") before saying this is a debt collector attempting to collect a debt')
            return


def names_debt(view: CallView, t: Turn) -> str | None:
    """Words of the line that name this debt: the creditor (in full or its distinctive
    word, capitalised), or an amount."""
    acc = view.account.account if view.account is not None else None
    if acc is not None:
        low = t.text.lower()
        for name in dict.fromkeys((acc.creditor, acc.original_creditor)):
            if name and name.lower() in low:
                return name
            for short in creditor_short_names(name or ""):
                if re.search(rf"\b{re.escape(short)}\b", t.text):
                    return short
    money = t.analysis.entities_of("money")
    return money[0].text if money else None


@rule("false_representation")
def _false_representation(view: CallView, out: Compliance) -> None:
    """A false claim to get paid: a legal desk, a credit bureau, a deadline nobody set."""
    for t in view.turns:
        found = w.false_representation(t.text)
        if found is not None:
            words, what, citation = found
            _add(view, out, "false_representation", t.index, words, f'{what} ("{words}")', citation=citation)


@extends("misstated_balance")
def _interest(view: CallView, out: Compliance) -> None:
    if view.account is None:
        return
    _each(view, out, "misstated_balance", w.interest_accruing,
          'said interest is being added ("{words}"): the account file carries a fixed balance, with the '
          "fees and interest already charged in it", w.ACCRUING_CITATION)


@extends("unauthorized_fee")
def _costs(view: CallView, out: Compliance) -> None:
    if view.account is None:
        return
    _each(view, out, "unauthorized_fee", w.costs_added,
          'threatened costs the account file does not allow ("{words}")', "15 U.S.C. 1692f(1), 1692e(5)")


@extends("collecting_in_bankruptcy")
def _dismissal(view: CallView, out: Compliance) -> None:
    _each(view, out, "collecting_in_bankruptcy", w.dismissal_warning,
          'warned the debtor off the filing during the automatic stay ("{words}")', w.DISMISSAL_CITATION,
          when=lambda t: t.before is not None and t.before.bankruptcy)


@extends("contact_with_represented")
def _bypass(view: CallView, out: Compliance) -> None:
    _each(view, out, "contact_with_represented", w.bypasses_counsel,
          'invited the represented debtor to deal directly, around their attorney ("{words}")',
          w.BYPASS_CITATION, when=lambda t: t.before is not None and t.before.attorney)


# --------------------------------------------------------------------------- notes

#: Notes that record a promise to pay: "Maria promised to pay $200 this Friday", "PTP $50".
NOTES_PROMISE = rx(
    r"\b(?:promised|promises|agreed|committed|commits|pledged)\s+(?:to\s+)?(?:pay|send|make\s+(?:a\s+)?payments?|"
    r"a\s+payment|\$)|\bPTP\b|\bpromise\s+to\s+pay\s+(?:of\s+)?\$", re.I)
_NOTE_DENIED = rx(r"\b(?:not|no|never|nothing|without|refused|declined|unable|couldn'?t|wouldn'?t|didn'?t|won'?t)\b"
                  r"|n't\b", re.I)
#: Form outcomes that record an agreement: those the form check compares with the call.
AGREED_OUTCOMES = ("full_payment", "settlement", "payment_plan", "promise_to_pay")


def invented_promise(view: CallView) -> str | None:
    """The notes' words claiming a promise to pay, in a call where none was made."""
    rec = view.record
    if rec is None or view.agree_turn is not None:
        return None
    if rec.agreement is not None and getattr(rec.agreement, "outcome", None) in AGREED_OUTCOMES:
        return None  # the form's own terms are judged against the call by the form check
    notes = rec.notes or ""
    for s in re.finditer(r"[^.;!?]+", notes):
        m = NOTES_PROMISE.search(s.group(0))
        if m and not _NOTE_DENIED.search(s.group(0)[:m.start()]):
            return s.group(0).strip()
    return None


@extends("falsified_record")
def _notes_promise(view: CallView, out: Compliance) -> None:
    if view.record is None or any(v.rule == "falsified_record" for v in out.violations):
        return
    words = invented_promise(view)
    if words is not None:
        last = view.turns[-1].index if view.turns else None  # the record is written as the call ends
        _add(view, out, "falsified_record", last, words,
             "falsified record: the notes record a promise to pay the debtor never made on the call "
             "(the next collector would act on it)")


@extends("falsified_record")
def _notes_untrue(view: CallView, out: Compliance) -> None:
    """Notes that deny what the call did (``scoring.notes_truth``): a falsified record, like
    a false form. (A debtor fact the call never heard costs the notes' key-fact credit.)"""
    from scoring.notes_truth import denials

    if view.record is None:
        return
    for d in denials(view)[:1]:
        _add(view, out, "falsified_record", d.turn, d.sentence,
             f'falsified record: the notes say "{d.sentence}", but {d.why}; notes that deny what happened hide it '
             "from the next collector and any audit")


#: A debtor's request in their own words that the engine raised no event for: "nobody calls
#: me at work", "don't call back" (event, pattern).
DEBTOR_REQUESTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("inconvenient", rx(
        r"\b(?:nobody|no\s+one|don'?t|do\s+not|never)\s+(?:\w+\s+)?call(?:s|ing)?\s+(?:me\s+)?at\s+(?:work|my\s+(?:job|work)|"
        r"the\s+(?:shop|office|store|restaurant|plant))\b|\bnever\s+at\s+work\b|\bnot\s+at\s+(?:work|my\s+job)\b", re.I)),
    ("cease_requested", rx(
        r"\b(?:don'?t|do\s+not|never)\s+(?:ever\s+)?call\s+(?:me\s+|here\s+)?(?:back|again|anymore|any\s+more)\b|"
        r"\bstop\s+calling\s+(?:me|here)\b|\blose\s+my\s+number\b", re.I)),
)


@extends("request_not_noted")
def _words_requests(view: CallView, out: Compliance) -> None:
    from scoring.checks.documentation import REQUEST_WORDS
    from scoring.compliance import REQUEST_CITATIONS
    from scoring.context import REQUEST_EVENTS

    if view.record is None:
        return
    notes = view.record.notes or ""
    raised = {event for _, event, _ in view.requests}
    for event, pattern in DEBTOR_REQUESTS:
        if event in raised or REQUEST_WORDS[event].search(notes):
            continue
        t = next((t for t in view.turns if _with_debtor(t) and pattern.search(t.reply or "")), None)
        if t is not None:
            _add(view, out, "request_not_noted", t.index, t.reply,
                 f"the debtor {REQUEST_EVENTS[event]} at turn {t.index} (\"{pattern.search(t.reply).group(0)}\"); "
                 "the notes do not record it", citation=REQUEST_CITATIONS[event])


# --------------------------------------------------------------------------- inconvenient

#: The trainee asked whether now is a good time (the engine may read the answer as a
#: best time only).
GOOD_TIME_ASKED = rx(r"\b(?:good|bad|convenient|okay|ok|right|better)\s+time\b|\bcan\s+you\s+talk\b", re.I)


def said_later(view: CallView) -> int | None:
    """The turn whose reply told the trainee a later time of day is better ("After seven,
    once my son's in bed", said at 18:30): the time is inconvenient from the next line."""
    from scoring.checks.preparation import call_minutes

    if view.record is None:
        return None
    now, _, _ = call_minutes(view)
    if now is None:
        return None
    for t in view.turns:
        if not _with_debtor(t) or not t.reply:
            continue
        if ("answered:best_time" in t.events or GOOD_TIME_ASKED.search(t.text)) and w.later_time(t.reply, now):
            return t.index
    return None


@extends("collecting_at_inconvenient_time")
def _inconvenient_more(view: CallView, out: Compliance) -> None:
    from scoring.compliance import asks_to_pay
    from scoring.compliance_calls import INCONVENIENT_MOVES

    if any(t.before is None for t in view.turns):
        return
    rid = "collecting_at_inconvenient_time"
    later = said_later(view)
    for t in view.turns:
        if t.before.party not in SPEAKS_FOR_DEBTOR or _flagged(out, rid, t.index):
            continue
        if t.before.inconvenient:
            words = names_debt(view, t)
            if words is not None:
                _add(view, out, rid, t.index, words,
                     f'named the debt ("{words}") after the debtor said this time or place is inconvenient '
                     "(ask when to call back, and end)")
        elif later is not None and t.index > later:
            move = next((m.move for m in t.analysis.moves if m.move in INCONVENIENT_MOVES), None)
            words = move_quote(t, move) if move else asks_to_pay(t)
            if move is not None or words is not None:
                quoted = words or t.text
                _add(view, out, rid, t.index, quoted,
                     f"went on about the debt after the debtor named a later time as better (turn {later}: "
                     f'"{view.turns[later - 1].reply}"): offer to call back then, and end',
                     citation="12 CFR 1006.6(b)(1); 15 U.S.C. 1692c(a)(1)")


@extends("third_party_disclosure")
def _employer(view: CallView, out: Compliance) -> None:
    _each(view, out, "third_party_disclosure", w.employer_contact,
          'reached for the debtor\'s employer ("{words}"): a communication with a third party that is not '
          "for location information", "15 U.S.C. 1692c(b), 1692b; 12 CFR 1006.6(d)", when=_with_debtor)
