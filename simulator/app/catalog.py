"""What Home lists about each scenario, read without building the content models.

Home needs a few fields per scenario (title, persona, difficulty, local time); the
full models (pydantic, the state machine's checks) take most of the app's start-up.
So the list is read from the YAML with the project's safe loader (bounded, no tags)
and the full, validated load waits for the scenario the trainee starts. A file that
does not have what Home needs is left out, as a broken one always was; `collectsim
validate` names its problems.
"""

from __future__ import annotations

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


def _read(path: Path) -> dict[str, Any] | None:
    from simulator.yamlio import read_yaml

    loaded = read_yaml(path)
    if not loaded.ok or loaded.problems or not isinstance(loaded.data, dict):
        return None
    return loaded.data


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
    return out
