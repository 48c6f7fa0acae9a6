"""The rubric: the shipped default and how rubric files are loaded.

The model itself (``Rubric``, ``CheckSpec``, ``Thresholds``, the check and rule ids) is
content and lives in ``simulator.content.rubric``, so that the content loader and linter
need not import the scorer; it is re-exported here, where the scorer's callers expect it.
A trainer tunes weights, points, thresholds and wording in YAML without code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from simulator.content.dimensions import DIMENSIONS
from simulator.content.rubric import (
    CHECK_IDS,
    RULE_IDS,
    CheckSpec,
    ComplianceRule,
    Dimension,
    Dimensions,
    Rubric,
    RubricError,
    Thresholds,
    parse_rubric,
)

__all__ = [
    "CHECK_IDS", "RULE_IDS", "DIMENSIONS", "DEFAULT_RUBRIC_PATH", "CheckSpec", "ComplianceRule", "Dimension",
    "Dimensions", "Rubric", "RubricError", "Thresholds", "parse_rubric", "load_rubric_file",
    "load_default_rubric",
]

DEFAULT_RUBRIC_PATH = Path(__file__).resolve().parent / "rubric.yaml"


def load_rubric_file(path: str | Path) -> Rubric:
    """Load a rubric YAML (or JSON) file. Prefers the content loader (line-numbered
    problems) when it exists; falls back to ``yaml.safe_load``."""
    path = Path(path)
    try:
        from simulator.content.loader import load_rubric  # type: ignore[attr-defined]
    except ImportError:
        load_rubric = None
    if load_rubric is not None:
        return load_rubric(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RubricError(f"{path}: cannot read ({exc.strerror})") from None
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RubricError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    return parse_rubric(data, str(path))


@lru_cache(maxsize=1)
def load_default_rubric() -> Rubric:
    """The shipped rubric, parsed once per process (its YAML once per machine)."""
    from simulator.cachefile import shipped_yaml
    from simulator.content import cache

    def build() -> Rubric:
        rubric = parse_rubric(shipped_yaml(DEFAULT_RUBRIC_PATH), str(DEFAULT_RUBRIC_PATH))
        rubric.content_hash()  # kept with it: the hash needs pydantic's serializer
        return rubric

    # Validating it builds pydantic's validators for every rubric class (a tenth of a
    # replay); the command line keeps the validated rubric in the cache folder.
    return cache.derived("rubric", DEFAULT_RUBRIC_PATH.read_text(encoding="utf-8"), build)
