"""Ten risk categories, each in words no rule was written from (tests/hardsets/variants_*.yaml).

Set B was written after all the rules of 2026-12-02 but the last two and never used to
write one: the analyser before that day's rules read 28 of its 100 lines wrong, after
them 18; a last pressure pattern ("the last time I'll be able to offer you this deal",
from set A) was written after B's misses had been read, and with it 17 (its
KNOWN_MISSES below, each a strict xfail until the analyser reads it right; 16 since
2026-12-03, seventh session: "Now hold on, you're no loser. ..." reads right, an insult
refused by "you're no ..." in ``insults.aimed_elsewhere``, a rule not written from it). Set A was
written after the first round of those rules and the second round came from its misses
(15 of 80 wrong before both rounds, 2 after), so it now guards against regressions only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.nlu.analyser import analyze

HERE = Path(__file__).parent / "hardsets"

KNOWN_MISSES = frozenset({
    "When the money arrive, I send you the paper that say you don't owe nothing more.",
    "Yeah, that's lousy. I'd be furious.",
    "Bad day, huh? Can't blame you for being sore about it.",
    "You're not a deadbeat. You picked up the phone, didn't you?",
    "Oh sweetheart, I don't think you're a failure, not for a second. You've had a very hard year.",
    'Worthless? Nope. Not buying it.',
    'ur def not an idiot, the late fees on that card are confusing af',
    "Not going to happen. Your benefits can't be touched by us.",
    'Madam, I am generating the paid-in-full certificate now and it will reach your registered email address shortly.',
    "I'm sending a zero-balance statement to your address on file. Should be there by Friday.",
    'When is your salary getting credited madam, and how much you can keep aside for this out of that?',
    'Madam, the system will close this offer at midnight tonight, after that nothing can be done from my end.',
    'offer dies in like 30 min fr so u gotta lock it in now',
    'Hello dear, would this happen to be Mrs. Eleanor Whitfield on the line?',
    'ok wait just to check, u r samantha lee right',
    'Madam, you moved cities for the new job and the letters were going to old address, correct?',
})


def _cases():
    for name in ("variants_a", "variants_b"):
        data = yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
        for category, spec in data["categories"].items():
            for item in spec["items"]:
                marks = ()
                if item["line"] in KNOWN_MISSES:
                    marks = pytest.mark.xfail(strict=True, reason="a known miss of the analyser")
                yield pytest.param(item["line"], item.get("context"), spec.get("has") or [],
                                   spec.get("not") or [], id=f"{name}:{category}:{item['line'][:40]}",
                                   marks=marks)


@pytest.mark.parametrize(("line", "context", "has", "not_"), list(_cases()))
def test_a_variant_is_read_as_its_category_says(line, context, has, not_):
    names = set(analyze(line, context).move_names)
    assert [m for m in has if m not in names] == []
    assert [m for m in not_ if m in names] == []
