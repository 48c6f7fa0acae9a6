"""Bad input: markup, a 100 KB paste, control characters and emoji are shown literally;
bad form values get a message next to the field."""

from __future__ import annotations

import pytest
from test_app_support import (
    OUTCOME_ORDER,
    SCRIPTS,
    choose,
    fill,
    home_to_call,
    run_async,
    settle,
    shown,
    type_text,
)

from simulator.app import forms
from simulator.app.app import CollectSimApp
from simulator.app.text import literal


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    return tmp_path


def transcript_lines(app):
    return [e.plain for e in app.screen.query_one("#transcript").entries]


def last_trainee_line(app):
    return [e for e in app.screen.query_one("#transcript").entries if e.kind == "trainee"][-1]


@run_async
async def test_markup_is_shown_literally():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await type_text(pilot, "[bold red]x[/] and [link=http://e.x]y[/link] 😀")
        await pilot.press("enter")
        await settle(pilot)
        lines = transcript_lines(app)
        assert "You: [bold red]x[/] and [link=http://e.x]y[/link] 😀" in lines
        entry = last_trainee_line(app)
        # No style leaked from the words into the text: only the label is bold.
        assert all("red" not in str(span.style) for span in entry.content.spans)


@run_async
async def test_a_100_kb_paste_is_handled():
    from textual import events

    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    big = ("[b]I hear you[/b] " * 6400)[:100_000]
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        say = app.screen.query_one("#say")
        say.post_message(events.Paste(big))
        await settle(pilot)
        assert say.value == big
        await pilot.press("enter")
        await settle(pilot)
        assert len(app.session.turns) == 1
        assert app.session.turns[0].text == big
        last = last_trainee_line(app).plain
        assert last.startswith("You: [b]I hear you[/b] [b]I hear you[/b]")
        assert "more characters" in last
        assert app.screen.query_one("#say").value == ""


@run_async
async def test_control_characters_and_empty_lines():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await pilot.press("enter")  # empty: nothing is sent
        await type_text(pilot, "   ")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.turns == []
        app.screen.query_one("#say").value = "bell\x07 escape\x1b[31m red"
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.turns[0].text == "bell\x07 escape\x1b[31m red"
        assert "You: bell␇ escape␛[31m red" in transcript_lines(app)


def test_literal_replaces_control_characters():
    assert literal("a\x1b[2Jb\x7f\x9b").plain == "a␛[2Jb␡\ufffd"
    assert literal("[bold]x[/]").plain == "[bold]x[/]"


def test_agreement_messages_name_the_field():
    agreement, errors = forms.read_agreement({
        "outcome": "payment_plan", "total_amount": "-5", "installment_amount": "ten",
        "installments": "2.5", "first_payment_date": "2026-13-01", "follow_up_date": "tomorrow",
    })
    assert agreement is None
    assert errors == {
        "total_amount": "total: must not be negative",
        "installment_amount": "instalment: 'ten' is not an amount (e.g. 600 or 600.00)",
        "installments": "instalments: '2.5' is not a whole number",
        "first_payment_date": "first payment date: 2026-13-01 is not a date (use YYYY-MM-DD)",
        "follow_up_date": "follow-up date: tomorrow is not a date (use YYYY-MM-DD)",
    }
    ok, errors = forms.read_agreement({"outcome": "payment_plan", "total_amount": "$1,240.50",
                                       "first_payment_date": "2026-12-01"})
    assert errors == {} and ok == {"outcome": "payment_plan", "total_amount": 1240.5,
                                   "first_payment_date": "2026-12-01"}


def test_preparation_messages_and_calling_hours():
    prep, errors = forms.read_preparation([], {"settlement_floor": "150", "max_installments": "0",
                                               "call_time": "25:00"})
    assert prep is None
    assert set(errors) == {"settlement_floor", "max_installments", "call_time"}
    _, bad = forms.read_preparation([], {"settlement_floor": "abc", "call_time": "18:00"})
    assert bad == {"settlement_floor": "settlement floor: 'abc' is not a percentage (e.g. 60)"}
    ok, none = forms.read_preparation([], {"settlement_floor": "60%", "call_time": "18:00"})
    assert none == {} and ok["plan"]["settlement_floor"] == 0.6
    assert errors["call_time"].startswith("call time: '25:00' is not a time")
    prep, errors = forms.read_preparation(["account_summary"], {
        "objective": "settlement", "settlement_floor": "60", "max_installments": "12", "call_time": "7:45"})
    assert errors == {}
    assert prep == {"reviewed": ["account_summary"], "call_time": "07:45",
                    "plan": {"objective": "settlement", "settlement_floor": 0.6, "max_installments": 12}}
    assert forms.outside_calling_hours("07:45") and forms.outside_calling_hours("21:01")
    assert not forms.outside_calling_hours("08:00") and not forms.outside_calling_hours("21:00")


async def to_wrap_up(pilot) -> None:
    """Dial the hardship call and end it at once: the wrap-up form, empty."""
    await home_to_call(pilot, SCRIPTS["hardship-basic"])
    await pilot.press("ctrl+e")
    await settle(pilot)


@run_async
async def test_wrap_up_shows_messages_next_to_fields():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await to_wrap_up(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert shown(pilot, "#err-outcome") == "outcome: choose how the call ended"
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("payment_plan"))
        await fill(pilot, "#total_amount", "-5")
        await fill(pilot, "#first_payment_date", "2026-13-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "WrapUpScreen"
        assert shown(pilot, "#err-total_amount") == "total: must not be negative"
        assert shown(pilot, "#err-first_payment_date") == "first payment date: 2026-13-01 is not a date (use YYYY-MM-DD)"
        assert app.screen.query_one("#err-outcome").display is False
        assert app.screen.query_one("#err-installments").display is False


@run_async
async def test_a_late_call_time_warns_but_dials():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await fill(pilot, "#call_time", "22:15")
        await settle(pilot)
        assert "outside 08:00–21:00" in shown(pilot, "#time-warning")
        await pilot.press("f5", "f5")  # no plan: the first F5 only warns
        await settle(pilot)
        # Out of hours is a critical violation: the next F5 warns too, and stays.
        assert type(app.screen).__name__ == "PreparationScreen"
        assert any("outside 08:00–21:00" in str(n.message) for n in app._notifications)
        await pilot.press("f5")
        await settle(pilot)
        assert type(app.screen).__name__ == "CallScreen"
        assert app.session.preparation.call_time == "22:15"


def test_a_plan_that_does_not_add_up_is_named():
    ok = {"outcome": "payment_plan", "total_amount": 1240.0, "installment_amount": 80.0, "installments": 16}
    assert forms.plan_does_not_add_up(ok) is None  # 15 x 80 + a last 40
    assert forms.plan_does_not_add_up(dict(ok, installment_amount=70.0, installments=18)) is None  # 17 x 70 + 50
    slip = dict(ok, installment_amount=60.0, installments=18)
    assert forms.plan_does_not_add_up(slip).startswith("18 x $60.00 = $1,080.00 does not match the total $1,240.00")
    assert forms.plan_does_not_add_up(dict(ok, installments=20)) is not None  # four payments too many
    assert forms.plan_does_not_add_up({"outcome": "settlement", "total_amount": 600.0}) is None


@run_async
async def test_wrap_up_asks_again_before_submitting_a_plan_that_does_not_add_up():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await to_wrap_up(pilot)
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("payment_plan"))
        for field, value in (("total_amount", "1240"), ("installment_amount", "60"), ("installments", "18"),
                             ("first_payment_date", "2026-12-15")):
            await fill(pilot, f"#{field}", value)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "WrapUpScreen"
        assert "does not match the total" in shown(pilot, "#err-installments")
        await pilot.press("ctrl+s")  # the trainee keeps the numbers: submitted as typed
        await settle(pilot)
        assert type(app.screen).__name__ != "WrapUpScreen"
