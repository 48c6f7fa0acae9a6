"""Pydantic models of the trainers' content: personas, scenarios and session records.

Personas and scenarios are strict (an unknown key is an error with a did-you-mean);
session records accept extra fields, as DESIGN.md section 8 promises. Everything a
persona does (how moves change its numbers, what it says, when it agrees or hangs up)
is data here; the engine (``simulator.engine``) only interprets it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Outcome = Literal[
    "agreement",
    "promise_to_pay",
    "refused",
    "hung_up",
    "callback",
    "dispute",
    "wrong_party",
    "cease_requested",
    "attorney",
    "ended_by_trainee",
]
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]

SectionId = Literal[
    "account_summary", "payment_history", "contact_notes", "debtor_profile", "creditor_policy"
]
SECTION_IDS: tuple[str, ...] = SectionId.__args__  # type: ignore[attr-defined]

Objective = Literal["full_payment", "settlement", "payment_plan"]
AgreementOutcome = Literal[
    "full_payment",
    "settlement",
    "payment_plan",
    "promise_to_pay",
    "no_agreement",
    "dispute",
    "callback",
    "refused",
]
PaymentMethod = Literal[
    "debit_card", "credit_card", "bank_transfer", "check", "cash", "online", "money_order"
]
Difficulty = Literal["easy", "medium", "hard"]

_ID = r"^[a-z0-9][a-z0-9_-]*$"
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# --------------------------------------------------------------------------- cues


class MoveCues(Strict):
    """How the analyser recognises one move; added on top of the shipped cues."""

    phrases: list[str] = Field(default_factory=list, description="Literal cue phrases.")
    patterns: list[str] = Field(default_factory=list, description="Regular expressions.")
    examples: list[str] = Field(default_factory=list, description="Example utterances.")
    negative: list[str] = Field(
        default_factory=list, description="Phrases that rule the move out."
    )


# --------------------------------------------------------------------------- persona


class Numbers(Strict):
    """The numbers the state machine reads. Trust and irritation run 0 to 100."""

    trust: float = Field(30, ge=0, le=100, description="How much the debtor trusts the caller.")
    irritation: float = Field(10, ge=0, le=100, description="How annoyed the debtor is.")
    patience: float = Field(
        8, ge=0, le=100, description="Turns without progress the debtor tolerates."
    )
    lump_sum: float = Field(0, ge=0, description="Cash the debtor could pay at once.")
    monthly_capacity: float = Field(0, ge=0, description="Most the debtor can pay each month.")
    min_monthly: float = Field(
        0, ge=0, description="Counter-offers never go below this monthly amount."
    )
    custom: dict[str, float] = Field(
        default_factory=dict, description="Extra numbers a persona's conditions may read."
    )


#: What a fact is; revealing a fact of a request kind records that request's turn event
#: (see simulator.engine.registry.FACT_EVENTS).
FactKind = Literal[
    "hardship", "emotion", "info", "dispute", "attorney", "cease", "validation", "bankruptcy",
    "deceased", "servicemember", "time_barred", "inconvenient", "callback",
]


class Fact(Strict):
    """Something the debtor reveals only when asked well."""

    text: str = Field(description="What the debtor says when revealing it.")
    kind: FactKind = "info"
    keywords: list[str] = Field(
        default_factory=list,
        description="Words a good note or reflection would pick up (lower case).",
    )
    recall: str = Field(
        "",
        description="A short way to say it again ('Like I said, I lost my job.'): used instead "
        "of the full text once the fact has been told.",
    )


class Line(Strict):
    """A line variant said only when its conditions hold (a plain string always may be)."""

    text: str
    when: list[str] = Field(default_factory=list, description="Conditions that must hold.")
    unless: list[str] = Field(default_factory=list, description="Conditions that must not.")


Lines = list[str | Line]


class State(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str = ""
    lines: Lines = Field(
        default_factory=list, description="Said on entering the state (variants)."
    )
    idle: Lines = Field(
        default_factory=list,
        description="Said when a turn moves nothing in this state (variants).",
    )
    mood: str = Field("", description="Shown in coach mode, e.g. 'wary'.")
    final: bool = False
    outcome: Outcome | Literal["auto"] | None = Field(
        None,
        description="Outcome of a final state; 'auto' derives it from what was agreed.",
    )

    @model_validator(mode="after")
    def _final_has_outcome(self) -> State:
        if self.final and self.outcome is None:
            raise ValueError(f"final state '{self.name}' needs an outcome")
        if self.outcome is not None and not self.final:
            raise ValueError(f"state '{self.name}' has an outcome but is not final")
        return self


StrList = Annotated[list[str], Field(min_length=1)]


class Transition(Strict):
    """One rule: on a move (or event) in some states, if conditions hold, go and say."""

    on: str | StrList = Field(
        description="Move name(s), or an event: 'no_move', 'check' (after every turn), "
        "'hang_up' (the trainee ends the call)."
    )
    from_: str | StrList = Field("*", alias="from", description="State name(s) or '*'.")
    to: str | None = Field(None, description="Destination state; omitted = stay.")
    when: list[str] = Field(default_factory=list, description="Conditions that must hold.")
    unless: list[str] = Field(default_factory=list, description="Conditions that must not.")
    do: list[str] = Field(
        default_factory=list, description="Callbacks, e.g. 'accept_offer', 'reveal:reason'."
    )
    say: Lines = Field(default_factory=list, description="Reply variants.")
    events: list[str] = Field(
        default_factory=list, description="Event tags recorded on the turn, e.g. 'escalated'."
    )

    @property
    def triggers(self) -> list[str]:
        return [self.on] if isinstance(self.on, str) else list(self.on)

    @property
    def sources(self) -> list[str]:
        return [self.from_] if isinstance(self.from_, str) else list(self.from_)


class Answer(Strict):
    """One way to answer a question intent (simulator/nlu/questions.yaml): in some states,
    when conditions hold, say one of the variants. The first answer of an intent whose
    states and conditions fit is used; a persona's answers come before the shared ones."""

    from_: str | StrList = Field("*", alias="from", description="State name(s) or '*'.")
    when: list[str] = Field(default_factory=list, description="Conditions that must hold.")
    unless: list[str] = Field(default_factory=list, description="Conditions that must not.")
    do: list[str] = Field(default_factory=list, description="Callbacks, e.g. 'reveal:job_loss'.")
    say: Lines = Field(min_length=1, description="Reply variants.")
    again: Lines = Field(
        default_factory=list,
        description="Short variants for when the same question comes again ('Like I said, ...').",
    )
    refuse: bool = Field(
        False, description="This answer declines the question (it proves nothing, reveals nothing)."
    )
    events: list[str] = Field(default_factory=list, description="Event tags recorded on the turn.")

    @property
    def sources(self) -> list[str]:
        return [self.from_] if isinstance(self.from_, str) else list(self.from_)


class DebtorPins(Strict):
    """Identity values a persona fixes; the account generator fills the rest."""

    first_name: str | None = None
    last_name: str | None = None
    age: int | None = Field(None, ge=18, le=110)
    occupation: str | None = None
    employer: str | None = Field(None, description="Employer on file (the account file shows it).")
    household: str | None = None


class FactChange(Strict):
    """A variant's version of a fact: any field left out keeps the persona's."""

    text: str | None = None
    keywords: list[str] | None = None
    recall: str | None = None


class Variant(Strict):
    """Another version of the persona (seeded): names, numbers and story details differ,
    so a trainee cannot learn one call by heart. Only what is given changes."""

    name: str = Field(description="A label, e.g. 'hotel housekeeper'.")
    debtor: DebtorPins = Field(default_factory=DebtorPins)
    numbers: dict[str, float] = Field(
        default_factory=dict, description="Numbers that differ, e.g. monthly_capacity: 70."
    )
    facts: dict[str, FactChange] = Field(default_factory=dict)
    details: dict[str, str] = Field(default_factory=dict)
    preferred_method: PaymentMethod | None = None


class Persona(Strict):
    schema_: str | None = Field(None, alias="$schema", exclude=True)
    id: str = Field(pattern=_ID)
    name: str = Field(description="Display name, e.g. 'Maria (hardship)'.")
    archetype: str = Field(
        description="cooperative, hardship, resistant, hostile, third_party, dispute, ..."
    )
    difficulty: Difficulty = "medium"
    summary: str = Field(description="One or two sentences for the scenario list.")
    party: Literal["debtor", "third_party", "representative"] = Field(
        "debtor",
        description="Who this persona is on the phone: the debtor, a third party (the debt "
        "may not be discussed), or someone the debt may be discussed with in the debtor's "
        "place (a deceased debtor's spouse or executor, 12 CFR 1006.2(e)).",
    )
    debtor: DebtorPins = Field(default_factory=DebtorPins)
    preferred_method: PaymentMethod = "debit_card"
    numbers: Numbers = Field(default_factory=Numbers)
    facts: dict[str, Fact] = Field(default_factory=dict)
    details: dict[str, str] = Field(
        default_factory=dict,
        description="Story details lines use as {detail.NAME}; variants may change them.",
    )
    effects: dict[str, dict[str, float]] = Field(
        default_factory=dict,
        description="Per move, or per event of the turn: 'turn' (every turn), 'unproductive' "
        "(a turn that moved nothing on), 'repeat' (the trainee said it again), 'listen' (a line "
        "that only lets them talk), 'small_talk', 'not_understood': number -> change.",
    )
    conditions: dict[str, str] = Field(
        default_factory=dict,
        description="Named conditions as expressions, e.g. calm: 'irritation < 40'.",
    )
    priority: list[str] | None = Field(
        None, description="Which move answers first when a line carries several."
    )
    initial: str = "answered"
    opening: list[str] = Field(
        default_factory=list,
        description="What the debtor says on picking up (variants); defaults to the "
        "initial state's lines.",
    )
    states: list[State] = Field(min_length=1)
    transitions: list[Transition] = Field(default_factory=list)
    answers: dict[str, list[Answer]] = Field(
        default_factory=dict,
        description="How the debtor answers each question intent (and the special intents "
        "not_understood, not_english, asked_again, identity_mismatch, repeat).",
    )
    variants: list[Variant] = Field(
        default_factory=list,
        description="Other versions of this debtor; a scenario's own seed plays the persona "
        "as written, other seeds pick among these.",
    )
    cues: dict[str, MoveCues] = Field(
        default_factory=dict, description="Analyser cues added for this persona."
    )

    def state(self, name: str) -> State | None:
        for s in self.states:
            if s.name == name:
                return s
        return None


# --------------------------------------------------------------------------- scenario


class AccountPins(Strict):
    """Account-file values a scenario fixes; Faker fills the rest from the seed."""

    debtor_first_name: str | None = None
    debtor_last_name: str | None = None
    creditor: str | None = None
    original_creditor: str | None = None
    product: str | None = None
    account_number: str | None = None
    balance: float | None = Field(None, gt=0)
    days_past_due: int | None = Field(None, ge=0)
    last_payment_date: dt.date | None = None
    last_payment_amount: float | None = Field(None, ge=0)
    agency: str | None = Field(None, description="The collector's company.")
    collector_name: str | None = None
    state: str | None = Field(None, description="Debtor's US state, e.g. 'OH'.")


class Policy(Strict):
    """What the creditor lets the collector offer."""

    settlement_floor: float = Field(
        0.6, gt=0, le=1, description="Lowest settlement as a fraction of the balance."
    )
    max_installments: int = Field(12, ge=1, le=120)
    min_installment: float = Field(25, ge=0)
    max_first_payment_days: int = Field(
        30, ge=0, description="Latest first payment, in days after the call."
    )
    hardship_program: bool = Field(False, description="A hardship programme may be offered.")
    settlement_deadline_days: int = Field(14, ge=0)
    notes: str = ""


class ThirdParty(Strict):
    name: str
    relation: str = Field(description="e.g. 'roommate', 'sister', 'coworker'")


class CallContext(Strict):
    timezone: str = Field(
        "America/New_York", description="Debtor's IANA time zone, e.g. America/Chicago."
    )
    local_time: str = Field(
        "18:30", description="Suggested debtor local time (HH:MM) when the call is placed."
    )
    answered_by: Literal["debtor", "third_party"] = "debtor"
    third_party: ThirdParty | None = None
    prior_attempts: int = Field(0, ge=0)

    @field_validator("local_time")
    @classmethod
    def _hhmm(cls, v: str) -> str:
        if not _HHMM.match(v):
            raise ValueError("local_time must be HH:MM on a 24-hour clock, e.g. '18:30'")
        return v

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(v)
        except Exception as exc:  # noqa: BLE001 - zoneinfo raises several kinds
            raise ValueError(f"unknown time zone '{v}'") from exc
        return v

    @model_validator(mode="after")
    def _third_party_named(self) -> CallContext:
        if self.answered_by == "third_party" and self.third_party is None:
            raise ValueError("answered_by: third_party needs a 'third_party' with name and relation")
        return self


class ExpectSpec(Strict):
    state: str | None = None
    outcome: Outcome | None = None
    events: list[str] = Field(default_factory=list, description="Events that must occur.")
    agreed: Literal["full_payment", "settlement", "payment_plan", "promise_to_pay"] | None = None
    max_turns: int | None = Field(None, ge=1, description="The call ends within this many turns.")


class ScriptedCheck(Strict):
    """A scripted session the scenario carries; `collectsim check` runs it."""

    name: str
    seed: int | None = None
    call_time: str | None = None
    lines: list[str] = Field(min_length=1)
    expect: ExpectSpec


class RubricOverride(Strict):
    weights: dict[str, float] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)
    critical_cap: float | None = Field(None, ge=0, le=100)
    pass_mark: float | None = Field(None, ge=0, le=100)


class Scenario(Strict):
    schema_: str | None = Field(None, alias="$schema", exclude=True)
    id: str = Field(pattern=_ID)
    title: str
    description: str
    persona: str = Field(description="A persona id, or a path relative to this file.")
    difficulty: Difficulty | None = Field(None, description="Defaults to the persona's.")
    seed: int = 1
    objective_hint: str = Field("", description="What a good call achieves, for the trainee.")
    account: AccountPins = Field(default_factory=AccountPins)
    policy: Policy = Field(default_factory=Policy)
    call: CallContext = Field(default_factory=CallContext)
    rubric: RubricOverride | None = None
    cues: dict[str, MoveCues] = Field(default_factory=dict)
    checks: list[ScriptedCheck] = Field(default_factory=list)


# --------------------------------------------------------------------------- session


class Plan(BaseModel):
    model_config = ConfigDict(extra="allow")
    objective: Objective | None = None
    settlement_floor: float | None = Field(None, gt=0, le=1)
    max_installments: int | None = Field(None, ge=1)
    opening: str | None = Field(None, description="The opening approach, in the trainee's words.")


class Preparation(BaseModel):
    model_config = ConfigDict(extra="allow")
    reviewed: list[SectionId] = Field(default_factory=list)
    plan: Plan | None = None
    call_time: str | None = Field(None, description="Debtor's local time, HH:MM.")

    @field_validator("call_time", mode="before")
    @classmethod
    def _hhmm(cls, v: Any) -> Any:
        if isinstance(v, int):  # YAML 1.1 reads 18:30 unquoted as sexagesimal 1110
            v = f"{v // 60:02d}:{v % 60:02d}"
        if v is not None and not _HHMM.match(str(v)):
            raise ValueError("call_time must be HH:MM on a 24-hour clock, e.g. '18:30'")
        return v


class Agreement(BaseModel):
    model_config = ConfigDict(extra="allow")
    outcome: AgreementOutcome | None = None
    total_amount: float | None = Field(None, ge=0)
    installment_amount: float | None = Field(None, ge=0)
    installments: int | None = Field(None, ge=0)
    first_payment_date: dt.date | None = None
    payment_method: PaymentMethod | None = None
    follow_up_date: dt.date | None = None


class SessionRecord(BaseModel):
    """A session as saved and replayed (DESIGN.md section 8). Extra fields allowed."""

    model_config = ConfigDict(extra="allow")
    scenario: str
    trainee: str = ""
    seed: int = 0
    preparation: Preparation = Field(default_factory=Preparation)
    turns: list[str] = Field(default_factory=list)
    agreement: Agreement | None = None
    notes: str = ""

    @field_validator("turns", mode="before")
    @classmethod
    def _turn_strings(cls, v: Any) -> Any:
        if isinstance(v, list):
            return ["" if t is None else str(t) if isinstance(t, int | float) else t for t in v]
        return v
