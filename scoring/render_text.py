"""The scorecard in the terminal, with Rich.

Every piece of trainee or content text goes into ``Text`` objects (never into markup
strings), so a trainee who typed ``[bold]`` sees ``[bold]``, not bold text.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

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
    verdict_colour,
)

_MARK_STYLE = {"✓": "green", "✗": "red", "–": "dim"}


def _bar(score: float | None, width: int = 20) -> Text:
    if score is None:
        return Text("not assessed", style="dim")
    filled = round(score / 100 * width)
    style = "green" if score >= 70 else "yellow" if score >= 50 else "red"
    return Text("█" * filled, style=style) + Text("░" * (width - filled), style="dim")


def _header(card: dict[str, Any]) -> Panel:
    colour = verdict_colour(card)
    body = Text("Overall ")
    body.append(f"{card['overall']:.1f}", style="bold")
    body.append(" / 100   ")
    body.append(verdict(card), style=f"bold {colour}")
    note = cap_note(card)
    if note:
        body.append(f"\n{note}", style=colour)
    body.append("\n")
    body.append(outcome_line(card), style="cyan")
    return Panel(body, title=Text(f"Scorecard: {title_of(card)}"), border_style=colour)


def _dimensions_table(card: dict[str, Any]) -> Table:
    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column("Dimension")
    table.add_column("Weight", justify="right")
    table.add_column("Score", justify="right")
    table.add_column("")
    for _, title, dim in dimension_rows(card):
        table.add_row(Text(title), f"{dim.get('weight', 0):g}", fmt_score(dim.get("score")), _bar(dim.get("score")))
    return table


def _checks(card: dict[str, Any], verbose: bool) -> list[Any]:
    out: list[Any] = []
    for _, title, dim in dimension_rows(card):
        head = Text(f"\n{title}", style="bold underline")
        head.append(f"  {fmt_score(dim.get('score'))}", style="bold")
        if dim.get("note"):
            head.append(f"  ({dim['note']})", style="dim")
        out.append(head)
        for check in dim.get("checks", []):
            mark = check_mark(check)
            line = Text(f"  {mark} ", style=_MARK_STYLE[mark])
            line.append(Text(check.get("description", check["id"])))
            if check.get("applies", True):
                line.append(f"  {check['earned']:g}/{check['points']:g}", style="dim")
            out.append(line)
            if not check.get("applies", True) and not verbose:
                continue
            for e in check.get("evidence", []):
                where, quote, note = evidence_line(e)
                ev = Text("      ")
                if where:
                    ev.append(f"{where}: ", style="dim")
                if quote:
                    ev.append(Text(f"“{quote}”", style="italic"))
                    ev.append(" — " if note else "")
                ev.append(Text(note, style="dim"))
                out.append(ev)
    return out


def _compliance(card: dict[str, Any]) -> list[Any]:
    comp = card.get("compliance") or {}
    out: list[Any] = [Text("\nCompliance", style="bold underline")]
    violations = comp.get("violations") or []
    if not violations:
        out.append(Text("  ✓ no violations found", style="green"))
    else:
        table = Table(show_header=True, header_style="bold")
        table.add_column("Turn", justify="right")
        table.add_column("Severity")
        table.add_column("Rule")
        table.add_column("What was said")
        for v in violations:
            sev = v.get("severity", "")
            table.add_row(
                "" if v.get("turn") is None else str(v["turn"]),
                Text(sev, style="bold red" if sev == "critical" else "yellow"),
                Text(f"{v.get('citation', '')}\n{v.get('message', '')}"),
                Text(f"“{v.get('quote', '')}”" if v.get("quote") else ""),
            )
        out.append(table)
    for s in comp.get("skipped") or []:
        out.append(Text(f"  – {s['rule']}: not checked ({s['reason']})", style="dim"))
    for n in comp.get("notes") or []:
        out.append(Text(f"  note: {n}", style="dim"))
    return out


def _tips(card: dict[str, Any]) -> list[Any]:
    tips = card.get("tips") or []
    if not tips:
        return []
    out: list[Any] = [Text("\nWhat to work on", style="bold underline")]
    for i, tip in enumerate(tips, 1):
        line = Text(f"  {i}. ")
        line.append(Text(tip.get("tip", "")))
        if tip.get("points_lost"):
            line.append(f"  (−{tip['points_lost']:.1f} overall)", style="dim")
        out.append(line)
    return out


def render(card: Any, console: Console, verbose: bool = False) -> None:
    """Render a scorecard (object or dict) on a console."""
    d = as_dict(card)
    console.print(_header(d))
    console.print(_dimensions_table(d))
    console.print(Group(*_checks(d, verbose)))
    console.print(Group(*_tips(d)))
    console.print(Group(*_compliance(d)))


def print_scorecard(card: Any, console: Console | None = None, verbose: bool = False) -> None:
    """Render on standard output (or the given console)."""
    render(card, console or Console(), verbose)


def render_to_string(card: Any, width: int = 100, color: bool = False, verbose: bool = False) -> str:
    """The text rendering as a string (files, tests)."""
    console = Console(width=width, record=True, force_terminal=color, color_system="standard" if color else None,
                      file=_Null())
    render(card, console, verbose)
    return console.export_text(styles=color)


class _Null:
    def write(self, _s: str) -> int:
        return 0

    def flush(self) -> None:
        pass
