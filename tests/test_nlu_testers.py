"""Lines two outside testers typed in their own calls (tests/hardsets/testers.yaml).

Written before the change and never trained on: under the analyser of 2026-12-02 (third
session) 24 of 29 were read wrong - kindness read as abuse ("You sound really fed up, and
honestly I don't blame you."), an insult denied read as one ("Nobody thinks you're a
deadbeat."), a reassurance read as a threat ("You won't lose your house over this."), a
letter saying the account is paid read as a demand for payment, loose identity and
capacity questions missed, dismissive pressure missed. After the rules of that day, the
KNOWN_MISSES below; each stays a strict xfail until the analyser reads it right.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.nlu.analyser import analyze

SET = yaml.safe_load((Path(__file__).parent / "hardsets" / "testers.yaml").read_text(encoding="utf-8"))

#: Still read wrong, by the learned layer: what it weighs is named in each reason.
KNOWN_MISSES = {
    "Fair enough, straight it is. Nobody thinks you're a deadbeat, you've got a kid in college and that "
    "comes first.": "pressure from the model ('that comes first')",
    "You're clearly not dodging this, you've got a kid in college and that comes first.":
        "abuse and pressure from the model (the word class of 'clearly' is condescension)",
    "It is for Meridian Portfolio Services. They bought your old Harbor Lane store card, the balance "
    "is $1,532.90.": "pressure from the debtor's question before it (the words alone: 1.5 below the cut)",
    "You're not in any trouble, and nobody's coming after your paycheck, okay?":
        "an offer of an alternative from the model",
    # (2026-12-03, sixth session) "Ok. I put a note on the file, we stop calling you. You will get a
    # letter ..." is no longer curt: a line that tells a right drops the you-first marker
}


def _problems(item: dict) -> list[str]:
    found = analyze(item["line"], item.get("context"))
    names = set(found.move_names)
    out = [f"missing {m}" for m in item.get("has", []) if m not in names]
    out += [f"has {m}" for m in item.get("not", []) if m in names]
    if "tone_min" in item and found.tone.score < item["tone_min"]:
        out.append(f"tone {found.tone.score:+.2f}")
    if "tone_max" in item and found.tone.score > item["tone_max"]:
        out.append(f"tone {found.tone.score:+.2f}")
    asked = {a.intent for a in found.asks}
    out += [f"asks no {i} ({sorted(asked)})" for i in item.get("asks", []) if i not in asked]
    out += [f"asks {i}" for i in item.get("asks_not", []) if i in asked]
    return out


def hardset_cases(items: list[dict], known_misses: dict[str, str]) -> list:
    """A hard set's items as test cases, each known miss a strict xfail with its reason
    (the testers' sets of tests/hardsets share it)."""
    out = []
    for item in items:
        marks = ()
        if item["line"] in known_misses:
            marks = pytest.mark.xfail(strict=True, reason=known_misses[item["line"]])
        out.append(pytest.param(item, id=item["line"][:60], marks=marks))
    return out


@pytest.mark.parametrize("item", hardset_cases(SET["items"], KNOWN_MISSES))
def test_a_testers_line_is_read_as_labelled(item: dict) -> None:
    assert _problems(item) == []


def test_every_known_miss_is_in_the_set() -> None:
    assert set(KNOWN_MISSES) <= {item["line"] for item in SET["items"]}
