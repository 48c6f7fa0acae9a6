"""Home: who is practising, the scenarios, and the trainee's recent results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from simulator import words
from simulator.app.text import join, literal

if TYPE_CHECKING:
    from simulator.app.app import CollectSimApp, ScenarioInfo
    from simulator.app.archive import SavedSession


def result_cells(item: SavedSession) -> tuple[Any, ...]:
    """One History/recent row: when, scenario, overall, pass/fail, outcome."""
    overall = "—" if item.overall is None else f"{item.overall:.1f}"
    passed = join(("PASS", "bold green")) if item.passed else join(("FAIL", "bold red"))
    return (item.saved_at[:16].replace("T", " "), literal(item.scenario), overall, passed,
            literal(words.outcome(item.outcome)))


def persona_label(name: str) -> str:
    """A persona's name without the trailing "(archetype)" its file adds: the screens
    show the archetype beside it already."""
    head, sep, tail = name.rpartition(" (")
    return head if sep and tail.endswith(")") and head else name


def mode_text(coach: bool) -> Any:
    """The practice mode as Home shows it: what it means and how to change it."""
    if coach:
        return join(("Mode ", "bold"), ("coach", "bold green"), (" hints on · F2", "dim"))
    return join(("Mode ", "bold"), ("assessment", "bold yellow"), (" no hints · F2", "dim"))


class HomeScreen(Screen[None]):
    """Pick who practises and which scenario; Enter starts it."""

    BINDINGS = [
        Binding("enter", "start", "Start scenario", show=True),
        Binding("ctrl+h", "app.history", "History", show=False),
        Binding("f3", "app.history", "History"),
        Binding("f4", "app.team", "Team"),
        Binding("f2", "app.toggle_coach", "Coach/assess"),
        Binding("ctrl+n", "focus_trainee", "Name", show=False),
    ]

    app: CollectSimApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-top"):
            yield Label("Trainee", id="trainee-label")
            yield Input(self.app.trainee, placeholder="your name", id="trainee", max_length=60)
            yield Label("Team", id="team-label")
            yield Input(self.app.team, placeholder="optional", id="team", max_length=60)
            yield Static(mode_text(self.app.coach), id="home-mode")
        with Horizontal(id="home-main"):
            with Vertical(id="scenario-pane"):
                yield Label(join(("Scenarios", "bold"), ("  Enter starts one", "dim")),
                            classes="section-title")
                yield DataTable(id="scenarios", cursor_type="row", zebra_stripes=True)
            yield Static("", id="scenario-detail")
        with Vertical(id="recent-pane"):
            yield Label(self._recent_title(), classes="section-title", id="recent-title",
                        markup=False)
            yield DataTable(id="recent", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.app.steady_cursors(self)
        table = self.query_one("#scenarios", DataTable)
        table.add_columns("Title", "Type", "Level")
        recent = self.query_one("#recent", DataTable)
        recent.add_columns("When", "Scenario", "Overall", "Result", "Outcome")
        # The light catalog read (~10 ms) is done here rather than in a worker, so the
        # first frame already lists the scenarios (a worker costs a second frame).
        self._fill(self.app.ensure_catalog())
        if self.app.trainee:
            table.focus()
        else:
            self.query_one("#trainee", Input).focus()

    def on_screen_resume(self) -> None:
        self.refresh_recent()

    def _fill(self, catalog: list[ScenarioInfo]) -> None:
        table = self.query_one("#scenarios", DataTable)
        table.clear()
        for info in catalog:
            table.add_row(literal(info.title), words.fact(info.archetype), info.difficulty, key=info.id)
        if not catalog:
            self.query_one("#scenario-detail", Static).update("No scenarios found.")
        else:
            self._show_detail(catalog[0].id)
        if self.app.exit_after_first_screen:
            self.app.call_after_refresh(self.app._first_screen_drawn)

    def _recent_title(self) -> str:
        name = self.app.trainee
        return f"Recent results of {name}" if name else "Your recent results (type your name)"

    @work(thread=True, exclusive=True, group="recent")
    def refresh_recent(self) -> None:
        from simulator.app import archive

        trainee = self.app.trainee
        # Local files only: the team store (SQLAlchemy, migrations) waits for History.
        items = archive.list_local(trainee)[:5] if trainee else []
        self.app.call_from_thread(self._fill_recent, items)

    def _fill_recent(self, items: list[SavedSession]) -> None:
        self.query_one("#recent-title", Label).update(self._recent_title())
        recent = self.query_one("#recent", DataTable)
        recent.clear()
        for item in items:
            recent.add_row(*result_cells(item))
        if not items:
            recent.add_row("—", "no sessions yet", "", "", "")

    def _show_detail(self, scenario_id: str) -> None:
        info = self.app.scenario_info(scenario_id)
        if info is None:
            return
        # What a trainee needs to decide comes first, so a short terminal still shows it.
        detail = join(
            (info.title, "bold"), "\n",
            (persona_label(info.persona_name), "italic"),
            f" · {words.fact(info.archetype)} · {info.difficulty}\n",
            ("Their local time ", "bold"), f"{info.local_time} ", (f"({info.timezone})", "dim"), "\n",
        )
        if info.objective_hint:
            detail.append_text(join(("Aim ", "bold"), info.objective_hint, "\n"))
        detail.append_text(join("\n", info.description, "\n\n", info.summary, "\n\n",
                                ("id ", "dim"), (info.id, "dim")))
        self.query_one("#scenario-detail", Static).update(detail)

    @on(DataTable.RowHighlighted, "#scenarios")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self._show_detail(str(event.row_key.value))

    @on(DataTable.RowSelected, "#scenarios")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.app.set_trainee(self.query_one("#trainee", Input).value)
        self.app.set_team(self.query_one("#team", Input).value)
        if event.row_key.value:
            self.app.start_scenario(str(event.row_key.value))

    @on(Input.Submitted, "#trainee")
    def _trainee_submitted(self, event: Input.Submitted) -> None:
        self.app.set_trainee(event.value)
        self.refresh_recent()
        if self.app.trainee:
            self.query_one("#scenarios", DataTable).focus()
        else:
            self.notify("Type your name first: scorecards are saved under it.", severity="warning")

    @on(Input.Blurred, "#trainee")
    def _trainee_blurred(self, event: Input.Blurred) -> None:
        self.app.set_trainee(event.value)
        self.refresh_recent()

    @on(Input.Submitted, "#team")
    def _team_submitted(self, event: Input.Submitted) -> None:
        self.app.set_team(event.value)
        self.query_one("#scenarios", DataTable).focus()

    @on(Input.Blurred, "#team")
    def _team_blurred(self, event: Input.Blurred) -> None:
        self.app.set_team(event.value)

    def show_mode(self) -> None:
        self.query_one("#home-mode", Static).update(mode_text(self.app.coach))

    def action_focus_trainee(self) -> None:
        self.query_one("#trainee", Input).focus()

    def action_start(self) -> None:
        table = self.query_one("#scenarios", DataTable)
        self.app.set_trainee(self.query_one("#trainee", Input).value)
        self.app.set_team(self.query_one("#team", Input).value)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        if key.value:
            self.app.start_scenario(str(key.value))
