"""What the scoring tests of the outside testers' calls share: their records (fixtures and
gaming records, without the ``expect:`` block) and the card's findings as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.gaming.corpus import read

HERE = Path(__file__).resolve().parent


def record_of(tester: str, name: str) -> dict[str, Any]:
    """A tester's call, kept under tests/fixtures/<tester>/."""
    return read(HERE / "fixtures" / tester / f"{name}.yaml")[0]


def dev_record(name: str) -> dict[str, Any]:
    """A record of the gaming corpus's dev split."""
    return read(HERE / "gaming" / "dev" / f"{name}.yaml")[0]


def rules(card: Any) -> list[str]:
    """The compliance rules the card cites."""
    return [v.rule for v in card.compliance.violations]


def violations(card: Any, rule: str) -> list[Any]:
    """The card's violations of one rule."""
    return [v for v in card.compliance.violations if v.rule == rule]


def notes(check: Any) -> str:
    """A check's evidence notes, as one line."""
    return " | ".join(e.note for e in check.evidence)
