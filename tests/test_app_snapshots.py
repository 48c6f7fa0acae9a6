"""What each screen looks like (pytest-textual-snapshot). Regenerate after a
deliberate change with ``pytest tests/test_app_snapshots.py --snapshot-update``.

Deterministic: a temporary COLLECTSIM_HOME, a fixed trainee, a frozen clock."""

from __future__ import annotations

import pytest
from test_app_support import SCRIPTS, THREAT, call_to_scorecard, fill, home_to_call, settle, talk

from simulator.app.app import CollectSimApp
from simulator.app.journal import Journal

BIG = (100, 32)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    return tmp_path


def new_app(**kw):
    return CollectSimApp(frozen_clock=True, offer_resume=kw.pop("offer_resume", False),
                         trainee=kw.pop("trainee", "alex"), **kw)


def test_home(snap_compare):
    assert snap_compare(new_app(), terminal_size=BIG, run_before=settle)


def test_home_80x24(snap_compare):
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=settle)


def test_preparation(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("2", "3", "6")
        await fill(pilot, "#call_time", "21:30")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


def test_call_coach_mode(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, SCRIPTS["hardship-basic"].lines[:3])

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


def test_call_assessment_mode_80x24(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, SCRIPTS["hardship-basic"].lines[:3])
        await pilot.press("f2")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run_before)


def test_call_hung_up(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, THREAT)
        await talk(pilot, THREAT.lines)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


def test_wrap_up_with_errors(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, SCRIPTS["hardship-basic"].lines[:2])
        await pilot.press("ctrl+e")
        await settle(pilot)
        await fill(pilot, "#total_amount", "-5")
        await fill(pilot, "#first_payment_date", "2026-13-01")
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


async def _scorecard(pilot, tab: str = "1"):
    script = SCRIPTS["hardship-basic"]
    await home_to_call(pilot, script)
    await talk(pilot, script.lines)
    await call_to_scorecard(pilot, script)
    await pilot.press(tab)
    await settle(pilot)


def test_scorecard_summary(snap_compare):
    assert snap_compare(new_app(), terminal_size=BIG, run_before=_scorecard)


def test_scorecard_checks(snap_compare):
    async def run_before(pilot):
        await _scorecard(pilot, "2")

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


def test_scorecard_compliance_after_a_threat(snap_compare):
    async def run_before(pilot):
        await home_to_call(pilot, THREAT)
        await talk(pilot, THREAT.lines)
        await call_to_scorecard(pilot, THREAT)
        await pilot.press("3")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


def test_scorecard_replay(snap_compare):
    async def run_before(pilot):
        await _scorecard(pilot, "4")

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


def test_history(snap_compare):
    async def run_before(pilot):
        await _scorecard(pilot)
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


def test_help(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)


def test_resume_offer(snap_compare, home):
    j = Journal(home / "data" / "journal")
    j.begin("hardship-basic", None, "alex", {"reviewed": [], "call_time": "18:30"},
            started_at="2026-11-20T18:30:00+00:00")
    j.turn(1, "Good evening, am I speaking with Maria Delgado?")
    assert snap_compare(new_app(offer_resume=True), terminal_size=BIG, run_before=settle)


def test_light_theme(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=BIG, run_before=run_before)
