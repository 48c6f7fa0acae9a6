"""What persona callbacks do to a call (registry.CALLBACKS names them; lint checks the
names at load). Mixed into :class:`simulator.engine.call.Call`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simulator.content.models import Transition
from simulator.engine import registry
from simulator.engine.lines import fill
from simulator.engine.offers import counter_terms
from simulator.engine.records import Terms
from simulator.engine.values import line_values


class Callbacks:
    """The ``_cb_<name>`` methods a persona's ``do:`` lists call, and what they record."""

    persona: Any
    today: dt.date
    balance: float
    numbers: dict[str, float]
    start_numbers: dict[str, float]
    flags: dict[str, float]
    revealed: dict[str, str]
    revealed_now: set[str]
    requests: set[str]
    offer: Terms | None
    counter: Terms | None
    agreed: Terms | None
    method_chosen: str | None
    _turn_events: list[str]
    _fired: Transition | None
    _confirm: bool

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
        method = terms.method or self.method_chosen or self.persona.preferred_method
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

    def _cb_record_written_only(self) -> None:
        self._request("written_only")

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
