"""A written-only request the engine recorded as a plain validation request.

validation-basic's persona raises ``written_only`` with "I don't want to discuss it by
phone"; resistant-basic's raises only ``validation_requested`` with "Send it in writing.
I'm not doing this over the phone." (tester10 3.9). The request is the same, so the scorer
reads it the same: from that reply on, the call is written-only (flexibility is not
applicable, going on by phone is ``collecting_before_validation``, the notes must carry
it). The engine's own ``written_only`` always wins: this only fills the gap.

For this debtor "not over the phone" is also an objection rapport can answer (DESIGN.md
section 5): when the trainee honours it, asking nothing, and the debtor reopens the talk
himself (he volunteers his story: the gaming corpus's honest resistant calls), the request
lapses and the call is scored as a conversation. Asking first keeps it binding.
"""

from __future__ import annotations

import dataclasses
import re

from simulator.engine.records import Turn
from simulator.rxcache import compile as rx

#: The debtor refuses the phone for this debt: "I'm not doing this over the phone".
PHONE_REFUSED = rx(
    r"\b(?:not|won'?t|never|don'?t)\s+(?:\w+\s+){0,2}?(?:doing|discuss(?:ing)?|talk(?:ing)?\s+about|deal(?:ing)?\s+with|"
    r"handl(?:e|ing)|do)\s+(?:this|it|that|any\s+of\s+this)\s+(?:over|on|by)\s+the\s+phone\b|"
    r"\b(?:only|everything)\s+in\s+writing\b|\bin\s+writing\s+only\b|\bnothing\s+(?:over|on|by)\s+the\s+phone\b",
    re.I)


#: Moves that ask the debtor for something (a question, an offer, money).
_ASKING = ("open_question", "ask_capacity", "request_full_payment", "offer_settlement",
           "offer_payment_plan", "offer_alternative", "recap_agreement", "identity_verification")


def _asks(t: Turn) -> bool:
    return "?" in t.text or any(t.analysis.has(m) for m in _ASKING)


def _reopened(after: list[Turn]) -> bool:
    """Whether the debtor reopened the talk himself (a fact volunteered in answer to a line
    that asked nothing) before the trainee asked anything."""
    for t in after:
        if _asks(t):
            return False
        if any(e.startswith("revealed:") for e in t.events):
            return True
    return False


def with_written_only(turns: list[Turn]) -> list[Turn]:
    """``turns``, with ``written_only`` added where a validation request refused the phone
    (and the engine said nothing of it), and set on the facts of every later line."""
    if any("written_only" in t.events for t in turns):
        return turns
    at = next((i for i, t in enumerate(turns)
               if "validation_requested" in t.events and PHONE_REFUSED.search(t.reply or "")), None)
    if at is None or _reopened(turns[at + 1:]):
        return turns
    out = list(turns[:at])
    out.append(dataclasses.replace(turns[at], events=(*turns[at].events, "written_only")))
    for t in turns[at + 1:]:
        before = dataclasses.replace(t.before, written_only=True) if t.before is not None else None
        out.append(dataclasses.replace(t, before=before))
    return out
