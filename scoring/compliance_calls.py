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


#: The debtor says they are at work (so their employer, their manager, is part of why they
#: can't talk).
AT_WORK = rx(
    r"\b(?:at\s+work|at\s+my\s+(?:job|work|desk)|on\s+(?:my\s+|the\s+)?(?:shift|clock|floor|line|job)|"
    r"my\s+(?:manager|boss|supervisor|foreman|shift)|at\s+the\s+(?:office|restaurant|store|shop|site|plant|"
    r"warehouse|kitchen|dock|loading\s+dock|hospital|factory))\b", re.I)
#: Contacting the debtor at the workplace: "call you at the restaurant", "I'll call your job",
#: "reach you at work tomorrow".
_CONTACT = r"\b(?:call|calling|ring|phone|reach|contact|try|catch|text|visit|come\s+by|stop\s+by|drop\s+by)\b"
_PLACE = (r"(?:at\s+work|at\s+your\s+(?:job|work(?:place)?)|(?:at\s+)?(?:your|the)\s+(?:job|workplace|employer|"
          r"office|restaurant|store|shop|kitchen|site|plant|warehouse|dock|factory|work\s+(?:number|phone|line)))\b")
WORKPLACE_CONTACT = rx(_CONTACT + r"[^.?!]{0,30}?" + _PLACE, re.I)
#: A message through the debtor's employer or co-workers: a third party at the workplace.
WORKPLACE_MESSAGE = rx(
    r"\b(?:ask|tell|leave|give|have|pass|let)\b[^.?!]{0,30}?\b(?:your|the|his|her)\s+(?:manager|boss|supervisor|"
    r"employer|foreman|co-?workers?|colleagues?|HR|human\s+resources|owner)\b|"
    r"\b(?:your|the)\s+(?:manager|boss|supervisor|employer|co-?workers?|colleagues?)\b[^.?!]{0,30}?\b(?:give|pass|tell|"
    r"take)\b[^.?!]{0,20}?\bmessage\b", re.I)
_DENIED = rx(r"\b(?:not|never|no|won'?t|don'?t|instead\s+of|rather\s+than|other\s+than|away\s+from)\b|n't\b", re.I)
WORKPLACE_CITATION = "12 CFR 1006.6(b)(1), 1006.6(b)(3); 15 U.S.C. 1692c(a)(1), 1692c(a)(3)"
WORK_MESSAGE_CITATION = "15 U.S.C. 1692c(b), 1692b; 12 CFR 1006.6(d)"


#: An apology for this call ("sorry to catch you at work") proposes nothing.
_APOLOGY = rx(r"\b(?:sorry|apologi[sz]e|apologies|bother(?:ing)?|interrupt\w*)\b[^.?!]{0,25}$", re.I)


def _affirmed_at(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match not denied in its own words or the few before ("not at work"), nor
    an apology for this call."""
    for m in pattern.finditer(text):
        if _DENIED.search(text[max(0, m.start() - 12):m.end()]) or _APOLOGY.search(text[:m.start()]):
            continue
        return m
    return None


def _workplace(view: CallView, out: Compliance) -> None:
    """After the debtor said they can't talk at work: proposing to contact them there again
    (the employer prohibits it, or it is inconvenient: 1692c(a)(1), (3)); and at any time,
    asking the debtor's manager or co-workers to pass on a message (a third party)."""
    at_work = False
    for t in view.turns:
        b = t.before
        if b is None:
            continue
        if b.party in ("debtor", "representative"):
            m = _affirmed_at(WORKPLACE_MESSAGE, t.text)
            if m is not None:
                _add(view, out, "third_party_disclosure", t.index, m.group(0),
                     f'proposed to reach the debtor through their workplace ("{m.group(0)}"): a communication '
                     "with a third party (the employer) that is not for location information",
                     citation=WORK_MESSAGE_CITATION)
            if at_work and b.inconvenient:
                m = _affirmed_at(WORKPLACE_CONTACT, t.text)
                if m is not None:
                    _add(view, out, "collecting_at_inconvenient_time", t.index, m.group(0),
                         f'proposed to contact the debtor at work ("{m.group(0)}") after they said they cannot '
                         "talk there: the place is inconvenient and the employer does not allow it; call the "
                         "number and time they gave", citation=WORKPLACE_CITATION)
        if "revealed:at_work" in t.events or AT_WORK.search(t.reply or ""):
            at_work = True
        if t.index == 1 and AT_WORK.search(view.opening or ""):
            at_work = True


@rule("collecting_at_inconvenient_time")
def _inconvenient(view: CallView, out: Compliance) -> None:
    _collecting_after(view, out, "collecting_at_inconvenient_time", "inconvenient", INCONVENIENT_MOVES,
                      "the debtor said this time or place is inconvenient (ask when to call back, and end)")
    if not _unknown(view):
        _workplace(view, out)


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
