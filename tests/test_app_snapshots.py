"""What each screen looks like (pytest-textual-snapshot). Regenerate after a
deliberate change with ``pytest tests/test_app_snapshots.py --snapshot-update``.

Deterministic: a temporary COLLECTSIM_HOME, a fixed trainee, a frozen clock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_app_support import (
    OUTCOME_ORDER,
    SCRIPTS,
    THREAT,
    choose,
    fill,
    home_to_call,
    seed_team_store,
    settle,
    talk,
)

from simulator.app.app import CollectSimApp
from simulator.app.journal import Journal
from simulator.app.screens.scorecard import ScorecardScreen

BIG = (100, 32)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    return tmp_path


async def calm(pilot):
    """No toasts in snapshots: how long one stays up depends on the machine's speed."""
    await settle(pilot)
    pilot.app.clear_notifications()
    await settle(pilot)
    # DataTable sizes its columns on idle; under load that can come after the
    # workers are done, so give it real time before the picture is taken.
    await pilot.pause(0.2)
    await settle(pilot)


def quiet(run_before):
    async def wrapped(pilot):
        await run_before(pilot)
        await calm(pilot)

    return wrapped


def new_app(**kw):
    return CollectSimApp(frozen_clock=True, offer_resume=kw.pop("offer_resume", False),
                         trainee=kw.pop("trainee", "alex"), **kw)


def test_home(snap_compare):
    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(settle))


def test_home_80x24(snap_compare):
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=quiet(settle))


def test_preparation(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("2", "3", "6")
        await fill(pilot, "#call_time", "21:30")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(run_before))


def test_call_coach_mode(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, SCRIPTS["hardship-basic"].lines[:3])

    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(run_before))


def test_call_assessment_mode_80x24(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, SCRIPTS["hardship-basic"].lines[:3])
        await pilot.press("f2")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=quiet(run_before))


def test_call_hung_up(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, THREAT)
        await talk(pilot, THREAT.lines)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(run_before))


def test_wrap_up_with_errors(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, SCRIPTS["hardship-basic"].lines[:2])
        await pilot.press("ctrl+e")
        await settle(pilot)
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("payment_plan"))
        await fill(pilot, "#total_amount", "-5")
        await fill(pilot, "#first_payment_date", "2026-13-01")
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(run_before))


FIXTURE = Path(__file__).parent / "snapshots" / "app_sessions.json"


def fixture(name: str) -> dict:
    """A saved session and its scorecard: the scorecard screens are drawn from a fixed
    card, so changes to the analyser or the rubric do not move these snapshots."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))[name]


def card_app(name: str, tab: str):
    async def run_before(pilot):
        await settle(pilot)
        data = fixture(name)
        pilot.app.push_screen(ScorecardScreen(data["scorecard"], data["record"]))
        await settle(pilot)
        await pilot.press(tab)

    return run_before


def test_scorecard_summary(snap_compare):
    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(card_app("hardship", "1")))


def test_scorecard_checks(snap_compare):
    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(card_app("hardship", "2")))


def test_scorecard_compliance_after_a_threat(snap_compare):
    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(card_app("threat", "3")))


def test_scorecard_failed_summary_80x24(snap_compare):
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=quiet(card_app("threat", "1")))


def test_scorecard_replay(snap_compare):
    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(card_app("hardship", "4")))


def test_history(snap_compare, home):
    folder = home / "data" / "sessions"
    folder.mkdir(parents=True)
    for i, name in enumerate(("threat", "hardship")):
        data = fixture(name)
        data["saved_at"] = f"2026-11-2{i}T18:30:00+00:00"
        (folder / f"2026112{i}-183000-{name}-alex.json").write_text(json.dumps(data))

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(run_before))


def test_help(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(run_before))


def test_resume_offer(snap_compare, home):
    j = Journal(home / "data" / "journal")
    j.begin("hardship-basic", None, "alex", {"reviewed": [], "call_time": "18:30"},
            started_at="2026-11-20T18:30:00+00:00")
    j.turn(1, "Good evening, am I speaking with Maria Delgado?")
    assert snap_compare(new_app(offer_resume=True), terminal_size=BIG, run_before=quiet(settle))


def test_light_theme(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(run_before))


def seed_team(home):
    """20 scorecards of 3 trainees over 4 weeks of March 2026, in the app's store."""
    (home / "data").mkdir(parents=True, exist_ok=True)
    seed_team_store(f"sqlite:///{home / 'data' / 'scores.db'}")


def team_tab(tab: str):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press(tab)
        await settle(pilot)

    return run_before


def test_team(snap_compare, home):
    seed_team(home)
    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(team_tab("1")))


def test_team_averages(snap_compare, home):
    seed_team(home)
    assert snap_compare(new_app(), terminal_size=BIG, run_before=quiet(team_tab("2")))


def test_team_trend_80x24(snap_compare, home):
    seed_team(home)
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=quiet(team_tab("3")))


def test_team_empty_80x24(snap_compare):
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=quiet(team_tab("1")))


def test_team_scorecards_80x24(snap_compare, home):
    seed_team(home)
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=quiet(team_tab("1")))


WEAK = ["Hello, is this Maria Delgado?", "You owe $1,240 on your Lakeside card."]


def test_call_offers_a_better_line(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, WEAK)

    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=quiet(run_before))


def test_wrap_up_for_a_callback_80x24(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, SCRIPTS["third-party"])
        await talk(pilot, SCRIPTS["third-party"].lines)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("callback"))
        await fill(pilot, "#follow_up_date", "2026-11-21")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=quiet(run_before))
