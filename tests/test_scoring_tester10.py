"""Scorecard judgements an outside tester found wrong (tester10, "Grace", a gentle, formal
credit-union collector, 2026-12-03, report section 3): each test names the finding and
failed on the scorer before the fix. Her records are in ``tests/fixtures/tester10/``
(``slip-*`` are deliberate slips); the gaming corpus has some in ``tests/gaming/dev/``."""

from __future__ import annotations

from pathlib import Path

from scoring.api import score_record
from tests.cards import notes, record_of, violations


# ------------------------------------------------------------ item 1 / 3.3: the SCRA notice as data
def test_a_servicemember_call_that_never_mentions_the_scra_fails_citing_3937():
    card = score_record(record_of("tester10", "slip-servicemember-base"))
    found = violations(card, "required_disclosure")
    assert found and "50 U.S.C. 3937" in found[0].citation, card.compliance.violations
    assert found[0].quote == "never said"
    assert not card.passed


def test_the_scra_notice_said_is_evidence_with_its_line():
    card = score_record(record_of("tester10", "servicemember-good"))
    assert not violations(card, "required_disclosure")
    assert any(n.startswith("scra: said at turn 4") for n in card.compliance.notes), card.compliance.notes


# ------------------------------------------------------------ 3.2: the widow's question left unanswered
def test_the_widow_asks_whether_she_must_pay_and_hears_only_guilt():
    card = score_record(record_of("tester10", "slip-deceased-do-right-by-him"))
    found = violations(card, "required_disclosure")
    assert found and "1006.18" in found[0].citation, card.compliance.violations
    assert not card.passed


def test_the_widow_told_the_estate_pays_is_no_finding():
    card = score_record(record_of("tester10", "deceased-good"))
    assert not violations(card, "required_disclosure")
    assert card.passed and card.overall >= 95


# ------------------------------------------------------------ 3.6: a method the debtor named
def test_bank_transfer_is_one_of_the_methods_he_named():
    # "Bank transfer, or an allotment out of my pay", and the form says bank transfer
    c = score_record(record_of("tester10", "servicemember-good")).check("form_matches_call")
    assert c.passed, notes(c)


# ------------------------------------------------------------ 3.9: "not over the phone" honoured
def test_honouring_send_it_in_writing_makes_flexibility_not_applicable():
    card = score_record(record_of("tester10", "resistant-in-writing"))
    assert card.dimensions["flexibility"].score is None, notes(card.check("multiple_options"))
    assert card.passed and card.overall >= 80, card.overall


def test_going_on_by_phone_after_not_over_the_phone_is_a_finding():
    card = score_record(record_of("tester10", "slip-resistant-after-writing"))
    assert violations(card, "collecting_before_validation"), card.compliance.violations


# ------------------------------------------------------------ 3.10: a planned call after a cease
def test_try_again_next_month_after_a_cease_request_is_no_next_step():
    c = score_record(record_of("tester10", "slip-unwanted-guilt")).check("notes_next_step")
    assert c.applies and not c.passed, notes(c)


# ------------------------------------------------------------ 3.5: an oral "don't call back"
def test_an_oral_dont_call_back_cites_the_medium_rule():
    card = score_record(record_of("tester10", "slip-hostile-monologue-writeoff"))
    found = violations(card, "request_not_noted")
    assert found and "1006.14(h)" in found[0].citation, found


# ------------------------------------------------------------ 3.8: tips quote only what was heard
def test_a_tip_never_quotes_a_fact_the_debtor_did_not_disclose():
    for name, leaked in (("slip-cooperative-below-floor", "statements"), ("resistant-in-writing", "burned")):
        card = score_record(record_of("tester10", name))
        tips = " ".join(t.tip for t in card.tips)
        assert leaked not in tips, (name, tips)


# ------------------------------------------------------------ 3.7: one line, two readings
def test_the_line_that_came_back_to_the_move_is_also_a_reflection():
    card = score_record(record_of("tester10", "cooperative-good"))
    assert card.check("references_disclosed").passed
    c = card.check("reflections")
    assert c.passed, notes(c)


# ------------------------------------------------------------ 3.11: a recap the debtor corrected
def test_a_recap_with_the_method_the_debtor_corrected_earns_half():
    # "So, to confirm, ... by debit card" / "Check. I'll mail a check." and never restated
    c = score_record(record_of("tester10", "hostile-good")).check("terms_recapped")
    assert c.earned == c.points / 2, notes(c)


# ------------------------------------------------------------ 3.4: a waiver nobody authorised
def test_promising_the_late_fees_waived_is_beyond_authority():
    # Her turn 3 (the employer named as a veiled threat) now reads as a threat and Maria hangs
    # up before the waiver is said; the waiver is judged here without that line.
    record = record_of("tester10", "slip-hardship-employer-waiver")
    record["turns"] = [t for t in record["turns"] if "Ramirez, Booth and Blake" not in t]
    card = score_record(record)
    found = [v for v in violations(card, "beyond_authority") if "waive the late fees" in v.quote]
    assert found, card.compliance.violations


# ------------------------------------------------------------ item 1: the field is checked at load
def test_a_bad_required_disclosure_is_reported_at_file_line_col(tmp_path, capsys):
    from simulator import cli

    root = Path(__file__).resolve().parents[1]
    text = (root / "scenarios" / "servicemember-basic.yaml").read_text(encoding="utf-8")
    text = text.replace('"\\\\bSCRA\\\\b"', '"(unclosed"', 1).replace(
        "    due_after_event: servicemember\n", "    due_after_event: servicemembr\n", 1)
    bad = tmp_path / "servicemember-basic.yaml"
    bad.write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:" in out and "bad regular expression '(unclosed'" in out, out
    assert "'servicemembr'" in out and "would never be due" in out, out
