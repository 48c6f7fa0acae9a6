"""Personas and scenarios as they were last loaded, kept in the user's cache folder, so a
command that replays a call does not parse, validate and lint the same two files on
every start (about a tenth of `collectsim play`).

Only a load that succeeded is kept, and it is used only while everything it came from
is unchanged: the file's whole text (kept beside the object and compared, as for the
shipped YAML), for a scenario the persona file its lint read (found again the same way,
its text compared too), and the code that read them: every ``.py`` and ``.yaml`` file of
the ``simulator`` and ``scoring`` packages by size and modification time (how Python
checks its own bytecode, so an editable install's edit counts), Python's and pydantic's
versions. Warnings never stop a load, so none are lost. A session record is kept the
same way with its warnings (``session``): its checks read only its own text. The
command line turns it on (``enabled``); a library user, or a test that patches the
checks, reads the files.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from simulator import cachefile

KINDS = ("persona", "scenario")
T = TypeVar("T")
#: Set by the command line for the command's run.
enabled = False
#: Loads this process found in the cache folder, and those it had to do.
hits = 0
misses = 0


@lru_cache(maxsize=1)
def code_stamp() -> tuple[Any, ...]:
    """What the loading code is: Python, pydantic and each source and data file of ours."""
    import pydantic

    from simulator.paths import PACKAGE_DIR

    files: list[tuple[str, int, int]] = []
    for top in (PACKAGE_DIR, PACKAGE_DIR.parent / "scoring"):
        stack = [str(top)]
        while stack:
            with os.scandir(stack.pop()) as it:
                for e in it:
                    if e.is_dir(follow_symlinks=False):
                        if e.name != "__pycache__" and not e.name.startswith("."):
                            stack.append(e.path)
                    elif e.name.endswith((".py", ".yaml")):
                        st = e.stat()
                        files.append((e.path, st.st_mtime_ns, st.st_size))
    return (sys.version, pydantic.VERSION, tuple(sorted(files)))


def _name(path: Path, kind: str) -> str:
    import hashlib

    return f"content-{kind}-{hashlib.sha256(str(path).encode()).hexdigest()[:24]}.pickle"


def _persona_of(scenario_path: Path, ref: Any) -> tuple[str, str] | None:
    """(path, text) of the persona a scenario's lint reads, found as the lint finds it."""
    from simulator.content.library import Library, scenario_persona

    if not isinstance(ref, str) or not ref:
        return None
    found = scenario_persona(Library(), ref, scenario_path)
    if found is None:
        return None
    return str(found), found.read_text(encoding="utf-8")


def get(path: Path, kind: str) -> Any:
    """The object loaded from ``path`` before, while nothing it came from changed; or None."""
    global hits, misses
    if not enabled or kind not in KINDS:
        return None
    misses += 1
    import pickle

    try:
        path = path.resolve()
        raw = cachefile.read(_name(path, kind))
        if raw is None:
            return None
        key, blob = pickle.loads(raw)
        text = path.read_text(encoding="utf-8")
        if key[:3] != (str(path), text, code_stamp()):
            return None
        if kind == "scenario" and key[3] != _persona_of(path, key[4]):
            return None
        obj = pickle.loads(blob)
    except Exception:  # noqa: BLE001 - a damaged, stale or foreign entry: load the file
        return None
    misses -= 1
    hits += 1
    return obj


def put(path: Path, kind: str, obj: Any, before: tuple[str, Any] | None) -> None:
    """Keep a successful load; ``before`` is (text, persona) read before the load, so a
    file changed while it was loading is not kept. Quietly does nothing on error."""
    if not enabled or kind not in KINDS or before is None:
        return
    import pickle

    try:
        path = path.resolve()
        text, persona = before
        ref = getattr(obj, "persona", None) if kind == "scenario" else None
        now = _persona_of(path, ref) if kind == "scenario" else None
        if path.read_text(encoding="utf-8") != text or now != persona:
            return
        key = (str(path), text, code_stamp(), now, ref)
        cachefile.write(_name(path, kind), pickle.dumps((key, pickle.dumps(obj, 5)), 5))
    except Exception:  # noqa: BLE001 - not kept; the next run loads the file again
        return


def before(path: Path, kind: str) -> tuple[str, Any] | None:
    """What a load of ``path`` reads, taken before it (see ``put``)."""
    if not enabled or kind not in KINDS:
        return None
    try:
        path = path.resolve()
        text = path.read_text(encoding="utf-8")
        if kind != "scenario":
            return text, None
        import yaml

        ref = (yaml.safe_load(text) or {}).get("persona")
        return text, _persona_of(path, ref)
    except Exception:  # noqa: BLE001 - not kept
        return None


def session(path: Path, load: Callable[[], T]) -> T:
    """``load()`` for the session record file ``path``, or what it returned the last time
    the file held the same text and the code was the same. A record's checks read nothing
    but its own text (no persona or scenario), so the text is all it depends on; the path
    as given is part of the key too, since its warnings name the file as the user did.
    Only a load that succeeded is kept (an error is raised again, by loading)."""
    if not enabled:
        return load()
    import pickle

    try:
        where = path.resolve()
        text = where.read_text(encoding="utf-8")
        key = (str(path), str(where), text, code_stamp())
        name = _name(where, "session")
        raw = cachefile.read(name)
        if raw is not None:
            kept, blob = pickle.loads(raw)
            if kept == key:
                return pickle.loads(blob)
    except Exception:  # noqa: BLE001 - unreadable, damaged or foreign: load the file
        return load()
    obj = load()
    try:
        if where.read_text(encoding="utf-8") == text:  # not changed while it was loading
            cachefile.write(name, pickle.dumps((key, pickle.dumps(obj, 5)), 5))
    except Exception:  # noqa: BLE001 - not kept; loaded again next time
        pass
    return obj


# --- objects derived from shipped files, and content hashes ------------------------------


@lru_cache(maxsize=1)
def _stamp_digest() -> str:
    import hashlib

    return hashlib.sha256(repr(code_stamp()).encode()).hexdigest()


def derived(name: str, key: Any, build: Any) -> Any:
    """``build()``, or what it returned the last time for the same ``key`` (the texts it
    reads) and the same code (``code_stamp``). For objects whose making costs more than
    reading them back: the shipped rubric and shared answers, validated by pydantic."""
    if not enabled:
        return build()
    import pickle

    full_key = (key, _stamp_digest())
    file = f"derived-{name}.pickle"
    raw = cachefile.read(file)
    if raw is not None:
        try:
            kept, blob = pickle.loads(raw)
            if kept == full_key:
                return pickle.loads(blob)
        except Exception:  # noqa: BLE001 - a damaged or foreign entry: build it again
            pass
    obj = build()
    try:
        cachefile.write(file, pickle.dumps((full_key, pickle.dumps(obj, 5)), 5))
    except Exception:  # noqa: BLE001 - not kept; built again next time
        pass
    return obj


_HASHES = "content-hashes.marshal"
_HASHES_KEPT = 256


def _sorted(value: Any) -> Any:
    return sorted(value, key=repr) if isinstance(value, set | frozenset) else value


def _stable_state(obj: Any) -> Any:
    """A pydantic model's pickled form with its sets (the fields-set, set fields) sorted,
    for ``stable_key``'s pickler: pickle never asks about a plain set itself."""
    state = getattr(obj, "__getstate__", None)
    if isinstance(obj, type) or state is None or not hasattr(obj, "__pydantic_fields_set__"):
        return NotImplemented
    return type(obj), (), {k: _sorted(v) if k != "__dict__" else {n: _sorted(x) for n, x in v.items()}
                           for k, v in state().items()}


def stable_key(model: Any) -> str | None:
    """sha256 of the model pickled with its sets sorted: the same in every process for
    the same data (whatever the string hashes), or None for a model that does not pickle."""
    import hashlib
    import io
    import pickle

    class _Stable(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            return _stable_state(obj)

    buf = io.BytesIO()
    try:
        _Stable(buf, 5).dump(model)
    except Exception:  # noqa: BLE001 - not picklable
        return None
    return hashlib.sha256(buf.getvalue()).hexdigest()


def model_hash(model: Any) -> str:
    """``simulator.hashing.model_hash(model)``, remembered by the model's ``stable_key``.

    Dumping a persona or scenario to JSON builds pydantic's serializer for every class it
    holds, once per process. Two models with the same stable key hold the same data, so
    they dump to the same JSON; a model without one is hashed the long way."""
    import marshal

    from simulator.hashing import model_hash as compute

    key = stable_key(model) if enabled else None
    if key is None:
        return compute(model)
    stamp = _stamp_digest()
    known: dict[str, str] = {}
    raw = cachefile.read(_HASHES)
    if raw is not None:
        try:
            kept_stamp, kept = marshal.loads(raw)
            if kept_stamp == stamp and isinstance(kept, dict):
                known = kept
        except (ValueError, EOFError, TypeError):
            pass
    digest = known.get(key)
    if isinstance(digest, str):
        return digest
    digest = compute(model)
    if len(known) >= _HASHES_KEPT:
        known = {}
    known[key] = digest
    cachefile.write(_HASHES, marshal.dumps((stamp, known)))
    return digest
