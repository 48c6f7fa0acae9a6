"""The one error the store raises for anything a user can fix or should know."""

from __future__ import annotations

from simulator.diagnostics import UserError


class StoreError(UserError):
    """A database problem, told in one line (the CLI prints it and exits 1)."""
