"""Debtors that listen and answer (issue 12): what the engine does with what was said.

Each test plays a shipped scenario through the Session API and checks behaviour:
events, flags, numbers, and facts of the reply that a listener could check (the date of
birth on the account file is in the answer), never a variant's exact wording.
"""

from __future__ import annotations

import pytest

from simulator.content.models import SessionRecord
from simulator.diagnostics import UserError
from simulator.engine.registry import REQUEST_EVENTS
from simulator.engine.values import spoken_birthday
from simulator.session import Session, replay

MARIA = "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?"
DISCLOSE = ("Thanks. This is an attempt to collect a debt, and any information obtained will be "
            "used for that purpose. I'm calling about your Lakeside card; the balance is $1,240.")


def start(scenario: str = "hardship-basic", seed: int | None = None) -> Session:
    return Session.start(scenario, seed=seed)


# --------------------------------------------------------------------------- identity

def test_a_name_on_the_account_verifies():
    s = start()
    turn = s.say(MARIA)
    assert "verified" in turn.events
    assert s.say("How are you today?").before.verified


@pytest.mark.parametrize("line", ["Am I speaking with Maria Smith?", "Is this Linda Carter?",
                                  "Hi, could I speak to Ana Delgado please?"])
def test_a_wrong_name_is_not_confirmed(line):
    s = start()
    turn = s.say(line)
    assert "identity_mismatch" in turn.events
    assert "verified" not in turn.events
    assert not s.say("Okay.").before.verified


@pytest.mark.parametrize("seed", range(4))
def test_gary_does_not_confirm_a_wrong_surname(seed):
    s = start("hostile-basic", seed)
    turn = s.say("Good evening, may I speak with Gary Kowalczyk?")
    assert "identity_mismatch" in turn.events
    assert "it's gary" not in turn.reply.lower()
    assert not s.call.flags["verified"]


def test_a_date_of_birth_is_answered_from_the_account_file():
    s = start()
    s.say("Hi, this is Sam with Northgate Recovery.")
    turn = s.say("Can you confirm your date of birth for me?")
    assert spoken_birthday(s.account.debtor.date_of_birth) in turn.reply
    assert "verified" in turn.events


def test_the_last_four_of_the_social_match_the_file():
    s = start("cooperative-basic")
    s.say("Hi, is this Jordan Whitaker?")
    turn = s.say("To verify, may I have the last four digits of your Social Security number?")
    assert s.account.debtor.ssn_last4 in turn.reply


def test_a_third_party_never_verifies_and_gives_nothing_away():
    s = start("third-party")
    t1 = s.say("Hi, is this Alicia Moreno?")
    t2 = s.say("Can you confirm her date of birth?")
    assert "identity_mismatch" in t1.events
    assert spoken_birthday(s.account.debtor.date_of_birth) not in t2.reply
    assert not s.call.flags["verified"]


def test_a_third_party_asked_her_own_name_says_yes():
    s = start("third-party")
    s.say("Hi, may I speak with Alicia Moreno?")
    turn = s.say("Am I speaking with Brianna?")
    assert "yes" in turn.reply.lower() and "Brianna" in turn.reply


def test_tony_will_not_confirm_to_an_anonymous_caller_but_does_once_told():
    s = start("resistant-basic")
    t1 = s.say("Hi, is this Tony Russo?")
    assert "verified" not in t1.events
    t2 = s.say("This is Dana with Keystone Collections.")
    assert "verified" in t2.events


# --------------------------------------------------------------------------- what is asked

def test_the_trainees_name_and_company_are_not_asked_again():
    s = start()
    turn = s.say(MARIA)
    assert "who's calling" not in turn.reply.lower()
    assert "who is this" not in turn.reply.lower()


@pytest.mark.parametrize("seed", range(3))
def test_a_question_about_work_is_answered_truthfully(seed):
    s = start(seed=seed)
    s.say(MARIA)
    s.say(DISCLOSE)
    s.say("Can you tell me a bit about what's been going on?")
    turn = s.say("Are you working at the moment?")
    reply = turn.reply.lower()
    assert reply.startswith("no")
    assert "answered:employment" in turn.events


@pytest.mark.parametrize("small_talk", ["What's your favourite film?", "What's the weather like?",
                                        "What do you drive?", "Did you catch the game on Sunday?"])
@pytest.mark.parametrize("scenario", ["hardship-basic", "hostile-basic", "cooperative-basic"])
def test_small_talk_opens_no_story_and_earns_no_trust(scenario, small_talk):
    s = start(scenario)
    s.say("Good evening, may I speak with " + s.account.debtor.full_name + "?")
    trust = s.call.numbers["trust"]
    turn = s.say(small_talk)
    assert not any(e.startswith("revealed:") for e in turn.events), turn.reply
    assert s.call.numbers["trust"] <= trust


def test_capacity_is_a_number_from_the_persona_once_she_has_opened_up():
    s = start()
    for line in (MARIA, DISCLOSE, "Can you tell me a bit about what's been going on?",
                 "I'm so sorry to hear that, that sounds really stressful."):
        s.say(line)
    turn = s.say("What could you realistically put towards this each month?")
    assert "$" in turn.reply
    assert s.call.counter is not None
    assert s.call.counter.monthly <= s.persona.numbers.monthly_capacity


# --------------------------------------------------------------------------- memory

def test_a_repeated_question_is_noticed():
    s = start()
    for line in (MARIA, DISCLOSE):
        s.say(line)
    first = s.say("When's the best time to reach you?")
    irritation, trust = s.call.numbers["irritation"], s.call.numbers["trust"]
    again = s.say("When's the best time to reach you?")
    assert "trainee_repeated" in again.events
    assert again.reply != first.reply
    assert s.call.numbers["irritation"] > irritation
    assert s.call.numbers["trust"] <= trust


def test_repeating_an_empathic_line_earns_nothing_more():
    s = start()
    for line in (MARIA, DISCLOSE):
        s.say(line)
    s.say("I'm so sorry, that sounds really hard.")
    trust = s.call.numbers["trust"]
    s.say("I'm so sorry, that sounds really hard.")
    assert s.call.numbers["trust"] <= trust


def test_patience_is_spent_on_turns_that_move_nothing_not_on_the_clock():
    s = start()
    patience = s.call.numbers["patience"]
    for line in (MARIA, DISCLOSE, "Can you tell me a bit about what's been going on?"):
        s.say(line)
    assert s.call.numbers["patience"] >= patience  # three productive turns cost nothing
    before = s.call.numbers["patience"]
    s.say("Okay.")
    s.say("Okay.")
    assert s.call.numbers["patience"] < before


def test_no_long_line_twice_in_a_long_call():
    s = start("hostile-basic")
    s.say("Good evening, may I speak with Gary Kowalski?")
    s.say("This is Marcus with Keystone Collections. This is an attempt to collect a debt.")
    said: set[str] = set()
    for _ in range(12):
        if s.ended:
            break
        turn = s.say("Okay.")
        for sentence in turn.reply.split(". "):
            if len(sentence) >= 40:
                assert sentence not in said
                said.add(sentence)


# --------------------------------------------------------------------------- not understood

def test_a_line_with_nothing_to_act_on_gets_a_clarification_and_a_coach_hint():
    s = start()
    s.say(MARIA)
    turn = s.say("Blue seventeen purple.")
    assert not turn.understood and "not_understood" in turn.events
    assert "?" in turn.reply
    assert "nothing the debtor could act on" in s.coach()["hint"]


@pytest.mark.parametrize("line", ["Hola, ¿hablo con María Delgado?", "Bonjour, je voudrais parler à Maria",
                                  "Buenas tardes, llamo por su deuda con Lakeside."])
def test_a_line_not_in_english_gets_an_in_character_reply(line):
    s = start()
    turn = s.say(line)
    assert "not_english" in turn.events
    assert "english" in turn.reply.lower()
    assert "English" in s.coach_hint()


def test_a_listening_line_is_understood():
    s = start("hostile-basic")
    s.say("Good evening, may I speak with Gary Kowalski?")
    turn = s.say("Go on, I'm listening.")
    assert turn.understood


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_an_empty_line_is_not_a_turn(blank):
    s = start()
    with pytest.raises(UserError):
        s.say(blank)
    assert s.turns == []


def test_replay_skips_empty_lines():
    fs = replay(SessionRecord(scenario="hardship-basic", seed=42, turns=[MARIA, "", "  ", DISCLOSE]))
    assert [t.text for t in fs.turns] == [MARIA, DISCLOSE]


# --------------------------------------------------------------------------- how it ended

def test_a_call_the_trainee_closes_is_ended_by_trainee_not_refused():
    s = start()
    s.say(MARIA)
    s.say(DISCLOSE)
    s.say("Thanks for your time, take care.")
    r = s.result()
    assert r.ended_by == "trainee"
    assert r.outcome == "ended_by_trainee"


def test_a_call_the_trainee_hangs_up_is_ended_by_trainee():
    s = start()
    s.say(MARIA)
    s.hang_up()
    assert s.result().outcome == "ended_by_trainee"


def test_refused_only_when_the_debtor_refused():
    s = start()
    for line in (MARIA, DISCLOSE, "I need the full $1,240 paid today."):
        s.say(line)
    s.hang_up()
    assert s.result().outcome == "refused"


# --------------------------------------------------------------------------- requests

def test_every_request_kind_records_its_event_and_flag(tmp_path):
    """A fact of each request kind records the event scoring reads, and the flag on
    the next turn's PartyFacts (the content for these calls is only data)."""
    from simulator.content.library import Library

    lib = Library(persona_dirs=[tmp_path], scenario_dirs=[tmp_path])
    for kind, event in REQUEST_EVENTS.items():
        (tmp_path / f"p-{kind}.yaml").write_text(
            f"id: p-{kind}\nname: P\narchetype: test\nsummary: s\n"
            f"facts:\n  it: {{kind: {kind}, text: 'It is so.'}}\n"
            "states:\n  - {name: answered}\n  - {name: end, final: true, outcome: auto}\n"
            "transitions:\n  - {on: open_question, do: ['reveal:it'], say: ['{fact.it}']}\n"
            "  - {on: closing, to: end}\n")
        scn = tmp_path / f"s-{kind}.yaml"
        scn.write_text(f"id: s-{kind}\ntitle: t\ndescription: d\npersona: p-{kind}\n")
        s = Session.start(scn, library=lib)
        turn = s.say("What's been going on?")
        assert event in turn.events, kind
        flags = s.say("I see.").before
        attr = {"dispute": "disputed", "callback": "callback_requested"}.get(event, event)
        assert getattr(flags, attr), kind


# --------------------------------------------------------------------------- shared answers

def test_the_shared_answers_use_only_names_every_persona_has():
    """simulator/content/answers.yaml may use builtin conditions and placeholders only
    (no {fact.X} or {detail.X}: not every persona has them)."""
    from simulator.content.lint import _Lint
    from simulator.content.lint_answers import lint_answers
    from simulator.engine.answers import DEFAULTS_FILE, shared_answers
    from simulator.engine.registry import BUILTIN_CONDITIONS, CALLBACKS
    from simulator.yamlio import read_yaml

    assert shared_answers()  # validates against the Answer model
    loaded = read_yaml(DEFAULTS_FILE)
    lt = _Lint(loaded)
    lt.conditions = set(BUILTIN_CONDITIONS)
    lint_answers(lt, loaded.data, set(), set(), [])
    assert [str(p) for p in lt.problems] == []
    assert all(not d for a in shared_answers().values() for ans in a for d in ans.do
               if d.split(":")[0] not in CALLBACKS)


def test_a_wrong_name_given_earlier_in_the_line_is_not_confirmed_later():
    s = start("dispute-basic")
    turn = s.say("Need to speak with Shauna Kirkland. That you?")
    assert "identity_mismatch" in turn.events and s.state == "answered"
    turn = s.say("Is this you?")  # still the wrong person asked for: no confirmation
    assert "verified" not in turn.events and s.state == "answered"
    assert "verified" in s.say("Is this Denise Holloway?").events


@pytest.mark.parametrize("line", ["Gary?", "Is this Gary?", "Is this Mr. Kowalski?",
                                  "Hi, is this the account holder?"])
def test_part_of_a_name_or_no_name_proves_nothing(line):
    """He may well say 'Yeah, it's Gary', but the caller has not proved who he is."""
    s = start("hostile-basic")
    turn = s.say(line)
    assert "verified" not in turn.events and "identity_mismatch" not in turn.events
    assert not s.say("This is Marcus with Keystone Collections.").before.verified


def test_a_first_name_then_a_date_of_birth_verifies():
    s = start("hostile-basic")
    s.say("Is this Gary?")
    s.say("This is Marcus with Keystone Collections.")
    turn = s.say("Can you confirm your date of birth for me?")
    assert spoken_birthday(s.account.debtor.date_of_birth) in turn.reply
    assert "verified" in turn.events


def test_tony_asking_for_it_in_writing_is_a_validation_request():
    s = start("resistant-basic")
    s.say("Hi, is this Tony Russo?")
    s.say("This is Dana with Keystone Collections.")
    turn = s.say("This is an attempt to collect a debt. It's about your Crestview Lending loan.")
    assert "validation_requested" in turn.events and "writing" in turn.reply


_PLAN_CALL = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks, Maria. This is an attempt to collect a debt, and any information obtained will be used for "
    "that purpose. I'm calling about your Lakeside card, the balance is $1,240.",
    "Can you tell me a bit about what's been going on?",
    "I'm so sorry to hear that, that sounds really stressful.",
    "What could you realistically manage each month?",
    "We could set up a plan of $80 a month starting December 15th.",
]


@pytest.mark.parametrize("recap,corrected,date", [
    ("So that's $80 a month by debit card, starting December 15th.", False, "December 15"),
    ("So that's $100 a month by debit card, starting December 15th.", True, "December 15"),
    ("So that's $80 a month for 16 months, starting December 20th.", False, "December 20"),
])
def test_the_debtor_hears_the_recap(recap, corrected, date):
    """A recap with terms she never agreed to is corrected, not answered "that's right"
    (a real call: "$200 a month" recapped, "Yeah, that's right. $1,800 total" heard); a
    recap that settles the date is echoed with that date."""
    from simulator.session import Session

    s = Session.start("hardship-basic", trainee="t")
    for line in _PLAN_CALL:
        s.say(line)
    turn = s.say(recap)
    assert ("recap_corrected" in turn.events) is corrected
    assert date in turn.reply
    if corrected:
        assert "$80 a month" in turn.reply and "right" not in turn.reply.lower()
