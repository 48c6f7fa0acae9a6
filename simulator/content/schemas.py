"""JSON Schemas (draft 2020-12) of the content files, generated from the pydantic models.

Editors use them (through a YAML language server) to complete keys and flag mistakes
as a trainer types. The models stay the single source of truth: the copies in
``schemas/`` are regenerated with ``collectsim schema KIND`` and a test keeps them
up to date.
"""

from __future__ import annotations

import json
from typing import Any

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_ABOUT: dict[str, tuple[str, str]] = {
    "persona": (
        "collectsim persona",
        "A scripted debtor: who they are, their numbers, facts, lines, and the state "
        "machine of the call (states, transitions, conditions, effects).",
    ),
    "scenario": (
        "collectsim scenario",
        "A practice case: a persona, the account file, the creditor's policy, the call "
        "context, optional rubric overrides and scripted checks.",
    ),
    "session": (
        "collectsim session record",
        "One attempt: preparation, the trainee's lines, the wrap-up form and notes. "
        "Extra fields are allowed.",
    ),
    "rubric": (
        "collectsim rubric",
        "Weighted scoring dimensions of observable checks, the compliance gate and "
        "the thresholds the checks read.",
    ),
}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of content file."""
    from simulator.content.loader import model_for

    if kind not in _ABOUT:
        raise ValueError(f"unknown kind {kind!r}")
    model = model_for(kind)
    body: dict[str, Any] = (
        model.model_json_schema(by_alias=True) if model is not None else {"type": "object"}
    )
    title, description = _ABOUT[kind]
    out: dict[str, Any] = {"$schema": DIALECT, "title": title, "description": description}
    out.update({k: v for k, v in body.items() if k not in ("title", "description")})
    return out


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: schema_for(kind) for kind in _ABOUT}


def dumps(schema: dict[str, Any]) -> str:
    """Stable text, so the committed copies diff cleanly."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
