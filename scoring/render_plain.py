"""The terminal scorecard as plain text, without importing Rich, for output that is not a
terminal (a pipe, a file, a test): `collectsim play`, `score` and `try` print it there.

Rich lays out the same card byte for byte (its import and layout are about a tenth of
`collectsim play`), so this module copies the few rules the card needs: Rich's word
wrap (``rich._wrap.divide_line``), a rounded panel with a centred title, a heavy-headed
table sized to its content. It only takes cards it can lay out exactly: every character
one cell wide (printable ASCII and the symbols below), no compliance table, a table that
fits, a UTF-8 output and a console Rich would not colour. For anything else
``plain_text`` returns None and the caller uses Rich; a test renders cards both ways.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

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
)

#: Characters besides printable ASCII that Rich counts as one cell (tested against it).
ONE_CELL = frozenset("✓✗–—−█░“”‘’·×…")
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")


class _NotPlain(Exception):
    """The card holds something this module does not lay out as Rich would."""


def _check(text: str) -> str:
    for ch in text:
        if not (" " <= ch <= "~" or ch == "\n" or ch in ONE_CELL):
            raise _NotPlain
    return text


def _divide(text: str, width: int) -> list[int]:
    """``rich._wrap.divide_line`` with fold, for text of one-cell characters."""
    breaks: list[int] = []
    offset = 0
    for m in _WORD.finditer(text):
        start, word = m.start(), m.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            chunks = [word[i:i + width] for i in range(0, len(word), width)]
            for i, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if i == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def wrap(text: str, width: int) -> list[str]:
    """The lines Rich prints for a ``Text`` of ``text`` at ``width`` (justify and
    overflow left at their defaults)."""
    out: list[str] = []
    for line in _check(text).split("\n"):
        cuts = _divide(line, width)
        for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True):
            piece = line[a:b]
            if len(piece) > width:  # Text.rstrip_end, then truncate
                m = _TRAILING_SPACE.search(piece)
                if m:
                    piece = piece[:len(piece) - min(len(m.group(0)), len(piece) - width)]
                piece = piece[:width]
            out.append(piece)
    return out


def _panel(body: str, title: str, width: int) -> list[str]:
    """``Panel(Text(body), title=Text(title))``: rounded box, padding (0, 1), full width."""
    inner = width - 4
    if inner < 1:
        raise _NotPlain
    label = " " + _check(title).replace("\n", " ") + " "
    label = label[:width - 4]
    excess = width - 4 - len(label)
    left = excess // 2
    top = "╭─" + "─" * left + label + "─" * (excess - left) + "─╮"
    lines = [top]
    for line in wrap(body, inner):
        lines.append("│ " + line.ljust(inner) + " │")
    lines.append("╰" + "─" * (width - 2) + "╯")
    return lines


def _table(header: list[str], rows: list[list[str]], right: set[int], width: int) -> list[str]:
    """``Table(show_header=True)`` of one-line cells: heavy head, padding (0, 1), each
    column as wide as its widest cell when the whole fits the width."""
    cells = [header, *rows]
    for row in cells:
        for c in row:
            if "\n" in _check(c) or c != c.strip(" ") or "  " in c:
                raise _NotPlain  # a cell Rich might wrap or measure by its words
    widths = [max(len(r[i]) for r in cells) + 2 for i in range(len(header))]
    if sum(widths) + len(widths) + 1 > width:
        raise _NotPlain

    def line(row: list[str], edge: str, sep: str) -> str:
        parts = [" " + (c.rjust(w - 2) if i in right else c.ljust(w - 2)) + " "
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        return edge + sep.join(parts) + edge

    out = ["┏" + "┳".join("━" * w for w in widths) + "┓", line(header, "┃", "┃"),
           "┡" + "╇".join("━" * w for w in widths) + "┩"]
    out += [line(r, "│", "│") for r in rows]
    out.append("└" + "┴".join("─" * w for w in widths) + "┘")
    return out


def _bar(score: float | None) -> str:
    if score is None:
        return "not assessed"
    filled, empty = bar_cells(score)
    return "█" * filled + "░" * empty


def _joined(line: Line) -> str:
    return "".join(piece for piece, _ in line[1])


def _texts(card: dict[str, Any], verbose: bool) -> list[str]:
    """The checks, tips and compliance as the texts ``render_text`` prints, in order."""
    if (card.get("compliance") or {}).get("violations"):
        raise _NotPlain  # the violations table: Rich lays it out
    lines = [*check_lines(card, verbose), *tip_lines(card), COMPLIANCE_HEAD, NO_VIOLATIONS,
             *compliance_notes(card)]
    return [_joined(line) for line in lines]


def plain_text(card: Any, width: int, verbose: bool = False) -> str | None:
    """The card as Rich prints it without colour at ``width``, or None where only Rich
    can say (see the module's docstring)."""
    d = as_dict(card)
    try:
        body = f"Overall {d['overall']:.1f} / 100   {verdict(d)}"
        note = cap_note(d)
        if note:
            body += f"\n{note}"
        body += "\n" + outcome_line(d)
        lines = _panel(body, f"Scorecard: {title_of(d)}", width)
        rows = [[title, f"{dim.get('weight', 0):g}", fmt_score(dim.get("score")), _bar(dim.get("score"))]
                for _, title, dim in dimension_rows(d)]
        lines += _table(["Dimension", "Weight", "Score", ""], rows, {1, 2}, width)
        for text in _texts(d, verbose):
            lines += wrap(text, width)
    except _NotPlain:
        return None
    return "\n".join(lines) + "\n"


def console_width(environ: Any = os.environ) -> int:
    """The width Rich's ``Console()`` takes: a terminal on standard input, output or
    error, then ``COLUMNS``, else 80."""
    width = None
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


def plain_wanted(file: TextIO | None = None, environ: Any = os.environ) -> bool:
    """True where Rich's ``Console()`` would print no colour and no ASCII stand-ins: not
    a terminal by Rich's rules (TTY_COMPATIBLE, FORCE_COLOR, isatty; a dumb terminal is
    still a terminal), UTF-8 output."""
    file = file or sys.stdout
    encoding = (getattr(file, "encoding", None) or "utf-8").lower()
    if not encoding.startswith("utf"):
        return False
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    force = environ.get("FORCE_COLOR")
    if force is not None:
        return force == ""
    try:
        return not file.isatty()
    except (AttributeError, ValueError):
        return False


def print_scorecard(card: Any, verbose: bool = False) -> None:
    """The card on standard output: as plain text where Rich would print plain text,
    else with Rich (colour, a compliance table, wide characters)."""
    if plain_wanted():
        text = plain_text(card, console_width(), verbose)
        if text is not None:
            sys.stdout.write(text)
            return
    from scoring.render_text import print_scorecard as print_with_rich

    print_with_rich(card, verbose=verbose)
