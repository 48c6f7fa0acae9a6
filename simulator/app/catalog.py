"""What Home lists about each scenario, read without building the content models.

Home needs a few fields per scenario (title, persona, difficulty, local time); the
full models (pydantic, the state machine's checks) take most of the app's start-up.
So the list is read from the YAML with the project's safe loader (bounded, no tags)
and the full, validated load waits for the scenario the trainee starts. A file that
does not have what Home needs is left out, as a broken one always was; `collectsim
validate` names its problems.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.paths import personas_dir, scenarios_dir


@dataclass(frozen=True)
class ScenarioInfo:
    """What Home and Preparation show about a scenario before a Session exists."""

    id: str
    title: str
    description: str
    difficulty: str
    archetype: str
    persona_name: str
    summary: str
    local_time: str
    timezone: str
    objective_hint: str
    seed: int


#: Home lists the everyday negotiation calls first, then the calls built around one
#: compliance trap (bankruptcy, a deceased debtor, a servicemember...), each group in
#: file order: a new trainee meets the basics first, and a trap scenario added later never
#: moves them down the list.
NEGOTIATION_ARCHETYPES = frozenset({"cooperative", "hardship", "resistant", "hostile", "third_party",
                                    "dispute"})


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def _parse(path: Path, raw: bytes) -> dict[str, Any] | None:
    from simulator.yamlio import load_yaml

    loaded = load_yaml(raw, str(path))
    if not loaded.ok or loaded.problems or not isinstance(loaded.data, dict):
        return None
    return loaded.data


class _Files:
    """Each file's data as the safe loader gives it, or None for a file that has problems.

    Parsing the personas and scenarios is most of what Home costs before it is drawn, so
    the data (plain values only) is kept in the cache folder with each file's exact bytes
    and reused only while the file is byte for byte the same."""

    NAME = "catalog.marshal"

    def __init__(self) -> None:
        from simulator import cachefile

        blob = cachefile.read(self.NAME)
        try:
            kept = marshal.loads(blob) if blob else {}
        except (ValueError, EOFError, TypeError):
            kept = {}
        self.kept: dict[str, tuple[bytes, dict[str, Any] | None]] = \
            kept if isinstance(kept, dict) else {}
        self.used: dict[str, tuple[bytes, dict[str, Any] | None]] = {}

    #: Read no more than this (the loader refuses anything past its own, smaller limit).
    READ_LIMIT = 4 * 1024 * 1024

    def read(self, path: Path) -> dict[str, Any] | None:
        try:
            with path.open("rb") as fh:
                raw = fh.read(self.READ_LIMIT + 1)
        except OSError:
            return None
        key = str(path)
        entry = self.kept.get(key)
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == raw):
            entry = (raw, _parse(path, raw) if len(raw) <= self.READ_LIMIT else None)
        self.used[key] = entry
        return entry[1]

    def save(self) -> None:
        """Keep the files this read used (a file gone or renamed drops out)."""
        if self.used == self.kept:
            return
        from simulator import cachefile

        try:
            blob = marshal.dumps(self.used)
        except ValueError:  # a value marshal cannot hold: nothing is cached
            return
        cachefile.write(self.NAME, blob)


def _text(data: dict[str, Any], key: str, default: str = "") -> str:
    value = data.get(key, default)
    return value.strip() if isinstance(value, str) else default


def _persona_file(ref: str, scenario: Path, personas: list[Path],
                  by_id: dict[str, Path]) -> Path | None:
    """The persona a scenario names, found as the content library finds it."""
    base = scenario.parent
    candidates = [base / ref, base / f"{ref}.yaml", base.parent / "personas" / f"{ref}.yaml"]
    candidates += [d / f"{ref}.yaml" for d in {p.parent for p in personas}]
    for c in candidates:
        if c.is_file() and c.resolve() != scenario.resolve():
            return c.resolve()
    return by_id.get(ref)


def load_catalog(scenario_dir: Path | None = None,
                 persona_dir: Path | None = None) -> list[ScenarioInfo]:
    """The scenarios with their personas: the negotiation calls, then the trap calls, each
    in file order (see NEGOTIATION_ARCHETYPES)."""
    personas = _yaml_files(persona_dir or personas_dir())
    persona_data: dict[Path, dict[str, Any] | None] = {}
    files = _Files()
    _read = files.read

    def persona(path: Path) -> dict[str, Any] | None:
        if path not in persona_data:
            persona_data[path] = _read(path)
        return persona_data[path]

    by_id: dict[str, Path] = {}
    out: list[ScenarioInfo] = []
    for path in _yaml_files(scenario_dir or scenarios_dir()):
        scn = _read(path)
        if scn is None or not _text(scn, "id") or not isinstance(scn.get("persona"), str):
            continue
        ref = scn["persona"]
        found = _persona_file(ref, path, personas, by_id)
        if found is None:  # by the id inside the file: read them all once
            for p in personas:
                data = persona(p)
                if data is not None and isinstance(data.get("id"), str):
                    by_id.setdefault(data["id"], p.resolve())
            found = by_id.get(ref)
        pers = persona(found) if found is not None else None
        call = scn.get("call") if isinstance(scn.get("call"), dict) else {}
        if pers is None or not _text(pers, "name"):
            continue
        seed = scn.get("seed")
        out.append(ScenarioInfo(
            id=_text(scn, "id"),
            title=_text(scn, "title") or _text(scn, "id"),
            description=_text(scn, "description"),
            difficulty=_text(scn, "difficulty") or _text(pers, "difficulty"),
            archetype=_text(pers, "archetype"),
            persona_name=_text(pers, "name"),
            summary=_text(pers, "summary"),
            local_time=str(call.get("local_time") or ""),
            timezone=str(call.get("timezone") or ""),
            objective_hint=_text(scn, "objective_hint"),
            seed=seed if isinstance(seed, int) and not isinstance(seed, bool) else 0,
        ))
    out.sort(key=lambda s: s.archetype not in NEGOTIATION_ARCHETYPES)  # stable: file order within
    files.save()
    return out
