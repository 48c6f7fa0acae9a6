"""What a call leaves behind: turns, agreed terms, the result. Scoring reads these."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from simulator.nlu.types import Analysis


@dataclass(frozen=True)
class Terms:
    """Payment terms, from an offer in the trainee's words or as agreed.

    ``kind``: full_payment | settlement | payment_plan | promise_to_pay | alternative.
    """

    kind: str
    total: float = 0.0
    upfront: float = 0.0
    monthly: float = 0.0
    count: int = 0
    first_date: dt.date | None = None
    method: str | None = None
    start_days: int = 0
    period: str = "month"  # how often an instalment falls due: month, week or two_weeks

    @property
    def per_month(self) -> float:
        """The instalment as a monthly amount, to compare with what the debtor can pay."""
        return self.monthly * {"week": 52 / 12, "two_weeks": 26 / 12}.get(self.period, 1.0)

    def to_dict(self) -> dict[str, Any]:
        # Every field is a plain value: a shallow copy is what ``asdict`` would give, at a
        # fraction of its cost (it is asked for on every scorecard).
        d = {f.name: getattr(self, f.name) for f in _TERMS_FIELDS}
        d["first_date"] = self.first_date.isoformat() if self.first_date else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Terms | None:
        if not d:
            return None
        d = dict(d)
        if d.get("first_date"):
            d["first_date"] = dt.date.fromisoformat(d["first_date"])
        return cls(**d)


_TERMS_FIELDS = fields(Terms)


@dataclass(frozen=True)
class PartyFacts:
    """What was true when the trainee spoke a line (before the debtor answered it)."""

    party: str  # "debtor", "third_party" or "representative": who is on the phone
    verified: bool
    disclosed: bool
    disputed: bool
    cease_requested: bool
    attorney: bool
    revealed: tuple[str, ...] = ()
    # Requests and circumstances the debtor has made known before this line (each is also
    # a turn event of the same name on the turn it happened; see registry.REQUEST_EVENTS).
    validation_requested: bool = False
    bankruptcy: bool = False
    inconvenient: bool = False  # "I'm at work, I can't talk": this time or place is inconvenient
    deceased: bool = False  # the debtor has died; the party may be a spouse or executor
    servicemember: bool = False  # the debtor is on active military duty
    time_barred: bool = False  # the debt is past the statute of limitations
    callback_requested: bool = False
    written_only: bool = False  # asked to deal only in writing until the debt is validated


@dataclass(frozen=True)
class Turn:
    """One trainee line and the debtor's answer (``index`` starts at 1)."""

    index: int
    text: str
    analysis: Analysis
    reply: str
    state: str  # the state after the turn
    trigger: str  # the move or event that answered, or "" when nothing did
    events: tuple[str, ...] = ()
    before: PartyFacts | None = None
    numbers: dict[str, float] = field(default_factory=dict)  # trust, irritation... after
    offer: Terms | None = None  # terms read from this line, if any
    mood: str = ""
    understood: bool = True  # False: the line carried nothing the debtor could act on
    answered: tuple[str, ...] = ()  # question intents this reply answered (or declined)

    def to_dict(self) -> dict[str, Any]:
        return {
            "turn": self.index,
            "trainee": self.text,
            "moves": [m.move for m in self.analysis.moves],
            "analysis": self.analysis.to_dict(),
            "tone": self.analysis.tone.to_dict(),
            "debtor": self.reply,
            "state": self.state,
            "trigger": self.trigger,
            "events": list(self.events),
            "before": asdict(self.before) if self.before else None,
            "numbers": {k: round(v, 2) for k, v in self.numbers.items()},
            "offer": self.offer.to_dict() if self.offer else None,
            "mood": self.mood,
            "understood": self.understood,
            "answered": list(self.answered),
        }


@dataclass(frozen=True)
class CallResult:
    """How the call ended."""

    outcome: str  # one of simulator.content.models.OUTCOMES
    final_state: str
    ended_by: str  # "debtor", "trainee" or "script" (the record ran out of lines)
    # outcome: "refused" only when the debtor refused; a call the trainee closed without a
    # refusal is "ended_by_trainee"; one the debtor ended without agreeing is "hung_up".
    agreed: Terms | None
    revealed: dict[str, str]  # fact name -> the words the debtor said
    numbers: dict[str, float]
    events: tuple[str, ...]  # every event of the call, in order

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "final_state": self.final_state,
            "ended_by": self.ended_by,
            "agreed": self.agreed.to_dict() if self.agreed else None,
            "revealed": dict(self.revealed),
            "numbers": {k: round(v, 2) for k, v in self.numbers.items()},
            "events": list(self.events),
        }


@dataclass
class FinishedSession:
    """Everything the scorer needs about one finished attempt.

    Built by ``simulator.session.Session.finish()`` or ``simulator.session.replay()``.
    """

    record: Any  # simulator.content.models.SessionRecord
    scenario: Any  # simulator.content.models.Scenario
    persona: Any  # simulator.content.models.Persona
    account: Any  # simulator.content.account.AccountFile
    opening: str  # what the other party said on picking up
    turns: list[Turn]
    result: CallResult
    unplayed: list[str] = field(default_factory=list)  # lines not played: the call had ended
    hashes: dict[str, str] = field(default_factory=dict)  # scenario/persona -> sha256 hex
