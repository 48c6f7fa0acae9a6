"""Helpers for the scorecard store tests: a scorecard factory, PostgreSQL access,
and the writer process of the concurrency test (it must live in an importable
module for ``multiprocessing`` spawn)."""

from __future__ import annotations

import os
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# The checkout, for runs where collectsim is not installed (`.venv/bin/pytest` in a
# fresh tree); spawned processes inherit sys.path.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DIMENSIONS = ("preparation", "tone", "active_listening", "flexibility", "documentation")
BASE_TIME = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


def make_scorecard(
    n: int = 0,
    *,
    trainee: str | None = "alex",
    scenario: str = "hardship-basic",
    overall: float | None = None,
    dims: dict[str, float | None] | None = None,
    passed: bool | None = None,
    created_at: datetime | None = None,
    team: str | None = None,
    violations: int = 0,
    in_session_only: bool = False,
) -> dict[str, Any]:
    """A scorecard shaped like the scorer's; ``n`` makes its content distinct."""
    base = float(40 + n % 50)
    scores: dict[str, float | None] = {d: base + i for i, d in enumerate(DIMENSIONS)}
    scores.update(dims or {})
    total = overall if overall is not None else base + 2
    when = created_at or BASE_TIME + timedelta(minutes=n)
    session = {
        "scenario": scenario,
        "trainee": trainee,
        "seed": n,
        "preparation": {"reviewed": ["account_summary"], "call_time": "18:30"},
        "turns": [f"Good evening, this is Sam (take {n}).", "Am I speaking with Maria?"],
        "agreement": {"outcome": "payment_plan", "total_amount": 600.0},
        "notes": "Plan $75 x 8.",
    }
    meta: dict[str, Any] = {
        "tool_version": "0.1.0",
        "persona_id": "maria-hardship",
        "seed": n,
        "created_at": when.isoformat(),
        "hashes": {"scenario": "a" * 64, "persona": "b" * 64, "rubric": "c" * 64},
        "session": session,
    }
    if not in_session_only:
        meta["scenario_id"] = scenario
        meta["trainee"] = trainee
    if team is not None:
        meta["team"] = team
    return {
        "overall": total,
        "passed": (total >= 60 and not violations) if passed is None else passed,
        "dimensions": {
            d: {"score": scores[d], "weight": 20, "checks": [{"id": f"{d}-1", "ok": True}]}
            for d in DIMENSIONS
        },
        "compliance": {
            "violations": [
                {
                    "rule": "threat",
                    "citation": "12 CFR 1006.18(b)(3)",
                    "turn": i + 1,
                    "quote": "we will garnish",
                    "severity": "critical",
                }
                for i in range(violations)
            ]
        },
        "outcome": {
            "type": "payment_plan",
            "amount_secured": 600.0,
            "balance": 1200.0,
            "final_trust": 0.6,
        },
        "meta": meta,
    }


# -- PostgreSQL ------------------------------------------------------------------

PG_HOST = "127.0.0.1:5432"
PG_DB = "test"


def pg_base_url() -> tuple[str | None, str]:
    """A working server URL (``$COLLECTSIM_TEST_PG`` or users postgres, root), or
    None and why not."""
    import psycopg

    candidates = (
        [os.environ["COLLECTSIM_TEST_PG"]]
        if os.environ.get("COLLECTSIM_TEST_PG")
        else [f"postgresql://{user}@{PG_HOST}/{PG_DB}" for user in ("postgres", "root")]
    )
    reason = ""
    for url in candidates:
        try:
            with psycopg.connect(url, connect_timeout=3):
                return url, ""
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0]
    return None, reason


def pg_create_schema(base_url: str) -> str:
    import psycopg

    schema = f"cs_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return schema


def pg_drop_schema(base_url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def pg_schema_url(base_url: str, schema: str) -> str:
    """The store URL whose connections see only ``schema`` (via search_path)."""
    sep = "&" if "?" in base_url else "?"
    return f"{base_url}{sep}options=-csearch_path%3D{schema}"


# -- the concurrency test's writer ------------------------------------------------


def concurrent_writer(url: str, worker: int, count: int, barrier: Any, errors: Any) -> None:
    """Open the store when all writers are ready, then save ``count`` cards one by one."""
    try:
        from simulator.store import Store

        barrier.wait(timeout=60)
        with Store.open(url) as store:
            for i in range(count):
                card = make_scorecard(worker * 100_000 + i, trainee=f"w{worker}")
                if not store.save(card):
                    raise AssertionError(f"card {i} of writer {worker} reported as stored")
    except BaseException as exc:  # report everything to the parent
        errors.put(f"writer {worker}: {type(exc).__name__}: {exc}")
        raise SystemExit(1) from None
