"""The shipped learned model as the last runs used it, kept in the user's cache folder.

Loading the model reads 6 MB and parses 0.8 MB of JSON (57,000 features); a scorecard
also wants the files' sha256; and each feature a line meets is packed into one integer
the first time (``LearnedModel._pack``). Together that is a sixth of `collectsim play`,
for a session that meets a few thousand features. So the command line keeps, in one
``marshal`` file: the model file without its feature list, the digest once worked out,
and the packed integer and float32 row of every feature met so far (or that the model
does not know it). A later run starts from that and opens the model files only for a
feature it has not met (``LearnedModel`` then loads them whole, as before).

The entry is used only while the files it came from are unchanged: both model files
and the code that reads and packs them, by size and modification time (how Python
checks its bytecode), and the same Python. Anything unexpected (no cache folder, a
damaged or foreign file) reads the model files as before.
"""

from __future__ import annotations

import json
import marshal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator import cachefile

if TYPE_CHECKING:
    import array
    from collections.abc import Callable

    from simulator.nlu.learned import LearnedModel

#: Set by the command line for the command's run (a library user reads the files).
enabled = False
#: Bumped when what an entry holds changes meaning.
FORMAT = 1
#: Features kept at most; past it only those this run met for the first time are kept.
MAX_FEATURES = 6000

_HERE = Path(__file__).resolve().parent
#: The code whose change changes what is kept: the packing, and the moves' order.
_CODE = (_HERE / "learned.py", _HERE / "modelcache.py", _HERE / "types.py")


def stamp(model_file: Path) -> tuple[Any, ...] | None:
    """What an entry for ``model_file`` depends on: size and modification time of the two
    model files and of the code, and Python's version; None if a file cannot be read."""
    files = (model_file, model_file.with_suffix(".weights"), *_CODE)
    try:
        stats = [(str(f), st.st_mtime_ns, st.st_size) for f in files for st in (f.stat(),)]
    except OSError:
        return None
    return (FORMAT, sys.version, tuple(stats))


def _name(model_file: Path) -> str:
    return f"model-{model_file.parent.name}-{model_file.stem}.marshal"


def read(model_file: Path) -> tuple[tuple[Any, ...], dict[str, Any]] | None:
    """(stamp, kept) for ``model_file`` when a usable entry is there, else None. ``kept``
    holds ``header`` (the model file without ``features``), ``digest`` (or None),
    ``packed`` (feature -> packed row, 0 for a feature the model does not know) and
    ``rows`` (feature -> float32 row as bytes, for the known ones)."""
    if not enabled:
        return None
    now = stamp(model_file)
    raw = cachefile.read(_name(model_file)) if now is not None else None
    if raw is None:
        return None
    try:
        kept_stamp, kept = marshal.loads(raw)
    except (ValueError, EOFError, TypeError):
        return None
    if kept_stamp != now or not isinstance(kept, dict) or \
            not {"header", "digest", "packed", "rows"} <= kept.keys():
        return None
    return now, kept


def write(model_file: Path, when: tuple[Any, ...], kept: dict[str, Any]) -> None:
    """Keep ``kept`` for ``model_file`` if the files are still as ``when`` found them
    (the stamp taken before they were read); quietly does nothing when it cannot."""
    if stamp(model_file) != when:
        return
    try:
        blob = marshal.dumps((when, kept))
    except ValueError:
        return
    cachefile.write(_name(model_file), blob)


def load_kept(path: Path) -> tuple[LearnedModel, Callable[[], None] | None]:
    """The model of ``path`` started from its cache entry when there is a usable one (else
    read from its files), and what hands this run's features to the cache folder (to be
    called at exit), or None when the files cannot be stamped."""
    from simulator.nlu.learned import LearnedModel, digest_of, floats

    found = read(path)
    weights_file = path.with_suffix(".weights")
    if found is None:
        when = stamp(path)
        model = LearnedModel.load(path)
        before, had_digest = 0, False
    else:
        when, kept = found

        def files() -> tuple[dict, array.array]:
            return json.loads(path.read_bytes()), floats(weights_file.read_bytes())

        def digest() -> str:
            return digest_of(path.read_bytes(), weights_file.read_bytes())

        model = LearnedModel.kept(kept, files, kept["digest"] or digest)
        before, had_digest = len(kept["packed"]), kept["digest"] is not None
    if when is None:
        return model, None

    def keep() -> None:
        state = model.kept_state(before, had_digest, MAX_FEATURES)
        if state is not None:
            write(path, when, state)

    return model, keep
