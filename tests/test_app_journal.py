"""Nothing lost: the journal survives kills, and the app resumes every sent turn."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from test_app_support import run_async, settle, shown

from simulator.app.app import CollectSimApp
from simulator.app.journal import Journal

ROOT = Path(__file__).resolve().parent.parent
PREP = {"reviewed": ["account_summary"], "call_time": "18:30"}
LINES = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks, Maria. This is an attempt to collect a debt, and any information obtained will be used for that purpose.",
    "Can you tell me a bit about what's been going on? [bold red]x[/]",
]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    return tmp_path


def test_journal_round_trip(tmp_path):
    j = Journal(tmp_path / "journal")
    assert j.load() is None
    j.begin("hardship-basic", 42, "alex", PREP, started_at="2026-11-20T18:30:00")
    j.turn(1, "hello", notes="n1")
    j.turn(2, "second [bold]line[/]")
    j.notes("final notes")
    state = j.load()
    assert state is not None
    assert (state.scenario, state.seed, state.trainee) == ("hardship-basic", 42, "alex")
    assert state.preparation == PREP
    assert state.turns == ["hello", "second [bold]line[/]"]
    assert state.notes == "final notes"
    assert not state.hung_up
    j.hang_up()
    assert j.load().hung_up
    j.finish()
    assert j.load() is None


def test_a_line_cut_short_by_a_kill_is_skipped(tmp_path):
    j = Journal(tmp_path)
    j.begin("hardship-basic", None, "alex", PREP)
    j.turn(1, "kept")
    with open(j.path, "a", encoding="utf-8") as fh:
        fh.write('{"type": "turn", "index": 2, "text": "half a li')
    state = j.load()
    assert state is not None and state.turns == ["kept"]


def test_garbage_is_not_a_session(tmp_path):
    j = Journal(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    j.path.write_bytes(b"\x00\xff not json\n[1,2]\n")
    assert j.load() is None


CHILD = textwrap.dedent(
    """
    import asyncio, sys
    sys.path.insert(0, {tests!r})
    from test_app_support import SCRIPTS, home_to_call, settle, type_text
    from simulator.app.app import CollectSimApp

    LINES = {lines!r}

    async def main():
        app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
        async with app.run_test(size=(100, 32)) as pilot:
            await home_to_call(pilot, SCRIPTS["hardship-basic"])
            for i, line in enumerate(LINES, 1):
                await type_text(pilot, line)
                await pilot.press("enter")
                await settle(pilot)
                print(f"SENT {{i}}", flush=True)
            await type_text(pilot, "a line being typed when the power goes")
            print("WAITING", flush=True)
            await asyncio.sleep(600)

    asyncio.run(main())
    """
)


@run_async
async def test_killed_mid_call_then_resumed_with_every_turn(home, tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(tests=str(ROOT / "tests"), lines=LINES))
    env = {**os.environ, "COLLECTSIM_HOME": str(home), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        seen = []
        assert child.stdout is not None
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            seen.append(line.strip())
            if line.startswith("WAITING"):
                break
        assert "WAITING" in seen, (seen, child.stderr.read() if child.poll() is not None else "")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    journal = home / "data" / "journal" / "current.jsonl"
    entries = [json.loads(x) for x in journal.read_text().splitlines()]
    assert [e["text"] for e in entries if e["type"] == "turn"] == LINES

    app = CollectSimApp(frozen_clock=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "ResumeScreen"
        assert "Turns    3" in shown(pilot, "#resume-body")
        await pilot.press("r")
        await settle(pilot)
        assert type(app.screen).__name__ == "CallScreen"
        lines = [e.plain for e in app.screen.query_one("#transcript").entries if e.kind == "trainee"]
        assert [x.removeprefix("You: ") for x in lines] == LINES
        assert len(app.session.turns) == 3
        # The replies are the ones a fresh session gives (deterministic replay).
        from simulator.session import Session

        fresh = Session.start("hardship-basic", trainee="alex", preparation=app.preparation)
        assert [t.reply for t in app.session.turns] == [fresh.say(x).reply for x in LINES]
        # The call goes on, journalled in the same file.
        await pilot.press(*"What could you manage each month?")
        await pilot.press("enter")
        await settle(pilot)
        assert len(app.session.turns) == 4
    assert Journal(journal.parent).load().turns[-1] == "What could you manage each month?"


@run_async
async def test_discarding_forgets_the_unfinished_call(home):
    j = Journal(home / "data" / "journal")
    j.begin("hardship-basic", None, "alex", PREP)
    j.turn(1, LINES[0])
    app = CollectSimApp(frozen_clock=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "ResumeScreen"
        await pilot.press("d")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
    assert j.load() is None
