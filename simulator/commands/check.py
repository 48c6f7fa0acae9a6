"""collectsim check: run the scripted checks that scenario files carry."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

HELP = "Run the scripted checks in scenario files (ids, files or folders)."

#: What one scenario file's checks print: per check, its line, its failures, its transcript.
Report = list[tuple[str, list[str], list[str]]]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="scenario ids, files or folders (default: every shipped scenario)")
    p.add_argument("-v", "--verbose", action="store_true", help="print each check's transcript")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="scenario files checked at once, each in its own process (default: one "
                        "per CPU; 1 runs everything in this process)")


def run(args: argparse.Namespace) -> int:
    from simulator.content.library import Library

    lib = Library.default()
    paths: list[Path] = []
    for ref in args.paths or [str(p) for p in lib.scenario_paths()]:
        p = Path(ref)
        if p.is_dir():
            paths += sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml"))
        else:
            paths.append(lib.scenario_path(ref))
    total = failed = 0
    for path, report in zip(paths, _reports(lib, paths, args.jobs), strict=True):
        if report is None:  # the worker could not: do it here, where an error is reported
            report = _checks_of(lib, path)
        for line, failures, transcript in report:
            total += 1
            print(line)
            if failures:
                failed += 1
                for f in failures:
                    print(f"     {path}: {f}")
            if args.verbose or failures:
                for t in transcript:
                    print(f"       {t}")
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


def _checks_of(lib: Any, path: Path) -> Report:
    from simulator.engine.checks import run_check

    scenario = lib.load_scenario_file(path)
    out: Report = []
    for check in scenario.checks:
        res = run_check(scenario, check, lib, path)
        out.append((f"{'PASS' if res.passed else 'FAIL'} {scenario.id}: {check.name}",
                    list(res.failures), list(res.transcript)))
    return out


def _jobs(asked: int, files: int) -> int:
    if asked > 0:
        return min(asked, files)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, files))


def _reports(lib: Any, paths: list[Path], asked: int) -> list[Report | None]:
    """Each file's report, in order. Files are independent (a session each), so on a
    machine that can fork, they run in a pool of processes forked after the heavy set-up
    (imports, the analyser, the account generator), which they then share."""
    import multiprocessing
    import threading

    jobs = _jobs(asked, len(paths))
    # Forking a process that runs other threads can leave a child waiting on a lock one of
    # them held (Python 3.12 warns of it): such a process, say a test runner's, checks here.
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin" \
            or threading.active_count() > 1:
        return [_checks_of(lib, p) for p in paths]
    _warm()
    global _LIB
    _LIB = lib
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) as pool:
        return pool.map(_worker, paths, chunksize=1)


_LIB: Any = None


def _worker(path: Path) -> Report | None:
    try:
        return _checks_of(_LIB, path)
    except Exception:  # noqa: BLE001 - the parent runs this file again and reports it
        return None


def _warm() -> None:
    """Set up, once, what every check needs, so that forked workers inherit it."""
    import scoring.scorer  # noqa: F401
    import simulator.session  # noqa: F401
    from simulator.content.account import _faker
    from simulator.nlu.analyser import default_analyser
    from simulator.nlu.learned import default_model

    _faker()
    default_model()
    default_analyser().analyze("Hello, is this a good time to talk?")  # builds the cue index
