"""collectsim new persona|scenario NAME: a commented starting file that validates."""

from __future__ import annotations

import argparse

HELP = "Print a commented starting persona or scenario (or write it with -o FILE)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=["persona", "scenario"], help="what to start")
    p.add_argument("name", metavar="NAME", help="its id: lower case, digits, '-' and '_'")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    p.add_argument("--persona", default="hardship", metavar="ID",
                   help="for a scenario: the persona it uses (default: hardship)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _schema_ref(kind: str, output: str | None) -> str:
    """Where the editor finds the schema, relative to the new file when we can tell."""
    import os
    from pathlib import Path

    from simulator.paths import PACKAGE_DIR

    default = f"../schemas/{kind}.schema.json"
    schemas = PACKAGE_DIR.parent / "schemas"
    if output is None or not schemas.is_dir():
        return default
    target = Path(output).resolve().parent
    try:
        return Path(os.path.relpath(schemas / f"{kind}.schema.json", target)).as_posix()
    except ValueError:  # another drive on Windows
        return (schemas / f"{kind}.schema.json").as_uri()


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from simulator.content.templates import ID_RE, persona_template, scenario_template

    if not ID_RE.match(args.name):
        print(f"collectsim new: error: '{args.name}' is not a valid id "
              "(use lower-case letters, digits, '-' and '_', starting with a letter or digit)",
              file=sys.stderr)
        return 2
    if args.kind == "scenario" and not ID_RE.match(args.persona) and not Path(args.persona).suffix:
        print(f"collectsim new: error: '{args.persona}' is not a persona id or file",
              file=sys.stderr)
        return 2
    schema = _schema_ref(args.kind, args.output)
    shown = args.output or f"{args.kind}s/{args.name}.yaml"
    if args.kind == "persona":
        text = persona_template(args.name, schema=schema, file=shown)
    else:
        text = scenario_template(args.name, persona=args.persona, schema=schema, file=shown)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    if out.exists() and not args.force:
        print(f"collectsim new: error: {out} exists (use --force to overwrite)", file=sys.stderr)
        return 2
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"collectsim new: error: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {out}; check it with: collectsim validate {out}", file=sys.stderr)
    return 0
