"""Read payment terms out of a trainee's line: "$75 a month for 8 months" -> a plan.

Uses the analyser's moves and entities; the balance fills what the words leave out
("split it into six payments" means six payments of balance / 6).
"""

from __future__ import annotations

import datetime as dt
import math
import re

from simulator.engine.records import Terms
from simulator.nlu.types import Analysis, Entity
from simulator.rxcache import compile as rx

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OFF = rx(r"\b(off|discount|reduction|waive|forgive)\b", re.I)
_PERIODS = ("month", "week", "two_weeks")
_DOWN = rx(r"\b(down payment|today|now|upfront|up front|right away)\b", re.I)


_STARTS = rx(r"\b(starting|start|beginning|begin|from|on|by|due|first payment)\W*(on\W+|the\W+)*$", re.I)


def _date_of(entities: list[Entity], today: dt.date, text: str = "") -> dt.date | None:
    """The payment date: one introduced by 'starting', 'from', 'by'... wins; else the last.

    "Since your new job starts December 1st, starting December 15th" -> December 15th.
    """
    found: list[tuple[bool, dt.date]] = []
    for e in entities:
        day: dt.date | None = None
        if e.type == "date" and e.value:
            try:
                day = dt.date.fromisoformat(str(e.value))
            except ValueError:
                continue
        elif e.type == "weekday" and e.value in _WEEKDAYS:
            delta = (_WEEKDAYS.index(e.value) - today.weekday()) % 7 or 7
            day = today + dt.timedelta(days=delta)
        if day is not None:
            lead = text[max(0, e.start - 30):e.start] if text and e.end else ""
            found.append((bool(_STARTS.search(lead)), day))
    if not found:
        return None
    introduced = [d for flag, d in found if flag]
    return introduced[-1] if introduced else found[-1][1]


def _method_of(entities: list[Entity]) -> str | None:
    for e in entities:
        if e.type == "payment_method" and e.value:
            return str(e.value)
    return None


_KIND_MOVE = {"payment_plan": "offer_payment_plan", "settlement": "offer_settlement",
              "full_payment": "request_full_payment", "promise_to_pay": "request_full_payment"}


def read_terms(analysis: Analysis, balance: float, today: dt.date,
               assume: str | None = None) -> Terms | None:
    """The offer or demand this line makes, or None when it makes none.

    ``assume`` reads a line that makes no offer of its own (a recap) as terms of that kind.
    """
    moves = set(analysis.move_names)
    offer_moves = set(_KIND_MOVE.values()) | {"offer_alternative"}
    if assume and not moves & offer_moves:
        moves.add(_KIND_MOVE.get(assume, "offer_payment_plan"))
    ents = list(analysis.entities)
    amounts = [e for e in ents if e.type == "money" and isinstance(e.value, int | float) and e.value > 0]
    periodic = [e for e in amounts if e.unit in _PERIODS]
    monthly_amounts = [e.value for e in periodic]
    period = periodic[0].unit if periodic else "month"
    plain = [e.value for e in amounts if e.unit not in _PERIODS]
    counts = [int(e.value) for e in ents if e.type == "count" and isinstance(e.value, int | float) and 0 < e.value <= 240]
    percents = [float(e.value) for e in ents if e.type == "percent" and isinstance(e.value, int | float)]
    first = _date_of(ents, today, analysis.text)
    method = _method_of(ents)
    start_days = (first - today).days if first else 0

    def plan(monthly: float | None, count: int | None, upfront: float = 0.0) -> Terms:
        remaining = max(balance - upfront, 0.0)
        total: float | None = None
        if monthly and not count:
            # "$80 a month" on $1,240: 16 payments, the last one smaller; it collects the balance.
            count = max(1, math.ceil(round(remaining / monthly, 6)))
            total = upfront + remaining
        if count and not monthly:
            monthly = round(remaining / count, 2)
        monthly = monthly or 0.0
        count = count or 0
        if total is None:
            total = upfront + monthly * count
        return Terms("payment_plan", round(total, 2), round(upfront, 2),
                     round(monthly, 2), count, first, method, start_days, period)

    if "offer_payment_plan" in moves or ("offer_alternative" in moves and (monthly_amounts or counts)):
        upfront = 0.0
        monthly = monthly_amounts[0] if monthly_amounts else None
        if monthly is None and plain:
            small = [a for a in plain if a < balance * 0.95]
            if small and counts:
                monthly = small[0]
            elif small and len(small) >= 2 and _DOWN.search(analysis.text):
                upfront, monthly = small[0], small[1]
            elif small:
                monthly = small[0]
        elif monthly is not None and plain and _DOWN.search(analysis.text):
            upfront = min(plain[0], balance)
        if monthly is None and not counts:
            if "offer_payment_plan" not in moves:
                return Terms("alternative", 0.0, 0.0, 0.0, 0, first, method, start_days)
            return Terms("payment_plan", 0.0, 0.0, 0.0, 0, first, method, start_days)
        return plan(monthly, counts[0] if counts else None, upfront)

    if "offer_settlement" in moves:
        total: float | None = None
        below = [a for a in plain if a < balance - 0.5]
        if below:
            total = max(below)
        elif percents:
            pct = percents[0] / 100.0
            total = balance * (1 - pct) if _OFF.search(analysis.text) else balance * pct
        if total is None:
            return Terms("settlement", 0.0, 0.0, 0.0, 0, first, method, start_days)
        total = round(total, 2)
        if counts and counts[0] > 1:
            return Terms("settlement", total, 0.0, round(total / counts[0], 2), counts[0],
                         first, method, start_days)
        return Terms("settlement", total, total, 0.0, 0, first, method, start_days)

    if "request_full_payment" in moves:
        return Terms("full_payment", round(balance, 2), round(balance, 2), 0.0, 0, first, method,
                     start_days)

    if "offer_alternative" in moves:
        upfront = round(plain[0], 2) if plain else 0.0
        return Terms("alternative", upfront, upfront, 0.0, 0, first, method, start_days)
    return None


def counter_terms(balance: float, lump_sum: float, capacity: float, min_monthly: float,
                  offered: Terms | None, max_count: int = 240) -> Terms:
    """What the debtor proposes instead: a lump sum they have, or a plan they can carry."""
    if offered is not None and offered.kind in ("full_payment", "settlement") and lump_sum >= balance * 0.3:
        amount = math.floor(lump_sum / 5) * 5 if lump_sum >= 10 else lump_sum
        return Terms("settlement", float(amount), float(amount))
    monthly = max(min_monthly, math.floor(capacity / 5) * 5 if capacity >= 10 else capacity)
    if monthly <= 0:
        return Terms("payment_plan")
    count = min(max_count, max(1, math.ceil(round(balance / monthly, 6))))
    return Terms("payment_plan", round(min(monthly * count, balance), 2), 0.0, float(monthly), count)
