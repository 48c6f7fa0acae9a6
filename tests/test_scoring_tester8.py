"""Scorecard judgements an outside tester found wrong (tester8, "Marcus", a terse
law-firm pre-legal collector, 2026-12-03, report section 3): each test names the finding
and failed on the scorer before the fix. His records are in ``tests/fixtures/tester8/``;
lines marked ``# tester8`` are his own."""

from __future__ import annotations

import pytest

from scoring.api import score_record
from scoring.checks.documentation import REQUEST_WORDS
from tests.cards import notes, record_of, rules


# ------------------------------------------------------------ 3.2: desk shorthand for an attorney
@pytest.mark.parametrize("notes", [
    "Debtor rep'd by atty Rachel Kim, Kim & Ortiz Law Group, (404) 555-0182, hired Sept.",  # tester8
    "Ceased contact w/ debtor; file flagged atty-rep.",  # tester8
    "Atty rep: Rachel Kim",  # tester8
    "represented by atty Rachel Kim",  # tester8
])
def test_attorney_shorthand_in_the_notes_counts(notes):
    assert REQUEST_WORDS["attorney"].search(notes), notes


def test_the_attorney_call_noted_in_shorthand_passes():
    card = score_record(record_of("tester8", "attorney-stop"))
    assert "request_not_noted" not in rules(card)
    assert card.passed


def test_atty_rep_with_name_passes_too():
    rec = record_of("tester8", "attorney-stop")
    rec["notes"] = ("RPC, DOB verified. Atty rep: Rachel Kim, Kim & Ortiz Law Group, (404) 555-0182. "
                    "Next: contact atty office 11/23.")
    card = score_record(rec)
    assert "request_not_noted" not in rules(card)


# ------------------------------------------------------------ 3.4: the form carries the request
@pytest.mark.parametrize("name", ["slip-cease-ultimatum", "slip-attorney-legaldept", "deceased-estate"])
def test_a_form_that_records_the_request_made_before_the_hang_up_is_accepted(name):
    c = score_record(record_of("tester8", name)).check("form_matches_call")
    assert c.passed, notes(c)


# ------------------------------------------------------------ 3.3: sarcasm is no disclosure
def test_sarcasm_with_no_debt_content_is_not_discussing_the_debt():
    card = score_record(record_of("tester8", "slip-workcall-sarcasm"))
    cited = rules(card)
    assert "third_party_disclosure" not in cited
    assert "collecting_at_inconvenient_time" not in cited
    assert not card.passed  # the tone still costs it the pass
    assert not card.check("no_pressure_or_abuse").passed


# ------------------------------------------------------------ 3.7 / 3.8: attorney involvement implied
def test_our_attorneys_on_a_time_barred_debt_cites_1692e3():
    card = score_record(record_of("tester8", "slip-timebarred-attorneys"))
    assert any("1692e(3)" in (v.citation or "") for v in card.compliance.violations), rules(card)


def test_pre_legal_desk_to_the_roommate_cites_1692e3_and_is_not_a_threat_to_the_debtor():
    card = score_record(record_of("tester8", "slip-thirdparty-prelegal"))
    assert any("1692e(3)" in (v.citation or "") for v in card.compliance.violations), rules(card)
    threats = [v for v in card.compliance.violations if v.rule == "threat"]
    assert threats and all("threatened the debtor" not in v.message for v in threats)


# ------------------------------------------------------------ 3.9: plain facts call for no full empathy
@pytest.mark.parametrize("name", ["servicemember-plan", "timebarred-sif"])
def test_a_factual_disclosure_costs_at_most_half_the_empathy_check(name):
    c = score_record(record_of("tester8", name)).check("empathy_after_reveal")
    assert not c.applies or c.earned >= c.points / 2, notes(c)


# ------------------------------------------------------------ 3.10: a paraphrase is a reflection
def test_a_good_paraphrase_earns_the_reflection():
    c = score_record(record_of("tester8", "coop-pif")).check("reflections")
    assert c.passed, notes(c)


# ------------------------------------------------------------ 3.11: evidence names the right turn
def test_capacity_is_cited_at_the_turn_the_debtor_named_a_figure():
    c = score_record(record_of("tester8", "hardship-plan")).check("usual_order")
    assert "capacity known at turn 4" not in notes(c) and "revealed a hardship at turn 4" in notes(c), notes(c)


def test_one_offer_is_not_two_and_no_capacity_means_no_adaptation_credit():
    # Since the persona round of 2026-12-03 Gary counters $100 at turn 8, so the recap of
    # other figures at turn 10 is a second offer (two offers are right now); what must hold
    # is that an offer that ignored his counter earns no adaptation credit.
    card = score_record(record_of("tester8", "hostile-plan"))
    adapted = card.check("adapted_offer")
    assert not adapted.passed and "the counter was ignored" in notes(adapted), notes(adapted)


# ------------------------------------------------------------ honest calls stay where they were
@pytest.mark.parametrize("name", ["coop-pif", "hardship-plan", "hostile-plan", "resistant-sif", "thirdparty-msg",
                                  "attorney-stop", "timebarred-sif", "dispute-stop", "workcall-callback",
                                  "validation-writing", "servicemember-plan"])
def test_his_honest_calls_pass(name):
    card = score_record(record_of("tester8", name))
    assert card.passed and card.overall >= 85, (card.overall, rules(card))
