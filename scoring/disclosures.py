"""The scenario's required disclosures (``required_disclosures:`` in a scenario file).

A scenario may say what the trainee must tell the debtor: the SCRA's protections to a
servicemember, "the estate owes it, not you" to a widow who asks whether she must pay.
Each one is data (the words or patterns that show it was said, its citation and
severity, when it becomes due and how soon it must follow), and this rule checks it
against the trainee's own lines: the line that said it goes in the gate's notes; a
disclosure that was due and never said is a violation citing the scenario's rule.
Importing this module registers the rule with ``scoring.compliance``.
"""

from __future__ import annotations

import re
from typing import Any

from scoring.compliance import rule
from scoring.context import CallView
from scoring.scorecard import Compliance, Violation
from scoring.text import quote

RULE_ID = "required_disclosure"


def _due_at(view: CallView, req: Any) -> int | None:
    """The trainee line index from which the disclosure is due (0: from the start), or
    None when the call never made it due. A debtor line that triggers it makes it due from
    the next trainee line; an engine event on turn i, from turn i (its reply) on."""
    event = getattr(req, "due_after_event", None)
    says = [re.compile(p, re.I) for p in getattr(req, "due_after_debtor_says", ()) or ()]
    if event is None and not says:
        return 0
    if says and any(p.search(view.opening or "") for p in says):
        return 1
    for t in view.turns:
        if event is not None and event in t.events:
            return t.index
        if says and any(p.search(t.reply or "") for p in says):
            return t.index + 1
    return None


def _said(view: CallView, req: Any, last: int) -> tuple[int, str] | None:
    """The first trainee line up to ``last`` that says it, with the words."""
    pats = [re.compile(p, re.I) for p in req.said_by]
    for t in view.turns:
        if t.index > last:
            break
        for p in pats:
            m = p.search(t.text)
            if m is not None:
                return t.index, m.group(0)
    return None


@rule(RULE_ID)
def _required_disclosures(view: CallView, out: Compliance) -> None:
    """Each of the scenario's required disclosures that became due must have been said."""
    reqs = getattr(view.scenario, "required_disclosures", None) or ()
    r = view.rubric.rule(RULE_ID)
    if not reqs or r is None:
        return
    for req in reqs:
        due = _due_at(view, req)
        if due is None:
            out.notes.append(f"{req.id}: not due in this call ({req.what})")
            continue
        n = len(view.turns)
        within = getattr(req, "within_turns", None)
        last = n if within is None else min(n, max(due, 1) + within - 1)
        hit = _said(view, req, last)
        if hit is not None:
            out.notes.append(f'{req.id}: said at turn {hit[0]} ("{quote(hit[1])}") ({req.citation})')
            continue
        if due > n:  # the call ended on the line that made it due: no chance to say it
            out.notes.append(f"{req.id}: due only after the last line; not assessed ({req.what})")
            continue
        window = "by the end of the call" if within is None else f"within {within} line(s) of turn {max(due, 1)}"
        # the turn is the last line that could have said it (the card names a turn)
        out.violations.append(Violation(
            RULE_ID, req.citation, max(last, 1), "never said", req.severity,
            f"never said {req.what} ({window}; {req.citation})"))
