"""Showing user text literally. Pure: Rich only, no Textual.

Trainee lines, notes and debtor names are never interpolated into markup: they go
into ``rich.text.Text`` objects, which render ``[bold red]`` as the characters typed.
Control characters (other than newline and tab) are shown as visible symbols so a
pasted escape sequence cannot move the terminal's cursor.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Replace control characters by the Unicode control pictures (or U+FFFD)."""

    def sub(m: re.Match[str]) -> str:
        c = ord(m.group())
        if c < 0x20:
            return chr(0x2400 + c)
        if c == 0x7F:
            return "\u2421"
        return "\ufffd"

    return _CONTROL.sub(sub, text)


def literal(text: str, style: str = "") -> Text:
    """A Text that shows ``text`` exactly as typed."""
    return Text(visible(text), style=style)


def join(*parts: tuple[str, str] | str) -> Text:
    """Build a Text from (text, style) pairs; plain strings are unstyled."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append(visible(part[0]), style=part[1])
        else:
            out.append(visible(part))
    return out


def show_error(widget: Any, message: str) -> None:
    """Show a field's message under it, or hide the line when there is none."""
    widget.update(literal(message))
    widget.set_class(bool(message), "shown")
