"""Find shipped and user content by id or path.

A scenario names its persona by id (looked up among the shipped personas and the
personas next to the scenario file) or by a path relative to the scenario file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from simulator.content.loader import load_persona, load_scenario
from simulator.content.models import Persona, Scenario
from simulator.diagnostics import UserError
from simulator.paths import personas_dir, scenarios_dir


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


@dataclass
class Library:
    """Shipped content plus any extra folders; loads lazily and caches by path."""

    persona_dirs: list[Path] = field(default_factory=lambda: [personas_dir()])
    scenario_dirs: list[Path] = field(default_factory=lambda: [scenarios_dir()])
    _personas: dict[Path, Persona] = field(default_factory=dict, repr=False)
    _scenarios: dict[Path, Scenario] = field(default_factory=dict, repr=False)

    @classmethod
    def default(cls) -> Library:
        return cls()

    # ---- scenarios
    def scenario_paths(self) -> list[Path]:
        return [p for d in self.scenario_dirs for p in _yaml_files(d)]

    def scenarios(self) -> list[Scenario]:
        return [self.load_scenario_file(p) for p in self.scenario_paths()]

    def load_scenario_file(self, path: Path) -> Scenario:
        path = path.resolve()
        if path not in self._scenarios:
            self._scenarios[path] = load_scenario(path)
        return self._scenarios[path]

    def scenario_path(self, ref: str | Path) -> Path:
        """A scenario id or a path to a scenario file -> the file."""
        p = Path(ref)
        if p.suffix in (".yaml", ".yml", ".json") or p.is_file():
            if not p.is_file():
                raise UserError(f"{ref}: no such scenario file")
            return p.resolve()
        for path in self.scenario_paths():
            if path.stem == str(ref):
                return path.resolve()
        for path in self.scenario_paths():
            if self.load_scenario_file(path).id == str(ref):
                return path.resolve()
        known = ", ".join(sorted(p.stem for p in self.scenario_paths()))
        raise UserError(f"unknown scenario '{ref}' (shipped: {known})")

    def scenario(self, ref: str | Path) -> Scenario:
        return self.load_scenario_file(self.scenario_path(ref))

    # ---- personas
    def persona_paths(self) -> list[Path]:
        return [p for d in self.persona_dirs for p in _yaml_files(d)]

    def load_persona_file(self, path: Path) -> Persona:
        path = path.resolve()
        if path not in self._personas:
            self._personas[path] = load_persona(path)
        return self._personas[path]

    def persona_path(self, ref: str, relative_to: Path | None = None) -> Path | None:
        """A persona id or relative path -> the file, or None when it does not exist."""
        candidates: list[Path] = []
        if relative_to is not None:
            base = relative_to.parent
            candidates += [base / ref, base / f"{ref}.yaml", base.parent / "personas" / f"{ref}.yaml"]
        candidates += [d / f"{ref}.yaml" for d in self.persona_dirs]
        own = relative_to.resolve() if relative_to is not None else None
        for c in candidates:
            # A scenario may share its persona's name (third-party.yaml in both folders).
            if c.is_file() and c.resolve() != own:
                return c.resolve()
        for path in self.persona_paths():
            if self.load_persona_file(path).id == ref:
                return path.resolve()
        return None

    def persona_for(self, scenario: Scenario, scenario_path: Path | None = None) -> Persona:
        path = self.persona_path(scenario.persona, scenario_path)
        if path is None:
            raise UserError(f"scenario '{scenario.id}' names persona '{scenario.persona}', which does not exist")
        return self.load_persona_file(path)


def scenario_persona(lib: Library, ref: str, scenario_path: Path | None) -> Path | None:
    """The persona file a scenario names, as the library finds it; a scenario and its
    persona may share a name (scenarios/x.yaml, personas/x.yaml), and a scenario is
    never its own persona. (Here rather than in the scenario lint that uses it, so the
    content cache can check a kept scenario's persona without importing the lint.)"""
    found = lib.persona_path(ref, scenario_path)
    if found is not None and scenario_path is not None and found == scenario_path:
        alt = scenario_path.parent.parent / "personas" / f"{ref}.yaml"
        found = alt.resolve() if alt.is_file() else lib.persona_path(ref, None)
    return found
