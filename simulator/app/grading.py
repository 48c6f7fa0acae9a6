"""The bridge from the app to the scorer and its renderers.

Pure (no Textual). The screens read only the scorecard dict (``Scorecard.to_dict()``),
so any scorecard, fresh or loaded from disk or the store, renders the same way.
"""

from __future__ import annotations

import json
from typing import Any


def score(finished: Any, created_at: Any = None) -> dict[str, Any]:
    """Score a finished session with the shipped rubric (and the scenario's overrides)."""
    from scoring.scorer import score as score_session

    return score_session(finished, created_at=created_at).to_dict()


def to_json(card: dict[str, Any]) -> str:
    return json.dumps(card, indent=2, ensure_ascii=False) + "\n"


def to_markdown(card: dict[str, Any]) -> str:
    from scoring.render_md import render_markdown

    return render_markdown(card)


def to_html(card: dict[str, Any]) -> str:
    from scoring.render_html import render_html

    return render_html(card)
