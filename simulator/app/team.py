"""What the Team screen shows: stored scorecards, per-trainee averages, weekly trends.

Pure (no Textual). Everything here opens the scorecard store (SQLAlchemy, schema
migrations: ~0.3 s the first time), so the screen calls :func:`load` from a worker
thread, never on the way to the first screen.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from simulator.app.archive import open_store, problem_line

#: Newest scorecards listed (the averages and trends are computed by the database
#: over all matching sessions, not only these).
ROW_LIMIT = 500
#: Trainees averaged side by side.
MAX_COMPARED = 12
#: Lines on the trend plot when no trainee is chosen.
MAX_LINES = 4

IMPORT_HINT = "collectsim import FILE"
EMPTY_STORE = f"No stored scorecards yet: finish a session, or {IMPORT_HINT}."


@dataclass(frozen=True)
class TeamFilters:
    """What the table is narrowed to; None means any."""

    trainee: str | None = None
    team: str | None = None
    scenario: str | None = None
    since: dt.date | None = None

    def describe(self) -> str:
        parts = [
            f"trainee {self.trainee}" if self.trainee else "",
            f"team {self.team}" if self.team else "",
            f"scenario {self.scenario}" if self.scenario else "",
            f"since {self.since.isoformat()}" if self.since else "",
        ]
        return ", ".join(p for p in parts if p) or "everything"


@dataclass
class TeamView:
    """One answer from the store for one set of filters."""

    total: int = 0  # scorecards in the whole store
    rows: list[Any] = field(default_factory=list)  # ScoreRow, newest first
    stats: list[Any] = field(default_factory=list)  # TraineeStats
    trends: dict[str, list[Any]] = field(default_factory=dict)  # trainee -> [TrendPoint]
    trainees: list[str] = field(default_factory=list)  # everyone in the store
    scenarios: list[str] = field(default_factory=list)  # seen in the rows
    teams: list[str] = field(default_factory=list)  # seen in the rows
    error: str = ""

    @property
    def in_view(self) -> list[str]:
        """The trainees of the listed rows, most sessions first (then by name)."""
        counts = Counter(row.trainee for row in self.rows)
        return sorted(counts, key=lambda name: (-counts[name], name))


def parse_since(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` (or nothing); ValueError with a message for anything else."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"Since: {text!r} is not a date like 2026-03-02.") from None


def load(filters: TeamFilters) -> TeamView:
    """Query the store; any failure is a one-line ``error``, never an exception."""
    try:
        with open_store() as store:
            return _load(store, filters)
    except ImportError:
        return TeamView(error="No scorecard store in this version.")
    except Exception as exc:  # noqa: BLE001 - StoreError and anything a driver raises
        return TeamView(error=problem_line(exc))


def _load(store: Any, f: TeamFilters) -> TeamView:
    view = TeamView(total=store.count())
    if not view.total:
        return view
    view.trainees = sorted(e.trainee for e in store.leaderboard(limit=10_000))
    view.rows = store.query(trainee=f.trainee, team=f.team, scenario=f.scenario, since=f.since,
                            limit=ROW_LIMIT)
    view.scenarios = sorted({row.scenario for row in view.rows})
    view.teams = sorted({row.team for row in view.rows if row.team})
    compared = [f.trainee] if f.trainee else sorted(view.in_view[:MAX_COMPARED])
    if compared and view.rows:
        view.stats = store.compare(compared, scenario=f.scenario, since=f.since, team=f.team)
    plotted = [f.trainee] if f.trainee else view.in_view[:MAX_LINES]
    for name in plotted:
        points = store.trend(name, scenario=f.scenario, team=f.team)
        if f.since is not None:  # a week counts if it ends on or after the date
            points = [p for p in points if p.week + dt.timedelta(days=6) >= f.since]
        if points:
            view.trends[name] = points
    return view
