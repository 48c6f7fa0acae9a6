"""How fast the app opens, and how much memory a long call takes. Prints, never asserts.

    .venv/bin/python bench/bench_app.py [--runs 7]

1. Time to the first screen: ``collectsim`` started as a process with
   COLLECTSIM_APP_EXIT_AFTER_FIRST_SCREEN=1 (the app exits right after Home is drawn),
   in a pseudo-terminal so Textual runs its real driver. Wall time, process start to exit.
2. Memory: the RSS of a process that drives a 40-turn call through the app with Pilot.
3. A turn in the app: Enter on a line until the app is idle again, the reply shown and
   every redraw done (Pilot's wait); median and p95 over the call, as wall time (which
   includes Pilot's own polling and the 60-frames-a-second pacing of redraws) and as
   the process's CPU time (the work itself, which other load on a shared machine does
   not inflate).
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
from pathlib import Path

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


LINES = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "This is an attempt to collect a debt, and any information obtained will be used for that purpose.",
    "Can you tell me a bit about what's been going on?",
    "I'm so sorry to hear that, that sounds really stressful.",
    "So since your hours were cut, rent has come first.",
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


async def long_call(turns: int) -> tuple[int, float, list[float], list[float]]:
    sys.path.insert(0, str(ROOT))
    from simulator.app.app import CollectSimApp

    app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="bench")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.start_scenario("hardship-basic")
        await pilot.pause()
        app.dial(app.scenario_info("hardship-basic"), {"reviewed": [], "call_time": "18:30"})
        await pilot.pause()
        start = time.perf_counter()
        sent = 0
        each: list[float] = []
        cpu: list[float] = []
        say = app.screen.query_one("#say")
        while sent < turns and not app.session.ended:
            say.value = LINES[sent % len(LINES)] if sent < 3 else f"I hear you. {LINES[3 + sent % 2]}"
            t0, c0 = time.perf_counter(), time.process_time()
            await pilot.press("enter")  # returns once the app is idle: reply shown, redrawn
            each.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            sent += 1
        await pilot.pause()
        elapsed = time.perf_counter() - start
    return sent, elapsed, each, cpu


def _long_call_memory(turns: int) -> dict[str, float]:
    os.environ["COLLECTSIM_HOME"] = tempfile.mkdtemp(prefix="collectsim-bench-")
    sent, elapsed, each, cpu = asyncio.run(long_call(turns))
    with open("/proc/self/status") as fh:
        rss = next((int(x.split()[1]) / 1024 for x in fh if x.startswith("VmRSS:")), float("nan"))
    return {"sent": sent, "elapsed": elapsed, "rss": rss,
            "turn_median_ms": statistics.median(each) * 1000, "turn_p95_ms": p95(each) * 1000,
            "turn_cpu_p95_ms": p95(cpu) * 1000}


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
        {"measure": "a turn in the app incl. redraw (Pilot), p95 wall",
         "value": round(mem["turn_p95_ms"], 1), "unit": "ms", "goal": "< 50"},
        {"measure": "a turn in the app incl. redraw (Pilot), p95 CPU",
         "value": round(mem["turn_cpu_p95_ms"], 1), "unit": "ms", "goal": "< 50"},
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--turns", type=int, default=40)
    parser.add_argument("--memory-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_json:
        import json

        print(json.dumps(_long_call_memory(args.turns)))
        return

    first_screen(1)  # warm-up: writes the bytecode cache, as a user's first run does
    floor_screen(1)
    # Interleaved, one of each in turn: on a shared machine all see the same load.
    times, totals, floor, cold = [], [], [], []
    for _ in range(args.runs):
        t, total = first_screen(1)
        times += t
        totals += total
        floor += floor_screen(1)
        cold += first_screen(1, cold=True)[0]
    print(f"first screen (process start to Home drawn, {args.runs} runs; {NOTE}): "
          f"median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s "
          f"(goal <= 0.6 s)")
    print(f"  a minimal Textual app (header, table, footer), interleaved: median "
          f"{statistics.median(floor):.3f} s, min {min(floor):.3f} s; collectsim is "
          f"{statistics.median(times) / statistics.median(floor):.2f}x that (median), "
          f"{min(times) / min(floor):.2f}x (min)")
    print(f"  process start to exit (incl. shutdown): median {statistics.median(totals):.3f} s")
    print(f"  a first start (empty cache folder: Home parses every scenario and persona): "
          f"median {statistics.median(cold):.3f} s, min {min(cold):.3f} s")

    os.environ["COLLECTSIM_HOME"] = tempfile.mkdtemp(prefix="collectsim-bench-")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sent, elapsed, each, cpu = asyncio.run(long_call(args.turns))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open("/proc/self/status") as fh:
        rss = next((int(x.split()[1]) / 1024 for x in fh if x.startswith("VmRSS:")), float("nan"))
    print(f"{sent}-turn call through the app (Pilot): {elapsed:.2f} s; a turn incl. redraw: "
          f"median {statistics.median(each) * 1000:.1f} ms, p95 {p95(each) * 1000:.1f} ms wall; "
          f"CPU median {statistics.median(cpu) * 1000:.1f} ms, p95 {p95(cpu) * 1000:.1f} ms (goal < 50 ms)")
    print(f"  first 10 turns vs last 10 (CPU median): {statistics.median(cpu[:10]) * 1000:.1f} ms, "
          f"{statistics.median(cpu[-10:]) * 1000:.1f} ms")
    print(f"memory: RSS now {rss:.0f} MiB, peak {peak:.0f} MiB (after imports: {before:.0f} MiB)")


if __name__ == "__main__":
    main()
