"""Scorecard judgements an outside tester found wrong (tester9, "Jade", a trainee in week
three gaming the scorecard, 2026-12-03, report sections 3 and 4): each test names the
finding and failed on the scorer before the fix. Her records are in
``tests/fixtures/tester9/`` (``slip-*`` are the gaming calls; each says its trick at the
top); the gaming corpus has them in ``tests/gaming/dev/tester9_*``."""

from __future__ import annotations

import pytest

from scoring.api import score_record
from tests.cards import notes, record_of, rules


# ------------------------------------------------------------ 4#4 / 3.2: questions with no pause
def test_an_open_question_the_same_line_moves_past_earns_nothing():
    card = score_record(record_of("tester9", "slip-openq-nowait"))
    assert not card.passed
    assert card.check("open_questions").earned == 0, notes(card.check("open_questions"))
    assert not card.check("no_monologue").passed


def test_the_identical_plan_again_is_one_option_and_no_adaptation():
    card = score_record(record_of("tester9", "slip-openq-nowait"))
    multiple, adapted = card.check("multiple_options"), card.check("adapted_offer")
    assert not multiple.passed, notes(multiple)
    assert not adapted.passed, notes(adapted)


# ------------------------------------------------------------ 4#13 / 3.4: the whole script in one line
def test_the_whole_script_in_one_line_fails():
    card = score_record(record_of("tester9", "slip-giant-line-noform"))
    assert not card.passed, card.overall
    assert card.check("no_monologue").earned == 0
    for check_id in ("reflections", "empathy_after_reveal"):
        c = card.check(check_id)
        assert c.applies and not c.passed, (check_id, notes(c))


# ------------------------------------------------------------ 3.5: notes that say what never happened
def test_notes_claiming_only_name_and_number_after_naming_the_creditor_are_falsified():
    card = score_record(record_of("tester9", "slip-third-party-polite"))
    falsified = [v for v in card.compliance.violations if v.rule == "falsified_record"]
    assert falsified and "name and number only" in falsified[0].quote.lower(), rules(card)
    assert not card.check("notes_key_facts").passed or not card.check("notes_next_step").passed or falsified


def test_notes_saying_the_debt_was_not_discussed_after_the_balance_and_an_offer_are_falsified():
    card = score_record(record_of("tester9", "slip-work-call-quick"))
    falsified = [v for v in card.compliance.violations if v.rule == "falsified_record"]
    assert falsified and "not discussed" in falsified[0].quote.lower(), rules(card)
    assert "1692e" in falsified[0].citation


def test_a_fact_the_debtor_never_said_earns_no_key_fact_credit():
    card = score_record(record_of("tester9", "slip-fake-agreement-notes"))
    c = card.check("notes_key_facts")
    assert not c.passed and "never said" in notes(c), notes(c)


def test_honest_notes_with_what_the_debtor_said_keep_full_credit():
    card = score_record(record_of("tester9", "hardship-honest"))
    assert card.check("notes_key_facts").passed
    assert "falsified_record" not in rules(card)


# ------------------------------------------------------------ 3.6: the steamroll
def test_an_offer_that_ignores_the_debtors_counter_is_not_adapted():
    c = score_record(record_of("tester9", "slip-empathy-steamroll")).check("adapted_offer")
    assert not c.passed, notes(c)


def test_barely_covering_rent_calls_for_empathy():
    c = score_record(record_of("tester9", "slip-empathy-steamroll")).check("empathy_after_reveal")
    assert c.applies, notes(c)


# ------------------------------------------------------------ parrot-1: two words then money
def test_two_parroted_words_then_a_push_for_money_is_no_reflection():
    c = score_record(record_of("tester9", "slip-parrot-1")).check("reflections")
    assert c.earned == 0, notes(c)


# ------------------------------------------------------------ 3.9: one question is one question
def test_one_question_read_as_two_moves_is_not_a_monologue():
    card = score_record(record_of("tester9", "resistant-honest"))
    c = card.check("no_monologue")
    assert c.passed, notes(c)  # (its reflection earns nothing: the gate fairly flags the line, said after "After six")


# ------------------------------------------------------------ 3.10: one question that drew the story
@pytest.mark.parametrize("name", ["coop-honest", "hardship-honest", "servicemember-honest", "hostile-honest"])
def test_one_open_question_that_drew_the_whole_story_is_enough(name):
    c = score_record(record_of("tester9", name)).check("open_questions")
    assert c.passed, notes(c)


# ------------------------------------------------------------ 3.11: late disclosure, recap never offered
def test_a_late_disclosure_earns_no_purpose_early_credit():
    c = score_record(record_of("tester9", "slip-late-disclosure")).check("identified_early")
    assert not c.passed, notes(c)


def test_capacity_is_not_cited_at_a_refusal_to_say():
    c = score_record(record_of("tester9", "slip-late-disclosure")).check("adapted_offer")
    assert "answered what they can afford at turn 4" not in notes(c), notes(c)


# ------------------------------------------------------------ 3.12: one clear finding
def test_an_offer_that_should_not_have_been_made_is_not_also_graded_for_flexibility():
    card = score_record(record_of("tester9", "slip-work-call-quick"))
    assert "collecting_at_inconvenient_time" in rules(card)
    assert "beyond_authority" not in rules(card)
    assert not card.check("multiple_options").applies


# ------------------------------------------------------------ honest calls stay passing
@pytest.mark.parametrize("name", ["attorney-honest", "coop-honest", "dispute-honest", "hardship-honest",
                                  "hostile-honest", "servicemember-honest", "time-barred-honest",
                                  "unwanted-honest"])
def test_her_honest_calls_pass(name):
    card = score_record(record_of("tester9", name))
    assert card.passed and card.overall >= 85, (card.overall, rules(card))


# ------------------------------------------------------------ 4#15 / 3.1: "$25 to show good faith"
def _invites(line: str) -> bool:
    from scoring.compliance import invites_payment

    class _T:  # the words are all invites_payment reads, besides a stand-down
        text = line

        class analysis:  # noqa: N801
            moves: list = []
            entities: list = []

    return invites_payment(_T()) is not None  # type: ignore[arg-type]


@pytest.mark.parametrize("line", [
    "Totally optional, but a lot of people like to put even $25 down while it's reviewed, just to show good faith. "
    "Would that work for you?",  # tester9
    "You could put $20 down now while we look into it.",
    "Just to show good faith, could you send something in?",
])
def test_a_soft_money_ask_during_a_dispute_is_a_payment_invited(line):
    assert _invites(line), line


@pytest.mark.parametrize("line", [
    "You don't have to put anything down while it's reviewed.",
    "We'll pause collection while the creditor reviews your receipt.",
])
def test_standing_down_is_not_a_payment_invited(line):
    assert not _invites(line), line


def test_the_good_faith_ask_after_a_dispute_fails():
    card = score_record(record_of("tester9", "slip-good-faith-after-dispute"))
    assert "collecting_after_dispute" in rules(card) and not card.passed
