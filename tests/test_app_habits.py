"""Habits: remembered settings, theme, coach mode, the command palette, help, 80x24."""

from __future__ import annotations

import json

import pytest
from test_app_support import SCRIPTS, home_to_call, run_async, settle, shown, talk, type_text

from simulator.app.app import CollectSimApp
from simulator.app.settings import Settings


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    return tmp_path


@run_async
async def test_the_trainee_name_is_remembered(home):
    app = CollectSimApp(frozen_clock=True, offer_resume=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert app.focused.id == "trainee"
        await type_text(pilot, "Robin")
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused.id == "scenarios"
    assert json.loads((home / "config" / "settings.json").read_text())["trainee"] == "Robin"
    app = CollectSimApp(frozen_clock=True, offer_resume=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#trainee").value == "Robin"


@run_async
async def test_no_name_no_call(home):
    app = CollectSimApp(frozen_clock=True, offer_resume=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.screen.query_one("#scenarios").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"


@run_async
async def test_theme_toggles_and_is_remembered(home):
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
    assert Settings.load().theme == "textual-light"


@run_async
async def test_coach_and_assessment_modes():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, SCRIPTS["hardship-basic"].lines[:3])
        pane = app.screen.query_one("#coach-pane")
        assert pane.display and "Trust" in shown(pilot, "#mood")
        assert shown(pilot, "#hints").startswith("•")
        transcript = app.screen.query_one("#transcript")
        assert any("asked an open question" in e.note.plain for e in transcript.entries if e.note)
        assert transcript.annotations
        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.query_one("#coach-pane").display
        assert not transcript.annotations  # the moves found are hidden too
        assert "assessment" in shown(pilot, "#mode")
    # F2 on a call changes that call only: the next call starts in the mode Home shows.
    assert Settings.load().coach is True


@run_async
async def test_the_hardship_hint_follows_what_she_said():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    script = SCRIPTS["hardship-basic"]
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines[:3])
        events = app.session.turns[-1].events
        if any(e.startswith("revealed:") for e in events):
            assert "acknowledge it" in shown(pilot, "#hints")


@run_async
async def test_command_palette_starts_a_scenario_and_toggles_coach():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "Start scenario: Her roommate")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "PreparationScreen"
        assert app.screen.info.id == "third-party"
        await pilot.press("f5", "f5")  # an empty plan: the first F5 warns, the second dials
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "assessment")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.coach is False and app.coach is True  # this call only
        await type_text(pilot, "Hello?")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "restart the call")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CallScreen"
        assert app.session.turns == []


@run_async
async def test_help_opens_and_closes():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"


def visible_in_screen(widget, size):
    region = widget.region
    return region.width > 0 and region.height > 0 and region.right <= size[0] and region.bottom <= size[1]


@run_async
async def test_usable_at_80x24():
    size = (80, 24)
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for sel in ("#trainee", "#scenarios", "#recent"):
            assert visible_in_screen(app.screen.query_one(sel), size), sel
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, SCRIPTS["hardship-basic"].lines[:4])
        for sel in ("#say", "#transcript", "#notes", "#timer"):
            assert visible_in_screen(app.screen.query_one(sel), size), sel
        assert app.screen.query_one("#transcript").region.height >= 8
        assert app.screen.query_one("#say").has_focus
        await pilot.press("ctrl+e")
        await settle(pilot)
        for sel in ("#outcome", "#submit", "#wrap-notes"):
            assert visible_in_screen(app.screen.query_one(sel), size), sel


@run_async
async def test_wrap_up_shows_the_recorded_terms_only_in_coach_mode():
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    script = SCRIPTS["hardship-basic"]
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        assert app.session.result().agreed is not None
        await pilot.press("f2")  # assessment mode: documenting from memory is graded
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert "Agreed in the call" not in shown(pilot, "#wrap-summary")
        await pilot.press("escape")
        await settle(pilot)
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        if not app.coach:  # the mode is remembered between runs
            await pilot.press("f2")
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert "Agreed in the call" in shown(pilot, "#wrap-summary")
