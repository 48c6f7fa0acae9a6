"""The call transcript: who said what, told apart by colour and label.

Every line is a ``rich.text.Text`` built from the words as typed, never markup.
"""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import Static

from simulator import words
from simulator.app.text import join

#: Above this many characters a line is shown shortened, with its length: a 100 KB
#: paste stays readable and cheap to lay out.
SHOW_LIMIT = 4000


def clip(text: str) -> str:
    if len(text) <= SHOW_LIMIT:
        return text
    return text[:SHOW_LIMIT] + f" … [{len(text) - SHOW_LIMIT:,} more characters]"


def annotation(turn: Any) -> Any:
    """The moves the analyser found in a trainee line, and its tone (coach mode)."""
    moves = "; ".join(words.move(m.move) for m in turn.analysis.moves) or "nothing the debtor could act on"
    tone = turn.analysis.tone
    return join(("  ↳ ", "dim"), (moves, "dim italic"), ("  · tone ", "dim"),
                (f"{tone.label} ({tone.score:+.2f})", "dim italic"))


class Transcript(VerticalScroll):
    """A scrolling list of lines; new lines scroll into view."""

    def add_trainee(self, turn: Any, label: str = "You") -> None:
        line = Static(join((f"{label}: ", "bold"), clip(turn.text)), classes="line trainee", markup=False)
        note = Static(annotation(turn), classes="annotation", markup=False)
        self.mount_all([line, note])
        self.scroll_end(animate=False)

    def add_pending(self, text: str, label: str = "You") -> Static:
        line = Static(join((f"{label}: ", "bold"), clip(text)), classes="line trainee", markup=False)
        self.mount(line)
        self.scroll_end(animate=False)
        return line

    def add_debtor(self, text: str, label: str) -> None:
        if not text:
            return
        self.mount(Static(join((f"{label}: ", "bold"), text), classes="line debtor", markup=False))
        self.scroll_end(animate=False)

    def add_system(self, text: str) -> None:
        self.mount(Static(join((text, "italic")), classes="line system", markup=False))
        self.scroll_end(animate=False)
