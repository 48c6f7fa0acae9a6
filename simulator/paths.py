"""Where shipped content lives, installed or in a checkout.

A wheel carries ``personas/`` and ``scenarios/`` inside the package as
``simulator/_content/``; an editable install or a checkout reads them from the
project root.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _content_root() -> Path:
    inside = PACKAGE_DIR / "_content"
    if (inside / "personas").is_dir():
        return inside
    return PACKAGE_DIR.parent


def personas_dir() -> Path:
    return _content_root() / "personas"


def scenarios_dir() -> Path:
    return _content_root() / "scenarios"


def default_rubric_path() -> Path:
    """The default rubric ships inside the ``scoring`` package."""
    return PACKAGE_DIR.parent / "scoring" / "rubric.yaml"
