"""Scorecard judgements an outside tester found wrong (tester9, "Jade", a trainee in week
three gaming the scorecard, 2026-12-03, report sections 3 and 4): each test names the
finding and failed on the scorer before the fix. Her records are in
``tests/fixtures/tester9/`` (``slip-*`` are the gaming calls; each says its trick at the
top); the gaming corpus has them in ``tests/gaming/dev/tester9_*``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scoring.api import score_record

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tester9"


def _hers(name: str) -> dict:
    data = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


def _rules(card) -> list[str]:
    return [v.rule for v in card.compliance.violations]


def _check(card, check_id: str):
    return next(c for d in card.dimensions.values() for c in d.checks if c.id == check_id)


def _notes(c) -> str:
    return " | ".join(e.note for e in c.evidence)


# ------------------------------------------------------------ 4#4 / 3.2: questions with no pause
def test_an_open_question_the_same_line_moves_past_earns_nothing():
    card = score_record(_hers("slip-openq-nowait"))
    assert not card.passed
    assert _check(card, "open_questions").earned == 0, _notes(_check(card, "open_questions"))
    assert not _check(card, "no_monologue").passed


def test_the_identical_plan_again_is_one_option_and_no_adaptation():
    card = score_record(_hers("slip-openq-nowait"))
    multiple, adapted = _check(card, "multiple_options"), _check(card, "adapted_offer")
    assert not multiple.passed, _notes(multiple)
    assert not adapted.passed, _notes(adapted)


# ------------------------------------------------------------ 4#13 / 3.4: the whole script in one line
def test_the_whole_script_in_one_line_fails():
    card = score_record(_hers("slip-giant-line-noform"))
    assert not card.passed, card.overall
    assert _check(card, "no_monologue").earned == 0
    for check_id in ("reflections", "empathy_after_reveal"):
        c = _check(card, check_id)
        assert c.applies and not c.passed, (check_id, _notes(c))


# ------------------------------------------------------------ 3.5: notes that say what never happened
def test_notes_claiming_only_name_and_number_after_naming_the_creditor_are_falsified():
    card = score_record(_hers("slip-third-party-polite"))
    falsified = [v for v in card.compliance.violations if v.rule == "falsified_record"]
    assert falsified and "name and number only" in falsified[0].quote.lower(), _rules(card)
    assert not _check(card, "notes_key_facts").passed or not _check(card, "notes_next_step").passed or falsified


def test_notes_saying_the_debt_was_not_discussed_after_the_balance_and_an_offer_are_falsified():
    card = score_record(_hers("slip-work-call-quick"))
    falsified = [v for v in card.compliance.violations if v.rule == "falsified_record"]
    assert falsified and "not discussed" in falsified[0].quote.lower(), _rules(card)
    assert "1692e" in falsified[0].citation


def test_a_fact_the_debtor_never_said_earns_no_key_fact_credit():
    card = score_record(_hers("slip-fake-agreement-notes"))
    c = _check(card, "notes_key_facts")
    assert not c.passed and "never said" in _notes(c), _notes(c)


def test_honest_notes_with_what_the_debtor_said_keep_full_credit():
    card = score_record(_hers("hardship-honest"))
    assert _check(card, "notes_key_facts").passed
    assert "falsified_record" not in _rules(card)


# ------------------------------------------------------------ 3.6: the steamroll
def test_an_offer_that_ignores_the_debtors_counter_is_not_adapted():
    c = _check(score_record(_hers("slip-empathy-steamroll")), "adapted_offer")
    assert not c.passed, _notes(c)


def test_barely_covering_rent_calls_for_empathy():
    c = _check(score_record(_hers("slip-empathy-steamroll")), "empathy_after_reveal")
    assert c.applies, _notes(c)


# ------------------------------------------------------------ parrot-1: two words then money
def test_two_parroted_words_then_a_push_for_money_is_no_reflection():
    c = _check(score_record(_hers("slip-parrot-1")), "reflections")
    assert c.earned == 0, _notes(c)


# ------------------------------------------------------------ 3.9: one question is one question
def test_one_question_read_as_two_moves_is_not_a_monologue():
    card = score_record(_hers("resistant-honest"))
    c = _check(card, "no_monologue")
    assert c.passed, _notes(c)  # (its reflection earns nothing: the gate fairly flags the line, said after "After six")


# ------------------------------------------------------------ 3.10: one question that drew the story
@pytest.mark.parametrize("name", ["coop-honest", "hardship-honest", "servicemember-honest", "hostile-honest"])
def test_one_open_question_that_drew_the_whole_story_is_enough(name):
    c = _check(score_record(_hers(name)), "open_questions")
    assert c.passed, _notes(c)


# ------------------------------------------------------------ 3.11: late disclosure, recap never offered
def test_a_late_disclosure_earns_no_purpose_early_credit():
    c = _check(score_record(_hers("slip-late-disclosure")), "identified_early")
    assert not c.passed, _notes(c)


def test_capacity_is_not_cited_at_a_refusal_to_say():
    c = _check(score_record(_hers("slip-late-disclosure")), "adapted_offer")
    assert "answered what they can afford at turn 4" not in _notes(c), _notes(c)


# ------------------------------------------------------------ 3.12: one clear finding
def test_an_offer_that_should_not_have_been_made_is_not_also_graded_for_flexibility():
    card = score_record(_hers("slip-work-call-quick"))
    assert "collecting_at_inconvenient_time" in _rules(card)
    assert "beyond_authority" not in _rules(card)
    assert not _check(card, "multiple_options").applies


# ------------------------------------------------------------ honest calls stay passing
@pytest.mark.parametrize("name", ["attorney-honest", "coop-honest", "dispute-honest", "hardship-honest",
                                  "hostile-honest", "servicemember-honest", "time-barred-honest",
                                  "unwanted-honest"])
def test_her_honest_calls_pass(name):
    card = score_record(_hers(name))
    assert card.passed and card.overall >= 85, (card.overall, _rules(card))


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
    card = score_record(_hers("slip-good-faith-after-dispute"))
    assert "collecting_after_dispute" in _rules(card) and not card.passed
