"""The shipped personas behave like the debtors they portray.

Every test drives the Session API with lines a real collector would say, and checks
behaviour (states, events, outcomes, numbers), not wording: the seed only changes
which variant of a line the debtor says, so most tests run over several seeds.
"""

from __future__ import annotations

import re

import pytest

from simulator import cli
from simulator.content.library import Library
from simulator.session import Session

SEEDS = range(5)
PLACEHOLDER = re.compile(r"\{[a-z_]+\.[a-z_0-9]+\}")


def play(scenario: str, lines: list[str], seed: int = 1) -> tuple[Session, list]:
    """Play lines until the debtor ends the call; return the session and the turns.
    "$CAP" in a line is what this version of the debtor can pay each month (a seed may
    play another version of the persona, with other numbers)."""
    session = Session.start(scenario, seed=seed)
    cap = f"${int(session.persona.numbers.monthly_capacity)}"
    lump = f"${int(session.persona.numbers.lump_sum)}"
    turns = []
    for line in lines:
        if session.ended:
            break
        turns.append(session.say(line.replace("$CAP", cap).replace("$LUMP", lump)))
    return session, turns


def events(session: Session) -> set[str]:
    return set(session.result().events)


# --------------------------------------------------------------------------- hostile

HOSTILE_OPEN = [
    "Good evening, may I speak with Gary Kowalski?",
    "This is Marcus with Keystone Collections. This is an attempt to collect a debt, and any "
    "information obtained will be used for that purpose. I'm calling about the St. Vincent "
    "Regional Medical Center account.",
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    "threat",
    [
        "If you don't pay we'll send this to our attorneys.",
        "Keep this up and we'll garnish your wages.",
    ],
)
def test_hostile_hangs_up_within_two_turns_of_a_threat(seed, threat):
    session, _ = play("hostile-basic", HOSTILE_OPEN, seed)
    assert not session.ended
    at = len(session.turns)
    session.say(threat)
    if not session.ended:
        session.say("I'm just trying to help you sort this out.")
    assert session.ended
    assert len(session.turns) - at <= 2
    assert session.result().outcome == "hung_up"


@pytest.mark.parametrize("seed", SEEDS)
def test_hostile_hangs_up_within_two_turns_of_abuse_or_pressure(seed):
    for bad in ("Are you stupid or something?", "Stop making excuses and pay what you owe."):
        session, _ = play("hostile-basic", HOSTILE_OPEN, seed)
        at = len(session.turns)
        session.say(bad)
        if not session.ended:
            session.say("Anyway, the balance is $1,875.")
        assert session.ended, bad
        assert len(session.turns) - at <= 2, bad


@pytest.mark.parametrize("seed", SEEDS)
def test_hostile_calms_down_under_acknowledgement(seed):
    session, turns = play(
        "hostile-basic",
        [
            *HOSTILE_OPEN,
            "I hear you. It sounds like the last agency really crossed a line.",
            "That's completely fair, I'd be angry too.",
            "So you called your insurance first, and they told you it was covered.",
        ],
        seed,
    )
    assert not session.ended
    venting = turns[1]
    assert venting.state == "venting"
    irritation = [t.numbers["irritation"] for t in turns[1:]]
    assert all(b < a for a, b in zip(irritation, irritation[1:], strict=False)), irritation
    assert irritation[-1] < irritation[0] - 40
    assert [t.state for t in turns[2:]] == ["venting", "calming", "negotiating"]
    assert "calmed" in events(session)


@pytest.mark.parametrize("seed", SEEDS)
def test_hostile_once_calm_takes_a_modest_plan(seed):
    session, _ = play(
        "hostile-basic",
        [
            *HOSTILE_OPEN,
            "I hear you. It sounds like the last agency really crossed a line.",
            "That's completely fair, I'd be angry too.",
            "So you called your insurance first, and they told you it was covered.",
            "What would be manageable for you each month?",
            "We could do $CAP a month, starting December 15th.",
        ],
        seed,
    )
    agreed = session.result().agreed
    assert agreed is not None and agreed.kind == "payment_plan"
    assert agreed.monthly == session.persona.numbers.monthly_capacity


@pytest.mark.parametrize("seed", SEEDS)
def test_hostile_will_not_talk_money_while_venting(seed):
    session, turns = play(
        "hostile-basic", [*HOSTILE_OPEN, "Would $100 a month work for you?"], seed
    )
    assert turns[-1].state == "venting"
    assert session.result().agreed is None


# --------------------------------------------------------------------------- hardship

HARDSHIP_OPEN = [
    "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
    "Thanks, Maria. This is an attempt to collect a debt, and any information obtained will be "
    "used for that purpose. I'm calling about your Lakeside card; the balance is $1,240.",
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    "listening",
    [
        "Can you tell me a bit about what's been going on?",
        "What's been happening with the account?",
        "I'm sorry, that sounds like a really hard time.",
    ],
)
def test_hardship_reveals_the_reason_when_listened_to(seed, listening):
    session, turns = play("hardship-basic", [*HARDSHIP_OPEN, listening], seed)
    assert "job_loss" in session.result().revealed
    assert "revealed:job_loss" in turns[-1].events
    assert "lost my job" in turns[-1].reply


@pytest.mark.parametrize("seed", SEEDS)
def test_hardship_refuses_a_demand_for_the_full_balance(seed):
    session, turns = play(
        "hardship-basic", [*HARDSHIP_OPEN, "I need you to pay the full $1,240 today."], seed
    )
    assert "offer_refused" in turns[-1].events
    assert session.result().agreed is None


@pytest.mark.parametrize("seed", SEEDS)
def test_hardship_accepts_a_plan_within_her_means(seed):
    session, turns = play(
        "hardship-basic",
        [
            *HARDSHIP_OPEN,
            "Can you tell me a bit about what's been going on?",
            "I'm so sorry to hear that, that sounds really stressful.",
            "We could set up a plan of $CAP a month starting December 15th.",
        ],
        seed,
    )
    agreed = session.result().agreed
    assert agreed is not None and agreed.kind == "payment_plan"
    assert agreed.monthly == int(session.persona.numbers.monthly_capacity)
    assert "offer_accepted" in turns[-1].events


@pytest.mark.parametrize("seed", SEEDS)
def test_hardship_counters_a_plan_beyond_her_means(seed):
    session, turns = play(
        "hardship-basic",
        [
            *HARDSHIP_OPEN,
            "Can you tell me a bit about what's been going on?",
            "Could you do $250 a month for five months?",
        ],
        seed,
    )
    assert session.result().agreed is None
    assert "offer_countered" in turns[-1].events


# --------------------------------------------------------------------------- cooperative

COOPERATIVE_OPEN = [
    "Hi, good afternoon. May I speak with Jordan Whitaker?",
    "Hi Jordan, my name is Priya and I'm calling from Keystone Collections. This is an attempt "
    "to collect a debt, and any information obtained will be used for that purpose. I'm calling "
    "about your Harbor Bank Visa; the balance is $1,480.",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_cooperative_agrees_to_a_clear_polite_full_payment_request(seed):
    session, turns = play(
        "cooperative-basic",
        [*COOPERATIVE_OPEN, "Would you be able to pay the full $1,480 today?"],
        seed,
    )
    agreed = session.result().agreed
    assert agreed is not None and agreed.kind == "full_payment"
    assert agreed.total == pytest.approx(1480.0)
    assert turns[-1].state == "agreed"


@pytest.mark.parametrize("seed", SEEDS)
def test_cooperative_is_wary_when_pressured(seed):
    session, turns = play(
        "cooperative-basic",
        [*COOPERATIVE_OPEN, "You need to pay this today, no more excuses."],
        seed,
    )
    assert turns[-1].state == "wary"
    assert session.result().agreed is None


@pytest.mark.parametrize("seed", SEEDS)
def test_cooperative_complains_and_ends_the_call_on_a_threat(seed):
    session, _ = play(
        "cooperative-basic",
        [*COOPERATIVE_OPEN, "If you don't pay today we'll take you to court and garnish your wages."],
        seed,
    )
    assert session.ended
    assert "complaint" in events(session)
    assert session.result().outcome == "hung_up"


# --------------------------------------------------------------------------- resistant


@pytest.mark.parametrize("seed", SEEDS)
def test_resistant_stalls_then_hangs_up_when_pushed_for_money_too_soon(seed):
    session, turns = play(
        "resistant-basic",
        [
            "Hi, is this Tony Russo?",
            "This is Dana with Keystone Collections.",
            "You have a balance of $2,350 with Crestview Lending. How much can you pay today?",
            "Could you do $200 a month?",
            "Hello?",
        ],
        seed,
    )
    stall = turns[2]
    assert stall.state == "skeptical" and stall.reply
    assert session.ended and len(session.turns) == 4
    assert session.result().outcome == "hung_up"
    assert session.result().agreed is None


@pytest.mark.parametrize("seed", SEEDS)
def test_resistant_will_not_confirm_who_he_is_to_an_anonymous_caller(seed):
    _, turns = play("resistant-basic", ["Hi, is this Tony Russo?"], seed)
    assert turns[0].state == "answered"
    assert "verified" not in turns[0].events


@pytest.mark.parametrize("seed", SEEDS)
def test_resistant_agrees_once_objections_are_answered(seed):
    session, _ = play(
        "resistant-basic",
        [
            "Good afternoon, this is Dana with Keystone Collections. Am I speaking with Tony Russo?",
            "This is an attempt to collect a debt, and any information obtained will be used for "
            "that purpose. It's about your Crestview Lending personal loan, the balance is $2,350.",
            "I understand. I'll mail you a validation notice today so you have it all in writing.",
            "Sounds like you've been burned before.",
            "I'm sorry that happened to you, that's awful.",
            "We could settle it for $LUMP if it's paid by the end of the month.",
        ],
        seed,
    )
    agreed = session.result().agreed
    assert agreed is not None and agreed.kind == "settlement"


# --------------------------------------------------------------------------- third party


@pytest.mark.parametrize("seed", SEEDS)
def test_third_party_is_not_the_debtor(seed):
    session, turns = play(
        "third-party", ["Hi, is this Alicia Moreno?", "Sorry, am I speaking with Alicia?"], seed
    )
    assert session.persona.party == "third_party"
    for turn in turns:
        assert "Brianna" in turn.reply or "not here" in turn.reply or "her roommate" in turn.reply
        assert "verified" not in turn.events
        assert not turn.before.verified
    assert turns[0].state == "not_her"
    assert not session.call.flags["verified"]


@pytest.mark.parametrize("seed", SEEDS)
def test_third_party_takes_a_message(seed):
    session, _ = play(
        "third-party",
        [
            "Hi, may I speak with Alicia Moreno, please?",
            "Could you ask her to call me back? My name is Sam and my number is 800-555-0142.",
            "Thanks so much, have a good night.",
        ],
        seed,
    )
    assert session.result().outcome == "callback"


@pytest.mark.parametrize("seed", SEEDS)
def test_third_party_reacts_to_hearing_about_the_debt(seed):
    session, turns = play(
        "third-party",
        [
            "Hi, is this Alicia Moreno?",
            "She owes $640 on her Brightline Wireless account.",
        ],
        seed,
    )
    assert turns[-1].state == "knows"
    assert "disclosed_to_third_party" in turns[-1].events
    assert session.result().agreed is None


# --------------------------------------------------------------------------- dispute


@pytest.mark.parametrize("seed", SEEDS)
def test_disputer_records_a_dispute(seed):
    session, turns = play(
        "dispute-basic",
        [
            "Hi, may I speak with Denise Holloway?",
            "This is Chris with Keystone Collections, this is an attempt to collect a debt. I'm "
            "calling about your Metro Cable account, the balance is $412.60.",
            "I've noted the dispute. We'll send you a validation notice and you'll hear back from "
            "us once the creditor has reviewed it.",
            "Thank you for your time, have a good day.",
        ],
        seed,
    )
    assert "dispute" in turns[1].events
    assert session.call.disputed
    assert session.result().outcome == "dispute"


@pytest.mark.parametrize("seed", SEEDS)
def test_disputer_asks_for_no_more_calls_when_collection_goes_on(seed):
    session, _ = play(
        "dispute-basic",
        [
            "Hi, may I speak with Denise Holloway?",
            "This is Chris with Keystone Collections, this is an attempt to collect a debt. I'm "
            "calling about your Metro Cable account, the balance is $412.60.",
            "I understand, but the balance is still showing as owed. Would you be able to pay "
            "something toward it today?",
            "What if we set up a payment plan of $50 a month?",
        ],
        seed,
    )
    assert session.ended
    assert session.result().outcome == "cease_requested"
    assert "cease_requested" in events(session)


# --------------------------------------------------------------------------- all content


def _shipped_checks():
    lib = Library.default()
    for scenario in lib.scenarios():
        for check in scenario.checks:
            yield pytest.param(scenario.id, check.lines, id=f"{scenario.id}: {check.name}")


def test_every_shipped_scenario_passes_its_checks(capsys):
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out


@pytest.mark.parametrize(("scenario", "lines"), list(_shipped_checks()))
def test_same_seed_and_lines_give_the_same_replies(scenario, lines):
    first = [(t.reply, t.state, t.events) for t in play(scenario, lines, seed=17)[1]]
    second = [(t.reply, t.state, t.events) for t in play(scenario, lines, seed=17)[1]]
    assert first == second


@pytest.mark.parametrize(("scenario", "lines"), list(_shipped_checks()))
@pytest.mark.parametrize("seed", SEEDS)
def test_replies_are_filled_and_not_empty(scenario, lines, seed):
    session, turns = play(scenario, lines, seed)
    assert session.opening and not PLACEHOLDER.search(session.opening)
    for turn in turns:
        assert turn.reply.strip(), turn.text
        assert not PLACEHOLDER.search(turn.reply), turn.reply


@pytest.mark.parametrize(
    "scenario", ["cooperative-basic", "resistant-basic", "hostile-basic", "third-party",
                 "dispute-basic",
                 "bankruptcy-basic", "deceased-basic", "servicemember-basic", "time-barred-basic"]
)
def test_each_new_scenario_has_a_good_path_and_a_failure_path(scenario):
    s = Library.default().scenario(scenario)
    outcomes = {c.expect.outcome for c in s.checks}
    assert len(s.checks) >= 2
    assert outcomes & {"agreement", "callback", "dispute", "bankruptcy", "deceased"}
    assert outcomes & {"hung_up", "cease_requested", "wrong_party"} or any(
        c.expect.state in ("wary", "knows") for c in s.checks
    )
    assert s.objective_hint and s.account.creditor and s.account.balance and s.account.agency
    assert s.account.collector_name and s.call.timezone and s.call.local_time
