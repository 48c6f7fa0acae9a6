"""What coach help costs: a line the trainee took from a coach-mode suggestion is the
coach's words, so the overall loses ``cost_per_line`` points (``suggestions.yaml``)
for each one. The record lists them (``suggestions_taken``: turn numbers), so a
re-score gives the same card.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

SUGGESTIONS = Path(__file__).resolve().parent / "suggestions.yaml"


@cache
def cost_per_line() -> float:
    import yaml

    try:
        data = yaml.safe_load(SUGGESTIONS.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return 0.0
    value = data.get("cost_per_line", 0) if isinstance(data, dict) else 0
    return float(value) if isinstance(value, int | float) and value >= 0 else 0.0


def taken(record: Any) -> list[int]:
    """The turns the record says were sent from a suggestion."""
    extra = getattr(record, "model_extra", None) or {}
    turns = extra.get("suggestions_taken") or []
    return sorted({int(t) for t in turns if isinstance(t, int) and not isinstance(t, bool)})


def coach_help(record: Any) -> dict[str, Any] | None:
    """{"turns": [...], "cost_per_line": c, "points": total} or None when no help was taken."""
    turns = taken(record)
    if not turns:
        return None
    cost = cost_per_line()
    return {"turns": turns, "cost_per_line": cost, "points": round(cost * len(turns), 2)}
