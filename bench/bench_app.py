"""How fast the app opens, and how much memory a long call takes. Prints, never asserts.

    .venv/bin/python bench/bench_app.py [--runs 7]

1. Time to the first screen: ``collectsim`` started as a process with
   COLLECTSIM_APP_EXIT_AFTER_FIRST_SCREEN=1 (the app exits right after Home is drawn),
   in a pseudo-terminal so Textual runs its real driver. Wall time, process start to exit.
2. Memory: the RSS of a process that drives a 40-turn call through the app with Pilot.
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


def first_screen(runs: int) -> tuple[list[float], list[float]]:
    """(process start to Home drawn, process start to exit) for each run."""
    times, totals = [], []
    cmd = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "simulator"]
    for _ in range(runs):
        home = tempfile.mkdtemp(prefix="collectsim-bench-")
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


async def long_call(turns: int) -> tuple[int, float]:
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
        say = app.screen.query_one("#say")
        while sent < turns and not app.session.ended:
            say.value = LINES[sent % len(LINES)] if sent < 3 else f"I hear you. {LINES[3 + sent % 2]}"
            await pilot.press("enter")
            sent += 1
        await pilot.pause()
        elapsed = time.perf_counter() - start
    return sent, elapsed


def _long_call_memory(turns: int) -> dict[str, float]:
    os.environ["COLLECTSIM_HOME"] = tempfile.mkdtemp(prefix="collectsim-bench-")
    sent, elapsed = asyncio.run(long_call(turns))
    with open("/proc/self/status") as fh:
        rss = next((int(x.split()[1]) / 1024 for x in fh if x.startswith("VmRSS:")), float("nan"))
    return {"sent": sent, "elapsed": elapsed, "rss": rss}


def results() -> list[dict[str, object]]:
    """For `make bench`; the long call runs in its own process so its memory is the app's."""
    import json
    import subprocess
    import sys

    times, _ = first_screen(5)
    out = subprocess.run([sys.executable, __file__, "--memory-json"], capture_output=True, text=True,
                         check=True)
    mem = json.loads(out.stdout.strip().splitlines()[-1])
    return [
        {"measure": f"first screen (process start to Home drawn, median; {NOTE})",
         "value": round(statistics.median(times), 3), "unit": "s", "goal": "< 0.8"},
        {"measure": f"memory after a {mem['sent']}-turn call", "value": round(mem["rss"]),
         "unit": "MiB", "goal": "< 120"},
        {"measure": "a turn in the app incl. redraw (Pilot)",
         "value": round(mem["elapsed"] / max(mem["sent"], 1) * 1000, 1), "unit": "ms", "goal": ""},
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

    times, totals = first_screen(args.runs)
    print(f"first screen (process start to Home drawn, {args.runs} runs): "
          f"median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s "
          f"(goal < 0.8 s)")
    print(f"  process start to exit (incl. shutdown): median {statistics.median(totals):.3f} s")

    os.environ["COLLECTSIM_HOME"] = tempfile.mkdtemp(prefix="collectsim-bench-")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sent, elapsed = asyncio.run(long_call(args.turns))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open("/proc/self/status") as fh:
        rss = next((int(x.split()[1]) / 1024 for x in fh if x.startswith("VmRSS:")), float("nan"))
    print(f"{sent}-turn call through the app (Pilot): {elapsed:.2f} s, "
          f"{elapsed / max(sent, 1) * 1000:.1f} ms a turn incl. redraw")
    print(f"memory: RSS now {rss:.0f} MiB, peak {peak:.0f} MiB (after imports: {before:.0f} MiB)")


if __name__ == "__main__":
    main()
