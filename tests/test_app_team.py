"""The team features: finished sessions go to the scorecard store, and the Team
screen lists, filters, averages and plots what is stored."""

from __future__ import annotations

import json

import pytest
from test_app_support import (
    SCRIPTS,
    call_to_scorecard,
    fill,
    home_to_call,
    run_async,
    screen_name,
    seed_team_store,
    settle,
    shown,
    talk,
    team_cards,
    type_text,
)

from simulator.app.app import CollectSimApp
from simulator.app.team import EMPTY_STORE


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    return tmp_path


def db_url(home) -> str:
    """The store the app uses under COLLECTSIM_HOME (a temporary SQLite file)."""
    return f"sqlite:///{home / 'data' / 'scores.db'}"


def seeded(home) -> None:
    (home / "data").mkdir(parents=True, exist_ok=True)
    seed_team_store(db_url(home))


def new_app(**kw):
    return CollectSimApp(frozen_clock=True, offer_resume=False, trainee=kw.pop("trainee", "alex"), **kw)


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def column(table, index: int) -> list[str]:
    return [str(table.get_row_at(r)[index]) for r in range(table.row_count)]


async def pick(pilot, selector: str, index: int) -> None:
    """Pick the index-th option of a filter (-1: any) with the keyboard, whatever is chosen now."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("home", *(["down"] * (index + 1)), "enter")
    await settle(pilot)


async def open_team(pilot) -> None:
    await settle(pilot)
    await pilot.press("f4")
    await settle(pilot)
    assert screen_name(pilot) == "TeamScreen"


# --------------------------------------------------------------- saving to the store
@run_async
async def test_a_finished_session_is_stored_with_the_team(home):
    from simulator.store import Store

    script = SCRIPTS["third-party"]
    app = new_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await fill(pilot, "#team", "north")
        await pilot.press("enter")
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await call_to_scorecard(pilot, script)
        await settle(pilot)
        overall = app.last_card["overall"]
        assert not any("team store" in n for n in notes(app)), notes(app)
        # The card itself carries the team, so an exported copy imported elsewhere keeps it.
        assert app.last_card["meta"]["session"]["team"] == "north"

    with Store.open(db_url(home)) as store:
        [row] = store.query()
    assert row.trainee == "alex"
    assert row.team == "north"
    assert row.scenario == "third-party"
    assert row.overall == pytest.approx(overall)
    # The team is remembered like the trainee name.
    settings = json.loads((home / "config" / "settings.json").read_text())
    assert settings["team"] == "north"
    assert new_app().team == "north"


@run_async
async def test_a_bad_database_url_is_one_notification_and_the_session_is_kept(home, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_DB", "nosuchdb://nowhere/scores")
    script = SCRIPTS["third-party"]
    app = new_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await call_to_scorecard(pilot, script)
        await settle(pilot)
        assert screen_name(pilot) == "ScorecardScreen"
        problems = [n for n in notes(app) if "team store" in n]
        assert len(problems) == 1, notes(app)
        assert "\n" not in problems[0]
        assert "nosuchdb" in problems[0]
        # The Team screen says so too, and does not crash.
        app.clear_notifications()
        await pilot.press("escape")
        await open_team(pilot)
        assert "Cannot read the team store" in shown(pilot, "#team-status")
        assert any("Cannot read the team store" in n for n in notes(app))
    assert len(list((home / "data" / "sessions").glob("*.json"))) == 1


# --------------------------------------------------------------- the Team screen
@run_async
async def test_the_team_screen_lists_averages_and_plots_the_store(home):
    seeded(home)
    app = new_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_team(pilot)
        screen = app.screen
        rows = screen.query_one("#team-rows")
        assert rows.row_count == 20
        assert "20 of 20 stored scorecards" in shown(pilot, "#team-status")
        assert column(rows, 0)[0] == "2026-03-27" and column(rows, 0)[-1] == "2026-03-02"
        assert set(column(rows, 1)) == {"alex", "blair", "casey"}
        assert set(column(rows, 3)) == {"hardship-basic", "hostile-basic"}

        await pilot.press("2")
        stats = screen.query_one("#team-stats")
        assert column(stats, 0) == ["alex", "blair", "casey"]
        cards = [c for c in team_cards() if c["meta"]["trainee"] == "alex"]
        mean = sum(c["overall"] for c in cards) / len(cards)
        passed = sum(c["passed"] for c in cards) / len(cards)
        alex = [str(cell) for cell in stats.get_row_at(0)]
        assert alex[1] == str(len(cards))
        assert alex[2] == f"{passed * 100:.0f}%"
        assert alex[3] == f"{mean:.1f}"

        await pilot.press("3")
        await settle(pilot)
        plot = screen.query_one("#team-trend")
        assert plot.display and plot.size.height > 5
        assert set(screen.view.trends) == {"alex", "blair", "casey"}
        assert [len(points) for points in screen.view.trends.values()] == [4, 4, 4]
        drawn = plot.plt.build()
        for name in ("alex", "blair", "casey", "Mar 02"):
            assert name in drawn


@run_async
async def test_filters_narrow_the_table_and_the_averages(home):
    seeded(home)
    app = new_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_team(pilot)
        screen = app.screen
        rows = screen.query_one("#team-rows")
        stats = screen.query_one("#team-stats")

        await pick(pilot, "#f-trainee", 1)  # blair
        assert set(column(rows, 1)) == {"blair"} and rows.row_count == 7
        assert column(stats, 0) == ["blair"]
        assert list(screen.view.trends) == ["blair"]

        await pick(pilot, "#f-trainee", -1)  # back to any
        assert rows.row_count == 20

        await fill(pilot, "#f-team", "south")
        await pilot.press("enter")
        await settle(pilot)
        assert set(column(rows, 1)) == {"casey"}
        assert set(column(rows, 2)) == {"south"}
        assert column(stats, 0) == ["casey"]

        await fill(pilot, "#f-team", "")
        await pilot.press("enter")
        await pick(pilot, "#f-scenario", screen.options["#f-scenario"].index("hostile-basic"))
        assert set(column(rows, 3)) == {"hostile-basic"} and rows.row_count == 10

        await fill(pilot, "#f-since", "2026-03-16")
        await pilot.press("enter")
        await settle(pilot)
        assert rows.row_count == 5  # hostile-basic in the last two weeks
        assert min(column(rows, 0)) >= "2026-03-16"
        assert "since 2026-03-16" in shown(pilot, "#team-status")

        await fill(pilot, "#f-since", "last week")
        await pilot.press("enter")
        await settle(pilot)
        assert rows.row_count == 5  # unchanged; the problem is said
        assert any("not a date" in n for n in notes(app))


@run_async
async def test_enter_opens_a_stored_scorecard(home):
    seeded(home)
    app = new_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_team(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(pilot) == "ScorecardScreen"
        assert "Overall 79.5" in shown(pilot, "#card-summary")
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(pilot) == "TeamScreen"


@run_async
async def test_an_empty_store_says_what_to_do(home):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        assert app.screen.has_class("empty")
        assert shown(pilot, "#team-empty") == EMPTY_STORE
        assert app.screen.query_one("#team-empty").display
        assert not app.screen.query_one("#team-tabs").display


@run_async
async def test_team_from_history_and_from_the_palette(home):
    seeded(home)
    app = new_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert screen_name(pilot) == "HistoryScreen"
        await pilot.press("f4")
        await settle(pilot)
        assert screen_name(pilot) == "TeamScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(pilot) == "HomeScreen"
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "Team comparison")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(pilot) == "TeamScreen"
        assert app.screen.query_one("#team-rows").row_count == 20
