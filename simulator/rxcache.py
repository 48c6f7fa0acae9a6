"""Compiled regular expressions kept between runs, so a command does not pay for them
on every start.

Python compiles a regex in pure Python (parse, then code generation) in every new
process; the analyser's cue, question, lexicon and entity patterns cost more than the
rest of `collectsim analyze` together. What compilation produces depends only on the
pattern, its flags and the interpreter's regex engine, so it is kept in a file in the
user's cache folder, keyed by all three, and handed straight to the engine
(``_sre.compile``, which checks the code it is given) on later starts. The first run on
a machine compiles as before and leaves the file behind, like Python's own bytecode.

Anything unexpected (no writable cache folder, a damaged file, another Python) falls
back to ``re.compile``: the pattern is the same object either way (tests compare them
with ``==``, which compares the compiled code).
"""

from __future__ import annotations

import _sre
import array
import atexit
import marshal
import re
import sys

from simulator import cachefile

#: Entries kept in the file at most; past it, only the patterns this run used are kept.
MAX_ENTRIES = 4096

_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str, int]

_stored: dict[_Key, _Entry] | None = None  # read from the file on first use
_fresh: dict[_Key, _Entry] = {}  # compiled in this process, written at exit
_used: set[_Key] = set()
#: Patterns already built in this process, as ``re``'s own cache keeps them (bounded).
_built: dict[_Key, re.Pattern[str]] = {}
_MAX_BUILT = 2048
_saving = False  # save() registered with atexit
#: Patterns this process had to compile (not found in the file): 0 on a warm start.
misses = 0


def _usable() -> bool:
    return array.array("I").itemsize == _sre.CODESIZE and hasattr(re, "_compiler") \
        and hasattr(re._compiler, "_code")


_USABLE = _usable()


def cache_name() -> str:
    """The file for this interpreter's regex engine (another Python has its own)."""
    return f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re's name
    """``re.compile(pattern, flags)``, from the cache file when this pattern is in it."""
    if not _USABLE:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    done = _built.get(key)
    if done is not None:
        return done
    if len(_built) >= _MAX_BUILT:
        _built.clear()
    _built[key] = done = _compile(key)
    return done


def _compile(key: _Key) -> re.Pattern[str]:
    global misses, _saving
    pattern, flags = key
    entry = _fresh.get(key) or _load().get(key)
    if entry is not None:
        try:
            compiled = _build(pattern, entry)
        except Exception:  # noqa: BLE001 - a damaged entry: compile it afresh
            compiled = None
        if compiled is not None:
            _used.add(key)
            return compiled
    misses += 1
    try:
        entry = _compile_entry(pattern, int(flags))
        compiled = _build(pattern, entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - an engine this module does not know
        return re.compile(pattern, flags)
    if not _saving:
        _saving = True
        atexit.register(save)
    _fresh[key] = entry
    _used.add(key)
    return compiled


def _build(pattern: str, entry: _Entry) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = entry
    words = array.array("I")
    words.frombytes(code)
    return _sre.compile(pattern, final_flags, words.tolist(), groups, dict(groupindex),
                        tuple(indexgroup))


def _compile_entry(pattern: str, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands the engine, in a form ``marshal`` can keep."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, array.array("I", code).tobytes(),
            parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _read() -> dict[_Key, _Entry]:
    raw = cachefile.read(cache_name())
    try:
        data = marshal.loads(raw) if raw else {}
    except (ValueError, EOFError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _load() -> dict[_Key, _Entry]:
    global _stored
    if _stored is None:
        _stored = _read()
    return _stored


def save() -> None:
    """Add this run's new patterns to the file (run at exit; quietly gives up on error)."""
    global _stored
    if not _fresh:
        return
    merged = {**_read(), **_fresh}
    if len(merged) > MAX_ENTRIES:
        merged = {k: v for k, v in merged.items() if k in _used}
    cachefile.write(cache_name(), marshal.dumps(merged))
    _fresh.clear()
    _stored = merged
