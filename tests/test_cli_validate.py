"""collectsim validate / schema / new, through the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken"

#: Runs one command module through the dispatcher's error handling, for as long as
#: some other command module of the full CLI is still missing.
_FALLBACK = """\
import argparse, importlib, sys
from simulator import cli
name = sys.argv[1]
mod = importlib.import_module("simulator.commands." + name)
p = argparse.ArgumentParser(prog="collectsim " + name)
mod.add_arguments(p)
args = p.parse_args(sys.argv[2:])
sys.exit(cli._exit(lambda: mod.run(args)))
"""


@cache
def _full_cli() -> bool:
    """True once every command module the dispatcher lists exists."""
    from simulator import cli

    try:
        cli.build_parser()
    except ImportError:
        return False
    return True


def run_cli(*argv: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``collectsim ARGV`` as a process."""
    if _full_cli():
        cmd = [sys.executable, "-m", "simulator", *argv]
    else:
        cmd = [sys.executable, "-c", _FALLBACK, *argv]
    env_path = str(ROOT)
    import os

    env = dict(os.environ, PYTHONPATH=env_path + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60, env=env)


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``collectsim ARGV`` in-process: (exit code, stdout, stderr)."""
    from simulator import cli

    if _full_cli():
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
    else:
        import argparse
        import importlib

        mod = importlib.import_module(f"simulator.commands.{argv[0]}")
        parser = argparse.ArgumentParser(prog=f"collectsim {argv[0]}")
        mod.add_arguments(parser)
        try:
            args = parser.parse_args(list(argv[1:]))
            code = cli._exit(lambda: mod.run(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- validate


def test_validate_clean_fixtures(capsys):
    code, out, err = call(capsys, "validate", str(FIXTURES / "content"))
    assert (code, out) == (0, "")
    assert err.strip() == "checked 2 files: 0 problems"


@pytest.mark.parametrize(
    "name",
    sorted(p.relative_to(BROKEN).as_posix() for p in BROKEN.rglob("*.yaml")
           if "check_unknown_event" not in p.name and "final_with_exit" not in p.name
           and "unquoted_time" not in p.name),
)
def test_validate_broken_exits_1_with_positions(capsys, name):
    code, out, err = call(capsys, "validate", str(BROKEN / name))
    assert code == 1, out + err
    assert "Traceback" not in out + err
    first = out.splitlines()[0]
    assert re.match(rf"^{re.escape(str(BROKEN / name))}:\d+:\d+: \S", first), first
    assert err.startswith("checked 1 file: ")


def test_warnings_alone_exit_0_unless_strict(capsys):
    path = str(BROKEN / "personas" / "final_with_exit.yaml")
    code, out, err = call(capsys, "validate", path)
    assert code == 0
    assert ":40:5: warning: transitions[3].from: final state 'ended'" in out
    assert "1 problem (0 errors, 1 warning)" in err
    code, _, _ = call(capsys, "validate", "--strict", path)
    assert code == 1


def test_validate_folder_reports_every_file(capsys):
    code, out, err = call(capsys, "validate", str(BROKEN))
    assert code == 1
    n = len([p for p in BROKEN.rglob("*") if p.suffix in (".yaml", ".json")])
    assert err.startswith(f"checked {n} files: ")
    reported = {line.split(":")[0] for line in out.splitlines()}
    assert len(reported) >= n - 2  # all but the clean ones


def test_validate_without_path_is_usage_error(capsys):
    code, out, err = call(capsys, "validate")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1


def test_validate_missing_path_is_usage_error(capsys, tmp_path):
    code, out, err = call(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 2 and out == ""
    assert err.strip() == f"collectsim validate: error: no such file or folder: {tmp_path / 'nope.yaml'}"


def test_validate_as_a_process_no_traceback():
    proc = run_cli("validate", str(BROKEN / "personas" / "python_tag.yaml"),
                   str(BROKEN / "personas" / "billion_laughs.yaml"),
                   str(BROKEN / "personas" / "not_utf8.yaml"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{BROKEN / 'personas' / 'python_tag.yaml'}:4:10: unknown tag" in proc.stdout
    assert "checked 3 files: 3 problems" in proc.stderr


def test_validate_shipped_content_is_clean():
    assert list((ROOT / "personas").glob("*.yaml")), "no shipped personas yet"
    assert list((ROOT / "scenarios").glob("*.yaml")), "no shipped scenarios yet"
    proc = run_cli("validate", "personas", "scenarios")
    assert proc.stdout == ""
    assert proc.returncode == 0, proc.stderr


def test_validate_shipped_rubric():
    rubric = ROOT / "scoring" / "rubric.yaml"
    if not rubric.exists():
        pytest.skip("no shipped rubric")
    from simulator.content.loader import check_file

    assert check_file(rubric) == []


# --------------------------------------------------------------------------- new


@pytest.mark.parametrize("kind", ["persona", "scenario"])
def test_new_then_validate(capsys, tmp_path, kind):
    code, out, err = call(capsys, "new", kind, "x")
    assert code == 0, err
    assert out.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    target = tmp_path / "x.yaml"
    target.write_text(out)
    code, out, err = call(capsys, "validate", "--strict", str(target))
    assert (code, out) == (0, ""), out + err


def test_new_scenario_with_own_persona(capsys, tmp_path):
    (tmp_path / "personas").mkdir()
    (tmp_path / "scenarios").mkdir()
    assert call(capsys, "new", "persona", "maria-2", "-o",
                str(tmp_path / "personas" / "maria-2.yaml"))[0] == 0
    assert call(capsys, "new", "scenario", "maria-2-basic", "--persona", "maria-2", "-o",
                str(tmp_path / "scenarios" / "maria-2-basic.yaml"))[0] == 0
    code, out, err = call(capsys, "validate", str(tmp_path))
    assert (code, out) == (0, ""), out + err
    assert "checked 2 files: 0 problems" in err
    # the schema comment points at the repository's schemas from where the file is
    first = (tmp_path / "personas" / "maria-2.yaml").read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert first.endswith("schemas/persona.schema.json")


def test_new_refuses_to_overwrite(capsys, tmp_path):
    target = tmp_path / "p.yaml"
    target.write_text("keep me")
    code, _, err = call(capsys, "new", "persona", "p", "-o", str(target))
    assert code == 2 and "exists" in err
    assert target.read_text() == "keep me"


@pytest.mark.parametrize("name", ["Maria", "has space", "_x", "é", "a/b"])
def test_new_bad_name(capsys, name):
    code, out, err = call(capsys, "new", "persona", name)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "not a valid id" in err


def test_new_as_a_process(tmp_path):
    proc = run_cli("new", "persona", "x")
    assert proc.returncode == 0
    (tmp_path / "x.yaml").write_text(proc.stdout)
    check = run_cli("validate", str(tmp_path / "x.yaml"))
    assert check.returncode == 0, check.stdout + check.stderr


# --------------------------------------------------------------------------- schema


@pytest.mark.parametrize("kind", ["persona", "scenario", "session", "rubric"])
def test_schema_command_prints_one_kind(capsys, kind):
    code, out, _ = call(capsys, "schema", kind)
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert out == (ROOT / "schemas" / f"{kind}.schema.json").read_text(), (
        f"schemas/{kind}.schema.json is stale: "
        f"collectsim schema {kind} > schemas/{kind}.schema.json"
    )


def test_schema_command_prints_all_kinds(capsys):
    code, out, _ = call(capsys, "schema")
    assert code == 0
    assert set(json.loads(out)) == {"persona", "scenario", "session", "rubric"}


def test_schema_command_bad_kind(capsys):
    code, _, err = call(capsys, "schema", "personna")
    assert code == 2 and "invalid choice" in err
