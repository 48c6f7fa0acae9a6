"""The call journal: nothing typed and sent is lost to a crash or a kill.

Pure (no Textual). One JSON object a line, appended and fsynced after every turn, in
``<data>/journal/current.jsonl``:

    {"type": "start", "scenario": ..., "seed": ..., "trainee": ..., "preparation": {...}}
    {"type": "turn", "index": 1, "text": "Good evening, ...", "elapsed": 12.5}
    {"type": "notes", "text": "..."}        # the latest one wins
    {"type": "hang_up"}                     # the trainee ended the call
    {"type": "wrapped_up"}                  # scored and saved: nothing to resume

Append-only means a kill mid-write damages at most the last line, which the reader
skips. Sessions are deterministic, so replaying the turns gives identical replies.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.jsonout import dumps

FILE_NAME = "current.jsonl"


@dataclass
class JournalState:
    """What an unfinished journal holds."""

    scenario: str
    seed: int | None
    trainee: str
    preparation: dict[str, Any]
    turns: list[str] = field(default_factory=list)
    notes: str = ""
    hung_up: bool = False
    started_at: str = ""
    elapsed: float = 0.0  # seconds on the call at the last journalled line
    coach: bool | None = None  # the call's mode, when the journal says
    assisted: list[int] = field(default_factory=list)  # turns sent from a suggestion


class Journal:
    """Append-only, fsynced journal of the session in progress."""

    def __init__(self, folder: Path, name: str = FILE_NAME) -> None:
        self.folder = folder
        self.path = folder / name

    # ---------------------------------------------------------------- writing
    def _append(self, entry: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        line = dumps(entry, encoding="utf-8") + "\n"  # a lone surrogate as an escape
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())

    def begin(
        self,
        scenario: str,
        seed: int | None,
        trainee: str,
        preparation: dict[str, Any],
        started_at: str = "",
        coach: bool | None = None,
    ) -> None:
        """Start a new journal, replacing any previous one."""
        self.discard()
        entry: dict[str, Any] = {
            "type": "start",
            "scenario": scenario,
            "seed": seed,
            "trainee": trainee,
            "preparation": preparation,
            "started_at": started_at,
        }
        if coach is not None:
            entry["coach"] = coach
        self._append(entry)
        self._fsync_dir()

    def turn(self, index: int, text: str, notes: str | None = None,
             elapsed: float | None = None, assisted: bool = False) -> None:
        """Record a sent line (and the notes and the call's clock as they are now) in
        one write."""
        entry: dict[str, Any] = {"type": "turn", "index": index, "text": text}
        if notes is not None:
            entry["notes"] = notes
        if elapsed is not None:
            entry["elapsed"] = elapsed
        if assisted:
            entry["assisted"] = True
        self._append(entry)

    def notes(self, text: str) -> None:
        self._append({"type": "notes", "text": text})

    def hang_up(self, elapsed: float | None = None) -> None:
        entry: dict[str, Any] = {"type": "hang_up"}
        if elapsed is not None:
            entry["elapsed"] = elapsed
        self._append(entry)

    def finish(self) -> None:
        """The session is scored and saved: nothing is left to resume."""
        self.discard()

    def discard(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def _fsync_dir(self) -> None:
        try:
            fd = os.open(self.folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)

    # ---------------------------------------------------------------- reading
    def load(self) -> JournalState | None:
        """The unfinished session, or None. A damaged last line is skipped."""
        try:
            raw = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        state: JournalState | None = None
        for line in raw.splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line cut short by a kill
            if not isinstance(entry, dict):
                continue
            kind = entry.get("type")
            if kind == "start":
                prep = entry.get("preparation")
                state = JournalState(
                    scenario=str(entry.get("scenario", "")),
                    seed=entry.get("seed") if isinstance(entry.get("seed"), int) else None,
                    trainee=str(entry.get("trainee", "")),
                    preparation=prep if isinstance(prep, dict) else {},
                    started_at=str(entry.get("started_at", "")),
                    coach=entry["coach"] if isinstance(entry.get("coach"), bool) else None,
                )
            elif state is None:
                continue
            if isinstance(entry.get("elapsed"), int | float) and entry["elapsed"] >= 0:
                state.elapsed = max(state.elapsed, float(entry["elapsed"]))
            if kind == "turn" and isinstance(entry.get("text"), str):
                state.turns.append(entry["text"])
                if entry.get("assisted") is True:
                    state.assisted.append(len(state.turns))
                if isinstance(entry.get("notes"), str):
                    state.notes = entry["notes"]
            elif kind == "notes" and isinstance(entry.get("text"), str):
                state.notes = entry["text"]
            elif kind == "hang_up":
                state.hung_up = True
            elif kind == "wrapped_up":
                state = None
        if state is None or not state.scenario:
            return None
        return state
