"""Preparation: what the trainee did before and at the very start of the call.

Seeds: "make sure you have all the necessary information at hand, such as
outstanding balances, payment history", "set clear goals and agree on the limits of
your negotiations", "call at the right time", "begin the call by introducing yourself
and stating the purpose of your call".
"""

from __future__ import annotations

import re

from scoring.checks.base import Finding, check, ev, move_quote, na
from scoring.context import CallView
from scoring.text import parse_hhmm
from simulator import words
from simulator.engine.records import Turn

SECTIONS = ("account_summary", "payment_history", "contact_notes")
LABEL = {"account_summary": "account summary", "payment_history": "payment history",
         "contact_notes": "contact notes"}
EARLIEST, LATEST = 8 * 60, 21 * 60


def call_minutes(view: CallView) -> tuple[int | None, str, bool]:
    """Debtor local call time in minutes, its text, and whether it was the scenario's default."""
    rec = view.record
    chosen = rec.preparation.call_time if rec is not None else None
    if chosen:
        return parse_hhmm(chosen), str(chosen), False
    if view.scenario is not None:
        default = view.scenario.call.local_time
        return parse_hhmm(default), default, True
    return None, "", False


@check("reviewed_account")
def reviewed_account(view: CallView) -> Finding:
    if view.record is None:
        return na("no preparation data")
    reviewed = list(view.record.preparation.reviewed)
    read = [s for s in SECTIONS if s in reviewed]
    missed = [LABEL[s] for s in SECTIONS if s not in reviewed]
    shown = ", ".join(LABEL.get(s, s.replace("_", " ")) for s in reviewed) if reviewed else "(nothing)"
    note = "read " + (", ".join(LABEL[s] for s in read) or "none of the three")
    if missed:
        note += "; not read: " + ", ".join(missed)
    return Finding(len(read) / len(SECTIONS), [ev(None, shown, note)])


@check("plan_within_policy")
def plan_within_policy(view: CallView) -> Finding:
    if view.record is None or view.policy is None:
        return na("no preparation data")
    plan = view.record.preparation.plan
    policy = view.policy
    if plan is None:
        return Finding(0.0, [ev(None, "", "no call plan: no objective and no limits were set")])
    items, evidence = 0, []
    if plan.objective:
        items += 1
        evidence.append(ev(None, f"objective: {words.outcome(plan.objective)}", "objective set"))
    else:
        evidence.append(ev(None, "", "no objective set"))
    floor = plan.settlement_floor
    if floor is None:
        evidence.append(ev(None, "", f"no settlement floor set (policy: {policy.settlement_floor:.0%})"))
    elif floor + 1e-9 >= policy.settlement_floor:
        items += 1
        evidence.append(ev(None, f"settlement floor: {floor:.0%}",
                           f"within policy (floor {policy.settlement_floor:.0%})"))
    else:
        evidence.append(ev(None, f"settlement floor: {floor:.0%}",
                           f"below the policy floor of {policy.settlement_floor:.0%}"))
    most = plan.max_installments
    if most is None:
        evidence.append(ev(None, "", f"no longest plan set (policy: {policy.max_installments})"))
    elif most <= policy.max_installments:
        items += 1
        evidence.append(ev(None, f"longest plan: {most}",
                           f"within policy (at most {policy.max_installments})"))
    else:
        evidence.append(ev(None, f"longest plan: {most}",
                           f"longer than the policy allows ({policy.max_installments})"))
    return Finding(items / 3, evidence)


@check("call_time")
def call_time(view: CallView) -> Finding:
    if view.record is None:
        return na("no preparation data")
    minutes, text, defaulted = call_minutes(view)
    if minutes is None:
        return na("no call time recorded")
    suffix = " (the scenario's suggested time; none was chosen)" if defaulted else ""
    if EARLIEST <= minutes <= LATEST:
        return Finding(1.0, [ev(None, text, f"debtor local time, within 08:00-21:00{suffix}")])
    return Finding(0.0, [ev(None, text, f"debtor local time, outside 08:00-21:00{suffix}")])


def _verified_by(view: CallView) -> int:
    """The first line to the verified debtor that is not one more verification step (a
    date of birth asked after the name): where naming the agency becomes safe."""
    v = view.first_verified_turn or 0
    by_index = {t.index: t for t in view.turns}
    while v in by_index and by_index[v].analysis.has("identity_verification") \
            and not by_index[v].analysis.has("self_identification"):
        v += 1
    return v


@check("identified_early")
def identified_early(view: CallView) -> Finding:
    if not view.turns:
        return na("no trainee lines")
    n = view.th.early_turns
    evidence = []
    score = 0.0
    self_id = next((t for t in view.turns if t.analysis.has("self_identification")), None)
    third_party_only = all(t.before is not None and t.before.party == "third_party" for t in view.turns)
    if third_party_only:
        return _third_party_identified(view, self_id)
    # Verifying the debtor before naming an agency whose name says "collections" is the
    # safe order (15 U.S.C. 1692b): the name is due by turn n, or with the first line to the
    # verified debtor (tester7 verified name and date of birth first: -12.5 before).
    due = max(n, _verified_by(view))
    if self_id is not None and self_id.index <= due:
        score += 0.5
        evidence.append(ev(self_id.index, move_quote(self_id, "self_identification"),
                           "gave name/company"))
    elif self_id is not None:
        evidence.append(ev(self_id.index, move_quote(self_id, "self_identification"),
                           f"gave name/company only at turn {self_id.index} (expected by turn {due})"))
    else:
        evidence.append(ev(None, "", "never gave their name or company"))

    start = view.first_verified_turn or 1
    deadline = start + n - 1
    purpose = next(
        (t for t in view.turns if t.index >= start and (t.analysis.has("mini_miranda") or t.analysis.has("state_debt"))),
        None,
    )
    late = _late_disclosure(view)
    if purpose is not None and purpose.index <= deadline and late is not None:
        # the debt named early, the disclosure late: the purpose was not "identified"
        # (tester9's "the balance is" at turn 2 earned it; the mini-Miranda came at turn 5)
        evidence.append(ev(purpose.index, move_quote(purpose, "state_debt") or purpose.text,
                           f"named the debt, but the debt-collector disclosure came {late}"))
    elif purpose is not None and purpose.index <= deadline:
        score += 0.5
        move = "mini_miranda" if purpose.analysis.has("mini_miranda") else "state_debt"
        evidence.append(ev(purpose.index, move_quote(purpose, move), "stated the purpose of the call"))
    elif purpose is not None:
        move = "mini_miranda" if purpose.analysis.has("mini_miranda") else "state_debt"
        evidence.append(ev(purpose.index, move_quote(purpose, move),
                           f"stated the purpose only at turn {purpose.index} (expected by turn {deadline})"))
    elif (stop := view.stop_turn or view.deferred_turn) is not None and stop <= deadline:
        score += 0.5
        evidence.append(ev(None, "", "the debtor stopped the call before the purpose was due"))
    else:
        last = view.turns[-1].index
        if last < start:
            score += 0.5
            evidence.append(ev(None, "", "the call ended before verification"))
        else:
            evidence.append(ev(None, "", "never stated the purpose of the call"))
    return Finding(score, evidence)


def _late_disclosure(view: CallView) -> str | None:
    """When the gate found the debt discussed before the disclosure: how late it came."""
    for found in view.flagged.values():
        if any(v.rule == "mini_miranda" for v in found):
            said = next((t.index for t in view.turns if t.analysis.has("mini_miranda")), None)
            return f"only at turn {said}" if said is not None else "never"
    return None


#: A name left for the debtor, whatever it is: "let her know Rafa called", "tell him Jo rang".
LEFT_NAME = re.compile(r"\b(?:let\s+(?:her|him|them)\s+know|tell\s+(?:her|him|them))\s+(?:that\s+)?"
                       r"(?!(?:i|we|someone|somebody)\b)[A-Za-z][\w'-]+\s+(?:called|rang|phoned|from)\b", re.I)


def _third_party_identified(view: CallView, self_id: Turn | None) -> Finding:
    """Only a third party was on the phone: the caller gives their own name, and the
    employer only if expressly asked (15 U.S.C. 1692b(1)); the purpose is never said.
    "Could you let her know Sam called?" is the name, however the analyser reads it."""
    named = self_id
    own = [view.account.account.collector_name if view.account is not None else "",
           str(getattr(view.record, "trainee", "") or "")]  # "can u let her know rafa called?" (tester7)
    names = "|".join(re.escape(n) for n in own if n.strip())
    if named is None and names:
        said = re.compile(rf"\b(?:{names})\b", re.I)
        named = next((t for t in view.turns if said.search(t.text)), None)
    if named is None:
        named = next((t for t in view.turns if LEFT_NAME.search(t.text)), None)
    note = "a third party answered: the purpose must not be disclosed"
    if named is None:
        return Finding(0.5, [ev(None, "", "never gave their name to the third party"), ev(None, "", note)])
    words_ = move_quote(named, "self_identification") or named.text
    return Finding(1.0, [ev(named.index, words_, "gave their name (the company only if asked: 15 U.S.C. 1692b(1))"),
                         ev(None, "", note)])
