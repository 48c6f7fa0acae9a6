"""Scoring: the rubric, the scorer, the compliance gate and the scorecard's renderings.

Pure: never imports textual. Public names load lazily (PEP 562) so that importing
``scoring.rubric`` (the content loader does) does not pull in the whole scorer.

    from scoring import score, score_record, load_default_rubric
    card = score(finished_session)          # a Scorecard; card.to_dict() is the contract
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "score": "scoring.scorer",
    "score_record": "scoring.api",
    "rescore": "scoring.api",
    "score_transcript": "scoring.transcripts",
    "load_transcript": "scoring.transcripts",
    "Scorecard": "scoring.scorecard",
    "Rubric": "scoring.rubric",
    "load_default_rubric": "scoring.rubric",
    "load_rubric_file": "scoring.rubric",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
