"""What every rendering of a scorecard shares: reading a card (object or dict) and
wording its parts the same way in text, Markdown and HTML.

Renderers work from the card's dict (``to_dict()``), so a card read back from JSON or
the store renders exactly like a fresh one.
"""

from __future__ import annotations

from typing import Any

from scoring.dimensions import DIMENSION_TITLES
from simulator import words


def as_dict(card: Any) -> dict[str, Any]:
    return card if isinstance(card, dict) else card.to_dict()


def fmt_score(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.1f}"


def fmt_money(x: float | None) -> str:
    return "n/a" if x is None else f"${x:,.2f}"


def title_of(card: dict[str, Any]) -> str:
    meta = card.get("meta") or {}
    bits = [meta.get("scenario_id") or ("recorded call" if meta.get("source") == "transcript" else "session")]
    if meta.get("trainee"):
        bits.append(str(meta["trainee"]))
    if meta.get("seed") is not None and meta.get("source") == "session":
        bits.append(f"seed {meta['seed']}")
    return " · ".join(str(b) for b in bits)


#: Each verdict's word and colour; the kind ("pass", "fail", "open") names it in HTML.
VERDICTS = {"pass": ("PASSED", "green"), "fail": ("FAILED", "red"), "open": ("NOT ENOUGH TO JUDGE", "yellow")}


def verdict_kind(card: dict[str, Any]) -> str:
    if card.get("passed"):
        return "pass"
    if card.get("incomplete") and not card.get("compliance", {}).get("violations"):
        return "open"
    return "fail"


def verdict(card: dict[str, Any]) -> str:
    return VERDICTS[verdict_kind(card)][0]


def verdict_colour(card: dict[str, Any]) -> str:
    return VERDICTS[verdict_kind(card)][1]


def cap_note(card: dict[str, Any]) -> str:
    unc, ov = card.get("uncapped"), card.get("overall")
    if card.get("compliance", {}).get("critical") and unc is not None and ov is not None and unc > ov:
        return f"capped from {unc:.1f} by a critical compliance violation"
    if card.get("compliance", {}).get("critical"):
        return "failed: a critical compliance violation"
    majors = [v.get("rule", "") for v in card.get("compliance", {}).get("violations", []) if v.get("severity") == "major"]
    if majors:
        return "failed: a major finding (" + ", ".join(dict.fromkeys(m.replace("_", " ") for m in majors)) + ")"
    return str(card.get("incomplete") or "")


def check_mark(check: dict[str, Any]) -> str:
    if not check.get("applies", True):
        return "–"
    return "✓" if check.get("passed") else "✗"


def evidence_line(e: dict[str, Any]) -> tuple[str, str, str]:
    """(where, quote, note) for one piece of evidence."""
    where = f"turn {e['turn']}" if e.get("turn") else ("before the call" if e.get("turn") == 0 else "")
    return where, e.get("quote") or "", e.get("note") or ""


def outcome_line(card: dict[str, Any]) -> str:
    o = card.get("outcome") or {}
    if o.get("type") is None:
        return "outcome: not known for a recorded call"
    parts = [f"outcome: {words.outcome(o['type'])}"]
    if o.get("call_outcome") and o.get("call_outcome") != o.get("type"):
        parts.append(f"call ended: {words.outcome(o['call_outcome'])}")
    if o.get("amount_secured") is not None:
        secured = f"secured {fmt_money(o['amount_secured'])} of {fmt_money(o.get('balance'))}"
        if o.get("share_secured") is not None:
            secured += f" ({o['share_secured']:.0%})"
        parts.append(secured)
    if o.get("final_trust") is not None:
        parts.append(f"debtor's final trust {o['final_trust']:.0f}/100")
    return "; ".join(parts)


def dimension_rows(card: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(key, title, dimension dict) in contract order."""
    dims = card.get("dimensions") or {}
    return [(k, (dims[k].get("title") or DIMENSION_TITLES.get(k, k)), dims[k]) for k in DIMENSION_TITLES if k in dims]
