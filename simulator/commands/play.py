"""collectsim play RECORD...: replay saved sessions headless."""

from __future__ import annotations

import argparse
import sys
from typing import Any

HELP = """Replay session records headless; print each transcript and scorecard.
With one RECORD, --json prints one JSON object; with several, one JSON object a line
(JSON Lines), each as soon as its record is played. A record that cannot be played is
named on standard error and the others are still played (exit code 1)."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("records", metavar="RECORD", nargs="+", help="session records (YAML or JSON)")
    p.add_argument("--json", action="store_true", help="print the transcript and scorecard as JSON")
    p.add_argument("--save", action="store_true", help="store the scorecards (see `collectsim scores`)")
    p.add_argument("--db", metavar="URL", help="database URL for --save (default: local SQLite)")
    p.add_argument("--team", metavar="TEAM", help="with --save: the team to file them under")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from simulator.cli import debug_wanted

    several = len(args.records) > 1
    store = _open_store(args) if args.save else None
    failed = 0
    try:
        for i, name in enumerate(args.records):
            if not several:  # one record: its error is the command's (collectsim's usual line)
                played = _play(Path(name))
            else:
                try:
                    played = _play(Path(name))
                except Exception as exc:  # noqa: BLE001 - one bad record never stops the batch
                    failed += 1
                    if debug_wanted():
                        import traceback

                        traceback.print_exc()
                    _report(name, exc)
                    continue
            record, finished, card = played
            if store is not None:
                added = store.save(card.to_dict(), team=args.team)
                what = "saved the scorecard" if added else "this scorecard was already stored"
                print(f"{name}: {what}" if several else what, file=sys.stderr)
            _show(record, finished, card, args.json, several, name, first=i == 0)
            sys.stdout.flush()
    finally:
        if store is not None:
            store.close()
    if several and failed:
        print(f"collectsim: {failed} of {len(args.records)} record(s) could not be played",
              file=sys.stderr)
    return 1 if failed else 0


def _open_store(args: argparse.Namespace) -> Any:
    from simulator import config
    from simulator.store import Store

    args.team = config.get("team", args.team)
    return Store.open(args.db)


def _play(path: Any) -> tuple[Any, Any, Any]:
    from scoring.scorer import score
    from simulator.content.loader import load_session_checked
    from simulator.diagnostics import UserError
    from simulator.session import replay

    if not path.is_file():
        raise UserError(f"{path}: no such file")
    record = _saved_by_app(path)
    if record is None:
        record, warnings = load_session_checked(path)
        for problem in warnings:  # keys not read: what the trainee wrote there is lost
            print(problem, file=sys.stderr)
    try:
        finished = replay(record, base=path.parent)
    except UserError as exc:  # name the record, as for its other problems
        if str(exc).startswith(str(path)):
            raise
        raise UserError(f"{path}: {exc}") from exc
    return record, finished, score(finished)


def _saved_by_app(path: Any) -> Any:
    """The record inside a session file the app saved (``{"saved_at", "record",
    "scorecard"}``, in the data folder's ``sessions/``), so a trainee's call replays as
    the app scored it; None for any other file (read as a session record)."""
    if path.suffix.lower() != ".json":
        return None
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not (isinstance(data, dict) and "saved_at" in data and isinstance(data.get("record"), dict)):
        return None
    from pydantic import ValidationError

    from simulator.content.models import SessionRecord
    from simulator.diagnostics import UserError

    try:
        return SessionRecord.model_validate(data["record"])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ()))
        raise UserError(f"{path}: the saved session's record is not valid: {where}: {first.get('msg')}") from None


def _report(name: str, exc: BaseException) -> None:
    from simulator.diagnostics import ContentError

    if isinstance(exc, ContentError):
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return
    text = str(exc)
    if isinstance(exc, RecursionError):
        text = "nested too deeply"
    elif type(exc).__name__ not in ("UserError", "StoreError"):
        text = f"could not play it ({type(exc).__name__}: {text})"
    print(f"collectsim: error: {text if text.startswith(name) else f'{name}: {text}'}",
          file=sys.stderr)


def _show(record: Any, finished: Any, card: Any, as_json: bool, several: bool, name: str,
          first: bool) -> None:
    if as_json:
        from simulator.jsonout import dumps

        out = {
            "scenario": finished.scenario.id,
            "persona": finished.persona.id,
            "trainee": record.trainee,
            "seed": finished.record.seed,
            "opening": finished.opening,
            "transcript": [t.to_dict() for t in finished.turns],
            "unplayed": finished.unplayed,
            "result": finished.result.to_dict(),
            "scorecard": card.to_dict(),
        }
        if several:
            out = {"file": name, **out}
        sys.stdout.write(dumps(out, indent=None if several else 2) + "\n")
        return
    from scoring.render_plain import print_scorecard
    from simulator.transcript import render_transcript

    if several:
        print(f"{'' if first else chr(10)}==> {name} <==")
    print(render_transcript(finished))
    print()
    print_scorecard(card)
