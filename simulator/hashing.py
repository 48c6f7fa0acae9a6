"""Content hashes: sha256 of canonical JSON, the one form every hash in the project uses.

Scorecards record the hashes of their scenario, persona and rubric, and the store keys
scorecards by theirs; all must agree however and wherever they are computed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(data: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text; NaN and infinities are refused (ValueError)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def sha256_json(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def model_hash(model: Any) -> str:
    """The hash of a pydantic content model (persona, scenario, rubric) as its JSON."""
    return sha256_json(model.model_dump(mode="json", by_alias=True, exclude_none=True))
