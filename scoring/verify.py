"""Re-score a saved scorecard and say whether it still comes out the same.

A scorecard embeds its session record (or its recording), the tool version and the
content hashes, so anyone can check it: the card is re-scored from what it embeds and
compared field by field. Tool version and content hashes are *reported* (a changed
scenario or rubric explains a difference) but are not themselves a mismatch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scoring.rubric import Rubric

#: Fields that describe the run rather than the result.
INFORMATIONAL: tuple[tuple[str, ...], ...] = (("meta", "tool_version"), ("meta", "hashes"))


@dataclass
class Verification:
    match: bool
    differences: list[tuple[str, Any, Any]] = field(default_factory=list)  # (path, saved, now)
    warnings: list[str] = field(default_factory=list)
    fresh: dict[str, Any] | None = None


def diff(old: Any, new: Any, path: str = "", out: list[tuple[str, Any, Any]] | None = None,
         skip: tuple[tuple[str, ...], ...] = INFORMATIONAL) -> list[tuple[str, Any, Any]]:
    """Every leaf path where two JSON values differ, in document order."""
    out = [] if out is None else out
    parts = tuple(p for p in path.split(".") if p) if path else ()
    if parts in skip:
        return out
    if isinstance(old, dict) and isinstance(new, dict):
        for k in list(old) + [k for k in new if k not in old]:
            sub = f"{path}.{k}" if path else str(k)
            if k not in old:
                out.append((sub, "(absent)", new[k]))
            elif k not in new:
                out.append((sub, old[k], "(absent)"))
            else:
                diff(old[k], new[k], sub, out, skip)
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            sub = f"{path}[{i}]"
            if i >= len(old):
                out.append((sub, "(absent)", new[i]))
            elif i >= len(new):
                out.append((sub, old[i], "(absent)"))
            else:
                diff(old[i], new[i], sub, out, skip)
    elif old != new or type(old) is not type(new) and not (isinstance(old, int | float) and isinstance(new, int | float)):
        out.append((path, old, new))
    return out


def verify_card(card: Any, rubric: Rubric | None = None, base: Path | None = None) -> Verification:
    """Re-score ``card`` (a scorecard dict) and compare. Raises ValueError for a non-card."""
    from scoring.api import rescore

    if not isinstance(card, dict) or "overall" not in card or not isinstance(card.get("meta"), dict):
        raise ValueError("not a scorecard (expected an object with 'overall' and 'meta')")
    fresh = rescore(card, rubric, base=base).to_dict()
    meta_old, meta_new = card["meta"], fresh["meta"]
    warnings = []
    if meta_old.get("tool_version") != meta_new.get("tool_version"):
        warnings.append(f"made with collectsim {meta_old.get('tool_version')}, re-scored with {meta_new.get('tool_version')}")
    old_h, new_h = meta_old.get("hashes") or {}, meta_new.get("hashes") or {}
    for what in sorted(set(old_h) | set(new_h)):
        if old_h.get(what) != new_h.get(what):
            warnings.append(
                f"the {what} changed since this card was made "
                f"({str(old_h.get(what))[:12]} -> {str(new_h.get(what))[:12]})"
            )
    differences = diff(card, fresh)
    return Verification(not differences, differences, warnings, fresh)


def show(value: Any, limit: int = 60) -> str:
    import json

    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
