"""Code that libraries compile from text on every start, compiled once per machine and
kept in the cache folder, as Python keeps a module's bytecode.

Two kinds, together over a tenth of `collectsim play`: ``@dataclass`` writes each
class's methods (``__init__``, ``__repr__``, ``__eq__``...) as source text and runs it
with ``exec``, some 400 texts (our dataclasses and those of the libraries we import);
and ``typing.ForwardRef`` compiles each annotation written as a string, some 1,000 when
pydantic builds the content models (``from __future__ import annotations`` makes every
annotation a string). What a text compiles to depends only on the text, the mode and
the interpreter, so ``install`` hands ``dataclasses`` an ``exec`` and ``typing`` a
``compile`` that compile each text once and keep the code, keyed by the whole text, in
a file for this Python's version and bytecode. The classes, methods and annotations are
the same either way (the same code, run with the same globals). Anything unexpected (a
damaged file, another Python, no cache folder) compiles as before.
"""

from __future__ import annotations

import builtins
import marshal
import sys
import types
from typing import Any

from simulator import cachefile

#: Texts kept at most; past it, only those this run used are kept.
MAX_ENTRIES = 4096

_Key = tuple[str, str, str]  # (text, file name, mode)
_kept: dict[_Key, types.CodeType] | None = None  # read from the file on first use
_fresh: dict[_Key, types.CodeType] = {}  # compiled in this process, written at exit
_used: set[_Key] = set()
#: Texts this process had to compile (not found in the file): 0 on a warm start.
misses = 0
_saving = False


def _stamp() -> tuple[str, bytes]:
    from importlib._bootstrap_external import MAGIC_NUMBER  # loaded with Python itself

    return sys.version, MAGIC_NUMBER


def cache_name() -> str:
    return f"code-{sys.implementation.cache_tag}.marshal"


def install() -> None:
    """From now on, dataclasses and string annotations made in this process use kept
    code (see the module): a module global shadows the builtin in each library."""
    import dataclasses
    import typing

    dataclasses.exec = _exec  # type: ignore[attr-defined]
    typing.compile = _compile  # type: ignore[attr-defined]


def uninstall() -> None:
    import dataclasses
    import typing

    for module, name, ours in ((dataclasses, "exec", _exec), (typing, "compile", _compile)):
        if getattr(module, name, None) is ours:
            delattr(module, name)


def _exec(source: Any, globals: dict[str, Any] | None = None,  # noqa: A002 - exec's names
          locals: dict[str, Any] | None = None) -> None:  # noqa: A002
    """``exec(source, globals, locals)``, the text compiled from the file when it is there."""
    if isinstance(source, str):
        source = _code(source, "<string>", "exec")
    builtins.exec(source, globals, locals)


def _compile(source: Any, filename: str, mode: str, flags: int = 0, dont_inherit: bool = False,
             optimize: int = -1) -> Any:
    """``compile(...)``, a plain text's code from the file when it is there."""
    if isinstance(source, str) and not flags and optimize == -1 and isinstance(filename, str):
        return _code(source, filename, mode)
    return builtins.compile(source, filename, mode, flags, True, optimize)


def _code(text: str, filename: str, mode: str) -> types.CodeType:
    global misses, _saving
    key = (text, filename, mode)
    code = _fresh.get(key) or _load().get(key)
    if code is None:
        misses += 1
        # What the library's own call compiles: neither dataclasses nor typing has a
        # __future__ import, and the builtin inherits its caller's (ours has one).
        code = builtins.compile(text, filename, mode, dont_inherit=True)
        _fresh[key] = code
        if not _saving:
            import atexit

            _saving = True
            atexit.register(save)
    _used.add(key)
    return code


def _read() -> dict[_Key, types.CodeType]:
    raw = cachefile.read(cache_name())
    try:
        stamp, codes = marshal.loads(raw) if raw else (None, None)
    except (ValueError, EOFError, TypeError):
        return {}
    if stamp != _stamp() or not isinstance(codes, dict):
        return {}
    return codes


def _load() -> dict[_Key, types.CodeType]:
    global _kept
    if _kept is None:
        _kept = _read()
    return _kept


def save() -> None:
    """Add this run's new texts to the file (run at exit; quietly gives up on error)."""
    global _kept
    if not _fresh:
        return
    merged = {**_read(), **_fresh}
    if len(merged) > MAX_ENTRIES:
        merged = {k: v for k, v in merged.items() if k in _used}
    try:
        blob = marshal.dumps((_stamp(), merged))
    except ValueError:
        return
    cachefile.write(cache_name(), blob)
    _fresh.clear()
    _kept = merged
