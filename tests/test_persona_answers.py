"""Debtors answer what they were told (lines from outside testers' calls, 2026-12-02).

Walter (time-barred) asks whether he can be sued; an honest "no" in the tester's own
words ("we won't take you to court over it", "there's no lawsuit coming") was not heard
and he asked again, two turns later; a line that answered him and also restated his
story was heard as the restatement. 3 of 3 wordings went unheard before, 0 after."""

from __future__ import annotations

import pytest

from simulator.session import Session

OPENING = [
    "Hey there, good evening. Is this Walter Brooks?",
    "Thanks Walter. It's Sam with Northgate Recovery. I'm a debt collector, and this is an attempt "
    "to collect a debt; whatever you tell me will be used for that purpose. I'm calling about your "
    "old Redline Home Furnishings store card, which shows a balance of $1,620.",
]


@pytest.mark.parametrize("answer", [
    "Straight answer: no. It's old enough that we won't take you to court over it, and nobody's "
    "going to. It's still an unpaid balance, but whether you pay it is up to you.",
    "No, we can't sue you for it, it's too old for that. It's still an unpaid balance, but whether "
    "you do anything about it is your call.",
    "No sir, there's no lawsuit coming, it's past the time limit for that.",
    # the lead's own call in the app, after the fix above (1 of 1 unheard)
    "Fair question. The straight answer is no: that debt is too old for anyone to sue you over, "
    "and we won't.",
])
def test_walter_hears_that_he_will_not_be_sued(answer):
    s = Session.start("time-barred-basic", trainee="t")
    for line in OPENING:
        s.say(line)
    assert s.state == "suspicious"
    turn = s.say(answer)
    assert s.state == "talking", turn.reply
    assert "sue" not in turn.reply.lower()
