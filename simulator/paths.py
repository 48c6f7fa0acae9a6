"""Where shipped content lives, installed or in a checkout, and where the user's files go.

A wheel carries ``personas/`` and ``scenarios/`` inside the package as
``simulator/_content/``; an editable install or a checkout reads them from the
project root. ``COLLECTSIM_HOME`` replaces the platform folders for everything the
app and the CLI write (tests and demos point it at a temporary directory).
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "COLLECTSIM_HOME"

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


def config_dir() -> Path:
    """Settings: ``$COLLECTSIM_HOME/config`` or the platform config folder."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir("collectsim"))


def data_dir() -> Path:
    """Sessions, the journal, exports and the default scorecard store:
    ``$COLLECTSIM_HOME/data`` or the platform data folder."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir("collectsim"))


def cache_dir() -> Path:
    """What can be rebuilt at any time (compiled patterns): ``$COLLECTSIM_HOME/cache``
    or the platform cache folder."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("collectsim"))
