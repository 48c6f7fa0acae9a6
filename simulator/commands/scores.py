"""collectsim scores: the stored sessions, newest first."""

from __future__ import annotations

import argparse

HELP = "list stored scorecards (newest first), filtered by trainee, team, scenario, date"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from simulator.store.cliargs import add_db, add_filters, positive_int

    add_filters(parser)
    parser.add_argument("--limit", metavar="N", type=positive_int, help="at most N sessions")
    parser.add_argument("--json", action="store_true", help="a JSON list instead of a table")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    import json

    from simulator.store import Store

    with Store.open(args.db) as store:
        rows = store.query(
            trainee=args.trainee,
            team=args.team,
            scenario=args.scenario,
            since=args.since,
            limit=args.limit,
        )
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False))
        return 0
    from simulator.store.render import console, scores_table

    out = console()
    out.print(scores_table(rows, width=out.width))
    return 0
