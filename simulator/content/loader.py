"""Load personas, scenarios, rubrics and session records from YAML or JSON files.

Every problem of a file is collected and reported as ``file:line:col: message``, sorted
by line: YAML-level problems (syntax, duplicate keys, refused tags...), then schema
problems (pydantic errors translated into trainers' words, at the key they concern),
then lint (:mod:`simulator.content.lint`). ``load_*`` raise ``ContentError`` with all of
them when any is an error; :func:`check_file` never raises.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from simulator.content.models import Persona, Scenario, SessionRecord
from simulator.diagnostics import ContentError, Problem

if TYPE_CHECKING:  # read_yaml is imported where a file is parsed: a kept one is not
    from simulator.yamlio import Loaded

KINDS: tuple[str, ...] = ("persona", "scenario", "session", "rubric")
CONTENT_SUFFIXES: tuple[str, ...] = (".yaml", ".yml", ".json")


# --------------------------------------------------------------------------- kinds


def rubric_model() -> type[BaseModel] | None:
    """The rubric model, if ``scoring.rubric`` is installed (written separately)."""
    try:
        from simulator.content.rubric import Rubric
    except ImportError:
        return None
    return Rubric if isinstance(Rubric, type) and issubclass(Rubric, BaseModel) else None


def model_for(kind: str) -> type[BaseModel] | None:
    if kind == "persona":
        return Persona
    if kind == "scenario":
        return Scenario
    if kind == "session":
        return SessionRecord
    if kind == "rubric":
        return rubric_model()
    raise ValueError(f"unknown content kind {kind!r}")


def kind_from_folder(path: Path) -> str | None:
    """personas/x.yaml is a persona and scenarios/x.yaml a scenario, whatever they hold."""
    parts = {p.lower() for p in Path(path).parent.parts[-2:]}
    if "personas" in parts:
        return "persona"
    if "scenarios" in parts:
        return "scenario"
    if "sessions" in parts:
        return "session"
    return None


def detect_kind(path: Path, data: Any) -> str | None:
    """Tell a file's kind from its folder, else from its top-level keys."""
    kind = kind_from_folder(path)
    if kind is not None:
        return kind
    if not isinstance(data, dict):
        return None
    if "states" in data:
        return "persona"
    if "persona" in data and "title" in data:
        return "scenario"
    if "dimensions" in data:
        return "rubric"
    if "turns" in data:
        return "session"
    return None


# --------------------------------------------------------------------------- messages


def path_str(path: Sequence[Any]) -> str:
    """('transitions', 3, 'to') -> 'transitions[3].to'."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def did_you_mean(word: str, candidates: Sequence[str], fmt: str = "'{}'") -> str:
    """' (did you mean 'x'?)' for the closest candidate, or ''."""
    close = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.7)
    return f" (did you mean {fmt.format(close[0])}?)" if close else ""


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return repr(value)


def _resolve(data: Any, loc: Sequence[Any]) -> tuple[list[Any], bool]:
    """Keep the parts of a pydantic ``loc`` that name real keys or items of ``data``.

    Pydantic adds union tags ('str', 'list[str]') and '[key]' to its locations; they
    are dropped. Returns the path and whether anything was dropped.
    """
    path: list[Any] = []
    cur = data
    dropped = False
    for part in loc:
        if isinstance(cur, dict):
            if part in cur:
                path.append(part)
                cur = cur[part]
                continue
            match = next((k for k in cur if not isinstance(k, str) and str(k) == str(part)), None)
            if match is not None:
                path.append(match)
                cur = cur[match]
                continue
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            path.append(part)
            cur = cur[part]
            continue
        dropped = True
    return path, dropped


def _unwrap(tp: Any, part: Any) -> Any:
    """The type found one step into ``tp`` at ``part`` (a field, key or index)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0], part)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is type(None):
                continue
            found = _unwrap(arg, part)
            if found is not None:
                return found
        return None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for name, info in tp.model_fields.items():
            if part in (name, info.alias):
                return info.annotation
        return None
    if origin is list and isinstance(part, int):
        return typing.get_args(tp)[0]
    if origin is dict:
        return typing.get_args(tp)[1]
    return None


def _model_at(model: type[BaseModel], path: Sequence[Any]) -> type[BaseModel] | None:
    tp: Any = model
    for part in path:
        tp = _unwrap(tp, part)
        if tp is None:
            return None
    for cand in [tp, *typing.get_args(tp)]:
        if isinstance(cand, type) and issubclass(cand, BaseModel):
            return cand
    return None


def _key_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


_EXPECTED = {
    "string_type": "expected text",
    "list_type": "expected a list",
    "dict_type": "expected a mapping",
    "model_type": "expected a mapping",
    "model_attributes_type": "expected a mapping",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "date_type": "expected a date (YYYY-MM-DD)",
    "date_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "expected a date (YYYY-MM-DD)",
}

_PATTERNS = {
    r"^[a-z0-9][a-z0-9_-]*$": "is not a valid id (lower-case letters, digits, '-' and '_')",
    r"^[a-z][a-z0-9_]*$": "is not a valid name (lower-case letters, digits and '_', "
    "starting with a letter)",
}


def _message(err: dict[str, Any], path: list[Any], kind: str, model: type[BaseModel]) -> str:
    """One pydantic error in a trainer's words, with its key path."""
    typ = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    where = path_str(path)
    if typ == "missing":
        key = err["loc"][-1]
        return f"missing key '{key}' in {where or kind}"
    if typ == "extra_forbidden":
        parent = path[:-1]
        key = path[-1] if path else err["loc"][-1]
        hint = did_you_mean(str(key), _key_names(_model_at(model, parent)))
        return f"unknown key '{key}' in {path_str(parent) or kind}{hint}"
    prefix = f"{where}: " if where else ""
    if typ in _EXPECTED:
        return f"{prefix}{_EXPECTED[typ]}, found {_show(value)}"
    if typ in ("literal_error", "enum"):
        expected = str(ctx.get("expected", ""))
        options = re.findall(r"'([^']*)'", expected)
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        return f"{prefix}{_show(value)} should be {expected}{hint}"
    if typ == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern in _PATTERNS:
            return f"{prefix}{_show(value)} {_PATTERNS[pattern]}"
    if typ == "too_short" and isinstance(value, list):
        n = ctx.get("min_length", 1)
        return f"{prefix}needs at least {n} item{'s' if n != 1 else ''}"
    msg = str(err.get("msg", ""))
    for lead in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(lead)
    if typ.startswith(("greater", "less")) or typ in ("too_long", "too_short"):
        msg = msg[0].lower() + msg[1:] + f" (found {_show(value)})"
    return f"{prefix}{msg}"


def schema_problems(loaded: Loaded, model: type[BaseModel], kind: str) -> tuple[Any, list[Problem]]:
    """Validate ``loaded.data``; return the model (or None) and the problems, positioned."""
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    grouped: dict[tuple[Any, ...], list[tuple[dict[str, Any], list[Any]]]] = {}
    singles: list[Problem] = []
    for err in errors:
        path, dropped = _resolve(loaded.data, err["loc"])
        if loaded.refused(path):
            continue
        if err["type"] == "missing":
            # the missing key itself is not in the data: point at its parent
            msg = _message(err, path, kind, model)
            singles.append(loaded.problem(path, msg))
        elif dropped and err["type"] != "extra_forbidden":
            grouped.setdefault(tuple(path), []).append((err, path))
        else:
            singles.append(loaded.problem(path, _message(err, path, kind, model)))
    for key, group in grouped.items():
        if any(len(other) > len(key) and other[: len(key)] == key for other in grouped):
            continue  # a deeper error explains this union member better
        msgs: list[str] = []
        for err, path in group:
            m = _message(err, path, kind, model)
            if m not in msgs:
                msgs.append(m)
        singles.append(loaded.problem(list(key), _merge(msgs, path_str(list(key)))))
    seen: set[tuple[int, int, str]] = set()
    out = []
    for p in singles:
        if (p.line, p.col, p.message) not in seen:
            seen.add((p.line, p.col, p.message))
            out.append(p)
    return None, out


def _merge(msgs: list[str], where: str) -> str:
    """Several errors about one value (the members of a union) as one message."""
    if len(msgs) == 1:
        return msgs[0]
    prefix = f"{where}: " if where else ""
    bodies = [m.removeprefix(prefix) for m in msgs]
    wants = [b.split(", found ")[0] for b in bodies if b.startswith("expected ")]
    if len(wants) == len(bodies):
        found = bodies[0].split(", found ", 1)[1] if ", found " in bodies[0] else ""
        alts = [wants[0]] + [w.removeprefix("expected ") for w in wants[1:]]
        return f"{prefix}{' or '.join(alts)}" + (f", found {found}" if found else "")
    return f"{prefix}{'; or '.join(bodies)}"


# --------------------------------------------------------------------------- checking


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line, p.col))


def check_loaded(loaded: Loaded, kind: str, path: Path | None = None) -> tuple[Any, list[Problem]]:
    """Schema and lint problems of already loaded data; returns (model or None, problems)."""
    problems = list(loaded.problems)
    if loaded.root is None or not isinstance(loaded.data, dict):
        return None, _sorted(problems)
    model = model_for(kind)
    obj: Any = loaded.data
    if model is not None:
        obj, found = schema_problems(loaded, model, kind)
        problems += found
    from simulator.content.lint import lint

    problems += lint(kind, loaded, path)
    return obj, _sorted(problems)


def _check(path: Path, kind: str | None) -> tuple[Any, list[Problem], str | None]:
    loaded = None
    if kind == "persona":
        from simulator.content.lint import recall_persona

        loaded = recall_persona(path)
    if loaded is None:
        from simulator.yamlio import read_yaml

        loaded = read_yaml(path, kind=kind or kind_from_folder(path))
    if loaded.root is None or not isinstance(loaded.data, dict):
        return None, _sorted(loaded.problems), kind
    kind = kind or detect_kind(path, loaded.data)
    if kind == "persona":
        from simulator.content.lint import remember_persona

        remember_persona(path, loaded)  # scenarios checked next need not parse it again
    if kind is None:
        problems = loaded.problems + [loaded.problem(
            (), "cannot tell what this file is: a persona has 'states', a scenario "
            "'persona' and 'title', a rubric 'dimensions', a session 'turns'"
        )]
        return None, _sorted(problems), None
    obj, problems = check_loaded(loaded, kind, path)
    return obj, problems, kind


def check_file(path: Path | str, kind: str | None = None) -> list[Problem]:
    """Every problem of one content file, lint included, sorted by line. Never raises."""
    p = Path(path)
    try:
        return _check(p, kind)[1]
    except Exception as exc:  # noqa: BLE001 - a checker bug must not hide the other files
        return [Problem(str(p), 0, 0, f"internal error while checking: {exc!r}")]


def _load(path: Path | str, kind: str) -> Any:
    from simulator.content import cache

    kept = cache.get(Path(path), kind)  # a persona or scenario the last run loaded
    if kept is not None:
        return kept
    read = cache.before(Path(path), kind)
    obj, _ = _checked(path, kind)
    cache.put(Path(path), kind, obj, read)
    return obj


def _checked(path: Path | str, kind: str) -> tuple[Any, list[Problem]]:
    """The loaded object and its warnings; a ContentError with every problem if any is
    an error."""
    obj, problems, _ = _check(Path(path), kind)
    if obj is None or any(p.severity == "error" for p in problems):
        raise ContentError(problems or [Problem(str(path), 0, 0, f"cannot load {kind}")])
    return obj, problems


def load_persona(path: Path | str) -> Persona:
    return _load(path, "persona")


def load_scenario(path: Path | str) -> Scenario:
    return _load(path, "scenario")


def load_session(path: Path | str) -> SessionRecord:
    return _load(path, "session")


def load_session_checked(path: Path | str) -> tuple[SessionRecord, list[Problem]]:
    """The record and its warnings (keys it has that are not read), for a command to
    show before it plays the record; errors raise ContentError as ``load_session`` does.
    The command line finds a record it played before in the cache folder."""
    from simulator.content import cache

    return cache.session(Path(path), lambda: _checked(path, "session"))


def load_rubric(path: Path | str) -> Any:
    """A ``scoring.rubric.Rubric``; only the YAML is checked (a dict is returned) while
    that module does not exist."""
    return _load(path, "rubric")
