"""The JSON Schemas: valid draft 2020-12, up to date, and accepting shipped content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from simulator.content.schemas import all_schemas, dumps, schema_for
from simulator.yamlio import read_yaml

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("persona", "scenario", "session", "rubric")


def _errors(kind: str, path: Path) -> list[str]:
    loaded = read_yaml(path, kind=kind)
    assert loaded.ok, loaded.problems
    validator = Draft202012Validator(schema_for(kind))
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(loaded.data)]


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_2020_12(kind):
    schema = schema_for(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] and schema["description"]
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_up_to_date(kind):
    committed = ROOT / "schemas" / f"{kind}.schema.json"
    assert committed.read_text(encoding="utf-8") == dumps(schema_for(kind)), (
        f"regenerate: collectsim schema {kind} > schemas/{kind}.schema.json"
    )
    assert json.loads(committed.read_text()) == all_schemas()[kind]


def test_persona_schema_accepts_the_dollar_schema_key_and_on():
    props = schema_for("persona")["properties"]
    assert "$schema" in props
    transition = schema_for("persona")["$defs"]["Transition"]["properties"]
    assert {"on", "from", "to"} <= set(transition)


def test_shipped_scenarios_validate_against_the_schema():
    files = sorted((ROOT / "scenarios").glob("*.yaml"))
    assert files, "no shipped scenarios"
    for f in files:
        assert _errors("scenario", f) == [], f


def test_shipped_personas_validate_against_the_schema():
    files = sorted((ROOT / "personas").glob("*.yaml"))
    assert files, "no shipped personas"
    for f in files:
        assert _errors("persona", f) == [], f


def test_shipped_rubric_validates_against_the_schema():
    rubric = ROOT / "scoring" / "rubric.yaml"
    if not rubric.exists():
        pytest.skip("no shipped rubric")
    assert _errors("rubric", rubric) == []


def test_fixtures_validate_against_the_schema():
    content = Path(__file__).parent / "fixtures" / "content"
    assert _errors("persona", content / "personas" / "mini.yaml") == []
    assert _errors("scenario", content / "scenarios" / "mini-basic.yaml") == []


def test_schema_rejects_what_the_models_reject():
    validator = Draft202012Validator(schema_for("persona"))
    bad = {"id": "x", "name": "x", "archetype": "x", "summary": "x",
           "states": [{"name": "a"}], "numbers": {"irritaton": 3}}
    assert any("irritaton" in e.message for e in validator.iter_errors(bad))
