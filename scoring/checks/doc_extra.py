"""Helpers of the documentation checks (``scoring.checks.documentation``): the way to pay
named in the call, a recap whose method the debtor corrected, and notes that plan a call
the debtor asked not to get."""

from __future__ import annotations

import re
import typing

from scoring.context import CallView
from simulator.engine.records import Turn
from simulator.rxcache import compile as rx

#: A way to pay named as one: "by check", "mail a check", "your debit card", not "so you
#: can check it" (an outside tester's hostile call, 2026-12-03: the form's method was held
#: to the persona's preferred "check", which nobody had named).
_METHOD_LEAD = r"(?:by|with|via|through|a|an|your|my|the|in|use|using|send|mail|write|pay|paying)\s+(?:(?:personal|cashier'?s|paper|bank|same)\s+)?"


def method_named(method: str, said: str) -> bool:
    """Whether lower-cased call text names ``method`` as a way to pay."""
    words = re.escape(method.replace("_", " "))
    return bool(re.search(rf"\b{_METHOD_LEAD}{words}s?\b|\b{words}\s+(?:payment|by\s+mail)\b", said))


def either_method(view: CallView, agreed: str, form: object) -> str:
    """The form's method when the debtor offered it in the same breath as the agreed one
    ("Bank transfer, or an allotment out of my pay": tester10 3.6), else the agreed one."""
    if not form or str(form) == agreed:
        return agreed
    for t in view.turns:
        reply = (t.reply or "").lower()
        if method_named(agreed, reply) and (method_named(str(form), reply) or
                                            str(form).replace("_", " ") in reply):
            return str(form)
    return agreed


#: Notes that plan another call or contact: none is a next step after a cease request
#: ("Will try again next month", tester10 3.10), unless negated ("do not call again").
_CALL_AGAIN = rx(r"\b(?:try(?:ing)? (?:again|later|him|her)|call(?:ing)? (?:again|back|him|her)|callback|"
                 r"follow(?:ing)?[- ]?up (?:call|by phone)|will call|re-?contact|reach out again)\b")
_NOT_BEFORE = rx(r"\b(?:not|no|don'?t|never|stop|without|nor)\b[^.;]{0,20}$")


def planned_call(low: str) -> str | None:
    """Words in lower-cased notes that plan another call, not negated."""
    for m in _CALL_AGAIN.finditer(low):
        if not _NOT_BEFORE.search(low[max(0, m.start() - 30):m.start()]):
            return m.group(0)
    return None


#: Every way to pay a form can record.
METHODS: tuple[str, ...] = ("debit_card", "credit_card", "bank_transfer", "check", "cash", "online",
                            "money_order", "allotment")


def recap_method_problem(view: CallView, recap: Turn) -> str | None:
    """The last recap named one way to pay, the debtor answered with another ("So ... by
    debit card" / "Check. I'll mail a check.": tester10 3.11), and no later line of the
    trainee restated it: the recap confirmed terms the debtor had just corrected."""
    agreed = getattr(view.result.agreed, "method", None) if view.result is not None else None
    said = recap.text.lower()
    if not agreed or method_named(agreed, said):
        return None
    named = [m for m in METHODS if m != agreed and method_named(m, said)]
    if not named or not method_named(agreed, (recap.reply or "").lower()):
        return None
    if any(method_named(agreed, t.text.lower()) for t in view.turns if t.index > recap.index):
        return None
    show = typing.cast(str, agreed).replace("_", " ")
    return (f"recapped the payment by {named[0].replace('_', ' ')}; the debtor corrected it to {show} "
            "and the terms were never restated with it")
