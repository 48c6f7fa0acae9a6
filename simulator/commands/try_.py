"""collectsim try SCENARIO: talk to a persona in a plain terminal prompt."""

from __future__ import annotations

import argparse

HELP = "Talk to a scenario's persona at a plain prompt (for trainers testing content)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", metavar="SCENARIO", help="a scenario id or file")
    p.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    p.add_argument("--coach", action="store_true", help="show the debtor's numbers after each turn")
    p.add_argument("--call-time", metavar="HH:MM", help="debtor's local time when dialling")


def coach_line(snapshot: dict) -> str:
    """The debtor's state, mood and numbers in the transcript's own style:
    ``coach: state discovery | mood guarded | trust 42 | irritation 10 | patience 80``."""
    parts = []
    for key, value in snapshot.items():
        if isinstance(value, float):
            value = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
        parts.append(f"{key.replace('_', ' ')} {value}")
    return f"{' ' * 10}coach: {' | '.join(parts)}"


def run(args: argparse.Namespace) -> int:
    import sys

    from simulator.content.models import Preparation
    from simulator.session import Session
    from simulator.transcript import turn_lines

    prep = Preparation(call_time=args.call_time) if args.call_time else None
    session = Session.start(args.scenario, seed=args.seed, preparation=prep)
    acct = session.account
    product = acct.account.product
    article = "an" if product[:1].lower() in "aeiou" else "a"  # "an emergency department visit"
    print(f"{session.scenario.title}: calling {acct.debtor.full_name} about {article} "
          f"{product} with {acct.account.creditor}, balance ${acct.account.balance:,.2f}.")
    # Dates the trainee proposes ("December 15th", "in two weeks") count from this day.
    print(f"Today, the day of the call: {acct.call_date:%A %Y-%m-%d}.")
    print("Type your lines. '/end' hangs up, '/coach' toggles the debtor's numbers, Ctrl-D quits.\n")
    print(f"    Debtor: {session.opening}")
    coach = args.coach
    # Lines piped in (a script, a test) are not echoed by a terminal: show them as `play` does.
    typed = sys.stdin.isatty()
    while not session.ended:
        try:
            line = input("You> " if typed else "")
        except EOFError:
            if typed:
                print()
            break
        if line.strip() == "/end":
            reply = session.hang_up()
            if reply:
                print(f"    Debtor: {reply}")
            break
        if line.strip() == "/coach":
            coach = not coach
            continue
        if not line.strip():
            continue  # an empty line is not a turn
        turn = session.say(line)
        for out in turn_lines(turn)[0 if not typed else 1:]:
            print(out)
        if coach:
            print(coach_line(session.coach()))
    r = session.result()
    print(f"\nOutcome: {r.outcome} (state {r.final_state})")
    return 0
