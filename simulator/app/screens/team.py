"""Team comparison: the stored scorecards, averages per trainee, trends per week.

Every change of a filter re-queries the store in a worker thread (the store may be
a slow network database); only the newest answer is shown.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from scoring.dimensions import DIMENSIONS
from simulator.app import team
from simulator.app.text import join, literal, visible

if TYPE_CHECKING:
    from simulator.app.app import CollectSimApp

DIM_HEADS = ("Prep", "Tone", "Listen", "Flex", "Docs")
NARROW_HEADS = ("Prep", "Tone", "List", "Flex", "Docs")
GAP = 1  # blank columns after each table column
#: Below this width the scorecard table drops the team column and narrows the rest, so
#: it never scrolls sideways (80 columns is the smallest terminal we promise).
WIDE = 100


def row_columns(width: int) -> list[tuple[str, str, int]]:
    """(key, heading, width) of the scorecard table's columns for a screen this wide."""
    if width >= WIDE:
        return [("date", "Date", 10), ("trainee", "Trainee", 10), ("team", "Team", 7),
                ("scenario", "Scenario", 17), ("overall", "Overall", 7), ("result", "Result", 6),
                *((d, h, 6) for d, h in zip(DIMENSIONS, DIM_HEADS, strict=True))]
    return [("date", "Date", 10), ("trainee", "Trainee", 8), ("scenario", "Scenario", 14),
            ("overall", "Overall", 7), ("result", "Pass", 4),
            *((d, h, 4) for d, h in zip(DIMENSIONS, NARROW_HEADS, strict=True))]


def _num(x: float | None, short: bool = False) -> str:
    """One decimal, or none in the narrow table (100.0 needs five columns)."""
    if x is None:
        return "—"
    return f"{x:.0f}" if short else f"{x:.1f}"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f}%"


def _result(passed: bool) -> Any:
    return join(("PASS", "bold green")) if passed else join(("FAIL", "bold red"))


class TeamScreen(Screen[None]):
    """Filters on top; 1 the scorecards, 2 the averages, 3 the trend."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("1", "tab(1)", "Scorecards", show=False),
        Binding("2", "tab(2)", "Averages", show=False),
        Binding("3", "tab(3)", "Trend", show=False),
        Binding("f5", "reload", "Refresh"),
        Binding("ctrl+r", "reload", "Refresh", show=False),
        Binding("ctrl+f", "focus_filters", "Filters", show=False),
    ]

    app: CollectSimApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.filters = team.TeamFilters()
        self.view: team.TeamView | None = None
        self._asked = 0  # the newest query; older answers are dropped
        self._wanted: team.TeamFilters | None = None
        self.options: dict[str, list[str]] = {}  # a filter Select's choices

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="team-filters"):
            yield Select[str]([], prompt="any", id="f-trainee")
            yield Input(placeholder="any", id="f-team", max_length=60)
            yield Select[str]([], prompt="any", id="f-scenario")
            yield Input(placeholder="YYYY-MM-DD", id="f-since", max_length=10)
        yield Static("Opening the scorecard store…", id="team-status")
        before, after = team.EMPTY_STORE.split(team.IMPORT_HINT)
        yield Static(join(before, (team.IMPORT_HINT, "bold underline"), after), id="team-empty")
        with TabbedContent(id="team-tabs"):
            with TabPane("1 Scorecards", id="team-tab-1"):
                yield DataTable(id="team-rows", cursor_type="row", zebra_stripes=True, cell_padding=0)
            with TabPane("2 Averages", id="team-tab-2"):
                yield DataTable(id="team-stats", cursor_type="row", zebra_stripes=True, cell_padding=0)
            with TabPane("3 Trend", id="team-tab-3"):
                yield PlotextPlot(id="team-trend")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Team comparison"
        self.app.steady_cursors(self)
        for selector, title in (("#f-trainee", "Trainee"), ("#f-team", "Team"),
                                ("#f-scenario", "Scenario"), ("#f-since", "Since")):
            widget = self.query_one(selector)
            if isinstance(widget, Select):  # the Select's border is its SelectCurrent's
                widget = widget.query_one("SelectCurrent")
            widget.border_title = title
        rows = self.query_one("#team-rows", DataTable)
        self._set_row_columns(self.app.size.width)
        stats = self.query_one("#team-stats", DataTable)
        for label, width in (("Trainee", 12), ("Sessions", 8), ("Passed", 7), ("Overall", 7),
                             *((h, 6) for h in DIM_HEADS)):
            stats.add_column(label, width=width + GAP)
        rows.focus()
        self.ask(self.filters)

    def _set_row_columns(self, width: int) -> None:
        """Fixed widths (auto widths grow lazily on idle, so a table could be drawn
        narrow), each with one column of gap instead of the default two of padding."""
        columns = row_columns(width)
        if columns == getattr(self, "_row_columns", None):
            return
        self._row_columns = columns
        table = self.query_one("#team-rows", DataTable)
        table.clear(columns=True)
        for key, label, w in columns:
            table.add_column(label, width=w + GAP, key=key)
        if self.view is not None:
            self._fill_rows(self.view)

    def on_resize(self) -> None:
        self._set_row_columns(self.size.width)

    # ---------------------------------------------------------------- querying
    def ask(self, filters: team.TeamFilters) -> None:
        self._asked += 1
        self._wanted = filters
        self.query_one("#team-status", Static).update("Reading the scorecard store…")
        self.load(filters, self._asked)

    @work(thread=True, group="team")
    def load(self, filters: team.TeamFilters, asked: int) -> None:
        view = team.load(filters)
        self.app.call_from_thread(self._show, filters, view, asked)

    def _show(self, filters: team.TeamFilters, view: team.TeamView, asked: int) -> None:
        if asked != self._asked or not self.is_attached:
            return  # a newer query is on its way
        self.filters = filters
        self.view = view
        status = self.query_one("#team-status", Static)
        empty = not view.error and view.total == 0
        self.set_class(empty, "empty")
        if view.error:
            status.update(join(("Cannot read the team store: ", "bold red"), view.error))
            self.notify(f"Cannot read the team store: {view.error}", severity="error", markup=False)
        elif empty:
            status.update("")
        else:
            status.update(join(
                (f"{len(view.rows)}", "bold"), f" of {view.total} stored scorecards",
                (" · ", "dim"), filters.describe(),
                ("   Enter opens a scorecard", "dim") if view.rows else ("   nothing matches", "bold yellow"),
            ))
        self._fill_filters(view)
        self._fill_rows(view)
        self._fill_stats(view)
        self._fill_trend(view)

    def _fill_filters(self, view: team.TeamView) -> None:
        """Offer the trainees in the store and the known scenarios; keep the choice."""
        trainees = sorted(set(view.trainees) | ({self.filters.trainee} if self.filters.trainee else set()))
        known = {info.id for info in self.app.catalog or []}
        scenarios = sorted(known | set(view.scenarios)
                           | ({self.filters.scenario} if self.filters.scenario else set()))
        for selector, names, value in (("#f-trainee", trainees, self.filters.trainee),
                                       ("#f-scenario", scenarios, self.filters.scenario)):
            select: Select[str] = self.query_one(selector, Select)
            options = [(literal(name), name) for name in names]
            if self.options.get(selector) != names:
                self.options[selector] = names
                with select.prevent(Select.Changed):
                    select.set_options(options)
                    select.value = value if value else Select.NULL

    def _fill_rows(self, view: team.TeamView) -> None:
        table = self.query_one("#team-rows", DataTable)
        table.clear()
        keys = [key for key, _, _ in self._row_columns]
        for i, row in enumerate(view.rows):
            cells = {
                "date": self.app.local_time(row.created_at).strftime("%Y-%m-%d"),
                "trainee": literal(row.trainee), "team": literal(row.team or "—"),
                "scenario": literal(row.scenario), "overall": _num(row.overall),
                "result": _result(row.passed),
                **{d: _num(getattr(row, d), short=len(keys) < 12) for d in DIMENSIONS},
            }
            table.add_row(*(cells[k] for k in keys), key=str(i))

    def _fill_stats(self, view: team.TeamView) -> None:
        table = self.query_one("#team-stats", DataTable)
        table.clear()
        for entry in view.stats:
            table.add_row(
                literal(entry.trainee), str(entry.count), _pct(entry.pass_rate),
                _num(entry.means.get("overall")), *(_num(entry.means.get(d)) for d in DIMENSIONS),
                key=entry.trainee,
            )

    def _fill_trend(self, view: team.TeamView) -> None:
        plot = self.query_one("#team-trend", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        weeks = sorted({p.week for points in view.trends.values() for p in points})
        if self.filters.trainee:
            plt.title(f"Overall per week: {visible(self.filters.trainee)}")
        else:
            plt.title("Overall per week" + (" (most active trainees)" if view.trends else ""))
        if weeks:
            where = {week: i for i, week in enumerate(weeks)}
            for name, points in view.trends.items():
                plt.plot([where[p.week] for p in points], [p.overall for p in points],
                         label=visible(name), marker="braille")
            step = max(1, len(weeks) // 8)
            ticks = list(range(0, len(weeks), step))
            plt.xticks(ticks, [weeks[i].strftime("%b %d") for i in ticks])
            plt.xlim(-0.5, len(weeks) - 0.5)
            values = [p.overall for points in view.trends.values() for p in points]
            low = max(0, math.floor((min(values) - 5) / 10) * 10)
            high = min(100, math.ceil((max(values) + 5) / 10) * 10)
            plt.ylim(low, high)
            plt.yticks(list(range(low, high + 1, 10)))
            plt.xlabel("week starting")
        plot.refresh()

    # ---------------------------------------------------------------- filters
    def _read_filters(self) -> team.TeamFilters | None:
        trainee = self.query_one("#f-trainee", Select).value
        scenario = self.query_one("#f-scenario", Select).value
        team_name = self.query_one("#f-team", Input).value.strip()
        try:
            since = team.parse_since(self.query_one("#f-since", Input).value)
        except ValueError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return None
        return team.TeamFilters(
            trainee=trainee if isinstance(trainee, str) else None,
            team=team_name or None,
            scenario=scenario if isinstance(scenario, str) else None,
            since=since,
        )

    def _requery(self) -> None:
        filters = self._read_filters()
        if filters is not None and filters != self._wanted:
            self.ask(filters)

    @on(Select.Changed)
    def _select_changed(self, _event: Select.Changed) -> None:
        self._requery()

    @on(Input.Submitted)
    def _input_submitted(self, _event: Input.Submitted) -> None:
        self._requery()

    @on(Input.Blurred)
    def _input_blurred(self, _event: Input.Blurred) -> None:
        self._requery()

    # ---------------------------------------------------------------- actions
    def action_tab(self, n: int) -> None:
        self.query_one(TabbedContent).active = f"team-tab-{n}"
        target = {1: "#team-rows", 2: "#team-stats", 3: None}[n]
        if target:
            self.query_one(target).focus()

    def action_reload(self) -> None:
        filters = self._read_filters()
        if filters is not None:
            self.ask(filters)

    def action_focus_filters(self) -> None:
        self.query_one("#f-trainee").focus()

    @on(DataTable.RowSelected, "#team-rows")
    def _open(self, event: DataTable.RowSelected) -> None:
        from simulator.app import archive
        from simulator.app.screens.scorecard import ScorecardScreen

        rows = self.view.rows if self.view else []
        index = int(str(event.row_key.value))
        if not 0 <= index < len(rows):
            return
        row = rows[index]
        card = archive.card_from_store(row.trainee, row.content_hash)
        if card is None:
            self.notify("That scorecard is no longer in the store.", severity="error")
            return
        self.app.push_screen(ScorecardScreen(card, (card.get("meta") or {}).get("session")))
