"""Lines two outside testers (a compliance QA auditor and a new hire) typed in their calls
of 2026-12-03 (tests/hardsets/testers3.yaml), written down from their reports before any
rule touched them.

Before the change, at 04f7f4a: 31 of 31 read wrong. After: the 16 KNOWN_MISSES below (15 since
2026-12-03, seventh session: "My manager wants ..." is pressure by a rule written from tester6).
Fixed: plain questions read as abuse or a threat (a roommate and Maria hung up), a
phone-number question as asking for money (a work call failed twice over), a rights
statement and a greeting as curt or sarcastic, sign-off thanks as nothing, a choice between
paying now and a plan as pressure, "how much you can afford" as pressure, three wordings of
empathy.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.test_nlu_testers import _problems, hardset_cases

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "testers3.yaml").read_text(encoding="utf-8"))

#: A suit denied "at this time" was read as a threat by a rule (a denial held open) and
#: measured: on left-out voices it read 7 honest answers as threats ("right now there is no
#: lawsuit", which the labelling rules call lawful), so it was not kept. On a time-barred
#: debt, where saying a suit may come is itself deceptive (1006.26(b)), the scorer's
#: time-barred rule is the place for it.
_FOR_NOW = "no threat: a suit denied only 'at this time' (see above)"
#: Still read wrong: each a strict xfail until the analyser reads it right. Most are the
#: learned layer's recall: wording no class of the lexicon names and the corpus rarely says.
KNOWN_MISSES: dict[str, str] = {
    "and congrats on your kid starting college btw, that's a big deal.":
        "abuse from the model: 'congrats' is in the sarcasm class, and the corpus's congratulations are "
        "mostly sarcastic (17 of 31)",
    "Right now there's no lawsuit on the table, and we're not planning to sue you at this time.": _FOR_NOW,
    "We're not planning to sue you at this time.": _FOR_NOW,
    "I'm not threatening you, Gary, I'm just telling you what happens to people who ignore these.":
        "no threat: an unnamed consequence ('what happens to people who ...') is in no lexicon class",
    "if the first payment is even a day late, I will be calling you every day, morning and evening, until "
    "it is in.": "no pressure: calls as leverage are no consequence class, and the tone reads +0.3",
    "Oh sure, I'm sure the check is in the mail.": "no pressure: sarcasm the model scores under its cut",
    "Soldiers who deploy with open collections sometimes get flagged, so let's get ahead of it.":
        "no threat: 'get flagged' names no consequence class (a servicemember's career)",
    "There's no statute of limitations on what you owe morally, right?":
        "no pressure: guilt by 'morally' is in no lexicon class",
    "I'll have to mark the account as uncooperative.":
        "next steps, not pressure: a veiled consequence worded as procedure",
    "You seem like a smart person, so I'm sure you'll do the smart thing here.":
        "abuse, not pressure: condescension read as rudeness, not as pushing to pay",
    "ninety days, ouch, that's a long time to wait on nine grand":
        "no empathy: 'ouch' and 'a long time to wait' are in no cue, and the model reads the line as neutral",
    "Is there anyone in your family who could lend you the $1,240 so we can close this out tonight?":
        "no pressure: borrowing to pay, with 'tonight', is in no cue or class",
    "Just a quick heads-up, it's the Summit Ridge card, and we'll want to talk about getting something "
    "set up.": "no state_debt: a creditor named without 'balance' or 'account'",
    "From here on we'll deal only with Ms. Kim's office, and you won't get further calls from us on this.":
        "no next_steps: the cue finds it and the model overrules it (next steps: veto 0)",
    "Wow, great, thanks for wasting ten minutes of my day.":
        "no abuse: the thanks and 'great' outweigh 'wasting ... my day' (tone -0.23)",
}


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_testers_line_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []


def test_every_known_miss_is_in_the_set() -> None:
    assert set(KNOWN_MISSES) <= {item["line"] for item in SET["items"]}
