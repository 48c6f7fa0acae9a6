"""Engine speed: a whole turn (analysis + machine + reply) and `collectsim play` as a process.

Goals: a turn p99 under 5 ms (DESIGN.md section 11); `play` of a 40-turn record under
0.6 s as a process (DESIGN.md), 0.3 s (issue 14; bench_startup.py times it against
`python -c pass`). Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from userenv import NOTE, user_env  # noqa: E402

LINES = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks, Maria. This is an attempt to collect a debt, and any information obtained will be used for that purpose.",
    "I'm calling about your Lakeside card; the balance is $1,240.",
    "Can you tell me a bit about what's been going on?",
    "I'm so sorry to hear that, that sounds really stressful.",
    "So since you lost the job you've been covering rent first.",
    "How are you feeling about all of this?",
    "That makes sense. Lots of people in your situation feel the same way.",
    "What's your plan once the new job starts?",
    "Okay, that's helpful to know.",
]
FORTY = (LINES * 4)[:40]


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def turn_times(rounds: int = 60) -> list[float]:
    from simulator.session import Session

    # Warm up: build the analyser and compile the cue patterns these lines need (they are
    # compiled on first use, once per process), so the figures are of turns, not of that.
    warm = Session.start("hardship-basic")
    for line in LINES:
        if not warm.ended:
            warm.say(line)
    times: list[float] = []
    for r in range(rounds):
        s = Session.start("hardship-basic", seed=r)
        for line in LINES:
            if s.ended:
                break
            t0 = time.perf_counter()
            s.say(line)
            times.append((time.perf_counter() - t0) * 1000)
    return times


def play_process(runs: int = 5) -> list[float]:
    """`collectsim play` of a 40-turn record, carrying its account file as the app saves
    it (so the replay needs no Faker), timed as a process."""
    from bench_startup import forty_turn_records

    with tempfile.TemporaryDirectory() as d:
        path, _ = forty_turn_records(Path(d))
        exe = [sys.executable, "-m", "simulator", "play", str(path)]
        env = user_env()
        subprocess.run(exe, capture_output=True, check=True, cwd=d, env=env)  # warm-up
        out = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(exe, capture_output=True, check=True, cwd=d, env=env)
            out.append(time.perf_counter() - t0)
    return out


def results() -> list[dict]:
    t = turn_times()
    p = play_process()
    return [
        {"measure": "whole turn p50", "value": round(statistics.median(t), 3), "unit": "ms", "goal": ""},
        {"measure": "whole turn p99", "value": round(_pct(t, 99), 3), "unit": "ms", "goal": "< 5"},
        {"measure": f"play 40-turn record (process, median; {NOTE})", "value": round(statistics.median(p), 3),
         "unit": "s", "goal": "<= 0.3 (issue 14; DESIGN < 0.6)"},
    ]


if __name__ == "__main__":
    for row in results():
        print(f"{row['measure']:<45} {row['value']:>10} {row['unit']:<4} goal {row['goal']}")
