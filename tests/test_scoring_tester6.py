"""Honest lines an outside tester (tester6, a warm hospital-billing veteran, 2026-12-03)
lost points for: each test fails on the scorer before its fix.

- a recap that reads the terms back and names the follow-up may run past the monologue
  limit by a few words (61 of 60 took all the recap's credit);
- the words of a disclosure the law asks for (the mini-Miranda, the SCRA's protections, the
  time-barred notice) do not make a line a monologue.
"""

from __future__ import annotations

from scoring.api import score_record
from scoring.examples import exemplary

#: tester6's recap, 61 words, with the follow-up call (hardship-basic_1, turn 7), its figures
#: put to the example's plan.
RECAP = ("Okay hon, so just so we're both on the same page here: that's $80 a month by your debit card, "
         "for 16 months, starting December 15th, right after that first paycheck from the new job. "
         "I'll email you the agreement tonight, and I'll give you a quick call on the 16th just to "
         "make sure everything went through okay for you.")


def test_a_recap_a_few_words_long_keeps_its_credit():
    rec = exemplary("hardship-basic")
    rec["turns"][7] = RECAP
    assert len(RECAP.split()) > 60
    card = score_record(rec)
    recap = card.check("terms_recapped")
    assert recap.earned == recap.points, recap
    assert not any("monologue" in (e.note or "") for c in [card.check("no_monologue")] for e in c.evidence if e.turn == 8)


def test_a_disclosure_the_law_asks_for_is_not_counted_against_the_line():
    rec = exemplary("hardship-basic")
    rec["turns"][1] = (
        "Thanks, Maria. My name is Sam and I'm with Northgate Recovery. I'm a debt collector and this is an "
        "attempt to collect a debt; any information obtained will be used for that purpose. This call may be "
        "recorded for quality purposes. I'm calling about your Lakeside card, the balance is $1,240, and "
        "I'd like to see what we can work out together.")
    assert len(rec["turns"][1].split()) > 60
    card = score_record(rec)
    assert 2 not in [e.turn for e in card.check("no_monologue").evidence if "monologue" in (e.note or "")]


def test_a_long_pitch_is_still_a_monologue():
    rec = exemplary("hardship-basic")
    rec["turns"][6] = ("We could set up a plan of $80 a month starting December 15th, after your first paycheck "
                       "from the new job, and honestly that is the best thing for you because the longer this sits "
                       "the harder it gets, and I have seen a lot of people in your spot who waited and waited and "
                       "then regretted it, so let's just get it done now while we are on the phone together.")
    card = score_record(rec)
    assert 7 in [e.turn for e in card.check("no_monologue").evidence if "monologue" in (e.note or "")]


def test_collector_shorthand_for_a_call_back_is_a_next_step():
    """tester6's work-call notes "CB tonight 6:30pm CT on his cell" scored "the notes do not say
    what happens next" (0/10)."""
    rec = exemplary("hardship-basic")
    rec["notes"] = "Lost job in Aug, new job lined up, money tight. CB tonight 6:30pm CT on his cell."
    card = score_record(rec)
    step = card.check("notes_next_step")
    assert step.earned == step.points, step


def test_no_tip_asks_for_more_collecting_after_a_dispute():
    """tester6's dispute_2, attorney_2 and bankruptcy_1 calls failed rightly for collecting
    after the stop, then the tips said "offer another one" and "ask for the balance first"."""
    from pathlib import Path

    import yaml

    rec = yaml.safe_load((Path(__file__).parent / "gaming" / "dev" / "attorney_then_a_deal.yaml").read_text())
    rec.pop("expect", None)
    card = score_record(rec)
    assert not card.passed
    assert [t for t in card.tips if t.dimension == "flexibility"] == []
    texts = [t.tip for t in card.tips]
    assert len(texts) == len(set(texts))


def test_a_plan_with_a_larger_last_payment_covers_the_balance():
    """tester6's honest servicemember call: "$160 a month ... 11 payments ... the last one
    $180.40" covers $1,780.40; the authority check counted 11 x $160 and failed the call."""
    from pathlib import Path

    import yaml

    rec = yaml.safe_load((Path(__file__).parent / "fixtures" / "tester6" / "servicemember-basic_1.yaml").read_text())
    card = score_record(rec)
    assert "beyond_authority" not in [v.rule for v in card.compliance.violations]
    assert card.passed, [v.message for v in card.compliance.violations]
