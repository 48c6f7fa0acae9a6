from simulator.coach import hints
from simulator.session import Session


def test_hints_follow_the_call():
    s = Session.start("hardship-basic")
    assert any("Verify" in h for h in hints(s))
    s.say("Good evening, am I speaking with Maria Delgado?")
    assert any("disclosure" in h for h in hints(s))
    s.say("This is Sam with Northgate Recovery. This is an attempt to collect a debt. "
          "I'm calling about your Lakeside card.")
    assert any("open question" in h for h in hints(s))
    s.say("Can you tell me a bit about what's been going on?")
    assert any("acknowledge" in h for h in hints(s))
    s.say("Pay today or we'll have you arrested.")
    assert hints(s) == ["The call has ended: fill in the wrap-up form while it's fresh."]
