"""The scorecard store: every graded session, for history, comparison and export.

SQLite on the trainee's machine by default, PostgreSQL (or any SQLAlchemy URL) for
a team. The public names are loaded lazily (PEP 562) so that the command modules'
``add_arguments`` can use :mod:`simulator.store.cliargs` without importing
SQLAlchemy, which keeps ``collectsim --help`` fast.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "Store": "simulator.store.store",
    "ScoreRow": "simulator.store.store",
    "TraineeStats": "simulator.store.store",
    "LeaderEntry": "simulator.store.store",
    "TrendPoint": "simulator.store.store",
    "CSV_COLUMNS": "simulator.store.store",
    "StoreError": "simulator.store.errors",
    "ScorecardIn": "simulator.store.validate",
    "content_hash": "simulator.store.validate",
    "DIMENSIONS": "simulator.store.validate",
    "METRICS": "simulator.store.validate",
    "resolve_url": "simulator.store.engine",
    "ENV_VAR": "simulator.store.engine",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'simulator.store' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
