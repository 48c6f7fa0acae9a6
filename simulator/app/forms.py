"""Reading form fields into the core's models, with one message per field.

Pure (no Textual). The messages name the field as the form labels it and say how to
fix it, e.g. ``first payment date: 2026-13-01 is not a date (use YYYY-MM-DD)``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

#: Field id -> the label used in messages.
LABELS = {
    "objective": "objective",
    "settlement_floor": "settlement floor",
    "max_installments": "max instalments",
    "opening": "opening approach",
    "call_time": "call time",
    "outcome": "outcome",
    "total_amount": "total",
    "installment_amount": "instalment",
    "installments": "instalments",
    "first_payment_date": "first payment date",
    "payment_method": "method",
    "follow_up_date": "follow-up date",
}


def _short(value: str, limit: int = 30) -> str:
    value = value.strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


def parse_money(field: str, raw: str, errors: dict[str, str]) -> float | None:
    text = raw.strip().replace(",", "").removeprefix("$").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        errors[field] = f"{LABELS[field]}: {_short(raw)!r} is not an amount (e.g. 600 or 600.00)"
        return None
    if value != value or value in (float("inf"), float("-inf")):
        errors[field] = f"{LABELS[field]}: {_short(raw)!r} is not an amount"
        return None
    if value < 0:
        errors[field] = f"{LABELS[field]}: must not be negative"
        return None
    return round(value, 2)


def parse_percent(field: str, raw: str, errors: dict[str, str]) -> float | None:
    """A percentage, with or without its "%" ("60", "60%")."""
    text = raw.strip().removesuffix("%").strip()
    found: dict[str, str] = {}
    value = parse_money(field, text, found)
    if found:
        errors[field] = f"{LABELS[field]}: {_short(raw)!r} is not a percentage (e.g. 60)"
    return value


def parse_int(field: str, raw: str, errors: dict[str, str], minimum: int = 0) -> int | None:
    text = raw.strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        errors[field] = f"{LABELS[field]}: {_short(raw)!r} is not a whole number"
        return None
    if value < minimum:
        errors[field] = f"{LABELS[field]}: must be at least {minimum}"
        return None
    return value


def parse_date(field: str, raw: str, errors: dict[str, str]) -> dt.date | None:
    text = raw.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else _bad_date()
    except ValueError:
        errors[field] = f"{LABELS[field]}: {_short(raw)} is not a date (use YYYY-MM-DD)"
        return None


def _bad_date() -> dt.date:
    raise ValueError


def parse_hhmm(field: str, raw: str, errors: dict[str, str]) -> str | None:
    text = raw.strip()
    if not text:
        return None
    m = _HHMM.match(text)
    if not m:
        errors[field] = f"{LABELS[field]}: {_short(raw)!r} is not a time (use HH:MM, 24-hour, e.g. 18:30)"
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def outside_calling_hours(hhmm: str | None) -> bool:
    """True before 08:00 or after 21:00 (12 CFR 1006.6(b)(1)(i))."""
    if not hhmm:
        return False
    h, m = (int(x) for x in hhmm.split(":"))
    minutes = h * 60 + m
    return minutes < 8 * 60 or minutes > 21 * 60


def pydantic_messages(exc: Any) -> dict[str, str]:
    """A pydantic ValidationError -> {field: message}, for anything the parsers let by."""
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if not isinstance(x, int)]
        field = loc[-1] if loc else "form"
        label = LABELS.get(field, field.replace("_", " "))
        msg = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
        out.setdefault(field, f"{label}: {msg[0].lower() + msg[1:] if msg else msg}")
    return out


def read_preparation(
    reviewed: list[str], values: dict[str, str]
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The Preparation form -> (preparation dict, {}) or (None, field errors)."""
    from pydantic import ValidationError

    from simulator.content.models import Preparation

    errors: dict[str, str] = {}
    floor_pct = parse_percent("settlement_floor", values.get("settlement_floor", ""), errors)
    if floor_pct is not None and not 0 < floor_pct <= 100:
        errors["settlement_floor"] = "settlement floor: use a percentage from 1 to 100, e.g. 60"
        floor_pct = None
    max_inst = parse_int("max_installments", values.get("max_installments", ""), errors, minimum=1)
    call_time = parse_hhmm("call_time", values.get("call_time", ""), errors)
    if not values.get("call_time", "").strip():
        errors["call_time"] = "call time: when will you call? (HH:MM in the debtor's time zone)"
    if errors:
        return None, errors
    plan: dict[str, Any] = {}
    if values.get("objective"):
        plan["objective"] = values["objective"]
    if floor_pct is not None:
        plan["settlement_floor"] = round(floor_pct / 100, 4)
    if max_inst is not None:
        plan["max_installments"] = max_inst
    if values.get("opening", "").strip():
        plan["opening"] = values["opening"].strip()
    data: dict[str, Any] = {"reviewed": reviewed, "call_time": call_time}
    if plan:
        data["plan"] = plan
    try:
        prep = Preparation.model_validate(data)
    except ValidationError as exc:
        return None, pydantic_messages(exc)
    return prep.model_dump(mode="json", exclude_none=True), {}


def read_agreement(values: dict[str, str]) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The Wrap-up form -> (agreement dict, {}) or (None, field errors)."""
    from pydantic import ValidationError

    from simulator.content.models import Agreement

    errors: dict[str, str] = {}
    data: dict[str, Any] = {
        "outcome": values.get("outcome") or None,
        "total_amount": parse_money("total_amount", values.get("total_amount", ""), errors),
        "installment_amount": parse_money("installment_amount", values.get("installment_amount", ""), errors),
        "installments": parse_int("installments", values.get("installments", ""), errors),
        "first_payment_date": parse_date("first_payment_date", values.get("first_payment_date", ""), errors),
        "payment_method": values.get("payment_method") or None,
        "follow_up_date": parse_date("follow_up_date", values.get("follow_up_date", ""), errors),
    }
    if not data["outcome"]:
        errors["outcome"] = "outcome: choose how the call ended"
    if errors:
        return None, errors
    try:
        agreement = Agreement.model_validate({k: v for k, v in data.items() if v is not None})
    except ValidationError as exc:
        return None, pydantic_messages(exc)
    return agreement.model_dump(mode="json", exclude_none=True), {}


def plan_does_not_add_up(agreement: dict[str, Any]) -> str | None:
    """Why a payment plan's numbers disagree with each other, or None. The count times
    the instalment must cover the total, with at most the last payment smaller: a plan
    typed as 18 x $70.00 for $1,240.00 is a slip the scorer would read as a record that
    does not match the call."""
    if agreement.get("outcome") != "payment_plan":
        return None
    total, each, count = (agreement.get(k) for k in ("total_amount", "installment_amount", "installments"))
    if not (isinstance(total, int | float) and isinstance(each, int | float) and isinstance(count, int)):
        return None
    if count <= 0 or each <= 0:
        return None
    if (count - 1) * each < total - 0.005 and total <= count * each + 0.005:
        return None
    return (f"{count} x ${each:,.2f} = ${count * each:,.2f} does not match the total ${total:,.2f} "
            "(only the last payment may be smaller). Check the numbers, or submit again to keep them.")
