"""Numbers said in words: "a hundred and fifty", "twelve hundred forty", "two grand",
"a couple hundred", "two and a half thousand", "one-fifty".

Shared by the money, count, percent and date patterns of ``simulator.nlu.entities``; the
patterns are flat (no nested repetition), so any input is scanned in linear time.
"""

from __future__ import annotations

import re

# --- number words -------------------------------------------------------------------

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1_000_000}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

NUMWORD = "|".join(sorted([*UNITS, *TENS, "hundred", "thousand", "grand", "a", "and"],
                           key=len, reverse=True))
# A run of number words, e.g. "a hundred and fifty", "seventy-five", "twelve hundred".
# One flat repetition of (word separator): linear.
WORDNUM = (
    rf"(?:(?:{'|'.join(sorted([*UNITS, *TENS], key=len, reverse=True))}|a)\b(?:[\s-]+(?:{NUMWORD})\b)*)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

DIGIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
TEEN_WORD = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS_WORD = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
# 1 to 99 in words: "seven", "fifteen", "seventy-five".
SMALL = rf"(?:(?:{TENS_WORD})(?:[\s-](?:{DIGIT_WORD}))?|{TEEN_WORD}|{DIGIT_WORD})"
# A spoken amount with a scale word, money without saying "dollars": "twelve hundred forty",
# "a couple hundred", "two and a half thousand", "two grand", "two thousand three hundred
# and fifty". Bounded: no nested repetition.
SCALED = (
    rf"(?:a\s+couple(?:\s+of)?|(?:{SMALL})(?:\s+and\s+a\s+half)?|a)\s+(?:hundred|thousand|grand)"
    rf"(?:[\s-]+(?:and\s+)?(?:(?:{SMALL})\s+hundred(?:[\s-]+(?:and\s+)?(?:{SMALL}))?|(?:{SMALL})))?"
)
# The price form: "one-fifty" is $150, "two-seventy-five" $275.
PRICE = rf"(?:{DIGIT_WORD})-(?:{TEEN_WORD}|(?:{TENS_WORD})(?:-(?:{DIGIT_WORD}))?)"
NOT_COUNT = (r"(?!\s+(?:payments?|months?|weeks?|days?|years?|installments?|instalments?|percent|"
              r"people|times|calls|letters))")

def words_to_number(words: str) -> float | None:
    """Parse number words ("a hundred and fifty", "seventy-five", "twelve hundred forty").

    Spoken amounts too: "a couple hundred" (200), "two and a half thousand" (2,500),
    "two grand", and the price form "one-fifty" / "two seventy-five" (a digit word
    straight before a tens or teens word is hundreds: 150, 275).
    """
    total = 0.0
    current = 0.0
    seen = half = price = False
    prev = ""
    for w in re.split(r"[\s-]+", words.lower().strip()):
        if not w or w in ("and", "of"):
            continue
        if w in ("a", "an"):
            pass  # "a hundred", "a couple", "and a half": the word after says what it is
        elif w == "half" and prev in ("a", "an"):
            half = True
        elif w == "couple":
            current, seen = 2, True
        elif w in UNITS or w in TENS:
            value = UNITS.get(w) or TENS.get(w, 0)
            digit_before = prev in UNITS and 1 <= UNITS[prev] <= 9
            if value >= 10 and digit_before and current < 10 and not (price or half or total):
                current = current * 100 + value  # "one fifty", "two seventy-five"
                price = True
            else:
                current += value
            seen = True
        elif w == "hundred":
            current = ((current or 1) + (0.5 if half else 0)) * 100
            half, seen = False, True
        elif w in SCALES:
            total += ((current or 1) + (0.5 if half else 0)) * SCALES[w]
            current, half, seen = 0, False, True
        else:
            return None
        prev = w
    return float(total + current) if seen else None


def num(s: str) -> float | None:
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    return words_to_number(s)
