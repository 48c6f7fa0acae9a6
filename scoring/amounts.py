"""Amounts a trainee line presents as owed or as a fee, for the misstated-balance and
fee rules: "the balance is $1,240", "which comes to $2,300 with interest", "plus a $150
processing fee", in digits or words (the analyser's money entities). Offers, instalments
and payments are neither, so a settlement or a plan amount is never read as the balance:
"$750 settles it in full" states what the settlement does, not what is owed. A figure the
same line corrects ("the whole $1,840? sorry, I mean $1,480") is replaced by the correction:
said in one breath, the wrong figure misled nobody (``corrections`` lists it for a note).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scoring.caseless import Caseless
from simulator.rxcache import compile as rx

if TYPE_CHECKING:
    from scoring.context import CallView
    from simulator.engine.records import Turn

#: Cues before an amount that present it as what is owed ("the balance is", "you owe",
#: "the full", "comes to") and cues that make it an offer instead ("settle for", "a plan of").
_OWED_CUE = rx(
    r"\b(balance|owe[sd]?|owing|outstanding|amount due|total due|past due|total|full|entire|whole|"
    r"comes? to|came to|brings? it to|is now|now at|up to|principal)\b", re.I)
_OFFER_CUE = rx(
    r"\b(settle|settlement|for only|discount|off|save|reduc\w*|plan|instal\w*|payments? of|down|upfront|"
    r"up front|start with|a month|per month|each month|do|manage|afford|put|partial|lump sum|deposit|"
    r"first payment|last payment|paid|toward|towards|lost|losing|"
    # "twelve payments in total with the last one $150": an instalment, not the balance
    r"(?:last|final)\s+(?:one|instal\w*|payments?|month)(?:\s+(?:of|is|at|for|being))?)\b", re.I)
_OWED_AFTER = rx(r"^\W*(?:\w+\W+){0,2}?(with interest|in total|total|owed|owing|outstanding|past due|in full)\b",
                         re.I)
#: Words between an amount and "in full" / "total" that make it what a payment or settlement
#: does ("$750 settles it in full", "a $750 settlement, paid in full"), not what is owed.
_SETTLES = rx(r"\b(settle[sd]?|settling|settlement|pays?|paid|paying|clears?|closes?|resolves?|plan|"
              r"instal\w*|payments?|down)\b", re.I)
#: A speaker correcting the figure just said: "sorry, I mean $1,480", "make that $950".
_CORRECTION = rx(r"\b(sorry|I\s+mean|I\s+meant|correction|make\s+that|scratch\s+that|my\s+(?:bad|mistake)|"
                 r"I\s+misspoke|I\s+misread|I\s+flipped|no,?\s+wait|let\s+me\s+correct)\b\W*(?:\w+\W+){0,3}?$",
                 re.I)
_HEDGE = rx(r"\b(about|around|roughly|approximately|approx|nearly|almost|just under|just over|"
                    r"a little (?:over|under|more than|less than)|close to|some|over|under)\s*$", re.I)
_FEE_AFTER = rx(r"^\s*(?:[\w-]+\s+){0,2}?(fees?|charges?|surcharges?|penalt(?:y|ies))\b", re.I)
_FEE_BEFORE = rx(r"\b(fee|charge|surcharge|penalty)\s+(?:of\s+)?$", re.I)
FEE_ADDED = rx(r"\b(plus|add|added|adding|additional|extra|on top)\b", re.I)
FEE_NO_AMOUNT = Caseless(
    r"\b(plus|add|added|adding|additional|extra|on top of)\b[^.?!]{0,40}?\b(fees?|charges?|surcharges?|penalt(?:y|ies))\b")
FEE_DENIED = rx(r"\b(no|without|waive\w*|won'?t|not|never|free)\b", re.I)


def _sentence_before(text: str, at: int, width: int = 60) -> str:
    start = max(0, at - width)
    piece = text[start:at]
    cut = max(piece.rfind("."), piece.rfind("?"), piece.rfind("!"), piece.rfind(";"))
    return piece[cut + 1:] if cut >= 0 else piece


def tail_words(piece: str, width: int) -> str:
    """The last ``width`` characters of ``piece``, from a word's start ("there is a small
    fee", never "ere is a small fee")."""
    if len(piece) <= width:
        return piece
    cut = piece[-width:]
    if piece[-width - 1].isalnum() and cut[:1].isalnum():
        space = cut.find(" ")
        cut = cut[space + 1:] if space >= 0 else cut
    return cut


def head_words(piece: str, width: int) -> str:
    """The first ``width`` characters of ``piece``, to a word's end."""
    if len(piece) <= width:
        return piece
    cut = piece[:width]
    if piece[width].isalnum() and cut[-1:].isalnum():
        space = cut.rfind(" ")
        cut = cut[:space] if space >= 0 else cut
    return cut


def amounts_stated(turn: Turn, view: CallView | None = None) -> list[tuple[str, float, str, bool]]:
    """(what, value, words, hedged) for each amount a line presents as owed ("owed") or as a
    fee ("fee"); offers, instalments and payments are neither. With ``view``, an amount the
    line says settles or pays the account in full that is above the balance stays "owed":
    no settlement asks for more than is owed."""
    if view is not None:
        key = f"amounts:{turn.index}"
        if key not in view.memo:
            view.memo[key] = _amounts(turn, view.balance, view.th.balance_tolerance)[0]
        return view.memo[key]
    return _amounts(turn)[0]


def corrections(turn: Turn, view: CallView | None = None) -> list[tuple[float, float, str]]:
    """(figure said, figure it was corrected to, words) for each amount owed the line
    corrected in the same breath ("$1,840? sorry, I mean $1,480")."""
    return _amounts(turn, view.balance if view else None, view.th.balance_tolerance if view else 0.0)[1]


Stated = tuple[str, float, str, bool]


def _amounts(turn: Turn, balance: float | None = None,
             tol: float = 0.0) -> tuple[list[Stated], list[tuple[float, float, str]]]:
    if not turn.analysis.entities:
        return [], []
    text = turn.text
    out: list[Stated] = []
    fixed: list[tuple[float, float, str]] = []
    previous: Stated | None = None  # the last amount of the line, with its reading
    for e in turn.analysis.entities_of("money"):
        if not isinstance(e.value, int | float) or e.unit:
            continue
        before = _sentence_before(text, e.start)
        after = text[e.end:e.end + 40]
        hedged = bool(_HEDGE.search(before))
        words = (tail_words(before, 40) + text[e.start:e.end] + head_words(after, 20)).strip()
        if _FEE_AFTER.match(after) or _FEE_BEFORE.search(before):
            out.append(("fee", float(e.value),
                        (tail_words(before, 30) + text[e.start:e.end] + head_words(after, 25)).strip(), hedged))
            previous = None
            continue
        what = _reading(float(e.value), before, after, balance, tol)
        piece = text[max(0, e.start - 60):e.start]
        if previous is not None and previous[0] == "owed" and _CORRECTION.search(piece):
            # "the whole $1,840 today? sorry, I mean $1,480": the correction replaces the slip
            out.remove(previous)
            fixed.append((previous[1], float(e.value), (tail_words(piece, 40) + text[e.start:e.end]).strip()))
            what = "owed"
        current: Stated = (what or "offer", float(e.value), words, hedged)
        if what == "owed":
            out.append(current)
        previous = current
    return out, fixed


#: "settle the whole thing for $1,410", "close the whole account out for": the price of a
#: settlement of the whole balance, not what is owed (tester6's honest resistant call failed
#: as a misstated balance at the 60% floor).
_SETTLED_FOR = rx(r"\b(?:settle|close|clear|resolve|wrap|take\s+care\s+of|knock)\w*\b[^.?!]{0,60}\bfor"
                  r"(?:\s+(?:just|only|a\s+flat|one\s+payment\s+of))?\s*$", re.I)


def _reading(value: float, before: str, after: str, balance: float | None, tol: float) -> str | None:
    """"owed" when the words around an amount present it as what is owed, else None."""
    if _SETTLED_FOR.search(before) and (balance is None or value < balance - tol):
        return None
    cues = [(m.start(), "owed") for m in _OWED_CUE.finditer(before)]
    cues += [(m.start(), "offer") for m in _OFFER_CUE.finditer(before)]
    last = max(cues)[1] if cues else None
    if last == "owed":
        return "owed"
    if last is not None:
        return None
    m = _OWED_AFTER.match(after)
    if m is None:
        return None
    if _SETTLES.search(after[:m.start(1)]) and (balance is None or value <= balance + tol):
        return None  # "$750 settles it in full": what the settlement does, not the balance
    return "owed"
