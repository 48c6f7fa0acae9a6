"""A trainee who takes the debtor's own figure ("Okay, $85 works", "I can do that, we'll
settle for $750") puts an offer on the table: the debtor's proposal, now the collector's
(DESIGN.md section 6: offers carry amounts taken from the words). Without this, accepting
their figure is no move at all, or a recap of terms nobody agreed yet.
"""

from __future__ import annotations

import re

from simulator.engine.records import Terms
from simulator.nlu.entities import extract_entities
from simulator.nlu.types import Analysis, Entity
from simulator.rxcache import compile as rx

#: Words that take a figure: "works", "I can do that", "let's go with", "deal", "agreed".
_ACCEPT = rx(
    r"\b(works?|work(?:s|ing)? for (?:me|us)|(?:i|we) can do|can do that|could do that|that'?s fine|fine|"
    r"sounds? (?:good|fair|great|right)|deal|let'?s (?:do|go with|make it|set|start)|go with|accept\w*|"
    r"agree\w*|(?:we'?ll|i'?ll|we can|i can) (?:take|settle|accept|set)|happy (?:to|with)|okay|ok|alright|"
    r"all right|perfect|that'?s doable|doable|settle (?:it|the account|this)? ?for)\b", re.I)
#: Words that turn the figure down or question it: "not", "can't", "too low".
_DECLINE = rx(r"\b(not|no(?!\s+(?:problem|worries))|can'?t|cannot|won'?t|isn'?t|doesn'?t|too (?:low|little|small|long)|"
              r"unfortunately|afraid|only if|more than)\b|\?\s*$", re.I)
#: A sentence after the figure that proposes it ("I can set that up starting December 15th.",
#: "Does that work?"): the figure restated, then offered (tester8 2.1: Maria named $85 and
#: heard "So $85 a month... I can set that up... Does that work?" as a recap of nothing).
_PROPOSE = rx(r"\b(?:(?:i|we) can (?:set (?:that|it|this) up|get (?:that|it|this) set up|start (?:it|that|this)|"
              r"do (?:that|it|this))|(?:does|would|will|could) (?:that|this|it) work|"
              r"how (?:does|would) (?:that|this) sound|(?:sound|sounds) (?:good|ok|okay|fair|right)\s*\?)", re.I)
#: ... unless it turns the figure down after all.
_NEGATION = rx(r"\b(?:not|no|can'?t|cannot|won'?t|isn'?t|doesn'?t|too (?:low|little|small|long)|"
               r"unfortunately|afraid|only if|more than)\b", re.I)
_PERIODS = ("month", "week", "two_weeks")
_MOVE_OF = {"payment_plan": "offer_payment_plan", "settlement": "offer_settlement",
            "full_payment": "request_full_payment", "promise_to_pay": "request_full_payment"}


def _figures(reply: str, counter: Terms | None, balance: float) -> list[tuple[float, str]]:
    """(amount, kind) the debtor put forward: their counter offer, or sums in their last line."""
    out: list[tuple[float, str]] = []
    if counter is not None:
        if counter.kind == "payment_plan" and counter.monthly:
            out.append((counter.monthly, "payment_plan"))
        elif counter.total:
            out.append((counter.total, counter.kind if counter.kind in _MOVE_OF else "settlement"))
    for e in extract_entities(reply or ""):
        if e.type != "money" or not isinstance(e.value, int | float) or e.value <= 0:
            continue
        if e.unit in _PERIODS:
            out.append((float(e.value), "payment_plan"))
        elif e.value < balance - 0.5:
            out.append((float(e.value), "settlement"))
    return out


def _sentence(text: str, e: Entity) -> str:
    left = max(text.rfind(c, 0, e.start) for c in ".!;?")
    rights = [i for i in (text.find(c, e.end) for c in ".!;?") if i >= 0]
    return text[left + 1:(min(rights) + 1) if rights else len(text)]


def accepted_kind(analysis: Analysis, reply: str, counter: Terms | None, balance: float) -> str | None:
    """The kind of terms the line accepts ("payment_plan", "settlement"), or None.

    The line must name a figure the debtor put forward, in a sentence that takes it and
    does not turn it down or ask about it.
    """
    figures = _figures(reply, counter, balance)
    if not figures:
        return None
    text = analysis.text
    for e in analysis.entities:
        if e.type != "money" or not isinstance(e.value, int | float):
            continue
        kind = next((k for v, k in figures if abs(v - float(e.value)) < 0.5), None)
        if kind is None:
            continue
        said = _sentence(text, e)
        if _DECLINE.search(said):
            continue
        if _ACCEPT.search(said) or _bare_acceptance(_before(text, said)) or _proposed_after(text, said):
            return kind
    return None


def _proposed_after(text: str, sentence: str) -> bool:
    """The rest of the line, after the figure's sentence, proposes it and turns nothing down."""
    rest = text[text.find(sentence) + len(sentence):]
    return bool(_PROPOSE.search(rest)) and not _NEGATION.search(rest)


def _before(text: str, sentence: str) -> str:
    """The sentence just before ``sentence`` in ``text`` ('' for the first)."""
    start = text.find(sentence)
    head = text[:start].rstrip()
    left = max(head.rfind(c, 0, len(head) - 1) for c in ".!;?")
    return head[left + 1:]


def _bare_acceptance(sentence: str) -> bool:
    """A short sentence that only takes what was said ("That works.", "Perfect.", "Okay,
    great."): the figure restated after it is taken too (the lead's held-out servicemember
    record: "That works. So that's $160 a month by military allotment ...")."""
    return len(sentence.split()) <= 4 and bool(_ACCEPT.search(sentence)) and not _DECLINE.search(sentence)


def offer_move(kind: str) -> str:
    """The offer move that puts terms of this kind on the table."""
    return _MOVE_OF.get(kind, "offer_payment_plan")
