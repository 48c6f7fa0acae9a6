"""collectsim export: stored sessions as CSV (for a spreadsheet) or JSON (to import
into another collectsim)."""

from __future__ import annotations

import argparse
import sys

HELP = "export stored scorecards as CSV (one row a session) or JSON (full scorecards)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from simulator.store.cliargs import add_db, add_filters

    fmt = parser.add_mutually_exclusive_group(required=True)
    fmt.add_argument("--csv", action="store_true", help="one row a session, with a header")
    fmt.add_argument("--json", action="store_true", help="a list of full scorecards")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    add_filters(parser)
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from simulator.store import Store, StoreError

    filters = {
        "trainee": args.trainee,
        "team": args.team,
        "scenario": args.scenario,
        "since": args.since,
    }
    with Store.open(args.db) as store:
        if args.output is None:
            _write(store, args, filters, sys.stdout)
            return 0
        target = Path(args.output)
        partial = target.with_name(target.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8", newline="") as out:
                count = _write(store, args, filters, out)
            os.replace(partial, target)  # never leave a half-written export behind
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise StoreError(f"{target}: cannot write: {exc.strerror}") from None
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    print(f"exported {count} session(s) to {target}", file=sys.stderr)
    return 0


def _write(store, args: argparse.Namespace, filters: dict, out) -> int:  # type: ignore[no-untyped-def]
    """Stream rows to ``out``; return how many."""
    import json

    count = 0
    if args.csv:
        import csv

        from simulator.store import CSV_COLUMNS

        writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in store.export_rows(**filters):
            row["passed"] = "true" if row["passed"] else "false"
            writer.writerow(row)
            count += 1
        return count
    out.write("[")
    for card in store.export_scorecards(**filters):
        out.write(",\n" if count else "\n")
        out.write(json.dumps(card, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
