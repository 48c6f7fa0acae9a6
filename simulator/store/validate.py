"""What counts as a scorecard, and its identity (the content hash).

Import and save accept scorecards from other machines and other versions of the
tool, so validation checks only what the store needs and allows extra fields.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from scoring.dimensions import DIMENSIONS
from simulator.hashing import sha256_json
from simulator.store.errors import StoreError

#: What compare and leaderboard can rank by.
METRICS: tuple[str, ...] = ("overall", *DIMENSIONS)

_OPEN = ConfigDict(extra="allow")


class DimensionIn(BaseModel):
    model_config = _OPEN
    score: float | None = Field(ge=0, le=100, allow_inf_nan=False)


class DimensionsIn(BaseModel):
    model_config = _OPEN
    preparation: DimensionIn
    tone: DimensionIn
    active_listening: DimensionIn
    flexibility: DimensionIn
    documentation: DimensionIn


class ComplianceIn(BaseModel):
    model_config = _OPEN
    violations: list[dict[str, Any]] = Field(default_factory=list)


class OutcomeIn(BaseModel):
    model_config = _OPEN
    type: str | None = None
    amount_secured: float | None = Field(default=None, allow_inf_nan=False)


class MetaIn(BaseModel):
    model_config = _OPEN
    tool_version: str | None = None
    scenario_id: str | None = None
    persona_id: str | None = None
    trainee: str | None = None
    team: str | None = None
    created_at: datetime | None = None
    session: dict[str, Any] | None = None


class ScorecardIn(BaseModel):
    """The fields the store reads; anything else is kept as it is."""

    model_config = _OPEN
    overall: float = Field(ge=0, le=100, allow_inf_nan=False)
    passed: StrictBool
    dimensions: DimensionsIn
    compliance: ComplianceIn
    outcome: OutcomeIn
    meta: MetaIn = Field(default_factory=MetaIn)


def content_hash(card: dict[str, Any]) -> str:
    """sha256 of the canonical JSON: the same card from anywhere is stored once."""
    try:
        return sha256_json(card)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"not a scorecard: not JSON-able ({exc})") from None


def _describe(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(part) for part in err["loc"])
    if err["type"] == "missing":
        return f"missing '{loc}'"
    if not loc:
        return err["msg"]
    return f"'{loc}': {err['msg']}"


def parse_scorecard(card: Any) -> ScorecardIn:
    """Validate one scorecard; the error says what is wrong in one line."""
    if not isinstance(card, dict):
        raise StoreError(f"not a scorecard: expected a JSON object, got {type(card).__name__}")
    try:
        return ScorecardIn.model_validate(card)
    except ValidationError as exc:
        raise StoreError(f"not a scorecard: {_describe(exc)}") from None


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def to_record(card: dict[str, Any], team: str | None = None) -> dict[str, Any]:
    """The row for one scorecard: indexed columns, plus the card and its session.

    The session record is stored once, in its own column, and taken out of the
    stored card (export puts it back), so a session is not kept twice.
    """
    parsed = parse_scorecard(card)
    meta = parsed.meta
    session = meta.session or {}
    created = meta.created_at or datetime.now(UTC)
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    stored_card = card
    session_json = None
    if isinstance(card.get("meta"), dict) and isinstance(card["meta"].get("session"), dict):
        session_json = card["meta"]["session"]
        stored_card = {**card, "meta": {k: v for k, v in card["meta"].items() if k != "session"}}
    dims = parsed.dimensions
    violations = parsed.compliance.violations
    return {
        "content_hash": content_hash(card),
        "trainee": _text(meta.trainee) or _text(session.get("trainee")) or "unknown",
        "team": _text(team) or _text(meta.team) or _text(session.get("team")),
        "scenario": _text(meta.scenario_id) or _text(session.get("scenario")) or "unknown",
        "persona": _text(meta.persona_id) or _text(session.get("persona")),
        "created_at": created.astimezone(UTC),
        "stored_at": datetime.now(UTC),
        "overall": parsed.overall,
        "passed": parsed.passed,
        **{name: getattr(dims, name).score for name in DIMENSIONS},
        "violation_count": len(violations),
        "violations": violations,
        "outcome_type": parsed.outcome.type,
        "amount_secured": parsed.outcome.amount_secured,
        "tool_version": meta.tool_version,
        "scorecard": stored_card,
        "session": session_json,
    }


def restore_card(stored: dict[str, Any], session: dict[str, Any] | None) -> dict[str, Any]:
    """The scorecard exactly as it was saved (same content hash)."""
    if session is None:
        return stored
    meta = dict(stored.get("meta") or {})
    meta["session"] = session
    return {**stored, "meta": meta}
