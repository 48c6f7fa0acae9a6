"""The methods ``@dataclass`` writes (``__init__``, ``__repr__``, ``__eq__``...) compiled
once per machine and kept in the cache folder, as Python keeps a module's bytecode.

``dataclasses`` makes each class's methods by writing their source text and running it
with ``exec``, which compiles it, in every new process: some 400 small compilations in
`collectsim play` (our dataclasses, and those of the libraries it imports), about a
tenth of the command. What a text compiles to depends only on the text and the
interpreter, so ``install`` hands ``dataclasses`` an ``exec`` that compiles each text
once and keeps the code, keyed by the whole text, in a file for this Python's version
and bytecode; the classes and their methods are the same either way (the same code run
with the same globals). Anything unexpected (a damaged file, another Python, no cache
folder) compiles as before.
"""

from __future__ import annotations

import builtins
import marshal
import sys
import types
from typing import Any

from simulator import cachefile

#: Texts kept at most; past it, only those this run used are kept.
MAX_ENTRIES = 2048

_kept: dict[str, types.CodeType] | None = None  # read from the file on first use
_fresh: dict[str, types.CodeType] = {}  # compiled in this process, written at exit
_used: set[str] = set()
#: Texts this process had to compile (not found in the file): 0 on a warm start.
misses = 0
_saving = False


def _stamp() -> tuple[str, bytes]:
    from importlib._bootstrap_external import MAGIC_NUMBER  # loaded with Python itself

    return sys.version, MAGIC_NUMBER


def cache_name() -> str:
    return f"dataclass-code-{sys.implementation.cache_tag}.marshal"


def install() -> None:
    """From now on, the dataclasses made in this process use kept code (see the module)."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined] # a module global shadows the builtin


def uninstall() -> None:
    import dataclasses

    if getattr(dataclasses, "exec", None) is _exec:
        del dataclasses.exec  # type: ignore[attr-defined]


def _exec(source: Any, globals: dict[str, Any] | None = None,  # noqa: A002 - exec's names
          locals: dict[str, Any] | None = None) -> None:  # noqa: A002
    """``exec(source, globals, locals)``, the text compiled from the file when it is there."""
    if isinstance(source, str):
        source = _code(source)
    builtins.exec(source, globals, locals)


def _code(text: str) -> types.CodeType:
    global misses, _saving
    code = _fresh.get(text) or _load().get(text)
    if code is None:
        misses += 1
        # What exec(text) compiles: the file name "<string>", and no __future__ features
        # (``dataclasses`` has none, and exec inherits its caller's).
        code = compile(text, "<string>", "exec", dont_inherit=True)
        _fresh[text] = code
        if not _saving:
            import atexit

            _saving = True
            atexit.register(save)
    _used.add(text)
    return code


def _read() -> dict[str, types.CodeType]:
    raw = cachefile.read(cache_name())
    try:
        stamp, codes = marshal.loads(raw) if raw else (None, None)
    except (ValueError, EOFError, TypeError):
        return {}
    if stamp != _stamp() or not isinstance(codes, dict):
        return {}
    return codes


def _load() -> dict[str, types.CodeType]:
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
