"""Compliance rules for the calls whose trap is something the debtor says mid-call:
"I'm at work, I can't talk", "send me everything in writing", "my lawyer handles this".

Each rule applies only from the turn the debtor said it (``turn.before`` carries the
flag the engine recorded), so a call on any other scenario is never judged by it.
``scoring.compliance`` imports this module, which registers the rules there.
"""

from __future__ import annotations

import re

from scoring.compliance import COLLECTING_MOVES, _add, _after, _skip, rule
from scoring.context import CallView
from scoring.scorecard import Compliance
from simulator.rxcache import compile as rx

#: Going on about the debt at a time or place the debtor said is inconvenient: collecting,
#: or stating the debt (the right move is to ask when to call back, and end).
INCONVENIENT_MOVES: tuple[str, ...] = ("state_debt", *COLLECTING_MOVES)

#: A line that asks for the attorney's details (name, number, firm...), in words the
#: analyser's ``attorney`` question intent may not cover (an imported transcript).
ATTORNEY_DETAILS = rx(
    r"\b(?:attorney|lawyer|counsel)(?:'s)?\b[^.?!]{0,40}\b(?:name|number|phone|contact|address|firm|"
    r"office|details|information|info|email)\b|"
    r"\b(?:name|number|contact|details|information)\b[^.?!]{0,30}\b(?:attorney|lawyer|counsel)\b",
    re.I,
)
#: Notes that carry the attorney's contact: a phone number, or an e-mail address.
CONTACT_IN_NOTES = rx(r"\(?\b\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}\b|\b\S+@\S+\.\w+\b")


def _unknown(view: CallView) -> bool:
    return any(t.before is None for t in view.turns)


def _collecting_after(view: CallView, out: Compliance, rule_id: str, flag: str,
                      moves: tuple[str, ...], what: str) -> None:
    """Every line that carries one of ``moves`` once ``flag`` was true."""
    _after(view, out, rule_id, flag, what, moves, doing="went on about the debt",
           facts="what the debtor asked for")


@rule("collecting_at_inconvenient_time")
def _inconvenient(view: CallView, out: Compliance) -> None:
    _collecting_after(view, out, "collecting_at_inconvenient_time", "inconvenient", INCONVENIENT_MOVES,
                      "the debtor said this time or place is inconvenient (ask when to call back, and end)")


@rule("collecting_before_validation")
def _before_validation(view: CallView, out: Compliance) -> None:
    _collecting_after(view, out, "collecting_before_validation", "written_only", COLLECTING_MOVES,
                      "the debtor asked for validation in writing and not to discuss it by phone")


def _asked_for_attorney(t: object) -> bool:
    analysis = getattr(t, "analysis", None)
    asks = {a.intent for a in getattr(analysis, "asks", ())}
    return "attorney" in asks or bool(ATTORNEY_DETAILS.search(getattr(t, "text", "")))


@rule("attorney_details_not_taken")
def _attorney_details(view: CallView, out: Compliance) -> None:
    if _unknown(view):
        _skip(out, "attorney_details_not_taken", "the call's facts (an attorney) are unknown")
        return
    said = next((t for t in view.turns if "attorney" in t.events), None)
    if said is None:
        return
    later = [t for t in view.turns if t.index > said.index]
    if not later and (view.result is None or view.result.ended_by == "debtor"):
        return  # the debtor ended the call as they said it: no chance to ask
    # The line the debtor answered by naming an attorney counts only if it asked for the
    # details themselves ("Do you have a lawyer?" is not asking for the lawyer's number).
    if ATTORNEY_DETAILS.search(said.text) or any(_asked_for_attorney(t) for t in later):
        return
    notes = (view.record.notes or "") if view.record is not None else ""
    if CONTACT_IN_NOTES.search(notes):
        return
    _add(view, out, "attorney_details_not_taken", said.index, said.reply,
         "the debtor said an attorney represents them; the call ended without asking for the "
         "attorney's name and number, so the next contact cannot go to the attorney")
