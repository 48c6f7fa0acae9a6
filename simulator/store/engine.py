"""Where the store lives and how to connect to it.

SQLite is tuned for several writers on one machine (a team sharing a file, the app
and a CLI at once): WAL so readers never block, a 30 s busy timeout, and
``BEGIN IMMEDIATE`` for writes, so that writers queue for the lock instead of
failing half-way through a transaction with "database is locked".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from simulator.store.errors import StoreError

ENV_VAR = "COLLECTSIM_DB"
BUSY_TIMEOUT_S = 30
#: Execution option read by the SQLite ``begin`` hook.
BEGIN_OPTION = "collectsim_begin"


def default_url() -> str:
    """``scores.db`` in the user data directory (created if missing): the one the app
    writes to, so the app and the CLI see the same store."""
    from simulator.paths import data_dir

    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data directory {folder}: {exc.strerror}") from None
    return f"sqlite:///{folder / 'scores.db'}"


def resolve_url(url: str | None = None) -> URL:
    """``--db``, else ``$COLLECTSIM_DB``, else ``db`` in config.toml, else the default
    SQLite file.

    A plain path means a SQLite file; ``postgresql://`` and ``postgres://`` mean
    psycopg 3 (installed with the ``postgres`` extra).
    """
    from simulator.config import get

    raw = (get("db", url) or "").strip() or default_url()
    if "://" not in raw:
        raw = f"sqlite:///{Path(raw).expanduser().resolve()}"
    try:
        parsed = make_url(raw)
    except ArgumentError:
        raise StoreError(
            f"not a database URL: {raw!r} "
            "(expected e.g. sqlite:///path/scores.db or postgresql://user@host/db)"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def display(url: URL) -> str:
    """The URL for messages, password hidden."""
    return url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    """An engine for the URL, configured for the backend; errors become StoreError."""
    kwargs: dict[str, Any] = {}
    backend = url.get_backend_name()
    if backend == "sqlite":
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_S}
    elif backend == "postgresql" and "connect_timeout" not in url.query:
        kwargs["connect_args"] = {"connect_timeout": 10}
    try:
        engine = create_engine(url, **kwargs)
    except ImportError as exc:
        raise StoreError(f"cannot use database {display(url)}: {missing_driver(url, exc)}") from None
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(f"cannot use database {display(url)}: {exc}") from None
    if backend == "sqlite":
        _tune_sqlite(engine)
    return engine


def missing_driver(url: URL, exc: ImportError) -> str:
    """What to install when a database driver is missing, instead of 'No module named'."""
    if url.get_backend_name() == "postgresql":
        return ("the PostgreSQL driver (psycopg) is not installed; install it with "
                "`pipx inject collectsim 'psycopg[binary]'`, `uv tool install 'collectsim[postgres]'` "
                "or `pip install 'collectsim[postgres]'`")
    return f"its driver is not installed ({exc})"


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own BEGIN is deferred and late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
            _wal(cursor)
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get(BEGIN_OPTION, "BEGIN"))


def _wal(cursor: Any) -> None:
    """Put the database in WAL mode (it stays so, in the file). Switching needs the file to
    itself, and SQLite answers "database is locked" at once, without waiting out the busy
    timeout, when another process holds it (several trainees' first saves at once): wait
    and try again, up to the busy timeout."""
    import sqlite3
    import time

    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


def writer(engine: Engine) -> Engine:
    """The same pool, but transactions take the write lock up front on SQLite."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{BEGIN_OPTION: "BEGIN IMMEDIATE"})
    return engine
