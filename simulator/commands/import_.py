"""collectsim import: scorecards from files (a scorecard, a list of them as exported,
or JSONL) into the store. Each file is one transaction: all of it or none."""

from __future__ import annotations

import argparse
import sys

HELP = "import scorecards from JSON or JSONL files (one transaction per file)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from simulator.store.cliargs import add_db

    parser.add_argument("files", metavar="FILE", nargs="+", help="JSON or JSONL files")
    parser.add_argument("--team", metavar="T", help="record these sessions under this team")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    """Each file is imported as it is met; a refused file is named and the next one is
    read. On a terminal each file's count is shown as it is done."""
    from simulator import config
    from simulator.cli import debug_wanted
    from simulator.store import Store, StoreError

    team = config.get("team", args.team)
    live = len(args.files) > 1 and sys.stderr.isatty()
    added = skipped = 0
    refused = 0
    with Store.open(args.db) as store:
        for path in args.files:
            try:
                a, s = store.import_file(path, team=team)
            except StoreError as exc:
                print(f"collectsim: error: {exc}", file=sys.stderr, flush=True)
                refused += 1
                continue
            except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
                if debug_wanted():
                    import traceback

                    traceback.print_exc()
                print(f"collectsim: error: {path}: could not import it ({type(exc).__name__}: {exc})",
                      file=sys.stderr, flush=True)
                refused += 1
                continue
            if live:
                print(f"{path}: added {a}, already stored {s}", file=sys.stderr, flush=True)
            added += a
            skipped += s
    summary = f"added {added}, already stored {skipped}"
    if refused:
        summary += f"; {refused} file(s) refused, nothing from them written"
    print(summary)
    return 1 if refused else 0
