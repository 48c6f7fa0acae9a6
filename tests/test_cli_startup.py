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
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""

HEAVY = {"faker", "sqlalchemy", "textual", "psycopg"}


def loaded(*argv: str, home: Path) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLLECTSIM_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] in (0, None), result
    return set(result["modules"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "also_absent"),
    [
        (["--help"], {"pydantic", "yaml", "rich", "scoring", "transitions", "difflib"}),
        (["analyze", "Could you manage $75 a month?"], {"pydantic", "rich", "scoring", "transitions"}),
        (["analyze", "--json", "I'm sorry to hear that."], {"pydantic", "rich", "scoring"}),
        (["play", "--json", str(EXAMPLE)], {"rich"}),
        (["play", str(EXAMPLE)], set()),
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
