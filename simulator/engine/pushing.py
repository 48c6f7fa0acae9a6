"""Kind words do not buy trust in a line that pushes (outside tester9 "Jade", section 2).

A score-gaming trainee can sprinkle "I totally understand" over every line while asking for
the full balance again after a refusal, offering the same plan after a counter, booking a
plan the debtor turned down, or reading the whole script in one breath. A debtor hears the
push, not the padding:

- ``pushed``: the full balance asked again after it was refused, the same terms offered again
  after they were refused or countered, or a refused plan booked ("I'll put you down for
  $155"); the listening moves in that line earn nothing;
- ``monologue``: one line that asks, offers, recaps and closes at once; the debtor answers
  none of it ("That's a lot at once. What are you asking me?"), its listening and wrap-up
  moves earn nothing and fire nothing, and the call does not end on its "take care";
- ``money_too_soon``: money asked for before the disclosure or any rapport (a resistant
  debtor wants legitimacy first); the kind words in that line earn nothing.

What each key costs is persona data (``effects``), so a persona without the key is unmoved.
Mixed into :class:`simulator.engine.call.Call`.
"""

from __future__ import annotations

import re
from typing import Any

from simulator.engine.records import Terms
from simulator.engine.turns import TurnPlan
from simulator.nlu.types import OFFER_MOVES, Analysis
from simulator.rxcache import compile as rx

#: Moves that only earn trust when the debtor is being listened to.
LISTENING = frozenset({"empathy", "reflection", "open_question"})
#: Moves of the conversation itself (not the procedure): a line with many is a monologue.
CONVERSATION = LISTENING | OFFER_MOVES | frozenset(
    {"ask_capacity", "recap_agreement", "next_steps", "closing"})
MONOLOGUE_MOVES = 6  # distinct conversation moves in one line ...
MONOLOGUE_WORDS = 45  # ... in a line at least this long
#: Booking terms without asking: "I'll put you down for", "I'll sign you up for", "I'll set you up".
_BOOK = rx(r"\b(?:put (?:you|it|that) down|sign (?:you|it|that) up|set (?:you|it|that) up|get (?:you|it|that) set up|"
           r"book (?:you|it|that)|lock (?:you|it|that) in|pencil (?:you|it|that) in)\b", re.I)
_MONEY_ASKS = OFFER_MOVES | {"ask_capacity"}


def is_monologue(plan: TurnPlan, analysis: Analysis) -> bool:
    """A line that carries a whole call: many conversation moves in many words."""
    found = set(plan.moves) & CONVERSATION
    return len(found) >= MONOLOGUE_MOVES and len(analysis.text.split()) >= MONOLOGUE_WORDS


def _asks(text: str, end: int) -> bool:
    """The sentence around ``end`` is a question."""
    stops = [i for i in (text.find(c, end) for c in ".!?") if i >= 0]
    return bool(stops) and text[min(stops)] == "?"


def _same(a: Terms, b: Terms) -> bool:
    if a.kind == "payment_plan" and b.kind == "payment_plan" and a.monthly and b.monthly:
        return abs(a.monthly - b.monthly) < 1
    return a.kind == b.kind and abs(a.total - b.total) < 1


class Pushing:
    """Weighing a line that pushes against the kind words in it."""

    agreed: Terms | None
    offer: Terms | None
    counter: Terms | None
    flags: dict[str, float]
    persona: Any
    _special: Any
    _event: Any

    def _init_pushing(self) -> None:
        self.turned_down: list[Terms] = []  # terms the debtor refused or countered
        self.full_refused = False  # the full balance was asked for and refused
        self._monologue = False
        self._booked_refused = False
        self._muted: frozenset[str] = frozenset()  # moves whose gains this line did not earn

    def _weigh_push(self, plan: TurnPlan, analysis: Analysis) -> tuple[list[str], frozenset[str]]:
        """(effect keys, moves whose gains this line does not earn), before the flags move on."""
        moves = set(plan.moves)
        self._monologue = is_monologue(plan, analysis)
        self._booked_refused = self.agreed is None and self._books_refused(analysis)
        found: list[tuple[str, set[str]]] = []
        if self._monologue:
            found.append(("monologue", moves & CONVERSATION))
            plan.asks = []  # nothing in it is answered
        if self._pushes_again(moves) or self._booked_refused:
            found.append(("pushed", moves & LISTENING))
        early = not self.flags["disclosed"] and "mini_miranda" not in moves or not self.flags["rapport"]
        if moves & _MONEY_ASKS and not plan.repeated and early:
            found.append(("money_too_soon", moves & LISTENING))
        keys: list[str] = []
        muted: set[str] = set()
        for key, quiet in found:
            if key in self.persona.effects or key == "monologue":  # a monologue is heard by anyone
                keys.append(key)
                muted |= quiet
        self._muted = frozenset(muted)
        return keys, self._muted

    def _pushes_again(self, moves: set[str]) -> bool:
        if self.agreed is not None:
            return False
        if "request_full_payment" in moves and self.full_refused:
            return True
        o = self.offer
        if o is None or not moves & OFFER_MOVES or self._within_counter(o):
            return False
        return any(_same(o, t) for t in self.turned_down)

    def _within_counter(self, o: Terms) -> bool:
        """Terms no harder than the debtor's own counter offer are no push ($78.12 after "$100")."""
        c = self.counter
        if c is None:
            return False
        if o.kind == "payment_plan" and o.monthly and c.monthly:
            return o.monthly <= c.monthly + 0.5
        return bool(o.total and c.total and o.kind == c.kind and o.total <= c.total + 0.5)

    def _books_refused(self, analysis: Analysis) -> bool:
        """The line books a plan amount the debtor already turned down."""
        text = analysis.text
        booked = [m for m in _BOOK.finditer(text) if not _asks(text, m.end())]
        if not booked:  # "shall I set that up?" asks; "I'll put you down for $155" books
            return False
        plans = [t.monthly for t in self.turned_down if t.kind == "payment_plan" and t.monthly]
        return any(e.type == "money" and isinstance(e.value, int | float)
                   and any(abs(float(e.value) - m) < 1 for m in plans) for e in analysis.entities)

    def _firing(self, moves: list[str]) -> list[str]:
        """The moves a transition may answer: in a monologue, only the procedure."""
        return [m for m in moves if m not in CONVERSATION] if self._monologue else moves

    def _remember_push(self, moves: list[str], events: list[str]) -> None:
        """After the reply: what the debtor turned down in this line."""
        if not {"offer_refused", "offer_countered"} & set(events):
            return
        if "request_full_payment" in moves:
            self.full_refused = True
        if self.offer is not None and not any(_same(self.offer, t) for t in self.turned_down):
            self.turned_down.append(self.offer)

    def _push_reply(self, reply: str) -> str:
        """A monologue or a refused plan booked: the debtor says so, and only that."""
        if self._monologue:
            said = self._special("monologue")
            if said:
                self._event("monologue")
                return said
        if self._booked_refused:
            said = self._special("refused_booked")
            if said:
                self._event("refused_booked")
                return said
        return reply
