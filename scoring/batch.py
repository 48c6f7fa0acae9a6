"""Score files: session records (replayed) and recorded-call transcripts, many at a time.

One bad file never stops a batch: each file gives a card or a one-line problem naming
the file and what is wrong, and the caller reports the problems at the end.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scoring.rubric import DIMENSIONS, Rubric
from scoring.scorecard import Scorecard

RECORD_SUFFIXES = (".yaml", ".yml", ".json")
TEXT_SUFFIXES = (".txt", ".text", ".log", ".transcript")
CSV_COLUMNS: tuple[str, ...] = (
    "file", "trainee", "scenario", "overall", "passed", *DIMENSIONS, "violations", "outcome", "amount_secured",
)


@dataclass
class Scored:
    """One file's result: a card, or the problem that stopped it."""

    path: Path
    kind: str  # "session" | "transcript" | "?"
    card: Scorecard | None = None
    problem: str | None = None


def expand(paths: Iterable[str]) -> list[Path]:
    """Files as given; a folder contributes its record and transcript files (sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += sorted(q for q in p.iterdir() if q.is_file() and q.suffix.lower() in RECORD_SUFFIXES + TEXT_SUFFIXES)
        else:
            out.append(p)
    return out


def _first_problem(problems: list[Any]) -> str:
    errors = [p for p in problems if getattr(p, "severity", "error") == "error"] or problems
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{errors[0]}{more}"


def classify(data: Any) -> str | None:
    """'session', 'transcript', 'scorecard' or None, from parsed JSON/YAML."""
    if isinstance(data, list):
        return "transcript"
    if not isinstance(data, dict):
        return None
    if "overall" in data and "dimensions" in data:
        return "scorecard"
    if "scenario" in data:
        return "session"
    turns = data.get("turns")
    if isinstance(turns, list) and (not turns or isinstance(turns[0], dict)):
        return "transcript"
    return None


def score_file(path: Path, rubric: Rubric | None = None) -> Scored:
    """Score one file. Never raises for a bad file: the problem is returned instead."""
    from simulator.diagnostics import ContentError, UserError

    try:
        return _score_file(path, rubric)
    except ContentError as exc:
        return Scored(path, "?", problem=_first_problem(exc.problems))
    except (UserError, ValueError) as exc:
        msg = str(exc)
        return Scored(path, "?", problem=msg if msg.startswith(str(path)) else f"{path}: {msg}")
    except RecursionError:
        return Scored(path, "?", problem=f"{path}: nested too deeply")


def _score_file(path: Path, rubric: Rubric | None) -> Scored:
    from scoring.transcripts import TranscriptError, from_data, load_transcript, score_transcript

    if not path.exists():
        return Scored(path, "?", problem=f"{path}: no such file")
    if not path.is_file():
        return Scored(path, "?", problem=f"{path}: not a file")
    suffix = path.suffix.lower()
    if suffix not in RECORD_SUFFIXES:
        try:
            tr = load_transcript(path)
        except TranscriptError as exc:
            return Scored(path, "transcript", problem=str(exc))
        return Scored(path, "transcript", card=score_transcript(tr, rubric))

    from simulator.content.loader import check_loaded
    from simulator.yamlio import read_yaml

    loaded = read_yaml(path, kind=None, mapping=False)
    if loaded.problems and loaded.root is None:
        return Scored(path, "?", problem=_first_problem(loaded.problems))
    kind = classify(loaded.data)
    if kind == "scorecard":
        return Scored(path, "?", problem=f"{path}: this is a scorecard, not a session or a transcript "
                                         "(use `collectsim verify` to re-score it)")
    if kind == "transcript":
        try:
            tr = from_data(loaded.data, str(path))
        except TranscriptError as exc:
            return Scored(path, "transcript", problem=str(exc))
        return Scored(path, "transcript", card=score_transcript(tr, rubric))
    if kind != "session":
        return Scored(path, "?", problem=f"{path}: neither a session record (needs 'scenario' and 'turns') "
                                         "nor a transcript (a list of {speaker, text})")
    record, problems = check_loaded(loaded, "session", path)
    if record is None or any(getattr(p, "severity", "error") == "error" for p in problems):
        return Scored(path, "session", problem=_first_problem(problems) if problems else f"{path}: not a session record")
    from scoring.api import score_record

    return Scored(path, "session", card=score_record(record, rubric, base=path.parent))


def csv_text(results: list[Scored]) -> str:
    """One row per scored file (bad files are left out; they are reported apart)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in results:
        if r.card is None:
            continue
        row = r.card.summary_row()
        w.writerow([str(r.path)] + [_cell(row[c]) for c in CSV_COLUMNS[1:]])
    return buf.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
