"""The rubric's shape: a strict pydantic model of the rubric YAML, and its vocabulary.

Content is data: a rubric is a content file like a persona or a scenario, so its model
lives with the other content models and the loader and linter validate it without
importing the scorer (``scoring`` depends on ``simulator.content``, never the reverse).
The check and rule *ids* name the code in ``scoring`` that evaluates them (a test keeps
the two in step), so an unknown id is a validation error rather than a check that
silently never runs. ``scoring.rubric`` re-exports all of this and loads files.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from simulator.content.dimensions import DIMENSIONS
from simulator.diagnostics import UserError
from simulator.hashing import model_hash

#: Every check the scorer can evaluate (scoring.checks registers one function per id).
CHECK_IDS: frozenset[str] = frozenset(
    {
        "reviewed_account",
        "plan_within_policy",
        "call_time",
        "identified_early",
        "mean_tone",
        "no_pressure_or_abuse",
        "composure",
        "open_questions",
        "empathy_after_reveal",
        "reflections",
        "references_disclosed",
        "no_monologue",
        "multiple_options",
        "adapted_offer",
        "usual_order",
        "within_authority",
        "form_complete",
        "form_matches_call",
        "terms_recapped",
        "notes_key_facts",
        "notes_requests",
        "notes_next_step",
    }
)

#: Every compliance rule the gate can evaluate (scoring.compliance).
RULE_IDS: frozenset[str] = frozenset(
    {
        "call_time",
        "third_party_disclosure",
        "mini_miranda",
        "meaningful_disclosure",
        "threat",
        "abuse",
        "collecting_after_dispute",
        "collecting_after_cease",
        "contact_with_represented",
        "misstated_balance",
        "unauthorized_fee",
        "falsified_record",
        "request_not_noted",
        "beyond_authority",
        "collecting_at_inconvenient_time",
        "collecting_before_validation",
        "attorney_details_not_taken",
        "collecting_in_bankruptcy",
        "survivor_liability",
        "military_command_threat",
        "time_barred_suit",
        "false_representation",
        "required_disclosure",
    }
)

class RubricError(UserError, ValueError):
    """A rubric or a rubric override that cannot be used (one line, says what and where).

    A UserError, so the command line prints it as one line with exit code 1."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class CheckSpec(_Strict):
    """One observable check: what it looks for, what it is worth, what to do when missed."""

    id: str = Field(description="The check's id; names the code that evaluates it.")
    points: float = Field(gt=0, description="Points within its dimension.")
    description: str = Field(description="What a good call does, as shown on the scorecard.")
    evidence: str = Field("", description="What the check reads, for trainers.")
    tip: str = Field(description="One line shown to the trainee when the check is missed.")
    partial_tip: str | None = Field(
        None, description="Shown instead of `tip` when the check earned some of its points: "
                          "the trainee did it, just not enough.")
    persona_tips: dict[str, str] = Field(
        default_factory=dict,
        description="Tips for one kind of debtor (persona archetype -> tip), shown instead of "
                    "`tip` so that the example fits the call: no hardship example on a "
                    "cooperative card.")

    @model_validator(mode="after")
    def _known(self) -> CheckSpec:
        if self.id not in CHECK_IDS:
            raise ValueError(f"unknown check '{self.id}' (known: {', '.join(sorted(CHECK_IDS))})")
        return self


class Dimension(_Strict):
    title: str
    weight: float = Field(ge=0, description="Relative weight in the overall score.")
    checks: list[CheckSpec] = Field(min_length=1)

    @property
    def available(self) -> float:
        return sum(c.points for c in self.checks)


class Dimensions(_Strict):
    preparation: Dimension
    tone: Dimension
    active_listening: Dimension
    flexibility: Dimension
    documentation: Dimension

    def items(self) -> list[tuple[str, Dimension]]:
        return [(name, getattr(self, name)) for name in DIMENSIONS]


class Thresholds(_Strict):
    """Numbers the checks read. Every one may be overridden by a scenario."""

    early_turns: int = Field(3, ge=1, description="Self-identification (and purpose after verification) within this many turns.")
    empathy_window: int = Field(2, ge=1, description="Empathy expected within this many turns after a reveal.")
    composure_window: int = Field(2, ge=1, description="Turns after an escalation that must stay at least neutral.")
    composure_min_tone: float = Field(-0.35, ge=-1, le=1, description="Lowest tone that still counts as neutral after an escalation.")
    hostile_irritation: float = Field(70, ge=0, le=100, description="Debtor irritation counted as a hostile reply.")
    monologue_words: int = Field(60, ge=5, description="Words in one trainee line that make a monologue.")
    max_scoring_moves: int = Field(3, ge=1, description="Scoring moves one line may carry before it is stuffed.")
    tone_target: float = Field(0.2, ge=-1, le=1, description="Mean tone earning full marks.")
    tone_floor: float = Field(-0.3, ge=-1, le=1, description="Mean tone earning nothing.")
    pressure_penalty: float = Field(0.5, gt=0, le=1, description="Share lost per line with pressure, abuse or a threat.")
    open_questions_target: int = Field(2, ge=1)
    reflection_overlap: int = Field(2, ge=1, description="Debtor content words a reflection must reuse.")
    amount_tolerance: float = Field(1.0, ge=0, description="Dollars within which two amounts are the same.")
    balance_tolerance: float = Field(1.0, ge=0, description="Dollars a stated balance may be off.")
    rounding_tolerance: float = Field(0.05, ge=0, le=0.5, description="Share of the balance an amount said "
                                      "with 'about' may be off.")

    @model_validator(mode="after")
    def _order(self) -> Thresholds:
        if self.tone_floor >= self.tone_target:
            raise ValueError("tone_floor must be below tone_target")
        return self


class ComplianceRule(_Strict):
    id: str
    citation: str = Field(description="The rule's source; a violation may cite a narrower part of it.")
    severity: Literal["critical", "major"] = Field(
        description="critical: caps the overall score and fails the session; major: fails the "
                    "session without a cap.")
    description: str
    tip: str = ""

    @model_validator(mode="after")
    def _known(self) -> ComplianceRule:
        if self.id not in RULE_IDS:
            raise ValueError(f"unknown compliance rule '{self.id}' (known: {', '.join(sorted(RULE_IDS))})")
        return self


class Rubric(_Strict):
    """The whole rubric. Strict: an unknown key is an error."""

    schema_: str | None = Field(None, alias="$schema", exclude=True)
    version: int = 1
    name: str = "default"
    pass_mark: float = Field(70, ge=0, le=100)
    critical_cap: float = Field(50, ge=0, le=100)
    #: Percent of the weight a call of its kind can show (a recorded call has no
    #: preparation or wrap-up) that must be assessed before a card can pass: a call too
    #: short to show the skills must not pass on the little it did show.
    min_assessed_weight: float = Field(60, ge=0, le=100)
    max_tips: int = Field(3, ge=0)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    next_step_cues: list[str] = Field(default_factory=list)
    dimensions: Dimensions
    compliance: list[ComplianceRule] = Field(default_factory=list)

    _hash: str | None = PrivateAttr(default=None)
    _rules: dict[str, ComplianceRule] | None = PrivateAttr(default=None)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @model_validator(mode="after")
    def _unique_ids(self) -> Rubric:
        seen: set[str] = set()
        for name, dim in self.dimensions.items():
            for c in dim.checks:
                if c.id in seen:
                    raise ValueError(f"check '{c.id}' appears twice (second in {name})")
                seen.add(c.id)
        rules = [r.id for r in self.compliance]
        dup = {r for r in rules if rules.count(r) > 1}
        if dup:
            raise ValueError(f"compliance rule '{sorted(dup)[0]}' appears twice")
        if sum(d.weight for _, d in self.dimensions.items()) <= 0:
            raise ValueError("the dimension weights add up to zero")
        return self

    # ---------------------------------------------------------------- lookups
    def rule(self, rule_id: str) -> ComplianceRule | None:
        """The compliance rule with this id, or None when the rubric leaves it out."""
        if self._rules is None:
            self._rules = {r.id: r for r in self.compliance}
        return self._rules.get(rule_id)

    def weight(self, dimension: str) -> float:
        return getattr(self.dimensions, dimension).weight

    def content_hash(self) -> str:
        """sha256 of the canonical JSON of the rubric: what a scorecard records."""
        if self._hash is None:
            self._hash = model_hash(self)
        return self._hash

    # ---------------------------------------------------------------- overrides
    def with_override(self, override: Any) -> Rubric:
        """This rubric with a scenario's ``rubric:`` section applied.

        ``override`` is a ``RubricOverride`` (or a dict with the same keys: weights,
        thresholds, critical_cap, pass_mark) or None. Unknown dimension or threshold
        names raise :class:`RubricError`: a typo must not silently change nothing.
        """
        if override is None:
            return self
        data = override.model_dump(exclude_none=True) if isinstance(override, BaseModel) else dict(override)
        weights = data.get("weights") or {}
        thresholds = data.get("thresholds") or {}
        if not weights and not thresholds and data.get("critical_cap") is None and data.get("pass_mark") is None:
            return self
        for key in weights:
            if key not in DIMENSIONS:
                raise RubricError(f"rubric override: unknown dimension '{key}' in weights (known: {', '.join(DIMENSIONS)})")
        known = set(Thresholds.model_fields)
        for key in thresholds:
            if key not in known:
                raise RubricError(f"rubric override: unknown threshold '{key}' (known: {', '.join(sorted(known))})")
        base = self.model_dump(mode="python", by_alias=True)
        for key, w in weights.items():
            base["dimensions"][key]["weight"] = w
        base["thresholds"].update(thresholds)
        for key in ("critical_cap", "pass_mark"):
            if data.get(key) is not None:
                base[key] = data[key]
        try:
            return Rubric.model_validate(base)
        except Exception as exc:  # pydantic ValidationError: keep it to one line
            raise RubricError(f"rubric override: {_first_error(exc)}") from None


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        e = errors()[0]
        loc = ".".join(str(p) for p in e["loc"])
        return f"{loc}: {e['msg']}" if loc else e["msg"]
    return str(exc)


def parse_rubric(data: Any, source: str = "rubric") -> Rubric:
    """Validate rubric data; a problem is one line naming the key."""
    if not isinstance(data, dict):
        raise RubricError(f"{source}: a rubric must be a mapping, got {type(data).__name__}")
    try:
        return Rubric.model_validate(data)
    except Exception as exc:
        raise RubricError(f"{source}: {_first_error(exc)}") from None


