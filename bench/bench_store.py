"""Scorecard store benchmark: 100,000 sessions, then the team views.

Fills a fresh SQLite database (and a fresh PostgreSQL schema when the server at
127.0.0.1:5432/test answers) with 100,000 realistic scorecards in bulk, then times
``compare`` of 3 trainees and ``leaderboard`` (goal: under 0.5 s each). Prints a
table; never asserts (DESIGN.md section 11: speed is measured by benchmarks).

    .venv/bin/python bench/bench_store.py [--rows N] [--no-postgres]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DIMENSIONS = ("preparation", "tone", "active_listening", "flexibility", "documentation")
SCENARIOS = (
    "cooperative-basic",
    "hardship-basic",
    "resistant-basic",
    "hostile-basic",
    "third-party",
)
TRAINEES = [f"trainee{i:03d}" for i in range(200)]
GOAL_S = 0.5
PG_URL = os.environ.get("COLLECTSIM_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def fake_scorecard(n: int, rng: random.Random) -> dict[str, Any]:
    """A scorecard about the size of a real one (checks with evidence, a 20-turn session)."""
    trainee = TRAINEES[n % len(TRAINEES)]
    scenario = SCENARIOS[rng.randrange(len(SCENARIOS))]
    dims = {}
    for d in DIMENSIONS:
        score = None if rng.random() < 0.03 else round(rng.uniform(20, 100), 1)
        dims[d] = {
            "score": score,
            "weight": 20,
            "checks": [
                {
                    "id": f"{d}.{k}",
                    "passed": rng.random() < 0.7,
                    "points": 25,
                    "turns": [rng.randrange(1, 20)],
                    "evidence": "I understand this is a difficult time for you",
                }
                for k in range(4)
            ],
        }
    scored = [v["score"] for v in dims.values() if v["score"] is not None]
    overall = round(sum(scored) / len(scored), 1)
    violations = (
        [
            {
                "rule": "threat",
                "citation": "12 CFR 1006.18(b)(3)",
                "turn": 5,
                "quote": "we will garnish your wages",
                "severity": "critical",
            }
        ]
        if rng.random() < 0.1
        else []
    )
    when = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=n * 5)
    return {
        "overall": min(overall, 50.0) if violations else overall,
        "passed": overall >= 60 and not violations,
        "dimensions": dims,
        "compliance": {"violations": violations},
        "outcome": {
            "type": rng.choice(["payment_plan", "settlement", "full_payment", "no_agreement"]),
            "amount_secured": round(rng.uniform(0, 1500), 2),
            "balance": 1500.0,
            "final_trust": round(rng.random(), 2),
        },
        "meta": {
            "tool_version": "0.1.0",
            "scenario_id": scenario,
            "persona_id": f"{scenario}-persona",
            "trainee": trainee,
            "team": f"team{n % 7}",
            "seed": n,
            "created_at": when.isoformat(),
            "hashes": {"scenario": "a" * 64, "persona": "b" * 64, "rubric": "c" * 64},
            "session": {
                "scenario": scenario,
                "trainee": trainee,
                "seed": n,
                "preparation": {"reviewed": ["account_summary", "payment_history"]},
                "turns": [
                    f"Trainee line {t} of session {n}, asking about the balance." for t in range(20)
                ],
                "agreement": {"outcome": "payment_plan", "total_amount": 600.0},
                "notes": "Lost her job in August; plan $75 x 8 from Dec 1.",
            },
        },
    }


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, float]:
    """(first run, best of ``repeat``) in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times[0], min(times)


def bench(label: str, url: str, rows: int) -> list[tuple[str, str, float, float, str]]:
    from simulator.store import Store

    rng = random.Random(1)
    results = []
    with Store.open(url) as store:
        fill = 0.0  # the store's time only, not making the fake cards
        chunk = 10_000
        for first in range(0, rows, chunk):
            cards = [fake_scorecard(n, rng) for n in range(first, min(rows, first + chunk))]
            start = time.perf_counter()
            store.save_many(cards)
            fill += time.perf_counter() - start
        results.append((label, f"save_many {rows:,}", fill, fill, f"{rows / fill:,.0f} rows/s"))
        trio = TRAINEES[:3]
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("compare 3 trainees", lambda: store.compare(trio)),
            ("compare 3, one scenario", lambda: store.compare(trio, scenario="hardship-basic")),
            ("leaderboard overall", lambda: store.leaderboard()),
            ("leaderboard tone", lambda: store.leaderboard(by="tone")),
            ("leaderboard, one scenario", lambda: store.leaderboard(scenario="hostile-basic")),
            ("trend of a trainee", lambda: store.trend(trio[0])),
            ("scores --limit 50", lambda: store.query(limit=50)),
        ]
        for name, fn in cases:
            first_s, best = timed(fn)
            goal = (
                ""
                if not name.startswith(("compare", "leaderboard"))
                else ("ok" if best < GOAL_S else "SLOW")
            )
            results.append((label, name, first_s, best, goal))
    return results


def pg_schema() -> tuple[str, str] | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3, autocommit=True) as conn:
            schema = f"cs_bench_{uuid.uuid4().hex[:8]}"
            conn.execute(f'CREATE SCHEMA "{schema}"')
        return PG_URL, schema
    except Exception as exc:  # noqa: BLE001 - any failure means "no server"
        print(f"PostgreSQL not reachable ({str(exc).splitlines()[0]}): skipped", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args(argv)

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results += bench("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", args.rows)
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        print(f"sqlite file: {size / 1e6:,.0f} MB", file=sys.stderr)
    pg = None if args.no_postgres else pg_schema()
    if pg:
        import psycopg

        base, schema = pg
        try:
            results += bench("postgres", f"{base}?options=-csearch_path%3D{schema}", args.rows)
        finally:
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    print(f"{'backend':9} {'operation':28} {'first':>9} {'best of 5':>10}  goal < {GOAL_S} s")
    for label, name, first_s, best, note in results:
        print(f"{label:9} {name:28} {first_s:9.3f} {best:10.3f}  {note}")
    return 0


def results(rows: int = 100_000) -> list[dict[str, Any]]:
    """For `make bench`: the compare and leaderboard timings on both backends."""
    out: list[tuple[str, str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out += bench("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", rows)
    pg = pg_schema()
    if pg:
        import psycopg

        base, schema = pg
        try:
            out += bench("postgres", f"{base}?options=-csearch_path%3D{schema}", rows)
        finally:
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return [
        {"measure": f"{label}: {name}", "value": round(best, 4), "unit": "s",
         "goal": f"< {GOAL_S}" if name.startswith(("compare", "leaderboard")) else note}
        for label, name, _first, best, note in out
    ]


if __name__ == "__main__":
    sys.exit(main())
