"""collectsim compare: trainees side by side, dimension by dimension."""

from __future__ import annotations

import argparse

HELP = "compare trainees' mean scores, dimension by dimension, against the first one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from simulator.store.cliargs import add_db, add_filters

    parser.add_argument("trainees", metavar="TRAINEE", nargs="+", help="trainees to compare")
    add_filters(parser, trainee=False)
    parser.add_argument("--json", action="store_true", help="JSON instead of a table")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    import json

    from simulator.store import Store

    with Store.open(args.db) as store:
        stats = store.compare(
            args.trainees, scenario=args.scenario, since=args.since, team=args.team
        )
    if args.json:
        print(json.dumps([s.to_dict() for s in stats], indent=2, ensure_ascii=False))
        return 0
    from simulator.store.render import compare_table, console

    console().print(compare_table(stats))
    missing = [s.trainee for s in stats if s.count == 0]
    if missing:
        print(f"no stored sessions for: {', '.join(missing)}")
    return 0
