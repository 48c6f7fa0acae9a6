"""collectsim play RECORD: replay a saved session headless."""

from __future__ import annotations

import argparse

HELP = "Replay a session record headless; print the transcript and the scorecard."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("record", metavar="RECORD", help="a session record (YAML or JSON)")
    p.add_argument("--json", action="store_true", help="print the transcript and scorecard as JSON")
    p.add_argument("--save", action="store_true", help="store the scorecard (see `collectsim scores`)")
    p.add_argument("--db", metavar="URL", help="database URL for --save (default: local SQLite)")
    p.add_argument("--team", metavar="TEAM", help="with --save: the team to file it under")


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    from pathlib import Path

    from simulator.content.loader import load_session
    from simulator.session import replay

    path = Path(args.record)
    if not path.is_file():
        from simulator.diagnostics import UserError

        raise UserError(f"{args.record}: no such file")
    record = load_session(path)
    finished = replay(record, base=path.parent)

    from scoring.scorer import score

    card = score(finished)
    card_dict = card.to_dict()
    if args.save:
        from simulator.store import Store

        with Store.open(args.db) as store:
            added = store.save(card_dict, team=args.team)
        print("saved the scorecard" if added else "this scorecard was already stored", file=sys.stderr)
    if args.json:
        out = {
            "scenario": finished.scenario.id,
            "persona": finished.persona.id,
            "trainee": record.trainee,
            "seed": record.seed,
            "opening": finished.opening,
            "transcript": [t.to_dict() for t in finished.turns],
            "unplayed": finished.unplayed,
            "result": finished.result.to_dict(),
            "scorecard": card_dict,
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    from simulator.transcript import render_transcript

    print(render_transcript(finished))
    print()
    from scoring.render_text import print_scorecard

    print_scorecard(card)
    return 0
