"""Documentation: the wrap-up form complete and true to the call, the terms recapped to
the debtor, notes that record what was learned and what happens next.

Seeds: "once you and the other person have agreed on something, you should write down
the terms and conditions", "follow up and document the details of the conversation",
"send a reminder ... summarizing the conversation".
"""

from __future__ import annotations

import re

from scoring.checks.base import Finding, check, ev, move_quote, na
from scoring.context import CallView
from scoring.text import content_words, keyword_hits, money, snippet

REQUIRED: dict[str, tuple[str, ...]] = {
    "full_payment": ("total_amount", "first_payment_date", "payment_method"),
    "settlement": ("total_amount", "first_payment_date", "payment_method"),
    "payment_plan": ("total_amount", "installment_amount", "installments", "first_payment_date", "payment_method"),
    "promise_to_pay": ("total_amount", "first_payment_date"),
    "callback": ("follow_up_date",),
    "no_agreement": (),
    "refused": (),
    "dispute": (),
}
AGREEMENT_OUTCOMES = ("full_payment", "settlement", "payment_plan", "promise_to_pay")
#: What the form may say when nothing was agreed, by the call's outcome.
NO_DEAL: dict[str, tuple[str, ...]] = {
    "dispute": ("dispute",),
    "callback": ("callback",),
    "refused": ("no_agreement", "refused"),
    "hung_up": ("no_agreement", "refused"),
    "wrong_party": ("no_agreement", "callback"),
    "cease_requested": ("no_agreement", "refused"),
    "agreement": AGREEMENT_OUTCOMES,
    "promise_to_pay": ("promise_to_pay",),
}
_DATE = re.compile(
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
    return str(value)


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
        note = f"outcome {form.outcome}: missing " + ", ".join(_label(f) for f in missing)
    else:
        note = f"outcome {form.outcome}: all {len(needed)} fields filled"
    return Finding(filled / len(needed), [ev(None, form.outcome, note)])


@check("form_matches_call")
def form_matches_call(view: CallView) -> Finding:
    if view.record is None or view.result is None:
        return na("no wrap-up form")
    form = view.record.agreement
    result = view.result
    if form is None:
        return Finding(0.0, [ev(None, "", "no wrap-up form to compare with the call")])
    agreed = result.agreed
    tol = view.th.amount_tolerance
    compared = 0
    mismatches = []
    if agreed is None:
        compared = 1
        allowed = NO_DEAL.get(result.outcome, ("no_agreement",))
        if form.outcome not in allowed:
            mismatches.append(ev(None, str(form.outcome or "(empty)"),
                                 f"the form says outcome {form.outcome or '(empty)'}, but the call ended "
                                 f"{result.outcome.replace('_', ' ')} with nothing agreed"))
        if not mismatches:
            return Finding(1.0, [ev(None, str(form.outcome), f"matches the call's outcome ({result.outcome})")])
        return Finding(0.0, mismatches)

    kind = "payment_plan" if agreed.kind == "alternative" else agreed.kind
    expected_total = agreed.total or (agreed.upfront + agreed.monthly * agreed.count)
    pairs: list[tuple[str, object, object, str]] = [("outcome", kind, form.outcome, "text")]
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
        if any(t.offer is not None and t.offer.first_date is not None for t in view.turns):
            pairs.append(("first_payment_date", agreed.first_date.isoformat(),
                          form.first_payment_date.isoformat() if form.first_payment_date else None, "text"))
        else:
            skipped.append("first payment date")
    if agreed.method:
        if agreed.method.replace("_", " ") in said or any(t.offer is not None and t.offer.method for t in view.turns):
            pairs.append(("payment_method", agreed.method, form.payment_method, "text"))
        else:
            skipped.append("payment method")
    # A plan of N x monthly may overshoot the balance by less than one instalment (the
    # last payment is smaller); a form that records the balance as the total is right too.
    alt_total = None
    if kind == "payment_plan" and view.balance and agreed.monthly and 0 < expected_total - view.balance < agreed.monthly:
        alt_total = view.balance
    for field, want, got, how in pairs:
        compared += 1
        if how == "money":
            same = got is not None and (
                abs(float(got) - float(want)) <= tol + 1e-9  # type: ignore[arg-type]
                or (field == "total_amount" and alt_total is not None and abs(float(got) - alt_total) <= tol + 1e-9)  # type: ignore[arg-type]
            )
            shown_want, shown_got = money(float(want)), _show(None if got is None else float(got))  # type: ignore[arg-type]
        elif how == "int":
            same = got is not None and int(got) == int(want)  # type: ignore[call-overload]
            shown_want, shown_got = str(want), _show(got)
        else:
            same = got == want
            shown_want, shown_got = str(want), _show(got)
        if not same:
            mismatches.append(ev(None, f"form {_label(field)}: {shown_got}",
                                 f"the form says {_label(field)} {shown_got}, the call agreed {shown_want}"))
    unsaid = [ev(None, "", f"{', '.join(skipped)} not named in the call: not compared")] if skipped else []
    if not mismatches:
        return Finding(1.0, [ev(None, "", f"all {compared} fields match the terms agreed in the call")] + unsaid)
    return Finding((compared - len(mismatches)) / compared, mismatches + unsaid)


@check("terms_recapped")
def terms_recapped(view: CallView) -> Finding:
    if view.result is None or view.result.agreed is None:
        return na("nothing was agreed, so there were no terms to recap")
    agreed = view.result.agreed
    start = view.agree_turn or 1
    recaps = [t for t in view.turns if t.index >= start and t.analysis.has("recap_agreement")]
    if not recaps:
        recaps_before = [t for t in view.turns if t.index >= start - 1 and t.analysis.has("recap_agreement")]
        if recaps_before:
            recaps = recaps_before
    if not recaps:
        if not any(t.index > start for t in view.turns) and view.result.ended_by == "debtor":
            return na("the call ended as the debtor agreed")
        return Finding(0.0, [ev(None, "", f"the terms agreed at turn {start} were never restated to the debtor")])
    t = recaps[-1]
    amounts = [e.value for e in t.analysis.entities_of("money") if isinstance(e.value, int | float)]
    targets = [x for x in (agreed.total, agreed.monthly, agreed.upfront) if x]
    tol = view.th.amount_tolerance
    if amounts and targets and not any(abs(a - x) <= tol for a in amounts for x in targets):
        said = ", ".join(money(a) for a in amounts[:3])
        want = ", ".join(money(x) for x in targets[:2])
        return Finding(0.5, [ev(t.index, move_quote(t, "recap_agreement") or t.text,
                                f"recapped {said}, but the agreed terms were {want}")])
    return Finding(1.0, [ev(t.index, move_quote(t, "recap_agreement") or t.text, "recapped the terms")])


@check("notes_key_facts")
def notes_key_facts(view: CallView) -> Finding:
    if view.record is None or view.result is None:
        return na("no notes")
    revealed = view.result.revealed
    if not revealed:
        return na("the debtor disclosed no facts to note")
    notes = view.record.notes or ""
    evidence = []
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
    return Finding(ok / len(revealed), evidence)


@check("notes_next_step")
def notes_next_step(view: CallView) -> Finding:
    if view.record is None:
        return na("no notes")
    notes = view.record.notes or ""
    if not notes.strip():
        return Finding(0.0, [ev(None, "", "no notes were written")])
    low = notes.lower()
    cue = next((c for c in view.rubric.next_step_cues if re.search(r"\b" + re.escape(c.lower()) + r"\b", low)), None)
    date = _DATE.search(notes)
    if cue or date:
        found = cue or (date.group(0) if date else "")
        return Finding(1.0, [ev(None, snippet(notes, found), f'next step noted ("{found}")')])
    return Finding(0.0, [ev(None, notes, "the notes do not say what happens next")])
