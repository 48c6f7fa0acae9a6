"""Conveniences for front ends: a record in, a scorecard out.

``collectsim play --json``, the app's scorecard screen and ``collectsim verify`` all
go through these, so a record is always scored the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scoring.rubric import Rubric
from scoring.scorecard import Scorecard


def score_record(
    record: Any,
    rubric: Rubric | None = None,
    *,
    base: Path | None = None,
    created_at: Any = None,
) -> Scorecard:
    """Replay a ``SessionRecord`` headless and score it.

    ``base`` is the folder a relative scenario path in the record is resolved against
    (the record file's folder). ``created_at`` is recorded on the card as given.
    """
    from scoring.scorer import score
    from simulator.content.models import SessionRecord
    from simulator.session import replay

    if not isinstance(record, SessionRecord):
        record = SessionRecord.model_validate(record)
    finished = replay(record, base=base)
    return score(finished, rubric, created_at=created_at)


def rescore(card: dict[str, Any], rubric: Rubric | None = None, *, base: Path | None = None) -> Scorecard:
    """Score again what a scorecard embeds (its session record or its recording)."""
    meta = card.get("meta") if isinstance(card, dict) else None
    if not isinstance(meta, dict):
        raise ValueError("not a scorecard: no 'meta'")
    created = meta.get("created_at")
    if isinstance(meta.get("session"), dict):
        return score_record(meta["session"], rubric, base=base, created_at=created)
    if isinstance(meta.get("recording"), dict):
        from scoring.transcripts import from_data, score_transcript

        return score_transcript(from_data(meta["recording"], "meta.recording"), rubric, created_at=created)
    raise ValueError("the scorecard embeds neither a session (meta.session) nor a recording (meta.recording)")
