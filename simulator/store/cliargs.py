"""Arguments shared by the store commands. Imports only argparse and the standard
library, so that building the parser never pulls in SQLAlchemy."""

from __future__ import annotations

import argparse
from datetime import date, datetime


def since_type(text: str) -> datetime:
    """``YYYY-MM-DD`` (start of that day, local time) or an ISO date-time.

    A bad value is a usage error (exit 2), reported by argparse in one line.
    """
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day).astimezone()
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None
    return value if value.tzinfo else value.astimezone()


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (sqlite:///path.db, postgresql://user@host/db) or a file path; "
        "default: $COLLECTSIM_DB, else scores.db in the user data directory",
    )


def add_filters(
    parser: argparse.ArgumentParser, *, trainee: bool = True, team: bool = True
) -> None:
    if trainee:
        parser.add_argument("--trainee", metavar="T", help="only this trainee")
    if team:
        parser.add_argument("--team", metavar="T", help="only this team")
    parser.add_argument("--scenario", metavar="S", help="only this scenario id")
    parser.add_argument(
        "--since", metavar="YYYY-MM-DD", type=since_type, help="only sessions from this day on"
    )
