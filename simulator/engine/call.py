"""One call: a `transitions` machine built from persona data, driven by the trainee's moves
and answering the trainee's questions.

Per turn (see :meth:`Call.say`): an empty line is no turn; a line not in English gets an
in-character "I only speak English"; a line the debtor can act on changes the persona's
numbers (``effects``: by move, and by what the turn did: repeated, small talk,
unproductive...), the highest priority move that some transition answers fires it,
the question the line asks is answered from the persona's ``answers:`` (or refused in
character), identity is verified only when the debtor's answer matched what the
caller asked, a line is chosen among variants remembering what was said, and ``check``
transitions run (hang up when furious, give up when out of patience).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from transitions import Machine

from simulator.content.account import AccountFile
from simulator.content.models import Persona, Scenario, Transition
from simulator.engine import registry
from simulator.engine.answers import pick
from simulator.engine.building import Builder, PersonaError  # noqa: F401 - re-exported
from simulator.engine.callback_time import CallbackTimes
from simulator.engine.callbacks import Callbacks
from simulator.engine.ending import Ending
from simulator.engine.lines import Voice, join_lead
from simulator.engine.offers import read_terms
from simulator.engine.pushing import Pushing
from simulator.engine.recaps import Recaps
from simulator.engine.records import PartyFacts, Terms, Turn
from simulator.engine.replies import Replies
from simulator.engine.turns import plan_turn
from simulator.engine.values import line_values
from simulator.engine.variables import variables
from simulator.nlu.types import OFFER_MOVES, Analysis

RAPPORT_MOVES = frozenset({"empathy", "reflection", "open_question"})
MONEY_ASKS = OFFER_MOVES | {"ask_capacity"}
ESCALATION_STEP = 20.0  # irritation rising this much in one turn is an 'escalated' event
CALMING_STEP = 15.0
_MOOD = frozenset({"trust", "irritation", "patience"})
#: Events that show a turn moved the call on.
_PROGRESS_EVENTS = ("verified", "revealed:", "offer_", "promise_to_pay", "calmed", "callback",
                    "dispute", "cease_requested", "attorney", "validation_requested", "bankruptcy",
                    "inconvenient", "deceased", "servicemember", "time_barred", "answered:",
                    "written_only")


class _Model:
    """The object `transitions` drives; it only holds the state."""

    state: str


class Call(Builder, Callbacks, Replies, Recaps, Ending, Pushing, CallbackTimes):
    """A live call against one persona. Deterministic for a given seed and lines."""

    def __init__(
        self,
        persona: Persona,
        scenario: Scenario,
        account: AccountFile,
        seed: int,
        analyse: Callable[..., Analysis],
    ) -> None:
        self.persona = persona
        self.scenario = scenario
        self.account = account
        self.rng = random.Random(seed)
        self._analyse = analyse
        self.today: dt.date = account.call_date
        self.balance = account.account.balance
        n = persona.numbers
        self.start_numbers: dict[str, float] = {
            "trust": n.trust,
            "irritation": n.irritation,
            "patience": n.patience,
            "lump_sum": n.lump_sum,
            "monthly_capacity": n.monthly_capacity,
            "min_monthly": n.min_monthly,
            **n.custom,
        }
        self.numbers = dict(self.start_numbers)
        self.flags: dict[str, float] = {
            k: 0.0
            for k in ("verified", "identified", "disclosed", "turns", "offers", "money_asks",
                      "rapport", "agreed", "countered", "purpose_stated", "asked_before",
                      "repeated", "identity_mismatch", "unproductive", "asked_own_name")
        }
        self.revealed: dict[str, str] = {}
        self.revealed_now: set[str] = set()
        self.requests: set[str] = set()  # request events made so far (registry.REQUEST_EVENTS)
        self.offer: Terms | None = None
        self.counter: Terms | None = None
        self.agreed: Terms | None = None
        self.method_chosen: str | None = None  # the way to pay the debtor said they would use
        self._recap_method_differs = False  # this line's recap names another way to pay
        self.said: frozenset[str] = frozenset()
        self.said_ever: set[str] = set()  # every move the trainee has made in the call
        self.trainee_prints: list[tuple[str, frozenset[str]]] = []  # earlier lines, compared
        #: Each earlier line's last question: its intent, its sentence (normalised) and the
        #: sentence's specific words (understanding.question_words).
        self.trainee_asked: list[tuple[str, str, frozenset[str]]] = []
        self.answered: dict[str, int] = {}  # intent -> turn it was first answered
        self.asked_name = ""  # the name the caller asked for last
        self._pending_identity = False  # an identity question not yet answered
        self._confirm = False  # a transition asked to confirm identity this turn
        self._checks_back = False  # this line asks to hear it again, or reads it back
        self._proofs: list[tuple[str, str]] = []  # identity answers given this turn
        self.events: list[str] = []
        self._turn_events: list[str] = []
        self._fired: Transition | None = None
        self._analysis: Analysis | None = None
        self._env_cache: dict[str, float] | None = None
        self.ended_by: str | None = None
        self.last_reply = ""
        self.turns: list[Turn] = []
        self._init_pushing()

        self._conditions = self._compile_conditions()
        self._states = {s.name: s for s in persona.states}
        self._priority = list(persona.priority or registry.DEFAULT_PRIORITY)
        self._line_conditions = False  # conditions of line variants are being read
        self.voice = Voice(self.rng, self._line_holds)
        self.model = _Model()
        self.machine = Machine(
            model=self.model,
            states=[s.name for s in persona.states],
            initial=persona.initial,
            auto_transitions=False,
            ignore_invalid_triggers=True,
            send_event=False,
        )
        self._triggers_by_state: dict[str, set[str]] = {s.name: set() for s in persona.states}
        for spec in persona.transitions:
            self._add(spec)
        self._check_answers()
        self.opening = self._choose(persona.opening or self._states[persona.initial].lines
                                    or ["Hello?"])
        self.last_reply = self.opening

    # ------------------------------------------------------------------ state
    @property
    def state(self) -> str:
        return self.model.state

    @property
    def ended(self) -> bool:
        return self._states[self.state].final or self.ended_by is not None

    @property
    def mood(self) -> str:
        st = self._states[self.state]
        if st.mood:
            return st.mood
        t, i = self.numbers["trust"], self.numbers["irritation"]
        if i >= 70:
            return "angry"
        if i >= 45:
            return "irritated"
        if t >= 60:
            return "open"
        if t < 30:
            return "wary"
        return "guarded"

    def _variables(self) -> dict[str, float]:
        """The map conditions read, built once per trigger (callbacks run after them)."""
        if self._env_cache is None:
            self._env_cache = variables(self)
        return self._env_cache

    def _line_holds(self, name: str) -> bool:
        """A line variant's condition, read as of before this reply (see variables)."""
        self._line_conditions, self._env_cache = True, None
        try:
            return self._holds(name)
        finally:
            self._line_conditions, self._env_cache = False, None

    def _asked_again_lead(self, body: str) -> str:
        """'Like I said before,' + the answer; a plain 'You asked me that.' when joining the
        two would make a long sentence said before in this call."""
        d = self.account.debtor
        names = {d.first_name, d.last_name, self.account.account.creditor}
        joined = join_lead(self._special("asked_again"), body, names)
        if self.voice.fresh(joined):
            return joined
        return f"You asked me that. {body}" if self.flags["repeated"] else body

    def _choose(self, variants: list[Any]) -> str:
        """A variant, filled; a short 'like I said' line when every long one was said."""
        self._env_cache = None
        text = self.voice.choose(variants, line_values(self)) if variants else ""
        if not text and variants:
            text, self._filler = self._special("repeat") or "Mm.", True
        return text

    def _special(self, intent: str) -> str:
        """What the persona (or the shared answers) says for a special intent."""
        self._env_cache = None
        ans = pick(self.persona, intent, self.state, self._holds)
        if ans is None:
            return ""
        text = self.voice.choose(ans.say, line_values(self))
        return text or self.voice.choose(ans.again, line_values(self))

    # ------------------------------------------------------------------ turns
    def _fire(self, trigger: str) -> bool:
        if trigger not in self._triggers_by_state.get(self.state, ()):
            return False
        self._env_cache = None  # the last trigger's callbacks may have changed the state
        return bool(self.model.trigger(trigger))

    def _apply(self, keys: list[str], gains: bool = True) -> None:
        """Apply the effects of these keys; without ``gains`` (a repeated line) only what
        costs the trainee: trust and patience down, irritation up, counters up."""
        eff = self.persona.effects
        for key in keys:
            for number, delta in eff.get(key, {}).items():
                if number not in self.numbers:
                    continue
                gain = (delta > 0) != (number == "irritation") if number in _MOOD else False
                if gains or not gain:
                    self.numbers[number] += delta
        for k in ("trust", "irritation"):
            self.numbers[k] = min(100.0, max(0.0, self.numbers[k]))
        self.numbers["patience"] = max(0.0, self.numbers["patience"])
        self._env_cache = None

    def before_facts(self) -> PartyFacts:
        r = self.requests
        return PartyFacts(
            party=self.persona.party,
            verified=bool(self.flags["verified"]),
            disclosed=bool(self.flags["disclosed"]),
            disputed="dispute" in r,
            cease_requested="cease_requested" in r,
            attorney="attorney" in r,
            revealed=tuple(self.revealed),
            validation_requested="validation_requested" in r,
            bankruptcy="bankruptcy" in r,
            inconvenient="inconvenient" in r,
            deceased="deceased" in r,
            servicemember="servicemember" in r,
            time_barred="time_barred" in r,
            callback_requested="callback" in r,
            written_only="written_only" in r,
        )

    def say(self, text: str) -> Turn:
        """Play one trainee line; return the turn with the debtor's answer.

        An empty line is not a turn (ValueError)."""
        if self.ended:
            raise RuntimeError("the call has ended")
        if not text or not text.strip():
            raise ValueError("an empty line is not a turn")
        analysis = self._analyse(text, context=self.last_reply or None, today=self.today)
        before = self.before_facts()
        plan = plan_turn(self, analysis)
        taken = self._take_their_figure(plan, analysis)
        moves = plan.moves
        self.said = frozenset(moves)
        self._analysis = analysis
        self.offer = read_terms(analysis, self.balance, self.today, assume=taken)
        push_keys, muted = self._weigh_push(plan, analysis)  # kind words in a push earn nothing
        self._recap_method_differs = False
        self._turn_events = list(plan.events)
        self.revealed_now = set()
        self._fired = None
        self._confirm = False
        self._asked_again = False
        self._checks_back = plan.checks_back
        self._refused_proof = False
        self._proofs = []
        irritation_before = self.numbers["irritation"]
        if plan.asked_name:
            self.asked_name = plan.asked_name
        if plan.identity_asked:
            self._pending_identity = True

        f = self.flags
        f["turns"] += 1
        f["repeated"] = float(plan.repeated)
        f["asked_own_name"] = float(plan.own_name)
        if plan.mismatch:
            f["identity_mismatch"] = 1.0
        if "self_identification" in moves:
            f["identified"] = 1.0
        if "mini_miranda" in moves:
            f["disclosed"] = 1.0
        if self.offer is not None:
            f["offers"] += 1
        if MONEY_ASKS & self.said:
            f["money_asks"] += 1
        if RAPPORT_MOVES & (self.said - muted) and not plan.repeated:  # saying it twice is not rapport
            f["rapport"] += 1
        if "purpose" in plan.tells:
            f["purpose_stated"] = 1.0
        self._apply(["turn", *plan.effect_keys, *push_keys], gains=not plan.repeated)
        self._apply([m for m in moves if m not in muted], gains=not plan.repeated)
        self._apply(sorted(muted), gains=False)

        state_before = self.state
        agreed_before = self.agreed
        # A recap that restates the agreed amount with a date or a method settles them before
        # the debtor answers, so "that's right, starting ..." names the date just said.
        self._refine_agreed_from_recap()
        trigger = ""
        if plan.understood and not plan.says_again:
            for move in sorted(self._firing(moves), key=self._rank):
                if self._fire(move):
                    trigger = move
                    break
            if not trigger and (plan.listens or not (moves or plan.asks)) and self._fire("no_move"):
                trigger = "no_move"
        fired = self._fired
        answered: list[str] = []
        if not plan.english:
            reply = self._special("not_english")
        elif not plan.understood:
            reply = self._special("not_understood")
        elif plan.says_again and self.last_reply:
            reply = self.last_reply  # "Sorry, what was that?": said again, word for word
        else:
            reply = self._compose(plan, fired, trigger, state_before, answered)
            asked = bool(plan.asks) or "?" in text
            filler = len(reply) < 16 and reply.count(" ") < 2  # "Mm-hm." is no answer to repeat
            if plan.repeated and asked and not self._asked_again and not self.ended and not filler:
                # The same question again: the debtor notices ("You asked me that.")
                reply = self._asked_again_lead(reply)
        if self._confirm and self._refused_proof:
            # The transition would confirm, but the debtor refused to give the proof asked
            # for ("Who's asking?"): nothing is confirmed, the persona stays where it was.
            self.machine.set_state(state_before, model=self.model)
            self._confirm = False
        if not self._verify(plan) and plan.understood:
            # The name or detail asked for is not the debtor's: no confirmation is heard,
            # and the persona stays where it was.
            self.machine.set_state(state_before, model=self.model)
            reply = self._special("identity_mismatch") or reply

        reply = self._push_reply(self._hear_fee(self._correct_recap(agreed_before, moves, reply)))
        reply = self._check_callback_time(text, reply)
        self._remember_push(moves, self._turn_events)
        if self.agreed is not agreed_before:  # agreed in this line: its recap may settle details
            self._refine_agreed_from_recap()
        if "answered:payment_method" in self._turn_events:
            self._hear_method(reply)
        progressed = (self.state != state_before or any(
            e.startswith(_PROGRESS_EVENTS) for e in self._turn_events) or plan.new_moves)
        if not plan.says_again and (not progressed or plan.repeated or not plan.understood):
            f["unproductive"] += 1
            self._apply(["unproductive"])
        self.said_ever.update(moves)
        self._fired = None
        if not self.ended and self._fire("check"):
            extra = self._reply_for(self._fired, self.state, idle=False)
            if extra:
                reply = f"{reply} {extra}".strip() if reply else extra

        delta = self.numbers["irritation"] - irritation_before
        if delta >= ESCALATION_STEP and "escalated" not in self._turn_events:
            self._turn_events.append("escalated")
        elif delta <= -CALMING_STEP and "calmed" not in self._turn_events:
            self._turn_events.append("calmed")
        if self.ended:
            st = self._states[self.state]
            if st.outcome == "hung_up":
                self._turn_events.append("hung_up")
            self._turn_events.append("call_ended")
            self.ended_by = self.ended_by or ("trainee" if trigger == "closing" else "debtor")
        reply = reply or "Mm."
        self.voice.remember(reply)

        turn = Turn(
            index=len(self.turns) + 1,
            text=text,
            analysis=analysis,
            reply=reply,
            state=self.state,
            trigger=trigger,
            events=tuple(self._turn_events),
            before=before,
            numbers={k: self.numbers[k] for k in ("trust", "irritation", "patience")},
            offer=self.offer,
            mood=self.mood,
            understood=plan.understood and plan.english,
            answered=tuple(answered),
        )
        self.events.extend(self._turn_events)
        self.turns.append(turn)
        self.last_reply = reply
        return turn

    def _rank(self, move: str) -> int:
        try:
            return self._priority.index(move)
        except ValueError:
            return len(self._priority)

    def _reply_for(self, spec: Transition | None, state_before: str, idle: bool = True) -> str:
        if spec is not None and spec.say:
            return self._choose(spec.say)
        st = self._states[self.state]
        if spec is not None and self.state != state_before and st.lines:
            return self._choose(st.lines)
        if idle:
            return self._choose(st.idle or st.lines or ["Mm-hm."])
        return ""

