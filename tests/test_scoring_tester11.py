"""Scorecard judgements an outside tester found wrong (tester11, "Dmitri", a non-native,
blunt but honest collector, 2026-12-03, report section 3): each test names the finding and
failed on the scorer before the fix. His records are in ``tests/fixtures/tester11/``."""

from __future__ import annotations

import pytest

from scoring.api import score_record
from tests.cards import notes, record_of


# ------------------------------------------------------------ 3.8: the attorney as the next step
def test_contact_attorney_only_is_the_next_step():
    # "No more contact with debtor; contact attorney only."
    c = score_record(record_of("tester11", "attorney-stop")).check("notes_next_step")
    assert c.passed, notes(c)


# ------------------------------------------------------------ 3.11 / item 1: the SCRA never said
def test_the_commander_call_also_never_mentioned_the_scra():
    card = score_record(record_of("tester11", "slip-servicemember-commander"))
    assert any(v.rule == "required_disclosure" and "3937" in v.citation
               for v in card.compliance.violations), card.compliance.violations


def test_the_scra_told_bluntly_counts():
    card = score_record(record_of("tester11", "servicemember-plan"))
    assert not [v for v in card.compliance.violations if v.rule == "required_disclosure"]
    assert card.passed


# ------------------------------------------------------------ 3.12: the follow-up he asked for
@pytest.mark.xfail(strict=True, reason="not fixed yet: the form's follow-up date is not held to the call-back time agreed")
def test_a_follow_up_at_work_tomorrow_against_tonight_on_his_cell_is_a_mismatch():
    c = score_record(record_of("tester11", "slip-work-call")).check("form_matches_call")
    assert not c.passed, notes(c)


# ------------------------------------------------------------ 3.6: the story told unprompted
def test_a_cooperative_debtor_who_told_all_unprompted_was_due_no_question():
    card = score_record(record_of("tester11", "coop-full"))
    for check_id in ("open_questions", "references_disclosed"):
        c = card.check(check_id)
        assert not c.applies or c.passed, (check_id, notes(c))


# ------------------------------------------------------------ 3.7: a fact from the case brief
def test_notes_of_what_the_case_brief_says_are_no_invention():
    # "last agency called him at work many times": the scenario tells the trainee so
    c = score_record(record_of("tester11", "hostile-plan")).check("notes_key_facts")
    assert c.passed, notes(c)
