"""collectsim try SCENARIO: talk to a persona in a plain terminal prompt."""

from __future__ import annotations

import argparse

HELP = "Talk to a scenario's persona at a plain prompt (for trainers testing content)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", metavar="SCENARIO", help="a scenario id or file")
    p.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    p.add_argument("--coach", action="store_true", help="show the debtor's numbers after each turn")
    p.add_argument("--call-time", metavar="HH:MM", help="debtor's local time when dialling")


def run(args: argparse.Namespace) -> int:
    from simulator.content.models import Preparation
    from simulator.session import Session
    from simulator.transcript import turn_lines

    prep = Preparation(call_time=args.call_time) if args.call_time else None
    session = Session.start(args.scenario, seed=args.seed, preparation=prep)
    acct = session.account
    print(f"{session.scenario.title}: calling {acct.debtor.full_name} about a "
          f"{acct.account.product} with {acct.account.creditor}, balance ${acct.account.balance:,.2f}.")
    print("Type your lines. '/end' hangs up, '/coach' toggles the debtor's numbers, Ctrl-D quits.\n")
    print(f"    Debtor: {session.opening}")
    coach = args.coach
    while not session.ended:
        try:
            line = input("You> ")
        except EOFError:
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
        for out in turn_lines(turn)[1:]:
            print(out)
        if coach:
            print(f"          coach: {session.coach()}")
    r = session.result()
    print(f"\nOutcome: {r.outcome} (state {r.final_state})")
    return 0
