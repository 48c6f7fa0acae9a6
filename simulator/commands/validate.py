"""collectsim validate PATH...: check personas, scenarios, rubrics and session records."""

from __future__ import annotations

import argparse

HELP = "Check personas, scenarios, rubrics and session records; print file:line:col: message."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders (folders are searched for *.yaml, *.yml, *.json)")
    p.add_argument("--kind", choices=["persona", "scenario", "session", "rubric"],
                   help="treat every file as this kind instead of guessing")
    p.add_argument("--strict", action="store_true", help="warnings count as problems too")
    p.add_argument("--format", choices=["text", "json", "github"], default="text",
                   help="text: file:line:col: message (default); json: one object with every "
                        "problem; github: workflow commands that annotate a pull request")


def _escape(text: str, prop: bool = False) -> str:
    """GitHub workflow-command escaping (properties also escape ':' and ',')."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _github(problem) -> str:  # noqa: ANN001 - a diagnostics.Problem
    level = "error" if problem.severity == "error" else "warning"
    where = f"file={_escape(problem.file, True)}"
    if problem.line:
        where += f",line={problem.line},col={problem.col or 1}"
    return f"::{level} {where},title=collectsim validate::{_escape(problem.message)}"


def _as_dict(problem) -> dict:  # noqa: ANN001 - a diagnostics.Problem
    return {"file": problem.file, "line": problem.line or None, "col": (problem.col or 1) if problem.line else None,
            "severity": problem.severity, "message": problem.message}


def _files(paths: list[str]) -> list:  # noqa: ANN001 - Path list; pathlib imported lazily
    from pathlib import Path

    from simulator.content.loader import CONTENT_SUFFIXES

    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += sorted(
                f for f in p.rglob("*")
                if f.suffix.lower() in CONTENT_SUFFIXES and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            out.append(p)
    return list(dict.fromkeys(out))  # each file once, in the order given


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    if not args.paths:
        print("collectsim validate: error: give at least one file or folder to check",
              file=sys.stderr)
        return 2
    missing = [raw for raw in args.paths if not Path(raw).exists()]
    if missing:
        print(f"collectsim validate: error: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2

    from simulator.content.loader import check_file

    files = _files(args.paths)
    errors = warnings = 0
    out = sys.stdout
    found: list[dict] = []
    for f in files:
        for problem in check_file(f, args.kind):
            if args.format == "json":
                found.append(_as_dict(problem))
            else:
                out.write(f"{_github(problem) if args.format == 'github' else problem}\n")
                out.flush()
            if problem.severity == "error":
                errors += 1
            else:
                warnings += 1
    if args.format == "json":
        import json

        summary_obj = {"files": len(files), "errors": errors, "warnings": warnings, "problems": found}
        out.write(json.dumps(summary_obj, indent=2, ensure_ascii=False) + "\n")
    out.flush()
    total = errors + warnings
    summary = f"checked {len(files)} file{'' if len(files) == 1 else 's'}: "
    summary += f"{total} problem{'' if total == 1 else 's'}"
    if warnings:
        summary += f" ({errors} error{'' if errors == 1 else 's'}, "
        summary += f"{warnings} warning{'' if warnings == 1 else 's'})"
    print(summary, file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0
