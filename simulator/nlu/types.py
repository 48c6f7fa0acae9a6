"""The analyser's output types. Move names are a contract (DESIGN.md section 4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from simulator.nlu.questions import Ask

MOVES: tuple[str, ...] = (
    "greeting",
    "self_identification",
    "identity_verification",
    "mini_miranda",
    "recording_notice",
    "state_debt",
    "open_question",
    "empathy",
    "reflection",
    "ask_capacity",
    "request_full_payment",
    "offer_settlement",
    "offer_payment_plan",
    "offer_alternative",
    "recap_agreement",
    "next_steps",
    "closing",
    "threat",
    "pressure",
    "abuse",
)

#: Moves that put payment terms on the table (read by the engine as offers).
OFFER_MOVES: frozenset[str] = frozenset(
    {"request_full_payment", "offer_settlement", "offer_payment_plan", "offer_alternative"}
)

ENTITY_TYPES: tuple[str, ...] = ("money", "percent", "count", "date", "weekday", "payment_method")


@dataclass(frozen=True)
class Move:
    """One move with the text that showed it and why the analyser found it."""

    move: str
    evidence: str
    start: int = 0
    end: int = 0
    why: str = ""  # e.g. 'cue "sorry to hear"' or 'pattern what could you (manage|afford)'
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "move": self.move,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "why": self.why,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Entity:
    """A value named in the text.

    ``type`` is one of ENTITY_TYPES. ``value``: money and percent are floats,
    count is an int, date is an ISO date string (resolved against a reference date
    when relative) or None, weekday is the weekday name in lower case. ``unit`` tells
    what a count counts ("payments", "months", "weeks") or a money amount's period
    ("month", "week", "two_weeks" for every two weeks / bi-weekly, or "" when none).
    payment_method values: debit_card, credit_card, bank_transfer, check, cash, online,
    money_order, allotment.
    """

    type: str
    value: Any
    text: str
    start: int = 0
    end: int = 0
    unit: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type, "value": self.value, "text": self.text}
        d["start"], d["end"] = self.start, self.end
        if self.unit:
            d["unit"] = self.unit
        return d


@dataclass(frozen=True)
class Tone:
    """Tone in [-1, 1] with a label (abusive, hostile, curt, neutral, polite, warm)."""

    score: float
    label: str
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "label": self.label, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Analysis:
    """What the analyser found in one utterance: moves, entities, tone and questions asked."""

    text: str
    moves: tuple[Move, ...] = ()
    entities: tuple[Entity, ...] = ()
    tone: Tone = field(default_factory=lambda: Tone(0.0, "neutral"))
    context: str | None = None
    asks: tuple[Ask, ...] = ()  # what the line asks (simulator.nlu.questions)

    @property
    def move_names(self) -> tuple[str, ...]:
        """Distinct move names in order of first appearance."""
        seen: dict[str, None] = {}
        for m in self.moves:
            seen.setdefault(m.move, None)
        return tuple(seen)

    @cached_property
    def _move_set(self) -> frozenset[str]:
        # Scoring asks ``has`` tens of times per turn; a frozen instance can keep the set
        # (cached_property writes the instance dict directly, past the frozen __setattr__).
        return frozenset(m.move for m in self.moves)

    def has(self, move: str) -> bool:
        return move in self._move_set

    def evidence(self, move: str) -> str:
        for m in self.moves:
            if m.move == move:
                return m.evidence
        return ""

    def entities_of(self, type_: str) -> list[Entity]:
        return [e for e in self.entities if e.type == type_]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "moves": [m.to_dict() for m in self.moves],
            "entities": [e.to_dict() for e in self.entities],
            "tone": self.tone.to_dict(),
            "asks": [a.to_dict() for a in self.asks],
        }
        if self.context is not None:
            d["context"] = self.context
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        return cls(
            text=d["text"],
            moves=tuple(
                Move(m["move"], m.get("evidence", ""), m.get("start", 0), m.get("end", 0),
                     m.get("why", ""), m.get("confidence", 1.0))
                for m in d.get("moves", [])
            ),
            entities=tuple(
                Entity(e["type"], e.get("value"), e.get("text", ""), e.get("start", 0),
                       e.get("end", 0), e.get("unit", ""))
                for e in d.get("entities", [])
            ),
            tone=Tone(d.get("tone", {}).get("score", 0.0), d.get("tone", {}).get("label", "neutral"),
                      tuple(d.get("tone", {}).get("reasons", ()))),
            context=d.get("context"),
            asks=tuple(Ask.from_dict(a) for a in d.get("asks", [])),
        )
