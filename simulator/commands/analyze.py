"""``collectsim analyze``: what the analyser makes of some utterances.

Lets a trainer check a cue or an example line without starting a session, and lets
scripts feed utterances through the analyser (``--jsonl`` in, ``--json`` out).
"""

from __future__ import annotations

import argparse
import sys

HELP = "analyse utterances: moves with evidence, entities, tone"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="*", metavar="TEXT",
                        help="utterances to analyse (default: one per line from standard input)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per utterance, in input order")
    parser.add_argument("--jsonl", action="store_true",
                        help="read standard input as JSON lines with 'text' and optional 'context'")
    parser.add_argument("--context", metavar="TEXT", default=None,
                        help="the debtor's previous line, for every utterance")
    parser.add_argument("--cues", metavar="FILE", action="append", default=[],
                        help="extra cue file (YAML, same shape as the shipped cues); repeatable")
    parser.add_argument("--today", metavar="YYYY-MM-DD", default=None,
                        help="reference date for relative dates like 'next Friday' (default: the "
                             "machine's date in plain output; unresolved in --json)")
    parser.add_argument("--scenario", metavar="ID|FILE", default=None,
                        help="read as in that scenario's call: its persona's and scenario's own cues, "
                             "and its call date as --today (unless given)")


def _inputs(args: argparse.Namespace, errors: list[str]):  # noqa: ANN202
    """(where, text, context) in input order; a bad --jsonl line is reported as it is
    met (and counted in ``errors``), and the next line is read."""
    import json

    if args.text and not args.jsonl:
        for n, t in enumerate(args.text, 1):
            yield f"argument {n}", t, args.context
        return
    lines = args.text if args.text else sys.stdin
    unit = "argument" if args.text else "line"
    for n, raw in enumerate(lines, 1):
        where = f"{unit} {n}"
        line = raw.rstrip("\r\n")
        if not args.jsonl:
            if line.strip():
                yield where, line, args.context
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            _error(errors, f"{where}: not valid JSON ({getattr(exc, 'msg', 'nested too deeply')})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            _error(errors, f"{where}: expected an object with a string 'text'")
            continue
        ctx = obj.get("context", args.context)
        if ctx is not None and not isinstance(ctx, str):
            _error(errors, f"{where}: 'context' must be a string")
            continue
        yield where, obj["text"], ctx


def _error(errors: list[str], message: str) -> None:
    """Report a bad item now (between the results around it) and keep count."""
    errors.append(message)
    sys.stdout.flush()
    print(f"collectsim analyze: error: {message}", file=sys.stderr, flush=True)


def _plain(a) -> str:  # noqa: ANN001
    """A readable rendering; shown literally (no markup), one block per utterance."""
    out = [f"> {a.text}"]
    if a.context is not None:
        out.append(f"  context: {a.context}")
    if a.moves:
        out.append("  moves:")
        for m in a.moves:
            out.append(f"    {m.move:<22} \"{m.evidence}\"  ({m.why})")
    else:
        out.append("  moves: none")
    if a.entities:
        out.append("  entities:")
        for e in a.entities:
            unit = f" per {e.unit}" if e.type == "money" and e.unit else (f" {e.unit}" if e.unit else "")
            value = e.value if isinstance(e.value, int | float) else (e.value or "(unresolved)")
            out.append(f"    {e.type:<15} {value}{unit}  \"{e.text}\"")
    reasons = ", ".join(a.tone.reasons) or "no markers"
    out.append(f"  tone: {a.tone.score:+.2f} {a.tone.label}  ({reasons})")
    return "\n".join(out)


def _scenario_cues(ref: str):  # noqa: ANN202 - (cue mapping, date)
    """The cues a call of scenario ``ref`` adds to the shipped ones, and its call date: what
    makes `try` and `play` read a line as they do."""
    from simulator.session import Session, call_cues

    session = Session.start(ref, trainee="analyze")
    return call_cues(session.persona, session.scenario), session.account.call_date


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from simulator.diagnostics import UserError
    from simulator.nlu.analyser import Analyser, default_analyser

    today = None
    if args.today:
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError as exc:
            raise UserError(f"--today: not a date (YYYY-MM-DD): {args.today!r}") from exc
    analyser = Analyser.from_files(args.cues) if args.cues else default_analyser()
    if args.scenario:
        extra, call_date = _scenario_cues(args.scenario)
        analyser = analyser.extended(extra) if extra else analyser
        today = today or call_date
    from simulator.cli import debug_wanted
    from simulator.jsonout import dumps

    # People read dates: "in two weeks" is shown as the day it names, counted from
    # --today or, without it, from the machine's date (JSON keeps None without --today).
    shown_today = today if today is not None or args.json else dt.date.today()
    errors: list[str] = []
    first = True
    for where, text, ctx in _inputs(args, errors):
        try:
            a = analyser.analyze(text, ctx, shown_today)
            out = dumps(a.to_dict()) if args.json else _plain(a)
        except Exception as exc:  # noqa: BLE001 - one bad item never stops the batch
            if debug_wanted():
                import traceback

                traceback.print_exc()
            _error(errors, f"{where}: could not analyse it ({type(exc).__name__}: {exc})")
            continue
        if not args.json and not first:
            print()
        print(out, flush=True)
        first = False
    return 1 if errors else 0
