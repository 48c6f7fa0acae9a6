"""The command line: one dispatcher over small command modules.

Each command lives in ``simulator/commands/<name>.py`` with ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``. Those modules import only
``argparse`` at the top; anything heavy is imported inside ``run`` so that
``collectsim --help`` and the app start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from simulator import __version__

#: Subcommand -> (module under simulator.commands, one-line help). Order is --help order.
#: Only the chosen command's module is imported, so start-up stays fast.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("play", "replay a session record headless: transcript and scorecard"),
    "try": ("try_", "talk to a scenario's persona at a plain prompt"),
    "analyze": ("analyze", "what the analyser finds in a line: moves, entities, tone"),
    "score": ("score", "score session records and recorded call transcripts"),
    "verify": ("verify", "re-score a scorecard's embedded session and compare"),
    "validate": ("validate", "check personas, scenarios and rubrics"),
    "check": ("check", "run the scripted checks that scenarios carry"),
    "graph": ("graph", "the call's state graph (Mermaid or dot)"),
    "new": ("new", "print a commented starting persona or scenario"),
    "schema": ("schema", "JSON Schema of personas, scenarios, sessions, rubrics"),
    "scores": ("scores", "list stored scorecards"),
    "compare": ("compare", "compare trainees dimension by dimension"),
    "leaderboard": ("leaderboard", "rank trainees by overall or a dimension"),
    "export": ("export", "export stored scorecards as CSV or JSON"),
    "import": ("import_", "import scorecards from files"),
    "serve": ("serve", "serve the app to web browsers, one app per tab (the web extra)"),
}


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``selected``'s module is imported to add its arguments."""
    parser = argparse.ArgumentParser(
        prog="collectsim",
        description="Practise debt-collection calls against scripted debtors. "
        "With no command, opens the app.",
        epilog="The app: collectsim [--trainee NAME] [--no-resume]. "
        "Each command has its own --help.",
    )
    parser.add_argument("--version", action="version", version=f"collectsim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if name != selected:
            sub.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(f"simulator.commands.{module_name}")
        p = sub.add_parser(name, help=help_text, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def _open_app(argv: list[str]) -> int:
    from simulator.app.main import run_app

    return run_app(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("--") and argv[0] not in ("--help", "--version")):
        return _exit(lambda: _open_app(argv))
    parser = build_parser(argv[0] if argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    return _exit(lambda: args._run(args))


def _exit(fn) -> int:  # noqa: ANN001
    """Run a command; turn users' mistakes into one line and a non-zero exit code."""
    from simulator.diagnostics import ContentError, UserError

    try:
        code = fn()
    except UserError as exc:
        print(f"collectsim: error: {exc}", file=sys.stderr)
        return 1
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
