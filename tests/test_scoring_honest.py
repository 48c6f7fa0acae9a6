"""Honest calls that lost points or failed (outside testers 3 and 4): each test names the
finding and fails on the scorer before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scoring.api import score_record
from scoring.examples import exemplary

DEV = Path(__file__).resolve().parent / "gaming" / "dev"


def _dev(name: str) -> dict:
    data = yaml.safe_load((DEV / f"{name}.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


def _rules(card) -> list[str]:
    return [v.rule for v in card.compliance.violations]


def _cooperative(line: str) -> dict:
    """The cooperative example with its full-payment question replaced by ``line``."""
    rec = exemplary("cooperative-basic")
    rec["turns"][5] = line
    return rec


# ------------------------------------------------------------ misstated balance (tester4 #3, #4)
@pytest.mark.parametrize("line", [
    "ok so to recap, $750 settles it in full, paid by the 15th of December. how do you wanna pay?",
    "so that's a $750 settlement, paid in full by the 15th of December.",
])
def test_settlement_wording_is_not_a_statement_of_the_balance(line):
    rec = _dev("honest_time_barred_settles_in_full")
    rec["turns"][10] = line
    card = score_record(rec)
    assert "misstated_balance" not in _rules(card)


def test_a_settlement_above_the_balance_said_to_pay_it_in_full_is_still_misstated():
    rec = _dev("honest_time_barred_settles_in_full")
    rec["turns"][10] = "ok so to recap, $1,900 settles it in full, paid by the 15th of December."
    card = score_record(rec)
    assert "misstated_balance" in _rules(card) or "unauthorized_fee" in _rules(card)
    assert card.passed is False


def test_a_slip_corrected_in_the_same_breath_is_a_note_not_a_violation():
    card = score_record(_cooperative(
        "Would you be able to pay the whole $1,840 today? sorry, I mean $1,480, I flipped the numbers"))
    assert "misstated_balance" not in _rules(card)
    assert any("corrected it to $1,480.00 in the same breath" in n for n in card.compliance.notes)


def test_a_correction_to_a_wrong_figure_is_misstated():
    card = score_record(_cooperative(
        "Would you be able to pay the whole $1,480 today? sorry, I mean $1,840, I flipped the numbers"))
    v = next(v for v in card.compliance.violations if v.rule == "misstated_balance")
    assert "$1,840.00" in v.message and v.severity == "critical"
    assert not card.compliance.notes


def test_a_correction_on_a_later_turn_keeps_the_finding():
    """The debtor heard the wrong figure and answered it before the correction: the
    misstatement stands (12 CFR 1006.18(b)(2)(i)); docs/scoring.md says why."""
    rec = _cooperative("Would you be able to pay the whole $1,840 today?")
    rec["turns"].insert(6, "oh shoot, sorry, I flipped the numbers, it's $1,480, not $1,840. "
                           "Would you be able to take care of the $1,480 today?")
    card = score_record(rec)
    v = next(v for v in card.compliance.violations if v.rule == "misstated_balance")
    assert v.turn == 6


# ------------------------------------------------------------ a callback only (tester4 #7)
def test_a_callback_time_without_the_disclosure_is_judged_alike_in_both_scenarios():
    """Tony ('after six') and Kevin ('I'm at work') put the call off; the collector agrees
    a time and ends, nothing said about the debt: no 1006.18(e) finding in either."""
    resistant = score_record(_dev("honest_resistant_callback_no_disclosure"))
    work = score_record(_dev("honest_at_work_callback"))
    for card in (resistant, work):
        assert "mini_miranda" not in _rules(card) and card.passed
        assert not card.check("multiple_options").applies
        assert not card.check("open_questions").applies


def test_a_callback_call_that_discusses_the_debt_still_owes_the_disclosure():
    rec = _dev("honest_resistant_callback_no_disclosure")
    rec["turns"][2] = "oh gotcha. it's about your balance of $2,350, when's a better time to call you back?"
    card = score_record(rec)
    assert "mini_miranda" in _rules(card) and card.passed is False


# ------------------------------------------------------------ dispute at the opening (tester4 #10)
def test_no_open_question_is_due_when_the_debtor_disputes_at_the_opening():
    card = score_record(_dev("honest_dispute_when_was_that"))
    c = card.check("open_questions")
    assert not c.applies and "disputed" in c.evidence[0].note
    assert card.dimension("active_listening").score == 100.0


def test_an_open_question_after_the_dispute_still_earns_credit():
    card = score_record(_dev("textbook_dispute_noted"))
    assert card.check("open_questions").applies and card.check("open_questions").passed


# ------------------------------------------------------------ third party (tester4 #8, tester3 #27)
def test_a_name_left_with_a_third_party_is_identification_enough():
    card = score_record(_dev("textbook_third_party_wrong_party"))
    c = card.check("identified_early")
    assert c.earned == c.points and "1692b(1)" in c.evidence[0].note


def test_a_third_party_call_without_a_name_gets_the_third_party_tip():
    rec = _dev("textbook_third_party_wrong_party")
    rec["turns"][3] = "Could you ask her to call me back? She can reach me at 602-555-0148."
    card = score_record(rec)
    c = card.check("identified_early")
    assert c.earned < c.points
    assert "only if they ask" in c.tip and "company" in c.tip


@pytest.mark.parametrize("outcome", ["wrong_party", "callback", "no_agreement"])
def test_a_third_party_call_may_be_coded_wrong_party_or_callback(outcome):
    rec = _dev("textbook_third_party_wrong_party")
    rec["agreement"]["outcome"] = outcome
    assert score_record(rec).check("form_matches_call").earned == 30


def test_a_validation_request_may_be_coded_callback_but_not_as_a_deal():
    rec = _dev("honest_validation_callback_label")
    assert score_record(rec).check("form_matches_call").earned == 30
    rec["agreement"] = {"outcome": "cease_requested"}
    assert score_record(rec).check("form_matches_call").earned == 0


def test_wrong_party_is_no_label_for_a_call_with_the_debtor():
    rec = exemplary("cooperative-basic")
    rec["turns"] = rec["turns"][:2] + ["Okay, I'll send you a letter. Thanks, bye."]
    rec["agreement"] = {"outcome": "wrong_party"}
    c = score_record(rec).check("form_matches_call")
    assert c.earned == 0 and "when you closed it" in c.evidence[0].note


def test_a_falsified_form_says_how_the_call_ended_in_plain_words():
    """tester3 #34: "the call ended ended by trainee"."""
    rec = exemplary("cooperative-basic")
    rec["turns"] = rec["turns"][:2] + ["Okay, I'll send you a letter. Thanks, bye."]
    card = score_record(rec)
    v = next(v for v in card.compliance.violations if v.rule == "falsified_record")
    assert "ended ended" not in v.message and "ended when you closed it" in v.message


# ------------------------------------------------------------ short good calls (tester3 #30)
def test_one_open_question_that_drew_the_whole_story_is_enough():
    card = score_record(_dev("textbook_cooperative_one_question"))
    c = card.check("open_questions")
    assert c.earned == c.points and "told all there was to tell" in c.evidence[-1].note


def test_two_open_questions_are_still_expected_while_the_debtor_has_more_to_tell():
    rec = exemplary("hardship-basic")
    rec["turns"][4] = "That's good news about the new job."
    c = score_record(rec).check("open_questions")
    assert c.earned < c.points


def test_a_fact_raised_from_the_file_before_the_debtor_told_it_counts_as_built_on():
    card = score_record(_dev("textbook_cooperative_one_question"))
    c = card.check("references_disclosed")
    assert c.earned == c.points and any("raised it before" in e.note for e in c.evidence)


def test_a_statement_and_goodbye_is_not_called_a_question():
    rec = exemplary("hardship-basic")
    rec["turns"][-1] = ("Let's talk again once the new job has started. I'll call you on December 16th. "
                        "Take care, Maria.")
    c = score_record(rec).check("no_monologue")
    if c.passed is False:  # the analyser reads "once the new job" as an offer (reported to the lead)
        assert all("asked and said goodbye" not in e.note for e in c.evidence)


# ------------------------------------------------------------ a method nobody named (tester4 #12)
def test_check_as_a_verb_names_no_way_to_pay():
    """Gary's plan was agreed with no way to pay discussed; "so you can check it against what
    the insurance paid" put the word in the call, and the form's "bank transfer" was held to
    the persona's preferred "check" (25/30)."""
    path = Path(__file__).resolve().parent / "fixtures" / "tester4" / "hostile_check_as_a_verb.yaml"
    card = score_record(yaml.safe_load(path.read_text(encoding="utf-8")))
    check = next(c for d in card.dimensions.values() for c in d.checks if c.id == "form_matches_call")
    assert check.lost == 0, check.evidence


@pytest.mark.parametrize("line,named", [
    ("You can pay by check or debit card, whichever is easier.", True),
    ("So that's $100 a month, and you'll mail a check on the 1st.", True),
    ("I'll send you an itemised statement so you can check it.", False),
    ("Let me check that for you.", False),
])
def test_a_method_is_named_only_as_a_way_to_pay(line, named):
    from scoring.checks.documentation import method_named

    assert method_named("check", line.lower()) is named


# ------------------------------------------------------------ a worry answered (tester5 #7)
def test_a_worry_answered_with_reassurance_is_acknowledged():
    """The widow asked whether she must pay it herself; "you are not personally responsible
    to pay this from your own money" answered it and she calmed ("Oh, thank goodness"). The
    empathy check gave 0/25: only a "sorry" counted."""
    path = Path(__file__).resolve().parent / "fixtures" / "tester5" / "deceased_reassured.yaml"
    card = score_record(yaml.safe_load(path.read_text(encoding="utf-8")))
    check = next(c for d in card.dimensions.values() for c in d.checks if c.id == "empathy_after_reveal")
    assert check.lost == 0, check.evidence


# ------------------------------------------------------------ settling the whole thing (tester6 #3.2)
@pytest.mark.parametrize("line", [
    "Or if one of those big checks lands, I could settle the whole thing for $1,410 paid by December 20th.",
    "We could close the whole account out for $1,410 if it's paid by the 20th.",
    "I can clear the entire balance for just $1,410, paid by December 20th.",
])
def test_settling_the_whole_balance_for_less_states_no_balance(line):
    """A settlement of "the whole thing" names what the settlement costs, not what is owed:
    tester6's honest resistant call failed as a misstated balance at the 60% floor."""
    rec = _dev("honest_time_barred_settles_in_full")
    rec["turns"][10] = line.replace("$1,410", "$750")
    card = score_record(rec)
    assert "misstated_balance" not in _rules(card)


def test_the_whole_balance_said_wrongly_is_still_misstated():
    card = score_record(_cooperative("Would you be able to pay the whole $1,840 today?"))
    assert "misstated_balance" in _rules(card)
