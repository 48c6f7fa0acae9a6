"""The call types whose trap is something the debtor says mid-call (issue 12): "I'm at
work, I can't talk", "my lawyer is handling this", "stop calling me", "send me
everything in writing". Each persona raises its trap in every version (seed), rewards
the right move and punishes collecting; each rule fires where its trap arose and
nowhere else; scripted checks can read the scorecard."""

from __future__ import annotations

import pytest

from scoring.scorer import score
from simulator.content.library import Library
from simulator.content.models import Preparation, ScriptedCheck
from simulator.engine.checks import run_check
from simulator.session import Session

SEEDS = range(5)
NEW_RULES = ("collecting_at_inconvenient_time", "collecting_before_validation", "attorney_details_not_taken")
PREP = {"reviewed": ["account_summary", "payment_history", "contact_notes", "creditor_policy"]}


def call(scenario: str, lines: list[str], seed: int, agreement: dict | None = None,
         notes: str = "") -> Session:
    """Play lines ("{name}" is this version's debtor) until the call ends; wrap up."""
    scn = Library.default().scenario(scenario)
    s = Session.start(scenario, seed=seed, preparation={**PREP, "call_time": scn.call.local_time})
    name = f"{s.account.debtor.first_name} {s.account.debtor.last_name}"
    for line in lines:
        if s.ended:
            break
        s.say(line.replace("{name}", name))
    if not s.ended:
        s.call.end_by_script()
    s.wrap_up(agreement, notes)
    return s


def rules(s: Session) -> list[str]:
    return [v.rule for v in score(s.finish()).compliance.violations]


def events(s: Session) -> set[str]:
    return set(s.result().events)


# --------------------------------------------------------------------------- at work

AT_WORK_OPEN = ["Hi, this is Sam with Keystone Partners. May I speak with {name}?"]


@pytest.mark.parametrize("seed", SEEDS)
def test_at_work_says_so_and_takes_a_call_back_time(seed):
    s = call("work-call", AT_WORK_OPEN + [
        "Sorry to catch you at work. When would be a better time to call you back?",
        "Okay, I'll call you back then.",
        "Thanks, talk to you then.",
    ], seed, {"outcome": "callback", "follow_up_date": "2026-12-02"},
        "At work, can't talk: inconvenient. Call back after his shift this evening.")
    assert {"verified", "inconvenient", "callback"} <= events(s)
    assert s.result().outcome == "callback"
    assert not set(rules(s)) & set(NEW_RULES)


@pytest.mark.parametrize("seed", SEEDS)
def test_at_work_hangs_up_when_the_debt_goes_on(seed):
    s = call("work-call", AT_WORK_OPEN + [
        "This is an attempt to collect a debt. Your Summit Ridge card has a balance of $1,186.40.",
        "Can you make a payment today?",
        "Hello?",
    ], seed)
    assert s.result().outcome == "hung_up" and len(s.turns) == 3
    found = [v for v in score(s.finish()).compliance.violations if v.rule == "collecting_at_inconvenient_time"]
    assert found and found[0].turn == 2 and "1006.6(b)(1)" in found[0].citation


# --------------------------------------------------------------------------- attorney

ATTORNEY_OPEN = [
    "Good morning, this is Jamie with Keystone Collections. Am I speaking with {name}?",
    "This is an attempt to collect a debt, and any information obtained will be used for that purpose. "
    "I'm calling about your Crestline Finance loan, the balance is $3,420.75.",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_represented_names_her_attorney_and_gives_the_number_when_asked(seed):
    s = call("with-attorney", ATTORNEY_OPEN + [
        "Thank you for letting me know. Could I get your attorney's name and phone number, please?",
        "Thank you. We'll contact your attorney directly, and we won't discuss the account with you.",
        "Have a good day.",
    ], seed, {"outcome": "attorney"}, "Represented by an attorney; contact the attorney only.")
    assert {"attorney", "revealed:lawyer", "revealed:lawyer_contact"} <= events(s)
    phone = s.persona.details["attorney_phone"]
    assert any(phone in t.reply for t in s.turns)
    assert s.result().outcome == "attorney"
    assert not set(rules(s)) & {"contact_with_represented", *NEW_RULES}


@pytest.mark.parametrize("seed", SEEDS)
def test_represented_ends_the_call_on_the_second_ask_for_money(seed):
    s = call("with-attorney", ATTORNEY_OPEN + [
        "Could you pay something toward it today?",
        "We could set up a plan of $200 a month.",
        "Hello?",
    ], seed)
    assert s.result().outcome == "hung_up" and len(s.turns) == 4
    assert "contact_with_represented" in rules(s)


def test_closing_without_the_attorneys_details_is_a_major_finding():
    lines = ATTORNEY_OPEN + ["Okay, thanks for your time. Goodbye."]
    s = call("with-attorney", lines, 33, {"outcome": "attorney"}, "Says she has a lawyer.")
    card = score(s.finish())
    v = next(v for v in card.compliance.violations if v.rule == "attorney_details_not_taken")
    assert v.severity == "major" and v.turn == 2 and "1006.6(b)(2)" in v.citation
    assert card.passed is False
    # The number in the notes is what the next caller needs: then nothing is missing.
    s = call("with-attorney", lines, 33, {"outcome": "attorney"},
             "Represented: Rachel Kim, (404) 555-0182. Contact the attorney only.")
    assert "attorney_details_not_taken" not in rules(s)


# --------------------------------------------------------------------------- cease

CEASE_OPEN = [
    "Hi, this is Pat with Keystone Collections. Am I speaking with {name}?",
    "This is an attempt to collect a debt, and any information obtained will be used for that purpose. "
    "I'm calling about your Northstar Wireless account, the balance is $687.15.",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_cease_asks_for_no_more_calls_and_is_satisfied_when_it_is_confirmed(seed):
    s = call("unwanted-calls", CEASE_OPEN + [
        "I understand, and I'll make sure you don't get any more calls from us about this account. "
        "You'll get a letter confirming it.",
        "Thanks for your time. Goodbye.",
    ], seed, {"outcome": "cease_requested"}, "Asked us to stop calling: no more calls. Mail confirmation.")
    assert {"cease_requested", "calmed"} <= events(s)
    assert s.result().outcome == "cease_requested" and s.state == "ended"
    assert rules(s) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_cease_hangs_up_when_collecting_goes_on(seed):
    s = call("unwanted-calls", CEASE_OPEN + [
        "Can you pay the $687.15 today?",
        "We could settle it for $400 if you pay by Friday.",
        "Hello?",
    ], seed)
    assert s.result().outcome == "hung_up" and len(s.turns) == 4
    assert rules(s).count("collecting_after_cease") == 2


# --------------------------------------------------------------------------- in writing

WRITING_OPEN = [
    "Good afternoon, this is Morgan with Keystone Collections. Am I speaking with {name}?",
    "This is an attempt to collect a debt, and any information obtained will be used for that purpose. "
    "I'm calling about a Harbor Lane store card, now owned by Meridian Portfolio Services; the balance is $1,532.90.",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_in_writing_asks_for_validation_and_no_phone_talk(seed):
    s = call("validation-basic", WRITING_OPEN + [
        "Understood. I'll mail you the validation notice, and we won't discuss payment until you've reviewed it.",
        "What's the best mailing address for the notice?",
        "Thank you. Have a good afternoon.",
    ], seed, {"outcome": "validation_requested"},
        "Wants validation in writing; in writing only, no payment talk by phone. Mail notice within five days.")
    assert {"validation_requested", "written_only", "answered:identity_address"} <= events(s)
    assert s.result().outcome == "validation_requested"
    assert rules(s) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_in_writing_hangs_up_when_asked_for_money_twice(seed):
    s = call("validation-basic", WRITING_OPEN + [
        "Can you make a payment today while you wait for the letter?",
        "We could settle it for $800 if it's paid this month.",
        "Hello?",
    ], seed)
    assert s.result().outcome == "hung_up" and len(s.turns) == 4
    found = [v for v in score(s.finish()).compliance.violations if v.rule == "collecting_before_validation"]
    assert [v.turn for v in found] == [3, 4]
    assert "1692g(b)" in found[0].citation and "1006.34" in found[0].citation


# --------------------------------------------------------------------------- the rules stay put

def _shipped_checks():
    lib = Library.default()
    for scn in lib.scenarios():
        for c in scn.checks:
            yield pytest.param(scn.id, c, id=f"{scn.id}: {c.name}")


@pytest.mark.parametrize(("scenario", "check"), list(_shipped_checks()))
def test_a_new_rule_fires_only_where_its_trap_arose(scenario, check):
    """Every shipped check's call, scored: a rule for a trap is only on calls with that trap."""
    scn = Library.default().scenario(scenario)
    s = Session.start(scenario, seed=check.seed if check.seed is not None else scn.seed,
                      preparation=Preparation(call_time=scn.call.local_time))
    for line in check.lines:
        if s.ended:
            break
        s.say(line)
    found = set(rules(s))
    ev = events(s)
    if "inconvenient" not in ev:
        assert "collecting_at_inconvenient_time" not in found
    if "written_only" not in ev:
        assert "collecting_before_validation" not in found
    if "attorney" not in ev:
        assert "attorney_details_not_taken" not in found


def test_tonys_send_it_in_writing_does_not_stop_his_negotiation():
    """The resistant debtor says 'put it in writing' (validation_requested) and then
    negotiates: his textbook call is not judged as collecting before validation."""
    scn = Library.default().scenario("resistant-basic")
    good = scn.checks[0]
    s = Session.start("resistant-basic", seed=scn.seed, preparation=Preparation(call_time=scn.call.local_time))
    for line in good.lines:
        s.say(line)
    assert "validation_requested" in events(s) and "written_only" not in events(s)
    assert "collecting_before_validation" not in rules(s)


def test_the_new_rules_are_in_the_rubric_with_their_citations():
    from scoring.rubric import load_default_rubric

    r = load_default_rubric()
    assert "1006.6(b)(1)" in r.rule("collecting_at_inconvenient_time").citation
    assert "1006.34" in r.rule("collecting_before_validation").citation
    assert r.rule("attorney_details_not_taken").severity == "major"


# --------------------------------------------------------------------------- scored checks

def _check(scenario: str, index: int, **expect) -> ScriptedCheck:
    c = Library.default().scenario(scenario).checks[index]
    return c.model_copy(update={"expect": c.expect.model_copy(update=expect)})


def test_a_scored_check_fails_when_the_card_does_not_show_what_it_expects():
    lib = Library.default()
    scn = lib.scenario("work-call")
    assert run_check(scn, scn.checks[0], lib).passed
    wrong = run_check(scn, _check("work-call", 0, findings=["collecting_at_inconvenient_time"]), lib)
    assert any("expected the finding 'collecting_at_inconvenient_time'" in f for f in wrong.failures)
    too_high = run_check(scn, _check("work-call", 1, min_overall=100.0), lib)  # the failure path
    assert any("overall score of at least 100" in f for f in too_high.failures)
    verdict = run_check(scn, _check("work-call", 1, passed=True), lib)
    assert any("expected the card to pass" in f for f in verdict.failures)


def test_a_scored_check_can_name_a_missed_rubric_check():
    lib = Library.default()
    scn = lib.scenario("work-call")
    res = run_check(scn, _check("work-call", 1, findings=["notes_requests"]), lib)
    assert res.passed, res.failures


def test_an_unknown_finding_is_a_content_error():
    from pydantic import ValidationError

    from simulator.content.models import ExpectSpec

    with pytest.raises(ValidationError, match="unknown finding"):
        ExpectSpec(findings=["collecting_after_lunch"])
