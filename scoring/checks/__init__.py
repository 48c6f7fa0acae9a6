"""The checks, one function per rubric check id, grouped by the dimension they usually
belong to (the rubric decides where each one counts)."""

from __future__ import annotations

from scoring.checks import documentation, flexibility, listening, preparation, tone  # noqa: F401
from scoring.checks.base import REGISTRY, CheckFn, Finding, na

__all__ = ["REGISTRY", "CheckFn", "Finding", "na"]
