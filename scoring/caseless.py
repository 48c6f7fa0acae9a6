"""Case-insensitive patterns that rule most lines out at half the cost.

Python's regex engine matches ``re.IGNORECASE`` alternations about twice as slowly as
the same pattern without the flag, and the compliance rules search every line of every
call with a few such patterns (profanity, an added fee, "who are you with?"). Most
lines match none of them. For a pattern whose letters are all lower case, an ASCII
line matches it ignoring case exactly when the lower-cased line matches it as written,
so the lower-cased search decides "no match" for the common case, and only a line that
does match is searched again, ignoring case, for the match itself (its span and words
in the trainee's own capitals). A line with other characters is searched as before.

Before either search, the strings one of which any match must contain
(``simulator.nlu.prefilter``, the analyser's own test) rule out, with a substring test,
most lines that could not match, when those strings are long enough to be rare.
"""

from __future__ import annotations

import re

from simulator.nlu.prefilter import derive
from simulator.rxcache import compile as rx

_ESCAPE = re.compile(r"\\.")
_UPPER = re.compile(r"[A-Z]")


class Caseless:
    """``re.compile(pattern, re.IGNORECASE)`` with a faster ``search`` for no-match lines."""

    __slots__ = ("pattern", "_full", "_lower", "_needs")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._full = rx(pattern, flags | re.IGNORECASE)
        # Only a pattern with no upper-case letter outside escapes ([A-Z], "U.S.") has an
        # exact lower-case twin; escapes such as \W or \S are case-free already.
        plain = pattern.isascii() and not _UPPER.search(_ESCAPE.sub("", pattern))
        self._lower = rx(pattern, flags & ~re.IGNORECASE) if plain else None
        needs = derive(pattern)
        self._needs = tuple(needs) if needs and min(map(len, needs)) >= 3 else None

    def search(self, text: str) -> re.Match[str] | None:
        if self._lower is not None and text.isascii():
            low = text.lower()
            if self._needs is not None and not any(n in low for n in self._needs):
                return None
            if self._lower.search(low) is None:
                return None
        return self._full.search(text)

    def __repr__(self) -> str:
        return f"Caseless({self.pattern!r})"
