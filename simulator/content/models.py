"""Pydantic models of the trainers' content: personas, scenarios and session records.

Personas and scenarios are strict (an unknown key is an error with a did-you-mean);
session records accept extra fields, as DESIGN.md section 8 promises. Everything a
persona does (how moves change its numbers, what it says, when it agrees or hangs up)
is data here; the engine (``simulator.engine``) only interprets it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from simulator.content.persona_models import (  # noqa: F401 - re-exported: models is the one import
    _ID,
    OUTCOMES,
    Answer,
    DebtorPins,
    Difficulty,
    Fact,
    FactChange,
    FactKind,
    Line,
    Lines,
    MoveCues,
    Numbers,
    Outcome,
    PaymentMethod,
    Persona,
    State,
    Strict,
    StrList,
    Transition,
    Variant,
)

SectionId = Literal[
    "account_summary", "payment_history", "contact_notes", "debtor_profile", "creditor_policy"
]
SECTION_IDS: tuple[str, ...] = SectionId.__args__  # type: ignore[attr-defined]

Objective = Literal["full_payment", "settlement", "payment_plan"]
#: The wrap-up form's outcomes (DESIGN.md section 8): what was agreed, or what the debtor
#: asked for instead (a dispute, no more calls, their attorney, a call back).
AgreementOutcome = Literal[
    "full_payment",
    "settlement",
    "payment_plan",
    "promise_to_pay",
    "no_agreement",
    "dispute",
    "callback",
    "refused",
    "hung_up",
    "cease_requested",
    "attorney",
    "wrong_party",
    "validation_requested",
    "bankruptcy",
    "deceased",
]
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


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
    plan_must_cover_balance: bool = Field(
        True, description="A payment plan must collect the whole balance; when false, a plan "
        "collecting at least the settlement floor is allowed (a settlement paid in instalments)."
    )
    notes: str = ""
    time_barred: bool = Field(
        False, description="The debt is past the statute of limitations: it may still be "
        "collected, but no suit may be brought, threatened or suggested (12 CFR 1006.26(b)).")


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
    # The scorecard (read only when one of these is given: the call is then scored with the
    # check's preparation and wrap-up form).
    passed: bool | None = Field(None, description="The scorecard passes (true) or fails (false).")
    min_overall: float | None = Field(None, ge=0, le=100, description="The least overall score.")
    findings: list[str] = Field(
        default_factory=list,
        description="Compliance rules that must be violated, or rubric checks that must be missed.")

    @field_validator("findings")
    @classmethod
    def _known_findings(cls, v: list[str]) -> list[str]:
        from simulator.content.rubric import CHECK_IDS, RULE_IDS

        for f in v:
            if f not in RULE_IDS and f not in CHECK_IDS:
                raise ValueError(f"unknown finding '{f}': not a compliance rule or a rubric check")
        return v

    @property
    def scored(self) -> bool:
        """Whether the check reads the scorecard (and so the call must be scored)."""
        return self.passed is not None or self.min_overall is not None or bool(self.findings)


class ScriptedCheck(Strict):
    """A scripted session the scenario carries; `collectsim check` runs it."""

    name: str
    seed: int | None = None
    call_time: str | None = None
    lines: list[str] = Field(min_length=1)
    expect: ExpectSpec
    preparation: Preparation | None = Field(
        None, description="What the trainee reviewed and planned (scored checks); call_time "
                          "defaults to the check's or the scenario's.")
    agreement: Agreement | None = Field(None, description="The wrap-up form (scored checks).")
    notes: str = Field("", description="The wrap-up notes (scored checks).")


class RubricOverride(Strict):
    weights: dict[str, float] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)
    critical_cap: float | None = Field(None, ge=0, le=100)
    pass_mark: float | None = Field(None, ge=0, le=100)


class RequiredDisclosure(Strict):
    """Something the trainee must tell the debtor in this scenario (a legal notice, an
    answer the law requires), checked by the scorer against the trainee's own lines."""

    id: str = Field(pattern=_ID, description="A short id, e.g. 'scra'.")
    what: str = Field(description="What must be said, in a trainer's words (shown on the card).")
    said_by: list[str] = Field(
        min_length=1, description="Regular expressions (case-insensitive); a trainee line "
        "matching any of them says it.")
    citation: str = Field(description="The rule behind it, e.g. '50 U.S.C. 3937'.")
    severity: Literal["critical", "major"] = "major"
    due_after_event: str | None = Field(
        None, description="An engine event (e.g. 'servicemember') that makes it due; "
        "without this or due_after_debtor_says, it is due in every call.")
    due_after_debtor_says: list[str] = Field(
        default_factory=list, description="Regular expressions on the debtor's lines: a "
        "line matching one makes it due (e.g. the survivor asks whether she must pay).")
    within_turns: int | None = Field(
        None, ge=1, description="It must be said by this many trainee lines after it became "
        "due (a line before that counts too); without it, by the end of the call.")

    @field_validator("said_by", "due_after_debtor_says")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                re.compile(p, re.I)
            except re.error as exc:
                raise ValueError(f"bad regular expression {p!r}: {exc}") from exc
        return v


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
    required_disclosures: list[RequiredDisclosure] = Field(
        default_factory=list, description="What the trainee must tell the debtor in this "
        "scenario; the compliance gate lists each one never said (rule required_disclosure).")
    checks: list[ScriptedCheck] = Field(default_factory=list)


# --------------------------------------------------------------------------- session


class Plan(BaseModel):
    model_config = ConfigDict(extra="allow", defer_build=True)
    objective: Objective | None = None
    settlement_floor: float | None = Field(None, gt=0, le=1)
    max_installments: int | None = Field(None, ge=1)
    opening: str | None = Field(None, description="The opening approach, in the trainee's words.")


class Preparation(BaseModel):
    model_config = ConfigDict(extra="allow", defer_build=True)
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
    model_config = ConfigDict(extra="allow", defer_build=True)
    outcome: AgreementOutcome | None = None
    total_amount: float | None = Field(None, ge=0)
    installment_amount: float | None = Field(None, ge=0)
    installments: int | None = Field(None, ge=0)
    first_payment_date: dt.date | None = None
    payment_method: PaymentMethod | None = None
    follow_up_date: dt.date | None = None


#: Top-level fields the app saves beside the trainee's (``session.Session.record``): what
#: the call computed, and the account file replay needs. Read back, never misplaced keys.
COMPUTED_FIELDS = frozenset({"outcome", "ended_by", "unplayed_turns", "account"})


class SessionRecord(BaseModel):
    """A session as saved and replayed (DESIGN.md section 8). Extra fields allowed."""

    model_config = ConfigDict(extra="allow", defer_build=True)
    scenario: str
    trainee: str = ""
    #: None: the scenario's own seed (as `collectsim try` and the app use), not 0.
    seed: int | None = None
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
