"""Where the app keeps its files, and the few things it remembers between runs.

Pure: no Textual. ``COLLECTSIM_HOME`` replaces the platform folders (tests and demos
point it at a temporary directory so that they never touch a real user's files).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from simulator.paths import config_dir, data_dir

THEMES = ("textual-dark", "textual-light")


def sessions_dir() -> Path:
    return data_dir() / "sessions"


def journal_dir() -> Path:
    return data_dir() / "journal"


def exports_dir() -> Path:
    return data_dir() / "exports"


def atomic_write(path: Path, text: str) -> None:
    """Write a whole file or nothing: a crash never leaves half a settings file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@dataclass
class Settings:
    """What the app remembers: who practises (and their team), the theme, coach or
    assessment mode."""

    trainee: str = ""
    team: str = ""
    theme: str = "textual-dark"
    coach: bool = True

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        """Missing or damaged settings give the defaults, never an error."""
        try:
            data = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        s = cls(**{k: v for k, v in data.items() if k in known})
        if not isinstance(s.trainee, str):
            s.trainee = ""
        if not isinstance(s.team, str):
            s.team = ""
        if s.theme not in THEMES:
            s.theme = "textual-dark"
        s.coach = bool(s.coach)
        return s

    def save(self) -> None:
        try:
            atomic_write(self.path(), json.dumps(asdict(self), indent=2) + "\n")
        except OSError:
            pass  # a read-only home must not stop a practice call
