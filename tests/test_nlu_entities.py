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


# ---------------------------------------------------------------- spoken amounts and slang


@pytest.mark.parametrize(("text", "value"), [
    ("two grand", 2000.0),
    ("about two grand", 2000.0),
    ("2 grand", 2000.0),
    ("a couple hundred", 200.0),
    ("a couple of hundred bucks", 200.0),
    ("one-fifty", 150.0),
    ("two-seventy-five", 275.0),
    ("I can do two fifty a month", 250.0),
    ("about two and a half thousand", 2500.0),
    ("one and a half grand", 1500.0),
    ("twelve hundred forty", 1240.0),
    ("twelve hundred and forty dollars", 1240.0),
    ("twenty-four hundred", 2400.0),
    ("two thousand three hundred and fifty", 2350.0),
    ("fourteen hundred and eighty dollars", 1480.0),
    ("a thirty-five dollar late fee", 35.0),
])
def test_spoken_amounts(text: str, value: float) -> None:
    assert one(text, "money").value == value


@pytest.mark.parametrize("text", [
    "for twelve hundred payments", "twenty-five", "two weeks", "one of them", "a few things",
])
def test_not_money(text: str) -> None:
    assert [e for e in extract_entities(text, TODAY) if e.type == "money"] == []


def test_words_to_number_price_form_and_halves() -> None:
    assert words_to_number("one fifteen") == 115
    assert words_to_number("four hundred and twelve") == 412  # not a price: hundred came first
    assert words_to_number("a couple") == 2
    assert words_to_number("two and a half thousand") == 2500
    assert words_to_number("a") is None


# ---------------------------------------------------------------- relative dates


@pytest.mark.parametrize(("text", "iso"), [
    ("in two weeks", "2026-12-04"),
    ("in 10 days", "2026-11-30"),
    ("in a month", "2026-12-20"),
    ("two weeks from today", "2026-12-04"),
    ("a couple of weeks from now", "2026-12-04"),
    ("a week from Friday", "2026-12-04"),  # TODAY is a Friday: the coming Friday is the 27th
    ("two weeks from next Monday", "2026-12-07"),
    ("the first of next month", "2026-12-01"),
    ("the 15th of next month", "2026-12-15"),
    ("the first of the month", "2026-12-01"),
    ("end of the month", "2026-11-30"),
    ("by the end of next month", "2026-12-31"),
])
def test_relative_dates(text: str, iso: str) -> None:
    assert one(text, "date").value == iso


def test_relative_dates_cross_the_year_and_clamp_the_day() -> None:
    assert one("in a month", "date", today=dt.date(2026, 1, 31)).value == "2026-02-28"
    assert one("the first of next month", "date", today=dt.date(2026, 12, 3)).value == "2027-01-01"


def test_a_relative_date_is_not_a_count_nor_a_weekday() -> None:
    ents = extract_entities("$80 a month starting a week from Friday for 16 months", TODAY)
    assert [(e.type, e.value) for e in ents if e.type in ("date", "count", "weekday")] == [
        ("date", "2026-12-04"), ("count", 16)]
    assert [e.type for e in extract_entities("in two weeks", TODAY)] == ["date"]


def test_offer_reads_a_relative_first_date() -> None:
    from simulator.engine.offers import read_terms
    from simulator.nlu.analyser import analyze

    a = analyze("We could set up a plan of $80 a month starting two weeks from today.", today=TODAY)
    t = read_terms(a, 1240.0, TODAY)
    assert t is not None and t.first_date == dt.date(2026, 12, 4) and t.monthly == 80
