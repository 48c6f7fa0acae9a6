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
    OUTCOME_ORDER,
    SCRIPTS,
    THREAT,
    call_to_scorecard,
    choose,
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
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("payment_plan"))
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
        await pilot.press("ctrl+t")  # the theme is remembered: back to dark for the rest
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
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await shot(pilot, "20-home-80x24")
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=SIZE) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, WEAK[:2])
        await shot(pilot, "21-call-better-line")
        await talk(pilot, WEAK[2:])
        await pilot.press("ctrl+e")
        await settle(pilot)
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("callback"))
        await fill(pilot, "#follow_up_date", "2026-11-23")
        await shot(pilot, "22-wrap-up-callback")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("4")
        await shot(pilot, "23-replay-better-lines")
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
    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.pause(0.2)
        await shot(pilot, "24-team-80x24")


#: A weak start (the debt before the disclosure, then pressure after a hardship), for
#: the better-line screenshots.
WEAK = [
    "Hello, is this Maria Delgado?",
    "You owe $1,240 on your Lakeside card.",
    "Can you tell me a bit about what's been going on?",
    "Well, you still need to pay it. When can you pay?",
    "Stop making excuses and pay what you owe.",
]


def browser_page() -> None:
    """25-browser.png: `collectsim serve` in headless Chromium (when it is installed)."""
    import re
    import socket
    import time

    chromium = "/usr/lib/chromium/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped 25-browser.png: playwright is not installed")
        return
    if not Path(chromium).exists():
        print("skipped 25-browser.png: Chromium is not installed")
        return
    home = Path(tempfile.mkdtemp(prefix="collectsim-shots-web-"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "COLLECTSIM_HOME": str(home)}
    server = subprocess.Popen([sys.executable, "-m", "simulator", "serve", "--port", str(port),
                               "--db", f"sqlite:///{home / 'class.db'}"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    hook = (r"const t=new (\w+)\(e,\{ping:r\}\);", r"\g<0>window.__tt=t;")
    screen = """t => { const b = window.__tt && window.__tt.terminal.buffer.active; if (!b) return false;
      for (let i = 0; i < b.length; i++) if (b.getLine(i).translateToString(true).includes(t)) return true;
      return false; }"""
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), 0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium)
            page = browser.new_page(viewport={"width": 1100, "height": 640})

            def patch(route):
                response = route.fetch()
                route.fulfill(response=response, body=re.subn(*hook, response.text())[0])

            page.route("**/static/js/textual.js", patch)
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_function(screen, arg="Scenarios", timeout=30_000)
            page.focus(".xterm-helper-textarea")
            page.keyboard.type("robin")
            page.keyboard.press("Enter")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            page.wait_for_function(screen, arg="Cut hours, rent first", timeout=30_000)
            time.sleep(0.5)
            page.screenshot(path=str(HERE / "25-browser.png"))
            print("saved 25-browser")
            browser.close()
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    asyncio.run(main())
    browser_page()
    if "--png" in sys.argv and shutil.which("rsvg-convert"):
        for svg in sorted(HERE.glob("*.svg")):
            subprocess.run(["rsvg-convert", "-w", "1200", str(svg), "-o", str(svg.with_suffix(".png"))],
                           check=False)
