"""Shell completion scripts, generated from the command line's own parser with ``shtab``,
so every command, option and choice is in them and they never fall behind the code.

Paths complete as files or folders by their metavar; ``SCENARIO`` completes the shipped
scenario ids (listed when the script is generated).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

SHELLS = ("bash", "zsh", "fish")
FILE_METAVARS = frozenset({"RECORD", "PATH", "FILE", "SCORECARD"})
DIR_METAVARS = frozenset({"DIR"})


def script(shell: str) -> str:
    """The completion script for ``shell`` (bash, zsh or fish)."""
    import shtab

    from simulator.cli import ALL, build_parser

    parser = build_parser(ALL)
    ids = _scenario_ids()
    scenarios = shtab.cmd("printf '%s\\n' " + " ".join(ids)) if ids else None
    for action in actions(parser):
        metavar = action.metavar if isinstance(action.metavar, str) else None
        if metavar in FILE_METAVARS:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif metavar in DIR_METAVARS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif metavar == "SCENARIO" and scenarios is not None:
            action.complete = scenarios  # type: ignore[attr-defined]
    return shtab.complete(parser, shell=shell)


def actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every action of the parser and of its subcommands' parsers."""
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from actions(sub)


def _scenario_ids() -> list[str]:
    from simulator.paths import scenarios_dir

    folder = scenarios_dir()
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml"))
