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


_STARTS = rx(r"\b(starting|start|beginning|begin|from|on|by|before|due|first (?:payment|one|instal?ment|"
             r"installment|draft|debit))\W*(on\W+|the\W+)*$", re.I)
#: A clause about what the collector will do next ("I'll email you today", "a reminder on
#: the 14th"): a date in it is when that happens, not when a payment falls due.
_NEXT_STEP = rx(r"\b(e-?mail\w*|send|sent|mail|text|letter|confirm\w*|reminder|statement|call you|"
                r"follow(?:ing)?[- ]up|get back|in writing|paperwork)\b", re.I)
#: A clause about a call to come ("I'll give you a call on the 16th", "I'll check in on the
#: 16th"): its date is when the collector calls, even after 'on' (tester6 2.2) ...
_CALL_BACK = rx(r"\b(?:call|ring|phone|check in|touch base|follow[- ]?up|reach out|get back to)\b", re.I)
#: ... unless the clause is about the payment itself ("call in the payment on the 15th").
_PAYMENT_WORD = rx(r"\b(?:pay\w*|pmt|draft\w*|debit\w*|due|instal\w*|installment)\b", re.I)
_CLAUSE_END = rx(r"[.;:!?,]|\b(?:and|but|then)\b", re.I)
#: Words before an amount that make it the plan's last payment, smaller or larger: "a last
#: one of $75", "the last one just $20.40", "then a final $75", "with the last at $20.40",
#: "roll the extra into the last one so it's $180.40" (tester6 3.5).
_FINAL = rx(r"\b(?:last|final)(?:\s+(?:one|payment|pmt|instal\w*|installment))?\s*(?:of|is|at|for|being|be|"
            r"would|will|=|just|only|so|it's|its|it|making|which|comes to|to|\W)*\s*$", re.I)
#: ... and words that add it after the N payments named ("18 payments of $100 and a last one").
_FINAL_EXTRA = rx(r"\b(?:and|then|plus|followed by)\s+(?:a|one)?\s*(?:last|final)\b", re.I)


def _clause_of(text: str, start: int, end: int) -> str:
    """The words around a span up to the nearest clause break either side."""
    before = text[max(0, start - 80):start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(before)]
    after = text[end:end + 80]
    nxt = _CLAUSE_END.search(after)
    return before[cuts[-1] if cuts else 0:] + text[start:end] + after[:nxt.start() if nxt else len(after)]


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence holding a span, so a cue elsewhere in the line does not count."""
    left = max(text.rfind(c, 0, start) for c in ".?!;")
    rights = [i for i in (text.find(c, end) for c in ".?!;") if i >= 0]
    return text[left + 1:min(rights) if rights else len(text)]


def _date_of(entities: list[Entity], today: dt.date, text: str = "") -> dt.date | None:
    """The payment date: one introduced by 'starting', 'from', 'by'... wins; else the last;
    a date in a clause about a next step ("I'll email you today") is none.

    "Since your new job starts December 1st, starting December 15th" -> December 15th.
    """
    found: list[tuple[int, dt.date]] = []
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
            found.append((_date_rank(e, text), day))
    if not found:
        return None
    best = max(rank for rank, _ in found)
    return [d for rank, d in found if rank == best][-1] if best > 0 else None


def _date_rank(e: Entity, text: str) -> int:
    """2: introduced as the payment date; 1: a plain date; 0: when a next step happens."""
    if not text or not e.end:
        return 1
    clause = _clause_of(text, e.start, e.end)
    if _CALL_BACK.search(clause) and not _PAYMENT_WORD.search(clause):
        return 0
    if _STARTS.search(text[max(0, e.start - 30):e.start]):
        return 2
    return 0 if _NEXT_STEP.search(clause) else 1


def _final_payment(amounts: list[Entity], text: str) -> Entity | None:
    """The amount named as the plan's last payment, if any."""
    for e in amounts:
        if e.unit not in _PERIODS and e.end and _FINAL.search(text[max(0, e.start - 40):e.start]):
            return e
    return None


def _count_with_final(count: int, monthly: float, final: float, remaining: float, text: str) -> int:
    """How many payments a plan with a last one of its own has, the last included.

    "19 payments, the last one $75" counts it; "18 payments of $100 and a last one of $75"
    adds it. The reading whose payments add up to what is owed wins; else the words decide.
    """
    included, extra = monthly * (count - 1) + final, monthly * count + final
    if abs(included - remaining) < 1 <= abs(extra - remaining):
        return count
    if abs(extra - remaining) < 1 <= abs(included - remaining):
        return count + 1
    return count + 1 if _FINAL_EXTRA.search(text) else count


#: An amount named as a fee: "a $15 processing fee", "a fee of $15" (tester7 D4) ...
_FEE_AFTER = rx(r"^\s*(?:[\w-]+\s+){0,2}(?:fee|surcharge|charge)s?\b", re.I)
_FEE_BEFORE = rx(r"\b(?:fee|surcharge|charge)s?\s*(?:of|is|:)?\s*$", re.I)
#: ... added to what is paid ("plus a $15 processing fee", "there's a $9.95 convenience fee"),
#: not one already in the balance ("$35 in late fees") ...
_FEE_ADDED = rx(r"\b(?:plus|add\w*|extra|on top|processing|convenience|service|transaction|handling|"
                r"there'?s|there is|charge you|cost you)\b", re.I)
#: ... unless it is taken off ("I'll waive the $15 fee", "no $15 fee if you pay today").
_NO_FEE = rx(r"\b(?:waiv\w*|no|without|free|won't|will not|don't|do not|remove\w*|drop\w*)\b", re.I)


_FEE_WORD = rx(r"\b(?:fee|surcharge)s?\b", re.I)


def fee_named(analysis: Analysis, balance: float = 0.0) -> float | None:
    """A fee the line adds to what is owed, if any: a debtor questions it. Named with its
    amount ("a $15 processing fee"), or as a total just over the balance with the fee
    in it ("so thats $1,495 today w the fee")."""
    text = analysis.text
    amounts = [e for e in analysis.entities
               if e.type == "money" and isinstance(e.value, int | float) and e.value > 0 and e.end]
    for e in amounts:
        if not (_FEE_AFTER.search(text[e.end:e.end + 30]) or _FEE_BEFORE.search(text[max(0, e.start - 25):e.start])):
            continue
        clause = _clause_of(text, e.start, e.end)
        if _FEE_ADDED.search(clause) and not _NO_FEE.search(clause):
            return float(e.value)
    if balance and _FEE_WORD.search(text) and not _NO_FEE.search(text):
        over = [e.value - balance for e in amounts if 0.5 <= e.value - balance <= max(50.0, balance * 0.1)]
        if over:
            return round(float(over[0]), 2)
    return None


def _method_of(entities: list[Entity]) -> str | None:
    for e in entities:
        if e.type == "payment_method" and e.value:
            return str(e.value)
    return None


def _offered(analysis: Analysis, periodic: list[Entity]) -> float:
    """The instalment the offer names: the amount inside the offer's own words, not one
    restated before it ("ok, $75 a month, gotcha. so how about $80 a month?" offers $80)."""
    for m in analysis.moves:
        if m.move in ("offer_payment_plan", "offer_alternative") and m.end > m.start:
            inside = [e for e in periodic if e.end and m.start <= e.start < m.end]
            if inside:
                return float(inside[0].value)
    return float(periodic[0].value)


#: Words that make a count the most allowed, not the plan: "up to 24 months", "as long as
#: two years", "a maximum of 12 payments".
_CEILING = rx(r"\b(?:up to|as (?:long|many) as|a maximum of|max(?:imum)?(?: of)?|no more than|at most|"
              r"not more than)\s*$", re.I)


def term_only(analysis: Analysis, balance: float) -> bool:
    """The line's only plan terms are the longest term allowed ("I can spread it up to 24
    months... what could you put toward it each month?"): no instalment is offered, and a
    capacity question in it is the point (tester8 2.5: Gary 'accepted' $1,875 / 24 = $78.12)."""
    text = analysis.text
    counts = [e for e in analysis.entities if e.type == "count"]
    money = [e for e in analysis.entities if e.type == "money" and isinstance(e.value, int | float)
             and 0 < e.value < balance * 0.95]
    return bool(counts) and not money and all(
        _CEILING.search(text[max(0, e.start - 25):e.start]) for e in counts if e.end)


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
    text = analysis.text
    amounts = [e for e in ents if e.type == "money" and isinstance(e.value, int | float) and e.value > 0]
    final = _final_payment(amounts, text)
    periodic = [e for e in amounts if e.unit in _PERIODS]
    monthly_amounts = [e.value for e in periodic]
    period = periodic[0].unit if periodic else "month"
    plain_ents = [e for e in amounts if e.unit not in _PERIODS and e is not final]
    plain = [e.value for e in plain_ents]
    counts = [int(e.value) for e in ents if e.type == "count" and isinstance(e.value, int | float) and 0 < e.value <= 240]
    percents = [float(e.value) for e in ents if e.type == "percent" and isinstance(e.value, int | float)]
    first = _date_of(ents, today, text)
    method = _method_of(ents)
    start_days = (first - today).days if first else 0

    def down_payment(e: Entity) -> bool:
        """'$200 today and $100 a month': a down payment cue in the amount's own sentence."""
        return bool(_DOWN.search(_sentence_of(text, e.start, e.end) if e.end else text))

    def plan(monthly: float | None, count: int | None, upfront: float = 0.0) -> Terms:
        remaining = max(balance - upfront, 0.0)
        total: float | None = None
        if monthly and count and final is not None and abs(final.value - monthly) >= 0.01:
            # "18 payments of $100 and a last one of $75": the last payment is smaller; "11
            # payments, the last one $180.40": larger, the rest rolled into it.
            count = _count_with_final(count, monthly, float(final.value), remaining, text)
            total = upfront + monthly * (count - 1) + float(final.value)
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
            if 0 < total - upfront - remaining < monthly:
                # Instalments rounded up: the last one is smaller, the plan collects what is owed.
                total = upfront + remaining
        return Terms("payment_plan", round(total, 2), round(upfront, 2),
                     round(monthly, 2), count, first, method, start_days, period)

    if "request_full_payment" in moves and "offer_payment_plan" in moves and not (
            periodic or counts or [e for e in plain_ents if e.value < balance * 0.95]):
        # "Can you do the whole thing today, or would you rather split it?": the choice names
        # no plan to hold; the terms on the table are the balance.
        return Terms("full_payment", round(balance, 2), round(balance, 2), 0.0, 0, first, method,
                     start_days)
    if "offer_payment_plan" in moves or ("offer_alternative" in moves and (monthly_amounts or counts)):
        upfront = 0.0
        monthly = _offered(analysis, periodic) if periodic else None
        if monthly is None and plain:
            small = [e for e in plain_ents if e.value < balance * 0.95]
            if small and counts:
                monthly = small[0].value
            elif small and len(small) >= 2 and down_payment(small[0]):
                upfront, monthly = small[0].value, small[1].value
            elif small:
                monthly = small[0].value
        elif monthly is not None:
            # A plain amount is a down payment only when its own sentence says so, and the
            # instalment said again ("18 payments of $100") is no down payment.
            down = [e for e in plain_ents if abs(e.value - monthly) >= 0.01 and down_payment(e)]
            if down:
                upfront = min(down[0].value, balance)
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
