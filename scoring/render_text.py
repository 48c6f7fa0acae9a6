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
    COMPLIANCE_HEAD,
    NO_VIOLATIONS,
    Line,
    as_dict,
    bar_cells,
    cap_note,
    check_lines,
    compliance_notes,
    dimension_rows,
    fmt_score,
    outcome_line,
    tip_lines,
    title_of,
    verdict,
    verdict_colour,
)


def _text(line: Line) -> Text:
    base, pieces = line
    text = Text(style=base or "")
    for piece, style in pieces:
        text.append(piece, style=style)
    return text


def _bar(score: float | None, width: int = 20) -> Text:
    if score is None:
        return Text("not assessed", style="dim")
    filled, empty = bar_cells(score)
    style = "green" if score >= 70 else "yellow" if score >= 50 else "red"
    return Text("█" * filled, style=style) + Text("░" * empty, style="dim")


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


def _compliance(card: dict[str, Any]) -> list[Any]:
    violations = (card.get("compliance") or {}).get("violations") or []
    out: list[Any] = [_text(COMPLIANCE_HEAD)]
    if not violations:
        out.append(_text(NO_VIOLATIONS))
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
    return out + [_text(line) for line in compliance_notes(card)]


def render(card: Any, console: Console, verbose: bool = False) -> None:
    """Render a scorecard (object or dict) on a console."""
    d = as_dict(card)
    console.print(_header(d))
    console.print(_dimensions_table(d))
    console.print(Group(*[_text(line) for line in check_lines(d, verbose)]))
    console.print(Group(*[_text(line) for line in tip_lines(d)]))
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
