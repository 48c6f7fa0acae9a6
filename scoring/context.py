"""One view of a call for the checks, whether it was played in the simulator or imported.

A played session knows everything (who was on the phone, what was revealed, what was
agreed, the creditor's policy); an imported transcript knows only the words. The
checks read this view and say "not applicable" when the facts they need are absent,
so a transcript is never marked down for data it could not have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from scoring.lines import SCORING_MOVES, rushed_question, scoring_groups  # noqa: F401  (SCORING_MOVES re-exported)
from scoring.rubric import Rubric, Thresholds
from scoring.text import content_words, move_quote
from simulator.engine.records import CallResult, Terms, Turn
from simulator.rxcache import compile as rx

#: Offer moves in the usual order of a negotiation (full payment first).
OFFER_RANK: dict[str, int] = {
    "full_payment": 0,
    "request_full_payment": 0,
    "promise_to_pay": 0,
    "settlement": 1,
    "offer_settlement": 1,
    "payment_plan": 2,
    "offer_payment_plan": 2,
    "alternative": 2,
    "offer_alternative": 2,
}
#: Words that stand collection down: a hold, a pause, a wait, a stop.
STAND_DOWN = rx(
    r"\b(?:on\s+hold|hold(?:ing)?\s+off|hold(?:ing)?\b|pause[sd]?|pausing|freez(?:e|es|ing)|frozen|"
    r"suspend\w*|stop(?:s|ped|ping)?|wait(?:s|ing)?|cease[sd]?|ceasing)\b", re.I)

#: Words that ask for money, unless a negation comes just before ("no payment is due").
_MONEY_WORDS = rx(r"\b(?:pay|pays|paid|paying|payments?|dollars?|bucks|settle\w*|install?ments?|"
                          r"plan|part\s+of\s+it|something)\b|\$", re.I)
_NEGATED = rx(r"\b(?:no|not|never|nothing|without)\b|n't\b", re.I)


#: An amount in the debtor's words: "$200", "85 a month", "two hundred".
_FIGURE = rx(r"\$\s?\d|\b\d+(?:[.,]\d+)?\b|\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
             r"thousand|grand)\b", re.I)


def _asks_money(text: str) -> bool:
    return any(not _NEGATED.search(text[max(0, m.start() - 30):m.start()]) for m in _MONEY_WORDS.finditer(text))


def stands_down(turn: Turn) -> bool:
    """True when the line's only offer is a hold, pause or stop of collection and it asks
    for no money ("We'll pause collection while the creditor reviews your receipt").

    After a dispute, a cease request, an attorney or a bankruptcy that is what the law
    requires, not an alternative way to pay: the cue "pause collection" that offers a
    hardship debtor breathing room reads the same words as an offer.
    """
    a = turn.analysis
    offers = [m for m in a.moves if m.move in MOVE_KIND or m.move in ("ask_capacity", "pressure", "threat")]
    if not offers or any(m.move != "offer_alternative" for m in offers):
        return False
    if any(e.type == "money" for e in a.entities) or _asks_money(turn.text):
        return False
    return all(STAND_DOWN.search(move_quote(turn, m.move) or "") for m in offers)


MOVE_KIND: dict[str, str] = {
    "request_full_payment": "full_payment",
    "offer_settlement": "settlement",
    "offer_payment_plan": "payment_plan",
    "offer_alternative": "alternative",
}
KIND_LABEL: dict[str, str] = {
    "full_payment": "full payment",
    "settlement": "settlement",
    "payment_plan": "payment plan",
    "alternative": "alternative",
    "promise_to_pay": "promise to pay",
}
STOP_EVENTS: tuple[str, ...] = ("dispute", "cease_requested", "attorney", "inconvenient", "written_only",
                                 "bankruptcy",  # the automatic stay
                                 "deceased")  # the estate is dealt with in writing, not negotiated
#: Requests a debtor can make that the notes must carry (engine events), with how to say them.
REQUEST_EVENTS: dict[str, str] = {
    "dispute": "disputed the debt",
    "cease_requested": "asked for no more contact",
    "attorney": "said an attorney represents them",
    "validation_requested": "asked for written validation",
    "callback": "asked to be called back",
    "bankruptcy": "said they filed for bankruptcy",
    "inconvenient": "said this time or place is inconvenient",
    "deceased": "said the debtor has died",
    "servicemember": "said they are on active military duty",
    "time_barred": "said the debt is too old to sue on",
    "written_only": "asked to deal with the debt only in writing until it is validated",
}
#: Sentences of a disclosure the law asks for: not counted toward the monologue limit.
_DISCLOSURE = rx(r"(?i)\battempt\s+to\s+collect\s+a\s+debt\b|\binformation\s+obtained\b|"
                 r"\b(?:call|line)\s+(?:is|may\s+be|will\s+be|might\s+be)\s+(?:recorded|monitored)\b|"
                 r"\bservicemembers?\s+civil\s+relief\s+act\b|\bscra\b|\bstatute\s+of\s+limitations\b|"
                 r"\blaw\s+limits\s+how\s+long\b|\b(?:cannot|can'?t|can\s+not)\s+sue\s+you\b|"
                 r"\brestart\s+the\s+time\s+period\b")
_SENTENCE = rx(r"(?<=[.!?;])\s+")
#: Moves that need the debtor's answer to work.
ASK_MOVES: frozenset[str] = frozenset({
    "open_question", "ask_capacity", "request_full_payment", "offer_settlement",
    "offer_payment_plan", "offer_alternative",
})
CAPACITY_EVENTS: tuple[str, ...] = ("offer_countered", "offer_refused")
AGREE_EVENTS: tuple[str, ...] = ("offer_accepted", "promise_to_pay")
HOSTILE_MOODS: frozenset[str] = frozenset({"angry", "hostile", "furious", "irate", "enraged"})
#: Who may hear about the debt once verified: the debtor, or someone who stands in the
#: debtor's place (a deceased debtor's spouse or executor, 12 CFR 1006.2(e)).
SPEAKS_FOR_DEBTOR: tuple[str, ...] = ("debtor", "representative")


@dataclass(frozen=True)
class FactInfo:
    """A fact the debtor may reveal: the persona's, or one inferred from a transcript."""

    name: str
    text: str
    kind: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Offer:
    """One offer or demand the trainee made."""

    turn: int
    kind: str  # full_payment | settlement | payment_plan | alternative
    terms: Terms | None
    quote: str  # the evidence span of the offer move
    credited: bool = True  # False: made in a monologue, so the debtor could not answer it

    @property
    def signature(self) -> tuple[Any, ...]:
        t = self.terms
        if t is None:
            return (self.kind,)
        return (self.kind, round(t.total), round(t.upfront), round(t.monthly), t.count, t.start_days)

    def describe(self) -> str:
        from scoring.text import money

        t, label = self.terms, KIND_LABEL.get(self.kind, self.kind)
        if t is None:
            return label
        if self.kind == "payment_plan" and t.monthly and t.count:
            extra = f" + {money(t.upfront)} now" if t.upfront else ""
            return f"{label} {t.count} x {money(t.monthly)}{extra}"
        if self.kind == "payment_plan" and t.monthly:
            return f"{label} {money(t.monthly)} a month"
        if t.total:
            return f"{label} {money(t.total)}"
        return label


@dataclass
class CallView:
    """What the checks and the compliance gate read."""

    source: str  # "session" or "transcript"
    turns: list[Turn]
    opening: str
    rubric: Rubric
    record: Any = None  # SessionRecord
    scenario: Any = None  # Scenario
    persona: Any = None  # Persona
    account: Any = None  # AccountFile
    result: CallResult | None = None
    facts: dict[str, FactInfo] = field(default_factory=dict)
    balance: float | None = None
    inferred_party: bool = False  # party facts on turns were inferred from words
    debtor_tones: list[float] = field(default_factory=list)  # transcripts: tone of each reply
    opening_tone: float | None = None  # transcripts: tone of what the customer said first

    _cw: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    #: Results several checks and rules share (computed once per card).
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def content_words(self, text: str) -> dict[str, str]:
        """``scoring.text.content_words``, memoised for this call (debtor lines are read
        by several checks and several turns)."""
        hit = self._cw.get(text)
        if hit is None:
            hit = self._cw[text] = content_words(text)
        return hit

    @property
    def th(self) -> Thresholds:
        return self.rubric.thresholds

    @property
    def is_session(self) -> bool:
        return self.source == "session"

    @cached_property
    def policy(self) -> Any:
        return self.scenario.policy if self.scenario is not None else None

    @cached_property
    def archetype(self) -> str:
        """The kind of debtor in front of the trainee (tips are chosen for it)."""
        return str(getattr(self.persona, "archetype", "") or "")

    # ------------------------------------------------------------ conversation, not phrases
    @staticmethod
    def spoken_words(t: Turn) -> int:
        """Words a line holds toward the monologue limit: a disclosure the law asks for (the
        mini-Miranda, the recording notice, the SCRA's or the time-barred notice) does not
        count (tester6's SCRA explanation, 64 words, earned nothing), unless the line also asks
        two things at once (a stuffed line earns no allowance)."""
        if sum(m in ASK_MOVES for m in t.analysis.move_names) > 1:
            return len(t.text.split())
        return sum(len(s.split()) for s in _SENTENCE.split(t.text) if not _DISCLOSURE.search(s))

    @cached_property
    def monologues(self) -> dict[int, str]:
        """Turn -> why it is a monologue: too long, stuffed with scoring moves, or asking
        what the same line then closed before the debtor could answer. Such a line earns
        no credit in any check."""
        limit, most = self.th.monologue_words, self.th.max_scoring_moves
        out: dict[int, str] = {}
        for t in self.turns:
            words = self.spoken_words(t)
            # a recap reads the terms back, and may name the follow-up: half as long again
            # (tester6's 61-word recap lost all its credit)
            cap = limit * 3 // 2 if "recap_agreement" in t.analysis.move_names else limit
            scoring = scoring_groups(t)
            rushed = rushed_question(t)
            if len(scoring) > most:
                out[t.index] = (f"{len(scoring)} scoring moves in one line ({', '.join(m.replace('_', ' ') for m in scoring)}; "
                                f"at most {most})")
            elif words > cap and len(self.turns) > 1:
                out[t.index] = f"{words} words (limit {cap})"
            elif rushed is not None:
                out[t.index] = (f'asked "{rushed}" and went on to an offer in the same line: the debtor could '
                                "not answer")
            else:
                asks = [m.end for m in t.analysis.moves if m.move in ASK_MOVES]
                closes = [m.start for m in t.analysis.moves if m.move == "closing"]
                if asks and closes and max(closes) >= max(asks):
                    last = max((m for m in t.analysis.moves if m.move in ASK_MOVES), key=lambda m: m.end)
                    did = "asked" if last.move in ("open_question", "ask_capacity") or "?" in t.text else (
                        f"made an offer ({last.move.replace('_', ' ')})")
                    out[t.index] = f"{did} and said goodbye in the same line: the debtor could not answer"
        return out

    @cached_property
    def whole_scripts(self) -> set[int]:
        """Monologue lines that carry a whole call (more than twice the scoring moves or the
        words allowed: tester9's 129-word script): such a line costs all of ``no_monologue``."""
        most, limit = self.th.max_scoring_moves, self.th.monologue_words
        return {i for i in self.monologues
                for t in self.turns if t.index == i
                and (len(scoring_groups(t)) > 2 * most or self.spoken_words(t) > 2 * limit)}

    def credited(self, t: Turn) -> bool:
        """Can this line's moves earn credit? Not when it is a monologue."""
        return t.index not in self.monologues

    @cached_property
    def flagged(self) -> dict[int, list[Any]]:
        """Turn -> the compliance violations on it. The gate runs once per card (the scorer
        puts it in ``memo``); a line it flags earns no listening credit and no tone marks
        (tester7: a warning during the bankruptcy stay earned 35/35 and a reflection)."""
        gate = self.memo.get("compliance")
        if gate is None:
            from scoring.compliance import check_compliance

            gate = self.memo["compliance"] = check_compliance(self)
        out: dict[int, list[Any]] = {}
        for v in gate.violations:
            if v.turn is not None:
                out.setdefault(v.turn, []).append(v)
        return out

    def listens(self, t: Turn) -> bool:
        """Can this line earn listening credit? Not in a monologue, nor where the gate flags it."""
        return self.credited(t) and t.index not in self.flagged

    def no_credit_why(self, t: Turn) -> str:
        """Why the line earns no credit (a monologue, or the gate's finding)."""
        if t.index in self.monologues:
            return self.monologues[t.index]
        rules = ", ".join(dict.fromkeys(v.rule.replace("_", " ") for v in self.flagged.get(t.index, [])))
        return f"the compliance gate flagged this line ({rules})" if rules else "no credit"

    @cached_property
    def requests(self) -> list[tuple[int, str, str]]:
        """(turn, event, the debtor's words) for each request the debtor made, first time each."""
        out: list[tuple[int, str, str]] = []
        seen: set[str] = set()
        for t in self.turns:
            for ev in t.events:
                if ev in REQUEST_EVENTS and ev not in seen:
                    seen.add(ev)
                    out.append((t.index, ev, t.reply))
        return out

    # ------------------------------------------------------------ debtor's side
    def debtor_lines_before(self, index: int) -> list[tuple[int, str]]:
        """The debtor's words before trainee turn ``index``: (turn, text); turn 0 is the opening."""
        out = [(0, self.opening)] if self.opening else []
        out += [(t.index, t.reply) for t in self.turns if t.index < index and t.reply]
        return out

    @cached_property
    def reveals(self) -> list[tuple[int, FactInfo]]:
        """(turn, fact) for each fact revealed, in order; the reveal is in that turn's reply."""
        out: list[tuple[int, FactInfo]] = []
        for t in self.turns:
            if t.before is not None and t.before.party not in SPEAKS_FOR_DEBTOR:
                continue  # a third party's words are not the debtor's disclosures
            for ev in t.events:
                if ev.startswith("revealed:"):
                    name = ev.split(":", 1)[1]
                    fact = self.facts.get(name) or FactInfo(name, "", "info", ())
                    out.append((t.index, fact))
        return out

    @cached_property
    def stop_turn(self) -> int | None:
        """The first turn whose reply disputed, asked to cease, or named an attorney."""
        for t in self.turns:
            if any(ev in STOP_EVENTS for ev in t.events):
                return t.index
        return None

    @cached_property
    def deferred_turn(self) -> int | None:
        """The turn whose reply asked to be called back, when the call ended on that and
        nothing else (outcome ``callback``: no agreement, dispute or other request). The
        debtor put the conversation off: like "I'm at work", nothing about the debt is due."""
        if self.result is None or self.result.outcome != "callback":
            return None
        return next((t.index for t in self.turns if "callback" in t.events), None)

    @cached_property
    def first_verified_turn(self) -> int | None:
        """The first trainee turn spoken to the verified debtor."""
        for t in self.turns:
            b = t.before
            if b is not None and b.verified and b.party in SPEAKS_FOR_DEBTOR:
                return t.index
        return None

    @cached_property
    def talked_with_debtor(self) -> bool:
        return any(t.before is None or t.before.party in SPEAKS_FOR_DEBTOR for t in self.turns)

    # ------------------------------------------------------------ trainee's side
    @cached_property
    def offers(self) -> list[Offer]:
        out: list[Offer] = []
        stop = self.stop_turn
        for t in self.turns:
            if stop is not None and t.index > stop and stands_down(t):
                continue  # collection stood down as the debtor's request requires: no offer
            moves = [m for m in t.analysis.moves if m.move in MOVE_KIND]
            if not moves and t.offer is None:
                continue
            credited = self.credited(t)
            if t.offer is not None:
                kind = t.offer.kind
                span = next((move_quote(t, m.move) for m in moves if MOVE_KIND[m.move] == kind), "")
                out.append(Offer(t.index, kind, t.offer, span or (move_quote(t, moves[0].move) if moves else t.text),
                                 credited))
            else:
                m = moves[0]
                out.append(Offer(t.index, MOVE_KIND[m.move], None, move_quote(t, m.move), credited))
        return out

    @cached_property
    def agree_turn(self) -> int | None:
        for t in self.turns:
            if any(ev in AGREE_EVENTS for ev in t.events):
                return t.index
        return None

    @cached_property
    def capacity_turn(self) -> tuple[int, str] | None:
        """When the debtor's capacity became known, and how: the first capacity answer
        (the reply to an ask_capacity line), hardship reveal, counter-offer or refusal."""
        for t in self.turns:
            # an answer with a figure in it ("not a dime over the phone" is a refusal to say:
            # tester9's card cited it as the capacity answer)
            if t.analysis.has("ask_capacity") and t.reply and _FIGURE.search(t.reply):
                return t.index, "answered what they can afford"
            if any(ev in CAPACITY_EVENTS for ev in t.events):
                ev = next(e for e in t.events if e in CAPACITY_EVENTS)
                return t.index, "countered" if ev == "offer_countered" else "refused the offer"
            for ev in t.events:
                if ev.startswith("revealed:"):
                    fact = self.facts.get(ev.split(":", 1)[1])
                    if fact is not None and fact.kind == "hardship":
                        return t.index, "revealed a hardship"
        return None

    @cached_property
    def mean_tone(self) -> float | None:
        if not self.turns:
            return None
        return sum(t.analysis.tone.score for t in self.turns) / len(self.turns)

    def is_hostile_reply(self, t: Turn) -> bool:
        """Did the debtor's answer to turn ``t`` escalate or turn hostile?"""
        if "escalated" in t.events or "complaint" in t.events:
            return True
        if t.mood and t.mood in HOSTILE_MOODS:
            return True
        irritation = t.numbers.get("irritation") if t.numbers else None
        if irritation is not None and irritation >= self.th.hostile_irritation:
            return True
        if self.debtor_tones and t.index - 1 < len(self.debtor_tones):
            return self.debtor_tones[t.index - 1] <= -0.35
        return False

    @cached_property
    def hostile_opening(self) -> bool:
        p = self.persona
        if p is not None:
            return p.numbers.irritation >= self.th.hostile_irritation
        return self.opening_tone is not None and self.opening_tone <= -0.35
