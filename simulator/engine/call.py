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
from functools import partial
from typing import Any

from transitions import Machine

from simulator.content.account import AccountFile
from simulator.content.models import Answer, Persona, Scenario, Transition
from simulator.engine import registry
from simulator.engine.answers import candidates, pick, shared_answers
from simulator.engine.expressions import compile_expression
from simulator.engine.lines import Voice, fill, join_lead
from simulator.engine.offers import counter_terms, read_terms
from simulator.engine.records import CallResult, PartyFacts, Terms, Turn
from simulator.engine.turns import TurnPlan, identity_proved, plan_turn
from simulator.engine.values import line_values
from simulator.nlu.types import OFFER_MOVES, Analysis

RAPPORT_MOVES = frozenset({"empathy", "reflection", "open_question"})
MONEY_ASKS = OFFER_MOVES | {"ask_capacity"}
ESCALATION_STEP = 20.0  # irritation rising this much in one turn is an 'escalated' event
CALMING_STEP = 15.0
_MOOD = frozenset({"trust", "irritation", "patience"})
#: A reaction to these moves says something of its own even when it changes nothing.
SUBSTANTIVE = MONEY_ASKS | {"pressure", "threat", "abuse", "recap_agreement", "closing"}
#: Events that show a turn moved the call on.
_PROGRESS_EVENTS = ("verified", "revealed:", "offer_", "promise_to_pay", "calmed", "callback",
                    "dispute", "cease_requested", "attorney", "validation_requested", "bankruptcy",
                    "inconvenient", "deceased", "servicemember", "time_barred", "answered:")


class PersonaError(ValueError):
    """Persona data the engine cannot run (lint reports these with positions first)."""


class _Model:
    """The object `transitions` drives; it only holds the state."""

    state: str


class Call:
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
        self.said: frozenset[str] = frozenset()
        self.said_ever: set[str] = set()  # every move the trainee has made in the call
        self.answered: dict[str, int] = {}  # intent -> turn it was first answered
        self.asked_name = ""  # the name the caller asked for last
        self._pending_identity = False  # an identity question not yet answered
        self._confirm = False  # a transition asked to confirm identity this turn
        self._proofs: list[tuple[str, str]] = []  # identity answers given this turn
        self.events: list[str] = []
        self._turn_events: list[str] = []
        self._fired: Transition | None = None
        self._analysis: Analysis | None = None
        self._env_cache: dict[str, float] | None = None
        self.ended_by: str | None = None
        self.last_reply = ""
        self.turns: list[Turn] = []

        self._conditions = self._compile_conditions()
        self._states = {s.name: s for s in persona.states}
        self._priority = list(persona.priority or registry.DEFAULT_PRIORITY)
        self.voice = Voice(self.rng, self._holds)
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

    # ------------------------------------------------------------------ building
    def _compile_conditions(self) -> dict[str, Callable[[], bool]]:
        known = registry.known_variables(list(self.start_numbers), list(self.persona.facts))
        out: dict[str, Callable[[], bool]] = {}
        for name, src in {**registry.BUILTIN_CONDITIONS, **self.persona.conditions}.items():
            try:
                fn, _ = compile_expression(src, known)
            except ValueError as exc:
                raise PersonaError(f"condition '{name}': {exc}") from None
            out[name] = (lambda f: lambda: bool(f(self._variables())))(fn)
        return out

    def _holds(self, name: str) -> bool:
        cond = self._conditions.get(name)
        if cond is None:
            raise PersonaError(f"unknown condition '{name}'")
        return cond()

    def _callback(self, name: str) -> Callable[[], None]:
        base, _, arg = name.partition(":")
        spec = registry.CALLBACKS.get(base)
        if spec is None:
            raise PersonaError(f"unknown callback '{base}'")
        if spec.arg == "fact" and arg not in self.persona.facts:
            raise PersonaError(f"callback '{name}' names unknown fact '{arg}'")
        method = getattr(self, f"_cb_{base}")
        return partial(method, arg) if spec.arg else method

    def _add(self, spec: Transition) -> None:
        conditions = []
        for c in spec.when:
            if c not in self._conditions:
                raise PersonaError(f"unknown condition '{c}'")
            conditions.append(self._conditions[c])
        unless = []
        for c in spec.unless:
            if c not in self._conditions:
                raise PersonaError(f"unknown condition '{c}'")
            unless.append(self._conditions[c])
        after = [partial(self._mark_fired, spec)] + [self._callback(d) for d in spec.do]
        sources = list(self._states) if spec.sources == ["*"] else spec.sources
        for src in sources:
            if src not in self._states:
                raise PersonaError(f"unknown state '{src}'")
        if spec.to is not None and spec.to not in self._states:
            raise PersonaError(f"unknown state '{spec.to}'")
        sources = [s for s in sources if not self._states[s].final]
        if not sources:
            return
        for trig in spec.triggers:
            if trig not in registry.trigger_names():
                raise PersonaError(f"unknown trigger '{trig}'")
            self.machine.add_transition(
                trig, sources, spec.to if spec.to is not None else None,
                conditions=conditions, unless=unless, after=after,
            )
            for s in sources:
                self._triggers_by_state[s].add(trig)

    def _check_answers(self) -> None:
        """Every name an answer uses exists (shared answers included), before any turn."""
        for intent in set(self.persona.answers) | set(shared_answers()):
            for ans in candidates(self.persona, intent):
                for c in [*ans.when, *ans.unless]:
                    if c not in self._conditions:
                        raise PersonaError(f"answers.{intent}: unknown condition '{c}'")
                for d in ans.do:
                    self._callback(d)

    # ------------------------------------------------------------------ state
    @property
    def state(self) -> str:
        return self.model.state

    @property
    def disputed(self) -> bool:
        return "dispute" in self.requests

    @property
    def cease(self) -> bool:
        return "cease_requested" in self.requests

    @property
    def attorney(self) -> bool:
        return "attorney" in self.requests

    @property
    def callback(self) -> bool:
        return "callback" in self.requests

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
            self._env_cache = self._env()
        return self._env_cache

    def _env(self) -> dict[str, float]:
        o = self.offer
        env: dict[str, float] = {**self.numbers, **self.flags}
        env["balance"] = self.balance
        env["revealed"] = float(len(self.revealed))
        env["hardship_revealed"] = float(
            any(self.persona.facts[f].kind == "hardship" for f in self.revealed)
        )
        env["has_offer"] = float(o is not None and (o.kind != "alternative" or o.total > 0))
        env["offer_total"] = o.total if o else 0.0
        env["offer_upfront"] = o.upfront if o else 0.0
        env["offer_monthly"] = o.per_month if o else 0.0
        env["offer_count"] = float(o.count) if o else 0.0
        env["offer_fraction"] = (o.total / self.balance) if o and self.balance else 0.0
        env["offer_start_days"] = float(o.start_days) if o else 0.0
        env["offer_is_plan"] = float(o is not None and o.kind == "payment_plan" and o.monthly > 0)
        env["offer_is_lump"] = float(
            o is not None and o.kind in ("full_payment", "settlement") and o.upfront > 0
        )
        env["counter_monthly"] = self.counter.monthly if self.counter else 0.0
        env["moves"] = float(len(self.said))
        env["third_party"] = float(self.persona.party == "third_party")
        env["told"] = float(bool(self.revealed or self.answered))
        for kind, event in registry.REQUEST_EVENTS.items():
            env[f"requested_{kind}"] = float(event in self.requests)
        for f in self.persona.facts:
            env[f"revealed_{f}"] = float(f in self.revealed)
        for m in self.said:
            env[f"said_{m}"] = 1.0
        return env

    def _choose(self, variants: list[Any]) -> str:
        """A variant, filled; a short 'like I said' line when every long one was said."""
        self._env_cache = None
        text = self.voice.choose(variants, line_values(self)) if variants else ""
        if not text and variants:
            text = self._special("repeat") or "Mm."
        return text

    def _special(self, intent: str) -> str:
        """What the persona (or the shared answers) says for a special intent."""
        self._env_cache = None
        ans = pick(self.persona, intent, self.state, self._holds)
        if ans is None:
            return ""
        text = self.voice.choose(ans.say, line_values(self))
        return text or self.voice.choose(ans.again, line_values(self))

    # ------------------------------------------------------------------ callbacks
    def _mark_fired(self, spec: Transition) -> None:
        self._fired = spec
        self._turn_events.extend(spec.events)

    def _event(self, name: str) -> None:
        self._turn_events.append(name)

    def _request(self, event: str) -> None:
        if event not in self.requests:
            self.requests.add(event)
            self._event(event)

    def _cb_confirm_identity(self) -> None:
        self._confirm = True

    def _cb_reveal(self, fact: str) -> None:
        if fact not in self.revealed:
            self.revealed_now.add(fact)
            self.revealed[fact] = fill(self.persona.facts[fact].text, line_values(self))
            self._event(f"revealed:{fact}")
            event = registry.fact_event(self.persona.facts[fact].kind)
            if event:
                self._request(event)

    def _agree(self, terms: Terms) -> None:
        method = terms.method or self.persona.preferred_method
        first = terms.first_date
        if first is None:
            if terms.kind == "payment_plan":
                first = (self.today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            else:
                first = self.today + dt.timedelta(days=7)
        kind = terms.kind if terms.kind != "alternative" else "payment_plan"
        self.agreed = Terms(kind, terms.total, terms.upfront, terms.monthly, terms.count, first,
                            method, (first - self.today).days, terms.period)
        self.flags["agreed"] = 1.0

    def _cb_accept_offer(self) -> None:
        if self.offer is not None:
            self._agree(self.offer)
            self._event("offer_accepted")

    def _cb_accept_counter(self) -> None:
        if self.counter is not None:
            self._agree(self.counter)
            self._event("offer_accepted")

    def _cb_counter_offer(self) -> None:
        n = self.numbers
        self.counter = counter_terms(self.balance, n["lump_sum"], n["monthly_capacity"],
                                     n["min_monthly"], self.offer)
        self.flags["countered"] = 1.0
        self._event("offer_countered")

    def _cb_refuse_offer(self) -> None:
        self._event("offer_refused")

    def _cb_promise(self) -> None:
        first = self.offer.first_date if self.offer and self.offer.first_date else None
        self.agreed = Terms("promise_to_pay", self.balance, self.balance, 0.0, 0,
                            first or self.today + dt.timedelta(days=7),
                            (self.offer.method if self.offer else None) or self.persona.preferred_method)
        self.flags["agreed"] = 1.0
        self._event("promise_to_pay")

    def _cb_record_dispute(self) -> None:
        self._request("dispute")

    def _cb_record_cease(self) -> None:
        self._request("cease_requested")

    def _cb_record_attorney(self) -> None:
        self._request("attorney")

    def _cb_record_validation(self) -> None:
        self._request("validation_requested")

    def _cb_record_bankruptcy(self) -> None:
        self._request("bankruptcy")

    def _cb_record_deceased(self) -> None:
        self._request("deceased")

    def _cb_record_servicemember(self) -> None:
        self._request("servicemember")

    def _cb_record_time_barred(self) -> None:
        self._request("time_barred")

    def _cb_record_inconvenient(self) -> None:
        self._request("inconvenient")

    def _cb_schedule_callback(self) -> None:
        self.requests.add("callback")
        self._event("callback")

    def _cb_escalate(self) -> None:
        self._event("escalated")

    def _cb_calm_down(self) -> None:
        self._event("calmed")

    def _cb_reset_patience(self) -> None:
        self.numbers["patience"] = self.start_numbers["patience"]

    def _cb_complain(self) -> None:
        self._event("complaint")

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
        moves = plan.moves
        self.said = frozenset(moves)
        self._analysis = analysis
        self.offer = read_terms(analysis, self.balance, self.today)
        self._turn_events = list(plan.events)
        self.revealed_now = set()
        self._fired = None
        self._confirm = False
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
        if RAPPORT_MOVES & self.said:
            f["rapport"] += 1
        if "purpose" in plan.tells:
            f["purpose_stated"] = 1.0
        self._apply(["turn", *plan.effect_keys], gains=not plan.repeated)
        self._apply(moves, gains=not plan.repeated)

        state_before = self.state
        trigger = ""
        if plan.understood:
            for move in sorted(moves, key=self._rank):
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
        else:
            reply = self._compose(plan, fired, trigger, state_before, answered)
        self._verify(plan)

        self._refine_agreed_from_recap()
        progressed = (self.state != state_before or any(
            e.startswith(_PROGRESS_EVENTS) for e in self._turn_events) or plan.new_moves)
        if not progressed or plan.repeated or not plan.understood:
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

    # ------------------------------------------------------------------ answering
    def _compose(self, plan: TurnPlan, fired: Transition | None, trigger: str,
                 state_before: str, answered: list[str]) -> str:
        """The reply: the reaction to the move that fired, the answer to the question."""
        reaction = self._reply_for(fired, state_before)
        if self.ended:
            return reaction
        self.voice.hold(reaction)
        changed = self.state != state_before
        substantive = fired is not None and bool(changed or fired.do or trigger in SUBSTANTIVE)
        told = bool(self.revealed_now)  # the reaction told a fact: it must be said
        ask = plan.question_for(trigger, confirmed=self._confirm, substantive=substantive, told=told)
        if ask is None:
            return reaction
        answer = self._answer(ask.intent, plan, answered, filler=not reaction)
        if not answer:
            return reaction
        identity_swap = trigger == "identity_verification" and ask.intent != "identity_name"
        if reaction and told:
            return f"{reaction} {answer}"
        if identity_swap or not substantive or not reaction:
            return answer
        return f"{reaction} {answer}"

    def _answer(self, intent: str, plan: TurnPlan, answered: list[str], filler: bool = True) -> str:
        """Answer one question; '' when the persona has nothing fresh to say to it and
        ``filler`` is off (the reaction already said it)."""
        asked_before = intent in self.answered
        self.flags["asked_before"] = float(asked_before)
        self._env_cache = None
        ans = pick(self.persona, intent, self.state, self._holds)
        if ans is None:
            return ""
        for d in ans.do:
            self._callback(d)()
        self._turn_events.extend(ans.events)
        text = self._say_answer(ans, asked_before, filler)
        if not text:
            return ""
        answered.append(intent)
        if ans.refuse:
            self._event(f"refused:{intent}")
        else:
            self._event(f"answered:{intent}")
            self.answered.setdefault(intent, len(self.turns) + 1)
            if intent in plan.proof_intents:
                self._proofs.append((intent, text))
        return text

    def _say_answer(self, ans: Answer, asked_before: bool, filler: bool = True) -> str:
        values = line_values(self)
        if asked_before and not ans.refuse:
            again = self.voice.choose(ans.again, values) if ans.again else ""
            lead = self._special("asked_again")
            body = again or self.voice.choose(ans.say, values)
            d = self.account.debtor
            return join_lead(lead, body, {d.first_name, d.last_name, self.account.account.creditor})
        text = self.voice.choose(ans.say, values) or self.voice.choose(ans.again, values)
        return text or (self._special("repeat") if filler else "")

    def _verify(self, plan: TurnPlan) -> None:
        """Verified only when the caller asked for proof and the answer matched the file."""
        if self.flags["verified"] or self.persona.party != "debtor" or plan.mismatch:
            return
        gave_proof = bool(self._proofs) or self._confirm
        if not (gave_proof and self._pending_identity):
            return
        if not identity_proved(self, self._proofs):
            if "identity_mismatch" not in self._turn_events:
                self._event("identity_mismatch")
            self.flags["identity_mismatch"] = 1.0
            return
        self.flags["verified"] = 1.0
        self._pending_identity = False
        self._event("verified")

    def _refine_agreed_from_recap(self) -> None:
        """A recap that restates the agreed amount may settle its details (date, method)."""
        a = self.agreed
        if a is None or "recap_agreement" not in self.said or self._analysis is None:
            return
        o = read_terms(self._analysis, self.balance, self.today, assume=a.kind)
        if o is None:
            return
        same = (o.monthly and abs(o.monthly - a.monthly) < 1) or (o.total and abs(o.total - a.total) < 1)
        if not same:
            return
        first = o.first_date or a.first_date
        self.agreed = Terms(a.kind, a.total, a.upfront, a.monthly, a.count, first, o.method or a.method,
                            (first - self.today).days if first else a.start_days, a.period)

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

    # ------------------------------------------------------------------ the end
    def hang_up(self) -> str:
        """The trainee ends the call. Returns what the debtor says, if anything."""
        if self.ended:
            return ""
        self._turn_events = []
        self._fired = None
        reply = ""
        if self._fire("hang_up"):
            reply = self._reply_for(self._fired, self.state, idle=False)
        self.ended_by = "trainee"
        self.events.extend(self._turn_events)
        self.events.append("call_ended")
        return reply

    def end_by_script(self) -> None:
        """The record ran out of lines while the call was still going."""
        if not self.ended:
            self.ended_by = "script"
            self.events.append("call_ended")

    def outcome(self) -> str:
        """How the call ended. 'refused' only when the debtor refused; a call the trainee
        ended without a refusal is 'ended_by_trainee'; the debtor ending it is 'hung_up'."""
        st = self._states[self.state]
        if st.final and st.outcome and st.outcome != "auto":
            return st.outcome
        r = self.requests
        if "dispute" in r:
            return "dispute"
        if "cease_requested" in r:
            return "cease_requested"
        if "attorney" in r:
            return "attorney"
        if self.agreed is not None:
            return "promise_to_pay" if self.agreed.kind == "promise_to_pay" else "agreement"
        if "callback" in r:
            return "callback"
        if self.persona.party == "third_party":
            return "wrong_party"
        if "offer_refused" in self.events:
            return "refused"
        if self.ended_by == "debtor":
            return "hung_up"
        return "ended_by_trainee"

    def result(self) -> CallResult:
        return CallResult(
            outcome=self.outcome(),
            final_state=self.state,
            ended_by=self.ended_by or ("debtor" if self.ended else "script"),
            agreed=self.agreed,
            revealed=dict(self.revealed),
            numbers=dict(self.numbers),
            events=tuple(self.events),
        )

    def snapshot(self) -> dict[str, Any]:
        """For coach mode: the debtor's numbers and mood."""
        return {"state": self.state, "mood": self.mood,
                **{k: round(self.numbers[k], 1) for k in ("trust", "irritation", "patience")}}
