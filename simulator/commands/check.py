"""collectsim check: run the scripted checks that scenario files carry."""

from __future__ import annotations

import argparse

HELP = "Run the scripted checks in scenario files (ids, files or folders)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="scenario ids, files or folders (default: every shipped scenario)")
    p.add_argument("-v", "--verbose", action="store_true", help="print each check's transcript")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from simulator.content.library import Library
    from simulator.engine.checks import run_check

    lib = Library.default()
    paths: list[Path] = []
    for ref in args.paths or [str(p) for p in lib.scenario_paths()]:
        p = Path(ref)
        if p.is_dir():
            paths += sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml"))
        else:
            paths.append(lib.scenario_path(ref))
    total = failed = 0
    for path in paths:
        scenario = lib.load_scenario_file(path)
        for check in scenario.checks:
            total += 1
            res = run_check(scenario, check, lib, path)
            mark = "PASS" if res.passed else "FAIL"
            print(f"{mark} {scenario.id}: {check.name}")
            if not res.passed:
                failed += 1
                for f in res.failures:
                    print(f"     {path}: {f}")
            if args.verbose or not res.passed:
                for line in res.transcript:
                    print(f"       {line}")
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0
