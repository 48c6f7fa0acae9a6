"""The Store: save, query, compare, rank, trend, export and import scorecards.

Aggregates (compare, leaderboard, trend) are computed by the database with GROUP BY,
so they stay fast with a team's 100,000 sessions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date as SADate
from sqlalchemy import Engine, Select, case, cast, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from simulator.store import migrations
from simulator.store.engine import display, make_engine, resolve_url, writer
from simulator.store.errors import StoreError
from simulator.store.models import ScorecardRecord as R
from simulator.store.validate import DIMENSIONS, METRICS, restore_card, to_record

CSV_COLUMNS: tuple[str, ...] = (
    "created_at",
    "trainee",
    "team",
    "scenario",
    "persona",
    "overall",
    "passed",
    *DIMENSIONS,
    "violations",
    "outcome",
    "amount_secured",
    "content_hash",
)

#: Rows per INSERT batch: large enough to be fast, small enough for any driver.
_BATCH = 1000


@dataclass(frozen=True)
class ScoreRow:
    """One stored session, without the heavy JSON."""

    id: int
    content_hash: str
    created_at: datetime
    trainee: str
    team: str | None
    scenario: str
    persona: str | None
    overall: float
    passed: bool
    preparation: float | None
    tone: float | None
    active_listening: float | None
    flexibility: float | None
    documentation: float | None
    violation_count: int
    outcome_type: str | None
    amount_secured: float | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return data


@dataclass
class TraineeStats:
    """A trainee's means over the selected sessions, and the difference from the
    first trainee compared (None where either side has no value)."""

    trainee: str
    count: int
    pass_rate: float | None
    means: dict[str, float | None]
    diff: dict[str, float | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class LeaderEntry:
    rank: int
    trainee: str
    score: float
    count: int
    overall: float
    pass_rate: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TrendPoint:
    week: date  # the Monday the week starts on (UTC)
    overall: float
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"week": self.week.isoformat(), "overall": self.overall, "count": self.count}


_ROW_COLUMNS = (
    R.id,
    R.content_hash,
    R.created_at,
    R.trainee,
    R.team,
    R.scenario,
    R.persona,
    R.overall,
    R.passed,
    *(getattr(R, d) for d in DIMENSIONS),
    R.violation_count,
    R.outcome_type,
    R.amount_secured,
)


def _since(value: datetime | date | None) -> datetime | None:
    """A date means the start of that day, local time; naive means local time."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return value if value.tzinfo else value.astimezone()


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


class Store:
    """A scorecard database. Open with :meth:`Store.open`; close, or use ``with``."""

    def __init__(self, engine: Engine, url_text: str) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self.url = url_text
        self.schema_version = 0

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect (``url`` > ``$COLLECTSIM_DB`` > the default file) and upgrade the
        schema. Any failure is a one-line StoreError."""
        resolved = resolve_url(url)
        engine = make_engine(resolved)
        store = cls(engine, display(resolved))
        try:
            store.schema_version = migrations.upgrade(engine, store._writer)
        except StoreError:
            engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as exc:
            engine.dispose()
            raise StoreError(
                f"cannot open the scorecard database {store.url}: {migrations.first_line(exc)}"
            ) from exc
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(f"{doing} in {self.url} failed: {migrations.first_line(exc)}") from exc

    # -- writing ---------------------------------------------------------------

    def save(self, scorecard: dict[str, Any], team: str | None = None) -> bool:
        """Store one scorecard; False when the same card is already stored."""
        added, _ = self.save_many([scorecard], team=team)
        return added == 1

    def save_many(
        self, scorecards: Iterable[dict[str, Any]], team: str | None = None
    ) -> tuple[int, int]:
        """Store many in one transaction: all or nothing. Returns (added, already stored).

        Every card is validated before anything is written; a bad one raises
        StoreError naming its position.
        """
        records: dict[str, dict[str, Any]] = {}
        total = 0
        for index, card in enumerate(scorecards):
            total += 1
            try:
                record = to_record(card, team)
            except StoreError as exc:
                raise StoreError(f"item {index + 1}: {exc}") from None
            records.setdefault(record["content_hash"], record)
        added = self._insert(list(records.values())) if records else 0
        return added, total - added

    def _insert(self, records: list[dict[str, Any]]) -> int:
        """Insert, skipping hashes already stored; return how many were added.

        SQLite (the write lock is held) and single cards: ``ON CONFLICT DO NOTHING
        RETURNING``, exact. PostgreSQL batches: the multi-row RETURNING form costs
        psycopg ~0.5 ms a row to parse, so skip the hashes already there, then a
        pipelined executemany with ``ON CONFLICT DO NOTHING`` (still safe if another
        writer stores the same card meanwhile; only the count would include it).
        Core statements: the ORM's bulk path is 2-3x slower here.
        """
        table = R.__table__
        dialect = self._engine.dialect.name
        added = 0
        with self._errors("saving scorecards"), self._writer.begin() as conn:
            for start in range(0, len(records), _BATCH):
                batch = records[start : start + _BATCH]
                if dialect == "sqlite" or (dialect == "postgresql" and len(batch) == 1):
                    stmt = (
                        _upsert_insert(dialect, table)
                        .on_conflict_do_nothing(index_elements=[table.c.content_hash])
                        .returning(table.c.id)
                    )
                    added += len(conn.execute(stmt, batch).all())
                    continue
                hashes = [r["content_hash"] for r in batch]
                have = set(
                    conn.scalars(
                        select(table.c.content_hash).where(table.c.content_hash.in_(hashes))
                    )
                )
                fresh = [r for r in batch if r["content_hash"] not in have]
                if not fresh:
                    continue
                if dialect == "postgresql":
                    stmt = _upsert_insert(dialect, table).on_conflict_do_nothing(
                        index_elements=[table.c.content_hash]
                    )
                    conn.execute(stmt, fresh)
                else:  # other backends: a concurrent duplicate is an error, reported
                    conn.execute(table.insert(), fresh)
                added += len(fresh)
        return added

    def import_file(self, path: str | Path, team: str | None = None) -> tuple[int, int]:
        """Import a JSON file (one scorecard or a list) or JSONL, in one transaction.

        Returns (added, already stored). A file that is not all scorecards is refused
        whole, with a StoreError ``file: not a scorecard: ...``.
        """
        cards = read_scorecards(path)
        try:
            return self.save_many(cards, team=team)
        except StoreError as exc:
            raise StoreError(f"{path}: {_item_message(exc, len(cards))}") from None

    # -- reading ---------------------------------------------------------------

    def _filtered(
        self,
        stmt: Select[Any],
        trainee: str | None = None,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
    ) -> Select[Any]:
        if trainee is not None:
            stmt = stmt.where(R.trainee == trainee)
        if team is not None:
            stmt = stmt.where(R.team == team)
        if scenario is not None:
            stmt = stmt.where(R.scenario == scenario)
        start = _since(since)
        if start is not None:
            stmt = stmt.where(R.created_at >= start)
        return stmt

    def query(
        self,
        trainee: str | None = None,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
        limit: int | None = None,
    ) -> list[ScoreRow]:
        """Sessions, newest first."""
        stmt = self._filtered(select(*_ROW_COLUMNS), trainee, team, scenario, since)
        stmt = stmt.order_by(R.created_at.desc(), R.id.desc())
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._errors("reading scorecards"), Session(self._engine) as session:
            return [ScoreRow(*row) for row in session.execute(stmt)]

    def count(self) -> int:
        with self._errors("counting scorecards"), Session(self._engine) as session:
            return int(session.scalar(select(func.count()).select_from(R)) or 0)

    def compare(
        self,
        trainees: Sequence[str],
        scenario: str | None = None,
        since: datetime | date | None = None,
        team: str | None = None,
    ) -> list[TraineeStats]:
        """Per trainee: mean overall and dimensions (not-assessed dimensions are left
        out of their mean), session count, pass rate; ``diff`` = trainee minus the
        first trainee. Trainees without sessions get count 0 and None means."""
        names = list(dict.fromkeys(trainees))
        if not names:
            return []
        stmt = select(
            R.trainee,
            func.count(),
            func.avg(case((R.passed, 1.0), else_=0.0)),
            *(func.avg(getattr(R, m)) for m in METRICS),
        ).where(R.trainee.in_(names))
        stmt = self._filtered(stmt, team=team, scenario=scenario, since=since).group_by(R.trainee)
        with self._errors("comparing trainees"), Session(self._engine) as session:
            found = {row[0]: row for row in session.execute(stmt)}
        stats: list[TraineeStats] = []
        for name in names:
            row = found.get(name)
            if row is None:
                stats.append(TraineeStats(name, 0, None, dict.fromkeys(METRICS)))
                continue
            means = {m: _float(v) for m, v in zip(METRICS, row[3:], strict=True)}
            stats.append(TraineeStats(name, int(row[1]), _float(row[2]), means))
        first = stats[0].means
        for entry in stats:
            entry.diff = {
                m: None if entry.means[m] is None or first[m] is None else entry.means[m] - first[m]
                for m in METRICS
            }
        return stats

    def leaderboard(
        self,
        by: str = "overall",
        scenario: str | None = None,
        limit: int = 20,
        team: str | None = None,
        since: datetime | date | None = None,
    ) -> list[LeaderEntry]:
        """Trainees ranked by their mean ``by`` (overall or a dimension), best first;
        ties by name. Sessions where that dimension was not assessed do not count."""
        if by not in METRICS:
            raise StoreError(f"cannot rank by {by!r}: choose one of {', '.join(METRICS)}")
        metric = getattr(R, by)
        mean = func.avg(metric).label("score")
        stmt = (
            select(
                R.trainee,
                mean,
                func.count(metric),
                func.avg(R.overall),
                func.avg(case((R.passed, 1.0), else_=0.0)),
            )
            .where(metric.is_not(None))
            .group_by(R.trainee)
            .order_by(mean.desc(), R.trainee)
            .limit(limit)
        )
        stmt = self._filtered(stmt, team=team, scenario=scenario, since=since)
        with self._errors("ranking trainees"), Session(self._engine) as session:
            rows = session.execute(stmt).all()
        return [
            LeaderEntry(i, row[0], float(row[1]), int(row[2]), float(row[3]), float(row[4]))
            for i, row in enumerate(rows, start=1)
        ]

    def trend(self, trainee: str, scenario: str | None = None,
              team: str | None = None) -> list[TrendPoint]:
        """A trainee's mean overall per week (weeks start on Monday, UTC), oldest first;
        within one team when ``team`` is given, like the rest of a filtered view."""
        if self._engine.dialect.name == "postgresql":
            week: Any = cast(func.date_trunc("week", func.timezone("UTC", R.created_at)), SADate)
        elif self._engine.dialect.name == "sqlite":
            week = func.date(R.created_at, "weekday 0", "-6 days")
        else:
            week = None
        if week is None:  # portable fallback: group in Python
            return self._trend_in_python(trainee, scenario, team)
        week = week.label("week")
        stmt = self._filtered(
            select(week, func.avg(R.overall), func.count()), trainee=trainee, team=team, scenario=scenario
        )
        stmt = stmt.group_by(week).order_by(week)
        with self._errors("reading the trend"), Session(self._engine) as session:
            rows = session.execute(stmt).all()
        return [
            TrendPoint(
                row[0] if isinstance(row[0], date) else date.fromisoformat(str(row[0])),
                float(row[1]),
                int(row[2]),
            )
            for row in rows
        ]

    def _trend_in_python(self, trainee: str, scenario: str | None, team: str | None = None
                         ) -> list[TrendPoint]:
        weeks: dict[date, list[float]] = {}
        for row in self.query(trainee=trainee, team=team, scenario=scenario):
            day = row.created_at.astimezone(UTC).date()
            monday = date.fromordinal(day.toordinal() - day.weekday())
            weeks.setdefault(monday, []).append(row.overall)
        return [TrendPoint(w, sum(v) / len(v), len(v)) for w, v in sorted(weeks.items())]

    # -- export ----------------------------------------------------------------

    def export_rows(
        self,
        trainee: str | None = None,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Flat rows with :data:`CSV_COLUMNS`, oldest first, streamed."""
        for row in self._stream(select(*_ROW_COLUMNS), trainee, team, scenario, since):
            r = ScoreRow(*row)
            yield {
                "created_at": r.created_at.isoformat(),
                "trainee": r.trainee,
                "team": r.team,
                "scenario": r.scenario,
                "persona": r.persona,
                "overall": r.overall,
                "passed": r.passed,
                **{d: getattr(r, d) for d in DIMENSIONS},
                "violations": r.violation_count,
                "outcome": r.outcome_type,
                "amount_secured": r.amount_secured,
                "content_hash": r.content_hash,
            }

    def export_scorecards(
        self,
        trainee: str | None = None,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
    ) -> Iterator[dict[str, Any]]:
        """The full scorecards, exactly as saved (same hashes), oldest first, streamed."""
        stmt = select(R.scorecard, R.session)
        for card, session in self._stream(stmt, trainee, team, scenario, since):
            yield restore_card(card, session)

    def _stream(
        self,
        stmt: Select[Any],
        trainee: str | None,
        team: str | None,
        scenario: str | None,
        since: datetime | date | None,
    ) -> Iterator[Any]:
        stmt = self._filtered(stmt, trainee, team, scenario, since)
        stmt = stmt.order_by(R.created_at, R.id).execution_options(yield_per=500)
        with self._errors("exporting scorecards"), Session(self._engine) as session:
            yield from session.execute(stmt)


def _upsert_insert(dialect: str, table: Any) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT."""
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    return insert(table)


def read_scorecards(path: str | Path) -> list[Any]:
    """The items of a JSON file (an object or a list) or a JSONL file, unvalidated."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is a directory") from None
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not a scorecard: not UTF-8 text") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from None
    if not text.strip():
        raise StoreError(f"{path}: not a scorecard: the file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as whole:
        items: list[Any] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                if not items:  # not JSONL either: report the JSON error
                    raise StoreError(
                        f"{path}:{whole.lineno}:{whole.colno}: not JSON: {whole.msg}"
                    ) from None
                raise StoreError(f"{path}:{number}:{exc.colno}: not JSON: {exc.msg}") from None
        return items
    if isinstance(data, list):
        return data
    return [data]


def _item_message(exc: StoreError, count: int) -> str:
    """Drop 'item 1: ' when the file holds a single scorecard."""
    message = str(exc)
    if count == 1 and message.startswith("item 1: "):
        return message[len("item 1: ") :]
    return message
