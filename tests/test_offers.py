"""Terms read from the trainee's words: amounts, counts, dates fill an offer."""

import datetime as dt

from simulator.engine.offers import counter_terms, read_terms
from simulator.nlu.types import Analysis, Entity, Move

TODAY = dt.date(2026, 11, 20)


def _a(text, moves, entities=()):
    return Analysis(text, tuple(Move(m, text) for m in moves), tuple(entities))


def test_plan_with_monthly_and_count():
    t = read_terms(_a("$75 a month for 8 months", ["offer_payment_plan"],
                      [Entity("money", 75.0, "$75", unit="month"), Entity("count", 8, "8 months", unit="months")]),
                   1240, TODAY)
    assert (t.kind, t.monthly, t.count, t.total, t.upfront) == ("payment_plan", 75.0, 8, 600.0, 0.0)


def test_plan_count_only_divides_balance():
    t = read_terms(_a("six payments", ["offer_payment_plan"], [Entity("count", 6, "six payments", unit="payments")]),
                   1200, TODAY)
    assert (t.monthly, t.count) == (200.0, 6)


def test_plan_monthly_only_counts_payments():
    t = read_terms(_a("$100 a month", ["offer_payment_plan"], [Entity("money", 100.0, "$100", unit="month")]),
                   1240, TODAY)
    assert (t.monthly, t.count, t.total) == (100.0, 13, 1240.0)


def test_settlement_amount_and_percent():
    t = read_terms(_a("close it for $800", ["offer_settlement"], [Entity("money", 800.0, "$800")]), 1240, TODAY)
    assert (t.kind, t.total, t.upfront) == ("settlement", 800.0, 800.0)
    t = read_terms(_a("settle for 60% of the balance", ["offer_settlement"], [Entity("percent", 60.0, "60%")]),
                   1000, TODAY)
    assert t.total == 600.0
    t = read_terms(_a("we can take 40% off", ["offer_settlement"], [Entity("percent", 40.0, "40%")]), 1000, TODAY)
    assert t.total == 600.0


def test_full_payment_and_dates():
    t = read_terms(_a("Can you pay the full balance by Friday?", ["request_full_payment"],
                      [Entity("weekday", "friday", "Friday")]), 1240, TODAY)
    assert t.kind == "full_payment" and t.total == 1240
    assert t.first_date == dt.date(2026, 11, 27)  # TODAY is a Friday: the next one
    assert t.start_days == 7


def test_no_offer():
    assert read_terms(_a("How are you?", ["open_question"]), 1240, TODAY) is None


def test_counter_offer_sized_to_capacity():
    c = counter_terms(1240, 60, 87, 40, None)
    assert (c.kind, c.monthly, c.count) == ("payment_plan", 85.0, 15)
    c = counter_terms(1000, 700, 100, 40, read_terms(_a("full", ["request_full_payment"]), 1000, TODAY))
    assert (c.kind, c.total) == ("settlement", 700.0)


def test_weekly_instalments_compare_as_monthly():
    t = read_terms(_a("$25 a week", ["offer_payment_plan"], [Entity("money", 25.0, "$25", unit="week")]),
                   1000, TODAY)
    assert (t.monthly, t.period, t.count) == (25.0, "week", 40)
    assert round(t.per_month, 2) == 108.33


def test_the_introduced_date_is_the_first_payment():
    text = "Since your new job starts December 1st, we could do $80 a month starting December 15th."
    i, j = text.index("December 1st"), text.index("December 15th")
    t = read_terms(_a(text, ["offer_payment_plan"], [
        Entity("date", "2026-12-01", "December 1st", i, i + 12),
        Entity("money", 80.0, "$80", unit="month"),
        Entity("date", "2026-12-15", "December 15th", j, j + 13)]), 1240, TODAY)
    assert t.first_date == dt.date(2026, 12, 15)
