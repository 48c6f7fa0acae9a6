"""The scorer: exemplary calls pass, weak ones lose points where they should, cards are
deterministic and explain themselves."""

from __future__ import annotations

import json

import pytest

from scoring.api import score_record
from scoring.examples import EXEMPLARY, exemplary
from scoring.rubric import (
    CHECK_IDS,
    DIMENSIONS,
    RULE_IDS,
    RubricError,
    load_default_rubric,
    parse_rubric,
)
from scoring.scorer import score
from simulator.content.library import Library
from simulator.session import Session

SHIPPED = {p.stem for p in Library.default().scenario_paths()}


def needs(scenario: str) -> None:
    if scenario not in SHIPPED:
        pytest.skip(f"scenario {scenario} is not shipped yet")


# ---------------------------------------------------------------------------- rubric


def test_default_rubric_loads_and_names_every_check_and_rule():
    r = load_default_rubric()
    ids = {c.id for _, d in r.dimensions.items() for c in d.checks}
    assert ids == set(CHECK_IDS)
    assert {x.id for x in r.compliance} == set(RULE_IDS)
    assert [n for n, _ in r.dimensions.items()] == list(DIMENSIONS)
    assert {n: d.weight for n, d in r.dimensions.items()} == {
        "preparation": 15, "tone": 20, "active_listening": 25, "flexibility": 20, "documentation": 20,
    }
    assert r.pass_mark == 70 and r.critical_cap == 50
    for _, d in r.dimensions.items():
        for c in d.checks:
            assert c.tip and c.description and c.points > 0


def test_checks_and_rules_registries_match_the_rubric_ids():
    from scoring.checks import REGISTRY
    from scoring.compliance import RULES

    assert set(REGISTRY) == set(CHECK_IDS)
    assert set(RULES) == set(RULE_IDS)


def test_rubric_is_strict():
    data = load_default_rubric().model_dump(mode="json", by_alias=True)
    data["colour"] = "red"
    with pytest.raises(RubricError, match="colour"):
        parse_rubric(data)
    data = load_default_rubric().model_dump(mode="json", by_alias=True)
    data["dimensions"]["tone"]["checks"][0]["id"] = "smiles"
    with pytest.raises(RubricError, match="unknown check 'smiles'"):
        parse_rubric(data)


def test_override_changes_weights_and_thresholds_and_rejects_typos():
    r = load_default_rubric()
    o = r.with_override({"weights": {"tone": 40}, "thresholds": {"empathy_window": 3}, "pass_mark": 80})
    assert o.weight("tone") == 40 and o.thresholds.empathy_window == 3 and o.pass_mark == 80
    assert o.content_hash() != r.content_hash()
    assert r.weight("tone") == 20  # the default is untouched
    with pytest.raises(RubricError, match="unknown dimension 'tonee'"):
        r.with_override({"weights": {"tonee": 1}})
    with pytest.raises(RubricError, match="unknown threshold"):
        r.with_override({"thresholds": {"empathy_windw": 1}})


def test_content_loader_validates_the_shipped_rubric():
    from simulator.content.loader import check_file
    from simulator.paths import default_rubric_path

    assert check_file(default_rubric_path(), "rubric") == []


# ---------------------------------------------------------------------------- exemplary calls


@pytest.mark.parametrize("scenario", sorted(EXEMPLARY))
def test_exemplary_session_scores_at_least_80_and_passes(scenario):
    needs(scenario)
    card = score_record(exemplary(scenario))
    d = card.to_dict()
    assert d["overall"] >= 80, {k: v["score"] for k, v in d["dimensions"].items()}
    assert d["passed"] is True
    assert d["compliance"]["violations"] == []
    assert d["outcome"]["type"] in ("full_payment", "settlement", "payment_plan")
    assert d["outcome"]["amount_secured"] > 0


def test_scorecard_contract_keys_and_store_acceptance():
    card = score_record(exemplary("hardship-basic")).to_dict()
    assert list(card)[:8] == ["overall", "passed", "uncapped", "dimensions", "compliance", "outcome",
                              "tips", "transcript"]
    assert set(card["dimensions"]) == set(DIMENSIONS)
    for dim in card["dimensions"].values():
        assert {"score", "weight", "assessed", "checks"} <= set(dim)
        for c in dim["checks"]:
            assert {"id", "description", "points", "earned", "passed", "evidence", "tip"} <= set(c)
            for e in c["evidence"]:
                assert set(e) == {"turn", "quote", "note"}
    assert set(card["outcome"]) >= {"type", "amount_secured", "balance", "final_trust"}
    t = card["transcript"][0]
    assert {"turn", "trainee", "moves", "tone", "debtor", "state", "events"} <= set(t)
    meta = card["meta"]
    assert meta["scenario_id"] == "hardship-basic" and meta["persona_id"] == "hardship"
    assert meta["trainee"] == "alex" and meta["seed"] == 42
    assert set(meta["hashes"]) == {"scenario", "persona", "rubric", "model"}  # model: the learned layer
    assert all(len(h) == 64 for h in meta["hashes"].values())
    assert meta["session"]["turns"] == EXEMPLARY["hardship-basic"]["turns"]
    assert "created_at" not in meta  # a pure function reads no clock

    from simulator.store.validate import parse_scorecard

    parse_scorecard(card)  # the store accepts it as is


def test_same_session_gives_byte_identical_json():
    a = json.dumps(score_record(exemplary("hostile-basic")).to_dict(), ensure_ascii=False, indent=2)
    b = json.dumps(score_record(exemplary("hostile-basic")).to_dict(), ensure_ascii=False, indent=2)
    assert a == b


def test_created_at_comes_from_the_caller():
    card = score_record(exemplary("cooperative-basic"), created_at="2026-11-20T18:00:00+00:00")
    assert card.meta["created_at"] == "2026-11-20T18:00:00+00:00"


def test_every_point_names_evidence():
    card = score_record(exemplary("resistant-basic")).to_dict()
    for dim in card["dimensions"].values():
        for c in dim["checks"]:
            assert c["evidence"], c["id"]
            if c["applies"] and not c["passed"]:
                assert c["tip"]


# ---------------------------------------------------------------------------- weak calls


def _play(scenario, lines, *, prep=None, agreement=None, notes=""):
    s = Session.start(scenario, trainee="t", preparation=prep or exemplary(scenario)["preparation"])
    for line in lines:
        if s.ended:
            break
        s.say(line)
    s.wrap_up(agreement, notes)
    return s.finish()


def test_rigid_full_balance_demands_score_low_on_flexibility():
    needs("hardship-basic")
    fs = _play("hardship-basic", [
        "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
        "This is an attempt to collect a debt by a debt collector. The balance on your Lakeside card is $1,240.",
        "I need the full $1,240 paid today.",
        "The full balance of $1,240 is due today.",
        "Can you pay the full $1,240 today?",
    ], agreement={"outcome": "no_agreement"}, notes="Refused to pay.")
    card = score(fs)
    flex = card.dimension("flexibility")
    assert flex.score is not None and flex.score < 40
    mo = card.check("multiple_options")
    assert mo.passed is False and mo.tip
    assert any("only one option" in e.note for e in mo.evidence)


def test_wrap_up_contradicting_the_call_lowers_documentation_and_names_both_values():
    rec = exemplary("hardship-basic")
    good = score_record(rec)
    rec["agreement"]["installment_amount"] = 60
    rec["agreement"]["installments"] = 20
    bad = score_record(rec)
    assert bad.dimension("documentation").score < good.dimension("documentation").score
    check = bad.check("form_matches_call")
    assert check.passed is False
    notes = " ".join(e.note for e in check.evidence)
    assert "$60.00" in notes and "$80.00" in notes
    assert "installments 20" in notes and "agreed 16" in notes


def test_missing_preparation_loses_preparation_points():
    rec = exemplary("cooperative-basic")
    rec["preparation"] = {"call_time": "17:45"}
    card = score_record(rec)
    prep = card.dimension("preparation")
    assert prep.score < 60
    assert card.check("reviewed_account").earned == 0
    assert "no call plan" in card.check("plan_within_policy").evidence[0].note


def test_plan_looser_than_policy_is_named():
    rec = exemplary("hardship-basic")
    rec["preparation"]["plan"]["settlement_floor"] = 0.4
    rec["preparation"]["plan"]["max_installments"] = 36
    check = score_record(rec).check("plan_within_policy")
    notes = " ".join(e.note for e in check.evidence)
    assert "below the policy floor of 60%" in notes and "longer than the policy allows (18)" in notes


def test_offer_below_the_settlement_floor_is_outside_authority():
    needs("cooperative-basic")
    rec = exemplary("cooperative-basic")
    rec["turns"] = rec["turns"][:5] + [
        "We could settle the whole thing for $500 if you pay it today.",
        "Thanks for your time, Jordan.",
    ]
    check = score_record(rec).check("within_authority")
    assert check.passed is False
    assert "below the floor of $1,184.00" in check.evidence[0].note


def test_tips_list_the_biggest_misses_first():
    rec = exemplary("hardship-basic")
    rec["agreement"] = None
    rec["notes"] = ""
    card = score_record(rec)
    tips = card.to_dict()["tips"]
    assert tips and len(tips) <= load_default_rubric().max_tips
    lost = [t["points_lost"] for t in tips]
    assert lost == sorted(lost, reverse=True)
    assert tips[0]["dimension"] == "documentation"


def test_outcome_reports_amount_secured_against_the_balance():
    card = score_record(exemplary("cooperative-basic")).to_dict()
    o = card["outcome"]
    assert o["type"] == "full_payment" and o["amount_secured"] == 1480.0 and o["balance"] == 1480.0
    assert o["share_secured"] == 1.0 and 0 <= o["final_trust"] <= 100


def test_scenario_override_changes_the_weights_used():
    from scoring.scorer import effective_rubric

    class _Scn:
        rubric = {"weights": {"preparation": 0}, "pass_mark": 90}

    r = effective_rubric(load_default_rubric(), _Scn())
    assert r.weight("preparation") == 0 and r.pass_mark == 90
    assert effective_rubric(load_default_rubric(), _Scn()) is r  # cached per override


def test_a_call_that_never_started_cannot_pass():
    """"hello", then the trainee hangs up: a tidy wrap-up and a polite word are not a
    call, so the card says there is not enough to judge rather than PASSED."""
    s = Session.start("cooperative-basic", seed=1, trainee="alex")
    s.say("hello")
    s.hang_up()
    s.wrap_up({"outcome": "refused"}, "")
    card = score(s.finish())
    assert card.passed is False
    assert card.dimension("active_listening").score is None
    assert "not enough of the call to judge" in card.incomplete


# ---------------------------------------------------------------------------- issue 11


def test_tips_fit_the_persona_no_hardship_example_on_a_cooperative_card():
    rec = exemplary("cooperative-basic")
    rec["turns"] = rec["turns"][:3] + rec["turns"][5:]  # no reflection, never comes back to the move
    card = score_record(rec)
    tips = " ".join(c.tip or "" for d in card.dimensions.values() for c in d.checks)
    assert card.check("reflections").passed is False
    assert "hours were cut" not in tips and "new job" not in tips
    assert "statements went to the old address" in card.check("reflections").tip


def test_a_skipped_negotiation_scores_low_instead_of_not_assessed():
    """The debtor was reached and verified: flexibility applies even when the trainee
    never put an option on the table (issue 11: never "not assessed" for skipping it)."""
    rec = exemplary("cooperative-basic")
    rec["turns"] = rec["turns"][:2] + ["Okay, I'll send you a letter. Thanks, bye."]
    rec["agreement"] = {"outcome": "no_agreement"}
    card = score_record(rec)
    flex = card.dimension("flexibility")
    assert flex.score == 0.0 and card.check("multiple_options").tip


def test_a_stuffed_line_earns_no_credit_and_is_flagged_as_a_monologue():
    rec = exemplary("hardship-basic")
    rec["turns"] = [rec["turns"][0], " ".join(rec["turns"][1:])]
    card = score_record(rec)
    mono = card.check("no_monologue")
    assert mono.passed is False and "scoring moves" in mono.evidence[0].note
    assert card.check("open_questions").earned == 0
    assert card.dimension("flexibility").score is not None
    assert card.passed is False


def test_major_violation_fails_without_capping():
    rec = exemplary("cooperative-basic")
    rec["turns"][5] = "We can settle the account for $900 if it's paid by Friday."
    rec["turns"][6] = "To confirm, that's $900 by debit card by Friday, and the account will be marked settled."
    rec["agreement"] = {"outcome": "settlement", "total_amount": 900, "first_payment_date": "2026-11-27",
                        "payment_method": "debit_card"}
    card = score_record(rec)
    v = next(v for v in card.compliance.violations if v.rule == "beyond_authority")
    assert v.severity == "major" and v.citation.startswith("creditor policy: settlement floor 80%")
    assert card.passed is False and card.overall == card.uncapped


def test_a_plan_that_leaves_part_of_the_balance_says_so():
    rec = exemplary("hardship-basic")
    rec["turns"][6] = "We could do three payments of $80, starting December 15th."
    rec["turns"][7] = "So that's $80 a month by debit card for 3 months, starting December 15th."
    card = score_record(rec)
    d = card.to_dict()
    if d["outcome"]["type"] == "payment_plan":
        assert d["outcome"]["unresolved"] == 1000.0
    v = next(v for v in card.compliance.violations if v.rule == "beyond_authority")
    assert "leaves $1,000.00 unresolved" in v.message


def test_required_fields_cover_every_wrap_up_outcome():
    from typing import get_args

    from scoring.checks.documentation import REQUIRED
    from simulator.content.models import AgreementOutcome

    assert set(REQUIRED) == set(get_args(AgreementOutcome))
    assert list(get_args(AgreementOutcome)) == [
        "full_payment", "settlement", "payment_plan", "promise_to_pay", "no_agreement", "dispute", "callback",
        "refused", "hung_up", "cease_requested", "attorney", "wrong_party", "validation_requested",
        "bankruptcy", "deceased"]
