"""Compliance rules for circumstances the call brings to light: the debtor is in
bankruptcy, the debtor has died (the spouse or executor answers), the debtor is a
servicemember on active duty, the debt is past the statute of limitations.

Each rule applies only where its circumstance arose (a turn event of the engine, or the
account file for a time-barred debt), so a textbook call on another scenario is never
touched. Importing this module registers the rules with ``scoring.compliance``.
"""

from __future__ import annotations

import re

from scoring.checks.base import move_quote
from scoring.compliance import (
    COLLECTING_MOVES,
    _add,
    _after,
    _first,
    _skip,
    asks_to_pay,
    invites_payment,
    rule,
)
from scoring.compliance_words import credit_threat
from scoring.context import CallView
from scoring.scorecard import Compliance
from simulator.engine.records import Turn
from simulator.rxcache import compile as rx

#: A negation in the clause before a phrase: "we will not sue", "you're not responsible".
_NEGATION = rx(
    r"\b(?:not|never|no|nothing|none|nobody|neither|nor|won'?t|can'?t|cannot|don'?t|doesn'?t|isn'?t|aren'?t|"
    r"wouldn'?t|couldn'?t|shouldn'?t|unable|without)\b|n't\b", re.I)
#: Where a clause starts: the last punctuation or contrast before a phrase.
_CLAUSE = rx(r"[.;:!?,]|\b(?:but|however|although|though|unless|if|otherwise)\b", re.I)


#: A hedge, not a denial: "I'm not saying we're gonna sue" denies the saying, and leaves the
#: suit standing (tester7, 2026-12-03: "im not saying we're gonna sue, but ... i cant promise
#: what the creditor decides to do w it down the road").
_HEDGE = rx(r"\b(?:not|never|n't|nobody'?s)\s+(?:\w+\s+)?(?:saying|telling\s+(?:you|u)|promising|guaranteeing|"
            r"suggesting|implying|threatening)\b(?:\s+(?:that|you|u))?", re.I)


def _negated(text: str, start: int, match: re.Match[str] | None = None) -> bool:
    """Is the phrase at ``start`` denied in its own clause ("we will not sue you"), or in
    itself (a ``neg`` group: "you are not responsible")? A hedge ("I'm not saying we'll
    sue") is no denial."""
    if match is not None and match.groupdict().get("neg"):
        return True
    before = text[:start]
    cut = 0
    for m in _CLAUSE.finditer(before):
        cut = m.end()
    clause = before[cut:]
    hedges = list(_HEDGE.finditer(clause))
    if hedges:
        clause = clause[hedges[-1].end():]
    return bool(_NEGATION.search(clause))


def _affirmed(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text`` that its clause does not deny."""
    for m in pattern.finditer(text):
        if not _negated(text, m.start(), m):
            return m
    return None


def _happened(view: CallView, flag: str) -> bool:
    return any(t.before is not None and getattr(t.before, flag) for t in view.turns) or any(
        flag in t.events for t in view.turns)


# --------------------------------------------------------------------------- bankruptcy


@rule("collecting_in_bankruptcy")
def _in_bankruptcy(view: CallView, out: Compliance) -> None:
    """After "I filed Chapter 7": the automatic stay; take the case number and the
    attorney, and stop."""
    _after(view, out, "collecting_in_bankruptcy", "bankruptcy",
           "the debtor said they filed for bankruptcy (the automatic stay bars collection)")


# --------------------------------------------------------------------------- deceased

#: Words that make the survivor personally liable for the deceased's debt.
PERSONAL_LIABILITY = rx(
    r"\byou(?:'re|'ll be| are| will be| would be| become| now)?\s+(?P<neg>not\s+|never\s+|no longer\s+)?"
    r"(?:now\s+|still\s+)?(?:personally\s+|legally\s+)?"
    r"(?:responsible|liable|obligated|on the hook)\b|"
    r"\byou\s+(?:now\s+|still\s+)?owe\b|"
    r"\byou(?:'ll| will)?\s+(?:have|need|got)\s+to\s+(?:pay|cover|take care of)\b|"
    r"\byou\s+must\s+(?:pay|cover)\b|"
    r"\b(?:your|the family'?s)\s+(?:debt|responsibility|obligation)\b|"
    r"\binherit(?:ed|s)?\s+(?:the|his|her|this)\s+(?:debt|balance|account)\b|"
    r"\bout of your own pocket\b|"
    r"\b(?:from|with|out\s+of|on)\s+your\s+own\s+(?:account|money|funds|savings|pocket|income|bank|card|checking|paycheck)\b",
    re.I)
#: A line that asks the estate, not the survivor, to pay.
ESTATE = rx(r"\b(?:estate|probate|executor|administrator)\b", re.I)
SURVIVOR_CITATION = "12 CFR 1006.18(a); 15 U.S.C. 1692e(2)(A), 1692e(10)"


@rule("survivor_liability")
def _survivor_liability(view: CallView, out: Compliance) -> None:
    """After the debtor's death comes out: the estate owes, the survivor does not. Saying
    or implying that the spouse or executor must pay it themselves is deceptive."""
    if any(t.before is None for t in view.turns):
        _skip(out, "survivor_liability", "the call's facts (a deceased debtor) are unknown")
        return
    for t in view.turns:
        if not t.before.deceased:
            continue
        m = _affirmed(PERSONAL_LIABILITY, t.text)
        if m is not None:
            _add(view, out, "survivor_liability", t.index, m.group(0),
                 "told the survivor they are personally liable for the deceased debtor's debt "
                 "(only the estate is)")
            continue
        move = _first(t, COLLECTING_MOVES)
        denies = any(_negated(t.text, x.start(), x) for x in PERSONAL_LIABILITY.finditer(t.text))
        if ESTATE.search(t.text) or denies:
            continue
        if move is not None:
            _add(view, out, "survivor_liability", t.index, move_quote(t, move) or t.text,
                 f"asked the survivor to pay ({move.replace('_', ' ')}) without saying the estate, "
                 "not they, owes it: implies they are personally liable")
        elif words := asks_to_pay(t) or invites_payment(t):
            # "Would you be able to take care of it?": a request for money in any words.
            _add(view, out, "survivor_liability", t.index, words,
                 f'asked the survivor to pay ("{words}") without saying the estate, not they, owes it: '
                 "implies they are personally liable")


# --------------------------------------------------------------------------- servicemember

#: Contacting or reporting to the servicemember's command, or their career at stake.
MILITARY_THREAT = rx(
    r"\b(?:commanding officer|command(?:er|ing)?|chain of command|your CO|first sergeant|sergeant major|"
    r"your (?:unit|base|superiors?|supervisor|officer|sergeant|captain|lieutenant|major)|on base|"
    r"military police|JAG|court[- ]martial\w*|UCMJ|article 15|security clearance|clearance|your rank|"
    r"discharge(?:d)?|your (?:military )?career)\b", re.I)
MILITARY_CITATION = "15 U.S.C. 1692c(b), 1692e(5), 1692e(7); 12 CFR 1006.18(c)(1)"


@rule("military_command_threat")
def _military_threat(view: CallView, out: Compliance) -> None:
    """With a servicemember: no word about their command, their clearance or their career.
    Telling the command is a third-party disclosure; saying it is a threat (1692e(5)),
    and it implies misconduct (1692e(7))."""
    if not _happened(view, "servicemember"):
        return
    for t in view.turns:
        m = _affirmed(MILITARY_THREAT, t.text)
        if m is not None:
            _add(view, out, "military_command_threat", t.index, m.group(0),
                 f'brought the servicemember\'s command or career into the debt ("{m.group(0)}")')


# --------------------------------------------------------------------------- time-barred

#: Any mention or suggestion of a lawsuit or its machinery.
SUIT = rx(
    r"\b(?:sue[sd]?|suing|lawsuits?|law suits?|courts?|courthouse|judges?|judgm?ents?|legal action|"
    r"legal proceedings?|legal steps|litigat\w*|summons|garnish\w*|lien|levy|"
    r"(?:our|an|the)\s+(?:attorneys?|lawyers?|legal (?:team|department))|legal department)\b", re.I)
#: Saying an old debt can still be enforced misrepresents its legal status.
ENFORCEABLE = rx(
    r"\b(?:legally (?:obligated|required|bound|enforceable|responsible)|required by law to pay|"
    r"(?:still\s+)?(?:legally\s+)?enforceable|no statute of limitations|never expires?|doesn'?t expire)\b",
    re.I)
#: The disclosure itself ("the law limits how long you can be sued on a debt") is no threat.
DISCLOSURE = rx(r"\blimits? how long\b|\bstatute of limitations (?:has|is|ran|expired)|"
                        r"\btoo old (?:to|for)\b", re.I)
SUIT_CITATION = "12 CFR 1006.26(b); 15 U.S.C. 1692e(5)"
ENFORCEABLE_CITATION = "12 CFR 1006.26(b); 15 U.S.C. 1692e(2)(A)"
_SENTENCE = rx(r"[^.!?]+[.!?]*")


def time_barred(view: CallView) -> bool:
    """The account file marks the debt time-barred, or the call revealed it."""
    if view.policy is not None and getattr(view.policy, "time_barred", False):
        return True
    acc = view.account
    if acc is not None and isinstance(getattr(acc, "policy", None), dict) and acc.policy.get("time_barred"):
        return True
    return _happened(view, "time_barred")


def _suit_words(t: Turn) -> tuple[str, str] | None:
    """(words, citation) of the first sentence that suggests suit or enforceability; a
    threat the analyser heard counts too, unless the line is the disclosure itself."""
    disclosure = False
    for s in _SENTENCE.finditer(t.text):
        sentence = s.group(0)
        if DISCLOSURE.search(sentence) and not _affirmed(ENFORCEABLE, sentence):
            disclosure = True
            continue
        m = _affirmed(SUIT, sentence)
        if m is not None:
            hedge = _HEDGE.search(sentence[:m.start()])  # quote "not saying we're gonna sue", not "sue"
            return sentence[hedge.start() if hedge else m.start():m.end()].strip(), SUIT_CITATION
        m = _affirmed(ENFORCEABLE, sentence)
        if m is not None:
            return m.group(0), ENFORCEABLE_CITATION
    if t.analysis.has("threat") and not disclosure and credit_threat(t.text) is None:
        # (a threat to the debtor's credit is the ``threat`` rule's, not a suggested suit)
        return move_quote(t, "threat") or t.text, SUIT_CITATION
    return None


#: Words that leave a suit open on an old debt without naming one: "the debt never goes
#: away", "the creditor still has options", "that's up to Redline", "I can't speak for what
#: they'll do". (Their negation is part of them, so they are not judged by ``_affirmed``.)
SUIT_OPEN = rx(
    r"\b(?:never|doesn'?t|does\s+not|won'?t|will\s+not)\s+(?:just\s+|really\s+|simply\s+)?(?:go(?:es)?\s+away|"
    r"disappear|expire|vanish)\w*\b|"
    r"\b(?:creditor|client|owner|lender|bank|they|we)\s+(?:still\s+)?(?:has|have|keeps?|retains?)\s+(?:\w+\s+){0,2}?"
    r"(?:options|remedies|rights|recourse|avenues)\b|"
    r"\b(?:options|remedies|recourse|avenues)\s+(?:are\s+|is\s+)?(?:still\s+)?(?:available|open)\s+to\s+"
    r"(?:them|us|the\s+(?:creditor|client|owner|lender|bank))\b|"
    r"\b(?:anything|everything)\s+(?:is|'s)\s+(?:possible|on\s+the\s+table)\b|\bcan'?t\s+rule\s+(?:\w+\s+)?out\b",
    re.I)
#: Evasion of "can you sue me?": the decision passed to someone else, or no answer given.
SUIT_EVADED = rx(
    r"\b(?:up\s+to|depends\s+on|decision\s+(?:of|for)|call\s+(?:of|for))\s+(?:the\s+)?(?:original\s+)?"
    r"(?:creditor|client|owner|them|legal|management|[A-Z][\w&'-]+)\b|"
    r"\bfor\s+(?:the\s+)?(?:original\s+)?(?:creditor|client|owner|them|legal|management|[A-Z][\w&'-]+)\s+to\s+"
    r"(?:decide|say|determine)\b|"
    r"\b(?:creditor|client|owner|they)\s+(?:will|would|gets?\s+to|can|could|may|might)\s+(?:decide|determine|choose)\b|"
    r"\b(?:can'?t|cannot|couldn'?t|not\s+able\s+to|unable\s+to)\s+(?:really\s+)?(?:speak\s+(?:for|to)|say|promise|"
    r"guarantee|tell\s+you|comment|predict|answer)\b|"
    r"\b(?:not|n't)\s+(?:\w+\s+){0,2}?(?:my|our)\s+(?:call|decision|place|department)\b|"
    r"\bwe'?ll\s+(?:have\s+to\s+)?see\b|\b(?:i\s+)?(?:don'?t|do\s+not)\s+know\b|\bhard\s+to\s+say\b",
    re.I)
#: The debtor asks whether they can be sued.
ASKS_SUIT = rx(r"\b(?:sue|suing|court|lawsuit|judg(?:e)?ment|garnish\w*|legal\s+action|take\s+me\s+to)\b[^.!]*\?|"
               r"\?[^?]*\b(?:sue|court)\b", re.I)


#: A denial of suit qualified in time or intent, which leaves one open: "we're not planning to
#: sue you at this time", "right now there's no lawsuit on the table", "nothing filed yet".
SUIT_FOR_NOW = rx(
    r"\b(?:at\s+this\s+(?:time|point|stage|moment)|right\s+now|just\s+now|for\s+now|for\s+the\s+(?:moment|time\s+being)|"
    r"at\s+the\s+moment|currently|yet|as\s+of\s+(?:now|today|yet)|on\s+the\s+table|planning|plans?\s+to|no\s+plans?|"
    r"intend\w*|immediate\w*|this\s+(?:week|month|year))\b", re.I)


def suit_for_now(text: str) -> str | None:
    """The sentence that denies suit only for now (a time or an intent), on a time-barred
    debt: it leaves a suit open (12 CFR 1006.26(b) bars suggesting one)."""
    for s in _SENTENCE.finditer(text):
        sentence = s.group(0)
        if DISCLOSURE.search(sentence) or not SUIT.search(sentence):
            continue
        if SUIT_FOR_NOW.search(sentence) and any(_negated(sentence, m.start(), m) for m in SUIT.finditer(sentence)):
            return sentence.strip()
    return None


def _denies_suit(text: str) -> bool:
    """The line says there will be no suit: "we will not sue you", "we can't take you to
    court", or the statute-of-limitations disclosure."""
    if DISCLOSURE.search(text):
        return True
    return any(_negated(text, m.start(), m) for m in SUIT.finditer(text))


#: The account sent on to the creditor's lawyers: on a time-barred debt, legal action implied
#: whatever was denied before it ("we cannot sue you ... But the creditor can still forward
#: the account to their attorney's office for review", tester5, 2026-12-03). The debtor's own
#: attorney ("talk to your own lawyer") is not this.
ATTORNEY_REFERRAL = rx(
    r"\b(?:forward|refer|send|pass|hand|transfer|assign|place)\w*\s+(?:\w+\s+){0,4}?(?:to|with)\s+(?:an?\s+|their\s+|its\s+|"
    r"the\s+|our\s+|the\s+creditor'?s\s+|[A-Z]\w+'s\s+)?(?:attorneys?|lawyers?|law\s+(?:firm|office)|legal(?:\s+(?:department|"
    r"team|counsel))?|counsel)\b", re.I)


def _suit_left_open(t: Turn, answering: bool) -> str | None:
    """Words that leave a suit open on a time-barred debt, in a line that denies none;
    ``answering``: the line answers the debtor's "can you sue me?", so evasion counts. An
    account sent on to lawyers counts even after a denial."""
    m = _affirmed(ATTORNEY_REFERRAL, t.text)
    if m is not None:
        return m.group(0)
    if _denies_suit(t.text):
        return None
    m = SUIT_OPEN.search(t.text)
    if m is None and answering:
        m = SUIT_EVADED.search(t.text)
    return m.group(0) if m is not None else None


@rule("time_barred_suit")
def _time_barred_suit(view: CallView, out: Compliance) -> None:
    """On a time-barred debt: no suit, no threat or suggestion of one, and no claim that
    the debt can still be enforced in court; asked "can you sue me?", the answer is no,
    not "that's up to the creditor"."""
    if not time_barred(view):
        return
    previous = view.opening or ""
    for t in view.turns:
        asked, previous = bool(ASKS_SUIT.search(previous)), t.reply or ""
        found = _suit_words(t)
        if found is None and (words := suit_for_now(t.text)) is not None:
            _add(view, out, "time_barred_suit", t.index, words,
                 f'denied a suit only for now on a time-barred debt ("{words}"), which leaves one open: '
                 "say plainly that because of its age you will not sue",
                 citation="12 CFR 1006.26(b); 15 U.S.C. 1692e(5), 1692e(10)")
            continue
        if found is None:
            words = _suit_left_open(t, asked)
            if words is not None:
                what = ("evaded the debtor's question whether they can be sued" if asked
                        else "implied the debt can still be enforced")
                _add(view, out, "time_barred_suit", t.index, words,
                     f'{what} on a time-barred debt ("{words}"): say plainly that because of its age '
                     "you will not sue", citation="12 CFR 1006.26(b); 15 U.S.C. 1692e(2)(A), 1692e(5), 1692e(10)")
            continue
        words, citation = found
        what = ("suggested a lawsuit" if citation == SUIT_CITATION
                else "said the debt can still be enforced")
        _add(view, out, "time_barred_suit", t.index, words,
             f'{what} on a time-barred debt ("{words}"): past the statute of limitations, no suit may '
             "be brought or threatened", citation=citation)
