"""Questions that invite no explanation: an open question's form asking for a fact, an
amount, a way or a day to pay, or what the debtor thinks of a proposal just made.

The labelling rules make an open question one that invites the debtor to explain in their own
words; the rules' wh-question form finds many that do not (outside testers of 2026-12-03).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from simulator.nlu.questions import Ask, shown_by_pattern
from simulator.nlu.types import Move
from simulator.rxcache import compile as rx

#: Questions whose every ask is a fact of identity or contact ("what's the best email?",
#: "who am I speaking with?", "when's a good time to reach you?") invite no explanation:
#: no open question (tester7's call credited "what's the best email?" as one).
FACT_TOPICS = frozenset({"identity"})
FACT_INTENTS = frozenset({"email", "identity_phone", "identity_address", "best_time", "callback"})
#: ... nor do questions of an amount, a way or a day to pay ("what do you think you could put
#: toward this?", "how would you like to make those payments, debit card or checking?"): the
#: labelling rules make an amount question ask_capacity, never an open question (tester6).
CLOSED_INTENTS = frozenset({"capacity", "payment_method", "payment_date"})
#: ... nor does asking what the debtor thinks of a proposal in the same line ("even just $25,
#: to show the bank some good faith. What do you think?", "...How does that sound to you?"):
#: a check on the offer (tester6), not an invitation to explain.
_ON_PROPOSAL = rx(r"^\W*(?:(?:so|and|well|okay|ok)\W+)?(?:what\s+do\s+you\s+think|how\s+does\s+that\s+sound|"
                  r"how\s+would\s+that\s+(?:be|work|sound)|what\s+do\s+you\s+say|how's\s+that\s+sound|"
                  r"how\s+does\s+that\s+work\s+for\s+you|what\s+would\s+you\s+say)(?:\s+to\s+(?:you|that))?\W*$")
PROPOSALS = ("offer_settlement", "offer_payment_plan", "offer_alternative", "request_full_payment", "pressure")


def _sentence_at(text: str, spans: list[tuple[int, int]], at: int) -> str:
    """The sentence of ``text`` that holds offset ``at`` (the whole text if none does)."""
    return next((text[a:b] for a, b in spans if a <= at < b), text)


def not_open(mv: Move | None, out: Mapping[str, Move], asks: Sequence[Ask], text: str,
             spans: list[tuple[int, int]], trainer_whys: Collection[str]) -> bool:
    """Whether the open question ``mv`` (a trainer's cue always stands) asks only a fact, an
    amount, a way or a day to pay, each shown by a pattern of its intent ("what was happening
    around that time?" only touches a keyword: AnnoMI), or only checks a proposal."""
    if mv is None or mv.why in trainer_whys:
        return False
    inside = [a for a in asks if mv.start <= a.start < mv.end] or list(asks)
    if inside and all((a.topic in FACT_TOPICS or a.intent in FACT_INTENTS or a.intent in CLOSED_INTENTS)
                      and shown_by_pattern(a.intent, _sentence_at(text, spans, a.start).lower())
                      for a in inside):
        return True
    return bool(_ON_PROPOSAL.search(text[mv.start:mv.end].lower())) and any(p in out for p in PROPOSALS)
