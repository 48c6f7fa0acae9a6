"""Regenerate the screenshots in this folder (SVG; PNG too with --png and rsvg-convert).

    .venv/bin/python docs/screenshots/make_screenshots.py [--png]

Runs the app headless with a temporary COLLECTSIM_HOME, a fixed trainee and a frozen
clock, drives it by typing (the same driver as the tests), and saves each screen.
Each call screenshot is one scenario with that scenario's own lines and notes (the
driver checks that the call placed is the scenario asked for). The Team screenshots
use a second home whose store holds the tests' fake team (3 trainees, March 2026).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ["COLLECTSIM_HOME"] = tempfile.mkdtemp(prefix="collectsim-shots-")
os.environ.pop("COLLECTSIM_DB", None)

from test_app_support import (  # noqa: E402
    SCRIPTS,
    THREAT,
    call_to_scorecard,
    fill,
    home_to_call,
    seed_team_store,
    settle,
    talk,
    type_text,
)

from simulator.app.app import CollectSimApp  # noqa: E402
from simulator.app.journal import Journal  # noqa: E402

SIZE = (100, 30)
#: What the trainee jots down mid-call in the call screenshots, per scenario: it must
#: match what the debtor has said by then.
CALL_NOTES = {"hardship-basic": "Lost her job in August; rent first."}


async def shot(pilot, name: str) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()
    await settle(pilot)
    pilot.app.save_screenshot(f"{name}.svg", str(HERE))
    print("saved", name)


async def main() -> None:
    script = SCRIPTS["hardship-basic"]
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await shot(pilot, "01-home")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("2", "3", "4")
        await fill(pilot, "#call_time", "21:40")
        await shot(pilot, "02-preparation")
        await pilot.press("escape")
        await home_to_call(pilot, script)
        await talk(pilot, script.lines[:4])
        await pilot.press("f4")
        await type_text(pilot, CALL_NOTES[script.scenario])
        await pilot.press("f4")
        await shot(pilot, "03-call-coach")
        await pilot.press("f2")
        await shot(pilot, "04-call-assessment")
        await pilot.press("f2")
        await talk(pilot, script.lines[4:])
        await pilot.press("ctrl+e")
        await settle(pilot)
        await fill(pilot, "#total_amount", "-5")
        await fill(pilot, "#first_payment_date", "2026-13-01")
        await pilot.press("ctrl+s")
        await shot(pilot, "05-wrap-up-errors")
        await pilot.press("escape")
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=SIZE) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await call_to_scorecard(pilot, script)
        for tab, name in (("1", "06-scorecard-summary"), ("2", "07-scorecard-checks"), ("4", "09-scorecard-replay")):
            await pilot.press(tab)
            await shot(pilot, name)
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=SIZE) as pilot:
        await home_to_call(pilot, THREAT)
        await talk(pilot, THREAT.lines)
        await shot(pilot, "10-call-hung-up")
        await call_to_scorecard(pilot, THREAT)
        await pilot.press("3")
        await shot(pilot, "08-scorecard-compliance")
        await pilot.press("f3")
        await shot(pilot, "11-history")
        await pilot.press("escape")
        await pilot.press("f1")
        await shot(pilot, "12-help")
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await type_text(pilot, "start")
        await shot(pilot, "13-command-palette")
        await pilot.press("escape")
        await pilot.press("ctrl+t")
        await shot(pilot, "14-home-light")
    j = Journal(Path(os.environ["COLLECTSIM_HOME"]) / "data" / "journal")
    j.begin("hardship-basic", None, "alex", {"reviewed": [], "call_time": "18:30"},
            started_at="2026-11-20T18:30:00+00:00")
    j.turn(1, script.lines[0])
    j.turn(2, script.lines[1])
    app = CollectSimApp(frozen_clock=True, trainee="alex")
    async with app.run_test(size=SIZE) as pilot:
        await shot(pilot, "15-resume")
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines[:3])
        await shot(pilot, "16-call-80x24")
    team_home = Path(tempfile.mkdtemp(prefix="collectsim-shots-team-"))
    os.environ["COLLECTSIM_HOME"] = str(team_home)
    (team_home / "data").mkdir(parents=True)
    seed_team_store(f"sqlite:///{team_home / 'data' / 'scores.db'}")
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.pause(0.2)  # DataTable sizes its columns on idle
        await shot(pilot, "17-team")
        await pilot.press("2")
        await shot(pilot, "18-team-averages")
        await pilot.press("3")
        await shot(pilot, "19-team-trend")


if __name__ == "__main__":
    asyncio.run(main())
    if "--png" in sys.argv and shutil.which("rsvg-convert"):
        for svg in sorted(HERE.glob("*.svg")):
            subprocess.run(["rsvg-convert", "-w", "1200", str(svg), "-o", str(svg.with_suffix(".png"))],
                           check=False)
