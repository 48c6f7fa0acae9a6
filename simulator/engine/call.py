"""One call: a `transitions` machine built from persona data, driven by the trainee's moves.

Per turn: the line's moves change the persona's numbers (``effects``), the highest
priority move that some transition answers fires it (conditions read the numbers and
the session's facts), callbacks record what happened (verified, revealed, agreed...),
a debtor line is chosen among variants by the seeded generator and filled, and
``check`` transitions run (hang up when furious, give up when out of patience).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from functools import partial
from typing import Any

from transitions import Machine

from simulator.content.account import AccountFile
from simulator.content.account import spoken_money as money
from simulator.content.models import Persona, Scenario, Transition
from simulator.engine import registry
from simulator.engine.expressions import compile_expression
from simulator.engine.lines import fill
from simulator.engine.offers import counter_terms, read_terms
from simulator.engine.records import CallResult, PartyFacts, Terms, Turn
from simulator.nlu.types import OFFER_MOVES, Analysis

RAPPORT_MOVES = frozenset({"empathy", "reflection", "open_question"})
MONEY_ASKS = OFFER_MOVES | {"ask_capacity"}
ESCALATION_STEP = 20.0  # irritation rising this much in one turn is an 'escalated' event
CALMING_STEP = 15.0


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
                      "rapport", "agreed", "countered")
        }
        self.revealed: dict[str, str] = {}
        self.disputed = self.cease = self.attorney = self.callback = False
        self.offer: Terms | None = None
        self.counter: Terms | None = None
        self.agreed: Terms | None = None
        self.said: frozenset[str] = frozenset()
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
        self.opening = self._choose(persona.opening or self._states[persona.initial].lines or ["Hello?"])
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
        for f in self.persona.facts:
            env[f"revealed_{f}"] = float(f in self.revealed)
        for m in self.said:
            env[f"said_{m}"] = 1.0
        return env

    def _values(self) -> dict[str, dict[str, str]]:
        d, a = self.account.debtor, self.account.account
        tp = self.scenario.call.third_party

        def terms(t: Terms | None) -> dict[str, str]:
            if t is None:
                return {}
            return {
                "total": money(t.total), "monthly": money(t.monthly), "count": str(t.count),
                "upfront": money(t.upfront),
                "first_date": _spoken_date(t.first_date) if t.first_date else "the first",
                "method": (t.method or "").replace("_", " "),
            }

        return {
            "debtor": {"first_name": d.first_name, "last_name": d.last_name,
                       "full_name": d.full_name, "phone": d.phone, "address": d.address,
                       "employer": d.employer, "state": d.state},
            "account": {"balance": money(a.balance), "creditor": a.creditor,
                        "original_creditor": a.original_creditor, "product": a.product,
                        "last4": a.last4, "number": a.number,
                        "days_past_due": str(a.days_past_due),
                        "last_payment_date": _spoken_date(a.last_payment_date),
                        "last_payment_amount": money(a.last_payment_amount)},
            "creditor": {"name": a.creditor},
            "agency": {"name": a.agency},
            "collector": {"name": a.collector_name},
            "third_party": {"name": tp.name, "relation": tp.relation} if tp else {},
            "offer": terms(self.offer),
            "counter": terms(self.counter),
            "agreed": terms(self.agreed),
            "persona": {"lump_sum": money(self.numbers["lump_sum"]),
                        "monthly_capacity": money(self.numbers["monthly_capacity"])},
            "fact": {k: v.text for k, v in self.persona.facts.items()},
        }

    def _choose(self, variants: list[str]) -> str:
        if not variants:
            return ""
        return fill(variants[self.rng.randrange(len(variants))], self._values())

    # ------------------------------------------------------------------ callbacks
    def _mark_fired(self, spec: Transition) -> None:
        self._fired = spec
        self._turn_events.extend(spec.events)

    def _event(self, name: str) -> None:
        self._turn_events.append(name)

    def _cb_confirm_identity(self) -> None:
        if not self.flags["verified"]:
            self.flags["verified"] = 1.0
            self._event("verified")

    def _cb_reveal(self, fact: str) -> None:
        if fact not in self.revealed:
            self.revealed[fact] = fill(self.persona.facts[fact].text, self._values())
            self._event(f"revealed:{fact}")
            kind = self.persona.facts[fact].kind
            if kind == "dispute":
                self._cb_record_dispute()
            elif kind == "attorney":
                self._cb_record_attorney()
            elif kind == "cease":
                self._cb_record_cease()

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
        if not self.disputed:
            self.disputed = True
            self._event("dispute")

    def _cb_record_cease(self) -> None:
        if not self.cease:
            self.cease = True
            self._event("cease_requested")

    def _cb_record_attorney(self) -> None:
        if not self.attorney:
            self.attorney = True
            self._event("attorney")

    def _cb_schedule_callback(self) -> None:
        self.callback = True
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

    def _apply_effects(self, moves: list[str]) -> None:
        eff = self.persona.effects
        for key in ["turn", *moves]:
            for number, delta in eff.get(key, {}).items():
                if number in self.numbers:
                    self.numbers[number] += delta
        for k in ("trust", "irritation"):
            self.numbers[k] = min(100.0, max(0.0, self.numbers[k]))
        self.numbers["patience"] = max(0.0, self.numbers["patience"])

    def before_facts(self) -> PartyFacts:
        return PartyFacts(
            party=self.persona.party,
            verified=bool(self.flags["verified"]),
            disclosed=bool(self.flags["disclosed"]),
            disputed=self.disputed,
            cease_requested=self.cease,
            attorney=self.attorney,
            revealed=tuple(self.revealed),
        )

    def say(self, text: str) -> Turn:
        """Play one trainee line; return the turn with the debtor's answer."""
        if self.ended:
            raise RuntimeError("the call has ended")
        analysis = self._analyse(text, context=self.last_reply or None, today=self.today)
        before = self.before_facts()
        moves = list(analysis.move_names)
        self.said = frozenset(moves)
        self._analysis = analysis
        self.offer = read_terms(analysis, self.balance, self.today)
        self._turn_events = []
        self._fired = None
        irritation_before = self.numbers["irritation"]

        f = self.flags
        f["turns"] += 1
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
        self._apply_effects(moves)

        state_before = self.state
        trigger = ""
        for move in sorted(moves, key=self._rank):
            if self._fire(move):
                trigger = move
                break
        if not trigger and self._fire("no_move"):
            trigger = "no_move"
        reply = self._reply_for(self._fired, state_before)

        self._refine_agreed_from_recap()
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
            self.ended_by = self.ended_by or "debtor"

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
        )
        self.events.extend(self._turn_events)
        self.turns.append(turn)
        self.last_reply = reply
        return turn

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
        st = self._states[self.state]
        if st.final and st.outcome and st.outcome != "auto":
            return st.outcome
        if self.disputed:
            return "dispute"
        if self.cease:
            return "cease_requested"
        if self.agreed is not None:
            return "promise_to_pay" if self.agreed.kind == "promise_to_pay" else "agreement"
        if self.callback:
            return "callback"
        if self.persona.party == "third_party":
            return "wrong_party"
        return "refused"

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


def _spoken_date(d: dt.date) -> str:
    return f"{d.strftime('%B')} {d.day}"
