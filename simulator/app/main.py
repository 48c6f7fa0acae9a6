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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="collectsim", description="Open the collectsim app.")
    parser.add_argument("--trainee", help="who is practising (remembered for next time)")
    parser.add_argument("--no-resume", action="store_true",
                        help="do not offer to resume an unfinished call")
    parser.add_argument("--mode", choices=("coach", "assessment"),
                        help="the mode calls start in (remembered for next time)")
    # One tab of `collectsim serve`: every trainee types their name, nothing they set is
    # saved for the next tab, and each trainee's unfinished call is their own.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    return parser


def run_app(argv: list[str] | None = None) -> int:
    """Run the app; returns the exit code."""
    args = build_parser().parse_args(list(argv or []))
    from simulator.app.app import CollectSimApp

    app = CollectSimApp(
        trainee=args.trainee,
        exit_after_first_screen=os.environ.get(EXIT_ENV, ""),
        offer_resume=not args.no_resume,
        served=args.served,
        mode=args.mode,
    )
    app.run()
    return int(app.return_code or 0)
