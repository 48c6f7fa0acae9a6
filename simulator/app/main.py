"""``collectsim`` with no command: open the app.

Only argparse is imported here: Textual and the content are loaded after the
arguments are read, so the first screen appears fast.
"""

from __future__ import annotations

import argparse
import os

#: Set to exit right after the first screen is drawn (the start-up benchmark); a file
#: path instead of "1" also receives the wall time (time.time()) it was drawn at.
EXIT_ENV = "COLLECTSIM_APP_EXIT_AFTER_FIRST_SCREEN"

MODES = ("coach", "assessment")
THEME_CHOICES = ("textual-dark", "textual-light")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The app's options; ``collectsim --help`` shows them in their own group."""
    group = parser.add_argument_group(
        "opening the app (no COMMAND)",
        "Each option also reads COLLECTSIM_<NAME> and config.toml (flag > environment > file).",
    )
    group.add_argument("--trainee", metavar="NAME", help="who is practising (remembered for next time)")
    group.add_argument("--team", metavar="TEAM", help="the team this trainee's sessions are filed under")
    group.add_argument("--theme", choices=THEME_CHOICES, help="the colour theme")
    group.add_argument("--mode", choices=MODES,
                       help="coach shows hints and the debtor's mood; assessment hides them")
    group.add_argument("--no-resume", action="store_true",
                       help="do not offer to resume an unfinished call")
    # One tab of `collectsim serve`: every trainee types their name, nothing they set is
    # saved for the next tab, and each trainee's unfinished call is their own.
    group.add_argument("--served", action="store_true", help=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="collectsim", description="Open the collectsim app.")
    add_arguments(parser)
    return parser


def run_app(argv: list[str] | None = None, args: argparse.Namespace | None = None) -> int:
    """Run the app; returns the exit code. Settings: flag > environment > config.toml >
    what the app remembered last time."""
    if args is None:
        args = build_parser().parse_args(list(argv or []))
    from simulator import config

    served = bool(getattr(args, "served", False))
    # Served, a tab belongs to whoever types their name: no trainee or team from the
    # trainer's environment or config file.
    trainee = None if served else config.get("trainee", args.trainee)
    team = None if served else config.get("team", args.team)
    theme = config.get("theme", args.theme)
    mode = config.get("mode", args.mode)
    from simulator.app.app import CollectSimApp

    app = CollectSimApp(
        trainee=trainee,
        exit_after_first_screen=os.environ.get(EXIT_ENV, ""),
        offer_resume=not args.no_resume,
        served=served,
    )
    if team is not None:
        app.settings.team = team
    if theme is not None:
        app.settings.theme = theme
    if mode is not None:
        app.coach = app.settings.coach = mode == "coach"
    app.run()
    return int(app.return_code or 0)
