"""The values debtor lines are filled from: the account file, the persona, the offer on
the table, the facts (told in full once, then recalled in their short form)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simulator.content.account import spoken_money as money
from simulator.engine.records import Terms

_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def spoken_date(d: dt.date) -> str:
    return f"{d.strftime('%B')} {d.day}"


def spoken_birthday(d: dt.date) -> str:
    """How a person says a date of birth: 'March 3rd, 1988'."""
    return f"{d.strftime('%B')} {d.day}{_ORDINAL.get(d.day, 'th')}, {d.year}"


def _terms(t: Terms | None) -> dict[str, str]:
    if t is None:
        return {}
    first = spoken_date(t.first_date) if t.first_date else "the first"
    return {
        "total": money(t.total), "monthly": money(t.monthly), "count": str(t.count),
        "upfront": money(t.upfront),
        "first_date": first,
        "method": (t.method or "").replace("_", " "),
        # The terms as said: "$80 a month" for a plan, "$1,240" for a lump sum.
        "terms": f"{money(t.monthly)} a month" if t.kind == "payment_plan" and t.monthly else money(t.total),
        # When it is paid, as said: a plan "starting December 15", one payment "by December 18"
        # (tester8 2.10: a settlement in full recapped as "starting December 18").
        "when": f"{'starting' if t.monthly and t.count > 1 else 'by'} {first}",
    }


def line_values(call: Any) -> dict[str, dict[str, str]]:
    """Every {root.field} a line of this call may use, as it stands now."""
    static = call.__dict__.get("_static_values")
    if static is None:
        static = call._static_values = _static_values(call)
    persona = call.persona
    facts: dict[str, str] = {}
    for name, fact in persona.facts.items():
        if name in call.revealed and name not in call.revealed_now:
            facts[name] = fact.recall or "Like I told you."
        else:
            facts[name] = fact.text
    return {
        **static,
        "offer": _terms(call.offer),
        "counter": _terms(call.counter),
        "agreed": _terms(call.agreed),
        "persona": {"lump_sum": money(call.numbers["lump_sum"]),
                    "monthly_capacity": money(call.numbers["monthly_capacity"]),
                    "preferred_method": persona.preferred_method.replace("_", " ")},
        "asked": {"name": call.asked_name or "them"},
        "fact": facts,
    }


def _static_values(call: Any) -> dict[str, dict[str, str]]:
    """The values that do not change during a call (the account file, the details)."""
    d, a = call.account.debtor, call.account.account
    tp = call.scenario.call.third_party
    return {
        "debtor": {"first_name": d.first_name, "last_name": d.last_name, "full_name": d.full_name,
                   "phone": d.phone, "address": d.address, "street": d.street, "city": d.city,
                   "zip": d.zip, "employer": d.employer, "occupation": d.occupation,
                   "state": d.state, "date_of_birth": spoken_birthday(d.date_of_birth),
                   "ssn_last4": d.ssn_last4, "email": d.email},
        "account": {"balance": money(a.balance), "creditor": a.creditor,
                    "original_creditor": a.original_creditor, "product": a.product,
                    "last4": a.last4, "number": a.number,
                    "days_past_due": str(a.days_past_due),
                    "last_payment_date": spoken_date(a.last_payment_date),
                    "last_payment_amount": money(a.last_payment_amount)},
        "creditor": {"name": a.creditor},
        "agency": {"name": a.agency},
        "collector": {"name": a.collector_name},
        "third_party": {"name": tp.name, "relation": tp.relation} if tp else {},
        "detail": dict(call.persona.details),
    }
