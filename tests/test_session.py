"""The session API: deterministic, replayable, and honest about how the call ended."""

import pytest

from simulator.content.loader import load_session
from simulator.content.models import SessionRecord
from simulator.diagnostics import UserError
from simulator.session import Session, dump_record, replay, save_record

GOOD = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks, Maria. This is an attempt to collect a debt, and any information obtained will be used "
    "for that purpose. I'm calling about your Lakeside card; the balance is $1,240.",
    "Can you tell me a bit about what's been going on?",
    "I'm so sorry to hear that, that sounds really stressful.",
    "What could you realistically manage each month?",
    "We could set up a plan of $80 a month starting December 15th.",
    "So that's $80 a month by debit card, starting December 15th. I'll email you a confirmation today.",
    "Thanks for working with me, Maria. Take care.",
]


def _play(lines, seed=42):
    s = Session.start("hardship-basic", seed=seed, trainee="alex")
    turns = [s.say(line) for line in lines if not s.ended]
    return s, turns


def test_same_inputs_same_replies():
    a = [t.reply for t in _play(GOOD)[1]]
    b = [t.reply for t in _play(GOOD)[1]]
    assert a == b


def _sized(monthly: float) -> list[str]:
    """GOOD, with the plan sized to what this version of the debtor can pay."""
    amount = f"${int(monthly * 0.9)}"
    return [line.replace("$80", amount) for line in GOOD]


def test_the_scenario_seed_plays_the_persona_as_written():
    s = Session.start("hardship-basic", trainee="alex")
    assert s.variant == 0 and s.persona.numbers.monthly_capacity == 85
    assert s.persona.details["lost_month"] == "August"


def test_seeds_change_the_wording_and_the_version_not_the_behaviour():
    replies, capacities = set(), set()
    for seed in range(6):
        probe = Session.start("hardship-basic", seed=seed)
        capacities.add(probe.persona.numbers.monthly_capacity)
        s, turns = _play(_sized(probe.persona.numbers.monthly_capacity), seed=seed)
        replies.add(tuple(t.reply for t in turns))
        assert s.result().outcome == "agreement", [t.reply for t in turns]
    assert len(replies) > 1
    assert len(capacities) > 1  # a trainee cannot learn the numbers by heart


def test_every_version_keeps_its_story_straight():
    for seed in range(3):
        s = Session.start("hardship-basic", seed=seed)
        month = s.persona.details["lost_month"]
        turn = s.say(GOOD[0]) and s.say(GOOD[1]) and s.say(GOOD[2])
        assert f"lost my job in {month}" in turn.reply


def test_agreed_terms_are_recorded():
    s, turns = _play(GOOD)
    agreed = s.result().agreed
    assert agreed.kind == "payment_plan"
    assert agreed.monthly == 80.0
    assert agreed.first_date.isoformat() == "2026-12-15"
    assert agreed.method == "debit_card"
    assert "offer_accepted" in turns[5].events


def test_turns_carry_party_facts_before_the_line():
    _, turns = _play(GOOD[:2])
    assert turns[0].before.verified is False
    assert turns[1].before.verified is True  # confirmed in answer to turn 1
    assert turns[1].before.party == "debtor"


def test_say_after_the_end_is_a_user_error():
    s, _ = _play(["Is this Maria Delgado?", "Pay today or we'll have you arrested."])
    assert s.ended and s.result().outcome == "hung_up"
    with pytest.raises(UserError):
        s.say("hello?")


def test_trainee_hang_up_ends_the_call():
    s, _ = _play(GOOD[:3])
    s.hang_up()
    assert s.ended
    r = s.result()
    assert r.ended_by == "trainee"
    assert r.outcome == "ended_by_trainee"  # the debtor never refused


def test_record_round_trip(tmp_path):
    s, _ = _play(GOOD)
    s.wrap_up({"outcome": "payment_plan", "installment_amount": 80, "installments": 16,
               "first_payment_date": "2026-12-15", "payment_method": "debit_card"},
              notes="Lost job in August; new job Dec 1. $80/month from Dec 15. Email confirmation.")
    rec = s.record()
    for name in ("r.yaml", "r.json"):
        path = save_record(rec, tmp_path / name)
        back = load_session(path)
        assert back.turns == GOOD
        assert back.agreement.installment_amount == 80
        assert back.model_dump() == rec.model_dump()


def test_replay_stops_when_the_debtor_hangs_up():
    rec = SessionRecord(scenario="hardship-basic", seed=1, turns=[
        "Is this Maria Delgado?", "Pay today or we'll have you arrested.", "Hello?", "Are you there?"])
    fs = replay(rec)
    assert len(fs.turns) == 2
    assert fs.unplayed == ["Hello?", "Are you there?"]
    assert fs.result.outcome == "hung_up"
    assert fs.record.turns == rec.turns  # the record keeps every line
    assert fs.record.model_extra["unplayed_turns"] == ["Hello?", "Are you there?"]


def test_replay_matches_live_play():
    s, turns = _play(GOOD)
    fs = replay(SessionRecord(scenario="hardship-basic", seed=42, turns=GOOD))
    assert [t.reply for t in fs.turns] == [t.reply for t in turns]
    assert dump_record(fs.record) == dump_record(replay(fs.record).record)


def test_account_file_is_seeded_and_pinned():
    a = Session.start("hardship-basic", seed=5).account
    b = Session.start("hardship-basic", seed=5).account
    c = Session.start("hardship-basic", seed=6).account
    assert a == b
    assert a.account.balance == 1240.0  # pinned by the scenario
    assert a.account.creditor == "Lakeside Card Services"
    assert a.debtor.first_name == "Maria"  # pinned by the persona
    assert (a.debtor.address, a.debtor.phone) != (c.debtor.address, c.debtor.phone)
    assert set(a.sections()) == {"account_summary", "payment_history", "contact_notes",
                                 "debtor_profile", "creditor_policy"}


def test_unknown_scenario_is_one_clear_error():
    with pytest.raises(UserError, match="unknown scenario 'nope'"):
        Session.start("nope")


def test_recap_settles_the_agreed_details():
    s, _ = _play(GOOD[:5] + ["Okay, let's do $85 a month then."])
    a = s.result().agreed
    assert a is not None and a.monthly == 85.0
    s.say("So that's $85 a month starting December 15th, paid by bank transfer.")
    a = s.result().agreed
    assert (a.first_date.isoformat(), a.method) == ("2026-12-15", "bank_transfer")


def test_replay_keeps_the_records_extra_fields():
    """A team (or any field beyond the contract) survives a replay, so a re-scored or
    exported card still says whose team it was."""
    from simulator.content.models import SessionRecord
    from simulator.session import replay

    rec = SessionRecord.model_validate({
        "scenario": "cooperative-basic", "trainee": "alex", "seed": 1, "team": "north",
        "turns": ["Hi, this is Sam from Acme Recovery. Am I speaking with the account holder?"],
        "outcome": "stale", "ended_by": "stale"})
    again = replay(rec).record.model_dump(mode="json")
    assert again["team"] == "north"
    assert again["ended_by"] != "stale"  # worked out again, not copied


def test_a_verification_question_without_its_question_mark_verifies():
    """"Am I speaking with Maria Delgado" typed without "?" moved the call to 'verified'
    while the compliance gate, reading the call's facts, found every later line a
    disclosure to an unverified party (4 critical violations in a real call)."""
    from scoring.scorer import score

    s = Session.start("hardship-basic", trainee="t")
    first = s.say("Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado")
    assert "verified" in first.events
    s.say("Thanks, Maria. I'm a debt collector and this is an attempt to collect a debt; any information "
          "obtained will be used for that purpose. I'm calling about your Lakeside card, the balance is $1,240.")
    s.wrap_up(None, "")
    card = score(s.finish())
    assert "third_party_disclosure" not in {v.rule for v in card.compliance.violations}


@pytest.mark.parametrize(("scenario", "line"), [
    ("cooperative-basic", "Hello, good afternon. Am I speak with Jordan Whitaker please?"),
    ("validation-basic", "Just to confirm, I am speaking with Angela Ruiz, correct?"),
    ("unwanted-calls", "Hi, good evening. Is it Rob Mendes?"),
    ("time-barred-basic", "Sorry, just to be sure, you're Walter Brooks?"),
])
def test_a_loosely_worded_full_name_question_verifies(scenario, line):
    """An outside tester's wordings (a first-month collector): the debtor said "Yes, that's
    me" and the call went on as verified in the coach's eyes, but the full name was not
    read as asked, so the gate found every later line a disclosure (FAILED at 50); "Just
    to confirm, I am speaking with ..." was even answered as a question about the debt."""
    s = Session.start(scenario, trainee="t")
    first = s.say(line)
    assert "verified" in first.events
    assert "answered:dispute" not in first.events


def test_a_first_name_alone_is_confirmed_but_the_coach_says_it_proves_nothing():
    s = Session.start("unwanted-calls", trainee="t")
    first = s.say("Hi, is this Rob?")
    assert "verified" not in first.events
    assert "first name alone" in (s.coach_hint() or "")


def test_a_record_without_a_seed_replays_with_the_scenarios_seed():
    """A tester's record without ``seed`` was played with seed 0, so the debtor said other
    lines than in `collectsim try` (which uses the scenario's seed)."""
    from simulator.content.models import SessionRecord
    from simulator.session import replay

    record = SessionRecord.model_validate({"scenario": "servicemember-basic",
                                           "turns": ["Hi, is this Marcus Reed?"]})
    assert record.seed is None
    played = replay(record)
    assert played.record.seed == Session.start("servicemember-basic").seed == played.scenario.seed
