"""Start-up: each command loads only what it needs. The store (SQLAlchemy), Faker and
Textual stay out of `play`, `score`, `analyze` and `--help` (speed itself is measured
in bench/bench_startup.py, never asserted here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hardship-good.yaml"

PROBE = """
import contextlib, io, json, sys
from simulator.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
rx = sys.modules.get("simulator.rxcache")
kept = sys.modules.get("simulator.content.cache")
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules}),
                  "compiled": rx.misses if rx else 0,
                  "content": [kept.hits, kept.misses] if kept else None}))
"""

HEAVY = {"faker", "sqlalchemy", "textual", "psycopg"}


def probe(*argv: str, home: Path) -> dict:
    """Run a command in a new process: its exit code, the top-level modules it imported,
    how many regexes it had to compile (not found in the cache folder), and the personas
    and scenarios it found kept there and not."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLLECTSIM_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] in (0, None), result
    return result


def loaded(*argv: str, home: Path) -> set[str]:
    return set(probe(*argv, home=home)["modules"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "also_absent"),
    [
        (["--help"], {"pydantic", "yaml", "rich", "scoring", "transitions", "difflib"}),
        # hashlib: the model's hash is for scorecards, not for an analysis
        (["analyze", "Could you manage $75 a month?"],
         {"pydantic", "rich", "scoring", "transitions", "hashlib"}),
        (["analyze", "--json", "I'm sorry to hear that."], {"pydantic", "rich", "scoring", "hashlib"}),
        # email: only pydantic's plugin search (importlib.metadata) needs it; it is off
        (["play", "--json", str(EXAMPLE)], {"rich", "email"}),
        (["play", str(EXAMPLE)], {"email"}),
        (["score", "--json", str(EXAMPLE)], {"rich"}),
        (["score", str(EXAMPLE), str(ROOT / "examples" / "recorded-call.txt")], set()),
        (["validate", str(ROOT / "personas")], {"rich"}),
        (["schema", "session"], {"rich", "transitions"}),
        (["config"], {"pydantic", "yaml", "rich", "scoring"}),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_a_command_loads_nothing_it_does_not_need(argv: list[str], also_absent: set[str],
                                                   tmp_path: Path) -> None:
    modules = loaded(*argv, home=tmp_path)
    assert not modules & (HEAVY | also_absent), sorted(modules & (HEAVY | also_absent))


@pytest.mark.slow
def test_a_record_without_its_account_is_the_one_play_that_needs_faker(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    del data["account"]
    bare = tmp_path / "bare.yaml"
    bare.write_text(yaml.safe_dump(data), encoding="utf-8")
    modules = loaded("play", "--json", str(bare), home=tmp_path)
    assert "faker" in modules
    assert not modules & {"sqlalchemy", "textual"}


@pytest.mark.slow
def test_a_second_analyze_reads_its_patterns_and_cues_from_the_cache(tmp_path: Path) -> None:
    """The first run compiles the analyser's regexes and parses its YAML and keeps both in
    the cache folder; the next run compiles none and does not even import the YAML parser."""
    line = "I'm so sorry to hear that. Could you manage $75 a month starting December 1st?"
    first = probe("analyze", "--json", line, home=tmp_path)
    assert first["compiled"] > 0 and "yaml" in first["modules"]
    assert (tmp_path / "cache").is_dir()
    second = probe("analyze", "--json", line, home=tmp_path)
    assert second["compiled"] == 0
    assert "yaml" not in second["modules"]


@pytest.mark.slow
def test_a_second_play_compiles_no_pattern(tmp_path: Path) -> None:
    """Replaying and scoring a record (analyser, engine, scorer, content checks) finds
    every pattern it needs in the cache after one run."""
    probe("play", "--json", str(EXAMPLE), home=tmp_path)
    assert probe("play", "--json", str(EXAMPLE), home=tmp_path)["compiled"] == 0


@pytest.mark.slow
def test_a_second_play_finds_its_scenario_and_persona_loaded(tmp_path: Path) -> None:
    """Parsed, validated and linted once: the next play reads both from the cache folder."""
    assert probe("play", "--json", str(EXAMPLE), home=tmp_path)["content"] == [0, 2]
    assert probe("play", "--json", str(EXAMPLE), home=tmp_path)["content"] == [2, 0]


@pytest.mark.slow
@pytest.mark.parametrize("json_out", [False, True])
def test_a_second_play_does_not_import_the_yaml_parser(tmp_path: Path, json_out: bool) -> None:
    """The record, its scenario and persona, the rubric and the analyser's data all come
    from the cache folder after one run: the YAML parser is not even imported."""
    argv = ["play", *(["--json"] if json_out else []), str(EXAMPLE)]
    assert "yaml" in probe(*argv, home=tmp_path)["modules"]
    assert "yaml" not in probe(*argv, home=tmp_path)["modules"]


def test_pydantic_still_works_when_its_plugin_search_is_off() -> None:
    """The stand-in for pydantic's plugin loader reports no plugin and hands anything
    else over to the real module (in a new process: the switch is process-wide)."""
    code = (
        "import sys\n"
        "from simulator import cli\n"
        "cli._no_pydantic_plugins()\n"
        "from simulator.content.models import SessionRecord\n"
        "assert SessionRecord.model_validate({'scenario': 'x'}).scenario == 'x'\n"
        "assert 'importlib.metadata' not in sys.modules\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "assert get_plugins() == ()\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
        "assert PYDANTIC_ENTRY_POINT_GROUP == 'pydantic'\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
