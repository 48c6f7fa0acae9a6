"""The user's settings: a flag, else the environment, else ``config.toml``, else the default.

``config.toml`` lives in the platform's config folder (``collectsim config --path``
prints it; ``COLLECTSIM_HOME`` or ``COLLECTSIM_CONFIG`` move it) and holds plain keys::

    db = "postgresql://coach@db.example.org/collectsim"   # the scorecard store
    trainee = "alex"                                      # who practises in the app
    team = "north"                                        # the team sessions are filed under
    theme = "textual-light"                               # textual-dark | textual-light
    mode = "assessment"                                   # coach | assessment

Read with the standard library's ``tomllib``, once per process and only by the commands
that need a setting, so ``--help`` and ``analyze`` never touch it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.diagnostics import UserError

CONFIG_ENV = "COLLECTSIM_CONFIG"
FILE_NAME = "config.toml"

#: key -> (environment variable, what it is, allowed values or None)
KEYS: dict[str, tuple[str, str, tuple[str, ...] | None]] = {
    "db": ("COLLECTSIM_DB", "database URL of the scorecard store (or a SQLite file path)", None),
    "trainee": ("COLLECTSIM_TRAINEE", "who is practising (the app)", None),
    "team": ("COLLECTSIM_TEAM", "the team sessions are filed under", None),
    "theme": ("COLLECTSIM_THEME", "the app's theme", ("textual-dark", "textual-light")),
    "mode": ("COLLECTSIM_MODE", "coach (hints and mood shown) or assessment", ("coach", "assessment")),
}


class ConfigError(UserError):
    """A config file or variable the user must fix: one line, exit code 1."""


@dataclass(frozen=True)
class Setting:
    """A value and where it came from: ``flag``, ``$VAR``, the file's path, or ``default``."""

    key: str
    value: str | None
    source: str


def config_path() -> Path:
    """``$COLLECTSIM_CONFIG``, else ``config.toml`` in the config folder."""
    explicit = os.environ.get(CONFIG_ENV, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    from simulator.paths import config_dir

    return config_dir() / FILE_NAME


#: (path, modification time, size) -> settings, so a file is parsed (and an unknown key
#: warned about) once however many settings a command reads.
_CACHE: dict[tuple[Path, int, int], dict[str, str]] = {}


def load_file(path: Path | None = None) -> dict[str, str]:
    """The file's settings (empty when there is no file). Raises ConfigError for a file
    that is not TOML or holds a wrong value; an unknown key is a warning, not an error."""
    path = path or config_path()
    try:
        st = path.stat()
        stamp = (path, st.st_mtime_ns, st.st_size)
        if stamp in _CACHE:
            return _CACHE[stamp]
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    out: dict[str, str] = {}
    for key, value in data.items():
        if key not in KEYS:
            _warn_unknown(path, key)
            continue
        out[key] = _checked(key, value, str(path))
    _CACHE[stamp] = out
    return out


def _warn_unknown(path: Path, key: str) -> None:
    import sys

    from simulator.argparsing import suggest

    guess = suggest(key, KEYS)
    hint = f" (did you mean {guess}?)" if guess else f" (known: {', '.join(KEYS)})"
    print(f"collectsim: warning: {path}: unknown setting '{key}'{hint}", file=sys.stderr)


def _checked(key: str, value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be text in quotes, got {value!r}")
    allowed = KEYS[key][2]
    if allowed is not None and value not in allowed:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(allowed)}, got {value!r}")
    return value


def resolve(key: str, flag: str | None = None) -> Setting:
    """One setting by precedence: flag > environment > config file > default (None)."""
    env_var = KEYS[key][0]
    if flag is not None and flag != "":
        return Setting(key, _checked(key, flag, "--" + key), "flag")
    env = os.environ.get(env_var, "")
    if env.strip():
        return Setting(key, _checked(key, env.strip(), "$" + env_var), "$" + env_var)
    path = config_path()
    from_file = load_file(path)
    if key in from_file:
        return Setting(key, from_file[key], str(path))
    return Setting(key, None, "default")


def get(key: str, flag: str | None = None) -> str | None:
    """The value of one setting (None when nothing sets it)."""
    return resolve(key, flag).value
