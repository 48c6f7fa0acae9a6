"""Rich tables for the store commands. User text is wrapped in ``Text`` so that a
trainee called ``[bold]`` is shown literally, never as markup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from simulator.store.store import LeaderEntry, ScoreRow, TraineeStats
from simulator.store.validate import DIMENSIONS, METRICS

#: Short headers so the tables fit 80 columns.
SHORT = {
    "overall": "overall",
    "preparation": "prep",
    "tone": "tone",
    "active_listening": "lstn",
    "flexibility": "flex",
    "documentation": "docs",
}


def num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def pct(rate: float | None) -> str:
    return "—" if rate is None else f"{100 * rate:.0f}%"


def _table(title: str) -> Table:
    """Light borders: the numbers need the room at 80 columns."""
    return Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=0,  # the box's blank column divider is the only gap between columns
        pad_edge=False,
    )


def _number_column(table: Table, header: str) -> None:
    table.add_column(header, justify="right", no_wrap=True, min_width=5)  # "100.0" whole


def scores_table(rows: Sequence[ScoreRow], width: int = 80) -> Table:
    """Date and time when the terminal is wide, the date alone at 80 columns."""
    fmt = "%Y-%m-%d %H:%M" if width >= 100 else "%Y-%m-%d"
    table = _table(f"{len(rows)} session(s)")
    table.add_column("date", no_wrap=True)
    # One line a session: the names share what the date and the seven figures leave
    # (each 5 wide; the blank dividers take five more) and are cut with "…" past it.
    names = max(17, width - len(dt.datetime(2000, 1, 1).strftime(fmt)) - 7 * 5 - 4 - 5)
    table.add_column("trainee", no_wrap=True, overflow="ellipsis", max_width=names * 2 // 5)
    table.add_column("scenario", no_wrap=True, overflow="ellipsis", max_width=names - names * 2 // 5)
    _number_column(table, "score")
    table.add_column("pass", no_wrap=True, min_width=4)
    for d in DIMENSIONS:
        _number_column(table, SHORT[d])
    for r in rows:
        table.add_row(
            r.created_at.astimezone().strftime(fmt),
            Text(r.trainee),
            Text(r.scenario),
            num(r.overall),
            Text("yes", style="green") if r.passed else Text("no", style="red"),
            *(num(getattr(r, d)) for d in DIMENSIONS),
        )
    return table


def compare_table(stats: Sequence[TraineeStats]) -> Table:
    """Metrics down, trainees across; each later trainee shows the difference from
    the first in brackets."""
    table = _table(f"compared with {stats[0].trainee}")
    table.add_column("")
    for s in stats:
        table.add_column(Text(s.trainee), justify="right", overflow="fold")
    for m in METRICS:
        cells: list[Text | str] = [SHORT[m] if m == "overall" else m.replace("_", " ")]
        for i, s in enumerate(stats):
            cell = Text(num(s.means[m]))
            diff = s.diff.get(m)
            if i and diff is not None:
                style = "green" if diff > 0 else "red" if diff < 0 else "dim"
                cell.append(f" ({num(diff, signed=True)})", style=style)
            cells.append(cell)
        table.add_row(*cells)
    table.add_row("passed", *(pct(s.pass_rate) for s in stats))
    table.add_row("sessions", *(str(s.count) for s in stats))
    return table


def leaderboard_table(entries: Sequence[LeaderEntry], by: str) -> Table:
    table = _table(f"leaderboard by {by.replace('_', ' ')}")
    table.add_column("#", justify="right")
    table.add_column("trainee", overflow="fold")
    _number_column(table, by.replace("_", " "))
    if by != "overall":
        _number_column(table, "overall")
    _number_column(table, "passed")
    _number_column(table, "sessions")
    for e in entries:
        cells = [str(e.rank), Text(e.trainee), num(e.score)]
        if by != "overall":
            cells.append(num(e.overall))
        cells += [pct(e.pass_rate), str(e.count)]
        table.add_row(*cells)
    return table


def console() -> Console:
    return Console(highlight=False)
