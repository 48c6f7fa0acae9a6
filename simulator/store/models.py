"""The current schema as ORM models (the migrations build it; tests check they agree)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, Index, Integer, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware in, timezone-aware (UTC) out, on every backend.

    SQLite has no time zones: values are stored as naive UTC text, which sorts and
    compares correctly, and get their UTC tzinfo back when read.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


#: JSON everywhere, JSONB on PostgreSQL (smaller, indexable later).
JSONType = JSON().with_variant(JSONB(), "postgresql")


#: The aggregated columns, in the covering index's order.
SCORE_COLUMNS = (
    "overall",
    "passed",
    "preparation",
    "tone",
    "active_listening",
    "flexibility",
    "documentation",
)


class Base(DeclarativeBase):
    pass


class SchemaVersion(Base):
    """One row per applied migration; the schema version is the highest."""

    __tablename__ = "schema_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime())
    tool_version: Mapped[str] = mapped_column(String(64))


class ScorecardRecord(Base):
    """One graded session. Columns that are filtered or aggregated are real columns;
    the rest lives in the JSON."""

    __tablename__ = "scorecards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    trainee: Mapped[str] = mapped_column(String)
    team: Mapped[str | None] = mapped_column(String)
    scenario: Mapped[str] = mapped_column(String)
    persona: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime())
    overall: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    preparation: Mapped[float | None] = mapped_column(Float)
    tone: Mapped[float | None] = mapped_column(Float)
    active_listening: Mapped[float | None] = mapped_column(Float)
    flexibility: Mapped[float | None] = mapped_column(Float)
    documentation: Mapped[float | None] = mapped_column(Float)
    violation_count: Mapped[int] = mapped_column(Integer)
    violations: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    outcome_type: Mapped[str | None] = mapped_column(String(40))
    amount_secured: Mapped[float | None] = mapped_column(Float)
    tool_version: Mapped[str | None] = mapped_column(String(64))
    scorecard: Mapped[dict[str, Any]] = mapped_column(JSONType)
    session: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    __table_args__ = (
        Index("ix_scorecards_trainee_created", "trainee", "created_at"),
        # covers the leaderboard and compare: no table reads for the big JSON rows
        Index("ix_scorecards_trainee_scores", "trainee", *SCORE_COLUMNS),
        Index("ix_scorecards_scenario_trainee", "scenario", "trainee"),
        Index("ix_scorecards_created_at", "created_at"),
        Index("ix_scorecards_team", "team"),
    )
