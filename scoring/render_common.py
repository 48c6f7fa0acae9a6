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
    if card.get("incomplete"):
        return str(card["incomplete"])
    mark = card.get("pass_mark")
    if not card.get("passed") and mark is not None and ov is not None and round(ov, 1) < mark:
        return f"failed: {ov:.1f} is below the pass mark of {mark:g}"  # tester7: no reason line before
    return ""


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


# --- the terminal card's lines, for Rich (render_text) and plain text (render_plain) ------

#: One printed line: its base style (the whole line's, or None) and its pieces, each with a
#: style of its own. Rich gives each a ``Text``; plain text joins the pieces.
Line = tuple[str | None, list[tuple[str, str | None]]]
MARK_STYLE = {"✓": "green", "✗": "red", "–": "dim"}


def bar_cells(score: float) -> tuple[int, int]:
    """(filled, empty) cells of a 20-cell score bar."""
    filled = round(score / 100 * 20)
    return filled, 20 - filled


def check_lines(card: dict[str, Any], verbose: bool) -> list[Line]:
    """Each dimension's heading, checks and evidence, as the terminal prints them."""
    out: list[Line] = []
    for _, title, dim in dimension_rows(card):
        head: list[tuple[str, str | None]] = [(f"\n{title}", None), (f"  {fmt_score(dim.get('score'))}", "bold")]
        if dim.get("note"):
            head.append((f"  ({dim['note']})", "dim"))
        out.append(("bold underline", head))
        for check in dim.get("checks", []):
            mark = check_mark(check)
            line: list[tuple[str, str | None]] = [(f"  {mark} ", None),
                                                  (check.get("description", check["id"]), None)]
            if check.get("applies", True):
                line.append((f"  {check['earned']:g}/{check['points']:g}", "dim"))
            out.append((MARK_STYLE[mark], line))
            if not check.get("applies", True) and not verbose:
                continue
            for e in check.get("evidence", []):
                where, quote, note = evidence_line(e)
                ev: list[tuple[str, str | None]] = [("      ", None)]
                if where:
                    ev.append((f"{where}: ", "dim"))
                if quote:
                    ev.append((f"“{quote}”", "italic"))
                    ev.append((" — " if note else "", None))
                ev.append((note, "dim"))
                out.append((None, ev))
    return out


def tip_lines(card: dict[str, Any]) -> list[Line]:
    tips = card.get("tips") or []
    if not tips:
        return []
    out: list[Line] = [("bold underline", [("\nWhat to work on", None)])]
    for i, tip in enumerate(tips, 1):
        line: list[tuple[str, str | None]] = [(f"  {i}. ", None), (tip.get("tip", ""), None)]
        if tip.get("points_lost"):
            line.append((f"  (−{tip['points_lost']:.1f} overall)", "dim"))
        out.append((None, line))
    return out


def compliance_notes(card: dict[str, Any]) -> list[Line]:
    """The lines after the violations (or the "no violations" line): rules skipped, notes."""
    comp = card.get("compliance") or {}
    out: list[Line] = [("dim", [(f"  – {s['rule']}: not checked ({s['reason']})", None)])
                       for s in comp.get("skipped") or []]
    out += [("dim", [(f"  note: {n}", None)]) for n in comp.get("notes") or []]
    return out


COMPLIANCE_HEAD: Line = ("bold underline", [("\nCompliance", None)])
NO_VIOLATIONS: Line = ("green", [("  ✓ no violations found", None)])
