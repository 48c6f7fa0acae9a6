"""Whole sessions driven through the app by typing, Home to Scorecard, one per archetype."""

from __future__ import annotations

import json

import pytest
from test_app_support import (
    SCRIPTS,
    THREAT,
    call_to_scorecard,
    home_to_call,
    run_async,
    settle,
    shown,
    talk,
)

from simulator.app.app import CollectSimApp


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    return tmp_path


def saved_cards(home):
    return [json.loads(p.read_text()) for p in sorted((home / "data" / "sessions").glob("*.json"))]


@pytest.mark.parametrize("scenario", list(SCRIPTS))
@run_async
async def test_a_whole_session_by_typing(scenario, home):
    script = SCRIPTS[scenario]
    app = CollectSimApp(frozen_clock=True, offer_resume=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        sent = await talk(pilot, script.lines)
        assert sent >= 3
        transcript = " ".join(e.plain for e in app.screen.query_one("#transcript").entries)
        for line in script.lines[:sent]:
            assert line in transcript
        await call_to_scorecard(pilot, script)
        summary = shown(pilot, "#card-summary")

    [saved] = saved_cards(home)
    card = saved["scorecard"]
    assert f"Overall {card['overall']:.1f} / 100" in summary
    assert ("PASSED" if card["passed"] else "FAILED") in summary
    # The good path of every archetype passes, and what was read before dialling counts.
    assert card["passed"] is True, card["tips"]
    assert saved["record"]["preparation"]["reviewed"] == [
        "account_summary", "payment_history", "contact_notes", "creditor_policy"]
    assert saved["record"]["trainee"] == "alex"
    assert saved["record"]["turns"] == script.lines[:sent]
    assert script.notes in saved["record"]["notes"]
    assert saved["record"]["agreement"]["outcome"] == script.outcome
    for dim in ("Preparation", "Tone", "Active listening", "Flexibility", "Documentation"):
        assert dim in summary
    assert not (home / "data" / "journal" / "current.jsonl").exists()


@run_async
async def test_a_threat_fails_the_session_and_is_listed(home):
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, THREAT)
        await talk(pilot, THREAT.lines)
        assert app.session.ended
        assert "hung up" in shown(pilot, "#banner")
        assert app.screen.query_one("#say").disabled
        await call_to_scorecard(pilot, THREAT)
        summary = shown(pilot, "#card-summary")
        await pilot.press("3")
        compliance = shown(pilot, "#card-compliance")
        await pilot.press("4")
        replay = shown(pilot, "#card-replay")
    assert "FAILED" in summary
    assert "violation" in summary
    assert "1006.18" in compliance
    assert "arrested" in compliance
    assert "threat" in replay


@run_async
async def test_export_writes_three_formats(home):
    script = SCRIPTS["cooperative-basic"]
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await call_to_scorecard(pilot, script)
        await pilot.press("e")
        await settle(pilot)
        folder = app.screen.exported
    assert folder.parent == home / "data" / "exports"
    assert json.loads((folder / "scorecard.json").read_text())["overall"] > 0
    assert "PASSED" in (folder / "scorecard.md").read_text()
    assert "<html" in (folder / "scorecard.html").read_text().lower()


@run_async
async def test_history_lists_and_opens_past_sessions(home):
    script = SCRIPTS["third-party"]
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await call_to_scorecard(pilot, script)
        overall = app.last_card["overall"]
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        recent = app.screen.query_one("#recent")
        assert recent.row_count == 1
        await pilot.press("f3")
        await settle(pilot)
        assert type(app.screen).__name__ == "HistoryScreen"
        assert "Sessions 1" in shown(pilot, "#history-summary")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ScorecardScreen"
        assert f"Overall {overall:.1f}" in shown(pilot, "#card-summary")
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "HistoryScreen"


@run_async
async def test_scorecard_pages_the_open_tab_whatever_has_focus(home):
    """PageDown/End scroll the open tab even while the tab strip has the focus."""
    from textual.containers import VerticalScroll
    from textual.widgets import Tabs

    from scoring.api import score_record
    from scoring.examples import exemplary
    from simulator.app.screens.scorecard import ScorecardScreen

    card = score_record(exemplary("hardship-basic")).to_dict()
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ScorecardScreen(card))
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        app.screen.query_one(Tabs).focus()
        await settle(pilot)
        pane = app.screen.query_one("#tab-2 VerticalScroll", VerticalScroll)
        assert pane.max_scroll_y > 0 and pane.scroll_y == 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert pane.scroll_y > 0
        await pilot.press("end")
        await settle(pilot)
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("home")
        await settle(pilot)
        assert pane.scroll_y == 0
        assert isinstance(app.focused, Tabs)  # the focus stayed where it was


@run_async
async def test_the_app_leaves_when_its_terminal_goes_away(home):
    """An SSH drop or a closed tmux leaves no terminal: the app exits instead of spinning."""
    import os

    from simulator.app.app import terminal_fd

    assert terminal_fd(headless=True) is None  # tests and pipes have nothing to watch
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    read, write = os.pipe()  # a descriptor that is not a terminal, like a hung-up tty
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app._terminal_fd = read
            app._check_terminal()
            await settle(pilot)
        assert app.return_code == 1
    finally:
        os.close(read)
        os.close(write)


@run_async
async def test_wrap_up_says_the_calls_own_date(home):
    """"Today" in the call is the scenario's day, not the clock's: the wrap-up says which,
    and in coach mode the agreed first payment date too."""
    script = SCRIPTS["hardship-basic"]
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await pilot.press("ctrl+e")
        await settle(pilot)
        summary = shown(pilot, "#wrap-summary")
        assert "Call date: Fri 2026-11-20" in summary
        assert "first 2026-" in summary


@run_async
async def test_calling_again_plays_the_next_variant(home):
    """A trainee who calls a scenario again meets the persona's next variant (other numbers
    and story details), with the account file prepared from the same seed as the call."""
    script = SCRIPTS["hardship-basic"]
    app = CollectSimApp(frozen_clock=True, offer_resume=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        first = app.session
        assert first.variant == 0  # the persona as written, the scenario's own seed
        await talk(pilot, script.lines)
        await call_to_scorecard(pilot, script)
        app.action_home()
        await settle(pilot)
        await home_to_call(pilot, script)
        second = app.session
        assert second.seed == first.seed + 1
        assert second.variant == 1
        assert second.persona.variants  # hardship ships variants
    [saved] = saved_cards(home)
    assert saved["record"]["seed"] == first.seed


@run_async
async def test_a_long_call_keeps_its_last_line_in_view_and_a_scrollbar_that_fits(home):
    """The transcript fits its scrollbar as lines are written (not at the next layout):
    after each turn, and after the terminal is resized, the last line is in view and the
    scrollbar says how much there is above it."""
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        log = app.screen.query_one("#transcript")
        bar = log.vertical_scrollbar

        def fits() -> None:
            assert log.show_vertical_scrollbar and log.max_scroll_y > 0
            assert log.scroll_y == log.max_scroll_y
            assert (bar.window_virtual_size, bar.window_size, bar.position) == (
                log.virtual_size.height, log.scrollable_content_region.height, log.scroll_y)

        lines = ["Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
                 "Thanks, Maria. This is an attempt to collect a debt, and any information obtained "
                 "will be used for that purpose.",
                 "Can you tell me a bit about what's been going on?",
                 "I'm so sorry to hear that, that sounds really stressful.",
                 "So since you lost the job you've been covering rent first.",
                 "How are you feeling about all of this?",
                 "That makes sense. Lots of people in your situation feel the same way."]
        for line in lines:
            await talk(pilot, [line])
            if log.max_scroll_y > 0:
                fits()
        assert not app.session.ended
        fits()
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        fits()
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        fits()
