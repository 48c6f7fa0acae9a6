"""Open questions and reflections: the linguistic rules, on sentences written for these tests."""

from __future__ import annotations

import pytest

from simulator.nlu.analyser import default_analyser

#: The rule layer's own findings: what the learned layer reads as features and what the
#: compliance-read moves always keep. The whole analyser is measured by bench/nlu_eval.py
#: (--lovo, --heldout), where a learned veto of some of these lines is counted.
analyze = default_analyser().rules_only

OPEN = [
    ("Tell me how things have been since the move.", None),
    ("So walk me through a normal week for you.", None),
    ("What would make this easier to manage", None),  # no "?" in a transcript, but inverted
    ("Can you describe what a normal month looks like?", None),
    ("I'm curious how the new job is going.", None),
    ("I wanted to ask you how you feel about the plan.", None),
    ("Do you have any idea why the payments bounced?", None),
    ("In what ways has the new schedule changed things?", None),
    ("Wh-what got in the way last month?", None),
    ("Well, you know, um, Dana, well, tell me a bit about the new job.", None),  # fillers, a name
    ("What I'm really curious about is how the move went.", None),  # a pseudo-cleft invitation
    ("So, wondering what made the last plan hard to keep.", None),  # the speaker wonders
    ("How much does the overtime eat into your weekends?", None),  # "how much", not money
    ("Which bills worry you the most right now?", None),
    ("So, who else could help you keep on top of the bills?", None),
    ("Okay, and how often do you think you'll be working nights?", None),  # their estimate
    ("Is the new shift causing any trouble at home or anything like that?", None),  # trailing "or"
    ("Have you had a chance to look at the budget sheet, or?", None),
    ("And so how much time have you been spending on the paperwork-", None),  # inverted, no "?"
    ("[sighs] What's been the hardest part of the month?", None),  # a transcript annotation
]

NOT_OPEN = [
    ("I wonder if you'd be open to a call next week?", None),  # yes/no, however polite
    ("I'm wondering, the card was opened in 2019.", None),
    ("Let me make sure I've understood what's going on here.", None),  # embedded clause
    ("And what you told me last time was that the shop closed.", None),
    ("How often do you get paid?", None),  # a number
    ("Where are the letters now?", None),  # a place, not a story
    ("So why don't you take a minute to think about it?", None),  # advice
    ("What could you manage each month?", None),  # an amount: ask_capacity
    ("So you're kind of wondering what the point of these calls is.", None),  # the debtor wonders
    ("We can look at options if you're interested in how that might work-", None),
    ("How much does the storage unit cost you a month?", None),  # a figure: money
    ("What was your landlord's name?", None),  # one fact
    ("What's your current phone number?", None),
    ("Which one works better for you, Friday or Monday?", None),  # a choice
    ("Was that a one-off or something?", None),  # too short to invite a story
    ("How are you doing today?", None),  # a greeting
]

REFLECTION = [
    ("Your hours got cut and the rent went up in the same month.",
     "They cut my hours and then my landlord raised the rent."),
    ("I'm hearing that the car matters more to you than the card right now.",
     "If I lose the car I lose my job."),
    ("It seems the mail never reached you after the move.", "I never got any letters."),
    ("You lost the job in May. What could you manage each month now?",
     "I lost my job in May."),  # restates the debtor's words, then asks
    ("Not yet.", "I haven't told my wife. Not yet."),  # an echo
    ("Yeah, three jobs.", "I'm working three jobs just to keep up."),
    ("So it was all quite sudden.", "They closed the plant two weeks before Christmas."),  # sums up
    ("So what I'm picking up is that the car comes first.", "Without the car I can't work."),
    ("[laughs] You're glad the worst of it is behind you?", "The surgery went fine, thank God."),
    ("When you lost the contract, the savings went on rent.", "I had some savings but then."),
]

NOT_REFLECTION = [
    ("You can pay online or by phone.", "How do I pay?"),  # information
    ("You need to call the hardship line first.", "What do I do?"),  # advice
    ("People in your spot usually set up a plan.", "I don't know what to do."),  # generic
    ("So that's $60 a month starting the 3rd, twelve payments.", "Okay, I can do 60 a month."),
    ("No wonder you're upset, that's a lot of calls.", "You keep calling me!"),  # empathy only
    ("Right.", "I can't do it right now."),  # back-channel, not an echo
    ("Mm-hmm.", "So that's where things are."),
    ("Thanks.", "Okay, thanks."),  # courtesy returned, nothing restated
    ("Three jobs? Which one pays best?", "I'm working three jobs."),  # asks, not restates
    ("So you've been working three jobs. What's that been like?",
     "I'm working three jobs."),  # the open question carries the utterance
]


@pytest.mark.parametrize(("text", "context"), OPEN)
def test_open_question(text: str, context: str | None) -> None:
    a = analyze(text, context)
    assert a.has("open_question"), [(m.move, m.why) for m in a.moves]


@pytest.mark.parametrize(("text", "context"), NOT_OPEN)
def test_not_open_question(text: str, context: str | None) -> None:
    a = analyze(text, context)
    assert not a.has("open_question"), [(m.move, m.why) for m in a.moves]


@pytest.mark.parametrize(("text", "context"), REFLECTION)
def test_reflection(text: str, context: str) -> None:
    a = analyze(text, context)
    assert a.has("reflection"), [(m.move, m.why) for m in a.moves]


@pytest.mark.parametrize(("text", "context"), NOT_REFLECTION)
def test_not_reflection(text: str, context: str) -> None:
    a = analyze(text, context)
    assert not a.has("reflection"), [(m.move, m.why) for m in a.moves]


def test_rules_say_why() -> None:
    a = analyze("Your hours got cut and the rent went up in the same month.",
                "They cut my hours and then my landlord raised the rent.")
    mv = next(m for m in a.moves if m.move == "reflection")
    assert mv.why and mv.evidence
    q = analyze("Can you describe what a normal month looks like?")
    mv = next(m for m in q.moves if m.move == "open_question")
    assert "describe" in mv.why.lower() or "similar to example" in mv.why


def test_recap_is_not_reflection() -> None:
    a = analyze("So that's $75 a month on the 1st, starting December.", "Yes, 75 a month works.")
    assert a.has("recap_agreement") and not a.has("reflection")
