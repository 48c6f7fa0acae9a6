"""Coach hints follow the call: after the debtor stops the collection (here, a
bankruptcy), the hint is to take the particulars and close, never to ask an open question
about the account or to make an offer (the first real call in the bankruptcy scenario got
"Ask an open question: what's been happening with the account?")."""

from __future__ import annotations

from simulator.app.hints import coach_hints
from simulator.session import Session

LINES = [
    "Good afternoon, is this Carla Jennings?",
    "Thanks Carla, it's Sam from Northgate Recovery. I'm a debt collector and this is an attempt to "
    "collect a debt; any information obtained will be used for that purpose. I'm calling about your "
    "Harbor Point Bank Visa, the balance is $2,140.55.",
]


def test_after_she_says_she_filed_the_hint_is_to_take_the_details_and_close():
    session = Session.start("bankruptcy-basic", trainee="t")
    for line in LINES:
        session.say(line)
    assert "bankruptcy" in session.turns[-1].events
    hints = coach_hints(session)
    text = " ".join(hints)
    assert "case number" in text and "ask for nothing" in text.lower()
    assert "open question" not in text and "offer" not in text.lower()
    session.say("Thank you for telling me. What's the case number?")
    later = " ".join(coach_hints(session))
    assert "open question" not in later and "make one concrete offer" not in later
    assert "happens next" in later


def test_a_fact_named_by_a_question_word_is_said_in_plain_words():
    """The lead's call with Walter: "They just told you about why" became plain words."""
    session = Session.start("time-barred-basic", trainee="t")
    for line in ("Good evening, is this Walter Brooks?",
                 "Thanks Walter, I'm Dana from Northgate Recovery. I'm a debt collector and this is an "
                 "attempt to collect a debt. It's about your Redline card, $1,620.",
                 "No: that debt is too old for anyone to sue you over, and we won't.",
                 "What happened back then, if you don't mind me asking?"):
        session.say(line)
    assert "revealed:why" in session.turns[-1].events
    text = " ".join(coach_hints(session))
    assert "told you about what happened" in text and "about why" not in text
