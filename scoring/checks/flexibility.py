"""Flexibility: more than one option, offers sized to what the debtor can pay, the
usual order, and never beyond the creditor's authority.

Seeds: "give borrowers a number of ways to settle their debt", "tailor your repayment
plans to suit the debtor's financial capabilities", "if the debtor is unable to pay
the full amount immediately, consider offering a payment plan", "agree on the limits
of your negotiations".
"""

from __future__ import annotations

from scoring.checks.base import Finding, check, ev, na
from scoring.checks.tone import bad_moves, gate_pressure
from scoring.context import KIND_LABEL, OFFER_RANK, CallView, Offer
from scoring.text import money


def earns(view: CallView, o: Offer) -> bool:
    """Does this offer earn flexibility credit? Not in a monologue, and not when it was made
    with pressure, a threat or abuse ("so nothing? not even $50? cmon maria everybody can find
    $50", tester7): a demand is no option put to the debtor."""
    if not o.credited:
        return False
    t = next((t for t in view.turns if t.index == o.turn), None)
    return t is None or not (bad_moves(t) or gate_pressure(view, t))


def _why_not(view: CallView, o: Offer) -> str:
    if o.turn in view.monologues:
        return f"the offer came in a monologue ({view.monologues[o.turn]})"
    return "the offer came with pressure or a threat"


def same_option(a: Offer, b: Offer) -> bool:
    """The same option again: the same kind and amount, and the same count and start where
    both say them ("$155 a month for 8 months starting December 1st", then "shall I set up
    the $155 a month?": tester9's plan pushed three times was credited as a second option)."""
    if a.kind != b.kind:
        return False
    if a.terms is None or b.terms is None:
        return a.terms is None and b.terms is None
    x, y = a.terms, b.terms

    def agree(p: float, q: float) -> bool:
        return not p or not q or abs(p - q) < 0.5

    # A plan is its monthly amount (the engine fills in a count the words left out, so the
    # count follows the amount), its start and any money down.
    monthly = bool(x.monthly or y.monthly)
    head = (x.monthly, y.monthly) if monthly else (x.total, y.total)
    return (abs(head[0] - head[1]) < 0.5 and (monthly or agree(x.count, y.count))
            and agree(x.start_days, y.start_days) and agree(x.upfront, y.upfront))


def _distinct(offers: list[Offer]) -> list[Offer]:
    out: list[Offer] = []
    for o in offers:
        if not any(same_option(o, k) for k in out):
            out.append(o)
    return out


def _reduced(offers: list[Offer]) -> list[Offer]:
    return [o for o in offers if o.kind != "full_payment"]


#: What the debtor had said when an offer was not due at all (the gate's collecting rules
#: judge such an offer: grading its flexibility too would give two findings for one fault).
UNDUE: dict[str, str] = {
    "disputed": "disputed the debt",
    "cease_requested": "asked for no more contact",
    "attorney": "named an attorney",
    "bankruptcy": "filed for bankruptcy",
    "inconvenient": "said this time or place is inconvenient",
    "written_only": "asked for everything in writing",
}


def undue(view: CallView) -> str | None:
    """Why no offer was due, when every offer came after the debtor had taken the debt off
    the table (tester9's "$40 a month" to a debtor at work was graded for flexibility and
    failed as beyond authority beside the finding that no offer should have been made)."""
    if not view.offers:
        return None
    by_index = {t.index: t for t in view.turns}
    whys = []
    for o in view.offers:
        b = by_index[o.turn].before if o.turn in by_index else None
        why = next((w for flag, w in UNDUE.items() if b is not None and getattr(b, flag, False)), None)
        if why is None:
            return None
        whys.append(why)
    return f"the debtor {whys[0]}: no offer was due (the compliance gate lists the offer)"


def negotiation_expected(view: CallView) -> tuple[bool, str]:
    """Should the trainee have put an option on the table? (And why not, if not.)"""
    if (why := undue(view)) is not None:
        return False, why
    if view.offers:
        return True, ""
    if view.stop_turn is not None:
        return False, ("the debtor disputed, asked to stop, named an attorney, filed for bankruptcy "
                       "or has died: no negotiation was due")
    if view.deferred_turn is not None:
        return False, "the debtor asked to be called back: no negotiation was due in this call"
    if view.result is not None and view.result.outcome == "wrong_party":
        return False, "the debtor was not on the phone: no negotiation was due"
    if not view.talked_with_debtor:
        return False, "the debtor was not on the phone: no negotiation was due"
    start = view.first_verified_turn if view.is_session else 1
    if start is None:
        return False, "the debtor was never verified: no negotiation was due"
    if not view.is_session and len([t for t in view.turns if t.index >= start]) < 3:
        return False, "the recording ends before a negotiation could start"
    # Money is owed and the debtor was reached: the trainee was due to put an option on
    # the table, however short they cut the call (skipping it scores low, not "n/a").
    return True, ""


def with_agreed(view: CallView) -> list[Offer]:
    """The trainee's offers, plus the agreed terms when they were the debtor's own
    counter-offer (accepting a counter is putting that option on the table)."""
    offers = [o for o in view.offers if earns(view, o)]
    agreed = view.result.agreed if view.result is not None else None
    if agreed is not None and view.agree_turn is not None:
        sig = Offer(0, agreed.kind, agreed, "").signature
        # The offer the debtor accepted, its terms filled in by the agreement, is one option,
        # not two (tester7: "$100 a month works" at turn 6 was listed twice).
        same_line = any(o.turn == view.agree_turn and o.kind == agreed.kind for o in offers)
        if not same_line and not any(o.signature == sig for o in offers):
            turn = next(t for t in view.turns if t.index == view.agree_turn)
            offers.append(Offer(view.agree_turn, agreed.kind, agreed, turn.text))
            offers.sort(key=lambda o: o.turn)
    return offers


@check("multiple_options")
def multiple_options(view: CallView) -> Finding:
    expected, why = negotiation_expected(view)
    if not expected:
        return na(why)
    offers = with_agreed(view)
    if not offers:
        stuffed = next((o for o in view.offers if not earns(view, o)), None)
        if stuffed is not None:
            return Finding(0.0, [ev(stuffed.turn, stuffed.quote, f"no credit: {_why_not(view, stuffed)}")])
        return Finding(0.0, [ev(None, "", "no option was ever put to the debtor")])
    distinct = _distinct(offers)
    if len(distinct) >= 2:
        return Finding(1.0, [ev(o.turn, o.quote, f"option: {o.describe()}") for o in distinct[:4]])
    only = offers[0]
    if view.agree_turn is not None and view.agree_turn >= only.turn:
        return Finding(1.0, [ev(only.turn, only.quote, f"the first option ({only.describe()}) was accepted")])
    return Finding(0.0, [ev(o.turn, o.quote, f"the same option again: {o.describe()}") for o in offers[:4]]
                   + [ev(None, "", f"only one option offered ({only.describe()}), {len(offers)} time(s)")])


@check("adapted_offer")
def adapted_offer(view: CallView) -> Finding:
    if (why := undue(view)) is not None:
        return na(why)
    cap = view.capacity_turn
    if cap is None:
        return na("the debtor's capacity to pay never came up")
    k, how = cap
    if not view.offers and view.result is not None and view.result.agreed is None:
        expected, why = negotiation_expected(view)
        if not expected:
            return na(why)
    if view.stop_turn is not None and view.stop_turn <= k:
        return na("the debtor stopped the negotiation")
    if view.agree_turn is not None and view.agree_turn <= k:
        return na("terms were agreed before capacity came up")
    if not any(t.index > k for t in view.turns):
        return na(f"the call ended as the debtor {how}")
    earlier = [o for o in view.offers if o.turn <= k]
    later = [o for o in view.offers if o.turn > k and earns(view, o)]
    # Asking for the whole balance again is no adaptation to what the debtor can pay.
    fresh = next((o for o in later if not any(same_option(o, e) for e in earlier) and o.kind != "full_payment"),
                 None)
    if fresh is not None and (ignored := _counter_ignored(view, fresh.turn)) is not None:
        c, o = ignored
        return Finding(0.0, [ev(o.turn, o.quote, f"the debtor countered at turn {c}, and the same offer came back: "
                                                 f"{o.describe()} (the counter was ignored)")])
    if fresh is not None:
        return Finding(1.0, [ev(fresh.turn, fresh.quote,
                                f"new offer after the debtor {how} at turn {k}: {fresh.describe()}")])
    agreed = view.result.agreed if view.result is not None else None
    if agreed is not None and view.agree_turn is not None and view.agree_turn > k:
        return Finding(1.0, [ev(view.agree_turn, "", f"agreed to the debtor's counter-offer after turn {k}")])
    if later:
        return Finding(0.0, [ev(o.turn, o.quote, f"after the debtor {how} at turn {k}, the same offer: {o.describe()}")
                             for o in later[:3]])
    return Finding(0.0, [ev(k, "", f"no new offer after the debtor {how} at turn {k}")])


def _counter_ignored(view: CallView, since: int) -> tuple[int, Offer] | None:
    """(the counter's turn, the repeated offer) when the debtor countered at or after
    ``since`` and every later offer only repeated an earlier one (tester9: "$300 a month is
    honestly the best I can do" after "Could we do $85 a month instead?")."""
    for t in view.turns:
        if t.index < since or "offer_countered" not in t.events:
            continue
        before = [o for o in view.offers if o.turn <= t.index]
        after = [o for o in view.offers if o.turn > t.index]
        if after and all(any(same_option(o, b) for b in before) for o in after):
            return t.index, after[0]
    return None


@check("usual_order")
def usual_order(view: CallView) -> Finding:
    if (why := undue(view)) is not None:
        return na(why)
    offers = [o for o in view.offers if earns(view, o)]
    if not _reduced(offers):
        return na("no reduced option (settlement, plan) was offered")
    evidence = []
    score = 1.0
    first = offers[0]
    cap = view.capacity_turn
    known_before = cap is not None and cap[0] < first.turn
    if OFFER_RANK[first.kind] > 0 and not known_before:
        score -= 0.5
        evidence.append(ev(first.turn, first.quote,
                           f"opened with a {KIND_LABEL[first.kind]} before asking for the balance in full"))
    back = None
    high = OFFER_RANK[first.kind]
    for o in offers[1:]:
        rank = OFFER_RANK[o.kind]
        if rank < high:
            back = o
            break
        high = max(high, rank)
    if back is not None:
        score -= 0.5
        evidence.append(ev(back.turn, back.quote,
                           f"went back to a {KIND_LABEL[back.kind]} after offering a lesser option"))
    if score >= 1.0:
        sequence = " -> ".join(dict.fromkeys(KIND_LABEL[o.kind] for o in offers))
        note = f"order: {sequence}"
        if OFFER_RANK[first.kind] > 0 and cap:
            # say what was known, and when ("capacity known at turn 4" named the job loss: tester8)
            note += f" (the debtor {cap[1]} at turn {cap[0]})"
        evidence.append(ev(None, "", note))
    return Finding(score, evidence)


def authority_problems(view: CallView, o: Offer) -> list[tuple[str, str]]:
    """Why an offer is beyond the creditor's authority: (what, the policy line it breaks);
    empty when it is within."""
    policy, balance, tol = view.policy, view.balance, view.th.amount_tolerance
    t = o.terms
    if t is None or policy is None:
        return []
    out: list[tuple[str, str]] = []
    floor_amount = balance * policy.settlement_floor if balance else None
    floor_line = f"settlement floor {policy.settlement_floor:.0%} of the balance" + (
        f" ({money(floor_amount)})" if floor_amount is not None else "")
    if t.kind == "settlement" and t.total > 0 and floor_amount is not None and t.total < floor_amount - tol:
        out.append((f"settlement {money(t.total)} is below the floor of {money(floor_amount)} "
                    f"({policy.settlement_floor:.0%} of {money(balance or 0)})", floor_line))
    if t.kind in ("payment_plan", "alternative", "settlement") and t.count > policy.max_installments:
        out.append((f"{t.count} payments; the policy allows at most {policy.max_installments}",
                    f"longest plan {policy.max_installments} payments"))
    if t.kind == "payment_plan" and 0 < t.monthly < policy.min_installment - 0.005:
        out.append((f"instalment {money(t.monthly)} is below the smallest allowed, {money(policy.min_installment)}",
                    f"smallest instalment {money(policy.min_installment)}"))
    if t.kind == "payment_plan" and t.monthly > 0 and t.count > 0 and balance:
        # the plan's own total carries a last payment larger or smaller than the rest
        # ("11 payments, the last one $180.40": tester6's servicemember call)
        collected = max(t.total, t.upfront + t.monthly * t.count)
        left = balance - collected
        if floor_amount is not None and collected < floor_amount - tol:
            out.append((f"the plan collects {money(collected)} of {money(balance)}, below the floor of "
                        f"{money(floor_amount)}, and leaves {money(left)} unresolved", floor_line))
        elif left > tol and getattr(policy, "plan_must_cover_balance", True):
            out.append((f"the plan collects {money(collected)} of {money(balance)} and leaves {money(left)} "
                        "unresolved; a plan must cover the balance", "a plan must cover the balance"))
    if t.start_days > policy.max_first_payment_days:
        out.append((f"first payment in {t.start_days} days; the policy allows {policy.max_first_payment_days}",
                    f"first payment within {policy.max_first_payment_days} days"))
    return out


def authority_offers(view: CallView) -> list[Offer]:
    """Every offer with terms (even one made in a monologue: it still binds the creditor),
    and the agreed terms when they were the debtor's counter."""
    offers = [o for o in view.offers if o.terms is not None]
    agreed = view.result.agreed if view.result is not None else None
    if agreed is not None and view.agree_turn is not None:
        sig = Offer(0, agreed.kind, agreed, "").signature
        same_line = next((o for o in offers if o.turn == view.agree_turn and o.kind == agreed.kind), None)
        if same_line is not None and same_line.signature != sig:
            # the offer the debtor took, its terms filled in by the agreement, is one offer
            # ("2 offer(s)" for tester8's one plan): judged on the agreed terms
            offers[offers.index(same_line)] = Offer(same_line.turn, agreed.kind, agreed, same_line.quote)
        elif not any(o.signature == sig for o in offers):
            turn = next(t for t in view.turns if t.index == view.agree_turn)
            offers.append(Offer(view.agree_turn, agreed.kind, agreed, turn.text))
            offers.sort(key=lambda o: o.turn)
    return offers


def unresolved_note(view: CallView) -> str:
    """What an agreed plan leaves of the balance, said on the card ("" when nothing)."""
    agreed = view.result.agreed if view.result is not None else None
    if agreed is None or not view.balance or agreed.kind not in ("payment_plan", "alternative"):
        return ""
    collected = max(agreed.total, agreed.upfront + agreed.monthly * agreed.count) if agreed.count else agreed.total
    left = view.balance - collected
    if collected <= 0 or left <= view.th.amount_tolerance:
        return ""
    return f"the agreed plan collects {money(collected)} of {money(view.balance)}: {money(left)} left unresolved"


@check("within_authority")
def within_authority(view: CallView) -> Finding:
    if view.policy is None:
        return na("no creditor policy to check against")
    if (why := undue(view)) is not None:
        return na(why)
    offers = authority_offers(view)
    # Asking for the balance in full is within any authority (unless its date is not): only
    # reduced options, or an offer that breaks the policy, give this check something to judge.
    if not _reduced(offers) and not any(authority_problems(view, o) for o in offers):
        return na("no reduced option (settlement, plan) was offered")
    evidence = []
    bad = 0
    for o in offers:
        problems = authority_problems(view, o)
        if problems:
            bad += 1
            evidence.append(ev(o.turn or None, o.quote, "; ".join(p for p, _ in problems)))
    note = unresolved_note(view)
    if not bad:
        extra = [ev(view.agree_turn, "", note)] if note else []
        return Finding(1.0, [ev(None, "", f"{len(offers)} offer(s), all within the creditor policy")] + extra)
    return Finding(min(0.5, 1 - bad / len(offers)), evidence, passed=False)
