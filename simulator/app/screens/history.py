"""History: the trainee's past sessions (saved locally and in the team store)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from simulator.app.screens.home import result_cells
from simulator.app.text import join

if TYPE_CHECKING:
    from simulator.app.app import CollectSimApp
    from simulator.app.archive import SavedSession


class HistoryScreen(Screen[None]):
    """Enter opens a session's scorecard."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "open", "Open", show=True),
        Binding("f4", "app.team", "Team"),
    ]

    app: CollectSimApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[SavedSession] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history-main"):
            yield Label(f"Sessions of {self.app.trainee or '(nobody yet)'}", classes="section-title", markup=False)
            yield Static("", id="history-summary")
            yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History"
        table = self.query_one("#history", DataTable)
        # Fixed widths: auto widths grow lazily on idle, so a table could be drawn narrow.
        for label, width in (("When", 16), ("Scenario", 17), ("Overall", 7), ("Result", 6),
                             ("Outcome", 15), ("Where", 6)):
            table.add_column(label, width=width)
        table.focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from simulator.app import archive

        items = archive.history(self.app.trainee) if self.app.trainee else []
        self.app.call_from_thread(self._fill, items)

    def _fill(self, items: list[SavedSession]) -> None:
        self.items = items
        table = self.query_one("#history", DataTable)
        table.clear()
        for i, item in enumerate(items):
            table.add_row(*result_cells(item), item.source, key=str(i))
        scores = [it.overall for it in items if isinstance(it.overall, int | float)]
        if scores:
            passed = sum(1 for it in items if it.passed)
            trend = " → ".join(f"{s:.0f}" for s in reversed(scores[:8]))
            self.query_one("#history-summary", Static).update(join(
                ("Sessions ", "bold"), f"{len(items)}", ("   passed ", "bold"), f"{passed}",
                ("   mean ", "bold"), f"{sum(scores) / len(scores):.1f}",
                ("   last scores ", "bold"), trend,
            ))
        else:
            self.query_one("#history-summary", Static).update("No sessions yet: finish a call to see it here.")

    @on(DataTable.RowSelected, "#history")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self._open(int(str(event.row_key.value)))

    def action_open(self) -> None:
        table = self.query_one("#history", DataTable)
        if table.row_count:
            self._open(table.cursor_row)

    def _open(self, index: int) -> None:
        from simulator.app import archive
        from simulator.app.screens.scorecard import ScorecardScreen

        if not 0 <= index < len(self.items):
            return
        item = self.items[index]
        if item.path is not None:
            try:
                data = archive.load_session(item.path)
            except (OSError, ValueError) as exc:
                self.notify(f"Cannot read {item.path}: {exc}", severity="error")
                return
            self.app.push_screen(ScorecardScreen(data.get("scorecard") or {}, data.get("record")))
            return
        card = archive.card_from_store(item.trainee, item.content_hash)
        if card is None:
            self.notify("That scorecard is no longer in the store.", severity="error")
            return
        self.app.push_screen(ScorecardScreen(card, (card.get("meta") or {}).get("session")))
