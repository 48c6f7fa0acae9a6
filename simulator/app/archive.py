"""Finished sessions on disk (and in the team's scorecard store when there is one).

Pure (no Textual). Each finished session is one JSON file in ``<data>/sessions``:
``{"saved_at", "record", "scorecard"}``, so History can open a scorecard and
`collectsim play` can replay the record. Saving to the store is best effort: the
local file is the trainee's copy whatever the database does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.app.settings import atomic_write, sessions_dir
from simulator.jsonout import dumps


@dataclass(frozen=True)
class SavedSession:
    """One line of History."""

    path: Path | None  # None: only in the store
    saved_at: str
    trainee: str
    scenario: str
    overall: float | None
    passed: bool | None
    outcome: str
    source: str = "local"  # "local" or "store"
    content_hash: str = ""


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40] or "x"


def save_session(
    record: dict[str, Any], card: dict[str, Any], saved_at: dt.datetime | None = None
) -> Path:
    """Write the record and its scorecard; return the file."""
    when = saved_at or dt.datetime.now().astimezone()
    folder = sessions_dir()
    stem = f"{when:%Y%m%d-%H%M%S}-{_slug(str(record.get('scenario', '')))}-{_slug(str(record.get('trainee', '')))}"
    path = folder / f"{stem}.json"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.json"
    payload = {"saved_at": when.isoformat(timespec="seconds"), "record": record, "scorecard": card}
    atomic_write(path, dumps(payload, indent=2, encoding="utf-8") + "\n")
    return path


def attempts(scenario: str, trainee: str) -> int:
    """How many calls of this scenario this trainee has saved: the next call plays the next
    variant of the persona, so a trainee who calls again cannot recite the last call. Read
    from the file names alone (no file is opened)."""
    folder = sessions_dir()
    if not folder.is_dir():
        return 0
    tail = re.compile(rf"^\d{{8}}-\d{{6}}-{re.escape(_slug(scenario))}-{re.escape(_slug(trainee))}(-\d+)?\.json$")
    return sum(1 for p in folder.glob("*.json") if tail.match(p.name))


def load_session(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _summary(path: Path, data: dict[str, Any]) -> SavedSession:
    card = data.get("scorecard") or {}
    rec = data.get("record") or {}
    outcome = card.get("outcome") or {}
    return SavedSession(
        path=path,
        saved_at=str(data.get("saved_at", "")),
        trainee=str(rec.get("trainee", "")),
        scenario=str(rec.get("scenario", "")),
        overall=card.get("overall"),
        passed=card.get("passed"),
        outcome=str(outcome.get("type") or ""),
        content_hash=_hash(card),
    )


def _hash(card: dict[str, Any]) -> str:
    try:
        from simulator.store.validate import content_hash
    except ImportError:
        return ""
    try:
        return content_hash(card)
    except Exception:  # noqa: BLE001 - a card the store would refuse has no hash
        return ""


def list_local(trainee: str | None = None) -> list[SavedSession]:
    """Saved sessions, newest first; unreadable files are skipped."""
    folder = sessions_dir()
    if not folder.is_dir():
        return []
    out: list[SavedSession] = []
    for path in sorted(folder.glob("*.json"), reverse=True):
        try:
            data = load_session(path)
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        item = _summary(path, data)
        if trainee is None or item.trainee == trainee:
            out.append(item)
    return out


def open_store() -> Any:
    """The team's scorecard store: ``$COLLECTSIM_DB``, else ``scores.db`` in the data
    folder, as for the CLI. Slow the first time (SQLAlchemy, migrations): call it from a
    worker thread. Raises ImportError when there is no store, StoreError (or a driver's
    error) when it cannot be opened."""
    from simulator.store import Store

    return Store.open(None)


def problem_line(exc: BaseException) -> str:
    """An exception as one line for a notification."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def save_to_store(card: dict[str, Any], team: str | None = None) -> str | None:
    """Store the card for the team; a one-line reason when that could not be done."""
    try:
        with open_store() as store:
            store.save(card, team=team or None)
    except ImportError:
        return "no scorecard store in this version"
    except Exception as exc:  # noqa: BLE001 - StoreError and anything a driver raises
        return problem_line(exc)
    return None


def list_store(trainee: str, known: set[str]) -> list[SavedSession]:
    """The trainee's sessions in the store that are not saved locally."""
    try:
        with open_store() as store:
            rows = store.query(trainee=trainee, limit=200)
    except Exception:  # noqa: BLE001 - History must open whatever the database does
        return []
    return [
        SavedSession(
            path=None,
            saved_at=row.created_at.isoformat(timespec="seconds"),
            trainee=row.trainee,
            scenario=row.scenario,
            overall=row.overall,
            passed=row.passed,
            outcome=row.outcome_type or "",
            source="store",
            content_hash=row.content_hash,
        )
        for row in rows
        if row.content_hash not in known
    ]


def card_from_store(trainee: str, content_hash: str) -> dict[str, Any] | None:
    try:
        with open_store() as store:
            for card in store.export_scorecards(trainee=trainee):
                if _hash(card) == content_hash:
                    return card
    except Exception:  # noqa: BLE001
        return None
    return None


def history(trainee: str) -> list[SavedSession]:
    """Local sessions, then the store's others; newest first."""
    local = list_local(trainee)
    extra = list_store(trainee, {s.content_hash for s in local if s.content_hash})
    return sorted(local + extra, key=lambda s: s.saved_at, reverse=True)
