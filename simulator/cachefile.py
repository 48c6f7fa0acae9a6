"""Files in the user's cache folder that spare a command work it would redo on every
start: compiled regexes (``simulator.rxcache``) and the parsed data of shipped YAML.

Everything here can be deleted at any time and is rebuilt on the next run; a file that
cannot be read, written or trusted is simply not used. Writes are atomic (a temporary
file, then a rename), so concurrent commands never read half a file.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any


def path_of(name: str) -> Path:
    from simulator.paths import cache_dir

    return cache_dir() / name


def read(name: str) -> bytes | None:
    try:
        return path_of(name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    """Replace the file ``name`` with ``data``; quietly does nothing when it cannot.
    (The temporary file is made here rather than with ``tempfile``, whose import brings
    shutil and the compression modules into a command that writes at exit.)"""
    try:
        target = path_of(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = str(target.parent / f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def shipped_yaml(path: Path) -> Any:
    """The data of a YAML file that ships with collectsim (cues, questions, the rubric),
    parsed with PyYAML's safe loader once per machine and version of the file.

    The cache entry holds the file's whole text beside its data, and is used only when
    that text is exactly the file's text now, so an edited file is parsed again (no
    clock or hash to trust). Data ``marshal`` cannot hold (dates) is not cached."""
    text = path.read_text(encoding="utf-8")
    name = f"yaml-{path.parent.name}-{path.stem}.marshal"
    cached = read(name)
    if cached is not None:
        try:
            kept_text, data = marshal.loads(cached)
        except (ValueError, EOFError, TypeError):
            kept_text = data = None
        if kept_text == text:
            return data
    import yaml

    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        blob = marshal.dumps((text, data))
    except ValueError:
        return data
    write(name, blob)
    return data
