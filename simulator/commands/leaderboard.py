"""collectsim leaderboard: trainees ranked by mean overall or by one dimension."""

from __future__ import annotations

import argparse

HELP = "rank trainees by their mean overall score or one dimension"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from scoring.dimensions import DIMENSIONS
    from simulator.store.cliargs import add_db, add_filters, positive_int

    parser.add_argument(
        "--by",
        choices=("overall", *DIMENSIONS),
        default="overall",
        help="what to rank by (default: overall)",
    )
    add_filters(parser, trainee=False)
    parser.add_argument(
        "--limit", metavar="N", type=positive_int, default=20, help="top N (default 20)"
    )
    parser.add_argument("--json", action="store_true", help="JSON instead of a table")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    import json

    from simulator.store import Store

    with Store.open(args.db) as store:
        entries = store.leaderboard(
            by=args.by,
            scenario=args.scenario,
            limit=args.limit,
            team=args.team,
            since=args.since,
        )
    if args.json:
        print(json.dumps([e.to_dict() for e in entries], indent=2, ensure_ascii=False))
        return 0
    from simulator.store.render import console, leaderboard_table

    console().print(leaderboard_table(entries, args.by))
    return 0
