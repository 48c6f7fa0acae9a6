"""The command line behaves as others do: usage without a terminal, did-you-mean,
--debug, one version, the app's options in --help, validate for CI, readable output."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import simulator
from simulator import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hardship-good.yaml"


def proc(*argv: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "COLLECTSIM_DEBUG"}
    full.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run([sys.executable, "-m", "simulator", *argv], capture_output=True,
                          text=True, timeout=60, env=full, **kw)


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exc:
        cli.main(list(argv))
    assert exc.value.code == 2
    return capsys.readouterr().err


# -- no terminal, no app ------------------------------------------------------------


def test_bare_collectsim_without_a_terminal_prints_usage_and_exits_2() -> None:
    done = proc(stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stdout == ""  # no escape codes, no app
    assert done.stderr.startswith("usage: collectsim")
    assert "the app needs a terminal" in done.stderr


def test_app_options_alone_without_a_terminal_are_usage_too() -> None:
    done = proc("--trainee", "alex", stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and "needs a terminal" in done.stderr


def test_help_shows_the_app_options_as_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "opening the app" in out
    for option in ("--trainee", "--team", "--theme", "--mode", "--no-resume", "--debug"):
        assert option in out


# -- did you mean -------------------------------------------------------------------


def test_a_mistyped_command_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "plya", "x.yaml")
    assert "unknown command 'plya' (did you mean 'play'?" in err
    assert "choose from" not in err  # not the whole list


def test_a_short_prefix_suggests_each_command_it_could_be(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "scor")
    assert "did you mean 'score' or 'scores'?" in err


def test_a_mistyped_option_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "play", str(EXAMPLE), "--jsno")
    assert "collectsim play: error: unrecognized arguments: --jsno (did you mean --json?)" in err


def test_a_mistyped_choice_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "graph", "hardship-basic", "--format", "dto")
    assert "did you mean 'dot'?" in err


def test_a_global_option_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--debug", "schema", "rubric"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "collectsim rubric"


# -- --debug ------------------------------------------------------------------------


def test_a_users_mistake_is_one_line_and_debug_shows_the_traceback() -> None:
    plain = proc("play", "nowhere.yaml")
    assert plain.returncode == 1
    assert plain.stderr == "collectsim: error: nowhere.yaml: no such file\n"
    for argv, env in ((["--debug", "play", "nowhere.yaml"], None),
                      (["play", "nowhere.yaml", "--debug"], None),
                      (["play", "nowhere.yaml"], {"COLLECTSIM_DEBUG": "1"})):
        debug = proc(*argv, env=env)
        assert debug.returncode == 1
        assert "Traceback (most recent call last)" in debug.stderr
        assert debug.stderr.rstrip().endswith("collectsim: error: nowhere.yaml: no such file")


def test_a_bug_is_one_line_that_points_at_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.commands import schema

    def broken(_args: object) -> int:
        raise RuntimeError("wires crossed")

    monkeypatch.setattr(schema, "run", broken)
    monkeypatch.delenv("COLLECTSIM_DEBUG", raising=False)
    assert cli.main(["schema"]) == 1
    err = capsys.readouterr().err
    assert err == ("collectsim: internal error: RuntimeError: wires crossed; "
                   "run again with --debug (or COLLECTSIM_DEBUG=1) to see where\n")
    monkeypatch.setenv("COLLECTSIM_DEBUG", "1")
    assert cli.main(["schema"]) == 1
    assert "Traceback" in capsys.readouterr().err


# -- one version --------------------------------------------------------------------


def test_one_version_source(capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in text and "\nversion =" not in text
    assert importlib.metadata.version("collectsim") == simulator.__version__
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out == f"collectsim {simulator.__version__}\n"


# -- human output -------------------------------------------------------------------


def test_try_coach_line_reads_like_the_transcript() -> None:
    from simulator.commands.try_ import coach_line

    line = coach_line({"state": "discovery", "mood": "guarded", "trust": 42.0, "irritation": 12.5})
    assert line.strip() == "coach: state discovery | mood guarded | trust 42 | irritation 12.5"


def test_compare_names_the_missing_first_and_fails_when_nobody_has_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    assert cli.main(["play", str(EXAMPLE), "--save", "--db", db]) == 0
    capsys.readouterr()
    assert cli.main(["compare", "newbie", "nobody", "--db", db]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == ("collectsim: error: no stored sessions for newbie or nobody "
                           "(`collectsim scores` lists what is stored)")
    assert cli.main(["compare", "nobody", "alex", "--db", db]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("collectsim: note: no stored sessions for nobody; comparing the others")
    assert "alex" in out and "nobody" not in out
    assert cli.main(["compare", "nobody", "alex", "--db", db, "--json"]) == 0
    assert [s["trainee"] for s in json.loads(capsys.readouterr().out)] == ["nobody", "alex"]


# -- validate for CI ----------------------------------------------------------------

BROKEN = ROOT / "tests" / "fixtures" / "broken" / "personas"


def test_validate_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    bad = BROKEN / "unknown_key.yaml"
    assert cli.main(["validate", "--format", "github", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"::error file={bad},line=7,col=3,title=collectsim validate::"
        "unknown key 'irritaton' in numbers (did you mean 'irritation'?)"
    ]


def test_validate_github_escapes_what_would_break_a_command() -> None:
    from simulator.commands.validate import _github
    from simulator.diagnostics import Problem

    line = _github(Problem("a,b:c.yaml", 2, 0, "50% off\nnext", "warning"))
    assert line == "::warning file=a%2Cb%3Ac.yaml,line=2,col=1,title=collectsim validate::50%25 off%0Anext"


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", "--format", "json", str(BROKEN / "unknown_key.yaml"),
                     str(ROOT / "personas")]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == 1 and data["files"] > 1
    assert data["problems"][0] == {
        "file": str(BROKEN / "unknown_key.yaml"), "line": 7, "col": 3, "severity": "error",
        "message": "unknown key 'irritaton' in numbers (did you mean 'irritation'?)",
    }
