"""Wrap-up outcomes: the fields each needs, and which labels a form may truthfully carry
for the way the call ended (one table for the scorer and the app's wrap-up screen)."""

from __future__ import annotations

from scoring.context import CallView

#: The wrap-up fields each outcome needs, besides the outcome itself: one table for the
#: scorer and the app's wrap-up screen (which shows only these fields). Every outcome of
#: ``simulator.content.models.AgreementOutcome`` has a row.
REQUIRED: dict[str, tuple[str, ...]] = {
    "full_payment": ("total_amount", "first_payment_date", "payment_method"),
    "settlement": ("total_amount", "first_payment_date", "payment_method"),
    "payment_plan": ("total_amount", "installment_amount", "installments", "first_payment_date", "payment_method"),
    "promise_to_pay": ("total_amount", "first_payment_date"),
    "no_agreement": (),
    "dispute": (),
    "callback": ("follow_up_date",),
    "refused": (),
    "hung_up": (),
    "cease_requested": (),
    "attorney": (),
    "wrong_party": (),
    "validation_requested": (),
    "bankruptcy": (),
    "deceased": (),
}
#: Outcomes that record a request or disclosure the next contact must honour.
BINDING_OUTCOMES = ("dispute", "cease_requested", "attorney", "deceased", "bankruptcy", "validation_requested")
AGREEMENT_OUTCOMES = ("full_payment", "settlement", "payment_plan", "promise_to_pay")
#: What the form may say when nothing was agreed, by the call's outcome.
NO_DEAL: dict[str, tuple[str, ...]] = {
    "dispute": ("dispute",),
    "callback": ("callback",),
    "refused": ("no_agreement", "refused"),
    "hung_up": ("hung_up", "no_agreement", "refused"),
    "wrong_party": ("wrong_party", "no_agreement", "callback"),
    "cease_requested": ("cease_requested", "dispute"),
    "attorney": ("attorney",),
    "ended_by_trainee": ("no_agreement", "callback"),
    "agreement": AGREEMENT_OUTCOMES,
    "promise_to_pay": ("promise_to_pay",),
    "validation_requested": ("validation_requested", "dispute"),
    "bankruptcy": ("bankruptcy",),
    "deceased": ("deceased", "callback"),
}
#: "the call ended ..." for each outcome the engine reports.
ENDED: dict[str, str] = {
    "ended_by_trainee": "when you closed it",
    "hung_up": "when the debtor hung up",
    "refused": "in a refusal",
    "callback": "with a call back agreed",
    "wrong_party": "with the wrong person",
    "dispute": "in a dispute",
    "cease_requested": "with a request to stop calling",
    "attorney": "with the debtor's attorney named",
    "validation_requested": "with a request for validation in writing",
    "bankruptcy": "with the bankruptcy",
    "deceased": "with the debtor's death",
}


def fitting_outcomes(view: CallView) -> tuple[str, ...]:
    """The outcome labels a form may truthfully carry when nothing was agreed: the table's
    for the call's outcome, and those the call's facts support. Only a third party on the
    phone: ``wrong_party`` (DESIGN section 8 lists it for that call) or ``callback`` when the
    message asked for one. A validation request: ``callback`` or ``no_agreement`` too, as
    section 8's list has no label for it and the notice comes before any further contact."""
    result = view.result
    allowed = list(NO_DEAL.get(result.outcome, ("no_agreement",)))
    extra: list[str] = []
    if not view.talked_with_debtor:
        extra += ["wrong_party", "no_agreement"]
    if any("callback" in t.events for t in view.turns):
        extra.append("callback")
    if result.outcome == "validation_requested":
        extra += ["callback", "no_agreement"]
    # A request or disclosure the law hangs on stays true when the debtor later hangs up:
    # the form must carry it, or the next caller breaks it (tester8: a cease request, an
    # attorney and a death, each recorded after a hang-up, scored 0/30 "mismatch").
    raised = {e for t in view.turns for e in t.events}
    extra += [o for o in BINDING_OUTCOMES if o in raised]
    return tuple(allowed + [o for o in extra if o not in allowed])


#: Agreed kinds a form may record each as (a promise to pay the balance is a full payment
#: promised for later; an "alternative" the engine agrees is a plan).
SAME_KIND: dict[str, tuple[str, ...]] = {
    "full_payment": ("full_payment", "promise_to_pay"),
    "promise_to_pay": ("promise_to_pay", "full_payment"),
    "settlement": ("settlement",),
    "payment_plan": ("payment_plan",),
    "alternative": ("payment_plan",),
}
