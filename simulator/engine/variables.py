"""The variables persona conditions read, as a call stands now (registry documents
them: SESSION_VARIABLES, numbers, revealed_<fact>, said_<move>, requested_<kind>)."""

from __future__ import annotations

from typing import Any

from simulator.engine import registry
from simulator.engine.understanding import promises_writing, wh_sentence


def variables(self: Any) -> dict[str, float]:
        o = self.offer
        env: dict[str, float] = {**self.numbers, **self.flags}
        env["balance"] = self.balance
        env["revealed"] = float(len(self.revealed))
        env["hardship_revealed"] = float(
            any(self.persona.facts[f].kind == "hardship" for f in self.revealed)
        )
        # Terms to weigh: an amount, an instalment or a count. "Would a reduced amount be
        # something you'd consider?" names none, and is not "more than I've got".
        env["has_offer"] = float(o is not None and (o.total > 0 or o.monthly > 0 or o.count > 0))
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
        told_facts = [f for f in self.revealed if not (self._line_conditions and f in self.revealed_now)]
        env["recap_method_differs"] = float(self._recap_method_differs)
        asks = self._analysis.asks if self._analysis is not None else ()
        env["wh_question"] = float(bool(asks) and wh_sentence(self._analysis.text, asks[-1].start))
        env["asked_what_happened"] = float(bool(asks) and asks[-1].intent == "what_happened")
        env["method_named"] = float(self._analysis is not None and any(
            e.type == "payment_method" and e.value for e in self._analysis.entities))
        env["writing_promised"] = float(self._analysis is not None and promises_writing(self._analysis.text))
        env["told"] = float(bool(told_facts or self.answered))
        for kind, event in registry.REQUEST_EVENTS.items():
            env[f"requested_{kind}"] = float(event in self.requests)
        for f in self.persona.facts:
            # A line is chosen after this turn's callbacks ran: for its conditions, a fact
            # revealed by this very reply is not yet "told" (it is being told now).
            fresh = self._line_conditions and f in self.revealed_now
            env[f"revealed_{f}"] = float(f in self.revealed and not fresh)
        for m in self.said:
            env[f"said_{m}"] = 1.0
        return env
