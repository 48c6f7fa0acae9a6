"""Scorecard judgements an outside tester found wrong (tester7, a texting-style debt-buyer
agent, 2026-12-03, report section 3, S1-S15): each test names the finding and failed on
the scorer before the fix. His records are in ``tests/fixtures/tester7/``; the gaming
records in ``tests/gaming/dev/*tester7*``. Lines marked ``# tester7`` are his own."""

from __future__ import annotations

import pytest

from scoring import compliance_words as w
from scoring.api import score_record
from scoring.checks.documentation import REQUEST_WORDS
from tests.cards import dev_record, notes, record_of, rules


# ------------------------------------------------------------ S4: notes of a time-barred call
@pytest.mark.parametrize("notes", [
    "walter verified. asked if we can sue, told him no bc of age of debt.",  # tester7
    "Asked whether we can take him to court; told him no, the debt is too old.",
    "Past the statute of limitations; told him we will not sue.",
    "SOL expired on this card, no suit.",
])
def test_notes_that_record_the_question_of_suit_or_the_age_count(notes):
    assert REQUEST_WORDS["time_barred"].search(notes), notes


def test_notes_with_nothing_of_it_do_not_count():
    assert not REQUEST_WORDS["time_barred"].search("Walter verified. Shop closed. SIF $650 by 12/15.")


def test_a_thin_note_on_a_time_barred_call_is_a_documentation_point_not_a_major_finding():
    rec = dev_record("honest_tester7_time_barred_age_noted")
    rec["notes"] = "walter verified. shop closed back then. SIF $650 by 12/15, letter to follow."
    card = score_record(rec)
    assert "request_not_noted" not in rules(card)
    notes = card.check("notes_requests")
    assert notes.applies and not notes.passed


def test_a_dispute_left_out_of_the_notes_is_still_a_major_finding():
    card = score_record(dev_record("dispute_not_noted"))
    found = [v for v in card.compliance.violations if v.rule == "request_not_noted"]
    assert found and found[0].severity == "major" and "1692g" in found[0].citation


# ------------------------------------------------------------ S5: a suit held open, a credit threat
def _time_barred(line: str, at: int = 2) -> dict:
    """The honest time-barred call with line ``at`` (0-based) replaced."""
    rec = dev_record("honest_time_barred")
    rec["turns"][at] = line
    return rec


@pytest.mark.parametrize("line", [
    "mira i cant give u legal advice. im not saying we're gonna sue, but its still a valid debt and i cant promise "
    "what the creditor decides to do w it down the road",  # tester7
    "I'm not saying we will sue you, but I can't promise what happens down the road.",
    "I'm not telling you we're going to take you to court. That's up to the creditor.",
])
def test_a_suit_held_open_on_a_time_barred_debt_is_caught(line):
    card = score_record(_time_barred(line))
    found = [v for v in card.compliance.violations if v.rule == "time_barred_suit" and v.turn == 3]
    assert found and "1006.26(b)" in found[0].citation, rules(card)


@pytest.mark.parametrize("line", [
    "No. Because of the age of this debt, we will not sue you for it.",
    "I can't give legal advice, but because of its age we will not sue you, now or later.",
    "I'm not saying you have to pay today. Because of its age, we will not sue you for it.",
])
def test_a_plain_no_stays_clean(line):
    card = score_record(_time_barred(line))
    assert "time_barred_suit" not in rules(card)


CREDIT_THREATS = [
    "oye im just being real w u. this stuff can still hit ur credit report.",  # tester7
    "just so u know tho, this stays on ur credit until its paid",  # tester7
    "u know this stuff ends up on ur credit right?",  # tester7
    "This will hurt your credit score if you don't take care of it.",
    "It'll keep showing on your credit report until you pay it.",
]
CREDIT_CLEAN = [
    "Because of its age, it won't be reported to your credit either.",
    "Paying it won't hurt your credit.",
    "We don't report this account to the credit bureaus.",
    "You can pull your credit report for free to check it.",
    "Was this a credit card or a store card?",
]


@pytest.mark.parametrize("line", CREDIT_THREATS)
def test_credit_held_over_the_debtor_is_found(line):
    assert w.credit_threat(line), line


@pytest.mark.parametrize("line", CREDIT_CLEAN)
def test_lawful_credit_words_stay_clean(line):
    assert not w.credit_threat(line), line


def test_stays_on_your_credit_until_paid_is_false_whatever_the_call():
    assert w.credit_falsehood("just so u know tho, this stays on ur credit until its paid")  # tester7
    assert not w.credit_falsehood("Once it's paid, we'll update the account as paid with the bureaus.")


def test_the_tester_time_barred_call_without_today_only_fails_on_the_suit_and_the_credit():
    card = score_record(dev_record("tester7_time_barred_not_saying_sue"))
    assert card.passed is False
    by_turn = {(v.rule, v.turn) for v in card.compliance.violations}
    assert ("time_barred_suit", 3) in by_turn
    # Walter now hangs up on turn 3 (the analyser reads the suit held open as a threat, since
    # the lead's analyser changes of the same day), so the credit line is judged on its own.
    rec = dev_record("tester7_time_barred_not_saying_sue")
    rec["turns"][2] = "ok straight up, no. bc of how old this debt is we will not sue u for it"
    card = score_record(rec)
    credit = [v for v in card.compliance.violations if v.turn == 4 and "credit" in v.message]
    assert credit and any("1692e(5)" in v.citation for v in credit)


def test_a_lawful_credit_line_on_a_time_barred_call_stays_clean():
    card = score_record(_time_barred("What happened with the account back then? Because of its age, it won't be "
                                     "reported to your credit either.", at=3))
    assert not [v for v in card.compliance.violations if "credit" in v.message]


# ------------------------------------------------------------ S6: a credit jab after a cease
def test_a_credit_jab_after_the_cease_request_fails():
    card = score_record(dev_record("tester7_cease_credit_jab"))
    assert card.passed is False
    after = [v for v in card.compliance.violations if v.rule == "collecting_after_cease" and v.turn == 3]
    assert after and "1692c(c)" in after[0].citation
    assert any(v.rule == "false_representation" and "1692e(8)" in v.citation for v in card.compliance.violations)
    assert not card.check("no_pressure_or_abuse").passed


def test_the_same_cease_call_without_the_jab_scores_full():
    card = score_record(dev_record("honest_tester7_cease_texting"))
    assert card.passed and not card.compliance.violations


# ------------------------------------------------------------ S8: the threat's words
def test_the_credit_threat_is_quoted_as_the_threat():
    card = score_record(record_of("tester7", "resistant-basic_2"))
    threat = [v for v in card.compliance.violations if v.rule == "threat" and v.turn == 5]
    assert threat and "credit" in threat[0].quote


# ------------------------------------------------------------ S7: the gate and the tone agree
def test_a_line_the_gate_flags_earns_no_tone_marks_or_listening_credit():
    card = score_record(dev_record("bankruptcy_dismissal_warning"))
    flagged = {v.turn for v in card.compliance.violations}
    assert flagged
    tone = card.check("no_pressure_or_abuse")
    assert not tone.passed and any(e.turn in flagged for e in tone.evidence)
    refl = card.check("reflections")
    assert not any(e.turn in flagged for e in refl.evidence if "reused" in e.note or "reflected" in e.note)


def test_the_tester_bankruptcy_call_loses_the_tone_marks_for_the_warning():
    card = score_record(record_of("tester7", "bankruptcy-basic_1"))
    assert not card.check("no_pressure_or_abuse").passed
    refl = card.check("reflections")
    assert not any(e.turn == 5 and ("reused" in e.note or "reflected" in e.note) for e in refl.evidence)


# ------------------------------------------------------------ S11: the invented method, one offer twice
def test_a_payment_method_never_discussed_is_flagged_on_the_form_check():
    """Flagged, not scored: the form must carry a method, and an honest plan agreed with none
    named keeps its points (tests/test_scoring_honest.py::test_check_as_a_verb_names_no_way_to_pay)."""
    card = score_record(record_of("tester7", "hostile-basic_1"))
    form = card.check("form_matches_call")
    assert "check on the form, never discussed" in notes(form), notes(form)
    assert "falsified_record" not in rules(card)  # the method is logistics, not a term


def test_one_offer_is_one_option():
    card = score_record(record_of("tester7", "hostile-basic_1"))
    multi = card.check("multiple_options")
    turns = [e.turn for e in multi.evidence if e.turn is not None]
    assert len(turns) == len(set(turns)), notes(multi)


# ------------------------------------------------------------ S9: demands and sarcasm are no options
def test_offers_made_with_pressure_earn_no_flexibility():
    card = score_record(record_of("tester7", "hardship-basic_2"))
    assert not card.check("multiple_options").passed
    assert not card.check("adapted_offer").passed


# ------------------------------------------------------------ S14: composure evidence
def test_composure_names_the_reply_and_lists_a_lapse_once():
    card = score_record(record_of("tester7", "hostile-basic_2"))
    comp = card.check("composure")
    lapses = [e for e in comp.evidence if "lost composure" in e.note]
    assert len(lapses) == len({e.turn for e in lapses}) == 1
    card = score_record(record_of("tester7", "resistant-basic_2"))
    comp = card.check("composure")
    assert not any("escalation at turn" in e.note for e in comp.evidence), notes(comp)


# ------------------------------------------------------------ S10: the hang-up's tip and the reason line
def test_a_hang_up_drawn_by_the_trainee_coaches_the_tone_first():
    card = score_record(record_of("tester7", "hostile-basic_2"))
    assert card.tips[0].dimension == "tone", [t.check for t in card.tips]


def test_a_card_failed_on_the_score_says_so_with_the_pass_mark():
    from scoring.render_common import cap_note

    card = score_record(record_of("tester7", "hostile-basic_2")).to_dict()
    assert not card["passed"] and not card["compliance"]["violations"]
    note = cap_note(card)
    assert "pass mark" in note and "70" in note


# ------------------------------------------------------------ S13: the tone reasons shown
def test_the_coldest_lines_show_all_their_tone_reasons():
    card = score_record(record_of("tester7", "hardship-basic_1"))
    mean = card.check("mean_tone")
    for e in mean.evidence:
        if e.turn is not None:
            turn = next(t for t in card.transcript if t["turn"] == e.turn)
            assert turn  # the reasons shown are all the analyser gave (see the note's wording)
            assert "reasons" in e.note or "(" not in e.note


# ------------------------------------------------------------ S2, S3, S15
def test_a_trainee_own_name_counts_with_a_third_party():
    card = score_record(dev_record("honest_tester7_third_party_own_name"))
    c = card.check("identified_early")
    assert c.passed, notes(c)


def test_naming_the_agency_only_after_verifying_is_not_late():
    card = score_record(record_of("tester7", "cooperative-basic_1"))
    c = card.check("identified_early")
    assert "only at turn" not in notes(c), notes(c)


def test_no_credit_for_a_fact_raised_before_it_was_told_by_another_fact_words():
    card = score_record(record_of("tester7", "servicemember-basic_1"))
    refs = card.check("references_disclosed")
    assert "raised it before the debtor told it: plan way" not in notes(refs), notes(refs)


# ------------------------------------------------------------ S12: the recap note says each amount once
def test_the_recap_note_names_each_agreed_amount_once():
    rec = record_of("tester7", "cooperative-basic_1")
    rec["turns"][6] = ("yep we take debit. so thats $1,495 today by debit card, pays it in full. ill email u a "
                       "receipt")
    card = score_record(rec)
    recap = card.check("terms_recapped")
    assert any("but the agreed terms were $1,480.00" in e.note for e in recap.evidence), notes(recap)
    assert not any("$1,480.00, $1,480.00" in e.note for e in recap.evidence), notes(recap)


@pytest.mark.parametrize("line", [
    "ok np, i hear u. ill mark the acct so u dont get any more calls from us, and ull get a letter confirming it. "
    "this call wont affect ur credit",
    "Understood. No more calls from us, and you'll get a letter confirming it. Nothing about this hurts your credit.",
])
def test_a_lawful_credit_word_after_the_cease_stays_clean(line):
    rec = dev_record("honest_tester7_cease_texting")
    rec["turns"][2] = line
    card = score_record(rec)
    assert not [v for v in card.compliance.violations if "credit" in v.message], rules(card)
