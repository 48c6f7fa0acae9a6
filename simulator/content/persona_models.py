"""Pydantic models of personas: who the debtor is, their numbers, facts, lines, answers,
variants, and the state machine of the call (states, transitions, conditions, effects).

Strict: an unknown key is an error with a did-you-mean. Everything a persona does is
data here; the engine (``simulator.engine``) only interprets it. ``simulator.content.models``
re-exports every name, so either module may be imported.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    "validation_requested",
    "bankruptcy",
    "deceased",
]
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]

PaymentMethod = Literal[
    "debit_card", "credit_card", "bank_transfer", "check", "cash", "online", "money_order",
    "allotment",  # a servicemember's pay allotment (the servicemember persona offers one)
]
Difficulty = Literal["easy", "medium", "hard"]

_ID = r"^[a-z0-9][a-z0-9_-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


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
    "deceased", "servicemember", "time_barred", "inconvenient", "callback", "written_only",
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
        "not_understood, not_english, asked_again, identity_mismatch, repeat, recap_differs).",
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


