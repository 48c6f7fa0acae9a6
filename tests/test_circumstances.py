"""The circumstance rules (scoring/circumstances.py): each fires on the call where its
circumstance arose (bankruptcy, a deceased debtor, a servicemember, a time-barred debt),
on the turn that broke it, with its citation and the words; and stays silent on a call
where the circumstance never arose, whatever the words."""

from __future__ import annotations

import pytest

from scoring.api import score_record
from scoring.circumstances import PERSONAL_LIABILITY, SUIT, _affirmed, _negated
from scoring.examples import exemplary
from simulator.content.models import SessionRecord
from simulator.session import replay as _replay

MINI = ("This is Sam with Northgate Recovery. This is an attempt to collect a debt, and any information "
        "obtained will be used for that purpose. ")
BANKRUPTCY = ["Hi, may I speak with Carla Jennings?",
              MINI + "I'm calling about your Harbor Point Bank card; the balance is $2,140.55."]
DECEASED = ["Hi, may I speak with Robert Hale?",
            "I'm so sorry for your loss. Are you handling his estate?",
            MINI + "I'm calling about Robert's Harbor Point Bank card; the balance is $3,480.20."]
SERVICE = ["Hi, may I speak with Marcus Reed?",
           MINI + "I'm calling about your Summit Card Services account; the balance is $1,780.40."]
OLD = ["Hi, may I speak with Walter Brooks?",
       MINI + "I'm calling about your old Redline Home Furnishings card; the balance is $1,620.00."]
SEEDS = {"bankruptcy-basic": 11, "deceased-basic": 13, "servicemember-basic": 15, "time-barred-basic": 17}


def replay(data: dict):
    return _replay(SessionRecord.model_validate(data))


def card(scenario: str, lines: list[str], **extra):
    rec = {"scenario": scenario, "seed": SEEDS.get(scenario, 5), "turns": lines, **extra}
    return score_record(rec)


def found(c, rule: str):
    return [v for v in c.compliance.violations if v.rule == rule]


def with_line(scenario: str, line: str):
    """A textbook call of another scenario with ``line`` said after the debt was stated."""
    rec = exemplary(scenario)
    rec["turns"].insert(3, line)
    return score_record(rec)


# --------------------------------------------------------------------------- bankruptcy


def test_collecting_after_bankruptcy_is_critical_citing_the_stay():
    c = card("bankruptcy-basic", [*BANKRUPTCY, "I understand, but could you pay something toward it today?"])
    (v,) = found(c, "collecting_in_bankruptcy")
    assert v.turn == 3 and v.severity == "critical"
    assert "11 U.S.C. 362(a)(6)" in v.citation and "15 U.S.C. 1692" in v.citation
    assert "pay" in v.quote and "bankruptcy" in v.message
    assert c.passed is False and c.overall <= 50


def test_taking_the_case_details_after_bankruptcy_is_no_violation():
    c = card("bankruptcy-basic", [*BANKRUPTCY, "Do you have the case number for the bankruptcy?",
                                  "Who's your attorney on the bankruptcy?",
                                  "Thank you. I'll note the bankruptcy and stop collection on the account."])
    assert found(c, "collecting_in_bankruptcy") == []


def test_asking_for_money_before_bankruptcy_comes_up_is_not_judged_by_it():
    rec = exemplary("hardship-basic")
    assert found(score_record(rec), "collecting_in_bankruptcy") == []


def test_a_bankruptcy_call_ends_in_outcome_bankruptcy():
    session = replay({"scenario": "bankruptcy-basic", "seed": 11, "turns": [
        *BANKRUPTCY, "Thank you. I'll note the bankruptcy and stop collection on the account.",
        "Thanks for your time. Take care."]})
    assert session.result.outcome == "bankruptcy"


# --------------------------------------------------------------------------- deceased


def test_the_survivor_is_verified_only_when_she_says_who_she_is_to_the_estate():
    session = replay({"scenario": "deceased-basic", "seed": 13, "turns": DECEASED})
    first, second, third = session.turns
    assert "deceased" in first.events and "verified" not in first.events
    assert "verified" in second.events
    assert third.before.party == "representative" and third.before.verified and third.before.deceased


def test_asking_the_survivor_to_pay_without_the_estate_is_critical():
    c = card("deceased-basic", [*DECEASED, "Could you pay the balance today?"])
    (v,) = found(c, "survivor_liability")
    assert v.turn == 4 and v.severity == "critical" and "12 CFR 1006.18" in v.citation
    assert "estate" in v.message and c.passed is False


def test_telling_the_survivor_she_is_responsible_is_critical():
    c = card("deceased-basic", [*DECEASED, "As his wife, you're responsible for paying this now."])
    v = found(c, "survivor_liability")[0]
    assert v.turn == 4 and "responsible" in v.quote


@pytest.mark.parametrize("line", [
    "Would the estate be able to pay the balance?",
    "I can hear how worried you are. Any debts he left are handled through his estate.",
    "You are not personally responsible for this debt.",
])
def test_asking_the_estate_or_saying_she_is_not_liable_is_no_violation(line):
    assert found(card("deceased-basic", [*DECEASED, line]), "survivor_liability") == []


def test_naming_the_debt_before_learning_who_she_is_is_a_third_party_disclosure():
    c = card("deceased-basic", [DECEASED[0], "I'm sorry. I'm calling about his Harbor Point Bank card; "
                                "the balance is $3,480.20."])
    (v,) = found(c, "third_party_disclosure")
    assert v.turn == 2 and "before verifying" in v.message


def test_the_survivor_rule_is_silent_on_a_living_debtor():
    c = with_line("cooperative-basic", "You're responsible for paying this now.")
    assert found(c, "survivor_liability") == []


# --------------------------------------------------------------------------- servicemember


def test_bringing_in_his_command_is_critical_even_when_it_is_veiled():
    c = card("servicemember-basic", [*SERVICE, "We may need to confirm your status with your chain of "
                                     "command before we set anything up."])
    (v,) = found(c, "military_command_threat")
    assert v.turn == 3 and v.quote == "chain of command" and v.severity == "critical"
    assert "1692e(5)" in v.citation and "1692c(b)" in v.citation


def test_a_denial_of_contacting_his_command_is_no_violation():
    c = card("servicemember-basic", [*SERVICE, "Thank you for your service. We would never contact your "
                                     "command about this."])
    assert found(c, "military_command_threat") == []


def test_the_military_rule_is_silent_where_nobody_is_in_the_service():
    c = with_line("cooperative-basic", "Is your commanding officer aware of this account?")
    assert found(c, "military_command_threat") == []


# --------------------------------------------------------------------------- time-barred


def test_suggesting_court_on_a_time_barred_debt_cites_1006_26_b():
    c = card("time-barred-basic", [*OLD, "Accounts like this sometimes get passed to our attorneys."])
    (v,) = found(c, "time_barred_suit")
    assert v.turn == 3 and v.severity == "critical" and "12 CFR 1006.26(b)" in v.citation
    assert "attorneys" in v.quote and c.passed is False


def test_saying_an_old_debt_is_still_enforceable_cites_1692e_2_a():
    c = card("time-barred-basic", [*OLD, "You're still legally obligated to pay this."])
    (v,) = found(c, "time_barred_suit")
    assert "1692e(2)(A)" in v.citation and "legally obligated" in v.quote


@pytest.mark.parametrize("line", [
    "No. Because of the age of this debt, we will not sue you for it.",
    "The law limits how long you can be sued on a debt. Because of the age of your debt, we will not sue you for it.",
    "We can settle it for $650, paid by December 15th.",
])
def test_the_no_suit_disclosure_and_a_settlement_are_no_violation(line):
    assert found(card("time-barred-basic", [*OLD, line]), "time_barred_suit") == []


def test_the_time_barred_rule_is_silent_on_a_debt_within_the_limit():
    c = with_line("cooperative-basic", "Accounts like this sometimes get passed to our attorneys.")
    assert found(c, "time_barred_suit") == []


def test_the_account_file_says_the_debt_is_time_barred():
    session = replay({"scenario": "time-barred-basic", "seed": 17, "turns": OLD[:1]})
    rows = dict(session.account.sections()["creditor_policy"])
    assert "expired" in rows["Statute of limitations"]


# --------------------------------------------------------------------------- negation


@pytest.mark.parametrize(("text", "denied"), [
    ("we will not sue you", True),
    ("we won't take you to court", True),
    ("we will sue you", False),
    ("we won't call again, but we will sue you", False),
])
def test_a_phrase_is_denied_only_in_its_own_clause(text, denied):
    m = SUIT.search(text)
    assert m is not None
    assert _negated(text, m.start()) is denied
    assert (_affirmed(SUIT, text) is None) is denied


def test_personal_liability_words():
    assert _affirmed(PERSONAL_LIABILITY, "As his wife, you're responsible for this now.")
    assert _affirmed(PERSONAL_LIABILITY, "You now owe the balance.")
    assert not _affirmed(PERSONAL_LIABILITY, "You are not personally responsible for it.")


def test_home_lists_the_negotiation_calls_before_the_trap_calls():
    from simulator.app.catalog import NEGOTIATION_ARCHETYPES, load_catalog

    kinds = [info.archetype in NEGOTIATION_ARCHETYPES for info in load_catalog()]
    assert kinds == sorted(kinds, reverse=True) and kinds.count(False) >= 4
    ids = [info.id for info in load_catalog()]
    core = [i for i in ids if i in ("cooperative-basic", "dispute-basic", "hardship-basic")]
    assert ids[:3] == core  # the basics keep their places, whatever trap calls are added
