"""Pane lines and panes that take one layout per change, not two.

When the screen lays itself out, Textual records each widget's new size with
``virtual_size = ...``, a reactive that asks for *another* layout. For these widgets
that second layout changes nothing (the first one measured them), but it costs a
frame of its own: a coach pane whose hints grew drew every such turn twice, 30 ms
apart. Recorded without asking, the turn is drawn once.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.geometry import Size
from textual.widgets import Static


class _MeasuredOnce:
    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size,  # type: ignore[misc]
                                     layout=False)


class PaneText(_MeasuredOnce, Static):
    """A line of the call screen's status or coach pane."""


class Pane(_MeasuredOnce, Vertical):
    """A pane of stacked lines whose height follows them."""
