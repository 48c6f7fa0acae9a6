"""The five scored dimensions: a contract (DESIGN.md section 9) every part shares.

Kept free of imports so the store's argument parsing, the app and the linter can read it
cheaply; ``scoring.dimensions`` re-exports it.
"""

from __future__ import annotations

DIMENSION_TITLES: dict[str, str] = {
    "preparation": "Preparation",
    "tone": "Tone",
    "active_listening": "Active listening",
    "flexibility": "Flexibility",
    "documentation": "Documentation",
}
DIMENSIONS: tuple[str, ...] = tuple(DIMENSION_TITLES)
