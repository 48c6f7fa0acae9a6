"""Problems found in content or input, reported as ``file:line:col: message``.

Every loader and checker collects these instead of raising, so that a trainer sees
every problem in a file at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place. ``line`` and ``col`` are 1-based; 0 means unknown."""

    file: str
    line: int
    col: int
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        else:
            where += ":1:1"
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised by loaders when a file has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UserError(Exception):
    """A user's mistake: printed as one line, exit code 1, never a traceback."""
