"""The call transcript: who said what, told apart by a coloured bar and a label.

One scrolling log (Textual's RichLog), not a widget per line: a turn costs the same
to draw at the fortieth turn as at the first, because the lines already said are
rendered once and never laid out again. The entries are kept, so a resize re-wraps
them and coach mode can show or hide the moves found under each of the trainee's lines.

Every line is a ``rich.text.Text`` built from the words as typed, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.widgets import RichLog

from simulator import words
from simulator.app.text import join

#: Above this many characters a line is shown shortened, with its length: a 100 KB
#: paste stays readable and cheap to lay out.
SHOW_LIMIT = 4000

#: The bar beside each kind of line (Textual's default primary and warning colours).
BARS = {"trainee": "on #0178D4", "debtor": "on #FFA62B", "pending": "on #0178D4", "system": ""}


def clip(text: str) -> str:
    if len(text) <= SHOW_LIMIT:
        return text
    return text[:SHOW_LIMIT] + f" … [{len(text) - SHOW_LIMIT:,} more characters]"


def annotation(turn: Any) -> Text:
    """The moves the analyser found in a trainee line, and its tone (coach mode)."""
    moves = "; ".join(words.move(m.move) for m in turn.analysis.moves) or "nothing the debtor could act on"
    tone = turn.analysis.tone
    return join(("  ↳ ", "dim"), (moves, "dim italic"), ("  · tone ", "dim"),
                (f"{tone.label} ({tone.score:+.2f})", "dim italic"))


@dataclass
class Entry:
    """One line of the transcript: ``content`` is what it says, label included."""

    kind: str  # trainee | debtor | system | pending
    content: Text
    note: Text | None = None  # coach mode's reading of a trainee line

    @property
    def plain(self) -> str:
        return self.content.plain


class Transcript(RichLog):
    """A scrolling log of lines; new lines scroll into view."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        # Scrolled here, at once, after each entry: RichLog's own auto-scroll waits for
        # the next frame and so costs a second redraw per line.
        super().__init__(id=id, wrap=True, markup=False, highlight=False, auto_scroll=False,
                         min_width=1)
        self.entries: list[Entry] = []
        self.annotations = True
        self._width = 0
        #: (size, container size, lines) at the last layout that updated the scrollbar.
        self._laid_out: tuple[Size, Size, Size] | None = None

    # ---------------------------------------------------------------- adding lines
    def add_trainee(self, turn: Any, label: str = "You") -> None:
        self._add(Entry("trainee", join((f"{label}: ", "bold"), clip(turn.text)), annotation(turn)))

    def add_pending(self, text: str, label: str = "You") -> Entry:
        """A long line shown while it is analysed; :meth:`remove` takes it away."""
        entry = Entry("pending", join((f"{label}: ", "bold"), clip(text)))
        self._add(entry)
        return entry

    def add_debtor(self, text: str, label: str) -> None:
        if text:
            self._add(Entry("debtor", join((f"{label}: ", "bold"), text)))

    def add_system(self, text: str) -> None:
        self._add(Entry("system", join((text, "italic dim"))))

    def remove(self, entry: Entry) -> None:  # type: ignore[override]
        if entry in self.entries:
            self.entries.remove(entry)
            self._rebuild()

    def show_annotations(self, on: bool) -> None:
        if on != self.annotations:
            self.annotations = on
            self._rebuild()

    # ---------------------------------------------------------------- drawing
    def _renderable(self, entry: Entry) -> RenderableType:
        body: RenderableType = entry.content
        if entry.note is not None and self.annotations:
            body = Group(entry.content, entry.note)
        grid = Table.grid(expand=True)
        grid.add_column(width=1, style=BARS.get(entry.kind, ""))  # the bar, every row tall
        grid.add_column(width=1)
        grid.add_column(ratio=1)
        grid.add_row("", "", body)
        return grid

    def _write(self, entry: Entry) -> None:
        if self.lines:
            self.write(Text(""), width=self._width)
        self.write(self._renderable(entry), width=self._width)

    def _add(self, entry: Entry) -> None:
        self.entries.append(entry)
        if self._width:
            self._write(entry)
            self._scrollbar_now()
            self.scroll_end(animate=False, immediate=True, x_axis=False)

    def _scrollbar_now(self) -> None:
        """Fit the scrollbar to the lines just written, now, so the frame that draws them
        draws it too. Textual fits it when it next lays the screen out, after that frame
        is composed, and so drew every turn twice (the second time for the scrollbar)."""
        self._scroll_update(self.virtual_size)
        if self._laid_out is not None:
            self._laid_out = (self._laid_out[0], self._laid_out[1], self.virtual_size)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        """A layout of the screen: fit the scrollbar only if something it shows changed.
        Textual's ScrollView compares its lines with the compositor's virtual size (for a
        widget without children, its own region), which differ as soon as the log
        scrolls, so it refitted, and redrew, the scrollbar at every layout: each turn has
        one (the line typed is cleared), and the redraw cost a frame of its own."""
        key = (size, container_size, self.virtual_size)
        if key == self._laid_out:
            return False
        self._laid_out = key
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _content_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _rebuild(self) -> None:
        self.clear()
        self._width = self._content_width() if self.size.width else 0
        if self._width:
            for entry in self.entries:
                self._write(entry)
            self.scroll_end(animate=False, immediate=True, x_axis=False)

    def on_resize(self, event: Resize) -> None:
        super().on_resize(event)
        if event.size.width and self._content_width() != self._width:
            self._rebuild()
