"""Small text helpers shared by the checks: words, content words, quotes.

Kept deliberately simple and dependency-free: the checks only need to know whether a
trainee reused the debtor's words or a fact's keywords, and explainable matching
(these words were shared) beats clever matching a trainee cannot follow.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from simulator.rxcache import compile as rx

if TYPE_CHECKING:
    from simulator.engine.records import Turn

_WORD = rx(r"[a-z0-9]+(?:'[a-z]+)?")

#: Function words and call filler that say nothing about what the debtor said.
STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's
    i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own same
    shan't she she'd she'll she's should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they they'd they'll they're they've this
    those through to too under until up very was wasn't we we'd we'll we're we've were weren't
    what what's when when's where where's which while who who's whom why why's with won't would
    wouldn't you you'd you'll you're you've your yours yourself yourselves
    yes yeah yep okay ok oh um uh well just really right sure know think get got go going
    like thing things something anything mean said say says tell told want wanted need
    now today still also even much many lot lots way back one two three call calling
    hi hello thanks thank please sorry mr mrs ms sir ma'am gonna gotta kind sort maybe
    """.split()
)


def words(text: str) -> list[str]:
    """Lower-case words (apostrophes kept inside words)."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def word_count(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem so "hours"/"hour" and "cutting"/"cut" meet; not linguistics."""
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)] + keep
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]  # cutt -> cut, stopp -> stop
    return word


#: word -> its stem, or "" for a word that carries no content; the vocabulary of calls is
#: small, so every card after the first finds most of its words here.
_CONTENT_STEM: dict[str, str] = {}
_MAX_VOCABULARY = 65536


def _content_stem(w: str) -> str:
    s = "" if len(w) < 3 or w in STOPWORDS or w.isdigit() else stem(w)
    if len(_CONTENT_STEM) < _MAX_VOCABULARY:
        _CONTENT_STEM[w] = s
    return s


def content_words(text: str) -> dict[str, str]:
    """Stem -> first surface form, for words that carry content (no stopwords, 3+ letters)."""
    out: dict[str, str] = {}
    known = _CONTENT_STEM
    for w in words(text):
        s = known.get(w)
        if s is None:
            s = _content_stem(w)
        if s and s not in out:
            out[s] = w
    return out


def keyword_hits(keywords: list[str] | tuple[str, ...], text: str) -> list[str]:
    """The keywords (single words or phrases) that occur in the text, by stem or phrase."""
    low = text.lower()
    stems = {stem(w) for w in words(text)}
    hits: list[str] = []
    for kw in keywords:
        k = kw.lower().strip()
        if not k:
            continue
        if " " in k or "-" in k:
            if k in low:
                hits.append(kw)
        elif stem(k) in stems:
            hits.append(kw)
    return hits


def quote(text: str, limit: int = 160) -> str:
    """A quote short enough for a card; long pastes are cut with an ellipsis."""
    if len(text) <= limit and "  " not in text and text.isprintable() and text == text.strip():
        return text  # already one line of single spaces: nothing to fold (most quotes)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "\u2026"


def parse_hhmm(value: str | None) -> int | None:
    """'18:30' -> minutes after midnight; None when missing or malformed."""
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", str(value))
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 23 or mi > 59:
        return None
    return h * 60 + mi


def money(x: float) -> str:
    return f"${x:,.2f}"


def move_quote(turn: Turn, move: str) -> str:
    """The words that showed a move, widened to whole words.

    Analyser spans can stop inside a token (a pattern that ends on "$" or on the first
    letter of a name); a trainee should read "So that's $80", not "So that's $".
    """
    for m in turn.analysis.moves:
        if m.move != move:
            continue
        text = turn.text
        start, end = m.start, m.end
        if not (0 <= start < end <= len(text)) or text[start:end] != m.evidence:
            return m.evidence or text
        if end < len(text) and (text[end - 1].isalnum() or text[end - 1] in "$£€"):
            while end < len(text) and (
                text[end].isalnum()
                or (text[end] in ",.'-" and end + 1 < len(text) and text[end + 1].isalnum())
            ):
                end += 1
        return text[start:end]
    return turn.text


def snippet(text: str, needle: str, width: int = 80) -> str:
    """The part of ``text`` around the first occurrence of ``needle`` (case-insensitive),
    so a long note is quoted where it proves the point."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    at = flat.lower().find(needle.lower()) if needle else -1
    if at < 0:
        return quote(flat, width)
    start = max(0, at - width // 3)
    if start:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    piece = flat[start: start + width]
    if start + width < len(flat):
        cut = piece.rfind(" ")
        piece = (piece[:cut] if cut > width // 2 else piece) + "\u2026"
    return ("\u2026" if start else "") + piece
