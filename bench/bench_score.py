"""Scoring throughput: finished sessions scored per second on one core.

Goal (DESIGN.md section 11): at least 500 recorded sessions a second per core. The
sessions (exemplary calls on every archetype and flawed variants: a late call, a rigid
negotiation, a threat) are played through the engine once, before timing; only
``score()`` and ``to_dict()`` are timed. Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL = 500.0


def _sessions() -> list:
    from scoring.examples import variants
    from simulator.content.models import SessionRecord
    from simulator.session import replay

    return [replay(SessionRecord.model_validate(r)) for r in variants()]


def results(rounds: int = 5, min_seconds: float = 0.4) -> list[dict]:
    from scoring.rubric import load_default_rubric
    from scoring.scorer import score

    sessions = _sessions()
    rubric = load_default_rubric()
    for fs in sessions:  # warm caches (rubric, overrides, regexes)
        score(fs, rubric).to_dict()
    rates, cpu_rates, per_card = [], [], []
    for _ in range(rounds):
        n, start, cpu = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - start < min_seconds:
            for fs in sessions:
                score(fs, rubric).to_dict()
            n += len(sessions)
        rates.append(n / (time.perf_counter() - start))
        cpu_rates.append(n / (time.process_time() - cpu))
    for fs in sessions:
        t0 = time.perf_counter()
        score(fs, rubric).to_dict()
        per_card.append((time.perf_counter() - t0) * 1000)
    size = statistics.mean(len(json.dumps(score(fs, rubric).to_dict())) for fs in sessions)
    turns = statistics.mean(len(fs.turns) for fs in sessions)
    return [
        {"measure": f"sessions scored per second, one core ({len(sessions)} sessions, mean {turns:.1f} turns)",
         "value": round(statistics.median(rates)), "unit": "/s", "goal": f">= {GOAL:g}/s"},
        # The same per CPU second of this process: what one core does, whatever else the
        # machine is running (wall time on a shared machine varies by a third between runs).
        {"measure": "sessions scored per CPU second", "value": round(statistics.median(cpu_rates)),
         "unit": "/s", "goal": f">= {GOAL:g}/s"},
        {"measure": "one scorecard, worst session", "value": round(max(per_card), 2), "unit": "ms", "goal": ""},
        {"measure": "scorecard JSON size, mean", "value": round(size / 1024, 1), "unit": "KB", "goal": ""},
    ]


if __name__ == "__main__":
    for row in results():
        print(f"{row['measure']}: {row['value']} {row['unit']}  (goal {row['goal'] or '-'})")
