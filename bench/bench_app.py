"""How fast the app opens, and how much memory a long call takes. Prints, never asserts.

    .venv/bin/python bench/bench_app.py [--runs 7]

1. Time to the first screen: ``collectsim`` started as a process with
   COLLECTSIM_APP_EXIT_AFTER_FIRST_SCREEN=1 (the app exits right after Home is drawn),
   in a pseudo-terminal so Textual runs its real driver. Wall time, process start to exit.
2. Memory: the RSS of the process after it drove a 40-turn call through the app with
   Pilot (hardship-basic: ``LINES`` keep Maria on the line for 40 turns, the last agrees
   a plan and she ends the call).
3. A turn in the app, over that call: from Enter to the last frame the app draws before
   it is idle again (the reply in the transcript, the coach pane, the scroll: every
   redraw), median and p95, as wall time (60-frames-a-second pacing included) and as
   the process's CPU time over the turn (the work itself, which other load on a shared
   machine does not inflate). The typed line is drawn before the clock starts. Beside
   it: Enter to the first frame that shows the reply (a later frame of the turn redraws
   what changed after it, such as a scrollbar). Pilot's own press is slower than the
   app: it returns only after at least two 20 ms idle polls, so its figure is printed
   apart, as context. Headless, Textual does not encode frames for a terminal: that
   cost is not in here.
4. The floor: a minimal Textual app (a header, a table, a footer) timed the same way,
   so the first screen can be read as a multiple of what Textual itself costs here.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pty
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" / "collectsim"
sys.path.insert(0, str(ROOT / "bench"))

from userenv import NOTE, user_env  # noqa: E402

#: The cache folder the warm-up run left (parsed content for Home, compiled patterns):
#: copied into each run's new home, as a user's second and later starts find it.
_warm_cache: Path | None = None


def first_screen(runs: int, cold: bool = False) -> tuple[list[float], list[float]]:
    """(process start to Home drawn, process start to exit) for each run; each run has a
    new COLLECTSIM_HOME, with the warm-up run's cache folder unless ``cold``."""
    global _warm_cache
    import shutil

    times, totals = [], []
    cmd = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "simulator"]
    for _ in range(runs):
        home = tempfile.mkdtemp(prefix="collectsim-bench-")
        if _warm_cache is not None and not cold:
            shutil.copytree(_warm_cache, Path(home) / "cache")
        elif _warm_cache is None:
            _warm_cache = Path(home) / "cache"
        stamp = Path(home) / "drawn"
        env = user_env(COLLECTSIM_HOME=home, COLLECTSIM_APP_EXIT_AFTER_FIRST_SCREEN=str(stamp),
                       TERM="xterm-256color", COLUMNS="100", LINES="30")
        master, slave = pty.openpty()
        start, wall = time.perf_counter(), time.time()
        proc = subprocess.Popen(cmd + ["--trainee", "bench"], stdin=slave, stdout=slave,
                                stderr=slave, env=env, cwd=ROOT, close_fds=True)
        os.close(slave)
        while proc.poll() is None:  # drain the terminal so the app never blocks on output
            try:
                os.read(master, 65536)
            except OSError:
                break
        proc.wait()
        totals.append(time.perf_counter() - start)
        os.close(master)
        try:
            times.append(float(stamp.read_text()) - wall)
        except (OSError, ValueError):
            times.append(float("nan"))
    return times, totals


#: A 40-turn call in hardship-basic: verify, disclose, ask, then listen (a different
#: line each turn: a repeated line irritates Maria and she hangs up), then agree a plan and
#: close on the fortieth line. Maria ends the call herself after that line ("Bye now"), so
#: the last turn also draws the end of the call.
LINES = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks, Maria. This is an attempt to collect a debt, and any information obtained will "
    "be used for that purpose.",
    "I'm calling about your Lakeside card; the balance is $1,240.",
    "Can you tell me a bit about what's been going on?",
    "I'm so sorry to hear that, that sounds really stressful.",
    "So since you lost the job you've been covering rent first.",
    "How are you feeling about all of this?",
    "That makes sense. Lots of people in your situation feel the same way.",
    "What's your plan once the new job starts?",
    "I understand, that must be hard with your son at home.",
    "What matters most to you right now?",
    "It sounds like you've been carrying a lot on your own.",
    "How has your week been going?",
    "I can hear how much you care about getting this right.",
    "What would help you feel more in control of it?",
    "So the night shift was cut and everything else has had to wait.",
    "Tell me more about the new job.",
    "That's a lot to deal with, and you're handling it.",
    "What else is on your mind about the account?",
    "I'm sorry, that sounds exhausting.",
    "That must have been frightening when the shift was cut.",
    "It sounds like your son comes first, and that's right.",
    "I appreciate you being honest with me about this.",
    "I understand why the mail piled up; a lot of people do that.",
    "It sounds like rent and groceries have taken everything.",
    "That's a really tough spot to be in.",
    "It makes sense that you feel embarrassed, but you don't need to be.",
    "I hear you, losing a job out of nowhere is hard.",
    "So money is tight until the first paycheck arrives.",
    "That sounds like a stressful few months for you both.",
    "I can tell this has been weighing on you.",
    "It sounds like you want to sort this out properly.",
    "I'm sorry things have been so difficult lately.",
    "So you're managing the essentials first, which is sensible.",
    "That's understandable given everything going on.",
    "I really do appreciate you staying on the line with me.",
    "What could you realistically manage each month?",
    "We could set up a plan of $80 a month starting December 15th.",
    "So that's $80 a month by debit card, starting December 15th. I'll email you a "
    "confirmation today.",
    "Thanks for working with me, Maria. Take care.",
]


FLOOR_APP = """
import os, sys, time
from textual.app import App
from textual.widgets import DataTable, Footer, Header
class Floor(App):
    def compose(self):
        yield Header(); yield DataTable(); yield Footer()
    def on_mount(self):
        t = self.query_one(DataTable); t.add_columns("a", "b"); t.add_row("1", "2")
        self.call_after_refresh(self.done)
    def done(self):
        open(sys.argv[1], "w").write(f"{time.time():.6f}\\n"); self.exit()
Floor().run()
"""


def floor_screen(runs: int) -> list[float]:
    """Process start to first screen of a minimal Textual app, in the same pty."""
    times = []
    for _ in range(runs):
        stamp = Path(tempfile.mkdtemp(prefix="collectsim-floor-")) / "drawn"
        env = user_env(TERM="xterm-256color", COLUMNS="100", LINES="30")
        master, slave = pty.openpty()
        wall = time.time()
        proc = subprocess.Popen([sys.executable, "-c", FLOOR_APP, str(stamp)], stdin=slave,
                                stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        while proc.poll() is None:
            try:
                os.read(master, 65536)
            except OSError:
                break
        proc.wait()
        os.close(master)
        try:
            times.append(float(stamp.read_text()) - wall)
        except (OSError, ValueError):
            times.append(float("nan"))
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass
class Call:
    """What the long call measured, one entry per turn."""

    sent: int = 0
    ended: bool = False
    elapsed: float = 0.0
    drawn: list[float] = field(default_factory=list)  # Enter to the last frame drawn, s
    shown: list[float] = field(default_factory=list)  # Enter to the first frame with the reply, s
    cpu: list[float] = field(default_factory=list)  # the process's CPU time over the turn, s
    pilot: list[float] = field(default_factory=list)  # Enter to Pilot's return, s
    frames: list[int] = field(default_factory=list)


async def long_call(turns: int) -> Call:
    """Drive a call through the app, one line a turn, and time each turn.

    The line is put in the input and drawn first (typing is not the turn); the clock
    starts at Enter. A turn ends at the last frame the app draws before it is idle again
    (Pilot's press returns only once the app is idle): the reply in the transcript, the
    coach pane, the scroll, every redraw. That frame is taken where the app hands it to
    its driver (``App._display``), so the figure is the app's own latency, 60-a-second
    frame pacing included, without Pilot's idle polling (two or more 20 ms sleeps a
    press), which is reported beside it."""
    sys.path.insert(0, str(ROOT))
    from simulator.app.app import CollectSimApp

    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="bench")
    frames: list[float] = []
    replied: list[float] = []  # when the first frame with the reply in it was drawn
    said = [-1]  # transcript entries before the turn (-1: no turn being timed)
    logs: list[Any] = []  # the call's transcript, once the call screen is up
    display = app._display

    def timed_display(screen: object, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        frames.append(time.perf_counter())
        if not replied and logs and said[0] >= 0 and len(logs[0].entries) > said[0]:
            replied.append(frames[-1])

    app._display = timed_display  # type: ignore[method-assign]
    out = Call()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.start_scenario("hardship-basic")
        await pilot.pause()
        app.dial(app.scenario_info("hardship-basic"), {"reviewed": [], "call_time": "18:30"})
        await pilot.pause()
        start = time.perf_counter()
        say = app.screen.query_one("#say")
        logs.append(app.screen.query_one("#transcript"))
        while out.sent < turns and not app.session.ended:
            say.value = LINES[out.sent % len(LINES)]
            await pilot.pause()  # the typed line drawn: not part of the turn
            frames.clear()
            replied.clear()
            said[0] = len(logs[0].entries)
            t0, c0 = time.perf_counter(), time.process_time()
            await pilot.press("enter")  # returns once the app is idle: reply shown, redrawn
            out.pilot.append(time.perf_counter() - t0)
            out.cpu.append(time.process_time() - c0)
            out.drawn.append((frames[-1] if frames else float("nan")) - t0)
            out.shown.append((replied[0] if replied else float("nan")) - t0)
            out.frames.append(len(frames))
            out.sent += 1
        await pilot.pause()
        out.ended = bool(app.session.ended)
        out.elapsed = time.perf_counter() - start
    return out


def _rss() -> float:
    with open("/proc/self/status") as fh:
        return next((int(x.split()[1]) / 1024 for x in fh if x.startswith("VmRSS:")), float("nan"))


def _long_call_memory(turns: int) -> dict[str, float]:
    os.environ["COLLECTSIM_HOME"] = tempfile.mkdtemp(prefix="collectsim-bench-")
    call = asyncio.run(long_call(turns))
    return {"sent": call.sent, "elapsed": call.elapsed, "rss": _rss(),
            "turn_median_ms": statistics.median(call.drawn) * 1000,
            "turn_p95_ms": p95(call.drawn) * 1000,
            "turn_cpu_median_ms": statistics.median(call.cpu) * 1000,
            "turn_cpu_p95_ms": p95(call.cpu) * 1000}


def results() -> list[dict[str, object]]:
    """For `make bench`; the long call runs in its own process so its memory is the app's."""
    import json
    import subprocess
    import sys

    first_screen(1)  # warm-up: bytecode and the cache folder, as a user's second start has
    times, _ = first_screen(5)
    out = subprocess.run([sys.executable, __file__, "--memory-json"], capture_output=True, text=True,
                         check=True)
    mem = json.loads(out.stdout.strip().splitlines()[-1])
    return [
        {"measure": f"first screen (process start to Home drawn, median; {NOTE})",
         "value": round(statistics.median(times), 3), "unit": "s", "goal": "<= 0.6"},
        {"measure": f"memory after a {mem['sent']}-turn call", "value": round(mem["rss"]),
         "unit": "MiB", "goal": "< 120"},
        {"measure": "a turn in the app, Enter to the last frame drawn (Pilot), p95 wall",
         "value": round(mem["turn_p95_ms"], 1), "unit": "ms", "goal": "< 50"},
        {"measure": "a turn in the app, Enter to the last frame drawn (Pilot), p95 CPU",
         "value": round(mem["turn_cpu_p95_ms"], 1), "unit": "ms", "goal": "< 50"},
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--turns", type=int, default=40)
    parser.add_argument("--memory-json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--call-only", action="store_true", help="only the long call")
    args = parser.parse_args()
    if args.memory_json:
        import json

        print(json.dumps(_long_call_memory(args.turns)))
        return

    if not args.call_only:
        report_first_screen(args.runs)
    report_call(args.turns)


def report_first_screen(runs: int) -> None:
    """Print the first-screen figures: collectsim, warm and cold, and the floor."""
    first_screen(1)  # warm-up: writes the bytecode cache, as a user's first run does
    floor_screen(1)
    # Interleaved, one of each in turn: on a shared machine all see the same load.
    times, totals, floor, cold = [], [], [], []
    for _ in range(runs):
        t, total = first_screen(1)
        times += t
        totals += total
        floor += floor_screen(1)
        cold += first_screen(1, cold=True)[0]
    print(f"first screen (process start to Home drawn, {runs} runs; {NOTE}): "
          f"median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s "
          f"(goal <= 0.6 s)")
    print(f"  a minimal Textual app (header, table, footer), interleaved: median "
          f"{statistics.median(floor):.3f} s, min {min(floor):.3f} s; collectsim is "
          f"{statistics.median(times) / statistics.median(floor):.2f}x that (median), "
          f"{min(times) / min(floor):.2f}x (min)")
    print(f"  process start to exit (incl. shutdown): median {statistics.median(totals):.3f} s")
    print(f"  a first start (empty cache folder: Home parses every scenario and persona): "
          f"median {statistics.median(cold):.3f} s, min {min(cold):.3f} s")


def report_call(turns: int) -> None:
    """Print the long call's figures: a turn's latency and CPU, and memory after it."""
    os.environ["COLLECTSIM_HOME"] = tempfile.mkdtemp(prefix="collectsim-bench-")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    call = asyncio.run(long_call(turns))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss = _rss()
    ms = [x * 1000 for x in call.drawn]
    cpu = [x * 1000 for x in call.cpu]
    print(f"{call.sent}-turn call through the app (Pilot){'' if call.ended else ', not ended'}: "
          f"{call.elapsed:.2f} s; a turn, Enter to the last frame drawn: median "
          f"{statistics.median(ms):.1f} ms, p95 {p95(ms):.1f} ms wall; CPU median "
          f"{statistics.median(cpu):.1f} ms, p95 {p95(cpu):.1f} ms (goal < 50 ms)")
    if call.sent < turns:
        print(f"  the call ended after {call.sent} of {turns} turns")
    slowest = sorted(range(len(cpu)), key=lambda i: -cpu[i])[:3]
    print(f"  first 10 turns vs last 10 (CPU median): {statistics.median(cpu[:10]):.1f} ms, "
          f"{statistics.median(cpu[-10:]):.1f} ms; slowest (CPU): "
          + ", ".join(f"turn {i + 1} {cpu[i]:.0f} ms" for i in slowest))
    shown = [x * 1000 for x in call.shown]
    print(f"  Enter to the first frame with the reply in it: median {statistics.median(shown):.1f} ms, "
          f"p95 {p95(shown):.1f} ms wall")
    print(f"  frames drawn a turn: median {statistics.median(call.frames):.0f}, max {max(call.frames)}; "
          f"Pilot's press (returns after its idle polling): median "
          f"{statistics.median(call.pilot) * 1000:.0f} ms, p95 {p95(call.pilot) * 1000:.0f} ms")
    print(f"memory after the {call.sent}-turn call: RSS {rss:.0f} MiB, peak {peak:.0f} MiB "
          f"(after imports: {before:.0f} MiB) (goal < 120 MiB)")


if __name__ == "__main__":
    main()
