"""Offer to resume a call the app did not finish (a crash, a kill, a closed terminal)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from simulator.app.journal import JournalState
from simulator.app.text import join


class ResumeScreen(ModalScreen[bool]):
    """Resume (replay the saved turns) or Discard."""

    BINDINGS = [
        Binding("r", "answer(True)", "Resume"),
        Binding("d", "answer(False)", "Discard"),
        Binding("escape", "answer(False)", "Discard", show=False),
    ]

    def __init__(self, state: JournalState) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        s = self.state
        with Vertical(id="resume-box"):
            yield Label("An unfinished call was found", classes="section-title")
            last = s.turns[-1] if s.turns else ""
            if len(last) > 60:
                last = last[:59] + "…"
            yield Static(join(
                ("Scenario ", "bold"), s.scenario, "\n",
                ("Trainee  ", "bold"), s.trainee or "—", "\n",
                ("Turns    ", "bold"), str(len(s.turns)), "\n",
                ("Started  ", "bold"), s.started_at or "—", "\n",
                *((("Last line ", "bold"), f"“{last}”") if last else ()),
            ), id="resume-body")
            with Horizontal(id="resume-buttons"):
                yield Button("Resume (r)", id="resume", variant="primary")
                yield Button("Discard (d)", id="discard", variant="error")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "resume")

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume)
