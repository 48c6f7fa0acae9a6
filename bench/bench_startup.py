"""Start-up of the command line as a user meets it: each command run as a process.

    .venv/bin/python bench/bench_startup.py [--runs 11]

Goals (issue 14): `collectsim play` of a 40-turn record <= 0.3 s, `collectsim analyze
"..."` <= 0.15 s, `collectsim --help` <= 0.1 s, each the median wall time of a process.
Each is also given as a multiple of `python -c pass` on the same machine (the floor no
Python program starts under) and with the process's CPU time (user + system), which a
busy machine disturbs less than wall time. The 40-turn record is written as the app
saves one, with its account file; the same record without it (which must generate the
account with Faker) is timed too. Prints figures; asserts nothing.

Like Python's bytecode, the compiled regexes and the parsed shipped YAML are kept in the
cache folder by the first run (the warm-up), as a user's second and later runs find
them; the rows marked "first run" give each run an empty cache folder instead.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" / "collectsim"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from userenv import NOTE, user_env  # noqa: E402

UTTERANCE = "I'm so sorry to hear that. Could you manage $75 a month starting December 1st?"


def forty_turn_records(folder: Path) -> tuple[Path, Path]:
    """(with its account file, without it): the same 40 lines in hardship-basic."""
    import yaml

    # bench_engine's FORTY lines end the call at turn 21 (Maria hangs up on repeats);
    # bench_app's LINES keep her on the line for all 40 turns.
    from bench_app import LINES as FORTY

    from simulator.content.models import SessionRecord
    from simulator.session import dump_record, replay

    bare = {"scenario": "hardship-basic", "trainee": "bench", "seed": 7,
            "preparation": {"reviewed": ["account_summary"], "call_time": "18:30"},
            "turns": FORTY, "notes": "bench"}
    without = folder / "forty-bare.yaml"
    without.write_text(yaml.safe_dump(bare), encoding="utf-8")
    saved = replay(SessionRecord.model_validate(bare)).record  # what the app would save
    with_account = folder / "forty.yaml"
    with_account.write_text(dump_record(saved), encoding="utf-8")
    return with_account, without


def timed(cmd: list[str], runs: int, env: dict[str, str], cwd: Path,
          cold: bool = False) -> tuple[float, float]:
    """(median wall s, median CPU s) over ``runs`` runs, after one warm-up; ``cold``: each
    run with an empty cache folder (a first run on a machine)."""
    subprocess.run(cmd, capture_output=True, env=env, cwd=cwd, check=True)
    walls, cpus = [], []
    for n in range(runs):
        if cold:
            env = {**env, "COLLECTSIM_HOME": str(cwd / f"cold-{n}")}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, cwd=cwd, check=True)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(walls), statistics.median(cpus)


def results(runs: int = 15) -> list[dict]:
    exe = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "simulator"]
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        env = user_env(COLLECTSIM_HOME=str(folder / "home"))
        env.pop("COLLECTSIM_DEBUG", None)
        with_account, without = forty_turn_records(folder)
        python = [str(ROOT / ".venv" / "bin" / "python")] if BIN.exists() else [sys.executable]
        cases = [
            ("python -c pass", python + ["-c", "pass"], ""),
            ("collectsim --help", exe + ["--help"], "<= 0.1"),
            ('collectsim analyze "..."', exe + ["analyze", UTTERANCE], "<= 0.15"),
            ("collectsim play 40-turn record", exe + ["play", str(with_account)], "<= 0.3"),
            ("collectsim play --json 40-turn record", exe + ["play", "--json", str(with_account)], "<= 0.3"),
            ("collectsim play 40-turn record, no account in it", exe + ["play", str(without)], ""),
            ('collectsim analyze "...", first run (empty cache)', exe + ["analyze", UTTERANCE], ""),
            ("collectsim play 40-turn record, first run (empty cache)",
             exe + ["play", str(with_account)], ""),
        ]
        measured = [(name, *timed(cmd, runs, env, folder, cold="first run" in name), goal)
                    for name, cmd, goal in cases]
    floor_wall, floor_cpu = measured[0][1], measured[0][2]
    rows = []
    for name, wall, cpu, goal in measured:
        ratio = "" if name.startswith("python") else f" = {wall / floor_wall:.1f}x python"
        rows.append({"measure": f"{name} (median of {runs}; {NOTE}){ratio}; CPU {cpu:.3f} s "
                                f"= {cpu / max(floor_cpu, 1e-6):.1f}x",
                     "value": round(wall, 3), "unit": "s", "goal": goal})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    for row in results(args.runs):
        print(f"{row['value']:>7.3f} {row['unit']}  goal {row['goal'] or '-':<7} {row['measure']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
