"""Entities: money, percent, counts, dates, weekdays, payment methods."""

from __future__ import annotations

import datetime as dt

import pytest

from simulator.nlu.entities import extract_entities, words_to_number

TODAY = dt.date(2026, 11, 20)  # a Friday


def one(text: str, type_: str, today: dt.date | None = TODAY):
    got = [e for e in extract_entities(text, today) if e.type == type_]
    assert got, (text, extract_entities(text, today))
    e = got[0]
    assert text[e.start:e.end] == e.text
    return e


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("$75", 75.0, ""),
    ("$1,240.50", 1240.5, ""),
    ("75 dollars", 75.0, ""),
    ("75 bucks a month", 75.0, "month"),
    ("seventy-five dollars per month", 75.0, "month"),
    ("$1.2k", 1200.0, ""),
    ("1,240 USD", 1240.0, ""),
    ("a hundred and fifty a month", 150.0, "month"),
    ("$40 weekly", 40.0, "week"),
    ("$50 every week", 50.0, "week"),
    ("four hundred and twelve dollars and forty cents", 412.4, ""),
    ("twelve hundred", 1200.0, ""),
])
def test_money(text: str, value: float, unit: str) -> None:
    e = one(text, "money")
    assert e.value == value and e.unit == unit


def test_percent() -> None:
    assert one("20% off", "percent").value == 20.0
    assert one("take 20 percent", "percent").value == 20.0


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("six payments", 6, "payments"),
    ("8 months", 8, "months"),
    ("12 installments", 12, "payments"),
    ("two instalments", 2, "payments"),
    ("for three weeks", 3, "weeks"),
])
def test_counts(text: str, value: int, unit: str) -> None:
    e = one(text, "count")
    assert (e.value, e.unit) == (value, unit)


@pytest.mark.parametrize(("text", "iso"), [
    ("December 1st", "2026-12-01"),
    ("1 December", "2026-12-01"),
    ("12/01", "2026-12-01"),
    ("2026-12-01", "2026-12-01"),
    ("the 15th", "2026-12-15"),
    ("tomorrow", "2026-11-21"),
    ("next Friday", "2026-11-27"),
    ("by the end of the month", "2026-11-30"),
    ("March 3", "2027-03-03"),
])
def test_dates(text: str, iso: str) -> None:
    assert one(text, "date").value == iso


def test_relative_dates_without_reference_are_found_with_no_value() -> None:
    assert one("tomorrow", "date", today=None).value is None
    assert one("2026-12-01", "date", today=None).value == "2026-12-01"


def test_weekday_and_methods() -> None:
    assert one("every Friday", "weekday").value == "friday"
    assert one("I can pay by debit card", "payment_method").value == "debit_card"
    assert one("mail a check to us", "payment_method").value == "check"
    assert one("through the online portal", "payment_method").value == "online"
    assert one("from your checking account", "payment_method").value == "bank_transfer"


def test_words_to_number() -> None:
    assert words_to_number("a hundred and fifty") == 150
    assert words_to_number("seventy-five") == 75
    assert words_to_number("banana") is None
