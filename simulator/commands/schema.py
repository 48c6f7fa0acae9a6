"""collectsim schema [KIND]: the JSON Schema of the content files, for editors."""

from __future__ import annotations

import argparse

HELP = "Print the JSON Schema of personas, scenarios, sessions or rubrics (all four without KIND)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", nargs="?", choices=["persona", "scenario", "session", "rubric"],
                   metavar="KIND", help="persona, scenario, session or rubric")


def run(args: argparse.Namespace) -> int:
    import sys

    from simulator.content.schemas import all_schemas, dumps, schema_for

    schema = schema_for(args.kind) if args.kind else all_schemas()
    sys.stdout.write(dumps(schema))
    return 0
