"""Documentation: the wrap-up form complete and true to the call, the terms recapped to
the debtor, notes that record what was learned and what happens next.

Seeds: "once you and the other person have agreed on something, you should write down
the terms and conditions", "follow up and document the details of the conversation",
"send a reminder ... summarizing the conversation".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from scoring.checks.base import Finding, check, ev, move_quote, na
from scoring.checks.doc_extra import either_method, method_named, planned_call, recap_method_problem  # noqa: F401 (method_named: re-exported)
from scoring.checks.outcomes import (  # noqa: F401  (REQUIRED: the app's wrap-up screen reads it here)
    AGREEMENT_OUTCOMES,
    ENDED,
    NO_DEAL,
    REQUIRED,
    SAME_KIND,
    fitting_outcomes,
)
from scoring.context import CallView
from scoring.text import content_words, keyword_hits, money, snippet
from simulator import words
from simulator.engine.records import Turn
from simulator.rxcache import compile as rx

#: Words in the notes that record each request the debtor made.
REQUEST_WORDS: dict[str, re.Pattern[str]] = {
    "dispute": rx(r"\bdisput|\bcontest|\bnot (?:hers|his|mine|theirs)\b|\balready paid\b", re.I),
    "cease_requested": rx(
        r"\bcease|\bstop (?:call|contact)|\bno (?:more )?(?:calls|contact|phone)|\bdo not (?:call|contact)|"
        r"\bdon'?t (?:call|contact)|\bnot to (?:be )?call", re.I),
    # desk shorthand counts: "rep'd by atty", "atty-rep", "Atty rep: Rachel Kim" (tester8's notes)
    "attorney": rx(r"\battorney|\blawyer|\bcounsel\b|\brepresent|\batty\b|\batt'?y\b|\brep'?d\s+by\b|\blaw\s+(?:firm|office|group)\b",
                   re.I),
    "validation_requested": rx(r"\bvalidat|\bverif|\bin writing\b|\bwriting\b|\bwritten\b|\bletter\b|"
                               r"\b(?:mail|send)\w*\s+(?:\w+\s+)?notice\b", re.I),
    "callback": rx(
        r"\bcall(?:-| )?back\b|\bcb\b|\bcall (?:her|him|them|again)\b|\btry (?:her|him|them|again)\b|"
        r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\bevening\b|\bmorning\b|\bafternoon\b|"
        r"\b(?:around|after|before|at) (?:six|seven|eight|five|four|noon|\d)", re.I),
    "bankruptcy": rx(r"\bbankrupt|\bch(?:apter|\.)?\s*(?:7|11|13|seven|eleven|thirteen)\b|\bBK\b|"
                     r"\bautomatic stay\b", re.I),
    "inconvenient": rx(r"\binconvenient|\bnot at work|\bat work\b|\bcan'?t talk|\bbad time|\bdon'?t call (?:at|before|after)", re.I),
    "deceased": rx(r"\bdeceased|\bdied\b|\bpassed away|\bdeath\b|\bestate\b", re.I),
    "servicemember": rx(r"\bmilitary|\bactive duty|\bdeployed|\bservicemember|\bSCRA\b", re.I),
    # "asked if we can sue, told him no bc of age of debt" (tester7, 2026-12-03): the question
    # of suit, the debt's age or the statute, in any words, records it.
    "time_barred": rx(r"\btime[- ]barred|\bstatute\b|\bSOL\b|\btoo old|\bage of (?:the |this |his |her |their )?"
                      r"(?:debt|acct|account|card|balance)|\b(?:debt|acct|account|card|balance) (?:is |was |being )?"
                      r"(?:so |too |very )?old\b|\bold debt|\b(?:sue|sued|suing|suit|lawsuit|court)\b", re.I),
    "written_only": rx(r"\bin writing\b|\bwritten\b|\bby (?:mail|letter)\b|\bno (?:more )?(?:phone )?calls\b|"
                       r"\bnot by phone\b", re.I),
}
_DATE = rx(
    r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(/\d{2,4})?|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}(st|nd|rd|th)\b|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)",
    re.I,
)


def _label(field: str) -> str:
    return field.replace("_", " ")


def _show(value: object) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, float):
        return money(value)
    return str(value).replace("_", " ")  # debit_card -> debit card


@check("form_complete")
def form_complete(view: CallView) -> Finding:
    if view.record is None:
        return na("no wrap-up form")
    form = view.record.agreement
    if form is None:
        return Finding(0.0, [ev(None, "", "the wrap-up form was not filled in")])
    if not form.outcome:
        return Finding(0.0, [ev(None, "", "the wrap-up form has no outcome")])
    needed = ("outcome", *REQUIRED.get(form.outcome, ()))
    missing = [f for f in needed if getattr(form, f, None) in (None, "")]
    filled = len(needed) - len(missing)
    if missing:
        note = f"outcome {words.outcome(form.outcome)}: missing " + ", ".join(_label(f) for f in missing)
    else:
        note = f"outcome {form.outcome}: all {len(needed)} fields filled"
    return Finding(filled / len(needed), [ev(None, form.outcome, note)])


@dataclass(frozen=True)
class Discrepancy:
    """One way the wrap-up form differs from the call. ``falsified``: the form claims an
    agreement, terms or a promise the debtor did not make (not a slip in logistics)."""

    field: str
    note: str
    falsified: bool
    turn: int | None  # the turn that shows what really happened
    quote: str  # the words that show it (the debtor's, where they said it)


def _said_at(view: CallView, turn_no: int | None) -> tuple[int | None, str]:
    for t in view.turns:
        if t.index == turn_no:
            return t.index, t.reply or t.text
    return None, ""


def _no_deal_turn(view: CallView) -> tuple[int | None, str]:
    """The turn that shows nothing was agreed: the last refusal, counter, hang-up or
    request; else the last turn."""
    signs = ("offer_refused", "offer_countered", "hung_up", "call_ended", "dispute", "cease_requested",
             "attorney", "callback", "escalated", "complaint")
    marked = [t for t in view.turns if any(e in signs for e in t.events)]
    t = marked[-1] if marked else (view.turns[-1] if view.turns else None)
    if t is None:
        return None, ""
    return t.index, t.reply or t.text


def discrepancies(view: CallView) -> tuple[int, list[Discrepancy], list[str]]:
    """(fields compared, how the form differs from the call, fields not compared and why)."""
    if "discrepancies" not in view.memo:
        view.memo["discrepancies"] = _discrepancies(view)
    return view.memo["discrepancies"]



def _discrepancies(view: CallView) -> tuple[int, list[Discrepancy], list[str]]:
    form, result = view.record.agreement, view.result
    agreed = result.agreed
    tol = view.th.amount_tolerance
    out: list[Discrepancy] = []
    claimed = form.outcome or "(empty)"
    if agreed is None:
        allowed = fitting_outcomes(view)
        if form.outcome in allowed:
            return 1, [], []
        turn, quote = _no_deal_turn(view)
        falsified = form.outcome in AGREEMENT_OUTCOMES
        what = "an agreement" if form.outcome != "promise_to_pay" else "a promise to pay"
        ended = ENDED.get(result.outcome, f"with {words.outcome(result.outcome)}")
        note = (f"the form records {what} ({claimed}), but the debtor agreed to nothing: the call ended "
                f"{ended}" if falsified else
                f"the form says outcome {claimed}, but the call ended {ended} "
                f"with nothing agreed (expected {' or '.join(allowed)})")
        return 1, [Discrepancy("outcome", note, falsified, turn, quote)], []

    turn, quote = _said_at(view, view.agree_turn)
    claims = form.outcome in AGREEMENT_OUTCOMES
    kind = "payment_plan" if agreed.kind == "alternative" else agreed.kind
    expected_total = agreed.total or (agreed.upfront + agreed.monthly * agreed.count)
    pairs: list[tuple[str, object, object, str]] = []
    compared = 1
    if form.outcome not in SAME_KIND.get(agreed.kind, (kind,)):
        out.append(Discrepancy("outcome", f"the form says outcome {claimed}, the debtor agreed a "
                               f"{kind.replace('_', ' ')}", claims, turn, quote))
    if expected_total > 0:
        pairs.append(("total_amount", round(expected_total, 2), form.total_amount, "money"))
    if kind == "payment_plan" or agreed.count > 0:
        if agreed.monthly > 0:
            pairs.append(("installment_amount", agreed.monthly, form.installment_amount, "money"))
        if agreed.count > 0:
            pairs.append(("installments", agreed.count, form.installments, "int"))
    # The engine fills a date and a method the call never named (the persona's
    # preference, the first of next month); the form is only held to what was said.
    said = " ".join([t.text for t in view.turns] + [t.reply for t in view.turns]).lower()
    skipped = []
    if agreed.first_date is not None:
        if any(t.offer is not None and t.offer.first_date is not None for t in view.turns) or any(
                e.type == "date" and e.value == agreed.first_date.isoformat()
                for t in view.turns for e in t.analysis.entities):
            # named in an offer, or in a recap the debtor agreed to ("to be mailed by December
            # 4": an outside tester's form said 2027-01-30 and the card gave 100)
            pairs.append(("first_payment_date", agreed.first_date.isoformat(),
                          form.first_payment_date.isoformat() if form.first_payment_date else None, "text"))
        else:
            skipped.append("first payment date")
    if agreed.method:
        if method_named(agreed.method, said) or any(t.offer is not None and t.offer.method for t in view.turns):
            pairs.append(("payment_method", either_method(view, agreed.method, form.payment_method),
                          form.payment_method, "text"))
        elif form.payment_method and not method_named(str(form.payment_method), said):
            # The form names a way to pay nobody named in the call (tester7's made-up "check"):
            # flagged, not scored, since the form must carry a method (tester4's honest plan).
            skipped.append(f"payment method ({_show(form.payment_method)} on the form, never discussed: "
                           "confirm the way to pay with the debtor before recording it)")
        else:
            skipped.append("payment method")
    # A plan of N x monthly may overshoot the balance by less than one instalment (the
    # last payment is smaller); a form that records the balance as the total is right too.
    # A plan's total may also be written as instalment x count (its last payment smaller).
    alt_totals: list[float] = []
    if kind == "payment_plan" and view.balance and agreed.monthly:
        nominal = agreed.upfront + agreed.monthly * agreed.count
        if 0 < expected_total - view.balance < agreed.monthly:
            alt_totals.append(view.balance)
        if agreed.count and 0 <= nominal - min(expected_total, view.balance) < agreed.monthly:
            alt_totals.append(nominal)
    for field_name, want, got, how in pairs:
        compared += 1
        if how == "money":
            same = got is not None and (
                abs(float(got) - float(want)) <= tol + 1e-9  # type: ignore[arg-type]
                or (field_name == "total_amount" and any(abs(float(got) - a) <= tol + 1e-9 for a in alt_totals))  # type: ignore[arg-type]
            )
            shown_want, shown_got = money(float(want)), _show(None if got is None else float(got))  # type: ignore[arg-type]
        elif how == "int":
            same = got is not None and int(got) == int(want)  # type: ignore[call-overload]
            shown_want, shown_got = str(want), _show(got)
        else:
            same = got == want
            shown_want, shown_got = _show(want), _show(got)
        if not same:
            # A blank field is incomplete, not false; a different amount, count or date is a
            # term the debtor did not agree to. The method is logistics.
            false_term = claims and got not in (None, "") and field_name != "payment_method"
            out.append(Discrepancy(field_name, f"the form says {_label(field_name)} {shown_got}, the call agreed "
                                   f"{shown_want}", false_term, turn, quote))
    return compared, out, skipped


@check("form_matches_call")
def form_matches_call(view: CallView) -> Finding:
    if view.record is None or view.result is None:
        return na("no wrap-up form")
    form = view.record.agreement
    if form is None:
        return Finding(0.0, [ev(None, "", "no wrap-up form to compare with the call")])
    compared, found, skipped = discrepancies(view)
    unsaid = [ev(None, "", f"{', '.join(skipped)} not named in the call: not compared")] if skipped else []
    if not found:
        if view.result.agreed is None:
            same = form.outcome == view.result.outcome
            note = (f"matches the call's outcome ({view.result.outcome})" if same else
                    f"fits the call (it ended {ENDED.get(view.result.outcome, view.result.outcome)})")
            return Finding(1.0, [ev(None, str(form.outcome), note)])
        return Finding(1.0, [ev(None, "", f"all {compared} fields match the terms agreed in the call")] + unsaid)
    evidence = [ev(d.turn, f"form {_label(d.field)}: {_show(getattr(form, d.field, None))}",
                   d.note + (" (a falsified record)" if d.falsified else "")) for d in found]
    return Finding(0.0 if any(d.falsified for d in found) else (compared - len(found)) / compared,
                   evidence + unsaid)


def recap_lines(view: CallView) -> list[Turn]:
    """Lines that restated the agreed terms to the debtor: a recap move, or a line after the
    agreement that names the agreed amount ("So that's the full $1,480 on your debit card
    today"). A recap in a monologue, or of terms never agreed, is no recap."""
    agreed = view.result.agreed if view.result is not None else None
    if agreed is None or view.agree_turn is None:
        return []
    targets = [x for x in (agreed.total, agreed.monthly, agreed.upfront) if x]
    tol = view.th.amount_tolerance
    out = []
    for t in view.turns:
        if t.index < view.agree_turn or not view.credited(t):
            continue
        if t.analysis.has("recap_agreement"):
            out.append(t)
        elif t.index > view.agree_turn and any(
                isinstance(e.value, int | float) and abs(e.value - x) <= tol
                for e in t.analysis.entities_of("money") for x in targets):
            out.append(t)
    return out


@check("terms_recapped")
def terms_recapped(view: CallView) -> Finding:
    if view.result is None or view.result.agreed is None:
        return na("nothing was agreed, so there were no terms to recap")
    agreed = view.result.agreed
    start = view.agree_turn or 1
    recaps = recap_lines(view)
    if not recaps:
        if not any(t.index > start for t in view.turns) and view.result.ended_by == "debtor":
            return na("the call ended as the debtor agreed")
        stuffed = next((t for t in view.turns if t.index >= start and t.analysis.has("recap_agreement")), None)
        if stuffed is not None:
            return Finding(0.0, [ev(stuffed.index, move_quote(stuffed, "recap_agreement"),
                                    f"no credit: {view.monologues.get(stuffed.index, 'a monologue')}")])
        return Finding(0.0, [ev(None, "", f"the terms agreed at turn {start} were never restated to the debtor")])
    t = recaps[-1]
    quote_text = move_quote(t, "recap_agreement") if t.analysis.has("recap_agreement") else t.text
    amounts = [e.value for e in t.analysis.entities_of("money") if isinstance(e.value, int | float)]
    targets = [x for x in (agreed.total, agreed.monthly, agreed.upfront) if x]
    tol = view.th.amount_tolerance
    if amounts and targets and not any(abs(a - x) <= tol for a in amounts for x in targets):
        said = ", ".join(dict.fromkeys(money(a) for a in amounts[:3]))
        want = ", ".join(dict.fromkeys(money(x) for x in targets[:2]))  # a full payment's total is its upfront
        return Finding(0.5, [ev(t.index, quote_text, f"recapped {said}, but the agreed terms were {want}")])
    if (wrong := recap_method_problem(view, t)) is not None:
        return Finding(0.5, [ev(t.index, quote_text, wrong)])
    return Finding(1.0, [ev(t.index, quote_text, "recapped the terms")])


@check("notes_key_facts")
def notes_key_facts(view: CallView) -> Finding:
    if view.record is None or view.result is None:
        return na("no notes")
    from scoring.notes_truth import invented_facts

    revealed = view.result.revealed
    invented = invented_facts(view)
    if not revealed and not invented:
        return na("the debtor disclosed no facts to note")
    notes = view.record.notes or ""
    # key-fact credit is for what the debtor said: a fact they never said counts against
    # (tester9's "new job Dec 1" earned 10/10 beside the facts she did tell)
    evidence = [ev(None, ", ".join(hits), f"notes record {name.replace('_', ' ')}, which the debtor never said in the call")
                for name, hits in invented]
    ok = 0
    for name in sorted(revealed):
        fact = view.facts.get(name)
        keywords = list(fact.keywords) if fact is not None and fact.keywords else []
        if not keywords:
            keywords = list(content_words(revealed[name]).values())
        hits = keyword_hits(keywords, notes)
        label = name.replace("_", " ")
        if hits:
            ok += 1
            evidence.append(ev(None, snippet(notes, hits[0]), f"notes record {label}: " + ", ".join(f'"{h}"' for h in hits[:3])))
        else:
            evidence.append(ev(None, revealed[name], f"notes do not record {label}"))
    return Finding(ok / (len(revealed) + len(invented)), evidence)


def missing_requests(view: CallView) -> list[tuple[int, str, str]]:
    """The debtor's requests (turn, event, their words) that the notes do not record."""
    notes = (view.record.notes or "") if view.record is not None else ""
    return [(turn, event, words) for turn, event, words in view.requests
            if event in REQUEST_WORDS and not REQUEST_WORDS[event].search(notes)]


@check("notes_requests")
def notes_requests(view: CallView) -> Finding:
    from scoring.context import REQUEST_EVENTS

    if view.record is None:
        return na("no notes")
    asked = [r for r in view.requests if r[1] in REQUEST_WORDS]
    if not asked:
        return na("the debtor made no request to note")
    missing = missing_requests(view)
    evidence = [ev(turn, words, f"the debtor {REQUEST_EVENTS[event]} (turn {turn}); the notes do not record it")
                for turn, event, words in missing]
    noted = [r for r in asked if r not in missing]
    evidence += [ev(turn, words, f"noted: the debtor {REQUEST_EVENTS[event]}") for turn, event, words in noted]
    return Finding(len(noted) / len(asked), evidence)


@functools.lru_cache(maxsize=32)
def _cue_patterns(cues: tuple[str, ...]) -> list[tuple[str, str, re.Pattern[str]]]:
    """Each next-step cue, lower-cased and as a whole-word pattern (built once per rubric,
    not once per card); the substring test before the search is a cheap necessary one."""
    return [(c, c.lower(), rx(r"\b" + re.escape(c.lower()) + r"\b")) for c in cues]


@check("notes_next_step")
def notes_next_step(view: CallView) -> Finding:
    if view.record is None:
        return na("no notes")
    notes = view.record.notes or ""
    if not notes.strip():
        return Finding(0.0, [ev(None, "", "no notes were written")])
    low = notes.lower()
    # After "stop calling me", a planned call is no next step but a planned violation
    # ("Will try again next month", tester10 3.10): only the other cues count.
    ceased = any(e == "cease_requested" for _, e, _ in view.requests)
    if ceased and (again := planned_call(low)):
        return Finding(0.0, [ev(None, snippet(notes, again), f'the notes plan another contact ("{again}") '
                                "after the debtor asked for no more contact: that is no next step")])
    cue = next((c for c, lc, pat in _cue_patterns(tuple(view.rubric.next_step_cues))
                if lc in low and pat.search(low)), None)
    date = None if cue else _DATE.search(notes)  # a date counts only when no cue does
    if cue or date:
        found = cue or (date.group(0) if date else "")
        return Finding(1.0, [ev(None, snippet(notes, found), f'next step noted ("{found}")')])
    return Finding(0.0, [ev(None, notes, "the notes do not say what happens next")])
