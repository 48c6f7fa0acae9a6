"""The session API shared by the app and the command line.

    session = Session.start("hardship-basic", seed=42, trainee="alex", preparation=prep)
    turn = session.say("Good evening, this is Sam with Northgate Recovery.")
    ...
    session.hang_up()                    # or the debtor ends the call
    session.wrap_up(agreement, notes)
    record = session.record()            # DESIGN.md section 8, saved as YAML or JSON
    finished = session.finish()          # what the scorer reads

Deterministic: the same scenario, seed, preparation and lines give the same record,
replies and scorecard.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from simulator.content import cache as content_cache
from simulator.content.account import AccountFile, generate_account
from simulator.content.library import Library
from simulator.content.models import (
    COMPUTED_FIELDS,
    Agreement,
    Persona,
    Preparation,
    Scenario,
    SessionRecord,
)
from simulator.content.variants import apply_variant, variant_index
from simulator.diagnostics import UserError
from simulator.engine.call import Call
from simulator.engine.records import CallResult, FinishedSession, Turn
from simulator.nlu.types import Analysis


def call_cues(persona: Persona, scenario: Scenario) -> dict[str, Any]:
    """The cues a call adds to the shipped ones: the persona's, then the scenario's."""
    extra: dict[str, Any] = {}
    for cues in (persona.cues, scenario.cues):
        for move, c in cues.items():
            slot = extra.setdefault(move, {"phrases": [], "patterns": [], "examples": [], "negative": []})
            for k in slot:
                slot[k].extend(getattr(c, k))
    return extra


def _analyser_for(persona: Persona, scenario: Scenario) -> Callable[..., Analysis]:
    from simulator.nlu import analyser as nlu

    extra = call_cues(persona, scenario)
    if extra:
        return nlu.Analyser.default().extended(extra).analyze
    return nlu.analyze


class Session:
    """One attempt: preparation, the call, the wrap-up form."""

    def __init__(
        self,
        scenario: Scenario,
        persona: Persona,
        *,
        scenario_ref: str,
        seed: int,
        trainee: str = "",
        preparation: Preparation | None = None,
        extra: dict[str, Any] | None = None,
        account: AccountFile | None = None,
    ) -> None:
        self.scenario = scenario
        # The scenario's own seed plays the persona as written; other seeds, a variant.
        self.variant = variant_index(persona, scenario.seed, seed)
        self.persona = apply_variant(persona, self.variant)
        self.scenario_ref = scenario_ref
        self.seed = seed
        self.trainee = trainee
        self.preparation = preparation or Preparation()
        # A replay plays against the file the call was made with; only a new call
        # generates one (with Faker, whose data may change between its versions).
        self.account: AccountFile = account or generate_account(scenario, self.persona, seed)
        self.call = Call(self.persona, scenario, self.account, seed,
                         _analyser_for(self.persona, scenario))
        self.agreement: Agreement | None = None
        self.notes = ""
        self.unplayed: list[str] = []
        self.extra = dict(extra or {})

    @property
    def speaker(self) -> str:
        """Who is on the phone, by first name: a third party who answers, the family of a
        debtor who has died (the persona's own name: "Linda"), else the debtor."""
        call = self.scenario.call
        if call.answered_by == "third_party" and call.third_party is not None:
            return call.third_party.name.split()[0]
        own_name = self.persona.name.split()
        if self.persona.party == "representative" and own_name:
            return own_name[0]
        return self.account.debtor.first_name

    # ---------------------------------------------------------------- starting
    @classmethod
    def start(
        cls,
        scenario: str | Path | Scenario,
        *,
        seed: int | None = None,
        trainee: str = "",
        preparation: Preparation | dict[str, Any] | None = None,
        library: Library | None = None,
        persona: Persona | None = None,
        extra: dict[str, Any] | None = None,
        account: AccountFile | None = None,
    ) -> Session:
        """Start a session from a shipped scenario id, a scenario file, or a Scenario.
        ``extra`` is carried into the record beyond the contract's fields (a team, say);
        ``account`` is the account file to call about (default: generated from the seed)."""
        lib = library or _default_library()
        if isinstance(scenario, Scenario):
            scn, path, ref = scenario, None, scenario.id
        else:
            path = lib.scenario_path(scenario)
            scn = lib.load_scenario_file(path)
            ref = str(scenario)
        pers = persona or lib.persona_for(scn, path)
        if isinstance(preparation, dict):
            preparation = Preparation.model_validate(preparation)
        return cls(scn, pers, scenario_ref=ref, seed=scn.seed if seed is None else seed,
                   trainee=trainee, preparation=preparation, extra=extra, account=account)

    # ---------------------------------------------------------------- the call
    @property
    def opening(self) -> str:
        """What the other party says on picking up."""
        return self.call.opening

    @property
    def turns(self) -> list[Turn]:
        return self.call.turns

    @property
    def ended(self) -> bool:
        return self.call.ended

    @property
    def state(self) -> str:
        return self.call.state

    def say(self, text: str) -> Turn:
        """Play one trainee line. Raises UserError once the call has ended, and for an
        empty line (it is not a turn: front ends skip it)."""
        if self.call.ended:
            raise UserError("the call has ended")
        if not text or not text.strip():
            raise UserError("an empty line is not a turn")
        return self.call.say(text)

    def hang_up(self) -> str:
        """The trainee ends the call."""
        return self.call.hang_up()

    def result(self) -> CallResult:
        return self.call.result()

    def coach(self) -> dict[str, Any]:
        """The debtor's mood and numbers, for coach mode, with a hint when the last line
        carried nothing the debtor could act on."""
        out = self.call.snapshot()
        hint = self.coach_hint()
        if hint:
            out["hint"] = hint
        return out

    def coach_hint(self) -> str | None:
        """Coach mode: why the debtor did not follow the last line, if they did not."""
        last = self.call.turns[-1] if self.call.turns else None
        if last is None:
            return None
        if "not_english" in last.events:
            return "That line was not in English: the debtor could not follow it."
        if "not_understood" in last.events:
            return ("That line carried nothing the debtor could act on: no question, offer or "
                    "statement about the call. Say what you want to know or what you propose.")
        party = getattr(self.persona, "party", "debtor")
        if "identity_mismatch" in last.events and party == "third_party":
            return ("Someone other than the debtor answered: ask for the debtor, leave only your "
                    "name and number, and say nothing about the debt.")
        if "identity_mismatch" in last.events:
            return ("The name or detail you gave does not match the person on the phone: check the "
                    "account file before you go on, and say nothing about the debt.")
        if party == "debtor" and "identity_verification" in last.analysis.move_names \
                and not self.call.flags["verified"]:
            return ("They answered, but nothing is proved yet (a first name alone proves nothing): "
                    "confirm the full name, date of birth or address before you mention the debt.")
        if "trainee_repeated" in last.events:
            return "You said that before: the debtor noticed. Build on their answer instead."
        return None

    # ---------------------------------------------------------------- wrap-up
    def wrap_up(self, agreement: Agreement | dict[str, Any] | None, notes: str = "") -> None:
        if isinstance(agreement, dict):
            agreement = Agreement.model_validate(agreement)
        self.agreement = agreement
        self.notes = notes

    def record(self) -> SessionRecord:
        """The session as DESIGN.md section 8 describes it (with extra fields)."""
        result = self.call.result()
        extra: dict[str, Any] = {
            **self.extra,
            "outcome": result.outcome,
            "ended_by": result.ended_by,
        }
        if self.unplayed:
            extra["unplayed_turns"] = list(self.unplayed)
        extra["account"] = self.account.to_record()
        return SessionRecord(
            scenario=self.scenario_ref,
            trainee=self.trainee,
            seed=self.seed,
            preparation=self.preparation,
            turns=[t.text for t in self.call.turns] + list(self.unplayed),
            agreement=self.agreement,
            notes=self.notes,
            **extra,
        )

    def finish(self) -> FinishedSession:
        if not self.call.ended:
            self.call.end_by_script()
        return FinishedSession(
            record=self.record(),
            scenario=self.scenario,
            persona=self.persona,
            account=self.account,
            opening=self.opening,
            turns=list(self.call.turns),
            result=self.call.result(),
            unplayed=list(self.unplayed),
            hashes={"scenario": content_cache.model_hash(self.scenario),
                    "persona": content_cache.model_hash(self.persona)},
        )


_LIBRARY: Library | None = None


def _default_library() -> Library:
    global _LIBRARY
    if _LIBRARY is None:
        _LIBRARY = Library.default()
    return _LIBRARY


def record_account(record: SessionRecord) -> AccountFile | None:
    """The account file a record carries (DESIGN.md section 8), or None for a record
    made without one. A damaged one is the user's mistake, named by its field."""
    data = (record.model_extra or {}).get("account")
    if data is None:
        return None
    try:
        return AccountFile.from_dict(data)
    except ValueError as exc:
        raise UserError(f"the record's {exc}") from None


def replay(record: SessionRecord, library: Library | None = None,
           base: Path | None = None) -> FinishedSession:
    """Play a saved record headless. Lines after the debtor ended the call are not played."""
    ref = record.scenario
    if base is not None and ("/" in ref or ref.endswith((".yaml", ".yml", ".json"))):
        candidate = (base / ref)
        if candidate.is_file():
            ref = str(candidate)
    # Fields the record carries beyond the contract (a team, say) stay with it; what the
    # call itself reports is worked out again.
    extra = {k: v for k, v in (record.model_extra or {}).items() if k not in COMPUTED_FIELDS}
    session = Session.start(ref, seed=record.seed, trainee=record.trainee,
                            preparation=record.preparation, library=library, extra=extra,
                            account=record_account(record))
    session.scenario_ref = record.scenario
    for i, line in enumerate(record.turns):
        if session.ended:
            session.unplayed = [t for t in record.turns[i:] if t and t.strip()]
            break
        if line and line.strip():  # an empty line is not a turn
            session.say(line)
    session.wrap_up(record.agreement, record.notes)
    return session.finish()


def dump_record(record: SessionRecord, fmt: str = "yaml") -> str:
    """A record as YAML (the default) or JSON text, with DESIGN.md's field order."""
    data = record.model_dump(mode="json", exclude_none=True)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def save_record(record: SessionRecord, path: Path | str) -> Path:
    """Write a record atomically; JSON when the name ends in .json, else YAML."""
    import os
    import tempfile

    path = Path(path)
    text = dump_record(record, "json" if path.suffix == ".json" else "yaml")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path
