"""Debtor lines: fill ``{debtor.first_name}`` -> ``Maria``, and choose among variants.

Filling knows only {root.field} names (no attribute access, no format specs), so a line
can never reach into Python objects.

Choosing remembers the call: a variant whose conditions do not hold is never said; a
long line (40 characters or more) is never said twice in a call; a fact already told is
recalled in its short form ("Like I said, I lost my job."); when every long variant has
been said, a short one is said instead.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from simulator.rxcache import compile as rx

PLACEHOLDER = rx(r"(?<!\{)\{([a-z_]+)\.([a-z_0-9]+)\}(?!\})")
LONG = 40  # a line this long is noticed when it comes again
_SENTENCE = rx(r"(?<=[.!?])\s+")


def fill(template: str, values: Mapping[str, Mapping[str, str]]) -> str:
    def sub(m: re.Match[str]) -> str:
        root = values.get(m.group(1))
        if root is None or m.group(2) not in root:
            return m.group(0)
        return str(root[m.group(2)])

    # {{ and }} are literal braces, as in str.format (and as the linter reads them).
    return PLACEHOLDER.sub(sub, template).replace("{{", "{").replace("}}", "}")


def text_of(variant: Any) -> str:
    return variant if isinstance(variant, str) else variant.text


def long_sentences(text: str) -> list[str]:
    """The sentences of a line long enough that saying them twice is noticed."""
    out = [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) >= LONG]
    if not out and len(text.strip()) >= LONG:
        out = [text.strip()]
    return out


class Voice:
    """Chooses and fills what the debtor says, remembering what was said in this call."""

    def __init__(self, rng: random.Random, holds: Callable[[str], bool]) -> None:
        self.rng = rng
        self._holds = holds  # condition name -> does it hold now
        self.said: set[str] = set()  # long sentences said so far
        self.pending: set[str] = set()  # long sentences already in this turn's reply

    def eligible(self, variants: Sequence[Any]) -> list[Any]:
        out = []
        for v in variants:
            if isinstance(v, str):
                out.append(v)
            elif all(self._holds(c) for c in v.when) and not any(self._holds(c) for c in v.unless):
                out.append(v)
        return out

    def fresh(self, text: str) -> bool:
        return not any(s in self.said or s in self.pending for s in long_sentences(text))

    def hold(self, text: str) -> None:
        """This text is part of the reply being built: nothing else in it may repeat it."""
        self.pending.update(long_sentences(text))

    def choose(self, variants: Sequence[Any], values: Mapping[str, Mapping[str, str]],
               again: bool = False) -> str:
        """One variant, filled; '' when none may be said (every long one said already and
        no short one among them). With ``again`` (the caller asked to hear it again) a line
        said before may be said once more."""
        pool = self.eligible(variants)
        if not pool:
            return ""
        filled = [fill(text_of(v), values) for v in pool]
        fresh = [t for t in filled if again or self.fresh(t)]
        if not fresh:
            return ""
        # Draw among all eligible variants, as before, then fall on the next fresh one, so
        # that a seed keeps its first choices whatever comes later.
        i = self.rng.randrange(len(filled))
        order = filled[i:] + filled[:i]
        return next(t for t in order if t in fresh)

    def remember(self, text: str) -> None:
        """The reply was said: its long sentences are not said again in this call."""
        self.said.update(long_sentences(text))
        self.pending.clear()


def join_lead(lead: str, body: str, names: set[str] = frozenset()) -> str:
    """'Like I said before,' + 'It's March 3rd.' -> 'Like I said before, it's March 3rd.'
    (the first word keeps its capital when it is 'I...' or a name)."""
    if not body:
        return lead
    if not lead:
        return body
    if lead[-1] in ",:":
        first = body.split()[0] if body.split() else ""
        bare = first.strip(".,!?'\"").split("'")[0]
        if bare and bare != "I" and bare not in names and not bare.isupper():
            body = body[0].lower() + body[1:]
    return f"{lead} {body}"
