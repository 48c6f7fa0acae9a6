"""Lint of a session record: keys written wrong or in the wrong place.

A record may carry keys of its own (other tools extend the contract), so an unknown key
is kept and never an error. But a key that is plainly a known one misspelt or shortened
('total' for 'total_amount') or put one level off ('objective' beside 'reviewed'
instead of under 'plan') is not read, and what the trainee wrote is lost without a word:
those are warnings, at the key's line.
"""

from __future__ import annotations

import difflib
from typing import Any

from simulator.diagnostics import Problem
from simulator.yamlio import Loaded


def _keys(model: Any) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def _tree() -> list[tuple[tuple[str, ...], str, Any, dict[str, Any]]]:
    """(path, what it is called, its model, {child key: child model})."""
    from simulator.content.models import Agreement, Plan, Preparation, SessionRecord

    return [
        ((), "the record", SessionRecord, {"preparation": Preparation, "agreement": Agreement}),
        (("preparation",), "the preparation", Preparation, {"plan": Plan}),
        (("preparation", "plan"), "the plan", Plan, {}),
        (("agreement",), "the agreement", Agreement, {}),
    ]


def _close(key: str, known: set[str]) -> str | None:
    """The known key ``key`` most plausibly meant: a near spelling, or one word of it."""
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.7)
    if close:
        return close[0]
    if len(key) >= 4:
        having = sorted(k for k in known if key.lower() in k.split("_"))
        if having:
            return max(having, key=lambda k: difflib.SequenceMatcher(None, key, k).ratio())
    return None


def lint_session(loaded: Loaded) -> list[Problem]:
    from simulator.content.models import COMPUTED_FIELDS

    problems: list[Problem] = []
    for path, called, model, children in _tree():
        node: Any = loaded.data
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            continue
        # a record the app saved carries what the call computed (it always has 'ended_by');
        # a hand-written 'outcome' beside 'turns' is the agreement's, misplaced
        saved = not path and "ended_by" in node
        known = _keys(model) | (set(COMPUTED_FIELDS) if saved else set())
        for key in node:
            if not isinstance(key, str) or key in known:
                continue
            home = next((c for c, m in children.items() if key in _keys(m)), None)
            if home is not None:
                where = ".".join((*path, home, key))
                message = f"'{key}' is not read here: it belongs under '{home}' ({where})"
            else:
                meant = _close(key, known)
                if meant is None:
                    continue  # an extension of the record: kept, not ours to judge
                message = f"'{key}' is not a key of {called} and is not read (did you mean '{meant}'?)"
            problems.append(loaded.problem((*path, key), message, severity="warning"))
    return problems
