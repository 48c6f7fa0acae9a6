"""The five scored dimensions (DESIGN.md section 9): re-exported from
``simulator.content.dimensions``, which is free of imports so anything can read it cheaply."""

from __future__ import annotations

from simulator.content.dimensions import DIMENSION_TITLES, DIMENSIONS

__all__ = ["DIMENSION_TITLES", "DIMENSIONS"]
