"""The scorecard as one self-contained HTML page: inline CSS, an inline SVG chart of the
five dimensions, no scripts, no external assets (it is mailed around and opened
offline). Every piece of trainee and content text goes through ``html.escape``.
"""

from __future__ import annotations

import html
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
    verdict_kind,
)
from simulator import words

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde2ea;padding-bottom:.25rem}
.head{display:flex;gap:2rem;align-items:center;flex-wrap:wrap}
.overall{font-size:2.6rem;font-weight:700}.pass{color:#16794c}.fail{color:#b42318}
.verdict{font-weight:700;padding:.2rem .6rem;border-radius:.3rem;color:#fff}.verdict.pass{background:#16794c}.verdict.fail{background:#b42318}.verdict.open{background:#b54708}
.muted{color:#5b6576}.cap{color:#b42318}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e6e9ef;vertical-align:top}
td.num,th.num{text-align:right}
ul.checks{list-style:none;padding-left:0}ul.checks>li{margin:.45rem 0}
.mark{display:inline-block;width:1.2rem;font-weight:700}.ok{color:#16794c}.no{color:#b42318}.na{color:#98a1b2}
ul.ev{margin:.2rem 0 .2rem 1.6rem;padding-left:.8rem;font-size:.92rem}
q{font-style:italic}.sev-critical{color:#b42318;font-weight:700}.sev-major{color:#b54708;font-weight:700}
.turn{margin:.6rem 0}.who{font-weight:600}.moves{font-size:.85rem;color:#5b6576}
"""


def e(text: Any) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


def chart_svg(card: dict[str, Any], width: int = 520) -> str:
    """A horizontal bar chart of the dimension scores (n/a bars are hatched grey)."""
    rows = dimension_rows(card)
    bar_h, gap, label_w, pad = 22, 10, 150, 50
    height = len(rows) * (bar_h + gap) + gap
    span = width - label_w - pad
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="dimension scores">']
    for i, (_, title, dim) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        score = dim.get("score")
        parts.append(f'<text x="0" y="{y + bar_h * 0.72:.1f}" font-size="13" fill="#1d2430">{e(title)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{span}" height="{bar_h}" fill="#eef1f5" rx="3"/>')
        if score is None:
            parts.append(f'<text x="{label_w + 6}" y="{y + bar_h * 0.72:.1f}" font-size="12" fill="#98a1b2">not assessed</text>')
            continue
        w = max(0.0, min(1.0, score / 100)) * span
        color = "#16794c" if score >= 70 else "#b54708" if score >= 50 else "#b42318"
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}" rx="3"/>')
        parts.append(f'<text x="{label_w + span + 6}" y="{y + bar_h * 0.72:.1f}" font-size="13" fill="#1d2430">{score:.1f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(card: Any) -> str:
    d = as_dict(card)
    cls = verdict_kind(d)
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>Scorecard: {e(title_of(d))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>Scorecard: {e(title_of(d))}</h1>",
        '<div class="head">',
        f'<div class="overall {cls}"><span class="muted" style="font-size:1rem">Overall </span>{d["overall"]:.1f}<span class="muted" style="font-size:1rem"> / 100</span></div>',
        f'<div><span class="verdict {cls}">{e(verdict(d))}</span></div>',
        "</div>",
    ]
    note = cap_note(d)
    if note:
        out.append(f'<p class="cap">{e(note)}</p>')
    out.append(f'<p class="muted">{e(outcome_line(d))}</p>')
    out.append(chart_svg(d))

    out.append('<table><tr><th>Dimension</th><th class="num">Weight</th><th class="num">Score</th></tr>')
    for _, title, dim in dimension_rows(d):
        out.append(f'<tr><td>{e(title)}</td><td class="num">{dim.get("weight", 0):g}</td>'
                   f'<td class="num">{e(fmt_score(dim.get("score")))}</td></tr>')
    out.append("</table>")

    tips = d.get("tips") or []
    if tips:
        out.append("<h2>What to work on</h2><ol>")
        out += [f"<li>{e(t.get('tip', ''))}</li>" for t in tips]
        out.append("</ol>")

    comp = d.get("compliance") or {}
    out.append("<h2>Compliance</h2>")
    violations = comp.get("violations") or []
    if not violations:
        out.append('<p class="ok">No violations found.</p>')
    else:
        out.append('<table><tr><th class="num">Turn</th><th>Severity</th><th>Rule</th><th>What was said</th></tr>')
        for v in violations:
            sev = str(v.get("severity", ""))
            out.append(
                f'<tr><td class="num">{e("" if v.get("turn") is None else v["turn"])}</td>'
                f'<td class="sev-{e(sev)}">{e(sev)}</td>'
                f'<td>{e(v.get("citation", ""))}<br><span class="muted">{e(v.get("message", ""))}</span></td>'
                f'<td>{"<q>" + e(v.get("quote")) + "</q>" if v.get("quote") else ""}</td></tr>'
            )
        out.append("</table>")
    for s in comp.get("skipped") or []:
        out.append(f'<p class="muted">Not checked: {e(s["rule"])} ({e(s["reason"])})</p>')
    for n in comp.get("notes") or []:
        out.append(f'<p class="muted">Note: {e(n)}</p>')

    for _, title, dim in dimension_rows(d):
        out.append(f"<h2>{e(title)}: {e(fmt_score(dim.get('score')))}</h2>")
        if dim.get("note"):
            out.append(f'<p class="muted">{e(dim["note"])}</p>')
        out.append('<ul class="checks">')
        for c in dim.get("checks", []):
            mark = check_mark(c)
            mcls = {"✓": "ok", "✗": "no"}.get(mark, "na")
            pts = f'{c["earned"]:g}/{c["points"]:g}' if c.get("applies", True) else "not applicable"
            out.append(f'<li><span class="mark {mcls}">{mark}</span>{e(c.get("description", c["id"]))} '
                       f'<span class="muted">({e(pts)})</span>')
            evs = c.get("evidence", [])
            if evs:
                out.append('<ul class="ev">')
                for ev in evs:
                    where, quote, note_ = evidence_line(ev)
                    bits = []
                    if where:
                        bits.append(f'<span class="muted">{e(where)}:</span>')
                    if quote:
                        bits.append(f"<q>{e(quote)}</q>")
                    if note_:
                        bits.append(("— " if quote else "") + e(note_))
                    out.append(f"<li>{' '.join(bits)}</li>")
                out.append("</ul>")
            if c.get("tip"):
                out.append(f'<div class="muted" style="margin-left:1.6rem">Tip: {e(c["tip"])}</div>')
            out.append("</li>")
        out.append("</ul>")

    transcript = d.get("transcript") or []
    if transcript:
        out.append("<h2>Transcript</h2>")
        for t in transcript:
            moves = "; ".join(words.move(m["move"] if isinstance(m, dict) else m) for m in t.get("moves", []))
            out.append(f'<div class="turn"><div><span class="who">{e(t["turn"])}. Trainee:</span> {e(t.get("trainee", ""))}</div>')
            if moves:
                tone = (t.get("tone") or {}).get("score", 0.0)
                out.append(f'<div class="moves">{e(moves)}; tone {tone:+.2f}</div>')
            if t.get("debtor"):
                out.append(f'<div><span class="who">Debtor:</span> {e(t["debtor"])}</div>')
            out.append("</div>")
    meta = d.get("meta") or {}
    out.append(f'<p class="muted" style="margin-top:2rem;font-size:.8rem">collectsim {e(meta.get("tool_version", ""))}'
               f' · rubric {e((meta.get("hashes") or {}).get("rubric", "")[:12])}</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"
