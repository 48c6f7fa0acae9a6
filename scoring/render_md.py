"""The scorecard as Markdown, for pasting into a review or a wiki.

Trainee and content text is escaped twice over: HTML-escaped (Markdown renderers pass
raw HTML through, so a ``<script>`` line must not become a tag) and with the Markdown
punctuation that would act backslash-escaped (so ``**`` or ``[link](x)`` stays
literal). Punctuation that cannot act where it stands is left alone, so the file
reads as plain text: ``hardship-basic`` and ``$1,240.00``, not ``hardship\\-basic``.
"""

from __future__ import annotations

import html
import re
from typing import Any

from scoring.render_common import (
    as_dict,
    cap_note,
    check_mark,
    dimension_rows,
    evidence_line,
    fmt_score,
    outcome_line,
    title_of,
    verdict,
)
from simulator import words

#: Punctuation that acts anywhere in a line: code, emphasis, table cells,
#: strikethrough; an underscore only at a word's edge (inside a word it is literal).
_MD_INLINE = re.compile(r"[\\`*|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
#: Brackets act only as a link: "[text](url)" or "[text][ref]" (the document defines no
#: references, so a lone "[bold]" stays literal and is left alone).
_MD_LINK = re.compile(r"\]\s*[(\[]")
_MD_BRACKET = re.compile(r"[\[\]]")
#: What acts only at the start of a line: a heading, a quote, a list item.
_MD_MARKER = re.compile(r"^([#>+\-])")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])")


def esc(text: Any, line_start: bool = False) -> str:
    """Literal text in Markdown: no HTML, no emphasis, no links, no table breaks.
    ``line_start``: the text begins a line, where "#", ">", "-", "+" and "1." act."""
    s = html.escape(str(text), quote=False)
    s = " ".join(s.split())  # newlines would end a table row or list item
    s = _MD_INLINE.sub(lambda m: "\\" + m.group(0), s)
    if _MD_LINK.search(s):
        s = _MD_BRACKET.sub(lambda m: "\\" + m.group(0), s)
    if not line_start:
        return s
    s = _MD_MARKER.sub(r"\\\1", s)
    return _MD_NUMBERED.sub(r"\1\\\2", s)


def render_markdown(card: Any) -> str:
    d = as_dict(card)
    out: list[str] = [f"# Scorecard: {esc(title_of(d))}", ""]
    out.append(f"**Overall: {d['overall']:.1f} / 100, {verdict(d)}**")
    note = cap_note(d)
    if note:
        out.append(f"\n_{esc(note)}_")
    out += ["", esc(outcome_line(d), line_start=True), "", "| Dimension | Weight | Score |", "| --- | ---: | ---: |"]
    for _, title, dim in dimension_rows(d):
        out.append(f"| {esc(title)} | {dim.get('weight', 0):g} | {fmt_score(dim.get('score'))} |")
    tips = d.get("tips") or []
    if tips:
        out += ["", "## What to work on", ""]
        out += [f"{i}. {esc(t.get('tip', ''), line_start=True)}" for i, t in enumerate(tips, 1)]
    out += ["", "## Compliance", ""]
    violations = (d.get("compliance") or {}).get("violations") or []
    if not violations:
        out.append("No violations found.")
    else:
        out += ["| Turn | Severity | Citation | What happened | Words |", "| ---: | --- | --- | --- | --- |"]
        for v in violations:
            turn = "" if v.get("turn") is None else str(v["turn"])
            out.append(f"| {turn} | {esc(v.get('severity', ''))} | {esc(v.get('citation', ''))} | "
                       f"{esc(v.get('message', ''))} | {esc(v.get('quote', ''))} |")
    for s in (d.get("compliance") or {}).get("skipped") or []:
        out.append(f"\n- not checked: {esc(s['rule'])} ({esc(s['reason'])})")
    for _, title, dim in dimension_rows(d):
        out += ["", f"## {esc(title)}: {fmt_score(dim.get('score'))}", ""]
        if dim.get("note"):
            out += [f"_{esc(dim['note'])}_", ""]
        for c in dim.get("checks", []):
            pts = f" ({c['earned']:g}/{c['points']:g})" if c.get("applies", True) else " (not applicable)"
            out.append(f"- {check_mark(c)} {esc(c.get('description', c['id']))}{pts}")
            for e in c.get("evidence", []):
                where, quote, note_ = evidence_line(e)
                bits = []  # the first begins the list item's text, where "#" or "-" act
                if where:
                    bits.append(esc(where, line_start=True) + ":")
                if quote:
                    bits.append(f"“{esc(quote)}”")
                if note_:
                    bits.append(("— " if quote else "") + esc(note_, line_start=not bits))
                out.append("  - " + " ".join(bits))
    transcript = d.get("transcript") or []
    if transcript:
        out += ["", "## Transcript", ""]
        for t in transcript:
            moves = "; ".join(words.move(m["move"] if isinstance(m, dict) else m) for m in t.get("moves", []))
            out.append(f"{t['turn']}. **Trainee:** {esc(t.get('trainee', ''))}  ")
            if moves:
                out.append(f"   _moves: {esc(moves)}; tone {t.get('tone', {}).get('score', 0):+.2f}_  ")
            if t.get("debtor"):
                out.append(f"   **Debtor:** {esc(t['debtor'])}")
    return "\n".join(out) + "\n"
