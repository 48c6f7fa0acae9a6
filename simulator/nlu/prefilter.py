"""Required words of a regular expression: a cheap test that rules a pattern out.

Most sentences match none of a move's cue patterns, and a regex search costs far more
than looking for a word in a string. For each pattern this module finds a set of
literal strings at least one of which appears in any text the pattern can match
(``what\\s+could\\s+you`` needs "what", "could" and "you"; it keeps the longest). When
none of them is in the sentence, the pattern cannot match and is not even compiled.

The test is only ever a necessary condition: a pattern with no such strings (all
classes, or an optional part) gets ``None`` and is always searched. Literals are
compared case-folded, as the cue patterns are matched ignoring case.

Working the strings out means parsing the regex, which costs about half a compile, so
those of the shipped cues and tone markers are kept in ``needs.json`` (a test keeps it
current; ``python -m simulator.nlu.needs_table > simulator/nlu/needs.json`` rewrites it).
Patterns a persona or scenario adds are worked out when first seen.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from re import _constants as C  # noqa: N812 - the parser's opcodes
from re import _parser
from typing import TypeVar

from simulator.rxcache import compile as rx

#: Characters that ignore-case matching treats as another ASCII letter but that
#: ``str.casefold`` leaves alone: fold them too, so the test stays a necessary one.
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s", "\u212a": "k"})
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def fold(text: str) -> str:
    """The text as the required strings are compared with it."""
    return text.casefold().translate(_FOLD)


NEEDS_FILE = Path(__file__).with_name("needs.json")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, list[str] | None]:
    try:
        data = json.loads(NEEDS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@functools.lru_cache(maxsize=4096)
def required(pattern: str) -> frozenset[str] | None:
    """Strings one of which any match of ``pattern`` contains, or None when unknown.
    Cached like ``re.compile``: an analyser extended by a persona's cues shares them."""
    table = _table()
    if pattern in table:
        known = table[pattern]
        return frozenset(known) if known else None
    return derive(pattern)


def derive(pattern: str) -> frozenset[str] | None:
    """``required`` worked out from the parsed regex."""
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    found = _sequence(list(parsed))
    return found or None


def _score(strings: frozenset[str]) -> tuple[int, int]:
    return (min(len(s) for s in strings), -len(strings))


def _best(candidates: list[frozenset[str]]) -> frozenset[str]:
    usable = [c for c in candidates if c and all(s.isascii() and s for s in c)]
    return max(usable, key=_score) if usable else frozenset()


def _sequence(items: list[tuple[object, object]]) -> frozenset[str]:
    """The best requirement of a sequence: its literal runs and its required parts."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({fold("".join(run))}))
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        flush()
        if op in _REPEATS:
            low, _high, sub = av  # type: ignore[misc]
            if low >= 1:
                candidates.append(_sequence(list(sub)))
        elif op is C.SUBPATTERN:
            candidates.append(_sequence(list(av[-1])))  # type: ignore[index]
        elif op is C.ATOMIC_GROUP:
            candidates.append(_sequence(list(av)))  # type: ignore[arg-type]
        elif op is C.BRANCH:
            branches = [_sequence(list(b)) for b in av[1]]  # type: ignore[index]
            if all(branches):
                candidates.append(frozenset().union(*branches))
        # anything else (classes, any-char, anchors, look-arounds, back-references)
        # requires no particular string and ends the literal run
    flush()
    return _best(candidates)


P = TypeVar("P", bound="Pattern")


class Pattern:
    """A regex compiled on first need and skipped, without a search, when the text
    lacks every string it requires. ``folded`` is ``fold(text)``, made once per text."""

    __slots__ = ("source", "flags", "needs", "_rx")
    needs: tuple[str, ...] | None

    def __init__(self, source: str, flags: int = re.IGNORECASE) -> None:
        self.source = source
        self.flags = flags
        found = required(source)
        self.needs = tuple(sorted(found, key=len, reverse=True)) if found else None
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = rx(self.source, self.flags)
        return self._rx

    def search(self, text: str, folded: str) -> re.Match[str] | None:
        """``rx.search(text)``, skipped when ``folded`` lacks every required string."""
        for p in could_match((self,), folded):
            return p.rx.search(text)
        return None


def could_match(patterns: Iterable[P], folded: str) -> Iterator[P]:
    """The patterns, in order, that ``folded`` does not rule out: the hot loops (every
    sentence against every cue and tone marker) take their patterns from here."""
    for p in patterns:
        needs = p.needs
        if needs is not None:
            for w in needs:
                if w in folded:
                    break
            else:
                continue
        yield p
