"""Validating all shipped content: in-process and as `collectsim validate` (a process).

Goal (DESIGN.md section 11): all shipped content validated in under 0.5 s. Covers
personas/, scenarios/ and scoring/rubric.yaml. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_validate.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from userenv import NOTE, user_env  # noqa: E402

#: Runs the validate command alone while some other command module is still missing.
_ALONE = """\
import argparse, sys
from simulator import cli
from simulator.commands import validate as mod
p = argparse.ArgumentParser(prog="collectsim validate")
mod.add_arguments(p)
sys.exit(cli._exit(lambda: mod.run(p.parse_args(sys.argv[1:]))))
"""


def _targets() -> list[str]:
    out = [d for d in ("personas", "scenarios") if (ROOT / d).is_dir()]
    if (ROOT / "scoring" / "rubric.yaml").is_file():
        out.append("scoring/rubric.yaml")
    return out


def _files() -> list[Path]:
    from simulator.commands.validate import _files as collect

    return collect([str(ROOT / t) for t in _targets()])


def in_process(rounds: int = 20) -> tuple[list[float], int, int]:
    """Seconds per full pass, cold first pass excluded; also files and problems."""
    from simulator.content import lint
    from simulator.content.loader import check_file

    files = _files()
    problems = sum(len(check_file(f)) for f in files)  # warm imports
    times = []
    for _ in range(rounds):
        lint._persona_cache.clear()  # each pass parses everything again
        t0 = time.perf_counter()
        for f in files:
            check_file(f)
        times.append(time.perf_counter() - t0)
    return times, len(files), problems


def as_process(runs: int = 7) -> list[float]:
    args = _targets()
    cmd = [sys.executable, "-m", "simulator", "validate", *args]
    env = user_env()
    probe = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    if probe.returncode not in (0, 1):  # the full CLI is not importable yet
        cmd = [sys.executable, "-c", _ALONE, *args]
        subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
        out.append(time.perf_counter() - t0)
    return out


def results() -> list[dict]:
    t, n, problems = in_process()
    p = as_process()
    return [
        {"measure": f"validate {n} shipped files in-process (median)",
         "value": round(statistics.median(t) * 1000, 2), "unit": "ms", "goal": ""},
        {"measure": "problems found in shipped content", "value": problems, "unit": "",
         "goal": "0"},
        {"measure": f"collectsim validate (process, median; {NOTE})",
         "value": round(statistics.median(p), 3), "unit": "s", "goal": "< 0.5"},
        {"measure": "collectsim validate (process, max)",
         "value": round(max(p), 3), "unit": "s", "goal": ""},
    ]


if __name__ == "__main__":
    for row in results():
        print(f"{row['measure']:<50} {row['value']:>10} {row['unit']:<4} goal {row['goal']}")
