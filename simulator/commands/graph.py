"""collectsim graph SCENARIO: the call's state graph as Mermaid or Graphviz dot."""

from __future__ import annotations

import argparse

HELP = "Print the call's state graph (Mermaid or Graphviz dot)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", metavar="SCENARIO", help="a scenario id or file, or a persona file")
    p.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from simulator.content.library import Library
    from simulator.content.loader import load_persona
    from simulator.engine.graph import to_dot, to_mermaid

    lib = Library.default()
    p = Path(args.scenario)
    if p.is_file() and "personas" in p.parts:
        persona = load_persona(p)
    else:
        path = lib.scenario_path(args.scenario)
        persona = lib.persona_for(lib.load_scenario_file(path), path)
    print(to_mermaid(persona) if args.format == "mermaid" else to_dot(persona))
    return 0
