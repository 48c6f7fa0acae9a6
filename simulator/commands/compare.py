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
    """Trainees with no stored sessions are named first (on standard error) and left
    out of the table; when none has any, that is the answer, with exit code 1. JSON
    keeps every trainee asked for."""
    import json
    import sys

    from simulator.diagnostics import UserError
    from simulator.store import Store

    filters = {"scenario": args.scenario, "since": args.since, "team": args.team}
    with Store.open(args.db) as store:
        stats = store.compare(args.trainees, **filters)
        if args.json:  # every trainee asked for, those without sessions with count 0
            print(json.dumps([s.to_dict() for s in stats], indent=2, ensure_ascii=False))
            return 0
        missing = [s.trainee for s in stats if s.count == 0]
        present = [s.trainee for s in stats if s.count > 0]
        if missing and present:  # differences are taken against the first trainee shown
            stats = store.compare(present, **filters)
    where = _filters_text(args)
    if not present:
        raise UserError(f"no stored sessions for {_names(missing)}{where} "
                        "(`collectsim scores` lists what is stored)")
    if missing:
        print(f"collectsim: note: no stored sessions for {_names(missing)}{where}; "
              "comparing the others", file=sys.stderr)
    from simulator.store.render import compare_table, console

    console().print(compare_table(stats))
    return 0


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _filters_text(args: argparse.Namespace) -> str:
    bits = []
    if args.scenario:
        bits.append(f"scenario {args.scenario}")
    if args.team:
        bits.append(f"team {args.team}")
    if args.since:
        bits.append(f"since {args.since:%Y-%m-%d}")
    return f" ({', '.join(bits)})" if bits else ""
