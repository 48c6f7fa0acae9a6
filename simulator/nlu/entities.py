"""Entities: money, percentages, counts, dates, weekdays and payment methods.

Pure regular expressions with linear patterns (no nested quantifiers), so that any
input, however long or odd, is scanned in linear time. Spans always index the
original text: ``text[e.start:e.end] == e.text``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from simulator.nlu.numbers import (
    DIGITS,
    NOT_COUNT,
    ORDINALS,
    PRICE,
    SCALED,
    SMALL,
    WORDNUM,
    num,
    words_to_number,
)
from simulator.nlu.types import Entity
from simulator.rxcache import compile as rx

__all__ = ["extract_entities", "words_to_number"]

_MONTHS = {
    m.lower(): i for i, m in enumerate(calendar.month_name) if m
} | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = "|".join(_WEEKDAYS)

_PERIOD = (
    r"(?:\s*(?:/|a|an|per|each|every)\s*(?P<per>month|mo|week|wk|two weeks|other week|"
    r"fortnight|paycheck|payday)\b|\s+(?P<ly>monthly|weekly|bi-?weekly))?"
)

_MONEY_RE = rx(
    r"(?P<a>(?:\$|USD\s?)\s?(?P<an>" + DIGITS + r")(?:\s?(?P<ak>k|K|grand)\b)?)"
    r"|(?P<b>(?P<bn>" + DIGITS + r")(?:\s?(?P<bk>k|K)\b)?\s?(?:dollars?|bucks|usd|USD)\b"
    r"(?:\s+and\s+(?P<bc>\d{1,2}|" + WORDNUM + r")\s+cents?\b)?)"
    r"|(?P<c>\b(?P<cn>" + WORDNUM + r")\s+(?:dollars?|bucks)\b"
    r"(?:\s+and\s+(?P<cc>\d{1,2}|" + WORDNUM + r")\s+cents?\b)?)"
    r"|(?P<d>\b(?P<dn>" + SCALED + r")(?:\s+(?:dollars?|bucks))?\b" + NOT_COUNT + ")"
    r"|(?P<g>\b(?P<gn>" + PRICE + r")\b" + NOT_COUNT + ")"
    r"|(?P<h>\b(?P<hn>" + DIGITS + r")\s?(?:k|K|grand)\b" + NOT_COUNT + ")"
    r"|(?P<e>\b(?P<en>" + WORDNUM + r"|\d{2,6})(?=\s*(?:/|a|an|per|each|every)\s*"
    r"(?:month|week|two weeks|other week)\b))",
    re.IGNORECASE,
)
_PERIOD_RE = rx(_PERIOD, re.IGNORECASE)

_PERCENT_RE = rx(
    r"\b(?P<n>\d+(?:\.\d+)?|" + WORDNUM + r")\s?(?:%|percent\b|per cent\b|pct\b)",
    re.IGNORECASE,
)

_COUNT_RE = rx(
    r"\b(?P<n>\d{1,3}|" + WORDNUM + r")(?:\s+more)?\s+"
    r"(?:(?:equal|monthly|weekly|bi-?weekly|small|separate|smaller|total)\s+)?"
    r"(?P<u>payments?|installments?|instalments?|chunks|months?|weeks?)\b",
    re.IGNORECASE,
)

_ORD_SUFFIX = r"(?:st|nd|rd|th)"
# How many days, weeks or months: "two", "2", "a", "a couple of".
_SPAN_N = rf"(?:\d{{1,3}}|a\s+couple\s+of|a\s+couple|couple\s+of|an?|{SMALL})"
_DATE_RE = rx(
    r"(?P<inrel>\bin\s+(?P<in_n>" + _SPAN_N + r")\s+(?P<in_u>days?|weeks?|months?)\b)"
    r"|(?P<from>\b(?P<from_n>" + _SPAN_N + r")\s+(?P<from_u>days?|weeks?|months?)\s+from\s+"
    r"(?P<from_ref>today|now|tomorrow|(?:this\s+|next\s+|the\s+)?(?:" + _WEEKDAY_RE + r")))\b"
    r"|(?P<ofm>\bthe\s+(?P<ofm_d>\d{1,2}" + _ORD_SUFFIX + r"|" + "|".join(ORDINALS) + r")\s+of\s+"
    r"(?P<ofm_w>next|the\s+next|the\s+following|this|the)\s+month\b)"
    r"|(?P<eonm>\b(?:the\s+)?end\s+of\s+(?:next|the\s+next|the\s+following)\s+month\b)"
    r"|(?P<iso>\b\d{4}-\d{1,2}-\d{1,2}\b)"
    r"|(?P<slash>\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b)"
    r"|(?P<md>\b(?P<md_m>" + _MONTH_RE + r")\.?\s+(?:the\s+)?(?P<md_d>\d{1,2})" + _ORD_SUFFIX
    + r"?\b(?:,?\s+(?P<md_y>\d{4})\b)?)"
    r"|(?P<dm>\b(?:the\s+)?(?P<dm_d>\d{1,2})" + _ORD_SUFFIX + r"?\s+(?:of\s+)?(?P<dm_m>"
    + _MONTH_RE + r")\b(?:,?\s+(?P<dm_y>\d{4})\b)?)"
    r"|(?P<the>\bthe\s+(?P<the_d>\d{1,2})" + _ORD_SUFFIX + r"\b)"
    r"|(?P<theo>\bthe\s+(?P<theo_d>" + "|".join(ORDINALS) + r")\b(?!\s+(?:time|payment|one|"
    r"part|thing|place|step|call|month|week|day|installment|option|"
    r"pay|check|cheque|deposit|bill|statement|letter|notice|job|shift|few|couple)))"
    r"|(?P<rel>\b(?:today|tonight|tomorrow|tmrw|yesterday)\b)"
    r"|(?P<nextwd>\b(?:next|this|coming)\s+(?P<nextwd_w>" + _WEEKDAY_RE + r")\b)"
    r"|(?P<eom>\b(?:the\s+)?end\s+of\s+(?:the|this)\s+month\b)"
    r"|(?P<nxw>\bnext\s+(?P<nxw_u>week|month)\b)",
    re.IGNORECASE,
)
_WEEKDAY_ONLY_RE = rx(r"\b(?P<w>" + _WEEKDAY_RE + r")s?\b", re.IGNORECASE)

_METHODS: tuple[tuple[str, str], ...] = (
    ("debit_card", r"\bdebit\s+card\b|\bdebit\b"),
    ("credit_card", r"\bcredit\s+card\b|\bvisa\s+card\b|\bmastercard\b|\bamex\b"),
    ("bank_transfer", r"\bbank\s+transfer\b|\bach\b|\bwire\s+transfer\b|\bchecking\s+account\b|"
     r"\bsavings\s+account\b|\bbank\s+account\b|\brouting\s+number\b|\bauto[- ]?debit(?:ed)?\b|"
     r"\bdirect\s+debit\b|\bautopay\b|\bauto[- ]pay\b|\be-?check\b"),
    ("money_order", r"\bmoney\s+orders?\b"),
    ("allotment", r"\b(?:pay\s+|military\s+|an\s+|the\s+|by\s+)?allotments?\b"),
    ("check", r"\b(?:a|the|by|your|personal|mail\s+(?:a|the|us\s+a))\s+(?:check|cheque)\b|"
     r"\bchecks?\s+payable\b|\bcheque\b"),
    ("cash", r"\bcash\b"),
    ("online", r"\bonline\b|\bportal\b|\bwebsite\b|\bpayment\s+link\b|\bthe\s+app\b"),
    ("debit_card", r"\bby\s+card\b|\bon\s+(?:your|the|a)\s+card\b|\bcard\s+(?:info|number|on file)\b"),
)
_METHOD_RE = [(name, rx(p, re.IGNORECASE)) for name, p in _METHODS]


def _period_unit(text: str, end: int) -> tuple[str, int]:
    """The period after a money amount ("a month", "weekly") and where it ends."""
    m = _PERIOD_RE.match(text, end, min(len(text), end + 24))
    if not m or m.end() == end:
        return "", end
    per = (m.group("per") or m.group("ly") or "").lower()
    if per in ("month", "mo", "monthly"):
        return "month", m.end()
    if per in ("week", "wk", "weekly"):
        return "week", m.end()
    if per in ("two weeks", "other week", "fortnight", "biweekly", "bi-weekly", "paycheck",
               "payday"):
        return "two_weeks", m.end()
    return "", end


def _money(text: str) -> list[Entity]:
    out: list[Entity] = []
    for m in _MONEY_RE.finditer(text):
        value: float | None
        if m.group("a"):
            value = num(m.group("an"))
            if value is not None and m.group("ak"):
                value *= 1000
        elif m.group("b"):
            value = num(m.group("bn"))
            if value is not None and m.group("bk"):
                value *= 1000
            if value is not None and m.group("bc"):
                value += (num(m.group("bc")) or 0) / 100
        elif m.group("c"):
            value = num(m.group("cn"))
            if value is not None and m.group("cc"):
                value += (num(m.group("cc")) or 0) / 100
        elif m.group("d"):
            value = num(m.group("dn"))
        elif m.group("g"):
            value = num(m.group("gn"))
        elif m.group("h"):
            value = num(m.group("hn"))
            if value is not None:
                value *= 1000
        else:
            value = num(m.group("en"))
            if m.group("en").lower() in ("a", "an"):
                value = None
        if value is None:
            continue
        start, end = m.start(), m.end()
        unit, period_end = _period_unit(text, end)
        out.append(Entity("money", round(value, 2), text[start:end], start, end, unit))
        if period_end > end:  # the period's words are no count ("every two weeks")
            out.append(Entity("_period", None, text[end:period_end], end, period_end))
    return out


def _percent(text: str) -> list[Entity]:
    out = []
    for m in _PERCENT_RE.finditer(text):
        v = num(m.group("n"))
        if v is not None:
            out.append(Entity("percent", v, m.group(0), m.start(), m.end()))
    return out


def _count(text: str) -> list[Entity]:
    out = []
    for m in _COUNT_RE.finditer(text):
        v = num(m.group("n"))
        if v is None or v <= 0 or v > 999:
            continue
        u = m.group("u").lower()
        unit = "months" if u.startswith("month") else "weeks" if u.startswith("week") else "payments"
        out.append(Entity("count", int(v), m.group(0), m.start(), m.end(), unit))
    return out


def _safe_date(y: int, mo: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def _upcoming(today: _dt.date, mo: int, d: int) -> _dt.date | None:
    """The next occurrence (today or later) of month/day."""
    got = _safe_date(today.year, mo, d)
    if got is not None and got < today:
        got = _safe_date(today.year + 1, mo, d)
    return got


def _day_of_month(today: _dt.date, d: int) -> _dt.date | None:
    """The next occurrence (today or later) of day ``d`` of a month."""
    if d < today.day:
        y, mo = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    else:
        y, mo = today.year, today.month
    for _ in range(3):
        got = _safe_date(y, mo, d)
        if got is not None:
            return got
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return None


def _span_count(n: str) -> int | None:
    """"two" -> 2, "a" -> 1, "a couple of" -> 2, "10" -> 10."""
    n = " ".join(n.lower().split())
    if n in ("a", "an"):
        return 1
    if "couple" in n:
        return 2
    v = num(n)
    return int(v) if v is not None and 0 < v <= 366 else None


def _add_span(day: _dt.date, count: int, unit: str) -> _dt.date:
    if unit.startswith("day"):
        return day + _dt.timedelta(days=count)
    if unit.startswith("week"):
        return day + _dt.timedelta(weeks=count)
    y, mo = divmod(day.month - 1 + count, 12)
    y += day.year
    mo += 1
    return _dt.date(y, mo, min(day.day, calendar.monthrange(y, mo)[1]))


def _reference_day(today: _dt.date, ref: str) -> _dt.date:
    """What "from ..." counts from: today, tomorrow, or the coming weekday ("Friday",
    "next Friday": the next one after today)."""
    if ref in ("today", "now"):
        return today
    if ref == "tomorrow":
        return today + _dt.timedelta(days=1)
    target = _WEEKDAYS.index(ref.split()[-1])
    return today + _dt.timedelta(days=(target - today.weekday()) % 7 or 7)


def _resolve(m: re.Match[str], today: _dt.date | None) -> str | None:
    g = m.group
    if g("iso"):
        y, mo, d = (int(x) for x in g("iso").split("-"))
        got = _safe_date(y, mo, d)
        return got.isoformat() if got else None
    if today is None and not (g("md") and g("md_y")) and not (g("dm") and g("dm_y")):
        if g("slash") and g("slash").count("/") == 2:
            pass
        else:
            return None
    if g("slash"):
        parts = [int(x) for x in g("slash").split("/")]
        mo, d = parts[0], parts[1]
        if len(parts) == 3:
            y = parts[2] + (2000 if parts[2] < 100 else 0)
            got = _safe_date(y, mo, d)
        else:
            got = _upcoming(today, mo, d) if today and 1 <= mo <= 12 else None
        return got.isoformat() if got else None
    if g("md") or g("dm"):
        mo = _MONTHS[(g("md_m") or g("dm_m")).lower()]
        d = int(g("md_d") or g("dm_d"))
        y_s = g("md_y") or g("dm_y")
        got = _safe_date(int(y_s), mo, d) if y_s else _upcoming(today, mo, d) if today else None
        return got.isoformat() if got else None
    assert today is not None
    if g("inrel") or g("from"):
        n, unit = (g("in_n"), g("in_u")) if g("inrel") else (g("from_n"), g("from_u"))
        count = _span_count(n)
        if count is None:
            return None
        base = today
        if g("from"):
            base = _reference_day(today, g("from_ref").lower())
        return _add_span(base, count, unit.lower()).isoformat()
    if g("ofm"):
        raw = g("ofm_d").lower()
        d = int(raw[:-2]) if raw[:1].isdigit() else ORDINALS[raw]
        which = g("ofm_w").lower().split()[-1]
        if which == "the":  # "the first of the month": the next one
            got = _day_of_month(today, d) if 1 <= d <= 31 else None
        else:
            y, mo = today.year, today.month
            if which in ("next", "following"):
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
            got = _safe_date(y, mo, min(d, calendar.monthrange(y, mo)[1])) if 1 <= d <= 31 else None
        return got.isoformat() if got else None
    if g("eonm"):
        y, mo = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return _dt.date(y, mo, calendar.monthrange(y, mo)[1]).isoformat()
    if g("the") or g("theo"):
        d = int(g("the_d")) if g("the") else ORDINALS[g("theo_d").lower()]
        got = _day_of_month(today, d) if 1 <= d <= 31 else None
        return got.isoformat() if got else None
    if g("rel"):
        w = g("rel").lower()
        delta = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[w]
        return (today + _dt.timedelta(days=delta)).isoformat()
    if g("nextwd"):
        target = _WEEKDAYS.index(g("nextwd_w").lower())
        ahead = (target - today.weekday()) % 7 or 7
        return (today + _dt.timedelta(days=ahead)).isoformat()
    if g("eom"):
        last = calendar.monthrange(today.year, today.month)[1]
        return today.replace(day=last).isoformat()
    if g("nxw"):
        if g("nxw_u").lower() == "week":
            return (today + _dt.timedelta(days=7)).isoformat()
        y, mo = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return _dt.date(y, mo, 1).isoformat()
    return None


def _dates(text: str, today: _dt.date | None) -> list[Entity]:
    out = []
    for m in _DATE_RE.finditer(text):
        if m.group("slash"):
            parts = m.group("slash").split("/")
            if not (1 <= int(parts[0]) <= 12 and 1 <= int(parts[1]) <= 31):
                continue
        out.append(Entity("date", _resolve(m, today), m.group(0), m.start(), m.end()))
    return out


def _weekdays(text: str) -> list[Entity]:
    return [Entity("weekday", m.group("w").lower(), m.group(0), m.start(), m.end())
            for m in _WEEKDAY_ONLY_RE.finditer(text)]


def _methods(text: str) -> list[Entity]:
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _METHOD_RE:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Entity("payment_method", name, m.group(0), m.start(), m.end()))
    return out


def extract_entities(text: str, today: _dt.date | None = None) -> list[Entity]:
    """All entities in ``text``, in order of position; overlapping numbers resolved.

    Money wins over a count or percent on the same words; a date wins over a bare
    number ("in two weeks" is a date, not a count of weeks) and over a weekday inside it
    ("a week from Friday"). Relative dates get ``value`` None when ``today`` is None.
    """
    money = _money(text)
    percent = _percent(text)
    counts = _count(text)
    dates = _dates(text, today)
    taken = [(e.start, e.end) for e in [*percent, *dates]]

    def free(e: Entity) -> bool:
        return not any(e.start < b and a < e.end for a, b in taken)

    money = [e for e in money if free(e)]
    taken += [(e.start, e.end) for e in money]
    money = [e for e in money if e.type == "money"]
    counts = [e for e in counts if free(e)]
    spans = [(e.start, e.end) for e in dates]
    weekdays = [w for w in _weekdays(text) if not any(a <= w.start and w.end <= b for a, b in spans)]
    result = [*money, *percent, *counts, *dates, *weekdays, *_methods(text)]
    result.sort(key=lambda e: (e.start, e.end))
    return result
