"""Shell completion: every command, option and choice the parser knows is in the
scripts for bash, zsh and fish, and each script is valid for its shell."""

from __future__ import annotations

import argparse
import shutil
import subprocess

import pytest

from simulator import cli
from simulator.completion import SHELLS, actions, script


def documented() -> tuple[set[str], set[str], set[str]]:
    """(commands, options, choices) from the full parser: what --help documents."""
    parser = cli.build_parser(cli.ALL)
    commands = set(cli.COMMANDS)
    options: set[str] = set()
    choices: set[str] = set()
    for action in actions(parser):
        if action.help == argparse.SUPPRESS:
            continue  # not documented (serve's --served): not offered either
        options.update(action.option_strings)
        if action.choices and not isinstance(action, argparse._SubParsersAction):
            choices.update(str(c) for c in action.choices)
    return commands, options, choices


@pytest.fixture(scope="module", params=SHELLS)
def generated(request: pytest.FixtureRequest) -> tuple[str, str]:
    return request.param, script(request.param)


def test_every_command_option_and_choice_is_in_the_script(generated: tuple[str, str]) -> None:
    shell, text = generated
    commands, options, choices = documented()
    assert {"play", "analyze", "score", "validate", "completion", "config"} <= commands
    assert {"--json", "--jsonl", "--csv", "--format", "--db", "--debug", "--trainee"} <= options
    assert {"bash", "zsh", "fish", "github", "mermaid", "persona", "assessment"} <= choices
    for word in sorted(commands | choices):
        assert word in text, f"{shell}: {word} missing"
    for option in sorted(options):
        # fish lists long options without their dashes (-l json), the others as typed
        plain = option.lstrip("-")
        assert option in text or (shell == "fish" and plain in text), f"{shell}: {option} missing"


def test_design_command_line_is_covered() -> None:
    """The contract's commands and options (DESIGN.md section 9) are all documented."""
    commands, options, choices = documented()
    assert {"play", "analyze", "score", "validate", "graph", "new", "schema"} <= commands
    assert {"--json", "--jsonl", "--csv", "--format"} <= options
    assert {"mermaid", "dot", "persona", "scenario", "session", "rubric"} <= choices


def test_scenario_ids_complete(generated: tuple[str, str]) -> None:
    _, text = generated
    for scenario in ("hardship-basic", "cooperative-basic", "third-party"):
        assert scenario in text


@pytest.mark.parametrize("shell", SHELLS)
def test_the_script_is_valid_for_its_shell(shell: str, tmp_path) -> None:
    exe = shutil.which(shell)
    if exe is None:
        pytest.skip(f"{shell} is not installed here")
    path = tmp_path / f"collectsim.{shell}"
    path.write_text(script(shell), encoding="utf-8")
    done = subprocess.run([exe, "-n", str(path)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


def test_bash_completes_a_command_and_an_option(tmp_path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed here")
    path = tmp_path / "c.bash"
    path.write_text(script("bash"), encoding="utf-8")
    probe = f"""
source {path}
comp() {{ COMP_WORDS=("$@"); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); COMP_LINE="$*";
  COMP_POINT=${{#COMP_LINE}}; COMPREPLY=(); _shtab_collectsim; echo "${{COMPREPLY[*]}}"; }}
comp collectsim pl
comp collectsim play --js
comp collectsim validate --format g
comp collectsim try hardship
"""
    done = subprocess.run([bash, "-c", probe], capture_output=True, text=True, timeout=30)
    assert done.stdout.splitlines() == ["play", "--json", "github", "hardship-basic"], done.stderr


def test_completion_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["completion", "fish"]) == 0
    assert "complete -c collectsim" in capsys.readouterr().out
