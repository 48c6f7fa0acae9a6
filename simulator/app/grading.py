"""The bridge from the app to the scorer and its renderers.

Pure (no Textual). The screens read only the scorecard dict (``Scorecard.to_dict()``),
so any scorecard, fresh or loaded from disk or the store, renders the same way.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

DIMENSIONS: tuple[str, ...] = (
    "preparation",
    "tone",
    "active_listening",
    "flexibility",
    "documentation",
)
DIMENSION_TITLES = {
    "preparation": "Preparation",
    "tone": "Tone",
    "active_listening": "Active listening",
    "flexibility": "Flexibility",
    "documentation": "Documentation",
}


def score(finished: Any, created_at: Any = None) -> dict[str, Any]:
    """Score a finished session with the shipped rubric (and the scenario's overrides)."""
    from scoring.scorer import score as score_session

    return score_session(finished, created_at=created_at).to_dict()


def _renderer(module: str, names: tuple[str, ...]) -> Any:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    for name in names:
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    return None


def to_json(card: dict[str, Any]) -> str:
    return json.dumps(card, indent=2, ensure_ascii=False) + "\n"


def to_markdown(card: dict[str, Any]) -> str:
    """The scorer's Markdown renderer, or a plain one if it is not there."""
    fn = _renderer("scoring.render_md", ("render_markdown", "render_md", "render", "to_markdown"))
    if fn is not None:
        return str(fn(card))
    return _fallback_markdown(card)


def to_html(card: dict[str, Any]) -> str:
    fn = _renderer("scoring.render_html", ("render_html", "render", "to_html"))
    if fn is not None:
        return str(fn(card))
    import html

    return (
        "<!doctype html><meta charset='utf-8'><title>collectsim scorecard</title>"
        f"<pre>{html.escape(_fallback_markdown(card))}</pre>\n"
    )


def _fallback_markdown(card: dict[str, Any]) -> str:
    lines = [
        "# Scorecard",
        "",
        f"Overall: {card.get('overall')} ({'passed' if card.get('passed') else 'failed'})",
        "",
    ]
    for dim, data in (card.get("dimensions") or {}).items():
        lines.append(f"## {DIMENSION_TITLES.get(dim, dim)}: {data.get('score')}")
        for check in data.get("checks", []):
            mark = "x" if check.get("passed") else " "
            lines.append(f"- [{mark}] {check.get('description', check.get('id'))}")
        lines.append("")
    for v in (card.get("compliance") or {}).get("violations", []):
        lines.append(f"- {v.get('rule')} ({v.get('citation')}), turn {v.get('turn')}: {v.get('quote')}")
    return "\n".join(lines) + "\n"
