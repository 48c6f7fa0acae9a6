"""How a call ends: the trainee hangs up, the record runs out, or a final state; and the
outcome it reports. Mixed into :class:`simulator.engine.call.Call`."""

from __future__ import annotations

from typing import Any

from simulator.engine.records import CallResult


class Ending:
    """hang_up, end_by_script, outcome, result, snapshot."""

    persona: Any
    requests: set[str]
    events: list[str]
    numbers: dict[str, float]
    revealed: dict[str, str]
    agreed: Any
    ended_by: str | None
    _turn_events: list[str]
    _fired: Any

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
        if "written_only" in r:
            return "validation_requested"
        if self.agreed is not None:
            return "promise_to_pay" if self.agreed.kind == "promise_to_pay" else "agreement"
        if "bankruptcy" in r:
            return "bankruptcy"
        if "deceased" in r:
            return "deceased"
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
        out: dict[str, Any] = {"state": self.state, "mood": self.mood,
                               **{k: round(self.numbers[k], 1) for k in ("trust", "irritation", "patience")}}
        if self.persona.party == "debtor" and not self.flags["verified"] and self.state != self.persona.initial:
            # A state named "verified" once they said "yes, this is Rob" proves nothing:
            # the scorecard's disclosure check wants the full name or another detail.
            out["identity"] = "not proved"
        return out
