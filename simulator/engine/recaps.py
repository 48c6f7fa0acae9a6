"""Terms after the offer: a recap that settles the agreed date or method, or names terms the
debtor never agreed to; the debtor's own figure taken as an offer; the way to pay the
debtor chose. Mixed into :class:`simulator.engine.call.Call`."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from simulator.engine.accepting import accepted_kind, offer_move
from simulator.engine.answers import pick
from simulator.engine.offers import fee_named, read_terms, term_only
from simulator.engine.records import Terms
from simulator.engine.replies import asked_gists, joined
from simulator.engine.turns import TurnPlan
from simulator.engine.values import line_values
from simulator.nlu.entities import extract_entities
from simulator.nlu.types import Analysis
from simulator.rxcache import compile as rx

#: A line about the day a payment falls ("for the pmt", "first one dec 15", "the 15th of each
#: month") ...
_PAYMENT_DAY = rx(r"\b(?:pmts?|payments?|pay|draft|debit|instal\w*|installments?|first one|"
                  r"(?:each|every|of the) month)\b", re.I)
#: ... and not a deadline for the offer itself.
_DEADLINE = rx(r"\b(?:expir\w*|deadline|good (?:until|through|till)|valid (?:until|through|till))\b", re.I)
#: Moves that put terms with a figure on the table (a plan, a settlement, the balance).
MONEY_OFFERS = frozenset({"offer_payment_plan", "offer_settlement", "request_full_payment"})


class Recaps:
    """Reading recaps and offers against what was agreed."""

    agreed: Terms | None
    counter: Terms | None
    balance: float
    today: dt.date
    last_reply: str
    said: frozenset[str]
    said_ever: set[str]
    method_chosen: str | None
    _analysis: Analysis | None
    _recap_method_differs: bool
    persona: Any
    numbers: dict[str, float]
    ended: bool
    state: str
    events: list[str]
    turns: list[Any]
    voice: Any
    _holds: Any
    _event: Any
    _special: Any

    def _recap_differs(self, a: Terms) -> bool:
        """The recap names an amount or a count other than the agreed one, or another way
        to pay than the one the debtor chose (a date, or a method the debtor never named,
        settles the agreement's details instead)."""
        if self._analysis is None:
            return False
        o = read_terms(self._analysis, self.balance, self.today, assume=a.kind)
        if o is None:
            return False
        if self._method_differs(a, o):
            return True
        if a.kind == "payment_plan":
            if o.monthly and a.monthly and abs(o.monthly - a.monthly) >= 1:
                return True
            if o.count and a.count and o.count != a.count and abs(o.count * (o.monthly or a.monthly) - a.total) >= a.monthly:
                return True
            return bool(not o.monthly and o.total and abs(o.total - a.total) >= 1)
        return bool(o.total and abs(o.total - a.total) >= 1)

    def _correct_recap(self, agreed_before: Terms | None, moves: list[str], reply: str) -> str:
        """The debtor hears terms they never agreed to: they say so, instead of "that's
        right"; and a recap they had to correct builds no trust (tester8 2.9: a wrong way
        to pay took Tony from 78 to 98, as the right recap did)."""
        if agreed_before is None or "recap_agreement" not in moves or not self._recap_differs(agreed_before):
            return reply
        self._recap_method_differs = self._method_differs(agreed_before)
        corrected = self._special("recap_differs")
        if not corrected:
            return reply
        self._event("recap_corrected")
        # Nothing in a line the debtor has to correct builds trust, its "I'll mail you a letter"
        # included (tester9 2.11: Walter went from 73 to 88 while saying "that's not what we agreed").
        self._undo_gains(self.said)
        return corrected

    def _refine_agreed_from_recap(self) -> None:
        """A recap that restates the agreed amount may settle its details (date, method)."""
        a = self.agreed
        if a is None or "recap_agreement" not in self.said or self._analysis is None:
            return
        o = read_terms(self._analysis, self.balance, self.today, assume=a.kind)
        if o is None:
            return
        if not _same_figures(o, a):
            return
        first = o.first_date or a.first_date
        method = a.method if self.method_chosen else (o.method or a.method)
        self.agreed = Terms(a.kind, a.total, a.upfront, a.monthly, a.count, first, method,
                            (first - self.today).days if first else a.start_days, a.period)

    def _take_their_figure(self, plan: TurnPlan, analysis: Analysis) -> str | None:
        """Before anything is agreed, a line that takes the debtor's own figure ("Okay, $85
        works") offers it, and a line that offers terms is an offer, not a recap. Returns the
        kind of terms taken, or None."""
        if self.agreed is not None:
            self._restated_as_recap(plan, analysis)
            return None
        if "ask_capacity" in plan.moves and term_only(analysis, self.balance):
            plan.moves[:] = [m for m in plan.moves if m not in MONEY_OFFERS]
            return None
        taken = None
        if not MONEY_OFFERS & set(plan.moves):
            taken = accepted_kind(analysis, self.last_reply, self.counter, self.balance)
            if taken is not None:
                plan.moves.append(offer_move(taken))
                plan.new_moves = plan.new_moves or offer_move(taken) not in self.said_ever
                if not plan.understood:
                    plan.understood = True
                    plan.events[:] = [e for e in plan.events if e != "not_understood"]
                    plan.effect_keys[:] = [k for k in plan.effect_keys if k != "not_understood"]
        if taken is None and self._recap_proposes(plan, analysis):
            taken = self.counter.kind if self.counter is not None else None
            plan.moves.append(offer_move(taken or "payment_plan"))
        if "recap_agreement" in plan.moves and MONEY_OFFERS & set(plan.moves):
            plan.moves.remove("recap_agreement")
        return taken

    def _recap_proposes(self, plan: TurnPlan, analysis: Analysis) -> bool:
        """Before anything is agreed, a "recap" of other figures than the debtor's counter
        offer puts those terms on the table ("So that's $78.12 a month for 24 months" after
        Gary said $100: he heard "that's what I said" and agreed to his own $100, tester8)."""
        c = self.counter
        if c is None or "recap_agreement" not in plan.moves or MONEY_OFFERS & set(plan.moves):
            return False
        o = read_terms(analysis, self.balance, self.today, assume=c.kind)
        if o is None or not (o.monthly or o.total):
            return False
        if c.kind == "payment_plan" and o.monthly and c.monthly:
            return abs(o.monthly - c.monthly) >= 1  # $78.12 x 24 and $100 x 19 both collect $1,875
        return not _same_figures(o, c)

    def _restated_as_recap(self, plan: TurnPlan, analysis: Analysis) -> None:
        """After the agreement, an offer of the agreed figure (or of none) that names a day
        restates the agreed terms with their date ("would the 15th of each month work for the
        pmt, starting dec 15?", tester7 D2: Gary heard a new offer, and then a question about
        his job): a recap, so the date is settled and the debtor says so."""
        offers = (MONEY_OFFERS | {"offer_alternative"}) & set(plan.moves)
        a = self.agreed
        if not offers or a is None:
            return
        if not _PAYMENT_DAY.search(analysis.text) or _DEADLINE.search(analysis.text):
            return  # "This settlement offer expires on December 5th" names no payment day
        o = read_terms(analysis, self.balance, self.today)
        if o is None or o.first_date is None or not _same_figures(o, a):
            return
        plan.moves[:] = [m for m in plan.moves if m not in offers]
        if "recap_agreement" not in plan.moves:
            plan.moves.append("recap_agreement")

    def _hear_fee(self, reply: str) -> str:
        """A fee added to what is owed is questioned, not passed over (tester7 D4: Jordan
        agreed to $1,480 and twice let "plus a $15 processing fee" go by): after a recap the
        question is the whole reply, never "that's right"."""
        if self._analysis is None or self.ended:
            return reply
        still = fee_named(self._analysis, self.balance) is None and self._fee_total_again()
        if fee_named(self._analysis, self.balance) is None and not still:
            return reply
        ans = pick(self.persona, "fee", self.state, self._holds)
        if ans is None:
            return reply
        again = "fee_questioned" in self.events and bool(ans.again)  # the second time, firmer
        if still:  # his question was passed over: the line earns nothing, and he asks again
            self._undo_gains(self.said)
        said = self.voice.choose(ans.again if again else ans.say, line_values(self))
        if not said:
            return reply
        self._event("fee_questioned")
        if "recap_agreement" in self.said or not reply:
            return said
        return joined(reply, said, asked_gists([t.reply for t in self.turns]))

    def _fee_total_again(self) -> bool:
        """A fee the debtor questioned, left unanswered, and a total with it named again
        ("for the $1,825.40 total", tester9 2.4: Marcus said "Yep, that's it.")."""
        if "fee_questioned" not in self.events or self._analysis is None:
            return False
        return any(e.type == "money" and isinstance(e.value, int | float)
                   and 0.5 <= e.value - self.balance <= max(50.0, self.balance * 0.1)
                   for e in self._analysis.entities)

    def _undo_gains(self, moves: frozenset[str] | set[str]) -> None:
        """Take back the trust (and calm) these moves just gave."""
        for move in set(moves) - getattr(self, "_muted", frozenset()):
            for number, delta in self.persona.effects.get(move, {}).items():
                gain = delta < 0 if number == "irritation" else delta > 0
                if number in ("trust", "irritation") and gain:
                    self.numbers[number] = min(100.0, max(0.0, self.numbers[number] - delta))

    def _method_differs(self, a: Terms, o: Terms | None = None) -> bool:
        """The line names a way to pay other than the one the debtor chose in the call."""
        if o is None:
            if self._analysis is None:
                return False
            o = read_terms(self._analysis, self.balance, self.today, assume=a.kind)
        chosen = self.method_chosen
        return bool(chosen and o is not None and o.method and o.method != chosen and a.method == chosen)

    def _hear_method(self, reply: str) -> None:
        """The debtor saying how they will pay ("Check. I'll mail a check.") settles the
        method: it is theirs to choose, and a recap naming another is corrected."""
        said = [e.value for e in extract_entities(reply) if e.type == "payment_method" and e.value]
        if not said:
            return
        self.method_chosen = str(said[0])
        a = self.agreed
        if a is not None and a.method != self.method_chosen:
            self.agreed = Terms(a.kind, a.total, a.upfront, a.monthly, a.count, a.first_date,
                                self.method_chosen, a.start_days, a.period)


def _same_figures(o: Terms, a: Terms) -> bool:
    """The line's terms name the agreed amount, or no amount at all (only a date or a method)."""
    if not (o.monthly or o.total):
        return True
    return bool((o.monthly and abs(o.monthly - a.monthly) < 1) or (o.total and abs(o.total - a.total) < 1))
