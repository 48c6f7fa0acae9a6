"""The compliance gate: each rule fires on the turn that broke it, cites the regulation,
quotes the words, and a critical violation caps the score and fails the session."""

from __future__ import annotations

import dataclasses

import pytest

from scoring.api import score_record
from scoring.examples import exemplary
from scoring.scorer import score
from simulator.content.library import Library
from simulator.content.models import SessionRecord
from simulator.session import replay

SHIPPED = {p.stem for p in Library.default().scenario_paths()}


def needs(scenario: str) -> None:
    if scenario not in SHIPPED:
        pytest.skip(f"scenario {scenario} is not shipped yet")


def _rules(card):
    return [v.rule for v in card.compliance.violations]


def _record(scenario, lines, **extra):
    rec = exemplary(scenario) if scenario in ("cooperative-basic", "hardship-basic", "resistant-basic",
                                              "hostile-basic") else {"scenario": scenario, "seed": 5}
    rec.update(extra)
    rec["turns"] = lines
    return rec


def test_exemplary_calls_have_no_violations():
    for name in ("cooperative-basic", "hardship-basic"):
        assert score_record(exemplary(name)).compliance.violations == []


def test_threat_is_a_critical_violation_citing_1006_18_and_fails():
    card = score_record(_record("hardship-basic", [
        "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
        "This is an attempt to collect a debt by a debt collector. The balance on your Lakeside card is $1,240.",
        "Pay it today or we'll have you arrested.",
    ]))
    threats = [v for v in card.compliance.violations if v.rule == "threat"]
    assert len(threats) == 1
    v = threats[0]
    assert v.severity == "critical" and v.turn == 3
    assert "12 CFR 1006.18(b)(3)" in v.citation and "1006.18(c)(1)" in v.citation
    assert "arrested" in v.quote
    assert card.passed is False
    assert card.overall <= 50
    assert card.to_dict()["compliance"]["passed"] is False


def test_critical_cap_applies_even_to_an_otherwise_perfect_call():
    rec = exemplary("cooperative-basic")
    rec["turns"].insert(6, "And if you don't, we will sue you and garnish your wages.")
    card = score_record(rec)
    assert "threat" in _rules(card)
    assert card.overall == 50.0 and card.uncapped > 50 and card.passed is False


def test_discussing_the_debt_with_a_third_party_cites_1006_6_d():
    needs("third-party")
    card = score_record({"scenario": "third-party", "seed": 5, "turns": [
        "Hi, may I speak with Alicia Moreno, please?",
        "Could you tell her she owes $640 on her Brightline Wireless account and needs to pay it?",
        "Thanks, bye.",
    ]})
    v = next(v for v in card.compliance.violations if v.rule == "third_party_disclosure")
    assert v.citation.startswith("12 CFR 1006.6(d)") and "1692c(b)" in v.citation
    assert v.turn == 2 and v.severity == "critical"
    assert "third party" in v.message and "roommate" in v.message
    assert card.passed is False


def test_a_third_party_call_done_right_has_no_violation():
    needs("third-party")
    card = score_record({"scenario": "third-party", "seed": 5, "turns": [
        "Hi, may I speak with Alicia Moreno, please?",
        "Could you ask her to call me back? My name is Sam and my number is 800-555-0142.",
        "Thanks so much, have a good night.",
    ]})
    assert card.compliance.violations == []


def test_discussing_the_debt_before_verification_cites_1006_6_d():
    card = score_record(_record("hardship-basic", [
        "Hi, this is Sam with Northgate Recovery. You owe $1,240 on your Lakeside card.",
        "Am I speaking with Maria Delgado?",
    ]))
    v = next(v for v in card.compliance.violations if v.rule == "third_party_disclosure")
    assert v.turn == 1 and "before verifying" in v.message


def test_no_mini_miranda_cites_1006_18_e():
    rec = exemplary("cooperative-basic")
    rec["turns"][1] = ("Hi Jordan, my name is Priya and I'm calling from Keystone Collections about your "
                       "Harbor Bank Visa; the balance is $1,480.")
    card = score_record(rec)
    v = next(v for v in card.compliance.violations if v.rule == "mini_miranda")
    assert v.citation == "12 CFR 1006.18(e)" and v.turn == 2
    assert card.passed is False


def test_late_disclosure_is_named_with_its_turn():
    rec = exemplary("cooperative-basic")
    rec["turns"][1] = ("Hi Jordan, my name is Priya with Keystone Collections, calling about your Harbor Bank "
                       "Visa; the balance is $1,480.")
    rec["turns"].insert(2, "This is an attempt to collect a debt, and any information obtained will be used "
                           "for that purpose.")
    v = next(v for v in score_record(rec).compliance.violations if v.rule == "mini_miranda")
    assert "only at turn 3" in v.message


def test_call_at_2230_is_flagged_1006_6_b_1_i():
    rec = exemplary("hardship-basic")
    rec["preparation"]["call_time"] = "22:30"
    card = score_record(rec)
    v = next(v for v in card.compliance.violations if v.rule == "call_time")
    assert v.citation == "12 CFR 1006.6(b)(1)(i)" and "22:30" in v.message
    assert card.passed is False and card.overall <= 50
    assert card.check("call_time").passed is False


@pytest.mark.parametrize("hhmm,flagged", [("07:59", True), ("08:00", False), ("21:00", False), ("21:01", True)])
def test_call_time_edges(hhmm, flagged):
    rec = exemplary("cooperative-basic")
    rec["preparation"]["call_time"] = hhmm
    assert ("call_time" in _rules(score_record(rec))) is flagged


def test_collecting_after_a_dispute_cites_1692g_b():
    needs("dispute-basic")
    card = score_record({"scenario": "dispute-basic", "seed": 9, "turns": [
        "Hi, may I speak with Denise Holloway?",
        "This is Chris with Keystone Collections. This is an attempt to collect a debt, and any information "
        "obtained will be used for that purpose. I'm calling about your Metro Cable account; the balance is $412.60.",
        "Thank you for telling me. Can you tell me more about when you returned it?",
        "I understand, but could you pay something toward it today?",
    ]})
    if "dispute" not in [e for t in card.transcript for e in t["events"]]:
        pytest.skip("the dispute persona did not dispute on this path")
    v = next(v for v in card.compliance.violations if v.rule == "collecting_after_dispute")
    assert v.citation == "15 U.S.C. 1692g(b)" and v.severity == "critical"


def _with_before(fs, from_turn: int, **flags):
    turns = [
        dataclasses.replace(t, before=dataclasses.replace(t.before, **flags)) if t.index >= from_turn else t
        for t in fs.turns
    ]
    return dataclasses.replace(fs, turns=turns)


def test_going_on_after_an_attorney_is_named_cites_1006_6_b_2():
    fs = replay(SessionRecord.model_validate(exemplary("hardship-basic")))
    card = score(_with_before(fs, 6, attorney=True))
    v = next(v for v in card.compliance.violations if v.rule == "contact_with_represented")
    assert v.citation == "12 CFR 1006.6(b)(2); 15 U.S.C. 1692c(a)(2)" and v.turn == 6


def test_going_on_after_a_cease_request_cites_1006_6_c():
    fs = replay(SessionRecord.model_validate(exemplary("hardship-basic")))
    card = score(_with_before(fs, 7, cease_requested=True))
    v = next(v for v in card.compliance.violations if v.rule == "collecting_after_cease")
    assert v.citation == "12 CFR 1006.6(c); 15 U.S.C. 1692c(c)" and v.turn == 7 and "offer payment plan" in v.message


def test_misstated_balance_cites_1006_18_b_2_i_with_both_amounts():
    rec = exemplary("hardship-basic")
    rec["turns"][1] = rec["turns"][1].replace("$1,240", "$1,420")
    card = score_record(rec)
    v = next(v for v in card.compliance.violations if v.rule == "misstated_balance")
    assert v.citation.startswith("12 CFR 1006.18(b)(2)(i)") and v.turn == 2 and v.severity == "critical"
    assert card.passed is False and card.overall <= 50
    assert "$1,420.00" in v.message and "$1,240.00" in v.message


def test_profanity_is_abuse_under_1006_14():
    rec = exemplary("cooperative-basic")
    rec["turns"].insert(5, "Look, just pay the damn bill.")
    v = next(v for v in score_record(rec).compliance.violations if v.rule == "abuse")
    assert v.citation == "12 CFR 1006.14(d)" and v.severity == "critical"


def test_violations_quote_whole_words():
    card = score_record(_record("hardship-basic", [
        "Am I speaking with Maria Delgado?",
        "You owe $1,240. Pay it today or we'll have you arrested.",
    ]))
    assert all(not v.quote.endswith("$") for v in card.compliance.violations)
