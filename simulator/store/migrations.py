"""A versioned schema that upgrades itself.

``MIGRATIONS[i]`` takes the schema from version ``i`` to ``i + 1``. Each is a function
of an open connection, run inside the upgrade's single transaction (both SQLite and
PostgreSQL have transactional DDL), so a failed upgrade leaves the old version intact.
A migration's tables are frozen here, not taken from :mod:`models`: the models
describe the latest schema, a migration describes one step. To add version 2::

    def _v2_add_reviewer(conn: Connection) -> None:
        conn.execute(text("ALTER TABLE scorecards ADD COLUMN reviewer VARCHAR"))

    MIGRATIONS = [_v1_create_tables, _v2_add_reviewer]

and add the column to :class:`models.ScorecardRecord`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import SQLAlchemyError

from simulator import __version__
from simulator.store.errors import StoreError
from simulator.store.models import UTCDateTime

Migration = Callable[[Connection], None]

_JSON = JSON().with_variant(JSONB(), "postgresql")

VERSION_TABLE = Table(
    "schema_version",
    MetaData(),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", UTCDateTime(), nullable=False),
    Column("tool_version", String(64), nullable=False),
)


def _v1_create_tables(conn: Connection) -> None:
    """Version 1: the scorecards table and its indexes."""
    md = MetaData()
    Table(
        "scorecards",
        md,
        Column("id", Integer, primary_key=True),
        Column("content_hash", String(64), nullable=False, unique=True),
        Column("trainee", String, nullable=False),
        Column("team", String),
        Column("scenario", String, nullable=False),
        Column("persona", String),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("stored_at", UTCDateTime(), nullable=False),
        Column("overall", Float, nullable=False),
        Column("passed", Boolean, nullable=False),
        Column("preparation", Float),
        Column("tone", Float),
        Column("active_listening", Float),
        Column("flexibility", Float),
        Column("documentation", Float),
        Column("violation_count", Integer, nullable=False),
        Column("violations", _JSON, nullable=False),
        Column("outcome_type", String(40)),
        Column("amount_secured", Float),
        Column("tool_version", String(64)),
        Column("scorecard", _JSON, nullable=False),
        Column("session", _JSON),
        Index("ix_scorecards_trainee_created", "trainee", "created_at"),
        Index(
            "ix_scorecards_trainee_scores",
            "trainee",
            "overall",
            "passed",
            "preparation",
            "tone",
            "active_listening",
            "flexibility",
            "documentation",
        ),
        Index("ix_scorecards_scenario_trainee", "scenario", "trainee"),
        Index("ix_scorecards_created_at", "created_at"),
        Index("ix_scorecards_team", "team"),
    )
    md.create_all(conn)


#: In order; the schema version a database reaches is ``len(MIGRATIONS)``.
MIGRATIONS: list[Migration] = [_v1_create_tables]


def current_version(conn: Connection) -> int:
    """0 for an empty database."""
    if not inspect(conn).has_table(VERSION_TABLE.name):
        return 0
    return int(conn.execute(select(func.max(VERSION_TABLE.c.version))).scalar() or 0)


def _check_not_newer(version: int, known: int) -> None:
    if version > known:
        raise StoreError(
            f"database schema version {version} is newer than this collectsim "
            f"(knows up to {known}); upgrade collectsim"
        )


def upgrade(read_engine: Engine, write_engine: Engine) -> int:
    """Bring the schema to the latest version; return it.

    The usual case (already current) takes no write lock. Otherwise the upgrade runs
    under a write lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), and
    re-reads the version, so processes that open a new database at once upgrade it once.
    """
    migrations = list(MIGRATIONS)
    latest = len(migrations)
    with read_engine.connect() as conn:
        version = current_version(conn)
    _check_not_newer(version, latest)
    if version == latest:
        return version
    with write_engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(
                text(
                    "SELECT pg_advisory_xact_lock(hashtext('collectsim.schema.' || current_schema()))"
                )
            )
        VERSION_TABLE.create(conn, checkfirst=True)
        version = current_version(conn)
        _check_not_newer(version, latest)
        for target in range(version + 1, latest + 1):
            try:
                migrations[target - 1](conn)
            except SQLAlchemyError as exc:
                raise StoreError(
                    f"upgrading the scorecard database to schema version {target} failed: "
                    f"{first_line(exc)}"
                ) from exc
            conn.execute(
                insert(VERSION_TABLE).values(
                    version=target, applied_at=datetime.now(UTC), tool_version=__version__
                )
            )
    return latest


def first_line(exc: BaseException) -> str:
    """The driver's own message, without SQLAlchemy's SQL echo and links."""
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__
