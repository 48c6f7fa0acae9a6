"""collectsim verify SCORECARD.json: re-score what a scorecard embeds and compare."""

from __future__ import annotations

import argparse
import sys

HELP = "re-score a saved scorecard from the session it embeds; report 'match' or what differs"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cards", metavar="SCORECARD", nargs="+",
                        help="a scorecard JSON file (one card, or a list as `score --json` writes)")
    parser.add_argument("--rubric", metavar="FILE", help="the rubric the cards were scored with (default: shipped)")
    parser.add_argument("--base", metavar="DIR",
                        help="folder a relative scenario path in the session is resolved against "
                             "(default: the scorecard's folder)")
    parser.add_argument("--max-diffs", metavar="N", type=int, default=20, help="differences shown per card")


def run(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from scoring.rubric import load_rubric_file
    from scoring.verify import show, verify_card
    from simulator.diagnostics import ContentError, UserError

    rubric = load_rubric_file(args.rubric) if args.rubric else None
    failed = 0
    for name in args.cards:
        path = Path(name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            print(f"collectsim: error: {name}: cannot read ({exc.strerror})", file=sys.stderr)
            failed += 1
            continue
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            print(f"collectsim: error: {name}: not JSON ({exc})", file=sys.stderr)
            failed += 1
            continue
        cards = data if isinstance(data, list) else [data]
        base = Path(args.base) if args.base else path.parent
        for i, card in enumerate(cards):
            label = name if not isinstance(data, list) else f"{name}[{i}]"
            try:
                result = verify_card(card, rubric, base)
            except (ValueError, UserError) as exc:
                print(f"collectsim: error: {label}: {exc}", file=sys.stderr)
                failed += 1
                continue
            except ContentError as exc:
                print(f"collectsim: error: {label}: {exc.problems[0] if exc.problems else exc}", file=sys.stderr)
                failed += 1
                continue
            for w in result.warnings + _account_warning(card):
                print(f"{label}: warning: {w}", file=sys.stderr)
            if result.match:
                fresh = result.fresh or {}
                verdict = "passed" if fresh.get("passed") else "failed"
                print(f"{label}: match (overall {fresh.get('overall')}, {verdict})")
                continue
            failed += 1
            print(f"{label}: differs in {len(result.differences)} field(s):")
            for where, old, new in result.differences[: args.max_diffs]:
                print(f"  {where}: {show(old)} -> {show(new)}")
            if len(result.differences) > args.max_diffs:
                print(f"  ... and {len(result.differences) - args.max_diffs} more")
    return 1 if failed else 0


def _account_warning(card: dict) -> list[str]:
    """A card made before scorecards carried the account file was re-played against one
    regenerated from the seed, which another Faker version may make differently."""
    session = (card.get("meta") or {}).get("session")
    if isinstance(session, dict) and "account" not in session:
        return ["the card's session carries no account file; it was regenerated from the seed "
                "(a different Faker version can change names and numbers)"]
    return []
