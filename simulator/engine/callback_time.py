"""A call-back time other than the one the debtor gave is corrected (tester9 2.6: Kevin said
"After six ... around 6:30", heard "I'll call you back after eight tonight" and said "Yep.
Later."). The analyser reads no clock times, so this reads hours from the words: "after six",
"around 6:30", "at 9 tonight", "eight o'clock". Mixed into :class:`simulator.engine.call.Call`.
"""

from __future__ import annotations

import re
from typing import Any

from simulator.rxcache import compile as rx

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "noon": 12}
_HOUR = r"(?:\d{1,2}(?::\d{2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)"
#: "after six", "around 6:30", "at 9", "by eight o'clock": an hour of the day, not "after 12 months".
_CLOCK = rx(r"(?<!\$)\b(?:at|after|around|about|by|before|till|until|past)\s+(" + _HOUR + r")\b"
            r"(?!\s*(?:months?|payments?|weeks?|days?|years?|percent|%|dollars?|bucks|of\b|th\b))", re.I)
#: The trainee saying when they will call: "I'll call you back", "I'll try you again", "reach you".
_CALLBACK = rx(r"\b(?:call|ring|try|reach|catch|phone|get back to) (?:you|ya)\b", re.I)


def hours(text: str) -> set[int]:
    """The hours of the day a line names (1-12, as said)."""
    out: set[int] = set()
    for m in _CLOCK.finditer(text or ""):
        word = m.group(1).lower()
        h = _WORDS.get(word) if word in _WORDS else int(word.split(":")[0])
        if h is not None and 1 <= h <= 12:
            out.add(h)
    return out


class CallbackTimes:
    """Hearing the call-back time the trainee names."""

    turns: list[Any]
    opening: str
    ended: bool
    _special: Any
    _event: Any

    def _check_callback_time(self, text: str, reply: str) -> str:
        """The debtor corrects a call-back hour they never gave; otherwise the reply as is."""
        if not _CALLBACK.search(text):
            return reply
        said = hours(text)
        if not said:
            return reply
        theirs: set[int] = set()
        for t in self.turns:
            theirs |= hours(t.reply)
        if not theirs or said & theirs:
            return reply
        corrected = self._special("callback_time_differs")
        if not corrected:
            return reply
        self._event("callback_time_corrected")
        return corrected
